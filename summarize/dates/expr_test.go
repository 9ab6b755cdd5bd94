package dates

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// want describes one expected expression. date is "2006-01-02" or "" for
// an unresolved one; wd is a weekday name or "" for none.
type want struct {
	text   string
	gran   Granularity
	date   string
	rel    bool
	wd     string
	approx bool
}

var (
	refTue   = time.Date(2023, 3, 7, 9, 30, 0, 0, time.UTC) // Tuesday
	refWed   = time.Date(2023, 3, 8, 18, 0, 0, 0, time.UTC) // Wednesday
	refJan5  = time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC)  // Friday
	refDec20 = time.Date(2023, 12, 20, 0, 0, 0, 0, time.UTC)
	refLeap  = time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC)
	noRef    time.Time
)

func checkExprs(t *testing.T, in string, ref time.Time, got []Expr, ws []want) {
	t.Helper()
	if len(got) != len(ws) {
		t.Fatalf("Expressions(%q) = %d expressions %s, want %d", in, len(got), describe(got), len(ws))
	}
	for i, w := range ws {
		e := got[i]
		if e.Text != w.text || in[e.Start:e.End] != w.text {
			t.Errorf("expr %d text = %q (span %q), want %q", i, e.Text, in[e.Start:e.End], w.text)
		}
		if e.Gran != w.gran {
			t.Errorf("%q: Gran = %v, want %v", w.text, e.Gran, w.gran)
		}
		date := ""
		if !e.Date.IsZero() {
			date = e.Date.Format("2006-01-02")
			if e.Date.Location() != time.UTC || e.Date.Hour() != 0 || e.Date.Minute() != 0 {
				t.Errorf("%q: Date %v is not UTC midnight", w.text, e.Date)
			}
		}
		if date != w.date {
			t.Errorf("%q: Date = %q, want %q", w.text, date, w.date)
		}
		if e.Resolved != (w.date != "") {
			t.Errorf("%q: Resolved = %v with date %q", w.text, e.Resolved, w.date)
		}
		if e.Relative != w.rel {
			t.Errorf("%q: Relative = %v, want %v", w.text, e.Relative, w.rel)
		}
		wd := ""
		if e.Weekday >= 0 {
			wd = e.Weekday.String()
		}
		if wd != w.wd {
			t.Errorf("%q: Weekday = %q, want %q", w.text, wd, w.wd)
		}
		if e.Approx != w.approx {
			t.Errorf("%q: Approx = %v, want %v", w.text, e.Approx, w.approx)
		}
	}
}

func describe(es []Expr) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "[%q %v %s rel=%v approx=%v wd=%d] ", e.Text, e.Gran, e.Date.Format("2006-01-02"), e.Relative, e.Approx, e.Weekday)
	}
	return b.String()
}

