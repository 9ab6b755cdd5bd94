package entity

import (
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a sentence. Offsets are bytes.
type token struct {
	start, end int32 // the word as a name would use it: no possessive ending
	full       int32 // end including a possessive ending ("Sudani's")
	flags      tflag
	info       wordInfo // lexicon flags of the folded word
	r          rune     // the rune of a punctuation token
}

type tflag uint16

const (
	tWord      tflag = 1 << iota
	tPunct           // a single punctuation or symbol rune
	tCap             // first letter upper case
	tAllCaps         // two or more letters, none lower case
	tLower           // first letter lower case
	tDigit           // starts with a digit
	tPoss            // followed by "'s" or a bare "'" after s
	tJoinNext        // a hyphen joins it to the next token
	tJoinPrev        // a hyphen joins it to the previous token
	tInitial         // a single letter with a period, or a dotted acronym ("U.S.")
	tSpace           // white space precedes it
	tSentStart       // first word of the sentence or of a quotation
)

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x200B, 0xFEFF:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordRuneAt reports whether a letter or digit starts at s[i].
func wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func asciiLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// tokenize appends the tokens of s to toks. buf is scratch space for
// folding the rare words the fast path cannot look up; both are returned
// for reuse.
func (t *tables) tokenize(s string, toks []token, buf []byte) ([]token, []byte) {
	space, start := true, true
	for i := 0; i < len(s); {
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpaceRune(r) {
			space = true
			i += size
			continue
		}
		if isWordRune(r) {
			var fl tflag
			if space {
				fl |= tSpace
			}
			if start {
				fl |= tSentStart
			}
			if n := len(toks); n > 0 && toks[n-1].flags&tJoinNext != 0 {
				fl |= tJoinPrev
			}
			toks = append(toks, token{})
			i = t.scanWord(&toks[len(toks)-1], s, i, &buf)
			toks[len(toks)-1].flags |= fl
			space, start = false, false
			continue
		}
		tk := token{start: int32(i), end: int32(i + size), full: int32(i + size), flags: tPunct, r: r}
		if space {
			tk.flags |= tSpace
		}
		switch r {
		case '\u201c', '\u2018', '(', '[', ':', '\u2014', '\u2013', '\u00ab', '.', '!', '?', ';':
			start = true
		case '"', '\'', '`':
			// A straight quote opens a quotation only after a space.
			start = space || len(toks) == 0 || start
		case '-':
			start = start || (i+1 < len(s) && s[i+1] == '-')
		default:
			start = false
		}
		toks = append(toks, tk)
		space = false
		i += size
	}
	return toks, buf
}

// scanWord reads the word starting at s[i]. Letters, digits and marks make
// up a word; an apostrophe stays inside it when a letter follows
// ("O'Brien"), except for a possessive ending, which is recorded in full
// rather than in end. A period is kept after an initial, a dotted acronym
// or a known abbreviation. A hyphen followed by a letter ends the token
// with tJoinNext so that compounds can be judged part by part ("US-led").
func (t *tables) scanWord(tk *token, s string, i int, bufp *[]byte) int {
	n := len(s)
	*tk = token{start: int32(i), flags: tWord}
	j := i
	letters, upper, lower := 0, 0, 0
	first := true
	poss := false
	full := -1
	// Fast path: ASCII letters and digits, hashed for the lexicon as they
	// are read. Anything else hands over to the general loop below.
	h := fnvOffset
	for j < n {
		c := s[j]
		switch {
		case 'a' <= c && c <= 'z':
			letters++
			lower++
			if first {
				tk.flags |= tLower
			}
		case 'A' <= c && c <= 'Z':
			letters++
			upper++
			if first {
				tk.flags |= tCap
			}
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			if first {
				tk.flags |= tDigit
			}
		default:
			goto general
		}
		h = (h ^ uint64(c)) * fnvPrime
		first = false
		j++
	}
general:
	plain := j == n || s[j] < utf8.RuneSelf && !isApostrophe(rune(s[j]))
loop:
	for j < n && !plain {
		c := s[j]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[j:])
		}
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			letters++
			lower++
			if first {
				tk.flags |= tLower
			}
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			letters++
			upper++
			if first {
				tk.flags |= tCap
			}
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			if first {
				tk.flags |= tDigit
			}
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				upper++
				if first {
					tk.flags |= tCap
				}
			} else if unicode.IsLower(r) {
				lower++
				if first {
					tk.flags |= tLower
				}
			}
		case r >= utf8.RuneSelf && unicode.IsDigit(r):
			if first {
				tk.flags |= tDigit
			}
		case r >= utf8.RuneSelf && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)):
		case isApostrophe(r):
			k := j + size
			if letters == 0 {
				break loop
			}
			if k < n && (s[k] == 's' || s[k] == 'S') && !wordRuneAt(s, k+1) {
				poss, full = true, k+1
				break loop
			}
			if wordRuneAt(s, k) {
				j = k
				continue
			}
			if p := s[j-1]; (p == 's' || p == 'S') && tk.flags&tCap != 0 {
				poss, full = true, k
			}
			break loop
		default:
			break loop
		}
		first = false
		j += size
	}
	tk.end = int32(j)
	next := j
	looked := false // tk.info holds the lookup of s[i:j]
	if !poss && j < n && s[j] == '.' {
		if letters == 1 && j-i == 1 {
			// An initial ("J.") or a dotted acronym ("U.S.", "U.N").
			j++
			for j < n && asciiLetter(s[j]) && !wordRuneAt(s, j+1) {
				if s[j] >= 'A' && s[j] <= 'Z' {
					upper++
				}
				j++
				if j < n && s[j] == '.' {
					j++
				}
			}
			tk.flags |= tInitial
			tk.end, next = int32(j), j
		} else if letters > 1 {
			var info wordInfo
			if plain {
				info = t.fast.get(h, s[i:j])
			} else {
				*bufp = appendFold((*bufp)[:0], s[i:j])
				info = t.lex[string(*bufp)]
			}
			tk.info, looked = info, true
			if info&wAbbrev != 0 {
				j++
				tk.end, next = int32(j), j
			}
		}
	}
	if upper >= 2 && lower == 0 {
		tk.flags |= tAllCaps
	}
	if poss {
		tk.flags |= tPoss
		tk.full = int32(full)
		next = full
	} else {
		tk.full = tk.end
		if next < n {
			r, size := rune(s[next]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[next:])
			}
			if isHyphen(r) && wordRuneAt(s, next+size) {
				tk.flags |= tJoinNext
				next += size
			}
		}
	}
	switch {
	case looked, tk.flags&tDigit != 0:
		// Looked up before the period was judged, or a number, which no
		// list holds.
	case plain && tk.flags&tInitial == 0:
		tk.info = t.fast.get(h, s[tk.start:tk.end])
	case tk.end-tk.start <= 40:
		*bufp = appendFold((*bufp)[:0], s[tk.start:tk.end])
		tk.info = t.lex[string(*bufp)]
	}
	return next
}
