package rouge

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Tokens splits text the way ROUGE-1.5.5 does before counting: ASCII
// letters are lower-cased and every other byte outside [a-z0-9] separates
// tokens. Working on bytes rather than runes is deliberate: ROUGE reads its
// input as bytes, and matching it matters more here than treating accented
// words well. With o.Stem, tokens longer than three bytes are stemmed;
// ROUGE leaves shorter ones alone ("was", "has", "men").
func Tokens(text string, o Options) []string {
	var toks []string
	var buf []byte
	flush := func() {
		if len(buf) == 0 {
			return
		}
		t := string(buf)
		if o.Stem && len(t) > 3 {
			t = stem(t)
		}
		toks = append(toks, t)
		buf = buf[:0]
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			buf = append(buf, c)
		case 'A' <= c && c <= 'Z':
			buf = append(buf, c+('a'-'A'))
		default:
			flush()
		}
	}
	flush()
	return toks
}

// stemCache holds stems already computed: an evaluation run stems the same
// few thousand words again for every peer and reference, and Snowball is
// the most expensive step of tokenisation.
var stemCache sync.Map // string -> string

// stem passes true for stemStopWords because ROUGE's Porter stemmer does
// not exempt stopwords; exempting them would stop "being" from matching
// "be" where ROUGE matches it.
func stem(t string) string {
	if s, ok := stemCache.Load(t); ok {
		return s.(string)
	}
	s := english.Stem(t, true)
	stemCache.Store(t, s)
	return s
}

// isSpace is Perl's \s on a byte string, which is what ROUGE splits words
// on when it applies -l. Unicode spaces such as U+00A0 are not word
// breaks there, so they are not here either.
func isSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// CountWords counts whitespace-separated words as ROUGE's -l counts them.
func CountWords(text string) int {
	n := 0
	in := false
	for i := 0; i < len(text); i++ {
		if isSpace(text[i]) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// TruncateWords keeps the first n whitespace-separated words of text (all
// of it when n <= 0). Line breaks and punctuation inside the kept part are
// preserved, so sentence splitting still works on the result.
func TruncateWords(text string, n int) string {
	if n <= 0 {
		return text
	}
	words := 0
	in := false
	for i := 0; i < len(text); i++ {
		if isSpace(text[i]) {
			if in && words == n {
				return text[:i]
			}
			in = false
		} else if !in {
			in = true
			words++
		}
	}
	return text
}

// Sentences splits text into the units ROUGE-L compares. DUC peers and
// models are one sentence per line, so every line break ends a sentence.
// Summaries from other tools, and the DUC 2007 references as stored in the
// JSON lines files, put a whole paragraph on one line; scoring such a
// paragraph as one long "sentence" would inflate ROUGE-L, so a line is also
// split after '.', '!' or '?' (and any closing quotes or brackets) when
// whitespace and an upper-case letter or opening quote follow, unless the
// word before the period looks like an abbreviation ("Mr.", "U.S.", "J.").
// Blank lines are dropped, as ROUGE drops them.
func Sentences(text string) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		for _, s := range splitLine(line) {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func splitLine(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); {
		c := line[i]
		if c != '.' && c != '!' && c != '?' {
			_, size := utf8.DecodeRuneInString(line[i:])
			i += size
			continue
		}
		end := i + 1
		for end < len(line) && (line[end] == '.' || line[end] == '!' || line[end] == '?') {
			end++
		}
		for end < len(line) {
			r, size := utf8.DecodeRuneInString(line[end:])
			if !isCloser(r) {
				break
			}
			end += size
		}
		next := end
		for next < len(line) && isSpace(line[next]) {
			next++
		}
		if next > end && next < len(line) && startsSentence(line[next:]) &&
			!(end == i+1 && c == '.' && isAbbreviation(line[start:i])) {
			out = append(out, line[start:end])
			start = next
		}
		i = end
	}
	return append(out, line[start:])
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '’', '”', '»':
		return true
	}
	return false
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '\'', '`', '(', '“', '‘', '«':
		return true
	}
	return unicode.IsUpper(r)
}

// abbreviations end in a period that rarely ends a sentence in news copy;
// the next word is usually a name ("Gen. Smith", "Sen. Jones"). Words that
// are also ordinary English ("Ill.", "Miss.", "Wash.", "No.") are left out:
// "He fell ill. Then..." must still split.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true,
	"st": true, "gen": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true,
	"capt": true, "cmdr": true, "sgt": true, "maj": true, "adm": true, "rev": true, "pres": true,
	"inc": true, "co": true, "corp": true, "ltd": true, "vs": true, "ft": true, "mt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true,
	"fla": true, "ga": true, "kan": true, "ky": true, "la": true, "md": true, "mich": true,
	"minn": true, "mo": true, "mont": true, "neb": true, "nev": true, "okla": true, "pa": true,
	"tenn": true, "tex": true, "va": true, "vt": true, "wis": true, "wyo": true,
}

// isAbbreviation reports whether the text before a period ends in a word
// that is probably abbreviated: a listed one, a single letter (an
// initial), or one with inner periods ("U.S", "a.m").
func isAbbreviation(before string) bool {
	w := before
	for i := len(w) - 1; i >= 0; i-- {
		if isSpace(w[i]) {
			w = w[i+1:]
			break
		}
	}
	w = strings.TrimLeft(w, "\"'([“‘`")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsLetter(r)
	}
	return abbreviations[strings.ToLower(w)]
}
