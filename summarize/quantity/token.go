package quantity

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	tkWord uint8 = iota + 1
	tkNum
	tkPunct
)

// Number token flags.
const (
	nComma    uint8 = 1 << iota // thousands separators: "2,500"
	nDot                        // a decimal point
	nMultiDot                   // "1.2.3": a version or an address, never a quantity
	nLeadZero                   // "07": a date or clock part
)

// token is one atom of the sentence. Letters, digits and punctuation are
// separate atoms even when written together ("COVID-19" is COVID, -, 19;
// "1.5m" is 1.5, m); glue records that, so the scanner can tell "G7" and
// "11-day" from "G 7" and "11 - day" without a second pass over bytes.
type token struct {
	s, e  int32
	val   float64 // number tokens
	r     rune    // punctuation tokens
	id    uint16  // lexicon id of a word, 0 if unknown
	kind  uint8
	nfl   uint8
	ndig  uint8 // digits before the decimal point
	glue  bool  // nothing separates it from the previous token
	upper bool  // word starts with a capital
	caps  bool  // word of two or more letters, all capitals ("US", "UN")
	mixed bool  // word with a capital after its first letter ("iPhone", "McDonald")
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// Byte classes for the tokenizer's fast path.
const (
	clOther uint8 = iota
	clSpace
	clDigit
	clUpper
	clLower
	clHigh // first byte of a multi-byte rune
)

func byteClasses() (cls [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			cls[c] = clSpace
		case c >= '0' && c <= '9':
			cls[c] = clDigit
		case c >= 'A' && c <= 'Z':
			cls[c] = clUpper
		case c >= 'a' && c <= 'z':
			cls[c] = clLower
		case c >= utf8.RuneSelf:
			cls[c] = clHigh
		}
	}
	return cls
}

func (f *Finder) tokenize(dst []token, s string) []token {
	prevEnd := -1
	n := len(s)
	for i := 0; i < n; {
		var tk token
		switch f.cls[s[i]] {
		case clSpace:
			i++
			continue
		case clDigit:
			tk = scanNumber(s, i)
		case clUpper, clLower:
			tk = f.scanWord(s, i)
		case clHigh:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
				i += size
				continue
			case unicode.IsLetter(r):
				tk = f.scanWord(s, i)
			default:
				tk = token{s: int32(i), e: int32(i + size), kind: tkPunct, r: r}
			}
		default:
			tk = token{s: int32(i), e: int32(i + 1), kind: tkPunct, r: rune(s[i])}
		}
		tk.glue = int(tk.s) == prevEnd
		prevEnd = int(tk.e)
		i = prevEnd
		dst = append(dst, tk)
	}
	return dst
}

// scanNumber reads digits with thousands commas (a comma only when exactly
// three digits follow) and decimal points. The value is accumulated here
// so no string is built for strconv, except for numbers too long for the
// running sums to be exact.
func scanNumber(s string, i int) token {
	n := len(s)
	j := i
	var ip, fp, fdiv float64 = 0, 0, 1
	var nfl uint8
	ndig, nfrac, group := 0, 0, 0
	inFrac := false
	valEnd := -1 // "1.2.3" is worth 1.2
	for j < n {
		c := s[j]
		if isDigit(c) {
			d := float64(c - '0')
			switch {
			case !inFrac:
				ip = ip*10 + d
				ndig++
			case nfl&nMultiDot == 0:
				fp = fp*10 + d
				fdiv *= 10
				nfrac++
			}
			group++
			j++
			continue
		}
		if c == ',' && !inFrac && group >= 1 && group <= 3 && j+3 < n &&
			isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) && (j+4 == n || !isDigit(s[j+4])) {
			nfl |= nComma
			group = 0
			j++
			continue
		}
		if c == '.' && j+1 < n && isDigit(s[j+1]) {
			if inFrac && nfl&nMultiDot == 0 {
				nfl |= nMultiDot
				valEnd = j
			}
			inFrac = true
			nfl |= nDot
			j++
			continue
		}
		break
	}
	if s[i] == '0' && ndig > 1 {
		nfl |= nLeadZero
	}
	val := ip + fp/fdiv
	if ndig+nfrac > 15 {
		// Past 15 digits the sums round at every step, and past 308 they
		// overflow: a long fraction made fp/fdiv Inf/Inf, the value NaN.
		if valEnd < 0 {
			valEnd = j
		}
		val = slowValue(s[i:valEnd])
	}
	if ndig > 255 {
		ndig = 255
	}
	return token{s: int32(i), e: int32(j), kind: tkNum, val: val, nfl: nfl, ndig: uint8(ndig)}
}

