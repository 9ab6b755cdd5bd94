package daily

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/brieftool/brief/internal/pool"

	"github.com/brieftool/brief/internal/fsname"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/internal/atomicfile"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/dedup"
	"github.com/brieftool/brief/summarize/facts"
	"github.com/brieftool/brief/summarize/load"
	"github.com/brieftool/brief/summarize/story"
)

// Defaults of Options.
const (
	DefaultStories = 10
	// DefaultWords is each story's briefing budget: its 2 or 3 sentences
	// are the briefing's first key points.
	DefaultWords = 120
	// DefaultMaxBriefed caps the articles a story's sentences are chosen
	// from. The fact table of a story of thousands of articles would take
	// longer than the rest of the day's digest; its most independent
	// articles (one per syndication group first) say what the others say.
	DefaultMaxBriefed = 40
	// HalfLife is how fast a story's rank decays with age: a story whose
	// latest report is 24 hours older than the newest article counts half
	// as much as an equally covered fresh one.
	HalfLife = 24 * time.Hour
)

// Options configure Run.
type Options struct {
	Inputs []string
	Load   load.Options
	// Since and Until keep only articles published in [Since, Until);
	// zero values leave that end open. With either set, undated articles
	// are skipped: they cannot be placed in the window.
	Since, Until time.Time
	// Stories is how many stories the digest shows; 0 means
	// DefaultStories.
	Stories int
	// Words is each story's briefing budget; 0 means DefaultWords.
	Words         int
	MinConfidence float64
	// MaxBriefed caps the articles each story is briefed from; 0 means
	// DefaultMaxBriefed.
	MaxBriefed int
	// Workers bounds the goroutines cleaning articles and briefing
	// stories; 0 means GOMAXPROCS.
	Workers int
	// Details, when set, is a directory that receives each shown story's
	// full briefing and fact table.
	Details string
	// Writer and Fallback write each story's briefing (the model and the
	// extractive method, or the extractive method alone), Verifier checks
	// it, Policy says what to do with unsupported sentences.
	Writer, Fallback briefing.Writer
	Verifier         *briefing.Verifier
	Policy           briefing.Policy
	// Clustering options; zero values take the story package's defaults.
	Cluster story.Options
	// Progress hears how far each stage is: "reading" and "clustering"
	// (total -1: unknown), "grouping" (finding each story's wire copies;
	// total: stories) and "briefing" (total: stories to brief). Calls are
	// serialised.
	Progress func(stage string, done, total int)
	// Problem hears each input or article that could not be used, as it
	// happens; Warn hears each story whose model failed.
	Problem func(summarize.Problem)
	Warn    func(msg string)
	// Generator is recorded in the details files.
	Generator string
}

// Assignment is one article's story, for --clusters.
type Assignment struct {
	ID     string `json:"id"`
	Origin string `json:"origin"`
	Story  string `json:"story"`
	// Rank is the story's rank, 0 for a story not shown.
	Rank int `json:"rank,omitempty"`
}

// Result is what Run made.
type Result struct {
	Digest *Digest
	// Assignments has one entry per article clustered, in input order.
	Assignments []Assignment
	// staging holds the details until CommitDetails moves them to details.
	staging, details string
}

// ErrNoArticles is returned when no input yields an article in the window.
var ErrNoArticles = errors.New("no article to cluster")

// article is what Run keeps of each article between reading and
// briefing: the cleaned source without sentences, and its signature.
type article struct {
	src *summarize.Source
	sig story.Signature
	ok  bool
}

