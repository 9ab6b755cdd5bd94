package story

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// synth makes news-like articles at any scale, for benchmarks and for the
// scale test, with no data files: stories of one of a few dozen topics
// (shared vocabulary), each with its own people, places, numbers and
// event words, reported by ~20 articles of ~4 KB that mix those with
// common filler words, plus lone articles that belong to no story.
type synth struct {
	filler []string // common words, drawn Zipf-like
	topics [][]string
	start  time.Time
}

type synthStory struct {
	topic  int
	names  []string // capitalised: people and places
	words  []string // the event's own lower-case words
	nums   []string
	start  time.Time
	spread time.Duration
}

var syllables = strings.Fields(`ka lo mi ra ven tu sel dor an bri cos el fa gro hin jul kem lar mon nis or pel qua rus sta tor ul vik wen xa yor zel ba ce di fo gu ha ki le mo nu pa re si ta vo we`)

func synthWord(r *rand.Rand, parts int) string {
	var b strings.Builder
	for range parts {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

func newSynth(seed uint64) *synth {
	r := rand.New(rand.NewPCG(seed, 1))
	s := &synth{start: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)}
	for range 4000 {
		s.filler = append(s.filler, synthWord(r, 2+r.IntN(2)))
	}
	for range 40 {
		var t []string
		for range 40 {
			t = append(t, synthWord(r, 3))
		}
		s.topics = append(s.topics, t)
	}
	return s
}

func (s *synth) story(r *rand.Rand, day time.Duration) synthStory {
	st := synthStory{topic: r.IntN(len(s.topics)), start: s.start.Add(time.Duration(r.Int64N(int64(day)))), spread: time.Duration(1+r.IntN(10)) * time.Hour}
	for range 6 {
		n := synthWord(r, 2+r.IntN(2))
		st.names = append(st.names, strings.ToUpper(n[:1])+n[1:])
	}
	for range 8 {
		st.words = append(st.words, synthWord(r, 3))
	}
	for range 3 {
		st.nums = append(st.nums, strconv.Itoa(10+r.IntN(5000)))
	}
	return st
}

func (s *synth) fill(r *rand.Rand) string {
	// Zipf-like: small indexes far more often.
	i := int(math.Pow(float64(len(s.filler)), r.Float64())) - 1
	return s.filler[i]
}

// article writes one ~4 KB article of st; st nil gives a lone article.
func (s *synth) article(r *rand.Rand, st *synthStory) Article {
	var b strings.Builder
	word := func() string {
		x := r.Float64()
		switch {
		case st == nil:
			return s.fill(r)
		case x < 0.06:
			return st.names[r.IntN(len(st.names))]
		case x < 0.10:
			return st.words[r.IntN(len(st.words))]
		case x < 0.11:
			return st.nums[r.IntN(len(st.nums))]
		case x < 0.18:
			return s.topics[st.topic][r.IntN(len(s.topics[st.topic]))]
		}
		return s.fill(r)
	}
	var title []string
	for range 8 {
		title = append(title, word())
	}
	for b.Len() < 4000 {
		n := 8 + r.IntN(20)
		for k := range n {
			w := word()
			if k == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if k < n-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
		if r.IntN(4) == 0 {
			b.WriteString("\n\n")
		}
	}
	a := Article{Title: strings.Join(title, " "), Text: b.String()}
	if st != nil {
		a.Published = st.start.Add(time.Duration(r.ExpFloat64() * float64(st.spread)))
	} else {
		a.Published = s.start.Add(time.Duration(r.Int64N(int64(24 * time.Hour))))
	}
	return a
}

// corpus plans n articles (about 20 per story, a noise fraction of lone
// articles among them) in random order. It returns their true stories
// (each lone article a story of its own) and a function that writes
// article i; that is safe for concurrent use, so that callers can make
// and sign articles in parallel without holding 4 KB each.
func (s *synth) corpus(seed uint64, n int, noise float64) (truth []int, article func(i int) Article) {
	r := rand.New(rand.NewPCG(seed, 2))
	var stories []synthStory
	lone := int(noise * float64(n))
	for len(truth) < n-lone {
		stories = append(stories, s.story(r, 24*time.Hour))
		size := max(2, int(20*math.Exp(0.5*r.NormFloat64())))
		for range size {
			truth = append(truth, len(stories)-1)
		}
	}
	truth = truth[:n-lone]
	for range lone {
		truth = append(truth, -1)
	}
	r.Shuffle(n, func(i, j int) { truth[i], truth[j] = truth[j], truth[i] })
	article = func(i int) Article {
		ar := rand.New(rand.NewPCG(seed, uint64(i)+3))
		if truth[i] >= len(stories) {
			return s.article(ar, nil)
		}
		return s.article(ar, &stories[truth[i]])
	}
	next := len(stories)
	for i := range truth {
		if truth[i] < 0 {
			truth[i] = next
			next++
		}
	}
	return truth, article
}
