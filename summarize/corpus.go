// Package summarize turns a pile of articles into a clean, deduplicated
// corpus and, in later stages, a fact table. It knows nothing of LLMs or
// the command line.
//
// The corpus stage runs, per article: load (summarize/load), strip page
// junk and detect header metadata (summarize/clean), drop repeated
// paragraphs (summarize/dedup), split sentences with byte offsets
// (summarize/segment). Then, across articles: near-duplicate articles and
// syndication groups (summarize/dedup), so that later stages count one
// wire story reprinted by five sites once.
package summarize

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"
	"unicode"

	"github.com/brieftool/brief/internal/pool"

	"github.com/brieftool/brief/summarize/clean"
	"github.com/brieftool/brief/summarize/dedup"
	"github.com/brieftool/brief/summarize/lang"
	"github.com/brieftool/brief/summarize/load"
	"github.com/brieftool/brief/summarize/segment"
)

// Span is a byte range [Start, End) in a source's cleaned Text.
type Span struct {
	Start, End int
}

// Sentence is a sentence of a source's cleaned text.
type Sentence struct {
	Span
	Paragraph int // index into Source.Paragraphs
}

// Dropped is a paragraph removed because the source already says it.
type Dropped struct {
	Text       string
	Reason     string // "duplicate", "near_duplicate" or "repeated_lede"
	Of         int    // index into Source.Paragraphs of the copy that was kept
	Similarity float64
}

// Provenance says where each detected field was found: "metadata" for
// fields the input declared (HTML meta tags, JSON fields, feed items),
// otherwise the clean package's From* values ("header", "copyright", ...).
type Provenance struct {
	Title, Outlet, Published, Language string
}

// Source is one article after cleaning and deduplication.
type Source struct {
	Index  int    // position in the corpus
	ID     string // stable across runs
	Input  string // the INPUT argument it came from
	Origin string // file path, URL, "stdin", "file.jsonl:12"
	URL    string
	Format string

	Title, Outlet, Author, Section, Language string
	Agencies                                 []string // wire agencies the page credits
	Published                                time.Time
	HasTime                                  bool
	Provenance                               Provenance

	// Text is the cleaned article: kept paragraphs joined by blank lines.
	// Every offset in Paragraphs and Sentences indexes it.
	Text       string
	Paragraphs []Span
	Sentences  []Sentence
	Words      int

	Removed []clean.Removal
	Dropped []Dropped

	// DuplicateOf is the ID of an earlier source this one nearly repeats.
	DuplicateOf string
	Similarity  float64
	// Group indexes Corpus.Groups: the syndication group this source
	// belongs to (every source has one, most alone).
	Group int

	Warnings []string
}

// SentenceText returns the text of sentence i.
func (s *Source) SentenceText(i int) string {
	sp := s.Sentences[i].Span
	return s.Text[sp.Start:sp.End]
}

// Group is a set of sources that share substantial passages (wire copy),
// or repeat each other; later stages count a group as one independent
// source.
type Group struct {
	Members []int // indexes into Corpus.Sources
	// Shared is the smallest share of text that tied a member in.
	Shared float64
}

// Problem is an input, or part of one, that could not be used, or was
// used with a caveat (Warning).
type Problem struct {
	Input   string
	Err     error
	Warning bool
}

func (p Problem) Error() string { return fmt.Sprintf("%s: %v", p.Input, p.Err) }
func (p Problem) Unwrap() error { return p.Err }

// Corpus is the clean, deduplicated set of sources.
type Corpus struct {
	Sources  []*Source
	Groups   []Group
	Problems []Problem
}

// Independent counts the sources that are not copies of one another:
// one per syndication group.
func (c *Corpus) Independent() int { return len(c.Groups) }

// Duplicates counts the sources that nearly repeat an earlier one.
func (c *Corpus) Duplicates() int {
	n := 0
	for _, s := range c.Sources {
		if s.DuplicateOf != "" {
			n++
		}
	}
	return n
}

// Options configure Build. Zero values take defaults.
type Options struct {
	Load    load.Options
	Dedup   dedup.Params // zero value: dedup.DefaultParams()
	Workers int          // default GOMAXPROCS
}

// ErrNoSources is returned when no input yields a usable source.
var ErrNoSources = errors.New("no usable source")

// Pipeline holds what is costly to build (sentence model, compiled
// patterns) so that it is built once per process, not once per call.
type Pipeline struct {
	cleaner  *clean.Cleaner
	splitter *segment.Splitter
	lang     *lang.Detector
}

