package load

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One.\r\nTwo.\r\n\r\n\r\nThree.  \n", "One.\nTwo.\n\nThree."},
		{"\n\n  Indented stays.\n\t\n\nNext", "  Indented stays.\n\nNext"},
		{"Ctrl\x01chars\u0085 and \ufeffBOM", "Ctrlchars and BOM"},
		{"Tidy text.\n\nAlready.", "Tidy text.\n\nAlready."},
		{"Trailing nbsp\u00a0\nline", "Trailing nbsp\nline"},
		{"“Curly” quotes — dashes…", "“Curly” quotes — dashes…"},
		{"bad \xff byte", "bad \ufffd byte"},
		{" \n\t ", ""},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIsTidy checks the fast path against the slow one on random text made
// of the characters that matter.
func TestIsTidy(t *testing.T) {
	alphabet := []string{"a", "b", " ", "\t", "\n", "\n", "\r", "\x01", "\u00a0", "\u0085", "\ufeff", "é", "“", "\u2003", "\u3000", "\x7f"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if isTidy(s) && tidyText(s) != s {
			t.Fatalf("isTidy(%q) but tidyText gives %q", s, tidyText(s))
		}
		if !isTidy(s) && tidyText(s) == s && s != "" {
			// Not wrong, only slower; flag it so the fast path stays useful.
			t.Errorf("isTidy(%q) = false for tidy text", s)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC3339, or "" for no date
	}{
		{"2024-05-01T08:00:00Z", "2024-05-01T08:00:00Z"},
		{"2024-05-01T10:00:00+02:00", "2024-05-01T10:00:00+02:00"},
		{"2024-05-01T08:00:00.123Z", "2024-05-01T08:00:00.123Z"},
		{"Wed, 01 May 2024 10:30:00 +0000", "2024-05-01T10:30:00Z"},
		{"Wed, 1 May 2024 10:30:00 GMT", "2024-05-01T10:30:00Z"},
		{"2024-05-01 15:04:05", "2024-05-01T15:04:05Z"},
		{"2024-05-01", "2024-05-01T00:00:00Z"},
		{"1714557600", "2024-05-01T10:00:00Z"},
		{"1714557600000", "2024-05-01T10:00:00Z"},
		{"May 1, 2024", "2024-05-01T00:00:00Z"},
		{"yesterday", ""},
		{"", ""},
		// Numbers no export means as a timestamp; read as one, they made
		// times that cannot be written back as RFC 3339.
		{"270000000000000", ""},
		{"NaN", ""},
		{"Inf", ""},
		{"1e300", ""},
		{"0x1p40", ""},
		// A year, or a placeholder, is no timestamp: read as one, "2023"
		// dated the article 1970-01-01T00:33:43Z.
		{"2023", ""},
		{"0", ""},
		{"99999999", ""},
		{"100000000", "1973-03-03T09:46:40Z"},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("parseDate(%q) = %v, want no date", tt.in, got)
			}
			continue
		}
		want, _ := time.Parse(time.RFC3339Nano, tt.want)
		if !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, want)
		}
	}
}

func TestHumanSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{512, "512 bytes"}, {1024, "1.0 KB"}, {16 << 20, "16.0 MB"}, {54840525, "52.3 MB"}, {3 << 30, "3.0 GB"},
	}
	for _, tt := range tests {
		if got := humanSize(tt.n); got != tt.want {
			t.Errorf("humanSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
