// Package extractive writes a briefing from the sources' own sentences:
// the default backend when no model is configured, and the fallback when
// a model fails. Nothing in its output is generated text except the short
// frames of the dispute lines ("US troops in Iraq: 2,500 [1] against
// about 2,000 [2]"), whose every value is copied from the cited sources.
package extractive

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
	"github.com/brieftool/brief/summarize/rank"
)

// Checker says whether evidence text supports a claim; briefing.Verifier
// is the one brief uses. The backend cites a source only where the check
// that will later run on the briefing already passes.
type Checker interface {
	Supports(claim, evidence string) (bool, string)
	SupportsMin(claim, evidence string, minRecall float64) (bool, string)
}

// alsoStates is the share of a line's content words another source's
// sentence must have for that source to be cited too: it must state the
// whole line, not just the gist the fact table merged it on.
const alsoStates = 0.8

// Writer is the extractive backend.
type Writer struct {
	check  Checker
	params rank.Params
}

// New returns the backend with brief's default selection constants.
func New(check Checker) *Writer { return &Writer{check: check, params: rank.DefaultParams()} }

// WithParams returns a copy that selects with other constants, for
// evaluation.
func (w *Writer) WithParams(p rank.Params) *Writer { return &Writer{check: w.check, params: p} }

// Limits of the page's parts, chosen so that the default briefing prints
// on one page.
const (
	maxKeyPoints = 7
	// fillKeyPoints is how many key points a briefing gets, taking
	// background picks when too few picks are news, before the rest goes
	// under Background.
	fillKeyPoints = 5
	maxDisputes   = 4
	maxQuotes     = 3
	maxCoverage   = 8
	// Quotes shorter than this say too little to be notable; longer ones
	// crowd the page.
	minQuoteWords, maxQuoteWords = 6, 60
)

// cite is a citation before sources are numbered: Source is a corpus
// index.
type cite struct {
	source int
	at     int
	ev     []summarize.Span
}

type item struct {
	ref      *rank.Ref // the sentence the line is, if it is one
	disputed string
	text     string
	cites    []cite
	facts    []int
	conflict string
	speaker  string
	quote    string
}

// job holds one Write call's state.
type job struct {
	w     *Writer
	c     *summarize.Corpus
	t     *facts.Table
	sel   *rank.Selector
	cited map[int]bool
}

