package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brieftool/brief/briefing/daily"
	"github.com/brieftool/brief/internal/llmtest"
)

const dayFile = "../../testdata/day/day.jsonl"

func decodeDigest(t *testing.T, out string) *daily.Digest {
	t.Helper()
	var doc daily.Document
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not a digest document: %v\n%s", err, out)
	}
	return doc.Digest
}

func TestDaily(t *testing.T) {
	dir := t.TempDir()
	clusters := filepath.Join(dir, "clusters.jsonl")
	details := filepath.Join(dir, "details")
	r := brief(t, false, nil, "", "daily", "-f", "json", "--stories", "3", "--clusters", clusters, "--details", details, dayFile)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	d := decodeDigest(t, r.stdout)
	if d.Articles != 13 || len(d.Shown) != 3 || d.Shown[0].ID != "quake-tr-1" {
		t.Errorf("%d articles, %d shown, top %q", d.Articles, len(d.Shown), d.Shown[0].ID)
	}
	f, err := os.Open(clusters)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); n++ {
		var a daily.Assignment
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil || a.ID == "" || a.Story == "" {
			t.Errorf("clusters line %d: %q (%v)", n+1, sc.Text(), err)
		}
	}
	if n != 13 {
		t.Errorf("%d lines in --clusters, want 13", n)
	}
	if _, err := os.Stat(filepath.Join(details, d.Shown[0].Details)); err != nil {
		t.Errorf("details of story 1: %v", err)
	}
	// Piped, without --quiet: no progress bar, nothing on stderr.
	if r.stderr != "" {
		t.Errorf("stderr %q", r.stderr)
	}
}

func TestDailyTextAndWindow(t *testing.T) {
	r := brief(t, false, nil, "", "daily", "--since", "2024-05-14", "--until", "2024-05-15", "-f", "text", dayFile)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Malatya", "Arequipa", "12 articles", "1 article left out by the window"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text digest lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "River levels normal") {
		t.Error("an article outside the window is in the digest")
	}
}

// A feed list file, a broken input beside good ones, and a directory.
func TestDailyInputs(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"title": "cut`), 0o644); err != nil {
		t.Fatal(err)
	}
	day, _ := filepath.Abs(dayFile)
	list := filepath.Join(dir, "inputs.txt")
	if err := os.WriteFile(list, []byte("# today\n"+day+"\nbroken.json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := brief(t, false, nil, "", "daily", "-f", "json", list)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if d := decodeDigest(t, r.stdout); d.Articles != 13 || d.Failed != 1 {
		t.Errorf("%d articles, %d failed; want 13 and the broken file", d.Articles, d.Failed)
	}
	if !strings.Contains(r.stderr, "broken.json") {
		t.Errorf("stderr %q: want the broken input named", r.stderr)
	}
}

func TestDailyWithModel(t *testing.T) {
	srv := llmtest.New(t, func(_ int, r llmtest.Request) llmtest.Reply {
		return llmtest.Reply{Content: llmtest.Faithful(r).JSON()}
	})
	env := map[string]string{"BRIEF_MODEL": "test-model", "OPENAI_BASE_URL": srv.BaseURL(), "BRIEF_CACHE_DIR": t.TempDir()}
	r := brief(t, false, env, "", "daily", "-f", "json", "--stories", "2", dayFile)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	d := decodeDigest(t, r.stdout)
	if d.Backend != "openai:test-model" || len(srv.Requests()) != 2 {
		t.Errorf("backend %q, %d requests; want the model, one request per shown story", d.Backend, len(srv.Requests()))
	}
	for _, st := range d.Shown {
		if st.Backend != "openai:test-model" || st.Verification.Passed != st.Verification.Sentences {
			t.Errorf("story %d: backend %q, verification %+v", st.Rank, st.Backend, st.Verification)
		}
	}
}

func TestDailyUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--stories", "0"}, "--stories"},
		{[]string{"--since", "yesterday"}, "--since"},
		{[]string{"--since", "2024-05-15", "--until", "2024-05-14"}, "--until"},
		{[]string{"--dry-run"}, "dry-run"},
	} {
		r := brief(t, false, nil, "", append(append([]string{"daily"}, tc.args...), dayFile)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
	r := brief(t, false, nil, "", "daily", "--since", "2030-01-01", dayFile)
	if r.code != exitFailure || !strings.Contains(r.stderr, "no article") {
		t.Errorf("empty window: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestDailyDetailsMustBeItsOwn(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "afile")
	other := filepath.Join(dir, "other")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A details directory whose parent is missing is found before the
	// run, not after it.
	orphan := filepath.Join(dir, "missing", "details")
	for _, d := range []string{file, other, orphan} {
		r := brief(t, false, nil, "", "daily", "--details", d, dayFile)
		if r.code != exitUsage || !strings.Contains(r.stderr, "--details") {
			t.Errorf("%s: exit %d, stderr %q", d, r.code, r.stderr)
		}
	}
	// A directory brief wrote is replaced on the next run.
	det := filepath.Join(dir, "det")
	for i := 0; i < 2; i++ {
		if r := brief(t, false, nil, "", "daily", "--details", det, "--stories", "2", dayFile); r.code != 0 {
			t.Fatalf("run %d: exit %d: %s", i, r.code, r.stderr)
		}
	}
	if es, _ := os.ReadDir(det); len(es) != 3 { // 2 stories and the marker
		t.Errorf("details hold %d entries after two runs, want 3", len(es))
	}
}

// A run that fails writing its output leaves nothing after it.
func TestDailyFailedRunLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	r := brief(t, false, nil, "", "daily", "--details", filepath.Join(dir, "det"), "--clusters", filepath.Join(dir, "c.jsonl"),
		"--out", filepath.Join(dir, "nodir", "d.md"), dayFile)
	if es, _ := os.ReadDir(dir); r.code != exitFailure || len(es) != 0 {
		t.Errorf("exit %d, left %v", r.code, es)
	}
}

// Model warnings and the progress bar share stderr from several
// goroutines (run with -race).
func TestDailyWarningsWithProgressBar(t *testing.T) {
	srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply { return llmtest.Reply{Status: 400, Content: "bad request"} })
	var out, errb bytes.Buffer
	env := modelEnv(t, srv)
	code := run(context.Background(), []string{"brief", "daily", "-f", "json", "--workers", "4", dayFile},
		&IO{In: strings.NewReader(""), Out: &out, Err: &errb, ErrTTY: true, Getenv: func(k string) string { return env[k] }})
	if code != 0 || !strings.Contains(errb.String(), "warning") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}
