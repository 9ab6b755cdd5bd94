package corpusgen

import (
	"errors"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

const (
	seedDir = "../../testdata/iraq-visit"
	// The DUC data sits beside the repository and may not be copied into
	// it; tests read it in place and skip when it is absent (CI).
	ducPath = "../../../shared/bench/duc2007/duc2007_main.jsonl"
)

func seedBase(tb testing.TB) []BaseCluster {
	tb.Helper()
	c, err := LoadSeedDir(seedDir)
	if err != nil {
		tb.Fatal(err)
	}
	return []BaseCluster{c}
}

func ducBase(tb testing.TB) []BaseCluster {
	tb.Helper()
	base, err := LoadDUC(ducPath)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skip("DUC 2007 data not present:", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return base
}

// shingles returns the hashed 5-word shingles of s, words lower-cased,
// the usual near-duplicate measure.
func shingles(s string) map[uint64]struct{} {
	words := strings.Fields(strings.ToLower(s))
	out := make(map[uint64]struct{}, len(words))
	h := fnv.New64a()
	for i := 0; i+5 <= len(words); i++ {
		h.Reset()
		for _, w := range words[i : i+5] {
			h.Write([]byte(w))
			h.Write([]byte{' '})
		}
		out[h.Sum64()] = struct{}{}
	}
	return out
}

func jaccard(a, b map[uint64]struct{}) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if _, ok := b[k]; ok {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func quantile(xs []float64, q float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}

// hasJunk is the tests' own junk detector, independent of how the
// generator places junk. Body paragraphs are base paragraphs (ten words or
// more, ending a sentence) after light edits, or local intros of the same
// shape, and never repeat within an article. So a line that is short,
// does not end a sentence, or repeats an earlier line is junk.
func hasJunk(text string) bool {
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if junkLine(line) || seen[line] {
			return true
		}
		seen[line] = true
	}
	return false
}

func junkLine(line string) bool {
	if len(strings.Fields(line)) < 6 || strings.Contains(line, "©") {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(`.!?"”’'`, last)
}

// storyPairs samples up to max pairs of distinct articles of one story
// that are neither copies of each other nor reprints of the same wire
// copy, from the stories with the most articles.
func storyPairs(arts []Article, max int) [][2]int {
	byStory := map[int][]int{}
	for i := range arts {
		byStory[arts[i].Story] = append(byStory[arts[i].Story], i)
	}
	var stories []int
	for s := range byStory {
		stories = append(stories, s)
	}
	sort.Slice(stories, func(a, b int) bool {
		if len(byStory[stories[a]]) != len(byStory[stories[b]]) {
			return len(byStory[stories[a]]) > len(byStory[stories[b]])
		}
		return stories[a] < stories[b]
	})
	related := func(a, b *Article) bool {
		return a.Wire == b.Wire || a.DuplicateOf == b.ID || b.DuplicateOf == a.ID ||
			(a.DuplicateOf != "" && a.DuplicateOf == b.DuplicateOf)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var pairs [][2]int
	top := stories[:min(5, len(stories))]
	per := max / len(top)
	for _, s := range top {
		members := byStory[s]
		got := 0
		for try := 0; try < 20*per && got < per; try++ {
			i, j := members[rng.IntN(len(members))], members[rng.IntN(len(members))]
			if i == j || related(&arts[i], &arts[j]) {
				continue
			}
			pairs = append(pairs, [2]int{i, j})
			got++
		}
	}
	return pairs
}
