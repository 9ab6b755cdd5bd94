package briefing

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/brieftool/brief/summarize"
)

// RenderSources writes the corpus's source list in format f.
func RenderSources(w io.Writer, c *summarize.Corpus, f Format, st Style, generator string) error {
	switch f {
	case FormatJSON:
		return WriteDocument(w, c, generator)
	case FormatCSV:
		return sourcesCSV(w, c)
	case FormatMarkdown:
		return sourcesMarkdown(w, c)
	case FormatText:
		return sourcesText(w, c)
	case FormatTable:
		return sourcesTable(w, c, st)
	}
	return fmt.Errorf("sources: format %q not supported", f)
}

// status explains in a few words how a source counts: alone, as a copy,
// or as part of a wire group.
func status(c *summarize.Corpus, s *summarize.Source) string {
	var parts []string
	if s.DuplicateOf != "" {
		parts = append(parts, fmt.Sprintf("duplicate of #%d (%.0f%%)", original(c, s)+1, s.Similarity*100))
	} else if g := c.Groups[s.Group]; len(g.Members) > 1 {
		var others []string
		for _, m := range g.Members {
			if m != s.Index {
				others = append(others, "#"+strconv.Itoa(m+1))
			}
		}
		parts = append(parts, "wire copy with "+strings.Join(others, ","))
	}
	if n := len(s.Dropped); n > 0 {
		parts = append(parts, plural(n, "repeated paragraph")+" dropped")
	}
	if len(parts) == 0 {
		return "independent"
	}
	return strings.Join(parts, "; ")
}

// original finds the source a near duplicate repeats. Near duplicates share
// a group with their original, so only the group is searched, not the
// whole corpus once per row.
func original(c *summarize.Corpus, s *summarize.Source) int {
	for _, m := range c.Groups[s.Group].Members {
		if c.Sources[m].ID == s.DuplicateOf {
			return m
		}
	}
	return -1
}

// outlet names who published a source; without an outlet, the agencies it
// credits are the best attribution there is.
func outlet(s *summarize.Source, none string) string {
	if s.Outlet != "" {
		return s.Outlet
	}
	if len(s.Agencies) > 0 {
		return "via " + strings.Join(s.Agencies, ", ")
	}
	return none
}

func date(s *summarize.Source, none string) string {
	if s.Published.IsZero() {
		return none
	}
	return s.Published.Format(time.DateOnly)
}

func sourcesText(w io.Writer, c *summarize.Corpus) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tID\tDATE\tOUTLET\tWORDS\tGROUP\tDUPLICATE_OF\tTITLE")
	for _, s := range c.Sources {
		dup := oneLine(s.DuplicateOf)
		if dup == "" {
			dup = "-"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", s.Index+1, oneLine(s.ID), date(s, "-"), oneLine(outlet(s, "-")), s.Words, s.Group, dup, oneLine(orDash(s.Title)))
	}
	return tw.Flush()
}

func sourcesCSV(w io.Writer, c *summarize.Corpus) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "origin", "url", "format", "title", "outlet", "author", "agencies", "published", "language", "words", "sentences", "group", "group_size", "duplicate_of", "similarity", "removed_lines", "dropped_paragraphs"})
	for _, s := range c.Sources {
		_ = cw.Write([]string{
			s.ID, s.Origin, s.URL, s.Format, s.Title, s.Outlet, s.Author, strings.Join(s.Agencies, ";"),
			formatTime(s.Published, s.HasTime), s.Language, strconv.Itoa(s.Words), strconv.Itoa(len(s.Sentences)),
			strconv.Itoa(s.Group), strconv.Itoa(len(c.Groups[s.Group].Members)), s.DuplicateOf,
			strconv.FormatFloat(round3(s.Similarity), 'f', -1, 64), strconv.Itoa(len(s.Removed)), strconv.Itoa(len(s.Dropped)),
		})
	}
	cw.Flush()
	return cw.Error()
}

