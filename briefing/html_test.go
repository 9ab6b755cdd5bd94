package briefing

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brieftool/brief/internal/chromium"
)

// The browser check lives in internal/chromium, shared with the tests
// that print the real seeds' briefing.

type chromiumResult = chromium.Result

func chromiumCheck(t *testing.T, html []byte) (int, []string) { return chromium.Check(t, html) }
func chromiumPrint(t *testing.T, page []byte) chromiumResult  { return chromium.Print(t, page) }
func withPaper(page []byte, size string) []byte               { return chromium.WithPaper(page, size) }

var (
	pdfPages        = chromium.Pages
	consoleMessages = chromium.ConsoleMessages
	paperA4         = chromium.PaperA4
	paperLetter     = chromium.PaperLetter
)

func renderHTML(t *testing.T, b *Briefing) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderBriefing(&buf, b, FormatHTML, Style{}, "brief test"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestChromiumCheckSeesConsoleErrors tests the checker: it must hear a
// page that fails, or a clean result would prove nothing.
func TestChromiumCheckSeesConsoleErrors(t *testing.T) {
	brokenScript := []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>broken</title></head>
<body><p>A page with a broken inline script.</p><script>notAFunction();</script></body></html>`)
	// A briefing page that tries to load an image: the page's policy
	// blocks the load, and the block must show as an error.
	fetching := bytes.Replace(renderHTML(t, smallBriefing()), []byte("</main>"),
		[]byte(`<img src="https://example.invalid/pixel.png" alt=""></main>`), 1)
	tests := []struct {
		name string
		page []byte
		want string // in some console message; "" wants none
	}{
		{"broken inline script", brokenScript, "notAFunction is not defined"},
		{"briefing that fetches an image", fetching, "Content Security Policy"},
		{"clean briefing", renderHTML(t, smallBriefing()), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pages, msgs := chromiumCheck(t, tc.page)
			if pages != 1 {
				t.Errorf("%d pages, want 1", pages)
			}
			if tc.want == "" {
				if len(msgs) > 0 {
					t.Errorf("console messages from a clean page:\n%s", strings.Join(msgs, "\n"))
				}
				return
			}
			for _, m := range msgs {
				if strings.Contains(m, tc.want) {
					return
				}
			}
			t.Errorf("no console message contains %q; got %q", tc.want, msgs)
		})
	}
}

// TestBriefingHTMLPrintsOnOnePage: the largest briefing the page is
// designed for prints on one sheet of A4 and of Letter, and one well
// past it does not, which shows the check can fail.
func TestBriefingHTMLPrintsOnOnePage(t *testing.T) {
	tests := []struct {
		name     string
		briefing *Briefing
		paper    string
		size     [2]float64
		onePage  bool
	}{
		{"worst case on A4", worstCaseBriefing(), "A4", paperA4, true},
		{"worst case on Letter", worstCaseBriefing(), "letter", paperLetter, true},
		{"overlong on A4", overlongBriefing(), "A4", paperA4, false},
		{"overlong on Letter", overlongBriefing(), "letter", paperLetter, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := chromiumPrint(t, withPaper(renderHTML(t, tc.briefing), tc.paper))
			if math.Abs(r.Paper[0]-tc.size[0]) > 2 || math.Abs(r.Paper[1]-tc.size[1]) > 2 {
				t.Errorf("printed on %.0f × %.0f pt, want %s (%.0f × %.0f)", r.Paper[0], r.Paper[1], tc.paper, tc.size[0], tc.size[1])
			}
			if len(r.Console) > 0 {
				t.Errorf("console messages:\n%s", strings.Join(r.Console, "\n"))
			}
			t.Logf("%d page(s)", r.Pages)
			if tc.onePage && r.Pages != 1 {
				t.Errorf("%d pages, want 1", r.Pages)
			}
			if !tc.onePage && r.Pages < 2 {
				t.Errorf("%d page, want more than 1", r.Pages)
			}
		})
	}
}

// TestBriefingHTMLManySources: however many sources a briefing has, the
// printed page shows every one of them readably and prints nothing over
// anything else; up to 25 it stays on one sheet of A4 and of Letter, and
// past what the coverage matrix can show it says how many it leaves out.
// A page count alone missed a source list squeezed to zero width, its
// heading printed over the matrix's, and a matrix cut off at the edge.
func TestBriefingHTMLManySources(t *testing.T) {
	for _, paper := range []string{"A4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			t.Parallel()
			// fullSize is the headline's type height with five sources:
			// Chromium shrinks a page that is too wide for the paper to fit
			// it, and a page so shrunk prints on one sheet, unreadably small.
			// (With -run picking one subtest there is nothing to compare.)
			var fullSize float64
			for _, n := range []int{5, 10, 25, 50} {
				t.Run(fmt.Sprintf("%d sources", n), func(t *testing.T) {
					b := manySourceBriefing(n)
					r := chromiumPrint(t, withPaper(renderHTML(t, b), paper))
					t.Logf("%d page(s)", r.Pages)
					if len(r.Console) > 0 {
						t.Errorf("console messages:\n%s", strings.Join(r.Console, "\n"))
					}
					switch {
					case n <= 25 && r.Pages != 1:
						t.Errorf("%d pages, want 1", r.Pages)
					case r.Pages > 2:
						t.Errorf("%d pages, want at most 2", r.Pages)
					}
					checkPrintedText(t, b, chromium.Text(t, r.PDF))
					pages := chromium.Layout(t, r.PDF)
					for i, p := range pages {
						for _, o := range p.Overlaps() {
							t.Errorf("page %d: %q at (%.0f, %.0f) overlaps %q at (%.0f, %.0f)",
								i+1, o[0].Text, o[0].XMin, o[0].YMin, o[1].Text, o[1].XMin, o[1].YMin)
						}
					}
					for _, s := range b.Sources {
						if !numberedEntry(pages, s) {
							t.Errorf("source %d: no %q printed just before %q", s.N, strconv.Itoa(s.N)+".", s.Outlet)
						}
					}
					head := strings.Fields(b.Headline.Text)[0]
					for _, w := range pages[0].Words {
						if w.Text != head {
							continue
						}
						if h := w.YMax - w.YMin; fullSize == 0 {
							fullSize = h
						} else if math.Abs(h-fullSize) > fullSize/50 {
							t.Errorf("headline printed %.1f pt high, %.1f pt with 5 sources: the page was shrunk to fit", h, fullSize)
						}
						break
					}
				})
			}
		})
	}
}

// TestBriefingHTMLPrintsMarks: the marks of the mark policy are in the
// printed text itself, not only in styles or tooltips: ⚠ before each
// unsupported sentence, its reason after it, "?" in each failed marker;
// nothing prints over anything else, and the page stays clean under its
// policy. The worst case with three sentences marked still fits one
// sheet.
func TestBriefingHTMLPrintsMarks(t *testing.T) {
	worst := worstCaseBriefing()
	for _, it := range []*Item{&worst.Sections[0].Items[2], &worst.Sections[2].Items[1], &worst.Sections[3].Items[3]} {
		it.Citations[0].Status = "number not in evidence"
		it.Verdict, it.Reason = VerdictUnsupported, "too few claim words in evidence (0.33 < 0.50)"
	}
	worst.Verification.Marked = 3
	tests := []struct {
		name     string
		briefing *Briefing
		paper    string
		want     []string
	}{
		{"marked small briefing", markedBriefing(), "A4", []string{
			"⚠ Extra ferries ran every 15 minutes on Friday morning [4?]. (unsupported: number 15 not in evidence)",
			"⚠ A 2029 survey rated its anchors “fair.” (unsupported: cites no source)",
			"on Thursday evening [1][2][4?].",
		}},
		{"marked worst case on A4", worst, "A4", []string{"(unsupported: too few claim words in evidence (0.33 < 0.50))"}},
		{"marked worst case on Letter", worst, "letter", []string{"(unsupported: too few claim words in evidence (0.33 < 0.50))"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := chromiumPrint(t, withPaper(renderHTML(t, tc.briefing), tc.paper))
			if len(r.Console) > 0 {
				t.Errorf("console messages:\n%s", strings.Join(r.Console, "\n"))
			}
			if r.Pages != 1 {
				t.Errorf("%d pages, want 1", r.Pages)
			}
			flat := strings.Join(strings.Fields(chromium.Text(t, r.PDF)), " ")
			for _, w := range tc.want {
				if !strings.Contains(flat, w) {
					t.Errorf("the printed page lacks %q:\n%s", w, flat)
				}
			}
			if got, want := strings.Count(flat, "(unsupported: "), countUnsupported(tc.briefing); got != want {
				t.Errorf("%d reasons printed, want %d", got, want)
			}
			for i, p := range chromium.Layout(t, r.PDF) {
				for _, o := range p.Overlaps() {
					t.Errorf("page %d: %q overlaps %q", i+1, o[0].Text, o[1].Text)
				}
			}
		})
	}
}

// numberedEntry reports whether the source's number ("12.") is printed
// on the same line as its outlet, just before it: the text alone cannot
// tell, since pdftotext reads a column of numbers set apart by a hanging
// indent as a block of its own.
func numberedEntry(pages []chromium.Page, s SourceRef) bool {
	num, outlet := strconv.Itoa(s.N)+".", strings.Fields(s.Outlet)[0]
	for _, p := range pages {
		for _, n := range p.Words {
			if n.Text != num {
				continue
			}
			for _, o := range p.Words {
				if o.Text == outlet && math.Abs(o.YMin-n.YMin) < 2 && o.XMin > n.XMax && o.XMin-n.XMax < 20 {
					return true
				}
			}
		}
	}
	return false
}

// checkPrintedText checks the text of a printed briefing: both lower
// headings, each on its own, every source's entry with its outlet, date
// and the start of its title, and the note on the columns the coverage
// matrix leaves out.
func checkPrintedText(t *testing.T, b *Briefing, text string) {
	t.Helper()
	lines := map[string]bool{}
	for _, l := range strings.Split(strings.ReplaceAll(text, "\f", "\n"), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	// Headings print in capitals (text-transform).
	for _, h := range []string{"SOURCES", "COVERAGE"} {
		if !lines[h] {
			t.Errorf("no line reads just %q: the heading is missing or runs into other text", h)
		}
	}
	flat := strings.Join(strings.Fields(text), " ")
	for _, s := range b.Sources {
		title := []rune(s.Title)
		want := fmt.Sprintf("%s, %s — “%s", s.Outlet, shortDate(s.Published), string(title[:min(len(title), 12)]))
		if !strings.Contains(flat, want) {
			t.Errorf("source %d: the page lacks %q", s.N, want)
		}
	}
	more := regexp.MustCompile(`\+(\d+) more sources in brief compare`).FindStringSubmatch(flat)
	switch hidden := len(b.Sources) - matrixColumns; {
	case hidden > 0 && (more == nil || more[1] != strconv.Itoa(hidden)):
		t.Errorf("the page does not say that the matrix leaves out %d sources (found %q)", hidden, more)
	case hidden <= 0 && more != nil:
		t.Errorf("the page says %q, but the matrix shows every source", more[0])
	}
}

// TestBriefingHTMLMatrixColumns: past matrixColumns sources the matrix
// keeps the ones that state the most facts, in number order, and the
// page says how many it leaves out; a few sources all get a column and
// sit beside it in print.
func TestBriefingHTMLMatrixColumns(t *testing.T) {
	col := regexp.MustCompile(`<th scope="col"><a href="#src-(\d+)"`)
	tests := []struct {
		n       int
		stacked bool
		more    string
	}{
		{5, false, ""},
		{besideMax, false, ""},
		{besideMax + 1, true, ""},
		{matrixColumns, true, ""},
		{25, true, "+9 more sources in brief compare"},
		{50, true, "+34 more sources in brief compare"},
	}
	for _, tc := range tests {
		t.Run(strconv.Itoa(tc.n), func(t *testing.T) {
			b := manySourceBriefing(tc.n)
			page := string(renderHTML(t, b))
			var got []int
			for _, m := range col.FindAllStringSubmatch(page, -1) {
				n, _ := strconv.Atoi(m[1])
				got = append(got, n)
			}
			// Every source while they fit, else matrixColumns of them in
			// number order, none stating fewer facts than one left out.
			stated := map[int]int{}
			for _, r := range b.Coverage.Rows {
				for _, n := range r.Sources {
					stated[n]++
				}
			}
			want := min(tc.n, matrixColumns)
			if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != want {
				t.Fatalf("matrix columns %v, want %d distinct sources in number order", got, want)
			}
			for _, s := range b.Sources {
				if slices.Contains(got, s.N) {
					continue
				}
				for _, c := range got {
					if stated[c] < stated[s.N] {
						t.Errorf("source %d (%d facts) has a column but %d (%d facts) has none", c, stated[c], s.N, stated[s.N])
					}
				}
			}
			for _, r := range regexp.MustCompile(`(?s)<tr(?: class="disputed")?><th scope="row".*?</tr>`).FindAllString(page, -1) {
				if cells := strings.Count(r, "<td"); cells != want+1 {
					t.Errorf("row has %d cells, want %d source columns and the flag: %s", cells, want, r)
				}
			}
			switch says := strings.Contains(page, "more sources in brief compare"); {
			case tc.more != "" && !strings.Contains(page, tc.more):
				t.Errorf("page does not say %q", tc.more)
			case tc.more == "" && says:
				t.Error("page says the matrix leaves sources out, but it shows them all")
			}
			if stacked := strings.Contains(page, `<div class="lower stacked">`); stacked != tc.stacked {
				t.Errorf("stacked layout %v, want %v", stacked, tc.stacked)
			}
		})
	}
}

func TestPDFPages(t *testing.T) {
	page := func(n int) string {
		return fmt.Sprintf("%d 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]>>\nendobj\n", n)
	}
	var objStm bytes.Buffer
	zw := zlib.NewWriter(&objStm)
	zw.Write([]byte("<</Type /Page /Parent 2 0 R>> <</Type /Page /Parent 2 0 R>>"))
	zw.Close()
	tests := []struct {
		name  string
		pdf   string
		pages int
		ok    bool
	}{
		{"one page", "%PDF-1.4\n2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n" + page(3), 1, true},
		{"page tree with an intermediate node",
			"%PDF-1.4\n2 0 obj\n<</Type /Pages /Kids [5 0 R 6 0 R] /Count 3>>\nendobj\n" +
				"5 0 obj\n<</Type /Pages /Parent 2 0 R /Kids [3 0 R 4 0 R] /Count 2>>\nendobj\n" +
				"8 0 obj\n<</Type /Outlines /Count 7>>\nendobj\n" + page(3) + page(4) + page(6), 3, true},
		{"pages in an object stream",
			"%PDF-1.5\n2 0 obj\n<</Type /Pages /Count 2>>\nendobj\n9 0 obj\n<</Type /ObjStm /N 2 /First 0 /Filter /FlateDecode /Length " +
				strconv.Itoa(objStm.Len()) + ">>\nstream\n" + objStm.String() + "\nendstream\nendobj\n", 2, true},
		{"count and objects disagree", "%PDF-1.4\n2 0 obj\n<</Type /Pages /Count 2>>\nendobj\n" + page(3), 0, false},
		{"no pages", "%PDF-1.4\n", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, _, err := pdfPages([]byte(tc.pdf))
			if (err == nil) != tc.ok || n != tc.pages {
				t.Errorf("pdfPages = %d, %v; want %d, ok %v", n, err, tc.pages, tc.ok)
			}
		})
	}
}

func TestConsoleMessages(t *testing.T) {
	stderr := `[1:1:1121/223140.018265:ERROR:dbus/bus.cc:405] Failed to connect to the bus
[19531:19531:1121/223140.733191:INFO:CONSOLE:2] "Uncaught ReferenceError: f is not defined", source: file:///tmp/p.html (2)
[7:7:0101/000000.000:INFO:CONSOLE(14)] "old format", source: file:///tmp/p.html (14)
`
	got := consoleMessages(stderr)
	want := []string{`"Uncaught ReferenceError: f is not defined", source: file:///tmp/p.html (2)`, `"old format", source: file:///tmp/p.html (14)`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("consoleMessages = %q, want %q", got, want)
	}
}

