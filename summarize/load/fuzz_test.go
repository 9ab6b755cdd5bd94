package load

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Fuzz targets for each reader on its own. FuzzProcess (format_test.go)
// drives them all through sniffing; these reach each reader's corners
// without the sniffer deciding first, and check what callers of that
// reader rely on. Seeds live in testdata/fuzz/<target>.

// checkOneLine fails when a message or a metadata field would break the
// one-line-per-problem output the CLI prints.
func checkOneLine(t *testing.T, what, s string) {
	t.Helper()
	if strings.ContainsAny(s, "\r\n") {
		t.Fatalf("%s spans lines: %q", what, s)
	}
}

func checkMeta(t *testing.T, m Meta) {
	t.Helper()
	for _, f := range []struct{ name, v string }{
		{"title", m.Title}, {"outlet", m.Outlet}, {"author", m.Author}, {"description", m.Description},
	} {
		checkOneLine(t, f.name, f.v)
		if !utf8.ValidString(f.v) {
			t.Fatalf("%s is not UTF-8: %q", f.name, f.v)
		}
	}
}

func fixture(f *testing.F, name string) []byte {
	f.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	return b
}

func FuzzExtractHTML(f *testing.F) {
	for _, name := range []string{"article.html", "broken.html", "noarticle.html"} {
		f.Add(fixture(f, name), "https://news.example/2023/03/07/story")
	}
	f.Add([]byte(`<html lang="en_US"><head><meta property="article:published_time" content="1678183200"><title>T</title></head><body><p>Body text.</p></body></html>`), "")
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"H\nL","articleBody":"x"}</script>`), "ftp://x")
	f.Fuzz(func(t *testing.T, data []byte, pageURL string) {
		// process hands extractHTML UTF-8 only; do the same so the check
		// is on extraction, not on a contract the caller keeps.
		data, _ = toUTF8(data, kindHTML, "")
		// Nor does it hand on what the pre-parse check refuses.
		if checkHTML(data, DefaultMaxDepth, "HTML") != nil {
			return
		}
		p, err := extractHTML(data, pageURL)
		if err != nil {
			checkOneLine(t, "error", err.Error())
			if strings.HasPrefix(err.Error(), "HTML extraction failed") {
				t.Fatalf("an extractor panicked: %v", err)
			}
			return
		}
		if !utf8.ValidString(p.text) {
			t.Fatalf("text is not UTF-8: %q", p.text)
		}
		checkMeta(t, p.meta)
	})
}

func FuzzReadFeed(f *testing.F) {
	for _, name := range []string{"feed.rss", "feed.atom", "feed.json", "broken.xml"} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(`<rss version="2.0"><channel><item><guid> </guid><description>x</description></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"a"},{"content_html":"<p>b</p>"}]}`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A
B</title><content type="html">&lt;p&gt;x&lt;/p&gt;</content><link href="/rel"/></entry></feed>`))
	opts := testOpts()
	opts.NoFetchLinked = true
	l := newLoader(opts)
	f.Fuzz(func(t *testing.T, data []byte) {
		data, warn := stripBOM(data)
		if l.checkDepth(kindFeed, data) != nil {
			return
		}
		src := source{kind: srcFile, input: "in", name: "feed.xml", id: "feed"}
		items := l.readFeed(t.Context(), src, data, warn, "", "")
		if len(items) == 0 {
			t.Fatal("no item and no error")
		}
		for i, it := range items {
			if (it.doc == nil) == (it.err == nil) {
				t.Fatalf("item %d: document %v, error %v: want exactly one", i, it.doc, it.err)
			}
			if it.err != nil {
				checkOneLine(t, "error", it.err.Error())
				continue
			}
			d := it.doc
			if d.ID == "" {
				t.Fatalf("item %d has no ID", i)
			}
			if d.Text == "" || !utf8.ValidString(d.Text) {
				t.Fatalf("item %d text %q is empty or not UTF-8", i, d.Text)
			}
			checkMeta(t, d.Meta)
		}
	})
}