func sourcesMarkdown(w io.Writer, c *summarize.Corpus) error {
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header("#", "Title", "Outlet", "Date", "Words", "Status", "ID")
	for _, s := range c.Sources {
		if err := t.Append(strconv.Itoa(s.Index+1), mdEscape(oneLine(orDash(s.Title))), mdEscape(oneLine(outlet(s, "—"))), date(s, "—"),
			strconv.Itoa(s.Words), mdEscape(status(c, s)), "`"+strings.ReplaceAll(oneLine(s.ID), "`", "'")+"`"); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", summary(c))
	return err
}

func sourcesTable(w io.Writer, c *summarize.Corpus, st Style) error {
	width := st.width()
	rows := make([][]string, len(c.Sources))
	for i, s := range c.Sources {
		rows[i] = []string{strconv.Itoa(s.Index + 1), oneLine(orDash(s.Title)), oneLine(outlet(s, "—")), date(s, "—"), strconv.Itoa(s.Words), status(c, s)}
	}
	header := []string{"#", "Title", "Outlet", "Date", "Words", "Status"}
	// Fixed columns keep their natural width (capped); Title takes what is
	// left so the table fits the terminal.
	caps := []int{4, 0, 18, 10, 6, 24}
	widths := make([]int, len(header))
	used := 3*len(header) + 1 // borders and padding
	for j := range header {
		if j == 1 {
			continue
		}
		widths[j] = utf8.RuneCountInString(header[j])
		for _, r := range rows {
			widths[j] = max(widths[j], utf8.RuneCountInString(r[j]))
		}
		widths[j] = min(widths[j], caps[j])
		used += widths[j]
	}
	widths[1] = max(20, width-used)
	for _, r := range rows {
		for j := range r {
			r[j] = wrap(r[j], widths[j])
		}
	}
	if st.Color {
		for i, s := range c.Sources {
			if s.DuplicateOf != "" || len(c.Groups[s.Group].Members) > 1 {
				rows[i][5] = colorLines(rows[i][5], "33")
			}
		}
	}
	align := []tw.Align{tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignLeft}
	if err := renderBox(w, header, rows, align, st); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, wrap(summary(c), width))
	return err
}

// colorLines colours each line of a wrapped cell separately, so a colour
// never runs into the table's borders.
func colorLines(cell, code string) string {
	lines := strings.Split(cell, "\n")
	for i, l := range lines {
		lines[i] = "\x1b[" + code + "m" + l + "\x1b[0m"
	}
	return strings.Join(lines, "\n")
}

// summary is the legend under a table: how many sources there are and how
// many count as independent.
func summary(c *summarize.Corpus) string {
	st := stats(c)
	s := fmt.Sprintf("%s, %d independent", plural(st.Sources, "source"), st.Independent)
	var extra []string
	if st.Duplicates > 0 {
		extra = append(extra, plural(st.Duplicates, "near-duplicate"))
	}
	if st.SyndicatedGroups > 0 {
		extra = append(extra, plural(st.SyndicatedGroups, "wire group"))
	}
	extra = append(extra, plural(st.RemovedLines, "junk line")+" removed", plural(st.DroppedParagraphs, "repeated paragraph")+" dropped")
	if st.Skipped > 0 {
		extra = append(extra, plural(st.Skipped, "input")+" skipped")
	}
	return s + " (" + strings.Join(extra, ", ") + ")."
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// oneLine is s as one line of plain text, safe to print on a terminal:
// every run of white space a single space, and no control or format
// characters. Titles, outlets and addresses come from the pages and feeds
// read, and an escape sequence among them ("\x1b]0;…\x07") would retitle
// or repaint the reader's terminal, a bidirectional override (U+202E)
// turn the rest of the line around, and a zero-width character hide in a
// name. Bytes that are not UTF-8 become U+FFFD, since a terminal may read
// a stray byte 0x9B as the start of an escape sequence.
func oneLine(s string) string { return strings.Join(strings.Fields(printable(s)), " ") }

// printable is s with white space made spaces, and the C0 and C1 control
// characters and Unicode format characters (category Cf: bidirectional
// controls, zero-width spaces and joiners, the soft hyphen) left out.
// Everything else is kept.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// mdEscape keeps a cell from breaking a Markdown table.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "`", "'").Replace(s)
}

// wrap breaks s into lines of at most width runes, at spaces where it can.
func wrap(s string, width int) string {
	if width <= 0 || utf8.RuneCountInString(s) <= width {
		return s
	}
	var lines []string
	var line []rune
	for _, word := range strings.Fields(s) {
		wr := []rune(word)
		for len(wr) > width { // a word longer than the column is cut
			if len(line) > 0 {
				lines = append(lines, string(line))
				line = nil
			}
			lines = append(lines, string(wr[:width]))
			wr = wr[width:]
		}
		switch {
		case len(line) == 0:
			line = wr
		case len(line)+1+len(wr) <= width:
			line = append(append(line, ' '), wr...)
		default:
			lines = append(lines, string(line))
			line = wr
		}
	}
	if len(line) > 0 {
		lines = append(lines, string(line))
	}
	return strings.Join(lines, "\n")
}
