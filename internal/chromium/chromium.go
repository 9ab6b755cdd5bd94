// Package chromium prints HTML pages with headless Chromium for tests:
// how many pages a page prints on, on what paper, what it wrote to the
// console, and, read back with poppler's pdftotext, what text the pages
// show and where. Without a Chromium (or a pdftotext) the tests that use
// it skip, unless BRIEF_REQUIRE_CHROMIUM=1 (CI sets it) makes a missing
// tool a failure.
package chromium

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"html"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// names are the names Chromium goes by on PATH: Debian's package,
// Ubuntu's and older distributions', and Google's build.
var names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Binary returns the path of the Chromium on PATH. With none it skips
// the test, or fails it under BRIEF_REQUIRE_CHROMIUM=1, so that a
// machine without a browser can still run the rest of the tests while
// CI cannot pass without the browser check.
func Binary(t testing.TB) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "no Chromium on PATH (looked for "+strings.Join(names, ", ")+"); install one, e.g. apt-get install chromium, to check the HTML page in a browser")
	return ""
}

// missing skips the test for want of a tool, or fails it where
// BRIEF_REQUIRE_CHROMIUM=1 says the browser checks must run.
func missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("BRIEF_REQUIRE_CHROMIUM") == "1" {
		t.Fatal(msg + " (BRIEF_REQUIRE_CHROMIUM=1 forbids skipping)")
	}
	t.Skip(msg)
}

// Result is what one print of a page showed.
type Result struct {
	Pages int
	// Paper is the first page's size in PDF points (1/72 in).
	Paper [2]float64
	// Console holds every console message the page produced.
	Console []string
	// PDF is the printed file, for Text and Layout to read.
	PDF []byte
}

// Check prints html with headless Chromium and returns the
// number of PDF pages and the page's console messages. With no @page size
// in the page, Chromium prints on Letter; WithPaper picks the paper.
func Check(t testing.TB, html []byte) (pages int, consoleErrors []string) {
	t.Helper()
	r := Print(t, html)
	return r.Pages, r.Console
}

// Print runs Chromium once, printing to PDF with console logging
// on, so one run answers both questions. The flags:
//
//	--headless                  no display; prints and exits
//	--no-sandbox                the sandbox cannot start as root in a container
//	--disable-gpu, --disable-dev-shm-usage
//	                            no GPU, and a container's small /dev/shm
//	                            otherwise crashes the renderer
//	--user-data-dir             a fresh profile per run: parallel tests do not
//	                            fight over the profile lock, and nothing of the
//	                            user's profile is read
//	--no-pdf-header-footer      no date, title and URL printed in the margins,
//	                            which would take room the page is tested for
//	--enable-logging=stderr --v=0
//	                            console messages go to stderr as CONSOLE lines
func Print(t testing.TB, page []byte) Result {
	t.Helper()
	bin := Binary(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "page.html"), filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(in, page, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer",
		"--enable-logging=stderr", "--v=0",
		"--print-to-pdf="+out,
		(&url.URL{Scheme: "file", Path: filepath.ToSlash(in)}).String(),
	)
	// Chromium keeps its crash handler and caches under HOME; a temporary
	// one keeps the test from writing into the user's.
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	// Children left holding stderr must not hang the test after a kill.
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%s did not finish printing within 60 s\n%s", bin, lastLines(stderr.String(), 20))
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, lastLines(stderr.String(), 20))
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("%s wrote no PDF: %v\n%s", bin, err, lastLines(stderr.String(), 20))
	}
	if keep := os.Getenv("BRIEF_CHROMIUM_OUT"); keep != "" {
		keepPrint(t, keep, page, pdf)
	}
	r := Result{Console: ConsoleMessages(stderr.String()), PDF: pdf}
	if r.Pages, r.Paper, err = Pages(pdf); err != nil {
		t.Fatal(err)
	}
	return r
}

