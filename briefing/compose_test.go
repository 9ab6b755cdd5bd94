package briefing

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/load"
)

// composeCorpus is an invented two-report story, built once.
var composeCorpus = sync.OnceValues(func() (*summarize.Corpus, error) {
	p, err := summarize.NewPipeline()
	if err != nil {
		return nil, err
	}
	docs := []load.Document{
		{ID: "tide-gazette", Origin: "tide-gazette.txt", Input: "test", Format: load.FormatText,
			Text: "Storm surge flooded the seafront of Port Selby on Sunday night and forced the closure of the harbour.\n\n" +
				"The harbour master said about forty fishing boats had been torn from their moorings.\n\n" +
				"Volunteers spent Monday morning clearing sand and seaweed from the promenade.",
			Meta: load.Meta{Title: "Storm surge floods Port Selby seafront", Outlet: "Tide Gazette", Published: time.Date(2031, 11, 3, 8, 0, 0, 0, time.UTC)}},
		{ID: "coast-radio", Origin: "coast-radio.txt", Input: "test", Format: load.FormatText,
			Text: "The harbour at Port Selby was closed after a storm surge flooded the seafront on Sunday night.\n\n" +
				"The town council opened the sports centre as a shelter for families whose homes were flooded.\n\n" +
				"Forecasters expect calmer weather along the coast from Wednesday.",
			Meta: load.Meta{Title: "Port Selby harbour closed after surge", Outlet: "Coast Radio", Published: time.Date(2031, 11, 3, 11, 30, 0, 0, time.UTC)}},
	}
	return p.BuildDocuments(context.Background(), docs, summarize.Options{})
})

func loadComposeCorpus(t *testing.T) *summarize.Corpus {
	t.Helper()
	c, err := composeCorpus()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 2 {
		t.Fatalf("compose corpus has %d sources, want 2", len(c.Sources))
	}
	return c
}

// composeCite cites sentence k of source n (1-based) for the whole of an
// item's text, with the sentence as evidence.
func composeCite(c *summarize.Corpus, n, k int, text string) Citation {
	src := c.Sources[n-1]
	sp := src.Sentences[k].Span
	return Citation{N: n, Source: src.ID, At: len(text), Evidence: []Evidence{{Start: sp.Start, End: sp.End, Text: src.Text[sp.Start:sp.End]}}}
}

// corrupt moves a citation's evidence one byte on while keeping its text,
// as a writer that miscounted offsets would.
func corrupt(ct Citation) Citation {
	ct.Evidence = []Evidence{{Start: ct.Evidence[0].Start + 1, End: ct.Evidence[0].End + 1, Text: ct.Evidence[0].Text}}
	return ct
}

// composeBriefing is a correct briefing of the compose corpus: every
// line is a source's own sentence, cited for it. With bad, the second
// source's citation of the first key point and the only citation of the
// notable quote point into the wrong bytes.
func composeBriefing(c *summarize.Corpus, backend string, bad bool) *Briefing {
	s1, s2 := c.Sources[0], c.Sources[1]
	head := s1.SentenceText(0)
	kp1 := s2.SentenceText(0)
	kp2 := s1.SentenceText(1)
	kp3 := s2.SentenceText(1)
	quote := s1.SentenceText(2)
	b := &Briefing{
		Backend:  backend,
		Headline: Item{Text: head, Citations: []Citation{composeCite(c, 1, 0, head)}},
		Sections: []Section{
			{ID: SectionKeyPoints, Title: "Key points", Items: []Item{
				{Text: kp1, Citations: []Citation{composeCite(c, 1, 0, kp1), composeCite(c, 2, 0, kp1)}},
				{Text: kp2, Citations: []Citation{composeCite(c, 1, 1, kp2)}},
				{Text: kp3, Citations: []Citation{composeCite(c, 2, 1, kp3)}},
			}},
			{ID: SectionQuotes, Title: "Notable quotes", Items: []Item{
				{Text: quote, Citations: []Citation{composeCite(c, 1, 2, quote)}},
			}},
		},
		Sources: []SourceRef{{N: 1, ID: s1.ID, Outlet: s1.Outlet}, {N: 2, ID: s2.ID, Outlet: s2.Outlet}},
	}
	if bad {
		b.Sections[0].Items[0].Citations[1] = corrupt(b.Sections[0].Items[0].Citations[1])
		b.Sections[1].Items[0].Citations[0] = corrupt(b.Sections[1].Items[0].Citations[0])
	}
	return b
}

// composeWriter is a fake backend.
type composeWriter struct {
	backend string
	err     error
	bad     bool   // write a briefing with two corrupted citations
	cancel  func() // called before failing: the user pressed ^C meanwhile
	calls   int
}

