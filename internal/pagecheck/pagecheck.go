// Package pagecheck holds checks the tests of brief's self-contained HTML
// pages share.
package pagecheck

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// fetching are elements a browser loads something for.
var fetching = map[string]bool{"link": true, "img": true, "script": true, "iframe": true, "object": true, "embed": true,
	"video": true, "audio": true, "source": true, "track": true, "picture": true, "frame": true, "base": true, "form": true}

// NoFetches fails when the page holds anything a browser would load: an
// element that fetches, an attribute that names a resource (an inline
// style with a url() included), or a stylesheet that imports or points at
// a url(). It returns the number of <style> elements, which a page
// should keep to its one.
func NoFetches(t testing.TB, page string) (styles int) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	inStyle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return styles
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if fetching[tok.Data] {
				t.Errorf("page has a <%s> element", tok.Data)
			}
			if inStyle = tok.Data == "style"; inStyle {
				styles++
			}
			for _, a := range tok.Attr {
				switch {
				case a.Key == "src" || a.Key == "srcset" || a.Key == "poster" || a.Key == "data" || a.Key == "background":
					t.Errorf("<%s %s=%q> fetches", tok.Data, a.Key, a.Val)
				case a.Key == "style" && strings.Contains(a.Val, "url("):
					t.Errorf("<%s style=%q> fetches", tok.Data, a.Val)
				case strings.Contains(a.Val, "http") && !(tok.Data == "a" && a.Key == "href"):
					t.Errorf("<%s %s=%q> names an address outside a link", tok.Data, a.Key, a.Val)
				}
			}
		case html.TextToken:
			if inStyle {
				css := strings.ToLower(string(z.Text()))
				for _, bad := range []string{"@import", "url(", "http", "@font-face"} {
					if strings.Contains(css, bad) {
						t.Errorf("stylesheet contains %q", bad)
					}
				}
			}
		case html.EndTagToken:
			inStyle = false
		}
	}
}