// NewPipeline builds the stages' models.
func NewPipeline() (*Pipeline, error) {
	sp, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("loading the sentence model: %w", err)
	}
	return &Pipeline{cleaner: clean.New(), splitter: sp, lang: lang.New()}, nil
}

// Build loads, cleans, segments and deduplicates the inputs. Problems with
// single inputs are collected in Corpus.Problems and do not stop the run;
// if no source survives, Build returns the corpus with ErrNoSources.
func Build(ctx context.Context, inputs []string, opts Options) (*Corpus, error) {
	p, err := NewPipeline()
	if err != nil {
		return nil, err
	}
	return p.Build(ctx, inputs, opts)
}

// Build is the package-level Build with a reusable pipeline.
func (p *Pipeline) Build(ctx context.Context, inputs []string, opts Options) (*Corpus, error) {
	return p.build(ctx, opts, func(ctx context.Context, doc func(load.Document) error, fail func(*load.InputError)) error {
		return load.Each(ctx, inputs, opts.Load, doc, fail)
	})
}

// BuildDocuments runs the same stages on documents already in memory,
// such as the clusters `brief eval` reads from one JSON lines file.
func (p *Pipeline) BuildDocuments(ctx context.Context, docs []load.Document, opts Options) (*Corpus, error) {
	return p.build(ctx, opts, func(ctx context.Context, doc func(load.Document) error, _ func(*load.InputError)) error {
		for _, d := range docs {
			if err := doc(d); err != nil {
				return err
			}
		}
		return nil
	})
}

func (p *Pipeline) build(ctx context.Context, opts Options, each func(context.Context, func(load.Document) error, func(*load.InputError)) error) (*Corpus, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	params := opts.Dedup
	if params == (dedup.Params{}) {
		params = dedup.DefaultParams()
	}

	// Documents arrive in order from one goroutine; workers process them
	// and results keep arrival order, so output order never depends on
	// scheduling.
	type result struct {
		src  *Source
		prob *Problem
	}
	var problems []Problem
	results, loadErr := pool.Ordered(ctx, workers, func(emit func(load.Document) error) error {
		return each(ctx, emit, func(e *load.InputError) {
			problems = append(problems, Problem{Input: e.Input, Err: e.Err})
		})
	}, func(d load.Document) result {
		src, prob := p.source(d, params)
		return result{src, prob}
	})
	if loadErr != nil {
		return nil, loadErr
	}

	c := &Corpus{Problems: problems}
	ids := map[string]int{}
	for _, r := range results {
		if r.prob != nil {
			c.Problems = append(c.Problems, *r.prob)
		}
		if r.src == nil {
			continue
		}
		s := r.src
		// Loaders keep ids unique per run; this guards the corpus invariant
		// when the same file is named twice.
		if k := ids[s.ID]; k > 0 {
			ids[s.ID] = k + 1
			s.ID = fmt.Sprintf("%s~%d", s.ID, k+1)
		} else {
			ids[s.ID] = 1
		}
		s.Index = len(c.Sources)
		c.Sources = append(c.Sources, s)
	}
	if len(c.Sources) == 0 {
		return c, ErrNoSources
	}
	if err := p.group(ctx, c, params); err != nil {
		return nil, err
	}
	return c, nil
}

// source cleans and segments one document. A document with no text left
// after cleaning is a problem, not a source.
func (p *Pipeline) source(d load.Document, params dedup.Params) (*Source, *Problem) {
	s, prob := p.clean(d, params)
	if s != nil {
		p.segment(s)
	}
	return s, prob
}