func TestExpressions(t *testing.T) {
	f := NewFinder()
	tests := []struct {
		name string
		in   string
		ref  time.Time
		want []want
	}{
		// Full dates, as Find matches them.
		{"mdy", "Shares in Acme fell 4% on March 7, 2023, after the earnings call.", refWed,
			[]want{{text: "March 7, 2023", gran: Day, date: "2023-03-07"}}},
		{"dmy", "The wall fell on 9 November 1989, and crowds crossed all night.", refWed,
			[]want{{text: "9 November 1989", gran: Day, date: "1989-11-09"}}},
		{"dmy weekday", "AFP , AP , Tuesday 7 Mar 2023", noRef,
			[]want{{text: "Tuesday 7 Mar 2023", gran: Day, date: "2023-03-07", wd: "Tuesday"}}},
		{"clock", "Published: Wed., Sept. 13th, 2023 at 3:04 p.m. ET", noRef,
			[]want{{text: "Wed., Sept. 13th, 2023 at 3:04 p.m.", gran: Day, date: "2023-09-13", wd: "Wednesday"}}},
		{"iso", "Updated 2023-03-07T23:28:00-05:00 by the desk", noRef,
			[]want{{text: "2023-03-07T23:28:00-05:00", gran: Day, date: "2023-03-07"}}},
		{"ordinal of", "Parliament was dissolved on the 7th of March 2023.", noRef,
			[]want{{text: "7th of March 2023", gran: Day, date: "2023-03-07"}}},
		{"two full dates", "from March 7, 2023 to 9 March 2023", noRef,
			[]want{{text: "March 7, 2023", gran: Day, date: "2023-03-07"}, {text: "9 March 2023", gran: Day, date: "2023-03-09"}}},
		{"invalid day", "The deadline of 31 April 2023 never existed.", refWed,
			[]want{{text: "2023", gran: Year, date: "2023-01-01"}}},

		// Day and month without a year.
		{"month day", "Voting begins March 7 in most states.", refWed,
			[]want{{text: "March 7", gran: Day, date: "2023-03-07", rel: true}}},
		{"day month", "The ferry sank on 7 March off the coast.", refWed,
			[]want{{text: "7 March", gran: Day, date: "2023-03-07", rel: true}}},
		{"ordinal", "The museum reopens March 7th.", refWed,
			[]want{{text: "March 7th", gran: Day, date: "2023-03-07", rel: true}}},
		{"abbreviation", "Filings closed Jan. 15, the regulator said.", refWed,
			[]want{{text: "Jan. 15", gran: Day, date: "2023-01-15", rel: true}}},
		{"on the 7th of March", "The strike began on the 7th of March.", refWed,
			[]want{{text: "7th of March", gran: Day, date: "2023-03-07", rel: true}}},
		{"rollover back", "The fire broke out on December 28, officials said.", refJan5,
			[]want{{text: "December 28", gran: Day, date: "2023-12-28", rel: true}}},
		{"rollover forward", "The new tariff applies from January 3.", refDec20,
			[]want{{text: "January 3", gran: Day, date: "2024-01-03", rel: true}}},
		{"within two months", "The summit is set for March 1.", refJan5,
			[]want{{text: "March 1", gran: Day, date: "2024-03-01", rel: true}}},
		{"no ref", "Voting begins March 7 in most states.", noRef,
			[]want{{text: "March 7", gran: Day, rel: true}}},
		{"last year suffix", "The plant closed on March 7 last year.", refWed,
			[]want{{text: "March 7 last year", gran: Day, date: "2022-03-07", rel: true}}},
		{"leap day unresolved", "Payments resume February 29.", refWed,
			[]want{{text: "February 29", gran: Day, rel: true}}},
		{"leap day", "Payments resume February 29.", refLeap,
			[]want{{text: "February 29", gran: Day, date: "2024-02-29", rel: true}}},
		{"weekday and date", "The court ruled on Tuesday, March 7, after a long delay.", refWed,
			[]want{{text: "Tuesday, March 7", gran: Day, date: "2023-03-07", rel: true, wd: "Tuesday"}}},
		{"weekday disagrees", "Talks resume Tuesday 8 March in Geneva.", refWed,
			[]want{{text: "Tuesday 8 March", gran: Day, date: "2023-03-08", rel: true, wd: "Tuesday"}}},

		// Month and year.
		{"month year", "Inflation peaked in March 2003 and eased.", refWed,
			[]want{{text: "March 2003", gran: Month, date: "2003-03-01"}}},
		{"month of year", "The troops crossed in March of 2003.", refWed,
			[]want{{text: "March of 2003", gran: Month, date: "2003-03-01"}}},
		{"bare month", "Prices rose in March and again since January.", refWed,
			[]want{{text: "March", gran: Month, date: "2023-03-01", rel: true}, {text: "January", gran: Month, date: "2023-01-01", rel: true}}},
		{"bare month rollover", "Work stopped in November.", refJan5,
			[]want{{text: "November", gran: Month, date: "2023-11-01", rel: true}}},
		{"last March", "The bridge closed last March.", refWed,
			[]want{{text: "last March", gran: Month, date: "2022-03-01", rel: true}}},
		{"March last year", "The bridge closed in March last year.", refWed,
			[]want{{text: "March last year", gran: Month, date: "2022-03-01", rel: true}}},
		{"late March", "Snow is expected in late March.", refWed,
			[]want{{text: "late March", gran: Month, date: "2023-03-01", rel: true, approx: true}}},
		{"mid-March", "Harvest starts mid-March.", refWed,
			[]want{{text: "mid-March", gran: Month, date: "2023-03-01", rel: true, approx: true}}},
		{"month range", "Surveys run between October and December or June or July.", refWed,
			[]want{
				{text: "October", gran: Month, date: "2022-10-01", rel: true},
				{text: "December", gran: Month, date: "2022-12-01", rel: true},
				{text: "June", gran: Month, date: "2022-06-01", rel: true},
				{text: "July", gran: Month, date: "2022-07-01", rel: true},
			}},
		{"month noun", "Thousands joined the march on Washington.", refWed, nil},
		{"month name", "The March on Washington and March Madness drew crowds; April Ryan asked by April Ryan's desk.", refWed, nil},

		// Years.
		{"in year", "The company was founded in 2014 in Lagos.", refWed,
			[]want{{text: "2014", gran: Year, date: "2014-01-01"}}},
		{"attributive year", "The 2003 invasion changed the region.", refWed,
			[]want{{text: "2003", gran: Year, date: "2003-01-01"}}},
		{"since by", "Emissions have fallen since 2011 and must halve by 2030.", refWed,
			[]want{{text: "2011", gran: Year, date: "2011-01-01"}, {text: "2030", gran: Year, date: "2030-01-01"}}},
		{"range", "The 2019-2020 season was cut short.", refWed,
			[]want{{text: "2019", gran: Year, date: "2019-01-01"}, {text: "2020", gran: Year, date: "2020-01-01"}}},
		{"en dash range", "Figures for 2019–2020 were revised.", refWed,
			[]want{{text: "2019", gran: Year, date: "2019-01-01"}, {text: "2020", gran: Year, date: "2020-01-01"}}},
		{"year before function word", "In 2020 was the worst drought, since 2011 across the basin.", refWed,
			[]want{{text: "2020", gran: Year, date: "2020-01-01"}, {text: "2011", gran: Year, date: "2011-01-01"}}},
		{"year possessive", "2021's harvest was poor.", refWed,
			[]want{{text: "2021", gran: Year, date: "2021-01-01"}}},
		{"early year", "Rates should fall by early 2021.", refWed,
			[]want{{text: "early 2021", gran: Year, date: "2021-01-01", approx: true}}},
		{"end of year", "The line opens by the end of 2021.", refWed,
			[]want{{text: "end of 2021", gran: Year, date: "2021-01-01", approx: true}}},
		{"mid-year", "Sales slowed in mid-2019.", refWed,
			[]want{{text: "mid-2019", gran: Year, date: "2019-01-01", approx: true}}},
		{"pre-year", "Pre-2008 debt is exempt.", refWed,
			[]want{{text: "2008", gran: Year, date: "2008-01-01"}}},

		// The year/number rule.
		{"qualifiers", "About 2000 people fled, some 1900 stayed, nearly 2000 were hurt, more than 2000 left.", refWed, nil},
		{"qualifiers 2", "Over 2000 came, up to 1999 waited, at least 1800 voted, roughly 2000 or around 2000, approximately 2001, almost 2002.", refWed, nil},
		{"count nouns", "The army sent 2000 troops, 1850 people and 1800 children, with 2000 women and 1900 police.", refWed, nil},
		{"capitalised noun", "In 2000 Americans voted.", refWed,
			[]want{{text: "2000", gran: Year, date: "2000-01-01"}}},
		{"glued", "It cost $2000, rose 2000%, weighed 2000.5 kg, in the 1990s, the '90s, an A320, COVID-2019, 2000mg.", refWed, nil},
		{"out of range", "The castle dates from 1650 and the lease runs to 2150.", refWed, nil},
		{"clock", "The meeting starts at 20:15 and ends at 21:30.", refWed, nil},
		{"wire clock", "The curfew, imposed in 1930, starts at 1800 GMT and ends at 2100 hrs.", refWed,
			[]want{{text: "1930", gran: Year, date: "1930-01-01"}}},

		// Weekdays.
		{"said Tuesday same day", "The minister said Tuesday that talks would resume.", refTue,
			[]want{{text: "Tuesday", gran: Day, date: "2023-03-07", rel: true, wd: "Tuesday"}}},
		{"said Tuesday next day", "The minister said Tuesday that talks would resume.", refWed,
			[]want{{text: "Tuesday", gran: Day, date: "2023-03-07", rel: true, wd: "Tuesday"}}},
		{"on weekday", "Markets fell on Monday.", refWed,
			[]want{{text: "Monday", gran: Day, date: "2023-03-06", rel: true, wd: "Monday"}}},
		{"possessive weekday", "Tuesday's attack killed four.", refWed,
			[]want{{text: "Tuesday", gran: Day, date: "2023-03-07", rel: true, wd: "Tuesday"}}},
		{"last weekday", "The vote was held last Tuesday.", refTue,
			[]want{{text: "last Tuesday", gran: Day, date: "2023-02-28", rel: true, wd: "Tuesday"}}},
		{"next weekday", "The launch is due next Friday.", refWed,
			[]want{{text: "next Friday", gran: Day, date: "2023-03-10", rel: true, wd: "Friday"}}},
		{"weekday no ref", "Officials met on Thursday.", noRef,
			[]want{{text: "Thursday", gran: Day, rel: true, wd: "Thursday"}}},
		{"habitual", "The market opens every Monday and on Sundays.", refWed, nil},

		// Relative words.
		{"today etc", "Today's ruling follows yesterday's protest; a vote is due tomorrow and results tonight.", refWed,
			[]want{
				{text: "Today", gran: Day, date: "2023-03-08", rel: true},
				{text: "yesterday", gran: Day, date: "2023-03-07", rel: true},
				{text: "tomorrow", gran: Day, date: "2023-03-09", rel: true},
				{text: "tonight", gran: Day, date: "2023-03-08", rel: true},
			}},
		{"USA Today", "USA Today reported the story.", refWed, nil},
		{"Today show", `He told "Today" on NBC, and the Today programme, that today's vote matters.`, refWed,
			[]want{{text: "today", gran: Day, date: "2023-03-08", rel: true}}},
		{"last month", "Exports fell last month.", time.Date(2023, 1, 10, 0, 0, 0, 0, time.UTC),
			[]want{{text: "last month", gran: Month, date: "2022-12-01", rel: true}}},
		{"this and next year", "Growth will slow this year and recover next year.", refWed,
			[]want{{text: "this year", gran: Year, date: "2023-01-01", rel: true}, {text: "next year", gran: Year, date: "2024-01-01", rel: true}}},
		{"earlier this month", "The firm announced earlier this month that it would cut jobs.", refWed,
			[]want{{text: "earlier this month", gran: Month, date: "2023-03-01", rel: true, approx: true}}},
		{"late last year", "Talks collapsed late last year.", refWed,
			[]want{{text: "late last year", gran: Year, date: "2022-01-01", rel: true, approx: true}}},
		{"duration", "Prices doubled over the last year and will rise in the next month.", refWed, nil},
		{"relative no ref", "Exports fell last month.", noRef,
			[]want{{text: "last month", gran: Month, rel: true}}},

		// May.
		{"may verb and name", "He may go, Theresa May said, and May's allies agreed.", refWed, nil},
		{"may with year", "Theresa May resigned in May 2019.", refWed,
			[]want{{text: "May 2019", gran: Month, date: "2019-05-01"}}},
		{"may with day", "Polls close on 7 May and results come May 8.", refWed,
			[]want{{text: "7 May", gran: Day, date: "2023-05-07", rel: true}, {text: "May 8", gran: Day, date: "2023-05-08", rel: true}}},
		{"may bare", "The election is in May.", refWed, nil},
		{"may after name", "Theresa May 2019 memoir", refWed,
			[]want{{text: "2019", gran: Year, date: "2019-01-01"}}},

		// Mixed.
		{"mixed", "Rebels seized the town on Tuesday, two days after the 2014 ceasefire collapsed in March 2015.", refWed,
			[]want{
				{text: "Tuesday", gran: Day, date: "2023-03-07", rel: true, wd: "Tuesday"},
				{text: "2014", gran: Year, date: "2014-01-01"},
				{text: "March 2015", gran: Month, date: "2015-03-01"},
			}},
		{"nothing", "The committee approved 25 amendments after a long session and adjourned.", refWed, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkExprs(t, tt.in, tt.ref, f.Expressions(tt.in, tt.ref), tt.want)
		})
	}
}

