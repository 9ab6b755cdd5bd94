package story

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brieftool/brief/internal/clusterscore"
)

func articles(docs []doc) ([]Article, []int) {
	arts := make([]Article, len(docs))
	truth := make([]int, len(docs))
	for i, d := range docs {
		arts[i], truth[i] = d.article(), d.story
	}
	return arts, truth
}

func cluster(t *testing.T, arts []Article, o Options) ([]int, int) {
	t.Helper()
	labels, n, err := Cluster(context.Background(), signAll(arts), o)
	if err != nil {
		t.Fatal(err)
	}
	return labels, n
}

// partition shows a clustering as the stories' article numbers, for
// failure messages: "[0 2 4] [1 3]".
func partition(labels []int) string {
	groups := map[int][]int{}
	for i, l := range labels {
		groups[l] = append(groups[l], i)
	}
	var out [][]int
	for _, g := range groups {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return fmt.Sprint(out)
}

func TestClusterEvents(t *testing.T) {
	undate := func(docs []doc, every int) []doc {
		out := slices.Clone(docs)
		for i := range out {
			if i%every == 0 {
				out[i].at = ""
			}
		}
		return out
	}
	cases := []struct {
		name string
		docs []doc
		o    Options
	}{
		{"two earthquakes on one day are two stories", quakes, Options{}},
		{"six outlets and a next-day follow-up are one story", ferry, Options{}},
		{"two storms a week apart are two stories", storms, Options{}},
		{"ten stories of one day", day, Options{}},
		{"one president in two stories on one day is two stories", president, Options{}},
		// Her visit to the quake zone the next day is a follow-up of the
		// Peru earthquake; her cabinet reshuffle is a story of its own.
		{"a follow-up joins its event, the same person's other story does not", slices.Concat(quakes, remap(president, map[int]int{0: 0, 1: 2})), Options{}},
		{"undated articles join their stories", undate(quakes, 3), Options{}},
		{"wholly undated input still clusters", undate(quakes, 1), Options{}},
		{"undated and dated mixed in a day", undate(day, 4), Options{}},
		{"all corpora together", slices.Concat(quakes, relabel(ferry, 2), relabel(storms, 3), relabel(day, 5), remap(president, map[int]int{0: 0, 1: 15})), Options{}},
		{"merge pass off", slices.Concat(quakes, relabel(ferry, 2), relabel(day, 3)), Options{MergePasses: -1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			arts, truth := articles(tc.docs)
			labels, n := cluster(t, arts, tc.o)
			if got, want := partition(labels), partition(truth); got != want {
				t.Errorf("stories %s, want %s", got, want)
			}
			want := slices.Max(truth) + 1
			if n != want {
				t.Errorf("%d stories, want %d", n, want)
			}
		})
	}
}

// remap renames docs' stories.
func remap(docs []doc, to map[int]int) []doc {
	out := slices.Clone(docs)
	for i := range out {
		out[i].story = to[out[i].story]
	}
	return out
}

// relabel shifts docs' stories by k, so that corpora can be mixed.
func relabel(docs []doc, k int) []doc {
	out := slices.Clone(docs)
	for i := range out {
		out[i].story += k
	}
	return out
}

// TestClusterDayScores checks the one-day corpus the way the daily digest
// is judged, with the scores story-clustering work reports.
func TestClusterDayScores(t *testing.T) {
	arts, truth := articles(day)
	labels, _ := cluster(t, arts, Options{})
	sc, err := clusterscore.Score(truth, labels)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sc)
	if sc.Purity < 0.95 || sc.BCubedF1 < 0.95 {
		t.Errorf("%v; want purity and B-cubed F1 of at least 0.95", sc)
	}
}

// TestWindowSeparates shows that it is the window that keeps the two
// storms apart: their words alone would make them one story.
func TestWindowSeparates(t *testing.T) {
	arts, _ := articles(storms)
	if _, n := cluster(t, arts, Options{}); n != 2 {
		t.Errorf("default window: %d stories, want 2", n)
	}
	if _, n := cluster(t, arts, Options{Window: 30 * 24 * time.Hour}); n != 1 {
		t.Logf("30-day window: %d stories (the storms differ in words too)", n)
	}
}

