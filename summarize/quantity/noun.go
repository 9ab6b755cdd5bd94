package quantity

import (
	"math"
	"strings"
)

// maxRun bounds the words read after a number while looking for its head
// noun; longer noun phrases are rare enough not to pay for.
const maxRun = 5

type npRes struct {
	ok     bool
	hs, he int // head token span
	mods   []string
}

// nounFor finds what the quantity counts and settles elision.
func (sc *scanner) nounFor(np *numPhrase, c *cand, q *Quantity) {
	t := sc.t
	var mods []string
	if c.ordMod >= 0 {
		mods = append(mods, strings.ToLower(sc.word(c.ordMod)))
	}
	q.Modifiers = mods
	if c.labelTok >= 0 {
		k := c.labelTok
		q.Noun = sc.lemma(k, k+1)
		q.NounStart, q.NounEnd = int(t[k].s), int(t[k].e)
		return
	}
	if c.fixedNoun >= 0 {
		k := c.fixedNoun
		q.Noun = sc.lemma(k, k+1)
		q.NounStart, q.NounEnd = int(t[k].s), int(t[k].e)
		return
	}
	if c.kind == Age && !c.adjForm {
		return
	}
	// A count above one expects a plural head ("2,500 troops"); a
	// quantity used as an adjective expects a singular one ("11-day
	// standoff", "20th anniversary", "a $3bn deal").
	plural := c.kind == Count && !c.adjForm && (np.vague || c.rng || np.val != 1)
	j := c.end
	k := j
	// "£40bn includes", "€3bn last year": a money, percent or measure
	// modifies a following noun only as an attribute, after a determiner
	// ("a $3bn deal", "the 3% rise", "Iraq's $5bn budget").
	attrOnly := (c.kind == Money || c.kind == Percent || c.kind == Measure) && !c.adjForm && !sc.detBefore(c.start)
	if sc.has(j, fOf) && c.kind != Ordinal && !c.adjForm {
		k = j + 1
		for m := 0; m < 2 && sc.has(k, fDet) && !t[k].caps; m++ {
			k++
		}
		if np.fraction && sc.has(k, fA) {
			k++
		}
	} else if np.fraction && sc.has(k, fDet|fA) && !t[k].caps {
		k++
	}
	var r npRes
	if k != j || !attrOnly {
		r = sc.nounPhrase(k, plural)
	}
	if r.ok {
		q.Noun = sc.lemma(r.hs, r.he)
		q.NounStart, q.NounEnd = int(t[r.hs].s), int(t[r.he-1].e)
		c.end = r.he
		mods = append(mods, r.mods...)
		q.Modifiers = mods
		return
	}
	q.Modifiers = mods
	if c.kind != Count || np.fraction || np.one {
		return
	}
	// "2,500 troops in Iraq and 900 in Syria": a bare count before a
	// preposition, conjunction or punctuation shares the noun of the count
	// before it.
	if j < len(t) && t[j].kind == tkWord && (t[j].caps || !sc.has(j, fElide)) {
		return // "about 1,000 died": a verb follows; the count may be of anything
	}
	// Only a number in a parallel clause borrows: after "and", a comma,
	// "while", "an additional"; not "an army of 400,000" or "to 27".
	if !sc.parallelBefore(c.start) {
		return
	}
	for x := len(sc.out) - 1; x >= 0; x-- {
		p := &sc.out[x]
		if p.Kind == Count && p.Noun != "" {
			q.Noun = p.Noun
			q.Elided = true
			return
		}
	}
}

