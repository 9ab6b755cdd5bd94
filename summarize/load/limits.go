package load

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"

	"golang.org/x/net/html"
)

// Defaults for the limits that are not about size. Each one is a flag in
// the CLI; going over one skips the item, never the run.
const (
	// DefaultMaxArticles bounds how many documents one run reads. A day of
	// a large wire service is a few thousand; 100,000 is a month of many.
	DefaultMaxArticles = 100_000
	// DefaultMaxLineBytes bounds one line of a text, Markdown or JSON-lines
	// input. Prose never comes near it; what does is minified code, a
	// base64 blob or a binary file that passed as text, and every stage
	// after loading works line by line.
	DefaultMaxLineBytes = 4 << 20
	// DefaultMaxDepth bounds element nesting in HTML and XML and value
	// nesting in JSON. Real pages nest a few dozen deep. The HTML parser
	// costs time proportional to the depth for each element, and the
	// extractors walk the tree recursively, so a page of 100,000 unclosed
	// <div>s would cost minutes and a deep stack.
	DefaultMaxDepth = 512
)

// htmlParserMaxDepth is x/net/html's own ceiling on open elements: past
// it the parser gives up on the page, whatever MaxDepth says.
const htmlParserMaxDepth = 512

// htmlDepthLimit is the nesting an HTML page may have under limit.
func htmlDepthLimit(limit int) int { return min(limit, htmlParserMaxDepth) }

// ErrTooMany is wrapped by the error that reports documents skipped over
// Options.MaxArticles.
var ErrTooMany = errors.New("over the article limit")

// ErrLineTooLong is wrapped by errors for inputs with a line over
// Options.MaxLineBytes.
var ErrLineTooLong = errors.New("over the line-length limit")

// ErrTooDeep is wrapped by errors for inputs nested deeper than
// Options.MaxDepth.
var ErrTooDeep = errors.New("over the nesting limit")

func tooDeep(what string, limit int) error {
	return withMsg(ErrTooDeep, "%s nests deeper than the limit of %d levels", what, limit)
}

func lineTooLong(size, limit int64) error {
	return withMsg(ErrLineTooLong, "has a line of %s, over the %s line-length limit", humanSize(size), humanSize(limit))
}

// longestLine is the length of the longest line in data, counted up to
// limit+1 so that a caller can stop caring once it is over.
func longestLine(data []byte, limit int64) int64 {
	var longest int64
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			i = len(data)
		}
		if n := int64(i); n > longest {
			longest = n
			if longest > limit {
				return longest
			}
		}
		data = data[min(i+1, len(data)):]
	}
	return longest
}

// jsonTooDeep reports whether the JSON text nests arrays and objects more
// than limit deep. It only tracks strings and brackets, so it is linear
// and never allocates; whether the text is valid JSON is the decoder's
// business.
func jsonTooDeep(data []byte, limit int) bool {
	depth := 0
	var str jsonString
	for _, c := range data {
		switch {
		case str.in:
			str.step(c)
		case c == '"':
			str.in = true
		case c == '[' || c == '{':
			depth++
			if depth > limit {
				return true
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return false
}

// Past these, a page is generated, not written, and costs the parser and
// the extractors more than any article is worth: trafilatura took 53 s
// and 4.5 GB on 8 MB of "<p>x", and x/net/html's merging of a repeated
// <html> or <body> tag's attributes is quadratic (85 s on 290 KB).
const (
	maxHTMLElements   = 200_000
	maxHTMLAttributes = 1_000 // on one element, and on repeated <html>/<body> tags together
)

// ErrTooComplex is wrapped by errors for HTML built to be expensive to
// parse: more elements or attributes than any page has. No flag raises it.
var ErrTooComplex = errors.New("too complex to parse")

// checkHTML refuses HTML whose tree would be more than limit deep, or
// whose shape makes parsing it cost far more than its size, without
// parsing it. The depth follows the parser's main rules: void elements
// and elements whose end tag may be left out never make the tree deeper,
// and an end tag closes every element opened after the one it names;
// stray end tags are ignored. That makes it an upper bound that real
// pages stay far under, found in one linear pass.
func checkHTML(data []byte, limit int, what string) error {
	z := html.NewTokenizer(bytes.NewReader(data))
	var stack []string
	open := make(map[string]int)
	elements, repeatedAttrs, roots := 0, 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			elements++
			if elements > maxHTMLElements {
				return withMsg(ErrTooComplex, "%s has more than %d elements, more than any article page", what, maxHTMLElements)
			}
			attrs := 0
			for hasAttr {
				_, _, hasAttr = z.TagAttr()
				attrs++
			}
			if attrs > maxHTMLAttributes {
				return withMsg(ErrTooComplex, "%s has an element with %d attributes, more than any article page", what, attrs)
			}
			if tag == "html" || tag == "body" {
				// The parser merges a repeated <html> or <body> tag's
				// attributes into the first, comparing each with all.
				if roots++; roots > 2 {
					repeatedAttrs += attrs
				}
				if repeatedAttrs > maxHTMLAttributes {
					return withMsg(ErrTooComplex, "%s repeats <html> or <body> with %d attributes in all", what, repeatedAttrs)
				}
			}
			// A self-closing slash means nothing on an HTML element that
			// is not void: <div/> opens a div.
			if htmlFlat[tag] || rawTextTag[tag] {
				continue
			}
			stack = append(stack, tag)
			open[tag]++
			if len(stack) > limit {
				return tooDeep(what, limit)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if open[tag] == 0 {
				continue
			}
			for len(stack) > 0 {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				open[top]--
				if top == tag {
					break
				}
			}
		}
	}
}

// htmlFlat are the elements that cannot nest: void elements, and those
// whose end tag is optional and which the next sibling closes.
var htmlFlat = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
	"param": true, "keygen": true, "frame": true, "basefont": true, "bgsound": true,
	"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true,
	"option": true, "optgroup": true, "thead": true, "tbody": true, "tfoot": true,
	"colgroup": true, "caption": true, "rb": true, "rt": true, "rp": true, "rtc": true,
	"html": true, "head": true, "body": true,
}

// rawTextTag are the elements whose content the tokenizer reads as text,
// so they hold no elements; their end tag comes in the next token.
var rawTextTag = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "plaintext": true,
}

