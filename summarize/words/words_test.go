package words

import "testing"

func TestWords(t *testing.T) {
	cases := []struct {
		fn       func(string) string
		name     string
		in, want string
	}{
		{Fold, "Fold", "Sudani", "sudani"},
		{Fold, "Fold", "Perú", "peru"},
		{Fold, "Fold", "Austin’s", "austin's"},
		{Fold, "Fold", "plain", "plain"},
		{Stem, "Stem", "troops", "troop"},
		{Stem, "Stem", "countries", "country"},
		{Stem, "Stem", "visited", "visit"},
		{Stem, "Stem", "planned", "plan"},
		{Stem, "Stem", "meeting", "meet"},
		{Stem, "Stem", "news", "news"},
		{Stem, "Stem", "crisis", "crisis"},
		{Stem, "Stem", "series", "series"},
		{Stem, "Stem", "status", "status"},
		{Americanize, "Americanize", "defence", "defense"},
		{Americanize, "Americanize", "neighbour", "neighbor"},
		{Americanize, "Americanize", "organisation", "organization"},
		{Americanize, "Americanize", "four", "four"},
	}
	for _, tc := range cases {
		if got := tc.fn(tc.in); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}
