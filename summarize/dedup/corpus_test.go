package dedup

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
)

func corpus(t *testing.T, docs ...[]string) Result {
	t.Helper()
	ds := make([]Doc, len(docs))
	for i, d := range docs {
		ds[i] = Doc{d}
	}
	res, err := Corpus(context.Background(), ds, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res, len(docs))
	return res
}

// checkInvariants asserts the shape every Result must have.
func checkInvariants(t *testing.T, res Result, n int) {
	t.Helper()
	if len(res.DuplicateOf) != n || len(res.Similarity) != n || len(res.Group) != n {
		t.Fatalf("result lengths %d/%d/%d, want %d", len(res.DuplicateOf), len(res.Similarity), len(res.Group), n)
	}
	seen := 0
	for g, grp := range res.Groups {
		if len(grp.Members) == 0 || !slices.IsSorted(grp.Members) {
			t.Fatalf("group %d members %v: want non-empty, in corpus order", g, grp.Members)
		}
		if g > 0 && grp.Members[0] < res.Groups[g-1].Members[0] {
			t.Fatalf("group %d numbered out of order of first members", g)
		}
		for _, m := range grp.Members {
			if res.Group[m] != g {
				t.Fatalf("doc %d in Groups[%d] but Group says %d", m, g, res.Group[m])
			}
		}
		if (len(grp.Members) == 1) != (grp.Shared == 0) || grp.Shared < 0 || grp.Shared > 1 {
			t.Fatalf("group %d of %d has Shared %v", g, len(grp.Members), grp.Shared)
		}
		seen += len(grp.Members)
	}
	if seen != n {
		t.Fatalf("groups hold %d docs, want %d", seen, n)
	}
	for d, of := range res.DuplicateOf {
		switch {
		case of == -1 && res.Similarity[d] != 0:
			t.Fatalf("doc %d: no duplicate but similarity %v", d, res.Similarity[d])
		case of != -1 && (of >= d || res.DuplicateOf[of] != -1 || res.Group[of] != res.Group[d]):
			t.Fatalf("doc %d: DuplicateOf %d must be an earlier cluster head in the same group", d, of)
		}
	}
}

func TestCorpusNearDuplicatePairs(t *testing.T) {
	iraq := keptParagraphs(iraqParagraphs(t, "000_451345e76f8269f1.txt"))
	iraqOther := keptParagraphs(iraqParagraphs(t, "001_9c29b4ed53a64ff3.txt"))
	tests := []struct {
		name      string
		a, b      []string
		duplicate bool // b reported as near duplicate of a
		sameGroup bool // a and b count as one source
	}{
		{
			name:      "same story, headline changed",
			a:         floodWire,
			b:         with(floodWire, setPara(0, "Deadly floods in Emilia-Romagna: three dead, thousands evacuated")),
			duplicate: true, sameGroup: true,
		},
		{
			name: "same story, a few words edited",
			a:    floodWire,
			b: with(floodWire,
				replaceIn(1, "Three people died", "At least three people died"),
				replaceIn(4, "near Faenza", "outside Faenza"),
				replaceIn(7, "more than 40", "over 40"),
				replaceIn(9, "nearly nine billion euros", "8.5 billion euros")),
			duplicate: true, sameGroup: true,
		},
		{
			name:      "same story, one paragraph dropped",
			a:         floodWire,
			b:         with(floodWire, dropPara(8)),
			duplicate: true, sameGroup: true,
		},
		{
			name: "same story, scraped with junk lines",
			a:    floodWire,
			b: with(floodWire, prepend("Advertisement", "World | Europe"),
				appendParas("Share this article on Facebook, X or WhatsApp", "Sign up for our daily newsletter", "© 2024 All rights reserved")),
			duplicate: true, sameGroup: true,
		},
		{
			name:      "seed article rescraped under another headline with junk",
			a:         iraq,
			b:         with(iraq, setPara(1, "Austin in Baghdad: US wants to strengthen ties"), prepend("Loading..."), dropPara(12), appendParas("Most Popular")),
			duplicate: true, sameGroup: true,
		},
		{
			name:      "independent reports of the same floods quoting the same official",
			a:         floodWire,
			b:         floodIndependent,
			duplicate: false, sameGroup: false,
		},
		{
			name:      "short briefs quoting the same official",
			a:         []string{floodWire[0], floodWire[3], "Rescue teams pulled more than 200 people from flooded homes overnight, she said."},
			b:         []string{floodIndependent[0], floodIndependent[3], "Schools across the region will remain closed until Friday."},
			duplicate: false, sameGroup: false,
		},
		{
			name:      "independent report with the wire's background paragraphs pasted in",
			a:         floodWire,
			b:         with(floodIndependent, appendParas(floodWire[9], floodWire[10])),
			duplicate: false, sameGroup: false,
		},
		{
			name:      "different events",
			a:         floodWire,
			b:         copperStrike,
			duplicate: false, sameGroup: false,
		},
		{
			name:      "different seed articles about the same visit",
			a:         iraq,
			b:         iraqOther,
			duplicate: false, sameGroup: false,
		},
		{
			// A news-in-brief cut from the wire is far from the full story
			// by Jaccard, so not a near duplicate, but all its text is
			// wire copy, so it is not an independent source either.
			name:      "short article that is a subset of the long one",
			a:         floodWire,
			b:         floodWire[:3],
			duplicate: false, sameGroup: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := corpus(t, tt.a, tt.b)
			if got := res.DuplicateOf[1] == 0; got != tt.duplicate {
				t.Errorf("near duplicate = %v (similarity %.3f), want %v", got, res.Similarity[1], tt.duplicate)
			}
			if tt.duplicate && res.Similarity[1] < DefaultParams().DuplicateThreshold {
				t.Errorf("similarity %.3f below the threshold", res.Similarity[1])
			}
			if got := res.Group[0] == res.Group[1]; got != tt.sameGroup {
				t.Errorf("same group = %v, want %v (groups %+v)", got, tt.sameGroup, res.Groups)
			}
		})
	}
}

