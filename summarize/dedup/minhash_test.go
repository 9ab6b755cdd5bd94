package dedup

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// The numbers the package documentation quotes for the default 32 bands
// of 4 rows.
func TestCandidateProbabilityDefaults(t *testing.T) {
	p := DefaultParams()
	rows := p.Hashes / p.Bands
	tests := []struct {
		s, want, tol float64
	}{
		{0.2, 0.0499, 0.0005},
		{0.42, 0.636, 0.001},
		{0.5, 0.873, 0.001},
		{0.6, 0.988, 0.001},
		{0.8, 1 - 4.7e-8, 1e-8},
	}
	for _, tt := range tests {
		if got := CandidateProbability(tt.s, rows, p.Bands); math.Abs(got-tt.want) > tt.tol {
			t.Errorf("CandidateProbability(%v, %d, %d) = %.8f, want %v", tt.s, rows, p.Bands, got, tt.want)
		}
	}
}

// jaccardPair returns two sets of distinct random "words" with exact
// Jaccard similarity j: common shared words, each side with its own rest,
// size words in the union.
func jaccardPair(rng *rand.Rand, j float64, size int) (a, b []uint64) {
	common := int(math.Round(j * float64(size)))
	own := (size - common) / 2
	for range common {
		w := rng.Uint64()
		a, b = append(a, w), append(b, w)
	}
	for range own {
		a, b = append(a, rng.Uint64()), append(b, rng.Uint64())
	}
	rng.Shuffle(len(a), func(i, k int) { a[i], a[k] = a[k], a[i] })
	rng.Shuffle(len(b), func(i, k int) { b[i], b[k] = b[k], b[i] })
	return a, b
}

// The double-hashed functions must behave like independent random
// permutations: the estimate is unbiased and its spread is what theory
// gives for 128 independent functions, sqrt(J(1-J)/128).
func TestMinHashEstimatesJaccard(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const pairs, hashes = 400, 128
	sg := newSigner(hashes)
	sa, sb := make([]uint32, hashes), make([]uint32, hashes)
	for _, j := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		var sum, sq float64
		for range pairs {
			a, b := jaccardPair(rng, j, 200)
			sg.sign(sa, a, 1)
			sg.sign(sb, b, 1)
			e := agreement(sa, sb)
			sum += e
			sq += (e - j) * (e - j)
		}
		mean, rmse := sum/pairs, math.Sqrt(sq/pairs)
		theory := math.Sqrt(j * (1 - j) / hashes)
		t.Logf("J=%.1f: mean estimate %.4f, error %.4f (theory %.4f)", j, mean, rmse, theory)
		if math.Abs(mean-j) > 0.01 {
			t.Errorf("J=%.1f: mean estimate %.4f, biased", j, mean)
		}
		if rmse > 1.25*theory {
			t.Errorf("J=%.1f: estimate error %.4f, independent functions give %.4f", j, rmse, theory)
		}
	}
}

// Candidate rates measured through lshBuckets follow the S-curve.
func TestLSHFollowsSCurve(t *testing.T) {
	p := DefaultParams()
	rows := p.Hashes / p.Bands
	rng := rand.New(rand.NewPCG(5, 6))
	sg := newSigner(p.Hashes)
	for _, s := range []float64{0.3, 0.5, 0.8} {
		const pairs = 400
		sigs := make([]uint32, 2*pairs*p.Hashes)
		for i := range pairs {
			a, b := jaccardPair(rng, s, 200)
			sg.sign(sigs[(2*i)*p.Hashes:(2*i+1)*p.Hashes], a, 1)
			sg.sign(sigs[(2*i+1)*p.Hashes:(2*i+2)*p.Hashes], b, 1)
		}
		runs, err := lshBuckets(context.Background(), 2*pairs, p.Bands, rows, func(i int) []uint32 {
			return sigs[i*p.Hashes : (i+1)*p.Hashes]
		})
		if err != nil {
			t.Fatal(err)
		}
		found := map[int32]bool{}
		forEachCandidate(runs, func(a, b int32) bool {
			if a/2 == b/2 {
				found[a/2] = true
			}
			return true
		})
		got, want := float64(len(found))/pairs, CandidateProbability(s, rows, p.Bands)
		t.Logf("s=%.1f: %.3f of pairs became candidates, S-curve %.3f", s, got, want)
		if math.Abs(got-want) > 0.07 {
			t.Errorf("s=%.1f: %.3f of pairs became candidates, S-curve says %.3f", s, got, want)
		}
	}
}

