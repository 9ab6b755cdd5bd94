package briefing

import (
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
)

// The briefing page (see PageTemplate for what every page is). In
// print its styles shrink the type until a full briefing (250 words,
// four disputes, three quotes, ten sources, an 8 × 10 coverage matrix)
// fits on one page of A4 or Letter, and still does with 25 sources (see
// besideMax and matrixColumns for how); html_test.go checks that in
// Chromium, and reads the printed text back to check that every
// source's entry is there and that nothing is printed over anything
// else.
const briefingCSS = `main { max-width: 60rem }
h2 { font-size: .78rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
  border-bottom: 1px solid var(--rule); margin: 1.1rem 0 .35rem; padding-bottom: .1rem }
ul { padding-left: 1.1rem }
li { margin: .12rem 0 }
.quotes ul { list-style: none; padding: 0 }
.quotes li { border-left: 3px solid var(--rule); padding-left: .5rem; font-style: italic }
.quotes li .cites, .quotes li .speaker { font-style: normal }
.lower { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 5mm; align-items: start }
.matrix { border-collapse: collapse; font-size: .8rem; line-height: 1.3 }
.matrix th, .matrix td { padding: .05rem .3rem; text-align: center; border-bottom: 1px solid var(--rule) }
.matrix thead th { font-weight: 600; color: var(--muted) }
.matrix thead th:first-child { text-align: left }
.matrix thead a { color: inherit; text-decoration: none }
.matrix th[scope=row] { text-align: left; font-weight: normal; max-width: 24rem }
.matrix td.flag { color: var(--warn); font-size: .9em; text-align: left }
.matrix tr.disputed th[scope=row] { color: var(--warn) }
.legend { color: var(--muted); font-size: .75rem; margin-top: .2rem }
@media screen { .coverage { overflow-x: auto } }
footer { margin-top: 1rem; padding-top: .3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .78rem }
`

const briefingPrintCSS = `  html { font-size: 9pt }
  h2 { margin: .7rem 0 .2rem; break-after: avoid }
  li { margin: .05rem 0 }
  li, tr, h2 { break-inside: avoid }
  .lower { grid-template-columns: minmax(16rem, 1fr) auto }
  .sources { font-size: .82rem }
  .sources li { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden }
  .lower.stacked { grid-template-columns: minmax(0, 1fr) }
  .stacked .sources { columns: 2; column-gap: 5mm; font-size: .78rem; line-height: 1.15 }
  .stacked .sources li { display: block; margin: 0; white-space: nowrap; text-overflow: ellipsis }
  .stacked .coverage { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 5mm; align-items: end }
  .stacked .coverage h2 { grid-column: 1 / -1 }
  .matrix { font-size: .8rem; line-height: 1.2 }
  .matrix th[scope=row] { width: 12rem; max-width: 12rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis }
  .stacked .matrix { font-size: .75rem; line-height: 1.1 }
  .stacked .matrix th[scope=row] { width: 20rem; max-width: 20rem }
  .stacked .matrix th, .stacked .matrix td { padding-top: 0; padding-bottom: 0 }
  footer { margin-top: .6rem }
`

const briefingMain = `<header>
<h1>{{.Headline}}</h1>
{{- if .Dateline}}
<p class="dateline">{{.Dateline}}</p>
{{- end}}
</header>
{{- range .Sections}}
<section class="{{.Class}}">
<h2>{{.Title}}</h2>
{{- if .Paragraph}}
<p>{{range $i, $it := .Items}}{{if $i}} {{end}}{{$it}}{{end}}</p>
{{- else}}{{template "list" .Items}}{{end}}
</section>
{{- end}}
{{- if or .Sources .Rows}}
<div class="lower{{if .Stacked}} stacked{{end}}">
{{- if .Sources}}
<section>
<h2>Sources</h2>
<ol class="sources">
{{- range .Sources}}
<li id="src-{{.N}}" value="{{.N}}"><span class="n">{{.N}}.</span> <b>{{.Outlet}}</b>
{{- if .Date}}, <time>{{.Date}}</time>{{end}}
{{- if .Title}} — “{{.Title}}”{{end}}
{{- if .CopyOf}} (same wire story as <a href="#src-{{.CopyOf}}">{{.CopyOf}}</a>){{end}}
{{- if .Href}}, <a class="addr" href="{{.Href}}">{{.Shown}}</a>{{else if .Shown}}, <span class="addr">{{.Shown}}</span>{{end}}</li>
{{- end}}
</ol>
</section>
{{- end}}
{{- if .Rows}}
<section class="coverage">
<h2>Coverage</h2>
<table class="matrix">
<thead><tr><th scope="col">Fact</th>
{{- range .Columns}}<th scope="col"><a href="#src-{{.N}}" title="{{.Outlet}}">{{.N}}</a></th>{{end}}<th></th></tr></thead>
<tbody>
{{- range .Rows}}
<tr{{if .Disputed}} class="disputed"{{end}}><th scope="row" title="{{.Label}}">{{.Label}}</th>
{{- range .Cells}}<td{{if .}} title="{{.}}">●{{else}}>{{end}}</td>{{end}}
{{- if .Disputed}}<td class="flag">disputed</td>{{else}}<td></td>{{end}}</tr>
{{- end}}
</tbody>
</table>
<p class="legend">● the source states the fact.
{{- if .Omitted}} Columns for the {{len .Columns}} sources that state the most facts; +{{.Omitted}} more sources in brief compare.{{end}}</p>
</section>
{{- end}}
</div>
{{- end}}
<footer>{{.Footer}}{{range .Notes}} {{.}}{{end}}</footer>
`

