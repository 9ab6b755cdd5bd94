package story

import (
	"math"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/brieftool/brief/internal/mix"
	"github.com/brieftool/brief/summarize/words"
)

// Article is what the clusterer reads of one article.
type Article struct {
	Title     string
	Text      string    // the cleaned article text; the lead matters most
	Published time.Time // zero when unknown
}

// Signature is an article's compact representation: up to
// SignatureTerms hashed terms with their weights (five bytes a term), and
// the publication time. The zero Signature is an undated article with no
// terms, which becomes a story of its own.
type Signature struct {
	hashes  []uint32
	weights []uint8 // weightScale times the term's weight, parallel to hashes
	when    int64   // Unix seconds; meaningful only when dated
	dated   bool
}

// weightScale quantises signature weights into a byte: they are
// logarithms, from 0.69 for one plain mention to about 7.9 for a word
// repeated through a whole article, so steps of 1/32 lose nothing that
// matters and 255 is never reached.
const weightScale = 32

// Published is the article's publication time, zero when unknown.
func (s Signature) Published() time.Time {
	if !s.dated {
		return time.Time{}
	}
	return time.Unix(s.when, 0).UTC()
}

// Len is the number of terms the signature keeps.
func (s Signature) Len() int { return len(s.hashes) }

// Signing constants. They are properties of news writing, not of any one
// corpus; each trades recall of a story against cost or noise.
const (
	// SignatureTerms bounds the terms a signature keeps. The clusterer
	// re-weights them by rarity and keeps fewer (Options.VectorTerms), so
	// the signature must hold enough that an article's rare names survive
	// a cut made before their rarity is known: a news lead has some 60 to
	// 120 distinct content words.
	SignatureTerms = 96

	// Words of the title count titleWeight times: the headline is the
	// article's own summary of the event.
	titleWeight = 3
	// maxTitleTokens bounds the title's terms, so that a "title" that is
	// really a whole text cannot crowd out the body.
	maxTitleTokens = 64
	// The first leadTokens content words of the text count leadWeight
	// times, the next ones up to bodyTokens once, and the rest not at all:
	// news is written as an inverted pyramid, what happened, where and to
	// whom first and background last, and background is what two separate
	// events of one kind share. 80 content words is a lead paragraph or
	// two; 400 is most of a 4 KB article.
	leadTokens = 80
	leadWeight = 2
	bodyTokens = 400

	// A capitalised word inside a sentence is taken for a name and counts
	// nameBoost times: names say which event, common words what kind of
	// event, and an event clusterer must tell apart two of a kind. Three,
	// not more, because one person's name in two unrelated stories of a
	// day must not outweigh everything else the articles say.
	nameBoost = 3
	// A number of two or more digits (a toll, a magnitude, a sum) counts
	// numberBoost times: distinctive, but revised from report to report
	// as a toll rises.
	numberBoost = 1.5
)

// Signer turns articles into signatures. Build one and share it: its only
// state is a cache of the terms of word forms already seen, which saves
// time and changes no result.
type Signer struct {
	pool sync.Pool
}

// NewSigner returns a Signer.
func NewSigner() *Signer {
	return &Signer{pool: sync.Pool{New: func() any { return newAccumulator() }}}
}

