package load

import (
	"strings"

	"golang.org/x/net/html"
)

// blockTags end the paragraph before them and start a new one after them.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "dd": true, "details": true, "dialog": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true,
	"html": true, "legend": true, "li": true, "main": true, "menu": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "summary": true, "table": true,
	"tbody": true, "tfoot": true, "thead": true, "tr": true, "ul": true,
	// trafilatura's own names, in case its output keeps them.
	"head": true, "list": true, "item": true, "quote": true, "row": true,
}

// skipTags hold no article text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"math": true, "iframe": true, "object": true, "embed": true, "canvas": true,
	"button": true, "select": true, "textarea": true, "input": true, "title": true,
	"img": true, "picture": true, "video": true, "audio": true, "map": true,
}

// renderBlocks rebuilds paragraph text from an HTML tree: every block
// element becomes its own paragraph, separated by a blank line, with the
// whitespace inside collapsed as a browser would. Extractors' own text
// output runs blocks together or splits them on every newline of the
// source, and the segmenter downstream depends on real paragraph breaks.
func renderBlocks(n *html.Node) string {
	if n == nil {
		return ""
	}
	r := &blockRenderer{}
	r.walk(n)
	r.flush()
	return validText(strings.Join(r.paras, "\n\n"))
}

type blockRenderer struct {
	paras []string
	cur   strings.Builder
	pre   int  // depth of <pre>, where line breaks are content
	br    bool // the last thing seen was a <br>
	cell  bool // a table cell was written in the current row
	// bullet marks the next paragraph as a list item, even when the item's
	// text sits in a nested block (<li><p>...</p></li>).
	bullet bool
}

func (r *blockRenderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if r.pre > 0 {
			r.cur.WriteString(n.Data)
		} else {
			r.cur.WriteString(strings.Map(func(c rune) rune {
				if c == '\n' || c == '\r' {
					return ' '
				}
				return c
			}, n.Data))
		}
		if strings.TrimSpace(n.Data) != "" {
			r.br = false
		}
		return
	case html.ElementNode:
	case html.DocumentNode:
		r.children(n)
		return
	default:
		return
	}

	tag := strings.ToLower(n.Data)
	if skipTags[tag] {
		return
	}
	switch tag {
	case "br", "lb":
		// One <br> is a line break within the paragraph; two in a row is
		// how many pages separate paragraphs.
		if r.br {
			r.flush()
			r.br = false
		} else {
			r.cur.WriteByte('\n')
			r.br = true
		}
		return
	case "td", "th", "cell":
		if r.cell {
			r.cur.WriteString(" | ")
		}
		r.children(n)
		r.cur.WriteByte(' ')
		r.cell = true
		return
	}
	if !blockTags[tag] {
		r.children(n)
		return
	}
	r.flush()
	if tag == "pre" {
		r.pre++
	}
	if tag == "tr" || tag == "row" {
		r.cell = false
	}
	if tag == "li" || tag == "item" {
		// Keep list items recognisable as such: a fact in a bullet is
		// content, while a short line without one reads as a heading.
		r.bullet = true
	}
	r.children(n)
	if tag == "pre" {
		r.pre--
	}
	r.flush()
}

func (r *blockRenderer) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

// flush ends the current paragraph: whitespace runs collapse to one space,
// line breaks survive as single newlines.
func (r *blockRenderer) flush() {
	r.br = false
	r.cell = false
	if r.cur.Len() == 0 {
		return
	}
	var lines []string
	for line := range strings.SplitSeq(r.cur.String(), "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	r.cur.Reset()
	if len(lines) > 0 {
		if r.bullet {
			lines[0] = "- " + lines[0]
			r.bullet = false
		}
		r.paras = append(r.paras, strings.Join(lines, "\n"))
	}
}
