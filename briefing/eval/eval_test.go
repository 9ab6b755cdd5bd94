package eval

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brieftool/brief/briefing/rouge"
	goldenfile "github.com/brieftool/brief/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), got, *update)
}

func readFixture(t *testing.T) ([]Cluster, []error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "clusters.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadClusters(f, "clusters.jsonl")
}

func TestReadClustersFixture(t *testing.T) {
	clusters, errs := readFixture(t)

	var ids []string
	for _, c := range clusters {
		ids = append(ids, c.ID)
	}
	if want := []string{"T01A", "T03C", "T04D-A"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("read clusters %q, want %q", ids, want)
	}

	wantErrs := []struct {
		line int
		text string
	}{{2, "invalid JSON"}, {6, `missing "id"`}}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		var le *LineError
		if !errors.As(errs[i], &le) || le.Line != w.line || le.File != "clusters.jsonl" {
			t.Errorf("error %d = %v, want a LineError for clusters.jsonl:%d", i, errs[i], w.line)
		}
		prefix := fmt.Sprintf("clusters.jsonl:%d: ", w.line)
		if msg := errs[i].Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, w.text) {
			t.Errorf("error %d = %q, want prefix %q and %q", i, msg, prefix, w.text)
		}
	}

	tests := []struct {
		name string
		got  any
		want any
	}{
		{"T01A line", clusters[0].Line, 1},
		{"T01A query", clusters[0].Query, Query{"Harbor bridge closure", "Describe why the harbor bridge was closed and what the city did about traffic."}},
		{"T01A references", len(clusters[0].References), 2},
		{"T01A doc 0", clusters[0].Docs[0].ID + " " + clusters[0].Docs[0].Source + " " + clusters[0].Docs[0].Title, "ABC20200301.0001 ABC Cracks found in harbor bridge"},
		{"T01A ISO date", clusters[0].Docs[0].Date, time.Date(2020, 3, 1, 9, 15, 0, 0, time.UTC)},
		{"T01A US date", clusters[0].Docs[1].Date, time.Date(2020, 3, 3, 17, 40, 0, 0, time.UTC)},
		{"T03C line", clusters[1].Line, 3},
		{"T03C null title", clusters[1].Query, Query{"", "What did the orchestra announce?"}},
		{"T03C null doc fields", clusters[1].Docs[0].Source + clusters[1].Docs[0].Title, ""},
		{"T03C null date", clusters[1].Docs[0].Date.IsZero(), true},
		{"T03C no references", clusters[1].References, []string(nil)},
		{"T04D-A line", clusters[2].Line, 5},
		{"T04D-A missing query", clusters[2].Query, Query{}},
		// The header says 1998-01-06; the id says 1 June 1998.
		{"T04D-A swapped date", clusters[2].Docs[0].Date, time.Date(1998, 6, 1, 8, 28, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s = %#v, want %#v", tt.name, tt.got, tt.want)
		}
	}
}

func TestReadClustersLines(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		ids     []string
		errLine []int
	}{
		{"empty input", "", nil, nil},
		{"no final newline", `{"id":"a"}`, []string{"a"}, nil},
		{"CRLF and blank lines", "{\"id\":\"a\"}\r\n\r\n  \n{\"id\":\"b\"}\r\n", []string{"a", "b"}, nil},
		{"byte order mark", "\ufeff{\"id\":\"a\"}\n", []string{"a"}, nil},
		{"not an object", "[1,2]\n{\"id\":\"b\"}\n", []string{"b"}, []int{1}},
		{"wrong field type", `{"id":"a","docs":"none"}` + "\n", nil, []int{1}},
		{"duplicate id", "{\"id\":\"a\"}\n{\"id\":\"a\"}\n", []string{"a"}, []int{2}},
		{"bad date without id date", `{"id":"a","docs":[{"doc_id":"x","date":"yesterday"}]}`, nil, []int{1}},
		{"bad date with id date", `{"id":"a","docs":[{"doc_id":"NYT19990227.0073","date":"yesterday"}]}`, []string{"a"}, nil},
		{"blank reference dropped", `{"id":"a","references":["", "  "]}`, []string{"a"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clusters, errs := ReadClusters(strings.NewReader(tt.input), "in.jsonl")
			var ids []string
			for _, c := range clusters {
				ids = append(ids, c.ID)
			}
			if !reflect.DeepEqual(ids, tt.ids) {
				t.Errorf("ids = %q, want %q", ids, tt.ids)
			}
			var lines []int
			for _, err := range errs {
				var le *LineError
				if !errors.As(err, &le) {
					t.Fatalf("error %v is not a LineError", err)
				}
				lines = append(lines, le.Line)
			}
			if !reflect.DeepEqual(lines, tt.errLine) {
				t.Errorf("error lines = %v, want %v (%v)", lines, tt.errLine, errs)
			}
		})
	}
}

