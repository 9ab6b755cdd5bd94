package daily

import (
	"fmt"
	"html/template"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brieftool/brief/briefing"
)

// The renderers write a digest the way the one-page briefing is written
// (briefing/render.go, briefing/html.go): the same citation markers, the
// same ⚠ and reason on every item the citation check found unsupported,
// the same escaping. A few small helpers of package briefing are
// unexported there; the ones needed here have small equivalents in this
// file rather than widening briefing's API.

// Formats are the formats a digest is written in.
func Formats() []briefing.Format {
	return []briefing.Format{briefing.FormatText, briefing.FormatMarkdown, briefing.FormatJSON, briefing.FormatHTML}
}

// Document is the JSON form of a digest. It carries the schema version
// and generator like briefing's documents, and scripts tell it from them
// by its top-level "digest" field. The digest's items are briefing
// items, so it shares briefing.SchemaVersion: later versions only add
// fields.
type Document struct {
	SchemaVersion int     `json:"schema_version"`
	Generator     string  `json:"generator"`
	Digest        *Digest `json:"digest"`
}

// Render writes d in format f. Style applies to text only; generator is
// recorded in the JSON document and in the HTML page's head.
func Render(w io.Writer, d *Digest, f briefing.Format, st briefing.Style, generator string) error {
	if d == nil {
		return fmt.Errorf("rendering a digest: no digest")
	}
	switch f {
	case briefing.FormatText:
		return digestText(w, d, st)
	case briefing.FormatMarkdown:
		return digestMarkdown(w, d)
	case briefing.FormatJSON:
		return briefing.WriteJSON(w, Document{SchemaVersion: briefing.SchemaVersion, Generator: generator, Digest: digestForJSON(d)})
	case briefing.FormatHTML:
		return digestHTML(w, d, generator)
	}
	names := make([]string, 0, 4)
	for _, g := range Formats() {
		names = append(names, string(g))
	}
	return fmt.Errorf("a digest cannot be written as %q (want one of %s)", f, strings.Join(names, ", "))
}

// ---- shared text ----

// digestHeaderLine is the digest's first line: "Daily digest · 2023-03-07
// 08:10 – 2023-03-08 14:00 UTC · 57 articles in 14 stories (top 3
// shown)".
func digestHeaderLine(d *Digest, sp spanner) string {
	parts := []string{"Daily digest"}
	if s := sp(d.From, d.To); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(append(parts, digestCounts(d)), " · ")
}

func digestCounts(d *Digest) string {
	s := countNoun(d.Articles, "article") + " in " + countNoun(d.Stories, "story")
	if n := len(d.Shown); n < d.Stories {
		s += fmt.Sprintf(" (top %d shown)", n)
	}
	return s
}

// digestStatus is the rest of the header: the time window, what was
// left out and the backend, each present only when there is something
// to say.
func digestStatus(d *Digest, sp spanner) []string {
	var parts []string
	switch {
	case d.Since != "" && d.Until != "":
		parts = append(parts, "Window: "+sp(d.Since, d.Until))
	case d.Since != "":
		parts = append(parts, "Window: since "+sp(d.Since, ""))
	case d.Until != "":
		parts = append(parts, "Window: until "+sp(d.Until, ""))
	}
	if d.Skipped > 0 {
		parts = append(parts, countNoun(d.Skipped, "article")+" left out by the window")
	}
	if d.Failed > 0 {
		parts = append(parts, strconv.Itoa(d.Failed)+" could not be read")
	}
	if d.Backend != "" {
		parts = append(parts, "Backend: "+d.Backend)
	}
	return parts
}

// digestEmptyMessage stands in for the stories when none is shown, and says
// why there may be none.
func digestEmptyMessage(d *Digest) string {
	if d.Stories > 0 {
		return fmt.Sprintf("No stories shown: %s found, none asked for.", countNoun(d.Stories, "story"))
	}
	s := "No stories found: " + countNoun(d.Articles, "article") + " clustered"
	if d.Skipped > 0 {
		s += fmt.Sprintf(", %d left out by the window", d.Skipped)
	}
	if d.Failed > 0 {
		s += fmt.Sprintf(", %d could not be read", d.Failed)
	}
	return s + "."
}

