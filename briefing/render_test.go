package briefing

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/brieftool/brief/internal/pagecheck"

	"github.com/brieftool/brief/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "golden", name), got, *update)
}

// markerSpec matches the citation placeholders of item specs: "{1,4}".
var markerSpec = regexp.MustCompile(` ?\{([0-9,]+)\}`)

// specItem builds an Item from a spec in which "{1,4}" stands for a citation
// group: the placeholder (and the space before it) is cut out and the
// group's At is where it stood. Writing "{2}" after a sentence's full stop
// gives At == len(Text), as a backend does; Marked moves it.
func specItem(srcs []SourceRef, spec string) Item {
	var it Item
	var text strings.Builder
	last := 0
	for _, m := range markerSpec.FindAllStringSubmatchIndex(spec, -1) {
		text.WriteString(spec[last:m[0]])
		claim := text.String()
		for _, f := range strings.Split(spec[m[2]:m[3]], ",") {
			n, _ := strconv.Atoi(f)
			it.Citations = append(it.Citations, Citation{
				N: n, Source: srcs[n-1].ID, At: text.Len(), Status: "verified",
				Evidence: []Evidence{{Start: 100 * n, End: 100*n + len(claim), Text: claim}},
			})
		}
		last = m[1]
	}
	text.WriteString(spec[last:])
	it.Text = text.String()
	return it
}

func specSection(id, title string, items ...Item) Section {
	return Section{ID: id, Title: title, Items: items}
}

// smallBriefing is an invented story, small enough to read in a golden
// file, with each feature the renderers treat specially: a wire copy, a
// dispute, a quote whose sentence does not name its speaker, a source
// with a path instead of a URL, a disputed coverage row and notes.
func smallBriefing() *Briefing {
	srcs := []SourceRef{
		{N: 1, ID: "s1", Outlet: "Norvale Courier", Title: "Harbour bridge shut after inspectors find cracked anchor", Published: "2031-04-11T18:20:00Z", URL: "https://www.norvale-courier.example/news/bridge-shut", Group: 0},
		{N: 2, ID: "s2", Outlet: "Coastal Wire", Title: "Norvale closes bridge; repairs may take weeks", Published: "2031-04-11", URL: "https://coastal-wire.example/a/8812?ref=rss", Group: 1},
		{N: 3, ID: "s3", Outlet: "Eastport Gazette", Title: "Norvale closes bridge; repairs may take weeks", Published: "2031-04-12", URL: "https://eastport-gazette.example/wire/8812", Group: 1},
		{N: 4, ID: "s4", Outlet: "Radio Norvale", Title: "Commuters | ferries *packed* as bridge stays closed", Published: "2031-04-12", Path: "inbox/radio_norvale.txt", Group: 2},
	}
	return &Briefing{
		Backend:  "extractive",
		Headline: specItem(srcs, "Norvale shuts its harbour bridge after inspectors find a cracked cable anchor. {1,2}"),
		Dateline: Dateline{From: "2031-04-11", To: "2031-04-12", Sources: 4, Independent: 3},
		Sections: []Section{
			specSection(SectionKeyPoints, "Key points",
				specItem(srcs, "The bridge closed to all traffic on Thursday evening. {1,2,4}"),
				specItem(srcs, "Engineers found a 40 cm crack in the north anchor block, the city said. {1,2}"),
				specItem(srcs, "Extra ferries ran every 15 minutes on Friday morning. {4}"),
			),
			specSection(SectionDisputed, "Where sources differ",
				specItem(srcs, "The city put repairs at three weeks {1}, while the contractor spoke of two months. {2}"),
			),
			specSection(SectionQuotes, "Notable quotes", func() Item {
				it := specItem(srcs, "“We will not reopen it until we are sure.” {1,2}")
				it.Speaker, it.Quote = "Mayor Ilse Brandt", "We will not reopen it until we are sure."
				return it
			}()),
			specSection("empty", "Nothing here"),
			specSection(SectionBackground, "Background",
				specItem(srcs, "The bridge opened in 1987 and carries about 60,000 vehicles a day. {1}"),
				specItem(srcs, "A 2029 survey rated its anchors “fair.” {2}"),
			),
		},
		Sources: srcs,
		Coverage: Coverage{Rows: []CoverageRow{
			{Fact: "f1", Label: "Bridge closed Thursday", Sources: []int{1, 2, 3, 4}},
			{Fact: "f2", Label: "Crack in north anchor", Sources: []int{1, 2, 3}},
			{Fact: "f3", Label: "Repair time", Sources: []int{1, 2, 3}, Disputed: true},
		}},
		Words:        62,
		Budget:       250,
		Verification: Verification{Checked: 13, Verified: 12, Dropped: 1, Sentences: 8, Passed: 8},
		Notes:        []string{"One citation of source 3 did not match its text and was dropped"},
	}
}