func TestReadClustersDocDates(t *testing.T) {
	in := `{"id":"a","docs":[` +
		`{"doc_id":"APW19980625.0941","date":"1998-25-06 13:00:00"},` +
		`{"doc_id":"XIE19960123.0270","date":"1996-01-22 21:11"},` +
		`{"doc_id":"NYT19990227.0073","date":"not a date"},` +
		`{"doc_id":"local","date":"2001-02-03T04:05:06Z"}]}`
	clusters, errs := ReadClusters(strings.NewReader(in), "in")
	if len(errs) > 0 || len(clusters) != 1 {
		t.Fatalf("clusters %d, errors %v", len(clusters), errs)
	}
	want := []time.Time{
		time.Date(1998, 6, 25, 13, 0, 0, 0, time.UTC),  // day and month swapped in the header
		time.Date(1996, 1, 22, 21, 11, 0, 0, time.UTC), // a day before the id: kept
		time.Date(1999, 2, 27, 0, 0, 0, 0, time.UTC),   // unreadable header: the id's date
		time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC),
	}
	for i, d := range clusters[0].Docs {
		if !d.Date.Equal(want[i]) {
			t.Errorf("doc %s date %v, want %v", d.ID, d.Date, want[i])
		}
	}
}

// TestReadClustersHugeLine guards against bufio.Scanner's 64 KiB line
// limit: DUC clusters with full articles run to megabytes per line.
func TestReadClustersHugeLine(t *testing.T) {
	text := strings.Repeat("word ", 2<<20)
	in := fmt.Sprintf("{\"id\":\"big\",\"docs\":[{\"doc_id\":\"d\",\"text\":%q}]}\n{\"id\":\"next\"}\n", text)
	clusters, errs := ReadClusters(strings.NewReader(in), "big.jsonl")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(clusters) != 2 || len(clusters[0].Docs[0].Text) != len(text) || clusters[1].Line != 2 {
		t.Fatalf("got %d clusters", len(clusters))
	}
}

// failingReader turns the end of its data into an I/O error, as a disk
// or network failure mid-file would look.
type failingReader struct{ r io.Reader }

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		err = errors.New("disk gone")
	}
	return n, err
}

func TestReadClustersReadError(t *testing.T) {
	clusters, errs := ReadClusters(failingReader{strings.NewReader("{\"id\":\"a\"}\n{\"id\":")}, "r")
	if len(clusters) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "disk gone") {
		t.Fatalf("clusters %d, errors %v", len(clusters), errs)
	}
}

