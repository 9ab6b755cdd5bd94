package entity

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brieftool/brief/internal/benchutil"
)

// benchSentences returns real news sentences: the DUC 2007 sentences when
// they sit beside the repository (never committed), else this package's
// test sentences.
func benchSentences(tb testing.TB) []string {
	tb.Helper()
	path := filepath.Join("..", "..", "..", "shared", "bench", "duc2007", "duc2007_main_scu_marked_docs.jsonl")
	f, err := os.Open(path)
	if err != nil {
		var out []string
		for _, c := range findCases {
			out = append(out, c.sentence)
		}
		return out
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var rec struct {
			Docs []struct {
				Sentences []struct {
					Text string `json:"text"`
				} `json:"sentences"`
			} `json:"docs"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			continue
		}
		for _, d := range rec.Docs {
			for _, s := range d.Sentences {
				out = append(out, s.Text)
			}
		}
	}
	return out
}

// BenchmarkFind reports the cost of Find per sentence.
// Run: go test -run '^$' -bench Find ./summarize/entity/
func BenchmarkFind(b *testing.B) {
	sents := benchSentences(b)
	f := NewFinder()
	words := 0
	for _, s := range sents {
		words += len(strings.Fields(s))
	}
	f.Find(sents[0]) // build the shared tables outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	cpu := benchutil.ProcessCPU()
	i := 0
	for b.Loop() {
		f.Find(sents[i%len(sents)])
		i++
	}
	b.ReportMetric(float64((benchutil.ProcessCPU()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(words)/float64(len(sents)), "words/sentence")
}

// synthMentions makes a corpus-sized stream of mentions: persons with full
// names, middle names, surnames alone and misspellings, organisations and
// places, drawn with a skewed frequency so that a few entities dominate,
// as in news.
func synthMentions(nMentions int) []Mention {
	// Entity counts scale with the stream: 500,000 mentions draw on
	// 80,000 persons, 40,000 organisations and 5,000 places, which
	// makes about 100,000 distinct keys.
	nPersons, nOrgs, nPlaces := nMentions*4/25, nMentions*2/25, nMentions/100
	r := rand.New(rand.NewPCG(1, 2))
	// Syllables from onsets, vowels and codas: a few thousand of them, so
	// that, as with real names, words rarely lie one edit apart unless
	// one is a misspelling of the other.
	onsets := strings.Fields("b c d f g h j k l m n p r s t v w z y q sh ch th kh br tr dr st gr pl")
	vowels := strings.Fields("a e i o u ai ou ee ia")
	codas := append([]string{""}, strings.Fields("n r l s m d k t")...)
	word := func(lo, hi int) string {
		var sb strings.Builder
		n := lo + r.IntN(hi-lo+1)
		for range n {
			sb.WriteString(onsets[r.IntN(len(onsets))])
			sb.WriteString(vowels[r.IntN(len(vowels))])
			sb.WriteString(codas[r.IntN(len(codas))])
		}
		w := sb.String()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	typo := func(w string) string {
		if len(w) < 6 {
			return w
		}
		i := 2 + r.IntN(len(w)-3)
		return w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
	}
	// Names come from pools, as in a real population: many people share
	// a given name, families share a surname.
	pool := func(n, lo, hi int) []string {
		p := make([]string, n)
		for i := range p {
			p[i] = word(lo, hi)
		}
		return p
	}
	givens, mids, surs, orgWords := pool(2000, 1, 3), pool(2000, 1, 2), pool(nPersons/3, 2, 3), pool(5000, 1, 3)
	pick := func(p []string) string { return p[r.IntN(len(p))] }
	type ent struct{ forms []Mention }
	var ents []ent
	for range nPersons {
		given, mid, sur := pick(givens), pick(mids), pick(surs)
		forms := []string{given + " " + mid + " al-" + sur, given + " " + sur, sur, "al-" + sur, given + " " + typo(sur)}
		var e ent
		for _, t := range forms {
			e.forms = append(e.forms, Mention{Text: t, Key: Normalize(t), Kind: KindPerson})
		}
		ents = append(ents, e)
	}
	heads := []string{"Ministry", "Council", "Party", "Group", "Bank", "University", "Forces"}
	for range nOrgs {
		t := pick(orgWords) + " " + pick(orgWords) + " " + heads[r.IntN(len(heads))]
		ents = append(ents, ent{forms: []Mention{{Text: t, Key: Normalize(t), Kind: KindOrg}}})
	}
	for range nPlaces {
		t := word(2, 3)
		ents = append(ents, ent{forms: []Mention{{Text: t, Key: Normalize(t), Kind: KindPlace, Place: strings.ToLower(t)}}})
	}
	out := make([]Mention, 0, nMentions)
	z := rand.NewZipf(r, 1.05, 8, uint64(len(ents)-1))
	// Person forms by share of mentions: full name 35%, given name and
	// surname 25%, surname 25%, "al-" surname 10%, misspelt 5%.
	weights := []int{35, 25, 25, 10, 5}
	for len(out) < nMentions {
		e := ents[z.Uint64()]
		k := 0
		if len(e.forms) == len(weights) {
			x := r.IntN(100)
			for x >= weights[k] {
				x -= weights[k]
				k++
			}
		}
		// Find allocates a fresh key per mention and Text points into its
		// sentence; copies give the stream the same memory layout.
		m := e.forms[k]
		m.Key, m.Text = strings.Clone(m.Key), strings.Clone(m.Text)
		out = append(out, m)
	}
	return out
}

// BenchmarkLink adds 500,000 mentions (about 100,000 distinct keys) and
// links them. Run: go test -run '^$' -bench Link -benchtime 5x ./summarize/entity/
func BenchmarkLink(b *testing.B) {
	ms := synthMentions(500000)
	l := NewLinker()
	for _, m := range ms {
		l.Add(m)
	}
	b.Logf("%d mentions, %d keys", len(ms), len(l.keys))
	b.Run("add", func(b *testing.B) {
		cpu := benchutil.ProcessCPU()
		for b.Loop() {
			l := NewLinker()
			for _, m := range ms {
				l.Add(m)
			}
		}
		b.ReportMetric(float64((benchutil.ProcessCPU()-cpu).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/op")
	})
	b.Run("link", func(b *testing.B) {
		cpu := benchutil.ProcessCPU()
		var ents []Entity
		for b.Loop() {
			ents = l.Link()
		}
		b.ReportMetric(float64((benchutil.ProcessCPU()-cpu).Nanoseconds())/float64(b.N)/1e6, "cpu-ms/op")
		b.ReportMetric(float64(len(l.keys)), "keys")
		b.ReportMetric(float64(len(ents)), "entities")
	})
}
