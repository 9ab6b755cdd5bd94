package dedup

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"

	"github.com/brieftool/brief/internal/mix"
)

// Reasons a paragraph is dropped from its source.
const (
	// ReasonDuplicate: identical to an earlier paragraph after
	// normalisation.
	ReasonDuplicate = "duplicate"
	// ReasonNearDuplicate: a light edit of an earlier paragraph, or a
	// truncated copy contained in it.
	ReasonNearDuplicate = "near_duplicate"
	// ReasonRepeatedLede: part of the run of repeats that closes the
	// text, repeating one of its opening paragraphs (pages that re-print
	// their standfirst or lede under the article, often cut off "...").
	ReasonRepeatedLede = "repeated_lede"
)

// ParagraphDrop reports one paragraph Paragraphs found to repeat another.
type ParagraphDrop struct {
	Index      int     // index of the dropped paragraph in the input slice
	Of         int     // index of the kept paragraph it repeats
	Reason     string  // ReasonDuplicate, ReasonNearDuplicate or ReasonRepeatedLede
	Similarity float64 // 1 for exact; Jaccard or containment otherwise
}

// para is one paragraph prepared for comparison.
type para struct {
	words []uint64 // normalised word hashes
	// core is words without a last word cut off by a trailing ellipsis
	// ("at Baghdad's..." or "at Bagh…"): what must appear in the original.
	core []uint64
	// shingles holds the sorted distinct k-word shingle hashes, built on
	// first use: most pairs are told apart by length alone, and sorting
	// every paragraph's shingles was most of this function's cost.
	shingles []uint64
	k        int
	// bits is a 256-bit set of the paragraph's words: a cheap sketch that
	// rules out pairs sharing too few words before shingles are built.
	bits  [4]uint64
	nbits int
}

func (p *para) shingleSet() []uint64 {
	if p.shingles == nil && len(p.words) >= minParagraphWords {
		p.shingles = shingleSet(p.words, p.k)
	}
	return p.shingles
}

// Paragraphs finds the paragraphs of one source that repeat an earlier
// paragraph of the same source and returns them in input order. The first
// occurrence is always the one kept, and Of always names a kept paragraph.
// Paragraphs that are empty after normalisation are neither kept nor
// dropped: they are ignored.
//
// A later paragraph repeats an earlier one when it is identical after
// normalisation (ReasonDuplicate, Similarity 1), or, if it has at least
// six words, when it is contained in it (its words, less a last word cut
// by a trailing ellipsis, appear there in order; or at least 90% of its
// 3-word shingles do: Similarity is that containment) or when the Jaccard
// similarity of their shingle sets is at least p.ParagraphThreshold
// (ReasonNearDuplicate). The closest earlier paragraph wins. Drops in the
// trailing run of dropped paragraphs that repeat one of the first five
// substantial paragraphs are reported as ReasonRepeatedLede instead.
//
// Only p.PassageShingle and p.ParagraphThreshold matter here; zero or
// out-of-range values mean the defaults. Pages carry tens of paragraphs,
// so every paragraph is compared with every kept one; that is cheap at
// this size and needs no hashing tricks.
func Paragraphs(paras []string, p Params) []ParagraphDrop {
	// Paragraphs cannot return an error, so unusable values fall back to
	// the defaults rather than dropping everything or nothing.
	d := DefaultParams()
	if p.PassageShingle < 1 {
		p.PassageShingle = d.PassageShingle
	}
	if !(p.ParagraphThreshold > 0 && p.ParagraphThreshold <= 1) {
		p.ParagraphThreshold = d.ParagraphThreshold
	}
	k := p.PassageShingle
	ps := make([]para, len(paras))
	for i, s := range paras {
		ps[i] = newPara(s, k)
	}

	var drops []ParagraphDrop
	dropped := make([]bool, len(paras))
	var kept []int
	for i := range ps {
		if len(ps[i].words) == 0 {
			continue
		}
		best := ParagraphDrop{Index: i, Of: -1}
		for _, j := range kept {
			reason, sim := compareParas(&ps[i], &ps[j], p.ParagraphThreshold)
			if reason == "" {
				continue
			}
			// An exact copy beats any fuzzy one; otherwise the most similar
			// wins and ties go to the earliest.
			exact, bestExact := reason == ReasonDuplicate, best.Reason == ReasonDuplicate
			if best.Of < 0 || exact && !bestExact || exact == bestExact && sim > best.Similarity {
				best = ParagraphDrop{Index: i, Of: j, Reason: reason, Similarity: sim}
			}
		}
		if best.Of < 0 {
			kept = append(kept, i)
			continue
		}
		drops = append(drops, best)
		dropped[i] = true
	}

	// The opening: the first ledeWindow substantial paragraphs. Short lines
	// (kickers, "Search", bylines) neither count nor qualify, so a page's
	// repeated menu word is never mistaken for a repeated lede.
	opening := make(map[int]bool, ledeWindow)
	for i := range ps {
		if len(opening) == ledeWindow {
			break
		}
		if len(ps[i].words) >= minParagraphWords {
			opening[i] = true
		}
	}
	// The trailing run: the dropped paragraphs that close the text.
	tail := len(ps)
	for tail > 0 && (dropped[tail-1] || len(ps[tail-1].words) == 0) {
		tail--
	}
	for d := range drops {
		if drops[d].Index >= tail && opening[drops[d].Of] {
			drops[d].Reason = ReasonRepeatedLede
		}
	}
	return drops
}