// worstCaseSources are ten invented outlets with long titles and long
// addresses, the most the page is designed for.
func worstCaseSources() []SourceRef {
	type s struct{ outlet, title, url string }
	list := []s{
		{"The Norvale Courier", "Harbour Bridge shut indefinitely after inspectors find widening crack in north cable anchor block", "https://www.norvale-courier.example/news/city/2031/04/11/harbour-bridge-shut-indefinitely-after-inspectors-find-crack"},
		{"Coastal Wire Service", "Norvale closes its only northern road link as engineers examine a damaged anchorage; ferries added", "https://coastal-wire.example/articles/2031-04-11/norvale-closes-harbour-bridge-engineers-examine-anchorage?utm_source=rss&utm_medium=feed"},
		{"Civic Engineering Weekly", "What a 40 cm crack in a 1987 gravity anchor tells engineers, and why core samples come first", "https://civic-engineering-weekly.example/analysis/gravity-anchor-crack-core-samples-norvale-harbour-bridge-2031"},
		{"Radio Norvale", "Live: four-kilometre queues at Old Quay tunnel as commuters look for a way around the closed bridge", "https://radio-norvale.example/live/2031/04/12/old-quay-tunnel-queues-commuters-bridge-closure-updates"},
		{"Northshore Tribune", "North shore residents worry about ambulance times while the bridge stays shut for repairs", "https://www.northshore-tribune.example/local/health/ambulance-response-north-shore-bridge-closure-residents"},
		{"Norvale City Hall Press Office", "Statement on the precautionary closure of the Harbour Bridge and the inspection programme", "https://www.norvale.example/press-releases/2031/statement-precautionary-closure-harbour-bridge-inspection-programme"},
		{"The Morning Ledger", "Opposition demands independent review after February bridge survey findings were kept quiet", "https://morning-ledger.example/politics/2031/04/12/opposition-independent-review-february-bridge-survey"},
		{"Harbour Authority Bulletin", "Extra ferry sailings every fifteen minutes between North Pier and Market Steps, fares suspended", "https://harbour-authority.example/bulletins/2031-04-11-extra-ferry-sailings-north-pier-market-steps-fares-suspended"},
		{"Velde & Haag Engineering", "Contractor update: coring crews on site this weekend; repair programme could run to two months", "https://velde-haag.example/news/contractor-update-coring-crews-norvale-harbour-bridge-repair-programme-2031"},
		{"Eastport Gazette", "Norvale closure echoes the Eastport viaduct shutdown of 2024, which lasted eleven weeks in the end", "https://eastport-gazette.example/region/norvale-closure-echoes-eastport-viaduct-shutdown-2024-eleven-weeks"},
	}
	srcs := make([]SourceRef, len(list))
	for i, v := range list {
		srcs[i] = SourceRef{N: i + 1, ID: fmt.Sprintf("src%02d", i+1), Outlet: v.outlet, Title: v.title, URL: v.url,
			Published: fmt.Sprintf("2031-04-%02d", 11+i%2), Group: i}
	}
	return srcs
}

