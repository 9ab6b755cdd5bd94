package briefing

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
)

// FactJS is a fact in the JSON document.
type FactJS struct {
	ID          string       `json:"id"`
	Text        string       `json:"text"`
	Kind        string       `json:"kind"`
	Sources     []string     `json:"sources"`
	Support     int          `json:"support"`
	Independent int          `json:"independent"`
	SingleSrc   bool         `json:"single_source"`
	Centrality  float64      `json:"centrality"`
	Evidence    []EvidenceJS `json:"evidence"`
	Entities    []string     `json:"entities"`
	Conflicts   []string     `json:"conflicts"`
}

// EvidenceJS is a span of a source's text: byte offsets into that
// source's cleaned text (sources[].text), which is UTF-8.
type EvidenceJS struct {
	Source string `json:"source"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// ConflictJS is a contradiction (or, in updates, a figure a later report
// changed).
type ConflictJS struct {
	ID         string    `json:"id"`
	Kind       string    `json:"kind"`
	Subject    string    `json:"subject"`
	Confidence float64   `json:"confidence"`
	Reason     string    `json:"reason"`
	Update     bool      `json:"update"`
	Facts      []string  `json:"facts"`
	Claims     []ClaimJS `json:"claims"`
}

// ClaimJS is one side of a contradiction: a value and who gives it.
type ClaimJS struct {
	Value    string       `json:"value"`
	Sources  []string     `json:"sources"`
	Evidence []EvidenceJS `json:"evidence"`
}

// EntityJS is a named entity with the spellings sources use for it.
type EntityJS struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Variants []string `json:"variants"`
	Sources  int      `json:"sources"`
}

// FactView is what the fact commands show: the table with conflicts below
// the confidence bar taken out.
type FactView struct {
	Corpus *summarize.Corpus
	Table  *facts.Table
	// Conflicts and Updates are those at or above MinConfidence.
	Conflicts, Updates []facts.Conflict
	MinConfidence      float64
	Hidden             int
	// Top limits the facts shown in tables and compare; 0 shows all.
	Top int
}

// NewFactView filters a fact table's conflicts by confidence.
func NewFactView(c *summarize.Corpus, t *facts.Table, minConfidence float64, top int) *FactView {
	v := &FactView{Corpus: c, Table: t, MinConfidence: minConfidence, Top: top}
	for _, cf := range t.Conflicts {
		if cf.Confidence >= minConfidence {
			v.Conflicts = append(v.Conflicts, cf)
		} else {
			v.Hidden++
		}
	}
	for _, cf := range t.Updates {
		if cf.Confidence >= minConfidence {
			v.Updates = append(v.Updates, cf)
		} else {
			v.Hidden++
		}
	}
	return v
}

// FactFormats are the formats of brief facts, conflicts and compare.
func FactFormats() []Format {
	return []Format{FormatTable, FormatText, FormatMarkdown, FormatJSON, FormatCSV}
}

func (v *FactView) evidence(e facts.Evidence) EvidenceJS {
	return EvidenceJS{Source: v.Corpus.Sources[e.Source].ID, Text: e.Text, Start: e.Start, End: e.End}
}

func (v *FactView) conflictJS(cf facts.Conflict) ConflictJS {
	js := ConflictJS{ID: cf.ID, Kind: string(cf.Kind), Subject: cf.Subject, Confidence: cf.Confidence, Reason: cf.Reason, Update: cf.Update, Facts: []string{}}
	for _, f := range cf.Facts {
		js.Facts = append(js.Facts, v.Table.Facts[f].ID)
	}
	for _, sd := range cf.Sides {
		cl := ClaimJS{Value: sd.Value}
		for _, s := range sd.Sources {
			cl.Sources = append(cl.Sources, v.Corpus.Sources[s].ID)
		}
		for _, e := range sd.Evidence {
			cl.Evidence = append(cl.Evidence, v.evidence(e))
		}
		js.Claims = append(js.Claims, cl)
	}
	return js
}

// conflictsOf maps each fact to the shown conflicts that involve it.
func (v *FactView) conflictsOf() map[int][]facts.Conflict {
	m := map[int][]facts.Conflict{}
	for _, cf := range v.Conflicts {
		for _, f := range cf.Facts {
			m[f] = append(m[f], cf)
		}
	}
	return m
}

// Document is the JSON document of the fact stage: the corpus's document
// plus facts, conflicts, updates and entities.
func (v *FactView) Document(generator string) Document {
	d := NewDocument(v.Corpus, generator)
	byFact := v.conflictsOf()
	fs := make([]FactJS, 0, len(v.Table.Facts))
	for i, f := range v.Table.Facts {
		js := FactJS{ID: f.ID, Text: f.Text, Kind: string(f.Kind), Support: f.Support, Independent: f.Independent,
			SingleSrc: f.Support == 1, Centrality: f.Centrality, Sources: []string{}, Entities: []string{}, Conflicts: []string{}}
		for _, e := range f.Evidence {
			js.Sources = append(js.Sources, v.Corpus.Sources[e.Source].ID)
			js.Evidence = append(js.Evidence, v.evidence(e))
		}
		for _, e := range f.Entities {
			js.Entities = append(js.Entities, v.Table.Entities[e].Name)
		}
		for _, cf := range byFact[i] {
			js.Conflicts = append(js.Conflicts, cf.ID)
		}
		fs = append(fs, js)
	}
	cs := make([]ConflictJS, 0, len(v.Conflicts))
	for _, cf := range v.Conflicts {
		cs = append(cs, v.conflictJS(cf))
	}
	us := make([]ConflictJS, 0, len(v.Updates))
	for _, cf := range v.Updates {
		us = append(us, v.conflictJS(cf))
	}
	es := make([]EntityJS, 0, len(v.Table.Entities))
	for _, e := range v.Table.Entities {
		es = append(es, EntityJS{Name: e.Name, Kind: e.Kind, Variants: nonNil(e.Variants), Sources: e.Sources})
	}
	mc, hidden := v.MinConfidence, v.Hidden
	d.Facts, d.Conflicts, d.Updates, d.Entities, d.MinConfidence, d.Hidden = &fs, &cs, &us, &es, &mc, &hidden
	return d
}

// shown is the facts a table shows.
func (v *FactView) shown() []facts.Fact {
	if v.Top > 0 && len(v.Table.Facts) > v.Top {
		return v.Table.Facts[:v.Top]
	}
	return v.Table.Facts
}

// refs names sources by their list number, "1,3,4": short enough for a
// table column; the legend says which is which.
func refs(sources []int) string {
	parts := make([]string, len(sources))
	for i, s := range sources {
		parts[i] = strconv.Itoa(s + 1)
	}
	return strings.Join(parts, ",")
}

// legend lists the sources by number under a table.
func (v *FactView) legend(width int) string {
	var b strings.Builder
	b.WriteString("Sources:\n")
	for _, s := range v.Corpus.Sources {
		line := fmt.Sprintf("%3d  %s — %s (%s)", s.Index+1, outlet(s, s.ID), orDash(s.Title), date(s, "undated"))
		if g := v.Corpus.Groups[s.Group]; len(g.Members) > 1 {
			line += fmt.Sprintf(" [wire group %d]", s.Group)
		}
		b.WriteString(truncate(line, width))
		b.WriteByte('\n')
	}
	return b.String()
}

func truncate(s string, width int) string {
	if width <= 1 || utf8.RuneCountInString(s) <= width {
		return s
	}
	r := []rune(s)
	return string(r[:width-1]) + "…"
}

func (v *FactView) factSummary() string {
	st := stats(v.Corpus)
	single := 0
	for _, f := range v.Table.Facts {
		if f.Support == 1 {
			single++
		}
	}
	s := fmt.Sprintf("%s from %s (%d independent); %d stated by one source only", plural(len(v.Table.Facts), "fact"), plural(st.Sources, "source"), st.Independent, single)
	if len(v.shown()) < len(v.Table.Facts) {
		s += fmt.Sprintf("; top %d shown (--top 0 for all)", len(v.shown()))
	}
	return s + "."
}

func (v *FactView) conflictSummary() string {
	s := plural(len(v.Conflicts), "contradiction")
	if len(v.Updates) > 0 {
		s += ", " + plural(len(v.Updates), "update")
	}
	s += fmt.Sprintf(" at confidence ≥ %.2f", v.MinConfidence)
	if v.Hidden > 0 {
		s += fmt.Sprintf("; %d below (lower --min-confidence to see them)", v.Hidden)
	}
	return s + "."
}

// ---- tables shared by the commands ----

func boxTable(w io.Writer, header []string, rows [][]string, widths []int, align []tw.Align, st Style) error {
	for _, r := range rows {
		for j := range r {
			r[j] = wrap(r[j], widths[j])
		}
	}
	return renderBox(w, header, rows, align, st)
}

// renderBox draws rows already wrapped to their columns as a boxed table,
// with a bold header on a colour terminal. Escape codes are added by
// hand: tablewriter measures cells without them, and this keeps colour
// decisions (TTY, NO_COLOR) with the caller instead of a library-wide
// switch.
func renderBox(w io.Writer, header []string, rows [][]string, align []tw.Align, st Style) error {
	h := append([]string(nil), header...)
	if st.Color {
		for j := range h {
			h[j] = "\x1b[1m" + h[j] + "\x1b[0m"
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
	)
	t.Header(h)
	if err := t.Bulk(rows); err != nil {
		return err
	}
	return t.Render()
}

func mdTable(w io.Writer, header []string, rows [][]string) error {
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header(header)
	for _, r := range rows {
		for j := range r {
			r[j] = mdEscape(r[j])
		}
	}
	if err := t.Bulk(rows); err != nil {
		return err
	}
	return t.Render()
}

// fit gives the flexible column what the fixed ones leave of the width.
func fit(width int, fixed []int, flex int, minFlex int) []int {
	used := 3*len(fixed) + 1
	for j, f := range fixed {
		if j != flex {
			used += f
		}
	}
	out := append([]int(nil), fixed...)
	out[flex] = max(minFlex, width-used)
	return out
}

// ---- brief facts ----

// RenderFacts writes the fact table.
func RenderFacts(w io.Writer, v *FactView, f Format, st Style, generator string) error {
	switch f {
	case FormatJSON:
		return writeJSONDoc(w, v.Document(generator))
	case FormatCSV:
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"id", "kind", "support", "independent", "single_source", "centrality", "sources", "conflicts", "text"})
		byFact := v.conflictsOf()
		for i, fa := range v.Table.Facts {
			var ids, cs []string
			for _, e := range fa.Evidence {
				ids = append(ids, v.Corpus.Sources[e.Source].ID)
			}
			for _, cf := range byFact[i] {
				cs = append(cs, cf.ID)
			}
			_ = cw.Write([]string{fa.ID, string(fa.Kind), strconv.Itoa(fa.Support), strconv.Itoa(fa.Independent),
				strconv.FormatBool(fa.Support == 1), strconv.FormatFloat(fa.Centrality, 'f', -1, 64), strings.Join(ids, ";"), strings.Join(cs, ";"), fa.Text})
		}
		cw.Flush()
		return cw.Error()
	}
	byFact := v.conflictsOf()
	rows := make([][]string, 0, len(v.shown()))
	for i, fa := range v.shown() {
		text := oneLine(fa.Text)
		if cs := byFact[i]; len(cs) > 0 {
			var ids []string
			for _, cf := range cs {
				ids = append(ids, cf.ID)
			}
			text += " [disputed: " + strings.Join(ids, ", ") + "]"
		}
		src := refs(fa.Sources())
		if fa.Support == 1 {
			src += " (only)"
		}
		rows = append(rows, []string{fa.ID, text, string(fa.Kind), src, strconv.Itoa(fa.Independent)})
	}
	header := []string{"ID", "Fact", "Kind", "Sources", "Indep."}
	width := st.width()
	switch f {
	case FormatMarkdown:
		if err := mdTable(w, header, rows); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "\n%s\n\n%s", v.factSummary(), mdLegend(v))
		return err
	case FormatText:
		bw := bufio.NewWriter(w)
		for _, r := range rows {
			fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\n", r[0], r[2], r[4], r[3], r[1])
		}
		fmt.Fprintf(bw, "\n%s\n%s", v.factSummary(), v.legend(1<<20))
		return bw.Flush()
	case FormatTable:
		srcW := 7
		for _, r := range rows {
			srcW = max(srcW, min(utf8.RuneCountInString(r[3]), 14))
		}
		widths := fit(width, []int{4, 0, 11, srcW, 6}, 1, 24)
		if err := boxTable(w, header, rows, widths, []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignRight}, st); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "%s\n%s", wrap(v.factSummary(), width), v.legend(width))
		return err
	}
	return fmt.Errorf("facts: format %q not supported", f)
}

func mdLegend(v *FactView) string {
	var b strings.Builder
	b.WriteString("Sources:\n\n")
	for _, s := range v.Corpus.Sources {
		fmt.Fprintf(&b, "%d. %s — %s (%s), `%s`\n", s.Index+1, mdEscape(outlet(s, "—")), mdEscape(orDash(s.Title)), date(s, "undated"), strings.ReplaceAll(s.ID, "`", "'"))
	}
	return b.String()
}

