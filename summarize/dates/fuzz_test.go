package dates

import (
	"strings"
	"testing"
	"time"
)

// FuzzFind checks the full-date finder that reads datelines and bylines
// for a source's publication date. FuzzExpressions compares it with
// Expressions only on short ASCII text; this covers any text, long lines
// (where Find works in windows around each year) included.
func FuzzFind(f *testing.F) {
	for _, s := range findCorpus {
		f.Add(s)
	}
	for _, s := range []string{
		"", "2023", "Tuesday, 7 March 2023 at 12:28 p.m. (GMT+3)", "Tue. 07-Mar-2023 23:59 -0530",
		"March 7th, 2023, 12.28am UTC + 03:00", "2023-03-07T12:28:59.999+0300", "31 April 2023", "29 Feb 2023",
		"29 Feb 2024 12:00 GMT+14:59", "Sunday\t\t7 of March 2023", "7 March 2023" + strings.Repeat(" ", 60) + "12:28",
		strings.Repeat("word ", 20) + "Wednesday 7 Mar 2023 " + strings.Repeat("x", 80) + " 2024-01-01",
		"\u00a07\u00a0March\u00a02023", "Jan 1 1800 Dec 31 2999 Jan 1 3000 1799-12-31",
	} {
		f.Add(s)
	}
	fd := NewFinder()
	f.Fuzz(func(t *testing.T, s string) {
		ms := fd.Find(s)
		prev := 0
		for i, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("%q: match %d [%d,%d) out of order or bounds (previous end %d)", s, i, m.Start, m.End, prev)
			}
			prev = m.End
			if y := m.Time.Year(); y < 1800 || y > 2999 {
				t.Fatalf("%q: match %d year %d", s, i, y)
			}
			if m.Weekday < -1 || m.Weekday > time.Saturday {
				t.Fatalf("%q: match %d weekday %d", s, i, m.Weekday)
			}
			if !m.HasTime && (m.Time.Hour() != 0 || m.Time.Minute() != 0 || m.Time.Location() != time.UTC) {
				t.Fatalf("%q: match %d has no time but is %v", s, i, m.Time)
			}
			// A date reads the same without its context: windowing and
			// word boundaries must not change what the words say.
			sub := s[m.Start:m.End]
			again := fd.Find(sub)
			if len(again) != 1 || again[0].Start != 0 || again[0].End != len(sub) || !sameDate(again[0], m) {
				t.Fatalf("%q: match %q is %+v, alone it gives %+v", s, sub, m, again)
			}
		}
		if f, ok := fd.First(s); ok != (len(ms) > 0) || ok && (f.Start != ms[0].Start || f.End != ms[0].End || !sameDate(f, ms[0])) {
			t.Fatalf("%q: First gives %+v, %v; Find %+v", s, f, ok, ms)
		}
	})
}

// sameDate compares what two matches say, not where: zones are compared
// by offset, since each match builds its own.
func sameDate(a, b Match) bool {
	_, ao := a.Time.Zone()
	_, bo := b.Time.Zone()
	return a.Time.Equal(b.Time) && ao == bo && a.HasTime == b.HasTime && a.Weekday == b.Weekday
}
