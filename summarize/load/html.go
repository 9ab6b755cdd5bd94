package load

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var errNoArticleText = errors.New("no article text found in HTML")

// minExtracted is the length (in characters) below which trafilatura's
// result is suspect and readability gets a chance to do better. It matches
// trafilatura's own threshold for falling back to its baseline, which runs
// the text of all paragraphs together.
const minExtracted = 250

// page is what main-content extraction yields.
type page struct {
	text string
	meta Meta
	url  string // the page's own idea of its URL (canonical, og:url), else pageURL
}

// extractHTML finds the article in an HTML page (already UTF-8) with
// trafilatura, falling back to readability when trafilatura finds little.
// Both parse the same tree, built here with x/net/html so that no library
// second-guesses the encoding of bytes that are already transcoded.
func extractHTML(data []byte, pageURL string) (_ page, err error) {
	// The extractors are large and see hostile markup; a panic in one must
	// cost only this page (or record), not the batch it is read with.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("HTML extraction failed: %v", r)
		}
	}()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		// The parser's only error besides reading is its depth ceiling,
		// which checkHTML's estimate can miss by a little.
		if strings.Contains(err.Error(), "open stack of elements") {
			return page{}, tooDeep("HTML", htmlParserMaxDepth)
		}
		return page{}, fmt.Errorf("HTML could not be parsed: %s", oneLine(err.Error()))
	}
	var base *url.URL
	if u, err := url.Parse(pageURL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		base = u
	}
	// Read before the extractors run: they prune and rewrite the tree.
	decl := readDeclared(doc)
	lang := decl.lang

	cfg := trafilatura.DefaultConfig()
	// Keep metadata even when there is no text, so readability's text can
	// be paired with it; "no text" is decided below.
	cfg.MinOutputSize = 0
	cfg.MinOutputCommentSize = 0
	res, terr := trafilatura.ExtractDocument(doc, trafilatura.Options{
		Config:          cfg,
		OriginalURL:     base,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
	})
	var p page
	if terr == nil && res != nil {
		p.text = renderBlocks(res.ContentNode)
		md := res.Metadata
		p.meta = Meta{
			Title:       oneLine(md.Title),
			Outlet:      oneLine(md.Sitename),
			Author:      oneLine(md.Author),
			Description: oneLine(md.Description),
			Published:   md.Date,
		}
		p.url = md.URL
		if lang == "" {
			lang = md.Language
		}
		if p.meta.Outlet == "" {
			p.meta.Outlet = md.Hostname
		}
	}

	if terr != nil || utf8.RuneCountInString(p.text) < minExtracted {
		parser := readability.NewParser()
		art, rerr := parser.ParseDocument(doc, base)
		if rerr == nil {
			if rt := renderBlocks(art.Node); betterText(rt, p.text) {
				p.text = rt
			}
			fill(&p.meta.Title, oneLine(art.Title()))
			fill(&p.meta.Author, oneLine(art.Byline()))
			fill(&p.meta.Outlet, oneLine(art.SiteName()))
			if lang == "" {
				lang = art.Language()
			}
			if p.meta.Published.IsZero() {
				if t, err := art.PublishedTime(); err == nil {
					p.meta.Published = t
				}
			}
		}
	}
	p.meta.Language = lang
	if !decl.published.IsZero() {
		p.meta.Published = decl.published
	}
	if p.url == "" {
		p.url = pageURL
	}
	if p.meta.Outlet == "" {
		p.meta.Outlet = hostname(p.url)
	}
	p.text = dropTitle(p.text, p.meta.Title)
	if strings.TrimSpace(p.text) == "" {
		return p, errNoArticleText
	}
	return p, nil
}

// dropTitle removes a first paragraph that only repeats the title (the
// page's <h1>, kept by the extractors): it is in Meta.Title already, and
// as a paragraph it would pass for the article's first sentence.
func dropTitle(text, title string) string {
	first, rest, ok := strings.Cut(text, "\n\n")
	if ok && title != "" && strings.EqualFold(first, title) {
		return rest
	}
	return text
}

