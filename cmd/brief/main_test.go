package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	goldenfile "github.com/brieftool/brief/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

const seeds = "../../testdata/iraq-visit"

// result is what a user sees from one invocation.
type result struct {
	code   int
	stdout string
	stderr string
}

// brief runs the CLI in-process with captured IO. env holds environment
// variables (NO_COLOR, COLUMNS); tty pretends stdout is a terminal.
func brief(t *testing.T, tty bool, env map[string]string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	ios := &IO{
		In: strings.NewReader(stdin), Out: &out, Err: &errb, OutTTY: tty,
		Getenv: func(k string) string { return env[k] },
	}
	code := run(context.Background(), append([]string{"brief"}, args...), ios)
	return result{code, out.String(), errb.String()}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), []byte(got), *update)
}

func TestSourcesSeedsGolden(t *testing.T) {
	for _, format := range []string{"text", "markdown", "json", "csv", "table"} {
		t.Run(format, func(t *testing.T) {
			r := brief(t, false, nil, "", "sources", "--format", format, seeds)
			if r.code != exitOK {
				t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
			if r.stderr != "" {
				t.Errorf("unexpected stderr:\n%s", r.stderr)
			}
			ext := map[string]string{"text": "txt", "markdown": "md", "json": "json", "csv": "csv", "table": "table.txt"}[format]
			golden(t, "sources-iraq-visit."+ext, r.stdout)
		})
	}
}

// TestSourcesListsSeeds asserts what the README promises: the five seed
// articles with their titles, outlets and dates.
func TestSourcesListsSeeds(t *testing.T) {
	r := brief(t, false, nil, "", "sources", seeds)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 6 {
		t.Fatalf("got %d lines, want a header and 5 sources:\n%s", len(lines), r.stdout)
	}
	for _, want := range []string{
		"Pentagon chief in Iraq says US wants to 'strengthen' ties",
		"Pentagon chief visits Iraq nearly 20 years after US-led invasion",
		"US troops will ‘remain in Iraq’: US Defense Secretary",
		"Pentagon chief in Iraq ahead of 20th anniversary of invasion",
		"Pentagon chief makes unannounced trip to Iraq",
		"Qatar Tribune", "Caliber.az", "thecradle.co", "via AFP, AP",
		"2023-03-07", "2023-03-08",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}

// TestSourcesJSONCleanText checks the cleaned text a script gets: no page
// junk, the repeated lede reported and dropped, offsets that point at the
// sentences.
func TestSourcesJSONCleanText(t *testing.T) {
	r := brief(t, false, nil, "", "sources", "--format", "json", seeds)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Stats         struct{ Sources, Independent int }
		Sources       []struct {
			ID        string
			Text      string
			Sentences []struct {
				Start, End int
				Text       string
			}
			Removed []struct {
				Kind, Text string
			}
			DroppedParagraphs []struct {
				Reason, Text string
			} `json:"dropped_paragraphs"`
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if doc.SchemaVersion != 1 || doc.Stats.Sources != 5 || doc.Stats.Independent != 5 {
		t.Errorf("schema %d, %d sources, %d independent; want 1, 5, 5", doc.SchemaVersion, doc.Stats.Sources, doc.Stats.Independent)
	}
	junk := []string{"Read also", "Most Popular", "Short link", "Views:", "Loading...", "©", "Photo credit", "(Credit:", "twitter", "Share it on social media", "WHAT ARE YOU LOOKING FOR"}
	ledes := 0
	for _, s := range doc.Sources {
		for _, j := range junk {
			if strings.Contains(s.Text, j) {
				t.Errorf("%s: junk %q left in text", s.ID, j)
			}
		}
		for _, st := range s.Sentences {
			if s.Text[st.Start:st.End] != st.Text {
				t.Errorf("%s: sentence offsets [%d,%d) do not point at %q", s.ID, st.Start, st.End, st.Text)
			}
		}
		for _, d := range s.DroppedParagraphs {
			if d.Reason == "repeated_lede" {
				ledes++
				if strings.Count(s.Text, d.Text) > 1 {
					t.Errorf("%s: repeated lede still twice in text", s.ID)
				}
			}
		}
	}
	if ledes == 0 {
		t.Errorf("no repeated lede reported; the first seed repeats its lede at the end")
	}
	if first := doc.Sources[0]; strings.Count(first.Text, "Pentagon chief Lloyd Austin said Tuesday he hoped to") != 1 {
		t.Errorf("the first seed's lede appears %d times, want once", strings.Count(first.Text, "Pentagon chief Lloyd Austin said Tuesday he hoped to"))
	}
}

func TestSourcesTableFitsAndColors(t *testing.T) {
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	tests := []struct {
		name      string
		env       map[string]string
		args      []string
		wantColor bool
	}{
		{"terminal gets colour", nil, nil, true},
		{"NO_COLOR is honoured", map[string]string{"NO_COLOR": "1"}, nil, false},
		{"--no-color is honoured", nil, []string{"--no-color"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"sources"}, tt.args...), seeds)
			r := brief(t, true, tt.env, "", args...)
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if got := ansi.MatchString(r.stdout); got != tt.wantColor {
				t.Errorf("colour = %v, want %v", got, tt.wantColor)
			}
			if !strings.Contains(r.stdout, "┌") {
				t.Errorf("a terminal should get a boxed table by default:\n%s", r.stdout)
			}
			for _, line := range strings.Split(ansi.ReplaceAllString(r.stdout, ""), "\n") {
				if n := utf8.RuneCountInString(line); n > 100 {
					t.Errorf("line is %d columns wide, want ≤ 100: %q", n, line)
				}
			}
		})
	}
}

