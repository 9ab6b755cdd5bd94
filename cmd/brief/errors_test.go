package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/llm"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/load"
)

// badDir holds the seeds' neighbour for the skip tests: one empty file,
// which is skipped with a message.
func badDir(t *testing.T) (dir, empty string) {
	t.Helper()
	dir = t.TempDir()
	empty = filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, empty
}

// TestStrictExitCode: a run that skips an input succeeds (0), unless
// --strict asks for 3; either way the output is written in full.
func TestStrictExitCode(t *testing.T) {
	_, empty := badDir(t)
	day := "../../testdata/day/day.jsonl"
	for _, cmd := range [][]string{
		{"sources", seeds},
		{"facts", seeds},
		{"conflicts", seeds},
		{"compare", seeds},
		{"report", seeds},
		{"daily", day},
	} {
		t.Run(cmd[0], func(t *testing.T) {
			for _, strict := range []bool{false, true} {
				out := filepath.Join(t.TempDir(), "out.json")
				args := []string{cmd[0], "--format", "json", "--out", out, "--quiet"}
				if strict {
					args = append(args, "--strict")
				}
				r := brief(t, false, nil, "", append(args, cmd[1], empty)...)
				want := exitOK
				if strict {
					want = exitPartial
				}
				if r.code != want {
					t.Errorf("strict=%v: exit %d, want %d; stderr:\n%s", strict, r.code, want, r.stderr)
				}
				if !strings.Contains(r.stderr, empty+": file is empty") {
					t.Errorf("strict=%v: stderr does not name the skipped input:\n%s", strict, r.stderr)
				}
				if strict && !strings.Contains(r.stderr, "brief: 1 input or item was skipped, and --strict makes that exit code 3 (each is named above; without --strict the exit code is 0)\n") {
					t.Errorf("stderr does not say why the exit code is 3:\n%s", r.stderr)
				}
				if b, err := os.ReadFile(out); err != nil || len(b) == 0 {
					t.Errorf("strict=%v: the output was not written: %v", strict, err)
				}
			}
		})
	}
	// Nothing skipped: --strict changes nothing.
	if r := brief(t, false, nil, "", "sources", "--strict", seeds); r.code != exitOK {
		t.Errorf("--strict with nothing skipped: exit %d; stderr:\n%s", r.code, r.stderr)
	}
}

// TestLimitFlags: each limit flag reaches the reader, an item over it is
// skipped with a message saying which flag raises it, and the run goes
// on.
func TestLimitFlags(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "deep.html")
	page := "<html><body><article><p>" + strings.Repeat("<div>", 40) + "A page nested forty deep still has words in it.</article></body></html>"
	if err := os.WriteFile(deep, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	long := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(long, []byte("Title\n\n"+strings.Repeat("word ", 400)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string // a line of stderr
		n    int    // sources listed
	}{
		{"max-depth", []string{"--max-depth", "20", deep, seeds},
			"brief: " + deep + ": HTML nests deeper than the limit of 20 levels (raise the limit with --max-depth; HTML stops at 512 whatever the flag)", 5},
		{"max-line", []string{"--max-line", "1KB", long, seeds},
			"brief: " + long + ": has a line of 2.0 KB, over the 1.0 KB line-length limit (raise the limit with --max-line)", 5},
		{"max-articles", []string{"--max-articles", "3", seeds},
			"brief: " + seeds + ": 2 articles skipped: the run is over the limit of 3 articles (raise the limit with --max-articles)", 3},
		{"max-size", []string{"--max-size", "1KB", long, seeds},
			"brief: " + long + ": file is 2.0 KB, over the 1.0 KB limit (raise --max-size for an article, --max-feed-size for a feed)", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := brief(t, false, nil, "", append([]string{"sources", "--format", "json"}, tt.args...)...)
			if !strings.Contains(r.stderr, tt.want+"\n") {
				t.Errorf("stderr lacks\n%s\ngot:\n%s", tt.want, r.stderr)
			}
			if tt.n == 0 {
				return
			}
			if r.code != exitOK {
				t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
			}
			if got := strings.Count(r.stdout, `"origin"`); got != tt.n {
				t.Errorf("%d sources listed, want %d", got, tt.n)
			}
		})
	}
}

func TestLimitFlagsValidated(t *testing.T) {
	for _, args := range [][]string{
		{"--max-articles", "0"},
		{"--max-depth", "-1"},
		{"--max-line", "lots"},
		{"--max-feed-size", "0"},
		// These parse as floats, and used to fall back to the default.
		{"--max-size", "NaN"},
		{"--max-size", "Inf"},
		{"--max-size", "0.5"},
		{"--max-line", "1e30GB"},
	} {
		r := brief(t, false, nil, "", append(append([]string{"sources"}, args...), seeds)...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, r.code, exitUsage)
		}
		if !strings.Contains(r.stderr, args[0]) {
			t.Errorf("%v: the message does not name the flag: %s", args, r.stderr)
		}
	}
}

