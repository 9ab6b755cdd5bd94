package quote

import (
	"unicode"
	"unicode/utf8"
)

// Mode is how the words were delivered.
type Mode string

const (
	Said      Mode = "said"      // said, says, added, stated, noted, warned, thanked, ...
	Told      Mode = "told"      // told reporters, told the BBC, said at a news conference
	Tweeted   Mode = "tweeted"   // tweeted, wrote on X, posted on Twitter, in a tweet
	Wrote     Mode = "wrote"     // wrote, wrote in an op-ed / a letter / a post
	Statement Mode = "statement" // said in a statement, a statement said, according to a statement
	Interview Mode = "interview" // said in an interview, told X in an interview
	Posted    Mode = "posted"    // posted on Facebook, Telegram, Instagram; said on social media
	According Mode = "according" // according to X, with no other channel
)

// Quote is one quotation in a sentence.
type Quote struct {
	Start, End  int    // byte span of the quoted words, quote marks excluded
	Text        string // the quoted words: sentence[Start:End]
	Partial     bool   // a fragment embedded in the reporter's sentence
	Scare       bool   // scare quotes or a quoted term (at most three words, embedded, no attribution); never also Partial
	Open, Close bool   // false when that mark is missing: the quotation continues from or into a neighbouring sentence
	Attribution        // zero (Mode == "") when the sentence attributes it to no one
}

// Attribution is one reporting clause: who said something, and how.
type Attribution struct {
	Speaker                  string // as written: "Austin", "he", "a senior US defense official", "a Pentagon statement"
	SpeakerRole              string // an appositive: "a special agent with the FBI"
	SpeakerStart, SpeakerEnd int    // byte span of Speaker; -1 when none
	Pronoun                  bool   // Speaker is he, she, they, it, we, I or you: resolve it from earlier sentences
	Verb                     string // as written: "said", "told reporters", "had said", "said in a statement", "according to"
	VerbStart, VerbEnd       int
	Mode                     Mode
	Audience                 string // "reporters", "The Wall Street Journal", "Austin"
	Anonymous                bool   // the speaker is kept anonymous
}

// Finder finds quotations and attributions. It holds no state; the zero
// value and a nil *Finder work too, and it is safe for concurrent use.
type Finder struct {
	_ struct{}
}

// NewFinder returns a Finder. The word tables are built once per process.
func NewFinder() *Finder { return &Finder{} }

// Quotes returns every quotation in sentence, in order, with its
// attribution when the sentence gives one. It returns nil when there is
// none.
func (f *Finder) Quotes(sentence string) []Quote {
	if !hasMark(sentence) {
		return nil
	}
	sc := pool.Get().(*scratch)
	defer release(sc)
	sc.reset(sentence)
	sc.findQuotes()
	if len(sc.quotes) == 0 {
		return nil
	}
	sc.tokenize()
	if hasTrigger(sentence) {
		sc.findAttributions()
	}
	return sc.buildQuotes()
}

// Attributions returns the reporting clauses of sentence, in order, one per
// clause, with or without quotations: "X said (that) ...", "..., X said.",
// "according to X, ...", "X told reporters ...", "X tweeted ...". Speech
// verbs inside quotations are not the reporter's and are ignored. It
// returns nil when there is none.
func (f *Finder) Attributions(sentence string) []Attribution {
	if !hasTrigger(sentence) {
		return nil
	}
	sc := pool.Get().(*scratch)
	defer release(sc)
	sc.reset(sentence)
	if hasMark(sentence) {
		sc.findQuotes()
	}
	sc.tokenize()
	sc.findAttributions()
	if len(sc.atts) == 0 {
		return nil
	}
	out := make([]Attribution, len(sc.atts))
	for i := range sc.atts {
		out[i] = sc.atts[i].Attribution
	}
	return out
}

func release(sc *scratch) {
	sc.s = "" // do not keep the caller's text alive in the pool
	pool.Put(sc)
}

func (sc *scratch) buildQuotes() []Quote {
	out := make([]Quote, len(sc.quotes))
	for qi := range sc.quotes {
		rq := &sc.quotes[qi]
		ti := sc.qtok[qi]
		q := &out[qi]
		q.Start, q.End, q.Text = rq.cs, rq.ce, sc.s[rq.cs:rq.ce]
		q.Open, q.Close = rq.open, rq.closed
		ai := sc.attributionFor(ti)
		if ai >= 0 {
			q.Attribution = sc.atts[ai].Attribution
		}
		if ti >= 0 && sc.embedded(ti, qi, ai) {
			if ai < 0 && wordCount(q.Text) <= 3 {
				q.Scare = true
			} else {
				q.Partial = true
			}
		}
	}
	return out
}

