package llm

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/prompts"
)

// TokenCounter counts the tokens of a request; *Counter is the real one.
type TokenCounter interface {
	Messages(system, user string) int
}

// Options configure a Backend.
type Options struct {
	// Client sends the calls. Plan needs none.
	Client Client
	// Name is the backend's name on the briefing: "openai:gpt-4o-mini".
	Name string
	// Model is the model's name, for its context window and tokenizer.
	Model string
	// Context is the model's window in tokens; 0 means the known window
	// of Model, else DefaultContext.
	Context int
	// MaxTokens is the room kept for each answer, and its cap; 0 means
	// DefaultMaxTokens.
	MaxTokens int
	// Counter counts prompt tokens; nil means NewCounter(Model).
	Counter TokenCounter
	// Check finds each citation's evidence; briefing.Verifier.
	Check Checker
	// Prompts are the templates; nil parses the embedded ones.
	Prompts *prompts.Set
	// Parallel is how many parts of a staged run are asked at once; 0
	// means 2. Local servers often answer one request at a time, and
	// more would only queue.
	Parallel int
	// Progress, when set, hears a line per request ("part 2 of 5").
	Progress func(msg string)
}

// DefaultMaxTokens is the room kept for an answer when --max-tokens is
// not given: a one-page briefing as JSON is 700 to 1,200 tokens.
const DefaultMaxTokens = 2048

// safety is the share of the window kept free beyond the counted prompt
// and the answer: the count uses OpenAI's tokenizers, and a local model's
// own tokenizer may need up to a tenth more tokens for the same text.
const safety = 0.10

// Backend writes briefings with a model. It implements briefing.Writer.
type Backend struct {
	o       Options
	prompts *prompts.Set
	counter TokenCounter
	context int

	mu    sync.Mutex
	usage Usage
}

// New checks the options and builds a Backend.
func New(o Options) (*Backend, error) {
	if o.Check == nil {
		return nil, errors.New("llm: no checker")
	}
	b := &Backend{o: o, prompts: o.Prompts, counter: o.Counter, context: o.Context}
	if b.prompts == nil {
		p, err := prompts.New()
		if err != nil {
			return nil, err
		}
		b.prompts = p
	}
	if b.counter == nil {
		c, err := NewCounter(o.Model)
		if err != nil {
			return nil, fmt.Errorf("llm: token counter: %w", err)
		}
		b.counter = c
	}
	if b.context <= 0 {
		b.context = LookupModel(o.Model).Context
	}
	if b.o.MaxTokens <= 0 {
		b.o.MaxTokens = DefaultMaxTokens
	}
	if b.o.Parallel <= 0 {
		b.o.Parallel = 2
	}
	if b.o.Name == "" {
		b.o.Name = "llm:" + o.Model
	}
	if room := b.budget(); room < 1000 {
		return nil, fmt.Errorf("llm: a context window of %d tokens leaves %d for the prompt after %d for the answer; raise --context or lower --max-tokens", b.context, room, b.o.MaxTokens)
	}
	return b, nil
}

// Name is the backend's name, recorded on the briefing.
func (b *Backend) Name() string { return b.o.Name }

// Usage is the tokens spent so far.
func (b *Backend) Usage() Usage {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.usage
}

// Context is the window the backend plans against.
func (b *Backend) Context() int { return b.context }

// budget is the most tokens a prompt may have.
func (b *Backend) budget() int {
	return int(float64(b.context)*(1-safety)) - b.o.MaxTokens
}

// Plan is what a run would send, for --dry-run.
type Plan struct {
	Calls []PlannedCall
	// Parts is 1 for a briefing written in one request, else how many
	// parts the fact table was cut into (followed by merges).
	Parts     int
	Context   int
	MaxTokens int
	// LeftOut names sources no statement of which reaches the model.
	LeftOut []string
	// OmittedConflicts is how many contradictions did not fit the merge.
	OmittedConflicts int
}

