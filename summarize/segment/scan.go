package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// A quotation is merged with its attribution only while the result stays
	// a plausible sentence; past these caps the quote splits normally, so a
	// mis-paired quotation mark cannot swallow a paragraph.
	maxMergeSentences = 4
	maxMergeBytes     = 1000

	// A line whose length falls in [wrapMin, wrapMax] runes looks like a
	// line filled by hard wrapping, so its line break is a soft wrap even
	// when the next line starts with a capital. Headings and list items are
	// usually shorter; lines longer than any wrap width are whole paragraphs
	// (text extracted from HTML often puts one paragraph on each line).
	wrapMin = 55
	wrapMax = 100
)

// special marks the bytes the scanner must stop at; all others are skipped
// in a tight loop, which is what keeps Split fast.
var special = [256]bool{
	'.': true, '?': true, '!': true, '\n': true, '"': true, '\'': true,
	0xE2: true, // lead byte of … “ ” ‘ ’ „ and U+2029
	0xC2: true, // lead byte of « »
}

// quoteState tracks one kind of quotation (double or single) in the
// current paragraph.
type quoteState struct {
	open       int  // offset of the opening mark, -1 when none is open
	sent       int  // index in out of the sentence holding the opening mark
	attrBefore bool // that sentence has words before the opening mark
}

type scanner struct {
	sp   *Splitter
	text string
	out  []Span
	seg  int // start of the sentence being built (before trimming)
	line int // start of the current line
	// wordAt is the first letter or digit of the current sentence, or -1
	// while none has been found in text[seg:wordScan]. Caching it keeps the
	// "are there words before this point?" questions linear in the text.
	wordAt, wordScan int

	dq, sq quoteState
	// A quotation closed after crossing a sentence boundary: when the
	// sentence holding the closing mark ends, sentences out[merge:] and it
	// are joined if the quotation carries an attribution.
	merge           int
	mergeClose      int // offset just past the closing mark
	mergeAttrBefore bool
}

func (sc *scanner) run() {
	text := sc.text
	n := len(text)
	for i := 0; i < n; {
		if !special[text[i]] {
			i++
			continue
		}
		switch c := text[i]; c {
		case '.', '?', '!':
			i = sc.terminal(i)
		case '\n':
			i = sc.newline(i)
		case '"':
			sc.straightDouble(i)
			i++
		case '\'':
			sc.straightSingle(i)
			i++
		case 0xC2:
			if i+1 < n {
				switch text[i+1] {
				case 0xAB: // «
					sc.openQuote(&sc.dq, i)
				case 0xBB: // »
					sc.closeQuote(&sc.dq, i+2, true)
				}
			}
			i++
		case 0xE2:
			if i+2 >= n || text[i+1] != 0x80 || text[i+2]&0xC0 != 0x80 {
				i++ // not a U+20xx character; let the loop look at the rest
				break
			}
			switch text[i+2] {
			case 0xA6: // …
				i = sc.terminal(i)
				continue
			case 0x9C, 0x9E: // “ „
				sc.openQuote(&sc.dq, i)
			case 0x9D: // ”
				sc.curlyCloseDouble(i)
			case 0x98: // ‘
				sc.curlyOpenSingle(i)
			case 0x99: // ’
				sc.curlyCloseSingle(i)
			case 0xA9: // U+2029 PARAGRAPH SEPARATOR
				sc.paragraphBreak(i, i+3)
			}
			i += 3
		}
	}
	sc.emit(n)
}