// storyMeta is a story's coverage and time span: "12 articles, 5
// independent, 9 outlets · 2023-03-07 08:10 – 2023-03-08 14:00 UTC",
// and the story's backend when it is not the digest's (a model call that
// failed for this story alone).
func storyMeta(s Story, backend string, sp spanner) string {
	parts := []string{fmt.Sprintf("%s, %d independent, %s", countNoun(s.Articles, "article"), s.Independent, countNoun(s.Outlets, "outlet"))}
	if t := sp(s.First, s.Last); t != "" {
		parts = append(parts, t)
	}
	if s.Backend != "" && s.Backend != backend {
		parts = append(parts, "backend "+s.Backend)
	}
	return strings.Join(parts, " · ")
}

// storyDisputeLabel is the flag over a story's contradictions, "" when it has
// none: "Sources differ — 3 contradictions, 1 more not shown:". The sign
// goes before it in each format.
func storyDisputeLabel(s Story) string {
	n := max(s.Conflicts, len(s.Disputes))
	if n == 0 {
		return ""
	}
	l := "Sources differ — " + countNoun(n, "contradiction")
	switch more := n - len(s.Disputes); {
	case more > 0 && len(s.Disputes) == 0:
		l += ", not shown"
	case more > 0:
		l += fmt.Sprintf(", %d more not shown", more)
	}
	if len(s.Disputes) > 0 {
		l += ":"
	}
	return l
}

// storyHeadline is the text of a story's headline, never empty.
func storyHeadline(s Story) briefing.Item {
	if strings.TrimSpace(s.Headline.Text) == "" {
		h := s.Headline
		h.Text, h.Citations = "Untitled story", nil
		return h
	}
	return s.Headline
}

func storyRank(s Story, i int) int {
	if s.Rank > 0 {
		return s.Rank
	}
	return i + 1
}

// ---- times ----

// spanner writes a time span: spanText, or textSpan for the terminal.
type spanner func(from, to string) string

// textSpan is spanText for the wrapper: a line breaks only before its
// dash, never inside a date and time.
func textSpan(from, to string) string {
	return strings.ReplaceAll(strings.ReplaceAll(spanText(from, to), " ", textGlue), textGlue+"–", " –")
}

// spanText is a compact time span in UTC: "2023-03-07 08:10 – 2023-03-08
// 14:00 UTC", "2023-03-07 08:10 – 14:00 UTC" within one day, one time
// when the two are the same. A date without a clock time (a source that
// gave none) is written as a date, never as midnight; text that is not a
// time is written as it is.
func spanText(from, to string) string {
	if from == "" || to == "" || from == to {
		s, utc := spanStamp(from + to)
		if from != "" && to != "" {
			s, utc = spanStamp(from)
		}
		if utc {
			s += " UTC"
		}
		return s
	}
	a, aok, aclock := parseSpanStamp(from)
	b, bok, bclock := parseSpanStamp(to)
	if !aok || !bok {
		return singleLine(from) + " – " + singleLine(to)
	}
	sameDay := a.Format(time.DateOnly) == b.Format(time.DateOnly)
	switch {
	case aclock && bclock && a.Equal(b):
		return a.Format("2006-01-02 15:04") + " UTC"
	case aclock && bclock && sameDay:
		return a.Format("2006-01-02 15:04") + " – " + b.Format("15:04") + " UTC"
	case sameDay:
		// A date beside a time of the same day: the day says it all.
		return a.Format(time.DateOnly)
	}
	s, _ := spanStamp(from)
	t, _ := spanStamp(to)
	if aclock || bclock {
		return s + " – " + t + " UTC"
	}
	return s + " – " + t
}

// spanStamp formats one time for spanText, and says whether it has a clock time
// (which is in UTC).
func spanStamp(s string) (string, bool) {
	t, ok, clock := parseSpanStamp(s)
	switch {
	case !ok:
		return singleLine(s), false
	case clock:
		return t.Format("2006-01-02 15:04"), true
	}
	return t.Format(time.DateOnly), false
}

func parseSpanStamp(s string) (t time.Time, ok, clock bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), true, true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, false
	}
	return time.Time{}, false, false
}

// refDate keeps the day of a timestamp, as briefing's source lists do.
func refDate(s string) string {
	if len(s) > 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	return s
}

// ---- sources ----

