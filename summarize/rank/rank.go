package rank

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/brieftool/brief/summarize"
)

// Options steer the selection. Zero values take the defaults.
type Options struct {
	// Words is the budget in words (whitespace-separated tokens).
	Words int
	// Focus is a question or topic to steer toward; "" for a generic
	// summary.
	Focus string
	// MaxPicks caps the number of sentences (0: no cap).
	MaxPicks int
	// Exclude holds sentences that must not be picked, keyed by
	// Ref{Source, Sentence}; callers use it for text shown elsewhere.
	Exclude map[Ref]bool
	// Same puts sentences that state one fact in one class (any int);
	// at most one sentence of a class is picked. Word overlap alone
	// misses paraphrases ("arrived in Iraq" and "visited Baghdad").
	Same map[Ref]int
}

// Params are the constants of the method, kept apart from Options so
// that evaluation can vary them; DefaultParams are what brief uses.
type Params struct {
	// MinWords and MaxWords bound a candidate sentence's length.
	MinWords, MaxWords int
	// Lead is how many opening sentences of a report earn the position
	// bonus, and LeadBonus the bonus, relative to the weight 1 a source
	// gives a concept it uses anywhere.
	Lead      int
	LeadBonus float64
	// FocusBoost multiplies the weight of a concept for each of its two
	// words found in the focus.
	FocusBoost float64
	// CostPower is r in gain/words^r: 1 favours dense sentences, lower
	// values let long sentences compete.
	CostPower float64
	// MaxQuoted is the largest share of a candidate that may lie inside
	// quotation marks: a summary line states what happened, and the
	// quotations a briefing shows are chosen on their own.
	MaxQuoted float64
}

// DefaultParams are the constants brief ships with. They were set from
// reasoning about news text before the first evaluation ran and were
// not fitted to it: bigram concepts and gain per word follow the
// methods' papers; the lead bonus, length bounds and quotation share are
// judgement.
func DefaultParams() Params {
	return Params{MinWords: 8, MaxWords: 60, Lead: 3, LeadBonus: 0.5, FocusBoost: 1, CostPower: 1, MaxQuoted: 0.5}
}

// Ref names a sentence of the corpus.
type Ref struct{ Source, Sentence int }

// Pick is a chosen sentence. Start and End are byte offsets into the
// source's text of the trimmed sentence; Text is that slice.
type Pick struct {
	Ref
	Start, End int
	Text       string
	Words      int
	// Gain is the concept weight the sentence added when it was picked:
	// picks are returned in order of importance, highest gain first.
	Gain float64
}

// Selector holds reusable state (the stem cache); it is not safe for
// concurrent use, so parallel callers make one each.
type Selector struct {
	params Params
	stems  map[string]string
}

// NewSelector returns a selector with the given constants.
func NewSelector(p Params) *Selector {
	return &Selector{params: p, stems: map[string]string{}}
}

// Select chooses the summary's sentences from the corpus.
func Select(ctx context.Context, c *summarize.Corpus, o Options) ([]Pick, error) {
	return NewSelector(DefaultParams()).Select(ctx, c, o)
}

type candidate struct {
	Pick
	class    int     // Options.Same class, -1 for none
	concepts []int32 // distinct concept ids
	focus    bool    // shares a content word with the focus
}

