package quote

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	kWord  tokKind = 1 + iota
	kPunct         // one punctuation rune
	kQuote         // a whole quotation, marks included: its words are not the reporter's
	kApos          // an apostrophe that is not a quotation mark
)

type token struct {
	s, e  int
	info  flag
	r     rune // the rune of a kPunct
	q     int  // quotation index of a kQuote
	kind  tokKind
	cap   bool // starts with an upper-case letter
	caps  bool // two or more letters, all upper case (US, BBC)
	first bool // first word of the sentence or of a clause after : ; ( or a quotation
	poss  bool // possessive ('s, s')
	digit bool // starts with a digit
	isI   bool // the pronoun I
}

// scratch is the per-call working memory, pooled so that a call allocates
// only what it returns.
type scratch struct {
	s      string
	marks  []mark
	ahead  []bool // see closesAhead
	stack  []int
	quotes []rawQuote
	toks   []token
	qtok   []int // token index of each quotation
	atts   []attr
	buf    [maxKey]byte

	// The subject of the main clause, worked out once when a participle
	// ("..., adding that") or a coordinated verb needs it.
	mainDone     bool
	main0, main1 int
}

var pool = sync.Pool{New: func() any { return new(scratch) }}

func (sc *scratch) reset(s string) {
	sc.s = s
	sc.marks = sc.marks[:0]
	sc.stack = sc.stack[:0]
	sc.quotes = sc.quotes[:0]
	sc.toks = sc.toks[:0]
	sc.qtok = sc.qtok[:0]
	sc.atts = sc.atts[:0]
	sc.mainDone = false
}

func (sc *scratch) findQuotes() {
	sc.scanMarks()
	if len(sc.marks) > 0 {
		sc.pair()
	}
}

// tokenize splits the reporter's words into tokens; each quotation becomes
// one kQuote token so that speech verbs quoted inside it ("He said we must
// leave," she said) never count as attributions.
func (sc *scratch) tokenize() {
	s := sc.s
	qi := 0
	first := true
	for i := 0; i < len(s); {
		limit := len(s)
		if qi < len(sc.quotes) {
			q := &sc.quotes[qi]
			if i >= q.rs {
				sc.toks = append(sc.toks, token{s: q.rs, e: q.re, kind: kQuote, q: qi})
				sc.qtok = append(sc.qtok, len(sc.toks)-1)
				i = max(q.re, i+1)
				qi++
				first = true
				continue
			}
			limit = q.rs
		}
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isSpace(r):
			i += w
		case isAlnum(r):
			i = sc.word(i, limit, first)
			first = false
		case r == '\'' || r == '’' || r == '‘':
			sc.toks = append(sc.toks, token{s: i, e: i + w, kind: kApos, r: r})
			i += w
		default:
			sc.toks = append(sc.toks, token{s: i, e: i + w, kind: kPunct, r: r})
			i += w
			switch r {
			case ',', '"', '“', '”', '«', '»', '„':
			default:
				first = true
			}
		}
	}
	for len(sc.qtok) < len(sc.quotes) {
		// Unreachable for well-formed regions; keeps indexes aligned.
		sc.qtok = append(sc.qtok, -1)
	}
}

// word scans one word from i: letters and digits joined by hyphens,
// apostrophes, periods (U.S., 3.5) and ampersands (AT&T). ASCII, nearly all
// of news copy, never goes through the unicode tables.
func (sc *scratch) word(i, limit int, first bool) int {
	s := sc.s
	j := i
scan:
	for j < limit {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiAlnum[c] {
				j++
				continue
			}
			switch c {
			case '-', '\'', '.', '&', ',':
				if j+1 < limit && alnumAt(s, j+1) && (c != ',' || isDigit(rune(s[j-1])) && isDigit(rune(s[j+1]))) {
					j++
					continue
				}
			}
			break scan
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case isAlnum(r) || unicode.Is(unicode.Mn, r):
			j += w
		case (r == '‐' || r == '’') && j+w < limit && alnumAt(s, j+w):
			j += w
		default:
			break scan
		}
	}
	// A plural possessive keeps its apostrophe: the Guards' commander.
	if j < limit && (s[j-1] == 's' || s[j-1] == 'S') {
		if r, w := utf8.DecodeRuneInString(s[j:]); (r == '\'' || r == '’') && !isAlnum(nextRune(s, j+w)) && j+w <= limit {
			j += w
		}
	}
	t := token{s: i, e: j, kind: kWord, first: first}
	sc.classify(&t)
	// Keep the period of an initial or a title: Maj. Gen. John Brennan.
	// A period with nothing after it ends the sentence instead.
	if j < limit && s[j] == '.' && (t.info&fAbbrev != 0 || (j-i == 1 && t.cap) || hasDot(s[i:j])) && !atEnd(s, j+1) {
		j++
		t.e = j
	}
	sc.toks = append(sc.toks, t)
	return j
}

// atEnd reports whether only spaces and closing punctuation follow byte i.
func atEnd(s string, i int) bool {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) && !isQuoteRune(r) && r != ')' && r != ']' {
			return false
		}
		i += w
	}
	return true
}

// asciiAlnum marks ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// alnumAt reports whether a letter or digit starts at byte i.
func alnumAt(s string, i int) bool {
	if s[i] < utf8.RuneSelf {
		return asciiAlnum[s[i]]
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isAlnum(r)
}

func hasDot(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == '.' {
			return true
		}
	}
	return false
}