// storyWireCopies maps a source's number to the first listed source of its
// wire group (SourceRef.Group). Groups are not trusted where they cannot
// be right: every source in group 0 of a story with more than one
// independent group is a digest whose groups were never set, and calling
// everything a copy of source 1 would mislead.
func storyWireCopies(s Story) map[int]int {
	first := map[int]int{}
	for _, r := range s.Sources {
		if _, ok := first[r.Group]; !ok {
			first[r.Group] = r.N
		}
	}
	if len(first) == len(s.Sources) {
		return nil
	}
	if _, zero := first[0]; zero && len(first) == 1 && s.Independent > 1 {
		return nil
	}
	m := map[int]int{}
	for _, r := range s.Sources {
		if f := first[r.Group]; f != r.N {
			m[r.N] = f
		}
	}
	return m
}

func refOutlet(r briefing.SourceRef) string {
	switch {
	case strings.TrimSpace(r.Outlet) != "":
		return singleLine(r.Outlet)
	case r.ID != "":
		return r.ID
	}
	return "source " + strconv.Itoa(r.N)
}

// refEntry is a source list entry without its number and address:
// `Outlet — “Title”, 2023-03-07 (same wire story as 2)`.
func refEntry(r briefing.SourceRef, copyOf int) string {
	s := refOutlet(r)
	if t := singleLine(r.Title); t != "" {
		s += " — “" + t + "”"
	}
	if r.Published != "" {
		s += ", " + refDate(r.Published)
	}
	if copyOf > 0 {
		s += fmt.Sprintf(" (same wire story as %d)", copyOf)
	}
	return s
}

func refAddress(r briefing.SourceRef) string {
	if r.URL != "" {
		return r.URL
	}
	return r.Path
}

// noteLines are notes as sentences: one line each, ending in a stop.
func noteLines(ns []string) []string {
	var out []string
	for _, n := range ns {
		n = singleLine(n)
		if n == "" {
			continue
		}
		if !strings.ContainsAny(n[len(n)-1:], ".!?") {
			n += "."
		}
		out = append(out, n)
	}
	return out
}

// ---- items ----

// markerLabel is what a marker reads inside its brackets: the source's
// number, with a question mark when the check failed the citation.
func markerLabel(c briefing.Citation) string {
	if citeFailed(c) {
		return strconv.Itoa(c.N) + "?"
	}
	return strconv.Itoa(c.N)
}

func citeFailed(c briefing.Citation) bool {
	return c.Status != "" && c.Status != briefing.StatusVerified
}

func unsupportedWhy(it briefing.Item) string {
	if r := singleLine(it.Reason); r != "" {
		return r
	}
	return "no verified citation"
}

// itemTail names the speaker of a quote when the sentence does not,
// and flags a sentence that states one side of a contradiction.
func itemTail(it briefing.Item) string {
	s := ""
	if it.Speaker != "" && !strings.Contains(it.Text, it.Speaker) {
		s = " — " + it.Speaker
	}
	if it.Disputed != "" {
		s += " (disputed, see Sources differ)"
	}
	return s
}

// markedRun is a piece of a marked item: text, then the citation group
// that follows it (none for the last run); spaced says Marked put a space
// between the two.
type markedRun struct {
	text   string
	spaced bool
	cites  []briefing.Citation
}

// Marked writes each marker as a pair of private-use runes, which the
// item's own text cannot hold (its copies become U+FFFD, three bytes like
// them, so offsets stay valid), and the runs are cut at them.
const markerOpen, markerClose = "\uE000", "\uE001"

func markedRuns(it briefing.Item) []markedRun {
	it.Text = strings.NewReplacer(markerOpen, "\uFFFD", markerClose, "\uFFFD").Replace(it.Text)
	s := it.Marked(func(briefing.Citation) string { return markerOpen + markerClose })
	var runs []markedRun
	k := 0
	for {
		i := strings.Index(s, markerOpen)
		if i < 0 {
			return append(runs, markedRun{text: s})
		}
		r := markedRun{text: s[:i]}
		if i > 0 && strings.HasSuffix(r.text, " ") {
			r.text, r.spaced = r.text[:len(r.text)-1], true
		}
		for strings.HasPrefix(s[i:], markerOpen+markerClose) {
			if k < len(it.Citations) {
				r.cites = append(r.cites, it.Citations[k])
			}
			k++
			i += len(markerOpen + markerClose)
		}
		runs = append(runs, r)
		s = s[i:]
	}
}

// ---- text ----

// textGlue stands for a space the wrapper must not break at: before a
// marker group, so that a group never starts a line, and after the ⚠
// that opens an unsupported item, so that the sign never ends one.
const textGlue = "\uE002"