// Run reads the inputs as a stream, clusters the articles into stories,
// ranks them and briefs the top ones. Memory holds each article's cleaned
// text and a small signature, never the raw inputs nor the sentences of
// stories not briefed.
func Run(ctx context.Context, p *summarize.Pipeline, o Options) (*Result, error) {
	if o.Writer == nil {
		return nil, errors.New("daily: no writer")
	}
	if o.Stories <= 0 {
		o.Stories = DefaultStories
	}
	if o.Words <= 0 {
		o.Words = DefaultWords
	}
	if o.MaxBriefed <= 0 {
		o.MaxBriefed = DefaultMaxBriefed
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Verifier == nil {
		o.Verifier = briefing.NewVerifier()
	}
	d := &Digest{Backend: backendName(o.Writer)}
	if !o.Since.IsZero() {
		d.Since = o.Since.Format(time.RFC3339)
	}
	if !o.Until.IsZero() {
		d.Until = o.Until.Format(time.RFC3339)
	}

	arts, err := read(ctx, p, o, d)
	if err != nil {
		return nil, err
	}
	if len(arts) == 0 {
		return &Result{Digest: d}, ErrNoArticles
	}
	d.Articles = len(arts)
	var from, to time.Time
	for _, a := range arts {
		if t := a.src.Published; !t.IsZero() {
			if from.IsZero() || t.Before(from) {
				from = t
			}
			if t.After(to) {
				to = t
			}
		}
	}
	if !from.IsZero() {
		d.From, d.To = from.UTC().Format(time.RFC3339), to.UTC().Format(time.RFC3339)
	}

	sigs := make([]story.Signature, len(arts))
	for i := range arts {
		sigs[i] = arts[i].sig
	}
	if o.Progress != nil {
		o.Progress("clustering", 0, -1)
	}
	labels, n, err := story.Cluster(ctx, sigs, o.Cluster)
	if err != nil {
		return nil, fmt.Errorf("clustering: %w", err)
	}
	d.Stories = n
	stories, err := measure(ctx, arts, labels, n, o.Workers, o.Progress)
	if err != nil {
		return nil, err
	}
	ref := newest(arts)
	if !o.Until.IsZero() {
		ref = o.Until
	}
	byLabel := rank(stories, ref)

	res := &Result{Digest: d, Assignments: make([]Assignment, len(arts))}
	if o.Details != "" {
		// Details are written to a staging directory beside the target
		// and put in place by Result.CommitDetails once the digest itself
		// is written, so a failed or interrupted run leaves none.
		if res.staging, err = os.MkdirTemp(filepath.Dir(filepath.Clean(o.Details)), "."+filepath.Base(o.Details)+".tmp-"); err != nil {
			return nil, fmt.Errorf("--details: %w", err)
		}
		res.details = o.Details
	}
	ok := false
	defer func() {
		if !ok {
			res.DiscardDetails()
		}
	}()
	shown := stories[:min(o.Stories, len(stories))]
	d.Shown = make([]Story, len(shown))
	kept, err := briefAll(ctx, p, o, res.staging, arts, shown, d)
	if err != nil {
		return nil, err
	}
	rankOf := map[int]int{}
	for i, c := range kept {
		rankOf[c.label] = i + 1
	}
	for i, a := range arts {
		st := stories[byLabel[labels[i]]]
		res.Assignments[i] = Assignment{ID: a.src.ID, Origin: a.src.Origin, Story: st.id, Rank: rankOf[labels[i]]}
	}
	if o.Details != "" {
		// The story folders are named by final rank, known only now.
		for i := range d.Shown {
			st := &d.Shown[i]
			dir := fmt.Sprintf("%02d-%s", st.Rank, filepath.Dir(st.Details))
			if err := os.Rename(filepath.Join(res.staging, filepath.Dir(st.Details)), filepath.Join(res.staging, dir)); err != nil {
				return nil, fmt.Errorf("--details: %w", err)
			}
			st.Details = filepath.Join(dir, filepath.Base(st.Details))
		}
		if err := os.WriteFile(filepath.Join(res.staging, detailsMarker), []byte("written by brief daily\n"), 0o644); err != nil {
			return nil, fmt.Errorf("--details: %w", err)
		}
		d.Notes = append(d.Notes, fmt.Sprintf("Each story's full briefing and fact table are in %s.", o.Details))
	}
	ok = true
	return res, nil
}

// detailsMarker marks a --details directory as brief's, so that a later
// run may replace it and never replaces anything else.
const detailsMarker = ".brief-details"

// CheckDetails says, before any work, whether dir can receive the
// details: it must not exist, be empty, or be a directory brief wrote.
func CheckDetails(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		// The details are staged beside dir: its parent must be there
		// before the run, not found missing after it.
		parent := filepath.Dir(filepath.Clean(dir))
		if pfi, perr := os.Stat(parent); perr != nil || !pfi.IsDir() {
			return fmt.Errorf("cannot create %s: directory %s does not exist", dir, parent)
		}
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s exists and is not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, detailsMarker)); err != nil {
		return fmt.Errorf("%s is a directory brief did not write; choose a new or empty one", dir)
	}
	return nil
}

