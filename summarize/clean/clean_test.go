package clean

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// kinds returns the removed units as "kind: text" for readable failures.
func kinds(r Result) []string {
	var out []string
	for _, rm := range r.Removed {
		out = append(out, rm.Kind+": "+rm.Text)
	}
	return out
}

func TestCleanRemovesJunkKeepsProse(t *testing.T) {
	body := "The army said on Tuesday that 40 people were killed in the attack on the market.\n\n" +
		"Officials said the toll could rise as rescuers searched the rubble overnight.\n\n"
	tests := []struct {
		name    string
		text    string
		removed []string // "kind: text" entries that must be reported
		kept    []string // paragraphs that must survive
	}{
		{
			name:    "navigation and social lines in header and footer",
			text:    "twitter\nfacebook\ntelegram\nen\nMenu\nWORLD\nA+\nA-\n\nArmy says 40 killed in market attack\n\n" + body + "print\ncopy link\nFollow us on Youtube\nshare-lineLiked the story? Share it on social media!\n",
			removed: []string{"navigation: twitter", "navigation: facebook", "navigation: en", "navigation: Menu", "section: WORLD", "navigation: A+", "navigation: print", "navigation: copy link", "social: Follow us on Youtube", "social: share-lineLiked the story? Share it on social media!", "title: Army says 40 killed in market attack"},
		},
		{
			name: "prose that mentions share, search or photo stays",
			text: "Army says 40 killed in market attack\n\n" + body +
				"Iraqi leaders share our interest in a stable region, the official told reporters.\n\n" +
				"Share prices in Baghdad fell 3 percent on Monday after the announcement.\n\n" +
				"The search for survivors continued on Wednesday, the civil defence agency said.\n\n" +
				"A photo taken in 2019 shows the minister at a rally in Basra, his office said.\n",
			kept: []string{
				"Iraqi leaders share our interest in a stable region, the official told reporters.",
				"Share prices in Baghdad fell 3 percent on Monday after the announcement.",
				"The search for survivors continued on Wednesday, the civil defence agency said.",
				"A photo taken in 2019 shows the minister at a rally in Basra, his office said.",
			},
		},
		{
			name:    "read also teaser, most popular list, short link",
			text:    "Army says 40 killed in market attack\n\n" + "The army said on Tuesday that 40 people were killed in the attack on the market.\n\nRead also:\n\nFloods hit the south as dams overflow\n\nOfficials said the toll could rise as rescuers searched the rubble overnight.\n\nRead more: Who runs the militias\n\nShort link:\n\nMost Popular\nFloods hit the south\nNew cabinet sworn in\n",
			removed: []string{"read_also: Read also:", "read_also: Floods hit the south as dams overflow", "read_also: Read more: Who runs the militias", "short_link: Short link:", "most_popular: Most Popular", "footer: Floods hit the south", "footer: New cabinet sworn in"},
			kept:    []string{"Officials said the toll could rise as rescuers searched the rubble overnight."},
		},
		{
			name:    "view counters, copyright, loading, search",
			text:    "Loading...\nSearch\nWHAT ARE YOU LOOKING FOR ?\nArmy says 40 killed in market attack\n\n" + body + "Views: 29\n1,204 views\n© 2024 Daily Herald. All rights reserved.\n",
			removed: []string{"loading: Loading...", "search: Search", "search: WHAT ARE YOU LOOKING FOR ?", "view_counter: Views: 29", "view_counter: 1,204 views", "copyright: © 2024 Daily Herald. All rights reserved."},
		},
		{
			name: "photo credits and captions",
			text: "Army says 40 killed in market attack\n\nhttps://cdn.example.com/2023/03/market.jpg\n\n(Photo credit: Ahmed Saad/Reuters)\n\n" +
				"Rescuers search the rubble of the market in Baghdad, Iraq, on March 7, 2023. (Credit: Ahmed Saad/Reuters)\n\n" + body +
				"Market attack\nFile photo: Police stand guard at the entrance of the market. AFP\n\n" +
				"Soldiers patrol the market on Tuesday. REUTERS/Ahmed Saad\n\n" +
				"Officials said more troops would be sent to the area in the coming days.\n",
			removed: []string{"image: https://cdn.example.com/2023/03/market.jpg", "caption: (Photo credit: Ahmed Saad/Reuters)", "caption: Rescuers search the rubble of the market in Baghdad, Iraq, on March 7, 2023. (Credit: Ahmed Saad/Reuters)", "caption: Market attack", "caption: File photo: Police stand guard at the entrance of the market. AFP", "caption: Soldiers patrol the market on Tuesday. REUTERS/Ahmed Saad"},
			kept:    []string{"Officials said more troops would be sent to the area in the coming days."},
		},
		{
			name:    "subheadings inside the body",
			text:    "Army says 40 killed in market attack\n\n" + "The army said on Tuesday that 40 people were killed in the attack on the market.\n\n'Vital work'\n\nOfficials said the toll could rise as rescuers searched the rubble overnight.\n",
			removed: []string{"heading: 'Vital work'"},
		},
		{
			name: "bullet lists and table rows in the body are kept",
			text: "Army says 40 killed in market attack\n\n" + body + "- 40 dead in the market\n- 12 wounded taken to hospital\n\nDistrict | Dead\n\nKarrada | 31\n\nThe interior ministry said an investigation had been opened into the attack.\n",
			kept: []string{"- 40 dead in the market", "- 12 wounded taken to hospital", "District | Dead", "Karrada | 31"},
		},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Clean(tt.text, Options{})
			got := kinds(r)
			for _, want := range tt.removed {
				if !slices.Contains(got, want) {
					t.Errorf("not removed: %q\nremoved: %q", want, got)
				}
			}
			for _, want := range append(tt.kept, "The army said on Tuesday that 40 people were killed in the attack on the market.") {
				if !slices.Contains(r.Paragraphs, want) {
					t.Errorf("paragraph lost: %q\nparagraphs: %q\nremoved: %q", want, r.Paragraphs, got)
				}
			}
		})
	}
}

