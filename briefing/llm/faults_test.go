package llm_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/llm/cache"
	"github.com/brieftool/brief/internal/llmtest"
)

// The faults below were found by an adversarial review of the backend;
// each once reached the page marked supported, or crashed the run.

// page runs answer a through the real client, the fallback and the check
// (drop policy); a panic fails the test instead of the binary.
func page(t *testing.T, a llmtest.Answer) *briefing.Briefing {
	t.Helper()
	srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply { return llmtest.Reply{Content: a.JSON()} })
	var b *briefing.Briefing
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("panic: %v", r)
			}
		}()
		var err error
		if b, _, err = compose(t, backend(t, srv, setup{}), seedRequest(t)); err != nil {
			t.Fatal(err)
		}
	}()
	return b
}

var supported = llmtest.Point{Text: "US Defense Secretary Lloyd Austin arrived in Iraq on Tuesday on an unannounced visit [S2]."}

func TestFaultsNeverReachThePage(t *testing.T) {
	cases := []struct {
		name string
		a    llmtest.Answer
		bad  string // must not be on the page
	}{
		// S2's sentence says Tuesday; a weaker pair of other sentences
		// with no date once rescued the claim.
		{"weekday changed", llmtest.Answer{KeyPoints: []llmtest.Point{supported,
			{Text: "US Defense Secretary Lloyd Austin arrived in Iraq on Friday on an unannounced visit [S2]."}}}, "Friday"},
		// "on March 7" in a report published 2023-03-07.
		{"year changed", llmtest.Answer{KeyPoints: []llmtest.Point{supported,
			{Text: "Austin made an unannounced trip to Iraq on March 7, 2024 [S5]."}}}, "2024"},
		// Dispute lines are the fact table's: a frame saying "killed"
		// for a troop count cannot reach the page.
		{"dispute frame says killed", llmtest.Answer{KeyPoints: []llmtest.Point{supported},
			Disputes: []llmtest.Dispute{{Conflict: "C1", Text: "US troops killed in Iraq: 2,500 [S1][S4][S5] versus about 2,000 [S2]."}}}, "killed"},
		// Each part passed on its own; the sentence denies what S5 says.
		{"negation split off by a marker", llmtest.Answer{KeyPoints: []llmtest.Point{supported,
			{Text: "An official said it is not [S5] about keeping US military presence in Iraq [S5]."}}}, "it is not"},
		// S3 and S5 give these words to an anonymous official.
		{"anonymous official's words given to Austin", llmtest.Answer{KeyPoints: []llmtest.Point{supported},
			Quotes: []llmtest.Quote{{Speaker: "Lloyd Austin", Quote: "I think that Iraqi leaders share our interest in Iraq not becoming a playground for conflict between the United States and Iran", Sources: []string{"S3", "S5"}}}}, "Lloyd Austin: “I think"},
		{"claim in the speaker field", llmtest.Answer{KeyPoints: []llmtest.Point{supported},
			Quotes: []llmtest.Quote{{Speaker: "Lloyd Austin, who announced the withdrawal of all US troops", Quote: "I am optimistic about the future of our partnership", Sources: []string{"S1"}}}}, "withdrawal"},
		{"paraphrase in fullwidth quotes", llmtest.Answer{KeyPoints: []llmtest.Point{supported,
			{Text: "Austin said ＂US forces are ready to stay in Iraq at the invitation of the government of Iraq＂ [S4]."}}}, "stay"},
		{"paraphrase in corner brackets", llmtest.Answer{KeyPoints: []llmtest.Point{supported,
			{Text: "Austin said 「US forces are ready to stay in Iraq at the invitation of the government of Iraq」 [S4]."}}}, "stay"},
		{"fullwidth digits", llmtest.Answer{KeyPoints: []llmtest.Point{supported,
			{Text: "The United States has ３,５００ troops in Iraq [S5]."}}}, "United States has"},
		{"Arabic-Indic digits", llmtest.Answer{KeyPoints: []llmtest.Point{supported,
			{Text: "The United States has ٣٥٠٠ troops in Iraq [S5]."}}}, "United States has"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if text := allText(page(t, tc.a)); strings.Contains(text, tc.bad) {
				t.Errorf("unsupported text %q reached the page:\n%s", tc.bad, text)
			}
		})
	}
}

// A marker group right after a sentence already cut off ("… [S2]. [S5]
// He …") got a negative offset and panicked.
func TestFaultMarkerAfterSentenceEnd(t *testing.T) {
	for _, text := range []string{
		"US Defense Secretary Lloyd Austin arrived in Iraq on Tuesday [S2]. [S5] He made an unannounced trip to Iraq [S5].",
		"US Defense Secretary Lloyd Austin arrived in Iraq on Tuesday [S2].[S5] He made an unannounced trip to Iraq [S5].",
	} {
		b := page(t, llmtest.Answer{Headline: text, KeyPoints: []llmtest.Point{{Text: text}}})
		if b.Backend != "openai:test-model" {
			t.Errorf("backend %q", b.Backend)
		}
	}
}