func TestSourcesPipedIsPlainText(t *testing.T) {
	r := brief(t, false, nil, "", "sources", seeds)
	if strings.ContainsAny(r.stdout, "┌│\x1b") {
		t.Errorf("piped output should be plain text without boxes or colour:\n%s", r.stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no command", nil, "no command"},
		{"unknown command", []string{"frobnicate"}, "frobnicate"},
		{"unknown flag", []string{"sources", "--bogus", seeds}, "bogus"},
		{"no input", []string{"sources"}, "no INPUT"},
		{"bad format", []string{"sources", "--format", "yaml", seeds}, `unknown format "yaml"`},
		{"bad size", []string{"sources", "--max-size", "lots", seeds}, "--max-size"},
		{"bad threshold", []string{"sources", "--near-duplicate", "1.5", seeds}, "--near-duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := brief(t, false, nil, "", tt.args...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want %d (usage); stderr:\n%s", r.code, exitUsage, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, r.stderr)
			}
		})
	}
}

func TestHelpDocumentsExitCodes(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"sources", "--help"}} {
		r := brief(t, false, nil, "", args...)
		if r.code != exitOK {
			t.Errorf("%v: exit %d", args, r.code)
		}
		if !strings.Contains(r.stdout, "EXIT CODES") || !strings.Contains(r.stdout, "usage error") {
			t.Errorf("%v: help lacks the exit codes:\n%s", args, r.stdout)
		}
	}
}

// TestBadInputsDoNotStopTheRun: each bad input gets one line on stderr
// naming it, and the good sources are still listed.
func TestBadInputsDoNotStopTheRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	badJSON := write("bad.jsonl", []byte("{\"id\": \"ok\", \"title\": \"Fine\", \"text\": \"The army said on Tuesday that 40 people were killed in the attack on the market in Baghdad.\"}\n{not json\n"))
	missing := filepath.Join(dir, "missing.txt")

	r := brief(t, false, nil, "", "sources", empty, binary, badJSON, missing, seeds)
	if r.code != exitOK {
		t.Fatalf("exit %d, want 0 while good sources remain; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{empty + ": ", binary + ": ", "bad.jsonl:2", missing + ": "} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks a line for %q:\n%s", want, r.stderr)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if !strings.HasPrefix(line, "brief: ") {
			t.Errorf("stderr line not prefixed: %q", line)
		}
	}
	if n := strings.Count(strings.TrimSpace(r.stdout), "\n"); n != 6 {
		t.Errorf("listed %d sources, want the 5 seeds and the good JSON record:\n%s", n, r.stdout)
	}
}

func TestNothingUsableFailsAndWritesNothing(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	out := filepath.Join(dir, "out.json")
	r := brief(t, false, nil, "", "sources", "--out", out, empty, filepath.Join(dir, "missing.txt"))
	if r.code != exitFailure {
		t.Errorf("exit %d, want %d", r.code, exitFailure)
	}
	if !strings.Contains(r.stderr, "no usable source") {
		t.Errorf("stderr lacks the reason:\n%s", r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("--out was written although the run failed")
	}
}

func TestOutFileAtomicWithFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "corpus.json")
	r := brief(t, false, nil, "", "sources", "-o", out, seeds)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout should be empty with --out, got %q", r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(data) {
		t.Errorf("%s is not JSON", out)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left beside the output: %v", entries)
	}

	r = brief(t, false, nil, "", "sources", "-o", filepath.Join(dir, "no", "such", "dir.json"), seeds)
	if r.code != exitFailure || !strings.Contains(r.stderr, "--out") {
		t.Errorf("unwritable --out: exit %d, stderr %q; want 1 and a message naming --out", r.code, r.stderr)
	}
}

func TestStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(seeds, "003_77279b7efb73aeea.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r := brief(t, false, nil, string(data), "sources", "-")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "stdin") || !strings.Contains(r.stdout, "Pentagon chief in Iraq ahead of 20th anniversary of invasion") {
		t.Errorf("stdin source not listed:\n%s", r.stdout)
	}
}

func TestFlagsAfterArguments(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"sources", seeds, "-f", "csv"}, "id,origin,url"},
		{[]string{"sources", seeds, "--format=markdown"}, "| # |"},
		{[]string{"--no-color", "sources", seeds, "--quiet", "--format", "json"}, `"schema_version": 1`},
	}
	for _, tt := range tests {
		r := brief(t, false, nil, "", tt.args...)
		if r.code != exitOK || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("%v: exit %d, stdout lacks %q; stderr:\n%s", tt.args, r.code, tt.want, r.stderr)
		}
	}
	// After "--" everything is an input, even what looks like a flag.
	r := brief(t, false, nil, "", "sources", seeds, "--", "-f")
	if !strings.Contains(r.stderr, "-f: ") || r.code != exitOK {
		t.Errorf(`"-f" after "--" should be read as an input: exit %d, stderr %q`, r.code, r.stderr)
	}
}
