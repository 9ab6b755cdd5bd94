package story

import (
	"cmp"
	"context"
	"math"
	"slices"
	"time"
)

// Options tune Cluster. The zero value gives the defaults, which are
// explained in the package documentation.
type Options struct {
	// Threshold is the cosine similarity an article needs with a story's
	// centroid to join it. 0 means DefaultThreshold.
	Threshold float64
	// Window: a dated article joins only a story whose latest dated
	// article is at most this much older, so a story stays open as long
	// as it is being reported. 0 means DefaultWindow.
	Window time.Duration

	// MergePasses bounds how many times the stories found are clustered
	// again, centroid against centroid, to join the parts of a story
	// whose first articles had too little in common; passes stop early
	// when nothing merges. Negative means none; 0 means
	// DefaultMergePasses.
	MergePasses int
	// MergeThreshold is the centroid similarity at which two stories
	// merge. 0 means DefaultMergeThreshold, or Threshold if that is
	// higher.
	MergeThreshold float64

	// VectorTerms is how many of an article's terms, the heaviest by
	// weight times rarity, its vector keeps. 0 means DefaultVectorTerms.
	VectorTerms int
	// CentroidTerms is how many terms a story's centroid keeps. 0 means
	// DefaultCentroidTerms.
	CentroidTerms int

	// The rest bound the cost per article. A story is found through the
	// postings of the article's terms: for each term, the stories it was
	// last added to, most recent last.
	//
	// ProbeTerms is how many of an article's terms, the heaviest, are
	// looked up: the distinctive ones find its story, and the rest would
	// add only stories that share its common words. 0 means
	// DefaultProbeTerms.
	ProbeTerms int
	// MaxDF: a term in more than this fraction of the articles (and in
	// more than 100 of them) is too common to find stories by, though it
	// still counts in the similarity. 0 means DefaultMaxDF.
	MaxDF float64
	// Tail is how many of a term's most recent postings are read. 0 means
	// DefaultTail.
	Tail int
	// Candidates is how many of the stories found, those sharing the most
	// weight with the article, are compared with it in full. 0 means
	// DefaultCandidates.
	Candidates int
}

// Defaults for Options.
const (
	DefaultThreshold      = 0.25
	DefaultWindow         = 36 * time.Hour
	DefaultMergePasses    = 3
	DefaultMergeThreshold = 0.3
	DefaultVectorTerms    = 30
	DefaultCentroidTerms  = 80
	DefaultProbeTerms     = 15
	DefaultMaxDF          = 0.05
	DefaultTail           = 24
	DefaultCandidates     = 8

	// minIndexDF keeps MaxDF from cutting everything in small inputs,
	// where 5% of the articles is one or two.
	minIndexDF = 100
)

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	if o.Threshold <= 0 {
		o.Threshold = DefaultThreshold
	}
	if o.Window <= 0 {
		o.Window = DefaultWindow
	}
	if o.MaxDF <= 0 {
		o.MaxDF = DefaultMaxDF
	}
	def(&o.VectorTerms, DefaultVectorTerms)
	def(&o.CentroidTerms, DefaultCentroidTerms)
	def(&o.ProbeTerms, DefaultProbeTerms)
	def(&o.Tail, DefaultTail)
	def(&o.Candidates, DefaultCandidates)
	switch {
	case o.MergePasses == 0:
		o.MergePasses = DefaultMergePasses
	case o.MergePasses < 0:
		o.MergePasses = 0
	}
	if o.MergeThreshold <= 0 {
		o.MergeThreshold = max(DefaultMergeThreshold, o.Threshold)
	}
	return o
}

// term is one weighted term of a vector or centroid, by dense id.
type term struct {
	id int32
	w  float32
}