// TestFollowUpAcrossWindow: a story stays open as long as it keeps being
// reported; the window counts from its latest article, not its first.
func TestFollowUpAcrossWindow(t *testing.T) {
	arts, _ := articles(ferry)
	// Spread the seven reports a day apart: six days from first to last.
	for i := range arts {
		arts[i].Published = time.Date(2025, 6, 2+i, 9, 0, 0, 0, time.UTC)
	}
	if labels, n := cluster(t, arts, Options{}); n != 1 {
		t.Errorf("daily reports: stories %s, want one", partition(labels))
	}
	// A gap longer than the window starts a new story.
	arts[len(arts)-1].Published = arts[len(arts)-2].Published.Add(DefaultWindow + time.Hour)
	if _, n := cluster(t, arts, Options{}); n != 2 {
		t.Errorf("after a gap longer than the window: %d stories, want 2", n)
	}
}

func TestDeterministic(t *testing.T) {
	arts, _ := articles(slices.Concat(quakes, ferry, storms, day))
	truth, article := newSynth(3).corpus(3, 3000, 0.05)
	for i := range truth {
		arts = append(arts, article(i))
	}
	s := NewSigner()
	want := make([]Signature, len(arts))
	for i, a := range arts {
		want[i] = s.Sign(a)
	}
	wantLabels, _, err := Cluster(context.Background(), want, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for run := range 3 {
		// Sign in a random order on all cores, as a streaming caller would.
		perm := rand.New(rand.NewPCG(uint64(run), 9)).Perm(len(arts))
		got := make([]Signature, len(arts))
		parallel(len(perm), func(k int) { got[perm[k]] = s.Sign(arts[perm[k]]) })
		labels, _, err := Cluster(context.Background(), got, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(labels, wantLabels) {
			t.Fatalf("run %d: labels differ from a sequential run", run)
		}
	}
}

func TestClusterEdgeCases(t *testing.T) {
	ctx := context.Background()
	if labels, n, err := Cluster(ctx, nil, Options{}); err != nil || n != 0 || len(labels) != 0 {
		t.Errorf("no signatures: %v %d %v", labels, n, err)
	}
	s := NewSigner()
	sigs := []Signature{
		s.Sign(Article{}),
		{},
		s.Sign(Article{Title: "Only a title"}),
		s.Sign(Article{Text: "the of and"}),
		s.Sign(quakes[0].article()),
		s.Sign(quakes[2].article()),
	}
	labels, n, err := Cluster(ctx, sigs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Articles with nothing to compare are stories of their own; stories
	// are numbered by first article.
	if want := []int{0, 1, 2, 3, 4, 4}; !slices.Equal(labels, want) || n != 5 {
		t.Errorf("labels %v (%d stories), want %v", labels, n, want)
	}

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := Cluster(canceled, sigs, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: err %v", err)
	}
}

func TestSignature(t *testing.T) {
	s := NewSigner()
	a := quakes[0].article()
	sig := s.Sign(a)
	if !sig.Published().Equal(a.Published) {
		t.Errorf("Published %v, want %v", sig.Published(), a.Published)
	}
	if sig.Len() == 0 || sig.Len() > SignatureTerms {
		t.Errorf("%d terms", sig.Len())
	}
	if !s.Sign(Article{Text: "x"}).Published().IsZero() {
		t.Error("undated article has a time")
	}
	long := Article{Title: strings.Repeat(a.Title+" ", 50), Text: strings.Repeat(a.Text+"\n\n", 40)}
	if n := s.Sign(long).Len(); n > SignatureTerms {
		t.Errorf("long article: %d terms, more than %d", n, SignatureTerms)
	}
}

// TestTerms checks the normalisation that decides which words are one
// term: case, accents, possessives, British spelling, plurals, numbers.
func TestTerms(t *testing.T) {
	terms := func(s string) []uint32 {
		var out []uint32
		tokenize(s, nil, func(tk token) bool { out = append(out, tk.hash); return true })
		return out
	}
	same := [][2]string{
		{"Peru's earthquakes", "peru earthquake"},
		{"Bogotá", "bogota"},
		{"defence", "defense"},
		{"2,500", "2500"},
		{"1,234,567 euros", "1234567 euros"},
		// A comma before anything but three digits is no thousands
		// separator: the decimal comma of "4,2" leaves two one-digit
		// numbers, which count nothing, and "45,5" the number 45.
		{"Stärke 4,2", "Stärke"},
		{"45,5 Prozent", "45 Prozent"},
		{"12,5000", "12 5000"},
		{"2,500,", "2500"},
		{"the people said on Tuesday", "people"},
	}
	for _, p := range same {
		if a, b := terms(p[0]), terms(p[1]); !slices.Equal(a, b) {
			t.Errorf("%q and %q differ: %v %v", p[0], p[1], a, b)
		}
	}
	differ := [][2]string{{"6.8", "6.1"}, {"news", "new"}, {"Loay", "Loboc"}, {"4,2", "42"}, {"4,25", "425"}, {"1,2345", "12345"}}
	for _, p := range differ {
		if a, b := terms(p[0]), terms(p[1]); slices.Equal(a, b) {
			t.Errorf("%q and %q are one term", p[0], p[1])
		}
	}
	// A one-digit number counts nothing in particular.
	if got := terms("3 of 4"); len(got) != 0 {
		t.Errorf("one-digit numbers kept: %v", got)
	}

	var names []bool
	tokenize(`Rescuers reached Yanque. Officials in Achoma said "Rain fell".`, nil, func(tk token) bool {
		names = append(names, tk.name)
		return true
	})
	// "Rescuers" starts a sentence, "Officials" another, "Rain" a quote.
	if want := []bool{false, false, true, false, true, false, false}; !slices.Equal(names, want) {
		t.Errorf("names %v, want %v", names, want)
	}
}

func TestHeaviest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	c := &clusterer{}
	for range 500 {
		n := 1 + r.IntN(120)
		ts := make([]term, n)
		for i := range ts {
			// Few distinct weights, so that ties at the cut are common.
			ts[i] = term{int32(i), float32(r.IntN(8))}
		}
		k := 1 + r.IntN(n)
		want := slices.Clone(ts)
		slices.SortStableFunc(want, func(x, y term) int { return cmp.Compare(y.w, x.w) })
		want = want[:k]
		slices.SortFunc(want, func(x, y term) int { return cmp.Compare(x.id, y.id) })
		if got := c.heaviest(slices.Clone(ts), k); !slices.Equal(got, want) {
			t.Fatalf("heaviest %d of %v:\n got %v\nwant %v", k, ts, got, want)
		}
	}
}

// TestSyntheticScale clusters thousands of articles of hundreds of
// stories, forty kinds of story among them, with no data files.
func TestSyntheticScale(t *testing.T) {
	n := 20000
	if testing.Short() || raceEnabled {
		n = 4000
	}
	truth, article := newSynth(11).corpus(11, n, 0.05)
	arts := make([]Article, n)
	for i := range arts {
		arts[i] = article(i)
	}
	labels, _ := cluster(t, arts, Options{})
	sc, err := clusterscore.Score(truth, labels)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sc)
	if sc.Purity < 0.99 || sc.BCubedF1 < 0.97 {
		t.Errorf("%v; want purity 0.99 and B-cubed F1 0.97", sc)
	}
}

func FuzzSign(f *testing.F) {
	for _, d := range quakes[:3] {
		f.Add(d.title, d.text)
	}
	f.Add("", "")
	f.Add("Ünïcödé’s", "a’b 1,2,3.4.5 \u00a0\u2028 ’’ '' x'y 9,")
	s := NewSigner()
	f.Fuzz(func(t *testing.T, title, text string) {
		sig := s.Sign(Article{Title: title, Text: text})
		if sig.Len() > SignatureTerms {
			t.Fatalf("%d terms", sig.Len())
		}
		again := s.Sign(Article{Title: title, Text: text})
		if !slices.Equal(sig.hashes, again.hashes) || !slices.Equal(sig.weights, again.weights) {
			t.Fatal("signing twice gave different signatures")
		}
	})
}