// Select chooses the summary's sentences from the corpus.
func (s *Selector) Select(ctx context.Context, c *summarize.Corpus, o Options) ([]Pick, error) {
	if o.Words <= 0 {
		return nil, nil
	}
	p := s.params
	focus := s.focusTerms(o.Focus)

	// Concepts: stemmed bigrams, weighted by the independent groups that
	// use them.
	ids := map[[2]string]int32{}
	var groupsOf []map[int]float64 // concept -> group -> best weight
	var cands []candidate
	var toks []string
	for si, src := range c.Sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dup := src.DuplicateOf != ""
		for k := range src.Sentences {
			full := src.Sentences[k].Span
			text := src.Text[full.Start:full.End]
			toks = s.tokens(text, toks[:0])
			w := 1.0
			if k < p.Lead {
				w += p.LeadBonus
			}
			var cs []int32
			seen := map[int32]bool{}
			for i := 0; i+1 < len(toks); i++ {
				a, b := toks[i], toks[i+1]
				if isStop(a) && isStop(b) {
					continue
				}
				key := [2]string{a, b}
				id, ok := ids[key]
				if !ok {
					id = int32(len(groupsOf))
					ids[key] = id
					groupsOf = append(groupsOf, map[int]float64{})
				}
				if g := groupsOf[id]; g[src.Group] < w {
					g[src.Group] = w
				}
				if !seen[id] {
					seen[id] = true
					cs = append(cs, id)
				}
			}
			if dup || o.Exclude[Ref{si, k}] {
				continue
			}
			start, end, ok := trim(src.Text, full.Start, full.End)
			if !ok {
				continue
			}
			n := len(strings.Fields(src.Text[start:end]))
			if n < p.MinWords || n > p.MaxWords {
				continue
			}
			if p.MaxQuoted > 0 && quotedShare(src.Text[start:end]) > p.MaxQuoted {
				continue
			}
			cand := candidate{Pick: Pick{Ref: Ref{si, k}, Start: start, End: end, Text: src.Text[start:end], Words: n}, concepts: cs, class: -1}
			if cl, ok := o.Same[Ref{si, k}]; ok {
				cand.class = cl
			}
			if len(focus) > 0 {
				for _, t := range toks {
					if focus[t] && !isStop(t) {
						cand.focus = true
						break
					}
				}
			}
			cands = append(cands, cand)
		}
	}

	groups := len(c.Groups)
	minDF := 2
	if groups >= 8 {
		// One concept in three sources of twenty-five is still a detail.
		minDF = int(math.Round(math.Log2(float64(groups))))
	}
	if groups < 2 {
		minDF = 1
	}
	weight := make([]float64, len(groupsOf))
	for id, g := range groupsOf {
		if len(g) < minDF {
			continue
		}
		for _, w := range g {
			weight[id] += w
		}
	}
	if len(focus) > 0 {
		for key, id := range ids {
			for _, t := range key {
				if focus[t] && !isStop(t) {
					weight[id] *= 1 + p.FocusBoost
				}
			}
		}
		// Keep only sentences on the topic, unless that leaves too few to
		// fill the budget.
		var on []candidate
		words := 0
		for _, cd := range cands {
			if cd.focus {
				on = append(on, cd)
				words += cd.Words
			}
		}
		if words >= o.Words {
			cands = on
		}
	}
	return s.greedy(ctx, cands, weight, o)
}

func (s *Selector) greedy(ctx context.Context, cands []candidate, weight []float64, o Options) ([]Pick, error) {
	covered := make([]bool, len(weight))
	gain := func(cd *candidate) float64 {
		g := 0.0
		for _, id := range cd.concepts {
			if !covered[id] {
				g += weight[id]
			}
		}
		return g
	}
	r := s.params.CostPower
	used := 0
	chosen := make([]bool, len(cands))
	var picks []int
	classes := map[int]bool{}
	for o.MaxPicks <= 0 || len(picks) < o.MaxPicks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		best, bestScore := -1, 0.0
		for i := range cands {
			cd := &cands[i]
			if chosen[i] || used+cd.Words > o.Words || cd.class >= 0 && classes[cd.class] {
				continue
			}
			g := gain(cd)
			if g <= 0 {
				continue
			}
			sc := g / math.Pow(float64(cd.Words), r)
			if sc > bestScore || (sc == bestScore && best >= 0 && less(cd, &cands[best])) {
				best, bestScore = i, sc
			}
		}
		if best < 0 {
			break
		}
		chosen[best] = true
		if cands[best].class >= 0 {
			classes[cands[best].class] = true
		}
		picks = append(picks, best)
		used += cands[best].Words
		for _, id := range cands[best].concepts {
			covered[id] = true
		}
	}
	picks, gains, err := s.improve(ctx, cands, weight, picks, o)
	if err != nil {
		return nil, err
	}
	out := make([]Pick, len(picks))
	for i, k := range picks {
		out[i] = cands[k].Pick
		out[i].Gain = gains[i]
	}
	return out, nil
}