// item is what a pass clusters: an article in the first pass, a story of
// the previous pass in later ones. The stories a pass builds are items
// too: their terms are the sum of their members' terms (the centroid, up
// to scale), cut to the CentroidTerms heaviest.
type item struct {
	terms []term // sorted by id
	// extra is the squared length of the part of the vector no other
	// item shares: the terms of one article only, which no dot product
	// reaches but which make the item less like every other.
	extra       float64
	norm        float64 // the vector's length, extra included
	first, last int64   // dated members' times, Unix seconds
	dated       bool
}

// Cluster assigns each signature (in input order) to a story. It returns
// the story index of each article (stories numbered 0.. in order of their
// first article in input order) and the number of stories.
//
// Dated articles are clustered first, in order of publication time and
// then input order; undated ones after them, in input order, with no
// window check: an article of unknown time may join a story of any time.
// The result depends only on sigs and o.
func Cluster(ctx context.Context, sigs []Signature, o Options) (labels []int, stories int, err error) {
	o = o.withDefaults()
	n := len(sigs)
	if n == 0 {
		return nil, 0, nil
	}
	c := &clusterer{o: o}
	items, err := c.vectors(ctx, sigs)
	if err != nil {
		return nil, 0, err
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		x, y := &items[a], &items[b]
		switch {
		case x.dated != y.dated:
			if x.dated {
				return -1
			}
			return 1
		case x.dated:
			return cmp.Compare(x.first, y.first)
		}
		return 0
	})

	assign, groups, err := c.pass(ctx, items, order, o.Threshold)
	if err != nil {
		return nil, 0, err
	}
	for range c.o.MergePasses {
		// Groups are numbered in the order they were started, which is
		// the order of their first item: the order a pass needs.
		items = append(items[:0], groups...)
		order = order[:len(items)]
		for i := range order {
			order[i] = int32(i)
		}
		a2, g2, err := c.pass(ctx, items, order, o.MergeThreshold)
		if err != nil {
			return nil, 0, err
		}
		for i := range assign {
			assign[i] = a2[assign[i]]
		}
		merged := len(groups) - len(g2)
		groups = g2
		if merged == 0 {
			break
		}
	}

	labels = make([]int, n)
	label := make([]int, len(groups))
	for i := range label {
		label[i] = -1
	}
	for i := range labels {
		k := assign[i]
		if label[k] < 0 {
			label[k] = stories
			stories++
		}
		labels[i] = label[k]
	}
	return labels, stories, nil
}

type clusterer struct {
	o     Options
	df    []int32 // by term id
	maxDF int32

	// Scratch of a pass, indexed by group.
	groups  []item
	post    [][]int32
	seen    []seen
	last    []int64 // each group's latest time; math.MaxInt64 while undated
	cands   []cand
	touched []int32
	out     []int32
	stamp   int32
	merge   []term
	ws, sel []float32
}

