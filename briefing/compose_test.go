package briefing

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"slices"
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
	const fallbackNote = "The openai:test-model backend failed (model request timed out after 60s); this briefing was written by the extractive method instead."
	allVerified := Verification{Checked: 6, Verified: 6, Sentences: 5, Passed: 5}
	quoteDropped := Verification{Checked: 6, Verified: 4, Dropped: 2, DroppedItems: 1, Sentences: 5, Passed: 4,
		Rejected: []Rejected{{Section: SectionQuotes, Text: c.Sources[0].SentenceText(2), Reason: "evidence not in source"}}}

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
		wantWarn     []string
		wantVerif    Verification
	}{
		{
			name:         "the writer succeeds",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model"}},
			fallback:     &composeWriter{backend: "extractive"},
			wantBackend:  "openai:test-model",
			wantFallback: 0,
			wantVerif:    allVerified,
		},
		{
			name:         "a named writer fails: the fallback writes it",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model", err: errTimeout}},
			fallback:     &composeWriter{backend: "extractive"},
			wantBackend:  "extractive",
			wantNotes:    []string{fallbackNote},
			wantFallback: 1,
			wantWarn:     []string{fallbackNote},
			wantVerif:    allVerified,
		},
		{
			name:         "an unnamed writer fails: the fallback writes it",
			writer:       &composeWriter{backend: "custom", err: errTimeout},
			fallback:     &composeWriter{backend: "extractive"},
			wantBackend:  "extractive",
			wantNotes:    []string{"The first backend failed (model request timed out after 60s); this briefing was written by the extractive method instead."},
			wantFallback: 1,
			wantWarn:     []string{"The first backend failed (model request timed out after 60s); this briefing was written by the extractive method instead."},
			wantVerif:    allVerified,
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
			wantVerif:    quoteDropped,
		},
		{
			name:         "the fallback's briefing is checked too",
			writer:       &namedWriter{composeWriter{backend: "openai:test-model", err: errTimeout}},
			fallback:     &composeWriter{backend: "extractive", bad: true},
			wantBackend:  "extractive",
			wantNotes:    []string{fallbackNote, dropNote},
			wantFallback: 1,
			wantWarn:     []string{fallbackNote},
			wantVerif:    quoteDropped,
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
			var warned []string
			o := ComposeOptions{Writer: tt.writer, Verifier: NewVerifier(), Warn: func(msg string) { warned = append(warned, msg) }}
			if tt.fallback != nil {
				o.Fallback = tt.fallback
			}
			b, err := Compose(ctx, Request{Corpus: c, Words: 100}, o)

			if tt.fallback != nil && tt.fallback.calls != tt.wantFallback {
				t.Errorf("fallback called %d times, want %d", tt.fallback.calls, tt.wantFallback)
			}
			// One warning when the fallback wrote the briefing, none
			// otherwise, even when the fallback failed too.
			if fmt.Sprint(warned) != fmt.Sprint(tt.wantWarn) {
				t.Errorf("warnings %q, want %q", warned, tt.wantWarn)
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
			if !reflect.DeepEqual(b.Verification, tt.wantVerif) {
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

// Sentences of policyBriefing: a model's briefing of the seed corpus with
// one of each kind of sentence a model gets wrong, beside ones it gets
// right.
const (
	pSupported = kTroops  // cited by two sources that state it
	pNoSource  = kGeneral // cites a source id the corpus does not have
	pQuote     = "Austin said the United States will continue to “deepen and widen” its partnership with Iraq."
	pNumber    = "Some 3,500 US troops remain in Iraq."
	pUncited   = "Austin is expected to return to Baghdad before the end of the year."
	pOneBad    = kMarch7 // supported by one citation; the other fails
	pKilled    = "The 2003 invasion killed tens of thousands of Iraqi civilians, Reuters reports."
)

func policyBriefing(t testing.TB, c *summarize.Corpus) *Briefing {
	sb := verifySeedBuilder{t, c}
	b := &Briefing{Backend: "openai:test-model", Budget: 250}
	for i, s := range c.Sources {
		b.Sources = append(b.Sources, SourceRef{N: i + 1, ID: s.ID, Outlet: s.Outlet, Title: s.Title, Group: s.Group})
	}
	invented := sb.cite(5, s5General)
	invented.Source = "005_0123456789abcdef"
	misnumbered := sb.cite(5, s5Trip)
	misnumbered.N = 2 // source 5's evidence under source 2's number
	b.Headline = claimItem(kHeadline, sb.cite(2, s2Arrived), sb.cite(4, s4Surprise))
	b.Sections = []Section{
		{ID: SectionKeyPoints, Title: "Key points", Items: []Item{
			claimItem(pSupported, sb.cite(1, s1Troops), sb.cite(4, s4Troops)),
			claimItem(pNoSource, invented),
			claimItem(pQuote, sb.cite(3, s3Remain)),
			claimItem(pNumber, sb.cite(4, s4Troops)),
			{Text: pUncited},
			claimItem(pOneBad, sb.cite(3, s3Trip), misnumbered),
		}},
		{ID: SectionBackground, Title: "Background", Items: []Item{claimItem(pKilled, sb.cite(5, s5Killed))}},
	}
	return b
}

// TestComposeOnUnsupported: what each policy does with the unsupported
// sentences of a model's briefing, and what the reader sees of them in
// every format.
func TestComposeOnUnsupported(t *testing.T) {
	c := loadVerifySeeds(t)
	// The unsupported sentences, in page order, with why.
	rejected := []Rejected{
		{SectionKeyPoints, pNoSource, "unknown source"},
		{SectionKeyPoints, pQuote, "quote not found verbatim"},
		{SectionKeyPoints, pNumber, "number 3,500 not in evidence"},
		{SectionKeyPoints, pUncited, ReasonNoCitation},
	}
	// Each line as the text and Markdown pages print it, by sentence:
	// under mark, and under drop (nil: removed).
	markLines := map[string]policyLines{
		kHeadline:  {kHeadline[:len(kHeadline)-1] + " [2][4].", "# " + kHeadline[:len(kHeadline)-1] + " [2][4]."},
		pSupported: {"  • Some 2,500 US troops remain in Iraq [1][4].", "- Some 2,500 US troops remain in Iraq [1][4]."},
		pNoSource: {"  • ⚠ Austin was the last commanding general of US forces in Iraq after the invasion [5?]. (unsupported: unknown source)",
			"- ⚠ Austin was the last commanding general of US forces in Iraq after the invasion [5?]. (unsupported: unknown source)"},
		pQuote: {"  • ⚠ Austin said the United States will continue to “deepen and widen” its partnership with Iraq [3?]. (unsupported: quote not found verbatim)",
			"- ⚠ Austin said the United States will continue to “deepen and widen” its partnership with Iraq [3?]. (unsupported: quote not found verbatim)"},
		pNumber: {"  • ⚠ Some 3,500 US troops remain in Iraq [4?]. (unsupported: number 3,500 not in evidence)",
			"- ⚠ Some 3,500 US troops remain in Iraq [4?]. (unsupported: number 3,500 not in evidence)"},
		pUncited: {"  • ⚠ Austin is expected to return to Baghdad before the end of the year. (unsupported: cites no source)",
			"- ⚠ Austin is expected to return to Baghdad before the end of the year. (unsupported: cites no source)"},
		pOneBad: {"  • Lloyd Austin made an unannounced trip to Iraq on March 7 [3][2?].", "- Lloyd Austin made an unannounced trip to Iraq on March 7 [3][2?]."},
		pKilled: {"  The 2003 invasion killed tens of thousands of Iraqi civilians, Reuters reports [5].",
			"The 2003 invasion killed tens of thousands of Iraqi civilians, Reuters reports [5]."},
	}
	dropLines := map[string]policyLines{
		kHeadline:  markLines[kHeadline],
		pSupported: markLines[pSupported],
		pOneBad:    {"  • Lloyd Austin made an unannounced trip to Iraq on March 7 [3].", "- Lloyd Austin made an unannounced trip to Iraq on March 7 [3]."},
		pKilled:    markLines[pKilled],
	}
	const (
		dropNote   = "The citation check removed 4 citation(s) and 4 sentence(s) that the cited sources do not support."
		markNote   = "4 sentence(s) are marked ⚠ unsupported: the cited sources do not state them as written."
		failedNote = "4 citation(s) failed the check and are shown with a question mark, as in [5?]."
	)
	errTimeout := errors.New("model request timed out after 60s")
	fallbackNote := "The openai:test-model backend failed (model request timed out after 60s); this briefing was written by the extractive method instead."
	dropped := Verification{Checked: 10, Verified: 6, Dropped: 4, DroppedItems: 4, Sentences: 8, Passed: 4, Rejected: rejected}

	// writes is a backend that writes policyBriefing.
	writes := func(backend string) *namedWriter {
		return &namedWriter{composeWriter{backend: backend}}
	}
	tests := []struct {
		name     string
		policy   Policy
		writer   Writer
		fallback Writer
		// A briefing, or the unsupported error and nothing else.
		wantErr   string
		wantVerif Verification
		wantLines map[string]policyLines
		wantNotes []string
		wantWarn  int
		footer    string // in the text page's footer
	}{
		{
			name: "drop is the default", policy: "", writer: writes("openai:test-model"),
			wantVerif: dropped, wantLines: dropLines, wantNotes: []string{dropNote},
			footer: "Citation check: 8 sentences, 4 supported, 4 dropped; 10 citations, 6 verified, 4 dropped.",
		},
		{
			name: "drop", policy: PolicyDrop, writer: writes("openai:test-model"),
			wantVerif: dropped, wantLines: dropLines, wantNotes: []string{dropNote},
			footer: "Citation check: 8 sentences, 4 supported, 4 dropped; 10 citations, 6 verified, 4 dropped.",
		},
		{
			name: "mark", policy: PolicyMark, writer: writes("openai:test-model"),
			wantVerif: Verification{Checked: 10, Verified: 6, Sentences: 8, Passed: 4, Marked: 4},
			wantLines: markLines, wantNotes: []string{markNote, failedNote},
			footer: "Citation check: 8 sentences, 4 supported, 4 marked unsupported; 10 citations, 6 verified, 4 failed.",
		},
		{
			name: "fail", policy: PolicyFail, writer: writes("openai:test-model"),
			wantErr: `the citation check found 4 unsupported sentence(s): ` +
				`"Austin was the last commanding general of US forces in Iraq after the invasion." (unknown source); ` +
				`"Austin said the United States will continue to “deepen and widen” its partnership with Iraq." (quote not found verbatim); ` +
				`"Some 3,500 US troops remain in Iraq." (number 3,500 not in evidence); and 1 more`,
		},
		{
			name: "fail after the fallback wrote it", policy: PolicyFail,
			writer:   &namedWriter{composeWriter{backend: "openai:test-model", err: errTimeout}},
			fallback: writes("extractive"),
			wantErr:  "the citation check found 4 unsupported sentence(s)", wantWarn: 1,
		},
		{
			name: "mark after the fallback wrote it", policy: PolicyMark,
			writer:    &namedWriter{composeWriter{backend: "openai:test-model", err: errTimeout}},
			fallback:  writes("extractive"),
			wantVerif: Verification{Checked: 10, Verified: 6, Sentences: 8, Passed: 4, Marked: 4},
			wantLines: markLines, wantNotes: []string{fallbackNote, markNote, failedNote}, wantWarn: 1,
			footer: "Citation check: 8 sentences, 4 supported, 4 marked unsupported; 10 citations, 6 verified, 4 failed.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warnings []string
			o := ComposeOptions{Writer: policyWriter{tt.writer, t}, OnUnsupported: tt.policy, Verifier: NewVerifier(),
				Warn: func(msg string) { warnings = append(warnings, msg) }}
			if tt.fallback != nil {
				o.Fallback = policyWriter{tt.fallback, t}
			}
			b, err := Compose(context.Background(), Request{Corpus: c}, o)
			if len(warnings) != tt.wantWarn {
				t.Errorf("warned %d times (%q), want %d", len(warnings), warnings, tt.wantWarn)
			}
			if tt.wantErr != "" {
				var ue *UnsupportedError
				if !errors.As(err, &ue) {
					t.Fatalf("err %v, want an *UnsupportedError", err)
				}
				if b != nil {
					t.Error("an unsupported briefing came back with the error")
				}
				if !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Errorf("error\n %s\nwant\n %s", err, tt.wantErr)
				}
				if !reflect.DeepEqual(ue.Sentences, rejected) {
					t.Errorf("error names %+v, want %+v", ue.Sentences, rejected)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(b.Verification, tt.wantVerif) {
				t.Errorf("verification %+v\nwant         %+v", b.Verification, tt.wantVerif)
			}
			if fmt.Sprint(b.Notes) != fmt.Sprint(tt.wantNotes) {
				t.Errorf("notes %q\nwant  %q", b.Notes, tt.wantNotes)
			}
			// Verdicts: every item left has one, and only the
			// unsupported sentences are unsupported, with their reason.
			why := map[string]string{}
			for _, r := range rejected {
				why[r.Text] = r.Reason
			}
			left := 0
			eachItem(b, func(label string, it Item) {
				left++
				wantVerdict := VerdictSupported
				if why[it.Text] != "" {
					wantVerdict = VerdictUnsupported
				}
				if it.Verdict != wantVerdict || it.Reason != why[it.Text] {
					t.Errorf("%s: verdict %q (%q), want %q (%q)", label, it.Verdict, it.Reason, wantVerdict, why[it.Text])
				}
			})
			if left != len(tt.wantLines) {
				t.Errorf("%d items left, want %d", left, len(tt.wantLines))
			}
			checkPolicyPages(t, b, tt.wantLines, why, tt.footer)
		})
	}
}

// policyLines is a sentence's line on the text page and the Markdown
// page.
type policyLines struct{ text, md string }

// policyWriter writes policyBriefing for a fake backend, or fails as it
// does.
type policyWriter struct {
	w Writer
	t testing.TB
}

func (p policyWriter) Name() string { return backendName(p.w) }

func (p policyWriter) Write(ctx context.Context, req Request) (*Briefing, error) {
	b, err := p.w.Write(ctx, req)
	if err != nil {
		return nil, err
	}
	pb := policyBriefing(p.t, req.Corpus)
	pb.Backend = b.Backend
	return pb, nil
}

// checkPolicyPages renders b in every format and checks what a reader
// sees: each sentence left on its own line exactly as wanted (⚠ and the
// reason on the unsupported ones, [n?] on failed citations), no sentence
// removed anywhere, the HTML page marking exactly the unsupported items
// with the reason in its text, and the JSON keeping every verdict.
func checkPolicyPages(t *testing.T, b *Briefing, want map[string]policyLines, why map[string]string, footer string) {
	t.Helper()
	render := func(f Format) string {
		var buf bytes.Buffer
		if err := RenderBriefing(&buf, b, f, Style{Width: 400}, "brief test"); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	pages := map[Format]string{}
	for _, f := range BriefingFormats() {
		pages[f] = render(f)
	}
	for _, f := range []Format{FormatText, FormatMarkdown} {
		page := pages[f]
		lines := strings.Split(page, "\n")
		for _, w := range want {
			line := w.text
			if f == FormatMarkdown {
				line = w.md
			}
			if !slices.Contains(lines, line) {
				t.Errorf("%s: no line reads\n %s\npage:\n%s", f, line, page)
			}
		}
		for text := range why {
			if _, ok := want[text]; !ok && strings.Contains(page, strings.TrimSuffix(text, ".")) {
				t.Errorf("%s: the removed sentence %q is on the page", f, text)
			}
		}
		// The ⚠ opens exactly the unsupported lines: the only others
		// are in the footer's note.
		signs := 0
		for _, l := range lines {
			l = strings.TrimLeft(l, " •-#")
			if strings.HasPrefix(l, UnsupportedSign) {
				signs++
			}
		}
		if wantSigns := countUnsupported(b); signs != wantSigns {
			t.Errorf("%s: %d lines open with %s, want %d", f, signs, UnsupportedSign, wantSigns)
		}
		if !strings.Contains(oneLine(strings.NewReplacer("*", "", `\`, "").Replace(page)), footer) {
			t.Errorf("%s: the footer does not read %q", f, footer)
		}
	}

	// HTML: the items, in <li> or the background paragraph's text, are
	// marked when, and only when, unsupported, with the reason printed.
	page := pages[FormatHTML]
	noFetches(t, page)
	for text := range want {
		esc := template.HTMLEscapeString(strings.TrimSuffix(text, "."))
		k := strings.Index(page, esc)
		if k < 0 {
			t.Errorf("html: %q is not on the page", text)
			continue
		}
		// The item's markup: what its line has before it, and after it
		// up to the end of its list item or paragraph.
		open := page[strings.LastIndex(page[:k], "\n")+1 : k]
		item := page[k : k+strings.Index(page[k:], "\n")]
		if i := strings.Index(item, "</li>"); i >= 0 {
			item = item[:i]
		}
		if r := why[text]; r != "" {
			if !strings.HasSuffix(open, `<li><span class="unsupported"><span class="sign">⚠</span> `) {
				t.Errorf("html: %q opens %q, want the unsupported mark", text, open)
			}
			if !strings.HasSuffix(item, `<span class="reason">(unsupported: `+template.HTMLEscapeString(r)+`)</span></span>`) {
				t.Errorf("html: %q lacks its reason: %s", text, item)
			}
		} else if strings.HasSuffix(open, "</span> ") || strings.Contains(item, `class="reason"`) {
			t.Errorf("html: supported %q is marked: %s%s", text, open, item)
		}
	}
	if got, wantN := strings.Count(page, `<span class="unsupported">`), countUnsupported(b); got != wantN {
		t.Errorf("html: %d items marked unsupported, want %d", got, wantN)
	}
	failed := 0
	eachItem(b, func(_ string, it Item) {
		for _, c := range it.Citations {
			if c.Status != StatusVerified {
				failed++
			}
		}
	})
	if got := strings.Count(page, `class="cite unverified"`); got != failed || strings.Count(page, `?]</a>`) != failed {
		t.Errorf("html: %d failed citation markers, want %d", got, failed)
	}

	// JSON keeps the verdicts, the reasons and the failed citations.
	var doc BriefingDocument
	if err := json.Unmarshal([]byte(pages[FormatJSON]), &doc); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.Briefing.Verification, b.Verification) {
		t.Errorf("json: verification %+v, want %+v", doc.Briefing.Verification, b.Verification)
	}
	eachItem(doc.Briefing, func(label string, it Item) {
		if it.Verdict == "" || it.Reason != why[it.Text] {
			t.Errorf("json: %s: verdict %q, reason %q", label, it.Verdict, it.Reason)
		}
	})
}

func countUnsupported(b *Briefing) int {
	n := 0
	eachItem(b, func(_ string, it Item) {
		if it.Unsupported() {
			n++
		}
	})
	return n
}

// A source whose only citation the check dropped leaves the list, and the
// numbers after it close up in citations and coverage alike.
func TestPruneSources(t *testing.T) {
	b := &Briefing{
		Sources:  []SourceRef{{N: 1, ID: "a"}, {N: 2, ID: "b"}, {N: 3, ID: "c"}, {N: 4, ID: "d"}},
		Headline: Item{Text: "H", Citations: []Citation{{N: 3, Source: "c"}}},
		Sections: []Section{{ID: SectionKeyPoints, Items: []Item{{Text: "K", Citations: []Citation{{N: 1, Source: "a"}, {N: 3, Source: "c"}}}}}},
		Coverage: Coverage{Rows: []CoverageRow{{Fact: "f1", Sources: []int{1, 4}}}},
	}
	PruneSources(b)
	var ids []string
	for i, s := range b.Sources {
		if s.N != i+1 {
			t.Errorf("source %s numbered %d at position %d", s.ID, s.N, i+1)
		}
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, ",") != "a,c,d" {
		t.Errorf("sources %v, want a,c,d (b is used by nothing)", ids)
	}
	if b.Headline.Citations[0].N != 2 || b.Sections[0].Items[0].Citations[1].N != 2 {
		t.Errorf("citations of c not renumbered to 2: %+v %+v", b.Headline.Citations, b.Sections[0].Items[0].Citations)
	}
	if got := b.Coverage.Rows[0].Sources; got[0] != 1 || got[1] != 3 {
		t.Errorf("coverage sources %v, want [1 3]", got)
	}
}