// Sign computes a's signature. It is safe for concurrent use, and its
// result depends on a alone.
func (s *Signer) Sign(a Article) Signature {
	acc := s.pool.Get().(*accumulator)
	defer s.pool.Put(acc)
	acc.reset()

	add := func(t token, w float64) {
		switch {
		case t.number:
			w *= numberBoost
		case t.name:
			w *= nameBoost
		}
		acc.add(t.hash, float32(w))
	}
	n := 0
	tokenize(a.Title, acc.cache, func(t token) bool {
		// Headlines are often in title case, so capitals there say
		// nothing about names.
		t.name = false
		add(t, titleWeight)
		n++
		return n < maxTitleTokens
	})
	n = 0
	tokenize(a.Text, acc.cache, func(t token) bool {
		w := 1.0
		if n < leadTokens {
			w = leadWeight
		}
		add(t, w)
		n++
		return n < bodyTokens
	})

	ws := acc.ws[:0]
	for _, w := range acc.sums {
		// Repetition says a word matters, but less with each use: an
		// article that names a town ten times is not ten times more about
		// it than one that names it once.
		ws = append(ws, float32(math.Log1p(float64(w))))
	}
	acc.ws = ws
	keep := len(ws)
	cut, ties := float32(0), 0
	if keep > SignatureTerms {
		keep = SignatureTerms
		cut, ties = cutoff(ws, SignatureTerms, &acc.sel)
	}
	out := Signature{hashes: make([]uint32, 0, keep), weights: make([]uint8, 0, keep)}
	for k, w := range ws {
		if w < cut || (w == cut && ties == 0) {
			continue
		}
		if w == cut {
			ties--
		}
		out.hashes = append(out.hashes, acc.hashes[k])
		out.weights = append(out.weights, uint8(min(255, math.Round(float64(w)*weightScale))))
	}
	if !a.Published.IsZero() {
		out.when, out.dated = a.Published.Unix(), true
	}
	return out
}

// accumulator sums term weights by hash, remembering first-seen order so
// that the signature does not depend on hash table layout.
type accumulator struct {
	slots  []int32 // index into hashes+1; 0 = empty
	hashes []uint32
	sums   []float32
	ws     []float32
	sel    []float32
	cache  termCache
}

// The accumulator holds at most maxTitleTokens+bodyTokens terms; at twice
// that many slots probes stay short.
const accSlots = 1024

func newAccumulator() *accumulator {
	return &accumulator{slots: make([]int32, accSlots), cache: termCache{}}
}

func (a *accumulator) reset() {
	clear(a.slots)
	a.hashes, a.sums = a.hashes[:0], a.sums[:0]
}

func (a *accumulator) add(h uint32, w float32) {
	const mask = accSlots - 1
	for i := h & mask; ; i = (i + 1) & mask {
		k := a.slots[i]
		if k == 0 {
			if 2*len(a.hashes) >= accSlots {
				return // cannot happen with the limits above; keeps probing finite
			}
			a.hashes = append(a.hashes, h)
			a.sums = append(a.sums, w)
			a.slots[i] = int32(len(a.hashes))
			return
		}
		if a.hashes[k-1] == h {
			a.sums[k-1] += w
			return
		}
	}
}

type token struct {
	hash   uint32
	name   bool
	number bool
}

// tokenize calls emit with each content term of s until emit returns
// false. Terms are words lowercased, accents folded, British spellings
// Americanised and lightly stemmed, stopwords dropped; and numbers of two
// or more digits, thousands separators removed ("2,500" and "2500" are
// one term, "7.1" is kept whole). A comma is a thousands separator only
// before exactly three digits; otherwise it ends the number, so that the
// decimal comma of "4,2" does not make the number 42.
func tokenize(s string, cache termCache, emit func(token) bool) {
	sentence := true // the next word starts a sentence, so its capital says nothing
	i := 0
	for i < len(s) {
		c := s[i]
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', ':', ';', '\n', '"', '“', '‘', '(', '[', '—', '•', '|':
				sentence = true
			}
			i += n
			continue
		}
		j := i + n
		ascii := c < utf8.RuneSelf
		digits := c >= '0' && c <= '9'
		for j < len(s) {
			d := s[j]
			if d < utf8.RuneSelf {
				if isASCIIAlnum(d) {
					if d > '9' {
						digits = false
					}
					j++
					continue
				}
				// Decimal points and thousands separators inside numbers. A
				// comma is a separator only before a group of exactly
				// three digits: "4,2" is a decimal comma, and reading it
				// as 42 would make a magnitude 4.2 look like 42 sensors.
				if digits && d == '.' && j+1 < len(s) && isDigit(s[j+1]) {
					j++
					continue
				}
				if digits && d == ',' && thousands(s[j+1:]) {
					j++
					continue
				}
				// Apostrophes inside words: "Iraq's", "don't".
				if d == '\'' && j+1 < len(s) && isASCIIAlpha(s[j+1]) {
					j++
					continue
				}
				break
			}
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) || (r2 == '’' && j+n2 < len(s) && isASCIIAlpha(s[j+n2])) {
				ascii = false
				digits = false
				j += n2
				continue
			}
			break
		}
		w := s[i:j]
		upper := unicode.IsUpper(r)
		start := sentence
		sentence = false
		i = j
		h := cache.term(w, digits, ascii)
		if h == 0 {
			continue
		}
		if !emit(token{hash: h, number: digits, name: upper && !start && !digits}) {
			return
		}
	}
}

