package dedup

import (
	"math"

	"github.com/brieftool/brief/internal/mix"
)

// shingleHash hashes k consecutive word hashes into one order-sensitive
// 64-bit shingle hash.
func shingleHash(ws []uint64) uint64 {
	h := uint64(0x13198a2e03707344)
	for _, w := range ws {
		h = mix.Mix64(h ^ w)
	}
	return h
}

// signer computes MinHash signatures. It owns scratch space, so each
// goroutine needs its own.
type signer struct {
	mins   []uint64
	keys   []uint64 // per-function scrambling constants
	h1, h2 []uint64 // per-shingle hash pairs of the text being signed
}

func newSigner(hashes int) *signer {
	s := &signer{mins: make([]uint64, hashes), keys: make([]uint64, hashes)}
	for i := range s.keys {
		s.keys[i] = mix.Mix64(uint64(i) ^ 0xa4093822299f31d0)
	}
	return s
}

// Seeds that derive the two independent hashes of a shingle.
const (
	seedH1 = 0x452821e638d01377
	seedH2 = 0xbe5466cf34e90c6c
)

// sign writes the MinHash signature of the k-word shingles of words into
// dst (len(dst) == number of hash functions) and returns how many shingles
// it hashed. A text shorter than k words is one shingle of all its words;
// an empty text hashes nothing and leaves dst all ones (callers skip it).
//
// The i-th hash function of a shingle is (h1 + i*h2) XOR key_i (mod 2^64),
// with h1 and h2 two independent mixes of the shingle hash, h2 odd, and
// key_i a fixed random constant per function. The double hashing costs one
// add per function instead of one full mix, which is what makes 128
// functions affordable over ~13 million shingles a corpus. The XOR is there
// because plain h1 + i*h2 is not quite independent across functions: a
// shingle whose step h2 happens to be tiny (about one in 256) keeps nearly
// the same value in every function and so wins or loses whole runs of
// them together. The mean error barely shows it, but the tail does: on
// 60-shingle sets at Jaccard 0.9, 32 in 10,000 pairs were estimated below
// 0.8 where independent functions give 3.6. XOR with a per-function key
// scatters that value and brings the tail back to the binomial one (see
// minhash_test.go) for one extra XOR per function. Only the top 32 bits of each minimum are kept: halving
// signature memory costs a 2^-32 chance that two different minima agree.
func (s *signer) sign(dst []uint32, words []uint64, k int) int {
	s.h1, s.h2 = s.h1[:0], s.h2[:0]
	add := func(h uint64) {
		s.h1 = append(s.h1, mix.Mix64(h^seedH1))
		s.h2 = append(s.h2, mix.Mix64(h^seedH2)|1)
	}
	switch {
	case len(words) == 0:
	case len(words) < k:
		add(shingleHash(words))
	default:
		for i := 0; i+k <= len(words); i++ {
			add(shingleHash(words[i : i+k]))
		}
	}

	keys := s.keys
	mins := s.mins[:len(keys)]
	for i := range mins {
		mins[i] = math.MaxUint64
	}
	h1, h2 := s.h1, s.h2[:len(s.h1)]
	n := len(h1)
	// Two shingles per sweep over the signature: one load and one store of
	// each minimum serve both. More lanes ran out of registers and measured
	// no faster. This loop is most of Corpus's time.
	i := 0
	for ; i+1 < n; i += 2 {
		a, b := h1[i], h1[i+1]
		sa, sb := h2[i], h2[i+1]
		for j, key := range keys {
			mins[j] = min(mins[j], a^key, b^key)
			a += sa
			b += sb
		}
	}
	if i < n {
		v, sv := h1[i], h2[i]
		for j, key := range keys {
			mins[j] = min(mins[j], v^key)
			v += sv
		}
	}
	for i, m := range mins {
		dst[i] = uint32(m >> 32)
	}
	return n
}

// agreement estimates the Jaccard similarity of two shingle sets as the
// fraction of MinHash functions whose minima agree.
func agreement(a, b []uint32) float64 {
	if len(a) == 0 {
		return 0
	}
	b = b[:len(a)]
	eq := 0
	for i, v := range a {
		if v == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// containment converts a Jaccard estimate j between sets of sizes a and b
// into the share of the smaller set found in the larger one:
// |A∩B| = j(|A|+|B|)/(1+j), divided by min(|A|,|B|), capped at 1.
func containment(j float64, a, b int) float64 {
	if a <= 0 || b <= 0 || j <= 0 {
		return 0
	}
	inter := j * float64(a+b) / (1 + j)
	c := inter / float64(min(a, b))
	return min(c, 1)
}

// CandidateProbability is the LSH S-curve: the probability that two
// documents whose shingle sets have Jaccard similarity s share at least one
// of b bands of r signature rows, 1-(1-s^r)^b, and so get compared at all.
func CandidateProbability(s float64, rows, bands int) float64 {
	return 1 - math.Pow(1-math.Pow(s, float64(rows)), float64(bands))
}