// Write briefs the request's corpus.
func (w *Writer) Write(ctx context.Context, req briefing.Request) (*briefing.Briefing, error) {
	if req.Corpus == nil || len(req.Corpus.Sources) == 0 {
		return nil, fmt.Errorf("extractive: no sources to brief")
	}
	if req.Table == nil {
		return nil, fmt.Errorf("extractive: no fact table")
	}
	words := req.Words
	if words <= 0 {
		words = briefing.DefaultWords
	}
	j := &job{w: w, c: req.Corpus, t: req.Table, sel: rank.NewSelector(w.params), cited: map[int]bool{}}

	picks, err := j.sel.Select(ctx, j.c, rank.Options{Words: words, Focus: req.Focus, Exclude: j.unattributed(), Same: j.sameFact()})
	if err != nil {
		return nil, err
	}
	keys, background := j.split(picks)
	var keyItems, bgItems []item
	used := map[rank.Ref]bool{}
	for _, p := range keys {
		keyItems = append(keyItems, j.sentence(p))
		used[p.Ref] = true
	}
	for _, p := range background {
		bgItems = append(bgItems, j.sentence(p))
		used[p.Ref] = true
	}
	disputes, unshown := j.disputes(req.MinConfidence)
	usedFacts := map[int]bool{}
	for _, it := range append(append([]item(nil), keyItems...), bgItems...) {
		for _, f := range it.facts {
			usedFacts[f] = true
		}
	}
	quotes := j.quotes(used, usedFacts)
	j.flagDisputed(disputes, keyItems, bgItems, quotes)
	// With no title the sources back, the headline is the first key
	// point: a repeat, but the summary part stays what was selected.
	headline := j.headline(keyItems)

	b := &briefing.Briefing{Backend: "extractive", Focus: req.Focus, Budget: words}
	if unshown > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("%d more contradiction(s) at confidence %.2f or more are not shown here; brief conflicts lists them all.", unshown, req.MinConfidence))
	}
	for _, it := range append(append([]item(nil), keyItems...), bgItems...) {
		b.Words += len(strings.Fields(it.text))
	}
	coverage := j.coverage(keyItems, disputes)
	for _, group := range [][]item{{headline}, keyItems, bgItems, disputes, quotes} {
		for _, it := range group {
			for _, c := range it.cites {
				j.cited[c.source] = true
			}
		}
	}
	num := j.number(coverage)
	b.Sources = j.sourceList(num)
	b.Headline = j.render(headline, num)
	b.Dateline = briefing.NewDateline(j.c)
	add := func(id, title string, items []item) {
		if len(items) == 0 {
			return
		}
		s := briefing.Section{ID: id, Title: title}
		for _, it := range items {
			s.Items = append(s.Items, j.render(it, num))
		}
		b.Sections = append(b.Sections, s)
	}
	add(briefing.SectionKeyPoints, "Key points", keyItems)
	add(briefing.SectionDisputed, "Where sources differ", disputes)
	add(briefing.SectionQuotes, "Notable quotes", quotes)
	add(briefing.SectionBackground, "Background", bgItems)
	for _, row := range coverage {
		r := briefing.CoverageRow{Fact: j.t.Facts[row.fact].ID, Label: briefing.FactLabel(j.t.Facts[row.fact].Text), Disputed: row.disputed}
		for _, s := range j.t.Facts[row.fact].Sources() {
			if n := num[s]; n > 0 {
				r.Sources = append(r.Sources, n)
			}
		}
		sort.Ints(r.Sources)
		b.Coverage.Rows = append(b.Coverage.Rows, r)
	}
	return b, nil
}

// unattributed are sentences whose speaker is only a pronoun ("..., he
// said"): on a briefing line, away from the sentence that named them,
// the reader cannot tell who is speaking.
func (j *job) unattributed() map[rank.Ref]bool {
	out := map[rank.Ref]bool{}
	for si, cls := range j.t.Claims {
		for k := range cls {
			for _, a := range cls[k].Attributions {
				if a.Pronoun {
					out[rank.Ref{Source: si, Sentence: k}] = true
				}
			}
		}
	}
	return out
}

// sameFact classes sentences by the fact they were merged into.
func (j *job) sameFact() map[rank.Ref]int {
	out := map[rank.Ref]int{}
	for si, cls := range j.t.Claims {
		for k := range cls {
			if f := cls[k].Fact; f >= 0 {
				out[rank.Ref{Source: si, Sentence: k}] = f
			}
		}
	}
	return out
}

// split sorts the picks into key points (the most important first) and
// background (in the order events unfolded).
func (j *job) split(picks []rank.Pick) (keys, background []rank.Pick) {
	for _, p := range picks {
		if len(keys) < maxKeyPoints && j.kind(p.Ref) != facts.Background {
			keys = append(keys, p)
		} else {
			background = append(background, p)
		}
	}
	// A briefing of background alone still needs its main points: the
	// most important background picks fill the key points up to a
	// readable handful.
	for len(keys) < fillKeyPoints && len(background) > 0 {
		keys, background = append(keys, background[0]), background[1:]
	}
	rank.Sort(j.c, background)
	return keys, background
}

func (j *job) claim(r rank.Ref) *facts.Claim {
	if r.Source >= len(j.t.Claims) || r.Sentence >= len(j.t.Claims[r.Source]) {
		return nil
	}
	return &j.t.Claims[r.Source][r.Sentence]
}

func (j *job) kind(r rank.Ref) facts.Kind {
	if cl := j.claim(r); cl != nil && cl.Fact >= 0 {
		return j.t.Facts[cl.Fact].Kind
	}
	return facts.Event
}

