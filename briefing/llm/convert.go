package llm

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/extractive"
	"github.com/brieftool/brief/prompts"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
	"github.com/brieftool/brief/summarize/words"
)

// Checker says whether evidence supports a claim; briefing.Verifier is
// the one brief uses. The backend uses it to choose, in each cited
// source, the sentence that best backs a claim, and to write dispute
// lines: the verdict on each sentence is the citation check's, after the
// backend is done.
type Checker = extractive.Checker

// Limits of the page, as the extractive backend keeps them, so a model's
// briefing also prints on one page.
const (
	maxKeyPoints = 7
	maxDisputes  = 4
	maxQuotes    = 3
	maxCoverage  = 8
	// overBudget is how far past --words the summary part may run before
	// the last background sentences are cut (with a note): models count
	// words loosely.
	overBudget = 1.25
)

// draftItem is a sentence before its sources are numbered.
type draftItem struct {
	section  string
	text     string
	groups   []citeGroup
	facts    []int
	conflict string
	disputed string
	speaker  string
	quote    string
}

type citeGroup struct {
	at    int
	cites []draftCite
}

type draftCite struct {
	id     string // as the model wrote it: "S3"
	source int    // corpus index, -1 when no source has the id
	ev     []summarize.Span
	sents  []int // the evidence's sentence indexes in the source
	// ok is set when the evidence passed the check as the backend ran
	// it: drafts failing it are not handed on to the merge.
	ok bool
}

// converter turns one answer into briefing items.
type converter struct {
	in    *input
	check Checker
	// unknownDisputes counts disputes naming no contradiction of the
	// table; they are left out, and the page says so.
	unknownDisputes int
	// unnamedQuotes counts quotes left out for want of a speaker.
	unnamedQuotes int
}

// items converts the answer's sentences, section by section; each
// sentence is split off on its own so each is checked on its own.
func (cv *converter) items(a *answer) (headline *draftItem, sections map[string][]draftItem) {
	sections = map[string][]draftItem{}
	if h := strings.TrimSpace(a.Headline); h != "" {
		if its := cv.sentence(briefing.SectionKeyPoints, h, nil); len(its) > 0 {
			// A headline is one line: its first sentence.
			headline = &its[0]
		}
	}
	// Only what the page can show is converted (the evidence search is
	// the costly part): a runaway answer of thousands of points costs no
	// more than a page.
	a.KeyPoints = a.KeyPoints[:min(len(a.KeyPoints), 3*maxKeyPoints)]
	a.Background = a.Background[:min(len(a.Background), 30)]
	a.Quotes = a.Quotes[:min(len(a.Quotes), 3*maxQuotes)]
	a.Disputes = a.Disputes[:min(len(a.Disputes), 3*maxDisputes)]
	for _, p := range a.KeyPoints {
		sections[briefing.SectionKeyPoints] = append(sections[briefing.SectionKeyPoints], cv.sentence(briefing.SectionKeyPoints, p.Text, p.Facts)...)
	}
	for _, p := range a.Background {
		sections[briefing.SectionBackground] = append(sections[briefing.SectionBackground], cv.sentence(briefing.SectionBackground, p.Text, p.Facts)...)
	}
	// The model picks the contradictions that matter; their lines are
	// written from the fact table, as the extractive backend writes them,
	// so a dispute line can neither misstate a side nor relabel one
	// contradiction with another's slot.
	shown := map[string]bool{}
	for _, d := range a.Disputes {
		cf := cv.in.conflict[strings.ToUpper(strings.TrimSpace(d.Conflict))]
		if cf == nil {
			cv.unknownDisputes++
			continue
		}
		if shown[cf.ID] {
			continue
		}
		shown[cf.ID] = true
		if it, ok := cv.dispute(cf); ok {
			sections[briefing.SectionDisputed] = append(sections[briefing.SectionDisputed], it)
		}
	}
	for _, q := range a.Quotes {
		quote := strings.TrimSpace(strings.Trim(strings.TrimSpace(q.Quote), `"“”`))
		speaker := strings.TrimSpace(q.Speaker)
		if quote == "" {
			continue
		}
		// A notable quote names who said it, and its speaker is a name
		// or a role, not a clause that could carry a claim of its own.
		if !nameLike(speaker) {
			cv.unnamedQuotes++
			continue
		}
		text := "“" + quote + "”"
		if speaker != "" {
			text = speaker + ": " + text
		}
		it := draftItem{section: briefing.SectionQuotes, text: text, speaker: speaker, quote: quote}
		ids := make([]string, 0, len(q.Sources))
		for _, s := range q.Sources {
			if id, ok := normSourceID(strings.Trim(strings.TrimSpace(s), "[]")); ok {
				ids = appendNew(ids, id)
			} else {
				ids = appendNew(ids, strings.TrimSpace(s))
			}
		}
		if len(ids) > 0 {
			it.groups = []citeGroup{cv.group(text, markGroup{at: len(text), ids: ids})}
		}
		sections[briefing.SectionQuotes] = append(sections[briefing.SectionQuotes], it)
	}
	return headline, sections
}

