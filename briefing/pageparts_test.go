package briefing

import (
	"strings"
	"testing"
)

func TestMarkdownHelpers(t *testing.T) {
	tests := []struct{ fn, in, want string }{
		{"Lead", "# Not a heading", `\# Not a heading`},
		{"Lead", "> Not a quote", `\> Not a quote`},
		{"Lead", "- Not a list", `\- Not a list`},
		{"Lead", "12. Not a list", `12\. Not a list`},
		{"Lead", "3) Not a list", `3\) Not a list`},
		{"Lead", "1984 was a year.", "1984 was a year."},
		{"Lead", "Plain text.", "Plain text."},
		{"Lead", "    Not code", "Not code"},
		{"Text", "a [1] `b` *c* _d_ <e> f|g", "a \\[1\\] \\`b\\` \\*c\\* \\_d\\_ \\<e> f\\|g"},
		{"Text", "AT&T &amp; &#38; & co", `AT&T \&amp; \&#38; & co`},
		{"Code", "inbox/a.txt", "`inbox/a.txt`"},
		{"Code", "odd`name.txt", "``odd`name.txt``"},
		{"Code", "`edge", "`` `edge ``"},
	}
	for _, tc := range tests {
		var got string
		switch tc.fn {
		case "Lead":
			got = MarkdownLead(tc.in)
		case "Text":
			got = MarkdownText(tc.in)
		case "Code":
			got = MarkdownCode(tc.in)
		}
		if got != tc.want {
			t.Errorf("Markdown%s(%q) = %q, want %q", tc.fn, tc.in, got, tc.want)
		}
	}
}

// A word longer than the line, an address mostly, is never cut, and a
// NoBreak space is never broken at.
func TestHangWrapKeepsWordsWhole(t *testing.T) {
	url := "https://example.com/" + strings.Repeat("a", 40)
	got := HangWrap("see "+url+" for the rest"+NoBreak+"[1]", 30, "- ", "  ")
	want := "- see\n  " + url + "\n  for the rest [1]"
	if got != want {
		t.Errorf("HangWrap = %q, want %q", got, want)
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n          int
		word, want string
	}{
		{1, "story", "1 story"}, {3, "story", "3 stories"}, {0, "source", "0 sources"}, {2, "day", "2 days"},
	} {
		if got := Plural(tc.n, tc.word); got != tc.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", tc.n, tc.word, got, tc.want)
		}
	}
}

func TestWireCopies(t *testing.T) {
	copies, groups := WireCopies([]SourceRef{{N: 1, Group: 0}, {N: 2, Group: 1}, {N: 3, Group: 1}, {N: 4, Group: 0}})
	if groups != 2 || len(copies) != 2 || copies[3] != 2 || copies[4] != 1 {
		t.Errorf("WireCopies = %v, %d groups; want map[3:2 4:1], 2 groups", copies, groups)
	}
}