func TestCleanHeader(t *testing.T) {
	body := "\n\nThe army said on Tuesday that 40 people were killed in the attack on the market.\n"
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name                     string
		text                     string
		title, outlet, author    string
		agencies                 []string
		date                     time.Time
		hasTime                  bool
		titleFrom, outletFrom, f string
	}{
		{name: "agency credit line", text: "Market attack kills 40 in Baghdad\n\nAFP , AP , Tuesday 7 Mar 2023" + body,
			title: "Market attack kills 40 in Baghdad", agencies: []string{"AFP", "AP"}, date: d(2023, 3, 7), f: FromHeader},
		{name: "byline with date", text: "Loading...\nMarket attack kills 40 in Baghdad\nBy News Desk - March 07 2023" + body,
			title: "Market attack kills 40 in Baghdad", author: "News Desk", date: d(2023, 3, 7), f: FromHeader},
		{name: "byline with agency", text: "Market attack kills 40 in Baghdad\nBy Jane Doe, Reuters\nMar 08, 2023" + body,
			title: "Market attack kills 40 in Baghdad", author: "Jane Doe", agencies: []string{"Reuters"}, date: d(2023, 3, 8), f: FromHeader},
		{name: "date with time, copyright outlet", text: "Caliber.az © 2024. .\nWORLD\nMarket attack kills 40 in Baghdad\n\n07 March 2023 12:28" + body,
			title: "Market attack kills 40 in Baghdad", outlet: "Caliber.az", outletFrom: FromCopyright, date: time.Date(2023, 3, 7, 12, 28, 0, 0, time.UTC), hasTime: true, f: FromHeader},
		{name: "source line beats page url", text: "Market attack kills 40 in Baghdad\nhttps://media.dailyherald.com/img/a.jpg" + body + "\nSource: Qatar Tribune\n",
			title: "Market attack kills 40 in Baghdad", outlet: "Qatar Tribune", outletFrom: FromSource},
		{name: "page url host", text: "Market attack kills 40 in Baghdad\nhttps://media.dailyherald.com/img/a.jpg" + body,
			title: "Market attack kills 40 in Baghdad", outlet: "dailyherald.com", outletFrom: FromURL},
		{name: "brand line in footer", text: "Market attack kills 40 in Baghdad" + body + "\nCaliber.Az\nViews: 29\n",
			title: "Market attack kills 40 in Baghdad", outlet: "Caliber.Az", outletFrom: FromBrand},
		{name: "no header date falls back to a date in the text", text: "Market attack kills 40 in Baghdad\n\nPolice guard the market in Baghdad on March 7, 2023. (Credit: A. Saad/Reuters)" + body,
			title: "Market attack kills 40 in Baghdad", date: d(2023, 3, 7), f: FromText},
		{name: "metadata title is removed from the body", text: "Market Attack Kills 40\n\nSome other first line here" + body,
			title: "Market Attack Kills 40", titleFrom: FromHeader},
		{name: "dateline agency in the body", text: "Market attack kills 40 in Baghdad\n\nBAGHDAD (Reuters) - The army said on Tuesday that 40 people were killed in the attack.\n",
			title: "Market attack kills 40 in Baghdad", agencies: []string{"Reuters"}},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{}
			if tt.titleFrom != "" {
				opts.Title = tt.title
			}
			r := c.Clean(tt.text, opts)
			if r.Title != tt.title || r.Outlet != tt.outlet || r.Author != tt.author {
				t.Errorf("title/outlet/author = %q / %q / %q, want %q / %q / %q", r.Title, r.Outlet, r.Author, tt.title, tt.outlet, tt.author)
			}
			if !slices.Equal(r.Agencies, tt.agencies) {
				t.Errorf("agencies = %q, want %q", r.Agencies, tt.agencies)
			}
			if !r.Published.Equal(tt.date) || r.HasTime != tt.hasTime || r.DateFrom != tt.f {
				t.Errorf("date = %v (time %v, from %q), want %v (time %v, from %q)", r.Published, r.HasTime, r.DateFrom, tt.date, tt.hasTime, tt.f)
			}
			if tt.outletFrom != "" && r.OutletFrom != tt.outletFrom {
				t.Errorf("outlet from %q, want %q", r.OutletFrom, tt.outletFrom)
			}
			for _, p := range r.Paragraphs {
				if p == tt.title {
					t.Errorf("title kept as a paragraph")
				}
			}
		})
	}
}

