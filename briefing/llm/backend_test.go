package llm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/extractive"
	"github.com/brieftool/brief/briefing/llm"
	"github.com/brieftool/brief/briefing/llm/cache"
	"github.com/brieftool/brief/briefing/llm/openai"
	"github.com/brieftool/brief/internal/llmtest"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
)

// The seeds' corpus and fact table, and the verifier, are costly: one per
// test binary.
var (
	seeds = sync.OnceValues(func() (*briefing.Request, error) {
		ctx := context.Background()
		c, err := summarize.Build(ctx, []string{"../../testdata/iraq-visit"}, summarize.Options{})
		if err != nil {
			return nil, err
		}
		t, err := facts.Build(ctx, c, facts.Options{})
		if err != nil {
			return nil, err
		}
		return &briefing.Request{Corpus: c, Table: t, MinConfidence: 0.5}, nil
	})
	verifier = sync.OnceValue(briefing.NewVerifier)
)

func seedRequest(t *testing.T) briefing.Request {
	t.Helper()
	r, err := seeds()
	if err != nil {
		t.Fatal(err)
	}
	return *r
}

type setup struct {
	context int
	cache   *cache.Cache
	timeout time.Duration
}

// backend is the model backend talking to srv through the real
// go-openai client, with millisecond backoff.
func backend(t *testing.T, srv *llmtest.Server, s setup) *llm.Backend {
	t.Helper()
	zero := 0.0
	timeout := s.timeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	cl, err := openai.New(openai.Config{BaseURL: srv.BaseURL(), Model: "test-model", Temperature: &zero, MaxTokens: 2048,
		Timeout: timeout, MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	var c llm.Client = cl
	if s.cache != nil {
		c = cache.Wrap(cl, s.cache, "test")
	}
	b, err := llm.New(llm.Options{Client: c, Name: cl.Name(), Model: "test-model", Context: s.context, Check: verifier()})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// compose runs the briefing as `brief report` does: the model, the
// extractive fallback, the check that drops what fails.
func compose(t *testing.T, b *llm.Backend, req briefing.Request) (*briefing.Briefing, []string, error) {
	t.Helper()
	var warnings []string
	out, err := briefing.Compose(context.Background(), req, briefing.ComposeOptions{Writer: b, Fallback: extractive.New(verifier()),
		Verifier: verifier(), Warn: func(m string) { warnings = append(warnings, m) }})
	return out, warnings, err
}

func faithful(_ int, r llmtest.Request) llmtest.Reply {
	return llmtest.Reply{Content: llmtest.Faithful(r).JSON()}
}

func allText(b *briefing.Briefing) string {
	var s []string
	s = append(s, b.Headline.Text)
	for _, sec := range b.Sections {
		for _, it := range sec.Items {
			s = append(s, it.Text)
		}
	}
	return strings.Join(s, "\n")
}

func TestWriteWithModel(t *testing.T) {
	srv := llmtest.New(t, faithful)
	b, warnings, err := compose(t, backend(t, srv, setup{}), seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	if b.Backend != "openai:test-model" {
		t.Errorf("backend %q", b.Backend)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Temperature == nil || *r.Temperature != 0 {
		t.Errorf("temperature %v, want 0 sent", r.Temperature)
	}
	if !strings.Contains(string(r.ResponseFormat), `"json_schema"`) {
		t.Errorf("response_format %s, want json_schema", r.ResponseFormat)
	}
	// The model sees the fact table, not the articles.
	for _, want := range []string{"FACTS", "S1 |", "CONTRADICTIONS", "2,500"} {
		if !strings.Contains(r.User(), want) {
			t.Errorf("prompt lacks %q", want)
		}
	}
	v := b.Verification
	if v.Checked == 0 || v.Verified != v.Checked || v.DroppedItems != 0 {
		t.Errorf("verification %+v: want every citation verified", v)
	}
	if len(b.Sections) == 0 || b.Sections[0].ID != briefing.SectionKeyPoints || len(b.Sections[0].Items) < 3 {
		t.Fatalf("sections %+v", b.Sections)
	}
	var dispute string
	for _, s := range b.Sections {
		for _, it := range s.Items {
			if len(it.Citations) == 0 {
				t.Errorf("%s item %q has no citation", s.ID, it.Text)
			}
			for _, c := range it.Citations {
				if c.N < 1 || c.N > len(b.Sources) || b.Sources[c.N-1].ID != c.Source || len(c.Evidence) == 0 {
					t.Errorf("citation %+v of %q does not point into the source list", c, it.Text)
				}
			}
			if s.ID == briefing.SectionDisputed {
				dispute += it.Text + "\n"
				if it.Conflict == "" {
					t.Errorf("dispute %q names no conflict", it.Text)
				}
			}
		}
	}
	if !strings.Contains(dispute, "2,500") || !strings.Contains(dispute, "2,000") {
		t.Errorf("disputes %q: want the troop numbers", dispute)
	}
	if len(b.Coverage.Rows) == 0 {
		t.Error("no coverage rows")
	}
}

// The faults a model makes: each bad sentence is dropped and reported;
// the good ones stay.
func TestWriteDropsUnsupportedSentences(t *testing.T) {
	cases := []struct {
		name   string
		spoil  func(a *llmtest.Answer)
		bad    string // text of the sentence that must go
		reason string // in its Rejected reason
	}{
		{"made-up citation", func(a *llmtest.Answer) {
			a.KeyPoints[1].Text = strings.Join(strings.Fields(a.KeyPoints[1].Text)[:8], " ") + " [S9]."
		}, "", "source"},
		{"quote not in the source", func(a *llmtest.Answer) {
			a.Quotes = append(a.Quotes, llmtest.Quote{Speaker: "Lloyd Austin", Quote: "We will never leave Iraq under any circumstances", Sources: []string{"S1"}})
		}, "Lloyd Austin: “We will never leave Iraq under any circumstances”", "quot"},
		{"wrong number", func(a *llmtest.Answer) {
			a.KeyPoints = append(a.KeyPoints, llmtest.Point{Text: "The United States has 3,500 troops in Iraq [S1]."})
		}, "The United States has 3,500 troops in Iraq.", "3,500"},
		{"quote given to another person", func(a *llmtest.Answer) {
			a.Quotes = append(a.Quotes, llmtest.Quote{Speaker: "Mohammed Shia al-Sudani", Quote: "I am optimistic about the future of our partnership", Sources: []string{"S1"}})
		}, "Mohammed Shia al-Sudani: “I am optimistic about the future of our partnership”", "gives the quotation to Austin"},
		{"quoted words put in another's mouth", func(a *llmtest.Answer) {
			a.KeyPoints = append(a.KeyPoints, llmtest.Point{Text: `Sudani said "I am optimistic about the future of our partnership" [S1].`})
		}, `Sudani said "I am optimistic about the future of our partnership".`, "gives the quotation to Austin"},
		{"no citation", func(a *llmtest.Answer) {
			a.Background = append(a.Background, llmtest.Point{Text: "The visit was widely seen as a success."})
		}, "The visit was widely seen as a success.", "cites no source"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var spoiled string
			srv := llmtest.New(t, func(_ int, r llmtest.Request) llmtest.Reply {
				a := llmtest.Faithful(r)
				tc.spoil(&a)
				if tc.bad == "" {
					spoiled = strings.TrimSuffix(strings.TrimSuffix(a.KeyPoints[1].Text, " [S9]."), ".") + "."
				}
				return llmtest.Reply{Content: a.JSON()}
			})
			b, _, err := compose(t, backend(t, srv, setup{}), seedRequest(t))
			if err != nil {
				t.Fatal(err)
			}
			bad := tc.bad
			if bad == "" {
				bad = spoiled
			}
			if strings.Contains(allText(b), bad) {
				t.Errorf("the unsupported sentence %q reached the page", bad)
			}
			found := false
			for _, r := range b.Verification.Rejected {
				if r.Text == bad {
					found = true
					if !strings.Contains(r.Reason, tc.reason) {
						t.Errorf("rejected for %q, want a reason mentioning %q", r.Reason, tc.reason)
					}
				}
			}
			if !found {
				t.Errorf("%q not in rejected %+v", bad, b.Verification.Rejected)
			}
			if b.Verification.DroppedItems != 1 {
				t.Errorf("%d sentences dropped, want 1: %+v", b.Verification.DroppedItems, b.Verification.Rejected)
			}
			if n := len(b.Sections[0].Items); n < 3 {
				t.Errorf("%d key points left, want the good ones kept", n)
			}
		})
	}
}

func TestWriteRetriesRateLimit(t *testing.T) {
	srv := llmtest.New(t, func(n int, r llmtest.Request) llmtest.Reply {
		if n == 0 {
			return llmtest.Reply{Status: 429, Content: "Rate limit reached", Header: map[string][]string{"Retry-After": {"0"}}}
		}
		return faithful(n, r)
	})
	b, warnings, err := compose(t, backend(t, srv, setup{}), seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Backend != "openai:test-model" || len(warnings) > 0 {
		t.Errorf("backend %q, warnings %v: want the model's briefing after a retry", b.Backend, warnings)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestWriteFallsBack(t *testing.T) {
	cases := []struct {
		name    string
		reply   llmtest.Reply
		timeout time.Duration
		want    string // in the warning
	}{
		{"server errors", llmtest.Reply{Status: 500, Content: "internal error"}, 0, "HTTP 500"},
		{"timeout", llmtest.Reply{Hang: true}, 50 * time.Millisecond, "no answer"},
		{"auth", llmtest.Reply{Status: 401, Content: "Incorrect API key provided"}, 0, "OPENAI_API_KEY"},
		{"answer cut short", llmtest.Reply{Content: `{"headline": "Austin visits`, Finish: "length"}, 0, "cut"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply { return tc.reply })
			b, warnings, err := compose(t, backend(t, srv, setup{timeout: tc.timeout}), seedRequest(t))
			if err != nil {
				t.Fatal(err)
			}
			if b.Backend != "extractive" {
				t.Errorf("backend %q, want the extractive fallback", b.Backend)
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], tc.want) {
				t.Errorf("warnings %q, want one mentioning %q", warnings, tc.want)
			}
			if !strings.Contains(strings.Join(b.Notes, " "), "extractive") {
				t.Errorf("notes %q: want the fallback named", b.Notes)
			}
			if len(b.Sections) == 0 {
				t.Error("empty fallback briefing")
			}
		})
	}
}

func TestWriteRepairsInvalidJSON(t *testing.T) {
	srv := llmtest.New(t, func(n int, r llmtest.Request) llmtest.Reply {
		if n == 0 {
			// Prose around the object and a trailing comma: not JSON.
			good := llmtest.Faithful(r).JSON()
			return llmtest.Reply{Content: "Here is the briefing:\n" + strings.Replace(good, `"background": [`, `"background": [,`, 1)}
		}
		if !strings.Contains(r.System(), "You fix JSON") {
			t.Errorf("request %d is not the repair prompt", n)
		}
		return llmtest.Reply{Content: llmtest.Faithful(llmtest.Request{Messages: []llmtest.Message{{Role: "user", Content: seedPrompt(t)}}}).JSON()}
	})
	b, warnings, err := compose(t, backend(t, srv, setup{}), seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Backend != "openai:test-model" || len(warnings) > 0 {
		t.Errorf("backend %q, warnings %v", b.Backend, warnings)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || !strings.Contains(reqs[1].User(), "invalid JSON") {
		t.Errorf("want one repair request naming the problem; got %d requests", len(reqs))
	}
}

// seedPrompt is the user prompt of the seeds' one-request briefing.
func seedPrompt(t *testing.T) string {
	b, err := llm.New(llm.Options{Model: "test-model", Check: verifier()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Plan(seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	return p.Calls[0].Prompt.User
}

func TestWriteRepairFailsThenFallsBack(t *testing.T) {
	srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply {
		return llmtest.Reply{Content: "I cannot help with that."}
	})
	b, warnings, err := compose(t, backend(t, srv, setup{}), seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Backend != "extractive" || len(warnings) != 1 || !strings.Contains(warnings[0], "repair") {
		t.Errorf("backend %q, warnings %q", b.Backend, warnings)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want the answer and one repair", n)
	}
}

// A window too small for the fact table: parts, then a merge, every
// request within the window, and nothing of the table left out.
func TestWriteStaged(t *testing.T) {
	srv := llmtest.New(t, faithful)
	const window = 4096
	bk := backend(t, srv, setup{context: window})
	req := seedRequest(t)
	plan, err := bk.Plan(req)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Parts < 2 {
		t.Fatalf("%d parts for a %d-token window", plan.Parts, window)
	}
	b, warnings, err := compose(t, bk, req)
	if err != nil {
		t.Fatal(err)
	}
	if b.Backend != "openai:test-model" || len(warnings) > 0 {
		t.Fatalf("backend %q, warnings %v", b.Backend, warnings)
	}
	reqs := srv.Requests()
	// The fake model copies every draft it is given instead of writing a
	// page, so the drafts never shrink: after one round of merging halves
	// the merge keeps the drafts that fit.
	if len(reqs) < plan.Parts+1 {
		t.Errorf("%d requests, want %d parts and a merge", len(reqs), plan.Parts)
	}
	counter, err := llm.NewCounter("test-model")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i, r := range reqs {
		if n := counter.Messages(r.System(), r.User()) + r.MaxTokens; n > window {
			t.Errorf("request %d needs %d tokens, over the %d window", i, n, window)
		}
		for _, f := range req.Table.Facts {
			if strings.Contains(r.User(), "\n"+strings.ToUpper(f.ID)+" |") {
				seen[f.ID] = true
			}
		}
	}
	for _, f := range req.Table.Facts {
		if !seen[f.ID] {
			t.Errorf("fact %s was given to the model in no part", f.ID)
		}
	}
	if !strings.Contains(reqs[len(reqs)-1].User(), "DRAFTS") {
		t.Error("the last request is not the merge")
	}
	if !strings.Contains(strings.Join(b.Notes, " "), "parts") {
		t.Errorf("notes %q: want the staged run explained", b.Notes)
	}
	if b.Verification.Verified == 0 || b.Verification.DroppedItems != 0 {
		t.Errorf("verification %+v", b.Verification)
	}
}

func TestWriteCacheHitMakesNoRequest(t *testing.T) {
	c, err := cache.Open(filepath.Join(t.TempDir(), "llm.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	srv := llmtest.New(t, faithful)
	first, _, err := compose(t, backend(t, srv, setup{cache: c}), seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	bk := backend(t, srv, setup{cache: c})
	second, _, err := compose(t, bk, seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests for two runs, want 1", n)
	}
	a, _ := json.Marshal(first)
	b, _ := json.Marshal(second)
	if string(a) != string(b) {
		t.Error("the cached run's briefing differs from the first")
	}
	if u := bk.Usage(); u.Cached != 1 || u.PromptTokens != 0 {
		t.Errorf("usage %+v: want one cached call costing nothing", u)
	}
}

func TestWriteCancelled(t *testing.T) {
	srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply { return llmtest.Reply{Hang: true} })
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	start := time.Now()
	_, err := briefing.Compose(ctx, seedRequest(t), briefing.ComposeOptions{Writer: backend(t, srv, setup{}), Fallback: extractive.New(verifier()), Verifier: verifier()})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancel took %v", d)
	}
}

func TestWriteDetectsTruncatedPrompt(t *testing.T) {
	srv := llmtest.New(t, func(n int, r llmtest.Request) llmtest.Reply {
		rep := faithful(n, r)
		rep.PromptTokens = 512 // an Ollama with a small num_ctx
		return rep
	})
	b, warnings, err := compose(t, backend(t, srv, setup{}), seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	if b.Backend != "extractive" || len(warnings) != 1 || !strings.Contains(warnings[0], "--context") {
		t.Errorf("backend %q, warnings %q: want a fallback naming --context", b.Backend, warnings)
	}
}

func ExampleBackend_Plan() {
	req, err := seeds()
	if err != nil {
		panic(err)
	}
	b, err := llm.New(llm.Options{Model: "gpt-4o-mini", Check: verifier()})
	if err != nil {
		panic(err)
	}
	p, err := b.Plan(*req)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(p.Calls), p.Calls[0].Stage, p.Calls[0].Tokens > 1000)
	// Output: 1 briefing true
}

// A model that paraphrases, as real ones do: the check keeps what the
// cited sources state and removes a detail no cited source gives; the
// contradictions the model picks are written from the fact table.
func TestWriteParaphrasingModel(t *testing.T) {
	a := llmtest.Answer{
		Headline: "US Defense Secretary Lloyd Austin makes unannounced visit to Iraq ahead of invasion anniversary [S2][S5]",
		KeyPoints: []llmtest.Point{
			{Text: "US Defense Secretary Lloyd Austin made an unannounced visit to Baghdad on Tuesday, March 7, ahead of the 20th anniversary of the US-led invasion [S2][S3][S5]."},
			{Text: "Austin said US forces are ready to remain in Iraq at the invitation of the Iraqi government [S3][S4]."},
			{Text: "He met Prime Minister Mohammed Shia al-Sudani and said the US would continue to strengthen its partnership with Iraq [S1][S3]."},
			{Text: "The visit aimed to show Washington's commitment to keeping its military presence in Iraq [S5]."},
			{Text: "US officials said the trip was also about supporting al-Sudani's pushback against Iranian influence [S5][S3]."},
			{Text: "Sudani told Austin he wanted balanced relations with regional and international powers [S1][S4]."},
		},
		Background: []llmtest.Point{
			{Text: "Iraq announced the end of combat operations by the US-led coalition at the end of 2021, but about 2,500 US troops remain to advise and train [S1]."},
			{Text: "The Islamic State group seized large parts of Iraq and Syria in 2014 and was declared defeated in Iraq in December 2017 [S4]."},
			{Text: "Iranian-backed militias have repeatedly attacked US forces and bases in Iraq with rockets and drones [S5][S1]."},
			{Text: "In 2020 the Iraqi parliament voted for the withdrawal of foreign troops after the US killed Iranian general Qassem Soleimani in Baghdad [S3]."},
		},
		Quotes:   []llmtest.Quote{{Speaker: "Lloyd Austin", Quote: "I am optimistic about the future of our partnership", Sources: []string{"S1"}}},
		Disputes: []llmtest.Dispute{{Conflict: "C1", Text: "Number of US troops in Iraq: 2,500 [S1][S4][S5] versus about 2,000 [S2]."}, {Conflict: "C2", Text: "Casualties: broaden out [S1] against broaden our [S3]."}},
	}
	srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply { return llmtest.Reply{Content: a.JSON()} })
	b, _, err := compose(t, backend(t, srv, setup{}), seedRequest(t))
	if err != nil {
		t.Fatal(err)
	}
	v := b.Verification
	if len(v.Rejected) != 1 || !strings.Contains(v.Rejected[0].Text, "Soleimani") || !strings.Contains(v.Rejected[0].Reason, "Baghdad") {
		t.Errorf("rejected %+v: want only the sentence placing the killing in Baghdad, which its source does not", v.Rejected)
	}
	if v.Passed != v.Sentences-1 {
		t.Errorf("verification %+v", v)
	}
	text := allText(b)
	// The dispute lines are the fact table's, whatever frame and wording
	// the model gave them.
	for _, want := range []string{"US troops in Iraq: 2,500 against about 2,000.", "Austin's words: “and broaden out partnership in” against “and broaden our partnership in”."} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Casualties") {
		t.Error("a dispute frame its sources do not bear out reached the page")
	}
}

// One backend serves concurrent briefings (the daily digest briefs
// stories in parallel): each gets its own notes, and usage adds up.
func TestWriteConcurrent(t *testing.T) {
	srv := llmtest.New(t, faithful)
	bk := backend(t, srv, setup{context: 4096})
	var wg sync.WaitGroup
	pages := make([]string, 4)
	for i := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := bk.Write(context.Background(), seedRequest(t))
			if err != nil {
				t.Error(err)
				return
			}
			pages[i] = strings.Join(b.Notes, "\n")
		}()
	}
	wg.Wait()
	for i := 1; i < len(pages); i++ {
		if pages[i] != pages[0] {
			t.Errorf("briefing %d has other notes than briefing 0:\n%s\n---\n%s", i, pages[i], pages[0])
		}
	}
	if u := bk.Usage(); u.Calls != len(srv.Requests()) {
		t.Errorf("usage counts %d calls, the server saw %d", u.Calls, len(srv.Requests()))
	}
}
