package briefing

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FormatHTML is one self-contained page, for a browser or a printer.
const FormatHTML Format = "html"

// BriefingFormats are the formats a briefing is written in.
func BriefingFormats() []Format {
	return []Format{FormatText, FormatMarkdown, FormatJSON, FormatHTML}
}

// BriefingDocument is the JSON form of a briefing. It carries the schema
// version and generator like Document, so scripts can tell the two apart
// by their top-level field.
type BriefingDocument struct {
	SchemaVersion int       `json:"schema_version"`
	Generator     string    `json:"generator"`
	Briefing      *Briefing `json:"briefing"`
}

// RenderBriefing writes b in format f. Style applies to text only;
// generator is recorded in the JSON document and the HTML page's head.
func RenderBriefing(w io.Writer, b *Briefing, f Format, st Style, generator string) error {
	if b == nil {
		return fmt.Errorf("rendering a briefing: no briefing")
	}
	switch f {
	case FormatText:
		return briefText(w, b, st)
	case FormatMarkdown:
		return briefMarkdown(w, b)
	case FormatJSON:
		return WriteJSON(w, BriefingDocument{SchemaVersion: SchemaVersion, Generator: generator, Briefing: briefForJSON(b)})
	case FormatHTML:
		return briefHTML(w, b, generator)
	}
	names := make([]string, 0, 4)
	for _, g := range BriefingFormats() {
		names = append(names, string(g))
	}
	return fmt.Errorf("a briefing cannot be written as %q (want one of %s)", f, strings.Join(names, ", "))
}

// ---- citation markers ----

// Marked returns Text with citation markers inserted: mark(c) for each
// citation, consecutive citations with the same At forming one group
// after a space ("in Iraq [1][4]"). A group never lands after the
// punctuation that closes its claim: "in Iraq [1][4]." and
// "at 12 [2], while" read as citing the claim, not the next one. Offsets
// are clamped to the text and to rune boundaries, so a malformed citation
// misplaces a marker but never loses or repeats text.
func (it Item) Marked(mark func(c Citation) string) string {
	text := it.Text
	var b strings.Builder
	prev := 0
	for i := 0; i < len(it.Citations); {
		j := i + 1
		for j < len(it.Citations) && it.Citations[j].At == it.Citations[i].At {
			j++
		}
		p := markerAt(text, it.Citations[i].At, prev)
		b.WriteString(text[prev:p])
		if p > 0 {
			b.WriteByte(' ')
		}
		for _, c := range it.Citations[i:j] {
			b.WriteString(mark(c))
		}
		if p == 0 && text != "" {
			b.WriteByte(' ')
		}
		prev = p
		i = j
	}
	b.WriteString(text[prev:])
	return b.String()
}

// markerAt is where a group whose claim ends at at goes: back over the
// spaces and the punctuation that end the claim, never before floor (the
// previous group) so that groups stay in order.
func markerAt(text string, at, floor int) int {
	at = min(max(at, floor), len(text))
	for at < len(text) && !utf8.RuneStart(text[at]) {
		at++
	}
	at = floor + len(strings.TrimRightFunc(text[floor:at], unicode.IsSpace))
	claim := text[floor:at]

	// Closing quotes belong to the punctuation only when a full stop (or
	// ! ? …) sits inside them; `called it “a hoax”` keeps its quote.
	end := len(strings.TrimRight(claim, "\"'”’»"))
	stop := len(strings.TrimRight(claim[:end], ".!?…"))
	switch {
	case stop < end:
		// A quotation ending the sentence keeps its words whole: the
		// marker goes after the closing mark (`sure.” [1]`), never
		// inside the quoted words.
		if end < len(claim) {
			return at
		}
		if claim[stop:end] == "." && endsInAbbreviation(claim[:end]) {
			return at
		}
		return floor + stop
	case end == len(claim):
		return floor + len(strings.TrimRight(claim, ",;:"))
	}
	return at
}