func textMarked(it briefing.Item) string {
	var b strings.Builder
	if it.Unsupported() {
		b.WriteString(briefing.UnsupportedSign + textGlue)
	}
	for _, r := range markedRuns(it) {
		b.WriteString(strings.ReplaceAll(r.text, textGlue, "\uFFFD"))
		if r.spaced {
			b.WriteString(textGlue)
		}
		for _, c := range r.cites {
			b.WriteString("[" + markerLabel(c) + "]")
		}
	}
	b.WriteString(itemTail(it))
	if it.Unsupported() {
		b.WriteString(" (unsupported: " + unsupportedWhy(it) + ")")
	}
	return b.String()
}

// wrapLines breaks s at spaces into lines of at most width runes. A word
// longer than that (an address, mostly) keeps a line of its own, whole,
// so that a terminal can still recognise and open it.
func wrapLines(s string, width int) []string {
	var lines []string
	line, n := "", 0
	for _, w := range strings.Fields(s) {
		wn := utf8.RuneCountInString(w)
		switch {
		case n == 0:
			line, n = w, wn
		case n+1+wn <= width:
			line, n = line+" "+w, n+1+wn
		default:
			lines = append(lines, line)
			line, n = w, wn
		}
	}
	if n > 0 {
		lines = append(lines, line)
	}
	return lines
}

// textHang wraps s to width with first before its first line and rest
// before the others.
func textHang(s string, width int, first, rest string) string {
	lines := wrapLines(s, max(width-utf8.RuneCountInString(first), 20))
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	return strings.ReplaceAll(strings.Join(lines, "\n"), textGlue, " ")
}

func digestText(w io.Writer, d *Digest, st briefing.Style) error {
	width := st.Width
	if width <= 0 {
		width = 100
	}
	paint := func(s, code string) string {
		if !st.Color {
			return s
		}
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = "\x1b[" + code + "m" + l + "\x1b[0m"
		}
		return strings.Join(lines, "\n")
	}

	var o strings.Builder
	head := textHang(digestHeaderLine(d, textSpan), width, "", "")
	rule := 0
	for _, l := range strings.Split(head, "\n") {
		rule = max(rule, utf8.RuneCountInString(l))
	}
	o.WriteString(paint(head, "1") + "\n")
	if p := digestStatus(d, textSpan); len(p) > 0 {
		o.WriteString(paint(textHang(strings.Join(p, " · "), width, "", ""), "2") + "\n")
	}
	for _, n := range noteLines(d.Notes) {
		o.WriteString(textHang(n, width, "Note: ", "      ") + "\n")
	}
	o.WriteString(strings.Repeat("=", rule) + "\n")
	if len(d.Shown) == 0 {
		o.WriteString("\n" + textHang(digestEmptyMessage(d), width, "", "") + "\n")
	}
	for i, s := range d.Shown {
		num := strconv.Itoa(storyRank(s, i)) + ". "
		ind := strings.Repeat(" ", utf8.RuneCountInString(num))
		o.WriteString("\n" + paint(textHang(textMarked(storyHeadline(s)), width, num, ind), "1") + "\n")
		o.WriteString(paint(textHang(storyMeta(s, d.Backend, textSpan), width, ind, ind), "2") + "\n")
		if len(s.Sentences) > 0 {
			parts := make([]string, len(s.Sentences))
			for j, it := range s.Sentences {
				parts[j] = textMarked(it)
			}
			o.WriteString("\n" + textHang(strings.Join(parts, " "), width, ind, ind) + "\n")
		}
		if l := storyDisputeLabel(s); l != "" {
			o.WriteString("\n" + paint(textHang(briefing.UnsupportedSign+textGlue+l, width, ind, ind), "33") + "\n")
			for _, it := range s.Disputes {
				o.WriteString(textHang(textMarked(it), width, ind+"• ", ind+"  ") + "\n")
			}
		}
		if len(s.Sources) > 0 {
			o.WriteString("\n" + ind + "Sources:\n")
			copies := storyWireCopies(s)
			for _, r := range s.Sources {
				n := strconv.Itoa(r.N) + ". "
				line := refEntry(r, copies[r.N])
				if a := refAddress(r); a != "" {
					line += ", " + a
				}
				o.WriteString(textHang(line, width, ind+n, ind+strings.Repeat(" ", utf8.RuneCountInString(n))) + "\n")
			}
		}
		if ns := noteLines(s.Notes); len(ns) > 0 || s.Details != "" {
			o.WriteString("\n")
			for _, n := range ns {
				o.WriteString(textHang(n, width, ind+"Note: ", ind+"      ") + "\n")
			}
			if s.Details != "" {
				o.WriteString(ind + "Details: " + s.Details + "\n")
			}
		}
	}
	_, err := io.WriteString(w, o.String())
	return err
}