// keepPrint saves the page and its PDF under dir, named after the test,
// for a person to look at: BRIEF_CHROMIUM_OUT=/tmp/pages go test ./briefing.
func keepPrint(t testing.TB, dir string, page, pdf []byte) {
	t.Helper()
	name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for ext, data := range map[string][]byte{".html": page, ".pdf": pdf} {
		if err := os.WriteFile(filepath.Join(dir, name+ext), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// consoleLine is a console message in Chromium's log: recent versions
// write `[pid:tid:time:INFO:CONSOLE:12] "message", source: URL (12)`,
// older ones `...:CONSOLE(12)] ...`.
var consoleLine = regexp.MustCompile(`(?m)^\[[^\]]*:CONSOLE(?::\d+|\(\d+\))\] (.*)$`)

// ConsoleMessages returns every console message, not only errors: current
// Chromium logs each at INFO whatever its level, so levels cannot be told
// apart; and a page with no script has nothing to say to the console
// except a failure (a blocked fetch, a parse error, an exception).
func ConsoleMessages(stderr string) []string {
	var msgs []string
	for _, m := range consoleLine.FindAllStringSubmatch(stderr, -1) {
		msgs = append(msgs, m[1])
	}
	return msgs
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(len(lines)-n, 0):], "\n")
}

var (
	pageObject = regexp.MustCompile(`/Type\s*/Page\b`)
	pagesNode  = regexp.MustCompile(`/Type\s*/Pages\b`)
	pageCount  = regexp.MustCompile(`/Count\s+(\d+)`)
	mediaBox   = regexp.MustCompile(`/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]`)
	objStart   = regexp.MustCompile(`\d+\s+\d+\s+obj\b`)
)

// Pages counts a PDF's pages two ways that must agree: the page
// objects (/Type /Page, not /Pages) and the /Count of the root of the
// page tree (the largest count of any /Pages node, since a node counts
// the pages beneath it). Objects packed in compressed object streams are
// unpacked first, for PDF writers that use them.
func Pages(pdf []byte) (int, [2]float64, error) {
	var paper [2]float64
	body := append(append([]byte(nil), pdf...), objectStreams(pdf)...)
	objects := pageObject.FindAll(body, -1)
	root := -1
	for _, loc := range pagesNode.FindAllIndex(body, -1) {
		// The /Count that belongs to this node is in the same object.
		start := 0
		if s := objStart.FindAllIndex(body[:loc[0]], -1); len(s) > 0 {
			start = s[len(s)-1][1]
		}
		end := len(body)
		if e := bytes.Index(body[loc[1]:], []byte("endobj")); e >= 0 {
			end = loc[1] + e
		}
		if m := pageCount.FindSubmatch(body[start:end]); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			root = max(root, n)
		}
	}
	switch {
	case len(objects) == 0 || root < 0:
		return 0, paper, fmt.Errorf("PDF: cannot count pages (%d page objects, page tree count %d)", len(objects), root)
	case len(objects) != root:
		return 0, paper, fmt.Errorf("PDF: %d page objects but the page tree counts %d", len(objects), root)
	}
	if m := mediaBox.FindSubmatch(body); m != nil {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		paper = [2]float64{v[2] - v[0], v[3] - v[1]}
	}
	return root, paper, nil
}

var objStream = regexp.MustCompile(`/Type\s*/ObjStm\b`)

// objectStreams inflates the PDF's compressed object streams.
func objectStreams(pdf []byte) []byte {
	var out []byte
	for _, loc := range objStream.FindAllIndex(pdf, -1) {
		rest := pdf[loc[1]:]
		s := bytes.Index(rest, []byte("stream"))
		e := bytes.Index(rest, []byte("endstream"))
		if s < 0 || e < s {
			continue
		}
		data := bytes.TrimLeft(rest[s+len("stream"):e], "\r\n")
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(zr) // a truncated stream still yields what it holds
		out = append(append(out, '\n'), b...)
	}
	return out
}

// Paper sizes in PDF points.
var (
	PaperA4     = [2]float64{595.28, 841.89}
	PaperLetter = [2]float64{612, 792}
)

