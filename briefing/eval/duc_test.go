package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// ducDir finds the DUC 2007 JSON lines files, which are licensed data and
// never part of the repository: next to the checkout (../shared) when
// tests run from briefing/eval, or in the shared workspace.
func ducDir() string {
	for _, dir := range []string{
		filepath.Join("..", "..", "..", "shared", "bench", "duc2007"),
		"/work/shared/bench/duc2007",
	} {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir
		}
	}
	return ""
}

// readDUC loads one DUC file or skips the test when the data is absent.
func readDUC(t *testing.T, name string) []Cluster {
	t.Helper()
	dir := ducDir()
	if dir == "" {
		t.Skip("DUC 2007 data not found (../shared/bench/duc2007 or /work/shared/bench/duc2007)")
	}
	path := filepath.Join(dir, name)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s not found", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	clusters, errs := ReadClusters(f, path)
	for _, err := range errs {
		t.Errorf("reading: %v", err)
	}
	return clusters
}

func runLead(t *testing.T, clusters []Cluster, words int) *Report {
	t.Helper()
	rep, err := Run(context.Background(), clusters, LeadSummarizer(words), Options{Words: words, Stem: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("lead baseline, %d words: scored %d, skipped %d, failed %d", words, rep.Scored, rep.Skipped, rep.Failed)
	for _, m := range []struct {
		name string
		s    struct{ r, p, f float64 }
	}{
		{"ROUGE-1", struct{ r, p, f float64 }{rep.Mean.R1.Recall, rep.Mean.R1.Precision, rep.Mean.R1.F1}},
		{"ROUGE-2", struct{ r, p, f float64 }{rep.Mean.R2.Recall, rep.Mean.R2.Precision, rep.Mean.R2.F1}},
		{"ROUGE-L", struct{ r, p, f float64 }{rep.Mean.RL.Recall, rep.Mean.RL.Precision, rep.Mean.RL.F1}},
	} {
		t.Logf("%s  R %.2f  P %.2f  F %.2f", m.name, 100*m.s.r, 100*m.s.p, 100*m.s.f)
	}
	return rep
}

func TestLeadBaselineDUC(t *testing.T) {
	clusters := readDUC(t, "duc2007_main.jsonl")
	rep := runLead(t, clusters, 250)
	if rep.Scored != 23 {
		t.Errorf("scored %d clusters, want the 23 with references", rep.Scored)
	}
	if r2 := 100 * rep.Mean.R2.Recall; r2 < 5.5 || r2 > 6.7 {
		t.Errorf("ROUGE-2 recall %.2f, want 5.5..6.7", r2)
	}
	if r1 := 100 * rep.Mean.R1.Recall; r1 < 30.5 || r1 > 33.5 {
		t.Errorf("ROUGE-1 recall %.2f, want 30.5..33.5", r1)
	}
}

func TestLeadBaselineDUCUpdate(t *testing.T) {
	clusters := readDUC(t, "duc2007_update.jsonl")
	rep := runLead(t, clusters, 100)
	if rep.Scored == 0 {
		t.Fatal("no cluster scored")
	}
}
