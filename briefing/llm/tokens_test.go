package llm

import (
	"strings"
	"sync"
	"testing"
)

func TestCounterCount(t *testing.T) {
	// The counts are tiktoken's: "tiktoken is great!" is the example in
	// OpenAI's cookbook, which gives the ids [83 1609 5963 374 2294 0] in
	// cl100k_base ("t" "ik" "token" " is" " great" "!") and
	// [83 8251 2488 382 2212 0] in o200k_base ("t" "ikt" "oken" ...). The
	// rest follow the split rules: a word takes its leading space, digits
	// and operators split apart, and a space before a digit stands alone.
	tests := []struct {
		model, encoding string
		text            string
		want            int
	}{
		{"gpt-4", "cl100k_base", "", 0},
		{"gpt-4", "cl100k_base", "hello world", 2},
		{"gpt-4", "cl100k_base", "Hello, world!", 4},
		{"gpt-4", "cl100k_base", "tiktoken is great!", 6},
		{"gpt-4", "cl100k_base", "2 + 2 = 4", 7},
		{"gpt-4", "cl100k_base", "antidisestablishmentarianism", 6},
		{"gpt-4o-mini", "o200k_base", "", 0},
		{"gpt-4o-mini", "o200k_base", "hello world", 2},
		{"gpt-4o-mini", "o200k_base", "Hello, world!", 4},
		{"gpt-4o-mini", "o200k_base", "tiktoken is great!", 6},
		{"gpt-4o-mini", "o200k_base", "2 + 2 = 4", 7},
		{"llama3.1:8b", "cl100k_base", "hello world", 2},
	}
	for _, tt := range tests {
		c, err := NewCounter(tt.model)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Encoding(); got != tt.encoding {
			t.Errorf("NewCounter(%q).Encoding() = %q, want %q", tt.model, got, tt.encoding)
		}
		if got := c.Count(tt.text); got != tt.want {
			t.Errorf("%s: Count(%q) = %d, want %d", tt.encoding, tt.text, got, tt.want)
		}
	}
}

func TestCounterEncodingsDiffer(t *testing.T) {
	// A word split differently by the two vocabularies shows the Counter
	// really uses the model's encoding, not one codec for all.
	cl, _ := NewCounter("gpt-4")
	o2, _ := NewCounter("gpt-4o")
	s := strings.Repeat("Schadenfreude über Ämter; 東京で会いましょう。 ", 20)
	if a, b := cl.Count(s), o2.Count(s); a == b {
		t.Errorf("cl100k_base and o200k_base both count %d tokens for mixed-language text", a)
	}
}

func TestCounterMessages(t *testing.T) {
	for _, model := range []string{"gpt-4", "gpt-4o"} {
		c, err := NewCounter(model)
		if err != nil {
			t.Fatal(err)
		}
		// Per the cookbook: 3 per message plus its role ("system" and
		// "user" are one token each in both encodings), plus 3 for the
		// reply's priming.
		const framing = 3 + 1 + 3 + 1 + 3
		if got := c.Messages("", ""); got != framing {
			t.Errorf("%s: Messages(\"\", \"\") = %d, want %d", model, got, framing)
		}
		sys, user := "You are a careful editor.", "hello world"
		want := c.Count(sys) + c.Count(user) + framing
		if got := c.Messages(sys, user); got != want {
			t.Errorf("%s: Messages = %d, want %d", model, got, want)
		}
	}
}

func TestCounterConcurrent(t *testing.T) {
	c, err := NewCounter("gpt-4o-mini")
	if err != nil {
		t.Fatal(err)
	}
	text := benchText()
	want := c.Count(text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 3 {
				if got := c.Count(text); got != want {
					t.Errorf("concurrent Count = %d, want %d", got, want)
				}
			}
		})
	}
	wg.Wait()
}

// benchText is about 20 KB of English prose in the register of a news
// article, varied enough that the tokenizer meets many distinct words.
func benchText() string {
	sentences := []string{
		"The city council voted on Tuesday to approve a new budget that raises spending on public transport by 12 percent.",
		"Officials said the plan, which had been debated for months, would add three bus lines and extend the tram network to the northern suburbs.",
		"Critics argued that the council had underestimated the cost of maintenance, citing a 2019 audit that found a shortfall of $4.2 million.",
		"\"We cannot keep patching old vehicles,\" said the deputy mayor, who has championed the measure since her election.",
		"Residents of the affected neighbourhoods were divided: some welcomed shorter commutes, while others worried about construction noise.",
		"According to the transport authority, ridership has recovered to 94% of its pre-pandemic level, though evening services remain quieter.",
		"The opposition party said it would ask the regional court to review whether the vote followed the procedure required by law.",
		"Economists at the local university estimated that the investment could create roughly 1,800 jobs over the next five years.",
		"Meanwhile, negotiations with the drivers' union over wages and shift schedules are expected to resume next week.",
		"A spokesperson for the union declined to comment on the budget, saying only that members would be consulted before any agreement.",
	}
	var b strings.Builder
	for i := 0; b.Len() < 20_000; i++ {
		b.WriteString(sentences[(i*7)%len(sentences)])
		if i%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkCount measures counting about 20 KB of English text:
//
//	go test -run '^$' -bench 'Count$|NewCounter' -benchmem ./briefing/llm/
func BenchmarkCount(b *testing.B) {
	text := benchText()
	for _, model := range []string{"gpt-4", "gpt-4o"} {
		c, err := NewCounter(model)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.Encoding(), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			n := 0
			for b.Loop() {
				n = c.Count(text)
			}
			b.ReportMetric(float64(n), "tokens")
		})
	}
}

// BenchmarkNewCounter measures NewCounter once the process has loaded the
// vocabulary, which happens before the timed loop; that first load costs
// tens of milliseconds, once per process and encoding (see Counter).
func BenchmarkNewCounter(b *testing.B) {
	for _, model := range []string{"gpt-4", "gpt-4o"} {
		if _, err := NewCounter(model); err != nil {
			b.Fatal(err)
		}
		b.Run(LookupModel(model).Encoding, func(b *testing.B) {
			for b.Loop() {
				if _, err := NewCounter(model); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