func TestIsYear(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"in 2014.", true},
		{"the 2003 invasion", true},
		{"2019-2020", true},
		{"about 2000 people", false},
		{"More than 2000 left", false},
		{"2000 troops", false},
		{"2000 was a leap year", true},
		{"2000 US troops", true},
		{"$2000", false},
		{"2000%", false},
		{"1.2000", false},
		{"COVID-2019", false},
		{"mid-2019", true},
		{"1799 and", false},
		{"call 800-386-2070 now", false},
		{"see coxnews.com/2000.", false},
		{"on 7/3/2023", true},
	}
	for _, tt := range tests {
		// The span is the first run of four digits.
		i, j := 0, 0
		for i = 0; i < len(tt.text); i = j + 1 {
			for j = i; j < len(tt.text) && isDigit(tt.text[j]); j++ {
			}
			if j-i == 4 {
				break
			}
		}
		if got := IsYear(tt.text, i, j); got != tt.want {
			t.Errorf("IsYear(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if IsYear("2000", -1, 3) || IsYear("2000", 0, 9) {
		t.Error("IsYear accepted a span out of bounds")
	}
}

func TestCompatible(t *testing.T) {
	f := NewFinder()
	one := func(s string, ref time.Time) Expr {
		t.Helper()
		es := f.Expressions(s, ref)
		if len(es) != 1 {
			t.Fatalf("Expressions(%q) = %s, want one", s, describe(es))
		}
		return es[0]
	}
	tests := []struct {
		a, b string
		ref  time.Time
		want bool
	}{
		{"in 2003", "on March 20, 2003", refWed, true},
		{"in March 2003", "in April 2003", refWed, false},
		{"in March 2003", "on March 20, 2003", refWed, true},
		{"on March 20, 2003", "on March 21, 2003", refWed, false},
		{"in 2003", "in 2004", refWed, false},
		{"said Tuesday", "on March 7, 2023", refWed, true},
		{"said Tuesday", "on March 8, 2023", refWed, false},
		{"yesterday", "on 7 March", refWed, true},
		{"late March", "on April 2", refWed, true},
		{"early 2021", "in November 2021", refWed, true},
		{"early 2021", "in 2022", refWed, false},
		{"last year", "in 2022", refWed, true},
		{"said Tuesday", "on March 8, 2023", noRef, true},
	}
	for _, tt := range tests {
		a, b := one(tt.a, tt.ref), one(tt.b, tt.ref)
		if got := Compatible(a, b); got != tt.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Compatible(b, a); got != tt.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v (reversed)", tt.b, tt.a, got, tt.want)
		}
	}
}

