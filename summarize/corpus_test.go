package summarize

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func build(t *testing.T, inputs ...string) *Corpus {
	t.Helper()
	c, err := Build(context.Background(), inputs, Options{})
	if err != nil {
		t.Fatalf("Build(%v): %v", inputs, err)
	}
	return c
}

// checkOffsets asserts the invariants later stages rely on to cite spans.
func checkOffsets(t *testing.T, s *Source) {
	t.Helper()
	for i, p := range s.Paragraphs {
		if p.Start < 0 || p.End > len(s.Text) || p.Start >= p.End {
			t.Fatalf("%s: paragraph %d span %v out of text (len %d)", s.ID, i, p, len(s.Text))
		}
	}
	last := 0
	for i, st := range s.Sentences {
		p := s.Paragraphs[st.Paragraph]
		if st.Start < p.Start || st.End > p.End || st.Start < last {
			t.Fatalf("%s: sentence %d %v outside paragraph %d %v or out of order", s.ID, i, st.Span, st.Paragraph, p)
		}
		txt := s.SentenceText(i)
		if strings.TrimSpace(txt) != txt || strings.Contains(txt, "\n") {
			t.Errorf("%s: sentence %d not trimmed or crosses a line: %q", s.ID, i, txt)
		}
		last = st.End
	}
}

func TestBuildSeeds(t *testing.T) {
	c := build(t, filepath.Join("..", "testdata", "iraq-visit"))
	if len(c.Sources) != 5 || c.Independent() != 5 || c.Duplicates() != 0 {
		t.Fatalf("got %d sources, %d independent, %d duplicates; want 5, 5, 0", len(c.Sources), c.Independent(), c.Duplicates())
	}
	for _, s := range c.Sources {
		checkOffsets(t, s)
		if s.Title == "" || s.Published.IsZero() || s.Language != "en" {
			t.Errorf("%s: title %q, published %v, language %q", s.ID, s.Title, s.Published, s.Language)
		}
	}
	first := c.Sources[0]
	var reasons []string
	for _, d := range first.Dropped {
		reasons = append(reasons, d.Reason)
		if d.Of < 0 || d.Of >= len(first.Paragraphs) {
			t.Errorf("dropped paragraph points at kept paragraph %d of %d", d.Of, len(first.Paragraphs))
		}
	}
	if want := []string{"duplicate", "repeated_lede", "repeated_lede"}; !slices.Equal(reasons, want) {
		t.Errorf("first seed dropped %v, want %v", reasons, want)
	}
}

// TestBuildWireCopies: four reprints of one AFP story (one of them a
// near-exact copy) and one independent report make two independent sources.
func TestBuildWireCopies(t *testing.T) {
	c := build(t, filepath.Join("..", "testdata", "wire-copies"))
	byID := map[string]*Source{}
	for _, s := range c.Sources {
		byID[s.ID] = s
		checkOffsets(t, s)
	}
	if c.Independent() != 2 {
		t.Errorf("independent = %d, want 2", c.Independent())
	}
	if got := byID["ledger-mirror"].DuplicateOf; got != "daily-ledger" {
		t.Errorf("ledger-mirror duplicate_of = %q, want daily-ledger", got)
	}
	wire := byID["daily-ledger"].Group
	for _, id := range []string{"ledger-mirror", "metro-wire", "riverside-post"} {
		if byID[id].Group != wire {
			t.Errorf("%s is not in the wire group", id)
		}
		if id != "ledger-mirror" && byID[id].DuplicateOf != "" {
			t.Errorf("%s marked a near duplicate of %s; edited reprints are wire copies, not duplicates", id, byID[id].DuplicateOf)
		}
	}
	if byID["valley-tribune"].Group == wire {
		t.Errorf("the independent report was put in the wire group")
	}
}

func TestBuildProblems(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.txt")
	if err := os.WriteFile(junk, []byte("twitter\nfacebook\nSearch\nLoading...\nViews: 12\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	good := filepath.Join("..", "testdata", "iraq-visit", "003_77279b7efb73aeea.txt")

	c := build(t, missing, junk, good)
	if len(c.Sources) != 1 || c.Sources[0].ID != "003_77279b7efb73aeea" {
		t.Fatalf("sources = %d, want only the good file", len(c.Sources))
	}
	var msgs []string
	for _, p := range c.Problems {
		msgs = append(msgs, p.Error())
	}
	for _, want := range []string{missing + ": ", junk + ": no article text left after removing page junk"} {
		found := false
		for _, m := range msgs {
			found = found || strings.HasPrefix(m, want)
		}
		if !found {
			t.Errorf("no problem starting %q in %q", want, msgs)
		}
	}

	c, err := Build(context.Background(), []string{missing, junk}, Options{})
	if !errors.Is(err, ErrNoSources) || c == nil || len(c.Problems) != 2 {
		t.Errorf("all-bad inputs: err %v, corpus %v; want ErrNoSources with both problems", err, c)
	}
}

func TestBuildCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, []string{filepath.Join("..", "testdata")}, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build with a cancelled context: %v, want context.Canceled", err)
	}
}

func TestPlaceholderTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"&HT;": true, "---": true, "  ": true, "2023": true,
		"Aryan Nations Guards Testify": false, "AT&T; buys a rival": false, "Ébola: 12 dead": false,
	} {
		if got := placeholderTitle(title); got != want {
			t.Errorf("placeholderTitle(%q) = %v, want %v", title, got, want)
		}
	}
}