// slowValue reads digits, thousands commas and one decimal point the way
// strconv does: correctly rounded, +Inf past the float64 range.
func slowValue(num string) float64 {
	v, _ := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	return v
}

func (f *Finder) scanWord(s string, i int) token {
	n := len(s)
	j := i
	// ASCII fast path. Letter case lives in the 0x20 bit: the OR of all
	// letters lacks it only if every letter is upper case, the AND of the
	// letters after the first lacks it if any of them is.
	var orAll, andRest byte = 0, 0xFF
	for j < n {
		c := s[j]
		k := f.cls[c]
		if k == clLower || k == clUpper {
			orAll |= c
			if j > i {
				andRest &= c
			}
			j++
			continue
		}
		if c == '\'' && j > i && j+1 < n && isLetter(s[j+1]) {
			j++
			continue
		}
		if k == clHigh {
			return f.scanWordSlow(s, i)
		}
		break
	}
	tk := token{s: int32(i), e: int32(j), kind: tkWord, id: unresolved}
	tk.upper = f.cls[s[i]] == clUpper
	tk.caps = j-i >= 2 && orAll&0x20 == 0
	tk.mixed = !tk.caps && andRest&0x20 == 0
	if w := s[i:j]; len(w) <= maxKey && f.anchorShape[(w[0]|0x20)-'a'][second(w)]&(1<<len(w)) != 0 {
		// Only words shaped like a number word are looked up now; the
		// rest wait until the scanner asks, which it does only near a
		// number. Most sentences never pay for their other words.
		tk.id = f.lookup(w)
	}
	return tk
}

// scanWordSlow handles words with non-ASCII letters ("Sudani", "Zürich")
// and curly apostrophes. Such words are never in the lexicon except for
// the apostrophe, which lookup folds.
func (f *Finder) scanWordSlow(s string, i int) token {
	n := len(s)
	j := i
	ascii := true
	nUpper, nLetters, firstUpper := 0, 0, 0
	for j < n {
		c := s[j]
		if c < utf8.RuneSelf {
			if isLetter(c) {
				if c <= 'Z' {
					nUpper++
					if j == i {
						firstUpper = 1
					}
				}
				nLetters++
				j++
				continue
			}
			if c == '\'' && j > i && j+1 < n && isLetter(s[j+1]) {
				j++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			ascii = false
			nLetters++
			if unicode.IsUpper(r) {
				nUpper++
				if j == i {
					firstUpper = 1
				}
			}
			j += size
			continue
		}
		if r == '’' && j > i && j+size < n && isLetter(s[j+size]) {
			j += size
			continue
		}
		break
	}
	tk := token{s: int32(i), e: int32(j), kind: tkWord}
	tk.upper = firstUpper == 1
	tk.caps = nLetters >= 2 && nUpper == nLetters
	tk.mixed = !tk.caps && nUpper > firstUpper
	tk.id = unresolved
	if !ascii {
		tk.id = 0
	} else if w := s[i:j]; len(w) <= maxKey && f.anchorShape[(w[0]|0x20)-'a'][second(w)]&(1<<len(w)) != 0 {
		tk.id = f.lookup(w)
	}
	return tk
}

// unresolved marks a word whose lexicon id has not been looked up yet.
const unresolved = 0xFFFF

// lookup lowercases into a stack buffer so the map index does not
// allocate; a curly apostrophe is read as a straight one.
func (f *Finder) lookup(w string) uint16 {
	if len(w) > maxKey+2 {
		return 0
	}
	var buf [maxKey]byte
	k := 0
	for p := 0; p < len(w); p++ {
		c := w[p]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf:
			if c != 0xE2 || p+2 >= len(w) || w[p+1] != 0x80 || w[p+2] != 0x99 {
				return 0
			}
			c = '\''
			p += 2
		}
		if k == maxKey {
			return 0
		}
		buf[k] = c
		k++
	}
	return f.lex.ids[string(buf[:k])]
}
