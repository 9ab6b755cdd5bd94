package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// want describes what a user should see of one document; empty fields are
// not checked, except that Text must contain every string in has and none
// in hasNot.
type want struct {
	id, origin, url string
	format          Format
	title, outlet   string
	author, lang    string
	description     string
	published       time.Time
	paras           int // number of paragraphs, when non-zero
	first           string
	has, hasNot     []string
	warnings        []string
}

func checkDoc(t *testing.T, d Document, w want) {
	t.Helper()
	eq := func(field, got, want string) {
		t.Helper()
		if want != "" && got != want {
			t.Errorf("%s: %s = %q, want %q", d.ID, field, got, want)
		}
	}
	eq("ID", d.ID, w.id)
	eq("Origin", d.Origin, w.origin)
	eq("URL", d.URL, w.url)
	eq("Format", string(d.Format), string(w.format))
	eq("Title", d.Meta.Title, w.title)
	eq("Outlet", d.Meta.Outlet, w.outlet)
	eq("Author", d.Meta.Author, w.author)
	eq("Language", d.Meta.Language, w.lang)
	eq("Description", d.Meta.Description, w.description)
	if !w.published.IsZero() && !d.Meta.Published.Equal(w.published) {
		t.Errorf("%s: Published = %v, want %v", d.ID, d.Meta.Published, w.published)
	}
	ps := paragraphs(d.Text)
	if w.paras != 0 && len(ps) != w.paras {
		t.Errorf("%s: %d paragraphs, want %d:\n%s", d.ID, len(ps), w.paras, d.Text)
	}
	if w.first != "" && ps[0] != w.first {
		t.Errorf("%s: first paragraph = %q, want %q", d.ID, ps[0], w.first)
	}
	for _, s := range w.has {
		if !strings.Contains(d.Text, s) {
			t.Errorf("%s: text lacks %q:\n%s", d.ID, s, d.Text)
		}
	}
	for _, s := range w.hasNot {
		if strings.Contains(d.Text, s) {
			t.Errorf("%s: text has %q:\n%s", d.ID, s, d.Text)
		}
	}
	if !reflect.DeepEqual(d.Warnings, w.warnings) && (len(d.Warnings) != 0 || len(w.warnings) != 0) {
		t.Errorf("%s: warnings = %q, want %q", d.ID, d.Warnings, w.warnings)
	}
}

