package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		text  string
		title string
	}{
		{"leading title", "# The Title\n\nBody text.", "Body text.", "The Title"},
		{"title after blank lines", "\n\n# The Title #\n\nBody.", "Body.", "The Title"},
		{"later h1 is a paragraph", "Intro.\n\n# Section\n\nMore.", "Intro.\n\nSection\n\nMore.", ""},
		{"soft-wrapped paragraph", "One line\ncontinues here.\n\nNext.", "One line continues here.\n\nNext.", ""},
		{"emphasis", "Some **bold**, *em*, __strong__, _it_ and ~~gone~~ words.", "Some bold, em, strong, it and gone words.", ""},
		{"snake_case survives", "Call my_func_name now.", "Call my_func_name now.", ""},
		{"arithmetic survives", "It is 2 * 3 * 4.", "It is 2 * 3 * 4.", ""},
		{"escapes", `Literal \*stars\* and \_under\_.`, "Literal *stars* and _under_.", ""},
		{"links and images", "See [the report](https://x.example/r \"T\") ![chart](c.png) and [ref][1].\n\n[1]: https://x.example", "See the report and ref.", ""},
		{"autolink and code", "Visit <https://x.example> or run `go test`.", "Visit https://x.example or run go test.", ""},
		{"lists", "Items:\n\n- first\n- second\n  continued\n1. third", "Items:\n\nfirst\n\nsecond continued\n\nthird", ""},
		{"quote", "> Quoted line\n> goes on.", "Quoted line goes on.", ""},
		{"setext heading", "Heading\n=======\n\nText.", "Heading\n\nText.", ""},
		{"rule", "Above.\n\n***\n\nBelow.", "Above.\n\nBelow.", ""},
		{"code fence", "Text.\n\n```go\nfmt.Println(\"*x*\")\n```\n\nAfter.", "Text.\n\nfmt.Println(\"*x*\")\n\nAfter.", ""},
		{"inline html", "A<br>B <span class=\"x\">c</span>.", "A B c.", ""},
		{"front matter title and same h1", "---\ntitle: 'Same'\n---\n# Same\n\nBody.", "Body.", "Same"},
		{"front matter title and other h1", "---\ntitle: Meta title\n---\n# Shown\n\nBody.", "Shown\n\nBody.", "Meta title"},
		{"unclosed front matter is text", "---\ntitle: x\n\nBody.", "title: x\n\nBody.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := parseMarkdown(tt.in)
			if md.text != tt.text {
				t.Errorf("text = %q, want %q", md.text, tt.text)
			}
			if md.meta.Title != tt.title {
				t.Errorf("title = %q, want %q", md.meta.Title, tt.title)
			}
		})
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	md := parseMarkdown("---\n" +
		"Title: \"Quoted: with colon\"\n" +
		"date: 2024-02-05T10:00:00+01:00\n" +
		"authors:\n  - Ann One\n  - Bob Two\n" +
		"outlet: The Paper # a comment\n" +
		"lang: nl\n" +
		"description: Short summary.\n" +
		"link: https://paper.example/x\n" +
		"---\nBody.")
	want := Meta{Title: "Quoted: with colon", Outlet: "The Paper", Author: "Ann One, Bob Two", Language: "nl",
		Description: "Short summary.", Published: date("2024-02-05T10:00:00+01:00")}
	if md.meta != want || md.url != "https://paper.example/x" || md.text != "Body." {
		t.Errorf("got %+v %q %q\nwant %+v", md.meta, md.url, md.text, want)
	}
	md = parseMarkdown("---\ndate: someday\n---\nBody.")
	if len(md.warnings) != 1 || md.warnings[0] != `front matter date "someday" not understood` {
		t.Errorf("warnings = %q", md.warnings)
	}
}

