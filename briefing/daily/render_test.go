package daily

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
	"unicode/utf8"

	"github.com/brieftool/brief/internal/pagecheck"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/internal/chromium"
	"github.com/brieftool/brief/internal/golden"

	"golang.org/x/net/html"
)

// The package's -update flag rewrites the golden files under
// testdata/golden. It is registered in init, after every package-level
// variable of the package's test files, so that a test file that
// declares it too does not make the test binary panic.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/golden")
	}
}

func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func checkRenderGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "golden", name), got, updatingGolden())
}

// renderSpec matches the citation placeholders of item specs: "{1,4}".
var renderSpec = regexp.MustCompile(` ?\{([0-9,]+)\}`)

// citedItem builds an item from a spec in which "{1,4}" stands for a
// citation group, as briefing's tests write them: the placeholder (and
// the space before it) is cut out, and the group's At is where it stood.
func citedItem(srcs []briefing.SourceRef, spec string) briefing.Item {
	var it briefing.Item
	var text strings.Builder
	last := 0
	for _, m := range renderSpec.FindAllStringSubmatchIndex(spec, -1) {
		text.WriteString(spec[last:m[0]])
		claim := text.String()
		for _, f := range strings.Split(spec[m[2]:m[3]], ",") {
			n, _ := strconv.Atoi(f)
			it.Citations = append(it.Citations, briefing.Citation{
				N: n, Source: srcs[n-1].ID, At: text.Len(), Status: briefing.StatusVerified,
				Evidence: []briefing.Evidence{{Start: 100 * n, End: 100*n + len(claim), Text: claim}},
			})
		}
		last = m[1]
	}
	text.WriteString(spec[last:])
	it.Text = text.String()
	it.Verdict = briefing.VerdictSupported
	return it
}

