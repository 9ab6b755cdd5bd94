package quantity

import (
	"math"
	"sync"
)

// Kind classifies a quantity by what its number measures.
type Kind string

const (
	Count    Kind = "count"    // "2,500 troops", "several hundred troops", "three people"
	Percent  Kind = "percent"  // "40%", "40 percent", "40 per cent", "5 percentage points"
	Money    Kind = "money"    // "$21.5 million", "€3bn", "5 million dollars", "£200"
	Measure  Kind = "measure"  // "11 km", "40 degrees", "500 tonnes", "2 hours", "11-day standoff"
	Ordinal  Kind = "ordinal"  // "20th anniversary", "second visit", "No. 2"
	Fraction Kind = "fraction" // "one third of Iraq", "half of the", "2/3"
	Age      Kind = "age"      // "Gilliam, 27,", "a 27-year-old man", "aged 27"
)

// Normalized qualifiers. Every hedge found in text maps to one of these;
// see doc.go for the table.
const (
	QualNone     = ""
	QualAbout    = "about"
	QualNearly   = "nearly"
	QualMoreThan = "more than"
	QualLessThan = "less than"
	QualAtLeast  = "at least"
	QualAtMost   = "at most"
	QualUpTo     = "up to"
)

// Interval tolerances. They are the whole policy for turning hedges into
// intervals, so a caller that disagrees can recompute Low and High from
// Value, Qualifier and these names.
const (
	// ApproxTolerance widens "about X" to [X(1-t), X(1+t)]. At 10%,
	// "some 2,500" [2250, 2750] admits "2,500" while "about 2,000"
	// [1800, 2200] excludes it.
	ApproxTolerance = 0.10
	// NearlyTolerance makes "nearly X" [X(1-t), X]: just short of X.
	NearlyTolerance = 0.10
	// MoreThanFactor caps "more than X" at X*MoreThanFactor, giving
	// (X, 1.5X]. A finite cap keeps "more than 500" from agreeing with
	// "40,000"; writers who mean far more say "thousands".
	MoreThanFactor = 1.5
)

// Quantity is one number found in a sentence, with its hedge and what it
// counts. Spans are byte offsets into the sentence.
type Quantity struct {
	Start, End       int // qualifier + number + unit/noun phrase
	NumStart, NumEnd int // the number words or digits, scale words included
	Text             string
	// Value is the point value: "2.5 million" 2.5e6, "several hundred"
	// 300, "dozens" 36, "one third" 0.333..., a range's midpoint. It stays
	// the stated number under a qualifier ("more than 500" is 500).
	Value float64
	// Low and High bound what the expression allows; see doc.go. LowOpen
	// and HighOpen mark strict bounds ("more than 500" excludes 500).
	Low, High         float64
	LowOpen, HighOpen bool
	// Exact is true for a precise numeral without a hedge ("2,500",
	// "three", "a dozen"); round numbers are exact too.
	Exact     bool
	Qualifier string
	Kind      Kind
	// Unit is "%", "pp" (percentage points), "bp" (basis points), a
	// currency code ("USD", "EUR", "GBP"; a lowercase name such as
	// "dinar" or "cent" where no single code applies), or a unit of
	// measure ("km", "mile", "kg", "tonne", "degree", "°C", "hour", "day",
	// "year"...). Empty for counts, ordinals and fractions.
	Unit string
	// Noun is the lemma of the head noun ("troops" -> "troop", "people"
	// -> "person"), lowercased; empty if none was found.
	Noun               string
	NounStart, NounEnd int // span of the head noun, -1 if none or elided
	// Modifiers are the lowercased words between the number and the head
	// noun, hyphenated words whole: ["american", "non-combat"].
	Modifiers []string
	Range     bool // "between 10 and 20", "10-20", "10 to 20", "two or three"
	// Elided is set when the number has no noun of its own and Noun was
	// taken from the previous count in the sentence ("2,500 troops in Iraq
	// and 900 in Syria") or from the whole it is part of ("412 of the 650
	// seats").
	Elided bool
	// Vague is set for number words without a precise value: "dozens",
	// "several hundred", "tens of thousands", "a few".
	Vague bool
}