func TestRenderBlocks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>One\n  two</p><p>Three</p>", "One two\n\nThree"},
		{"inline elements join", "<p>A<b>b</b> <i>c</i>&nbsp;d</p>", "Ab c d"},
		{"div with direct text", "<div>Lead text<p>Para</p>tail text</div>", "Lead text\n\nPara\n\ntail text"},
		{"single br is a line break", "<p>Line one<br>Line two</p>", "Line one\nLine two"},
		{"double br is a paragraph break", "<div>Para one<br><br>\n<br>Para two</div>", "Para one\n\nPara two"},
		{"headings and lists", "<h2>Head</h2><ul><li>a</li><li><p>b</p></li></ul>", "Head\n\n- a\n\n- b"},
		{"table rows", "<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ann</td><td>12</td></tr></table>", "Name | Votes\n\nAnn | 12"},
		{"pre keeps lines", "<pre>line 1\n  line 2</pre>", "line 1\nline 2"},
		{"blockquote", "<p>Said:</p><blockquote>Quote</blockquote>", "Said:\n\nQuote"},
		{"skipped elements", "<p>Text<script>x()</script><style>p{}</style><button>Share</button><img alt=a></p>", "Text"},
		{"entities", "<p>Fish &amp; chips &lt;3 &#8212; &eacute;</p>", "Fish & chips <3 — é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlFragmentText(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMalformedHTMLNeverPanics feeds garbage straight to the extractors,
// without the recover that guards jobs.
func TestMalformedHTMLNeverPanics(t *testing.T) {
	inputs := []string{
		"", "<", "<<<>>>", "<html", "<p>unclosed <b><i><u>", "</p></div></html>",
		"<table><tr><td><table><td>", "<!-- never closed", "<script>never closed",
		"<html><body>" + strings.Repeat("<div>", 5000) + "deep" + strings.Repeat("</span>", 10),
		"<svg><foreignObject><p>x</svg></p>", "<frameset><frame src=x></frameset>",
		"<p>\x00\x01\x02 control</p>", "<meta charset=\"bogus\"><p>text</p>",
		"<html><head><script type=\"application/ld+json\">{\"articleBody\": [1,</script></head><body><article>x</article></body></html>",
	}
	for _, in := range inputs {
		_, _ = extractHTML([]byte(in), "https://x.example/p")
		_ = htmlFragmentText(in)
	}
	b, err := os.ReadFile("testdata/broken.html")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(b); i += 7 {
		_, _ = extractHTML(b[:i], "")
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head string
		want kind
	}{
		{"<!DOCTYPE html><html>", kindHTML},
		{"  \n<html lang=en>", kindHTML},
		{"<p>Fragment</p>", kindHTML},
		{"<!-- saved from url --><html>", kindHTML},
		{`<?xml version="1.0"?><rss version="2.0">`, kindFeed},
		{`<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">`, kindFeed},
		{`<rdf:RDF xmlns:rdf="x">`, kindFeed},
		{`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, kindHTML},
		{`{"version": "https://jsonfeed.org/version/1.1", "items": []}`, kindFeed},
		{`{"title": "x", "text": "y"}`, kindJSON},
		{`[{"text": "y"}]`, kindJSON},
		{"Just text with a <p> in it.", kindText},
		{"< 3 is less", kindText},
	}
	for _, tt := range tests {
		if got := sniffKind([]byte(tt.head)); got != tt.want {
			t.Errorf("sniffKind(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func TestBinaryKind(t *testing.T) {
	tests := []struct {
		head   string
		name   string
		binary bool
	}{
		{"%PDF-1.4", "PDF", true},
		{"PK\x03\x04rest", "ZIP archive", true},
		{"RIFF\x00\x00\x00\x00WEBPVP8", "WebP image", true},
		{"text\x00with NUL", "", true},
		{strings.Repeat("\x01\x02\x03abcdefg", 50), "", true},
		{"Legacy text with one stray \x1a control byte in a long enough line of words.", "", false},
		{"Caf\xe9 cr\xe8me \x93quoted\x94", "", false},
		{"\x1b[1mANSI bold\x1b[0m text", "", false},
	}
	for _, tt := range tests {
		name, bin := binaryKind([]byte(tt.head))
		if name != tt.name || bin != tt.binary {
			t.Errorf("binaryKind(%q) = %q, %v; want %q, %v", tt.head, name, bin, tt.name, tt.binary)
		}
	}
}

// latin encodes s as Windows-1252.
func latin(s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name  string
		in    []byte
		k     kind
		ctype string
		want  string
		warn  string
	}{
		{"valid UTF-8 untouched", []byte("Grüße"), kindText, "", "Grüße", ""},
		{"valid UTF-8 beats a stale declaration", []byte("<meta charset=iso-8859-1>Grüße"), kindHTML, "", "<meta charset=iso-8859-1>Grüße", ""},
		{"undeclared falls back to windows-1252", latin("€5 café"), kindText, "", "€5 café", "not valid UTF-8; decoded as windows-1252"},
		{"HTTP charset", []byte{0xe0, 0xe9}, kindText, "text/plain; charset=iso-8859-15", "àé", "not valid UTF-8; decoded as iso-8859-15"},
		{"meta charset", append([]byte(`<meta charset="koi8-r">`), 0xf0, 0xd2, 0xc1, 0xd7, 0xc4, 0xc1), kindHTML, "", `<meta charset="koi8-r">Правда`, "not valid UTF-8; decoded as koi8-r"},
		{"meta http-equiv", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">`), 0x9a), kindHTML, "", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">š`, "not valid UTF-8; decoded as windows-1250"},
		{"XML declaration", append([]byte(`<?xml version="1.0" encoding="ISO-8859-2"?>`), 0xb1), kindFeed, "", `<?xml version="1.0" encoding="ISO-8859-2"?>ą`, "not valid UTF-8; decoded as iso-8859-2"},
		{"declared UTF-8 but is not", append([]byte(`<meta charset="utf-8">`), 0xe9), kindHTML, "", `<meta charset="utf-8">é`, "not valid UTF-8; decoded as windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warn := toUTF8(tt.in, tt.k, tt.ctype)
			if string(got) != tt.want || warn != tt.warn {
				t.Errorf("got %q, %q; want %q, %q", got, warn, tt.want, tt.warn)
			}
			if !utf8.Valid(got) {
				t.Errorf("result is not UTF-8")
			}
		})
	}
}

