package facts

import (
	"context"
	"hash/maphash"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
)

// Merging claims into facts.
//
// Two sentences from different sources state the same fact when their
// content words, weighted by rarity (idf), have a cosine similarity of at
// least Params.Link. Candidates come from an inverted index over rare
// terms only (Params.MaxPosting), so the work grows with the number of
// sentences that share a rare word, never with all pairs. Identical
// sentences (wire copy) are collapsed into one node first.
//
// Linked pairs are merged greedily, most similar first, into facts that
// hold at most one sentence per source; two groups join only while their
// centroids stay similar (Params.Join), which stops chains of partial
// overlaps (A~B, B~C) from gluing unrelated statements together.

// vec is a sparse, L2-normalised term vector sorted by term id.
type vec struct {
	ids []int32
	ws  []float32
}

func dot(a, b vec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] == b.ids[j]:
			s += float64(a.ws[i]) * float64(b.ws[j])
			i++
			j++
		case a.ids[i] < b.ids[j]:
			i++
		default:
			j++
		}
	}
	return s
}

// sumInto adds v scaled by k into the dense-keyed map m.
func sumInto(m map[int32]float64, v vec, k float64) {
	for i, id := range v.ids {
		m[id] += float64(v.ws[i]) * k
	}
}

func fromMap(m map[int32]float64) vec {
	v := vec{ids: make([]int32, 0, len(m)), ws: make([]float32, 0, len(m))}
	for id := range m {
		v.ids = append(v.ids, id)
	}
	slices.Sort(v.ids)
	var n float64
	for _, id := range v.ids {
		n += m[id] * m[id]
	}
	n = math.Sqrt(n)
	for _, id := range v.ids {
		w := 0.0
		if n > 0 {
			w = m[id] / n
		}
		v.ws = append(v.ws, float32(w))
	}
	return v
}

// node is a set of identical sentences.
type node struct {
	ref     sentRef   // first occurrence
	members []sentRef // all occurrences, in corpus order
	v       vec
}

type sentRef struct{ src, sent int32 }

type edge struct {
	a, b int32
	sim  float32
}

// vocabulary maps terms to ids and counts, for each term, the sentences
// that contain it.
type vocabulary struct {
	ids map[string]int32
	df  []int32
}

func newVocabulary() *vocabulary { return &vocabulary{ids: map[string]int32{}} }

func (v *vocabulary) id(t string) int32 {
	if id, ok := v.ids[t]; ok {
		return id
	}
	id := int32(len(v.df))
	v.ids[t] = id
	v.df = append(v.df, 0)
	return id
}

// nodes collapses identical term sets and builds their vectors. Sentences
// with fewer than minTerms content terms ("He added.") are left out: they
// state nothing a reader could check on its own.
func buildNodes(terms [][][]int32, df []int32, nSent int, minTerms int) (nodes []node, nodeOf [][]int32) {
	idf := make([]float32, len(df))
	for i, d := range df {
		idf[i] = float32(math.Log(1 + float64(nSent)/float64(max(d, 1))))
	}
	seed := maphash.MakeSeed()
	byHash := map[uint64][]int32{}
	nodeOf = make([][]int32, len(terms))
	for s, sents := range terms {
		nodeOf[s] = make([]int32, len(sents))
		for k, ids := range sents {
			nodeOf[s][k] = -1
			if len(ids) < minTerms {
				continue
			}
			var h maphash.Hash
			h.SetSeed(seed)
			for _, id := range ids {
				var b [4]byte
				b[0], b[1], b[2], b[3] = byte(id), byte(id>>8), byte(id>>16), byte(id>>24)
				h.Write(b[:])
			}
			key := h.Sum64()
			found := int32(-1)
			for _, n := range byHash[key] {
				if slices.Equal(nodes[n].v.ids, ids) {
					found = n
					break
				}
			}
			ref := sentRef{int32(s), int32(k)}
			if found >= 0 {
				nodes[found].members = append(nodes[found].members, ref)
				nodeOf[s][k] = found
				continue
			}
			v := vec{ids: ids, ws: make([]float32, len(ids))}
			var norm float64
			for i, id := range ids {
				w := idf[id]
				v.ws[i] = w
				norm += float64(w) * float64(w)
			}
			norm = math.Sqrt(norm)
			for i := range v.ws {
				v.ws[i] = float32(float64(v.ws[i]) / norm)
			}
			id := int32(len(nodes))
			nodes = append(nodes, node{ref: ref, members: []sentRef{ref}, v: v})
			byHash[key] = append(byHash[key], id)
			nodeOf[s][k] = id
		}
	}
	return nodes, nodeOf
}