// endsInAbbreviation reports whether s ends in a dotted abbreviation such
// as "U.S." or "a.m.", whose last dot is part of the word: moving the
// marker before it would print "the U.S [1]." A figure ("rose 3.5.") is
// not one.
func endsInAbbreviation(s string) bool {
	word := strings.TrimSuffix(s[strings.LastIndexFunc(s, unicode.IsSpace)+1:], ".")
	word = strings.TrimLeftFunc(word, func(r rune) bool { return !unicode.IsLetter(r) })
	parts := strings.Split(word, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p == "" || utf8.RuneCountInString(p) > 3 || strings.IndexFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return true
}

// sentinels let a renderer take Marked's output apart again. They are
// private-use runes, and Text's own copies are replaced with U+FFFD (also
// three bytes, so citation offsets stay valid) before marking.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

// citedRun is a piece of a marked item: text, then the citation group
// that follows it (none for the last run). Spaced says Marked put a space
// between the two; the HTML page drops it for a superscript and the
// terminal keeps it but never breaks a line there.
type citedRun struct {
	text   string
	spaced bool
	cites  []Citation
}

func citedRuns(it Item) []citedRun {
	it.Text = strings.NewReplacer(markOpen, "\uFFFD", markClose, "\uFFFD").Replace(it.Text)
	s := it.Marked(func(c Citation) string { return markOpen + markClose })
	var runs []citedRun
	k := 0 // next citation
	for {
		i := strings.Index(s, markOpen)
		if i < 0 {
			return append(runs, citedRun{text: s})
		}
		r := citedRun{text: s[:i]}
		if i > 0 && strings.HasSuffix(r.text, " ") {
			r.text, r.spaced = r.text[:len(r.text)-1], true
		}
		for strings.HasPrefix(s[i:], markOpen+markClose) {
			r.cites = append(r.cites, it.Citations[k])
			k++
			i += len(markOpen + markClose)
		}
		runs = append(runs, r)
		s = s[i:]
	}
}

// ---- shared text ----

// sectionTitle falls back to a title for the known section ids, then to
// the id itself, so that a section is never printed without a heading.
func sectionTitle(s Section) string {
	if t := strings.TrimSpace(s.Title); t != "" {
		return t
	}
	switch s.ID {
	case SectionKeyPoints:
		return "Key points"
	case SectionDisputed:
		return disputesHeading
	case SectionQuotes:
		return "Notable quotes"
	case SectionBackground:
		return "Background"
	}
	t := strings.ReplaceAll(s.ID, "_", " ")
	if t == "" {
		return "More"
	}
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// disputesHeading is the heading of the disputed section, which a
// disputed line elsewhere points to.
const disputesHeading = "Where sources differ"

// asParagraph: background reads as prose; everything else is a list.
func asParagraph(s Section) bool { return s.ID == SectionBackground }

// itemSuffix is what follows an item's text in every format: the
// speaker, the disputed flag, the reason it is unsupported.
func itemSuffix(it Item, disputes string) string {
	return speakerSuffix(it, disputes) + unsupportedSuffix(it)
}

// speakerSuffix names the speaker of a quote when the sentence does not,
// and flags a line that states one side of a reported contradiction,
// pointing to disputes, the heading the contradictions are under.
func speakerSuffix(it Item, disputes string) string {
	s := ""
	if it.Speaker != "" && !strings.Contains(it.Text, it.Speaker) {
		s = " — " + it.Speaker
	}
	if it.Disputed != "" {
		s += " (disputed, see " + disputes + ")"
	}
	return s
}

// UnsupportedSign opens an item the citation check found unsupported, in
// every format; unsupportedSuffix closes it with the reason.
const UnsupportedSign = "⚠"

// unsupportedPrefix is what an item opens with on the page: the sign for
// an unsupported item, else nothing.
func unsupportedPrefix(it Item) string {
	if it.Unsupported() {
		return UnsupportedSign + " "
	}
	return ""
}

// unsupportedSuffix ends an unsupported item with why the check failed
// it, so that the reason is on the page itself, printed too.
func unsupportedSuffix(it Item) string {
	if !it.Unsupported() {
		return ""
	}
	return " (unsupported: " + unsupportedReason(it) + ")"
}

func unsupportedReason(it Item) string {
	if r := oneLine(it.Reason); r != "" {
		return r
	}
	return "no verified citation"
}

// citationFailed reports whether the check looked at c and failed it;
// an unchecked citation (no Status) is not failed.
func citationFailed(c Citation) bool { return c.Status != "" && c.Status != StatusVerified }

// citeLabel is what a citation's marker reads inside its brackets: the
// source's number, with a question mark when the citation failed the
// check ("3?").
func citeLabel(c Citation) string {
	if citationFailed(c) {
		return strconv.Itoa(c.N) + "?"
	}
	return strconv.Itoa(c.N)
}

func briefDateline(d Dateline) string {
	if t := strings.TrimSpace(d.Text); t != "" {
		return t
	}
	var parts []string
	switch {
	case d.From != "" && d.To != "" && d.From != d.To:
		parts = append(parts, d.From+" – "+d.To)
	case d.From != "":
		parts = append(parts, d.From)
	case d.To != "":
		parts = append(parts, d.To)
	}
	if d.Sources > 0 {
		parts = append(parts, fmt.Sprintf("%s, %d independent", plural(d.Sources, "source"), d.Independent))
	}
	return strings.Join(parts, " · ")
}

// briefFooter is the verification line: what the citation check found
// and how the text was made: "Citation check: 14 sentences, 13
// supported, 1 dropped; 22 citations, 21 verified, 1 dropped."
func briefFooter(b *Briefing) string {
	v := b.Verification
	s := "Citation check: "
	if v.Sentences > 0 {
		s += fmt.Sprintf("%s, %d supported", plural(v.Sentences, "sentence"), v.Passed)
		if v.DroppedItems > 0 {
			s += fmt.Sprintf(", %d dropped", v.DroppedItems)
		}
		if v.Marked > 0 {
			s += fmt.Sprintf(", %d marked unsupported", v.Marked)
		}
		s += "; "
	}
	s += fmt.Sprintf("%s, %d verified", plural(v.Checked, "citation"), v.Verified)
	if v.Dropped > 0 {
		s += fmt.Sprintf(", %d dropped", v.Dropped)
	}
	if failed := v.Checked - v.Verified - v.Dropped; failed > 0 {
		s += fmt.Sprintf(", %d failed", failed)
	}
	// A briefing checked before sentences were counted.
	if v.Sentences == 0 && v.DroppedItems > 0 {
		s += ", " + plural(v.DroppedItems, "sentence") + " removed"
	}
	s += "."
	if b.Words > 0 {
		s += " " + plural(b.Words, "word")
		if b.Budget > 0 {
			s += fmt.Sprintf(" (budget %d)", b.Budget)
		}
		s += "."
	}
	if b.Backend != "" {
		s += " Backend: " + b.Backend + "."
	}
	if b.Focus != "" {
		s += " Focus: " + b.Focus + "."
	}
	return s
}

// wireCopies maps a source's number to the first listed source of its
// wire group. The groups are trusted only when they agree with the
// dateline's count of independent sources: a briefing built by hand that
// leaves every Group at 0 would otherwise call everything a copy.
func wireCopies(b *Briefing) map[int]int {
	if copies, groups := WireCopies(b.Sources); groups == b.Dateline.Independent {
		return copies
	}
	return nil
}

// ---- Markdown ----

// mdMarked is an item on the Markdown page.
func mdMarked(it Item) string { return MarkdownItem(it, disputesHeading) }

func briefMarkdown(w io.Writer, b *Briefing) error {
	var o strings.Builder
	if b.Headline.Text != "" {
		o.WriteString("# " + mdMarked(b.Headline) + "\n\n")
	}
	if d := briefDateline(b.Dateline); d != "" {
		o.WriteString("*" + MarkdownText(d) + "*\n")
	}
	for _, s := range b.Sections {
		if len(s.Items) == 0 {
			continue
		}
		o.WriteString("\n## " + MarkdownText(sectionTitle(s)) + "\n\n")
		if asParagraph(s) {
			parts := make([]string, len(s.Items))
			for i, it := range s.Items {
				parts[i] = mdMarked(it)
			}
			o.WriteString(MarkdownLead(strings.Join(parts, " ")) + "\n")
			continue
		}
		for _, it := range s.Items {
			o.WriteString("- " + MarkdownLead(mdMarked(it)) + "\n")
		}
	}
	if len(b.Sources) > 0 {
		o.WriteString("\n## Sources\n\n")
		copies := wireCopies(b)
		for _, s := range b.Sources {
			fmt.Fprintf(&o, "%d. %s", s.N, MarkdownText(SourceLine(s, copies[s.N])))
			if a := MarkdownAddress(s); a != "" {
				o.WriteString(", " + a)
			}
			o.WriteString("\n")
		}
	}
	if len(b.Coverage.Rows) > 0 && len(b.Sources) > 0 {
		o.WriteString("\n## Coverage\n\n| Fact |")
		for _, s := range b.Sources {
			fmt.Fprintf(&o, " %d |", s.N)
		}
		o.WriteString("\n|---|")
		o.WriteString(strings.Repeat(":-:|", len(b.Sources)))
		o.WriteString("\n")
		for _, r := range b.Coverage.Rows {
			label := MarkdownText(coverageLabel(r))
			if r.Disputed {
				label += " (disputed)"
			}
			o.WriteString("| " + label + " |")
			states := statedBy(r)
			for _, s := range b.Sources {
				if states[s.N] {
					o.WriteString(" ✓ |")
				} else {
					o.WriteString("   |")
				}
			}
			o.WriteString("\n")
		}
	}
	o.WriteString("\n---\n\n*" + MarkdownText(strings.Join(append([]string{briefFooter(b)}, NoteLines(b.Notes)...), " ")) + "*\n")
	_, err := io.WriteString(w, o.String())
	return err
}

func coverageLabel(r CoverageRow) string {
	if l := oneLine(r.Label); l != "" {
		return l
	}
	return r.Fact
}

func statedBy(r CoverageRow) map[int]bool {
	m := make(map[int]bool, len(r.Sources))
	for _, n := range r.Sources {
		m[n] = true
	}
	return m
}

// ---- text ----

// textMarked is an item for the terminal, to wrap with HangWrap.
func textMarked(it Item) string { return TextItem(it, disputesHeading) }

func briefText(w io.Writer, b *Briefing, st Style) error {
	width := st.TextWidth()
	paint := st.Paint
	heading := func(title string) string { return "\n" + paint(strings.ToUpper(title), "1") + "\n" }

	var o strings.Builder
	if b.Headline.Text != "" {
		head := HangWrap(textMarked(b.Headline), width, "", "")
		rule := 0
		for _, l := range strings.Split(head, "\n") {
			rule = max(rule, utf8.RuneCountInString(l))
		}
		o.WriteString(paint(head, "1") + "\n" + strings.Repeat("=", rule) + "\n")
	}
	if d := briefDateline(b.Dateline); d != "" {
		o.WriteString(paint(HangWrap(d, width, "", ""), "2") + "\n")
	}
	for _, s := range b.Sections {
		if len(s.Items) == 0 {
			continue
		}
		o.WriteString(heading(sectionTitle(s)))
		if asParagraph(s) {
			parts := make([]string, len(s.Items))
			for i, it := range s.Items {
				parts[i] = textMarked(it)
			}
			o.WriteString(HangWrap(strings.Join(parts, " "), width, "  ", "  ") + "\n")
			continue
		}
		for _, it := range s.Items {
			o.WriteString(HangWrap(textMarked(it), width, "  • ", "    ") + "\n")
		}
	}
	if len(b.Sources) > 0 {
		o.WriteString(heading("Sources"))
		copies := wireCopies(b)
		for _, s := range b.Sources {
			o.WriteString(HangWrap(SourceLine(s, copies[s.N]), width, fmt.Sprintf("%4d. ", s.N), "      ") + "\n")
			// The address stays whole, unwrapped, so a terminal can still
			// recognise and open it.
			if a := SourceAddress(s); a != "" {
				o.WriteString("      " + a + "\n")
			}
		}
	}
	if len(b.Coverage.Rows) > 0 && len(b.Sources) > 0 {
		o.WriteString(heading("Coverage") + textCoverage(b, width, paint))
	}
	o.WriteString("\n" + HangWrap(strings.Join(append([]string{briefFooter(b)}, NoteLines(b.Notes)...), " "), width, "", "") + "\n")
	_, err := io.WriteString(w, o.String())
	return err
}

// textCoverage is the sources × facts matrix as aligned columns: ✓ where
// a source states the fact, · where it does not.
func textCoverage(b *Briefing, width int, paint func(s, code string) string) string {
	const flag = "  disputed"
	col := max(len(strconv.Itoa(len(b.Sources)))+1, 3)
	labelW := 4
	for _, r := range b.Coverage.Rows {
		labelW = max(labelW, utf8.RuneCountInString(coverageLabel(r)))
	}
	labelW = min(labelW, max(width-2-col*len(b.Sources)-len(flag), 12))
	pad := func(s string) string {
		s = truncate(s, labelW)
		return s + strings.Repeat(" ", labelW-utf8.RuneCountInString(s))
	}
	var o strings.Builder
	o.WriteString("  " + pad("Fact"))
	for _, s := range b.Sources {
		fmt.Fprintf(&o, "%*d", col, s.N)
	}
	o.WriteString("\n")
	for _, r := range b.Coverage.Rows {
		states := statedBy(r)
		line := "  " + pad(coverageLabel(r))
		for _, s := range b.Sources {
			mark := "·"
			if states[s.N] {
				mark = "✓"
			}
			line += strings.Repeat(" ", col-1) + mark
		}
		if r.Disputed {
			line += paint(flag, "33")
		}
		o.WriteString(line + "\n")
	}
	return o.String()
}

// ---- JSON ----

// briefForJSON is a copy of b whose lists are empty rather than nil, so
// that scripts always find an array where the schema promises one.
func briefForJSON(b *Briefing) *Briefing {
	c := *b
	c.Headline = JSONItem(b.Headline)
	c.Sections = make([]Section, len(b.Sections))
	for i, s := range b.Sections {
		s.Items = JSONItems(s.Items)
		c.Sections[i] = s
	}
	c.Sources = NonNil(b.Sources)
	c.Coverage.Rows = mapSlice(b.Coverage.Rows, func(r CoverageRow) CoverageRow {
		r.Sources = NonNil(r.Sources)
		return r
	})
	return &c
}
