package quantity

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// want describes one expected quantity. Fields left zero must be zero in
// the result too, so each case states everything it cares about.
type want struct {
	text    string
	kind    Kind
	value   float64
	qual    string
	unit    string
	noun    string
	mods    []string
	lo, hi  float64
	hasIv   bool
	inexact bool
	rng     bool
	elided  bool
}

func w(text string, k Kind, v float64) want { return want{text: text, kind: k, value: v} }

func (x want) n(noun string) want        { x.noun = noun; return x }
func (x want) u(unit string) want        { x.unit = unit; return x }
func (x want) m(mods ...string) want     { x.mods = mods; return x }
func (x want) q(qual string) want        { x.qual = qual; x.inexact = true; return x }
func (x want) iv(lo, hi float64) want    { x.lo, x.hi, x.hasIv = lo, hi, true; return x }
func (x want) vague(lo, hi float64) want { x.inexact = true; return x.iv(lo, hi) }
func (x want) r(lo, hi float64) want     { x.rng, x.inexact = true, true; return x.iv(lo, hi) }
func (x want) el() want                  { x.elided = true; return x }

type findCase struct {
	name string
	in   string
	want []want
}

var inf = math.Inf(1)

var findCases = []findCase{
	// War reporting: the sentences this package was written for.
	{"elided head", "The United States currently has 2,500 troops in Iraq - and an additional 900 in Syria - to help advise local forces.",
		[]want{w("2,500 troops", Count, 2500).n("troop"), w("900", Count, 900).n("troop").el()}},
	{"some", "There are currently some 2,500 US soldiers deployed in Iraq.",
		[]want{w("some 2,500 US soldiers", Count, 2500).q(QualAbout).n("soldier").m("us").iv(2250, 2750)}},
	{"about of", "Austin visited Iraq, which is home to about 2,000 of American troops.",
		[]want{w("about 2,000 of American troops", Count, 2000).q(QualAbout).n("troop").m("american").iv(1800, 2200)}},
	{"tens of thousands", "The 2003 invasion killed tens of thousands of Iraqi civilians.",
		[]want{w("tens of thousands of Iraqi civilians", Count, 30000).vague(20000, 99999).n("civilian").m("iraqi")}},
	{"fraction and duration", "The militants seized roughly one third of Iraq in 2014, before their defeat more than three years later.",
		[]want{
			w("roughly one third of Iraq", Fraction, 1.0/3).q(QualAbout).n("iraq").iv(0.3, 1.1/3),
			w("more than three years", Measure, 3).q(QualMoreThan).u("year").iv(3, 4.5),
		}},
	{"coordinated head", "Iraq has repatriated more than 500 women and children from al-Hol.",
		[]want{w("more than 500 women", Count, 500).q(QualMoreThan).n("woman").iv(500, 750)}},
	{"hyphenated modifiers", "Some 2,500 American non-combat troops remain deployed.",
		[]want{w("Some 2,500 American non-combat troops", Count, 2500).q(QualAbout).n("troop").m("american", "non-combat").iv(2250, 2750)}},
	{"dozens", "Dozens of Iraqi troops were wounded in the attack.",
		[]want{w("Dozens of Iraqi troops", Count, 36).vague(24, 99).n("troop").m("iraqi")}},
	{"pound bombs and coded names", "The 2,000-pound bombs were dropped by F-16 jets and Su-35 fighters.",
		[]want{w("2,000-pound bombs", Measure, 2000).u("lb").n("bomb")}},
	{"several hundred and a few dozen", "Several hundred fighters surrendered and a few dozen escaped.",
		[]want{
			w("Several hundred fighters", Count, 300).vague(200, 900).n("fighter"),
			w("a few dozen", Count, 36).vague(24, 60),
		}},
	{"barely and ordinal", "Austin arrived barely two weeks before the 20th anniversary of the US-led invasion.",
		[]want{
			w("barely two weeks", Measure, 2).q(QualNearly).u("week").iv(1.8, 2),
			w("20th anniversary", Ordinal, 20).n("anniversary"),
		}},
	{"nearly years", "Pentagon chief visits Iraq nearly 20 years after US-led invasion",
		[]want{w("nearly 20 years", Measure, 20).q(QualNearly).u("year").iv(18, 20)}},

	// Disasters.
	{"at least and magnitude", "At least 50,000 people died when a magnitude 7.8 earthquake struck 11 km north of the city.",
		[]want{
			w("At least 50,000 people", Count, 50000).q(QualAtLeast).n("person").iv(50000, inf),
			w("magnitude 7.8 earthquake", Measure, 7.8).u("magnitude").n("earthquake"),
			w("11 km", Measure, 11).u("km"),
		}},
	{"hyphen magnitude", "The 7.8-magnitude quake flattened whole towns.",
		[]want{w("7.8-magnitude quake", Measure, 7.8).u("magnitude").n("quake")}},
	{"glued million and half a million", "Nearly 1.5m people fled, the floods left 300 tonnes of debris and half a million homes lost power.",
		[]want{
			w("Nearly 1.5m people", Count, 1.5e6).q(QualNearly).n("person").iv(1.35e6, 1.5e6),
			w("300 tonnes of debris", Measure, 300).u("tonne").n("debris"),
			w("half a million homes", Count, 5e5).n("home"),
		}},
	{"temperatures", "Temperatures hit 40 degrees Celsius, 45°C in places, and fell to -5 degrees overnight.",
		[]want{
			w("40 degrees Celsius", Measure, 40).u("°C"),
			w("45°C", Measure, 45).u("°C"),
			w("-5 degrees", Measure, -5).u("degree"),
		}},
	{"up to and hyphen duration", "Winds of up to 200 km/h tore through the coast during the 11-day storm.",
		[]want{
			w("up to 200 km/h", Measure, 200).q(QualUpTo).u("km/h").iv(0, 200),
			w("11-day storm", Measure, 11).u("day").n("storm"),
		}},
	{"hundreds of thousands", "Hundreds of thousands of residents were evacuated and scores of homes destroyed.",
		[]want{
			w("Hundreds of thousands of residents", Count, 3e5).vague(2e5, 1e6-1).n("resident"),
			w("scores of homes", Count, 60).vague(40, 99).n("home"),
		}},
	{"one in five", "The UN said one in five households lacked food and 4.5 million children were at risk.",
		[]want{
			w("one in five households", Fraction, 0.2).n("household"),
			w("4.5 million children", Count, 4.5e6).n("child"),
		}},

	// Elections.
	{"partitive", "Labour won 412 of the 650 seats with 33.7 per cent of the vote.",
		[]want{
			w("412", Count, 412).n("seat").el(),
			w("650 seats", Count, 650).n("seat"),
			w("33.7 per cent of the vote", Percent, 33.7).u("%").n("vote"),
		}},
	{"percentage points", "Turnout was 67.3%, up 5 percentage points, and more than 1.2 million votes were cast.",
		[]want{
			w("67.3%", Percent, 67.3).u("%"),
			w("5 percentage points", Percent, 5).u("pp"),
			w("more than 1.2 million votes", Count, 1.2e6).q(QualMoreThan).n("vote").iv(1.2e6, 1.8e6),
		}},
	{"half and two-thirds", "Almost half of voters backed the measure and two-thirds of them were women.",
		[]want{
			w("Almost half of voters", Fraction, 0.5).q(QualNearly).n("voter").iv(0.45, 0.5),
			w("two-thirds", Fraction, 2.0/3),
		}},
	{"No. ordinal", "The No. 2 party lost 40 seats.",
		[]want{w("No. 2 party", Ordinal, 2).n("party"), w("40 seats", Count, 40).n("seat")}},
	{"fewer than percent", "Fewer than 10% of the 20,000 registered voters turned out.",
		[]want{
			w("Fewer than 10%", Percent, 10).q(QualLessThan).u("%").iv(0, 10),
			w("20,000 registered voters", Count, 20000).n("voter").m("registered"),
		}},

	// Budgets and business.
	{"currency before", "The government unveiled a $21.5 million aid package and a €3bn loan, while Britain pledged £200.",
		[]want{
			w("$21.5 million aid package", Money, 21.5e6).u("USD").n("package").m("aid"),
			w("€3bn loan", Money, 3e9).u("EUR").n("loan"),
			w("£200", Money, 200).u("GBP"),
		}},
	{"currency after", "The plan costs 5 million dollars, or about Rs 40 crore.",
		[]want{
			w("5 million dollars", Money, 5e6).u("USD"),
			w("about Rs 40 crore", Money, 4e8).q(QualAbout).u("INR").iv(3.6e8, 4.4e8),
		}},
	{"percent and trillion", "Spending rose 3.5% to $1.2 trillion, the highest in 20 years.",
		[]want{
			w("3.5%", Percent, 3.5).u("%"),
			w("$1.2 trillion", Money, 1.2e12).u("USD"),
			w("20 years", Measure, 20).u("year"),
		}},
	{"basis points and first", "The bank cut rates by 25 basis points, its first cut since 2020.",
		[]want{
			w("25 basis points", Percent, 25).u("bp"),
			w("first cut", Ordinal, 1).n("cut"),
		}},
	{"dollar prefix and as much as", "Shares in the firm, worth US$4bn, fell as much as 12 percent.",
		[]want{
			w("US$4bn", Money, 4e9).u("USD"),
			w("as much as 12 percent", Percent, 12).q(QualUpTo).u("%").iv(0, 12),
		}},
	{"money noun needs a determiner", "The budget of £40bn includes a 3% increase in aid.",
		[]want{
			w("£40bn", Money, 4e10).u("GBP"),
			w("3% increase", Percent, 3).u("%").n("increase"),
		}},
	{"millions of dollars", "Millions of dollars were raised by thousands of volunteers.",
		[]want{
			w("Millions of dollars", Money, 3e6).vague(2e6, 1e7-1).u("USD"),
			w("thousands of volunteers", Count, 3000).vague(2000, 9999).n("volunteer"),
		}},

	// Sport.
	{"score and ordinal minute", "Liverpool beat Chelsea 2-1 in front of 53,000 fans, with the winner in the 89th minute.",
		[]want{
			w("53,000 fans", Count, 53000).n("fan"),
			w("89th minute", Ordinal, 89).n("minute"),
		}},
	{"points and ages", "The 30-year-old striker scored 25 points and signed a five-year deal worth £200,000 a week.",
		[]want{
			w("30-year-old striker", Age, 30).u("year").n("striker"),
			w("25 points", Measure, 25).u("point"),
			w("five-year deal", Measure, 5).u("year").n("deal"),
			w("£200,000", Money, 200000).u("GBP"),
		}},
	{"strong and odd", "A 2,500-strong crowd and 30-odd journalists watched 100+ laps.",
		[]want{
			w("2,500-strong crowd", Count, 2500).n("crowd"),
			w("30-odd journalists", Count, 30).q(QualMoreThan).n("journalist").iv(30, 45),
			w("100+ laps", Count, 100).q(QualMoreThan).n("lap").iv(100, 150),
		}},

	// Ages.
	{"ages", "Police said Gilliam, 27, was arrested along with a 27-year-old man and a woman aged 31.",
		[]want{
			w("27", Age, 27).u("year"),
			w("27-year-old man", Age, 27).u("year").n("man"),
			w("aged 31", Age, 31).u("year"),
		}},
	{"ages in months", "The victims, a 6-year-old girl and a six-month-old baby, were taken to hospital.",
		[]want{
			w("6-year-old girl", Age, 6).u("year").n("girl"),
			w("six-month-old baby", Age, 6).u("month").n("baby"),
		}},
	{"years old", "The suspect, who is 45 years old, fled.",
		[]want{w("45 years old", Age, 45).u("year")}},

	// Number words.
	{"sentence-initial and hyphenated words", "Three people died and twenty-five were injured in the crash.",
		[]want{
			w("Three people", Count, 3).n("person"),
			w("twenty-five", Count, 25).n("person").el(),
		}},
	{"compound number words", "Two hundred and fifty thousand people marched, and a hundred more watched.",
		[]want{
			w("Two hundred and fifty thousand people", Count, 250000).n("person"),
			w("a hundred", Count, 100).n("person").el(),
		}},
	{"a dozen and two and a half", "A dozen officers waited two and a half hours.",
		[]want{
			w("A dozen officers", Count, 12).n("officer"),
			w("two and a half hours", Measure, 2.5).u("hour"),
		}},
	{"one as a number", "One person died and one third of the houses burned.",
		[]want{
			w("One person", Count, 1).n("person"),
			w("one third of the houses", Fraction, 1.0/3).n("house"),
		}},
	{"a third as ordinal and fraction", "He won a third term after a third of voters stayed home.",
		[]want{
			w("third term", Ordinal, 3).n("term"),
			w("a third of voters", Fraction, 1.0/3).n("voter"),
		}},
	{"second as ordinal and unit", "It was his second visit, and the vote took 30 seconds.",
		[]want{
			w("second visit", Ordinal, 2).n("visit"),
			w("30 seconds", Measure, 30).u("second"),
		}},

	{"labels and identifiers", "On day three of the search, Flight 370 and route 66 were mentioned in Article 5.",
		[]want{w("day three", Ordinal, 3).n("day")}},
	{"no elision outside a parallel clause", "The country has 83 million people and an army of 400,000, bringing the total to 27.",
		[]want{w("83 million people", Count, 83e6).n("person"), w("400,000", Count, 400000), w("27", Count, 27)}},
	{"digits in digits", "Some 3 in 10 Americans agreed, and the tallest was 5 ft 7 in.",
		[]want{
			w("Some 3 in 10 Americans", Fraction, 0.3).q(QualAbout).n("american").iv(0.27, 0.33),
			w("5 ft 7 in", Measure, 5+7.0/12).u("ft"),
		}},
	{"verbs after the head", "A magnitude-6.2 quake hit 10 miles from the town after two days of record rainfall burst the banks.",
		[]want{
			w("magnitude-6.2 quake", Measure, 6.2).u("magnitude").n("quake"),
			w("10 miles", Measure, 10).u("mile"),
			w("two days of record rainfall", Measure, 2).u("day").n("rainfall").m("record"),
		}},
	{"age in parentheses", "John Smith (27) and a man, 31, were charged.",
		[]want{w("27", Age, 27).u("year"), w("31", Age, 31).u("year")}},

	{"elision needs a parallel clause", "The army lost 300 tanks; about 1,000 died and more than 2,000 were hurt.",
		[]want{
			w("300 tanks", Count, 300).n("tank"),
			w("about 1,000", Count, 1000).q(QualAbout).iv(900, 1100),
			w("more than 2,000", Count, 2000).q(QualMoreThan).n("tank").el().iv(2000, 3000),
		}},
	{"chained hyphens", "The 1.5-million-strong army spent the year 2020 fighting on 3 in 10 days.",
		[]want{
			w("1.5-million-strong army", Count, 1.5e6).n("army"),
			w("3", Count, 3),
			w("10 days", Measure, 10).u("day"),
		}},

	// Ranges.
	{"ranges", "Between 10 and 20 people were hurt, while 10-20 others and 5 to 10 children fled.",
		[]want{
			w("Between 10 and 20 people", Count, 15).r(10, 20).n("person"),
			w("10-20", Count, 15).r(10, 20).n("person").el(),
			w("5 to 10 children", Count, 7.5).r(5, 10).n("child"),
		}},
	{"qualified range and percent range", "An estimated 40,000 to 50,000 people attended and prices rose between 5% and 10%.",
		[]want{
			w("An estimated 40,000 to 50,000 people", Count, 45000).r(36000, 55000).q(QualAbout).n("person"),
			w("between 5% and 10%", Percent, 7.5).r(5, 10).u("%"),
		}},
	{"or range", "The talks will take two or three days.",
		[]want{w("two or three days", Measure, 2.5).r(2, 3).u("day")}},
	{"from to is a change", "Inflation rose from 5 percent to 7 percent.",
		[]want{w("5 percent", Percent, 5).u("%"), w("7 percent", Percent, 7).u("%")}},
	{"money range", "The fund is worth $10-$20 million.",
		[]want{w("$10-$20 million", Money, 15e6).r(10e6, 20e6).u("USD")}},

	// The year rule.
	{"years with counts", "About 2000 troops and some 1900 people were there, but 1500 people left in 2015.",
		[]want{
			w("About 2000 troops", Count, 2000).q(QualAbout).n("troop").iv(1800, 2200),
			w("some 1900 people", Count, 1900).q(QualAbout).n("person").iv(1710, 2090),
			w("1500 people", Count, 1500).n("person"),
		}},
	{"years alone", "The 2003 invasion, the 2020 elections and the October 2021 vote came after troops left in 2011.", nil},
	{"years in text", "In 2014 the group seized Mosul, and since 2011 with US support it has grown.", nil},

	// Things that look like numbers but are not quantities.
	{"dates", "The visit came ahead of the March 20 anniversary of the invasion on March 20, 2003, and on the 7th of March.", nil},
	{"day-month and times", "He arrived on 7 March and left on Jan. 15 at 3 p.m., after talks at 12:28 GMT and 1430 GMT.", nil},
	{"phone and iso date", "Call +44 20 7946 0958 or (202) 555-0123; the report was dated 2023-03-07T12:28:00Z.", nil},
	{"decades and codes", "Nostalgia for the 1990s and the '80s lifted sales of G7, COVID-19 and F-16 models.", nil},
	{"one as a pronoun", "One of the guards said no one was hurt and the one who fled is at large.", nil},
	{"names and versions", "Version 1.2.3 ships with Windows 11, the Boeing 737 manual, Article 5 and Flight 370.", nil},
	{"hyphen words", "A one-off payment on a two-way street led to first-hand accounts and second-guessing.", nil},
	{"articles", "A man and an official spoke to a crowd in the square.", nil},
	{"scores", "The home side won 3-1 after a 2-2 draw last week.", nil},
	{"slashes", "The 24/7 coverage of 9/11 and the 07/03/2023 hearing.", nil},
	{"list numerals", "1. The items (2) and [3] are notes.", nil},
	{"empty", "", nil},
}

