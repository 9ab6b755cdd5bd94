package corpusgen

import "testing"

func BenchmarkGenerate10k(b *testing.B) {
	base := seedBase(b)
	b.ReportAllocs()
	var bytes int64
	for b.Loop() {
		arts := Generate(Config{N: 10000, Seed: 1, Base: base})
		bytes = 0
		for i := range arts {
			bytes += int64(len(arts[i].Text))
		}
	}
	b.SetBytes(bytes)
}

func BenchmarkGenerate10kDUC(b *testing.B) {
	base := ducBase(b)
	b.ReportAllocs()
	var bytes int64
	for b.Loop() {
		arts := Generate(Config{N: 10000, Seed: 1, Base: base})
		bytes = 0
		for i := range arts {
			bytes += int64(len(arts[i].Text))
		}
	}
	b.SetBytes(bytes)
}