// worstCaseBriefing is an invented briefing at every size limit the page
// is designed for: about 250 words of key points and background, four
// disputes, three quotes, ten sources, and an 8 × 10 coverage matrix.
func worstCaseBriefing() *Briefing {
	srcs := worstCaseSources()
	quote := func(spec, speaker string) Item {
		it := specItem(srcs, spec)
		it.Speaker = speaker
		return it
	}
	b := &Briefing{
		Backend:  "extractive",
		Headline: specItem(srcs, "Norvale shuts its Harbour Bridge indefinitely after inspectors find a widening crack in the north cable anchor {1,2,5,6}"),
		Dateline: Dateline{From: "2031-04-11", To: "2031-04-12", Sources: 10, Independent: 10},
		Sections: []Section{
			specSection(SectionKeyPoints, "Key points",
				specItem(srcs, "Norvale closed the Harbour Bridge to all traffic at 7 p.m. on Thursday after a routine inspection found a crack in the concrete block that anchors the northern main cables. {1,2,5}"),
				specItem(srcs, "City engineers said the crack, about 40 centimetres long, had widened since a survey in February, and that the closure was a precaution rather than a sign of imminent collapse. {1,3,6}"),
				specItem(srcs, "About 60,000 vehicles a day use the bridge; the city diverted traffic to the Old Quay tunnel, where queues reached four kilometres during Friday's morning rush. {2,4,7}"),
				specItem(srcs, "The harbour authority added ferry sailings every 15 minutes between North Pier and Market Steps and suspended fares until Monday. {4,8}"),
				specItem(srcs, "Contractor Velde & Haag, which maintains the bridge under a 2027 contract, has sent a team to drill core samples from the anchor block this weekend. {3,9}"),
				specItem(srcs, "Emergency services said ambulance response times on the north shore would be monitored, and a temporary fire crew has been stationed at the North Pier depot. {5,10}"),
				specItem(srcs, "Opposition councillors called for an independent review of the inspection regime and asked why the February findings were not made public. {6,7}"),
			),
			specSection(SectionDisputed, "Where sources differ",
				specItem(srcs, "The city expects repairs to take three weeks {1,3}, while the contractor told reporters the work could last two months. {9}"),
				specItem(srcs, "The crack was first seen on Tuesday according to the Courier {1}, but on Thursday morning according to the city's own statement. {5,6}"),
				specItem(srcs, "Radio Norvale put Friday's tunnel queue at four kilometres {4}; the Morning Ledger reported six kilometres at its peak. {7}"),
				specItem(srcs, "Ferries will be free until Monday according to the harbour authority {4,8}, but only until Saturday night according to the wire report. {2}"),
			),
			specSection(SectionQuotes, "Notable quotes",
				quote("“We will not reopen it until we are sure it is safe, and not one hour before,” Mayor Ilse Brandt told a news conference. {1,2,5}", "Mayor Ilse Brandt"),
				quote("“The February readings were within tolerance; what we saw this week was not,” said chief engineer Tomas Wekker. {3,6}", "Tomas Wekker"),
				quote("“People should leave an hour early, or better, take the ferry.” {4,8}", "Transport councillor Dana Oyelaran"),
			),
			specSection(SectionBackground, "Background",
				specItem(srcs, "The Harbour Bridge opened in 1987 and is the only road link between the city centre and the northern suburbs. {1,6}"),
				specItem(srcs, "A 2029 engineering survey rated its anchorages “fair” and recommended replacing the drainage in the north block within five years. {9}"),
				specItem(srcs, "Similar anchor-block cracking closed the Eastport viaduct for eleven weeks in 2024. {10}"),
				specItem(srcs, "The city has budgeted 14 million crowns for bridge maintenance this year. {6}"),
			),
		},
		Sources: srcs,
		Coverage: Coverage{Rows: []CoverageRow{
			{Fact: "f1", Label: "Bridge closed to all traffic on Thursday at 7 p.m.", Sources: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
			{Fact: "f2", Label: "Crack of about 40 cm in the north anchor block", Sources: []int{1, 2, 3, 6, 9}},
			{Fact: "f3", Label: "Repairs will take three weeks", Sources: []int{1, 3, 6}, Disputed: true},
			{Fact: "f4", Label: "Repairs could last two months", Sources: []int{9}, Disputed: true},
			{Fact: "f5", Label: "Old Quay tunnel queue length on Friday morning", Sources: []int{4, 7}, Disputed: true},
			{Fact: "f6", Label: "Ferries every 15 minutes, fares suspended", Sources: []int{2, 4, 8}},
			{Fact: "f7", Label: "February survey found the crack had begun", Sources: []int{3, 6, 7}},
			{Fact: "f8", Label: "Independent review of inspections demanded", Sources: []int{6, 7}},
		}},
		Budget:       250,
		Verification: Verification{Checked: 44, Verified: 42, Dropped: 2, DroppedItems: 1},
		Notes: []string{
			"The LLM backend did not answer; the extractive backend wrote this briefing",
			"One sentence was dropped because no source supported it",
		},
	}
	for _, s := range b.Sections {
		if s.ID == SectionKeyPoints || s.ID == SectionBackground {
			for _, it := range s.Items {
				b.Words += len(strings.Fields(it.Text))
			}
		}
	}
	return b
}

// overlongBriefing is far past the page's design: three times the key
// points. It must not fit, or the one-page check could never fail.
func overlongBriefing() *Briefing {
	b := worstCaseBriefing()
	kp := &b.Sections[0]
	kp.Items = append(append(kp.Items, kp.Items...), kp.Items...)
	b.Words *= 3
	return b
}

func TestWorstCaseIsWorst(t *testing.T) {
	b := worstCaseBriefing()
	if b.Words < 240 || b.Words > 260 {
		t.Errorf("worst case has %d words of key points and background, want about 250", b.Words)
	}
	if len(b.Sources) != 10 || len(b.Coverage.Rows) != 8 || len(b.Sections[1].Items) != 4 || len(b.Sections[2].Items) != 3 {
		t.Error("worst case is not at the design limits")
	}
}

// manyPlaces and manyKinds name the invented outlets past the worst
// case's ten: each place goes with two kinds, so 25 places give 50
// outlets, no two of them alike.
var (
	manyPlaces = []string{"Aldmere", "Brackwater", "Corran", "Dunmore", "Elsby", "Farrowgate", "Glenholt", "Hasket",
		"Ivelbury", "Jarrow Vale", "Kestin", "Lowmoor", "Marlow Ford", "Nethercote", "Oakhurst", "Pellham",
		"Quarrel Bay", "Rookwell", "Saltmarsh", "Tarnby", "Ulverdale", "Vossly", "Westerholm", "Yarcombe", "Zennor Point"}
	manyKinds = []string{"Herald", "Evening Post", "Radio", "Chronicle", "Daily", "Gazette", "Observer", "Wire", "Record", "Times"}
)

// manySources is n invented sources: the worst case's ten, then outlets
// named from manyPlaces and manyKinds, with the worst case's long titles
// and equally long addresses.
func manySources(n int) []SourceRef {
	srcs := worstCaseSources()
	if n <= len(srcs) {
		return srcs[:n]
	}
	base := srcs
	for i := 0; len(srcs) < n; i++ {
		outlet := manyPlaces[i%len(manyPlaces)] + " " + manyKinds[(i+i/len(manyPlaces)*3)%len(manyKinds)]
		like := base[i%len(base)]
		path := like.URL[strings.Index(like.URL, ".example/")+len(".example"):]
		srcs = append(srcs, SourceRef{N: len(srcs) + 1, ID: fmt.Sprintf("src%02d", len(srcs)+1), Outlet: outlet, Title: like.Title,
			URL:       "https://www." + strings.ToLower(strings.ReplaceAll(outlet, " ", "-")) + ".example" + path,
			Published: fmt.Sprintf("2031-04-%02d", 11+i%2), Group: len(srcs)})
	}
	return srcs
}

// manySourceBriefing is the worst case's text with n sources instead of
// ten: with fewer, citations and coverage of the missing sources move to
// the ones left; with more, each new source states two of the facts, so
// every column of the coverage matrix has something in it.
func manySourceBriefing(n int) *Briefing {
	b := worstCaseBriefing()
	srcs := manySources(n)
	b.Sources = srcs
	b.Dateline.Sources, b.Dateline.Independent = n, n
	fold := func(k int) int { return (k-1)%n + 1 }
	remap := func(it *Item) {
		var cs []Citation
		for _, c := range it.Citations {
			c.N = fold(c.N)
			c.Source = srcs[c.N-1].ID
			// Two sources folded onto one would cite it twice in a group.
			if slices.ContainsFunc(cs, func(d Citation) bool { return d.At == c.At && d.N == c.N }) {
				continue
			}
			cs = append(cs, c)
		}
		it.Citations = cs
	}
	remap(&b.Headline)
	for i := range b.Sections {
		for j := range b.Sections[i].Items {
			remap(&b.Sections[i].Items[j])
		}
	}
	rows := b.Coverage.Rows
	for i := range rows {
		var ns []int
		for _, k := range rows[i].Sources {
			ns = append(ns, fold(k))
		}
		for k := 11; k <= n; k++ {
			if k%len(rows) == i || (k*3)%len(rows) == i {
				ns = append(ns, k)
			}
		}
		slices.Sort(ns)
		rows[i].Sources = slices.Compact(ns)
	}
	return b
}
