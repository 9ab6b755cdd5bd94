package daily

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brieftool/brief/briefing"
)

// The renderers write a digest the way the one-page briefing is written,
// with the parts of a page that package briefing shares (see
// briefing/pageparts.go): the same citation markers, the same ⚠ and
// reason on every item the citation check found unsupported, the same
// source entries, escaping and wrapping, the same page head and styles.

// disputes is the label a digest lists a story's contradictions under,
// which a disputed sentence points to.
const disputes = "Sources differ"

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
	s := briefing.Plural(d.Articles, "article") + " in " + briefing.Plural(d.Stories, "story")
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
		parts = append(parts, briefing.Plural(d.Skipped, "article")+" left out by the window")
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
		// --stories is at least 1: stories found and none shown means
		// none of the top ones could be briefed; the notes say why.
		return fmt.Sprintf("No stories shown: %s found, and none of the top ones could be briefed (see the notes).", briefing.Plural(d.Stories, "story"))
	}
	s := "No stories found: " + briefing.Plural(d.Articles, "article") + " clustered"
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
	parts := []string{fmt.Sprintf("%s, %d independent, %s", briefing.Plural(s.Articles, "article"), s.Independent, briefing.Plural(s.Outlets, "outlet"))}
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
	l := disputes + " — " + briefing.Plural(n, "contradiction")
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
	return strings.ReplaceAll(strings.ReplaceAll(spanText(from, to), " ", briefing.NoBreak), briefing.NoBreak+"–", " –")
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
		return briefing.OneLine(from) + " – " + briefing.OneLine(to)
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
		return briefing.OneLine(s), false
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

// ---- sources ----

// storyWireCopies maps a source's number to the first listed source of its
// wire group (SourceRef.Group). Groups are not trusted where they cannot
// be right: every source in group 0 of a story with more than one
// independent group is a digest whose groups were never set, and calling
// everything a copy of source 1 would mislead.
func storyWireCopies(s Story) map[int]int {
	copies, groups := briefing.WireCopies(s.Sources)
	if groups == 1 && s.Sources[0].Group == 0 && s.Independent > 1 {
		return nil
	}
	return copies
}

// ---- text ----

// textItem is an item of a story for the terminal, to wrap with
// briefing.HangWrap.
func textItem(it briefing.Item) string { return briefing.TextItem(it, disputes) }