// sentence converts one key point or background item, split into its
// sentences.
func (cv *converter) sentence(section, text string, factIDs []string) []draftItem {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	var fs []int
	for _, id := range factIDs {
		if fi, ok := cv.in.fact[strings.ToUpper(strings.TrimSpace(id))]; ok {
			fs = append(fs, fi)
		}
	}
	var out []draftItem
	for _, m := range splitSentences(parseMarkers(text)) {
		it := draftItem{section: section, text: m.text, facts: fs}
		from := 0
		for _, g := range extendLast(m.text, m.groups) {
			it.groups = append(it.groups, cv.group(m.text[from:g.at], g))
			from = g.at
		}
		cv.wholeSentence(&it)
		out = append(out, it)
	}
	return out
}

// wholeSentence judges a sentence whose markers cut it into parts as a
// whole too: "it is not [S5] about keeping troops [S5]" has each part
// backed, and the sentence denying what the source says. When the whole
// sentence contradicts its evidence taken together, every cited source
// must back all of it.
func (cv *converter) wholeSentence(it *draftItem) {
	if len(it.groups) < 2 {
		return
	}
	var ev []string
	var ids []string
	for _, g := range it.groups {
		for _, c := range g.cites {
			ids = appendNew(ids, c.id)
			if c.source < 0 {
				continue
			}
			src := cv.in.corpus.Sources[c.source]
			for _, sp := range c.ev {
				ev = append(ev, src.Text[sp.Start:sp.End])
			}
		}
	}
	if ok, why := cv.check.SupportsMin(it.text, strings.Join(ev, " "), briefing.DefaultMinRecall); ok || !contradicts(why) {
		return
	}
	it.groups = []citeGroup{cv.group(it.text, markGroup{at: len(it.text), ids: ids})}
}

// extendLast moves the last group to the end of the text when words
// follow it ("A [S1], and B."): every word must be backed by some group,
// and the last group's sources are then checked for all of it.
func extendLast(text string, groups []markGroup) []markGroup {
	if len(groups) == 0 {
		return groups
	}
	last := groups[len(groups)-1]
	if strings.IndexFunc(text[last.at:], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
		out := append([]markGroup(nil), groups...)
		out[len(out)-1].at = len(text)
		return out
	}
	return groups
}

// group resolves a marker group's ids and finds, in each cited source,
// the evidence for claim.
func (cv *converter) group(claim string, g markGroup) citeGroup {
	cg := citeGroup{at: g.at}
	for _, id := range g.ids {
		si, ok := cv.in.source[id]
		if !ok {
			cg.cites = append(cg.cites, draftCite{id: id, source: -1})
			continue
		}
		sents, ok := cv.evidence(claim, si)
		dc := draftCite{id: id, source: si, sents: sents, ok: ok}
		for _, k := range sents {
			dc.ev = append(dc.ev, cv.in.corpus.Sources[si].Sentences[k].Span)
		}
		cg.cites = append(cg.cites, dc)
	}
	return cg
}

