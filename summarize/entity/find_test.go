package entity

import (
	"strings"
	"testing"
)

// want is an expected mention. Fields left empty are not checked, except
// that Title "-" asserts there is no title.
type want struct {
	text, key string
	kind      Kind
	place     string
	title     string
	acronym   string
}

type findCase struct {
	name     string
	sentence string
	want     []want
	absent   []string // texts that must not be mentions
}

// findCases are sentences written for these tests, across the kinds of
// news the tool reads: politics, business, sport, crime, disasters.
var findCases = []findCase{
	// Politics.
	{
		name:     "titles before names",
		sentence: "Defense Secretary Austin also told Iraqi Prime Minister Mohammed Shia al-Sudani that US troops would stay.",
		want: []want{
			{text: "Austin", kind: KindPerson, title: "Defense Secretary"},
			{text: "Iraqi", kind: KindGroup, place: "iraq"},
			{text: "Mohammed Shia al-Sudani", key: "mohammed shia sudani", kind: KindPerson, title: "Iraqi Prime Minister"},
			{text: "US", kind: KindPlace, place: "united states"},
		},
		absent: []string{"Defense", "Defense Secretary", "Prime Minister", "Shia"},
	},
	{
		name:     "lower-case title and possessive",
		sentence: "Pentagon chief Lloyd Austin met Sudani's aides in Baghdad on Tuesday.",
		want: []want{
			{text: "Pentagon", kind: KindOrg, title: "-"},
			{text: "Lloyd Austin", kind: KindPerson, title: "Pentagon chief"},
			{text: "Sudani", key: "sudani"},
			{text: "Baghdad", kind: KindPlace, place: "baghdad"},
		},
		absent: []string{"Sudani's", "Tuesday"},
	},
	{
		name:     "appositive title before the name, acronym",
		sentence: "The minister met with the President of the Kurdistan Regional Government (KRG), Nechirvan Barzani, in Erbil.",
		want: []want{
			{text: "Kurdistan Regional Government", kind: KindOrg, acronym: "KRG"},
			{text: "Nechirvan Barzani", kind: KindPerson, title: "the President of the Kurdistan Regional Government (KRG)"},
			{text: "Erbil", kind: KindPlace, place: "erbil"},
		},
		absent: []string{"KRG", "The", "President"},
	},
	{
		name:     "title with of and a place",
		sentence: "President of France Emmanuel Macron hosted German Chancellor Olaf Scholz.",
		want: []want{
			{text: "France", kind: KindPlace, place: "france"},
			{text: "Emmanuel Macron", kind: KindPerson, title: "President of France"},
			{text: "German", kind: KindGroup, place: "germany"},
			{text: "Olaf Scholz", kind: KindPerson, title: "German Chancellor"},
		},
	},
	{
		name:     "appositive Secretary of State",
		sentence: "Antony Blinken, the Secretary of State, said the talks would resume.",
		want:     []want{{text: "Antony Blinken", kind: KindPerson, title: "the Secretary of State"}},
		absent:   []string{"Secretary of State", "State"},
	},
	{
		name:     "appositive lower-case title",
		sentence: "Thabet al-Abbasi, the defense minister, said Iraq's forces were ready.",
		want: []want{
			{text: "Thabet al-Abbasi", key: "thabet abbasi", kind: KindPerson, title: "the defense minister"},
			{text: "Iraq", kind: KindPlace, place: "iraq"},
		},
	},
	{
		name:     "sentence-initial Despite",
		sentence: "Despite Iran's objections, Saudi Arabia and the UAE signed the accord.",
		want: []want{
			{text: "Iran", kind: KindPlace, place: "iran"},
			{text: "Saudi Arabia", kind: KindPlace, place: "saudi arabia"},
			{text: "UAE", kind: KindPlace, place: "united arab emirates"},
		},
		absent: []string{"Despite", "Despite Iran"},
	},
	{
		name:     "sentence-initial Both",
		sentence: "Both Washington and Tehran backed Iraq's fight against the Islamic State group.",
		want: []want{
			{text: "Washington", kind: KindPlace},
			{text: "Tehran", kind: KindPlace},
			{text: "Iraq", kind: KindPlace},
			{text: "Islamic State", key: "islamic state", kind: KindOrg},
		},
		absent: []string{"Both", "Both Washington"},
	},
	{
		name:     "sentence-initial Successive, hyphenated demonym",
		sentence: "Successive governments in Baghdad have courted Iraq's Shiite-led neighbour Iran.",
		want: []want{
			{text: "Baghdad", kind: KindPlace},
			{text: "Shiite", kind: KindGroup},
			{text: "Iran", kind: KindPlace, title: "-"},
		},
		absent: []string{"Successive", "Shiite-led"},
	},
	{
		name:     "possessive organisation in a title",
		sentence: "Months later, the Revolutionary Guards' top commander Hossein Salami warned Israel.",
		want: []want{
			{text: "Revolutionary Guards", kind: KindOrg},
			{text: "Hossein Salami", kind: KindPerson, title: "the Revolutionary Guards' top commander"},
			{text: "Israel", kind: KindPlace},
		},
		absent: []string{"Months"},
	},
	{
		name:     "former and demonyms",
		sentence: "Iraq's former prime minister Nouri al-Maliki criticised the American and British governments.",
		want: []want{
			{text: "Iraq", place: "iraq"},
			{text: "Nouri al-Maliki", key: "nouri maliki", kind: KindPerson, title: "Iraq's former prime minister"},
			{text: "American", kind: KindGroup, place: "united states"},
			{text: "British", kind: KindGroup, place: "united kingdom"},
		},
	},
	{
		name:     "However, according to, acronym definition",
		sentence: "However, according to the European Union (EU), Iranian general Qassem Soleimani was in Baghdad.",
		want: []want{
			{text: "European Union", kind: KindOrg, acronym: "EU"},
			{text: "Iranian", kind: KindGroup, place: "iran"},
			{text: "Qassem Soleimani", kind: KindPerson, title: "Iranian general"},
		},
		absent: []string{"However", "EU"},
	},
	{
		name:     "Since, US-led, group words",
		sentence: "Since US-led troops ousted Saddam Hussein, Sunni Arab politicians have lost ground.",
		want: []want{
			{text: "US", kind: KindPlace, place: "united states"},
			{text: "Saddam Hussein"},
			{text: "Sunni", kind: KindGroup},
			{text: "Arab", kind: KindGroup},
		},
		absent: []string{"Since", "Since US", "Sunni Arab"},
	},
	{
		name:     "title with a place complement and a locative",
		sentence: "Austin met President of the Kurdistan region in Iraq Nechirvan Barzani in Erbil.",
		want: []want{
			{text: "Kurdistan", kind: KindPlace},
			{text: "Iraq", kind: KindPlace},
			{text: "Nechirvan Barzani", kind: KindPerson, title: "President of the Kurdistan region in Iraq"},
		},
	},
	{
		name:     "family names and a possessive title",
		sentence: "Masoud Barzani and his nephew Nechirvan Barzani met Masrour Barzani, the Kurdistan Region's prime minister.",
		want: []want{
			{text: "Masoud Barzani", kind: KindPerson},
			{text: "Nechirvan Barzani", kind: KindPerson},
			{text: "Masrour Barzani", kind: KindPerson, title: "the Kurdistan Region's prime minister"},
			{text: "Kurdistan Region", kind: KindPlace, place: "kurdistan"},
		},
	},
	{
		name:     "curly apostrophes and diacritics",
		sentence: "Turkish President Recep Tayyip Erdoğan welcomed Sudani’s visit to Ankara.",
		want: []want{
			{text: "Turkish", kind: KindGroup, place: "turkey"},
			{text: "Recep Tayyip Erdoğan", key: "recep tayyip erdogan", kind: KindPerson, title: "Turkish President"},
			{text: "Sudani", key: "sudani"},
			{text: "Ankara", kind: KindPlace},
		},
	},
	{
		name:     "Islamic State of Iraq",
		sentence: "The Islamic State of Iraq was the forerunner of ISIS.",
		want: []want{
			{text: "Islamic State of Iraq", key: "islamic state of iraq", kind: KindOrg},
			{text: "ISIS", kind: KindOrg},
		},
		absent: []string{"The", "Iraq"},
	},
	{
		name:     "former president, of-and organisation",
		sentence: "Former President Donald Trump criticised the Department of Health and Human Services.",
		want: []want{
			{text: "Donald Trump", kind: KindPerson, title: "Former President"},
			{text: "Department of Health and Human Services", kind: KindOrg},
		},
	},
	{
		name:     "initials and abbreviated ranks",
		sentence: "Lloyd J. Austin III met Gen. Mark Milley and Lt. Gen. Michael Kurilla at the Pentagon.",
		want: []want{
			{text: "Lloyd J. Austin III", key: "lloyd j austin iii", kind: KindPerson, title: "-"},
			{text: "Mark Milley", kind: KindPerson, title: "Gen."},
			{text: "Michael Kurilla", kind: KindPerson, title: "Lt. Gen."},
			{text: "Pentagon", kind: KindOrg},
		},
	},
	// Business.
	{
		name:     "company and chief executive",
		sentence: "Apple Inc. shares fell after Chief Executive Tim Cook said iPhone sales in China slowed.",
		want: []want{
			{text: "Apple Inc.", kind: KindOrg},
			{text: "Tim Cook", kind: KindPerson, title: "Chief Executive"},
			{text: "China", kind: KindPlace},
		},
	},
	{
		name:     "While, Bank of England, according to",
		sentence: "While the Bank of England raised rates, the Federal Reserve held steady, according to Reuters.",
		want: []want{
			{text: "Bank of England", kind: KindOrg},
			{text: "Federal Reserve", kind: KindOrg},
			{text: "Reuters", kind: KindOrg},
		},
		absent: []string{"While", "England"},
	},
	{
		name:     "newspaper name with a place inside",
		sentence: "The New York Times reported that Microsoft Corp. would cut 10,000 jobs.",
		want: []want{
			{text: "New York Times", kind: KindOrg},
			{text: "Microsoft Corp.", kind: KindOrg},
		},
		absent: []string{"New York"},
	},
	// Sport.
	{
		name:     "manager with a particle in the name",
		sentence: "Manchester United manager Erik ten Hag said Marcus Rashford would miss the game against Real Madrid.",
		want: []want{
			{text: "Erik ten Hag", kind: KindPerson, title: "Manchester United manager"},
			{text: "Marcus Rashford", kind: KindPerson},
			{text: "Real Madrid"},
		},
	},
	// Crime.
	{
		name:     "appositive with an organisation list",
		sentence: "``He wanted to kill everybody,'' David Pasqualotto, a special agent with the Bureau of Alcohol, Tobacco and Firearms, said Friday.",
		want: []want{
			{text: "David Pasqualotto", kind: KindPerson, title: "a special agent with the Bureau of Alcohol, Tobacco and Firearms"},
			{text: "Bureau of Alcohol, Tobacco and Firearms", kind: KindOrg},
		},
		absent: []string{"He", "Friday", "Tobacco"},
	},
	{
		name:     "If, title after said",
		sentence: "If convicted, Gilliam could face seven years in prison, said Assistant U.S. Attorney Greg Bordenkircher.",
		want: []want{
			{text: "Gilliam"},
			{text: "U.S.", kind: KindPlace, place: "united states"},
			{text: "Greg Bordenkircher", kind: KindPerson, title: "Assistant U.S. Attorney"},
		},
		absent: []string{"If"},
	},
	{
		name:     "lower-case head after a capitalised word, age appositive",
		sentence: "Defense attorney Gary Arm said Gilliam, 27, has no criminal record.",
		want: []want{
			{text: "Gary Arm", kind: KindPerson, title: "Defense attorney"},
			{text: "Gilliam", kind: KindPerson},
		},
		absent: []string{"Defense"},
	},
	{
		name:     "police chief",
		sentence: "Police Chief John Smith said the suspect was arrested in Houston on Tuesday.",
		want: []want{
			{text: "John Smith", kind: KindPerson, title: "Police Chief"},
			{text: "Houston", kind: KindPlace},
		},
		absent: []string{"Tuesday", "Police"},
	},
	// Disasters.
	{
		name:     "rescuers and an acronym",
		sentence: "Rescuers in Turkey and Syria pulled survivors from the rubble, the UN said.",
		want: []want{
			{text: "Turkey", kind: KindPlace},
			{text: "Syria", kind: KindPlace},
			{text: "UN", kind: KindOrg},
		},
		absent: []string{"Rescuers"},
	},
	{
		name:     "hurricane and governor",
		sentence: "Hurricane Ian made landfall in Florida on Wednesday, Governor Ron DeSantis said.",
		want: []want{
			{text: "Florida", kind: KindPlace},
			{text: "Ron DeSantis", kind: KindPerson, title: "Governor"},
		},
		absent: []string{"Wednesday"},
	},
	{
		name:     "quake and aid agency",
		sentence: "According to the World Health Organization, more than 3,000 people died in Morocco's Atlas Mountains.",
		want: []want{
			{text: "World Health Organization", kind: KindOrg},
			{text: "Morocco", kind: KindPlace},
		},
		absent: []string{"According"},
	},
}