// betterText compares by words, not characters: trafilatura's baseline
// glues paragraphs together ("damaged.The"), which loses words but hardly
// any characters.
func betterText(candidate, current string) bool {
	cw, w := wordCount(candidate), wordCount(current)
	return cw > w || (cw == w && strings.Count(candidate, "\n\n") > strings.Count(current, "\n\n"))
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// fillMeta fills the fields dst lacks from src: what a record or feed item
// declared beats what its HTML page says.
func fillMeta(dst *Meta, src Meta) {
	fill(&dst.Title, src.Title)
	fill(&dst.Outlet, src.Outlet)
	fill(&dst.Author, src.Author)
	fill(&dst.Language, src.Language)
	fill(&dst.Description, src.Description)
	if dst.Published.IsZero() {
		dst.Published = src.Published
	}
}

func hostname(raw string) string {
	u, err := url.Parse(raw)
	// url.Parse lets raw bytes through in a host; an outlet name must be
	// text.
	if err != nil || u.Host == "" || !utf8.ValidString(u.Host) {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// declared is what a page's markup states outright, as opposed to what
// the extractors infer.
type declared struct {
	lang      string
	published time.Time
}

// publishedKeys name the <meta> tags that carry a full publication
// timestamp; trafilatura keeps only the day.
var publishedKeys = map[string]bool{
	"article:published_time": true, "og:published_time": true, "datepublished": true,
	"publishdate": true, "pubdate": true, "dc.date.issued": true, "dcterms.issued": true,
}

// readDeclared finds the language the page states in its metadata, else in
// <html lang>, and a declared publication time.
func readDeclared(doc *html.Node) declared {
	var d declared
	var metaLang, rootLang string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if rootLang == "" {
					rootLang = attr(n, "lang")
					if rootLang == "" {
						rootLang = attr(n, "xml:lang")
					}
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "http-equiv") + attr(n, "name") + attr(n, "property") + attr(n, "itemprop"))
				switch {
				case key == "content-language" || key == "language" || key == "dc.language" || key == "og:locale":
					fill(&metaLang, attr(n, "content"))
				case publishedKeys[key] && d.published.IsZero():
					if t, ok := parseDate(attr(n, "content")); ok {
						d.published = t
					}
				}
			case atom.Body:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	lang := metaLang
	if lang == "" {
		lang = rootLang
	}
	// "en_US" (og:locale) and "en-US, fr" (content-language) both mean en-US.
	lang, _, _ = strings.Cut(lang, ",")
	d.lang = strings.ReplaceAll(strings.TrimSpace(lang), "_", "-")
	return d
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// htmlFragmentText turns an HTML fragment (a feed item's content, a
// record's markup-laden text) into paragraph text, without extraction:
// the fragment is already the article.
func htmlFragmentText(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		// The parser's only error is its depth ceiling; the markup must
		// still not end up in the text.
		return tokenText(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return renderBlocks(root)
}

// looksLikeMarkup tells HTML that landed in a plain-text field from text
// that merely mentions a tag.
func looksLikeMarkup(s string) bool {
	head := s[:min(len(s), 4096)]
	if strings.IndexByte(head, '<') < 0 {
		return false
	}
	head = strings.ToLower(head)
	for _, tag := range []string{"<p>", "<p ", "</p>", "<br", "<div", "<li>", "<h2", "<blockquote"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}

// tokenText is the text of HTML without building its tree: text tokens,
// with a paragraph break at each block element. It is the fallback for
// markup the parser refuses.
func tokenText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := false // inside a script or style element
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			return plainText(b.String())
		case html.TextToken:
			if !skip {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			if n := string(name); n == "script" || n == "style" {
				skip = tt == html.StartTagToken
			} else if blockTag[n] {
				b.WriteString("\n\n")
			}
		}
	}
}

var blockTag = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "table": true,
	"section": true, "article": true, "pre": true, "dd": true, "dt": true, "figcaption": true,
}