// ---- Markdown ----

// mdText escapes text for Markdown as briefing's page does: every
// character is kept, backticks and brackets backslash-escaped (so a
// source's own "[2]" cannot pass for a citation, nor its backticks open
// code), "<" kept as text; and an "&" that would start an entity is
// escaped, so "&amp;" in a title reads as written.
func mdText(s string) string {
	s = mdEscaper.Replace(s)
	return mdEntity.ReplaceAllString(s, `\&$1`)
}

var (
	mdEscaper = strings.NewReplacer("\\", `\\`, "|", `\|`, "\r", " ", "\n", " ", "*", `\*`, "_", `\_`, "`", "\\`",
		"[", `\[`, "]", `\]`, "<", `\<`)
	mdEntity = regexp.MustCompile(`&(#?[0-9A-Za-z]+;)`)
	// mdBlockStart is what would turn a paragraph's first line into
	// something else: a heading, a quote, a list item, a rule.
	mdBlockStart = regexp.MustCompile(`^(?:[#>+=-]|\d{1,9}[.)])`)
)

// mdLead escapes the start of a paragraph that Markdown would read as
// a heading, quote, list or rule.
func mdLead(s string) string {
	// Leading spaces would make it code.
	s = strings.TrimLeft(s, " \t")
	m := mdBlockStart.FindString(s)
	if m == "" {
		return s
	}
	return m[:len(m)-1] + `\` + s[len(m)-1:]
}

// Markers are written as private-use runes, escaped with the text, then
// turned into brackets, so that the text's brackets are escaped and the
// markers are not.
const mdOpen, mdClose = "\uE010", "\uE011"

func mdItem(it briefing.Item) string {
	it.Text = strings.NewReplacer(mdOpen, "\uFFFD", mdClose, "\uFFFD").Replace(it.Text)
	s := it.Marked(func(c briefing.Citation) string { return mdOpen + markerLabel(c) + mdClose }) + itemTail(it)
	if it.Unsupported() {
		s = briefing.UnsupportedSign + " " + s + " (unsupported: " + unsupportedWhy(it) + ")"
	}
	return strings.NewReplacer(mdOpen, "[", mdClose, "]").Replace(mdText(s))
}

func mdRefAddress(r briefing.SourceRef) string {
	switch a := refAddress(r); {
	case r.URL != "" && !strings.ContainsAny(r.URL, " <>\n"):
		return ", <" + r.URL + ">"
	case a != "":
		return ", " + mdCode(a)
	}
	return ""
}

// mdCode is s as a code span, whatever backticks it holds.
func mdCode(s string) string {
	s = singleLine(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func digestMarkdown(w io.Writer, d *Digest) error {
	var o strings.Builder
	o.WriteString("# Daily digest\n\n")
	line := digestCounts(d)
	if s := spanText(d.From, d.To); s != "" {
		line = s + " · " + line
	}
	o.WriteString("*" + mdText(line) + "*\n")
	if p := digestStatus(d, spanText); len(p) > 0 {
		o.WriteString("\n" + mdText(strings.Join(p, " · ")) + "\n")
	}
	if ns := noteLines(d.Notes); len(ns) > 0 {
		o.WriteString("\n")
		for _, n := range ns {
			o.WriteString("- Note: " + mdText(n) + "\n")
		}
	}
	if len(d.Shown) == 0 {
		o.WriteString("\n**" + mdText(digestEmptyMessage(d)) + "**\n")
	}
	for i, s := range d.Shown {
		h := mdItem(storyHeadline(s))
		// A heading's closing run of #s would be cut off.
		if strings.HasSuffix(h, "#") {
			h = h[:len(h)-1] + `\#`
		}
		fmt.Fprintf(&o, "\n## %d. %s\n\n", storyRank(s, i), h)
		o.WriteString("*" + mdText(storyMeta(s, d.Backend, spanText)) + "*\n")
		if len(s.Sentences) > 0 {
			parts := make([]string, len(s.Sentences))
			for j, it := range s.Sentences {
				parts[j] = mdItem(it)
			}
			o.WriteString("\n" + mdLead(strings.Join(parts, " ")) + "\n")
		}
		if l := storyDisputeLabel(s); l != "" {
			o.WriteString("\n**" + briefing.UnsupportedSign + " " + mdText(l) + "**\n")
			if len(s.Disputes) > 0 {
				o.WriteString("\n")
			}
			for _, it := range s.Disputes {
				o.WriteString("- " + mdItem(it) + "\n")
			}
		}
		if len(s.Sources) > 0 {
			o.WriteString("\n**Sources**\n\n")
			copies := storyWireCopies(s)
			for _, r := range s.Sources {
				fmt.Fprintf(&o, "%d. %s%s\n", r.N, mdText(refEntry(r, copies[r.N])), mdRefAddress(r))
			}
		}
		for _, n := range noteLines(s.Notes) {
			o.WriteString("\n*Note: " + mdText(n) + "*\n")
		}
		if s.Details != "" {
			o.WriteString("\nDetails: " + mdCode(s.Details) + "\n")
		}
	}
	_, err := io.WriteString(w, o.String())
	return err
}

