package quantity

import (
	"math"
	"strings"
)

// numPhrase is the number itself, before context: digits or number words,
// scale words included.
type numPhrase struct {
	a, b     int // token span [a, b)
	val      float64
	lo, hi   float64 // interval of a vague phrase
	scale    float64 // product of scale words, 1 if none
	vague    bool
	ordinal  bool
	fraction bool
	words    bool // written in words
	plain    bool // bare digits: no separator, suffix or scale (a year candidate)
	mSuffix  bool // glued "m": million or metre, settled by context
	bSuffix  bool // glued "b": billion after a currency
	one      bool // the bare word "one", which is usually a pronoun
	needQual bool // bare "half", a quantity only after a qualifier
	count    bool // "half a million": a count despite the fraction word
}

// cand collects what the context adds to a numPhrase.
type cand struct {
	start      int // first token of the expression
	end        int // token after the expression
	numEnd     int // token after the number (the second one of a range)
	qual       string
	qualLoose  bool // the qualifier was "about" or "around", which also date years
	cur        string
	unit       string
	kind       Kind
	neg        bool
	negTok     int
	noPrefix   int // token of "No" in "No. 2"
	hashPrefix int // token of "#" in "#1"
	magGlued   bool
	betweenTok int
	from       bool
	age        bool
	rng        bool
	rlo, rhi   float64
	adjForm    bool // "11-day standoff", "2,500-strong force": the noun is singular
	strong     bool
	fixedNoun  int     // token of the noun inside a hyphen form ("15-member"), -1 if none
	ordMod     int     // token of "largest" in "second-largest", -1 if none
	extra      float64 // added to the value: the inches of "5 ft 7 in"
	labelTok   int     // token of "day" in "day three", -1 if none
}

type scanner struct {
	f     *Finder
	ent   []entry
	s     string
	t     []token
	out   []Quantity
	floor int // tokens before this belong to an earlier quantity
}

const (
	stNone = iota
	stUnit
	stTeen
	stTens
	stHundred
	stScale
	stAnd
)

func (sc *scanner) e(i int) *entry {
	if i < 0 || i >= len(sc.t) || sc.t[i].kind != tkWord {
		return &sc.ent[0]
	}
	return &sc.ent[sc.id(i)]
}

// id resolves the lexicon id of word token i on first use.
func (sc *scanner) id(i int) uint16 {
	tk := &sc.t[i]
	if tk.id == unresolved {
		tk.id = sc.f.lookup(sc.s[int(tk.s):int(tk.e)])
	}
	return tk.id
}

func (sc *scanner) has(i int, fl uint64) bool { return sc.e(i).fl&fl != 0 }

func (sc *scanner) word(i int) string { return sc.s[int(sc.t[i].s):int(sc.t[i].e)] }

func (sc *scanner) isPunct(i int, r rune) bool {
	return i >= 0 && i < len(sc.t) && sc.t[i].kind == tkPunct && sc.t[i].r == r
}