func TestCleanWrappedParagraphs(t *testing.T) {
	text := "Army says 40 killed in market attack\n\n" +
		"The army said on Tuesday that 40 people were killed in the\n" +
		"attack on the central market, the deadliest in the capital\n" +
		"this year. Officials said the toll could rise as rescuers\n" +
		"searched the rubble overnight.\n\n" +
		"Police sealed off the area and closed the roads leading to\n" +
		"the market. Shops in nearby streets stayed shut on Wednesday,\n" +
		"witnesses said.\n"
	r := New().Clean(text, Options{})
	want := []string{
		"The army said on Tuesday that 40 people were killed in the attack on the central market, the deadliest in the capital this year. Officials said the toll could rise as rescuers searched the rubble overnight.",
		"Police sealed off the area and closed the roads leading to the market. Shops in nearby streets stayed shut on Wednesday, witnesses said.",
	}
	if !slices.Equal(r.Paragraphs, want) {
		t.Errorf("paragraphs =\n%q\nwant\n%q", r.Paragraphs, want)
	}
}

func TestCleanOneParagraphPerLine(t *testing.T) {
	text := "Army says 40 killed in market attack\nMar 08, 2023\n" +
		"The army said on Tuesday that 40 people were killed in the attack on the market.\n" +
		"Officials said the toll could rise as rescuers searched the rubble overnight.\n"
	r := New().Clean(text, Options{})
	if len(r.Paragraphs) != 2 {
		t.Errorf("got %d paragraphs %q, want 2 (one per line)", len(r.Paragraphs), r.Paragraphs)
	}
}

// TestCleanShortText: a teaser too short to have a body keeps its
// sentences; its menu lines still go.
func TestCleanShortText(t *testing.T) {
	tests := []struct {
		text  string
		title string
		want  []string
	}{
		{"Schools reopened on Friday.\n\nTeachers checked every building first.", "Schools reopen", []string{"Schools reopened on Friday.", "Teachers checked every building first."}},
		{"Avalanche warning raised", "", []string{"Avalanche warning raised"}},
		{"twitter\nAvalanche warning raised\nViews: 12", "", []string{"Avalanche warning raised"}},
	}
	c := New()
	for _, tt := range tests {
		r := c.Clean(tt.text, Options{Title: tt.title})
		if !slices.Equal(r.Paragraphs, tt.want) {
			t.Errorf("Clean(%q) paragraphs = %q, want %q", tt.text, r.Paragraphs, tt.want)
		}
	}
}

func TestCleanEdgeCases(t *testing.T) {
	c := New()
	for _, text := range []string{"", "\n\n\n", "\x00\x01\x02", "Search", "a", strings.Repeat("word ", 10000), "\r\n\r\nTitle here now\r\nBody text that is long enough to be prose for sure.\r\n", "\xff\xfe bad bytes \xc3"} {
		r := c.Clean(text, Options{})
		for _, p := range r.Paragraphs {
			if strings.TrimSpace(p) != p || p == "" || strings.Contains(p, "\n") {
				t.Errorf("Clean(%.20q): bad paragraph %q", text, p)
			}
		}
	}
}