// What a user sees: with word shingles (PassageShingle 1) and pairs of articles
// of 200 distinct words at exact Jaccard 0.9 and 0.2, Corpus reports the
// first as near duplicates at least 99% of the time and the second never.
func TestCorpusSCurveEndToEnd(t *testing.T) {
	const pairs = 200
	tests := []struct {
		jaccard  float64
		min, max float64 // share of pairs reported as near duplicates
	}{
		{0.9, 0.99, 1},
		{0.2, 0, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.jaccard), func(t *testing.T) {
			common := int(tt.jaccard * 200)
			own := (200 - common) / 2
			var docs []Doc
			for i := range pairs {
				word := func(tag string, k int) string { return fmt.Sprintf("w%d%s%d", i, tag, k) }
				var a, b []string
				for k := range common {
					a, b = append(a, word("c", k)), append(b, word("c", k))
				}
				for k := range own {
					a, b = append(a, word("a", k)), append(b, word("b", k))
				}
				docs = append(docs, Doc{[]string{strings.Join(a, " ")}}, Doc{[]string{strings.Join(b, " ")}})
			}
			res, err := Corpus(context.Background(), docs, Params{PassageShingle: 1})
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for i := range pairs {
				if res.DuplicateOf[2*i+1] == 2*i {
					found++
				}
				if res.DuplicateOf[2*i] != -1 {
					t.Fatalf("doc %d marked duplicate of later or unrelated doc %d", 2*i, res.DuplicateOf[2*i])
				}
			}
			if share := float64(found) / pairs; share < tt.min || share > tt.max {
				t.Errorf("Jaccard %.1f: %.3f of pairs reported as near duplicates, want [%v, %v]", tt.jaccard, share, tt.min, tt.max)
			}
		})
	}
}

// binomialCDF is P(X <= k) for X ~ Binomial(n, p).
func binomialCDF(k, n int, p float64) float64 {
	sum := 0.0
	for i := 0; i <= k; i++ {
		lg, _ := math.Lgamma(float64(n + 1))
		li, _ := math.Lgamma(float64(i + 1))
		lni, _ := math.Lgamma(float64(n - i + 1))
		sum += math.Exp(lg - li - lni + float64(i)*math.Log(p) + float64(n-i)*math.Log(1-p))
	}
	return sum
}

// Independent hash functions make the number of agreeing minima binomial,
// so the chance that a pair at Jaccard ~0.9 is estimated below the 0.8
// duplicate threshold is a binomial tail. Plain h1 + i*h2 double hashing
// missed ~9x that often on paragraph-sized sets (32 of 10,000 pairs here,
// where 3.6 are expected: a shingle with a tiny step h2 wins runs of
// functions together); the per-function XOR keys in signer.sign must keep
// misses within 4 sigma of the binomial tail.
func TestMinHashTailMatchesIndependentFunctions(t *testing.T) {
	const pairs, hashes = 10000, 128
	rng := rand.New(rand.NewPCG(7, 8))
	sg := newSigner(hashes)
	sa, sb := make([]uint32, hashes), make([]uint32, hashes)
	below := 0
	for range pairs {
		a, b := jaccardPair(rng, 0.9, 60) // 54 shared + 3 + 3 own
		sg.sign(sa, a, 1)
		sg.sign(sb, b, 1)
		if agreement(sa, sb) < 0.8 {
			below++
		}
	}
	j := 54.0 / 60
	want := binomialCDF(102, hashes, j) * pairs // 102/128 < 0.8 <= 103/128
	limit := want + 4*math.Sqrt(want)
	t.Logf("%d of %d pairs at Jaccard %.3f estimated below 0.8; independent functions: %.1f", below, pairs, j, want)
	if float64(below) > limit {
		t.Errorf("%d of %d pairs at Jaccard %.3f estimated below 0.8, independent functions give %.1f (limit %.1f)", below, pairs, j, want, limit)
	}
}