func newPara(s string, k int) para {
	w := appendWords(nil, s)
	pa := para{words: w, core: w, k: k}
	for _, h := range w {
		b := mix.Mix64(h) >> 56
		pa.bits[b>>6] |= 1 << (b & 63)
	}
	for _, b := range pa.bits {
		pa.nbits += bits.OnesCount64(b)
	}
	t := strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’»)]", r)
	})
	if (strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")) && len(w) > 1 {
		pa.core = w[:len(w)-1]
	}
	return pa
}

// shingleSet returns the sorted distinct k-word shingle hashes of words.
func shingleSet(words []uint64, k int) []uint64 {
	if len(words) < k {
		return []uint64{shingleHash(words)}
	}
	s := make([]uint64, 0, len(words)-k+1)
	for i := 0; i+k <= len(words); i++ {
		s = append(s, shingleHash(words[i:i+k]))
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// compareParas says whether later paragraph a repeats earlier paragraph b,
// and how closely; reason is "" when it does not.
func compareParas(a, b *para, threshold float64) (reason string, sim float64) {
	if slices.Equal(a.words, b.words) {
		return ReasonDuplicate, 1
	}
	if len(a.words) < minParagraphWords || len(b.words) < minParagraphWords {
		return "", 0
	}
	if len(a.core) < len(b.words) && containsRun(b.words, a.core) {
		return ReasonNearDuplicate, 1
	}
	// The shared count cannot exceed the smaller set, which bounds both
	// measures; most pairs of different lengths stop here. Word counts
	// stand in for shingle counts before the sets are built; they differ
	// only when a paragraph repeats a phrase, hence the margin.
	wa, wb := float64(len(a.words)), float64(len(b.words))
	if most := min(wa, wb); most < 0.8*paragraphContainment*wa && most < 0.8*threshold*max(wa, wb) {
		return "", 0
	}
	// A repeat shares most of the smaller paragraph's words; pairs whose
	// word sketches overlap on less than 40% of the smaller sketch cannot
	// reach either threshold (the margin covers sketch collisions).
	shared := 0
	for i := range a.bits {
		shared += bits.OnesCount64(a.bits[i] & b.bits[i])
	}
	if 10*shared < 4*min(a.nbits, b.nbits) {
		return "", 0
	}
	as, bs := a.shingleSet(), b.shingleSet()
	na, nb := len(as), len(bs)
	if most := float64(min(na, nb)); most < paragraphContainment*float64(na) && most < threshold*float64(max(na, nb)) {
		return "", 0
	}
	inter := intersectSorted(as, bs)
	if c := float64(inter) / float64(na); c >= paragraphContainment {
		return ReasonNearDuplicate, c
	}
	if j := float64(inter) / float64(na+nb-inter); j >= threshold {
		return ReasonNearDuplicate, j
	}
	return "", 0
}

// containsRun reports whether needle occurs as a contiguous run in hay.
func containsRun(hay, needle []uint64) bool {
	if len(needle) == 0 {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		if hay[i] == needle[0] && slices.Equal(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// intersectSorted counts the values two sorted distinct slices share.
func intersectSorted(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}