// PlannedCall is one request of a plan.
type PlannedCall struct {
	Stage  string
	Prompt prompts.Prompt
	// Tokens is the prompt's size; for a merge, whose drafts are not yet
	// written, an upper estimate, with Estimated set.
	Tokens    int
	Estimated bool
	MaxTokens int
}

// Plan works out the requests Write would send, without sending any.
func (b *Backend) Plan(req briefing.Request) (*Plan, error) {
	in, err := newInput(req)
	if err != nil {
		return nil, err
	}
	return b.plan(in)
}

func (b *Backend) plan(in *input) (*Plan, error) {
	p := &Plan{Context: b.context, MaxTokens: b.o.MaxTokens, LeftOut: b.leftOut(in)}
	one, err := b.prompts.Render(prompts.Briefing, in.data)
	if err != nil {
		return nil, err
	}
	if n := b.counter.Messages(one.System, one.User); n <= b.budget() {
		p.Parts = 1
		p.Calls = []PlannedCall{{Stage: "briefing", Prompt: one, Tokens: n, MaxTokens: b.o.MaxTokens}}
		return p, nil
	}
	parts, err := b.split(in)
	if err != nil {
		return nil, err
	}
	p.Parts = len(parts)
	for i, d := range parts {
		pr, err := b.prompts.Render(prompts.Stage, d)
		if err != nil {
			return nil, err
		}
		p.Calls = append(p.Calls, PlannedCall{Stage: partName(i+1, len(parts)), Prompt: pr, Tokens: b.counter.Messages(pr.System, pr.User), MaxTokens: b.o.MaxTokens})
	}
	// The merge reads the parts' drafts: at most their answers' size.
	md := in.data
	md.Facts = nil
	md.Drafts = nil
	pr, err := b.prompts.Render(prompts.Merge, md)
	if err != nil {
		return nil, err
	}
	est := b.counter.Messages(pr.System, pr.User) + len(parts)*b.o.MaxTokens/2
	p.Calls = append(p.Calls, PlannedCall{Stage: "merge", Prompt: pr, Tokens: min(est, b.budget()), Estimated: true, MaxTokens: b.o.MaxTokens})
	return p, nil
}

func partName(i, n int) string { return fmt.Sprintf("part %d of %d", i, n) }

func (b *Backend) leftOut(in *input) []string {
	var out []string
	for _, i := range in.leftOut {
		s := in.corpus.Sources[i]
		name := sourceOutlet(s)
		if t := oneLine(s.Title); t != "" {
			name = strings.TrimSpace(name + " “" + t + "”")
		}
		if name == "" {
			name = s.Origin
		}
		out = append(out, name)
	}
	return out
}