// evidence picks the span of source si that best backs claim: the
// sentence (or two adjacent sentences, for a claim that joins them) that
// the check accepts, preferring the one sharing the most content words.
// When none is accepted it returns the closest sentence anyway, so that
// the check's verdict names what the source lacks.
func (cv *converter) evidence(claim string, si int) ([]int, bool) {
	src := cv.in.corpus.Sources[si]
	if len(src.Sentences) == 0 {
		return nil, false
	}
	want := contentTerms(claim)
	type cand struct {
		i     int
		score int
	}
	cands := make([]cand, len(src.Sentences))
	for i := range src.Sentences {
		have := contentTerms(src.SentenceText(i))
		n := 0
		for t := range want {
			if have[t] {
				n++
			}
		}
		cands[i] = cand{i, n}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	const tries = 4
	// The first sentence that contradicts the claim ("Friday" where it
	// says Tuesday) is the source's own word on the matter: weaker
	// sentences that merely lack the detail must not rescue the claim,
	// though the sentence joined with its neighbour may (a claim that
	// joins two of the source's sentences, one of them dated).
	contra := -1
	for k := 0; k < len(cands) && k < tries; k++ {
		sp := src.Sentences[cands[k].i].Span
		ok, why := cv.check.SupportsMin(claim, src.Text[sp.Start:sp.End], briefing.DefaultMinRecall)
		if ok && contra < 0 {
			return []int{cands[k].i}, true
		}
		if !ok && contra < 0 && contradicts(why) {
			contra = k
		}
	}
	for k := 0; k < len(cands) && k < 2; k++ {
		if contra >= 0 && k != contra {
			continue
		}
		i := cands[k].i
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(src.Sentences) {
				continue
			}
			a, b := src.Sentences[min(i, j)].Span, src.Sentences[max(i, j)].Span
			if ok, _ := cv.check.SupportsMin(claim, src.Text[a.Start:a.End]+" "+src.Text[b.Start:b.End], briefing.DefaultMinRecall); ok {
				return []int{min(i, j), max(i, j)}, true
			}
		}
	}
	if contra >= 0 {
		return []int{cands[contra].i}, false
	}
	return []int{cands[0].i}, false
}

// contentTerms are a text's words as the fact table compares them,
// without the short function words.
func contentTerms(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) < 3 {
			continue
		}
		out[words.Americanize(words.Stem(words.Fold(w)))] = true
	}
	return out
}

