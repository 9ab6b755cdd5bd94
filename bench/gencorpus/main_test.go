package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "corpus.jsonl")
	truth := filepath.Join(dir, "truth.jsonl")
	var stderr bytes.Buffer
	err := run([]string{"-n", "120", "-seed", "3", "-duc", "off", "-out", out, "-truth", truth}, nil, &stderr)
	if err != nil {
		t.Fatal(err, stderr.String())
	}
	for _, want := range []string{"base text: seeds", "120 articles", "bytes"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	for _, p := range []string{out, truth} {
		if n := countLines(t, p); n != 120 {
			t.Errorf("%s: %d lines, want 120", p, n)
		}
		if _, err := os.Stat(p + ".tmp"); err == nil {
			t.Errorf("%s.tmp left behind", p)
		}
	}

	corpus := filepath.Join(dir, "pages")
	stderr.Reset()
	if err := run([]string{"-n", "30", "-duc", "off", "-format", "dir", "-out", corpus}, nil, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "000", "*.txt"))
	if len(files) != 30 {
		t.Errorf("%d files written, want 30", len(files))
	}

	stderr.Reset()
	if err := run([]string{"-n", "200", "-duc", "off", "-days", "1", "-story-spread", "1.4", "-out", out}, nil, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "200 articles, 8 stories") {
		t.Errorf("-days 1 -story-spread 1.4: want 200 articles in 8 stories:\n%s", stderr.String())
	}
	if err := run([]string{"-n", "5", "-duc", "off", "-story-spread", "-1", "-out", out}, nil, &stderr); err == nil {
		t.Error("a negative -story-spread must fail")
	}

	if err := run([]string{"-n", "5", "-duc", filepath.Join(dir, "missing.jsonl"), "-out", out}, nil, &stderr); err == nil {
		t.Error("an explicit -duc that does not exist must fail")
	}
}

func countLines(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}