// nounPhrase reads up to maxRun words from k and picks the head. In
// plural mode the head is the first plural word, extended over a
// following plural ("police officers"); words before it are modifiers.
// In singular mode the phrase ends at the first word that looks like a
// verb or adverb and the head is its last word.
func (sc *scanner) nounPhrase(k int, plural bool) npRes {
	t := sc.t
	var run [maxRun][2]int
	n := 0
	j := k
	for n < maxRun && sc.isWord(j) {
		if !t[j].caps && sc.has(j, fFunc|fCard|fTens|fOrdinal|fVague|fTensV|fSeveral|fScale|fHundred|fTimeSuf) ||
			t[j].upper && sc.has(j, fMonth|fWeekday) {
			break
		}
		b := j + 1
		for sc.hyphenJoin(b) && isHyphenRune(t[b].r) && sc.isWord(b+1) {
			b += 2
		}
		if b < len(t) && t[b].glue && (t[b].kind == tkNum || sc.hyphenJoin(b) && sc.isNum(b+1)) {
			break // "F-16", "G7"
		}
		run[n] = [2]int{j, b}
		n++
		j = b
	}
	if n == 0 {
		return npRes{}
	}
	head := -1
	if plural {
		for x := 0; x < n; x++ {
			if sc.pluralTok(run[x][1] - 1) {
				head = x
				break
			}
		}
		if head < 0 {
			return npRes{}
		}
		for head+1 < n && sc.pluralTok(run[head+1][1]-1) {
			head++
		}
	} else {
		for x := 0; x < n; x++ {
			last := run[x][1] - 1
			w := sc.word(last)
			ly, ed := strings.HasSuffix(w, "ly"), strings.HasSuffix(w, "ed")
			if x > 0 && (ly || ed || strings.HasSuffix(w, "ing") || sc.verbS(last)) {
				break
			}
			// "two days of record rainfall burst the banks", "a quake hit
			// 10 miles": a word with a determiner or a number right after
			// it is a verb taking an object.
			if x > 0 && (sc.has(run[x][1], fA|fDet) && !sc.t[run[x][1]].caps || sc.isNum(run[x][1])) {
				break
			}
			if x == 0 && (ly || ed && n == 1) {
				break
			}
			if possessive(w) || run[x][1] == run[x][0]+1 && sc.has(last, fModOnly) {
				continue // a modifier, never the head
			}
			head = x
			if sc.pluralTok(last) {
				break
			}
		}
		if head < 0 {
			return npRes{}
		}
	}
	r := npRes{ok: true, hs: run[head][0], he: run[head][1]}
	if head > 0 {
		r.mods = make([]string, head)
		for x := 0; x < head; x++ {
			r.mods[x] = strings.ToLower(sc.s[int(t[run[x][0]].s):int(t[run[x][1]-1].e)])
		}
	}
	return r
}

func (sc *scanner) parallelBefore(i int) bool {
	p := i - 1
	if p < 0 {
		return false
	}
	if sc.t[p].kind == tkPunct {
		switch sc.t[p].r {
		case ',', ';', '-', '–', '—', '(':
			return true
		}
		return false
	}
	if !sc.isWord(p) || sc.has(p, fAnd|fOr|fModOnly) {
		return sc.isWord(p)
	}
	switch strings.ToLower(sc.word(p)) {
	case "but", "while", "whereas", "plus", "including", "another", "also", "with", "and",
		"versus", "vs", "against":
		return true
	case "from":
		// "220 million iPhones, up from 200 million"
		if sc.isWord(p - 1) {
			w := strings.ToLower(sc.word(p - 1))
			return w == "up" || w == "down"
		}
	}
	return false
}

// detBefore reports whether a determiner or a possessive precedes token i.
func (sc *scanner) detBefore(i int) bool {
	p := i - 1
	if !sc.isWord(p) || sc.t[p].caps {
		return false
	}
	if sc.has(p, fA|fDet) {
		return true
	}
	w := sc.word(p)
	return possessive(w) || strings.EqualFold(w, "another") || strings.EqualFold(w, "every") ||
		strings.EqualFold(w, "each")
}

func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'")
}

// verbS: a word ending in -s after a singular noun is more often a verb
// ("one person remains") than the head of a compound.
func (sc *scanner) verbS(k int) bool {
	w := sc.word(k)
	return strings.HasSuffix(w, "s") && !possessive(w) && sc.pluralTok(k)
}

// pluralTok decides whether word token k is a plural noun: "troops",
// "Marines", "Iraqis", "people", "gunmen"; not "US", "its", "crisis",
// "Texas".
func (sc *scanner) pluralTok(k int) bool {
	if !sc.isWord(k) {
		return false
	}
	tk := &sc.t[k]
	e := sc.e(k)
	if e.fl&fIrrPl != 0 {
		return true
	}
	if e.fl&(fFunc|fModOnly) != 0 && !tk.caps {
		return false
	}
	if k+1 < len(sc.t) && sc.t[k+1].glue && sc.t[k+1].kind == tkPunct && (sc.t[k+1].r == ':' || sc.t[k+1].r == '/') {
		return false // "https://", "km/h"
	}
	w := sc.word(k)
	n := len(w)
	if n < 3 {
		return false
	}
	if w[n-1] == 's' {
		p := w[n-2]
		if p < 'a' || p > 'z' {
			return false
		}
		switch p {
		case 's', 'u':
			return false
		case 'i':
			// "Iraqis", "Israelis"; not "crisis", "Paris", "al-Muhandis".
			return tk.upper && n >= 6 && !sc.isPunct(k-1, '-')
		case 'a', 'o':
			if tk.upper {
				return false // "Texas", "Barbados"
			}
		}
		return true
	}
	if n > 4 && strings.HasSuffix(w, "men") {
		switch strings.ToLower(w) {
		case "specimen", "abdomen", "regimen", "acumen", "stamen":
			return false
		}
		return true
	}
	return false
}

