package load

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func TestJSONContainers(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		opts    func(*Options)
		ids     []string
		texts   []string // checked when set
		origins []string // checked when set
		errs    []string // without the "<dir>/" prefix
	}{{
		name:    "line over MaxBytes is skipped and reading goes on",
		file:    "long.jsonl",
		content: `{"id":"a","text":"first"}` + "\n" + `{"id":"b","text":"` + strings.Repeat("x", 3052) + `"}` + "\n" + `{"id":"c","text":"third"}` + "\n",
		opts:    func(o *Options) { o.MaxBytes = 1024 },
		ids:     []string{"a", "c"},
		errs:    []string{"long.jsonl:2: line is 3.0 KB, over the 1.0 KB limit"},
	}, {
		name:    "last line over MaxBytes without a newline",
		file:    "tail.ndjson",
		content: `{"id":"a","text":"first"}` + "\n" + `{"id":"b","text":"` + strings.Repeat("y", 2000) + `"}`,
		opts:    func(o *Options) { o.MaxBytes = 1024 },
		ids:     []string{"a"},
		errs:    []string{"tail.ndjson:2: line is 2.0 KB, over the 1.0 KB limit"},
	}, {
		name:    "CRLF lines and blank lines",
		file:    "crlf.jsonl",
		content: "\r\n" + `{"text":"one"}` + "\r\n\r\n" + `{"text":"two"}` + "\r\n",
		ids:     []string{"crlf#1", "crlf#2"},
		origins: []string{"crlf.jsonl:2", "crlf.jsonl:4"},
	}, {
		name:    "single object",
		file:    "one.json",
		content: `{"title": "Only", "text": "Just one article."}`,
		ids:     []string{"one#1"},
		texts:   []string{"Just one article."},
	}, {
		name:    "pretty-printed objects one after another",
		file:    "pretty.json",
		content: "{\n  \"id\": \"p1\",\n  \"text\": \"First {not a brace} \\\"quoted\\\"\"\n}\n{\n  \"id\": \"p2\",\n  \"text\": \"Second\"\n}\n",
		ids:     []string{"p1", "p2"},
		texts:   []string{`First {not a brace} "quoted"`, "Second"},
		origins: []string{"pretty.json:1", "pretty.json:5"},
	}, {
		name:    "JSON lines in a .json file",
		file:    "lines.json",
		content: `{"id":"l1","text":"one"}` + "\n" + `{"id":"l2","text":"two"` + "\n" + `{"id":"l3","text":"three"}` + "\n",
		ids:     []string{"l1", "l3"},
		errs:    []string{"lines.json:2: invalid JSON: unexpected end of JSON input"},
	}, {
		name:    "array with a bad element",
		file:    "arr.json",
		content: "[\n" + `{"id":"x1","text":"one"},` + "\n" + `{"id":"x2","text": tru},` + "\n" + `"just a string",` + "\n" + `{"id":"x3","body":["Para one.","Para two."]}` + "\n]\n",
		ids:     []string{"x1", "x3"},
		texts:   []string{"one", "Para one.\n\nPara two."},
		errs: []string{
			"arr.json:3: invalid JSON: invalid character '}' in literal true (expecting 'e')",
			"arr.json:4: record is not a JSON object",
		},
	}, {
		name:    "array element over MaxBytes",
		file:    "bigarr.json",
		content: `[{"id":"s","text":"small"},{"id":"b","text":"` + strings.Repeat("z", 2048) + `"},{"id":"t","text":"tiny"}]`,
		opts:    func(o *Options) { o.MaxBytes = 1024 },
		ids:     []string{"s", "t"},
		errs:    []string{"bigarr.json:1: record is 2.0 KB, over the 1.0 KB limit"},
	}, {
		name:    "truncated array",
		file:    "cut.json",
		content: "[\n" + `{"id":"c1","text":"one"},` + "\n" + `{"id":"c2","text":"tw`,
		ids:     []string{"c1"},
		errs:    []string{"cut.json:3: invalid JSON: unexpected end of file"},
	}, {
		name:    "missing comma in array",
		file:    "nocomma.json",
		content: `[{"id":"n1","text":"one"} {"id":"n2","text":"two"}]`,
		ids:     []string{"n1"},
		errs:    []string{`nocomma.json:1: invalid JSON: expected ',' or ']' after array element, found '{'`},
	}, {
		name:    "blank beyond the sniffed start",
		file:    "spaces.jsonl",
		content: strings.Repeat(" \n", 5000),
		errs:    []string{"spaces.jsonl: file is empty"},
	}, {
		name:    "empty array",
		file:    "none.json",
		content: "[ ]",
		errs:    []string{"none.json: no records found"},
	}, {
		name:    "keys are case-insensitive, lower case wins",
		file:    "case.jsonl",
		content: `{"TITLE":"upper","Title":"mixed","title":"lower","TEXT":"Body text.","Published_At":"2024-01-02T03:04:05Z"}` + "\n",
		ids:     []string{"case#1"},
		texts:   []string{"Body text."},
	}, {
		name:    "record not valid UTF-8",
		file:    "latin.jsonl",
		content: "{\"id\":\"l\",\"text\":\"Caf\xe9 au lait\"}\n",
		ids:     []string{"l"},
		texts:   []string{"Café au lait"},
	}, {
		name:    "empty html field",
		file:    "nohtml.jsonl",
		content: `{"id":"h","html":"  "}` + "\n",
		errs:    []string{`nohtml.jsonl:1: record's "html" field is empty`},
	}, {
		name:    "html without article",
		file:    "emptyhtml.jsonl",
		content: `{"id":"h","html":"<html><body><script>x()</script></body></html>"}` + "\n",
		errs:    []string{"emptyhtml.jsonl:1: no article text found in HTML"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{tt.file: tt.content})
			opts := testOpts()
			if tt.opts != nil {
				tt.opts(&opts)
			}
			docs, errs := load(t, opts, filepath.Join(dir, tt.file))
			var gotErrs []string
			for _, e := range errs {
				gotErrs = append(gotErrs, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
				if strings.Contains(e.Error(), " limit") && !errors.Is(e, ErrTooLarge) {
					t.Errorf("%v does not wrap ErrTooLarge", e)
				}
			}
			if !reflect.DeepEqual(gotErrs, tt.errs) {
				t.Errorf("errors:\n got %q\nwant %q", gotErrs, tt.errs)
			}
			if got := ids(docs); !reflect.DeepEqual(got, tt.ids) && (len(got) != 0 || len(tt.ids) != 0) {
				t.Errorf("IDs = %q, want %q", got, tt.ids)
			}
			for i, want := range tt.texts {
				if i < len(docs) && docs[i].Text != want {
					t.Errorf("%s: text = %q, want %q", docs[i].ID, docs[i].Text, want)
				}
			}
			for i, want := range tt.origins {
				if i < len(docs) && docs[i].Origin != filepath.Join(dir, want) {
					t.Errorf("%s: origin = %q, want %q", docs[i].ID, docs[i].Origin, want)
				}
			}
		})
	}
}

