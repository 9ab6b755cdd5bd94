// Package rouge computes ROUGE-1, ROUGE-2 and ROUGE-L the way ROUGE-1.5.5
// does with the DUC settings (-n 2 -m -f A -p 0.5 -l N), so that numbers
// from `brief eval` can be set beside published DUC results.
//
// What is reproduced from ROUGE-1.5.5:
//   - The word limit (-l) counts whitespace-separated words of the raw text,
//     before punctuation is removed, so "--" or "(AP)" spend the budget.
//   - Tokens are ASCII-lower-cased; every byte outside [a-z0-9] separates
//     tokens (ROUGE reads bytes, so "Zürich" becomes "z" and "rich").
//   - With stemming, only tokens longer than three bytes are stemmed.
//   - Bigrams run across sentence boundaries; ROUGE joins the sentences
//     before counting n-grams.
//   - Several references are combined by "model average" (-f A): hits and
//     counts are summed over the references, with the peer's count added
//     once per reference.
//   - ROUGE-L is the summary-level union LCS with ROUGE's clipping of each
//     token to its unigram count in peer and reference.
//
// What differs: ROUGE-1.5.5 stems with the original Porter algorithm after
// a lookup in a WordNet exception table ("said" -> "say"); this package uses
// the Snowball English (Porter2) stemmer and no exception table, which moves
// scores by a small fraction of a point.
package rouge

import (
	"strings"
)

// Options mirror the ROUGE-1.5.5 flags that change scores under DUC
// settings. Stopword removal (-s) is absent on purpose: DUC did not use it.
type Options struct {
	// WordLimit keeps the first N whitespace-separated words of the raw
	// peer and reference texts (ROUGE -l N); 0 keeps everything.
	WordLimit int
	// Stem applies Porter-style stemming to tokens (ROUGE -m).
	Stem bool
}

// Score is one ROUGE measure; all three values are fractions in [0, 1].
type Score struct{ Recall, Precision, F1 float64 }

// Result holds the three measures DUC reports.
type Result struct{ R1, R2, RL Score }

// Evaluate scores a peer (system) summary against reference summaries.
// Texts are split into sentences for ROUGE-L (see Sentences). With no
// references, or an empty peer, every score is zero.
func Evaluate(peer string, refs []string, o Options) Result {
	peerSents := sentenceTokens(peer, o)
	peerFlat := flatten(peerSents)
	refSents := make([][][]string, len(refs))
	refFlat := make([][]string, len(refs))
	for i, r := range refs {
		refSents[i] = sentenceTokens(r, o)
		refFlat[i] = flatten(refSents[i])
	}
	return Result{
		R1: NGramScore(peerFlat, refFlat, 1),
		R2: NGramScore(peerFlat, refFlat, 2),
		RL: LCSScore(peerSents, refSents),
	}
}

// sentenceTokens applies the word limit before splitting, as ROUGE does:
// the limit is a property of the whole summary, not of each sentence.
func sentenceTokens(text string, o Options) [][]string {
	if o.WordLimit > 0 {
		text = TruncateWords(text, o.WordLimit)
	}
	sents := Sentences(text)
	out := make([][]string, 0, len(sents))
	for _, s := range sents {
		out = append(out, Tokens(s, o))
	}
	return out
}

func flatten(sents [][]string) []string {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	out := make([]string, 0, n)
	for _, s := range sents {
		out = append(out, s...)
	}
	return out
}

// NGramScore is ROUGE-N with model averaging over refs. Matches are
// clipped: an n-gram counts at most as often as it occurs in both texts,
// so repeating a phrase cannot buy recall.
func NGramScore(peer []string, refs [][]string, n int) Score {
	if n < 1 || len(refs) == 0 {
		return Score{}
	}
	peerGrams, peerCount := countNGrams(peer, n)
	var hits, refTotal, peerTotal int
	for _, ref := range refs {
		refGrams, refCount := countNGrams(ref, n)
		for g, rc := range refGrams {
			hits += min(rc, peerGrams[g])
		}
		refTotal += refCount
		peerTotal += peerCount
	}
	return newScore(hits, refTotal, peerTotal)
}

func countNGrams(toks []string, n int) (map[string]int, int) {
	total := len(toks) - n + 1
	if total <= 0 {
		return nil, 0
	}
	grams := make(map[string]int, total)
	if n == 1 {
		for _, t := range toks {
			grams[t]++
		}
		return grams, total
	}
	var b strings.Builder
	for i := 0; i < total; i++ {
		b.Reset()
		for j, t := range toks[i : i+n] {
			if j > 0 {
				// Tokens never contain spaces, so a space cannot make two
				// different n-grams collide.
				b.WriteByte(' ')
			}
			b.WriteString(t)
		}
		grams[b.String()]++
	}
	return grams, total
}

// newScore turns summed hits and counts into recall, precision and the
// balanced F (ROUGE -p 0.5). Zero denominators give zero, never NaN, so an
// empty summary averages in as a zero rather than poisoning a mean.
func newScore(hits, refTotal, peerTotal int) Score {
	var s Score
	if refTotal > 0 {
		s.Recall = float64(hits) / float64(refTotal)
	}
	if peerTotal > 0 {
		s.Precision = float64(hits) / float64(peerTotal)
	}
	if s.Recall+s.Precision > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}