func digestText(w io.Writer, d *Digest, st briefing.Style) error {
	width := st.TextWidth()
	paint := st.Paint

	var o strings.Builder
	head := briefing.HangWrap(digestHeaderLine(d, textSpan), width, "", "")
	rule := 0
	for _, l := range strings.Split(head, "\n") {
		rule = max(rule, utf8.RuneCountInString(l))
	}
	o.WriteString(paint(head, "1") + "\n")
	if p := digestStatus(d, textSpan); len(p) > 0 {
		o.WriteString(paint(briefing.HangWrap(strings.Join(p, " · "), width, "", ""), "2") + "\n")
	}
	for _, n := range briefing.NoteLines(d.Notes) {
		o.WriteString(briefing.HangWrap(n, width, "Note: ", "      ") + "\n")
	}
	o.WriteString(strings.Repeat("=", rule) + "\n")
	if len(d.Shown) == 0 {
		o.WriteString("\n" + briefing.HangWrap(digestEmptyMessage(d), width, "", "") + "\n")
	}
	for i, s := range d.Shown {
		num := strconv.Itoa(storyRank(s, i)) + ". "
		ind := strings.Repeat(" ", utf8.RuneCountInString(num))
		o.WriteString("\n" + paint(briefing.HangWrap(textItem(storyHeadline(s)), width, num, ind), "1") + "\n")
		o.WriteString(paint(briefing.HangWrap(storyMeta(s, d.Backend, textSpan), width, ind, ind), "2") + "\n")
		if len(s.Sentences) > 0 {
			parts := make([]string, len(s.Sentences))
			for j, it := range s.Sentences {
				parts[j] = textItem(it)
			}
			o.WriteString("\n" + briefing.HangWrap(strings.Join(parts, " "), width, ind, ind) + "\n")
		}
		if l := storyDisputeLabel(s); l != "" {
			o.WriteString("\n" + paint(briefing.HangWrap(briefing.UnsupportedSign+briefing.NoBreak+l, width, ind, ind), "33") + "\n")
			for _, it := range s.Disputes {
				o.WriteString(briefing.HangWrap(textItem(it), width, ind+"• ", ind+"  ") + "\n")
			}
		}
		if len(s.Sources) > 0 {
			o.WriteString("\n" + ind + "Sources:\n")
			copies := storyWireCopies(s)
			for _, r := range s.Sources {
				n := strconv.Itoa(r.N) + ". "
				line := briefing.SourceLine(r, copies[r.N])
				if a := briefing.SourceAddress(r); a != "" {
					line += ", " + a
				}
				o.WriteString(briefing.HangWrap(line, width, ind+n, ind+strings.Repeat(" ", utf8.RuneCountInString(n))) + "\n")
			}
		}
		if ns := briefing.NoteLines(s.Notes); len(ns) > 0 || s.Details != "" {
			o.WriteString("\n")
			for _, n := range ns {
				o.WriteString(briefing.HangWrap(n, width, ind+"Note: ", ind+"      ") + "\n")
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

// mdItem is an item of a story on the Markdown page.
func mdItem(it briefing.Item) string { return briefing.MarkdownItem(it, disputes) }

func digestMarkdown(w io.Writer, d *Digest) error {
	var o strings.Builder
	o.WriteString("# Daily digest\n\n")
	line := digestCounts(d)
	if s := spanText(d.From, d.To); s != "" {
		line = s + " · " + line
	}
	o.WriteString("*" + briefing.MarkdownText(line) + "*\n")
	if p := digestStatus(d, spanText); len(p) > 0 {
		o.WriteString("\n" + briefing.MarkdownText(strings.Join(p, " · ")) + "\n")
	}
	if ns := briefing.NoteLines(d.Notes); len(ns) > 0 {
		o.WriteString("\n")
		for _, n := range ns {
			o.WriteString("- Note: " + briefing.MarkdownText(n) + "\n")
		}
	}
	if len(d.Shown) == 0 {
		o.WriteString("\n**" + briefing.MarkdownText(digestEmptyMessage(d)) + "**\n")
	}
	for i, s := range d.Shown {
		h := mdItem(storyHeadline(s))
		// A heading's closing run of #s would be cut off.
		if strings.HasSuffix(h, "#") {
			h = h[:len(h)-1] + `\#`
		}
		fmt.Fprintf(&o, "\n## %d. %s\n\n", storyRank(s, i), h)
		o.WriteString("*" + briefing.MarkdownText(storyMeta(s, d.Backend, spanText)) + "*\n")
		if len(s.Sentences) > 0 {
			parts := make([]string, len(s.Sentences))
			for j, it := range s.Sentences {
				parts[j] = mdItem(it)
			}
			o.WriteString("\n" + briefing.MarkdownLead(strings.Join(parts, " ")) + "\n")
		}
		if l := storyDisputeLabel(s); l != "" {
			o.WriteString("\n**" + briefing.UnsupportedSign + " " + briefing.MarkdownText(l) + "**\n")
			if len(s.Disputes) > 0 {
				o.WriteString("\n")
			}
			for _, it := range s.Disputes {
				o.WriteString("- " + briefing.MarkdownLead(mdItem(it)) + "\n")
			}
		}
		if len(s.Sources) > 0 {
			o.WriteString("\n**Sources**\n\n")
			copies := storyWireCopies(s)
			for _, r := range s.Sources {
				fmt.Fprintf(&o, "%d. %s", r.N, briefing.MarkdownText(briefing.SourceLine(r, copies[r.N])))
				if a := briefing.MarkdownAddress(r); a != "" {
					o.WriteString(", " + a)
				}
				o.WriteString("\n")
			}
		}
		for _, n := range briefing.NoteLines(s.Notes) {
			o.WriteString("\n*Note: " + briefing.MarkdownText(n) + "*\n")
		}
		if s.Details != "" {
			o.WriteString("\nDetails: " + briefing.MarkdownCode(s.Details) + "\n")
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
		s.Headline = briefing.JSONItem(s.Headline)
		s.Sentences = briefing.JSONItems(s.Sentences)
		s.Disputes = briefing.JSONItems(s.Disputes)
		s.Sources = briefing.NonNil(s.Sources)
		c.Shown[i] = s
	}
	return &c
}

// ---- HTML ----

// The digest's page (see briefing.PageTemplate for what every page
// is). In print each story keeps to one page where it fits.
const digestCSS = `main { max-width: 50rem }
h2 { font-size: 1.2rem; line-height: 1.25; margin: 0 0 .2rem }
header { border-bottom: 2px solid var(--fg); padding-bottom: .5rem }
.status, .meta { color: var(--muted); font-size: .9rem }
.notes { list-style: none; padding: 0; color: var(--muted); font-size: .85rem; margin-top: .2rem }
.empty { margin-top: 1rem; font-weight: 600 }
.story { padding: .9rem 0; border-bottom: 1px solid var(--rule) }
.rank { color: var(--muted) }
.summary { margin-top: .35rem }
.disputed { margin-top: .4rem }
.disputed .flag { color: var(--warn); font-weight: 600; font-size: .9rem }
.disputed li { margin: .12rem 0 }
.sources-head { margin-top: .4rem; font-size: .78rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted) }
.story .notes, .details { margin-top: .3rem }
.details { color: var(--muted); font-size: .85rem }
code { font-size: .95em; overflow-wrap: anywhere }
`

const digestPrintCSS = `  html { font-size: 9.5pt }
  h2 { font-size: 12pt; break-after: avoid }
  .story { padding: .6rem 0; break-inside: avoid }
  .disputed li, .sources li { break-inside: avoid }
`

const digestMain = `{{define "notes"}}{{if .}}
<ul class="notes">
{{- range .}}
<li>Note: {{.}}</li>
{{- end}}
</ul>
{{- end}}{{end}}<header>
<h1>Daily digest</h1>
<p class="dateline">{{.Dateline}}</p>
{{- if .Status}}
<p class="status">{{.Status}}</p>
{{- end}}
{{- template "notes" .Notes}}
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
{{- if .Disputes}}{{template "list" .Disputes}}{{end}}
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
{{- template "notes" .Notes}}
{{- if .Details}}
<p class="details">Details: <code>{{.Details}}</code></p>
{{- end}}
</article>
{{- end}}
`

var digestTmpl = briefing.PageTemplate("digest", digestCSS, digestPrintCSS, digestMain)

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

// htmlSource is a source entry with the anchors of a story's list.
type htmlSource struct {
	briefing.HTMLSource
	ID, CopyID string
}

func digestHTML(w io.Writer, d *Digest, generator string) error {
	p := htmlDigest{
		Generator: generator,
		Title:     "Daily digest",
		Dateline:  digestCounts(d),
		Status:    strings.Join(digestStatus(d, spanText), " · "),
		Notes:     briefing.NoteLines(d.Notes),
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
			Headline: briefing.HTMLItem(storyHeadline(s), disputes, s.Sources, srcID),
			Meta:     storyMeta(s, d.Backend, spanText),
			Flag:     storyDisputeLabel(s),
			Notes:    briefing.NoteLines(s.Notes),
			Details:  s.Details,
		}
		for _, it := range s.Sentences {
			hs.Sentences = append(hs.Sentences, briefing.HTMLItem(it, disputes, s.Sources, srcID))
		}
		for _, it := range s.Disputes {
			hs.Disputes = append(hs.Disputes, briefing.HTMLItem(it, disputes, s.Sources, srcID))
		}
		copies := storyWireCopies(s)
		for _, r := range s.Sources {
			src := htmlSource{HTMLSource: briefing.NewHTMLSource(r, copies[r.N]), ID: srcID(r.N)}
			if src.CopyOf > 0 {
				src.CopyID = srcID(src.CopyOf)
			}
			hs.Sources = append(hs.Sources, src)
		}
		p.Stories = append(p.Stories, hs)
	}
	return digestTmpl.Execute(w, p)
}