// sampleDigest is an invented day with three stories, each with
// something the renderers treat specially: the first has more
// contradictions than it shows, the second an unsupported sentence
// beside a failed citation and its own backend, the third wire copies,
// a source with a path, a title with Markdown in it and details.
func sampleDigest() *Digest {
	bridge := []briefing.SourceRef{
		{N: 1, ID: "s1", Outlet: "Norvale Courier", Title: "Harbour bridge shut after inspectors find cracked anchor", Published: "2031-04-11T18:20:00Z", URL: "https://www.norvale-courier.example/news/bridge-shut", Group: 0},
		{N: 2, ID: "s2", Outlet: "Coastal Wire", Title: "Norvale closes bridge; repairs may take weeks", Published: "2031-04-11T09:05:00Z", URL: "https://coastal-wire.example/a/8812?ref=rss", Group: 1},
		{N: 3, ID: "s3", Outlet: "Radio Norvale", Title: "Contractor says bridge repairs could last two months", Published: "2031-04-12T14:00:00Z", URL: "https://radio-norvale.example/bridge", Group: 2},
	}
	budget := []briefing.SourceRef{
		{N: 1, ID: "b1", Outlet: "Eastport Gazette", Title: "Council approves harbour budget", Published: "2031-04-11T09:00:00Z", URL: "https://eastport-gazette.example/council/budget", Group: 0},
		{N: 2, ID: "b2", Outlet: "Eastport Evening Post", Title: "Harbour budget passes after long debate", Published: "2031-04-11T17:45:00Z", URL: "https://evening-post.example/budget", Group: 1},
	}
	ferry := []briefing.SourceRef{
		{N: 1, ID: "f1", Outlet: "Radio Norvale", Title: "Ferries *packed* as `fastcat` returns [updated]", Published: "2031-04-12", Path: "inbox/radio_norvale.txt", Group: 0},
		{N: 2, ID: "f2", Outlet: "Coastal Wire", Title: "Fast ferry back in service after two-week repair", Published: "2031-04-12T07:30:00Z", URL: "https://coastal-wire.example/a/8840", Group: 1},
		{N: 3, ID: "f3", Outlet: "Eastport Gazette", Title: "Fast ferry back in service after two-week repair", Published: "2031-04-12T07:45:00Z", URL: "https://eastport-gazette.example/wire/8840", Group: 1},
		{N: 4, ID: "f4", Outlet: "Norvale Courier", Title: "Commuters welcome the fast ferry's return", Published: "2031-04-12T10:00:00Z", URL: "https://www.norvale-courier.example/news/ferry", Group: 2},
	}

	unsupported := citedItem(budget, "Spending on the quays rises to 14 million crowns. {2}")
	unsupported.Citations[0].Status = "number 14 not in evidence"
	unsupported.Verdict, unsupported.Reason = briefing.VerdictUnsupported, "number 14 not in evidence"
	failed := citedItem(budget, "Councillors debated the plan for six hours before the vote. {1,2}")
	failed.Citations[1].Status = "number six not in evidence"

	return &Digest{
		Backend:  "openai:test-model",
		Since:    "2031-04-11T00:00:00Z",
		Until:    "2031-04-13T00:00:00Z",
		From:     "2031-04-11T06:05:00Z",
		To:       "2031-04-12T16:40:00+02:00",
		Articles: 31,
		Skipped:  4,
		Failed:   1,
		Stories:  9,
		Notes:    []string{"Undated articles were skipped because a time window was set"},
		Shown: []Story{
			{
				Rank: 1, ID: "s1", Score: 4.6, Articles: 12, Independent: 5, Outlets: 9, Briefed: 12,
				First: "2031-04-11T08:10:00+02:00", Last: "2031-04-12T14:00:00Z",
				Headline: citedItem(bridge, "Norvale shuts its harbour bridge after inspectors find a cracked anchor {1,2}"),
				Sentences: []briefing.Item{
					citedItem(bridge, "The bridge closed to all traffic on Thursday evening. {1,2}"),
					citedItem(bridge, "Engineers found a 40 cm crack in the north anchor block, the city said. {1,3}"),
				},
				Disputes: []briefing.Item{
					citedItem(bridge, "Repair time: the city says three weeks {1}, while the contractor says two months. {3}"),
					citedItem(bridge, "Crack first seen: Tuesday according to the Courier {1}, but Thursday according to the wire. {2}"),
				},
				Sources:      bridge,
				Conflicts:    3,
				Verification: briefing.Verification{Checked: 9, Verified: 9, Sentences: 5, Passed: 5},
				Backend:      "openai:test-model",
			},
			{
				Rank: 2, ID: "b1", Score: 2.1, Articles: 2, Independent: 2, Outlets: 2, Briefed: 2,
				First: "2031-04-11T09:00:00Z", Last: "2031-04-11T17:45:00Z",
				Headline: citedItem(budget, "Eastport council approves the harbour budget {1,2}"),
				Sentences: []briefing.Item{
					citedItem(budget, "The council approved the harbour budget on Friday evening. {1,2}"),
					failed,
					unsupported,
				},
				Sources:      budget,
				Verification: briefing.Verification{Checked: 6, Verified: 4, Sentences: 4, Passed: 3, Marked: 1},
				Backend:      "extractive",
				Notes:        []string{"The model did not answer; the extractive backend wrote this story"},
			},
			{
				Rank: 3, ID: "f1", Score: 1.9, Articles: 4, Independent: 3, Outlets: 4, Briefed: 4,
				First: "2031-04-12", Last: "2031-04-12T10:00:00Z",
				Headline: citedItem(ferry, "The fast ferry returns to service after a two-week repair {1,2,4}"),
				Sentences: []briefing.Item{
					citedItem(ferry, "The fast ferry between North Pier and Market Steps resumed sailings on Saturday morning. {2,3,4}"),
					citedItem(ferry, "Commuters said the boats were packed during the first crossings. {1,4}"),
				},
				Sources:      ferry,
				Verification: briefing.Verification{Checked: 8, Verified: 8, Sentences: 3, Passed: 3},
				Backend:      "openai:test-model",
				Details:      "stories/03-f1.md",
			},
		},
	}
}

// emptyDigest is a day on which nothing was found.
func emptyDigest() *Digest {
	return &Digest{Backend: "extractive", Since: "2031-04-11T00:00:00Z", Skipped: 2, Failed: 1}
}

func renderString(t *testing.T, d *Digest, f briefing.Format, st briefing.Style) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, f, st, "brief test"); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestRenderGolden(t *testing.T) {
	tests := []struct {
		ext    string
		format briefing.Format
		style  briefing.Style
	}{
		{"txt", briefing.FormatText, briefing.Style{Width: 80}},
		{"md", briefing.FormatMarkdown, briefing.Style{}},
		{"json", briefing.FormatJSON, briefing.Style{}},
		{"html", briefing.FormatHTML, briefing.Style{}},
	}
	for _, tc := range tests {
		for name, d := range map[string]*Digest{"render-sample": sampleDigest(), "render-empty": emptyDigest()} {
			name += "." + tc.ext
			t.Run(name, func(t *testing.T) {
				checkRenderGolden(t, name, []byte(renderString(t, d, tc.format, tc.style)))
			})
		}
	}
}