// emit ends the current sentence at end, applying a pending quotation merge.
func (sc *scanner) emit(end int) {
	start, stop := trim(sc.text, sc.seg, end)
	sc.seg, sc.wordAt, sc.wordScan = end, -1, end
	if start >= stop {
		return
	}
	if m := sc.merge; m >= 0 {
		sc.merge = -1
		if m < len(sc.out) &&
			len(sc.out)-m+1 <= maxMergeSentences &&
			stop-sc.out[m].Start <= maxMergeBytes &&
			(sc.mergeAttrBefore || sc.mergeClose < stop && hasWord(sc.text[sc.mergeClose:stop])) {
			first := sc.out[m].Start
			sc.out = append(sc.out[:m], Span{first, stop})
			// Quotations opened in the joined sentences now live in out[m].
			if sc.dq.open >= 0 && sc.dq.sent > m {
				sc.dq.sent = m
			}
			if sc.sq.open >= 0 && sc.sq.sent > m {
				sc.sq.sent = m
			}
			return
		}
	}
	if sc.out == nil {
		// News sentences average well over 100 bytes; starting near the
		// final size saves most regrowth without overcommitting memory.
		sc.out = make([]Span, 0, len(sc.text)/160+4)
	}
	sc.out = append(sc.out, Span{start, stop})
}

func (sc *scanner) paragraphBreak(at, next int) {
	sc.emit(at)
	sc.seg, sc.line, sc.wordScan = next, next, next
	sc.dq.open, sc.sq.open = -1, -1
	sc.merge = -1
}

func (sc *scanner) openQuote(q *quoteState, pos int) {
	q.open = pos
	q.sent = len(sc.out)
	q.attrBefore = sc.wordsBefore(pos)
}

// wordsBefore reports whether the current sentence has a letter or digit
// before pos.
func (sc *scanner) wordsBefore(pos int) bool {
	if sc.wordAt < 0 && sc.wordScan < pos {
		if k := wordIndex(sc.text[sc.wordScan:pos]); k >= 0 {
			sc.wordAt = sc.wordScan + k
		}
		sc.wordScan = pos
	}
	return sc.wordAt >= 0 && sc.wordAt < pos
}

// closeQuote closes q with its closing mark ending at end. mergeable says
// the mark is certainly the end of a quotation rather than, say, a
// possessive apostrophe.
func (sc *scanner) closeQuote(q *quoteState, end int, mergeable bool) {
	if q.open < 0 {
		return
	}
	if mergeable && len(sc.out) > q.sent {
		switch {
		case sc.merge < 0:
			sc.merge, sc.mergeClose, sc.mergeAttrBefore = q.sent, end, q.attrBefore
		default:
			sc.merge = min(sc.merge, q.sent)
			sc.mergeClose = max(sc.mergeClose, end)
			sc.mergeAttrBefore = sc.mergeAttrBefore || q.attrBefore
		}
	}
	q.open = -1
}

// straightDouble decides from its neighbours whether a " opens or closes.
func (sc *scanner) straightDouble(i int) {
	before := opensAfter(sc.text, i, sc.line)
	after := closesBefore(sc.text, i+1)
	switch {
	case before && !after:
		sc.openQuote(&sc.dq, i)
	case !before && after, sc.dq.open >= 0:
		sc.closeQuote(&sc.dq, i+1, true)
	default:
		sc.openQuote(&sc.dq, i)
	}
}

// curlyCloseDouble treats ” as a closing mark unless it is plainly used as
// an opening one (space before, word after), which some sites do.
func (sc *scanner) curlyCloseDouble(i int) {
	if opensAfter(sc.text, i, sc.line) && !closesBefore(sc.text, i+3) {
		sc.openQuote(&sc.dq, i)
		return
	}
	sc.closeQuote(&sc.dq, i+3, true)
}

// Single quotation marks double as apostrophes (Iraq’s, ’90s, rock ’n’
// roll), so they are tracked conservatively: an opening mark must precede a
// letter, and only a closing mark right after punctuation (,’ .’ ?’) may
// trigger a quotation merge, which plural possessives (countries’) never do.

func (sc *scanner) curlyOpenSingle(i int) {
	if opensAfter(sc.text, i, sc.line) && letterAt(sc.text, i+3) {
		sc.openQuote(&sc.sq, i)
	}
}