// split cuts the fact table into parts whose stage prompts fit the
// budget, keeping the facts' ranked order, so the first part holds what
// most sources agree on. No fact is left out: a fact too long for one
// part is split between parts by statement.
func (b *Backend) split(in *input) ([]prompts.Data, error) {
	base := in.data
	base.Facts, base.Conflicts, base.Updates = nil, nil, nil
	pr, err := b.prompts.Render(prompts.Stage, base)
	if err != nil {
		return nil, err
	}
	room := b.budget() - b.counter.Messages(pr.System, pr.User)
	if room < 200 {
		return nil, fmt.Errorf("the context window of %d tokens is too small for even the source list; raise --context", b.context)
	}
	// Units are facts, or pieces of a fact too big for a part alone.
	type unit struct {
		f      prompts.Fact
		tokens int
	}
	var units []unit
	for _, f := range in.data.Facts {
		n := b.factTokens(f)
		if n <= room {
			units = append(units, unit{f, n})
			continue
		}
		piece := prompts.Fact{ID: f.ID, Support: f.Support, Independent: f.Independent}
		for _, st := range f.Statements {
			one := prompts.Fact{ID: f.ID, Support: f.Support, Independent: f.Independent, Statements: []prompts.Statement{st}}
			if b.factTokens(one) > room {
				return nil, fmt.Errorf("the context window of %d tokens is too small for what %s says in fact %s (%d tokens); raise --context", b.context, strings.Join(st.Sources, ", "), f.ID, b.factTokens(one))
			}
			try := piece
			try.Statements = append(append([]prompts.Statement(nil), piece.Statements...), st)
			if len(piece.Statements) > 0 && b.factTokens(try) > room {
				units = append(units, unit{piece, b.factTokens(piece)})
				piece = prompts.Fact{ID: f.ID, Support: f.Support, Independent: f.Independent}
				try = one
			}
			piece = try
		}
		if len(piece.Statements) > 0 {
			units = append(units, unit{piece, b.factTokens(piece)})
		}
	}
	var groups [][]prompts.Fact
	var cur []prompts.Fact
	used := 0
	for _, u := range units {
		if len(cur) > 0 && used+u.tokens > room {
			groups = append(groups, cur)
			cur, used = nil, 0
		}
		cur = append(cur, u.f)
		used += u.tokens
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	// The estimate per fact ignores how a part's source list shrinks and
	// grows; render each part and halve any that came out too big.
	var parts []prompts.Data
	for len(groups) > 0 {
		g := groups[0]
		groups = groups[1:]
		d := in.data
		d.Facts, d.Conflicts, d.Updates = g, nil, nil
		d.Sources = sourcesOf(in.data.Sources, g)
		pr, err := b.prompts.Render(prompts.Stage, d)
		if err != nil {
			return nil, err
		}
		if b.counter.Messages(pr.System, pr.User) > b.budget() && len(g) > 1 {
			groups = append([][]prompts.Fact{g[:len(g)/2], g[len(g)/2:]}, groups...)
			continue
		}
		parts = append(parts, d)
	}
	// The parts' drafts must fit the merge together: each part gets its
	// share of the merge's room, at about 0.6 words a token once the
	// markers are counted.
	md := in.data
	md.Facts = nil
	mp, err := b.prompts.Render(prompts.Merge, md)
	if err != nil {
		return nil, err
	}
	share := int(0.6 * float64(b.budget()-b.counter.Messages(mp.System, mp.User)) / float64(len(parts)))
	for i := range parts {
		parts[i].Part, parts[i].Parts = i+1, len(parts)
		parts[i].Words = max(40, min(in.data.Words, share))
	}
	return parts, nil
}

// factTokens estimates a fact's share of a prompt: its block as the
// template writes it.
func (b *Backend) factTokens(f prompts.Fact) int {
	var s strings.Builder
	fmt.Fprintf(&s, "%s | %d sources, %d independent\n", f.ID, f.Support, f.Independent)
	for _, st := range f.Statements {
		s.WriteString("  " + strings.Join(st.Sources, ", ") + ": " + st.Text + "\n")
	}
	return b.counter.Messages("", s.String()) - b.counter.Messages("", "")
}

// Write asks the model for the briefing: in one request when the fact
// table fits the window, else part by part and then merged. It returns an
// error, and writes nothing, when the model fails for good; the caller
// falls back to the extractive backend.
func (b *Backend) Write(ctx context.Context, req briefing.Request) (out *briefing.Briefing, err error) {
	// Whatever a model answers must never take the process down: a
	// failure to read it is a failed model, and the caller falls back.
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, &Error{Kind: ErrBadAnswer, Msg: fmt.Sprintf("the model's answer could not be read (%v)", r)}
		}
	}()
	in, err := newInput(req)
	if err != nil {
		return nil, err
	}
	plan, err := b.plan(in)
	if err != nil {
		return nil, err
	}
	cv := &converter{in: in, check: b.o.Check}
	var notes []string
	var a *answer
	if plan.Parts == 1 {
		if a, err = b.ask(ctx, plan.Calls[0].Stage, plan.Calls[0].Prompt); err != nil {
			return nil, err
		}
	} else {
		var dropped int
		var said []string
		a, dropped, said, err = b.staged(ctx, in, cv, plan)
		if err != nil {
			return nil, err
		}
		notes = append(notes, fmt.Sprintf("The fact table was too long for the model's %d-token window: it was briefed in %d parts, which were then merged.", b.context, plan.Parts))
		if dropped > 0 {
			notes = append(notes, fmt.Sprintf("%d drafted sentence(s) were left out of the merge: their cited sources do not support them.", dropped))
		}
		notes = append(notes, said...)
	}
	head, secs := cv.items(a)
	out = cv.build(head, secs, in.data.Words)
	out.Backend = b.Name()
	if len(plan.LeftOut) > 0 {
		notes = append(notes, fmt.Sprintf("Not given to the model, because the fact table holds no statement of theirs: %s.", strings.Join(plan.LeftOut, "; ")))
	}
	out.Notes = append(notes, out.Notes...)
	return out, nil
}