func TestFormats(t *testing.T) {
	want := []briefing.Format{briefing.FormatText, briefing.FormatMarkdown, briefing.FormatJSON, briefing.FormatHTML}
	if got := Formats(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
	if err := Render(&bytes.Buffer{}, sampleDigest(), briefing.FormatCSV, briefing.Style{}, ""); err == nil {
		t.Error("Render accepted csv")
	}
	if err := Render(&bytes.Buffer{}, nil, briefing.FormatText, briefing.Style{}, ""); err == nil {
		t.Error("Render accepted no digest")
	}
}

// TestRenderEmpty: a digest without stories says so, with its counts,
// in every format; the JSON document says it with its counts and an
// empty list.
func TestRenderEmpty(t *testing.T) {
	const want = "No stories found: 0 articles clustered, 2 left out by the window, 1 could not be read."
	for _, f := range Formats() {
		t.Run(string(f), func(t *testing.T) {
			out := renderString(t, emptyDigest(), f, briefing.Style{})
			if f == briefing.FormatJSON {
				for _, w := range []string{`"stories": 0`, `"shown": []`, `"skipped": 2`, `"failed": 1`} {
					if !strings.Contains(out, w) {
						t.Errorf("document lacks %s:\n%s", w, out)
					}
				}
				return
			}
			if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
				t.Errorf("output lacks %q:\n%s", want, out)
			}
		})
	}
	d := emptyDigest()
	d.Stories = 4
	if out := renderString(t, d, briefing.FormatText, briefing.Style{}); !strings.Contains(out, "No stories shown: 4 stories found") {
		t.Errorf("a digest asked for no stories does not say so:\n%s", out)
	}
}

// ansiEscape matches an SGR escape sequence.
var ansiEscape = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestRenderTextWraps: every line fits the width, except a line that
// holds one word too long for it (an address, kept whole so a terminal
// can open it); no line starts with a citation marker or ends with the
// ⚠ sign; colour only when asked for, and nothing but colour.
func TestRenderTextWraps(t *testing.T) {
	marker := regexp.MustCompile(`^\s*(•\s*)?\[\d+\??\]`)
	for _, width := range []int{0, 40, 60, 80, 120} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			plain := renderString(t, sampleDigest(), briefing.FormatText, briefing.Style{Width: width})
			limit := width
			if limit == 0 {
				limit = 100
			}
			for _, l := range strings.Split(strings.TrimSuffix(plain, "\n"), "\n") {
				if n := utf8.RuneCountInString(l); n > limit && len(strings.Fields(l)) > 1 {
					t.Errorf("line of %d runes, width %d: %q", n, limit, l)
				}
				if marker.MatchString(l) {
					t.Errorf("a line starts with a marker: %q", l)
				}
				if strings.HasSuffix(l, briefing.UnsupportedSign) {
					t.Errorf("a line ends with the sign: %q", l)
				}
			}
			if strings.Contains(plain, "\x1b") {
				t.Error("escape sequences without Style.Color")
			}
			colour := renderString(t, sampleDigest(), briefing.FormatText, briefing.Style{Width: width, Color: true})
			if !strings.Contains(colour, "\x1b[1m") {
				t.Error("no bold with Style.Color")
			}
			if got := ansiEscape.ReplaceAllString(colour, ""); got != plain {
				t.Errorf("colour changed more than colour:\n%s", got)
			}
		})
	}
}