func writeJSONDoc(w io.Writer, d Document) error {
	b, err := marshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// ---- brief conflicts ----

// excerpt cuts a long evidence sentence down to the part around the
// value, so a table shows the words that matter.
func excerpt(text, value string, n int) string {
	text = oneLine(text)
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	at := strings.Index(strings.ToLower(text), strings.ToLower(strings.Fields(value + " x")[0]))
	r := []rune(text)
	center := 0
	if at >= 0 {
		center = utf8.RuneCountInString(text[:at])
	}
	start := max(0, center-n/3)
	end := min(len(r), start+n)
	start = max(0, end-n)
	out := string(r[start:end])
	if start > 0 {
		out = "…" + out
	}
	if end < len(r) {
		out += "…"
	}
	return out
}

// RenderConflicts writes the contradictions and updates.
func RenderConflicts(w io.Writer, v *FactView, f Format, st Style, generator string) error {
	all := append(append([]facts.Conflict(nil), v.Conflicts...), v.Updates...)
	switch f {
	case FormatJSON:
		return writeJSONDoc(w, v.Document(generator))
	case FormatCSV:
		cw := csv.NewWriter(w)
		_ = cw.Write([]string{"id", "kind", "update", "subject", "confidence", "value", "sources", "evidence"})
		for _, cf := range all {
			for _, sd := range cf.Sides {
				var ids, ev []string
				for _, s := range sd.Sources {
					ids = append(ids, v.Corpus.Sources[s].ID)
				}
				for _, e := range sd.Evidence {
					ev = append(ev, oneLine(e.Text))
				}
				_ = cw.Write([]string{cf.ID, string(cf.Kind), strconv.FormatBool(cf.Update), cf.Subject, strconv.FormatFloat(cf.Confidence, 'f', -1, 64), sd.Value, strings.Join(ids, ";"), strings.Join(ev, " || ")})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	var rows [][]string
	for _, cf := range all {
		label := string(cf.Kind)
		if cf.Update {
			label = "update (" + label + ")"
		}
		for i, sd := range cf.Sides {
			id, subj := "", ""
			if i == 0 {
				id = cf.ID
				subj = fmt.Sprintf("%s — %s, %.2f", cf.Subject, label, cf.Confidence)
			}
			ev := ""
			if len(sd.Evidence) > 0 {
				ev = excerpt(sd.Evidence[0].Text, sd.Value, 110)
			}
			rows = append(rows, []string{id, subj, sd.Value, refs(sd.Sources), ev})
		}
	}
	width := st.width()
	header := []string{"ID", "Slot", "Value", "Sources", "Evidence"}
	variants := v.variantNote()
	switch f {
	case FormatMarkdown:
		if len(rows) > 0 {
			if err := mdTable(w, header, rows); err != nil {
				return err
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s\n\n", v.conflictSummary())
		if variants != "" {
			fmt.Fprintf(w, "%s\n\n", mdEscape(variants))
		}
		_, err := io.WriteString(w, mdLegend(v))
		return err
	case FormatText:
		bw := bufio.NewWriter(w)
		for _, cf := range all {
			kind := string(cf.Kind)
			if cf.Update {
				kind = "update"
			}
			fmt.Fprintf(bw, "%s\t%s\t%.2f\t%s\n", cf.ID, kind, cf.Confidence, cf.Subject)
			for _, sd := range cf.Sides {
				fmt.Fprintf(bw, "\t%s\t[%s]", sd.Value, refs(sd.Sources))
				for _, e := range sd.Evidence {
					fmt.Fprintf(bw, "\t%s", oneLine(e.Text))
				}
				fmt.Fprintln(bw)
			}
		}
		fmt.Fprintf(bw, "\n%s\n", v.conflictSummary())
		if variants != "" {
			fmt.Fprintln(bw, variants)
		}
		fmt.Fprint(bw, v.legend(1<<20))
		return bw.Flush()
	case FormatTable:
		if len(rows) > 0 {
			widths := fit(width, []int{4, 24, 14, 7, 0}, 4, 24)
			if err := boxTable(w, header, rows, widths, []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft}, st); err != nil {
				return err
			}
		}
		fmt.Fprintln(w, wrap(v.conflictSummary(), width))
		if variants != "" {
			fmt.Fprintln(w, wrap(variants, width))
		}
		_, err := io.WriteString(w, v.legend(width))
		return err
	}
	return fmt.Errorf("conflicts: format %q not supported", f)
}

// variantNote lists names the sources spell differently, which are not
// contradictions: the reader should see they were recognised as one.
func (v *FactView) variantNote() string {
	var parts []string
	for _, e := range v.Table.Entities {
		// People are where a spelling difference looks like two persons;
		// aliases of countries and groups ("US", "United States") are
		// noise here.
		if e.Kind != "person" || e.Sources < 2 || len(e.Variants) < 2 || !spellingVariants(e.Variants) {
			continue
		}
		parts = append(parts, strings.Join(e.Variants, " = "))
	}
	if len(parts) == 0 {
		return ""
	}
	if len(parts) > 12 {
		parts = append(parts[:12], fmt.Sprintf("and %d more", len(parts)-12))
	}
	return "Same names, spelled differently (not contradictions): " + strings.Join(parts, "; ") + "."
}

// spellingVariants reports whether some two variants differ by more than
// one being a shortening of the other ("Sudani" of "Mohammed al-Sudani"):
// those are worth pointing out.
func spellingVariants(vs []string) bool {
	norm := func(s string) []string {
		return strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "'", "", "’", "").Replace(s)))
	}
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			a, b := norm(vs[i]), norm(vs[j])
			if !subsetWords(a, b) && !subsetWords(b, a) {
				return true
			}
		}
	}
	return false
}