func TestFixtures(t *testing.T) {
	tests := []struct {
		input string
		docs  []want
		errs  []string
	}{{
		input: "testdata/article.html",
		docs: []want{{
			id: "article", origin: "testdata/article.html", format: FormatHTML,
			url:         "https://courier.example.com/news/harbour-bridge-reopens",
			title:       "Harbour bridge reopens after storm repairs",
			outlet:      "The Coastal Courier",
			author:      "Maria Jensen",
			lang:        "en-GB",
			description: "The harbour bridge reopened on Tuesday after three weeks of storm repairs.",
			published:   date("2024-03-12T09:30:00Z"),
			paras:       9,
			first:       "The harbour bridge reopened to traffic on Tuesday morning, three weeks after a winter storm tore away part of its western railing and damaged two of the supporting cables.",
			has: []string{
				"now safer than before the storm because",
				"\n\nCommuters relieved\n\n",
				"\n\n- Bridge closed: 20 February\n\n- Bridge reopened: 12 March\n\n",
			},
			hasNot: []string{"Subscribe", "Share on", "Copy link", "Related stories", "newsletter", "All rights reserved", "Cookie", "dataLayer", "display:flex"},
		}},
	}, {
		input: "testdata/article-latin1.html",
		docs: []want{{
			id: "article-latin1", format: FormatHTML,
			title:     "Le pont du port rouvre après les réparations",
			outlet:    "Le Courrier Côtier",
			author:    "Amélie Durand",
			lang:      "fr",
			published: date("2024-03-12T10:15:00+01:00"),
			has:       []string{"trois semaines après qu'une tempête hivernale", "« Le pont est désormais plus sûr qu'avant »", "maître d'œuvre"},
			hasNot:    []string{"Accueil", "Partager", "droits"},
			warnings:  []string{"not valid UTF-8; decoded as windows-1252"},
		}},
	}, {
		input: "testdata/broken.html",
		docs: []want{{
			id: "broken", format: FormatHTML, title: "Night train returns to the valley",
			first: "The night train to the valley returns next month after a five-year break, the rail operator said on Friday, with sleeper cars refitted in the northern workshops and a new stop at the lake.",
			has:   []string{"\n\nTickets go on sale on Monday."},
		}},
	}, {
		input: "testdata/noarticle.html",
		errs:  []string{"testdata/noarticle.html: no article text found in HTML"},
	}, {
		input: "testdata/latin1.txt",
		docs: []want{{
			id: "latin1", origin: "testdata/latin1.txt", format: FormatText, paras: 2,
			first:    "Café crème à la gare: naïve résumé of the “news”.",
			has:      []string{"Second paragraph – with a dash and €5 price."},
			warnings: []string{"not valid UTF-8; decoded as windows-1252"},
		}},
	}, {
		input: "testdata/story.md",
		docs: []want{{
			id: "story", format: FormatMarkdown,
			title:     "Library extends opening hours",
			outlet:    "Town Crier",
			author:    "Priya Natarajan, Leo Brandt",
			url:       "https://towncrier.example.com/library-hours",
			published: date("2024-02-05T00:00:00Z"),
			paras:     6,
			first:     "The central library will stay open until 10 pm on weekdays from March, the council announced on Monday.",
			has:       []string{"\n\nWhy now\n\nStudents asked for more evening study space.\n\nVisits rose by 20 percent last year.\n\n\"We listened,\" said the head librarian.\n\nRead more at https://towncrier.example.com."},
			hasNot:    []string{"#", "**", "](", "library.jpg", "title:"},
		}},
	}, {
		input: "testdata/records.jsonl",
		docs: []want{{
			id: "quake-1", origin: "testdata/records.jsonl:1", format: FormatJSON,
			url: "https://wire.example.org/quake-1", title: "Earthquake shakes the coast",
			outlet: "Wire Service", author: "Ana Lima, Tom Ruiz", lang: "en",
			published: date("2024-05-01T08:00:00Z"), paras: 2,
		}, {
			id: "records#2", origin: "testdata/records.jsonl:2", title: "Aftershocks expected",
			outlet: "Daily Ledger", author: "Lena Park", published: date("2024-05-01T10:30:00Z"),
			first: "Seismologists warned that aftershocks could continue for days.",
		}, {
			id: "1234", origin: "testdata/records.jsonl:6", format: FormatHTML,
			title: "Relief effort begins", outlet: "Harbour Times",
			published: date("2024-05-01T10:00:00Z"), paras: 2,
			hasNot: []string{"Home"},
		}, {
			id: "quake-4", origin: "testdata/records.jsonl:8", outlet: "City Post",
			published: date("2024-05-03T00:00:00Z"), paras: 2,
			first: "Schools reopened on Friday.",
		}},
		errs: []string{
			"testdata/records.jsonl:4: invalid JSON: unexpected end of JSON input",
			`testdata/records.jsonl:5: record has no "text", "content" or "html" field`,
			"testdata/records.jsonl:7: record is not a JSON object",
		},
	}, {
		input: "testdata/articles.json",
		docs: []want{{
			id: "vote-1", origin: "testdata/articles.json:2", format: FormatJSON,
			title: "Parliament passes budget", outlet: "National Herald", author: "Sam Okafor",
			published: date("2024-06-10T14:00:00Z"), paras: 2,
		}, {
			id: "articles#2", origin: "testdata/articles.json:10", title: "Budget: what changes",
			outlet: "Evening Star", published: date("2024-06-11T00:00:00Z"), paras: 1,
			first: "Income tax bands rise with inflation.\nPensions go up by 3 percent.",
		}},
		errs: []string{`testdata/articles.json:16: record's "text" field is empty`},
	}, {
		input: "testdata/feed.rss",
		docs: []want{{
			id:     "https://gazette.example.com/2024/04/dam-inspection",
			origin: "https://gazette.example.com/2024/04/dam-inspection", format: FormatFeed,
			title: "Dam inspection finds no cracks", outlet: "Valley Gazette", author: "Irene Kovac",
			lang: "en-us", description: "Inspectors found the dam in good shape.",
			published: date("2024-04-09T07:45:00Z"), paras: 2,
			has: []string{"The inspection was the first since the spring floods of last year.\nIt covered the spillway and both tunnels."},
		}, {
			id:    "https://gazette.example.com/2024/04/bus-lanes",
			title: "Council delays vote on bus lanes", first: "The council postponed its vote on new bus lanes.",
		}, {
			id: "gazette-103", origin: "testdata/feed.rss#3", title: "Market hall & square reopen",
		}, {
			id: "feed#4", origin: "testdata/feed.rss#4", title: "Weather: sunny weekend",
		}},
	}, {
		input: "testdata/feed.atom",
		docs: []want{{
			id: "https://bergblatt.example.de/seilbahn", title: "Seilbahn führt wieder",
			outlet: "Bergblatt", author: "Jonas Weber", lang: "de",
			published: date("2024-01-19T08:00:00+01:00"), paras: 2,
			first: "Die Seilbahn auf den Gipfel fährt seit Freitag wieder.",
		}, {
			// A relative link is resolved against the feed's site.
			id: "https://bergblatt.example.de/lawine", title: "Lawinenwarnung aufgehoben",
			published: date("2024-01-20T11:00:00Z"), first: "Die Lawinenwarnstufe wurde gesenkt.",
		}},
	}, {
		input: "testdata/feed.json",
		docs: []want{{
			id: "https://dispatch.example.net/ferry-strike", title: "Ferry strike ends",
			outlet: "Island Dispatch", author: "Kai Moana", lang: "en",
			published: date("2024-07-07T22:10:00Z"), paras: 2,
		}, {
			id: "dispatch-2", origin: "testdata/feed.json#2", title: "Harbour festival dates set",
			published: date("2024-07-08T09:00:00Z"), paras: 2, first: "The harbour festival will run from 2 to 4 August.",
		}},
	}, {
		input: "testdata/broken.xml",
		errs:  []string{"testdata/broken.xml: not a valid RSS, Atom or JSON feed: XML syntax error on line 8: unexpected EOF"},
	}, {
		input: "testdata/report.pdf",
		errs:  []string{"testdata/report.pdf: binary file (PDF), not text, HTML, JSON or a feed"},
	}}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			opts := testOpts()
			opts.NoFetchLinked = true
			docs, errs := load(t, opts, tt.input)
			if got := errStrings(errs); !reflect.DeepEqual(got, tt.errs) && (len(got) != 0 || len(tt.errs) != 0) {
				t.Errorf("errors:\n got %q\nwant %q", got, tt.errs)
			}
			if len(docs) != len(tt.docs) {
				t.Fatalf("got %d documents %q, want %d", len(docs), ids(docs), len(tt.docs))
			}
			for i, w := range tt.docs {
				if docs[i].Input != tt.input {
					t.Errorf("%s: Input = %q, want %q", docs[i].ID, docs[i].Input, tt.input)
				}
				checkDoc(t, docs[i], w)
			}
		})
	}
}