// termCache remembers the term of each word form seen, since normalising
// a word (folding, stemming, spelling) costs several times more than
// looking it up, and a day's articles use the same words over and over.
// A nil termCache computes every term afresh.
type termCache map[string]uint32

// maxCached bounds a cache to a few megabytes; when full it starts over.
const maxCached = 1 << 16

// term returns the hash of word w's term, 0 when w is no term.
func (c termCache) term(w string, digits, ascii bool) uint32 {
	if h, ok := c[w]; ok {
		return h
	}
	h := termHash(w, digits, ascii)
	if c != nil {
		if len(c) >= maxCached {
			clear(c)
		}
		// Cloned: w points into the article, which must not be kept.
		c[strings.Clone(w)] = h
	}
	return h
}

func termHash(w string, digits, ascii bool) uint32 {
	if digits {
		t, ok := number(w)
		if !ok {
			return 0
		}
		return hashTerm(t)
	}
	if !ascii || hasUpper(w) {
		w = words.Fold(w)
	}
	if k := strings.IndexByte(w, '\''); k > 0 {
		// Possessives and contractions: "iraq's" → "iraq", "don't" → "dont".
		if w[k+1:] == "s" {
			w = w[:k]
		} else {
			w = w[:k] + w[k+1:]
		}
	}
	if len(w) < 2 || stopwords[w] {
		return 0
	}
	return hashTerm(words.Americanize(words.Stem(w)))
}

// number normalises a run of digits, commas and points. One-digit numbers
// are dropped: they count things of every kind ("3 people", "1 of 2").
func number(w string) (string, bool) {
	if strings.IndexByte(w, ',') >= 0 {
		w = strings.ReplaceAll(w, ",", "")
	}
	return w, len(w) >= 2
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// thousands reports whether s, what follows a comma inside a number,
// starts with a group of exactly three digits: "500" in "2,500" but not
// "2" in "4,2" or "5000" in "1,5000".
func thousands(s string) bool {
	return len(s) >= 3 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && (len(s) == 3 || !isDigit(s[3]))
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isASCIIAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIAlnum(c byte) bool { return isASCIIAlpha(c) || (c >= '0' && c <= '9') }

func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// hashTerm is FNV-1a, spread by Mix64; 32 bits are plenty, since a
// collision between two terms only adds a little noise to one weight.
// Zero is kept free to mark empty table slots.
func hashTerm(w string) uint32 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	v := uint32(mix.Mix64(h) >> 32)
	if v == 0 {
		v = 1
	}
	return v
}

// stopwords are function words, verbs of saying, small number words and
// the calendar words every dated report uses ("Tuesday", "March"), none of
// which tells one event from another. Generic topic words ("earthquake",
// "government") are kept: rarity weighting at clustering time turns them
// down by how common they are that day, which a fixed list could not know
// (commonWords only sets where that weighting starts).
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also although am among an and any are
aren around as at be because been before being below between both but by can could did do does doing
down during each either else ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less like many may me might
more most much must my myself neither no nor not now of off on once one only or other others our ours
ourselves out over own per quite rather same shall she should since so some such than that the their
theirs them themselves then there these they this those though through thus to too toward towards under
until up upon very was we were what when where whether which while who whom whose why will with
within without would yet you your yours yourself yourselves
said says say saying told tell tells added adding according include includes including
mr mrs ms dr st jr
two three four five six seven eight nine ten
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
am pm gmt utc est edt bst cet`) {
		m[w] = true
	}
	return m
}()