// A sentence stating one side of a contradiction the model did not
// report brings the contradiction's line onto the page, flagged.
func TestFaultOmittedContradictionIsShown(t *testing.T) {
	b := page(t, llmtest.Answer{KeyPoints: []llmtest.Point{supported, {Text: "The United States currently has 2,500 troops in Iraq [S5]."}}})
	var flagged, shown bool
	for _, s := range b.Sections {
		for _, it := range s.Items {
			if s.ID == briefing.SectionDisputed && strings.Contains(it.Text, "about 2,000") {
				shown = true
			}
			if s.ID == briefing.SectionKeyPoints && strings.Contains(it.Text, "2,500") && it.Disputed != "" {
				flagged = true
			}
		}
	}
	if !shown || !flagged {
		t.Errorf("contradiction shown %v, key point flagged %v:\n%s", shown, flagged, allText(b))
	}
}

// An answer to a prompt the server cut is not used, from the cache
// either.
func TestFaultTruncatedPromptAnswerNotReused(t *testing.T) {
	c, err := cache.Open(filepath.Join(t.TempDir(), "llm.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	srv := llmtest.New(t, func(n int, r llmtest.Request) llmtest.Reply {
		rep := faithful(n, r)
		rep.PromptTokens = 512
		return rep
	})
	for run := 1; run <= 2; run++ {
		b, _, err := compose(t, backend(t, srv, setup{cache: c}), seedRequest(t))
		if err != nil {
			t.Fatal(err)
		}
		if b.Backend != "extractive" {
			t.Errorf("run %d: backend %s: the answer to a cut prompt was used", run, b.Backend)
		}
	}
}

// A dispute is the table's contradiction with all its sides, whatever
// the model wrote; an id the table does not have is left out and noted.
func TestFaultDisputeLinesAreTheTables(t *testing.T) {
	for _, tc := range []struct {
		d    llmtest.Dispute
		want string
	}{
		{llmtest.Dispute{Conflict: "C2", Text: "US troops in Iraq: 2,500 [S5] versus about 2,000 [S2]."}, "Austin's words: “and broaden out partnership in” against “and broaden our partnership in”."},
		{llmtest.Dispute{Conflict: "C1", Text: "US troops in Iraq: 2,500 [S5]."}, "US troops in Iraq: 2,500 against about 2,000."},
		{llmtest.Dispute{Conflict: "C9", Text: "Casualties: 12 [S1] against 21 [S2]."}, "does not have"},
	} {
		b := page(t, llmtest.Answer{KeyPoints: []llmtest.Point{supported}, Disputes: []llmtest.Dispute{tc.d}})
		if got := allText(b) + strings.Join(b.Notes, " "); !strings.Contains(got, tc.want) {
			t.Errorf("%+v: page lacks %q:\n%s", tc.d, tc.want, got)
		}
		if strings.Contains(allText(b), "Casualties") {
			t.Errorf("%+v: a contradiction the table does not have reached the page", tc.d)
		}
	}
}

// "Notable quotes, with the speaker": a quote with no speaker, or "He",
// is left out, and the page says so.
func TestFaultQuoteNamesItsSpeaker(t *testing.T) {
	for _, sp := range []string{"", "He"} {
		b := page(t, llmtest.Answer{KeyPoints: []llmtest.Point{supported},
			Quotes: []llmtest.Quote{{Speaker: sp, Quote: "We must be able to operate safely and securely to continue this vital work", Sources: []string{"S4"}}}})
		for _, s := range b.Sections {
			if s.ID == briefing.SectionQuotes {
				t.Errorf("speaker %q: quote on the page: %+v", sp, s.Items)
			}
		}
		if !strings.Contains(strings.Join(b.Notes, " "), "without a named speaker") {
			t.Errorf("speaker %q: notes %q", sp, b.Notes)
		}
	}
}

// A model whose every sentence fails the check has failed: the user gets
// the extractive briefing, with the reason.
func TestFaultAllUnsupportedFallsBack(t *testing.T) {
	b := page(t, llmtest.Answer{Headline: "Austin orders withdrawal [S9]", KeyPoints: []llmtest.Point{{Text: "The United States has 9,999 troops in Iraq [S1]."}}})
	if b.Backend != "extractive" || !strings.Contains(strings.Join(b.Notes, " "), "passed the citation check") {
		t.Errorf("backend %q, notes %q", b.Backend, b.Notes)
	}
}
