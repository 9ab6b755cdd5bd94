package facts

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/brieftool/brief/internal/pool"

	"github.com/brieftool/brief/summarize"
)

// Params are the thresholds of fact merging. doc.go explains each.
type Params struct {
	// Link is the least cosine similarity of two sentences' weighted
	// content words for them to be considered the same fact.
	Link float64
	// Join is the least cosine similarity of two partial facts' centroids
	// for them to merge into one.
	Join float64
	// MaxPosting bounds the sentences a term may occur in and still be
	// used to find candidate pairs.
	MaxPosting int
	// MinTerms is the fewest content terms a sentence needs to state a
	// fact of its own.
	MinTerms int
	// Contain is the least share of a fact's weighted content words that a
	// longer sentence must include to count as stating it too (a partial
	// overlap: the sentence says that and more).
	Contain float64
	// MinContainTerms is the fewest content terms a fact needs before
	// sentences that contain it are counted as support; shorter facts
	// are contained by chance.
	MinContainTerms int
}

// DefaultParams are measured on DUC 2007 (see bench/factscore).
func DefaultParams() Params {
	return Params{Link: 0.38, Join: 0.32, MaxPosting: 400, MinTerms: 3, Contain: 0.65, MinContainTerms: 4}
}

// Options configure Build.
type Options struct {
	Params  Params // zero value: DefaultParams()
	Workers int    // default GOMAXPROCS
}

// Extractor holds what is costly to build once per process: the
// compiled tables of the claim extractors.
type Extractor struct {
	x *extractors
}

// NewExtractor builds the claim extractors.
func NewExtractor() *Extractor { return &Extractor{x: newExtractors()} }

// Build turns a corpus into a fact table.
func Build(ctx context.Context, c *summarize.Corpus, opts Options) (*Table, error) {
	return NewExtractor().Build(ctx, c, opts)
}

// Build is the package-level Build with reusable extractors.
func (e *Extractor) Build(ctx context.Context, c *summarize.Corpus, opts Options) (*Table, error) {
	p := opts.Params
	if p == (Params{}) {
		p = DefaultParams()
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Claims are extracted per source in parallel; everything after that
	// needs the whole corpus and runs in one goroutine, in corpus order,
	// so the table never depends on scheduling.
	type extracted struct {
		claims []Claim
		terms  [][]string
	}
	ex, err := pool.Indexed(ctx, workers, len(c.Sources), func(i int) extracted {
		cl, tm := e.x.source(c.Sources[i])
		return extracted{cl, tm}
	})
	if err != nil {
		return nil, err
	}
	t := &Table{Claims: make([][]Claim, len(c.Sources))}
	terms := make([][][]string, len(c.Sources))
	for i, x := range ex {
		t.Claims[i], terms[i] = x.claims, x.terms
	}

	e.x.linkEntities(c, t)

	voc := newVocabulary()
	entityTerm := make([]int32, len(t.Entities))
	for i := range entityTerm {
		entityTerm[i] = -1
	}
	ids := make([][][]int32, len(terms))
	nSent := 0
	for s, sents := range terms {
		ids[s] = make([][]int32, len(sents))
		for k, ts := range sents {
			row := make([]int32, 0, len(ts)+len(t.Claims[s][k].Entities))
			for _, w := range ts {
				row = append(row, voc.id(w))
			}
			// A linked entity is a term of its own, so "Sudani" and
			// "Mohammed Shia al-Sudani" count as the same name.
			for _, m := range t.Claims[s][k].Entities {
				if m.Entity >= 0 {
					if entityTerm[m.Entity] < 0 {
						entityTerm[m.Entity] = voc.id(fmt.Sprintf("\x00e%d", m.Entity))
					}
					row = append(row, entityTerm[m.Entity])
				}
			}
			slices.Sort(row)
			row = slices.Compact(row)
			for _, id := range row {
				voc.df[id]++
			}
			ids[s][k] = row
			nSent++
		}
		terms[s] = nil
	}

	nodes, nodeOf := buildNodes(ids, voc.df, nSent, p.MinTerms)
	edges, err := candidateEdges(ctx, nodes, voc.df, p.Link, p.MaxPosting)
	if err != nil {
		return nil, err
	}
	root := cluster(nodes, edges, p.Join)
	t.Facts = assemble(c, t, nodes, nodeOf, root, voc.df, nSent, p)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t.findConflicts(c)
	return t, nil
}

// assemble turns node groups into ranked facts and points every claim at
// its fact.
func assemble(c *summarize.Corpus, t *Table, nodes []node, nodeOf [][]int32, root []int32, df []int32, nSent int, p Params) []Fact {
	members := map[int32][]int32{}
	var roots []int32
	for i, r := range root {
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], int32(i))
	}

	// The corpus centroid weights a term by how many sentences use it,
	// damped by rarity, so it points at what the sources talk about most
	// without being pulled by words every sentence has.
	// It is dense (indexed by term id): every fact is scored against it,
	// and a sparse merge with a vector of the whole vocabulary per fact
	// would cost facts × vocabulary.
	cv := make([]float64, len(df))
	var cn float64
	for _, n := range nodes {
		for k, id := range n.v.ids {
			cv[id] += float64(n.v.ws[k]) * float64(len(n.members))
		}
	}
	for _, w := range cv {
		cn += w * w
	}
	if cn > 0 {
		cn = math.Sqrt(cn)
		for i := range cv {
			cv[i] /= cn
		}
	}
	extra := contained(nodes, members, roots, df, nSent, p)

	facts := make([]Fact, len(roots))
	factOfRoot := make(map[int32]int, len(roots))
	for i, r := range roots {
		factOfRoot[r] = i
	}
	// Each fact is built from its own members only, so workers build them
	// side by side into their own slots.
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ri := w; ri < len(roots); ri += workers {
				facts[ri] = buildFact(c, t, nodes, members[roots[ri]], extra[ri], cv)
			}
		}()
	}
	wg.Wait()

	// Importance: independent support first, then centrality; ties go to
	// the fact stated earliest in the earliest source, which keeps the
	// order stable and close to how the stories tell it.
	maxC := 0.0
	for _, f := range facts {
		maxC = math.Max(maxC, f.Centrality)
	}
	for i := range facts {
		if maxC > 0 {
			facts[i].Centrality = math.Round(facts[i].Centrality/maxC*1000) / 1000
		}
	}
	order := make([]int, len(facts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, b := &facts[order[x]], &facts[order[y]]
		if a.Independent != b.Independent {
			return a.Independent > b.Independent
		}
		if a.Centrality != b.Centrality {
			return a.Centrality > b.Centrality
		}
		ea, eb := a.Evidence[0], b.Evidence[0]
		if ea.Source != eb.Source {
			return ea.Source < eb.Source
		}
		return ea.Sentence < eb.Sentence
	})
	rank := make([]int, len(facts))
	out := make([]Fact, len(facts))
	for k, i := range order {
		rank[i] = k
		out[k] = facts[i]
		out[k].ID = fmt.Sprintf("f%d", k+1)
	}
	for s := range t.Claims {
		for k := range t.Claims[s] {
			t.Claims[s][k].Fact = -1
		}
	}
	for fi := range out {
		for _, e := range out[fi].Evidence {
			cl := &t.Claims[e.Source][e.Sentence]
			cl.Facts = append(cl.Facts, fi)
			if n := nodeOf[e.Source][e.Sentence]; n >= 0 && rank[factOfRoot[root[n]]] == fi {
				cl.Fact = fi
			}
		}
	}
	return out
}