// xmlTooDeep reports whether an XML document nests elements more than
// limit deep. RawToken does not match end tags to start tags, which is
// what a lenient feed parser does too.
func xmlTooDeep(data []byte, limit int) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	depth := 0
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			if depth > limit {
				return true
			}
		case xml.EndElement:
			if depth > 0 {
				depth--
			}
		}
	}
}

// checkDepth refuses an HTML page or a feed that nests deeper than the
// limit. JSON records are checked one by one as they are decoded;
// Markdown and text have no nesting to speak of.
func (l *loader) checkDepth(k kind, data []byte) error {
	limit := l.opts.MaxDepth
	switch k {
	case kindHTML:
		return checkHTML(data, htmlDepthLimit(limit), "HTML")
	case kindFeed:
		head := bytes.TrimLeft(data[:min(len(data), sniffLen)], " \t\r\n")
		if len(head) > 0 && (head[0] == '{' || head[0] == '[') {
			if jsonTooDeep(data, limit) {
				return tooDeep("JSON feed", limit)
			}
		} else if xmlTooDeep(data, limit) {
			return tooDeep("XML", limit)
		}
	}
	return nil
}

// checkLines refuses text with a line over the limit.
func (l *loader) checkLines(data []byte) error {
	if n := longestLine(data, l.opts.MaxLineBytes); n > l.opts.MaxLineBytes {
		return lineTooLong(n, l.opts.MaxLineBytes)
	}
	return nil
}

// articleCap counts delivered documents against Options.MaxArticles and
// reports those over it once per input, not once per document, so that a
// million-line file over the limit costs one message.
type articleCap struct {
	limit   int
	n       int
	input   string // the input whose skipped documents are being counted
	skipped int
}

// admit reports whether d may be delivered. When it may not, the skip is
// counted; flush reports the count.
func (c *articleCap) admit(d *Document) bool {
	if c.n < c.limit {
		c.n++
		return true
	}
	c.skipped++
	c.input = d.Input
	return false
}

// flush returns the report for the documents skipped since the last
// flush, or nil.
func (c *articleCap) flush() *InputError {
	if c.skipped == 0 {
		return nil
	}
	what := "1 article"
	if c.skipped > 1 {
		what = fmt.Sprintf("%d articles", c.skipped)
	}
	limit := "1 article"
	if c.limit != 1 {
		limit = fmt.Sprintf("%d articles", c.limit)
	}
	e := &InputError{Input: c.input, Err: withMsg(ErrTooMany, "%s skipped: the run is over the limit of %s", what, limit)}
	c.skipped, c.input = 0, ""
	return e
}