func TestEncodedFiles(t *testing.T) {
	dir := t.TempDir()
	utf16le := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	latinFeed, _ := charmap.ISO8859_1.NewEncoder().Bytes([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Le Journal</title>
<item><title>Fête à Montréal</title><link>https://journal.example/fete</link><description>La fête a réuni des milliers de personnes.</description></item>
</channel></rss>`))
	undeclaredFeed, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(`<rss version="2.0"><channel><title>Café News</title>
<item><title>Prix: 5 €</title><description>Le café coûte 5 €.</description></item></channel></rss>`))
	files := map[string][]byte{
		"bom.txt":         append([]byte{0xef, 0xbb, 0xbf}, "With a BOM."...),
		"u16.html":        utf16le("<html><body><article><p>" + strings.Repeat("Über die Brücke gehen viele Menschen. ", 10) + "</p></article></body></html>"),
		"latin.rss":       latinFeed,
		"undeclared.rss":  undeclaredFeed,
		"windows.md":      append([]byte("---\ntitle: "), latin("Résumé\n---\nTexte accentué.")...),
		"unknown-ext.dat": latin("Texte inconnu: été."),
	}
	var inputs []string
	for _, name := range []string{"bom.txt", "u16.html", "latin.rss", "undeclared.rss", "windows.md", "unknown-ext.dat"} {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, filepath.Join(dir, name))
	}
	opts := testOpts()
	opts.NoFetchLinked = true
	docs, errs := load(t, opts, inputs...)
	if len(errs) != 0 || len(docs) != 6 {
		t.Fatalf("documents %q, errors %q", ids(docs), errStrings(errs))
	}
	checkDoc(t, docs[0], want{id: "bom", first: "With a BOM."})
	checkDoc(t, docs[1], want{id: "u16", format: FormatHTML, has: []string{"Über die Brücke"}, warnings: []string{"not valid UTF-8; decoded as utf-16le"}})
	checkDoc(t, docs[2], want{title: "Fête à Montréal", outlet: "Le Journal", first: "La fête a réuni des milliers de personnes.",
		warnings: []string{"not valid UTF-8; decoded as windows-1252"}})
	checkDoc(t, docs[3], want{title: "Prix: 5 €", outlet: "Café News", first: "Le café coûte 5 €.",
		warnings: []string{"not valid UTF-8; decoded as windows-1252"}})
	checkDoc(t, docs[4], want{format: FormatMarkdown, title: "Résumé", first: "Texte accentué.",
		warnings: []string{"not valid UTF-8; decoded as windows-1252"}})
	checkDoc(t, docs[5], want{id: "unknown-ext", format: FormatText, first: "Texte inconnu: été.",
		warnings: []string{"not valid UTF-8; decoded as windows-1252"}})
}

// FuzzProcess: whatever the bytes, reading them neither panics nor yields
// text that is not UTF-8. Run with -fuzz to explore beyond the fixtures.
func FuzzProcess(f *testing.F) {
	for _, name := range []string{"article.html", "broken.html", "records.jsonl", "articles.json", "feed.rss", "feed.atom", "feed.json", "broken.xml", "story.md", "latin1.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	opts := testOpts()
	opts.NoFetchLinked = true
	l := newLoader(opts)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, it := range l.process(t.Context(), blob{data: data, src: source{name: "fuzz", id: "fuzz"}}) {
			if it.doc != nil && !utf8.ValidString(it.doc.Text) {
				t.Fatalf("text is not UTF-8: %q", it.doc.Text)
			}
			if it.err != nil && strings.Contains(it.err.Error(), "\n") {
				t.Fatalf("message spans lines: %q", it.err)
			}
		}
		_, _ = html.Parse(bytes.NewReader(data))
	})
}
