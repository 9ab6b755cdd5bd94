package load

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// plainText tidies a plain-text article: Unix line ends, no trailing blanks,
// no control characters, paragraphs separated by exactly one blank line.
// Single line breaks are kept, since hard-wrapped text and verse both use
// them and only the cleaner can tell which is which.
func plainText(s string) string {
	if isTidy(s) {
		return s
	}
	return tidyText(s)
}

func tidyText(s string) string {
	s = validText(s)
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for len(s) > 0 {
		end := strings.IndexAny(s, "\r\n")
		var line string
		if end < 0 {
			line, s = s, ""
		} else {
			line = s[:end]
			if s[end] == '\r' && end+1 < len(s) && s[end+1] == '\n' {
				end++
			}
			s = s[end+1:]
		}
		if hasControl(line) {
			line = strings.Map(dropControl, line)
		}
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if strings.TrimSpace(line) == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
	}
	return b.String()
}

// hasControl finds what dropControl drops, without decoding runes.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\t', c == 0x7f:
			return true
		case c == 0xc2 && i+1 < len(s) && s[i+1] <= 0x9f:
			return true
		case c == 0xef && strings.HasPrefix(s[i:], "\uFEFF"):
			return true
		}
	}
	return false
}

// isTidy reports whether plainText would return s unchanged, in one pass
// over the bytes: most records in a large export already are, and
// rebuilding them line by line would dominate the cost of loading.
func isTidy(s string) bool {
	if s == "" || s[0] == '\n' || !utf8.ValidString(s) {
		return false
	}
	newlines := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n':
			// A line may not end in blanks; a run of more than two line
			// breaks would collapse.
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); r != '\n' && unicode.IsSpace(r) {
				return false
			}
			if newlines++; newlines > 2 {
				return false
			}
			continue
		case c < 0x20 && c != '\t', c == 0x7f:
			return false
		case c == 0xc2 && i+1 < len(s) && s[i+1] <= 0x9f:
			return false // a C1 control character
		case c == 0xef && strings.HasPrefix(s[i:], "\uFEFF"):
			return false
		}
		newlines = 0
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(r)
}

func dropControl(r rune) rune {
	if r == '\t' {
		return r
	}
	if unicode.IsControl(r) || r == '\uFEFF' {
		return -1
	}
	return r
}

func wordCount(s string) int {
	n := 0
	inWord := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

// dateLayouts are tried in order; layouts with zones come first so that a
// zone is never dropped by a looser match.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"January 2, 2006",
	"2 January 2006",
}

// parseDate accepts the formats news exports actually use, plus Unix
// seconds. Values large enough to be milliseconds are taken as such: no
// article is dated in the year 5000.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if unixNumber(s) {
		n, err := strconv.ParseFloat(s, 64)
		// Past the year 5000 even as milliseconds it is no timestamp
		// (microseconds, an id); such a time could not even be written
		// back as RFC 3339.
		// Below 1973 it is no timestamp either: "2023" is a year, and
		// 0 is an exporter's way of saying it has no date.
		if err != nil || n > maxUnixMilli || n < minUnix {
			return time.Time{}, false
		}
		return unixTime(n), true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// maxUnixMilli is where milliseconds reach the year that seconds stop at;
// minUnix is March 1973, before any archive that exports Unix times.
const (
	maxUnixMilli = 1e14
	minUnix      = 1e8
)

// unixNumber reports whether s is written as a Unix time is: decimal
// digits with an optional fraction. strconv.ParseFloat alone would also
// take "NaN", "Inf", "0x1p40" and "1e300", which no export means as a date.
func unixNumber(s string) bool {
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

func unixTime(n float64) time.Time {
	if n > 1e11 {
		return time.UnixMilli(int64(n)).UTC()
	}
	sec := int64(n)
	return time.Unix(sec, int64((n-float64(sec))*1e9)).UTC()
}