// staged runs the parts, then merges their drafts until one answer
// remains. It returns the answer, how many drafts the check kept out of
// the merge, and notes for the page.
func (b *Backend) staged(ctx context.Context, in *input, cv *converter, plan *Plan) (*answer, int, []string, error) {
	calls := plan.Calls[:len(plan.Calls)-1] // the last is the merge, planned as an estimate
	answers := make([]*answer, len(calls))
	errs := make([]error, len(calls))
	sem := make(chan struct{}, b.o.Parallel)
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for i, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-sem }()
			answers[i], errs[i] = b.ask(ctx, c.Stage, c.Prompt)
			if errs[i] != nil {
				cancel() // one part lost is the whole briefing lost
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, 0, nil, fmt.Errorf("%s: %w", calls[i].Stage, err)
		}
	}
	for _, err := range errs {
		if err != nil {
			return nil, 0, nil, err
		}
	}
	drafts, dropped := b.drafts(cv, answers)
	final := func(ds []prompts.Draft) (prompts.Prompt, int, error) {
		d := in.data
		d.Facts, d.Drafts = nil, ds
		d.Sources = sourcesOfDrafts(in, ds, d.Conflicts, d.Updates)
		pr, err := b.prompts.Render(prompts.Merge, d)
		return pr, b.counter.Messages(pr.System, pr.User), err
	}
	for round := 1; ; round++ {
		pr, n, err := final(drafts)
		if err != nil {
			return nil, 0, nil, err
		}
		if n <= b.budget() {
			a, err := b.ask(ctx, "merge", pr)
			return a, dropped, nil, err
		}
		// Merge halves of the drafts, without the contradictions, which
		// only the last merge reports, and draft again from the results.
		// A model asked for a page writes less than it was given; one
		// that does not is not asked again.
		var next []prompts.Draft
		if round <= 3 && len(drafts) >= 4 {
			half := len(drafts) / 2
			for k, ds := range [][]prompts.Draft{drafts[:half], drafts[half:]} {
				md := in.data
				md.Facts, md.Conflicts, md.Updates, md.Drafts = nil, nil, nil, ds
				md.Sources = sourcesOfDrafts(in, ds, nil, nil)
				pr, err := b.prompts.Render(prompts.Merge, md)
				if err != nil {
					return nil, 0, nil, err
				}
				a, err := b.ask(ctx, fmt.Sprintf("merge round %d, half %d", round, k+1), pr)
				if err != nil {
					return nil, 0, nil, err
				}
				nd, nDropped := b.drafts(cv, []*answer{a})
				dropped += nDropped
				next = append(next, nd...)
			}
			if _, m, err := final(next); err == nil && float64(m) < 0.9*float64(n) {
				drafts = next
				continue
			}
		}
		// The drafts do not shrink: keep, for the merge, the ones that fit,
		// key points before quotes before background, earlier parts (the
		// more widely reported facts) first.
		kept, cut := b.fitDrafts(drafts, final)
		if len(kept) == 0 {
			return nil, 0, nil, fmt.Errorf("the %d-token window has no room for the merge of %d parts; raise --context", b.context, plan.Parts)
		}
		pr, _, err = final(kept)
		if err != nil {
			return nil, 0, nil, err
		}
		a, err := b.ask(ctx, "merge", pr)
		var said []string
		if cut > 0 {
			said = append(said, fmt.Sprintf("%d drafted sentence(s), from the less widely reported facts, did not fit the %d-token window of the merge and were left out.", cut, b.context))
		}
		return a, dropped, said, err
	}
}