// CommitDetails puts the details in place, replacing those of an earlier
// run, once the digest is written.
func (r *Result) CommitDetails() error {
	if r.staging == "" {
		return nil
	}
	if err := CheckDetails(r.details); err != nil {
		return fmt.Errorf("--details: %w", err)
	}
	old := ""
	if _, err := os.Stat(r.details); err == nil {
		old = r.staging + ".old"
		if err := os.Rename(r.details, old); err != nil {
			return fmt.Errorf("--details: %w", err)
		}
	}
	if err := os.Rename(r.staging, r.details); err != nil {
		if old != "" {
			_ = os.Rename(old, r.details)
		}
		return fmt.Errorf("--details: %w", err)
	}
	r.staging = ""
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// DiscardDetails removes the staged details of a run whose digest was not
// written.
func (r *Result) DiscardDetails() {
	if r != nil && r.staging != "" {
		_ = os.RemoveAll(r.staging)
		r.staging = ""
	}
}

func backendName(w briefing.Writer) string {
	if n, ok := w.(interface{ Name() string }); ok {
		return n.Name()
	}
	return "extractive"
}

// read streams the inputs through cleaning and signing, in parallel,
// keeping input order.
func read(ctx context.Context, p *summarize.Pipeline, o Options, d *Digest) ([]article, error) {
	signer := story.NewSigner()
	// mu serialises the counters and the callbacks, which the workers
	// and the reading goroutine both call.
	var (
		mu      sync.Mutex
		skipped int
		failed  int
		done    int
	)
	problem := func(pr summarize.Problem) {
		mu.Lock()
		defer mu.Unlock()
		if !pr.Warning {
			failed++
		}
		if o.Problem != nil {
			o.Problem(pr)
		}
	}
	arts, err := pool.Ordered(ctx, o.Workers, func(emit func(load.Document) error) error {
		return load.Each(ctx, o.Inputs, o.Load, emit, func(e *load.InputError) {
			problem(summarize.Problem{Input: e.Input, Err: e.Err})
		})
	}, func(doc load.Document) article {
		src, prob := p.Prepare(doc)
		if prob != nil {
			problem(*prob)
		}
		var a article
		if src != nil && inWindow(src.Published, o.Since, o.Until) {
			src.Removed, src.Dropped, src.Warnings = nil, nil, nil
			a = article{src: src, sig: signer.Sign(story.Article{Title: src.Title, Text: src.Text, Published: src.Published}), ok: true}
		}
		mu.Lock()
		if src != nil && !a.ok {
			skipped++
		}
		done++
		if o.Progress != nil {
			o.Progress("reading", done, -1)
		}
		mu.Unlock()
		return a
	})
	if err != nil {
		return nil, err
	}
	// The header says how many the window left out; no note repeats it.
	d.Skipped, d.Failed = skipped, failed
	// Keep input order; drop what was skipped or failed.
	out := arts[:0]
	for _, a := range arts {
		if a.ok {
			out = append(out, a)
		}
	}
	return out, nil
}

func inWindow(t, since, until time.Time) bool {
	if since.IsZero() && until.IsZero() {
		return true
	}
	if t.IsZero() {
		return false
	}
	return (since.IsZero() || !t.Before(since)) && (until.IsZero() || t.Before(until))
}

// cluster is a story while it is measured and ranked.
type cluster struct {
	label       int
	id          string
	members     []int // article indexes, input order
	groups      [][]int
	outlets     int
	first, last time.Time
	score       float64
}

// measure finds each story's syndication groups (wire copies count once)
// and its outlets and time span. Groups are found within each story
// only, since copies of one report are always in the same story: the
// work is linear in the articles.
func measure(ctx context.Context, arts []article, labels []int, n, workers int, progress func(string, int, int)) ([]*cluster, error) {
	cs := make([]*cluster, n)
	for i := range cs {
		cs[i] = &cluster{label: i}
	}
	for i, l := range labels {
		cs[l].members = append(cs[l].members, i)
	}
	var mu sync.Mutex
	done := 0
	errs, err := pool.Indexed(ctx, workers, len(cs), func(i int) error {
		err := cs[i].measure(ctx, arts)
		mu.Lock()
		done++
		if progress != nil {
			progress("grouping", done, n)
		}
		mu.Unlock()
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return cs, nil
}

func (c *cluster) measure(ctx context.Context, arts []article) error {
	c.id = arts[c.members[0]].src.ID
	outlets := map[string]bool{}
	for _, i := range c.members {
		s := arts[i].src
		// An article naming no outlet counts under its site, or not at
		// all: two copies with no outlet are not two outlets.
		name := strings.ToLower(strings.TrimSpace(s.Outlet))
		if name == "" {
			if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
				name = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			}
		}
		if name != "" {
			outlets[name] = true
		}
		if t := s.Published; !t.IsZero() {
			if c.first.IsZero() || t.Before(c.first) {
				c.first = t
			}
			if t.After(c.last) {
				c.last = t
			}
		}
	}
	c.outlets = len(outlets)
	if len(c.members) == 1 {
		c.groups = [][]int{{c.members[0]}}
		return nil
	}
	docs := make([]dedup.Doc, len(c.members))
	for k, i := range c.members {
		s := arts[i].src
		paras := make([]string, len(s.Paragraphs))
		for j, sp := range s.Paragraphs {
			paras[j] = s.Text[sp.Start:sp.End]
		}
		docs[k] = dedup.Doc{Paragraphs: paras}
	}
	res, err := dedup.Corpus(ctx, docs, dedup.DefaultParams())
	if err != nil {
		return fmt.Errorf("finding wire copies: %w", err)
	}
	for _, g := range res.Groups {
		members := make([]int, len(g.Members))
		for k, m := range g.Members {
			members[k] = c.members[m]
		}
		c.groups = append(c.groups, members)
	}
	return nil
}

// rank orders the stories by independent coverage discounted by age:
// score = independent groups × 2^(-age/HalfLife), age measured from the
// story's latest report to ref (the newest article, or --until); see
// age. Ties go to more articles, then to input order, so the ranking is
// deterministic. It returns each label's
// position in the ranked list.
func rank(cs []*cluster, ref time.Time) map[int]int {
	for _, c := range cs {
		c.score = float64(len(c.groups)) * math.Exp2(-age(c, ref).Hours()/HalfLife.Hours())
	}
	sort.SliceStable(cs, func(a, b int) bool {
		x, y := cs[a], cs[b]
		if x.score != y.score {
			return x.score > y.score
		}
		if len(x.members) != len(y.members) {
			return len(x.members) > len(y.members)
		}
		return x.members[0] < y.members[0]
	})
	byLabel := make(map[int]int, len(cs))
	for i, c := range cs {
		byLabel[c.label] = i
	}
	return byLabel
}

// briefAll briefs the shown stories, a bounded number at a time (each
// briefing is itself parallel inside), and fills d.Shown in rank order.
func briefAll(ctx context.Context, p *summarize.Pipeline, o Options, staging string, arts []article, shown []*cluster, d *Digest) ([]*cluster, error) {
	var mu sync.Mutex
	done := 0
	errs, err := pool.Indexed(ctx, o.Workers, len(shown), func(i int) error {
		st, err := briefStory(ctx, p, o, staging, arts, shown[i])
		if err == nil {
			d.Shown[i] = st
		}
		mu.Lock()
		done++
		if o.Progress != nil {
			o.Progress("briefing", done, len(shown))
		}
		mu.Unlock()
		return err
	})
	if err != nil {
		return nil, err
	}
	// A story that cannot be briefed is reported and left out; the
	// digest keeps the others. A details file that cannot be written is
	// an output error: the run fails.
	var kept []*cluster
	out := d.Shown[:0]
	for i, err := range errs {
		var de *detailsError
		if errors.As(err, &de) {
			return nil, de
		}
		if err != nil {
			d.Notes = append(d.Notes, fmt.Sprintf("The story of %s could not be briefed: %v.", shown[i].id, err))
			continue
		}
		kept = append(kept, shown[i])
		out = append(out, d.Shown[i])
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	d.Shown = out
	return kept, nil
}

// detailsError is a failure to write --details: fatal, unlike a story
// that cannot be briefed.
type detailsError struct{ err error }

func (e *detailsError) Error() string { return "--details: " + e.err.Error() }
func (e *detailsError) Unwrap() error { return e.err }

// briefing picks the articles a story is briefed from: every group's
// first article, then the others, earliest first, up to max.
func pick(c *cluster, arts []article, max int) []int {
	if len(c.members) <= max {
		return c.members
	}
	var out []int
	used := map[int]bool{}
	for _, g := range c.groups {
		if len(out) == max {
			break
		}
		out = append(out, g[0])
		used[g[0]] = true
	}
	rest := make([]int, 0, len(c.members))
	for _, i := range c.members {
		if !used[i] {
			rest = append(rest, i)
		}
	}
	// Earliest first, undated last: an undated copy says least about
	// when the story broke.
	sort.SliceStable(rest, func(a, b int) bool {
		ta, tb := arts[rest[a]].src.Published, arts[rest[b]].src.Published
		if ta.IsZero() != tb.IsZero() {
			return tb.IsZero()
		}
		return ta.Before(tb)
	})
	for _, i := range rest {
		if len(out) == max {
			break
		}
		out = append(out, i)
	}
	sort.Ints(out)
	return out
}

func briefStory(ctx context.Context, p *summarize.Pipeline, o Options, staging string, arts []article, c *cluster) (Story, error) {
	members := pick(c, arts, o.MaxBriefed)
	docs := make([]load.Document, len(members))
	for k, i := range members {
		s := arts[i].src
		docs[k] = load.Document{ID: s.ID, Input: s.Input, Origin: s.Origin, URL: s.URL, Format: load.Format(s.Format), Text: s.Text,
			Meta: load.Meta{Title: s.Title, Outlet: s.Outlet, Author: s.Author, Published: s.Published, Language: s.Language}}
	}
	corpus, err := p.BuildDocuments(ctx, docs, summarize.Options{Workers: 1})
	if err != nil {
		return Story{}, err
	}
	table, err := facts.Build(ctx, corpus, facts.Options{Workers: 1})
	if err != nil {
		return Story{}, fmt.Errorf("fact table: %w", err)
	}
	req := briefing.Request{Corpus: corpus, Table: table, Words: o.Words, MinConfidence: o.MinConfidence}
	b, err := briefing.Compose(ctx, req, briefing.ComposeOptions{Writer: o.Writer, Fallback: o.Fallback, Verifier: o.Verifier, OnUnsupported: o.Policy, Warn: o.Warn})
	if err != nil {
		return Story{}, err
	}
	st := digestStory(b, c)
	st.Briefed = len(members)
	for _, cf := range table.Conflicts {
		if cf.Confidence >= o.MinConfidence {
			st.Conflicts++
		}
	}
	if st.Briefed < st.Articles {
		st.Notes = append(st.Notes, fmt.Sprintf("Briefed from %d of the story's %d articles: one from each group of wire copies first, then the earliest.", st.Briefed, st.Articles))
	}
	if staging != "" {
		rel, err := writeDetails(o, staging, b, briefing.NewFactView(corpus, table, o.MinConfidence, 0), c.id)
		if err != nil {
			return Story{}, &detailsError{err}
		}
		st.Details = rel
	}
	return st, nil
}

// digestStory takes the story's headline, first key points and dispute
// lines from its briefing, with a source list of only what they cite.
func digestStory(b *briefing.Briefing, c *cluster) Story {
	st := Story{ID: c.id, Score: math.Round(c.score*1000) / 1000, Articles: len(c.members), Independent: len(c.groups), Outlets: c.outlets,
		Verification: b.Verification, Backend: b.Backend, Notes: b.Notes}
	if !c.first.IsZero() {
		st.First, st.Last = c.first.UTC().Format(time.RFC3339), c.last.UTC().Format(time.RFC3339)
	}
	st.Headline = b.Headline
	var key, background []briefing.Item
	for _, s := range b.Sections {
		switch s.ID {
		case briefing.SectionKeyPoints:
			key = s.Items
		case briefing.SectionBackground:
			background = s.Items
		case briefing.SectionDisputed:
			st.Disputes = s.Items
		}
	}
	// A briefing whose sources give no title it can back heads with its
	// first key point; the digest does not print that sentence twice.
	for _, it := range key {
		if len(st.Sentences) < 3 && it.Text != st.Headline.Text {
			st.Sentences = append(st.Sentences, it)
		}
	}
	for _, it := range background {
		if len(st.Sentences) >= 2 {
			break
		}
		st.Sentences = append(st.Sentences, it)
	}
	if st.Headline.Text == "" && len(st.Sentences) > 0 {
		st.Headline, st.Sentences = st.Sentences[0], st.Sentences[1:]
	}
	// Renumber the citations into a list of only the sources shown.
	num := map[int]int{}
	renumber := func(items []briefing.Item) []briefing.Item {
		out := make([]briefing.Item, len(items))
		for k, it := range items {
			cs := make([]briefing.Citation, len(it.Citations))
			for j, cit := range it.Citations {
				if cit.N >= 1 && cit.N <= len(b.Sources) {
					n, ok := num[cit.N]
					if !ok {
						n = len(st.Sources) + 1
						num[cit.N] = n
						ref := b.Sources[cit.N-1]
						ref.N = n
						st.Sources = append(st.Sources, ref)
					}
					cit.N = n
				}
				cs[j] = cit
			}
			it.Citations = cs
			out[k] = it
		}
		return out
	}
	st.Headline = renumber([]briefing.Item{st.Headline})[0]
	st.Sentences = renumber(st.Sentences)
	st.Disputes = renumber(st.Disputes)
	return st
}

// writeDetails writes the story's full briefing (Markdown and JSON) and
// fact table (JSON) into a folder of the staging directory named by the
// story's id, and returns the briefing's path relative to it; the folder
// gets its rank prefix once the ranks are final.
func writeDetails(o Options, staging string, b *briefing.Briefing, v *briefing.FactView, id string) (string, error) {
	// A long id (a URL) is cut: ids of one run stay distinct in their
	// first 60 characters or the rank prefix does it.
	name := fsname.Safe(id)
	if len(name) > 60 {
		name = name[:60]
	}
	for k := 2; ; k++ {
		err := os.Mkdir(filepath.Join(staging, name), 0o755)
		if err == nil {
			break
		}
		if !errors.Is(err, os.ErrExist) || k > 1000 {
			return "", err
		}
		name = fmt.Sprintf("%s~%d", strings.TrimSuffix(name, fmt.Sprintf("~%d", k-1)), k)
	}
	files := []struct {
		name string
		fill func(w io.Writer) error
	}{
		{"briefing.md", func(w io.Writer) error {
			return briefing.RenderBriefing(w, b, briefing.FormatMarkdown, briefing.Style{}, o.Generator)
		}},
		{"briefing.json", func(w io.Writer) error {
			return briefing.RenderBriefing(w, b, briefing.FormatJSON, briefing.Style{}, o.Generator)
		}},
		{"facts.json", func(w io.Writer) error {
			return briefing.RenderFacts(w, v, briefing.FormatJSON, briefing.Style{}, o.Generator)
		}},
	}
	for _, f := range files {
		if err := atomicfile.Write(filepath.Join(staging, name, f.name), f.fill); err != nil {
			return "", err
		}
	}
	return filepath.Join(name, "briefing.md"), nil
}

// newest is the time stories' ages are measured from: the latest
// publication time, except that a few articles dated far past the rest (a
// feed's wrong year, a scheduled post) must not make every other story
// look days old. Times more than two days after the median are not
// taken, so it takes half the day's articles misdated to move it.
func newest(arts []article) time.Time {
	var ts []time.Time
	for _, a := range arts {
		if t := a.src.Published; !t.IsZero() {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return time.Time{}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	limit := ts[len(ts)/2].Add(48 * time.Hour)
	ref := ts[0]
	for _, t := range ts {
		if !t.After(limit) {
			ref = t
		}
	}
	return ref
}

// maxAge caps a story's age in the score: past a week every story is
// old, and the ranking among old stories (an --until far past the data)
// must still follow coverage rather than collapse to zero.
const maxAge = 7 * 24 * time.Hour

// age is how old a story is at ref: 0 for a story dated at or after ref,
// one half-life for an undated story (neither fresh nor stale), at most
// maxAge.
func age(c *cluster, ref time.Time) time.Duration {
	switch {
	case c.last.IsZero() || ref.IsZero():
		return HalfLife
	case !ref.After(c.last):
		return 0
	}
	return min(ref.Sub(c.last), maxAge)
}
