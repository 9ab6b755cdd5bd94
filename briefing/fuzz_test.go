package briefing_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/extractive"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
	"github.com/brieftool/brief/summarize/load"
)

// pipelineExts are the names the fuzzed bytes are given: each sends them
// down another reader, and "" leaves the choice to sniffing.
var pipelineExts = []string{".txt", ".html", ".jsonl", ".json", ".xml", ".md", ".rss", "", ".atom", ".htm"}

// noNetwork fails every request: a fuzzed page or feed must not make the
// test reach out, whatever it links to.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("network disabled in fuzzing")
}

// FuzzPipeline runs what `brief report` runs, on arbitrary bytes written
// as one or two input files: the corpus stage, the fact table, the
// extractive briefing with its citation check, and every output format,
// twice, since a page must not depend on the run.
// names picks each file's extension (a nibble each); cut, when inside
// data, splits it into two files.
func FuzzPipeline(f *testing.F) {
	for _, seed := range []struct {
		files []string
		names uint8
	}{
		{[]string{"../testdata/iraq-visit/000_451345e76f8269f1.txt", "../testdata/iraq-visit/001_9c29b4ed53a64ff3.txt"}, 0x00},
		{[]string{"../testdata/wire-copies/daily-ledger.txt", "../testdata/wire-copies/metro-wire.txt"}, 0x70},
		{[]string{"../summarize/load/testdata/records.jsonl"}, 0x02},
		{[]string{"../summarize/load/testdata/feed.rss", "../testdata/iraq-visit/002_68d94c651c4fe79d.txt"}, 0x04},
		{[]string{"../summarize/load/testdata/article.html", "../summarize/load/testdata/story.md"}, 0x51},
	} {
		var data []byte
		var cut uint16
		for i, name := range seed.files {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			if i == 1 {
				cut = uint16(len(data))
			}
			data = append(data, b...)
		}
		f.Add(data, seed.names, cut)
	}
	f.Add([]byte("Troops arrived on Tuesday. 2,500 troops remain, officials said.\n\nThe minister said 3,000."), uint8(0), uint16(0))

	p, err := summarize.NewPipeline()
	if err != nil {
		f.Fatal(err)
	}
	x := facts.NewExtractor()
	v := briefing.NewVerifier()
	w := extractive.New(v)
	f.Fuzz(func(t *testing.T, data []byte, names uint8, cut uint16) {
		// Big inputs only make each run slow; the readers' size limits
		// are tested where they are set.
		if len(data) > 64<<10 {
			return
		}
		dir := t.TempDir()
		parts := [][]byte{data}
		if c := int(cut); c > 0 && c < len(data) {
			parts = [][]byte{data[:c], data[c:]}
		}
		var inputs []string
		for i, part := range parts {
			ext := pipelineExts[int(names>>(4*i)&0xf)%len(pipelineExts)]
			name := filepath.Join(dir, fmt.Sprintf("in%d%s", i+1, ext))
			if err := os.WriteFile(name, part, 0o644); err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, name)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()

		page, ok := briefPage(t, ctx, p, x, w, v, inputs)
		if !ok {
			return
		}
		// The same inputs give the same page on every run, whatever the
		// scheduling of the stages' workers.
		if again, _ := briefPage(t, ctx, p, x, w, v, inputs); !bytes.Equal(page, again) {
			t.Fatalf("two runs gave different pages:\n%s\n----\n%s", page, again)
		}
	})
}

