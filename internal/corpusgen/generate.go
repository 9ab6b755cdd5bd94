// Package corpusgen builds benchmark corpora of scraped-looking news
// articles with known ground truth, by recombining and varying real
// article text.
//
// Each base cluster (a DUC 2007 topic, or a seed corpus such as
// testdata/iraq-visit) is replicated into several distinct stories by
// consistent name, number and date substitution, so that two stories from
// one cluster read like two separate events of the same kind. Articles of
// a story recombine paragraphs of several base documents with light
// rewording. On top of that, a labelled fraction of articles are
// near-exact duplicates or wire reprints, and about half carry page junk
// of the kinds real scrapes contain.
//
// Output is a pure function of Config: the same Seed gives the same bytes
// whatever the number of workers.
package corpusgen

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"time"
)

// Article is one generated article with its ground-truth labels.
type Article struct {
	ID, Title, Outlet, URL string
	Published              time.Time
	// Text is the body as a scraper would save it, page junk included,
	// without the headline and byline (WriteDir adds those).
	Text string
	// Story is the true story label: articles about the same event.
	Story int
	// Wire is the syndication group: articles reprinting the same wire
	// copy share it. Every other article has a value of its own.
	Wire int
	// DuplicateOf is the ID of the earlier article this one is a
	// near-exact copy of, or "".
	DuplicateOf string

	// headEnd is the length of the page-header junk that starts Text
	// (navigation, "Loading..."). WriteDir puts the headline after it,
	// which is where a scraped page has it.
	headEnd int
}

// Defaults used when the corresponding Config field is zero.
const (
	DefaultDupRate   = 0.05
	DefaultWireRate  = 0.08
	DefaultJunkRate  = 0.5
	DefaultStorySize = 25
	// DefaultStorySpread is the skew of bench/corpus.sh's corpora: at
	// 100,000 articles (4,000 stories), a median story of 17 articles,
	// one in ten above 50, the largest about a thousand.
	DefaultStorySpread = 0.9
	DefaultMeanBytes   = 4000
)

// Config says what to generate. Zero fields take the defaults above; a
// negative rate turns that feature off.
type Config struct {
	N    int    // number of articles
	Seed uint64 // same seed, same corpus
	Base []BaseCluster

	// DupRate is the fraction of articles that are near-exact copies of
	// an earlier article; WireRate the fraction that belong to a wire
	// group of 2-6 reprints; JunkRate the fraction carrying page junk.
	DupRate, WireRate, JunkRate float64

	// StorySize is the mean number of articles per story. Story sizes
	// are skewed: a few big stories, many small ones.
	StorySize int
	// StorySpread is how skewed: each story's share of the articles is
	// drawn from a log-normal distribution with this sigma (0 means
	// DefaultStorySpread). A larger spread, such as 1.4, gives a
	// heavier tail: more stories of two to ten articles and a handful of
	// very large ones, as a news day has.
	StorySpread float64
	// MeanBytes is the target mean length of Article.Text.
	MeanBytes int
	// Start and Days bound when stories break. Start zero means
	// 2023-01-02 UTC; Days 0 scales the span with the number of stories
	// (about a dozen new stories a day).
	Start time.Time
	Days  int
	// Workers bounds parallel rendering; 0 means GOMAXPROCS. It does not
	// affect the output.
	Workers int
}

