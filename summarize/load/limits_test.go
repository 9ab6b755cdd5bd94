package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHTMLTooDeep(t *testing.T) {
	article, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		html string
		want bool
	}{
		{"nested divs over the limit", strings.Repeat("<div>", 65) + "x", true},
		{"nested divs at the limit", strings.Repeat("<div>", 64) + "x" + strings.Repeat("</div>", 64), false},
		{"closed divs in sequence", strings.Repeat("<div>x</div>", 1000), false},
		// The parser closes these itself; counting them would flag old
		// hand-written pages that never close a paragraph.
		{"unclosed paragraphs", strings.Repeat("<p>para", 1000), false},
		{"unclosed list items and cells", strings.Repeat("<li>a<td>b<tr>", 1000), false},
		{"void elements", strings.Repeat("<br><img src=x><hr>", 1000), false},
		// An end tag closes what was opened inside it.
		{"end tag closes inner elements", strings.Repeat("<div><span><b>x</div>", 1000), false},
		{"stray end tags", strings.Repeat("</div>", 1000) + strings.Repeat("<div>", 10), false},
		{"tags inside script are text", "<script>" + strings.Repeat("<div>", 1000) + "</script>", false},
		{"unclosed spans", strings.Repeat("<span>", 100), true},
		// HTML ignores the slash on a non-void element: <div/> opens one.
		{"self-closed divs", strings.Repeat("<div/>", 100), true},
		{"self-closed void elements", strings.Repeat("<br/><img/>", 1000), false},
		{"real page", string(article), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := errors.Is(checkHTML([]byte(tt.html), 64, "HTML"), ErrTooDeep); got != tt.want {
				t.Errorf("too deep = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestJSONTooDeep(t *testing.T) {
	tests := []struct {
		name, json string
		want       bool
	}{
		{"flat object", `{"a":[1,2,{"b":3}]}`, false},
		{"deep arrays", strings.Repeat("[", 11) + strings.Repeat("]", 11), true},
		{"at the limit", strings.Repeat("[", 10) + strings.Repeat("]", 10), false},
		{"brackets inside strings", `{"text":"` + strings.Repeat("[{", 50) + `"}`, false},
		{"escaped quote inside a string", `{"text":"a \" [[[[[[[[[[[[ b"}`, false},
		{"sequence of shallow values", strings.Repeat(`{"a":[1]}`, 100), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := jsonTooDeep([]byte(tt.json), 10); got != tt.want {
				t.Errorf("jsonTooDeep = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestXMLTooDeep(t *testing.T) {
	feed, err := os.ReadFile(filepath.Join("testdata", "feed.rss"))
	if err != nil {
		t.Fatal(err)
	}
	if xmlTooDeep(feed, 10) {
		t.Error("a real RSS feed is reported too deep at 10 levels")
	}
	deep := `<rss><channel>` + strings.Repeat("<x>", 20) + `</channel></rss>`
	if !xmlTooDeep([]byte(deep), 10) {
		t.Error("22 nested elements are not reported too deep at 10 levels")
	}
}

func TestLongestLine(t *testing.T) {
	tests := []struct {
		in    string
		limit int64
		want  int64
	}{
		{"", 10, 0},
		{"abc", 10, 3},
		{"ab\nabcde\nabc", 10, 5},
		{"ab\r\nabcd\r\n", 10, 5}, // the \r counts: it is on the line
		{"\n\n\n", 10, 0},
		{strings.Repeat("a", 100), 10, 100},
	}
	for _, tt := range tests {
		if got := longestLine([]byte(tt.in), tt.limit); got != tt.want {
			t.Errorf("longestLine(%.20q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestLimitsSkipTheItem: each limit skips what is over it, with a message
// that names the input and the limit, and the rest of the run goes on.
func TestLimitsSkipTheItem(t *testing.T) {
	deepHTML := "<html><body><article><p>Deep page.</p>" + strings.Repeat("<div>", 600) + "text</article></body></html>"
	deepJSON := `{"title":"Deep","text":"x","extra":` + strings.Repeat("[", 600) + strings.Repeat("]", 600) + "}"
	deepFeed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><item><title>a</title>` +
		strings.Repeat("<x>", 600) + strings.Repeat("</x>", 600) + `</item></channel></rss>`
	itemHTML := strings.ReplaceAll(strings.Repeat("<div>", 600), "<", "&lt;")
	feedDeepItem := `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>` +
		`<item><title>Deep item</title><link>https://example.com/a</link><description>` + itemHTML + `</description></item>` +
		`<item><title>Fine item</title><link>https://example.com/b</link><description>The fine item is read.</description></item>` +
		`</channel></rss>`
	longLine := strings.Repeat("word ", 300) // 1,500 bytes on one line

	tests := []struct {
		name     string
		files    map[string]string
		opts     func(*Options)
		wantErr  error
		wantMsg  string // in the message of the one error
		wantDocs []string
	}{
		{
			name:     "HTML nested too deep",
			files:    map[string]string{"deep.html": deepHTML, "good.txt": goodText},
			wantErr:  ErrTooDeep,
			wantMsg:  "deep.html: HTML nests deeper than the limit of 512 levels",
			wantDocs: []string{"good"},
		},
		{
			name:     "JSON record nested too deep",
			files:    map[string]string{"recs.jsonl": deepJSON + "\n" + `{"id":"ok","text":"The second record is fine."}` + "\n"},
			wantErr:  ErrTooDeep,
			wantMsg:  "recs.jsonl:1: record nests deeper than the limit of 512 levels",
			wantDocs: []string{"ok"},
		},
		{
			name:     "XML feed nested too deep",
			files:    map[string]string{"deep.rss": deepFeed, "good.txt": goodText},
			wantErr:  ErrTooDeep,
			wantMsg:  "deep.rss: XML nests deeper than the limit of 512 levels",
			wantDocs: []string{"good"},
		},
		{
			name:     "feed item whose HTML is too deep",
			files:    map[string]string{"wire.rss": feedDeepItem},
			opts:     func(o *Options) { o.NoFetchLinked = true },
			wantErr:  ErrTooDeep,
			wantMsg:  "wire.rss#1: item's HTML nests deeper than the limit of 512 levels",
			wantDocs: []string{"https://example.com/b"},
		},
		{
			name:     "deep JSON allowed when the limit is raised",
			files:    map[string]string{"recs.jsonl": deepJSON + "\n"},
			opts:     func(o *Options) { o.MaxDepth = 1000 },
			wantDocs: []string{"recs#1"},
		},
		{
			// x/net/html gives up past 512 open elements whatever the
			// limit, and the message says which limit that was.
			name:    "HTML's depth stops at the parser's ceiling",
			files:   map[string]string{"deep.html": deepHTML},
			opts:    func(o *Options) { o.MaxDepth = 1000 },
			wantErr: ErrTooDeep,
			wantMsg: "deep.html: HTML nests deeper than the limit of 512 levels",
		},
		{
			// Before conversion the check stopped at the first Latin-1
			// letter and let the feed through.
			name:     "Latin-1 feed nested too deep",
			files:    map[string]string{"deep.rss": strings.Replace(strings.Replace(deepFeed, `<?xml version="1.0"?>`, `<?xml version="1.0" encoding="ISO-8859-1"?>`, 1), "<title>Deep</title>", "<title>Caf\xe9</title>", 1), "good.txt": goodText},
			wantErr:  ErrTooDeep,
			wantMsg:  "deep.rss: XML nests deeper than the limit of 512 levels",
			wantDocs: []string{"good"},
		},
		{
			// x/net/html merges each repeated <html> tag's attributes
			// into the first, comparing each with all: quadratic.
			name: "repeated html tags with many attributes",
			files: map[string]string{"attrs.html": "<html a0 a1><body><p>Text.</p>" + strings.Repeat("<html b c d>", 400),
				"good.txt": goodText},
			wantErr:  ErrTooComplex,
			wantMsg:  "attrs.html: HTML repeats <html> or <body> with 1002 attributes in all",
			wantDocs: []string{"good"},
		},
		{
			name:     "more elements than any page",
			files:    map[string]string{"many.html": "<html><body><article>" + strings.Repeat("<p>x", 200_001), "good.txt": goodText},
			wantErr:  ErrTooComplex,
			wantMsg:  "many.html: HTML has more than 200000 elements, more than any article page",
			wantDocs: []string{"good"},
		},
		{
			name:     "text line too long",
			files:    map[string]string{"long.txt": "Title\n\n" + longLine + "\n", "good.txt": goodText},
			opts:     func(o *Options) { o.MaxLineBytes = 1024 },
			wantErr:  ErrLineTooLong,
			wantMsg:  "long.txt: has a line of 1.5 KB, over the 1.0 KB line-length limit",
			wantDocs: []string{"good"},
		},
		{
			name: "JSON-lines line too long",
			files: map[string]string{"recs.jsonl": `{"id":"long","text":"` + longLine + `"}` + "\n" +
				`{"id":"ok","text":"The second record is fine."}` + "\n"},
			opts:     func(o *Options) { o.MaxLineBytes = 1024 },
			wantErr:  ErrLineTooLong,
			wantMsg:  "recs.jsonl:1: has a line of 1.5 KB, over the 1.0 KB line-length limit",
			wantDocs: []string{"ok"},
		},
		{
			// The line limit is above the record limit: the record limit
			// is the one to raise, and the message says so.
			name:     "JSON-lines line over the size limit",
			files:    map[string]string{"recs.jsonl": `{"id":"long","text":"` + longLine + `"}` + "\n" + `{"id":"ok","text":"Fine."}` + "\n"},
			opts:     func(o *Options) { o.MaxBytes = 1024 },
			wantErr:  ErrTooLarge,
			wantMsg:  "recs.jsonl:1: line is 1.5 KB, over the 1.0 KB limit",
			wantDocs: []string{"ok"},
		},
		{
			name:     "HTML is exempt from the line limit",
			files:    map[string]string{"page.html": "<html><body><article><p>" + longLine + "</p></article></body></html>"},
			opts:     func(o *Options) { o.MaxLineBytes = 1024 },
			wantDocs: []string{"page"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			opts := testOpts()
			if tt.opts != nil {
				tt.opts(&opts)
			}
			docs, errs := load(t, opts, dir)
			if got := strings.Join(ids(docs), ","); got != strings.Join(tt.wantDocs, ",") {
				t.Errorf("documents %q, want %q (errors: %q)", got, tt.wantDocs, errStrings(errs))
			}
			if tt.wantErr == nil {
				if len(errs) > 0 {
					t.Errorf("unexpected errors %q", errStrings(errs))
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("errors %q, want one", errStrings(errs))
			}
			if !errors.Is(errs[0], tt.wantErr) {
				t.Errorf("error %q is not %v", errs[0], tt.wantErr)
			}
			if got := strings.TrimPrefix(errs[0].Error(), dir+string(filepath.Separator)); got != tt.wantMsg {
				t.Errorf("message\n got %q\nwant %q", got, tt.wantMsg)
			}
		})
	}
}

// TestMaxArticles: documents over the cap are skipped and reported once
// per input, with how many were skipped.
func TestMaxArticles(t *testing.T) {
	dir := t.TempDir()
	var recs strings.Builder
	for i := range 5 {
		fmt.Fprintf(&recs, `{"id":"r%d","text":"Record %d."}`+"\n", i, i)
	}
	writeFiles(t, dir, map[string]string{"a.txt": "First article.", "b.jsonl": recs.String(), "c.txt": "Third input."})
	opts := testOpts()
	opts.MaxArticles = 3
	docs, errs := load(t, opts, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "c.txt"))
	if got, want := strings.Join(ids(docs), ","), "a,r0,r1"; got != want {
		t.Errorf("documents %q, want %q", got, want)
	}
	want := []string{
		filepath.Join(dir, "b.jsonl") + ": 3 articles skipped: the run is over the limit of 3 articles",
		filepath.Join(dir, "c.txt") + ": 1 article skipped: the run is over the limit of 3 articles",
	}
	if got := errStrings(errs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
	for _, e := range errs {
		if !errors.Is(e, ErrTooMany) {
			t.Errorf("%q is not ErrTooMany", e)
		}
	}
}

// BenchmarkCheckHTML against BenchmarkExtractHTML: what the depth check
// adds to reading a page.
func BenchmarkCheckHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		_ = checkHTML(data, DefaultMaxDepth, "HTML")
	}
}

func BenchmarkExtractHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := extractHTML(data, "https://example.com/a"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFragmentOverParserCeiling: markup the fragment parser refuses is
// read as text without its tags, not pasted into the article.
func TestFragmentOverParserCeiling(t *testing.T) {
	in := "<p>The minister resigned on Tuesday.</p>" + strings.Repeat("<ul><li>", 300) + "Last item."
	got := htmlFragmentText(in)
	if strings.Contains(got, "<") {
		t.Errorf("markup in the text: %.200q", got)
	}
	for _, want := range []string{"The minister resigned on Tuesday.", "Last item."} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q: %.200q", want, got)
		}
	}
}
