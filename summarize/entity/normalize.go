package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// isApostrophe reports runes that news text uses inside names or as
// possessive markers. They are dropped from keys so that straight, curly
// and transliteration marks agree ("Ba'ath", "Ba’ath", "Baʿath").
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u02bc', '\u02bb', '\u02be', '\u02bf', '\u00b4':
		return true
	}
	return false
}

// isHyphen reports runes that join the parts of a compound word.
func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// foldSpecial maps letters that have no canonical decomposition but that
// readers treat as accented Latin letters.
func foldSpecial(r rune) string {
	switch r {
	case 'ø', 'Ø':
		return "o"
	case 'ł', 'Ł':
		return "l"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'ß':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ı':
		return "i"
	case 'þ', 'Þ':
		return "th"
	case 'ħ', 'Ħ':
		return "h"
	}
	return ""
}

// appendFold appends the folded form of s to dst: lower case, accents
// removed (canonical decomposition, non-spacing marks dropped), periods and
// apostrophes removed ("U.S." -> "us", "O'Brien" -> "obrien"), hyphens and
// other punctuation turned into single spaces, "&" kept as a word. Leading and
// trailing spaces are never written.
func appendFold(dst []byte, s string) []byte {
	base := len(dst)
	pendingSpace := false
	emit := func(b byte) {
		if pendingSpace {
			if len(dst) > base {
				dst = append(dst, ' ')
			}
			pendingSpace = false
		}
		dst = append(dst, b)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				emit(c)
			case c == '&':
				// A word of its own, as the tokenizer sees it: "AT&T" and
				// "AT & T" fold alike.
				pendingSpace = true
				emit(c)
				pendingSpace = true
			case 'A' <= c && c <= 'Z':
				emit(c + 'a' - 'A')
			case c == '.' || c == '\'' || c == '`':
			default:
				pendingSpace = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isApostrophe(r):
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mc, r):
			if sp := foldSpecial(r); sp != "" {
				for j := 0; j < len(sp); j++ {
					emit(sp[j])
				}
				break
			}
			d := norm.NFD.PropertiesString(s[i:]).Decomposition()
			if d == nil {
				dst = appendLowerRune(dst, r, &pendingSpace, base)
				break
			}
			for k := 0; k < len(d); {
				dr, n := utf8.DecodeRune(d[k:])
				k += n
				if unicode.Is(unicode.Mn, dr) {
					continue
				}
				dst = appendLowerRune(dst, dr, &pendingSpace, base)
			}
		default:
			pendingSpace = true
		}
		i += size
	}
	return dst
}

func appendLowerRune(dst []byte, r rune, pendingSpace *bool, base int) []byte {
	if *pendingSpace {
		if len(dst) > base {
			dst = append(dst, ' ')
		}
		*pendingSpace = false
	}
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return append(dst, byte(r))
	}
	return utf8.AppendRune(dst, r)
}

// foldString is appendFold for building tables and one-off keys.
func foldString(s string) string {
	return string(appendFold(nil, strings.TrimSpace(s)))
}

// isArticleParticle reports the Arabic article in its common
// transliterations. Keys drop it because sources disagree on whether to
// write it at all ("al-Sudani", "al Sudani", "Sudani").
func isArticleParticle(w string) bool {
	switch w {
	case "al", "Al", "AL", "el", "El", "EL":
		return true
	}
	return false
}

// Normalize returns the key Find gives a name written as name: folded
// (see [Mention].Key), with possessive endings dropped and the Arabic
// article removed where it is a prefix ("al-Sudani") or a lower-case word
// ("al Sudani"), so that all three spellings of a surname share "sudani".
// A capitalised stand-alone "Al" that opens the name is kept ("Al Gore").
func Normalize(name string) string {
	var b []byte
	words := strings.Fields(name)
	for i, w := range words {
		w = trimPossessive(w)
		if isArticleParticle(w) && (i > 0 || w[0] == 'a' || w[0] == 'e') && i+1 < len(words) {
			continue
		}
		if len(w) > 3 && isArticleParticle(w[:2]) {
			if r, _ := utf8.DecodeRuneInString(w[2:]); isHyphen(r) {
				_, n := utf8.DecodeRuneInString(w[2:])
				w = w[2+n:]
			}
		}
		n := len(b)
		if n > 0 {
			b = append(b, ' ')
		}
		b = appendFold(b, w)
		if len(b) == n+1 && n > 0 {
			b = b[:n]
		}
	}
	return string(b)
}

// trimPossessive removes a trailing "'s" or "'" (straight or curly).
func trimPossessive(w string) string {
	for _, suf := range []string{"'s", "’s", "'S", "’S", "'", "’"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
