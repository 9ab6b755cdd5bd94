package facts

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Some 2,500 US-led troops remain", []string{"2500", "us", "led", "troop", "remain"}},
		{"Iraq's premier said he was optimistic.", []string{"iraq", "premier", "optimistic"}},
		{"The Élysée Palace’s spokeswoman", []string{"elysee", "palace", "spokeswoman"}},
		{"Stopped rescuers, stopping floods", []string{"stop", "rescuer", "stop", "flood"}},
		{"3.5 per cent", []string{"3.5", "cent"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		tokenize(tt.in, func(s string) { got = append(got, s) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuoteAlignment(t *testing.T) {
	q := func(s string) quoteRef {
		w, g := quoteWords(s)
		return quoteRef{words: w, gaps: g}
	}
	tests := []struct {
		a, b       string
		same, diff bool
	}{
		{"We will rebuild every school in the valley", "We will rebuild every school in the valley", true, false},
		{"We will rebuild every school in the valley", "rebuild every school in the valley", true, false},
		{"We will rebuild every school that the water destroyed this week", "We will rebuild every house that the water destroyed this week", true, true},
		{"We will rebuild … that the water destroyed this week", "We will rebuild every school that the water destroyed this week", true, false},
		{"In the process of creating a white homeland", "The South is still in the process of a cleansing moment", false, false},
		{"The human rights situation in Rwanda is critical", "can they produce a credible report on the human rights situation in this country", false, false},
		{"What (Iraqis) will hear from him is a commitment", "What will hear from him is a commitment", true, false},
		{"We will rebuild every school in the valley", "Prices will rise across the country next year", false, false},
	}
	for _, tt := range tests {
		same, va, vb := alignQuotes(q(tt.a), q(tt.b))
		if same != tt.same || (va != "" || vb != "") != tt.diff {
			t.Errorf("align(%q, %q) = %v %q %q; want same %v diff %v", tt.a, tt.b, same, va, vb, tt.same, tt.diff)
		}
	}
}
