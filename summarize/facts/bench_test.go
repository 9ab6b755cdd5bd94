package facts

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/brieftool/brief/internal/corpusgen"
	"github.com/brieftool/brief/summarize"
)

// BenchmarkBuild times the fact stage alone (claims, merging,
// contradictions) on generated corpora of real article text: 500
// articles (a DUC-size cluster ×20) and 10,000. The corpus stage runs
// before the timer starts.
// Run: go test -run '^$' -bench Build -benchtime 3x ./summarize/facts/
func BenchmarkBuild(b *testing.B) {
	base, err := corpusgen.LoadBase(filepath.Join("..", "..", "..", "shared", "bench", "duc2007", "duc2007_main.jsonl"), filepath.Join("..", "..", "testdata", "iraq-visit"))
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{500, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			arts := corpusgen.Generate(corpusgen.Config{N: n, Seed: 1, Base: base})
			path := filepath.Join(b.TempDir(), "corpus.jsonl")
			if _, err := corpusgen.WriteJSONLFile(path, arts); err != nil {
				b.Fatal(err)
			}
			c, err := summarize.Build(context.Background(), []string{path}, summarize.Options{})
			if err != nil {
				b.Fatal(err)
			}
			ex := NewExtractor()
			b.ReportAllocs()
			b.ResetTimer()
			var t *Table
			for b.Loop() {
				if t, err = ex.Build(context.Background(), c, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(t.Facts)), "facts")
			b.ReportMetric(float64(len(t.Conflicts)), "conflicts")
		})
	}
}