// sentence makes a briefing line of a picked sentence, citing its own
// source and every other source whose sentence of the same fact supports
// the line as trimmed.
func (j *job) sentence(p rank.Pick) item {
	src := j.c.Sources[p.Source]
	full := src.Sentences[p.Sentence].Span
	ref := p.Ref
	it := item{ref: &ref, text: p.Text, cites: []cite{{source: p.Source, at: len(p.Text), ev: []summarize.Span{full}}}}
	seen := map[int]bool{p.Source: true}
	cl := j.claim(p.Ref)
	if cl == nil {
		return it
	}
	fs := append([]int(nil), cl.Facts...)
	if cl.Fact >= 0 {
		fs = append([]int{cl.Fact}, fs...)
	}
	for _, f := range fs {
		if !slices.Contains(it.facts, f) {
			it.facts = append(it.facts, f)
		}
		for _, e := range j.t.Facts[f].Evidence {
			if seen[e.Source] {
				continue
			}
			if ok, _ := j.w.check.SupportsMin(p.Text, e.Text, alsoStates); ok {
				seen[e.Source] = true
				it.cites = append(it.cites, cite{source: e.Source, at: len(p.Text), ev: []summarize.Span{e.Span}})
			}
		}
	}
	sortCites(it.cites)
	return it
}

func sortCites(cs []cite) {
	sort.SliceStable(cs, func(a, b int) bool {
		if cs[a].at != cs[b].at {
			return cs[a].at < cs[b].at
		}
		return cs[a].source < cs[b].source
	})
}

// flagDisputed marks the lines whose own sentence is evidence for a side
// of a contradiction the page reports.
func (j *job) flagDisputed(disputes []item, groups ...[]item) {
	side := map[rank.Ref]string{}
	shown := map[string]bool{}
	for _, d := range disputes {
		shown[d.conflict] = true
	}
	for _, cf := range j.t.Conflicts {
		if !shown[cf.ID] {
			continue
		}
		for _, sd := range cf.Sides {
			for _, e := range sd.Evidence {
				side[rank.Ref{Source: e.Source, Sentence: e.Sentence}] = cf.ID
			}
		}
	}
	for _, items := range groups {
		for i := range items {
			if r := items[i].ref; r != nil {
				items[i].disputed = side[*r]
			}
		}
	}
}

// disputes turns contradictions and updates into lines that give each
// side's value with the sources that state it.
// disputes also returns how many contradictions above the bar it could
// not show (over the page's cap, or with a side no source's sentence
// could be cited for), so the page can say so.
func (j *job) disputes(minConf float64) ([]item, int) {
	var cs []facts.Conflict
	for _, cf := range j.t.Conflicts {
		if cf.Confidence >= minConf {
			cs = append(cs, cf)
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].Confidence > cs[b].Confidence })
	var ups []facts.Conflict
	for _, cf := range j.t.Updates {
		if cf.Confidence >= minConf {
			ups = append(ups, cf)
		}
	}
	var out []item
	unshown := 0
	for _, cf := range append(cs, ups...) {
		if len(out) >= maxDisputes {
			unshown++
			continue
		}
		if it, ok := j.dispute(cf); ok {
			out = append(out, it)
		} else {
			unshown++
		}
	}
	return out, unshown
}

func (j *job) dispute(cf facts.Conflict) (item, bool) {
	line, ok := Dispute(j.w.check, cf)
	if !ok {
		return item{}, false
	}
	it := item{conflict: cf.ID, facts: cf.Facts, text: line.Text}
	for _, sd := range line.Sides {
		for _, c := range sd.Cites {
			it.cites = append(it.cites, cite{source: c.Source, at: sd.At, ev: c.Evidence})
		}
	}
	sortCites(it.cites)
	return it, true
}

// DisputeLine is the line that reports a contradiction: what the sides
// differ on, then each side's value as its sources print it, each
// followed by the marker of the sources that state it ("US troops in
// Iraq: 2,500 [1][4] against about 2,000 [2].").
type DisputeLine struct {
	Text  string
	Sides []DisputeSide
}