// candidateEdges finds node pairs from different sources with cosine at
// least link, through postings of terms with document frequency at most
// maxPosting.
func candidateEdges(ctx context.Context, nodes []node, df []int32, link float64, maxPosting int) ([]edge, error) {
	// Each posting carries the node's weight for the term, so scoring a
	// candidate needs no lookup in its vector.
	type posting struct {
		node int32
		w    float32
	}
	postings := make([][]posting, len(df))
	for i, n := range nodes {
		for k, id := range n.v.ids {
			if int(df[id]) <= maxPosting {
				postings[id] = append(postings[id], posting{int32(i), n.v.ws[k]})
			}
		}
	}
	// Nodes are scored in parallel, each worker with its own accumulator;
	// the edges are sorted afterwards, so the result does not depend on
	// the split.
	workers := runtime.GOMAXPROCS(0)
	parts := make([][]edge, workers)
	var wg sync.WaitGroup
	var failed atomic.Bool
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := make([]float32, len(nodes))
			var touched []int32
			var edges []edge
			// Interleaved rows balance the work: early nodes have longer
			// posting tails to scan.
			for i := w; i < len(nodes); i += workers {
				if i%4096 < workers && ctx.Err() != nil {
					failed.Store(true)
					return
				}
				a := &nodes[i]
				touched = touched[:0]
				for k, id := range a.v.ids {
					p := postings[id]
					if len(p) < 2 {
						continue
					}
					// Postings are in node order; only later nodes are
					// visited so each pair is scored once.
					start, _ := slices.BinarySearchFunc(p, int32(i)+1, func(e posting, t int32) int { return int(e.node - t) })
					wk := a.v.ws[k]
					for _, e := range p[start:] {
						if acc[e.node] == 0 {
							touched = append(touched, e.node)
						}
						acc[e.node] += wk * e.w
					}
				}
				for _, j := range touched {
					partial := acc[j]
					acc[j] = 0
					// The partial score counts rare terms only; a pair far
					// below the threshold on them is skipped without a full
					// comparison.
					if float64(partial) < link*0.5 {
						continue
					}
					b := &nodes[j]
					if sameSourceOnly(a, b) {
						continue
					}
					if sim := dot(a.v, b.v); sim >= link {
						edges = append(edges, edge{int32(i), j, float32(sim)})
					}
				}
			}
			parts[w] = edges
		}()
	}
	wg.Wait()
	if failed.Load() {
		return nil, ctx.Err()
	}
	var edges []edge
	for _, p := range parts {
		edges = append(edges, p...)
	}
	sort.Slice(edges, func(x, y int) bool {
		if edges[x].sim != edges[y].sim {
			return edges[x].sim > edges[y].sim
		}
		if edges[x].a != edges[y].a {
			return edges[x].a < edges[y].a
		}
		return edges[x].b < edges[y].b
	})
	return edges, nil
}

// sameSourceOnly reports whether every sentence of a and b comes from one
// single source: a source does not corroborate itself.
func sameSourceOnly(a, b *node) bool {
	s := a.members[0].src
	for _, m := range a.members {
		if m.src != s {
			return false
		}
	}
	for _, m := range b.members {
		if m.src != s {
			return false
		}
	}
	return true
}

// group is a fact under construction.
type group struct {
	nodes    []int32
	sources  []int32           // sorted, distinct
	centroid map[int32]float64 // sum of member vectors; nil while alone
}

