package dedup

import (
	"context"
	"testing"

	"github.com/brieftool/brief/internal/benchutil"
)

// benchCorpus runs Corpus over docs b.N times, reporting the text size
// and, besides wall time, the CPU time used per run.
func benchCorpus(b *testing.B, docs []Doc) {
	paras := 0
	for _, d := range docs {
		paras += len(d.Paragraphs)
	}
	b.SetBytes(int64(corpusBytes(docs)))
	b.ReportAllocs()
	ctx := context.Background()
	cpu := benchutil.ProcessCPU()
	for b.Loop() {
		if _, err := Corpus(ctx, docs, DefaultParams()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((benchutil.ProcessCPU()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(paras), "paragraphs")
}

// BenchmarkCorpus runs Corpus over 10,000 synthetic articles (~40 MB,
// ~100k paragraphs) with ~5% near copies and ~5% syndicated copies.
func BenchmarkCorpus(b *testing.B) {
	docs, _, _ := syntheticCorpus(1, 10000)
	benchCorpus(b, docs)
}

// BenchmarkCorpusWireFlood is one wire story reprinted by 500 outlets
// among 500 unrelated articles: the case that would be quadratic without
// exact-copy collapsing and star linking of big buckets.
func BenchmarkCorpusWireFlood(b *testing.B) {
	benchCorpus(b, wireFlood(500, 500))
}

// BenchmarkCorpusWireFlood5000 is the same with ten times as many
// reprints and articles: its cost per document must stay about the same.
func BenchmarkCorpusWireFlood5000(b *testing.B) {
	benchCorpus(b, wireFlood(5000, 5000))
}

// BenchmarkParagraphs dedups one long scraped page.
func BenchmarkParagraphs(b *testing.B) {
	paras := iraqParagraphs(b, "000_451345e76f8269f1.txt")
	b.ReportAllocs()
	for b.Loop() {
		Paragraphs(paras, DefaultParams())
	}
}