func TestFind(t *testing.T) {
	f := NewFinder()
	for _, c := range findCases {
		t.Run(c.name, func(t *testing.T) {
			got := f.Find(c.sentence)
			checkSpans(t, c.sentence, got)
			byText := map[string]Mention{}
			for _, m := range got {
				byText[m.Text] = m
			}
			for _, w := range c.want {
				m, ok := byText[w.text]
				if !ok {
					t.Errorf("missing %q; got %s", w.text, describe(got))
					continue
				}
				if w.key != "" && m.Key != w.key {
					t.Errorf("%q: key %q, want %q", w.text, m.Key, w.key)
				}
				if w.kind != "" && m.Kind != w.kind {
					t.Errorf("%q: kind %q, want %q", w.text, m.Kind, w.kind)
				}
				if w.place != "" && m.Place != w.place {
					t.Errorf("%q: place %q, want %q", w.text, m.Place, w.place)
				}
				switch {
				case w.title == "-" && m.Title != "":
					t.Errorf("%q: title %q, want none", w.text, m.Title)
				case w.title != "" && w.title != "-" && m.Title != w.title:
					t.Errorf("%q: title %q, want %q", w.text, m.Title, w.title)
				}
				if w.acronym != "" && m.Acronym != w.acronym {
					t.Errorf("%q: acronym %q, want %q", w.text, m.Acronym, w.acronym)
				}
			}
			for _, a := range c.absent {
				if _, ok := byText[a]; ok {
					t.Errorf("%q should not be a mention; got %s", a, describe(got))
				}
			}
		})
	}
}

