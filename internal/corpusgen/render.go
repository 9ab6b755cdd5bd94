package corpusgen

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// wireGroup is one piece of wire copy and the outlets that reprint it.
type wireGroup struct {
	story   int32
	when    time.Time
	members []int32
	label   int // Article.Wire of the members
	title   string
	body    string
	ends    []int // paragraph end offsets in body
	// dateline is the length of the "CITY (CODE) - " prefix of the lede,
	// which some reprints strip.
	dateline int
}

// worker holds one goroutine's reusable buffers and random source. The
// generator is reseeded per article from (Seed, stream, index), so output
// does not depend on which worker renders which article.
type worker struct {
	pcg   *rand.PCG
	rng   *rand.Rand
	body  []byte // paragraphs, back to back
	ends  []int  // end offset of each paragraph in body
	out   []byte
	cands []cand
	docs  []int
}

type cand struct {
	doc, para int32
	key       float32
}

// Independent random streams per phase, so adding a draw in one phase
// does not shift another's.
const (
	streamArticle uint64 = 0xa271c1e
	streamWire    uint64 = 0x717e
	streamDup     uint64 = 0xd0b
)

func (g *gen) newWorker() *worker {
	p := rand.NewPCG(0, 0)
	return &worker{pcg: p, rng: rand.New(p)}
}

func (w *worker) reseed(seed, stream uint64, i int) {
	w.pcg.Seed(seed^stream*0x9e3779b97f4a7c15, uint64(i))
}

// parallel runs fn for 0..n-1 on the configured number of workers.
func (g *gen) parallel(n int, fn func(w *worker, i int)) {
	workers := min(g.cfg.Workers, max(1, n/64))
	const chunk = 32
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := g.newWorker()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					fn(w, i)
				}
			}
		}()
	}
	wg.Wait()
}

func (g *gen) render() []Article {
	arts := make([]Article, len(g.slots))
	for gi := range g.groups {
		grp := &g.groups[gi]
		grp.label = len(g.slots)
		for _, m := range grp.members {
			grp.label = min(grp.label, int(g.slots[m].final))
		}
	}
	// Wire copy first, then every article that does not copy another,
	// then the copies, which read their source's finished text.
	g.parallel(len(g.groups), g.renderWireCopy)
	g.parallel(len(g.slots), func(w *worker, i int) {
		if g.slots[i].kind != kDup {
			g.renderArticle(w, i, arts)
		}
	})
	g.parallel(len(g.slots), func(w *worker, i int) {
		if g.slots[i].kind == kDup {
			g.renderDuplicate(w, i, arts)
		}
	})
	return arts
}

func (g *gen) fillCommon(a *Article, s *slot) *outlet {
	o := &g.outlets[s.outlet]
	a.ID = g.idFor(int(s.final))
	a.Outlet = o.name
	a.Published = s.when
	a.Story = int(s.story)
	a.Wire = int(s.final)
	return o
}

func (g *gen) renderArticle(w *worker, i int, arts []Article) {
	s := &g.slots[i]
	a := &arts[s.final]
	o := g.fillCommon(a, s)
	st := &g.stories[s.story]
	w.reseed(g.cfg.Seed, streamArticle, i)
	var title string
	if s.kind == kWire {
		title = g.reprint(w, &g.groups[s.group], o, s.when)
		a.Wire = g.groups[s.group].label
	} else {
		title = g.compose(w, st, g.bodyTarget(w.rng))
	}
	a.Title = varyTitle(w.rng, title, o.name)
	a.Text, a.headEnd = g.decorate(w, o, s.when, s.junk)
	a.URL = articleURL(o, a.Title, a.Published, int(s.final))
}

// bodyTarget draws an article's body length. Page junk adds about
// junkBytes (measured on both base corpora) to JunkRate of the articles;
// the body makes up the rest of MeanBytes.
func (g *gen) bodyTarget(rng *rand.Rand) int {
	const junkBytes = 300
	mean := float64(g.cfg.MeanBytes) - g.cfg.JunkRate*junkBytes
	return int(mean * (0.5 + rng.Float64()))
}