// vectors turns signatures into rarity-weighted unit vectors.
func (c *clusterer) vectors(ctx context.Context, sigs []Signature) ([]item, error) {
	n := len(sigs)
	total := 0
	for i := range sigs {
		total += len(sigs[i].hashes)
	}
	tab := newTermTable(total / 8)
	ids := make([]int32, total)
	k := 0
	for i := range sigs {
		if i&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		for _, h := range sigs[i].hashes {
			id := tab.id(h)
			if int(id) == len(c.df) {
				c.df = append(c.df, 0)
			}
			c.df[id]++
			ids[k] = id
			k++
		}
	}
	c.maxDF = int32(max(minIndexDF, int(c.o.MaxDF*float64(n))))
	idf := make([]float32, len(c.df))
	unique := float32(math.Sqrt(priorDocs / (float64(n) + priorDocs)))
	for id, d := range c.df {
		idf[id] = float32(math.Log((float64(n+1) + priorDocs) / (float64(d) + priorDF(tab.hashes[id]))))
		if d == 1 {
			// A term in one article only counts less the more articles
			// there are: see "Unique terms" in the package documentation.
			idf[id] *= unique
		}
	}

	items := make([]item, n)
	flat := make([]term, 0, n*c.o.VectorTerms)
	var buf []term
	k = 0
	for i := range sigs {
		buf = buf[:0]
		for _, q := range sigs[i].weights {
			id := ids[k]
			k++
			if w := float32(q) / weightScale * idf[id]; w > 0 {
				buf = append(buf, term{id, w})
			}
		}
		// buf is in the signature's order, which settles ties at the cut.
		buf = c.heaviest(buf, c.o.VectorTerms)
		slices.SortFunc(buf, byID)
		norm, extra := 0.0, 0.0
		if ss := sumSquares(buf); ss > 0 {
			// Scaled to unit length; the terms of this article only then
			// leave the vector for its extra length.
			inv := float32(1 / math.Sqrt(ss))
			shared := buf[:0]
			for _, t := range buf {
				t.w *= inv
				if c.df[t.id] == 1 {
					extra += float64(t.w) * float64(t.w)
					continue
				}
				shared = append(shared, t)
			}
			buf, norm = shared, 1
		}
		at := len(flat)
		flat = append(flat, buf...)
		items[i] = item{terms: flat[at:len(flat):len(flat)], extra: extra, norm: norm, first: sigs[i].when, last: sigs[i].when, dated: sigs[i].dated}
	}
	return items, nil
}

func byID(x, y term) int { return cmp.Compare(x.id, y.id) }

func sumSquares(ts []term) float64 {
	var ss float64
	for _, t := range ts {
		ss += float64(t.w) * float64(t.w)
	}
	return ss
}

// pass is one single-pass clustering of items, taken in order: each
// joins the most similar group within the window if that is at least
// threshold, else starts a group. It returns each item's group.
func (c *clusterer) pass(ctx context.Context, items []item, order []int32, threshold float64) ([]int32, []item, error) {
	c.groups = nil
	if c.post == nil {
		c.post = make([][]int32, len(c.df))
	}
	for i := range c.post {
		c.post[i] = c.post[i][:0]
	}
	c.seen, c.last = c.seen[:0], c.last[:0]
	assign := make([]int32, len(items))
	for k, i := range order {
		if k&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		assign[i] = c.add(&items[i], threshold)
	}
	return assign, c.groups, nil
}

// add puts it in a group and returns the group's number.
func (c *clusterer) add(it *item, threshold float64) int32 {
	best, bestSim := int32(-1), 0.0
	if it.norm > 0 {
		for _, k := range c.candidates(it) {
			g := &c.groups[k]
			sim := dot(it.terms, g.terms) / (it.norm * g.norm)
			if sim > bestSim || (sim == bestSim && k < best) {
				best, bestSim = k, sim
			}
		}
	}
	if best < 0 || bestSim < threshold {
		best = int32(len(c.groups))
		c.groups = append(c.groups, item{first: it.first, last: it.last, dated: it.dated})
		c.seen = append(c.seen, seen{})
		c.last = append(c.last, math.MaxInt64)
	}
	g := &c.groups[best]
	if it.dated {
		if !g.dated {
			g.first, g.last, g.dated = it.first, it.last, true
		}
		g.first, g.last = min(g.first, it.first), max(g.last, it.last)
		c.last[best] = g.last
	}
	g.terms = c.addTerms(g.terms, it.terms)
	// Terms of one article only are in no other member, so their squared
	// lengths add up.
	g.extra += it.extra
	g.norm = math.Sqrt(sumSquares(g.terms) + g.extra)
	for _, t := range it.terms {
		if c.df[t.id] > c.maxDF {
			continue
		}
		p := c.post[t.id]
		if len(p) == 0 || p[len(p)-1] != best {
			c.post[t.id] = append(p, best)
		}
	}
	return best
}

// seen is a group's state in the current candidate search.
type seen struct {
	stamp int32   // the search that last saw the group
	term  int32   // the term of the item it was last seen under
	acc   float32 // the item's weight on the terms it shares
}

