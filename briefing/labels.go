package briefing

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
	"github.com/brieftool/brief/summarize/rank"
)

// NewDateline says what a briefing of c covers: the span of publication
// dates and how many sources, and how many of them independent.
func NewDateline(c *summarize.Corpus) Dateline {
	d := Dateline{Sources: len(c.Sources), Independent: c.Independent()}
	// Dates are compared as each outlet printed them, in its own time
	// zone, as the source list shows them.
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	var from, to time.Time
	for _, s := range c.Sources {
		if s.Published.IsZero() {
			continue
		}
		if from.IsZero() || day(s.Published) < day(from) {
			from = s.Published
		}
		if to.IsZero() || day(s.Published) > day(to) {
			to = s.Published
		}
	}
	var parts []string
	if !from.IsZero() {
		d.From, d.To = from.Format(time.DateOnly), to.Format(time.DateOnly)
		parts = append(parts, dateRange(from, to))
	}
	src := fmt.Sprintf("%d sources", d.Sources)
	if d.Sources == 1 {
		src = "1 source"
	}
	if d.Independent != d.Sources {
		src += fmt.Sprintf(", %d independent", d.Independent)
	}
	d.Text = strings.Join(append(parts, src), " · ")
	return d
}

// dateRange writes "7 March 2023", "7–8 March 2023", "30 March – 2 April
// 2023" or a range across years.
func dateRange(from, to time.Time) string {
	switch {
	case from.Format(time.DateOnly) == to.Format(time.DateOnly):
		return from.Format("2 January 2006")
	case from.Year() == to.Year() && from.Month() == to.Month():
		return fmt.Sprintf("%d–%s", from.Day(), to.Format("2 January 2006"))
	case from.Year() == to.Year():
		return from.Format("2 January") + " – " + to.Format("2 January 2006")
	}
	return from.Format("2 January 2006") + " – " + to.Format("2 January 2006")
}

// FactLabel shortens a fact to a coverage-matrix row label.
func FactLabel(s string) string {
	s = rank.StripDateline(strings.Join(strings.Fields(s), " "))
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndex(s[:max], " ")
	if cut < 20 {
		cut = max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], ",;:") + "…"
}

// DisputeLead names what the sides disagree about, without the excerpt
// the fact table appends to quote subjects (the values carry the words).
func DisputeLead(cf facts.Conflict) string {
	s := cf.Subject
	// "how Austin said “I'm here to…”" reads "Austin's words “I'm here
	// to”", keeping only the excerpt's verbatim part.
	if cf.Kind == facts.AttributionConflict && strings.HasPrefix(s, "how ") {
		if i := strings.Index(s, " said “"); i > 4 {
			ex := strings.TrimSuffix(strings.TrimSuffix(s[i+len(" said “"):], "”"), "…")
			ex = strings.TrimSpace(ex)
			if sp := strings.LastIndex(ex, " "); sp > 0 && strings.HasSuffix(s, "…”") {
				ex = ex[:sp] // the last word may be cut
			}
			if ex != "" {
				return s[4:i] + "'s words “" + ex + "”"
			}
		}
	}
	if i := strings.Index(s, ": “"); i > 0 {
		s = s[:i]
	}
	if i := strings.Index(s, " “"); i > 0 && cf.Kind == facts.AttributionConflict {
		s = s[:i]
	}
	s = strings.TrimPrefix(s, "wording of ")
	if strings.HasSuffix(s, "'s quotation") {
		s = strings.TrimSuffix(s, "quotation") + "words"
	}
	if s == "" {
		return string(cf.Kind)
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
