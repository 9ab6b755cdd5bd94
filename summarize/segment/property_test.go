package segment

import (
	"math/rand/v2"
	"strings"
	"testing"
	"testing/quick"
	"unicode/utf8"
)

// pieces are fragments that exercise every rule; random strings built from
// them reach far more rule interactions than uniformly random bytes do.
var pieces = []string{
	" ", "  ", "\n", "\n\n", "\n \n", "\r\n", "\t", "\u00a0", "\u2029", "\u200b",
	".", "..", "...", ". . .", "?", "!", "?!", "…", ",", ":", ";", "-", "- ", "* ", "1. ",
	`"`, "'", "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]",
	"U.S.", "Gen.", "No.", "p.m.", "Inc.", "J.", "e.g.", "etc.", "2.5", "2014", "example.com",
	"The", "He", "Then", "Austin", "said", "troops", "we", "in", "a", "Iraq’s", "Baghdad's",
	"Москва", "بغداد", "他说", "\xff", "\xe2\x80", "\xc2", "\x80",
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(40); n >= 0; n-- {
		if r.IntN(8) == 0 {
			b.WriteByte(byte(r.IntN(256)))
			continue
		}
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestSplitPropertiesPieces(t *testing.T) {
	sp := splitter(t)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		text := randomText(r)
		checkInvariants(t, text, sp.Split(text))
	}
}

func TestSplitPropertiesQuick(t *testing.T) {
	sp := splitter(t)
	f := func(text string) bool {
		checkInvariants(t, text, sp.Split(text))
		return !t.Failed()
	}
	if err := quick.Check(f, &quick.Config{MaxCount: 5000}); err != nil {
		t.Error(err)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"",
		"U.S. troops remain. They train.",
		`"What (Iraqis) will hear is a commitment. The U.S. is interested," the official said.`,
		"He paused... Then he left.\n\n- item one\n- item two",
		"Breaking news\nThe army said X.",
		"“Iraq’s ‘vital’ work…” he said?! «Oui.»",
	} {
		f.Add(s)
	}
	sp := splitter(f)
	f.Fuzz(func(t *testing.T, text string) {
		spans := sp.Split(text)
		checkInvariants(t, text, spans)
		// Later stages slice sentences out of the text and print them:
		// in valid UTF-8 a span must not cut a character.
		if utf8.ValidString(text) {
			for k, s := range spans {
				if !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
					t.Fatalf("span %d %v cuts a character in %q", k, s, text)
				}
			}
		}
	})
}