// TestRenderMarkdownEscapes: a title's brackets and backticks stay
// text, backslash-escaped, not replaced; the citation markers do not;
// a paragraph that would start a list or a heading does not.
func TestRenderMarkdownEscapes(t *testing.T) {
	d := sampleDigest()
	s := &d.Shown[0]
	s.Headline.Text = "Minister’s `rm -rf` remark [sic] on <b>bridges</b> draws *fire*"
	s.Headline.Citations = []briefing.Citation{{N: 1, At: len(s.Headline.Text)}}
	s.Sources[1].Title = "Wire [2] says `two` & more &amp; less"
	s.Sentences[0] = citedItem(s.Sources, "1. Repairs begin on Monday. {2}")
	out := renderString(t, d, briefing.FormatMarkdown, briefing.Style{})
	for _, want := range []string{
		"## 1. Minister’s \\`rm -rf\\` remark \\[sic\\] on \\<b>bridges\\</b> draws \\*fire\\* [1]\n",
		"Coastal Wire — “Wire \\[2\\] says \\`two\\` & more \\&amp; less”",
		"\n1\\. Repairs begin on Monday [2].",
		// The third story's source title, in the golden digest.
		"Radio Norvale — “Ferries \\*packed\\* as \\`fastcat\\` returns \\[updated\\]”, 2031-04-12, `inbox/radio_norvale.txt`",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out)
		}
	}
	// Outside the source lists every unescaped [n] is a citation
	// marker: as many as the items have citations.
	var body strings.Builder
	for _, l := range strings.Split(out, "\n") {
		if !regexp.MustCompile(`^\d+\. `).MatchString(l) {
			body.WriteString(strings.NewReplacer(`\[`, "", `\]`, "").Replace(l) + "\n")
		}
	}
	want := 0
	eachDigestItem(d, func(_ int, it briefing.Item) { want += len(it.Citations) })
	if got := len(regexp.MustCompile(`\[\d+\??\]`).FindAllString(body.String(), -1)); got != want {
		t.Errorf("%d citation markers, want %d", got, want)
	}
}

// TestRenderHTMLSelfContained: the page carries the policy that forbids
// every fetch and print styles, and text from articles never becomes
// markup, whatever it holds.
func TestRenderHTMLSelfContained(t *testing.T) {
	hostile := sampleDigest()
	s := &hostile.Shown[0]
	s.Headline.Text = "<script>alert(1)</script> & more"
	s.Headline.Citations = nil
	s.Sources[0].Title = `Bridge <script>alert("x")</script> shut`
	s.Sources[1].Outlet = `Wire "<b>"`
	s.Sources[1].URL = "javascript:alert(1)"
	s.Sentences[0].Citations[0].Evidence[0].Text = `"><img src=x onerror=alert(1)>`
	s.Notes = []string{"</article><script>bad()</script>"}
	s.Details = `"><iframe src=x>`
	hostile.Notes = []string{"<style>body{background:url(https://x.example/)}</style>"}
	for name, d := range map[string]*Digest{"sample": sampleDigest(), "empty": emptyDigest(), "hostile": hostile} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, d, briefing.FormatHTML, briefing.Style{}, `gen"><script>`); err != nil {
				t.Fatal(err)
			}
			page := buf.String()
			for _, want := range []string{
				`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
				"@media print", "break-inside: avoid", "@page { size: auto; margin: 12mm }",
			} {
				if !strings.Contains(page, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if n := strings.Count(strings.ToLower(page), "<script"); n != 0 {
				t.Errorf("%d <script> tags in the page", n)
			}
			for _, bad := range []string{"<img", "<iframe", `"<b>`, `href="javascript:`, `gen">`, "<style>body"} {
				if strings.Contains(page, bad) {
					t.Errorf("page contains %q unescaped", bad)
				}
			}
			checkNoFetches(t, page)
		})
	}
}

// checkNoFetches fails when the page holds anything a browser would
// load, or more than its one <style> element; inline style attributes
// are not used by the digest at all.
func checkNoFetches(t *testing.T, page string) {
	t.Helper()
	if n := pagecheck.NoFetches(t, page); n != 1 {
		t.Errorf("%d <style> elements, want the page's own", n)
	}
	if strings.Contains(page, " style=") {
		t.Error("page has an inline style attribute")
	}
}