func TestRecordFields(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"f.jsonl": `{"TITLE":"upper","title":"lower","text":"x","Published_At":"2024-01-02T03:04:05Z","publisher":{"Title":"Org Title"},"Author":[{"name":"A"},"B"]}` + "\n" +
			`{"text":"y","date":"sometime soon","outlet":"Plain","lang":"de","url":"https://e.example/y","summary":"Short."}` + "\n" +
			"{\"id\":\"l\",\"text\":\"Caf\xe9\"}\n",
	})
	docs, errs := load(t, testOpts(), filepath.Join(dir, "f.jsonl"))
	if len(errs) != 0 || len(docs) != 3 {
		t.Fatalf("docs %q, errors %q", ids(docs), errStrings(errs))
	}
	checkDoc(t, docs[0], want{title: "lower", outlet: "Org Title", author: "A, B", published: date("2024-01-02T03:04:05Z")})
	checkDoc(t, docs[1], want{outlet: "Plain", lang: "de", url: "https://e.example/y", description: "Short.",
		warnings: []string{`date "sometime soon" not understood`}})
	checkDoc(t, docs[2], want{warnings: []string{"not valid UTF-8; decoded as windows-1252"}})
}

func TestUTF16JSONLines(t *testing.T) {
	content := `{"id":"u","text":"Grüße aus Köln"}` + "\n"
	units := utf16.Encode([]rune(content))
	b := []byte{0xff, 0xfe}
	for _, u := range units {
		b = append(b, byte(u), byte(u>>8))
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "u16.jsonl")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	docs, errs := load(t, testOpts(), p)
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("docs %q, errors %q", ids(docs), errStrings(errs))
	}
	checkDoc(t, docs[0], want{id: "u", first: "Grüße aus Köln", warnings: []string{"not valid UTF-8; decoded as utf-16le"}})
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		inputs []string
		ids    []string
		format Format
		errs   []string
	}{
		{name: "text", stdin: "Plain words on stdin.", inputs: []string{"-"}, ids: []string{"stdin"}, format: FormatText},
		{name: "html", stdin: "<!doctype html><html><body><article><p>" + strings.Repeat("An HTML page on standard input. ", 12) + "</p></article></body></html>",
			inputs: []string{"-"}, ids: []string{"stdin"}, format: FormatHTML},
		{name: "records", stdin: `{"text":"a"}` + "\n" + `{"id":"named","text":"b"}` + "\n" + `{"text":"c"}`,
			inputs: []string{"-"}, ids: []string{"stdin#1", "named", "stdin#3"}, format: FormatJSON},
		{name: "empty", stdin: "  \n", inputs: []string{"-"}, errs: []string{"stdin: standard input is empty"}},
		{name: "twice", stdin: "Once.", inputs: []string{"-", "-"}, ids: []string{"stdin"}, format: FormatText,
			errs: []string{"stdin: standard input can only be read once"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := testOpts()
			opts.Stdin = strings.NewReader(tt.stdin)
			docs, errs := load(t, opts, tt.inputs...)
			if got := errStrings(errs); !reflect.DeepEqual(got, tt.errs) && (len(got) != 0 || len(tt.errs) != 0) {
				t.Errorf("errors = %q, want %q", got, tt.errs)
			}
			if got := ids(docs); !reflect.DeepEqual(got, tt.ids) && (len(got) != 0 || len(tt.ids) != 0) {
				t.Errorf("IDs = %q, want %q", got, tt.ids)
			}
			for _, d := range docs {
				if d.Format != tt.format || d.Input != "-" {
					t.Errorf("%s: format %s, input %q", d.ID, d.Format, d.Input)
				}
			}
		})
	}
}

