package llm_test

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/brieftool/brief/internal/golden"

	"github.com/brieftool/brief/briefing/llm"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The prompts as the seeds' fact table fills them, one request and in
// parts: a change in what the model is given shows up in review.
func TestSeedPromptsGolden(t *testing.T) {
	for _, tc := range []struct {
		name    string
		context int
	}{{"briefing", 0}, {"staged", 4096}} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := llm.New(llm.Options{Model: "llama3.1:8b", Context: tc.context, Check: verifier()})
			if err != nil {
				t.Fatal(err)
			}
			p, err := b.Plan(seedRequest(t))
			if err != nil {
				t.Fatal(err)
			}
			var got string
			for _, c := range p.Calls {
				got += "=== " + c.Stage + " ===\n--- system ---\n" + c.Prompt.System + "--- user ---\n" + c.Prompt.User
			}
			golden.Check(t, filepath.Join("testdata", "golden", "seeds-"+tc.name+".txt"), []byte(got), *update)
		})
	}
}
