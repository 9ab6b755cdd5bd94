package dedup

import (
	"slices"
	"testing"
)

func TestAppendWordsFoldsSpellingVariants(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"case", "Pentagon Chief VISITS Baghdad", "pentagon chief visits baghdad"},
		{"curly and straight apostrophes", "Baghdad’s invitation, Iran’s ally", "Baghdad's invitation, Iran's ally"},
		{"curly and straight quotes", "“ready to remain” in the country", "\"ready to remain\" in the country"},
		{"punctuation and dashes", "Iraq – a thorny issue — divided opinion...", "Iraq a thorny issue divided opinion"},
		{"hyphenated names", "Mohammed Shia al-Sudani", "Mohammed Shia al Sudani"},
		{"accents", "Forlì-Cesena, São Paulo, Zürich", "Forli Cesena Sao Paulo Zurich"},
		{"decomposed accents", "Forli\u0300", "Forlì"},
		{"whitespace and nbsp", "  US\u00a0troops\n\tremain  ", "US troops remain"},
		{"ellipsis character", "at Baghdad's…", "at Baghdad's..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := appendWords(nil, tt.a), appendWords(nil, tt.b)
			if len(a) == 0 || !slices.Equal(a, b) {
				t.Errorf("%q and %q normalise differently: %d vs %d words", tt.a, tt.b, len(a), len(b))
			}
		})
	}
}

func TestAppendWordsKeepsWordsApart(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"different words", "troops remain", "troops withdraw"},
		{"order matters", "Iran backs Iraq", "Iraq backs Iran"},
		{"digits count", "2,500 troops", "2,000 troops"},
		{"non-Latin scripts", "Багдад", "Бағдад"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if slices.Equal(appendWords(nil, tt.a), appendWords(nil, tt.b)) {
				t.Errorf("%q and %q normalise alike", tt.a, tt.b)
			}
		})
	}
}

func TestAppendWordsCounts(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"... — “” !", 0},
		{"Search", 1},
		{"US-led invasion", 3},
		{"Caliber.az © 2024.", 3},
		{"बगदाद में अमेरिकी रक्षा मंत्री", 5}, // vowel signs (Mc) stay inside words
		{"Austin's visit, which hadn't been announced", 6},
	}
	for _, tt := range tests {
		if got := len(appendWords(nil, tt.in)); got != tt.want {
			t.Errorf("appendWords(%q): %d words, want %d", tt.in, got, tt.want)
		}
	}
}