// classify fills in the shape of a word and its lexicon flags, lower-casing
// and hashing in the same pass.
func (sc *scratch) classify(t *token) {
	w := sc.s[t.s:t.e]
	c0 := w[0]
	if c0 < utf8.RuneSelf {
		t.cap = 'A' <= c0 && c0 <= 'Z'
		t.digit = '0' <= c0 && c0 <= '9'
	} else {
		r, _ := utf8.DecodeRuneInString(w)
		t.cap = unicode.IsUpper(r)
		t.digit = isDigit(r)
	}
	t.isI = w == "I"
	letters, upper := 0, 0
	h := uint32(fnvOffset)
	b := sc.buf[:0]
	long := false
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case 'A' <= c && c <= 'Z':
			letters++
			upper++
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
			letters++
		case c == 0xE2 && k+2 < len(w) && w[k+1] == 0x80 && w[k+2] == 0x99:
			c = '\'' // ’ in didn’t looks up as didn't
			k += 2
		case c >= utf8.RuneSelf && utf8.RuneStart(c):
			if rr, _ := utf8.DecodeRuneInString(w[k:]); unicode.IsLetter(rr) {
				letters++
				if unicode.IsUpper(rr) {
					upper++
				}
			}
		}
		if len(b) == maxKey {
			long = true
			continue
		}
		b = append(b, c)
		h = (h ^ uint32(c)) * fnvPrime
	}
	t.caps = letters >= 2 && upper == letters
	n := len(w)
	switch {
	case n >= 3 && (w[n-2:] == "'s" || w[n-2:] == "'S"):
		t.poss = true
	case n >= 5 && w[n-4:] == "’s":
		t.poss = true
	case n >= 3 && w[n-1] == '\'' && w[n-2] == 's', n >= 5 && w[n-3:] == "’" && w[n-4] == 's':
		t.poss = true
	}
	if !long && len(b) > 0 {
		t.info = lex.get(b, h)
	}
}

// fl is the lexicon flags of token i as they apply here: a capitalised word
// inside the sentence is a name, not a function word.
func (sc *scratch) fl(i int) flag {
	if i < 0 || i >= len(sc.toks) {
		return 0
	}
	t := &sc.toks[i]
	if t.kind != kWord {
		return 0
	}
	if t.isI {
		return t.info
	}
	if t.caps || (t.cap && !t.first) {
		return t.info &^ funcMask
	}
	return t.info
}

func (sc *scratch) text(i int) string {
	t := &sc.toks[i]
	return sc.s[t.s:t.e]
}

// is reports whether token i is the word w (lower case, ASCII).
func (sc *scratch) is(i int, w string) bool {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != kWord {
		return false
	}
	t := &sc.toks[i]
	return t.e-t.s == len(w) && foldEq(sc.s[t.s:t.e], w)
}

func (sc *scratch) kind(i int) tokKind {
	if i < 0 || i >= len(sc.toks) {
		return 0
	}
	return sc.toks[i].kind
}

// punct reports whether token i is one of the punctuation runes in set.
func (sc *scratch) punct(i int, set string) bool {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != kPunct {
		return false
	}
	for _, r := range set {
		if sc.toks[i].r == r {
			return true
		}
	}
	return false
}

// name reports a capitalised word used as a name rather than a
// sentence-initial function word.
func (sc *scratch) name(i int) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	t := &sc.toks[i]
	if t.kind != kWord || t.isI {
		return false
	}
	if !t.cap {
		// Mohammed Shia al-Sudani, Ursula von der Leyen
		if t.info&fParticle != 0 {
			return sc.name(i + 1)
		}
		w := sc.s[t.s:t.e]
		k := strings.IndexByte(w, '-')
		return k > 0 && k+1 < len(w) && 'A' <= w[k+1] && w[k+1] <= 'Z'
	}
	f := sc.fl(i)
	return f&(funcMask|fTime|fDet) == 0
}

// plural guesses a plural noun from the spelling: lower case, longer than
// three letters, ending in s but not ss, us or is.
func (sc *scratch) plural(i int) bool {
	t := &sc.toks[i]
	if t.kind != kWord || t.cap || t.e-t.s < 4 {
		return false
	}
	w := sc.s[t.s:t.e]
	n := len(w)
	if w[n-1] != 's' {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'i', '\'':
		return false
	}
	return true
}

// nounish reports a word that can head a speaker or audience phrase.
func (sc *scratch) nounish(i int) bool {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != kWord {
		return false
	}
	f := sc.fl(i)
	if f&(fNominal|fAudience|fStmtNoun|fInterview|fTweetNoun|fPostNoun|fWriteNoun) != 0 {
		return true
	}
	return sc.name(i) || sc.toks[i].poss || sc.plural(i) && f&funcMask == 0
}

// suffix reports whether token i is a lower-case word ending in suf.
func (sc *scratch) suffix(i int, suf string) bool {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != kWord || sc.toks[i].cap {
		return false
	}
	w := sc.text(i)
	return len(w) > len(suf)+2 && w[len(w)-len(suf):] == suf
}

// isX reports the platform X (formerly Twitter), which the tokenizer may
// have read as an initial with its period.
func (sc *scratch) isX(i int) bool {
	if sc.kind(i) != kWord {
		return false
	}
	w := sc.text(i)
	return w == "X" || w == "X."
}
