package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brieftool/brief/summarize/words"
)

// Terms are the content words that sentence similarity is computed on:
// lowercased, accents folded, lightly stemmed, with stopwords dropped and
// numbers kept as digits ("2,500" → "2500"). Hyphenated words count as
// their parts, so "US-led" and "led by the US" share "led" and "us".

// tokenize calls emit for each term of s, in order. It allocates only for
// words that need lowercasing or folding.
func tokenize(s string, emit func(term string)) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				j := i
				digits := c >= '0' && c <= '9'
				for j < len(s) {
					d := s[j]
					if isASCIIAlnum(d) {
						j++
						continue
					}
					// Keep thousands separators and decimals inside numbers.
					if digits && (d == ',' || d == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
						j++
						continue
					}
					// Apostrophes inside words: "Iraq's" → "iraq", "don't" → "dont".
					if d == '\'' && j+1 < len(s) && isASCIIAlpha(s[j+1]) {
						j++
						continue
					}
					if d >= utf8.RuneSelf {
						r, n := utf8.DecodeRuneInString(s[j:])
						if r == '’' && j+n < len(s) && isASCIIAlpha(s[j+n]) {
							j += n
							continue
						}
						if unicode.IsLetter(r) || unicode.IsDigit(r) {
							j += n
							continue
						}
					}
					break
				}
				word(s[i:j], digits, emit)
				i = j
				continue
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '\'' || r2 == '’') {
					break
				}
				j += n2
			}
			word(s[i:j], false, emit)
			i = j
			continue
		}
		i += n
	}
}

func isASCIIAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIAlnum(c byte) bool { return isASCIIAlpha(c) || (c >= '0' && c <= '9') }

func word(w string, digits bool, emit func(string)) {
	if digits {
		if strings.IndexByte(w, ',') >= 0 {
			w = strings.ReplaceAll(w, ",", "")
		}
		emit(w)
		return
	}
	w = words.Fold(w)
	// Possessives and contractions: the stem is what matters.
	if k := strings.IndexByte(w, '\''); k > 0 {
		if w[k+1:] == "s" || w[k+1:] == "" {
			w = w[:k]
		} else {
			w = w[:k] + w[k+1:]
		}
	}
	if len(w) < 2 || stopwords[w] {
		return
	}
	emit(words.Stem(w))
}

// stopwords are function words and news verbs of saying, which carry no
// content of their own: two sentences do not state the same fact because
// both contain "said".
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also although am among an and any are
aren around as at be because been before being below between both but by can could did do does doing
down during each either else ever every few for from further had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less like many may me might
more most much must my myself neither no nor not now of off on once one only or other others our ours
ourselves out over own per quite rather same shall she should since so some such than that the their
theirs them themselves then there these they this those though through thus to too toward towards under
until up upon us very was we were what when where whether which while who whom whose why will with
within without would yet you your yours yourself yourselves
said says say saying told tell tells added adding according also including include includes new
mr mrs ms dr`) {
		m[w] = true
	}
	// "us" the pronoun is a stopword; "US" the country is folded to "us"
	// too, so it is kept apart by the caller through entities, not terms.
	delete(m, "us")
	return m
}()