// FuzzDecodeRecords drives the JSON container readers: lines selects JSON
// lines rather than a JSON file (array, one object, or objects one after
// another); limit, when not 0, is the record size cap, so that the
// over-long paths are reached with small inputs.
func FuzzDecodeRecords(f *testing.F) {
	f.Add(fixture(f, "records.jsonl"), true, uint16(0))
	f.Add(fixture(f, "articles.json"), false, uint16(0))
	f.Add(fixture(f, "records.jsonl"), false, uint16(0))
	f.Add(fixture(f, "articles.json"), false, uint16(40))
	f.Add([]byte("{\"text\":\"a\"}\n\n  \r\n{\"text\":\"b\"}\r\n[1]\n{\"text\": 3}\n{bad\n"), true, uint16(0))
	f.Add([]byte("{\"text\":\"a\"}\n{\"text\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}\n   \n"), true, uint16(20))
	f.Add([]byte("[{\"id\":1,\"text\":\"a\"},\n {\"id\":\"1\",\"html\":\"<p>b</p>\"}, 7, \"s\"\n]x"), false, uint16(0))
	f.Add([]byte("{\n\"text\": \"a\"\n}\n{\n\"text\": \"b\"\n}"), false, uint16(0))
	f.Add([]byte("[{\"text\":\"a\"}, {\"text\":\"b\""), false, uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, lines bool, limit uint16) {
		const name = "in.json"
		k := kindJSON
		if lines {
			k = kindJSONL
		}
		// The loader fills in every limit the fuzzer leaves at 0.
		l := newLoader(Options{MaxBytes: int64(limit), NoFetchLinked: true})
		lim := l.recordLimit()
		data, warn := stripBOM(data)
		src := source{kind: srcFile, input: "in", name: name, id: "in"}
		items := decodeAll(t.Context(), l.recordSource(src, warn), bufio.NewReader(bytes.NewReader(data)), k, lim)
		if len(items) == 0 {
			t.Fatal("no item and no error")
		}
		nlines := bytes.Count(data, []byte("\n")) + 1
		// lineOf is the line a record's item names; 0 for the container.
		lineOf := func(where string) int {
			if where == name {
				return 0
			}
			n, err := strconv.Atoi(strings.TrimPrefix(where, name+":"))
			if !strings.HasPrefix(where, name+":") || err != nil || n < 1 || n > nlines {
				t.Fatalf("%q names neither the file nor one of its %d lines", where, nlines)
			}
			return n
		}
		var got []int
		prev := 0
		for i, it := range items {
			if (it.doc == nil) == (it.err == nil) {
				t.Fatalf("item %d: document %v, error %v: want exactly one", i, it.doc, it.err)
			}
			var line int
			if it.err != nil {
				checkOneLine(t, "error", it.err.Error())
				line = lineOf(it.err.Input)
			} else {
				d := it.doc
				line = lineOf(d.Origin)
				if line == 0 {
					t.Fatalf("document %d has no line: %q", i, d.Origin)
				}
				if d.ID == "" || d.Text == "" || !utf8.ValidString(d.Text) {
					t.Fatalf("document %d: ID %q, text %q", i, d.ID, d.Text)
				}
				checkMeta(t, d.Meta)
			}
			if line == 0 {
				if len(items) != 1 && i != len(items)-1 {
					t.Fatalf("container error %v is not last", it.err)
				}
				continue
			}
			if line < prev || lines && line == prev {
				t.Fatalf("item %d at line %d follows line %d", i, line, prev)
			}
			prev = line
			got = append(got, line)
		}
		if !lines {
			return
		}
		// Every line with something on it is one record, and nothing else
		// is; an over-long line is reported whatever it holds.
		var want []int
		for i, ln := range bytes.Split(data, []byte("\n")) {
			body := bytes.TrimSuffix(ln, []byte("\r"))
			if int64(len(body)) > lim.max() || len(bytes.TrimSpace(ln)) > 0 {
				want = append(want, i+1)
			}
		}
		if len(want) == 0 {
			if len(items) != 1 || items[0].err == nil || items[0].err.Input != name {
				t.Fatalf("blank input gave %d items", len(items))
			}
			return
		}
		if len(got) != len(want) {
			t.Fatalf("records at lines %v, want %v", got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("records at lines %v, want %v", got, want)
			}
		}
	})
}

// FuzzParseDate: a date read from metadata must be one brief can write
// back, as RFC 3339 in JSON output, and read again as the same instant.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2023-03-07T10:00:00Z", "2023-03-07T10:00:00.123456789+03:00", "Tue, 07 Mar 2023 10:00:00 GMT",
		"Tue, 7 Mar 2023 10:00:00 +0100", "07 Mar 23 10:00 UTC", "Tuesday, 07-Mar-23 10:00:00 UTC",
		"2023-03-07 10:00:00", "2023-03-07", "March 7, 2023", "7 March 2023", "1678183200", "1678183200123",
		"1678183200.5", " 2023-03-07T10:00 ", "someday", "", "0", "9999-12-31T23:59:59Z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDate(s)
		if !ok {
			if !d.IsZero() {
				t.Fatalf("%q: not understood but gave %v", s, d)
			}
			return
		}
		if y := d.Year(); y < 0 || y > 9999 {
			t.Fatalf("%q: year %d", s, y)
		}
		b, err := d.MarshalJSON()
		if err != nil {
			t.Fatalf("%q: %v cannot be written as JSON: %v", s, d, err)
		}
		var back time.Time
		if err := back.UnmarshalJSON(b); err != nil || !back.Equal(d) {
			t.Fatalf("%q: %s reads back as %v (%v)", s, b, back, err)
		}
	})
}