func rate(v, def float64) float64 {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

func (c Config) withDefaults() Config {
	c.DupRate = rate(c.DupRate, DefaultDupRate)
	c.WireRate = rate(c.WireRate, DefaultWireRate)
	c.JunkRate = rate(c.JunkRate, DefaultJunkRate)
	if c.StorySize <= 0 {
		c.StorySize = DefaultStorySize
	}
	if c.StorySpread == 0 {
		c.StorySpread = DefaultStorySpread
	}
	if c.MeanBytes <= 0 {
		c.MeanBytes = DefaultMeanBytes
	}
	if c.Start.IsZero() {
		c.Start = time.Date(2023, time.January, 2, 0, 0, 0, 0, time.UTC)
	}
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	return c
}

// Validate reports a Config that Generate cannot honour.
func (c Config) Validate() error {
	d := c.withDefaults()
	switch {
	case c.N < 0:
		return errors.New("corpusgen: N must not be negative")
	case d.DupRate > 1 || d.WireRate > 1 || d.JunkRate > 1:
		return errors.New("corpusgen: rates must be at most 1")
	case d.DupRate+d.WireRate >= 1:
		return errors.New("corpusgen: DupRate+WireRate must leave room for original articles")
	case d.StorySpread < 0 || d.StorySpread > 3:
		return errors.New("corpusgen: StorySpread must be between 0 and 3")
	case c.Days < 0:
		return errors.New("corpusgen: Days must not be negative")
	case d.MeanBytes < 500:
		return errors.New("corpusgen: MeanBytes below 500 cannot hold an article")
	}
	for _, cl := range c.Base {
		for _, d := range cl.Docs {
			if len(d.Paragraphs) > 0 {
				return nil
			}
		}
	}
	return errors.New("corpusgen: base text has no paragraphs")
}

type kind uint8

const (
	kOriginal kind = iota
	kWire
	kDup
)

// slot is one planned article, in creation order.
type slot struct {
	when   time.Time
	story  int32
	group  int32 // wire group, for kWire
	src    int32 // source slot, for kDup
	final  int32 // position in the output
	outlet int16
	kind   kind
	junk   bool
}

type story struct {
	cluster    int
	mul, add   [2]int // name permutation per class: i -> (i*mul+add) mod n
	yearShift  int
	monthShift int
	wdShift    int
	smallShift int
	numF       float64
	start      time.Time
}

type gen struct {
	cfg     Config
	m       *model
	outlets []outlet
	stories []story
	slots   []slot
	groups  []wireGroup
}

// Generate builds cfg.N articles, sorted by publication time. It panics if
// cfg.Validate reports an error.
func Generate(cfg Config) []Article {
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	if cfg.N == 0 {
		return nil
	}
	g := &gen{cfg: cfg.withDefaults(), m: compile(cfg.Base), outlets: makeOutlets()}
	rng := rand.New(rand.NewPCG(g.cfg.Seed, 0x706c616e))
	g.plan(rng)
	return g.render()
}

// plan decides, sequentially and cheaply, every article's story, kind,
// outlet and time; rendering then runs in parallel from per-article seeds.
func (g *gen) plan(rng *rand.Rand) {
	n := g.cfg.N
	nDup := int(math.Round(g.cfg.DupRate * float64(n)))
	nWire := int(math.Round(g.cfg.WireRate * float64(n)))
	if nDup+nWire >= n {
		// Tiny corpora: keep at least one original to copy from.
		nDup, nWire = 0, 0
	}
	var sizes []int
	for left := nWire; left >= 2; {
		s := min(2+rng.IntN(5), left)
		if left-s == 1 { // would strand a single reprint
			if s < 6 {
				s++
			} else {
				s--
			}
		}
		sizes = append(sizes, s)
		left -= s
	}
	nWire = 0
	for _, s := range sizes {
		nWire += s
	}
	nOrig := n - nDup - nWire

	// Stories get skewed weights; the first len(stories) units go one to
	// each story so that none is empty.
	units := nOrig + len(sizes)
	ns := max(1, int(math.Round(float64(n)/float64(g.cfg.StorySize))))
	ns = min(ns, units)
	g.makeStories(rng, ns)
	cum := make([]float64, ns)
	total := 0.0
	for i := range cum {
		total += math.Exp(g.cfg.StorySpread * rng.NormFloat64())
		cum[i] = total
	}
	pickStory := func(u int) int32 {
		if u < ns {
			return int32(u)
		}
		return int32(sort.SearchFloat64s(cum, rng.Float64()*total))
	}
	unitTime := func(s int32) time.Time {
		off := min(rng.ExpFloat64()*10, 96) * float64(time.Hour)
		return g.stories[s].start.Add(time.Duration(off).Truncate(time.Minute))
	}

	g.slots = make([]slot, 0, n)
	for u := range nOrig {
		st := pickStory(u)
		g.slots = append(g.slots, slot{
			kind: kOriginal, story: st, when: unitTime(st),
			outlet: int16(rng.IntN(len(g.outlets))), junk: rng.Float64() < g.cfg.JunkRate,
		})
	}
	for gi, size := range sizes {
		st := pickStory(nOrig + gi)
		t := unitTime(st)
		grp := wireGroup{story: st, when: t}
		used := map[int16]bool{}
		for range size {
			o := int16(rng.IntN(len(g.outlets)))
			for used[o] {
				o = int16(rng.IntN(len(g.outlets)))
			}
			used[o] = true
			grp.members = append(grp.members, int32(len(g.slots)))
			g.slots = append(g.slots, slot{
				kind: kWire, story: st, group: int32(gi), outlet: o,
				when: t.Add(time.Duration(rng.IntN(6*60)) * time.Minute), junk: rng.Float64() < g.cfg.JunkRate,
			})
		}
		g.groups = append(g.groups, grp)
	}
	for range nDup {
		src := int32(rng.IntN(nOrig))
		s := g.slots[src]
		o := int16(rng.IntN(len(g.outlets)))
		for o == s.outlet {
			o = int16(rng.IntN(len(g.outlets)))
		}
		g.slots = append(g.slots, slot{
			kind: kDup, story: s.story, src: src, outlet: o, junk: s.junk,
			when: s.when.Add(time.Duration(10+rng.IntN(36*60)) * time.Minute),
		})
	}

	// Output order is publication order, ties broken by creation order;
	// copies are always later than their source, so DuplicateOf points
	// backwards.
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return g.slots[a].when.Compare(g.slots[b].when)
	})
	for pos, si := range order {
		g.slots[si].final = int32(pos)
	}
}