type cand struct {
	group int32
	acc   float32
}

// candidates returns the groups worth comparing with it: of those in the
// recent postings of its ProbeTerms heaviest terms and within the window,
// the Candidates sharing the most weight with it.
func (c *clusterer) candidates(it *item) []int32 {
	c.stamp++
	stamp := c.stamp
	minTime := int64(math.MinInt64)
	if it.dated {
		minTime = it.first - int64(c.o.Window/time.Second)
	}
	touched := c.touched[:0]
	probeCut, probeTies := float32(0), len(it.terms)
	if len(it.terms) > c.o.ProbeTerms {
		ws := c.ws[:0]
		for _, t := range it.terms {
			ws = append(ws, t.w)
		}
		c.ws = ws
		probeCut, probeTies = cutoff(ws, c.o.ProbeTerms, &c.sel)
	}
	for k, t := range it.terms {
		if t.w < probeCut || (t.w == probeCut && probeTies == 0) {
			continue
		}
		if t.w == probeCut {
			probeTies--
		}
		if c.df[t.id] > c.maxDF {
			continue
		}
		p := c.post[t.id]
		for _, gi := range p[max(0, len(p)-c.o.Tail):] {
			sn := &c.seen[gi]
			if sn.stamp != stamp {
				if c.last[gi] < minTime {
					continue
				}
				*sn = seen{stamp: stamp, term: -1}
				touched = append(touched, gi)
			}
			if sn.term != int32(k) {
				sn.term = int32(k)
				sn.acc += t.w
			}
		}
	}
	// Keep the best Candidates by shared weight, ties to the older group,
	// by insertion into a short sorted list: most groups touched share
	// one common term and fall out at the first comparison.
	top := c.cands[:0]
	better := func(a, b cand) bool { return a.acc > b.acc || (a.acc == b.acc && a.group < b.group) }
	for _, gi := range touched {
		x := cand{gi, c.seen[gi].acc}
		if len(top) == c.o.Candidates {
			if !better(x, top[len(top)-1]) {
				continue
			}
			top = top[:len(top)-1]
		}
		at := len(top)
		for at > 0 && better(x, top[at-1]) {
			at--
		}
		top = slices.Insert(top, at, x)
	}
	c.cands, c.touched = top, touched
	out := c.out[:0]
	for _, x := range top {
		out = append(out, x.group)
	}
	c.out = out
	return out
}

// addTerms returns centroid plus v, cut to the CentroidTerms heaviest.
func (c *clusterer) addTerms(centroid, v []term) []term {
	m := c.merge[:0]
	i, j := 0, 0
	for i < len(centroid) && j < len(v) {
		switch {
		case centroid[i].id < v[j].id:
			m = append(m, centroid[i])
			i++
		case centroid[i].id > v[j].id:
			m = append(m, v[j])
			j++
		default:
			m = append(m, term{v[j].id, centroid[i].w + v[j].w})
			i++
			j++
		}
	}
	m = append(m, centroid[i:]...)
	m = append(m, v[j:]...)
	c.merge = m
	return append(centroid[:0], c.heaviest(m, c.o.CentroidTerms)...)
}

// heaviest cuts ts to its k heaviest terms in place, keeping their
// order; of terms tied at the cut, the earlier stay.
func (c *clusterer) heaviest(ts []term, k int) []term {
	if len(ts) <= k {
		return ts
	}
	ws := c.ws[:0]
	for _, t := range ts {
		ws = append(ws, t.w)
	}
	c.ws = ws
	cut, ties := cutoff(ws, k, &c.sel)
	out := ts[:0]
	for _, t := range ts {
		if t.w < cut || (t.w == cut && ties == 0) {
			continue
		}
		if t.w == cut {
			ties--
		}
		out = append(out, t)
	}
	return out
}

func dot(a, b []term) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += float64(a[i].w) * float64(b[j].w)
			i++
			j++
		}
	}
	return s
}