func (w *composeWriter) Write(ctx context.Context, req Request) (*Briefing, error) {
	w.calls++
	if w.cancel != nil {
		w.cancel()
	}
	if w.err != nil {
		return nil, w.err
	}
	return composeBriefing(req.Corpus, w.backend, w.bad), nil
}

// namedWriter is a fake backend that names itself, as the LLM backends do.
type namedWriter struct{ composeWriter }

func (w *namedWriter) Name() string { return w.backend }

func TestCompose(t *testing.T) {
	c := loadComposeCorpus(t)
	errTimeout := errors.New("model request timed out after 60s")
	errFallback := errors.New("no sentence fits the budget")
	const dropNote = "The citation check removed 2 citation(s) and 1 sentence(s) that the cited sources do not support."

	tests := []struct {
		name     string
		writer   Writer
		fallback *composeWriter
		cancel   bool // the writer cancels the context before it fails
		// What comes back.
		wantErr      []string // substrings of the error; nil: no error
		wantIs       error
		wantBackend  string
		wantNotes    []string
		wantFallback int // calls to the fallback
		wantVerif    Verification
	}{
		{
			name:         "the writer succeeds",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model"}},
			fallback:     &composeWriter{backend: "extractive"},
			wantBackend:  "openai:test-model",
			wantFallback: 0,
			wantVerif:    Verification{Checked: 6, Verified: 6},
		},
		{
			name:         "a named writer fails: the fallback writes it",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model", err: errTimeout}},
			fallback:     &composeWriter{backend: "extractive"},
			wantBackend:  "extractive",
			wantNotes:    []string{"The openai:test-model backend failed (model request timed out after 60s); this briefing was written by the extractive method instead."},
			wantFallback: 1,
			wantVerif:    Verification{Checked: 6, Verified: 6},
		},
		{
			name:         "an unnamed writer fails: the fallback writes it",
			writer:       &composeWriter{backend: "custom", err: errTimeout},
			fallback:     &composeWriter{backend: "extractive"},
			wantBackend:  "extractive",
			wantNotes:    []string{"The first backend failed (model request timed out after 60s); this briefing was written by the extractive method instead."},
			wantFallback: 1,
			wantVerif:    Verification{Checked: 6, Verified: 6},
		},
		{
			name:         "the writer fails with no fallback",
			writer:       &composeWriter{err: errTimeout},
			wantErr:      []string{"model request timed out"},
			wantIs:       errTimeout,
			wantFallback: 0,
		},
		{
			name:         "both fail",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model", err: errTimeout}},
			fallback:     &composeWriter{backend: "extractive", err: errFallback},
			wantErr:      []string{"model request timed out", "no sentence fits the budget"},
			wantIs:       errTimeout,
			wantFallback: 1,
		},
		{
			name:         "cancelled while the writer fails: no fallback",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model", err: context.Canceled}},
			fallback:     &composeWriter{backend: "extractive"},
			cancel:       true,
			wantErr:      []string{"canceled"},
			wantIs:       context.Canceled,
			wantFallback: 0,
		},
		{
			name:         "cancelled while the writer fails for its own reason",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model", err: errTimeout}},
			fallback:     &composeWriter{backend: "extractive"},
			cancel:       true,
			wantErr:      []string{"model request timed out"},
			wantIs:       errTimeout,
			wantFallback: 0,
		},
		{
			name:         "no writer",
			fallback:     &composeWriter{backend: "extractive"},
			wantErr:      []string{"no backend"},
			wantFallback: 0,
		},
		{
			name:         "corrupted citations are dropped and counted",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model", bad: true}},
			fallback:     &composeWriter{backend: "extractive"},
			wantBackend:  "openai:test-model",
			wantNotes:    []string{dropNote},
			wantFallback: 0,
			wantVerif:    Verification{Checked: 6, Verified: 4, Dropped: 2, DroppedItems: 1},
		},
		{
			name:         "the fallback's briefing is checked too",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model", err: errTimeout}},
			fallback:     &composeWriter{backend: "extractive", bad: true},
			wantBackend:  "extractive",
			wantNotes:    []string{"The openai:test-model backend failed (model request timed out after 60s); this briefing was written by the extractive method instead.", dropNote},
			wantFallback: 1,
			wantVerif:    Verification{Checked: 6, Verified: 4, Dropped: 2, DroppedItems: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			switch w := tt.writer.(type) {
			case *composeWriter:
				if tt.cancel {
					w.cancel = cancel
				}
			case *namedWriter:
				if tt.cancel {
					w.cancel = cancel
				}
			}
			o := ComposeOptions{Writer: tt.writer, Verifier: NewVerifier()}
			if tt.fallback != nil {
				o.Fallback = tt.fallback
			}
			b, err := Compose(ctx, Request{Corpus: c, Words: 100}, o)

			if tt.fallback != nil && tt.fallback.calls != tt.wantFallback {
				t.Errorf("fallback called %d times, want %d", tt.fallback.calls, tt.wantFallback)
			}
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("no error; briefing %+v", b)
				}
				if b != nil {
					t.Errorf("error %v came with a briefing", err)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not mention %q", err, w)
					}
				}
				if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
					t.Errorf("error %q does not wrap %q", err, tt.wantIs)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.Backend != tt.wantBackend {
				t.Errorf("backend %q, want %q", b.Backend, tt.wantBackend)
			}
			if fmt.Sprint(b.Notes) != fmt.Sprint(tt.wantNotes) {
				t.Errorf("notes %q\nwant  %q", b.Notes, tt.wantNotes)
			}
			if b.Verification != tt.wantVerif {
				t.Errorf("verification %+v, want %+v", b.Verification, tt.wantVerif)
			}
			// What is left is only what the sources support.
			checkComposed(t, b, c)
		})
	}
}

