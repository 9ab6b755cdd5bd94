package llm

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseMarkers(t *testing.T) {
	cases := []struct {
		in     string
		text   string
		groups []markGroup
	}{
		{"Austin visited Baghdad [S1][S4].", "Austin visited Baghdad.", []markGroup{{22, []string{"S1", "S4"}}}},
		{"Austin visited Baghdad. [S1]", "Austin visited Baghdad.", []markGroup{{23, []string{"S1"}}}},
		{"Austin visited Baghdad [S1, s4; S1] .", "Austin visited Baghdad.", []markGroup{{22, []string{"S1", "S4"}}}},
		{"Troops: 2,500 [S1] against about 2,000 [S02].", "Troops: 2,500 against about 2,000.", []markGroup{{13, []string{"S1"}}, {33, []string{"S2"}}}},
		// Brackets that are not markers stay text.
		{"The minister [of defence] resigned [sic] [S3].", "The minister [of defence] resigned [sic].", []markGroup{{40, []string{"S3"}}}},
		{"No markers at all.", "No markers at all.", nil},
		{"[S2] Opens with one.", "Opens with one.", []markGroup{{15, []string{"S2"}}}},
		{"[S2] Opens with one [S4].", "Opens with one.", []markGroup{{14, []string{"S2", "S4"}}}},
		{"  Leading spaces [S1].", "Leading spaces.", []markGroup{{14, []string{"S1"}}}},
	}
	for _, tc := range cases {
		m := parseMarkers(tc.in)
		if m.text != tc.text || !reflect.DeepEqual(m.groups, tc.groups) {
			t.Errorf("parseMarkers(%q) = %q %v, want %q %v", tc.in, m.text, m.groups, tc.text, tc.groups)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string // each sentence, with its group count
	}{
		{"A rose [S1]. B fell [S2].", []string{"A rose. 1", "B fell. 1"}},
		// A sentence without its own marker stays with the next one,
		// whose sources must then state both.
		{"A rose. B fell [S2].", []string{"A rose. B fell. 1"}},
		// Abbreviations do not end sentences: only a marker group does.
		{"U.S. troops stay [S1]. Mr. Austin said so [S2].", []string{"U.S. troops stay. 1", "Mr. Austin said so. 1"}},
		{"A rose [S1], and B fell [S2].", []string{"A rose, and B fell. 2"}},
		{"Uncited.", []string{"Uncited. 0"}},
	}
	for _, tc := range cases {
		var got []string
		for _, m := range splitSentences(parseMarkers(tc.in)) {
			got = append(got, m.text+" "+string(rune('0'+len(m.groups))))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestExtendLast(t *testing.T) {
	text := "A rose, and B fell."
	got := extendLast(text, []markGroup{{6, []string{"S1"}}})
	if got[0].at != len(text) {
		t.Errorf("words after the last marker must be backed by it: at %d", got[0].at)
	}
	got = extendLast("A rose.", []markGroup{{6, []string{"S1"}}})
	if got[0].at != 6 {
		t.Errorf("closing punctuation needs no backing: at %d", got[0].at)
	}
}

func TestParseAnswer(t *testing.T) {
	good := `{"headline": "H [S1]", "key_points": [{"text": "K [S1].", "facts": ["F1"]}], "disputes": [], "quotes": [], "background": []}`
	cases := []struct {
		name, in, err string
	}{
		{"plain", good, ""},
		{"fenced", "```json\n" + good + "\n```", ""},
		{"with prose", "Here is the briefing:\n" + good + "\nHope this helps.", ""},
		{"reasoning first", "<think>The sources say {a lot}.</think>\n" + good, ""},
		{"braces in strings", `{"headline": "a } b [S1]", "key_points": [], "disputes": [], "quotes": [], "background": []}`, ""},
		{"cut short", `{"headline": "H [S1]", "key_points": [{"text": "K`, "not closed"},
		{"empty", "  ", "empty"},
		{"prose only", "I cannot help with that.", "no JSON object"},
		{"trailing comma", `{"headline": "H", "key_points": [,]}`, "invalid JSON"},
		{"wrong object", `{"summary": "..."}`, "none of"},
		{"wrong type", `{"headline": ["H"]}`, "invalid JSON"},
		{"points as strings", `{"headline": "H [S1]", "key_points": ["K [S1]."], "background": [{"text": "B [S2].", "facts": "F3"}]}`, ""},
	}
	for _, tc := range cases {
		a, err := parseAnswer(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
		case tc.err == "" && a.Headline == "":
			t.Errorf("%s: no headline", tc.name)
		}
	}
}