// clean is source without segmentation.
func (p *Pipeline) clean(d load.Document, params dedup.Params) (*Source, *Problem) {
	var warn *Problem
	if len(d.Warnings) > 0 {
		warn = &Problem{Input: d.Origin, Err: errors.New(strings.Join(d.Warnings, "; ")), Warning: true}
	}
	res := p.cleaner.Clean(d.Text, clean.Options{Title: d.Meta.Title, Dated: !d.Meta.Published.IsZero()})
	if len(res.Paragraphs) == 0 {
		return nil, &Problem{Input: d.Origin, Err: errors.New("no article text left after removing page junk")}
	}
	s := &Source{
		ID: d.ID, Input: d.Input, Origin: d.Origin, URL: d.URL, Format: string(d.Format),
		Title: res.Title, Outlet: res.Outlet, Author: res.Author, Section: res.Section,
		Agencies: res.Agencies, Published: res.Published, HasTime: res.HasTime,
		Provenance: Provenance{Title: res.TitleFrom, Outlet: res.OutletFrom, Published: res.DateFrom},
		Removed:    res.Removed,
		Language:   d.Meta.Language,
		Warnings:   d.Warnings,
	}
	// What the input declared beats what was guessed from its text.
	if m := d.Meta; m.Title != "" && !placeholderTitle(m.Title) {
		s.Title, s.Provenance.Title = m.Title, "metadata"
	}
	if m := d.Meta; m.Outlet != "" {
		s.Outlet, s.Provenance.Outlet = m.Outlet, "metadata"
	}
	if m := d.Meta; m.Author != "" {
		s.Author = m.Author
	}
	if m := d.Meta; !m.Published.IsZero() {
		s.Published, s.Provenance.Published = m.Published, "metadata"
		s.HasTime = m.Published.Hour() != 0 || m.Published.Minute() != 0 || m.Published.Second() != 0
	}

	drops := dedup.Paragraphs(res.Paragraphs, params)
	keptAt := make([]int, len(res.Paragraphs)) // original index -> kept index, -1 if dropped
	for _, dr := range drops {
		keptAt[dr.Index] = -1
	}
	var b strings.Builder
	for i, para := range res.Paragraphs {
		if keptAt[i] < 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(para)
		keptAt[i] = len(s.Paragraphs)
		s.Paragraphs = append(s.Paragraphs, Span{start, b.Len()})
	}
	s.Text = b.String()
	for _, dr := range drops {
		s.Dropped = append(s.Dropped, Dropped{Text: res.Paragraphs[dr.Index], Reason: dr.Reason, Of: keptAt[dr.Of], Similarity: dr.Similarity})
	}
	return s, warn
}

// Prepare cleans one document as Build does but stops short of sentence
// segmentation and language detection, the costly half: a source with its
// text, paragraphs and metadata, no Sentences. The daily digest prepares
// every article of a day this way and segments only the stories it
// briefs. The problem is a warning when the source is returned too.
func (p *Pipeline) Prepare(d load.Document) (*Source, *Problem) {
	return p.clean(d, dedup.DefaultParams())
}

// segment detects the language and splits the paragraphs into sentences.
func (p *Pipeline) segment(s *Source) {
	if s.Language != "" {
		s.Provenance.Language = "metadata"
	} else if s.Language = p.lang.Detect(s.Text); s.Language != "" {
		s.Provenance.Language = "text"
	}
	for pi, ps := range s.Paragraphs {
		for _, sp := range p.splitter.Split(s.Text[ps.Start:ps.End]) {
			s.Sentences = append(s.Sentences, Sentence{Span{ps.Start + sp.Start, ps.Start + sp.End}, pi})
		}
		s.Words += strings.Count(s.Text[ps.Start:ps.End], " ") + 1 // paragraphs are normalised to single spaces
	}
}

// group finds near-duplicate sources and syndication groups.
func (p *Pipeline) group(ctx context.Context, c *Corpus, params dedup.Params) error {
	docs := make([]dedup.Doc, len(c.Sources))
	for i, s := range c.Sources {
		paras := make([]string, len(s.Paragraphs))
		for j, sp := range s.Paragraphs {
			paras[j] = s.Text[sp.Start:sp.End]
		}
		docs[i] = dedup.Doc{Paragraphs: paras}
	}
	res, err := dedup.Corpus(ctx, docs, params)
	if err != nil {
		return fmt.Errorf("finding duplicates: %w", err)
	}
	for i, s := range c.Sources {
		if d := res.DuplicateOf[i]; d >= 0 {
			s.DuplicateOf = c.Sources[d].ID
			s.Similarity = res.Similarity[i]
		}
		s.Group = res.Group[i]
	}
	c.Groups = make([]Group, len(res.Groups))
	for i, g := range res.Groups {
		c.Groups[i] = Group{Members: g.Members, Shared: g.Shared}
	}
	return nil
}

// placeholderTitle is a declared title that names nothing: markup left
// in the data ("&HT;") or no letters at all ("---").
func placeholderTitle(t string) bool {
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "&") && strings.HasSuffix(t, ";") && !strings.Contains(t, " ") {
		return true
	}
	return !strings.ContainsFunc(t, unicode.IsLetter)
}