// improve swaps a chosen sentence for an unchosen one while that raises
// the covered weight within the budget; greedy can strand budget on a
// sentence whose concepts later picks covered anyway.
func (s *Selector) improve(ctx context.Context, cands []candidate, weight []float64, picks []int, o Options) ([]int, []float64, error) {
	// score runs for every trial swap; a stamped slice instead of a set
	// per call keeps it free of allocation.
	mark := make([]int32, len(weight))
	stamp := int32(0)
	score := func(set []int) float64 {
		stamp++
		t := 0.0
		for _, k := range set {
			for _, id := range cands[k].concepts {
				if mark[id] != stamp {
					mark[id] = stamp
					t += weight[id]
				}
			}
		}
		return t
	}
	words := func(set []int) int {
		n := 0
		for _, k := range set {
			n += cands[k].Words
		}
		return n
	}
	// fits: within budget, and no two sentences of one class.
	fits := func(set []int) bool {
		if words(set) > o.Words {
			return false
		}
		seen := map[int]bool{}
		for _, k := range set {
			if cl := cands[k].class; cl >= 0 {
				if seen[cl] {
					return false
				}
				seen[cl] = true
			}
		}
		return true
	}
	in := map[int]bool{}
	for _, k := range picks {
		in[k] = true
	}
	cur := score(picks)
	// Gain per word can pass over one long sentence worth more than all
	// the short ones together; Lin and Bilmes' guarantee needs this check.
	for j := range cands {
		if cands[j].Words > o.Words {
			continue
		}
		if sc := score([]int{j}); sc > cur+1e-9 {
			picks, cur = []int{j}, sc
			in = map[int]bool{j: true}
		}
	}
	for round := 0; round < 3; round++ {
		improved := false
		for pi := range picks {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			for j := range cands {
				if in[j] {
					continue
				}
				trial := append([]int(nil), picks...)
				trial[pi] = j
				if !fits(trial) {
					continue
				}
				if sc := score(trial); sc > cur+1e-9 {
					delete(in, picks[pi])
					in[j] = true
					picks, cur, improved = trial, sc, true
				}
			}
		}
		// Budget freed by a swap may now hold one more sentence.
		for j := range cands {
			if in[j] || (o.MaxPicks > 0 && len(picks) >= o.MaxPicks) {
				continue
			}
			trial := append(append([]int(nil), picks...), j)
			if !fits(trial) {
				continue
			}
			if sc := score(trial); sc > cur+1e-9 {
				in[j] = true
				picks, cur, improved = trial, sc, true
			}
		}
		if !improved {
			break
		}
	}
	// Order by marginal gain, recomputed in that order, so the first picks
	// are the most important.
	gains := make([]float64, 0, len(picks))
	seen := map[int32]bool{}
	rest := append([]int(nil), picks...)
	picks = picks[:0]
	for len(rest) > 0 {
		bi, bg := 0, -1.0
		for i, k := range rest {
			g := 0.0
			for _, id := range cands[k].concepts {
				if !seen[id] {
					g += weight[id]
				}
			}
			if g > bg || (g == bg && less(&cands[k], &cands[rest[bi]])) {
				bi, bg = i, g
			}
		}
		k := rest[bi]
		for _, id := range cands[k].concepts {
			seen[id] = true
		}
		picks = append(picks, k)
		gains = append(gains, bg)
		rest = append(rest[:bi], rest[bi+1:]...)
	}
	return picks, gains, nil
}

func less(a, b *candidate) bool {
	if a.Source != b.Source {
		return a.Source < b.Source
	}
	return a.Sentence < b.Sentence
}

func (s *Selector) focusTerms(focus string) map[string]bool {
	if strings.TrimSpace(focus) == "" {
		return nil
	}
	m := map[string]bool{}
	for _, t := range s.tokens(focus, nil) {
		if !isStop(t) && !focusNoise[t] {
			m[t] = true
		}
	}
	return m
}

// focusNoise are words of how a question is asked, not what it is about
// ("Describe the activities of ...").
var focusNoise = map[string]bool{
	"describ": true, "discuss": true, "explain": true, "identifi": true, "includ": true,
	"inform": true, "provid": true, "specif": true, "detail": true, "give": true,
	"what": true, "who": true, "whi": true, "how": true, "when": true, "where": true,
	"which": true, "relat": true, "regard": true, "concern": true, "aspect": true,
}

// tokens appends the lower-cased, stemmed words of text.
func (s *Selector) tokens(text string, out []string) []string {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				// Keep "2,500" and "3.5" whole.
				if (r == ',' || r == '.') && j+1 < len(text) && j > i && isDigit(text[j-1]) && isDigit(text[j+1]) {
					j++
					continue
				}
				break
			}
			j += n
		}
		w := strings.ToLower(text[i:j])
		st, ok := s.stems[w]
		if !ok {
			st = english.Stem(w, false)
			s.stems[w] = st
		}
		out = append(out, st)
		i = j
	}
	return out
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isStop(w string) bool { return english.IsStopWord(w) || len(w) == 1 && !isDigit(w[0]) }

// Sort orders picks for reading: by source date, then by source, then by
// position in the source, so that a summary reads as the story unfolded.
func Sort(c *summarize.Corpus, picks []Pick) {
	sort.SliceStable(picks, func(i, j int) bool {
		a, b := c.Sources[picks[i].Source], c.Sources[picks[j].Source]
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		if picks[i].Source != picks[j].Source {
			return picks[i].Source < picks[j].Source
		}
		return picks[i].Sentence < picks[j].Sentence
	})
}

// Terms returns the stemmed content words of text, in order, for callers
// that compare text with what the selection covers (a headline with the
// key points).
func (s *Selector) Terms(text string) []string {
	var out []string
	for _, t := range s.tokens(text, nil) {
		if !isStop(t) {
			out = append(out, t)
		}
	}
	return out
}