// compose recombines paragraphs of several base documents of the story's
// cluster into w.body and returns the headline. The lede comes from the
// lead document; the other paragraphs are a random subset kept in rough
// document order, so articles read naturally yet rarely share more than a
// few paragraphs.
func (g *gen) compose(w *worker, st *story, target int) string {
	rng := w.rng
	cc := &g.m.clusters[st.cluster]
	nd := len(cc.docs)

	// Pick documents: a random lead, then others until there is about
	// twice the material needed (small clusters may use all of them).
	w.docs = w.docs[:0]
	for d := range nd {
		w.docs = append(w.docs, d)
	}
	want := 2 + rng.IntN(3)
	have, avail := 0, 0
	for have < nd && (have < want || avail < 2*target) {
		j := have + rng.IntN(nd-have)
		w.docs[have], w.docs[j] = w.docs[j], w.docs[have]
		for _, p := range cc.docs[w.docs[have]].paras {
			avail += len(p.s)
		}
		have++
	}
	docs := w.docs[:have]
	lead := docs[0]

	w.cands = w.cands[:0]
	for _, d := range docs {
		ps := cc.docs[d].paras
		for pi := range ps {
			if d == lead && pi == 0 {
				continue
			}
			key := float32(pi)/float32(len(ps)) + 0.5*rng.Float32()
			w.cands = append(w.cands, cand{doc: int32(d), para: int32(pi), key: key})
		}
	}
	rng.Shuffle(len(w.cands), func(i, j int) { w.cands[i], w.cands[j] = w.cands[j], w.cands[i] })
	// Take paragraphs while that brings the size nearer the target, so
	// articles do not systematically overshoot by half a paragraph.
	size := len(cc.docs[lead].paras[0].s)
	k := 0
	for k < len(w.cands) {
		n := len(cc.docs[w.cands[k].doc].paras[w.cands[k].para].s) + 2
		if size+n/2 > target {
			break
		}
		size += n
		k++
	}
	chosen := w.cands[:k]
	slices.SortFunc(chosen, func(a, b cand) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})

	editRate := 0.05 + 0.10*rng.Float64()
	w.body, w.ends = w.body[:0], w.ends[:0]
	w.body = g.appendText(w.body, &cc.docs[lead].paras[0], st, rng, editRate)
	w.ends = append(w.ends, len(w.body))
	for _, c := range chosen {
		t := &cc.docs[c.doc].paras[c.para]
		w.body = g.appendTextFrom(w.body, t, t.dateline, st, rng, editRate)
		w.ends = append(w.ends, len(w.body))
	}

	// Headline: usually the lead document's, sometimes another chosen
	// document's, sometimes written from the lede.
	r := rng.Float64()
	src := lead
	if r > 0.6 && r < 0.8 && len(docs) > 1 {
		src = docs[1+rng.IntN(len(docs)-1)]
	}
	if t := &cc.docs[src].title; t.s != "" && r < 0.8 {
		return string(g.appendText(nil, t, st, nil, 0))
	}
	return ledeTitle(w.body[:w.ends[0]])
}

// appendText renders base text t for story st: names permuted, numbers
// scaled, dates moved, and, at rate editRate, function words dropped,
// replaced or followed by an inserted word.
func (g *gen) appendText(b []byte, t *text, st *story, rng *rand.Rand, editRate float64) []byte {
	return g.appendTextFrom(b, t, 0, st, rng, editRate)
}

// appendTextFrom is appendText for t.s[from:].
func (g *gen) appendTextFrom(b []byte, t *text, from int, st *story, rng *rand.Rand, editRate float64) []byte {
	s := t.s
	prev := from
	for i := range t.toks {
		k := &t.toks[i]
		off, end := int(k.off), int(k.end)
		if off < prev {
			continue
		}
		b = append(b, s[prev:off]...)
		prev = end
		switch k.kind {
		case tkEntity:
			pool := g.m.pool[k.cls]
			name := pool[(int(k.arg)*st.mul[k.cls]+st.add[k.cls])%len(pool)]
			if k.flag&flUpper != 0 {
				b = appendUpper(b, name)
			} else {
				b = append(b, name...)
			}
		case tkNumber:
			b = appendNumber(b, st.number(int64(k.arg), k.flag), k.flag)
		case tkMonth:
			m := (int(k.arg) + st.monthShift) % 12
			if k.flag&flAbbr != 0 {
				b = append(b, monthAbbr[m]...)
			} else {
				b = append(b, monthNames[m]...)
			}
		case tkWeekday:
			b = append(b, weekdayNames[(int(k.arg)+st.wdShift)%7]...)
		case tkEdit:
			if editRate == 0 || rng.Float64() >= editRate {
				b = append(b, s[off:end]...)
				break
			}
			alts := g.m.edits[k.arg]
			switch alt := alts[rng.IntN(len(alts))]; {
			case alt == "":
				// Drop the word and one space beside it.
				if prev < len(s) && s[prev] == ' ' {
					prev++
				} else if len(b) > 0 && b[len(b)-1] == ' ' {
					b = b[:len(b)-1]
				}
			case alt[0] == '+':
				b = append(b, s[off:end]...)
				b = append(b, ' ')
				b = append(b, alt[1:]...)
			default:
				b = append(b, alt...)
			}
		}
	}
	return append(b, s[prev:]...)
}

