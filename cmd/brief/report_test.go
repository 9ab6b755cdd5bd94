package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/internal/chromium"
	"github.com/brieftool/brief/summarize"
)

func reportJSON(t *testing.T, args ...string) *briefing.Briefing {
	t.Helper()
	r := brief(t, false, nil, "", append([]string{"report", "-f", "json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	return decodeBriefing(t, r.stdout)
}

func section(b *briefing.Briefing, id string) *briefing.Section {
	for i := range b.Sections {
		if b.Sections[i].ID == id {
			return &b.Sections[i]
		}
	}
	return nil
}

// What a reader of the seeds' briefing must be able to trust: every line
// cites, every citation is backed by the cited source's own text, the
// real disagreements are there, and it fits the budget.
func TestReportSeeds(t *testing.T) {
	b := reportJSON(t, seeds)
	corpus, err := summarize.Build(context.Background(), []string{seeds}, summarize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, s := range corpus.Sources {
		text[s.ID] = s.Text
	}

	if b.Headline.Text == "" || len(b.Headline.Citations) == 0 {
		t.Errorf("headline %q has no citation", b.Headline.Text)
	}
	if b.Dateline.Sources != 5 || b.Dateline.From != "2023-03-07" {
		t.Errorf("dateline %+v, want 5 sources from 2023-03-07", b.Dateline)
	}
	kp := section(b, briefing.SectionKeyPoints)
	if kp == nil || len(kp.Items) < 3 || len(kp.Items) > 7 {
		t.Fatalf("key points: %+v, want 3 to 7", kp)
	}
	if b.Words > 250 || b.Words < 150 {
		t.Errorf("summary part has %d words, want it near the 250-word budget", b.Words)
	}
	if len(b.Sources) == 0 || len(b.Sources) > 5 {
		t.Errorf("%d sources listed", len(b.Sources))
	}

	items := []briefing.Item{b.Headline}
	for _, s := range b.Sections {
		if len(s.Items) == 0 {
			t.Errorf("section %q is empty", s.ID)
		}
		items = append(items, s.Items...)
	}
	for _, it := range items {
		if len(it.Citations) == 0 {
			t.Errorf("sentence without citation: %q", it.Text)
		}
		for _, c := range it.Citations {
			if c.Status != "verified" {
				t.Errorf("citation [%d] of %q: %s", c.N, it.Text, c.Status)
			}
			if c.N < 1 || c.N > len(b.Sources) || b.Sources[c.N-1].ID != c.Source {
				t.Errorf("citation [%d] %s does not point into the source list", c.N, c.Source)
				continue
			}
			for _, e := range c.Evidence {
				src := text[c.Source]
				if e.Start < 0 || e.End > len(src) || e.Start >= e.End || src[e.Start:e.End] != e.Text {
					t.Errorf("evidence %d-%d of [%d] is not the source's text", e.Start, e.End, c.N)
				}
			}
		}
	}
	if b.Verification.Dropped != 0 || b.Verification.Checked == 0 || b.Verification.Verified != b.Verification.Checked {
		t.Errorf("verification %+v, want every citation verified", b.Verification)
	}

	// The seeds disagree on the number of US troops in Iraq and on one
	// word of Austin's quotation.
	d := section(b, briefing.SectionDisputed)
	if d == nil {
		t.Fatal("no \"Where sources differ\" section")
	}
	var all []string
	for _, it := range d.Items {
		all = append(all, it.Text)
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{"2,500", "about 2,000", "broaden out partnership", "broaden our partnership"} {
		if !strings.Contains(joined, want) {
			t.Errorf("disputes do not mention %q:\n%s", want, joined)
		}
	}
	if strings.Contains(joined, "900") {
		t.Errorf("troops in Syria reported as a dispute:\n%s", joined)
	}
	// Quotes are copied exactly from a cited source.
	if q := section(b, briefing.SectionQuotes); q != nil {
		for _, it := range q.Items {
			found := false
			for _, c := range it.Citations {
				for _, e := range c.Evidence {
					if strings.Contains(e.Text, it.Quote) {
						found = true
					}
				}
			}
			if it.Quote == "" || !found {
				t.Errorf("quote %q is not verbatim in its evidence", it.Quote)
			}
		}
	}
}

func TestReportSeedsGolden(t *testing.T) {
	r := brief(t, false, nil, "", "report", "-f", "markdown", seeds)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	golden(t, "report-iraq-visit.md", r.stdout)
}

// `brief INPUT...` is `brief report INPUT...`; a word that is neither a
// command nor an input is still an unknown command.
func TestDefaultCommandIsReport(t *testing.T) {
	a := brief(t, false, nil, "", seeds)
	b := brief(t, false, nil, "", "report", seeds)
	if a.code != 0 || a.stdout != b.stdout {
		t.Errorf("brief INPUT (exit %d) differs from brief report INPUT:\n%s", a.code, a.stderr)
	}
	c := brief(t, false, nil, "", "--no-color", seeds, "--words", "120")
	if c.code != 0 || !strings.Contains(c.stdout, "budget 120") {
		t.Errorf("global flag then INPUT then report flag: exit %d %s", c.code, c.stderr)
	}
	// Report's own flags may come before the input too.
	if d := brief(t, false, nil, "", "-f", "json", "--words", "90", seeds); d.code != 0 || !strings.Contains(d.stdout, `"budget": 90`) {
		t.Errorf("brief -f json --words 90 INPUT: exit %d %s", d.code, d.stderr)
	}
	if r := brief(t, false, nil, "", "sourcez"); r.code != exitUsage || !strings.Contains(r.stderr, "unknown command") {
		t.Errorf("typo of a command: exit %d, %q", r.code, r.stderr)
	}
}

func TestReportFocusAndWords(t *testing.T) {
	b := reportJSON(t, "--words", "80", "--focus", "Iranian influence and militias", seeds)
	if b.Words > 80 {
		t.Errorf("--words 80 gave %d words", b.Words)
	}
	if b.Focus != "Iranian influence and militias" {
		t.Errorf("focus %q not recorded", b.Focus)
	}
	kp := section(b, briefing.SectionKeyPoints)
	if kp == nil || !strings.Contains(strings.ToLower(kp.Items[0].Text), "iran") {
		t.Errorf("with a focus on Iran, first key point: %+v", kp)
	}
	for _, args := range [][]string{{"--words", "5"}, {"--min-confidence", "2"}, {"-f", "csv"}} {
		if r := brief(t, false, nil, "", append(append([]string{"report"}, args...), seeds)...); r.code != exitUsage {
			t.Errorf("report %v: exit %d, want %d", args, r.code, exitUsage)
		}
	}
}

func TestReportOutHTMLAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "briefing.html")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := brief(t, false, nil, "", "report", "--out", out, seeds)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "<html") || !strings.Contains(string(b), "2,500") {
		t.Errorf("--out briefing.html did not get the HTML page (%v)", err)
	}
	// A run with no usable input leaves the old file alone.
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	if r := brief(t, false, nil, "", "report", "--out", out, empty); r.code != exitFailure {
		t.Errorf("empty input: exit %d", r.code)
	}
	if b2, _ := os.ReadFile(out); string(b2) != string(b) {
		t.Error("a failed run changed the --out file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestEval(t *testing.T) {
	dir := t.TempDir()
	r := brief(t, false, nil, "", "eval", "--refs", "testdata/eval-clusters.jsonl", "--words", "40", "--save", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "eval-clusters.jsonl:2") {
		t.Errorf("the broken line is not named on stderr: %q", r.stderr)
	}
	for _, want := range []string{"T001A", "T002A", "MEAN", "1 scored"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval output lacks %q:\n%s", want, r.stdout)
		}
	}
	s, err := os.ReadFile(filepath.Join(dir, "T001A.txt"))
	if err != nil || len(strings.Fields(string(s))) > 40 || !strings.Contains(string(s), "bridge") {
		t.Errorf("--save: %q, %v", s, err)
	}

	r = brief(t, false, nil, "", "eval", "--refs", "testdata/eval-clusters.jsonl", "--words", "40", "-f", "json", "--focus-field", "query")
	var rep struct {
		Scored int `json:"scored"`
		Mean   struct {
			Rouge2 struct {
				Recall float64 `json:"recall"`
			} `json:"rouge2"`
		} `json:"mean"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Scored != 1 || rep.Mean.Rouge2.Recall <= 0.2 {
		t.Errorf("eval JSON: %+v, %v\n%s", rep, err, r.stdout)
	}
	for _, args := range [][]string{{"eval"}, {"eval", "--refs", "testdata/eval-clusters.jsonl", "--focus-field", "nope"}, {"eval", "--refs", "x", seeds}} {
		if r := brief(t, false, nil, "", args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, r.code, exitUsage, r.stderr)
		}
	}
	if r := brief(t, false, nil, "", "eval", "--refs", "testdata/missing.jsonl"); r.code != exitFailure || !strings.Contains(r.stderr, "missing.jsonl") {
		t.Errorf("missing --refs file: exit %d %q", r.code, r.stderr)
	}
}

// The browser check: the seeds' briefing, as brief writes it,
// loads in a real Chromium without a console message and prints on one
// A4 or Letter page.
func TestReportSeedsHTMLInChromium(t *testing.T) {
	for _, args := range [][]string{{seeds}, {"--min-confidence", "0", seeds}} {
		r := brief(t, false, nil, "", append([]string{"report", "-f", "html"}, args...)...)
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		for _, paper := range []string{"A4", "letter"} {
			res := chromium.Print(t, chromium.WithPaper([]byte(r.stdout), paper))
			if res.Pages != 1 {
				t.Errorf("%v on %s: %d pages, want 1", args, paper, res.Pages)
			}
			if len(res.Console) > 0 {
				t.Errorf("%v on %s: console messages %q", args, paper, res.Console)
			}
		}
	}
}