func (sc *scanner) curlyCloseSingle(i int) {
	r, _ := utf8.DecodeLastRuneInString(sc.text[:i])
	if i == 0 || isSpaceRune(r) {
		return // ’90s, ’em
	}
	if unicode.IsLetter(r) && letterAt(sc.text, i+3) {
		return // apostrophe
	}
	sc.closeQuote(&sc.sq, i+3, isClauseEnd(r))
}

func (sc *scanner) straightSingle(i int) {
	r, _ := utf8.DecodeLastRuneInString(sc.text[:i])
	letterAfter := letterAt(sc.text, i+1)
	switch {
	case i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) && letterAfter:
		// apostrophe
	case opensAfter(sc.text, i, sc.line):
		if letterAfter {
			sc.openQuote(&sc.sq, i)
		}
	case closesBefore(sc.text, i+1):
		sc.closeQuote(&sc.sq, i+1, isClauseEnd(r))
	}
}

// terminal handles a run of sentence punctuation (. ? ! … and spaced
// ". . .") starting at i, with the closing quotes and brackets after it,
// and ends the sentence there if the rules say so. It returns where
// scanning resumes.
func (sc *scanner) terminal(i int) int {
	text := sc.text
	n := len(text)
	j := i
	dots, qe, ell, quoted := 0, false, false, false
cluster:
	for j < n {
		switch text[j] {
		case '.':
			dots++
			j++
			// ". . ." is one ellipsis, not three sentence ends.
			if j+1 < n && text[j] == ' ' && text[j+1] == '.' &&
				(dots > 1 || j+3 < n && text[j+2] == ' ' && text[j+3] == '.') {
				j++
			}
		case '?', '!':
			qe = true
			j++
		case 0xE2:
			if j+2 < n && text[j+1] == 0x80 && text[j+2] == 0xA6 {
				ell = true
				j += 3
				continue
			}
			break cluster
		default:
			break cluster
		}
	}
	// Closing marks belong to the sentence they follow.
closers:
	for j < n {
		switch text[j] {
		case '"':
			sc.closeQuote(&sc.dq, j+1, true)
			j++
			quoted = true
		case '\'':
			sc.closeQuote(&sc.sq, j+1, true)
			j++
			quoted = true
		case ')', ']', '}', '*', '_':
			j++
		case 0xE2:
			if j+2 < n && text[j+1] == 0x80 {
				switch text[j+2] {
				case 0x9D:
					sc.closeQuote(&sc.dq, j+3, true)
					j += 3
					quoted = true
					continue
				case 0x99:
					sc.closeQuote(&sc.sq, j+3, true)
					j += 3
					quoted = true
					continue
				}
			}
			break closers
		case 0xC2:
			if j+1 < n && text[j+1] == 0xBB {
				sc.closeQuote(&sc.dq, j+2, true)
				j += 2
				quoted = true
				continue
			}
			break closers
		default:
			break closers
		}
	}
	// Punctuation inside a token (2.5, example.com, U.S.-led) is no boundary.
	if j < n && !spaceAt(text, j) {
		return j
	}
	nx := sc.nextToken(j)
	if nx.para {
		return j // the paragraph or text ends here anyway
	}
	var brk bool
	switch {
	case nx.newline && nx.bullet:
		brk = true
	case nx.newline && nx.kind == kindLower && (qe || dots == 1 && !sc.abbrevBefore(i)):
		// Lower case after a line break is no evidence of a run-on
		// sentence ("Share it!\nprint"); only an abbreviation carries on.
		brk = true
	case qe:
		brk = sc.questionBreak(i, nx) && !(quoted && sc.attributionFollows(nx.start))
	case ell || dots > 1:
		brk = sc.ellipsisBreak(nx)
	default:
		brk = sc.periodBreak(i, nx)
	}
	if brk {
		sc.emit(j)
	}
	return j
}