// TestFixturesTogether loads every fixture in one call: good inputs load
// whatever the bad ones next to them do, in directory order.
func TestFixturesTogether(t *testing.T) {
	fixturesOnly(t)
	opts := testOpts()
	opts.NoFetchLinked = true
	docs, errs := load(t, opts, "testdata")
	wantIDs := []string{
		"article-latin1", "article", "vote-1", "articles#2", "broken",
		"https://bergblatt.example.de/seilbahn", "https://bergblatt.example.de/lawine",
		"https://dispatch.example.net/ferry-strike", "dispatch-2",
		"https://gazette.example.com/2024/04/dam-inspection", "https://gazette.example.com/2024/04/bus-lanes",
		"gazette-103", "feed#4", "latin1",
		"quake-1", "records#2", "1234", "quake-4", "story",
	}
	if got := ids(docs); !reflect.DeepEqual(got, wantIDs) {
		t.Errorf("IDs:\n got %q\nwant %q", got, wantIDs)
	}
	wantErrs := []string{
		`testdata/articles.json:16: record's "text" field is empty`,
		"testdata/broken.xml: not a valid RSS, Atom or JSON feed: XML syntax error on line 8: unexpected EOF",
		"testdata/noarticle.html: no article text found in HTML",
		"testdata/records.jsonl:4: invalid JSON: unexpected end of JSON input",
		`testdata/records.jsonl:5: record has no "text", "content" or "html" field`,
		"testdata/records.jsonl:7: record is not a JSON object",
		"testdata/report.pdf: binary file (PDF), not text, HTML, JSON or a feed",
	}
	if got := errStrings(errs); !reflect.DeepEqual(got, wantErrs) {
		t.Errorf("errors:\n got %q\nwant %q", got, wantErrs)
	}
	for _, d := range docs {
		if d.Input != "testdata" {
			t.Errorf("%s: Input = %q, want the directory", d.ID, d.Input)
		}
	}
}

// fixturesOnly moves the test to a copy of testdata that holds the
// fixture files and not the fuzz corpora under testdata/fuzz, keeping the
// "testdata/..." names the expectations spell out.
func fixturesOnly(t *testing.T) {
	t.Helper()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if err := os.Mkdir(filepath.Join(tmp, "testdata"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join("testdata", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, "testdata", e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(tmp)
}
