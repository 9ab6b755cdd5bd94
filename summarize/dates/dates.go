// Package dates finds calendar dates written out in news text: the forms
// that appear in bylines and datelines ("Tuesday 7 Mar 2023", "March 07
// 2023", "07 March 2023 12:28", "Mar 08, 2023", "2023-03-07T12:28:00Z").
//
// Only full dates (day, month and year) are matched here. Relative and
// partial dates ("Tuesday", "March 20") need a reference date and belong to
// the fact stage, which can call Resolve with the publication date.
package dates

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Match is one date found in a text.
type Match struct {
	Start, End int // byte offsets of the whole expression, weekday and time included
	Time       time.Time
	// HasTime is set when a clock time was given; Time is then in the
	// stated zone when one was given, else UTC.
	HasTime bool
	// Weekday is the weekday named in the text, or -1. A weekday that
	// disagrees with the date is kept here so callers can flag it.
	Weekday time.Weekday
}

var monthNames = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

var weekdayNames = map[string]time.Weekday{
	"sun": time.Sunday, "sunday": time.Sunday,
	"mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday,
}

const (
	monthRe   = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	weekdayRe = `(?:(?P<wd>sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)\.?,?\s+)?`
	dayRe     = `(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?`
	yearRe    = `(?:1[89][0-9]{2}|2[0-9]{3})`
	// A clock time may follow the date, with "at", a comma or a dash, and
	// an optional zone such as GMT, UTC, GMT+3 or +03:00.
	clockRe = `(?:(?:,|\s+at|\s+-|\s+\|)?\s+(?P<hh>[01]?[0-9]|2[0-3])[:.](?P<mm>[0-5][0-9])(?::[0-5][0-9])?(?:\s*(?P<ampm>[ap]\.?m\.?))?(?:\s*\(?(?P<tz>(?:gmt|utc)(?:\s*[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?)?|[+-][0-9]{2}:?[0-9]{2})\)?)?)?`
)

// The patterns are compiled per Finder, not at package level, so tests and
// callers never share mutable regexp state and a Finder can be dropped.
type Finder struct {
	dmy, mdy, iso *regexp.Regexp
}

// NewFinder compiles the date patterns once; a Finder is safe for
// concurrent use.
func NewFinder() *Finder {
	b := `(?i)\b`
	return &Finder{
		dmy: regexp.MustCompile(b + weekdayRe + `(?P<d>` + dayRe + `)(?:\s+of)?[\s-]+(?P<m>` + monthRe + `),?[\s-]+(?P<y>` + yearRe + `)\b` + clockRe),
		mdy: regexp.MustCompile(b + weekdayRe + `(?P<m>` + monthRe + `)\s+(?P<d>` + dayRe + `)(?:,\s*|\s+)(?P<y>` + yearRe + `)\b` + clockRe),
		iso: regexp.MustCompile(`\b(?P<y>` + yearRe + `)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?:[T ](?P<hh>[01][0-9]|2[0-3]):(?P<mm>[0-5][0-9])(?::[0-5][0-9](?:\.[0-9]+)?)?(?P<tz>Z|[+-][0-9]{2}:?[0-9]{2})?)?\b`),
	}
}

