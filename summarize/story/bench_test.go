package story

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/brieftool/brief/internal/benchutil"
	"github.com/brieftool/brief/internal/clusterscore"
)

// BenchmarkSign reports the cost of signing one ~4 KB article: synthetic
// text, and the benchmark generator's scraped-looking articles (which
// need the DUC data beside the repository; skipped without it).
// Run: go test -run '^$' -bench Sign -benchmem ./summarize/story/
func BenchmarkSign(b *testing.B) {
	b.Run("synthetic", func(b *testing.B) {
		_, article := newSynth(1).corpus(1, 200, 0)
		arts := make([]Article, 200)
		for i := range arts {
			arts[i] = article(i)
		}
		benchSign(b, arts)
	})
	b.Run("generated", func(b *testing.B) {
		arts, _ := generated(b, 300)
		benchSign(b, arts)
	})
}

func benchSign(b *testing.B, arts []Article) {
	s := NewSigner()
	bytes := 0
	for _, a := range arts {
		bytes += len(a.Title) + len(a.Text)
	}
	b.SetBytes(int64(bytes / len(arts)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		s.Sign(arts[i%len(arts)])
		i++
	}
}

var bench100k struct {
	once  sync.Once
	sigs  []Signature
	truth []int
}

// synthSigs signs 100,000 synthetic articles, once per test binary:
// 4,291 stories of 2 to 237 articles (20 typical) and 5,000 lone
// articles.
func synthSigs() ([]Signature, []int) {
	bench100k.once.Do(func() {
		const n = 100_000
		truth, article := newSynth(7).corpus(7, n, 0.05)
		s := NewSigner()
		sigs := make([]Signature, n)
		parallel(n, func(i int) { sigs[i] = s.Sign(article(i)) })
		bench100k.sigs, bench100k.truth = sigs, truth
	})
	return bench100k.sigs, bench100k.truth
}

// BenchmarkCluster reports the cost of clustering 100,000 signatures, and
// the quality on them.
// Run: go test -run '^$' -bench Cluster -benchmem -benchtime 3x ./summarize/story/
func BenchmarkCluster(b *testing.B) {
	sigs, truth := synthSigs()
	var labels []int
	cpu0 := benchutil.ProcessCPU()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var err error
		labels, _, err = Cluster(context.Background(), sigs, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(benchutil.ProcessCPU()-cpu0)/float64(b.N)/float64(time.Millisecond), "cpu-ms/op")
	sc, err := clusterscore.Score(truth, labels)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(sc.BCubedF1, "bcubedF1")
	b.ReportMetric(sc.Purity, "purity")
}