var briefingTmpl = PageTemplate("briefing", briefingCSS, briefingPrintCSS, briefingMain)

type htmlBriefing struct {
	Generator, Title, Dateline, Footer string
	Headline                           template.HTML
	Sections                           []htmlSection
	Sources                            []HTMLSource
	// Stacked sets the source list above the coverage matrix in print,
	// not beside it (see besideMax).
	Stacked bool
	// Columns are the sources the coverage matrix has a column for, in
	// number order; Omitted counts the ones it leaves out.
	Columns []HTMLSource
	Omitted int
	Rows    []htmlRow
	Notes   []string
}

type htmlSection struct {
	Class, Title string
	Paragraph    bool
	Items        []template.HTML
}

type htmlRow struct {
	Label    string
	Disputed bool
	// Cells holds, per source column, the tooltip of a ● ("" for none).
	Cells []string
}

func briefHTML(w io.Writer, b *Briefing, generator string) error {
	p := htmlBriefing{
		Generator: generator,
		Title:     oneLine(b.Headline.Text),
		Dateline:  briefDateline(b.Dateline),
		Footer:    briefFooter(b),
		Notes:     NoteLines(b.Notes),
		Headline:  htmlMarked(b, b.Headline),
	}
	if p.Title == "" {
		p.Title = "Briefing"
	}
	p.Title = unsupportedPrefix(b.Headline) + p.Title
	for _, s := range b.Sections {
		if len(s.Items) == 0 {
			continue
		}
		hs := htmlSection{Class: "section " + cssClass(s.ID), Title: sectionTitle(s), Paragraph: asParagraph(s)}
		for _, it := range s.Items {
			hs.Items = append(hs.Items, htmlMarked(b, it))
		}
		p.Sections = append(p.Sections, hs)
	}
	copies := wireCopies(b)
	for _, s := range b.Sources {
		p.Sources = append(p.Sources, NewHTMLSource(s, copies[s.N]))
	}
	p.Stacked = len(b.Sources) > besideMax
	if len(b.Sources) > 0 && len(b.Coverage.Rows) > 0 {
		cols := matrixSources(b)
		p.Omitted = len(b.Sources) - len(cols)
		for _, i := range cols {
			p.Columns = append(p.Columns, p.Sources[i])
		}
		for _, r := range b.Coverage.Rows {
			hr := htmlRow{Label: coverageLabel(r), Disputed: r.Disputed}
			states := statedBy(r)
			for _, i := range cols {
				s := b.Sources[i]
				tip := ""
				if states[s.N] {
					tip = strconv.Itoa(s.N) + " " + sourceOutlet(s) + " states it"
				}
				hr.Cells = append(hr.Cells, tip)
			}
			p.Rows = append(p.Rows, hr)
		}
	}
	return briefingTmpl.Execute(w, p)
}

// besideMax is the most sources the printed page sets beside the
// coverage matrix. There the list gets the width the matrix leaves it,
// about half the page, and each entry up to two lines: the number,
// outlet and date, which lead the entry, and a line or so of the title.
// A longer list would outgrow the sheet (and a list on one line per
// entry beside a wide matrix once shrank to nothing), so past besideMax
// the list spans the page in two columns above the matrix, one line per
// entry with the title cut short by an ellipsis, and the matrix packs
// its rows tighter with the legend beside it: that way the longest text
// a briefing has (html_test.go's worst case) with 25 sources still
// prints on one A4 or Letter page, where two lines per entry would not.
const besideMax = 10

// matrixColumns is the most source columns the coverage matrix shows:
// what fits across the page in print beside readable fact labels. A
// wider matrix was cut off at the paper's edge without a word, or made
// Chromium shrink the whole page to fit it. The screen shows the same
// columns, so that the page reads the same on paper and on screen.
const matrixColumns = 16

// matrixSources picks the sources (indices into b.Sources, in number
// order) that get a column in the coverage matrix: all of them when they
// fit, else the ones that state the most facts, since a column of blanks
// tells the reader least; ties go to the lower number. The page says how
// many it leaves out and where to see them all.
func matrixSources(b *Briefing) []int {
	idx := make([]int, len(b.Sources))
	for i := range idx {
		idx[i] = i
	}
	if len(idx) <= matrixColumns {
		return idx
	}
	stated := map[int]int{}
	for _, r := range b.Coverage.Rows {
		for n := range statedBy(r) {
			stated[n]++
		}
	}
	slices.SortStableFunc(idx, func(i, j int) int { return stated[b.Sources[j].N] - stated[b.Sources[i].N] })
	idx = idx[:matrixColumns]
	slices.Sort(idx)
	return idx
}

// cssClass keeps a section id usable as a class name; the known ids
// (key_points, disputed, quotes, background) pass through unchanged.
func cssClass(id string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '-'
	}, id)
}

// htmlMarked is an item on the page, each citation a link to its
// source's entry in the list.
func htmlMarked(b *Briefing, it Item) template.HTML {
	return HTMLItem(it, disputesHeading, b.Sources, func(n int) string { return "src-" + strconv.Itoa(n) })
}
