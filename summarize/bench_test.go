package summarize

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/brieftool/brief/internal/corpusgen"
)

// benchBase is real article text to vary: the DUC 2007 clusters when they
// sit beside the repository (never committed), else the seed corpus.
func benchBase(b *testing.B) []corpusgen.BaseCluster {
	b.Helper()
	base, err := corpusgen.LoadBase(filepath.Join("..", "..", "shared", "bench", "duc2007", "duc2007_main.jsonl"), filepath.Join("..", "testdata", "iraq-visit"))
	if err != nil {
		b.Fatal(err)
	}
	return base
}

// BenchmarkBuild runs load, clean, segment and dedup over generated
// corpora read from one JSON-lines file, as a user's export would be.
// Run: go test -run '^$' -bench Build -benchtime 3x ./summarize/
func BenchmarkBuild(b *testing.B) {
	base := benchBase(b)
	p, err := NewPipeline()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			arts := corpusgen.Generate(corpusgen.Config{N: n, Seed: 1, Base: base})
			path := filepath.Join(b.TempDir(), "corpus.jsonl")
			size, err := corpusgen.WriteJSONLFile(path, arts)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			var c *Corpus
			for b.Loop() {
				c, err = p.Build(context.Background(), []string{path}, Options{})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(c.Independent()), "groups")
		})
	}
}