// markedBriefing is smallBriefing as the mark policy leaves it: a key
// point with a failed citation beside a verified one, a key point whose
// only citation failed, and a background sentence with no citation, the
// last two marked unsupported.
func markedBriefing() *Briefing {
	b := smallBriefing()
	b.Backend = "openai:test-model"
	eachItemPtr(b, func(it *Item) { it.Verdict = VerdictSupported })
	kp := b.Sections[0].Items
	kp[0].Citations[2].Status = "date Thursday contradicts evidence"
	kp[2].Citations[0].Status = "number 15 not in evidence"
	kp[2].Verdict, kp[2].Reason = VerdictUnsupported, "number 15 not in evidence"
	bg := &b.Sections[4].Items[1]
	bg.Citations = nil
	bg.Verdict, bg.Reason = VerdictUnsupported, ReasonNoCitation
	b.Verification = Verification{Checked: 12, Verified: 10, Sentences: 8, Passed: 6, Marked: 2}
	b.Notes = []string{
		"2 sentence(s) are marked ⚠ unsupported: the cited sources do not state them as written.",
		"2 citation(s) failed the check and are shown with a question mark, as in [4?].",
	}
	return b
}

func eachItemPtr(b *Briefing, f func(it *Item)) {
	f(&b.Headline)
	for i := range b.Sections {
		for j := range b.Sections[i].Items {
			f(&b.Sections[i].Items[j])
		}
	}
}

func TestRenderBriefingGolden(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		style  Style
	}{
		{"briefing.md", FormatMarkdown, Style{}},
		{"briefing.txt", FormatText, Style{Width: 80}},
		{"briefing.json", FormatJSON, Style{}},
		{"briefing.html", FormatHTML, Style{}},
	}
	for _, tc := range tests {
		for _, marked := range []bool{false, true} {
			name, b := tc.name, smallBriefing()
			if marked {
				name, b = strings.Replace(name, ".", "-marked.", 1), markedBriefing()
			}
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := RenderBriefing(&buf, b, tc.format, tc.style, "brief test"); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, name, buf.Bytes())
			})
		}
	}
}

func TestBriefingFormats(t *testing.T) {
	want := []Format{FormatText, FormatMarkdown, FormatJSON, FormatHTML}
	if got := BriefingFormats(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("BriefingFormats() = %v, want %v", got, want)
	}
	for _, tc := range []struct {
		path string
		want Format
	}{{"brief.html", FormatHTML}, {"BRIEF.HTM", FormatHTML}, {"brief.md", FormatMarkdown}} {
		if got, ok := FormatForPath(tc.path); !ok || got != tc.want {
			t.Errorf("FormatForPath(%q) = %q, %v; want %q", tc.path, got, ok, tc.want)
		}
	}
	if err := RenderBriefing(&bytes.Buffer{}, smallBriefing(), FormatCSV, Style{}, ""); err == nil {
		t.Error("RenderBriefing accepted csv")
	}
}