// attributionFollows reports whether the text at k reads as the
// attribution of a quotation just closed: a name, then a speech verb within
// a few words ("Why now?" Austin asked. / "Go!" Gen. Ali Hassan shouted.).
func (sc *scanner) attributionFollows(k int) bool {
	text := sc.text
	n := len(text)
	for word := 0; word < 4; word++ {
		for k < n && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		e := k
		for e < n && e-k <= maxWord && !spaceAt(text, e) {
			e++
		}
		tok := text[k:e]
		k = e
		w := strings.TrimRight(tok, ".,;:!?")
		if w == "" || len(w) > maxWord {
			return false
		}
		in := sc.sp.info(w)
		if word == 0 {
			if !isUpperRune(w) || in&(isStarter|isNewsStarter) != 0 || orthoSaysStart(in) {
				return false
			}
		} else if in&isSpeechVerb != 0 && !isUpperRune(w) {
			return true
		}
		if w != tok && in&isAbbrev == 0 && !isDottedInitials(w) && utf8.RuneCountInString(w) > 1 {
			return false // the next sentence is over before any verb
		}
	}
	return false
}

// questionBreak: ? and ! end a sentence unless the text runs on in lower
// case ("Why?" he asked) or a company name ends in "!" (Yahoo! Inc.).
func (sc *scanner) questionBreak(i int, nx nextTok) bool {
	switch nx.kind {
	case kindLower:
		return false
	case kindUpper:
		if sc.text[i] == '!' && i > 0 && asciiLetter(sc.text[i-1]) &&
			!nx.quote && sc.sp.info(nx.word)&isCorpSuffix != 0 {
			return false
		}
	}
	return true
}

// ellipsisBreak: an ellipsis ends a sentence when a capitalised word
// follows, unless the model knows that word only as a capitalised name
// ("Iraq … Baghdad" is an omission, "paused... Then" a new sentence).
func (sc *scanner) ellipsisBreak(nx nextTok) bool {
	if nx.kind != kindUpper {
		return false
	}
	in := sc.sp.info(nx.word)
	if in&(isStarter|isNewsStarter) != 0 {
		return true
	}
	properName := in&orthoLc == 0 && in&orthoMidUc != 0
	return !properName
}