// Find returns every full date in text, in order of position, without
// overlaps.
func (f *Finder) Find(text string) []Match {
	// Every full date has a four-digit year; most text has none, and the
	// patterns are costly.
	if !hasYear(text) {
		return nil
	}
	var out []Match
	// Run the patterns only on windows around each year: a date spans at
	// most a weekday, day and month before its year and a clock time after
	// it. On long text this is what keeps date finding cheap.
	for _, w := range yearWindows(text) {
		seg := text[w[0]:w[1]]
		for _, re := range []*regexp.Regexp{f.dmy, f.mdy, f.iso} {
			for _, loc := range re.FindAllStringSubmatchIndex(seg, -1) {
				if m, ok := build(re, seg, loc); ok {
					m.Start += w[0]
					m.End += w[0]
					out = append(out, m)
				}
			}
		}
	}
	if len(out) < 2 {
		return out
	}
	sortMatches(out)
	// Patterns can overlap ("7 Mar 2023" inside a longer mdy match is
	// impossible, but "2023-03-07" next to a weekday can be seen twice);
	// keep the earliest-starting, longest match.
	kept := out[:1]
	for _, m := range out[1:] {
		last := &kept[len(kept)-1]
		if m.Start < last.End {
			if m.End-m.Start > last.End-last.Start && m.Start == last.Start {
				*last = m
			}
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// First returns the first full date in text.
func (f *Finder) First(text string) (Match, bool) {
	ms := f.Find(text)
	if len(ms) == 0 {
		return Match{}, false
	}
	return ms[0], true
}

func sortMatches(ms []Match) {
	// Insertion sort: a header line holds one or two dates.
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && (ms[j].Start < ms[j-1].Start || ms[j].Start == ms[j-1].Start && ms[j].End > ms[j-1].End); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func build(re *regexp.Regexp, text string, loc []int) (Match, bool) {
	group := func(name string) string {
		i := re.SubexpIndex(name)
		if i < 0 || loc[2*i] < 0 {
			return ""
		}
		return text[loc[2*i]:loc[2*i+1]]
	}
	y, err := strconv.Atoi(group("y"))
	if err != nil {
		return Match{}, false
	}
	var mon time.Month
	ms := strings.TrimSuffix(strings.ToLower(group("m")), ".")
	if n, err := strconv.Atoi(ms); err == nil {
		mon = time.Month(n)
	} else if mon = monthNames[ms]; mon == 0 {
		return Match{}, false
	}
	d, err := strconv.Atoi(strings.TrimRight(strings.ToLower(group("d")), "stndrh"))
	if err != nil {
		return Match{}, false
	}
	loc0 := time.UTC
	m := Match{Start: loc[0], End: loc[1], Weekday: -1}
	if wd := strings.TrimSuffix(strings.ToLower(group("wd")), "."); wd != "" {
		m.Weekday = weekdayNames[wd]
	}
	hh, mm := 0, 0
	if h := group("hh"); h != "" {
		hh, _ = strconv.Atoi(h)
		mm, _ = strconv.Atoi(group("mm"))
		switch ap := strings.ReplaceAll(strings.ToLower(group("ampm")), ".", ""); ap {
		case "pm":
			if hh < 12 {
				hh += 12
			}
		case "am":
			if hh == 12 {
				hh = 0
			}
		}
		m.HasTime = true
		if z, ok := zone(group("tz")); ok {
			loc0 = z
		}
	}
	t := time.Date(y, mon, d, hh, mm, 0, 0, loc0)
	// time.Date normalises 31 April to 1 May; a date that does not exist
	// is not a date.
	if t.Day() != d || t.Month() != mon {
		return Match{}, false
	}
	m.Time = t
	return m, true
}

// zone parses "GMT", "UTC+3", "GMT+03:00", "+0300" or "Z".
func zone(s string) (*time.Location, bool) {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if s == "" {
		return nil, false
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "GMT"), "UTC")
	if s == "" || s == "Z" {
		return time.UTC, true
	}
	sign := 1
	switch s[0] {
	case '+':
	case '-':
		sign = -1
	default:
		return nil, false
	}
	s = strings.ReplaceAll(s[1:], ":", "")
	var h, m int
	var err error
	switch len(s) {
	case 1, 2:
		h, err = strconv.Atoi(s)
	case 3, 4:
		h, err = strconv.Atoi(s[:len(s)-2])
		if err == nil {
			m, err = strconv.Atoi(s[len(s)-2:])
		}
	default:
		return nil, false
	}
	if err != nil || h > 14 || m > 59 {
		return nil, false
	}
	off := sign * (h*3600 + m*60)
	return time.FixedZone("", off), true
}

// Resolve maps a weekday mentioned in an article ("said Tuesday") to the
// calendar date it most plausibly names: the latest such weekday on or
// before the reference (publication) date. News reports past days far more
// often than coming ones, and the same-day case ("Tuesday" in a Tuesday
// article) must resolve to the reference date itself.
func Resolve(w time.Weekday, ref time.Time) time.Time {
	d := int(ref.Weekday()) - int(w)
	if d < 0 {
		d += 7
	}
	y, m, day := ref.Date()
	return time.Date(y, m, day-d, 0, 0, 0, 0, ref.Location())
}

func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// yearWindows returns merged [start, end) byte windows around every run of
// exactly four digits, widened to word boundaries so that no pattern sees a
// word cut in half.
func yearWindows(s string) [][2]int {
	const before, after = 48, 48
	var ws [][2]int
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 {
			start, end := max(0, i-before), min(len(s), j+after)
			for start > 0 && s[start-1] != ' ' && s[start-1] != '\n' {
				start--
			}
			for end < len(s) && s[end] != ' ' && s[end] != '\n' {
				end++
			}
			if n := len(ws); n > 0 && start <= ws[n-1][1] {
				ws[n-1][1] = max(ws[n-1][1], end)
			} else {
				ws = append(ws, [2]int{start, end})
			}
		}
		i = j
	}
	return ws
}
