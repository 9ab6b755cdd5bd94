package briefing

import (
	"bytes"
	"strings"
	"testing"

	"github.com/brieftool/brief/summarize"
)

// hostile holds what a feed must not get onto the reader's terminal: an
// escape sequence (ESC), the bell that ends an OSC one (BEL), the C1
// CSI, a right-to-left override and a zero-width space.
var hostile = []string{"\x1b", "\x07", "\u009b", "\u202e", "\u200b"}

func checkClean(t *testing.T, what, out string) {
	t.Helper()
	for _, bad := range hostile {
		if strings.Contains(out, bad) {
			t.Errorf("%s contains %q:\n%q", what, bad, out)
		}
	}
}

func TestOneLineDropsControls(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Evil\x1b]0;pwned\x07 Wire", "Evil]0;pwned Wire"},
		{"\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"Daily \u202eeliaD", "Daily eliaD"},
		{"zero\u200bwidth\u2060joined\ufeff", "zerowidthjoined"},
		{"soft\u00adhyphen", "softhyphen"},
		{"c1\u009b31m csi", "c131m csi"},
		{"raw \x9b byte", "raw \ufffd byte"},
		{"tabs\tand\r\nlines\u0085next\u2028sep", "tabs and lines next sep"},
		{"nul\x00del\x7f", "nuldel"},
		{"  Café Zürich — “Nachrichten” 日本語 ✓ 🙂  ", "Café Zürich — “Nachrichten” 日本語 ✓ 🙂"},
		{"\ue002 private use kept", "\ue002 private use kept"},
		{"", ""},
	}
	for _, tc := range cases {
		if got := oneLine(tc.in); got != tc.want {
			t.Errorf("oneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := OneLine(tc.in); got != tc.want {
			t.Errorf("OneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func hostileSource() SourceRef {
	return SourceRef{
		N: 1, ID: "evil\x1b[2J",
		Outlet:    "Evil\x1b]0;pwned\x07 Wire\u202e",
		Title:     "Bridge\x1b[31m shut\u200b \u009b2J",
		Published: "2031-04-11\x1b[5m",
		URL:       "https://evil.example/a\x1b]8;;https://x\x07b\u202e",
	}
}

func TestSourceMetadataIsPrintable(t *testing.T) {
	s := hostileSource()
	checkClean(t, "SourceLine", SourceLine(s, 0))
	checkClean(t, "SourceAddress", SourceAddress(s))
	checkClean(t, "MarkdownAddress", MarkdownAddress(s))
	if got, want := SourceLine(s, 0), "Evil]0;pwned Wire — “Bridge[31m shut 2J”, 2031-04-11"; got != want {
		t.Errorf("SourceLine = %q, want %q", got, want)
	}
	noOutlet := s
	noOutlet.Outlet = "\x1b\u202e"
	if got := SourceLine(noOutlet, 0); !strings.HasPrefix(got, "evil[2J — ") {
		t.Errorf("SourceLine without an outlet = %q, want the ID in its place", got)
	}
	checkClean(t, "SourceAddress of a path", SourceAddress(SourceRef{Path: "inbox/\x1b[2Jnews\u202e.txt"}))
	checkClean(t, "HTML source", strings.Join(func() []string {
		h := NewHTMLSource(s, 0)
		return []string{h.Outlet, h.Title, h.Shown}
	}(), " "))

	b := smallBriefing()
	b.Sources[0] = s
	b.Sources[3].Path = "inbox/\x1b]0;x\x07radio\u202e.txt"
	for _, f := range []Format{FormatText, FormatMarkdown} {
		var buf bytes.Buffer
		if err := RenderBriefing(&buf, b, f, Style{}, "test"); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		checkClean(t, string(f)+" briefing", out)
		if !strings.Contains(out, "pwned Wire") {
			t.Errorf("%s briefing lacks the outlet:\n%s", f, out)
		}
	}
}

func TestMarkdownAddressLinksOnlyWeb(t *testing.T) {
	cases := []struct{ url, path, want string }{
		{"https://example.org/a?b=1", "", "<https://example.org/a?b=1>"},
		{"HTTP://example.org/", "", "<HTTP://example.org/>"},
		{"javascript:alert(1)", "", "`javascript:alert(1)`"},
		{"JavaScript:alert(document.cookie)//https://x", "", "`JavaScript:alert(document.cookie)//https://x`"},
		{"data:text/html,<script>x</script>", "", "`data:text/html,<script>x</script>`"},
		{"vbscript:msgbox", "", "`vbscript:msgbox`"},
		{"file:///etc/passwd", "", "`file:///etc/passwd`"},
		{"//evil.example/x", "", "`//evil.example/x`"},
		{"https:///nohost", "", "`https:///nohost`"},
		{"https://example.org/a b", "", "`https://example.org/a b`"},
		{"https://example.org/a>b", "", "`https://example.org/a>b`"},
		{"https://ex\x1bample.org/\u202ex", "", "<https://example.org/x>"},
		{"", "inbox/radio.txt", "`inbox/radio.txt`"},
		{"", "", ""},
	}
	for _, tc := range cases {
		got := MarkdownAddress(SourceRef{URL: tc.url, Path: tc.path})
		if got != tc.want {
			t.Errorf("MarkdownAddress(%q, %q) = %q, want %q", tc.url, tc.path, got, tc.want)
		}
		if strings.HasPrefix(got, "<") && !strings.HasPrefix(strings.ToLower(got), "<http") {
			t.Errorf("MarkdownAddress(%q) = %q: an autolink that is not http(s)", tc.url, got)
		}
	}

	b := smallBriefing()
	b.Sources[1].URL = "javascript:alert(1)"
	var buf bytes.Buffer
	if err := RenderBriefing(&buf, b, FormatMarkdown, Style{}, "test"); err != nil {
		t.Fatal(err)
	}
	if out := buf.String(); strings.Contains(out, "<javascript:") || !strings.Contains(out, "`javascript:alert(1)`") {
		t.Errorf("markdown briefing links javascript:\n%s", out)
	}
}

func TestSourceListsArePrintable(t *testing.T) {
	c := &summarize.Corpus{
		Sources: []*summarize.Source{{
			Index: 0, ID: "evil\x1b[2J", Group: 0, Words: 12,
			Outlet: "Evil\x1b]0;pwned\x07 Wire\u202e",
			Title:  "Bridge\x1b[31m shut\u200b \u009b2J",
			URL:    "https://evil.example/a\x1b]8;;x\x07",
		}},
		Groups: []summarize.Group{{Members: []int{0}}},
	}
	for _, f := range []Format{FormatText, FormatMarkdown, FormatTable} {
		var buf bytes.Buffer
		if err := RenderSources(&buf, c, f, Style{}, "test"); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		checkClean(t, string(f)+" source list", out)
		if !strings.Contains(out, "pwned") {
			t.Errorf("%s source list lacks the outlet:\n%s", f, out)
		}
	}
}