// checkSpans verifies the invariants every Find result keeps.
func checkSpans(t *testing.T, s string, ms []Mention) {
	t.Helper()
	prev := 0
	for i, m := range ms {
		if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
			t.Fatalf("mention %d: span [%d,%d) out of bounds for %d bytes", i, m.Start, m.End, len(s))
		}
		if m.Start < prev {
			t.Fatalf("mention %d: span [%d,%d) overlaps or precedes the previous one ending at %d", i, m.Start, m.End, prev)
		}
		prev = m.End
		if s[m.Start:m.End] != m.Text {
			t.Fatalf("mention %d: Text %q is not s[%d:%d] %q", i, m.Text, m.Start, m.End, s[m.Start:m.End])
		}
		if m.Title != "" {
			if m.TitleStart < 0 || m.TitleEnd > len(s) || m.TitleStart >= m.TitleEnd || s[m.TitleStart:m.TitleEnd] != m.Title {
				t.Fatalf("mention %d: bad title span [%d,%d) for %q", i, m.TitleStart, m.TitleEnd, m.Title)
			}
			if m.TitleEnd > m.Start && m.TitleStart < m.End {
				t.Fatalf("mention %d: title %q overlaps the name %q", i, m.Title, m.Text)
			}
		} else if m.TitleStart != 0 || m.TitleEnd != 0 {
			t.Fatalf("mention %d: title span without a title", i)
		}
		if m.Key == "" {
			t.Fatalf("mention %d: %q has an empty key", i, m.Text)
		}
	}
}

