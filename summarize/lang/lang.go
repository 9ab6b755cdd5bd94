// Package lang guesses the language of article text when the input did not
// declare it. It is a stopword vote over the first words of the text plus
// a script check for non-Latin alphabets: microseconds per article, where
// trigram detectors cost milliseconds, and good enough to tell an analyst
// which sources are not in English. It answers "" rather than guess.
package lang

import (
	"unicode"
)

// stopwords are frequent function words that are rare in the other
// languages listed. Short, ambiguous words ("a", "de", "la", "en") are left
// out on purpose.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "is", "was", "that", "for", "with", "said", "has", "have", "are", "were", "from", "by", "this", "which", "after", "its"},
	"fr": {"le", "les", "des", "est", "une", "dans", "pour", "qui", "sur", "avec", "au", "aux", "du", "été", "ont", "pas", "selon", "il", "elle", "mais"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auf", "für", "dem", "von", "eine", "wurde", "auch", "sind", "nach", "bei", "hat"},
	"es": {"el", "los", "las", "del", "que", "por", "una", "para", "con", "según", "fue", "como", "más", "sus", "pero", "este", "está", "entre", "sobre", "han"},
	"it": {"il", "della", "che", "per", "gli", "delle", "nel", "sono", "una", "con", "dei", "alla", "stato", "anche", "ha", "non", "più", "secondo", "dalla", "questo"},
	"pt": {"os", "das", "que", "não", "uma", "para", "com", "foi", "pelo", "pela", "dos", "como", "mais", "segundo", "ao", "está", "são", "também", "seu", "sua"},
	"nl": {"het", "een", "van", "de", "en", "niet", "dat", "zijn", "voor", "met", "ook", "werd", "naar", "bij", "heeft", "worden", "maar", "door", "wordt", "deze"},
	"tr": {"ve", "bir", "bu", "için", "ile", "da", "olarak", "olan", "daha", "çok", "gibi", "sonra", "kadar", "ise", "değil", "dedi", "ancak", "göre", "ayrıca", "tarafından"},
	"id": {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "oleh", "karena", "telah", "bahwa", "mereka", "kata", "sudah"},
}

// Detector holds the reverse stopword index; it is immutable and safe for
// concurrent use.
type Detector struct {
	index map[string][]string // word -> languages it votes for
}

// New builds a Detector.
func New() *Detector {
	d := &Detector{index: map[string][]string{}}
	for l, words := range stopwords {
		for _, w := range words {
			d.index[w] = append(d.index[w], l)
		}
	}
	return d
}

// Detect returns an ISO 639-1 code, or "" when the text is too short or
// the vote too close.
func (d *Detector) Detect(text string) string {
	// The opening of an article is enough, and keeps this cheap.
	if len(text) > 800 {
		text = text[:800]
	}
	var scripts [5]int // latin, cyrillic, arabic, greek, hebrew
	var hangul, kana, han int
	for _, r := range text {
		switch {
		case r < 0x80:
			if unicode.IsLetter(r) {
				scripts[0]++
			}
		case unicode.Is(unicode.Latin, r):
			scripts[0]++
		case unicode.Is(unicode.Cyrillic, r):
			scripts[1]++
		case unicode.Is(unicode.Arabic, r):
			scripts[2]++
		case unicode.Is(unicode.Greek, r):
			scripts[3]++
		case unicode.Is(unicode.Hebrew, r):
			scripts[4]++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	total := scripts[0] + scripts[1] + scripts[2] + scripts[3] + scripts[4] + hangul + kana + han
	if total < 20 {
		return ""
	}
	// A non-Latin script that dominates names the language well enough;
	// Cyrillic and Arabic cover several languages, so name the most common.
	switch {
	case hangul*2 > total:
		return "ko"
	case kana*5 > total:
		return "ja"
	case han*2 > total:
		return "zh"
	case scripts[1]*2 > total:
		return "ru"
	case scripts[2]*2 > total:
		return "ar"
	case scripts[3]*2 > total:
		return "el"
	case scripts[4]*2 > total:
		return "he"
	case scripts[0]*2 <= total:
		return ""
	}
	votes := map[string]int{}
	var buf [24]byte
	for i := 0; i < len(text); {
		// Words are read without allocating: lower-cased into buf and
		// looked up with string(buf[:k]), which the compiler does not copy.
		for i < len(text) && !isWordByte(text[i]) {
			i++
		}
		k := 0
		for i < len(text) && isWordByte(text[i]) {
			if k < len(buf) {
				buf[k] = lower(text[i])
			}
			k++
			i++
		}
		if k == 0 || k > len(buf) {
			continue
		}
		for _, l := range d.index[string(buf[:k])] {
			votes[l]++
		}
	}
	best, second := "", 0
	for l, v := range votes {
		if v > votes[best] || v == votes[best] && l < best {
			if best != "" {
				second = max(second, votes[best])
			}
			best = l
		} else {
			second = max(second, v)
		}
	}
	// Demand a clear winner: at least 5 stopwords, and half again as many
	// as the runner-up.
	if votes[best] < 5 || votes[best]*2 < second*3 {
		return ""
	}
	return best
}

// isWordByte treats every non-ASCII byte as part of a word, so accented
// words ("été", "für") stay whole.
func isWordByte(c byte) bool {
	return c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