// buildFact makes a fact of a group of nodes and the sentences found to
// contain it; cv is the corpus centroid, dense by term id.
func buildFact(c *summarize.Corpus, t *Table, nodes []node, ns []int32, extra []sentRef, cv []float64) Fact {
	var f Fact
	cm := map[int32]float64{}
	for _, n := range ns {
		sumInto(cm, nodes[n].v, float64(len(nodes[n].members)))
	}
	cen := fromMap(cm)
	// The canonical text is the sentence most like the fact as a
	// whole; among near ties the shorter one reads better in a table.
	// The length term has no floor: a sentence of 8,000 characters
	// scores under -1, so the first node is taken whatever its score.
	best, bestScore := int32(-1), 0.0
	seen := map[int32]bool{}
	for _, n := range ns {
		for _, m := range nodes[n].members {
			if seen[m.src] {
				continue
			}
			seen[m.src] = true
			src := c.Sources[m.src]
			sp := src.Sentences[m.sent].Span
			f.Evidence = append(f.Evidence, Evidence{Source: int(m.src), Sentence: int(m.sent), Span: sp, Text: src.Text[sp.Start:sp.End]})
		}
		sc := dot(nodes[n].v, cen) - float64(len(sentenceText(c, nodes[n].ref)))/4000
		if best < 0 || sc > bestScore {
			best, bestScore = n, sc
		}
	}
	for _, m := range extra {
		if seen[m.src] {
			continue
		}
		seen[m.src] = true
		src := c.Sources[m.src]
		sp := src.Sentences[m.sent].Span
		f.Evidence = append(f.Evidence, Evidence{Source: int(m.src), Sentence: int(m.sent), Span: sp, Text: src.Text[sp.Start:sp.End]})
	}
	sort.Slice(f.Evidence, func(i, j int) bool { return f.Evidence[i].Source < f.Evidence[j].Source })
	f.Text = sentenceText(c, nodes[best].ref)
	f.Support = len(f.Evidence)
	groups := map[int]bool{}
	for _, e := range f.Evidence {
		groups[c.Sources[e.Source].Group] = true
	}
	f.Independent = len(groups)
	for k, id := range cen.ids {
		f.Centrality += float64(cen.ws[k]) * cv[id]
	}
	ref := nodes[best].ref
	f.Kind = t.Claims[ref.src][ref.sent].kind(c.Sources[ref.src])
	entities := map[int]bool{}
	for _, e := range f.Evidence {
		for _, m := range t.Claims[e.Source][e.Sentence].Entities {
			if m.Entity >= 0 {
				entities[m.Entity] = true
			}
		}
	}
	for id := range entities {
		f.Entities = append(f.Entities, id)
	}
	slices.Sort(f.Entities)
	return f
}

func sentenceText(c *summarize.Corpus, r sentRef) string {
	return c.Sources[r.src].SentenceText(int(r.sent))
}