func describe(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("\n\t")
		b.WriteString(m.Text)
		b.WriteString(" [" + string(m.Kind) + "]")
		if m.Title != "" {
			b.WriteString(" title=" + m.Title)
		}
	}
	return b.String()
}

func TestFindEdgeCases(t *testing.T) {
	f := NewFinder()
	for _, s := range []string{
		"", " ", "the", "The.", "al-", "Mr.", "(KRG)", "U.S.", "a-b-c", "'s", "X's", "— — —",
		"President", "Prime Minister of", "of the Bureau of,", "Smith,", ", the defense minister,",
		"\xff\xfe invalid \xc3", "ÉLYSÉE Palace", "İstanbul", "Ba’ath Party",
	} {
		checkSpans(t, s, f.Find(s))
	}
	if got := f.Find("there is nothing here."); len(got) != 0 {
		t.Errorf("lower-case sentence: got %s", describe(got))
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"al-Sudani", "sudani"},
		{"al Sudani", "sudani"},
		{"Al-Sudani", "sudani"},
		{"Sudani", "sudani"},
		{"Sudani's", "sudani"},
		{"Sudani’s", "sudani"},
		{"Mohammed Shia al-Sudani", "mohammed shia sudani"},
		{"Mohammed Shia Al Sudani", "mohammed shia sudani"},
		{"Al Gore", "al gore"},
		{"U.S.", "us"},
		{"Erdoğan", "erdogan"},
		{"O’Brien", "obrien"},
		{"Jean-Pierre  Raffarin", "jean pierre raffarin"},
		{"AT&T", "at & t"},
		{"Łódź", "lodz"},
	} {
		if got := Normalize(c.in); got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// Find's keys and Normalize agree.
	f := NewFinder()
	for _, c := range findCases {
		for _, m := range f.Find(c.sentence) {
			if n := Normalize(m.Text); n != m.Key {
				t.Errorf("%q: Key %q, Normalize %q", m.Text, m.Key, n)
			}
		}
	}
}

func TestFindConcurrent(t *testing.T) {
	f := NewFinder()
	want := make([]string, len(findCases))
	for i, c := range findCases {
		want[i] = describe(f.Find(c.sentence))
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for r := 0; r < 20; r++ {
				for i, c := range findCases {
					if got := describe(f.Find(c.sentence)); got != want[i] {
						t.Errorf("concurrent Find differs for %q", c.sentence)
					}
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.sentence)
	}
	for _, s := range []string{"al-", "U.S.-led", "Bureau of A, B and C", "(KRG)", "Smith, 27,", "Mr. O’Brien’s"} {
		f.Add(s)
	}
	fd := NewFinder()
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, fd.Find(s))
	})
}
