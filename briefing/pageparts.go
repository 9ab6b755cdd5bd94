package briefing

import (
	"html/template"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The parts of a page that every report made of briefing items writes
// the same way: the one-page briefing here and the daily digest
// (package daily). Each format marks an item alike (its citation
// markers, the ⚠ and reason of an item the citation check found
// unsupported, the speaker of a quote, the flag on a disputed line),
// lists sources alike, and the HTML pages share their head and most of
// their styles, so a reader who knows one page can read the other.

// ---- items ----

// TextItem is it for the terminal: "[1][3?]" after the words each
// citation group backs, the speaker of a quote, a flag on a line that
// states one side of a contradiction, pointing the reader to disputes
// (the heading the page lists contradictions under), and on an
// unsupported item ⚠ before and the reason after. The spaces before a
// marker group and after ⚠ are NoBreak, so wrap it with HangWrap.
func TextItem(it Item, disputes string) string {
	var b strings.Builder
	if it.Unsupported() {
		b.WriteString(UnsupportedSign + NoBreak)
	}
	for _, r := range citedRuns(it) {
		b.WriteString(strings.ReplaceAll(r.text, NoBreak, "\uFFFD"))
		if r.spaced {
			b.WriteString(NoBreak)
		}
		for _, c := range r.cites {
			b.WriteString("[" + citeLabel(c) + "]")
		}
	}
	return b.String() + itemSuffix(it, disputes)
}

// MarkdownItem is it as Markdown inline text, marked as TextItem marks
// it, its own characters escaped by MarkdownText.
func MarkdownItem(it Item, disputes string) string {
	// The markers are written as private-use runes (the text's own
	// copies become U+FFFD, three bytes like them, so citation offsets
	// stay valid), escaped with the text, then turned into brackets, so
	// that the text's own brackets are escaped and the markers are not.
	it.Text = strings.NewReplacer(mdOpen, "\uFFFD", mdClose, "\uFFFD").Replace(it.Text)
	s := unsupportedPrefix(it) + it.Marked(func(c Citation) string { return mdOpen + citeLabel(c) + mdClose }) + itemSuffix(it, disputes)
	return strings.NewReplacer(mdOpen, "[", mdClose, "]").Replace(MarkdownText(s))
}

const mdOpen, mdClose = "\uE010", "\uE011"

// HTMLItem is it as HTML: the text escaped, each citation a link to the
// element whose id is anchor(c.N), with a tooltip that names the source
// (found in sources by its number) and quotes the evidence. A citation
// that failed the check reads "[3?]" in the warning colour; an
// unsupported item is set on a warning background, opens with ⚠ and
// ends with the reason, in the text of the page so that it prints.
// Disputes is as for TextItem.
func HTMLItem(it Item, disputes string, sources []SourceRef, anchor func(n int) string) template.HTML {
	var s strings.Builder
	if it.Unsupported() {
		s.WriteString(`<span class="unsupported"><span class="sign">` + UnsupportedSign + `</span> `)
	}
	for _, r := range citedRuns(it) {
		s.WriteString(template.HTMLEscapeString(r.text))
		if len(r.cites) == 0 {
			continue
		}
		s.WriteString(`<sup class="cites">`)
		for _, c := range r.cites {
			class := "cite"
			if citationFailed(c) {
				class += " unverified"
			}
			s.WriteString(`<a class="` + class + `" href="#` + template.HTMLEscapeString(anchor(c.N)) + `" title="` +
				strings.ReplaceAll(template.HTMLEscapeString(citeTitle(sources, c)), "\n", "&#10;") + `">[` + citeLabel(c) + `]</a>`)
		}
		s.WriteString(`</sup>`)
	}
	if sp := speakerSuffix(it, disputes); sp != "" {
		s.WriteString(`<span class="speaker">` + template.HTMLEscapeString(sp) + `</span>`)
	}
	if it.Unsupported() {
		s.WriteString(` <span class="reason">(unsupported: ` + template.HTMLEscapeString(unsupportedReason(it)) + `)</span></span>`)
	}
	return template.HTML(s.String())
}

// citeTitle is the tooltip of a citation: the source and the words of
// it that back the claim, so a reader can check without leaving the page.
func citeTitle(sources []SourceRef, c Citation) string {
	s := "[" + strconv.Itoa(c.N) + "]"
	for _, r := range sources {
		if r.N == c.N {
			s += " " + sourceOutlet(r)
			break
		}
	}
	if citationFailed(c) {
		s += " (not verified: " + c.Status + ")"
	}
	// Each span on a line of its own: browsers keep a title's line
	// breaks, and evidence often starts or ends with quotation marks of
	// its own, which more quotes around it would only muddle.
	for _, e := range c.Evidence {
		if t := oneLine(e.Text); t != "" {
			s += "\n" + truncate(t, 300)
		}
	}
	return s
}

// NoteLines are notes as sentences: one line each, ending in a stop,
// the empty ones left out.
func NoteLines(notes []string) []string {
	var out []string
	for _, n := range notes {
		n = oneLine(n)
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

// ---- sources ----

// WireCopies maps the number of each source that is a wire copy (it
// shares its Group with a source listed before it) to the number of the
// first listed source of its group, and counts the groups. A caller
// that has reason to distrust the groups (they disagree with a count of
// independent sources it has, or were never set) ignores the map.
func WireCopies(sources []SourceRef) (copies map[int]int, groups int) {
	first := map[int]int{}
	for _, s := range sources {
		if _, ok := first[s.Group]; !ok {
			first[s.Group] = s.N
		}
	}
	copies = map[int]int{}
	for _, s := range sources {
		if f := first[s.Group]; f != s.N {
			copies[s.N] = f
		}
	}
	return copies, len(first)
}

// SourceLine is a source list entry without its number and address:
// `Outlet — “Title”, 2023-03-07 (same wire story as 2)`, where copyOf
// is the source it is a wire copy of (0 for none).
func SourceLine(s SourceRef, copyOf int) string {
	line := sourceOutlet(s)
	if t := oneLine(s.Title); t != "" {
		line += " — “" + t + "”"
	}
	if p := oneLine(s.Published); p != "" {
		line += ", " + shortDate(p)
	}
	if copyOf > 0 {
		line += " (same wire story as " + strconv.Itoa(copyOf) + ")"
	}
	return line
}

// SourceAddress is where a source can be found again: its URL, else
// the path it was read from, as one line of printable text (see
// oneLine): an address comes from the feed or page, and is printed.
func SourceAddress(s SourceRef) string {
	if s.URL != "" {
		return oneLine(s.URL)
	}
	return oneLine(s.Path)
}

func sourceOutlet(s SourceRef) string {
	for _, name := range []string{s.Outlet, s.ID} {
		if name = oneLine(name); name != "" {
			return name
		}
	}
	return "source " + strconv.Itoa(s.N)
}

// shortDate keeps the day of a timestamp: a source list has no room
// for clock times.
func shortDate(s string) string {
	if len(s) > 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	return s
}

// HTMLSource is a source list entry as a page's template writes it.
type HTMLSource struct {
	N, CopyOf                  int
	Outlet, Title, Date, Shown string
	Href                       string // http(s) only; a local path is shown, not linked
}

// NewHTMLSource is s's entry in an HTML source list; copyOf is as for
// SourceLine.
func NewHTMLSource(s SourceRef, copyOf int) HTMLSource {
	hs := HTMLSource{N: s.N, CopyOf: copyOf, Outlet: sourceOutlet(s), Title: oneLine(s.Title), Date: shortDate(s.Published)}
	if u, err := url.Parse(s.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		hs.Href, hs.Shown = s.URL, shownURL(u)
	} else {
		hs.Shown = SourceAddress(s)
	}
	return hs
}

// shownURL is an address short enough for a one-line source entry; the
// link keeps the whole of it.
func shownURL(u *url.URL) string {
	s := strings.TrimPrefix(u.Host, "www.") + u.EscapedPath()
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return strings.TrimSuffix(s, "/")
}

// ---- text ----

// NoBreak stands for a space that HangWrap must not break a line at;
// HangWrap prints it as a space.
const NoBreak = "\uE002"

// HangWrap wraps s at its spaces to width runes, with first before its
// first line and rest before the others. A word longer than a line (an
// address, mostly) keeps a line of its own, whole, so that a terminal
// can still recognise and open it.
func HangWrap(s string, width int, first, rest string) string {
	lines := wrapWords(s, max(width-utf8.RuneCountInString(first), 20))
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = rest + lines[i]
		}
	}
	return strings.ReplaceAll(strings.Join(lines, "\n"), NoBreak, " ")
}

// wrapWords breaks s at spaces into lines of at most width runes, but
// never inside a word.
func wrapWords(s string, width int) []string {
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

// TextWidth is the width terminal text is wrapped to: Width, or 100
// when it is not set.
func (s Style) TextWidth() int { return s.width() }

// Paint colours s with the ANSI SGR code ("1" bold, "2" dim, "33"
// yellow) where the style allows colour, each line on its own.
func (s Style) Paint(text, code string) string {
	if !s.Color {
		return text
	}
	return colorLines(text, code)
}

// Plural counts n of word: "1 source", "2 sources", "3 stories".
func Plural(n int, word string) string {
	if k := len(word) - 1; n != 1 && k > 0 && word[k] == 'y' && !strings.ContainsRune("aeiou", rune(word[k-1])) {
		return strconv.Itoa(n) + " " + word[:k] + "ies"
	}
	return plural(n, word)
}

// OneLine is s on one line, every run of white space a single space.
func OneLine(s string) string { return oneLine(s) }

// ---- Markdown ----

// MarkdownText escapes text for Markdown inline. Unlike the tables'
// escaping it keeps every character, so a verified quotation reads on
// the page exactly as the source prints it: backticks and brackets are
// backslash-escaped, not replaced, so a source's own "[2]" cannot pass
// for a citation nor its backticks open code; "<" keeps text quoting
// HTML as text, and an "&" that would start an entity is escaped, so
// "&amp;" in a title reads as written. Line breaks become spaces.
func MarkdownText(s string) string {
	return mdEntity.ReplaceAllString(mdEscaper.Replace(s), `\&$1`)
}

var (
	mdEscaper = strings.NewReplacer("\\", `\\`, "|", `\|`, "\r", " ", "\n", " ", "*", `\*`, "_", `\_`, "`", "\\`",
		"[", `\[`, "]", `\]`, "<", `\<`)
	mdEntity = regexp.MustCompile(`&(#?[0-9A-Za-z]+;)`)
	// mdBlockStart is what would turn a block's first line into
	// something else: a heading, a quote, a list item, a rule.
	mdBlockStart = regexp.MustCompile(`^(?:[#>+=-]|\d{1,9}[.)])`)
)

// MarkdownLead escapes the start of a paragraph or list item (escaped
// text, as MarkdownText writes it) that Markdown would read as a
// heading, quote, list or rule, and drops the leading spaces that would
// make it code.
func MarkdownLead(s string) string {
	s = strings.TrimLeft(s, " \t")
	m := mdBlockStart.FindString(s)
	if m == "" {
		return s
	}
	return m[:len(m)-1] + `\` + s[len(m)-1:]
}

// MarkdownCode is s on one line as a code span, whatever backticks it
// holds.
func MarkdownCode(s string) string {
	s = oneLine(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// MarkdownAddress is a source's address for a Markdown list: an http(s)
// URL as an autolink where it can be one, else the address as code, so
// that no other scheme ("javascript:", "data:") becomes a link; "" for a
// source with none.
func MarkdownAddress(s SourceRef) string {
	a := SourceAddress(s)
	switch {
	case a == "":
		return ""
	case s.URL != "" && isWebURL(a) && !strings.ContainsAny(a, " <>\\`"):
		return "<" + a + ">"
	}
	return MarkdownCode(a)
}

// isWebURL reports whether a is an http or https URL with a host.
func isWebURL(a string) bool {
	u, err := url.Parse(a)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// ---- JSON ----

// JSONItem is a copy of it whose lists are empty rather than nil, so
// that scripts always find an array where the schema promises one.
func JSONItem(it Item) Item {
	it.Citations = mapSlice(it.Citations, func(c Citation) Citation {
		c.Evidence = NonNil(c.Evidence)
		return c
	})
	return it
}

// JSONItems is JSONItem of each item, in a list that is never nil.
func JSONItems(items []Item) []Item { return mapSlice(items, JSONItem) }

// NonNil is s, or an empty list for nil, so that it is written to JSON
// as [] rather than null.
func NonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func mapSlice[T any](s []T, f func(T) T) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

// ---- HTML page ----

// PageTemplate parses an HTML page as brief writes them: one file that
// a reader can mail, archive or print. Styles are inline, there is no
// script, and the Content-Security-Policy forbids every fetch, so a
// page that tried to load anything would show it as a console error in
// the browser check rather than leak a request. The head names the
// page's generator and title (the fields Generator and Title of the
// data); the styles shared by every page (colours light, dark and
// printed, type, citation markers, unsupported items, disputes, source
// lists) come first, then css, the page's own, and in print the shared
// print styles, then printCSS. Main is the template of what the page's
// <main> holds; it may call the template "list", a <ul> with an <li>
// for each of the items given it, on a line of its own.
func PageTemplate(name, css, printCSS, main string) *template.Template {
	return template.Must(template.New(name).Parse(pageHead + pageCSS + css + "@media print {\n" + pagePrintCSS + printCSS +
		"}\n</style>\n</head>\n<body>\n<main>\n" + main + "</main>\n</body>\n</html>\n" + pageList))
}

const pageList = `{{define "list"}}
<ul>
{{- range .}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}`

const pageHead = `<!DOCTYPE html>
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
`

// pageCSS are the styles every page shares; @page keeps the paper size
// the printer's (A4 or Letter).
const pageCSS = `@page { size: auto; margin: 12mm }
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
main { margin: 0 auto; padding: 1.5rem 1.25rem 2rem }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .3rem }
p, ul, ol { margin: 0 }
a { color: var(--accent) }
.dateline { color: var(--muted); font-size: .9rem }
.cites { font-size: .68em; line-height: 0; white-space: nowrap; margin-left: .1em }
.cites a { text-decoration: none }
.cites a.unverified { color: var(--warn) }
.unsupported { background: var(--warn-bg); -webkit-box-decoration-break: clone; box-decoration-break: clone }
.unsupported .sign, .unsupported .reason { color: var(--warn); font-weight: 600; font-style: normal }
.unsupported .reason { font-size: .85em }
.speaker { color: var(--muted) }
.disputed ul { list-style: none; padding: 0 }
.disputed li { border-left: 3px solid var(--warn); padding-left: .5rem }
.sources { list-style: none; padding: 0; font-size: .85rem }
.sources li { padding-left: 2.1em; text-indent: -2.1em; overflow-wrap: anywhere }
.sources .n { display: inline-block; width: 1.8em; text-indent: 0; white-space: nowrap; color: var(--muted) }
.sources .addr { color: var(--muted) }
:target { background: var(--warn-bg) }
`

const pagePrintCSS = `  :root { --fg: #000; --muted: #444; --accent: #0b3f7a; --rule: #bbb; --warn: #8a4a00; --warn-bg: #fff3df; --bg: #fff }
  body { line-height: 1.3; print-color-adjust: exact; -webkit-print-color-adjust: exact }
  main { max-width: none; padding: 0 }
  h1 { font-size: 15pt }
  a { text-decoration: none }
  :target { background: none }
`