// TestCleanSeeds checks the bundled corpus of five real scraped pages: the
// metadata a user sees in `brief sources`, and that the junk each page
// carries is gone while its sentences stay.
func TestCleanSeeds(t *testing.T) {
	d := func(day, hh, mm int) time.Time { return time.Date(2023, 3, day, hh, mm, 0, 0, time.UTC) }
	tests := []struct {
		file                   string
		title, outlet, section string
		agencies               []string
		date                   time.Time
		junk                   []string // text that must not survive
		keep                   []string // sentences that must survive
	}{
		{file: "000_451345e76f8269f1.txt", title: "Pentagon chief in Iraq says US wants to 'strengthen' ties", section: "Middle East", date: d(7, 0, 0),
			junk: []string{"Search", "MIDDLE EAST", "Read also", "new land of opportunity", "(Credit: Azad Lashkari/Reuters)", "'Vital work'"},
			keep: []string{"Pentagon chief Lloyd Austin said Tuesday he hoped to", "some 2,500 American non-combat troops remain deployed"}},
		{file: "001_9c29b4ed53a64ff3.txt", title: "Pentagon chief visits Iraq nearly 20 years after US-led invasion", agencies: []string{"AFP", "AP"}, date: d(7, 0, 0),
			junk: []string{"AFP , AP", "US in Iraq", "File photo", "Short link"},
			keep: []string{"which is home to about 2,000 of American troops", `"We strive for that," he added.`}},
		{file: "002_68d94c651c4fe79d.txt", title: "US troops will ‘remain in Iraq’: US Defense Secretary", outlet: "thecradle.co", date: d(7, 0, 0),
			junk: []string{"Loading", "By News Desk", "https://", "Photo credit", "Most Popular"},
			keep: []string{"visited the Iraqi capital Baghdad on an unannounced trip on 7 March"}},
		{file: "003_77279b7efb73aeea.txt", title: "Pentagon chief in Iraq ahead of 20th anniversary of invasion", outlet: "Qatar Tribune", section: "World", date: d(8, 0, 0),
			junk: []string{"Representative image", "Mar 08, 2023", "Source: Qatar Tribune"},
			keep: []string{"There are currently some 2,500 US soldiers deployed in Iraq"}},
		{file: "004_8536535d0183ecde.txt", title: "Pentagon chief makes unannounced trip to Iraq", outlet: "Caliber.az", section: "World", agencies: []string{"Reuters"}, date: d(7, 12, 28),
			junk: []string{"twitter", "play market", "WHAT ARE YOU LOOKING FOR", "Any use of materials", "©", "A+", "Views:", "Share it on social media", "copy link", "Follow us", "Ссылка", "The most important world news"},
			keep: []string{"The United States currently has 2,500 troops in Iraq - and an additional 900 in Syria"}},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "iraq-visit", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			r := c.Clean(string(b), Options{})
			if r.Title != tt.title || r.Outlet != tt.outlet || r.Section != tt.section {
				t.Errorf("title/outlet/section = %q / %q / %q, want %q / %q / %q", r.Title, r.Outlet, r.Section, tt.title, tt.outlet, tt.section)
			}
			if !slices.Equal(r.Agencies, tt.agencies) {
				t.Errorf("agencies = %q, want %q", r.Agencies, tt.agencies)
			}
			if !r.Published.Equal(tt.date) {
				t.Errorf("published = %v, want %v", r.Published, tt.date)
			}
			text := strings.Join(r.Paragraphs, "\n\n")
			for _, j := range tt.junk {
				if strings.Contains(text, j) {
					t.Errorf("junk %q survived cleaning", j)
				}
			}
			for _, k := range tt.keep {
				if !strings.Contains(text, k) {
					t.Errorf("sentence %q lost; removed: %q", k, kinds(r))
				}
			}
			for _, p := range r.Paragraphs {
				if len(strings.Fields(p)) < 6 {
					t.Errorf("short fragment kept as a paragraph: %q", p)
				}
			}
		})
	}
}

func BenchmarkClean(b *testing.B) {
	var docs []string
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "iraq-visit", "*.txt"))
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(data))
		size += len(data)
	}
	c := New()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			c.Clean(d, Options{})
		}
	}
}