// attributionFor picks the attribution of the quotation at token ti, in
// order of preference:
//  1. one that introduces it: Austin said: "..."; X said that "..."
//  2. one right after it: "...," Austin said; "...," said Austin
//  3. the nearest earlier one in the same clause chain: the quotation sits
//     in the reported clause (he hoped to "strengthen") or continues after
//     a middle attribution ("...," he added. "...")
//  4. a later one set off by a comma, which reports the clause before it:
//     Austin voiced "concerns", a Pentagon statement said.
func (sc *scratch) attributionFor(ti int) int {
	if ti < 0 || len(sc.atts) == 0 {
		return -1
	}
	pre, next := -1, -1
	lo, hi := sc.attrWindow(ti)
	for k := lo; k < hi; k++ {
		a := &sc.atts[k]
		if a.last < ti && (pre < 0 || a.last > sc.atts[pre].last) {
			pre = k
		}
		if a.first > ti && (next < 0 || a.first < sc.atts[next].first) {
			next = k
		}
	}
	if pre >= 0 && sc.onlyBetween(sc.atts[pre].last, ti, ":,—–-", true) {
		return pre
	}
	if next >= 0 {
		a := &sc.atts[next]
		if sc.onlyBetween(ti, a.first, ",—–-(", false) &&
			(a.first > ti+1 || sc.quotes[sc.toks[ti].q].punctEnd || a.inverted || a.Pronoun) {
			return next
		}
	}
	if pre >= 0 && sc.sameClause(sc.atts[pre].last, ti) {
		return pre
	}
	if next >= 0 && sc.atts[next].trailing && sc.sameClause(ti, sc.atts[next].first) {
		return next
	}
	return -1
}

// onlyBetween reports whether every token strictly between lo and hi is
// punctuation from set (or "that" when that is true).
func (sc *scratch) onlyBetween(lo, hi int, set string, that bool) bool {
	for j := lo + 1; j < hi; j++ {
		if sc.punct(j, set) || that && sc.is(j, "that") {
			continue
		}
		return false
	}
	return true
}

// sameClause reports whether nothing between lo and hi ends a sentence or
// clause, except a full stop right before a quotation at hi, which is how a
// quotation resumes after a middle attribution.
func (sc *scratch) sameClause(lo, hi int) bool {
	for j := lo + 1; j < hi; j++ {
		if sc.punct(j, ";") {
			return false
		}
		if sc.punct(j, ".?!") && !(j == hi-1 && sc.kind(hi) == kQuote) {
			return false
		}
	}
	return true
}

// embedded reports a quotation that is part of the reporter's sentence
// rather than a full quoted clause: it opens mid-sentence after a word, or
// in lower case after a comma, or is followed straight on by the
// reporter's words ("Game of Thrones" star Kit Harington).
func (sc *scratch) embedded(ti, qi, ai int) bool {
	rq := &sc.quotes[qi]
	if !rq.open {
		return false
	}
	text := sc.s[rq.cs:rq.ce]
	p := ti - 1
	full := false
	switch {
	case p < 0, sc.punct(p, ":.?!…;"):
		full = true
	case sc.punct(p, ",—–-") && sc.attrEndsAt(p-1):
		// "...," the mayor said, "and we will do it together."
		full = true
	case sc.punct(p, ",—–-([") || sc.kind(p) == kQuote || sc.kind(p) == kPunct:
		full = upperStart(text)
	case sc.kind(p) == kWord:
		full = upperStart(text) && sc.attrEndsAt(p)
	}
	if full && rq.closed && !rq.punctEnd && sc.kind(ti+1) == kWord && !sc.attrStartsAt(ti+1) {
		full = false
	}
	return !full
}

func (sc *scratch) attrEndsAt(p int) bool {
	lo, hi := sc.attrWindow(p)
	for k := lo; k < hi; k++ {
		if sc.atts[k].last == p {
			return true
		}
	}
	return false
}

func (sc *scratch) attrStartsAt(p int) bool {
	lo, hi := sc.attrWindow(p)
	for k := lo; k < hi; k++ {
		if sc.atts[k].first == p {
			return true
		}
	}
	return false
}

// maxReach bounds how many tokens away from a quotation or cue an
// attribution may stand. A sentence never needs more, and the bound keeps
// pathological input (thousands of "said") linear.
const maxReach = 128

// attrWindow returns the attributions [lo, hi) whose verb lies within
// maxReach tokens of token i; sc.atts is in verb order.
func (sc *scratch) attrWindow(i int) (lo, hi int) {
	return sc.attrFrom(i - maxReach), sc.attrFrom(i + maxReach + 1)
}

// attrFrom is the index of the first attribution whose verb is at or
// after token v.
func (sc *scratch) attrFrom(v int) int {
	lo, hi := 0, len(sc.atts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if sc.atts[m].verb < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// upperStart reports whether the first letter or digit of text is not a
// lower-case letter.
func upperStart(text string) bool {
	for _, r := range text {
		if isLetter(r) {
			return !unicode.IsLower(r)
		}
		if isDigit(r) {
			return true
		}
	}
	return true
}

func wordCount(text string) int {
	n := 0
	in := false
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		i += w
		if isSpace(r) {
			in = false
			continue
		}
		if !in {
			n++
			in = true
		}
	}
	return n
}