func TestMarked(t *testing.T) {
	cite := func(at int, ns ...int) []Citation {
		var cs []Citation
		for _, n := range ns {
			cs = append(cs, Citation{N: n, At: at})
		}
		return cs
	}
	group := func(gs ...[]Citation) []Citation {
		var cs []Citation
		for _, g := range gs {
			cs = append(cs, g...)
		}
		return cs
	}
	const dispute = "Police said 3 people died, while hospital staff said 5."
	tests := []struct {
		name, text string
		cites      []Citation
		want       string
	}{
		{"no citations", "Nothing cited.", nil, "Nothing cited."},
		{"end before full stop", "Troops arrived in Iraq.", cite(23, 1, 4), "Troops arrived in Iraq [1][4]."},
		{"end without punctuation", "Troops arrived", cite(14, 2), "Troops arrived [2]"},
		{"question mark", "Who will pay?", cite(13, 3), "Who will pay [3]?"},
		{"run of punctuation", "It is over?!", cite(12, 1), "It is over [1]?!"},
		{"ellipsis", "And then…", cite(len("And then…"), 1), "And then [1]…"},
		{"closing curly quote after stop", "He called it “a success.”", cite(len("He called it “a success.”"), 2), "He called it “a success.” [2]"},
		{"closing straight quote after stop", `He said "we will stay."`, cite(23, 1), `He said "we will stay." [1]`},
		{"quote without stop keeps the quote", "He called it “a hoax”", cite(len("He called it “a hoax”"), 1), "He called it “a hoax” [1]"},
		{"abbreviation keeps its dot", "The minister flew to the U.S.", cite(29, 5), "The minister flew to the U.S. [5]"},
		{"lower-case abbreviation", "It opens at 9 a.m.", cite(18, 1), "It opens at 9 a.m. [1]"},
		{"a figure is no abbreviation", "Prices rose 3.5.", cite(16, 2), "Prices rose 3.5 [2]."},
		{"a quoted abbreviation", "It said “U.S.”", cite(len("It said “U.S.”"), 2), "It said “U.S.” [2]"},
		{"dispute: group mid-sentence before comma", dispute, group(cite(25, 1, 3), cite(len(dispute), 2)),
			"Police said 3 people died [1][3], while hospital staff said 5 [2]."},
		{"dispute: At after comma and space", dispute, group(cite(27, 1), cite(len(dispute), 2)),
			"Police said 3 people died [1], while hospital staff said 5 [2]."},
		{"two sentences, one group each", "A happened. B followed.", group(cite(11, 1), cite(23, 2, 3)),
			"A happened [1]. B followed [2][3]."},
		{"three groups", "Red 1, blue 2, green 3.", group(cite(5, 1), cite(13, 2), cite(23, 3, 4)),
			"Red 1 [1], blue 2 [2], green 3 [3][4]."},
		{"a source cited in two groups", "One, two.", group(cite(3, 1), cite(9, 2), cite(9, 1)),
			"One [1], two [2][1]."},
		{"At beyond the end is clamped", "Clamped.", cite(99, 1), "Clamped [1]."},
		{"negative At goes to the start", "Start.", cite(-4, 1), "[1] Start."},
		{"At inside a rune moves to its end", "Café open.", cite(4, 1), "Café [1] open."},
		{"out-of-order At never repeats text", "First, second.", group(cite(14, 1), cite(6, 2)),
			"First, second [1] [2]."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Item{Text: tc.text, Citations: tc.cites}.Marked(func(c Citation) string { return "[" + strconv.Itoa(c.N) + "]" })
			if got != tc.want {
				t.Errorf("Marked(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestRenderBriefingLeavesCitationsWhole: no renderer loses a citation
// or breaks a line inside a marker group.
func TestRenderBriefingLeavesCitationsWhole(t *testing.T) {
	b := worstCaseBriefing()
	want := 0
	for _, s := range b.Sections {
		for _, it := range s.Items {
			want += len(it.Citations)
		}
	}
	want += len(b.Headline.Citations)
	for _, f := range []Format{FormatText, FormatMarkdown} {
		var buf bytes.Buffer
		if err := RenderBriefing(&buf, b, f, Style{Width: 60}, ""); err != nil {
			t.Fatal(err)
		}
		body := buf.String()
		if i := strings.Index(body, "\nSOURCES\n"); i >= 0 {
			body = body[:i]
		}
		if i := strings.Index(body, "## Sources"); i >= 0 {
			body = body[:i]
		}
		if got := len(regexp.MustCompile(`\[\d+\]`).FindAllString(body, -1)); got != want {
			t.Errorf("%s: %d markers, want %d", f, got, want)
		}
		if m := regexp.MustCompile(`(?m)^\s*(•\s*)?\[\d+\]`).FindString(body); m != "" {
			t.Errorf("%s: a line starts with a marker: %q", f, m)
		}
	}
}

func TestRenderBriefingJSONRoundTrip(t *testing.T) {
	b := smallBriefing()
	b.Sections = append(b.Sections, Section{ID: "nil_items"})
	b.Sources[0].Title = "Bridge <shut> & closed"
	var buf bytes.Buffer
	if err := RenderBriefing(&buf, b, FormatJSON, Style{}, "brief test"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Bridge <shut> & closed") {
		t.Error("JSON escapes HTML characters")
	}
	var doc BriefingDocument
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != SchemaVersion || doc.Generator != "brief test" || doc.Briefing == nil {
		t.Fatalf("document head = %d %q %v", doc.SchemaVersion, doc.Generator, doc.Briefing != nil)
	}
	if doc.Briefing.Headline.Text != b.Headline.Text || len(doc.Briefing.Sources) != len(b.Sources) {
		t.Error("briefing did not round-trip")
	}
	if !strings.Contains(buf.String(), `"items": []`) {
		t.Error("a section without items is encoded as null, not []")
	}
}

// TestRenderBriefingHTMLEscapes: text from articles never becomes markup.
func TestRenderBriefingHTMLEscapes(t *testing.T) {
	b := smallBriefing()
	b.Headline.Text = "<script>alert(1)</script> & more"
	b.Headline.Citations = nil
	b.Sources[0].Title = `Bridge <script>alert("x")</script> shut`
	b.Sources[1].Outlet = `Wire "<b>"`
	b.Sources[1].URL = "javascript:alert(1)"
	b.Sections[0].Items[0].Citations[0].Evidence[0].Text = `"><img src=x onerror=alert(1)>`
	b.Coverage.Rows[0].Label = "<i>label</i>"
	b.Notes = []string{"</footer><script>bad()</script>"}
	var buf bytes.Buffer
	if err := RenderBriefing(&buf, b, FormatHTML, Style{}, `gen"><script>`); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if n := strings.Count(strings.ToLower(page), "<script"); n != 0 {
		t.Errorf("%d <script> tags in the page", n)
	}
	for _, bad := range []string{"<img", "<i>label", `"<b>`, `href="javascript:`, `gen">`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", "Bridge &lt;script&gt;", "&lt;i&gt;label&lt;/i&gt;", "Wire &#34;&lt;b&gt;&#34;"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	noFetches(t, page)
}

// TestRenderBriefingHTMLFetchesNothing: the page is self-contained; the
// only addresses in it are links a reader may follow.
func TestRenderBriefingHTMLFetchesNothing(t *testing.T) {
	for name, b := range map[string]*Briefing{"small": smallBriefing(), "worst case": worstCaseBriefing()} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := RenderBriefing(&buf, b, FormatHTML, Style{}, "brief test"); err != nil {
				t.Fatal(err)
			}
			noFetches(t, buf.String())
			for _, want := range []string{`id="src-1"`, `href="#src-1"`, "@page { size: auto; margin: 12mm }", "@media print", "default-src 'none'"} {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("page lacks %q", want)
				}
			}
		})
	}
}

// noFetches fails when the page holds anything a browser would load.
func noFetches(t *testing.T, page string) {
	t.Helper()
	pagecheck.NoFetches(t, page)
}

// A quotation's own backticks and brackets survive the Markdown page
// escaped, never replaced, and cannot be read as citations.
func TestMarkdownKeepsQuotedCharacters(t *testing.T) {
	it := Item{Text: "He called it ``a [2] mess'' on air.", Citations: []Citation{{N: 1, At: len("He called it ``a [2] mess'' on air.")}}}
	got := mdMarked(it)
	want := "He called it \\`\\`a \\[2\\] mess'' on air [1]."
	if got != want {
		t.Errorf("mdMarked = %q, want %q", got, want)
	}
}