// TestExpressionsConcurrent shares one Finder between goroutines, as the
// fact stage does; run it with -race.
func TestExpressionsConcurrent(t *testing.T) {
	f := NewFinder()
	texts := []string{
		"The minister said Tuesday that talks on March 7, 2023 had failed.",
		"Exports fell last month, in mid-2019 and in late March.",
		strings.Repeat("On 9 November 1989 crowds crossed; since 2011 nothing. ", 40),
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = describe(f.Expressions(s, refWed))
	}
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func() {
			for n := 0; n < 200; n++ {
				i := (g + n) % len(texts)
				if got := describe(f.Expressions(texts[i], refWed)); got != want[i] {
					done <- fmt.Sprintf("goroutine %d: %q gave %s, want %s", g, texts[i], got, want[i])
					return
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

func TestLexPrefix(t *testing.T) {
	for w := range lexicon {
		if !lexPrefix(w[0], w[1], w[2]) {
			t.Errorf("lexPrefix rejects lexicon word %q", w)
		}
	}
}

func TestGranularityString(t *testing.T) {
	for g, s := range map[Granularity]string{Year: "year", Month: "month", Day: "day", 0: "Granularity(0)"} {
		if g.String() != s {
			t.Errorf("%d.String() = %q, want %q", int(g), g.String(), s)
		}
	}
}

// findCorpus holds texts with full dates in the forms Find knows, and near
// misses, for checking that Expressions reproduces Find.
var findCorpus = []string{
	"AFP , AP , Tuesday 7 Mar 2023",
	"By News Desk - March 07 2023",
	"07 March 2023 12:28",
	"Mar 08, 2023",
	"in Erbil, Iraq, on March 7, 2023. (Credit: x)",
	"Published: Wed., Sept. 13th, 2023 at 3:04 p.m.",
	"2023-03-07T12:28:00Z",
	"the 7th of March 2023",
	"07-Mar-2023",
	"31 April 2023",
	"from March 7, 2023 to 9 March 2023",
	"March 7, 2023 12:28 GMT+3",
	"March 7,2023 - 09:15 (UTC+05:30)",
	"Friday, 17 March 2023 at 09:30, officials said",
	"tue 7 mar 2023",
	"THURSDAY, MARCH 9, 2023 | 7:45 AM",
	"2023-03-07 12:28+0300 and 2023-03-07T12:28:00.123456Z",
	"2023-03-07T12:28x and 2023-03-07T12 and 2023-13-01",
	"5 March 7, 2023 was odd",
	"Sun., 5 Feb. 2023 23:59 GMT - 4",
	"on 1st of January, 2024 at 12.30pm",
	"7 of March 2023 and 7 off March 2023",
	"March 7 2023 at 25:61 and 29 February 2023 and 29 February 2024",
	"Mon 31 April 2023 then Tue 2 May 2023 at 10:00 utc+2",
	"x7 March 2023, _7 March 2023, 7 March 2023_ and 7 March 20234",
	"Wednesday,\t8 March 2023\n12:00",
	"Dec. 31st 1999 11:59 p.m. (GMT)",
	"12 June 2500",
	"MAY\v1 2000 and March 7 of 2023",
}

// TestExpressionsAgreeWithFind holds the hand-written full-date matcher to
// Find: every date Find reports is an expression with the same span, day
// and weekday.
func TestExpressionsAgreeWithFind(t *testing.T) {
	f := NewFinder()
	for _, s := range findCorpus {
		checkAgainstFind(t, f, s)
	}
}

func checkAgainstFind(t *testing.T, f *Finder, s string) {
	t.Helper()
	es := f.Expressions(s, noRef)
	fulls := 0
	for _, e := range es {
		if e.Gran == Day && !e.Relative {
			fulls++
		}
	}
	ms := f.Find(s)
	for _, m := range ms {
		found := false
		for _, e := range es {
			if e.Start == m.Start && e.End == m.End {
				found = true
				y, mo, d := m.Time.Date()
				if e.Gran != Day || e.Relative || e.Weekday != m.Weekday || e.Date != time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) {
					t.Errorf("%q: expression %s differs from Find's %+v", s, describe([]Expr{e}), m)
				}
			}
		}
		if !found {
			t.Errorf("%q: Find matched %q, Expressions gave %s", s, s[m.Start:m.End], describe(es))
		}
	}
	if fulls != len(ms) {
		t.Errorf("%q: %d full dates, Find has %d: %s", s, fulls, len(ms), describe(es))
	}
}

func checkInvariants(t *testing.T, s string, es []Expr) {
	t.Helper()
	prev := 0
	for i, e := range es {
		if e.Start < prev || e.End <= e.Start || e.End > len(s) {
			t.Fatalf("%q: expression %d span [%d,%d) out of order or bounds (previous end %d)", s, i, e.Start, e.End, prev)
		}
		if e.Text != s[e.Start:e.End] {
			t.Fatalf("%q: Text %q != span %q", s, e.Text, s[e.Start:e.End])
		}
		if e.Gran < Year || e.Gran > Day {
			t.Fatalf("%q: bad granularity %d", s, e.Gran)
		}
		if e.Resolved == e.Date.IsZero() {
			t.Fatalf("%q: Resolved %v with Date %v", s, e.Resolved, e.Date)
		}
		if e.Weekday < -1 || e.Weekday > time.Saturday {
			t.Fatalf("%q: bad weekday %d", s, e.Weekday)
		}
		prev = e.End
	}
}

func FuzzExpressions(f *testing.F) {
	for _, s := range findCorpus {
		f.Add(s)
	}
	for _, s := range []string{
		"The minister said Tuesday that 2000 troops had arrived in 2014.",
		"earlier this month, late last year, mid-2019, the end of 2021, 2019–2020",
		"Theresa May said he may go on 7 May; the march on Washington",
		"on the 7th of March, Jan. 15, December 28, next Friday, USA Today",
		"",
		"2023-",
		"March",
		"\u00a0March\u00a07\u2019s 2023\u2013",
	} {
		f.Add(s)
	}
	fd := NewFinder()
	f.Fuzz(func(t *testing.T, s string) {
		for _, ref := range []time.Time{noRef, refWed} {
			checkInvariants(t, s, fd.Expressions(s, ref))
		}
		// Find sees text in windows of about 48 bytes around each year
		// and defines \b on ASCII only; within one window of ASCII text
		// the two must agree exactly.
		if len(s) <= 48 && isASCII(s) {
			checkAgainstFind(t, fd, s)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func BenchmarkExpressions(b *testing.B) {
	f := NewFinder()
	ref := refWed
	cases := []struct{ name, text string }{
		{"none", "The committee approved the amendments after a long session and the chair thanked members of the public who had waited outside for most of the afternoon."},
		{"numbers", "The committee approved 25 amendments after a 3.5 hour session and 2,500 people waited outside while 140 police officers kept order near the hall."},
		{"year", "The committee approved the amendments in 2014 after a long session and the chair thanked members of the public who had waited outside for hours."},
		{"weekday", "The committee approved the amendments on Tuesday after a long session and the chair thanked members of the public who had waited outside for hours."},
		{"full date", "The committee approved the amendments on March 7, 2023 after a long session and the chair thanked members of the public who waited outside."},
		{"may verb", "The committee may approve the amendments after a long session, and the chair may thank members of the public who waited outside in 2014."},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				f.Expressions(c.text, ref)
			}
		})
	}
}