// writeJSONLines writes n generated records and returns the path.
func writeJSONLines(tb testing.TB, dir string, n int) string {
	tb.Helper()
	p := filepath.Join(dir, "big.jsonl")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	para := strings.Repeat("The committee met again on Tuesday to discuss the harbour budget. ", 12)
	for i := range n {
		fmt.Fprintf(w, `{"id":"rec-%06d","title":"Article %d","outlet":"Outlet %d","published":"2024-05-01T08:00:00Z","text":"%s\n\n%s"}`+"\n",
			i, i, i%7, para, para)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestLargeJSONLinesInOrder: records decoded by many workers still arrive
// in file order.
func TestLargeJSONLinesInOrder(t *testing.T) {
	p := writeJSONLines(t, t.TempDir(), 5000)
	opts := testOpts()
	opts.Workers = 8
	n := 0
	err := Each(t.Context(), []string{p}, opts, func(d Document) error {
		if want := fmt.Sprintf("rec-%06d", n); d.ID != want {
			return fmt.Errorf("document %d is %s, want %s", n, d.ID, want)
		}
		n++
		return nil
	}, func(e *InputError) { t.Error(e) })
	if err != nil {
		t.Fatal(err)
	}
	if n != 5000 {
		t.Fatalf("got %d documents", n)
	}
}

func TestEachStopsWhenDocFails(t *testing.T) {
	p := writeJSONLines(t, t.TempDir(), 1000)
	stop := errors.New("enough")
	n := 0
	err := Each(t.Context(), []string{p, "testdata/article.html"}, testOpts(), func(d Document) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	}, nil)
	if !errors.Is(err, stop) || n != 10 {
		t.Fatalf("err = %v after %d documents, want %v after 10", err, n, stop)
	}
}

func TestEachHonoursCancel(t *testing.T) {
	p := writeJSONLines(t, t.TempDir(), 1000)
	ctx, cancel := context.WithCancel(t.Context())
	n := 0
	err := Each(ctx, []string{p}, testOpts(), func(d Document) error {
		n++
		if n == 5 {
			cancel()
		}
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) || n != 5 {
		t.Fatalf("err = %v after %d documents, want context.Canceled after 5", err, n)
	}

	// A stdin that never ends must not hold Each up once ctx is done.
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel = context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	opts := testOpts()
	opts.Stdin = pr
	start := time.Now()
	err = Each(ctx, []string{"-"}, opts, func(Document) error { return nil }, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 5*time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}

	docs, errs := Load(ctx, []string{"testdata/article.html"}, testOpts())
	if len(docs) != 0 || len(errs) != 1 || errs[0].Error() != "loading: context deadline exceeded" {
		t.Fatalf("Load after cancel: %d docs, errors %q", len(docs), errStrings(errs))
	}
}

func BenchmarkEachJSONLines(b *testing.B) {
	const n = 20000
	p := writeJSONLines(b, b.TempDir(), n)
	fi, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	opts := testOpts()
	for b.Loop() {
		got := 0
		err := Each(b.Context(), []string{p}, opts, func(Document) error { got++; return nil }, func(e *InputError) { b.Fatal(e) })
		if err != nil || got != n {
			b.Fatalf("err %v, %d documents", err, got)
		}
	}
}