func TestCorpusSyndicationGroups(t *testing.T) {
	wireCopy := func(intro string) []string {
		return with(floodWire, setPara(0, "Italy floods: what we know"), prepend(intro), cutLast(2))
	}
	tests := []struct {
		name   string
		docs   [][]string
		groups [][]int
	}{
		{
			name:   "wire copy in three outlets, each with a local intro and the end cut, plus an independent report",
			docs:   [][]string{wireCopy(localIntros[0]), floodIndependent, wireCopy(localIntros[1]), wireCopy(localIntros[2])},
			groups: [][]int{{0, 2, 3}, {1}},
		},
		{
			name:   "independent report first, then the wire and a lightly edited reprint",
			docs:   [][]string{floodIndependent, floodWire, with(floodWire, replaceIn(2, "hardest hit", "worst hit"), cutLast(1)), copperStrike},
			groups: [][]int{{0}, {1, 2}, {3}},
		},
		{
			name: "two stories reprinted by different outlets",
			docs: [][]string{
				copperStrike, floodWire,
				with(copperStrike, prepend("Local miners' union voices support for Chilean strikers in a statement released on Monday night, saying the dispute mirrored their own."), cutLast(1)),
				wireCopy(localIntros[0]),
			},
			groups: [][]int{{0, 2}, {1, 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := corpus(t, tt.docs...)
			var got [][]int
			for _, g := range res.Groups {
				got = append(got, g.Members)
			}
			if !reflect.DeepEqual(got, tt.groups) {
				t.Errorf("groups %v, want %v", got, tt.groups)
			}
			for _, g := range res.Groups {
				if len(g.Members) > 1 && g.Shared < DefaultParams().SyndicationMinShare {
					t.Errorf("group %v held together by share %.3f, below the minimum", g.Members, g.Shared)
				}
			}
		})
	}
}

// The five seed articles are five outlets' own reports of one visit: they
// share quotes, not text, so none of them is a copy of another.
func TestCorpusSeedArticlesAreIndependent(t *testing.T) {
	var docs [][]string
	for _, name := range []string{"000_451345e76f8269f1.txt", "001_9c29b4ed53a64ff3.txt", "002_68d94c651c4fe79d.txt", "003_77279b7efb73aeea.txt", "004_8536535d0183ecde.txt"} {
		docs = append(docs, keptParagraphs(iraqParagraphs(t, name)))
	}
	res := corpus(t, docs...)
	if len(res.Groups) != len(docs) {
		t.Errorf("%d groups, want %d: %+v", len(res.Groups), len(docs), res.Groups)
	}
	for d, of := range res.DuplicateOf {
		if of != -1 {
			t.Errorf("doc %d reported as near duplicate of %d", d, of)
		}
	}
}

// Near duplicates chain to the earliest member of their cluster.
func TestCorpusDuplicateOfPointsToEarliest(t *testing.T) {
	a := floodWire
	b := with(a, setPara(0, "Three dead as rivers burst banks in Italy"))
	c := with(b, dropPara(8))
	res := corpus(t, copperStrike, a, b, floodIndependent, c, a)
	want := []int{-1, -1, 1, -1, 1, 1}
	if !reflect.DeepEqual(res.DuplicateOf, want) {
		t.Errorf("DuplicateOf %v, want %v", res.DuplicateOf, want)
	}
	if res.Similarity[5] != 1 {
		t.Errorf("exact copy similarity %v, want 1", res.Similarity[5])
	}
	if g := res.Groups[res.Group[1]]; !reflect.DeepEqual(g.Members, []int{1, 2, 4, 5}) {
		t.Errorf("group of the wire story %v", g.Members)
	}
}

// exactJaccard is the true Jaccard similarity of two documents' k-word
// shingle sets, the quantity MinHash estimates.
func exactJaccard(a, b Doc, k int) float64 {
	set := func(d Doc) []uint64 {
		var w []uint64
		for _, p := range d.Paragraphs {
			w = appendWords(w, p)
		}
		return shingleSet(w, k)
	}
	sa, sb := set(a), set(b)
	inter := intersectSorted(sa, sb)
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

// The synthetic corpus knows which documents copy which. Near copies
// whose true Jaccard with their source is clearly above the threshold
// must point at it (or at the head of its cluster), clearly below must
// not; syndicated copies must share its group; fresh articles must stay
// alone unless copied.
func TestCorpusSyntheticRecall(t *testing.T) {
	docs, kind, origin := syntheticCorpus(11, 2000)
	p := DefaultParams()
	res, err := Corpus(context.Background(), docs, p)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res, len(docs))
	copied := map[int]bool{}
	var above, aboveFound, below, belowFound, synd, syndFound int
	for d := range docs {
		switch kind[d] {
		case genNear:
			copied[origin[d]] = true
			head := origin[d]
			if res.DuplicateOf[head] >= 0 {
				head = res.DuplicateOf[head]
			}
			found := res.DuplicateOf[d] == head
			switch j := exactJaccard(docs[origin[d]], docs[d], p.PassageShingle); {
			case j >= p.DuplicateThreshold+0.08:
				above++
				if found {
					aboveFound++
				} else {
					t.Logf("missed near copy %d of %d: true Jaccard %.3f, DuplicateOf %d", d, origin[d], j, res.DuplicateOf[d])
				}
			case j < p.DuplicateThreshold-0.08:
				below++
				if found {
					belowFound++
				}
			}
		case genSyndicated:
			synd++
			copied[origin[d]] = true
			if res.Group[d] == res.Group[origin[d]] {
				syndFound++
			}
		}
	}
	t.Logf("near copies above threshold found %d/%d, below found %d/%d; syndicated grouped %d/%d; %d groups for %d docs",
		aboveFound, above, belowFound, below, syndFound, synd, len(res.Groups), len(docs))
	if above < 50 || aboveFound < above*99/100 {
		t.Errorf("%d of %d near copies above the threshold found", aboveFound, above)
	}
	if belowFound != 0 {
		t.Errorf("%d of %d copies below the threshold reported as near duplicates", belowFound, below)
	}
	if syndFound < synd*98/100 {
		t.Errorf("%d of %d syndicated copies grouped with their source", syndFound, synd)
	}
	for d := range docs {
		if kind[d] == genFresh && !copied[d] && len(res.Groups[res.Group[d]].Members) != 1 {
			t.Errorf("fresh uncopied article %d grouped with %v", d, res.Groups[res.Group[d]].Members)
		}
	}
}

// 500 reprints of one wire story among 500 unrelated articles: one group
// of exactly the 500 reprints. BenchmarkCorpusWireFlood measures its cost.
func TestCorpusWireFlood(t *testing.T) {
	docs := wireFlood(500, 500)
	res, err := Corpus(context.Background(), docs, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res, len(docs))
	var wire []int
	for d, doc := range docs {
		if slices.Contains(doc.Paragraphs, floodWire[1]) {
			wire = append(wire, d)
		}
	}
	if len(wire) != 500 {
		t.Fatalf("fixture: %d wire copies", len(wire))
	}
	g := res.Groups[res.Group[wire[0]]]
	if !reflect.DeepEqual(g.Members, wire) {
		t.Errorf("wire group has %d members, want the 500 reprints", len(g.Members))
	}
	if len(res.Groups) != 501 {
		t.Errorf("%d groups, want 501", len(res.Groups))
	}
}

// Boilerplate that cleaning missed, the same 45-word footer under 300
// unrelated articles with only the outlet name changing, lands in one
// huge passage cluster: it must neither join the articles (it is a small
// share of each) nor cost quadratic work.
func TestCorpusBoilerplateDoesNotJoinSources(t *testing.T) {
	g := newTextGen(9, 30000)
	docs := make([]Doc, 300)
	for i := range docs {
		footer := fmt.Sprintf("You have reached the end of this article from Outlet %d. Our journalism is free to read because readers like you support it: sign up for our newsletter, follow us on social media and share this story with friends and family who care about the news.", i)
		docs[i] = Doc{append(g.article(), footer)}
	}
	res, err := Corpus(context.Background(), docs, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res, len(docs))
	if len(res.Groups) != len(docs) {
		t.Errorf("%d groups for %d unrelated articles sharing a footer", len(res.Groups), len(docs))
	}
}

func TestCorpusDeterministic(t *testing.T) {
	docs, _, _ := syntheticCorpus(5, 600)
	docs = append(docs, wireFlood(40, 10)...)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	want, err := Corpus(context.Background(), docs, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	for _, procs := range []int{2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		got, err := Corpus(context.Background(), docs, DefaultParams())
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("GOMAXPROCS=%d gives a different result than GOMAXPROCS=1", procs)
		}
	}
}

func TestCorpusCancelled(t *testing.T) {
	docs, _, _ := syntheticCorpus(5, 200)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Corpus(ctx, docs, DefaultParams()); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// countdownCtx reports cancellation from its n-th Err call on, so every
// place Corpus polls its context gets to see a cancellation.
type countdownCtx struct {
	context.Context
	n atomic.Int64
}

func (c *countdownCtx) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

func TestCorpusCancelledMidway(t *testing.T) {
	docs, _, _ := syntheticCorpus(5, 300)
	want, err := Corpus(context.Background(), docs, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int64{1, 2, 3, 5, 10, 30, 100, 1000, 1 << 40} {
		ctx := &countdownCtx{Context: context.Background()}
		ctx.n.Store(n)
		got, err := Corpus(ctx, docs, DefaultParams())
		switch {
		case err != nil && !errors.Is(err, context.Canceled):
			t.Errorf("cancel after %d polls: err = %v", n, err)
		case err != nil && got.Group != nil:
			t.Errorf("cancel after %d polls: partial result returned with the error", n)
		case err == nil && !reflect.DeepEqual(got, want):
			t.Errorf("cancel after %d polls: no error but a different result", n)
		}
	}
}

func TestCorpusParams(t *testing.T) {
	docs := []Doc{{floodWire}, {with(floodWire, setPara(0, "Italy floods"))}}
	zero, err := Corpus(context.Background(), docs, Params{})
	if err != nil {
		t.Fatal(err)
	}
	def, err := Corpus(context.Background(), docs, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(zero, def) {
		t.Error("zero Params do not behave as DefaultParams")
	}
	for _, p := range []Params{
		{Hashes: 100, Bands: 32},
		{Bands: 256},
		{PassageShingle: -1},
		{DuplicateThreshold: 1.5},
		{PassageThreshold: -0.2},
		{SyndicationMinWords: -3},
	} {
		if _, err := Corpus(context.Background(), docs, p); !errors.Is(err, ErrParams) {
			t.Errorf("Corpus with %+v: err = %v, want ErrParams", p, err)
		}
	}
}

func TestCorpusEdgeCases(t *testing.T) {
	res := corpus(t)
	if len(res.Groups) != 0 {
		t.Errorf("empty corpus has groups %+v", res.Groups)
	}
	// Documents without text are never duplicates of one another.
	res = corpus(t, nil, []string{"", "…"}, nil, []string{"Tiny"}, []string{"Tiny"})
	if want := []int{-1, -1, -1, -1, 3}; !reflect.DeepEqual(res.DuplicateOf, want) {
		t.Errorf("DuplicateOf %v, want %v", res.DuplicateOf, want)
	}
	if len(res.Groups) != 4 {
		t.Errorf("groups %+v, want the three empty docs alone and the two copies together", res.Groups)
	}
}