// htmlPageText is the text of an HTML page as a reader sees it, whitespace
// collapsed.
func htmlPageText(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestRenderJSONRoundTrip(t *testing.T) {
	bare := sampleDigest()
	bare.Shown[1].Headline.Citations = nil
	bare.Shown[1].Sentences = nil
	bare.Shown[1].Sources = nil
	bare.Shown[0].Sentences[0].Citations[0].Evidence = nil
	bare.Shown[0].Sources[0].Title = "Bridge <shut> & closed"
	for name, d := range map[string]*Digest{"sample": sampleDigest(), "bare": bare, "empty": emptyDigest()} {
		t.Run(name, func(t *testing.T) {
			out := renderString(t, d, briefing.FormatJSON, briefing.Style{})
			if strings.Contains(out, "null") {
				t.Errorf("document holds a null:\n%s", out)
			}
			var doc Document
			dec := json.NewDecoder(strings.NewReader(out))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&doc); err != nil {
				t.Fatal(err)
			}
			if doc.SchemaVersion != 1 || doc.Generator != "brief test" || doc.Digest == nil {
				t.Fatalf("document head = %d %q %v", doc.SchemaVersion, doc.Generator, doc.Digest != nil)
			}
			if len(doc.Digest.Shown) != len(d.Shown) || doc.Digest.Articles != d.Articles {
				t.Error("digest did not round-trip")
			}
			// What was read renders to the same document.
			if again := renderString(t, doc.Digest, briefing.FormatJSON, briefing.Style{}); again != out {
				t.Errorf("re-rendered document differs:\n%s", again)
			}
			// And to the same page as the digest it came from.
			if a, b := renderString(t, d, briefing.FormatText, briefing.Style{}), renderString(t, doc.Digest, briefing.FormatText, briefing.Style{}); a != b {
				t.Errorf("the decoded digest renders differently:\n%s\n---\n%s", a, b)
			}
		})
	}
	out := renderString(t, bare, briefing.FormatJSON, briefing.Style{})
	for _, want := range []string{`"sentences": []`, `"sources": []`, `"citations": []`, `"evidence": []`, "Bridge <shut> & closed"} {
		if !strings.Contains(out, want) {
			t.Errorf("document lacks %s", want)
		}
	}
	if out := renderString(t, emptyDigest(), briefing.FormatJSON, briefing.Style{}); !strings.Contains(out, `"shown": []`) {
		t.Errorf("an empty digest's stories are not []:\n%s", out)
	}
}

// eachDigestItem calls f with every item of the digest: each story's
// headline, sentences and disputes.
func eachDigestItem(d *Digest, f func(story int, it briefing.Item)) {
	for i, s := range d.Shown {
		f(i, s.Headline)
		for _, it := range s.Sentences {
			f(i, it)
		}
		for _, it := range s.Disputes {
			f(i, it)
		}
	}
}

// TestRenderMarksUnsupported: in every format for people, ⚠ opens
// exactly the items the check found unsupported, each followed by its
// reason, and the contradictions of a story; no other item carries it.
func TestRenderMarksUnsupported(t *testing.T) {
	d := sampleDigest()
	// A headline and a dispute unsupported too, beside the sentence.
	h := &d.Shown[2].Headline
	h.Verdict, h.Reason = briefing.VerdictUnsupported, briefing.ReasonNoCitation
	h.Citations = nil
	dp := &d.Shown[0].Disputes[1]
	dp.Verdict, dp.Reason = briefing.VerdictUnsupported, "date Tuesday not in evidence"

	for _, f := range []briefing.Format{briefing.FormatText, briefing.FormatMarkdown, briefing.FormatHTML} {
		t.Run(string(f), func(t *testing.T) {
			out := renderString(t, d, f, briefing.Style{Width: 60})
			flat := strings.Join(strings.Fields(out), " ")
			if f == briefing.FormatHTML {
				flat = htmlPageText(t, out)
			}
			signs := 0
			eachDigestItem(d, func(_ int, it briefing.Item) {
				words := strings.Fields(it.Text)
				start := strings.Join(words[:min(4, len(words))], " ")
				if !strings.Contains(flat, start) {
					t.Fatalf("item %q not found", start)
				}
				marked := strings.Contains(flat, briefing.UnsupportedSign+" "+start)
				switch {
				case it.Unsupported() && !marked:
					t.Errorf("unsupported item %q is not marked", start)
				case !it.Unsupported() && marked:
					t.Errorf("supported item %q is marked", start)
				}
				if it.Unsupported() {
					signs++
					if why := "(unsupported: " + it.Reason + ")"; !strings.Contains(flat, why) {
						t.Errorf("the page lacks the reason %q", why)
					}
				}
			})
			for _, s := range d.Shown {
				if l := storyDisputeLabel(s); l != "" {
					signs++
					if !strings.Contains(flat, briefing.UnsupportedSign+" "+strings.TrimSuffix(l, ":")) {
						t.Errorf("contradictions are not flagged: %q", l)
					}
				}
			}
			if got := strings.Count(out, briefing.UnsupportedSign); got != signs {
				t.Errorf("%d signs, want %d", got, signs)
			}
			if got := strings.Count(flat, "(unsupported: "); got != 3 {
				t.Errorf("%d reasons, want 3", got)
			}
		})
	}
}