func TestFind(t *testing.T) {
	f := NewFinder()
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			got := f.Find(tc.in)
			checkInvariants(t, tc.in, got)
			if len(got) != len(tc.want) {
				var texts []string
				for _, q := range got {
					texts = append(texts, q.Text)
				}
				t.Fatalf("Find(%q) = %d quantities %q, want %d", tc.in, len(got), texts, len(tc.want))
			}
			for i, x := range tc.want {
				checkWant(t, got[i], x)
			}
		})
	}
}

func checkWant(t *testing.T, q Quantity, x want) {
	t.Helper()
	if q.Text != x.text {
		t.Errorf("Text = %q, want %q", q.Text, x.text)
	}
	if q.Kind != x.kind {
		t.Errorf("%q: Kind = %q, want %q", x.text, q.Kind, x.kind)
	}
	if !near(q.Value, x.value) {
		t.Errorf("%q: Value = %v, want %v", x.text, q.Value, x.value)
	}
	if q.Qualifier != x.qual {
		t.Errorf("%q: Qualifier = %q, want %q", x.text, q.Qualifier, x.qual)
	}
	if q.Unit != x.unit {
		t.Errorf("%q: Unit = %q, want %q", x.text, q.Unit, x.unit)
	}
	if q.Noun != x.noun {
		t.Errorf("%q: Noun = %q, want %q", x.text, q.Noun, x.noun)
	}
	if len(q.Modifiers) != 0 || len(x.mods) != 0 {
		if !reflect.DeepEqual(q.Modifiers, x.mods) {
			t.Errorf("%q: Modifiers = %q, want %q", x.text, q.Modifiers, x.mods)
		}
	}
	if q.Exact != !x.inexact {
		t.Errorf("%q: Exact = %v, want %v", x.text, q.Exact, !x.inexact)
	}
	if q.Range != x.rng {
		t.Errorf("%q: Range = %v, want %v", x.text, q.Range, x.rng)
	}
	if q.Elided != x.elided {
		t.Errorf("%q: Elided = %v, want %v", x.text, q.Elided, x.elided)
	}
	if x.elided && q.NounStart != -1 {
		t.Errorf("%q: an elided noun has span %d", x.text, q.NounStart)
	}
	if x.noun != "" && !x.elided && q.NounStart < 0 {
		t.Errorf("%q: noun %q has no span", x.text, x.noun)
	}
	if x.hasIv && (!near(q.Low, x.lo) || !near(q.High, x.hi)) {
		t.Errorf("%q: interval [%v, %v], want [%v, %v]", x.text, q.Low, q.High, x.lo, x.hi)
	}
	if !x.hasIv && (q.Low != q.Value || q.High != q.Value) {
		t.Errorf("%q: interval [%v, %v], want the point %v", x.text, q.Low, q.High, q.Value)
	}
}