// TestCatalogue: errors from every layer find their entry, get the
// catalogue's advice once, and the exit code the README documents.
func TestCatalogue(t *testing.T) {
	inputErr := func(err error) error { return summarize.Problem{Input: "in.html", Err: err} }
	tests := []struct {
		err  error
		name string
		exit int
	}{
		{usageErr(errors.New("--words must be between 20 and 5000")), "usage", exitUsage},
		{fmt.Errorf("reading: %w", context.Canceled), "interrupted", exitFailure},
		{partialError{2}, "partial", exitPartial},
		{inputErr(fmt.Errorf("x: %w", load.ErrTooLarge)), "too-large", exitFailure},
		{inputErr(fmt.Errorf("x: %w", load.ErrTooDeep)), "too-deep", exitFailure},
		{inputErr(fmt.Errorf("x: %w", load.ErrLineTooLong)), "line-too-long", exitFailure},
		{inputErr(fmt.Errorf("x: %w", load.ErrTooMany)), "too-many", exitFailure},
		{inputErr(&os.PathError{Op: "open", Path: "in.html", Err: syscall.ENOENT}), "not-found", exitFailure},
		{fmt.Errorf("--out: writing b.md: %w", syscall.ENOSPC), "disk-full", exitFailure},
		{fmt.Errorf("writing the briefing: %w", &llm.Error{Kind: llm.ErrAuth, Msg: "refused"}), "model-auth", exitFailure},
		{&llm.Error{Kind: llm.ErrTimeout, Msg: "no answer"}, "model-unreachable", exitFailure},
		{&llm.Error{Kind: llm.ErrBadAnswer, Msg: "not JSON"}, "model-failed", exitFailure},
		{&briefing.UnsupportedError{}, "unsupported-sentence", exitFailure},
		{fmt.Errorf("no usable source among x: %w", summarize.ErrNoSources), "no-sources", exitFailure},
	}
	for _, tt := range tests {
		p, ok := lookup(tt.err)
		if !ok || p.name != tt.name {
			t.Errorf("%q: entry %q, want %q", tt.err, p.name, tt.name)
		}
		if got := exitCode(tt.err); got != tt.exit {
			t.Errorf("%q: exit %d, want %d", tt.err, got, tt.exit)
		}
	}
	// A model error that says what to do is not given a second fix.
	le := &llm.Error{Kind: llm.ErrAuth, Msg: "the server refused the API key (HTTP 401)", Hint: "set OPENAI_API_KEY to a valid key"}
	if got := withFix(le); strings.Count(got, "OPENAI_API_KEY") != 1 {
		t.Errorf("advice repeated: %q", got)
	}
	names := map[string]bool{}
	for _, p := range catalogue() {
		if names[p.name] {
			t.Errorf("catalogue lists %q twice", p.name)
		}
		names[p.name] = true
		if p.what == "" {
			t.Errorf("%q has no description", p.name)
		}
	}
}

// TestREADMEListsEveryProblem keeps the README's error table and the
// catalogue the same list, advice included.
func TestREADMEListsEveryProblem(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	row := regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|(.*)\\|\\s*$")
	for _, m := range row.FindAllStringSubmatch(string(b), -1) {
		rows[m[1]] = m[2]
	}
	for _, p := range catalogue() {
		r, ok := rows[p.name]
		if !ok {
			t.Errorf("README's error table has no row for `%s`", p.name)
			continue
		}
		if p.fix != "" && !strings.Contains(r, p.fix) {
			t.Errorf("README row `%s` lacks the fix %q", p.name, p.fix)
		}
		exit := fmt.Sprintf("| %d", p.exit)
		if p.skips {
			exit = "| skipped"
		}
		if !strings.Contains(r, exit) {
			t.Errorf("README row `%s` lacks %q: %q", p.name, exit, r)
		}
	}
}

// TestREADMEFaultTableIsBacked: every test the README's fault table names
// exists, so no row claims a test that was renamed or never written.
func TestREADMEFaultTableIsBacked(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(b), "### Faults tried")
	if !ok {
		t.Fatal("README has no \"Faults tried\" section")
	}
	table, _, _ = strings.Cut(table, "\n## ")
	named := regexp.MustCompile("`((?:Test|Fuzz)[A-Za-z0-9_]+)`").FindAllStringSubmatch(table, -1)
	if len(named) < 20 {
		t.Fatalf("the fault table names only %d tests", len(named))
	}
	defined := map[string]bool{}
	decl := regexp.MustCompile(`(?m)^func ((?:Test|Fuzz)[A-Za-z0-9_]+)\(`)
	err = filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range decl.FindAllStringSubmatch(string(src), -1) {
			defined[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range named {
		if !defined[m[1]] {
			t.Errorf("the README's fault table names %s, which no test file defines", m[1])
		}
	}
}
