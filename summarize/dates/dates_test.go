package dates

import (
	"strings"
	"testing"
	"time"
)

func TestFind(t *testing.T) {
	f := NewFinder()
	utc := func(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, time.UTC) }
	tests := []struct {
		in      string
		want    []time.Time
		text    []string
		hasTime bool
		weekday time.Weekday
	}{
		{in: "AFP , AP , Tuesday 7 Mar 2023", want: []time.Time{utc(2023, 3, 7, 0, 0)}, text: []string{"Tuesday 7 Mar 2023"}, weekday: time.Tuesday},
		{in: "By News Desk - March 07 2023", want: []time.Time{utc(2023, 3, 7, 0, 0)}, text: []string{"March 07 2023"}, weekday: -1},
		{in: "07 March 2023 12:28", want: []time.Time{utc(2023, 3, 7, 12, 28)}, text: []string{"07 March 2023 12:28"}, hasTime: true, weekday: -1},
		{in: "Mar 08, 2023", want: []time.Time{utc(2023, 3, 8, 0, 0)}, text: []string{"Mar 08, 2023"}, weekday: -1},
		{in: "in Erbil, Iraq, on March 7, 2023. (Credit: x)", want: []time.Time{utc(2023, 3, 7, 0, 0)}, text: []string{"March 7, 2023"}, weekday: -1},
		{in: "Published: Wed., Sept. 13th, 2023 at 3:04 p.m.", want: []time.Time{utc(2023, 9, 13, 15, 4)}, text: []string{"Wed., Sept. 13th, 2023 at 3:04 p.m."}, hasTime: true, weekday: time.Wednesday},
		{in: "2023-03-07T12:28:00Z", want: []time.Time{utc(2023, 3, 7, 12, 28)}, text: []string{"2023-03-07T12:28:00Z"}, hasTime: true, weekday: -1},
		{in: "the 7th of March 2023", want: []time.Time{utc(2023, 3, 7, 0, 0)}, text: []string{"7th of March 2023"}, weekday: -1},
		{in: "07-Mar-2023", want: []time.Time{utc(2023, 3, 7, 0, 0)}, text: []string{"07-Mar-2023"}, weekday: -1},
		// Partial dates need a reference date; they are not full dates.
		{in: "published on January 15", want: nil},
		{in: "in March 2003", want: nil},
		{in: "2,500 troops in 2014", want: nil},
		// A day that does not exist is not a date.
		{in: "31 April 2023", want: nil},
		{in: "from March 7, 2023 to 9 March 2023", want: []time.Time{utc(2023, 3, 7, 0, 0), utc(2023, 3, 9, 0, 0)}, text: []string{"March 7, 2023", "9 March 2023"}, weekday: -1},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := f.Find(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %d matches %v, want %d", tt.in, len(got), got, len(tt.want))
			}
			for i, m := range got {
				if !m.Time.Equal(tt.want[i]) {
					t.Errorf("match %d time = %v, want %v", i, m.Time, tt.want[i])
				}
				if s := tt.in[m.Start:m.End]; s != tt.text[i] {
					t.Errorf("match %d text = %q, want %q", i, s, tt.text[i])
				}
				if m.HasTime != tt.hasTime {
					t.Errorf("HasTime = %v, want %v", m.HasTime, tt.hasTime)
				}
				if m.Weekday != tt.weekday {
					t.Errorf("Weekday = %v, want %v", m.Weekday, tt.weekday)
				}
			}
		})
	}
}

func TestFindZone(t *testing.T) {
	f := NewFinder()
	m, ok := f.First("March 7, 2023 12:28 GMT+3")
	if !ok || !m.HasTime {
		t.Fatalf("no date with time found: %+v", m)
	}
	if want := time.Date(2023, 3, 7, 9, 28, 0, 0, time.UTC); !m.Time.Equal(want) {
		t.Errorf("time = %v, want %v", m.Time.UTC(), want)
	}
}

func TestResolve(t *testing.T) {
	ref := time.Date(2023, 3, 7, 0, 0, 0, 0, time.UTC) // a Tuesday
	tests := []struct {
		w    time.Weekday
		want time.Time
	}{
		{time.Tuesday, ref},
		{time.Monday, time.Date(2023, 3, 6, 0, 0, 0, 0, time.UTC)},
		{time.Wednesday, time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC)},
		{time.Sunday, time.Date(2023, 3, 5, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if got := Resolve(tt.w, ref); !got.Equal(tt.want) {
			t.Errorf("Resolve(%v) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestFindInLongText checks the year windows: a date deep inside a long
// text is found whole, never with its day cut short.
func TestFindInLongText(t *testing.T) {
	f := NewFinder()
	filler := strings.Repeat("The council met again and 2,500 people attended the session. ", 40)
	text := filler + "It reopened on Friday, 17 March 2023 at 09:30, officials said. " + filler + "Elections are due on March 20, 2024."
	got := f.Find(text)
	if len(got) != 2 {
		t.Fatalf("found %d dates, want 2: %+v", len(got), got)
	}
	if s := text[got[0].Start:got[0].End]; s != "Friday, 17 March 2023 at 09:30" {
		t.Errorf("first date = %q", s)
	}
	if s := text[got[1].Start:got[1].End]; s != "March 20, 2024" {
		t.Errorf("second date = %q", s)
	}
}