func near(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// TestQualifiers covers every hedge the lexicon knows, in front of the
// same number, so the table in doc.go stays true.
func TestQualifiers(t *testing.T) {
	f := NewFinder()
	cases := []struct {
		phrase       string
		qual         string
		lo, hi       float64
		lOpen, hOpen bool
	}{
		{"", QualNone, 400, 400, false, false},
		{"exactly", QualNone, 400, 400, false, false},
		{"about", QualAbout, 360, 440, false, false},
		{"around", QualAbout, 360, 440, false, false},
		{"some", QualAbout, 360, 440, false, false},
		{"roughly", QualAbout, 360, 440, false, false},
		{"approximately", QualAbout, 360, 440, false, false},
		{"an estimated", QualAbout, 360, 440, false, false},
		{"in the region of", QualAbout, 360, 440, false, false},
		{"nearly", QualNearly, 360, 400, false, false},
		{"almost", QualNearly, 360, 400, false, false},
		{"close to", QualNearly, 360, 400, false, false},
		{"just under", QualNearly, 360, 400, false, false},
		{"barely", QualNearly, 360, 400, false, false},
		{"more than", QualMoreThan, 400, 600, true, false},
		{"over", QualMoreThan, 400, 600, true, false},
		{"upwards of", QualMoreThan, 400, 600, true, false},
		{"in excess of", QualMoreThan, 400, 600, true, false},
		{"just over", QualMoreThan, 400, 600, true, false},
		{"well over", QualMoreThan, 400, 600, true, false},
		{"less than", QualLessThan, 0, 400, false, true},
		{"fewer than", QualLessThan, 0, 400, false, true},
		{"under", QualLessThan, 0, 400, false, true},
		{"below", QualLessThan, 0, 400, false, true},
		{"at least", QualAtLeast, 400, inf, false, false},
		{"no fewer than", QualAtLeast, 400, inf, false, false},
		{"a minimum of", QualAtLeast, 400, inf, false, false},
		{"at most", QualAtMost, 0, 400, false, false},
		{"no more than", QualAtMost, 0, 400, false, false},
		{"a maximum of", QualAtMost, 0, 400, false, false},
		{"up to", QualUpTo, 0, 400, false, false},
		{"as many as", QualUpTo, 0, 400, false, false},
	}
	for _, tc := range cases {
		s := "Officials said " + tc.phrase + " 400 people were evacuated."
		if tc.phrase == "" {
			s = "Officials said 400 people were evacuated."
		}
		qs := f.Find(s)
		if len(qs) != 1 {
			t.Errorf("%q: %d quantities", s, len(qs))
			continue
		}
		q := qs[0]
		wantText := strings.TrimPrefix(tc.phrase+" 400 people", " ")
		if tc.phrase == "exactly" {
			wantText = "400 people"
		}
		if q.Text != wantText || q.Qualifier != tc.qual || q.Noun != "person" {
			t.Errorf("%q: got %q qualifier %q noun %q, want %q %q", s, q.Text, q.Qualifier, q.Noun, wantText, tc.qual)
		}
		if !near(q.Low, tc.lo) || !near(q.High, tc.hi) || q.LowOpen != tc.lOpen || q.HighOpen != tc.hOpen {
			t.Errorf("%q: interval %v%v, %v%v, want %v%v, %v%v", s, q.Low, q.LowOpen, q.High, q.HighOpen, tc.lo, tc.lOpen, tc.hi, tc.hOpen)
		}
		if q.Exact != (tc.qual == QualNone) {
			t.Errorf("%q: Exact = %v", s, q.Exact)
		}
	}
}

func TestPostQualifiers(t *testing.T) {
	f := NewFinder()
	cases := []struct{ in, text, qual string }{
		{"Officials said 400 or so people left.", "400 or so people", QualAbout},
		{"Officials said 400 or more people left.", "400 or more people", QualAtLeast},
		{"Officials said 400 or fewer people left.", "400 or fewer people", QualAtMost},
		{"Officials said 400-plus people left.", "400-plus people", QualMoreThan},
		{"Officials said the talks lasted five years or so.", "five years or so", QualAbout},
	}
	for _, tc := range cases {
		qs := f.Find(tc.in)
		if len(qs) != 1 || qs[0].Text != tc.text || qs[0].Qualifier != tc.qual {
			t.Errorf("Find(%q) = %+v, want %q with %q", tc.in, qs, tc.text, tc.qual)
		}
	}
}

// TestVague pins the intervals of vague number words (doc.go lists them).
func TestVague(t *testing.T) {
	f := NewFinder()
	cases := []struct {
		phrase    string
		v, lo, hi float64
	}{
		{"several", 3, 3, 9},
		{"several hundred", 300, 200, 900},
		{"several thousand", 3000, 2000, 9000},
		{"a few", 3, 2, 5},
		{"a few hundred", 300, 200, 500},
		{"a couple of", 2, 2, 3},
		{"a handful of", 4, 2, 6},
		{"dozens of", 36, 24, 99},
		{"scores of", 60, 40, 99},
		{"hundreds of", 300, 200, 999},
		{"thousands of", 3000, 2000, 9999},
		{"tens of thousands of", 30000, 20000, 99999},
		{"hundreds of thousands of", 3e5, 2e5, 1e6 - 1},
		{"millions of", 3e6, 2e6, 1e7 - 1},
		{"tens of millions of", 3e7, 2e7, 1e8 - 1},
	}
	for _, tc := range cases {
		s := "Witnesses said " + tc.phrase + " protesters gathered."
		qs := f.Find(s)
		if len(qs) != 1 {
			t.Errorf("%q: %d quantities", s, len(qs))
			continue
		}
		q := qs[0]
		if q.Text != tc.phrase+" protesters" || q.Noun != "protester" || !q.Vague || q.Exact {
			t.Errorf("%q: got %q noun %q vague %v exact %v", s, q.Text, q.Noun, q.Vague, q.Exact)
		}
		if !near(q.Value, tc.v) || !near(q.Low, tc.lo) || !near(q.High, tc.hi) {
			t.Errorf("%q: %v [%v, %v], want %v [%v, %v]", s, q.Value, q.Low, q.High, tc.v, tc.lo, tc.hi)
		}
	}
}

// TestOverlaps is the caller's compatibility check: two reports of one
// figure agree when their intervals share a value.
func TestOverlaps(t *testing.T) {
	f := NewFinder()
	one := func(s string) Quantity {
		t.Helper()
		qs := f.Find(s)
		if len(qs) != 1 {
			t.Fatalf("Find(%q) = %d quantities", s, len(qs))
		}
		return qs[0]
	}
	cases := []struct {
		a, b string
		ok   bool
	}{
		{"some 2,500 US soldiers", "2,500 troops", true},
		{"about 2,000 of American troops", "2,500 troops", false},
		{"about 2,000 of American troops", "some 2,500 US soldiers", false},
		{"about 2,000 troops", "2,150 troops", true},
		{"more than 500 women", "600 women", true},
		{"more than 500 women", "500 women", false},
		{"more than 500 women", "about 500 women", true},
		{"more than 500 women", "4,000 women", false},
		{"nearly 20 years", "19 years", true},
		{"nearly 20 years", "21 years", false},
		{"fewer than 100 people", "99 people", true},
		{"fewer than 100 people", "100 people", false},
		{"at least 12 people", "1,000 people", true},
		{"at least 12 people", "11 people", false},
		{"up to 400 people", "400 people", true},
		{"several hundred fighters", "250 fighters", true},
		{"several hundred fighters", "1,000 fighters", false},
		{"dozens of troops", "45 troops", true},
		{"dozens of troops", "a dozen troops", false},
		{"tens of thousands of civilians", "50,000 civilians", true},
		{"tens of thousands of civilians", "200,000 civilians", false},
		{"between 10 and 20 people", "15 people", true},
		{"between 10 and 20 people", "25 people", false},
		{"roughly one third of Iraq", "a third of Iraq", true},
		{"almost half of voters", "52% of voters", false},
	}
	for _, tc := range cases {
		a, b := one(tc.a), one(tc.b)
		if got := Overlaps(a, b); got != tc.ok {
			t.Errorf("Overlaps(%q [%v,%v], %q [%v,%v]) = %v, want %v", tc.a, a.Low, a.High, tc.b, b.Low, b.High, got, tc.ok)
		}
		if Overlaps(b, a) != Overlaps(a, b) {
			t.Errorf("Overlaps(%q, %q) is not symmetric", tc.a, tc.b)
		}
	}
}

func TestSpans(t *testing.T) {
	f := NewFinder()
	s := "Officials said about 2,500 American non-combat troops remain."
	qs := f.Find(s)
	if len(qs) != 1 {
		t.Fatalf("got %d quantities", len(qs))
	}
	q := qs[0]
	if got := s[q.NumStart:q.NumEnd]; got != "2,500" {
		t.Errorf("number span %q", got)
	}
	if got := s[q.NounStart:q.NounEnd]; got != "troops" {
		t.Errorf("noun span %q", got)
	}
	if q.Text != "about 2,500 American non-combat troops" {
		t.Errorf("Text %q", q.Text)
	}
}

// TestConcurrent runs one Finder from many goroutines; with -race it
// checks that Find keeps no shared mutable state.
func TestConcurrent(t *testing.T) {
	f := NewFinder()
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				tc := findCases[i%len(findCases)]
				if got := f.Find(tc.in); len(got) != len(tc.want) {
					t.Errorf("Find(%q) = %d quantities, want %d", tc.in, len(got), len(tc.want))
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}