// fitDrafts keeps the most important drafts whose merge prompt fits.
func (b *Backend) fitDrafts(ds []prompts.Draft, render func([]prompts.Draft) (prompts.Prompt, int, error)) ([]prompts.Draft, int) {
	rank := map[string]int{briefing.SectionKeyPoints: 0, briefing.SectionQuotes: 1, briefing.SectionBackground: 2}
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return rank[ds[order[x]].Section] < rank[ds[order[y]].Section] })
	// The largest prefix of the ranked drafts that fits, kept in their
	// first order.
	lo, hi := 0, len(order)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if _, n, err := render(pick(ds, order[:mid])); err == nil && n <= b.budget() {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return pick(ds, order[:lo]), len(ds) - lo
}

func pick(ds []prompts.Draft, idx []int) []prompts.Draft {
	keep := make([]bool, len(ds))
	for _, i := range idx {
		keep[i] = true
	}
	var out []prompts.Draft
	for i, d := range ds {
		if keep[i] {
			out = append(out, d)
		}
	}
	return out
}

// drafts turns the parts' answers into the merge's draft sentences,
// leaving out those whose cited sources do not support them: the merge
// should not build on them, and the check would drop them anyway.
func (b *Backend) drafts(cv *converter, answers []*answer) ([]prompts.Draft, int) {
	var out []prompts.Draft
	dropped := 0
	for _, a := range answers {
		if a == nil {
			continue
		}
		_, secs := cv.items(a)
		for _, sec := range []string{briefing.SectionKeyPoints, briefing.SectionQuotes, briefing.SectionBackground} {
			for _, it := range secs[sec] {
				if !supported(it) {
					dropped++
					continue
				}
				out = append(out, prompts.Draft{Section: sec, Text: withMarkers(it)})
			}
		}
	}
	return out, dropped
}

// supported reports whether every part of a draft has a citation whose
// evidence passed.
func supported(it draftItem) bool {
	if len(it.groups) == 0 {
		return false
	}
	for _, g := range it.groups {
		ok := false
		for _, c := range g.cites {
			ok = ok || c.ok
		}
		if !ok {
			return false
		}
	}
	return true
}

// withMarkers writes a draft back with its markers, keeping only the
// citations that passed.
func withMarkers(it draftItem) string {
	var s strings.Builder
	prev := 0
	for _, g := range it.groups {
		s.WriteString(it.text[prev:g.at])
		s.WriteByte(' ')
		for _, c := range g.cites {
			if c.ok {
				s.WriteString("[" + c.id + "]")
			}
		}
		prev = g.at
	}
	s.WriteString(it.text[prev:])
	return s.String()
}

// sourcesOfDrafts lists the sources the drafts and contradictions cite.
func sourcesOfDrafts(in *input, ds []prompts.Draft, cs, us []prompts.Conflict) []prompts.Source {
	used := map[string]bool{}
	for _, d := range ds {
		for _, g := range parseMarkers(d.Text).groups {
			for _, id := range g.ids {
				used[id] = true
			}
		}
	}
	for _, list := range [][]prompts.Conflict{cs, us} {
		for _, c := range list {
			for _, sd := range c.Sides {
				for _, s := range sd.Sources {
					used[s] = true
				}
			}
		}
	}
	var out []prompts.Source
	for _, s := range in.data.Sources {
		if used[s.ID] {
			out = append(out, s)
		}
	}
	return out
}