// ---- JSON ----

// digestForJSON is a copy of d whose lists are empty rather than nil
// where the schema always has them, so that scripts find an array there
// (fields marked omitempty stay out when empty, as the schema says).
func digestForJSON(d *Digest) *Digest {
	c := *d
	c.Shown = make([]Story, len(d.Shown))
	for i, s := range d.Shown {
		s.Headline = jsonItem(s.Headline)
		s.Sentences = jsonMap(s.Sentences, jsonItem)
		s.Disputes = jsonMap(s.Disputes, jsonItem)
		s.Sources = jsonNonNil(s.Sources)
		c.Shown[i] = s
	}
	return &c
}

func jsonItem(it briefing.Item) briefing.Item {
	it.Citations = jsonMap(it.Citations, func(c briefing.Citation) briefing.Citation {
		c.Evidence = jsonNonNil(c.Evidence)
		return c
	})
	return it
}

func jsonMap[T any](s []T, f func(T) T) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

func jsonNonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ---- HTML ----

// The page is one file to mail, archive or print, built as briefing's
// page is: inline styles, no script, and a Content-Security-Policy that
// forbids every fetch, so that a page that tried to load anything shows
// it as a console error in the browser check rather than leak a
// request. In print each story keeps to one page where it fits.
const digestPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
{{- if .Generator}}
<meta name="generator" content="{{.Generator}}">
{{- end}}
<title>{{.Title}}</title>
<style>
@page { size: auto; margin: 12mm }
:root {
  color-scheme: light dark;
  --fg: #1c1e21; --muted: #5a6270; --accent: #0b57a4; --rule: #d6dae0;
  --warn: #9a5200; --warn-bg: #fff3df; --bg: #fff;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e4e6ea; --muted: #a2aab6; --accent: #82b9ff; --rule: #3a3f47; --warn: #f0b35a; --warn-bg: #3b2e17; --bg: #15171a }
}
* { box-sizing: border-box }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif }
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1.25rem 2rem }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .3rem }
h2 { font-size: 1.2rem; line-height: 1.25; margin: 0 0 .2rem }
p, ul, ol { margin: 0 }
a { color: var(--accent) }
header { border-bottom: 2px solid var(--fg); padding-bottom: .5rem }
.dateline, .status, .meta { color: var(--muted); font-size: .9rem }
.notes { list-style: none; padding: 0; color: var(--muted); font-size: .85rem; margin-top: .2rem }
.empty { margin-top: 1rem; font-weight: 600 }
.story { padding: .9rem 0; border-bottom: 1px solid var(--rule) }
.rank { color: var(--muted) }
.summary { margin-top: .35rem }
.cites { font-size: .68em; line-height: 0; white-space: nowrap; margin-left: .1em }
.cites a { text-decoration: none }
.cites a.unverified { color: var(--warn) }
.unsupported { background: var(--warn-bg); -webkit-box-decoration-break: clone; box-decoration-break: clone }
.unsupported .sign, .unsupported .reason { color: var(--warn); font-weight: 600; font-style: normal }
.unsupported .reason { font-size: .85em }
.speaker { color: var(--muted) }
.disputed { margin-top: .4rem }
.disputed .flag { color: var(--warn); font-weight: 600; font-size: .9rem }
.disputed ul { list-style: none; padding: 0 }
.disputed li { border-left: 3px solid var(--warn); padding-left: .5rem; margin: .12rem 0 }
.sources-head { margin-top: .4rem; font-size: .78rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted) }
.sources { list-style: none; padding: 0; font-size: .85rem }
.sources li { padding-left: 2.1em; text-indent: -2.1em; overflow-wrap: anywhere }
.sources .n { display: inline-block; width: 1.8em; text-indent: 0; white-space: nowrap; color: var(--muted) }
.sources .addr { color: var(--muted) }
.story .notes, .details { margin-top: .3rem }
.details { color: var(--muted); font-size: .85rem }
code { font-size: .95em; overflow-wrap: anywhere }
:target { background: var(--warn-bg) }
@media print {
  :root { --fg: #000; --muted: #444; --accent: #0b3f7a; --rule: #bbb; --warn: #8a4a00; --warn-bg: #fff3df; --bg: #fff }
  html { font-size: 9.5pt }
  body { line-height: 1.3; print-color-adjust: exact; -webkit-print-color-adjust: exact }
  main { max-width: none; padding: 0 }
  h1 { font-size: 15pt }
  h2 { font-size: 12pt; break-after: avoid }
  .story { padding: .6rem 0; break-inside: avoid }
  .disputed li, .sources li { break-inside: avoid }
  a { text-decoration: none }
  :target { background: none }
}
</style>
</head>
<body>
<main>
<header>
<h1>Daily digest</h1>
<p class="dateline">{{.Dateline}}</p>
{{- if .Status}}
<p class="status">{{.Status}}</p>
{{- end}}
{{- if .Notes}}
<ul class="notes">
{{- range .Notes}}
<li>Note: {{.}}</li>
{{- end}}
</ul>
{{- end}}
</header>
{{- if .Empty}}
<p class="empty">{{.Empty}}</p>
{{- end}}
{{- range .Stories}}
<article class="story" id="{{.ID}}">
<h2><span class="rank">{{.Rank}}.</span> {{.Headline}}</h2>
<p class="meta">{{.Meta}}</p>
{{- if .Sentences}}
<p class="summary">{{range $i, $s := .Sentences}}{{if $i}} {{end}}{{$s}}{{end}}</p>
{{- end}}
{{- if .Flag}}
<section class="disputed">
<p class="flag">` + briefing.UnsupportedSign + ` {{.Flag}}</p>
{{- if .Disputes}}
<ul>
{{- range .Disputes}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
</section>
{{- end}}
{{- if .Sources}}
<p class="sources-head">Sources</p>
<ol class="sources">
{{- range .Sources}}
<li id="{{.ID}}" value="{{.N}}"><span class="n">{{.N}}.</span> <b>{{.Outlet}}</b>
{{- if .Title}} — “{{.Title}}”{{end}}
{{- if .Date}}, <time>{{.Date}}</time>{{end}}
{{- if .CopyOf}} (same wire story as <a href="#{{.CopyID}}">{{.CopyOf}}</a>){{end}}
{{- if .Href}}, <a class="addr" href="{{.Href}}">{{.Shown}}</a>{{else if .Shown}}, <span class="addr">{{.Shown}}</span>{{end}}</li>
{{- end}}
</ol>
{{- end}}
{{- if .Notes}}
<ul class="notes">
{{- range .Notes}}
<li>Note: {{.}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .Details}}
<p class="details">Details: <code>{{.Details}}</code></p>
{{- end}}
</article>
{{- end}}
</main>
</body>
</html>
`

var digestTmpl = template.Must(template.New("digest").Parse(digestPage))

type htmlDigest struct {
	Generator, Title, Dateline, Status, Empty string
	Notes                                     []string
	Stories                                   []htmlStory
}

type htmlStory struct {
	ID, Meta, Flag, Details string
	Rank                    int
	Headline                template.HTML
	Sentences, Disputes     []template.HTML
	Sources                 []htmlSource
	Notes                   []string
}

type htmlSource struct {
	ID, CopyID                 string
	N, CopyOf                  int
	Outlet, Title, Date, Shown string
	Href                       string // http(s) only; a local path is shown, not linked
}

func digestHTML(w io.Writer, d *Digest, generator string) error {
	p := htmlDigest{
		Generator: generator,
		Title:     "Daily digest",
		Dateline:  digestCounts(d),
		Status:    strings.Join(digestStatus(d, spanText), " · "),
		Notes:     noteLines(d.Notes),
	}
	if s := spanText(d.From, d.To); s != "" {
		p.Title += " · " + s
		p.Dateline = s + " · " + p.Dateline
	}
	if len(d.Shown) == 0 {
		p.Empty = digestEmptyMessage(d)
	}
	for i, s := range d.Shown {
		// Anchors go by position, unique however the ranks were set.
		id := "story-" + strconv.Itoa(i+1)
		srcID := func(n int) string { return id + "-src-" + strconv.Itoa(n) }
		hs := htmlStory{
			ID:       id,
			Rank:     storyRank(s, i),
			Headline: htmlItem(s, storyHeadline(s), srcID),
			Meta:     storyMeta(s, d.Backend, spanText),
			Flag:     storyDisputeLabel(s),
			Notes:    noteLines(s.Notes),
			Details:  s.Details,
		}
		for _, it := range s.Sentences {
			hs.Sentences = append(hs.Sentences, htmlItem(s, it, srcID))
		}
		for _, it := range s.Disputes {
			hs.Disputes = append(hs.Disputes, htmlItem(s, it, srcID))
		}
		copies := storyWireCopies(s)
		for _, r := range s.Sources {
			src := htmlSource{ID: srcID(r.N), N: r.N, CopyOf: copies[r.N], Outlet: refOutlet(r), Title: singleLine(r.Title), Date: refDate(r.Published)}
			if src.CopyOf > 0 {
				src.CopyID = srcID(src.CopyOf)
			}
			if u, err := url.Parse(r.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				src.Href, src.Shown = r.URL, htmlShownURL(u)
			} else {
				src.Shown = refAddress(r)
			}
			hs.Sources = append(hs.Sources, src)
		}
		p.Stories = append(p.Stories, hs)
	}
	return digestTmpl.Execute(w, p)
}

// htmlShownURL is an address short enough for a source entry; the link keeps
// the whole of it.
func htmlShownURL(u *url.URL) string {
	s := strings.TrimPrefix(u.Host, "www.") + u.EscapedPath()
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return strings.TrimSuffix(s, "/")
}

// htmlItem is an item as HTML, as on briefing's page: the text escaped,
// each citation a link to its source in the story's list whose tooltip
// quotes the evidence; a failed citation reads "[3?]" in the warning
// colour; an unsupported item is set on a warning background, opens
// with ⚠ and ends with the reason, in the text so that it prints.
func htmlItem(s Story, it briefing.Item, srcID func(int) string) template.HTML {
	var b strings.Builder
	if it.Unsupported() {
		b.WriteString(`<span class="unsupported"><span class="sign">` + briefing.UnsupportedSign + `</span> `)
	}
	for _, r := range markedRuns(it) {
		b.WriteString(template.HTMLEscapeString(r.text))
		if len(r.cites) == 0 {
			continue
		}
		b.WriteString(`<sup class="cites">`)
		for _, c := range r.cites {
			class := "cite"
			if citeFailed(c) {
				class += " unverified"
			}
			b.WriteString(`<a class="` + class + `" href="#` + srcID(c.N) + `" title="` +
				strings.ReplaceAll(template.HTMLEscapeString(htmlCiteTitle(s, c)), "\n", "&#10;") + `">[` +
				template.HTMLEscapeString(markerLabel(c)) + `]</a>`)
		}
		b.WriteString(`</sup>`)
	}
	if sfx := itemTail(it); sfx != "" {
		b.WriteString(`<span class="speaker">` + template.HTMLEscapeString(sfx) + `</span>`)
	}
	if it.Unsupported() {
		b.WriteString(` <span class="reason">(unsupported: ` + template.HTMLEscapeString(unsupportedWhy(it)) + `)</span></span>`)
	}
	return template.HTML(b.String())
}

// htmlCiteTitle is a citation's tooltip: the source and the words of it
// that back the claim, so that a reader can check without leaving the
// page.
func htmlCiteTitle(s Story, c briefing.Citation) string {
	t := "[" + strconv.Itoa(c.N) + "]"
	for _, r := range s.Sources {
		if r.N == c.N {
			t += " " + refOutlet(r)
			break
		}
	}
	if citeFailed(c) {
		t += " (not verified: " + c.Status + ")"
	}
	for _, e := range c.Evidence {
		if x := singleLine(e.Text); x != "" {
			t += "\n" + clip(x, 300)
		}
	}
	return t
}

// ---- small helpers (unexported in briefing) ----

// countNoun is "1 story", "2 stories", "0 articles".
func countNoun(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if word == "story" {
		return strconv.Itoa(n) + " stories"
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func singleLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func clip(s string, width int) string {
	if width <= 1 || utf8.RuneCountInString(s) <= width {
		return s
	}
	r := []rune(s)
	return string(r[:width-1]) + "…"
}