// checkComposed: after Compose every line left has citations, all
// verified, and no section is empty.
func checkComposed(t *testing.T, b *Briefing, c *summarize.Corpus) {
	t.Helper()
	check := func(where string, it Item) {
		if len(it.Citations) == 0 {
			t.Errorf("%s %q left without citations", where, it.Text)
		}
		for _, ct := range it.Citations {
			if ct.Status != StatusVerified {
				t.Errorf("%s %q: citation [%d] left with status %q", where, it.Text, ct.N, ct.Status)
			}
			src := c.Sources[ct.N-1]
			for _, e := range ct.Evidence {
				if src.Text[e.Start:e.End] != e.Text {
					t.Errorf("%s: citation [%d] evidence %q is not the source's text", where, ct.N, e.Text)
				}
			}
		}
	}
	check("headline", b.Headline)
	for _, s := range b.Sections {
		if len(s.Items) == 0 {
			t.Errorf("section %s left empty", s.ID)
		}
		for _, it := range s.Items {
			check(s.ID, it)
		}
	}
}

// The corrupted parts are what goes: the key point keeps its good
// citation, the quote backed only by a bad one is removed, and its
// section with it.
func TestComposeDropsOnlyWhatFails(t *testing.T) {
	c := loadComposeCorpus(t)
	w := &composeWriter{backend: "openai:test-model", bad: true}
	b, err := Compose(context.Background(), Request{Corpus: c}, ComposeOptions{Writer: w})
	if err != nil {
		t.Fatal(err)
	}
	want := composeBriefing(c, "openai:test-model", false)
	if len(b.Sections) != 1 || b.Sections[0].ID != SectionKeyPoints {
		t.Fatalf("sections %+v, want only the key points", b.Sections)
	}
	kp := b.Sections[0].Items
	if len(kp) != 3 {
		t.Fatalf("%d key points left, want all 3", len(kp))
	}
	first := kp[0]
	if first.Text != want.Sections[0].Items[0].Text || len(first.Citations) != 1 || first.Citations[0].Source != c.Sources[0].ID {
		t.Errorf("first key point %+v, want it kept with only the first source's citation", first)
	}
	if b.Headline.Text != want.Headline.Text || len(b.Headline.Citations) != 1 {
		t.Errorf("headline %+v changed", b.Headline)
	}
}

// A backend that returns neither a briefing nor an error is a failure,
// not a nil page for the renderers.
func TestComposeNilBriefingIsAFailure(t *testing.T) {
	nilWriter := writerFunc(func(context.Context, Request) (*Briefing, error) { return nil, nil })
	if b, err := Compose(context.Background(), Request{}, ComposeOptions{Writer: nilWriter}); err == nil || b != nil {
		t.Errorf("nil briefing from the writer: got %v, %v; want an error", b, err)
	}
	if _, err := Compose(context.Background(), Request{}, ComposeOptions{Writer: nilWriter, Fallback: nilWriter}); err == nil {
		t.Error("nil briefing from writer and fallback: no error")
	}
}

type writerFunc func(context.Context, Request) (*Briefing, error)

func (f writerFunc) Write(ctx context.Context, r Request) (*Briefing, error) { return f(ctx, r) }

func TestComposeEmptyBriefingIsAnError(t *testing.T) {
	empty := writerFunc(func(context.Context, Request) (*Briefing, error) { return &Briefing{Backend: "test"}, nil })
	if _, err := Compose(context.Background(), Request{}, ComposeOptions{Writer: empty}); !errors.Is(err, ErrNothingToSay) {
		t.Errorf("empty briefing: err %v, want ErrNothingToSay", err)
	}
}