// build numbers the cited sources and makes the briefing.
func (cv *converter) build(headline *draftItem, sections map[string][]draftItem, words int) *briefing.Briefing {
	b := &briefing.Briefing{Focus: cv.in.data.Focus, Budget: words}
	// Page limits: a model asked for 3 to 7 key points may write 12.
	limit := map[string]int{briefing.SectionKeyPoints: maxKeyPoints, briefing.SectionDisputed: maxDisputes, briefing.SectionQuotes: maxQuotes}
	for sec, n := range limit {
		if len(sections[sec]) > n {
			b.Notes = append(b.Notes, fmt.Sprintf("The model wrote %d items under %s; the first %d are shown.", len(sections[sec]), sectionTitle(sec), n))
			sections[sec] = sections[sec][:n]
		}
	}
	count := func() int {
		n := 0
		for _, sec := range []string{briefing.SectionKeyPoints, briefing.SectionBackground} {
			for _, it := range sections[sec] {
				n += len(strings.Fields(it.text))
			}
		}
		return n
	}
	if w := count(); float64(w) > overBudget*float64(words) {
		cut := 0
		for float64(count()) > overBudget*float64(words) && len(sections[briefing.SectionBackground]) > 0 {
			sections[briefing.SectionBackground] = sections[briefing.SectionBackground][:len(sections[briefing.SectionBackground])-1]
			cut++
		}
		for float64(count()) > overBudget*float64(words) && len(sections[briefing.SectionKeyPoints]) > 3 {
			sections[briefing.SectionKeyPoints] = sections[briefing.SectionKeyPoints][:len(sections[briefing.SectionKeyPoints])-1]
			cut++
		}
		if cut > 0 {
			b.Notes = append(b.Notes, fmt.Sprintf("The model wrote %d words against a budget of %d; its last %d sentence(s) were cut.", w, words, cut))
		}
	}
	cv.addStated(sections)
	cv.flagDisputed(sections)
	if n := len(cv.in.data.Conflicts) + len(cv.in.data.Updates) - len(sections[briefing.SectionDisputed]); n > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("%d more contradiction(s) at confidence %.2f or more are not shown here; brief conflicts lists them all.", n, cv.in.minConf))
	}
	if cv.unnamedQuotes > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("%d quotation(s) the model gave without a named speaker were left out.", cv.unnamedQuotes))
	}
	if cv.unknownDisputes > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("The model reported %d contradiction(s) the fact table does not have; they are left out.", cv.unknownDisputes))
	}

	cited := map[int]bool{}
	all := []*draftItem{headline}
	for _, sec := range sectionOrder {
		for i := range sections[sec] {
			all = append(all, &sections[sec][i])
		}
	}
	for _, it := range all {
		if it == nil {
			continue
		}
		for _, g := range it.groups {
			for _, c := range g.cites {
				if c.source >= 0 {
					cited[c.source] = true
				}
			}
		}
	}
	rows := cv.coverage(all)
	for _, r := range rows {
		for _, s := range cv.in.table.Facts[r.fact].Sources() {
			cited[s] = true
		}
	}
	idx := make([]int, 0, len(cited))
	for s := range cited {
		idx = append(idx, s)
	}
	sort.Ints(idx)
	num := make(map[int]int, len(idx))
	for i, s := range idx {
		num[s] = i + 1
		b.Sources = append(b.Sources, briefing.NewSourceRef(i+1, cv.in.corpus.Sources[s]))
	}
	if headline != nil {
		b.Headline = cv.render(*headline, num)
	}
	for _, sec := range sectionOrder {
		if len(sections[sec]) == 0 {
			continue
		}
		s := briefing.Section{ID: sec, Title: sectionTitle(sec)}
		for _, it := range sections[sec] {
			s.Items = append(s.Items, cv.render(it, num))
		}
		b.Sections = append(b.Sections, s)
	}
	for _, sec := range []string{briefing.SectionKeyPoints, briefing.SectionBackground} {
		for _, it := range sections[sec] {
			b.Words += len(strings.Fields(it.text))
		}
	}
	for _, r := range rows {
		f := &cv.in.table.Facts[r.fact]
		row := briefing.CoverageRow{Fact: f.ID, Label: briefing.FactLabel(f.Text), Disputed: r.disputed}
		for _, s := range f.Sources() {
			if n := num[s]; n > 0 {
				row.Sources = append(row.Sources, n)
			}
		}
		sort.Ints(row.Sources)
		b.Coverage.Rows = append(b.Coverage.Rows, row)
	}
	b.Dateline = briefing.NewDateline(cv.in.corpus)
	return b
}

var sectionOrder = []string{briefing.SectionKeyPoints, briefing.SectionDisputed, briefing.SectionQuotes, briefing.SectionBackground}

func sectionTitle(id string) string {
	switch id {
	case briefing.SectionKeyPoints:
		return "Key points"
	case briefing.SectionDisputed:
		return "Where sources differ"
	case briefing.SectionQuotes:
		return "Notable quotes"
	case briefing.SectionBackground:
		return "Background"
	}
	return id
}