// periodBreak decides a single period at i, Punkt-style: an ordinary word
// before it ends the sentence; an abbreviation, initial or number ends it
// only when what follows is evidence of a new sentence.
func (sc *scanner) periodBreak(i int, nx nextTok) bool {
	text := sc.text
	w, wStart := wordBefore(text, i, sc.seg)
	if w == "" {
		return nx.kind != kindLower
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	switch {
	case isNumber(w):
		// A number opening its sentence is a list marker ("1. The first").
		if !sc.wordsBefore(wStart) {
			return false
		}
		if nx.kind == kindUpper && sc.sp.collocation("##number##", nx.word) {
			return false
		}
		return nx.kind != kindLower
	case !unicode.IsLetter(last):
		// ("no".) (Reuters). — closing marks before the period rule out an
		// abbreviation.
		return nx.kind != kindLower
	case utf8.RuneCountInString(w) == 1:
		return sc.initialBreak(w, nx)
	}
	in := sc.sp.info(w)
	acronym := false
	if in&isAbbrev == 0 {
		if k := lastHyphenPart(w); k != w {
			in = sc.sp.info(k) // ex-Gov.
		}
	}
	if in&isAbbrev == 0 && isDottedInitials(w) {
		in |= isAbbrev
	}
	if in&isAbbrev != 0 && isDottedInitials(w) && isUpperRune(w) {
		// U.S., F.B.I. mostly qualify the capitalised noun after them (U.S.
		// Ambassador, U.S. Forces), where the orthographic heuristic misfires;
		// only starter words count as evidence of a new sentence.
		acronym = true
	}
	capital := isUpperRune(w)
	switch {
	case in&isAbbrev == 0,
		in&isNumberPrefix != 0 && nx.kind != kindDigit,
		in&isWeak != 0 && !capital && nx.kind != kindDigit && !nx.paren:
		return nx.kind != kindLower
	case in&isTitle != 0 && capital:
		return false
	}
	if nx.kind != kindUpper || nx.paren {
		return false
	}
	if sc.sp.collocation(w, nx.word) {
		return false
	}
	next := sc.sp.info(nx.word)
	if next&(isStarter|isNewsStarter) != 0 || nx.quote {
		return true
	}
	// The model's statistics are case-folded, so they say nothing about an
	// all-capitals word: "3 p.m. ET" is not "3 p.m. Et cetera".
	return !acronym && !isAllCaps(nx.word) && orthoSaysStart(next)
}

// isAllCaps reports a word of two or more letters, all capitals.
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// abbrevBefore reports whether the period at i follows something that
// can carry a sentence on: an abbreviation, initial or number.
func (sc *scanner) abbrevBefore(i int) bool {
	w, _ := wordBefore(sc.text, i, sc.seg)
	if w == "" {
		return false
	}
	if isNumber(w) || utf8.RuneCountInString(w) == 1 || isDottedInitials(w) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	if !unicode.IsLetter(last) {
		return false
	}
	if sc.sp.info(w)&isAbbrev != 0 {
		return true
	}
	k := lastHyphenPart(w)
	return k != w && sc.sp.info(k)&isAbbrev != 0
}

// initialBreak decides a period after a single letter: an initial (J. R. R.
// Tolkien) unless a sentence starter follows (Plan B. The ...).
func (sc *scanner) initialBreak(w string, nx nextTok) bool {
	if nx.kind != kindUpper {
		return false
	}
	if sc.sp.collocation(w, nx.word) {
		return false
	}
	// Single letters are excluded: "J. A. Smith".
	return len(nx.word) > 1 && sc.sp.info(nx.word)&(isStarter|isNewsStarter) != 0
}

// newline handles a line break at i: a blank line ends the paragraph, and a
// line that reads like a heading or list item ends its sentence.
func (sc *scanner) newline(i int) int {
	text := sc.text
	n := len(text)
	// Find the next non-space character, noting any blank line on the way.
	k, lineStart, blank := i+1, i+1, false
	for k < n {
		c := text[k]
		if c == '\n' {
			blank = true
			k++
			lineStart = k
			continue
		}
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				k++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[k:])
		if !isSpaceRune(r) {
			break
		}
		if r == '\u2029' {
			blank = true
		}
		k += size
	}
	if blank {
		sc.paragraphBreak(i, lineStart)
		return k
	}
	line := text[sc.line:i]
	sc.line = i + 1
	if k < n && sc.splitAtNewline(line, k) {
		sc.emit(i)
	}
	return i + 1
}

// splitAtNewline decides whether the single line break after line ends a
// sentence; k is where the next line's text starts.
func (sc *scanner) splitAtNewline(line string, k int) bool {
	_, end := trim(line, 0, len(line))
	line = line[:end]
	start, _ := trim(line, 0, len(line))
	if start >= end {
		return false
	}
	// A line ending in sentence punctuation was decided where that
	// punctuation is.
	body := trimClosers(line)
	if body == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(body)
	switch last {
	case '.', '?', '!', '…':
		return false
	}
	text := sc.text
	if isBullet(text, k) {
		return true
	}
	last, _ = utf8.DecodeLastRuneInString(line)
	switch last {
	case ',', ';', ':', '-', '–', '—', '(', '/', '&':
		return false // the line is plainly unfinished
	}
	if startsURL(text[k:]) {
		return true
	}
	nx := sc.nextToken(k)
	if nx.kind == kindLower {
		return false
	}
	if isBullet(line, start) {
		return true
	}
	if w := lastWord(line); w != "" && !isUpperRune(w) && sc.sp.info(w)&isFunctionWord != 0 {
		return false // "... in the country at\nBaghdad's invitation"
	}
	if runes := utf8.RuneCountInString(line[start:]); runes < wrapMin || runes > wrapMax {
		return true
	}
	// A filled line is a soft wrap only if the next line could come from
	// the same wrapping; a headline followed by a one-line paragraph is not.
	next := text[k:]
	if e := strings.IndexByte(next, '\n'); e >= 0 {
		next = next[:e]
	}
	return utf8.RuneCountInString(next) > wrapMax
}

