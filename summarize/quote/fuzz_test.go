package quote

import (
	"testing"
	"unicode/utf8"
)

// FuzzQuotes checks the invariants every caller relies on: no panics,
// spans inside the sentence, on rune boundaries, in order and not
// overlapping, and strings that match their spans.
func FuzzQuotes(f *testing.F) {
	for _, c := range quoteCases {
		f.Add(c.s)
	}
	for _, c := range attrCases {
		f.Add(c.s)
	}
	for _, s := range []string{
		"", `"`, `""`, `" "`, `“”`, "‘’", "'", `,"`, `"a`, `a"`, "«", "„a“", `6'2"`,
		`"A," he said, "B," she said. "C`, "’tis ‘90s ’em 'n' rock", "\xff\"\xfe", `"a 'b "c 'd" e' f" g'`,
		`said said said according to to`, `"x," said`, `, said ,`, `— said —`,
	} {
		f.Add(s)
	}
	fd := NewFinder()
	f.Fuzz(func(t *testing.T, s string) {
		checkQuotes(t, s, fd.Quotes(s))
		checkAttributions(t, s, fd.Attributions(s))
	})
}

// onBoundary reports whether byte i starts a rune. In invalid UTF-8 a
// stray continuation byte decodes as a rune of its own, so a span may
// start there; only bytes inside a valid multi-byte rune are forbidden.
func onBoundary(s string, i int) bool {
	if i == len(s) || utf8.RuneStart(s[i]) {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(s[j]) {
			r, w := utf8.DecodeRuneInString(s[j:])
			return !(r != utf8.RuneError || w > 1) || j+w <= i
		}
	}
	return true
}

func checkSpan(t *testing.T, s, what string, start, end int, text string, optional bool) {
	t.Helper()
	if optional && start == -1 && end == -1 {
		if text != "" {
			t.Fatalf("%s: no span but text %q in %q", what, text, s)
		}
		return
	}
	if start < 0 || end < start || end > len(s) {
		t.Fatalf("%s: span [%d,%d) out of bounds in %q", what, start, end, s)
	}
	if s[start:end] != text {
		t.Fatalf("%s: span [%d,%d) is %q, text is %q", what, start, end, s[start:end], text)
	}
	if !onBoundary(s, start) || !onBoundary(s, end) {
		t.Fatalf("%s: span [%d,%d) not on rune boundaries in %q", what, start, end, s)
	}
}

func checkAttribution(t *testing.T, s string, a Attribution) {
	t.Helper()
	checkSpan(t, s, "speaker", a.SpeakerStart, a.SpeakerEnd, a.Speaker, true)
	checkSpan(t, s, "verb", a.VerbStart, a.VerbEnd, a.Verb, false)
	if a.Verb == "" || a.Mode == "" {
		t.Fatalf("attribution without verb or mode in %q: %+v", s, a)
	}
}

func checkQuotes(t *testing.T, s string, qs []Quote) {
	t.Helper()
	prev := -1
	for _, q := range qs {
		checkSpan(t, s, "quote", q.Start, q.End, q.Text, false)
		if q.Start >= q.End {
			t.Fatalf("empty quote [%d,%d) in %q", q.Start, q.End, s)
		}
		if q.Start < prev {
			t.Fatalf("quotes out of order or overlapping at %d (previous ended %d) in %q", q.Start, prev, s)
		}
		prev = q.End
		if q.Partial && q.Scare {
			t.Fatalf("quote %q both partial and scare in %q", q.Text, s)
		}
		if q.Scare && q.Mode != "" {
			t.Fatalf("scare quote %q has an attribution in %q", q.Text, s)
		}
		if q.Mode != "" {
			checkAttribution(t, s, q.Attribution)
		} else if q.Attribution != (Attribution{}) {
			t.Fatalf("quote %q: attribution without mode %+v in %q", q.Text, q.Attribution, s)
		}
	}
}

func checkAttributions(t *testing.T, s string, as []Attribution) {
	t.Helper()
	for _, a := range as {
		checkAttribution(t, s, a)
	}
}
