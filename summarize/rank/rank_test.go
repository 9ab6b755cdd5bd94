package rank

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/load"
)

func corpus(t testing.TB, texts ...string) *summarize.Corpus {
	t.Helper()
	p, err := summarize.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	var docs []load.Document
	for i, tx := range texts {
		d := load.Document{ID: fmt.Sprintf("d%d", i), Origin: fmt.Sprintf("d%d.txt", i), Input: "test", Format: load.FormatText, Text: tx}
		d.Meta.Outlet = fmt.Sprintf("Outlet %d", i)
		d.Meta.Published = time.Date(2024, 5, 1+i, 0, 0, 0, 0, time.UTC)
		docs = append(docs, d)
	}
	c, err := p.BuildDocuments(context.Background(), docs, summarize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func texts(ps []Pick) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

func words(ps []Pick) int {
	n := 0
	for _, p := range ps {
		n += len(strings.Fields(p.Text))
	}
	return n
}

// The story every outlet reports must come before what one outlet adds,
// and a near repeat of a chosen sentence must not be chosen again.
func TestSelectCoverageAndRedundancy(t *testing.T) {
	c := corpus(t,
		"The river burst its banks in the town of Kelso on Monday, flooding two hundred homes.\n\nThe mayor of Kelso visited a school where a local baker had set up a free soup kitchen for families.",
		"Two hundred homes were flooded when the river burst its banks in Kelso on Monday.\n\nEmergency crews evacuated the care home on Mill Street before the water reached the ground floor.",
		"The river burst its banks in Kelso on Monday and flooded two hundred homes, officials said.\n\nForecasters expect more heavy rain across the border region until the end of the week.",
	)
	picks, err := Select(context.Background(), c, Options{Words: 30})
	if err != nil {
		t.Fatal(err)
	}
	if len(picks) == 0 {
		t.Fatal("no sentence picked")
	}
	if !strings.Contains(picks[0].Text, "burst its banks") {
		t.Errorf("first pick %q, want the flood sentence all three outlets report", picks[0].Text)
	}
	n := 0
	for _, p := range picks {
		if strings.Contains(p.Text, "burst its banks") {
			n++
		}
	}
	if n > 1 {
		t.Errorf("picked %d versions of the same sentence: %q", n, texts(picks))
	}
	if w := words(picks); w > 30 {
		t.Errorf("picked %d words, budget 30", w)
	}
}

// Five reprints of one wire story are one source: their wording must not
// outweigh a fact two independent outlets report.
func TestSelectCountsWireCopiesOnce(t *testing.T) {
	wire := "The central bank raised its main interest rate to four percent on Thursday, the third rise this year.\n\nShares in regional lenders fell sharply in early trading after the announcement by the governor."
	indep1 := "Unions called a national strike over pensions for the second week of June, the labour ministry confirmed.\n\nThe central bank raised interest rates again on Thursday."
	indep2 := "A national strike over pensions was called by unions for the second week of June, officials confirmed.\n\nMarkets were calm."
	c := corpus(t, wire, wire, wire, wire, indep1, indep2)
	if c.Independent() != 3 {
		t.Fatalf("corpus has %d independent sources, want 3 (wire copies grouped)", c.Independent())
	}
	picks, err := Select(context.Background(), c, Options{Words: 20})
	if err != nil || len(picks) == 0 {
		t.Fatalf("picks %v, err %v", picks, err)
	}
	if !strings.Contains(picks[0].Text, "strike") {
		t.Errorf("first pick %q, want the strike reported by two independent outlets", picks[0].Text)
	}
}

func TestSelectFocus(t *testing.T) {
	base := []string{
		"Storms closed the airport in Valdor on Friday and stranded thousands of travellers overnight.\n\nThe airport authority said flights would resume on Saturday morning if the winds eased.\n\nFarmers in the valley reported heavy losses of wheat and barley after the hail.",
		"Thousands of travellers were stranded overnight after storms closed Valdor airport on Friday.\n\nHail destroyed wheat and barley crops across the valley, farmers said on Friday.",
		"Valdor airport was closed by storms on Friday, stranding thousands of travellers.\n\nThe farmers union estimated crop losses in the valley at ten million euros after the hail.",
	}
	c := corpus(t, base...)
	picks, err := Select(context.Background(), c, Options{Words: 25, Focus: "What did the hail do to farmers and crops?"})
	if err != nil || len(picks) == 0 {
		t.Fatalf("picks %v, err %v", picks, err)
	}
	if !strings.Contains(strings.ToLower(picks[0].Text), "hail") {
		t.Errorf("with a focus on crops, first pick %q", picks[0].Text)
	}
}

func TestSelectEmptyAndBudget(t *testing.T) {
	c := corpus(t, "A short one.\n\nThe committee approved the new budget for road repairs in the northern districts on Tuesday.")
	if p, _ := Select(context.Background(), c, Options{Words: 0}); len(p) != 0 {
		t.Errorf("budget 0 picked %q", texts(p))
	}
	if p, _ := Select(context.Background(), c, Options{Words: 5}); len(p) != 0 {
		t.Errorf("budget 5 picked %q, longer than the budget", texts(p))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Select(ctx, c, Options{Words: 100}); err == nil {
		t.Error("cancelled context: no error")
	}
}

func TestTrim(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"MOBILE, Ala. (AP) -- A white supremacist was arrested after buying grenades.", "A white supremacist was arrested after buying grenades.", true},
		{"BEIJING, June 12 (Xinhua) -- China launched a weather satellite on Monday.", "China launched a weather satellite on Monday.", true},
		{"But Austin said the troops would stay in the country.", "Austin said the troops would stay in the country.", true},
		{"But the troops would stay in the country, Austin said.", "But the troops would stay in the country, Austin said.", true},
		{"He said the troops would stay in the country.", "", false},
		{"This was the first visit by a defence secretary since 2020.", "", false},
		{"However, the group continues to carry out attacks.", "", false},
		{"She's expected to remain closed for at least two weeks.", "", false},
		{"Which must have been a tremendous disappointment for the team.", "", false},
		{"Residents of our sister city were evacuated on Monday.", "", false},
		{"I didn't know who they were the first time.", "", false},
		{"``We will stay,'' Austin told reporters in Baghdad.", "``We will stay,'' Austin told reporters in Baghdad.", true},
		{"Will the troops stay in the country?", "", false},
		{"the troops would stay in the country.", "", false},
		{"\"The troops will stay,\" Austin said, \"and they", "", false},
		{"Troops will stay in the country", "", false},
		{"“We will stay,” Austin told reporters in Baghdad.", "“We will stay,” Austin told reporters in Baghdad.", true},
		{"Some well-known speakers -- including the mayor -- spoke at the rally.", "Some well-known speakers -- including the mayor -- spoke at the rally.", true},
	}
	for _, tc := range cases {
		s, e, ok := trim(tc.in, 0, len(tc.in))
		if ok != tc.ok {
			t.Errorf("trim(%q) ok=%v, want %v", tc.in, ok, tc.ok)
			continue
		}
		if ok && tc.in[s:e] != tc.want {
			t.Errorf("trim(%q) = %q, want %q", tc.in, tc.in[s:e], tc.want)
		}
	}
}

func BenchmarkSelect25(b *testing.B) {
	var docs []string
	for i := 0; i < 25; i++ {
		var sb strings.Builder
		for k := 0; k < 30; k++ {
			fmt.Fprintf(&sb, "Officials in district %d reported %d new cases of the illness on day %d, and the health ministry said clinic number %d had closed.\n\n", (i+k)%7, i*k%13, k, (i*k)%11)
		}
		docs = append(docs, sb.String())
	}
	c := corpus(b, docs...)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Select(context.Background(), c, Options{Words: 250}); err != nil {
			b.Fatal(err)
		}
	}
}
