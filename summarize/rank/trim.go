package rank

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// trim returns the part of text[start:end] that can stand alone as a
// briefing line, or ok=false when the sentence cannot. The result is
// always a slice of the source text, so it can be quoted and checked
// byte for byte.
func trim(text string, start, end int) (int, int, bool) {
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	for end > start && isSpaceByte(text[end-1]) {
		end--
	}
	start = skipDateline(text, start, end)
	start = skipOpener(text, start, end)
	s := text[start:end]
	if s == "" {
		return 0, 0, false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) && !isOpenQuote(first) {
		return 0, 0, false
	}
	if !endsSentence(s) || strings.HasSuffix(strings.TrimRight(s, `"”’'`), "?") {
		return 0, 0, false
	}
	if !balanced(s) {
		return 0, 0, false
	}
	if w := strings.TrimRight(firstWord(s), ",;:"); dangling[openerKey(w)] {
		return 0, 0, false
	}
	if firstPersonOutsideQuotes(s) {
		return 0, 0, false
	}
	return start, end, true
}

// dangling are openers that point back to a sentence the reader of a
// briefing line never saw.
var dangling = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "this": true, "these": true,
	"that": true, "those": true, "his": true, "her": true, "their": true, "its": true,
	"him": true, "them": true, "there": true, "such": true, "both": true, "then": true,
	"meanwhile": true, "however": true, "instead": true, "still": true, "yet": true,
	"also": true, "otherwise": true, "furthermore": true, "moreover": true,
	"which": true, "who": true, "whose": true,
}

// openerKey lower-cases a first word and drops a contraction, so that
// "She's" and "They're" are looked up as "she" and "they".
func openerKey(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	if i := strings.IndexByte(w, '\''); i > 0 {
		w = w[:i]
	}
	return w
}

// firstPersonOutsideQuotes reports a "we", "our" or "I" in the
// reporter's own words: the outlet speaking for itself ("our sister
// city"), which a briefing line would pass off as the briefing's voice.
func firstPersonOutsideQuotes(s string) bool {
	quoted := quoteMask(s)
	start := -1
	for i := 0; i <= len(s); i++ {
		letter := i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z' || s[i] == '\'')
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			w := s[start:i]
			if !quoted[start] {
				switch openerKey(w) {
				case "we", "our", "ours", "ourselves", "my", "me":
					return true
				}
				if w == "I" {
					return true
				}
			}
			start = -1
		}
	}
	return false
}

// quoteMask marks the bytes of s inside quotation marks: straight,
// curly, or DUC's “...”.
func quoteMask(s string) []bool {
	m := make([]bool, len(s))
	in := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			in = !in
		case r == '“' || strings.HasPrefix(s[i:], "``"):
			in = true
		case r == '”' || strings.HasPrefix(s[i:], "''"):
			in = false
		default:
			m[i] = in
		}
		i += n
	}
	return m
}

// openers may be dropped from the front of a sentence without changing
// what it says, when what follows starts with a capital ("But Austin
// said" -> "Austin said").
var openers = []string{"But ", "And ", "So ", "Now, ", "Also, ", "In addition, "}

func skipOpener(text string, start, end int) int {
	s := text[start:end]
	for _, o := range openers {
		if strings.HasPrefix(s, o) {
			rest := s[len(o):]
			r, _ := utf8.DecodeRuneInString(rest)
			if unicode.IsUpper(r) && !dangling[strings.ToLower(strings.TrimRight(firstWord(rest), ",;:"))] {
				return start + len(o)
			}
		}
	}
	return start
}

// skipDateline drops a wire dateline ("MOBILE, Ala. (AP) --", "BEIJING,
// June 12 (Xinhua) --"): where a report was filed from is not part of
// what it says.
func skipDateline(text string, start, end int) int {
	s := text[start:end]
	limit := len(s)
	if limit > 80 {
		limit = 80
	}
	head := s[:limit]
	best := -1
	for _, sep := range []string{" -- ", " — ", " – ", " _ "} {
		if i := strings.Index(head, sep); i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return start
	}
	pre := s[:best]
	if !datelineLike(pre) {
		return start
	}
	j := best
	for j < len(s) && (s[j] == ' ' || s[j] == '-' || s[j] == '_') {
		j++
	}
	if strings.HasPrefix(s[j:], "—") || strings.HasPrefix(s[j:], "–") {
		j += len("—")
		for j < len(s) && s[j] == ' ' {
			j++
		}
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	if !unicode.IsUpper(r) && !isOpenQuote(r) {
		return start
	}
	return start + j
}

// datelineLike is a place in capitals, or a place followed by an agency
// in parentheses.
func datelineLike(pre string) bool {
	if strings.Contains(pre, "(") && strings.HasSuffix(strings.TrimSpace(pre), ")") {
		return true
	}
	w := firstWord(pre)
	w = strings.TrimRight(w, ",")
	if len(w) < 3 {
		return false
	}
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return len(strings.Fields(pre)) <= 6
}

func firstWord(s string) string {
	for i, r := range s {
		if unicode.IsSpace(r) {
			return strings.Trim(s[:i], `"“‘'`)
		}
	}
	return strings.Trim(s, `"“‘'`)
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"”’')`)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// balanced reports whether quotation marks open and close in pairs: a
// sentence that ends inside a quotation lost its other half.
func balanced(s string) bool {
	straight := strings.Count(s, `"`) + strings.Count(s, "``") + strings.Count(s, "''")
	return straight%2 == 0 && strings.Count(s, "“") == strings.Count(s, "”") &&
		strings.Count(s, "(") == strings.Count(s, ")")
}

func isOpenQuote(r rune) bool { return r == '"' || r == '“' || r == '‘' || r == '`' }

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// quotedShare is the fraction of s's bytes inside quotation marks.
func quotedShare(s string) float64 {
	if s == "" {
		return 0
	}
	n := 0
	for _, q := range quoteMask(s) {
		if q {
			n++
		}
	}
	return float64(n) / float64(len(s))
}

// StripDateline drops a leading wire dateline ("COEUR D'ALENE, Idaho
// (AP) --") from s, for labels built from a source's sentence.
func StripDateline(s string) string {
	return s[skipDateline(s, 0, len(s)):]
}