// render makes the schema's item. A citation to an id no source has keeps
// the id as its Source, with no number, so the check reports it.
func (cv *converter) render(it draftItem, num map[int]int) briefing.Item {
	out := briefing.Item{Text: it.text, Conflict: it.conflict, Disputed: it.disputed, Speaker: it.speaker, Quote: it.quote}
	seenFact := map[int]bool{}
	for _, f := range cv.factsOf(it) {
		if !seenFact[f] && f >= 0 && f < len(cv.in.table.Facts) {
			seenFact[f] = true
			out.Facts = append(out.Facts, cv.in.table.Facts[f].ID)
		}
	}
	for _, g := range it.groups {
		cs := append([]draftCite(nil), g.cites...)
		sort.SliceStable(cs, func(a, b int) bool { return num[cs[a].source] < num[cs[b].source] })
		for _, c := range cs {
			if c.source < 0 {
				out.Citations = append(out.Citations, briefing.Citation{Source: c.id, At: g.at})
				continue
			}
			src := cv.in.corpus.Sources[c.source]
			bc := briefing.Citation{N: num[c.source], Source: src.ID, At: g.at}
			for _, sp := range c.ev {
				bc.Evidence = append(bc.Evidence, briefing.Evidence{Start: sp.Start, End: sp.End, Text: src.Text[sp.Start:sp.End]})
			}
			out.Citations = append(out.Citations, bc)
		}
	}
	return out
}

// addStated adds the line of every contradiction a sentence on the page
// states a side of, when the model did not report it (within the page's
// limit): a figure the sources dispute must not read as agreed.
func (cv *converter) addStated(sections map[string][]draftItem) {
	type ref struct{ source, start int }
	side := map[ref]*facts.Conflict{}
	// In the prompt's order (contradictions by confidence, then updates),
	// not the map's: when two share a sentence, the first claims it, the
	// same on every run.
	for _, pc := range append(append([]prompts.Conflict(nil), cv.in.data.Conflicts...), cv.in.data.Updates...) {
		cf := cv.in.conflict[pc.ID]
		for _, sd := range cf.Sides {
			for _, e := range sd.Evidence {
				if k := (ref{e.Source, e.Start}); side[k] == nil {
					side[k] = cf
				}
			}
		}
	}
	shown := map[string]bool{}
	for _, d := range sections[briefing.SectionDisputed] {
		shown[d.conflict] = true
	}
	for _, sec := range []string{briefing.SectionKeyPoints, briefing.SectionQuotes, briefing.SectionBackground} {
		for _, it := range sections[sec] {
			for _, g := range it.groups {
				for _, c := range g.cites {
					for _, sp := range c.ev {
						cf := side[ref{c.source, sp.Start}]
						if cf == nil || shown[cf.ID] || len(sections[briefing.SectionDisputed]) >= maxDisputes {
							continue
						}
						shown[cf.ID] = true
						if d, ok := cv.dispute(cf); ok {
							sections[briefing.SectionDisputed] = append(sections[briefing.SectionDisputed], d)
						}
					}
				}
			}
		}
	}
}

// flagDisputed marks key points and background lines whose evidence is
// a side of a contradiction the page reports, as the extractive backend
// does: the reader must not take that figure as agreed.
func (cv *converter) flagDisputed(sections map[string][]draftItem) {
	type ref struct{ source, start int }
	side := map[ref]string{}
	for _, d := range sections[briefing.SectionDisputed] {
		cf := cv.in.conflict[tableID(d.conflict)]
		if cf == nil {
			continue
		}
		for _, sd := range cf.Sides {
			for _, e := range sd.Evidence {
				side[ref{e.Source, e.Start}] = cf.ID
			}
		}
	}
	if len(side) == 0 {
		return
	}
	for _, sec := range []string{briefing.SectionKeyPoints, briefing.SectionQuotes, briefing.SectionBackground} {
		for i := range sections[sec] {
			it := &sections[sec][i]
			for _, g := range it.groups {
				for _, c := range g.cites {
					for _, sp := range c.ev {
						if id, ok := side[ref{c.source, sp.Start}]; ok {
							it.disputed = id
						}
					}
				}
			}
		}
	}
}