// WithPaper plays the printer: the page asks for `size: auto`, which
// prints on the printer's paper, and a rule added after the page's own
// picks that paper (A4, letter).
func WithPaper(page []byte, size string) []byte {
	return bytes.Replace(page, []byte("</head>"), []byte("<style>@page { size: "+size+" }</style>\n</head>"), 1)
}

// A page can print on one sheet and still be unreadable: a column
// squeezed to nothing, a heading printed over another, a table cut off
// at the paper's edge. The page count cannot see that; the text of the
// PDF can, so the tests read it back with pdftotext (Debian's
// poppler-utils), which also says where each word sits.

// pdftotext returns the path of poppler's pdftotext, or skips or fails
// the test as Binary does for Chromium.
func pdftotext(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		missing(t, "no pdftotext on PATH; install poppler-utils, e.g. apt-get install poppler-utils, to read the printed page's text")
	}
	return p
}

// runPdftotext runs pdftotext with args on pdf and returns what it
// wrote to standard output.
func runPdftotext(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	bin := pdftotext(t)
	in := filepath.Join(t.TempDir(), "page.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(append(args, "-enc", "UTF-8"), in, "-")...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, lastLines(stderr.String(), 20))
	}
	return stdout.String()
}

// Text returns the text of a printed PDF in reading order, as pdftotext
// reads it without -layout: a block of text (a paragraph, a column of a
// list, a table's column) comes out whole before the next, its lines on
// lines of their own, and pages end with a form feed. What the page hides
// (clipped, cut by an ellipsis) is not in it.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	return runPdftotext(t, pdf)
}

// Word is one word on a printed page and the box it takes, in PDF points
// from the page's top left corner.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Page is one printed page: its size in PDF points and its words in
// reading order.
type Page struct {
	Width, Height float64
	Words         []Word
}

var (
	bboxPage = regexp.MustCompile(`(?s)<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>`)
	bboxWord = regexp.MustCompile(`<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">(.*?)</word>`)
)

// Layout returns the words of each page of a printed PDF with their
// boxes, as pdftotext -bbox finds them.
func Layout(t testing.TB, pdf []byte) []Page {
	t.Helper()
	pages, err := parseBBox(runPdftotext(t, pdf, "-bbox"))
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// parseBBox reads pdftotext -bbox's XHTML: one <page> element per page,
// one <word> per word, the word's text escaped as HTML.
func parseBBox(doc string) ([]Page, error) {
	var pages []Page
	num := func(s string) float64 { f, _ := strconv.ParseFloat(s, 64); return f }
	for _, pm := range bboxPage.FindAllStringSubmatch(doc, -1) {
		p := Page{Width: num(pm[1]), Height: num(pm[2])}
		for _, wm := range bboxWord.FindAllStringSubmatch(pm[3], -1) {
			p.Words = append(p.Words, Word{Text: html.UnescapeString(wm[5]),
				XMin: num(wm[1]), YMin: num(wm[2]), XMax: num(wm[3]), YMax: num(wm[4])})
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("pdftotext -bbox: no pages in its output")
	}
	return pages, nil
}

// Overlaps returns the pairs of words on the page whose boxes overlap:
// text printed over text, which no reader can read and pdftotext reads
// as one garbled word ("SOUCOVERAGE"). Boxes that merely graze do not
// count: a superscript citation's box reaches a point or so into the
// line above it, so a pair counts only where the boxes share more than a
// quarter of the shorter one's height and more than a point of width.
func (p Page) Overlaps() [][2]Word {
	var pairs [][2]Word
	for i, a := range p.Words {
		for _, b := range p.Words[i+1:] {
			w := min(a.XMax, b.XMax) - max(a.XMin, b.XMin)
			h := min(a.YMax, b.YMax) - max(a.YMin, b.YMin)
			if w > 1 && h > min(a.YMax-a.YMin, b.YMax-b.YMin)/4 {
				pairs = append(pairs, [2]Word{a, b})
			}
		}
	}
	return pairs
}