// briefPage runs the pipeline on inputs and checks what it produced; it
// returns the JSON page, or false when the inputs have nothing to brief.
func briefPage(t *testing.T, ctx context.Context, p *summarize.Pipeline, x *facts.Extractor, w briefing.Writer, v *briefing.Verifier, inputs []string) ([]byte, bool) {
	t.Helper()
	opts := summarize.Options{Load: load.Options{NoFetchLinked: true, Client: &http.Client{Transport: noNetwork{}}}}
	corpus, err := p.Build(ctx, inputs, opts)
	if corpus != nil {
		for _, pr := range corpus.Problems {
			// The CLI prints one problem a line.
			if msg := pr.Error(); strings.ContainsAny(msg, "\r\n") || !utf8.ValidString(msg) {
				t.Fatalf("problem message %q is not one line of UTF-8", msg)
			}
		}
	}
	if errors.Is(err, summarize.ErrNoSources) {
		return nil, false
	}
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	table, err := x.Build(ctx, corpus, facts.Options{})
	if err != nil {
		t.Fatalf("fact table: %v", err)
	}
	req := briefing.Request{Corpus: corpus, Table: table, Words: briefing.DefaultWords, MinConfidence: 0.5}
	b, err := briefing.Compose(ctx, req, briefing.ComposeOptions{Writer: w, Verifier: v, OnUnsupported: briefing.PolicyDrop})
	if errors.Is(err, briefing.ErrNothingToSay) {
		return nil, false
	}
	if err != nil {
		t.Fatalf("briefing: %v", err)
	}
	checkCitations(t, corpus, b)
	var page []byte
	for _, format := range briefing.BriefingFormats() {
		var out bytes.Buffer
		if err := briefing.RenderBriefing(&out, b, format, briefing.Style{Width: 80}, "brief fuzz"); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if !utf8.Valid(out.Bytes()) {
			t.Fatalf("%s output is not UTF-8: %q", format, out.Bytes())
		}
		if format == briefing.FormatJSON {
			var doc briefing.BriefingDocument
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil || doc.Briefing == nil {
				t.Fatalf("JSON output does not read back (%v): %s", err, out.Bytes())
			}
			page = out.Bytes()
		}
	}
	return page, true
}

// checkCitations: every citation on the page names a listed source, the
// list names sources of the corpus, and every quoted span is the cited
// source's own text.
func checkCitations(t *testing.T, c *summarize.Corpus, b *briefing.Briefing) {
	t.Helper()
	byID := make(map[string]*summarize.Source, len(c.Sources))
	for _, s := range c.Sources {
		byID[s.ID] = s
	}
	for i, ref := range b.Sources {
		if ref.N != i+1 || byID[ref.ID] == nil {
			t.Fatalf("source list entry %d is %+v: misnumbered or not in the corpus", i, ref)
		}
	}
	check := func(where string, it briefing.Item) {
		if it.Text == "" {
			return
		}
		if !utf8.ValidString(it.Text) {
			t.Fatalf("%s: text %q is not UTF-8", where, it.Text)
		}
		if len(it.Citations) == 0 || it.Unsupported() {
			t.Fatalf("%s: %q kept with citations %+v, verdict %q", where, it.Text, it.Citations, it.Verdict)
		}
		for _, ct := range it.Citations {
			if ct.N < 1 || ct.N > len(b.Sources) || b.Sources[ct.N-1].ID != ct.Source {
				t.Fatalf("%s: citation %+v names no listed source (%d listed)", where, ct, len(b.Sources))
			}
			if ct.At < 0 || ct.At > len(it.Text) {
				t.Fatalf("%s: citation at %d outside %q", where, ct.At, it.Text)
			}
			src := byID[ct.Source]
			for _, ev := range ct.Evidence {
				if ev.Start < 0 || ev.End < ev.Start || ev.End > len(src.Text) || src.Text[ev.Start:ev.End] != ev.Text {
					t.Fatalf("%s: evidence %+v is not a span of source %s", where, ev, src.ID)
				}
			}
		}
	}
	check("headline", b.Headline)
	for _, sec := range b.Sections {
		for k, it := range sec.Items {
			check(fmt.Sprintf("%s item %d", sec.ID, k), it)
		}
	}
	for _, row := range b.Coverage.Rows {
		for _, n := range row.Sources {
			if n < 1 || n > len(b.Sources) {
				t.Fatalf("coverage row %q names source %d of %d", row.Fact, n, len(b.Sources))
			}
		}
	}
}