func subsetWords(a, b []string) bool {
	set := map[string]bool{}
	for _, w := range b {
		set[w] = true
	}
	for _, w := range a {
		if !set[w] && w != "al" {
			return false
		}
	}
	return true
}

// ---- brief compare ----

// RenderCompare writes the sources × facts matrix.
func RenderCompare(w io.Writer, v *FactView, f Format, st Style, generator string) error {
	if f == FormatJSON {
		return writeJSONDoc(w, v.Document(generator))
	}
	byFact := v.conflictsOf()
	n := len(v.Corpus.Sources)
	cell := func(fi int, s int) string {
		fa := v.Table.Facts[fi]
		for _, cf := range byFact[fi] {
			for _, sd := range cf.Sides {
				for _, src := range sd.Sources {
					if src == s {
						return sd.Value
					}
				}
			}
		}
		for _, e := range fa.Evidence {
			if e.Source == s {
				return "●"
			}
		}
		return "–"
	}
	shown := v.shown()
	if f == FormatCSV {
		cw := csv.NewWriter(w)
		head := []string{"fact", "kind", "independent", "text"}
		for _, s := range v.Corpus.Sources {
			head = append(head, s.ID)
		}
		_ = cw.Write(head)
		for i, fa := range v.Table.Facts {
			row := []string{fa.ID, string(fa.Kind), strconv.Itoa(fa.Independent), fa.Text}
			for s := 0; s < n; s++ {
				c := cell(i, s)
				switch c {
				case "●":
					c = "states"
				case "–":
					c = ""
				}
				row = append(row, c)
			}
			_ = cw.Write(row)
		}
		cw.Flush()
		return cw.Error()
	}
	width := st.width()
	// Source columns are numbered; as many as fit beside a readable fact
	// column are shown, the rest are named in the note under the table.
	colW := 3
	for fi := range shown {
		for s := 0; s < n; s++ {
			colW = max(colW, min(utf8.RuneCountInString(cell(fi, s)), 12))
		}
	}
	cols := n
	if f == FormatTable {
		for cols > 1 && 3*(cols+2)+1+4+30+cols*colW > width {
			cols--
		}
	}
	header := []string{"ID", "Fact"}
	for s := 0; s < cols; s++ {
		header = append(header, strconv.Itoa(s+1))
	}
	var rows [][]string
	for fi, fa := range shown {
		row := []string{fa.ID, oneLine(fa.Text)}
		for s := 0; s < cols; s++ {
			row = append(row, cell(fi, s))
		}
		rows = append(rows, row)
	}
	note := fmt.Sprintf("● states the fact, – does not, a value where sources differ. %s", v.factSummary())
	if cols < n {
		note += fmt.Sprintf(" Sources %d–%d do not fit this width; see --format csv or json.", cols+1, n)
	}
	switch f {
	case FormatMarkdown:
		if err := mdTable(w, header, rows); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "\n%s\n\n%s", note, mdLegend(v))
		return err
	case FormatText:
		bw := bufio.NewWriter(w)
		for _, r := range rows {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", r[0], strings.Join(r[2:], "\t"), r[1])
		}
		fmt.Fprintf(bw, "\n%s\n%s", note, v.legend(1<<20))
		return bw.Flush()
	case FormatTable:
		fixed := []int{4, 0}
		align := []tw.Align{tw.AlignLeft, tw.AlignLeft}
		for s := 0; s < cols; s++ {
			fixed = append(fixed, colW)
			align = append(align, tw.AlignCenter)
		}
		widths := fit(width, fixed, 1, 24)
		if err := boxTable(w, header, rows, widths, align, st); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "%s\n%s", wrap(note, width), v.legend(width))
		return err
	}
	return fmt.Errorf("compare: format %q not supported", f)
}