// lemma is the lowercased singular of the words in tokens [a, b).
func (sc *scanner) lemma(a, b int) string {
	t := sc.t
	last := b - 1
	if e := sc.e(last); e.lemma != "" {
		if a == last {
			return e.lemma
		}
		return strings.ToLower(sc.s[int(t[a].s):int(t[last].s)]) + e.lemma
	}
	lw := strings.ToLower(sc.s[int(t[a].s):int(t[last].e)])
	if !sc.pluralTok(last) {
		return lw
	}
	return singular(lw)
}

func singular(lw string) string {
	n := len(lw)
	switch {
	case strings.HasSuffix(lw, "men"):
		return lw[:n-3] + "man"
	case strings.HasSuffix(lw, "ies") && n > 4:
		return lw[:n-3] + "y"
	case strings.HasSuffix(lw, "sses"), strings.HasSuffix(lw, "shes"), strings.HasSuffix(lw, "ches"),
		strings.HasSuffix(lw, "xes"), strings.HasSuffix(lw, "zzes"):
		return lw[:n-2]
	case strings.HasSuffix(lw, "s"):
		return lw[:n-1]
	}
	return lw
}

// finish fills spans, value and interval.
func (sc *scanner) finish(np *numPhrase, c *cand, q *Quantity) {
	t := sc.t
	q.Start = int(t[c.start].s)
	q.End = int(t[c.end-1].e)
	q.NumStart = int(t[np.a].s)
	q.NumEnd = int(t[c.numEnd-1].e)
	q.Text = sc.s[q.Start:q.End]
	q.Kind = c.kind
	q.Qualifier = c.qual
	q.Range = c.rng
	q.Vague = np.vague
	switch c.kind {
	case Money:
		q.Unit = c.cur
	case Percent, Measure, Age:
		q.Unit = c.unit
	}
	v := np.val + c.extra
	lo, hi := v, v
	if np.vague {
		lo, hi = np.lo, np.hi
	}
	if c.rng {
		lo, hi = c.rlo, c.rhi
		v = (lo + hi) / 2
	}
	if c.neg {
		v = -v
		lo, hi = -hi, -lo
	}
	floor := 0.0
	switch q.Unit {
	case "degree", "°C", "°F":
		floor = math.Inf(-1)
	}
	if c.neg {
		floor = math.Inf(-1)
	}
	q.Value = v
	q.Low, q.High, q.LowOpen, q.HighOpen = interval(c.qual, lo, hi, floor)
	q.Exact = c.qual == "" && !np.vague && !c.rng
}

// linkOf gives "412 of the 650 seats" the noun of the count it is a part
// of. It runs after the scan because that count comes later.
func (sc *scanner) linkOf() {
	for x := 0; x+1 < len(sc.out); x++ {
		q, nx := &sc.out[x], &sc.out[x+1]
		if q.Kind != Count || (q.Noun != "" && !q.Elided) || nx.Kind != Count || nx.Noun == "" || nx.Elided {
			continue
		}
		if partitive(sc.s[q.End:nx.Start]) {
			q.Noun = nx.Noun
			q.Elided = true
		}
	}
}

// partitive matches " of ", " of the ", " of its " and the like.
func partitive(gap string) bool {
	w1, rest := nextWord(gap)
	if !strings.EqualFold(w1, "of") {
		return false
	}
	w2, rest := nextWord(rest)
	if w2 == "" {
		return true
	}
	switch strings.ToLower(w2) {
	case "the", "these", "those", "its", "their", "his", "her", "our", "all":
		w3, _ := nextWord(rest)
		return w3 == ""
	}
	return false
}

func nextWord(s string) (string, string) {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && s[j] != ' ' {
		j++
	}
	return s[i:j], s[j:]
}