// number maps a number of base text to story st. Years move with the
// story's date; small numbers (days, ages) shift within 10-28 so dates
// stay valid; larger counts scale and keep their roundness; numbers
// below ten are left alone, as they are often written-out-like counts.
func (st *story) number(v int64, flag uint8) int64 {
	switch {
	case flag&(flYear|flDecade) != 0:
		return v + int64(st.yearShift)
	case v < 10:
		return v
	case v <= 31:
		return 10 + (v-10+int64(st.smallShift))%19
	}
	unit := int64(1)
	for v%(unit*10) == 0 && unit*10 < v {
		unit *= 10
	}
	r := int64(float64(v)*st.numF/float64(unit)+0.5) * unit
	if r < 32 {
		return v
	}
	return r
}

func appendNumber(b []byte, v int64, flag uint8) []byte {
	if flag&flComma != 0 && v >= 1000 {
		var tmp [24]byte
		digits := strconv.AppendInt(tmp[:0], v, 10)
		for i, c := range digits {
			if i > 0 && (len(digits)-i)%3 == 0 {
				b = append(b, ',')
			}
			b = append(b, c)
		}
	} else {
		b = strconv.AppendInt(b, v, 10)
	}
	switch {
	case flag&flDecade != 0:
		b = append(b, 's')
	case flag&flOrdinal != 0:
		b = append(b, ordinalSuffix(v)...)
	}
	return b
}

func ordinalSuffix(v int64) string {
	if v%100 >= 11 && v%100 <= 13 {
		return "th"
	}
	switch v % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

func appendUpper(b []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			c := byte(r)
			if c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b = append(b, c)
		} else {
			b = utf8.AppendRune(b, unicode.ToUpper(r))
		}
	}
	return b
}

// ledeTitle writes a headline from the first sentence of a lede when the
// base document had none: the dateline goes, and the sentence is cut at
// its first clause boundary after five words, or at ten words.
func ledeTitle(lede []byte) string {
	// A headline needs only the lede's first sentence or two.
	s := string(lede[:min(len(lede), 400)])
	for _, sep := range []string{" -- ", " _ ", " — ", " - ", ": "} {
		if i := strings.Index(s, sep); i >= 0 && i < 60 {
			s = s[i+len(sep):]
			break
		}
	}
	words := strings.Fields(s)
	n := 0
	cut := false
	for n < len(words) && n < 14 {
		n++
		w := words[n-1]
		last := w[len(w)-1]
		if n >= 5 && (last == ',' || last == ';' || (last == '.' && len(w) > 3 && !strings.Contains(w[:len(w)-1], "."))) {
			cut = true
			break
		}
	}
	if !cut && n < len(words) {
		n = min(n, 10)
	}
	t := strings.TrimRight(strings.Join(words[:n], " "), ",.;:\"'")
	if t == "" {
		return "Latest news"
	}
	r, size := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[size:]
}

// varyTitle gives an outlet's own touch to a headline now and then.
func varyTitle(rng *rand.Rand, t, outletName string) string {
	switch r := rng.Float64(); {
	case r < 0.06:
		return titlePrefixes[rng.IntN(len(titlePrefixes))] + t
	case r < 0.12:
		return t + strings.ReplaceAll(titleSuffixes[rng.IntN(len(titleSuffixes))], "{outlet}", outletName)
	case r < 0.2:
		return titleCase(t)
	}
	return t
}

// changeTitle rewrites the headline of a copied article; a copy always
// gets a headline different from its source's.
func changeTitle(rng *rand.Rand, t, outletName string) string {
	var out string
	op := rng.IntN(5)
	if op == 0 && strings.Contains(t[:min(len(t), 16)], ": ") {
		op = 1 // one "Analysis: " is enough
	}
	switch op {
	case 0:
		out = titlePrefixes[rng.IntN(len(titlePrefixes))] + t
	case 1:
		out = t + strings.ReplaceAll(titleSuffixes[rng.IntN(len(titleSuffixes))], "{outlet}", outletName)
	case 2:
		out = titleCase(t)
	case 3:
		if w := strings.Fields(t); len(w) > 5 {
			out = strings.Join(w[:len(w)*3/4], " ")
		}
	default:
		out = sentenceCase(t)
	}
	if out == t || out == "" {
		out = t + " - update"
	}
	return out
}