func TestSpanText(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"", "", ""},
		{"2023-03-07T08:10:00Z", "2023-03-08T14:00:00Z", "2023-03-07 08:10 – 2023-03-08 14:00 UTC"},
		{"2023-03-07T08:10:00Z", "2023-03-07T14:00:00Z", "2023-03-07 08:10 – 14:00 UTC"},
		{"2023-03-07T10:10:00+02:00", "2023-03-07T14:00:00Z", "2023-03-07 08:10 – 14:00 UTC"},
		{"2023-03-07T23:30:00-02:00", "2023-03-08T03:00:00Z", "2023-03-08 01:30 – 03:00 UTC"},
		{"2023-03-07T08:10:00Z", "2023-03-07T10:10:00+02:00", "2023-03-07 08:10 UTC"},
		{"2023-03-07T08:10:00Z", "2023-03-07T08:10:00Z", "2023-03-07 08:10 UTC"},
		{"2023-03-07T08:10:00Z", "", "2023-03-07 08:10 UTC"},
		{"", "2023-03-08T14:00:00Z", "2023-03-08 14:00 UTC"},
		{"2023-03-07", "2023-03-08", "2023-03-07 – 2023-03-08"},
		{"2023-03-07", "2023-03-07", "2023-03-07"},
		{"2023-03-07", "2023-03-07T14:00:00Z", "2023-03-07"},
		{"2023-03-07", "2023-03-08T14:00:00Z", "2023-03-07 – 2023-03-08 14:00 UTC"},
		{"yesterday", "today", "yesterday – today"},
	}
	for _, tc := range tests {
		if got := spanText(tc.from, tc.to); got != tc.want {
			t.Errorf("spanText(%q, %q) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestStoryLines(t *testing.T) {
	tests := []struct {
		name      string
		story     Story
		meta, lab string
	}{
		{"one of each", Story{Articles: 1, Independent: 1, Outlets: 1, First: "2023-03-07T08:10:00Z", Last: "2023-03-07T08:10:00Z"},
			"1 article, 1 independent, 1 outlet · 2023-03-07 08:10 UTC", ""},
		{"all contradictions shown", Story{Articles: 12, Independent: 5, Outlets: 9, Conflicts: 2, Disputes: make([]briefing.Item, 2)},
			"12 articles, 5 independent, 9 outlets", "Sources differ — 2 contradictions:"},
		{"more than shown", Story{Articles: 3, Independent: 2, Outlets: 3, Conflicts: 3, Disputes: make([]briefing.Item, 1)},
			"3 articles, 2 independent, 3 outlets", "Sources differ — 3 contradictions, 2 more not shown:"},
		{"none shown", Story{Articles: 3, Independent: 2, Outlets: 3, Conflicts: 1},
			"3 articles, 2 independent, 3 outlets", "Sources differ — 1 contradiction, not shown"},
		{"disputes uncounted", Story{Articles: 3, Independent: 2, Outlets: 3, Disputes: make([]briefing.Item, 1)},
			"3 articles, 2 independent, 3 outlets", "Sources differ — 1 contradiction:"},
		{"own backend", Story{Articles: 2, Independent: 2, Outlets: 2, Backend: "extractive"},
			"2 articles, 2 independent, 2 outlets · backend extractive", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := storyMeta(tc.story, "openai:m", spanText); got != tc.meta {
				t.Errorf("storyMeta = %q, want %q", got, tc.meta)
			}
			if got := storyDisputeLabel(tc.story); got != tc.lab {
				t.Errorf("storyDisputeLabel = %q, want %q", got, tc.lab)
			}
		})
	}
}

func TestStoryWireCopies(t *testing.T) {
	refs := func(groups ...int) []briefing.SourceRef {
		var rs []briefing.SourceRef
		for i, g := range groups {
			rs = append(rs, briefing.SourceRef{N: i + 1, Group: g})
		}
		return rs
	}
	tests := []struct {
		name        string
		groups      []int
		independent int
		want        string
	}{
		{"all independent", []int{0, 1, 2}, 3, "map[]"},
		{"two copies of one report", []int{4, 7, 7, 9, 7}, 3, "map[3:2 5:2]"},
		{"groups never set", []int{0, 0, 0}, 3, "map[]"},
		{"one wire report", []int{0, 0, 0}, 1, "map[2:1 3:1]"},
	}
	for _, tc := range tests {
		got := storyWireCopies(Story{Sources: refs(tc.groups...), Independent: tc.independent})
		if fmt.Sprint(got) != tc.want && !(got == nil && tc.want == "map[]") {
			t.Errorf("%s: storyWireCopies = %v, want %s", tc.name, got, tc.want)
		}
	}
}

// TestRenderHTMLPrints prints the sample digest in Chromium: no console
// messages (nothing the policy blocked, no parse error), every headline
// and every unsupported mark on paper. Without Chromium or pdftotext it
// skips, unless BRIEF_REQUIRE_CHROMIUM=1.
func TestRenderHTMLPrints(t *testing.T) {
	d := sampleDigest()
	for _, paper := range []string{"A4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			t.Parallel()
			r := chromium.Print(t, chromium.WithPaper([]byte(renderString(t, d, briefing.FormatHTML, briefing.Style{})), paper))
			if len(r.Console) > 0 {
				t.Errorf("console messages:\n%s", strings.Join(r.Console, "\n"))
			}
			t.Logf("%d page(s)", r.Pages)
			flat := strings.Join(strings.Fields(chromium.Text(t, r.PDF)), " ")
			for _, s := range d.Shown {
				if !strings.Contains(flat, s.Headline.Text) {
					t.Errorf("the printed digest lacks the headline %q:\n%s", s.Headline.Text, flat)
				}
			}
			for _, want := range []string{"⚠ Spending on the quays rises to 14 million crowns", "(unsupported: number 14 not in evidence)",
				"⚠ Sources differ — 3 contradictions, 1 more not shown:", "Daily digest"} {
				if !strings.Contains(flat, want) {
					t.Errorf("the printed digest lacks %q", want)
				}
			}
			for i, p := range chromium.Layout(t, r.PDF) {
				for _, o := range p.Overlaps() {
					t.Errorf("page %d: %q overlaps %q", i+1, o[0].Text, o[1].Text)
				}
			}
		})
	}
}