// Finder finds quantities. It holds only tables built by NewFinder and a
// pool of scratch buffers, so one Finder may be shared by goroutines.
type Finder struct {
	lex *lexicon
	// anchorShape[first letter][second letter] has bit n set when some
	// word of length n that can start a number ("two", "dozens", "first",
	// "a") begins with those letters; index 26 stands for no letter.
	anchorShape [26][27]uint32
	cls         [256]uint8           // byte classes, see token.go
	quals       map[uint16][]qualIDs // by the id of the phrase's last word
	pool        sync.Pool
}

type qualIDs struct {
	ids  []uint16 // in text order
	qual string
}

// NewFinder builds the tables. Build one and reuse it.
func NewFinder() *Finder {
	f := &Finder{lex: buildLexicon(), quals: make(map[uint16][]qualIDs), cls: byteClasses()}
	for w, id := range f.lex.ids {
		if f.lex.ent[id].fl&anchorFlags != 0 && w[0] >= 'a' && w[0] <= 'z' && len(w) < 32 {
			f.anchorShape[w[0]-'a'][second(w)] |= 1 << len(w)
		}
	}
	for _, q := range qualifierPhrases() {
		ids := make([]uint16, len(q.words))
		for i, w := range q.words {
			ids[i] = f.lex.ids[w]
		}
		last := ids[len(ids)-1]
		f.quals[last] = append(f.quals[last], qualIDs{ids: ids, qual: q.qual})
	}
	// Longest first, so "no more than" wins over "more than".
	for k, list := range f.quals {
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j].ids) > len(list[j-1].ids); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		f.quals[k] = list
	}
	f.pool.New = func() any {
		b := make([]token, 0, 128)
		return &b
	}
	return f
}

// second indexes anchorShape by the second letter of a lowercased or
// capitalized word.
func second(w string) int {
	if len(w) < 2 {
		return 26
	}
	c := w[1] | 0x20
	if c < 'a' || c > 'z' {
		return 26
	}
	return int(c - 'a')
}

// Find returns the quantities of one sentence in order of position. They
// never overlap.
func (f *Finder) Find(sentence string) []Quantity {
	if len(sentence) > math.MaxInt32 {
		return nil // token offsets are 32-bit; no sentence is this long
	}
	bp := f.pool.Get().(*[]token)
	toks := f.tokenize((*bp)[:0], sentence)
	sc := scanner{f: f, ent: f.lex.ent, s: sentence, t: toks}
	sc.run()
	sc.linkOf()
	if cap(toks) <= 4096 {
		*bp = toks[:0]
		f.pool.Put(bp)
	}
	return sc.out
}

// Overlaps reports whether the intervals of a and b share a value,
// honouring open bounds: "more than 500" and "600" overlap, "more than
// 500" and "500" do not. It ignores Kind and Unit; compare those first.
func Overlaps(a, b Quantity) bool {
	lo, loOpen := a.Low, a.LowOpen
	if b.Low > lo || (b.Low == lo && b.LowOpen) {
		lo, loOpen = b.Low, b.LowOpen
	}
	hi, hiOpen := a.High, a.HighOpen
	if b.High < hi || (b.High == hi && b.HighOpen) {
		hi, hiOpen = b.High, b.HighOpen
	}
	if lo < hi {
		return true
	}
	return lo == hi && !loOpen && !hiOpen
}

// interval applies a qualifier to the base interval [lo, hi] of the bare
// expression. floor is the smallest value the quantity can take (0, or
// -Inf for temperatures and negative numbers).
func interval(qual string, lo, hi, floor float64) (l, h float64, lOpen, hOpen bool) {
	switch qual {
	case QualAbout:
		return lo - ApproxTolerance*math.Abs(lo), hi + ApproxTolerance*math.Abs(hi), false, false
	case QualNearly:
		return lo - NearlyTolerance*math.Abs(lo), hi, false, false
	case QualMoreThan:
		return lo, hi + (MoreThanFactor-1)*math.Abs(hi), true, false
	case QualLessThan:
		return math.Min(floor, lo), hi, false, true
	case QualAtLeast:
		return lo, math.Inf(1), false, false
	case QualAtMost, QualUpTo:
		return math.Min(floor, lo), hi, false, false
	}
	return lo, hi, false, false
}
