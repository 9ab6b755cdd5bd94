package daily

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/extractive"
	"github.com/brieftool/brief/summarize"
)

var (
	pipeline = sync.OnceValues(summarize.NewPipeline)
	verifier = sync.OnceValue(briefing.NewVerifier)
)

// run makes the digest of testdata/day.jsonl: one day of invented news,
// with two earthquakes on the same day (Turkey, with three AFP copies,
// and Peru), a storm barrier reported with two different dates, a lone
// sports story, and an article from two weeks earlier.
func run(t *testing.T, o Options) *Result {
	t.Helper()
	p, err := pipeline()
	if err != nil {
		t.Fatal(err)
	}
	if o.Inputs == nil {
		o.Inputs = []string{"../../testdata/day/day.jsonl"}
	}
	v := verifier()
	o.Writer, o.Verifier = extractive.New(v), v
	if o.MinConfidence == 0 {
		o.MinConfidence = 0.5
	}
	res, err := Run(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestDigestStories(t *testing.T) {
	res := run(t, Options{})
	d := res.Digest
	if d.Articles != 13 || d.Stories != 5 {
		t.Fatalf("%d articles in %d stories, want 13 in 5 (Turkey, Peru, barrier, transfer, old river report)", d.Articles, d.Stories)
	}
	byStory := map[string][]string{}
	for _, a := range res.Assignments {
		byStory[a.Story] = append(byStory[a.Story], a.ID)
	}
	for _, group := range [][]string{
		{"quake-tr-1", "quake-tr-2", "quake-tr-3", "quake-tr-afp-1", "quake-tr-afp-2", "quake-tr-afp-3"},
		{"quake-pe-1", "quake-pe-2", "quake-pe-3"},
		{"flood-1", "flood-2"},
	} {
		story := ""
		for _, a := range res.Assignments {
			if a.ID == group[0] {
				story = a.Story
			}
		}
		if got := byStory[story]; strings.Join(got, ",") != strings.Join(group, ",") {
			t.Errorf("story of %s holds %v, want %v", group[0], got, group)
		}
	}

	top := d.Shown[0]
	if top.ID != "quake-tr-1" || top.Articles != 6 || top.Independent != 4 || top.Outlets != 6 {
		t.Errorf("top story %s: %d articles, %d independent, %d outlets; want the Turkish quake, 6, 4 (three AFP copies count once), 6",
			top.ID, top.Articles, top.Independent, top.Outlets)
	}
	if d.Shown[1].ID != "quake-pe-1" {
		t.Errorf("second story %s, want the Peruvian quake (3 independent sources)", d.Shown[1].ID)
	}
	for _, st := range d.Shown {
		if st.Headline.Text == "" || len(st.Sentences) == 0 || len(st.Sentences) > 3 {
			t.Errorf("story %s: headline %q, %d sentences", st.ID, st.Headline.Text, len(st.Sentences))
		}
		for _, it := range append([]briefing.Item{st.Headline}, st.Sentences...) {
			for _, c := range it.Citations {
				if c.N < 1 || c.N > len(st.Sources) || st.Sources[c.N-1].ID != c.Source || c.Status != briefing.StatusVerified {
					t.Errorf("story %s: citation %+v of %q does not point into its own source list", st.ID, c, it.Text)
				}
			}
		}
	}
	// The barrier story's sources disagree on the date.
	var barrier *Story
	for i := range d.Shown {
		if d.Shown[i].ID == "flood-1" {
			barrier = &d.Shown[i]
		}
	}
	if barrier == nil || barrier.Conflicts == 0 || len(barrier.Disputes) == 0 || !strings.Contains(barrier.Disputes[0].Text, "May") {
		t.Errorf("barrier story: %+v: want its date contradiction flagged", barrier)
	}
}

func TestDigestWindow(t *testing.T) {
	since := time.Date(2024, 5, 14, 0, 0, 0, 0, time.UTC)
	res := run(t, Options{Since: since, Until: since.Add(24 * time.Hour)})
	d := res.Digest
	if d.Articles != 12 || d.Skipped != 1 || d.Stories != 4 {
		t.Errorf("%d articles, %d skipped, %d stories; want 12, 1, 4", d.Articles, d.Skipped, d.Stories)
	}
	for _, a := range res.Assignments {
		if a.ID == "old-1" {
			t.Error("an article before --since was clustered")
		}
	}
}

func TestDigestTopAndDetails(t *testing.T) {
	dir := t.TempDir()
	res := run(t, Options{Stories: 2, Details: dir})
	if err := res.CommitDetails(); err != nil {
		t.Fatal(err)
	}
	d := res.Digest
	if len(d.Shown) != 2 || d.Shown[0].Rank != 1 || d.Shown[1].Rank != 2 {
		t.Fatalf("shown %d stories", len(d.Shown))
	}
	for _, st := range d.Shown {
		for _, f := range []string{"briefing.md", "briefing.json", "facts.json"} {
			p := filepath.Join(dir, filepath.Dir(st.Details), f)
			if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
				t.Errorf("story %d: %s: %v", st.Rank, p, err)
			}
		}
	}
	ranked := 0
	for _, a := range res.Assignments {
		if a.Rank > 0 {
			ranked++
		}
	}
	if ranked != 9 {
		t.Errorf("%d articles in shown stories, want 9 (6 + 3)", ranked)
	}
}

func TestDigestCapsLargeStories(t *testing.T) {
	res := run(t, Options{MaxBriefed: 3})
	top := res.Digest.Shown[0]
	if top.Briefed != 3 || !strings.Contains(strings.Join(top.Notes, " "), "Briefed from 3") {
		t.Errorf("briefed %d, notes %q", top.Briefed, top.Notes)
	}
}

func TestDigestDeterministic(t *testing.T) {
	a := run(t, Options{Workers: 1})
	b := run(t, Options{Workers: 4})
	for i := range a.Assignments {
		if a.Assignments[i] != b.Assignments[i] {
			t.Fatalf("assignment %d differs with other workers: %+v vs %+v", i, a.Assignments[i], b.Assignments[i])
		}
	}
}

func TestDigestNoArticles(t *testing.T) {
	p, _ := pipeline()
	v := verifier()
	_, err := Run(context.Background(), p, Options{Inputs: []string{"../../testdata/day/day.jsonl"}, Writer: extractive.New(v), Verifier: v,
		Since: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != ErrNoArticles {
		t.Errorf("err %v, want ErrNoArticles", err)
	}
}

func TestDigestHeadlineNotRepeated(t *testing.T) {
	for _, st := range run(t, Options{}).Digest.Shown {
		for _, it := range st.Sentences {
			if it.Text == st.Headline.Text {
				t.Errorf("story %s repeats its headline as a sentence: %q", st.ID, it.Text)
			}
		}
	}
}

// One article dated years ahead (a feed's wrong year) does not age every
// other story: the ranking is the same as without it.
func TestDigestFutureDateDoesNotAgeTheDay(t *testing.T) {
	dir := t.TempDir()
	day, err := os.ReadFile("../../testdata/day/day.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	// Two items of one misdated feed: more than a tenth of the day.
	odd := `{"id":"future-1","outlet":"Misdated Feed","title":"Harbour festival opens","published":"2099-05-14T10:00:00Z","text":"The harbour festival in Tromso opened with a parade of 40 boats on Saturday, the organisers said.\n\nSome 12,000 visitors were expected over the weekend."}` + "\n" +
		`{"id":"future-2","outlet":"Misdated Feed","title":"Ferry timetable changes","published":"2099-05-14T11:00:00Z","text":"The Hurtigruten ferry will call at Svolvaer twice a day from June, the operator said.\n\nTickets go on sale on Monday."}` + "\n"
	in := filepath.Join(dir, "day.jsonl")
	if err := os.WriteFile(in, append(day, odd...), 0o644); err != nil {
		t.Fatal(err)
	}
	base := run(t, Options{})
	with := run(t, Options{Inputs: []string{in}})
	for i := 0; i < 3; i++ {
		if with.Digest.Shown[i].ID != base.Digest.Shown[i].ID || with.Digest.Shown[i].Score != base.Digest.Shown[i].Score {
			t.Errorf("rank %d: %s (score %v) with the misdated article, %s (%v) without", i+1,
				with.Digest.Shown[i].ID, with.Digest.Shown[i].Score, base.Digest.Shown[i].ID, base.Digest.Shown[i].Score)
		}
	}
}

// failWriter fails the story holding article id, as a story whose
// sentences are all fragments would.
type failWriter struct {
	briefing.Writer
	id string
}

func (w failWriter) Write(ctx context.Context, req briefing.Request) (*briefing.Briefing, error) {
	for _, s := range req.Corpus.Sources {
		if s.ID == w.id {
			return nil, briefing.ErrNothingToSay
		}
	}
	return w.Writer.Write(ctx, req)
}

// A story that cannot be briefed is left out, and the ranks of the
// others, in the digest, the clusters and the details folders, close up.
func TestDigestFailedStoryRanksAgree(t *testing.T) {
	p, _ := pipeline()
	v := verifier()
	dir := t.TempDir()
	res, err := Run(context.Background(), p, Options{Inputs: []string{"../../testdata/day/day.jsonl"},
		Writer: failWriter{extractive.New(v), "quake-tr-1"}, Verifier: v, MinConfidence: 0.5, Details: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.CommitDetails(); err != nil {
		t.Fatal(err)
	}
	if res.Digest.Shown[0].ID != "quake-pe-1" || !strings.Contains(strings.Join(res.Digest.Notes, " "), "quake-tr-1 could not be briefed") {
		t.Errorf("top %s, notes %q", res.Digest.Shown[0].ID, res.Digest.Notes)
	}
	for _, st := range res.Digest.Shown {
		if !strings.HasPrefix(st.Details, fmt.Sprintf("%02d-", st.Rank)) {
			t.Errorf("%s rank %d, details %s", st.ID, st.Rank, st.Details)
		}
		if _, err := os.Stat(filepath.Join(dir, st.Details)); err != nil {
			t.Error(err)
		}
	}
	for _, a := range res.Assignments {
		want := 0
		for _, st := range res.Digest.Shown {
			if a.Story == st.ID {
				want = st.Rank
			}
		}
		if a.Rank != want {
			t.Errorf("%s: clusters rank %d, digest rank %d", a.ID, a.Rank, want)
		}
	}
}

// Cancelled while briefing: no details reach the directory, and no
// staging directory is left beside it.
func TestDigestCancelLeavesNoDetails(t *testing.T) {
	p, _ := pipeline()
	v := verifier()
	parent := t.TempDir()
	dir := filepath.Join(parent, "det")
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Run(ctx, p, Options{Inputs: []string{"../../testdata/day/day.jsonl"}, Writer: extractive.New(v), Verifier: v, Workers: 1,
		MinConfidence: 0.5, Details: dir, Progress: func(stage string, done, _ int) {
			if stage == "briefing" && done == 2 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v", err)
	}
	if es, _ := os.ReadDir(parent); len(es) != 0 {
		t.Errorf("a cancelled run left %v", es)
	}
}

// An --until far past the data ages every story alike: the ranking still
// follows coverage, it does not collapse to article counts.
func TestDigestUntilFarAhead(t *testing.T) {
	base := run(t, Options{})
	far := run(t, Options{Until: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	for i := 0; i < 3; i++ {
		if far.Digest.Shown[i].ID != base.Digest.Shown[i].ID || far.Digest.Shown[i].Score <= 0 {
			t.Errorf("rank %d: %s (score %v) with --until 2030, %s without", i+1, far.Digest.Shown[i].ID, far.Digest.Shown[i].Score, base.Digest.Shown[i].ID)
		}
	}
}