func isHyphenRune(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// hyphenJoin reports whether token i is a hyphen written tight between
// the tokens around it, as in "11-day" or "twenty-five".
func (sc *scanner) hyphenJoin(i int) bool {
	t := sc.t
	return i > 0 && i+1 < len(t) && t[i].kind == tkPunct && (isHyphenRune(t[i].r) || t[i].r == '–') &&
		t[i].glue && t[i+1].glue
}

func (sc *scanner) isWord(i int) bool { return i >= 0 && i < len(sc.t) && sc.t[i].kind == tkWord }
func (sc *scanner) isNum(i int) bool  { return i >= 0 && i < len(sc.t) && sc.t[i].kind == tkNum }

// chunkEnd is the token after everything written tight against token i:
// the whole of "2023-03-07T12:28:00Z" or "COVID-19".
func (sc *scanner) chunkEnd(i int) int {
	j := i + 1
	for j < len(sc.t) && sc.t[j].glue {
		j++
	}
	return j
}

func (sc *scanner) isMonth(i int) bool {
	return sc.isWord(i) && sc.t[i].upper && sc.has(i, fMonth)
}

func (sc *scanner) run() {
	for i := 0; i < len(sc.t); {
		if !sc.anchor(i) {
			i++
			continue
		}
		next := sc.try(i)
		if next <= i {
			next = i + 1
		}
		i = next
	}
}

func (sc *scanner) anchor(i int) bool {
	tk := &sc.t[i]
	switch tk.kind {
	case tkNum:
		return true
	case tkWord:
		if tk.id == unresolved {
			return false // not shaped like any number word
		}
		fl := sc.ent[tk.id].fl
		if fl&(anchorFlags&^fA) != 0 {
			return true
		}
		if fl&fA != 0 && i+1 < len(sc.t) {
			return sc.has(i+1, fHundred|fScale|fDozen|fFew|fCouple|fHandful|fFracDen)
		}
	}
	return false
}

// try reads a quantity whose number starts at token i, appends it, and
// returns the token to resume from.
func (sc *scanner) try(i int) int {
	t := sc.t
	c := cand{negTok: -1, noPrefix: -1, hashPrefix: -1, betweenTok: -1, fixedNoun: -1, ordMod: -1, labelTok: -1}
	var np numPhrase
	var ok bool
	if t[i].kind == tkNum {
		if skip, reject := sc.digitContext(i, &c); reject {
			return skip
		}
		np, ok = sc.parseDigits(i)
		if !ok {
			return sc.chunkEnd(i)
		}
		if sc.isTime(np) {
			return np.b
		}
		if skip, reject := sc.dashChain(np); reject {
			return skip
		}
	} else {
		np, ok = sc.parseWords(i)
		if !ok {
			return i + 1
		}
	}
	if sc.isDate(np) {
		return np.b
	}
	if c.noPrefix >= sc.floor || c.hashPrefix >= sc.floor {
		if !np.plain {
			return np.b
		}
		np.ordinal = true
	}
	if np.ordinal && np.words && sc.isWord(i-1) && strings.EqualFold(sc.word(i-1), "at") {
		return np.b // "at first"
	}
	// "day three", "Game 7", "round 2": the number names the thing before
	// it, unless it counts what follows ("the day 50 people died").
	// "Flight 370", "Article 5", "route 66" are names, not quantities.
	if !np.ordinal && !np.fraction && !np.vague && (np.plain || np.words && np.scale == 1) &&
		np.val == math.Trunc(np.val) && i-1 >= sc.floor && sc.isWord(i-1) && !t[i].glue &&
		sc.has(i-1, fLabel|fIdent) && !sc.has(np.b, fUnit|fPercent|fCurrency) &&
		!(np.plain && t[i].ndig == 4 && np.val >= 1800 && np.val <= 2100) {
		counts := sc.pluralAhead(np.b)
		switch {
		case sc.has(i-1, fIdent) && (!counts || t[i-1].upper):
			return np.b
		case sc.has(i-1, fLabel) && !counts:
			np.ordinal = true
			c.labelTok = i - 1
		}
	}

	if math.IsInf(np.val, 0) || math.IsNaN(np.val) {
		return np.b // hundreds of digits: not a quantity, and no interval
	}
	sc.lookback(np.a, &c)
	if np.needQual && c.qual == "" {
		return np.b
	}
	c.end, c.numEnd = np.b, np.b
	sc.rangeAt(&np, &c)
	j := c.end
	j = sc.postQual(j, &c)
	j, ok = sc.units(j, &np, &c)
	if !ok {
		return np.b
	}
	j = sc.postQual(j, &c)
	if np.ordinal {
		c.kind = Ordinal
		c.unit, c.cur = "", ""
		if sc.hyphenJoin(j) && sc.isWord(j+1) {
			if sc.has(j+1, fHyphBad) {
				return j + 2 // "second-hand", "first-ever" reads as an adverb
			}
			c.ordMod = j + 1
			j += 2
		}
	}
	if c.kind == "" {
		switch {
		case c.age:
			c.kind = Age
		case np.fraction && !np.count:
			c.kind = Fraction
		case c.cur != "":
			c.kind = Money
		default:
			c.kind = Count
		}
	}
	if c.age && c.kind != Ordinal {
		c.kind = Age
		if c.unit == "" {
			c.unit = "year"
		}
	}
	if c.kind == Count && sc.nameAge(np, &c, j) {
		c.kind, c.unit = Age, "year"
	}
	if sc.isYear(np, &c, j) || sc.isName(np, &c) || sc.onePronoun(np, &c, j) {
		return np.b
	}
	c.end = j
	if math.IsInf(np.val, 0) || math.IsInf(c.rhi, 0) {
		return j // a scale word pushed it past float64
	}

	q := Quantity{NounStart: -1, NounEnd: -1}
	sc.nounFor(&np, &c, &q)
	sc.finish(&np, &c, &q)
	sc.out = append(sc.out, q)
	sc.floor = c.end
	return c.end
}

// digitContext rejects digits that are part of something else (a word, a
// clock time, a version, a phone number) and notes the prefixes that
// change their meaning (a minus sign, "No.", "#").
func (sc *scanner) digitContext(i int, c *cand) (int, bool) {
	t := sc.t
	n := len(t)
	tk := &t[i]
	if tk.nfl&nMultiDot != 0 {
		return sc.chunkEnd(i), true
	}
	if tk.glue && i > 0 {
		p := &t[i-1]
		switch p.kind {
		case tkWord:
			// "G7", "MH370"; but "Rs500" and "USD500" are money.
			if !(sc.has(i-1, fCurCode) && (p.caps || sc.word(i-1) == "Rs")) {
				return sc.chunkEnd(i), true
			}
		case tkNum:
			return sc.chunkEnd(i), true
		case tkPunct:
			switch p.r {
			case '-', '‐', '‑', '–':
				if p.glue && i >= 2 {
					// "COVID-19", "mid-2014", "F-16"; "magnitude-7.8" is kept.
					if p.r != '–' && sc.isWord(i-2) && sc.has(i-2, fMagnitude) {
						c.magGlued = true
						break
					}
					return sc.chunkEnd(i), true
				}
				if p.r != '–' {
					c.neg, c.negTok = true, i-1
				}
			case '−':
				c.neg, c.negTok = true, i-1
			case ':', '/', '\\', '@', '=', '&', '_', '~':
				return sc.chunkEnd(i), true // "12:28", a path or a query string
			case ',':
				if p.glue && i >= 2 && t[i-2].kind == tkNum {
					return sc.chunkEnd(i), true
				}
			case '.':
				if p.glue && i >= 2 && sc.isWord(i-2) && sc.has(i-2, fNo) {
					c.noPrefix = i - 2
					break
				}
				if p.glue && i >= 2 && sc.isWord(i-2) && sc.word(i-2) == "Rs" {
					break
				}
				return sc.chunkEnd(i), true
			case '\'', '’', '‘':
				// "'90s", "in '03"; an opening quote before a longer number is fine.
				if tk.ndig <= 2 && tk.nfl == 0 {
					return sc.chunkEnd(i), true
				}
			case '+':
				// "+44 20 7946 0958": skip the whole number.
				if tk.ndig >= 2 {
					j := sc.chunkEnd(i)
					for j < n && t[j].kind == tkNum && t[j].nfl&(nComma|nDot) == 0 {
						j = sc.chunkEnd(j)
					}
					return j, true
				}
			case '#':
				c.hashPrefix = i - 1
			case '[':
				if sc.isPunct(i+1, ']') {
					return i + 2, true // a citation mark
				}
			}
		}
	}
	// "No. 2", "No 10": list numbers, read only as ordinals.
	if !tk.glue && i >= 1 && c.noPrefix < 0 {
		switch {
		case sc.isPunct(i-1, '.') && sc.t[i-1].glue && sc.isWord(i-2) && sc.has(i-2, fNo) && i-2 >= sc.floor:
			c.noPrefix = i - 2
		case sc.isWord(i-1) && sc.has(i-1, fNo) && t[i-1].upper && i-1 >= sc.floor:
			c.noPrefix = i - 1
		}
	}
	if i+2 < n && t[i+1].glue && t[i+1].kind == tkPunct && t[i+2].glue && t[i+2].kind == tkNum {
		switch t[i+1].r {
		case ':', ',', '.':
			return sc.chunkEnd(i), true // "12:28", "1,5"
		}
	}
	// "(202) 555-0123"
	if tk.ndig == 3 && sc.isPunct(i-1, '(') && sc.isPunct(i+1, ')') && sc.isNum(i+2) &&
		sc.hyphenJoin(i+3) && sc.isNum(i+4) && t[i+4].ndig == 4 {
		return sc.chunkEnd(i + 2), true
	}
	// "(1)" numbers a list item or a note; after a name, "(27)" is an age
	// (see nameAge).
	if tk.nfl == 0 && sc.isPunct(i-1, '(') && tk.glue && sc.isPunct(i+1, ')') && t[i+1].glue &&
		!(tk.val >= 1 && tk.val <= 120 && sc.isWord(i-2) && t[i-2].upper && !t[i-1].glue) {
		return i + 2, true
	}
	// "1." opening a list item.
	if i == 0 && tk.nfl == 0 && sc.isPunct(1, '.') && t[1].glue && (n == 2 || !t[2].glue) {
		return 2, true
	}
	return 0, false
}

// dashChain handles digits joined by hyphens: ISO dates and phone numbers
// are rejected, "2014-15" is a span of years, "3-1" a score, "10-20" a
// range that rangeAt reads.
func (sc *scanner) dashChain(np numPhrase) (int, bool) {
	t := sc.t
	j := np.b
	if !sc.hyphenJoin(j) || !sc.isNum(j+1) {
		return 0, false
	}
	parts := 1
	k := j
	for sc.hyphenJoin(k) && sc.isNum(k+1) {
		parts++
		k += 2
	}
	if parts >= 3 {
		return sc.chunkEnd(np.a), true
	}
	a, b := &t[np.a], &t[j+1]
	if np.b != np.a+1 {
		return 0, false // "10m-20m": suffixes make it a range
	}
	if a.nfl&nLeadZero != 0 || b.nfl&nLeadZero != 0 {
		return sc.chunkEnd(np.a), true
	}
	plainA, plainB := a.nfl&(nComma|nDot) == 0, b.nfl&(nComma|nDot) == 0
	if plainA && plainB {
		if a.ndig == 4 && a.val >= 1800 && a.val <= 2100 && (b.ndig == 2 || b.ndig == 4) {
			return sc.chunkEnd(np.a), true // "2014-15", "2003-2011"
		}
		if (a.ndig == 3 || a.ndig == 4) && b.ndig == 4 && !sc.isWord(j+2) {
			return sc.chunkEnd(np.a), true // "555-1234"
		}
	}
	if b.val <= a.val || sc.has(np.a-1, fScoreCtx) || sc.has(j+2, fScoreCtx) {
		return sc.chunkEnd(np.a), true // a score: "3-1", "a 2-3 defeat"
	}
	return 0, false
}

func (sc *scanner) parseDigits(i int) (numPhrase, bool) {
	t := sc.t
	n := len(t)
	tk := &t[i]
	np := numPhrase{a: i, b: i + 1, val: tk.val, scale: 1, plain: tk.nfl&(nComma|nDot) == 0}
	j := i + 1
	if j < n && t[j].glue && t[j].kind == tkWord {
		e := sc.e(j)
		w := sc.word(j)
		switch {
		case e.fl&fOrdSuf != 0:
			if tk.nfl&nDot != 0 {
				return np, false
			}
			np.ordinal = true
			np.b = j + 1
			return np, true
		case w == "m" || w == "M":
			np.mSuffix, np.plain = true, false
			j++
		case w == "b" || w == "B":
			np.bSuffix, np.plain = true, false
			j++
		case e.fl&fScaleSuf != 0:
			np.val *= e.scale
			np.scale = e.scale
			np.plain = false
			j++
		case w == "C" || w == "F" || w == "g":
			// a temperature or grams, read by units
		case len(w) == 1:
			return np, false // "5G", "3D", "1990s"
		case e.fl&(fUnit|fPercent|fCurCode) != 0:
		default:
			return np, false // "3pm", "4x4" and other codes
		}
		np.b = j
	}
	if np.scale == 1 && !np.mSuffix && !np.bSuffix {
		if k := sc.andAHalf(j); k > 0 && tk.nfl == 0 {
			np.val += 0.5
			np.plain = false
			j = k
			np.b = k
		}
		for j < n && !t[j].glue && sc.has(j, fScale|fHundred|fDozen) {
			s := sc.e(j).scale
			np.val *= s
			np.scale *= s
			np.plain = false
			j++
			np.b = j
		}
	}
	// "3 in 10 Americans"
	if np.plain && np.b == i+1 && tk.val >= 1 && sc.has(np.b, fIn) {
		if d, ok := sc.smallNumber(np.b + 1); ok && d > tk.val && d <= 1000 {
			np.val = tk.val / d
			np.fraction = true
			np.plain = false
			np.b += 2
			return np, true
		}
	}
	// "1/3"; other slashes are dates ("07/03/2023") or codes ("24/7", "9/11").
	if sc.isPunct(np.b, '/') && t[np.b].glue && sc.isNum(np.b+1) && t[np.b+1].glue {
		d := &t[np.b+1]
		switch d.val {
		case 2, 3, 4, 5, 6, 8, 10, 100:
		default:
			return np, false
		}
		if !np.plain || d.nfl != 0 || tk.val >= d.val || tk.val == 0 ||
			(np.b+2 < n && t[np.b+2].glue && t[np.b+2].kind != tkPunct) || sc.isPunct(np.b+2, '/') {
			return np, false
		}
		np.val = tk.val / d.val
		np.fraction = true
		np.plain = false
		np.b += 2
	}
	return np, true
}

// andAHalf returns the token after "and a half" at j, or 0.
func (sc *scanner) andAHalf(j int) int {
	if sc.has(j, fAnd) && sc.has(j+1, fA) && sc.has(j+2, fHalf) && sc.word(j+1) != "an" {
		return j + 3
	}
	return 0
}

func (sc *scanner) parseWords(i int) (numPhrase, bool) {
	t := sc.t
	e := sc.e(i)
	np := numPhrase{a: i, b: i + 1, scale: 1, words: true}
	switch {
	case e.fl&(fCard|fTens) != 0:
		return sc.cardinal(i, i, 0, stNone, np)
	case e.fl&fA != 0:
		return sc.aPhrase(i, np)
	case e.fl&fHalf != 0:
		return sc.halfPhrase(i, np)
	case e.fl&fOrdinal != 0:
		np.ordinal = true
		np.val = e.num
		return np, true
	case e.fl&fSeveral != 0:
		np.vague = true
		if sc.has(i+1, fHundred|fScale|fDozen) && !t[i+1].glue {
			s := sc.scaleRun(i+1, &np)
			np.lo, np.hi, np.val = 2*s, 9*s, 3*s
			return np, true
		}
		np.lo, np.hi, np.val = 3, 9, 3
		return np, true
	case e.fl&(fVague|fTensV|fScores) != 0:
		if e.fl&(fTensV|fScores) != 0 && !sc.has(i+1, fOf) {
			return np, false // "tens" and "scores" are numbers only before "of"
		}
		np.vague = true
		np.lo, np.hi, np.val = e.vlo, e.vhi, e.vval
		if sc.has(i+1, fOf) && sc.has(i+2, fVague) && sc.e(i+2).scale > 1 && e.fl&fScores == 0 {
			// "tens of thousands", "hundreds of millions"
			s := sc.e(i + 2).scale
			np.lo, np.hi, np.val = e.vlo*s, (e.vhi+1)*s-1, e.vval*s
			np.b = i + 3
		}
		return np, true
	}
	return np, false
}

// scaleRun multiplies the scale words from j on ("hundred thousand") and
// returns their product, moving np.b past them.
func (sc *scanner) scaleRun(j int, np *numPhrase) float64 {
	s := 1.0
	for j < len(sc.t) && !sc.t[j].glue && sc.has(j, fHundred|fScale|fDozen) {
		s *= sc.e(j).scale
		j++
	}
	np.b = j
	np.scale = s
	return s
}

// cardinal reads spelled-out numbers from j: "twenty-five", "two hundred
// and fifty thousand", "three million". cur and last seed the state when
// a caller has read "a" (one) already.
func (sc *scanner) cardinal(start, j int, cur float64, last int, np numPhrase) (numPhrase, bool) {
	t := sc.t
	n := len(t)
	total := 0.0
	end := j
loop:
	for j < n {
		tk := &t[j]
		if tk.kind == tkPunct {
			if last == stTens && sc.hyphenJoin(j) && isHyphenRune(tk.r) {
				e := sc.e(j + 1)
				if e.fl&fCard != 0 && e.num >= 1 && e.num <= 9 {
					cur += e.num
					last = stUnit
					j += 2
					end = j
					continue
				}
				if e.fl&fOrdinal != 0 && e.num >= 1 && e.num <= 9 {
					np.ordinal = true
					np.val = total + cur + e.num
					np.b = j + 2
					return np, true
				}
			}
			break
		}
		if tk.kind != tkWord {
			break
		}
		e := sc.e(j)
		switch {
		case e.fl&fCard != 0:
			v := e.num
			if v >= 1 && v <= 9 {
				if !(last == stNone || last == stHundred || last == stScale || last == stAnd || last == stTens) {
					break loop
				}
				last = stUnit
			} else {
				if !(last == stNone || last == stHundred || last == stScale || last == stAnd) {
					break loop
				}
				last = stTeen
			}
			cur += v
		case e.fl&fTens != 0:
			if !(last == stNone || last == stHundred || last == stScale || last == stAnd) {
				break loop
			}
			cur += e.num
			last = stTens
		case e.fl&fHundred != 0:
			if !(last == stUnit || last == stTeen || last == stTens) || cur == 0 {
				break loop
			}
			cur *= 100
			last = stHundred
			if np.scale < 100 {
				np.scale = 100
			}
		case e.fl&(fScale|fDozen) != 0:
			if !(last == stUnit || last == stTeen || last == stTens || last == stHundred) {
				break loop
			}
			total += cur * e.scale
			cur = 0
			last = stScale
			if np.scale < e.scale {
				np.scale = e.scale
			}
		case e.fl&fAnd != 0:
			if (last == stHundred || last == stScale) && sc.has(j+1, fCard|fTens) {
				last = stAnd
				j++
				continue
			}
			break loop
		case e.fl&fOrdinal != 0 && (last == stHundred || last == stScale || last == stAnd) && e.num < 100:
			// "one hundred and first"
			np.ordinal = true
			np.val = total + cur + e.num
			np.b = j + 1
			return np, true
		default:
			break loop
		}
		j++
		end = j
	}
	if end == start {
		return np, false
	}
	np.a = start
	np.val = total + cur
	np.b = end
	if end == start+1 && sc.has(start, fCard) && sc.e(start).num == 1 {
		np.one = true
	}
	if k := sc.andAHalf(end); k > 0 {
		np.val += 0.5
		np.b = k
		np.one = false
		if sc.has(k, fScale|fHundred|fDozen) {
			np.val *= sc.scaleRun(k, &np)
		}
	}
	v := np.val
	if np.scale == 1 && v >= 1 && v <= 20 && v == math.Trunc(v) && !np.ordinal {
		k := np.b
		if sc.hyphenJoin(k) {
			k++
		}
		e := sc.e(k)
		if (v == 1 && e.fl&fFracDen != 0) || (v > 1 && e.fl&fFracPl != 0) {
			np.val = v / e.num
			np.fraction = true
			np.one = false
			np.b = k + 1
			return np, true
		}
		// "one in five"
		if k == np.b && e.fl&fIn != 0 {
			if d, ok := sc.smallNumber(k + 1); ok && d > v {
				np.val = v / d
				np.fraction = true
				np.one = false
				np.b = k + 2
				return np, true
			}
		}
	}
	return np, true
}

// smallNumber reads a one-token cardinal for "one in five", "1 in 10";
// "3 in 10 days" is a rate, not a fraction.
func (sc *scanner) smallNumber(k int) (float64, bool) {
	if sc.has(k+1, fUnit|fPercent|fCurrency) {
		return 0, false
	}
	if sc.isNum(k) && sc.t[k].nfl == 0 && !sc.glued(k+1) {
		return sc.t[k].val, true
	}
	if sc.has(k, fCard|fTens) && !sc.hyphenJoin(k+1) {
		return sc.e(k).num, true
	}
	return 0, false
}

func (sc *scanner) glued(i int) bool { return i < len(sc.t) && sc.t[i].glue }

func (sc *scanner) aPhrase(i int, np numPhrase) (numPhrase, bool) {
	k := i + 1
	e := sc.e(k)
	switch {
	case e.fl&(fHundred|fScale|fDozen) != 0:
		return sc.cardinal(i, k, 1, stUnit, np)
	case e.fl&fFew != 0:
		np.vague = true
		np.b = k + 1
		if sc.has(k+1, fHundred|fScale|fDozen) {
			s := sc.scaleRun(k+1, &np)
			np.lo, np.hi, np.val = 2*s, 5*s, 3*s
			return np, true
		}
		np.lo, np.hi, np.val = 2, 5, 3
		return np, true
	case e.fl&fCouple != 0:
		np.vague = true
		np.b = k + 1
		m := k + 1
		if sc.has(m, fOf) && sc.has(m+1, fHundred|fScale|fDozen) {
			m++
		}
		if sc.has(m, fHundred|fScale|fDozen) {
			s := sc.scaleRun(m, &np)
			np.lo, np.hi, np.val = 2*s, 3*s, 2*s
			return np, true
		}
		if !sc.has(k+1, fOf) {
			return np, false // "a couple" of people, not of numbers
		}
		np.lo, np.hi, np.val = 2, 3, 2
		return np, true
	case e.fl&fHandful != 0:
		if !sc.has(k+1, fOf) {
			return np, false
		}
		np.vague = true
		np.b = k + 1
		np.lo, np.hi, np.val = 2, 6, 4
		return np, true
	case e.fl&fFracDen != 0:
		if sc.has(k+1, fOf) {
			np.fraction = true
			np.val = 1 / e.num
			np.b = k + 1
			return np, true
		}
		if e.fl&fOrdinal != 0 {
			// "a third term": the ordinal starts at "third".
			np.a, np.b = k, k+1
			np.ordinal = true
			np.val = e.num
			return np, true
		}
		if e.fl&fHalf == 0 && sc.isWord(k+1) && !sc.has(k+1, fFunc) {
			np.fraction = true // "a quarter century"
			np.val = 1 / e.num
			np.b = k + 1
			return np, true
		}
	}
	return np, false
}

func (sc *scanner) halfPhrase(i int, np numPhrase) (numPhrase, bool) {
	if sc.hyphenJoin(i + 1) {
		return np, false // "half-brother", "half-time"
	}
	if sc.has(i-1, fOrdinal|fDet|fA) {
		return np, false // "second half", "the half", "and a half"
	}
	if sc.has(i+1, fA) && sc.has(i+2, fHundred|fScale|fDozen) {
		np.val = 0.5 * sc.scaleRun(i+2, &np)
		np.count = true
		return np, true
	}
	np.fraction = true
	np.val = 0.5
	if !sc.has(i+1, fOf|fDet|fA) {
		np.needQual = true
	}
	return np, true
}

// isDate: day numbers next to a month name ("March 20", "20 March",
// "Jan. 15", "7th of March").
func (sc *scanner) isDate(np numPhrase) bool {
	if np.val < 1 || np.val > 31 || np.val != math.Trunc(np.val) {
		return false
	}
	if !np.ordinal && !(np.plain && sc.t[np.a].ndig <= 2) {
		return false
	}
	p := np.a - 1
	if sc.isPunct(p, '.') && sc.t[p].glue {
		p--
	}
	if sc.isMonth(p) {
		return true
	}
	if sc.isMonth(np.b) {
		return true
	}
	return sc.has(np.b, fOf) && sc.isMonth(np.b+1)
}

// isTime: "3 p.m.", "5am" (rejected as a suffix earlier), "1430 GMT".
func (sc *scanner) isTime(np numPhrase) bool {
	if np.words || np.b != np.a+1 {
		return false
	}
	k := np.b
	if sc.has(k, fTimeSuf) && !sc.t[k].upper || sc.has(k, fTimeSuf) && sc.t[k].caps {
		return true
	}
	if sc.isWord(k) && sc.isPunct(k+1, '.') && sc.isWord(k+2) && sc.t[k+1].glue && sc.t[k+2].glue {
		w := sc.word(k)
		return (w == "a" || w == "p" || w == "A" || w == "P") && (sc.word(k+2) == "m" || sc.word(k+2) == "M")
	}
	return false
}

func curSymbol(r rune) string {
	switch r {
	case '$':
		return "USD"
	case '€':
		return "EUR"
	case '£':
		return "GBP"
	case '¥':
		return "JPY"
	case '₹':
		return "INR"
	case '₽':
		return "RUB"
	case '₩':
		return "KRW"
	case '₪':
		return "ILS"
	case '₺':
		return "TRY"
	case '₦':
		return "NGN"
	case '₱':
		return "PHP"
	case '฿':
		return "THB"
	case '₫':
		return "VND"
	}
	return ""
}

func dollarPrefix(w string) string {
	switch w {
	case "US":
		return "USD"
	case "A", "AU":
		return "AUD"
	case "C", "CA":
		return "CAD"
	case "HK":
		return "HKD"
	case "NZ":
		return "NZD"
	case "S":
		return "SGD"
	case "R":
		return "BRL"
	case "NT":
		return "TWD"
	}
	return ""
}

// lookback reads what precedes the number: a currency, a sign,
// "between", "aged", "magnitude", "No." and the qualifier.
func (sc *scanner) lookback(i int, c *cand) {
	t := sc.t
	fl := sc.floor
	p := i - 1
	c.start = i
	switch {
	case c.labelTok >= fl:
		c.start = c.labelTok
		return
	case c.noPrefix >= fl:
		c.start = c.noPrefix
		p = c.noPrefix - 1
	case c.hashPrefix >= fl:
		c.start = c.hashPrefix
		p = c.hashPrefix - 1
	case c.magGlued && i-2 >= fl:
		c.start = i - 2
		c.unit, c.kind = "magnitude", Measure
		p = i - 3
	}
	if c.neg && c.negTok == p && p >= fl {
		c.start = p
		p--
	}
	if p >= fl {
		switch {
		case t[p].kind == tkPunct && curSymbol(t[p].r) != "":
			c.cur = curSymbol(t[p].r)
			c.start = p
			if t[p].r == '$' && t[p].glue && sc.isWord(p-1) && p-1 >= fl {
				if code := dollarPrefix(sc.word(p - 1)); code != "" {
					c.cur = code
					c.start = p - 1
					p--
				}
			}
			p--
		case sc.isWord(p) && sc.has(p, fCurCode) && (t[p].caps || sc.word(p) == "Rs"):
			c.cur = sc.e(p).cur
			c.start = p
			p--
		case sc.isPunct(p, '.') && sc.isWord(p-1) && sc.word(p-1) == "Rs" && p-1 >= fl:
			c.cur = "INR"
			c.start = p - 1
			p -= 2
		}
	}
	if p >= fl && sc.has(p, fMinus) {
		c.neg = true
		c.start = p
		p--
	}
	if p >= fl && sc.isWord(p) {
		switch {
		case sc.has(p, fBetween):
			c.betweenTok = p
			return
		case sc.has(p, fFrom):
			c.from = true
		case sc.has(p, fAged):
			c.age = true
			c.start = p
			p--
		case sc.has(p, fMagnitude) && c.unit == "":
			c.unit, c.kind = "magnitude", Measure
			c.start = p
			p--
		}
	}
	if q, s := sc.matchQual(p); s >= 0 {
		c.qual = q
		c.start = s
		if s == p {
			w := sc.word(p)
			c.qualLoose = strings.EqualFold(w, "about") || strings.EqualFold(w, "around") ||
				strings.EqualFold(w, "circa") || strings.EqualFold(w, "ca")
		}
	}
}

// matchQual finds the longest qualifier phrase ending at token p.
func (sc *scanner) matchQual(p int) (string, int) {
	if p < sc.floor || !sc.isWord(p) {
		return "", -1
	}
	list := sc.f.quals[sc.id(p)]
	for _, q := range list {
		k := len(q.ids)
		s := p - k + 1
		if s < sc.floor {
			continue
		}
		ok := true
		for m := 0; m < k; m++ {
			if !sc.isWord(s+m) || sc.id(s+m) != q.ids[m] {
				ok = false
				break
			}
		}
		if ok {
			return q.qual, s
		}
	}
	return "", -1
}

// rangeAt extends the number to a range: "10-20", "10 to 20", "between
// 10 and 20", "two or three".
func (sc *scanner) rangeAt(np *numPhrase, c *cand) {
	if np.ordinal || np.fraction || np.vague || np.bSuffix {
		return
	}
	t := sc.t
	n := len(t)
	j := np.b
	if j >= n {
		return
	}
	// "5% and 10%", "10 km to 20 km": the unit repeats after each number.
	unitTok := -1
	if t[j].kind == tkPunct && t[j].r == '%' || t[j].kind == tkWord && sc.has(j, fPercent|fUnit) && !sc.has(j, fFunc) {
		if j+1 < n && (sc.has(j+1, fAnd|fTo|fOr) || t[j+1].kind == tkPunct && (isHyphenRune(t[j+1].r) || t[j+1].r == '–')) {
			unitTok = j
			j++
		}
	}
	k := -1
	or := false
	switch {
	case c.betweenTok >= 0:
		if sc.has(j, fAnd) {
			k = j + 1
		}
	case t[j].kind == tkPunct && (isHyphenRune(t[j].r) || t[j].r == '–'):
		if sc.hyphenJoin(j) || (t[j].r == '–' || unitTok >= 0) && !t[j].glue && j+1 < n && !t[j+1].glue {
			k = j + 1
		}
	case sc.has(j, fTo) && !c.from:
		k = j + 1
	case sc.has(j, fOr) && np.scale == 1:
		k = j + 1
		or = true
	}
	if k < 0 || k >= n {
		return
	}
	if c.cur != "" && t[k].kind == tkPunct && curSymbol(t[k].r) != "" {
		k++
	}
	var np2 numPhrase
	ok := false
	switch {
	case sc.isNum(k):
		if t[k].nfl&nMultiDot != 0 || sc.isPunct(k+1, ':') && sc.glued(k+1) {
			return
		}
		np2, ok = sc.parseDigits(k)
	case sc.has(k, fCard|fTens):
		np2, ok = sc.cardinal(k, k, 0, stNone, numPhrase{a: k, b: k + 1, scale: 1, words: true})
	}
	if !ok || np2.ordinal || np2.fraction || np2.bSuffix {
		return
	}
	if unitTok >= 0 {
		u := np2.b
		same := false
		switch {
		case t[unitTok].kind == tkPunct:
			same = sc.isPunct(u, '%')
		case sc.isWord(u):
			e1, e2 := sc.e(unitTok), sc.e(u)
			same = e1.fl&fPercent != 0 && e2.fl&fPercent != 0 || e1.unit != "" && e1.unit == e2.unit
		}
		if !same {
			return
		}
	}
	if np2.mSuffix {
		if c.cur == "" && !np.mSuffix {
			return
		}
		np2.val *= 1e6
		np2.scale = 1e6
	}
	lo, hi := np.val, np2.val
	if np.mSuffix {
		if !np2.mSuffix {
			return
		}
		lo *= 1e6
		np.scale = 1e6
		np.mSuffix = false
	}
	if np2.scale > 1 && np.scale == 1 && lo*np2.scale <= hi {
		lo *= np2.scale
	}
	if !(hi > lo) {
		return
	}
	if or && (np2.scale != 1 || hi > 2*lo+1) {
		return // "5 or 50" is a choice, not a range
	}
	c.rng = true
	c.rlo, c.rhi = lo, hi
	c.end, c.numEnd = np2.b, np2.b
	if !np2.plain {
		np.plain = false
	}
	if c.betweenTok >= 0 {
		c.start = c.betweenTok
	}
}

// postQual reads hedges written after the number: "or so", "or more",
// "100+", "30-odd", "100-plus".
func (sc *scanner) postQual(j int, c *cand) int {
	t := sc.t
	n := len(t)
	if j >= n || c.qual != "" {
		return j
	}
	if t[j].kind == tkPunct && t[j].r == '+' && t[j].glue && !(j+1 < n && t[j+1].glue && t[j+1].kind == tkNum) {
		c.qual = QualMoreThan
		return j + 1
	}
	if sc.hyphenJoin(j) && sc.has(j+1, fOdd|fPlus) {
		c.qual = QualMoreThan
		return j + 2
	}
	if sc.has(j, fOr) && sc.isWord(j+1) {
		switch strings.ToLower(sc.word(j + 1)) {
		case "so":
			c.qual = QualAbout
		case "more":
			c.qual = QualAtLeast
		case "fewer", "less":
			c.qual = QualAtMost
		default:
			return j
		}
		return j + 2
	}
	return j
}

func isTimeUnit(u string) bool {
	switch u {
	case "year", "month", "week", "day":
		return true
	}
	return false
}

// units reads percent signs, currencies, units of measure and hyphenated
// forms after the number. It returns false when the suffix makes the
// number something other than a quantity.
func (sc *scanner) units(j int, np *numPhrase, c *cand) (int, bool) {
	t := sc.t
	n := len(t)
	if np.mSuffix {
		if c.cur != "" || sc.pluralAhead(j) || sc.has(j, fOf) {
			sc.scaleBy(np, c, 1e6)
		} else {
			c.kind, c.unit = Measure, "m"
		}
	}
	if np.bSuffix {
		if c.cur == "" {
			return j, false
		}
		sc.scaleBy(np, c, 1e9)
	}
	if j >= n || np.ordinal {
		return j, true
	}
	tk := &t[j]
	if tk.kind == tkPunct {
		switch tk.r {
		case '%', '٪':
			c.kind, c.unit = Percent, "%"
			return j + 1, true
		case '°', 'º':
			c.kind, c.unit = Measure, "degree"
			return sc.tempLetter(j+1, c), true
		}
		if isHyphenRune(tk.r) && sc.hyphenJoin(j) && sc.isWord(j+1) {
			return sc.hyphenForm(j, np, c)
		}
		if code := curSymbol(tk.r); code != "" && c.cur == "" && !sc.isNum(j+1) {
			c.cur = code // "500€"
			return j + 1, true
		}
		return j, true
	}
	if tk.kind != tkWord {
		return j, true
	}
	e := sc.e(j)
	w := sc.word(j)
	if tk.glue && (w == "C" || w == "F") {
		c.kind, c.unit = Measure, "°"+w
		return j + 1, true
	}
	if tk.glue && w == "g" {
		c.kind, c.unit = Measure, "g"
		return j + 1, true
	}
	switch {
	case e.fl&fPercent != 0:
		if w == "pc" && !tk.glue {
			return j, true
		}
		c.kind, c.unit = Percent, "%"
		if e.unit == "bp" {
			c.unit = "bp"
		}
		return j + 1, true
	case e.fl&fPer != 0 && sc.has(j+1, fCent):
		c.kind, c.unit = Percent, "%"
		return j + 2, true
	case e.fl&fPercentage != 0 && sc.has(j+1, fPoints):
		c.kind, c.unit = Percent, "pp"
		return j + 2, true
	case e.fl&fBasis != 0 && sc.has(j+1, fPoints):
		c.kind, c.unit = Percent, "bp"
		return j + 2, true
	}
	if k, ok := sc.currencyAt(j, c); ok {
		return k, true
	}
	if e.fl&fOf != 0 && (np.vague || np.scale > 1) {
		if k, ok := sc.currencyAt(j+1, c); ok {
			return k, true // "millions of dollars"
		}
	}
	if e.fl&fSquare != 0 && sc.has(j+1, fUnit) {
		u := sc.e(j + 1).unit
		lw := strings.ToLower(w)
		switch {
		case lw == "nautical" && u == "mile":
			u = "nmi"
		case lw == "cubic" && (u == "m" || u == "ft"):
			u += "3"
		case lw != "cubic" && lw != "nautical" && (u == "km" || u == "m"):
			u += "2"
		case lw != "cubic" && lw != "nautical" && (u == "mile" || u == "ft"):
			u = "sq " + u
		default:
			return j, true
		}
		c.kind, c.unit = Measure, u
		return j + 2, true
	}
	if e.fl&fUnit != 0 && !(e.unit == "m" && w != "m" && len(w) < 3) {
		if (e.unit == "point") && !tk.glue && !strings.HasSuffix(w, "s") {
			return j, true
		}
		return sc.unitTail(j+1, e.unit, c), true
	}
	return j, true
}

// unitTail reads what may follow a unit: "per hour", "/h", "²", a
// temperature scale, "old".
func (sc *scanner) unitTail(j int, u string, c *cand) int {
	t := sc.t
	c.kind = Measure
	if sc.has(j, fPer) && sc.has(j+1, fUnit) {
		u2 := sc.e(j + 1).unit
		u = perUnit(u, u2)
		j += 2
	} else if sc.isPunct(j, '/') && t[j].glue && sc.isWord(j+1) && t[j+1].glue {
		w := strings.ToLower(sc.word(j + 1))
		if w == "h" || w == "hr" || w == "hour" {
			u = perUnit(u, "hour")
			j += 2
		}
	}
	if j < len(t) && t[j].glue {
		switch {
		case t[j].kind == tkNum && t[j].nfl == 0 && (t[j].val == 2 || t[j].val == 3) && t[j].ndig == 1 && (u == "km" || u == "m"):
			u += sc.word(j)
			j++
		case t[j].kind == tkPunct && (t[j].r == '²' || t[j].r == '³') && (u == "km" || u == "m"):
			if t[j].r == '²' {
				u += "2"
			} else {
				u += "3"
			}
			j++
		}
	}
	// "5 ft 7 in"
	if u == "ft" && sc.isNum(j) && t[j].nfl == 0 && t[j].val < 12 && sc.isWord(j+1) && !t[j+1].glue {
		if w := strings.ToLower(sc.word(j + 1)); w == "in" || w == "inch" || w == "inches" {
			c.extra = t[j].val / 12
			j += 2
		}
	}
	if u == "degree" {
		if sc.has(j, fTemp) {
			switch strings.ToLower(sc.word(j))[0] {
			case 'f':
				u = "°F"
			default:
				u = "°C"
			}
			j++
		} else if sc.isWord(j) && (sc.word(j) == "C" || sc.word(j) == "F") {
			u = "°" + sc.word(j)
			j++
		}
	}
	if isTimeUnit(u) {
		switch {
		case sc.has(j, fOld):
			c.age = true // "27 years old"
			j++
		case sc.has(j, fOf) && sc.isWord(j+1) && strings.EqualFold(sc.word(j+1), "age"):
			c.age = true
			j += 2
		}
	}
	c.unit = u
	return j
}

func perUnit(u, per string) string {
	switch {
	case u == "km" && per == "hour":
		return "km/h"
	case u == "mile" && per == "hour":
		return "mph"
	}
	return u + "/" + per
}

func (sc *scanner) tempLetter(j int, c *cand) int {
	if sc.isWord(j) && sc.t[j].glue || sc.isWord(j) && (sc.word(j) == "C" || sc.word(j) == "F") {
		switch sc.word(j) {
		case "C", "F":
			c.unit = "°" + sc.word(j)
			return j + 1
		}
	}
	if sc.has(j, fTemp) {
		if strings.ToLower(sc.word(j))[0] == 'f' {
			c.unit = "°F"
		} else {
			c.unit = "°C"
		}
		return j + 1
	}
	return j
}

// currencyAt reads a currency written after the number: "dollars", "US
// dollars", "Iraqi dinars", "USD".
func (sc *scanner) currencyAt(j int, c *cand) (int, bool) {
	t := sc.t
	if !sc.isWord(j) {
		return j, false
	}
	e := sc.e(j)
	switch {
	case e.fl&fCurCode != 0 && t[j].caps:
		c.cur = e.cur
		return j + 1, true
	case e.fl&fCurrency != 0:
		c.cur = e.cur
		return j + 1, true
	case t[j].upper && sc.has(j+1, fCurrency) && !sc.has(j, fFunc|fMonth|fWeekday) || t[j].caps && sc.has(j+1, fCurrency):
		c.cur = sc.e(j + 1).cur
		if e.fl&fCurAdj != 0 && c.cur == "USD" {
			c.cur = e.cur
		}
		return j + 2, true
	}
	return j, false
}

// hyphenForm reads "11-day", "27-year-old", "2,500-strong", "30-odd",
// "5-percent", "$3-billion" and "15-member".
func (sc *scanner) hyphenForm(j int, np *numPhrase, c *cand) (int, bool) {
	k := j + 1
	e := sc.e(k)
	w := sc.word(k)
	lw := strings.ToLower(w)
	switch {
	case e.fl&fUnit != 0 || lw == "pound":
		u := e.unit
		if lw == "pound" {
			u = "lb"
		}
		c.kind, c.unit = Measure, u
		c.adjForm = true
		k++
		switch {
		case isTimeUnit(u) && sc.hyphenJoin(k) && sc.has(k+1, fOld):
			c.age = true
			k += 2
		case isTimeUnit(u) && sc.has(k, fOld):
			c.age = true
			k++
		case sc.hyphenJoin(k) && sc.isWord(k+1) && sc.has(k+1, fFunc):
			k += 2 // "3-km-long"
		}
		return k, true
	case e.fl&fPercent != 0:
		c.kind, c.unit = Percent, "%"
		c.adjForm = true
		return k + 1, true
	case e.fl&fPer != 0 && sc.hyphenJoin(k+1) && sc.has(k+2, fCent):
		c.kind, c.unit = Percent, "%"
		c.adjForm = true
		return k + 3, true
	case e.fl&fStrong != 0:
		c.kind = Count
		c.adjForm, c.strong = true, true
		return k + 1, true
	case e.fl&(fScale|fHundred) != 0:
		sc.scaleBy(np, c, e.scale)
		k++
		if sc.hyphenJoin(k) && sc.isWord(k+1) {
			return sc.hyphenForm(k, np, c) // "1.5-million-strong", "$10-million-dollar"
		}
		return k, true
	case e.fl&fCurrency != 0:
		c.cur = e.cur
		c.adjForm = true
		return k + 1, true
	case e.fl&(fHyphBad|fFunc) != 0:
		return j, false // "two-way", "one-off", "one-on-one"
	case e.fl&(fModOnly|fCard|fTens|fOrdinal|fOld|fOdd|fPlus) != 0 || len(w) < 3 || sc.t[k].upper:
		return j, true
	}
	if sc.hyphenJoin(k+1) || sc.glued(k+1) && sc.t[k+1].kind != tkPunct {
		return j, true // "24-hour-a-day" and other chains
	}
	c.kind = Count
	c.adjForm = true
	c.fixedNoun = k
	return k + 1, true
}

// scaleBy multiplies the number (and a range) by a scale settled late:
// a glued "m" after a currency, "$3-billion".
func (sc *scanner) scaleBy(np *numPhrase, c *cand, s float64) {
	np.val *= s
	np.scale *= s
	np.plain = false
	if c.rng {
		c.rlo *= s
		c.rhi *= s
	}
}

// pluralAhead reports whether token j is a plural noun, for "5m people".
func (sc *scanner) pluralAhead(j int) bool {
	return sc.isWord(j) && !sc.t[j].glue && sc.pluralTok(j)
}

// nameAge reads "Gilliam, 27," as an age.
func (sc *scanner) nameAge(np numPhrase, c *cand, j int) bool {
	i := np.a
	if !np.plain || np.words || np.val < 1 || np.val > 120 || c.cur != "" || c.qual != "" || c.rng ||
		c.unit != "" || j != np.b || c.start != i {
		return false
	}
	if !sc.isWord(i - 2) {
		return false
	}
	if sc.isPunct(i-1, '(') && sc.isPunct(j, ')') && sc.t[i-2].upper {
		return true // "Smith (27)"
	}
	if !sc.isPunct(i-1, ',') {
		return false
	}
	name := sc.t[i-2].upper && !sc.t[i-2].caps && !sc.has(i-2, fMonth|fWeekday|fFunc)
	if !name && !sc.has(i-2, fPersonN) {
		return false
	}
	if j >= len(sc.t) {
		return true
	}
	if sc.t[j].kind != tkPunct {
		return false
	}
	switch sc.t[j].r {
	case ',', '.', ';', ')', ':':
		return true
	}
	return false
}

// isYear applies the year rule: a bare 1800..2100 is a year unless a
// qualifier precedes it or a plural count noun follows it.
func (sc *scanner) isYear(np numPhrase, c *cand, j int) bool {
	tk := &sc.t[np.a]
	if !np.plain || np.words || np.ordinal || tk.ndig != 4 || tk.val < 1800 || tk.val > 2100 ||
		c.cur != "" || c.unit != "" || c.kind != Count || c.strong || c.neg {
		return false
	}
	if c.qual != "" && !c.qualLoose {
		return false
	}
	if c.fixedNoun >= 0 {
		return true // "2003-era"
	}
	if sc.isWord(j) && !sc.t[j].glue && !sc.t[j].upper && !sc.has(j, fEvent|fFunc) && sc.pluralTok(j) {
		return false
	}
	return true
}

// isName rejects numbers that belong to the capitalized word before them:
// "Flight 370", "Article 5", "Boeing 737", "Category 4".
func (sc *scanner) isName(np numPhrase, c *cand) bool {
	i := np.a
	if !np.plain || np.words || c.cur != "" || c.unit != "" || c.kind != Count || c.qual != "" ||
		c.start != i || i == 0 || sc.t[i].glue || c.rng {
		return false
	}
	p := &sc.t[i-1]
	return p.kind == tkWord && (p.upper || p.mixed) && sc.id(i-1) == 0 && !possessive(sc.word(i-1))
}

// onePronoun rejects "one" that is not followed by something it counts:
// "one of the", "no one", "the one who".
func (sc *scanner) onePronoun(np numPhrase, c *cand, j int) bool {
	if !np.one || c.qual != "" || c.cur != "" || c.unit != "" || c.kind != Count || c.rng || c.adjForm {
		return false
	}
	if sc.has(np.a-1, fOneCtx) {
		return true
	}
	if !sc.isWord(j) {
		return true
	}
	e := sc.e(j)
	if e.fl&(fFunc|fOf|fAnd|fOr|fTo) != 0 && !sc.t[j].caps {
		return true
	}
	w := sc.word(j)
	if strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") {
		return true
	}
	return sc.pluralTok(j) && e.fl&fIrrPl == 0
}