// longDigest is the sample's stories four times over, numbered apart:
// more than a printed page holds.
func longDigest() *Digest {
	d := sampleDigest()
	var shown []Story
	for range 4 {
		for _, s := range sampleDigest().Shown {
			s.Rank = len(shown) + 1
			prefix := fmt.Sprintf("Story %02d: ", s.Rank)
			s.Headline.Text = prefix + s.Headline.Text
			for i := range s.Headline.Citations {
				s.Headline.Citations[i].At += len(prefix)
			}
			s.Details = fmt.Sprintf("stories/%02d.md", s.Rank)
			shown = append(shown, s)
		}
	}
	d.Shown, d.Stories = shown, len(shown)
	return d
}

// TestRenderHTMLPrintsStoriesWhole: a digest longer than a page breaks
// between stories, never inside one: each story's headline prints on
// the page its last line (the details) prints on.
func TestRenderHTMLPrintsStoriesWhole(t *testing.T) {
	d := longDigest()
	page := []byte(renderString(t, d, briefing.FormatHTML, briefing.Style{}))
	// Without the print styles' break-inside a story splits on Letter
	// (and by chance not on A4), so both are checked.
	for _, paper := range []string{"A4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			t.Parallel()
			r := chromium.Print(t, chromium.WithPaper(page, paper))
			if len(r.Console) > 0 {
				t.Errorf("console messages:\n%s", strings.Join(r.Console, "\n"))
			}
			if r.Pages < 2 {
				t.Fatalf("%d page, want more: the test proves nothing", r.Pages)
			}
			pages := strings.Split(chromium.Text(t, r.PDF), "\f")
			pageOf := func(s string) int {
				for i, p := range pages {
					if strings.Contains(strings.Join(strings.Fields(p), " "), s) {
						return i + 1
					}
				}
				return 0
			}
			for _, s := range d.Shown {
				head, tail := pageOf(fmt.Sprintf("%d. Story %02d:", s.Rank, s.Rank)), pageOf(s.Details)
				if head == 0 || head != tail {
					t.Errorf("story %d starts on page %d and ends on page %d", s.Rank, head, tail)
				}
			}
		})
	}
}