func TestFocusText(t *testing.T) {
	c := Cluster{Query: Query{Title: "Harbor bridge closure", Narrative: "Describe the closure."}}
	tests := []struct {
		name    string
		c       Cluster
		field   string
		want    string
		wantErr bool
	}{
		{"query", c, "query", "Harbor bridge closure. Describe the closure.", false},
		{"title", c, "title", "Harbor bridge closure", false},
		{"narrative", c, "narrative", "Describe the closure.", false},
		{"case and space", c, " Query ", "Harbor bridge closure. Describe the closure.", false},
		{"query without title", Cluster{Query: Query{Narrative: "N."}}, "query", "N.", false},
		{"query without narrative", Cluster{Query: Query{Title: "T"}}, "query", "T", false},
		{"title ending in question mark", Cluster{Query: Query{Title: "Why?", Narrative: "N."}}, "query", "Why? N.", false},
		{"empty query", Cluster{}, "query", "", false},
		{"unknown", c, "topic", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FocusText(tt.c, tt.field)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLeadBaseline(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2020, 1, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		docs  []Doc
		words int
		want  string
	}{
		{"latest date wins", []Doc{{Text: "new one", Date: day(3)}, {Text: "old one", Date: day(1)}}, 10, "new one"},
		{"tie goes to the last in file", []Doc{{Text: "first", Date: day(2)}, {Text: "second", Date: day(2)}, {Text: "older", Date: day(1)}}, 10, "second"},
		{"undated counts as oldest", []Doc{{Text: "dated", Date: day(1)}, {Text: "undated"}}, 10, "dated"},
		{"all undated: last", []Doc{{Text: "a"}, {Text: "b"}}, 10, "b"},
		{"truncated to words, lines kept", []Doc{{Text: "  One two.\n\nThree four five", Date: day(1)}}, 3, "One two.\n\nThree"},
		{"zero words keeps all", []Doc{{Text: "a b c"}}, 0, "a b c"},
		{"no documents", nil, 10, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LeadBaseline(Cluster{Docs: tt.docs}, tt.words); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSafeFileName(t *testing.T) {
	tests := []struct{ id, want string }{
		{"D0701A", "D0701A"},
		{"D0703A-A", "D0703A-A"},
		{"../etc/passwd", ".._etc_passwd"},
		{"a b/c\\d:e", "a_b_c_d_e"},
		{"..", "__"},
		{"", "_"},
		{"Zürich", "Z_rich"},
	}
	for _, tt := range tests {
		if got := SafeFileName(tt.id); got != tt.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

func cluster(id string, refs ...string) Cluster {
	return Cluster{ID: id, References: refs, Docs: []Doc{{ID: id + "-doc", Text: "text of " + id}}}
}

func TestRunOrderAndCounts(t *testing.T) {
	clusters := []Cluster{
		cluster("c0", "the bridge was closed for repairs"),
		cluster("c1", "ferries carried commuters"),
		cluster("c2"), // no references
		cluster("c3", "the mayor spoke"),
		cluster("c4", "farmers began the harvest"),
	}
	summaries := map[string]string{
		"c0": "The bridge was closed.",
		"c1": "Ferries carried many commuters across.",
		"c3": "Nothing relevant here.",
		"c4": "Farmers began the wheat harvest early.",
	}
	var called sync.Map
	sum := func(ctx context.Context, c Cluster) (string, error) {
		called.Store(c.ID, true)
		// Later clusters finish first, so input order must be restored.
		time.Sleep(time.Duration(len(clusters)-int(c.ID[1]-'0')) * 2 * time.Millisecond)
		if c.ID == "c3" {
			return "", errors.New("model\nunavailable")
		}
		return summaries[c.ID], nil
	}
	rep, err := Run(context.Background(), clusters, sum, Options{Words: 250, Stem: true, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := called.Load("c2"); ok {
		t.Error("summarizer called for a cluster without references and no Save")
	}

	wantStatus := []Status{StatusScored, StatusScored, StatusSkipped, StatusFailed, StatusScored}
	for i, c := range rep.Clusters {
		if c.ID != clusters[i].ID || c.Status != wantStatus[i] {
			t.Errorf("row %d = %s %s, want %s %s", i, c.ID, c.Status, clusters[i].ID, wantStatus[i])
		}
	}
	if rep.Scored != 3 || rep.Skipped != 1 || rep.Failed != 1 || rep.Words != 250 || !rep.Stem {
		t.Errorf("counts scored %d skipped %d failed %d words %d stem %v", rep.Scored, rep.Skipped, rep.Failed, rep.Words, rep.Stem)
	}
	if rep.Clusters[3].Err == nil || rep.Clusters[3].Elapsed <= 0 {
		t.Errorf("failed cluster: err %v, elapsed %v", rep.Clusters[3].Err, rep.Clusters[3].Elapsed)
	}
	if got := rep.Clusters[1].Words; got != 5 {
		t.Errorf("c1 words = %d, want 5", got)
	}

	// The mean is over the scored clusters only.
	var want rouge.Result
	for _, i := range []int{0, 1, 4} {
		r := rouge.Evaluate(summaries[clusters[i].ID], clusters[i].References, rouge.Options{WordLimit: 250, Stem: true})
		if !reflect.DeepEqual(rep.Clusters[i].Scores, r) {
			t.Errorf("%s scores %+v, want %+v", clusters[i].ID, rep.Clusters[i].Scores, r)
		}
		addResult(&want, r)
	}
	scaleResult(&want, 1.0/3)
	for _, p := range [][2]float64{
		{rep.Mean.R1.Recall, want.R1.Recall}, {rep.Mean.R2.F1, want.R2.F1}, {rep.Mean.RL.Precision, want.RL.Precision},
	} {
		if math.Abs(p[0]-p[1]) > 1e-12 {
			t.Errorf("mean %v, want %v", p[0], p[1])
		}
	}
}

// TestRunParallel checks the worker count is honoured: with Workers n, n
// summaries are in flight at once and never more.
func TestRunParallel(t *testing.T) {
	tests := []struct{ workers, clusters, wantPeak int }{
		{1, 4, 1},
		{4, 8, 4},
		{16, 3, 3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("workers=%d", tt.workers), func(t *testing.T) {
			var clusters []Cluster
			for i := range tt.clusters {
				clusters = append(clusters, cluster(fmt.Sprint(i), "ref"))
			}
			var running, peak atomic.Int32
			reached := make(chan struct{})
			var once sync.Once
			sum := func(ctx context.Context, c Cluster) (string, error) {
				n := running.Add(1)
				defer running.Add(-1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				if int(n) == tt.wantPeak {
					once.Do(func() { close(reached) })
				}
				select {
				case <-reached:
				case <-time.After(5 * time.Second):
				}
				return "ref", nil
			}
			rep, err := Run(context.Background(), clusters, sum, Options{Workers: tt.workers})
			if err != nil {
				t.Fatal(err)
			}
			if int(peak.Load()) != tt.wantPeak {
				t.Errorf("peak concurrency %d, want %d", peak.Load(), tt.wantPeak)
			}
			if rep.Scored != tt.clusters {
				t.Errorf("scored %d, want %d", rep.Scored, tt.clusters)
			}
		})
	}
}

func TestRunCancel(t *testing.T) {
	var clusters []Cluster
	for i := range 50 {
		clusters = append(clusters, cluster(fmt.Sprint(i), "ref"))
	}
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	sum := func(ctx context.Context, c Cluster) (string, error) {
		if calls.Add(1) == 3 {
			cancel()
		}
		return "ref", ctx.Err()
	}
	rep, err := Run(ctx, clusters, sum, Options{Workers: 2})
	if !errors.Is(err, context.Canceled) || rep != nil {
		t.Fatalf("Run = %v, %v; want nil, context.Canceled", rep, err)
	}
	if n := calls.Load(); n > 4 {
		t.Errorf("summarizer called %d times after cancellation", n)
	}
}

func TestRunSave(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "summaries")
	clusters := []Cluster{cluster("D0701A", "ref"), cluster("../x"), cluster("bad", "ref")}
	sum := func(ctx context.Context, c Cluster) (string, error) {
		if c.ID == "bad" {
			return "", errors.New("boom")
		}
		return "Summary of " + c.ID + ".\nSecond line.", nil
	}
	rep, err := Run(context.Background(), clusters, sum, Options{Save: dir})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Scored != 1 || rep.Skipped != 1 || rep.Failed != 1 {
		t.Errorf("scored %d skipped %d failed %d", rep.Scored, rep.Skipped, rep.Failed)
	}
	if rep.Clusters[1].Words != 5 {
		t.Errorf("skipped but saved cluster words = %d, want 5", rep.Clusters[1].Words)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".._x.txt", "D0701A.txt"}; !reflect.DeepEqual(names, want) {
		t.Errorf("saved %q, want %q", names, want)
	}
	got, err := os.ReadFile(filepath.Join(dir, "D0701A.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "Summary of D0701A.\nSecond line.\n" {
		t.Errorf("saved %q", got)
	}
}

func TestRunSaveDirError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(context.Background(), []Cluster{cluster("a", "r")}, LeadSummarizer(10), Options{Save: filepath.Join(file, "sub")})
	if err == nil {
		t.Fatal("Run succeeded with a save directory under a regular file")
	}
}

// fixtureReport runs the lead baseline over the fixture clusters plus one
// failing cluster, with timings fixed so the output is reproducible.
func fixtureReport(t *testing.T) *Report {
	t.Helper()
	clusters, _ := readFixture(t)
	clusters = append(clusters, cluster("T05E-failing", "ref"))
	lead := LeadSummarizer(12)
	sum := func(ctx context.Context, c Cluster) (string, error) {
		if strings.HasSuffix(c.ID, "failing") {
			return "", errors.New("summarizer: no sentences\nleft after filtering")
		}
		return lead(ctx, c)
	}
	rep, err := Run(context.Background(), clusters, sum, Options{Words: 12, Stem: true, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rep.Clusters {
		if rep.Clusters[i].Elapsed > 0 {
			rep.Clusters[i].Elapsed = time.Duration(i+1) * 1500 * time.Microsecond
		}
	}
	return rep
}

func TestReportGolden(t *testing.T) {
	rep := fixtureReport(t)
	tests := []struct {
		file  string
		write func(*Report, *bytes.Buffer) error
	}{
		{"report.txt", func(r *Report, b *bytes.Buffer) error { return r.WriteText(b) }},
		{"report.json", func(r *Report, b *bytes.Buffer) error { return r.WriteJSON(b) }},
		{"report.csv", func(r *Report, b *bytes.Buffer) error { return r.WriteCSV(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(rep, &b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, b.Bytes())
		})
	}
}

func TestReportEmpty(t *testing.T) {
	rep, err := Run(context.Background(), nil, LeadSummarizer(10), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "0 scored, 0 skipped: no references, 0 failed") {
		t.Errorf("empty report:\n%s", b.String())
	}
	if strings.Contains(b.String(), "NaN") {
		t.Errorf("NaN in empty report:\n%s", b.String())
	}
}

// A cluster with no text fails under the baseline as under the briefer,
// so the two means cover the same clusters.
func TestLeadSummarizerEmptyClusterFails(t *testing.T) {
	c := Cluster{ID: "empty", Docs: []Doc{{ID: "d1", Text: "  "}}, References: []string{"ref"}}
	if _, err := LeadSummarizer(100)(context.Background(), c); err == nil {
		t.Error("empty cluster: no error")
	}
}
