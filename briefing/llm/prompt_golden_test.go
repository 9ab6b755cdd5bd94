package llm_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

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
			path := filepath.Join("testdata", "golden", "seeds-"+tc.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./briefing/llm -update)", err)
			}
			if got != string(want) {
				t.Errorf("the prompts differ from %s; run go test ./briefing/llm -update and review the diff", path)
			}
		})
	}
}
