package dedup

import (
	"math/rand/v2"
	"strings"
)

// textGen writes deterministic pseudo-news: words from a syllable-built
// vocabulary drawn with a Zipf law, so that, as in real text, a few words
// are everywhere and most are rare. Documents drawn from it are distinct
// from one another, yet share frequent words and short phrases, which is
// what stresses LSH buckets and passage matching.
type textGen struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newTextGen(seed uint64, vocabSize int) *textGen {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	onsets := []string{"b", "br", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "qu", "r", "s", "st", "t", "tr", "v", "w", "z"}
	nuclei := []string{"a", "e", "i", "o", "u", "ai", "ea", "ou"}
	codas := []string{"", "", "", "n", "r", "s", "l", "m", "t"}
	seen := make(map[string]bool, vocabSize)
	vocab := make([]string, 0, vocabSize)
	for len(vocab) < vocabSize {
		var sb strings.Builder
		for range 1 + rng.IntN(3) {
			sb.WriteString(onsets[rng.IntN(len(onsets))])
			sb.WriteString(nuclei[rng.IntN(len(nuclei))])
			sb.WriteString(codas[rng.IntN(len(codas))])
		}
		if w := sb.String(); !seen[w] {
			seen[w] = true
			vocab = append(vocab, w)
		}
	}
	return &textGen{rng: rng, zipf: rand.NewZipf(rng, 1.07, 2, uint64(vocabSize-1)), vocab: vocab}
}

func (g *textGen) word() string { return g.vocab[g.zipf.Uint64()] }

// sentence writes lo to hi words, capitalised, with the odd comma.
func (g *textGen) sentence(lo, hi int) string {
	n := lo + g.rng.IntN(hi-lo+1)
	var sb strings.Builder
	for i := range n {
		w := g.word()
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
		if i < n-1 && g.rng.IntN(12) == 0 {
			sb.WriteByte(',')
		}
	}
	sb.WriteByte('.')
	return sb.String()
}

func (g *textGen) paragraph() string {
	n := 1 + g.rng.IntN(4)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence(10, 28)
	}
	return strings.Join(s, " ")
}

// article is a headline and 7 to 14 paragraphs (~4 KB).
func (g *textGen) article() []string {
	ps := []string{strings.TrimSuffix(g.sentence(6, 12), ".")}
	for range 7 + g.rng.IntN(8) {
		ps = append(ps, g.paragraph())
	}
	return ps
}

// nearCopy is what a second site makes of an article it scraped whole: a
// new headline, a few words changed, sometimes a paragraph lost, and a
// junk line.
func (g *textGen) nearCopy(src []string) []string {
	ps := append([]string(nil), src...)
	ps[0] = strings.TrimSuffix(g.sentence(6, 12), ".")
	for range 3 {
		i := 1 + g.rng.IntN(len(ps)-1)
		ws := strings.Fields(ps[i])
		ws[g.rng.IntN(len(ws))] = g.word()
		ps[i] = strings.Join(ws, " ")
	}
	if len(ps) > 10 && g.rng.IntN(2) == 0 {
		i := 1 + g.rng.IntN(len(ps)-1)
		ps = append(ps[:i], ps[i+1:]...)
	}
	return append(ps, "Advertisement")
}

// syndicate is an outlet running wire copy: its own headline and local
// introduction on top, the wire text below, the last two paragraphs cut.
func (g *textGen) syndicate(src []string) []string {
	ps := []string{strings.TrimSuffix(g.sentence(6, 12), "."), g.paragraph()}
	return append(ps, src[1:len(src)-2]...)
}

// Kinds of synthetic documents.
const (
	genFresh = iota
	genNear
	genSyndicated
)

// syntheticCorpus returns n articles: ~90% fresh, ~5% near copies and ~5%
// syndicated copies of earlier fresh ones, deterministically. kind[i] and
// origin[i] say what doc i is and which fresh doc it copies (-1 if fresh).
func syntheticCorpus(seed uint64, n int) (docs []Doc, kind, origin []int) {
	g := newTextGen(seed, 30000)
	docs = make([]Doc, 0, n)
	var fresh []int
	for len(docs) < n {
		r := g.rng.Float64()
		switch {
		case len(fresh) > 10 && r < 0.05:
			src := fresh[g.rng.IntN(len(fresh))]
			docs = append(docs, Doc{g.nearCopy(docs[src].Paragraphs)})
			kind, origin = append(kind, genNear), append(origin, src)
		case len(fresh) > 10 && r < 0.10:
			src := fresh[g.rng.IntN(len(fresh))]
			docs = append(docs, Doc{g.syndicate(docs[src].Paragraphs)})
			kind, origin = append(kind, genSyndicated), append(origin, src)
		default:
			fresh = append(fresh, len(docs))
			docs = append(docs, Doc{g.article()})
			kind, origin = append(kind, genFresh), append(origin, -1)
		}
	}
	return docs, kind, origin
}

// corpusBytes is the corpus's text size.
func corpusBytes(docs []Doc) int {
	n := 0
	for _, d := range docs {
		for _, p := range d.Paragraphs {
			n += len(p)
		}
	}
	return n
}
