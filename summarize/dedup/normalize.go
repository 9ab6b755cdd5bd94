package dedup

import (
	"unicode"
	"unicode/utf8"

	"github.com/brieftool/brief/internal/mix"
	"golang.org/x/text/unicode/norm"
)

// FNV-1a 64-bit constants. Words are hashed byte by byte as they are
// normalised, so no normalised string is ever built: that keeps the
// tokenizer allocation-free, which matters at ~6 million words a corpus.
const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

// isApostrophe reports runes that join the two halves of a word
// ("Baghdad's", "Baghdad’s", "don't"). They are dropped rather than
// treated as separators so that straight and curly spellings agree and
// possessives stay one word.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u02bc', '\u02bb', '\u00b4':
		return true
	}
	return false
}

// appendWords appends one 64-bit hash per normalised word of s to dst and
// returns the extended slice.
//
// Normalisation: letters are lowercased and stripped of non-spacing marks
// (Unicode category Mn, after canonical decomposition), so "Sudani",
// "SUDANI" and "Sudání" hash alike; digits are kept; apostrophes vanish;
// every other rune (punctuation, curly quotes, dashes, ellipses, spaces)
// separates words. Spacing marks (Mc, Me) stay inside words because in
// Indic scripts they are vowels, not accents.
func appendWords(dst []uint64, s string) []uint64 {
	h := fnvOffset
	in := false
	var enc [utf8.UTFMax]byte
	feed := func(r rune) {
		if r < utf8.RuneSelf {
			h ^= uint64(r)
			h *= fnvPrime
			return
		}
		n := utf8.EncodeRune(enc[:], r)
		for _, b := range enc[:n] {
			h ^= uint64(b)
			h *= fnvPrime
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '`':
				continue
			default:
				if in {
					dst = append(dst, h)
					h, in = fnvOffset, false
				}
				continue
			}
			h ^= uint64(c)
			h *= fnvPrime
			in = true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isApostrophe(r), unicode.Is(unicode.Mn, r):
			// Word-internal and invisible to comparison.
		case unicode.IsLetter(r):
			if d := norm.NFD.PropertiesString(s[i : i+size]).Decomposition(); len(d) > 0 {
				for _, dr := range string(d) {
					if !unicode.Is(unicode.Mn, dr) {
						feed(unicode.ToLower(dr))
					}
				}
			} else {
				feed(unicode.ToLower(r))
			}
			in = true
		case unicode.IsDigit(r), unicode.Is(unicode.Mc, r), unicode.Is(unicode.Me, r):
			feed(r)
			in = true
		default:
			if in {
				dst = append(dst, h)
				h, in = fnvOffset, false
			}
		}
		i += size
	}
	if in {
		dst = append(dst, h)
	}
	return dst
}

// seqHash hashes a word sequence exactly (order and length matter). Two
// texts with equal seqHash are identical after normalisation, up to a
// 2^-64 collision chance.
func seqHash(words []uint64) uint64 {
	h := mix.Mix64(uint64(len(words)) ^ 0x243f6a8885a308d3)
	for _, w := range words {
		h = mix.Mix64(h ^ w)
	}
	return h
}