func (g *gen) makeStories(rng *rand.Rand, ns int) {
	days := g.cfg.Days
	if days <= 0 {
		days = max(7, ns/12)
	}
	nc := len(g.m.clusters)
	g.stories = make([]story, ns)
	for i := range g.stories {
		st := &g.stories[i]
		// Cycling through clusters keeps stories evenly spread over the
		// base topics.
		st.cluster = i % nc
		for cls := range st.mul {
			n := len(g.m.pool[cls])
			st.mul[cls] = coprime(rng, n)
			st.add[cls] = rng.IntN(max(n, 1))
		}
		st.start = g.cfg.Start.Add(time.Duration(rng.Int64N(int64(days) * int64(24*time.Hour)))).Truncate(time.Minute)
		base := g.m.clusters[st.cluster].base
		if base.IsZero() {
			st.monthShift = rng.IntN(12)
		} else {
			st.yearShift = st.start.Year() - base.Year()
			st.monthShift = (int(st.start.Month()) - int(base.Month()) + 12) % 12
		}
		st.wdShift = 1 + rng.IntN(6)
		st.smallShift = 1 + rng.IntN(18)
		st.numF = 0.6 + rng.Float64()
		if math.Abs(st.numF-1) < 0.08 {
			st.numF += 0.16
		}
	}
}

// coprime returns a random multiplier coprime with n, so that i*mul+add
// mod n is a permutation: distinct names stay distinct within a story.
func coprime(rng *rand.Rand, n int) int {
	if n <= 2 {
		return 1
	}
	for {
		a := 1 + rng.IntN(n-1)
		if gcd(a, n) == 1 {
			return a
		}
	}
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func (g *gen) idFor(pos int) string {
	width := max(7, len(strconv.Itoa(g.cfg.N-1)))
	return fmt.Sprintf("a%0*d", width, pos)
}