type tokKind uint8

const (
	kindNone  tokKind = iota // no word: only opening marks or symbols
	kindUpper                // starts with an upper- or title-case letter
	kindLower                // starts with a lower-case letter
	kindDigit
	kindOther // symbols and letters of scripts without case
)

// nextTok describes the token after a candidate boundary.
type nextTok struct {
	kind    tokKind
	start   int    // offset of the token
	word    string // leading word of the token, at most maxWord bytes
	quote   bool   // an opening quotation mark precedes the word
	paren   bool   // an opening bracket precedes the word
	newline bool   // a line break precedes the token
	bullet  bool   // the token is a list marker at the start of a line
	para    bool   // a blank line or the end of text comes first
}

func (sc *scanner) nextToken(j int) nextTok {
	text := sc.text
	n := len(text)
	var nx nextTok
	for j < n {
		c := text[j]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			if c == '\n' {
				if nx.newline {
					nx.para = true
					return nx
				}
				nx.newline = true
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isSpaceRune(r) {
			break
		}
		if r == '\u2029' {
			nx.para = true
			return nx
		}
		j += size
	}
	if j >= n {
		nx.para = true
		return nx
	}
	nx.start = j
	nx.bullet = nx.newline && isBullet(text, j)
	// Skip opening marks; a handful is plenty for real text.
	for range 4 {
		if j >= n {
			return nx
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		switch r {
		case '"', '\'', '“', '‘', '„', '«', '¿', '¡', '*', '_':
			nx.quote = nx.quote || (r != '*' && r != '_' && r != '¿' && r != '¡')
		case '(', '[', '{':
			nx.paren = true
		default:
			nx.kind = classify(r)
			e := j
			for e < n && e-j < maxWord {
				c := text[e]
				if c < utf8.RuneSelf {
					if asciiLetter(c) || '0' <= c && c <= '9' || c == '-' || c == '.' {
						e++
						continue
					}
					break
				}
				r, size := utf8.DecodeRuneInString(text[e:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) || e+size-j > maxWord {
					break
				}
				e += size
			}
			w := text[j:e]
			for len(w) > 1 && w[len(w)-1] == '.' {
				w = w[:len(w)-1]
			}
			nx.word = w
			return nx
		}
		j += size
	}
	return nx
}

func classify(r rune) tokKind {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'A' <= r && r <= 'Z':
			return kindUpper
		case 'a' <= r && r <= 'z':
			return kindLower
		case '0' <= r && r <= '9':
			return kindDigit
		}
		return kindOther
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return kindUpper
	case unicode.IsLower(r):
		return kindLower
	case unicode.IsDigit(r):
		return kindDigit
	}
	return kindOther
}

// wordBefore returns the whitespace-delimited word ending at i, without
// leading opening marks, and where it starts. It looks no further back than
// lo, and returns "" for words too long to be abbreviations, which then get
// the ordinary-word rule; that rule needs no word.
func wordBefore(text string, i, lo int) (string, int) {
	k := i
	for k > lo {
		r, size := utf8.DecodeLastRuneInString(text[lo:k])
		if isSpaceRune(r) {
			break
		}
		if i-k >= maxWord {
			return "", i
		}
		k -= size
	}
	for k < i {
		r, size := utf8.DecodeRuneInString(text[k:i])
		switch r {
		case '"', '\'', '“', '‘', '„', '«', '(', '[', '{', '-', '–', '—', '*', '_':
			k += size
			continue
		}
		break
	}
	return text[k:i], k
}

// isNumber matches Punkt's numeric type: optional sign, then digits with
// separators (2,500 1.5 2003-04).
func isNumber(w string) bool {
	i := 0
	if i < len(w) && (w[i] == '-' || w[i] == '+') {
		i++
	}
	if i < len(w) && (w[i] == '.' || w[i] == ',') {
		i++
	}
	if i >= len(w) || w[i] < '0' || w[i] > '9' {
		return false
	}
	for ; i < len(w); i++ {
		c := w[i]
		if !('0' <= c && c <= '9' || c == ',' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// isDottedInitials matches letter-period chains such as U.S, F.B.I, a.m.
func isDottedInitials(w string) bool {
	letters := 0
	expectLetter := true
	for _, r := range w {
		if expectLetter {
			if !unicode.IsLetter(r) {
				return false
			}
			letters++
		} else if r != '.' {
			return false
		}
		expectLetter = !expectLetter
	}
	return letters >= 2 && !expectLetter
}

func lastHyphenPart(w string) string {
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] == '-' {
			return w[i+1:]
		}
	}
	return w
}

func isUpperRune(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func asciiLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return asciiLetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// isClauseEnd reports punctuation that ends a quoted clause (,’ .’ ?’).
func isClauseEnd(r rune) bool {
	switch r {
	case ',', '.', '?', '!', '…':
		return true
	}
	return false
}

// opensAfter reports whether a quotation mark at i sits where an opening
// mark would: at a line start or after space, a bracket, a dash or another
// opening mark.
func opensAfter(text string, i, lineStart int) bool {
	if i <= lineStart {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if isSpaceRune(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '-', '–', '—', '/', '“', '‘', '"', '\'', '«', ':':
		return true
	}
	return false
}

// closesBefore reports whether the text at i is what follows a closing
// mark: the end, space or punctuation.
func closesBefore(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if isSpaceRune(r) {
		return true
	}
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '…', '”', '’', '"', '\'', '»', '-', '–', '—':
		return true
	}
	return false
}

// isBullet reports a list marker at i: "- ", "* ", "• ", "1. ", "2) ".
func isBullet(text string, i int) bool {
	n := len(text)
	if i >= n {
		return false
	}
	var size int
	switch c := text[i]; {
	case c == '-' || c == '*' || c == '+':
		size = 1
	case '0' <= c && c <= '9':
		k := i
		for k < n && k-i < 3 && '0' <= text[k] && text[k] <= '9' {
			k++
		}
		if k >= n || text[k] != '.' && text[k] != ')' {
			return false
		}
		size = k + 1 - i
	case c >= utf8.RuneSelf:
		r, sz := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '•', '·', '▪', '◦', '‣', '–', '—':
			size = sz
		default:
			return false
		}
	default:
		return false
	}
	return i+size < n && (text[i+size] == ' ' || text[i+size] == '\t')
}

// lastWord returns the trailing run of letters of s.
func lastWord(s string) string {
	k := len(s)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= size
	}
	return s[k:]
}

func startsURL(s string) bool {
	return len(s) >= 8 && (s[:7] == "http://" || s[:8] == "https://")
}

// hasWord reports whether s holds a letter or digit (any script; invalid
// bytes count, since they are most likely text in a legacy encoding).
func hasWord(s string) bool { return wordIndex(s) >= 0 }

func wordIndex(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiLetter(c) || '0' <= c && c <= '9' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return i
		}
		i += size
	}
	return -1
}

// trimClosers strips trailing closing marks and space.
func trimClosers(s string) string {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', ')', ']', '}', '»', '*', '_':
			s = s[:len(s)-size]
			continue
		}
		if isSpaceRune(r) {
			s = s[:len(s)-size]
			continue
		}
		break
	}
	return s
}

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// isSpaceRune is the package's notion of white space; see the package doc.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

func spaceAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiSpace[c]
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isSpaceRune(r)
}

// trim narrows [start, end) of text to exclude surrounding white space.
func trim(text string, start, end int) (int, int) {
	for start < end {
		if c := text[start]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			start++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !isSpaceRune(r) {
			break
		}
		start += size
	}
	for end > start {
		if c := text[end-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			end--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpaceRune(r) {
			break
		}
		end -= size
	}
	return start, end
}
