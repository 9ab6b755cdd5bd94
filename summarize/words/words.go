// Package words normalises single words for comparison: case, accents
// and apostrophes folded, the commonest English inflections stripped,
// British spellings mapped to American. The fact table and the citation
// check compare words the same way through it, so a sentence the fact
// stage merged is one the check can confirm.
package words

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases w, folds curly apostrophes to ' and strips accents. The
// common case (plain lowercase ASCII) returns w unchanged.
func Fold(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	// Capitalised ASCII words are the common case after plain ones; they
	// need lowercasing only, not Unicode decomposition.
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		b := []byte(w)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Stem strips the commonest English inflections. It is deliberately light:
// a wrong merge ("news" → "new") costs more than a missed one, because
// merged terms make different sentences look alike.
func Stem(w string) string {
	if invariant[w] {
		return w
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		w = w[:n-1]
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = undouble(w[:n-2])
	}
	return w
}

func undouble(w string) string {
	n := len(w)
	if n > 2 && w[n-1] == w[n-2] && !strings.ContainsRune("lsz", rune(w[n-1])) && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// invariant are words whose final "s" is not a plural: stripping it
// makes a different word ("news" -> "new").
var invariant = map[string]bool{
	"news": true, "series": true, "species": true, "means": true, "physics": true,
	"politics": true, "economics": true, "headquarters": true, "whereabouts": true,
	"crossroads": true, "athletics": true, "aids": true,
}

// Americanize maps British spellings to American ones, since sources of
// one story use both ("defence", "neighbouring", "destabilising").
func Americanize(w string) string {
	if a, ok := britishWords[w]; ok {
		return a
	}
	n := len(w)
	if n >= 6 && strings.HasSuffix(w, "our") {
		return w[:n-2] + "r"
	}
	for _, suf := range []string{"isation", "ise", "is"} {
		if strings.HasSuffix(w, suf) && n-len(suf) >= 5 {
			return w[:n-len(suf)] + "iz" + suf[2:]
		}
	}
	return w
}

var britishWords = map[string]string{
	"defence": "defense", "offence": "offense", "licence": "license", "centre": "center",
	"theatre": "theater", "programme": "program", "travell": "travel", "cheif": "chief",
}