// DisputeSide is one side's marker: At is its byte offset in the line,
// Cites the sources (corpus indexes) that back the side's value.
type DisputeSide struct {
	At    int
	Cites []DisputeCite
}

// DisputeCite is a source backing a side, and its evidence spans.
type DisputeCite struct {
	Source   int
	Evidence []summarize.Span
}

// Dispute writes the line for contradiction cf from the fact table alone,
// so every value on it is a source's: the LLM backend uses it for the
// contradictions its model picks. ok is false when some side's value
// cannot be cited to any source, since a side no source can be shown to
// state is not reported.
func Dispute(check Checker, cf facts.Conflict) (DisputeLine, bool) {
	j := &job{w: &Writer{check: check}}
	sides := append([]facts.Side(nil), cf.Sides...)
	if cf.Update {
		sort.SliceStable(sides, func(a, b int) bool { return sides[a].Published < sides[b].Published })
	} else {
		sort.SliceStable(sides, func(a, b int) bool { return len(sides[a].Sources) > len(sides[b].Sources) })
	}
	var b strings.Builder
	b.WriteString(briefing.DisputeLead(cf))
	b.WriteString(": ")
	var line DisputeLine
	for k, sd := range sides {
		switch {
		case k == 0:
		case cf.Update:
			b.WriteString(", then ")
		default:
			b.WriteString(" against ")
		}
		v, cites := j.side(cf, sd)
		if len(cites) == 0 {
			return DisputeLine{}, false
		}
		b.WriteString(v)
		ds := DisputeSide{At: b.Len()}
		for _, c := range cites {
			ds.Cites = append(ds.Cites, DisputeCite{Source: c.source, Evidence: c.ev})
		}
		line.Sides = append(line.Sides, ds)
	}
	b.WriteString(".")
	line.Text = b.String()
	return line, true
}

// side words one side's value as its sources print it and cites each
// source whose evidence states it. The value is checked on its own: the
// frame before it names the slot and is no source's statement. Quoted
// words keep their quotation marks only when they are verbatim; a figure
// takes the unit the evidence gives it ("12.4" -> "12.4 percent").
func (j *job) side(cf facts.Conflict, sd facts.Side) (string, []cite) {
	var tries []string
	if cf.Kind == facts.QuoteConflict {
		tries = append(tries, "“"+sd.Value+"”")
	}
	tries = append(tries, sd.Value)
	for _, e := range sd.Evidence {
		if u := withUnit(sd.Value, e.Text); u != sd.Value {
			tries = append(tries, u)
			break
		}
	}
	for _, v := range tries {
		var cites []cite
		seen := map[int]bool{}
		for _, e := range sd.Evidence {
			if seen[e.Source] {
				continue
			}
			if ok, _ := j.w.check.Supports(v, e.Text); ok {
				seen[e.Source] = true
				cites = append(cites, cite{source: e.Source, ev: []summarize.Span{e.Span}})
			}
		}
		if len(cites) > 0 {
			return v, cites
		}
	}
	return "", nil
}

// withUnit extends a figure with the unit word that follows it in the
// evidence.
func withUnit(value, evidence string) string {
	i := strings.Index(evidence, value)
	if i < 0 {
		return value
	}
	rest := evidence[i+len(value):]
	for _, u := range []string{"%", " percent", " per cent", " million", " billion", " trillion"} {
		if strings.HasPrefix(rest, u) {
			return value + u
		}
	}
	return value
}