func sentenceCase(t string) string {
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + strings.ToLower(t[n:])
}

func titleCase(t string) string {
	words := strings.Fields(t)
	for i, w := range words {
		if len(w) > 3 || i == 0 {
			r, n := utf8.DecodeRuneInString(w)
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}

// renderWireCopy writes the text a wire service sends: an ordinary
// composed article with a "CITY (CODE) - " dateline, unless its lede
// already has one.
func (g *gen) renderWireCopy(w *worker, gi int) {
	grp := &g.groups[gi]
	st := &g.stories[grp.story]
	w.reseed(g.cfg.Seed, streamWire, gi)
	grp.title = g.compose(w, st, g.bodyTarget(w.rng)+300)
	if dl := datelineLen(string(w.body[:w.ends[0]])); dl > 0 {
		// The lede already carries an agency dateline.
		grp.dateline = dl
		grp.body = string(w.body)
		grp.ends = slices.Clone(w.ends)
		return
	}
	pool := g.m.pool[1]
	city := pool[w.rng.IntN(len(pool))]
	ag := wireAgencies[w.rng.IntN(len(wireAgencies))]
	var b []byte
	b = appendUpper(b, city)
	b = append(b, " ("...)
	b = append(b, ag.code...)
	b = append(b, ") - "...)
	grp.dateline = len(b)
	b = append(b, w.body...)
	grp.body = string(b)
	grp.ends = make([]int, len(w.ends))
	for i, e := range w.ends {
		grp.ends[i] = e + grp.dateline
	}
}

// reprint fills w.body with one outlet's version of the wire copy: a
// local intro paragraph, the last paragraphs cut to fit, or both; and
// sometimes the dateline stripped.
func (g *gen) reprint(w *worker, grp *wireGroup, o *outlet, when time.Time) string {
	rng := w.rng
	w.body, w.ends = w.body[:0], w.ends[:0]
	// Every reprint changes something: 0 = intro, 1 = cut, 2 = both.
	change := rng.IntN(3)
	if len(grp.ends) <= 3 {
		change = 0 // too short to cut
	}
	if change != 1 {
		tpl := localIntros[rng.IntN(len(localIntros))]
		pool := g.m.pool[1]
		ag := wireAgencies[rng.IntN(len(wireAgencies))]
		intro := strings.NewReplacer("{outlet}", o.name, "{agency}", ag.name,
			"{place}", pool[rng.IntN(len(pool))], "{weekday}", when.Weekday().String()).Replace(tpl)
		w.body = append(w.body, intro...)
		w.ends = append(w.ends, len(w.body))
	}
	keep := len(grp.ends)
	if change != 0 {
		keep = max(3, keep-1-rng.IntN(3))
	}
	start := 0
	if rng.Float64() < 0.3 {
		start = grp.dateline
	}
	for i := range keep {
		w.body = append(w.body, grp.body[start:grp.ends[i]]...)
		w.ends = append(w.ends, len(w.body))
		start = grp.ends[i]
	}
	return grp.title
}

// renderDuplicate copies its source's finished text, with a new outlet and
// headline and, where the page has junk, sometimes one more junk line.
func (g *gen) renderDuplicate(w *worker, i int, arts []Article) {
	s := &g.slots[i]
	a := &arts[s.final]
	o := g.fillCommon(a, s)
	src := &arts[g.slots[s.src].final]
	w.reseed(g.cfg.Seed, streamDup, i)
	rng := w.rng
	a.DuplicateOf = src.ID
	a.Title = changeTitle(rng, src.Title, o.name)
	a.Text, a.headEnd = src.Text, src.headEnd
	if s.junk && rng.Float64() < 0.5 {
		w.out = w.out[:0]
		if rng.IntN(2) == 0 {
			w.out = append(w.out, loadingLines[rng.IntN(len(loadingLines))]...)
			w.out = append(w.out, "\n\n"...)
			a.headEnd += len(w.out)
			w.out = append(w.out, src.Text...)
		} else {
			w.out = append(w.out, src.Text...)
			w.out = append(w.out, "\n\n"...)
			w.out = append(w.out, shareLines[rng.IntN(len(shareLines))]...)
		}
		a.Text = string(w.out)
	}
	a.URL = articleURL(o, a.Title, a.Published, int(s.final))
}