// cluster merges nodes along edges into groups. It returns, for each node,
// its group index.
func cluster(nodes []node, edges []edge, join float64) []int32 {
	groups := make([]*group, len(nodes))
	owner := make([]int32, len(nodes))
	for i := range nodes {
		owner[i] = int32(i)
	}
	get := func(i int32) *group {
		if groups[i] == nil {
			n := &nodes[i]
			g := &group{nodes: []int32{i}}
			for _, m := range n.members {
				g.sources = append(g.sources, m.src)
			}
			slices.Sort(g.sources)
			g.sources = slices.Compact(g.sources)
			groups[i] = g
		}
		return groups[i]
	}
	find := func(i int32) int32 {
		for owner[i] != i {
			owner[i] = owner[owner[i]]
			i = owner[i]
		}
		return i
	}
	centroid := func(g *group) vec {
		if g.centroid == nil {
			return nodes[g.nodes[0]].v
		}
		return fromMap(g.centroid)
	}
	for _, e := range edges {
		ra, rb := find(e.a), find(e.b)
		if ra == rb {
			continue
		}
		ga, gb := get(ra), get(rb)
		if overlaps(ga.sources, gb.sources) {
			continue
		}
		if len(ga.nodes) > 1 || len(gb.nodes) > 1 {
			if dot(centroid(ga), centroid(gb)) < join {
				continue
			}
		}
		// Keep the larger group as the root so merges stay cheap.
		if len(ga.nodes) < len(gb.nodes) {
			ra, rb, ga, gb = rb, ra, gb, ga
		}
		if ga.centroid == nil {
			ga.centroid = map[int32]float64{}
			for _, n := range ga.nodes {
				sumInto(ga.centroid, nodes[n].v, 1)
			}
		}
		for _, n := range gb.nodes {
			sumInto(ga.centroid, nodes[n].v, 1)
		}
		ga.nodes = append(ga.nodes, gb.nodes...)
		ga.sources = mergeSorted(ga.sources, gb.sources)
		owner[rb] = ra
		groups[rb] = nil
	}
	out := make([]int32, len(nodes))
	for i := range nodes {
		out[i] = find(int32(i))
	}
	return out
}

func overlaps(a, b []int32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

func mergeSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// contained finds, for each fact, sentences of other sources that contain
// most of its canonical content: "Austin arrived in Baghdad on Tuesday"
// is also stated by "Austin, who arrived in Baghdad on Tuesday, met the
// prime minister". Containment is the idf-weighted share of the fact's
// terms that the sentence has. It returns the extra members by group root.
func contained(nodes []node, members map[int32][]int32, roots []int32, df []int32, nSent int, p Params) [][]sentRef {
	if p.Contain <= 0 {
		return nil
	}
	idf := func(id int32) float64 { return math.Log(1 + float64(nSent)/float64(max(df[id], 1))) }
	postings := make([][]int32, len(df))
	for i, n := range nodes {
		for _, id := range n.v.ids {
			if int(df[id]) <= p.MaxPosting {
				postings[id] = append(postings[id], int32(i))
			}
		}
	}
	out := make([][]sentRef, len(roots))
	// Facts are independent here: workers take every n-th one, each with
	// its own accumulator, and write only their own slots of out.
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := make([]float64, len(nodes))
			var touched []int32
			for ri := w; ri < len(roots); ri += workers {
				out[ri] = containedIn(nodes, members[roots[ri]], postings, idf, acc, touched[:0], p)
			}
		}()
	}
	wg.Wait()
	return out
}

// containedIn finds the sentences of other sources that contain the fact
// made of the given nodes.
func containedIn(nodes []node, ms []int32, postings [][]int32, idf func(int32) float64, acc []float64, touched []int32, p Params) []sentRef {
	var out []sentRef
	{
		// The group's canonical node stands for the fact; the longest
		// member is a poor stand-in, so take the one with most weight
		// shared with the rest: with one member that is the member itself.
		canon := ms[0]
		cv := nodes[canon].v
		if len(cv.ids) < p.MinContainTerms {
			return nil
		}
		var total float64
		for _, id := range cv.ids {
			total += idf(id)
		}
		in := map[int32]bool{}
		for _, n := range ms {
			for _, m := range nodes[n].members {
				in[m.src] = true
			}
		}
		for _, id := range cv.ids {
			w := idf(id)
			for _, j := range postings[id] {
				if acc[j] == 0 {
					touched = append(touched, j)
				}
				acc[j] += w
			}
		}
		for _, j := range touched {
			partial := acc[j]
			acc[j] = 0
			if partial < total*p.Contain*0.5 {
				continue
			}
			// Rare terms alone may not reach the bar; count all shared
			// terms exactly.
			var shared float64
			ov := nodes[j].v
			a, b := 0, 0
			for a < len(cv.ids) && b < len(ov.ids) {
				switch {
				case cv.ids[a] == ov.ids[b]:
					shared += idf(cv.ids[a])
					a++
					b++
				case cv.ids[a] < ov.ids[b]:
					a++
				default:
					b++
				}
			}
			if shared < total*p.Contain {
				continue
			}
			for _, m := range nodes[j].members {
				if !in[m.src] {
					in[m.src] = true
					out = append(out, m)
				}
			}
		}
	}
	return out
}