type coverageRow struct {
	fact     int
	disputed bool
}

// coverage is the facts the page's sentences state, most widely reported
// first, for the sources × facts matrix.
func (cv *converter) coverage(items []*draftItem) []coverageRow {
	disputed := map[int]bool{}
	seen := map[int]bool{}
	var fs []int
	for _, it := range items {
		if it == nil {
			continue
		}
		for _, f := range cv.factsOf(*it) {
			if it.conflict != "" {
				disputed[f] = true
			}
			if !seen[f] && f >= 0 && f < len(cv.in.table.Facts) {
				seen[f] = true
				fs = append(fs, f)
			}
		}
	}
	tf := cv.in.table.Facts
	sort.SliceStable(fs, func(a, b int) bool { return tf[fs[a]].Independent > tf[fs[b]].Independent })
	var rows []coverageRow
	for _, f := range fs {
		if tf[f].Support < 2 {
			continue // a matrix row of one source compares nothing
		}
		rows = append(rows, coverageRow{fact: f, disputed: disputed[f]})
		if len(rows) == maxCoverage {
			break
		}
	}
	return rows
}

// factsOf is the facts an item states: those the model named, and those
// its evidence sentences were merged into by the fact table (models often
// leave "facts" empty).
func (cv *converter) factsOf(it draftItem) []int {
	out := append([]int(nil), it.facts...)
	for _, g := range it.groups {
		for _, c := range g.cites {
			if c.source < 0 || c.source >= len(cv.in.table.Claims) {
				continue
			}
			for _, k := range c.sents {
				if k < len(cv.in.table.Claims[c.source]) {
					if f := cv.in.table.Claims[c.source][k].Fact; f >= 0 && !slices.Contains(out, f) {
						out = append(out, f)
					}
				}
			}
		}
	}
	return out
}

// dispute is the table's line for contradiction cf.
func (cv *converter) dispute(cf *facts.Conflict) (draftItem, bool) {
	line, ok := extractive.Dispute(cv.check, *cf)
	if !ok {
		return draftItem{}, false
	}
	it := draftItem{section: briefing.SectionDisputed, text: line.Text, conflict: cf.ID, facts: append([]int(nil), cf.Facts...)}
	for _, sd := range line.Sides {
		g := citeGroup{at: sd.At}
		for _, c := range sd.Cites {
			dc := draftCite{id: sourceID(c.Source), source: c.Source, ev: c.Evidence, ok: true}
			src := cv.in.corpus.Sources[c.Source]
			for _, sp := range c.Evidence {
				for k, sent := range src.Sentences {
					if sent.Span == sp {
						dc.sents = append(dc.sents, k)
					}
				}
			}
			g.cites = append(g.cites, dc)
		}
		it.groups = append(it.groups, g)
	}
	return it, true
}

// contradicts reports whether the check's reason is a contradiction
// rather than something missing.
func contradicts(reason string) bool {
	return strings.Contains(reason, "contradicts") || strings.Contains(reason, "negation") || strings.Contains(reason, "opposite")
}

// nameLike reports whether a quote's speaker reads as a name or a short
// role ("Lloyd Austin", "the defence official"): at most six words, no
// clause, not a pronoun.
func nameLike(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 6 || strings.ContainsAny(s, ",;:()[]\"“”") {
		return false
	}
	if len(f) == 1 {
		switch strings.ToLower(f[0]) {
		case "he", "she", "they", "it", "we", "i", "you", "someone", "unknown":
			return false
		}
	}
	for _, w := range f {
		switch strings.ToLower(w) {
		case "who", "which", "that", "after", "before", "when", "while", "because", "said", "says":
			return false
		}
	}
	return true
}
