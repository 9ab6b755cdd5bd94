package entity

import (
	"slices"
	"testing"
)

func TestParseRole(t *testing.T) {
	for _, c := range []struct {
		title string
		want  Role
	}{
		{"Iraqi Prime Minister", Role{Office: "prime minister", Place: "iraq", Formal: true}},
		{"the Iraqi premier", Role{Office: "prime minister", Place: "iraq", Formal: true}},
		{"US Defense Secretary", Role{Office: "secretary", Portfolio: []string{"defense"}, Place: "united states", Formal: true}},
		{"Secretary of Defense", Role{Office: "secretary", Portfolio: []string{"defense"}, Formal: true}},
		{"Defence Secretary", Role{Office: "secretary", Portfolio: []string{"defense"}, Formal: true}},
		{"Pentagon chief", Role{Portfolio: []string{"defense"}}},
		{"Iranian general", Role{Place: "iran"}},
		{"Revolutionary Guards' top commander", Role{Portfolio: []string{"revolutionary", "guards"}}},
		{"the President of the Kurdistan Regional Government (KRG)",
			Role{Office: "president", Portfolio: []string{"kurdistan", "regional", "government"}, Formal: true}},
		{"President of France", Role{Office: "president", Place: "france", Formal: true}},
		{"US Ambassador to Iraq", Role{Office: "ambassador", Portfolio: []string{"iraq"}, Place: "united states", Formal: true}},
		{"Iraq's former prime minister", Role{Office: "prime minister", Place: "iraq", Formal: true, Former: true}},
		{"ex-president", Role{Office: "president", Formal: true, Former: true}},
		{"then-Vice President", Role{Office: "vice president", Formal: true, Former: true}},
		{"Deputy Prime Minister", Role{Office: "deputy prime minister", Formal: true}},
		{"Secretary of State", Role{Office: "secretary", Portfolio: []string{"foreign"}, Formal: true}},
		{"Minister of Foreign Affairs", Role{Office: "minister", Portfolio: []string{"foreign"}, Formal: true}},
		{"Attorney General", Role{Office: "attorney general", Formal: true}},
		{"UN Secretary-General", Role{Office: "secretary-general", Portfolio: []string{"un"}, Formal: true}},
		{"Crown Prince", Role{Office: "crown prince", Formal: true}},
		{"President-elect", Role{}},
		{"a special agent with the Bureau of Alcohol, Tobacco and Firearms",
			Role{Portfolio: []string{"bureau", "alcohol", "tobacco", "firearms"}}},
		{"Mr.", Role{}},
		{"", Role{}},
	} {
		got := ParseRole(c.title)
		if got.Office != c.want.Office || got.Place != c.want.Place || got.Formal != c.want.Formal ||
			got.Former != c.want.Former || !slices.Equal(got.Portfolio, c.want.Portfolio) {
			t.Errorf("ParseRole(%q) = %+v, want %+v", c.title, got, c.want)
		}
	}
}

func TestConflicting(t *testing.T) {
	for _, c := range []struct {
		a, b     string
		conflict bool
	}{
		// Different offices.
		{"Prime Minister", "President", true},
		{"Vice President", "President", true},
		{"Deputy Prime Minister", "Prime Minister", true},
		{"Governor", "Mayor", true},
		{"King", "Crown Prince", true},
		{"Senator", "Representative", true},
		// Same office, different portfolio or country.
		{"Defense Minister", "Foreign Minister", true},
		{"Secretary of State", "Defense Secretary", true},
		{"Minister of Oil", "Minister of Finance", true},
		{"Iraqi Prime Minister", "Iranian Prime Minister", true},
		{"US Ambassador to Iraq", "US Ambassador to Syria", true},
		// Descriptions never conflict.
		{"Pentagon chief", "Defense Secretary", false},
		{"Iranian general", "Revolutionary Guards' top commander", false},
		{"Mr.", "Prime Minister", false},
		{"foreign operations chief", "Defense Minister", false},
		// The same office in other words.
		{"President of the Kurdistan Regional Government", "President of the Iraqi Kurdistan Region", false},
		{"President of the KRG", "President of the Kurdistan Region", false},
		{"President of the Kurdistan region in Iraq", "the President of the Kurdistan Regional Government (KRG)", false},
		{"President of the Kurdistan region in Iraq", "President of the Iraqi Kurdistan Region", false},
		{"US Defense Secretary", "Secretary of Defense", false},
		{"Defence Secretary", "Defense Secretary", false},
		{"Defense Minister", "Defense Secretary", false},
		{"Iraqi premier", "Prime Minister", false},
		{"Secretary of State", "Foreign Secretary", false},
		{"Minister of Foreign Affairs", "Foreign Minister", false},
		{"Treasury Secretary", "Finance Minister", false},
		{"Home Secretary", "Interior Minister", false},
		{"President of France", "French President", false},
		{"Acting Defense Secretary", "Defense Secretary", false},
		// Offices no longer or not yet held.
		{"former president", "prime minister", false},
		{"then-President", "Vice President", false},
		{"President-elect", "President", false},
	} {
		got, why := Conflicting(ParseRole(c.a), ParseRole(c.b))
		if got != c.conflict {
			t.Errorf("Conflicting(%q, %q) = %v (%s), want %v", c.a, c.b, got, why, c.conflict)
		}
		if why == "" {
			t.Errorf("Conflicting(%q, %q): empty reason", c.a, c.b)
		}
		if rev, _ := Conflicting(ParseRole(c.b), ParseRole(c.a)); rev != got {
			t.Errorf("Conflicting(%q, %q) is not symmetric", c.a, c.b)
		}
	}
}