// quotes picks the quotations most sources carry, with a named speaker,
// copied exactly.
func (j *job) quotes(used map[rank.Ref]bool, usedFacts map[int]bool) []item {
	type cand struct {
		f     int
		ref   rank.Ref
		q     facts.Quote
		score float64
	}
	var cands []cand
	for fi, f := range j.t.Facts {
		// Words a key point already quotes are not repeated.
		if f.Kind != facts.QuoteFact || usedFacts[fi] {
			continue
		}
		best := cand{f: -1}
		for _, e := range f.Evidence {
			r := rank.Ref{Source: e.Source, Sentence: e.Sentence}
			cl := j.claim(r)
			if cl == nil || used[r] || j.c.Sources[e.Source].DuplicateOf != "" {
				continue
			}
			for _, q := range cl.Quotes {
				n := len(strings.Fields(q.Text))
				if q.Scare || q.Speaker == "" || q.Attribution.Anonymous || n < minQuoteWords || n > maxQuoteWords || !q.Open || !q.Close {
					continue
				}
				// The page gives the words to a speaker only where the
				// sentence itself names them: a "he said" resolved from
				// earlier text, or a quotation carried over, can give
				// one person's words to another. A long "speaker" is a
				// clause the attribution finder misread.
				if q.Attribution.Pronoun || q.Inherited || q.Inferred || len(strings.Fields(q.Speaker)) > 4 ||
					!strings.Contains(cl.Text, surname(q.Speaker)) {
					continue
				}
				// A fragment the reporter wove into a sentence is rarely
				// what made the words worth quoting.
				if q.Partial && n < 2*minQuoteWords {
					continue
				}
				if best.f < 0 || n > len(strings.Fields(best.q.Text)) {
					best = cand{f: fi, ref: r, q: q}
				}
			}
		}
		if best.f >= 0 {
			best.score = float64(f.Independent) + f.Centrality
			// A named person's words before a description's ("the
			// official").
			if best.q.SpeakerID >= 0 {
				best.score++
			}
			cands = append(cands, best)
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	var out []item
	speakers := map[string]int{}
	for _, cd := range cands {
		if len(out) >= maxQuotes {
			break
		}
		// One speaker may fill the section only when no one else is quoted.
		if speakers[cd.q.Speaker] > 0 && len(cands) > maxQuotes {
			continue
		}
		it, ok := j.quoteItem(cd.f, cd.ref, cd.q)
		if !ok {
			continue
		}
		speakers[cd.q.Speaker]++
		out = append(out, it)
	}
	return out
}

func (j *job) quoteItem(f int, r rank.Ref, q facts.Quote) (item, bool) {
	speaker := q.Speaker
	if r, n := utf8.DecodeRuneInString(speaker); unicode.IsLower(r) {
		speaker = string(unicode.ToUpper(r)) + speaker[n:]
	}
	text := speaker + ": “" + q.Text + "”"
	it := item{ref: &r, text: text, speaker: speaker, quote: q.Text, facts: []int{f}}
	seen := map[int]bool{}
	for _, e := range j.t.Facts[f].Evidence {
		if seen[e.Source] {
			continue
		}
		if ok, _ := j.w.check.Supports(text, e.Text); !ok {
			continue
		}
		seen[e.Source] = true
		it.cites = append(it.cites, cite{source: e.Source, at: len(text), ev: []summarize.Span{e.Span}})
	}
	if !seen[r.Source] {
		return item{}, false
	}
	sortCites(it.cites)
	return it, true
}

func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// headline is the source title that best matches the key points and that
// some source's own sentence supports; failing that, the first key point.
func (j *job) headline(keyItems []item) item {
	top := map[string]bool{}
	for i, it := range keyItems {
		if i >= 3 {
			break
		}
		for _, t := range j.sel.Terms(it.text) {
			top[t] = true
		}
	}
	type cand struct {
		title string
		score float64
	}
	var cands []cand
	seenTitle := map[string]bool{}
	for _, s := range j.c.Sources {
		t := strings.TrimSpace(s.Title)
		if t == "" || seenTitle[t] || s.DuplicateOf != "" || len(strings.Fields(t)) < 4 || len(strings.Fields(t)) > 16 {
			continue
		}
		seenTitle[t] = true
		terms := j.sel.Terms(t)
		if len(terms) == 0 {
			continue
		}
		hit := 0
		for _, x := range terms {
			if top[x] {
				hit++
			}
		}
		cands = append(cands, cand{t, float64(hit) / math.Sqrt(float64(len(terms)))})
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	for i, cd := range cands {
		if i >= 3 || cd.score == 0 {
			break
		}
		if it, ok := j.supported(cd.title); ok {
			return it
		}
	}
	if len(keyItems) > 0 {
		return keyItems[0]
	}
	return item{}
}

// supported cites, for text, each source with a sentence that supports
// it.
func (j *job) supported(text string) (item, bool) {
	terms := j.sel.Terms(text)
	it := item{text: text}
	for si, s := range j.c.Sources {
		for k, st := range s.Sentences {
			sent := s.Text[st.Start:st.End]
			if shared(j.sel.Terms(sent), terms) < 2 {
				continue
			}
			if ok, _ := j.w.check.SupportsMin(text, sent, alsoStates); ok {
				it.cites = append(it.cites, cite{source: si, at: len(text), ev: []summarize.Span{st.Span}})
				if cl := j.claim(rank.Ref{Source: si, Sentence: k}); cl != nil && cl.Fact >= 0 && !slices.Contains(it.facts, cl.Fact) {
					it.facts = append(it.facts, cl.Fact)
				}
				break
			}
		}
	}
	return it, len(it.cites) > 0
}

func shared(a, b []string) int {
	n := 0
	for _, x := range b {
		if slices.Contains(a, x) {
			n++
		}
	}
	return n
}

type coverageRow struct {
	fact     int
	disputed bool
}

// coverage lists the facts of the key points, then the most widely
// reported others, up to maxCoverage.
func (j *job) coverage(keys, disputes []item) []coverageRow {
	disputed := map[int]bool{}
	for _, d := range disputes {
		for _, f := range d.facts {
			disputed[f] = true
		}
	}
	var rows []coverageRow
	seen := map[int]bool{}
	add := func(f int) {
		if len(rows) < maxCoverage && !seen[f] {
			seen[f] = true
			rows = append(rows, coverageRow{f, disputed[f]})
		}
	}
	for _, it := range keys {
		if len(it.facts) > 0 {
			add(it.facts[0])
		}
	}
	for f := range j.t.Facts {
		if j.t.Facts[f].Independent < 2 {
			break
		}
		add(f)
	}
	return rows
}

// number assigns citation numbers: every source cited or shown in the
// coverage matrix, in corpus order.
func (j *job) number(rows []coverageRow) map[int]int {
	for _, r := range rows {
		for _, s := range j.t.Facts[r.fact].Sources() {
			j.cited[s] = true
		}
	}
	idx := make([]int, 0, len(j.cited))
	for s := range j.cited {
		idx = append(idx, s)
	}
	sort.Ints(idx)
	num := make(map[int]int, len(idx))
	for i, s := range idx {
		num[s] = i + 1
	}
	return num
}

func (j *job) render(it item, num map[int]int) briefing.Item {
	out := briefing.Item{Text: it.text, Conflict: it.conflict, Disputed: it.disputed, Speaker: it.speaker, Quote: it.quote}
	for _, f := range it.facts {
		out.Facts = append(out.Facts, j.t.Facts[f].ID)
	}
	for _, c := range it.cites {
		src := j.c.Sources[c.source]
		bc := briefing.Citation{N: num[c.source], Source: src.ID, At: c.at}
		for _, sp := range c.ev {
			bc.Evidence = append(bc.Evidence, briefing.Evidence{Start: sp.Start, End: sp.End, Text: src.Text[sp.Start:sp.End]})
		}
		out.Citations = append(out.Citations, bc)
	}
	return out
}

// sourceList is the numbered list citations point into. The number map
// is filled by the items first: render is called after number, so every
// cited source has its number.
func (j *job) sourceList(num map[int]int) []briefing.SourceRef {
	out := make([]briefing.SourceRef, len(num))
	for s, n := range num {
		out[n-1] = briefing.NewSourceRef(n, j.c.Sources[s])
	}
	return out
}
