package dedup

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Doc is one source as Corpus sees it: its kept paragraphs, in order.
type Doc struct{ Paragraphs []string }

// Result says which documents repeat which, and which sources are one.
type Result struct {
	// DuplicateOf is, per doc, the earliest doc (in corpus order) of the
	// near-duplicate cluster it belongs to, or -1 when it is the earliest
	// or has no near duplicate.
	DuplicateOf []int
	// Similarity is, per doc, the estimated Jaccard similarity with
	// DuplicateOf (1 for an exact copy), or 0 when DuplicateOf is -1.
	Similarity []float64
	// Group is, per doc, its syndication group: an index into Groups.
	Group []int
	// Groups are numbered in order of their first member; every doc is
	// in exactly one, alone if nothing ties it to another.
	Groups []Group
}

// Group is a set of documents that count as one source.
type Group struct {
	Members []int // in corpus order
	// Shared is, for groups of two or more, the weakest tie that holds the
	// group together: the smallest share of the shorter document's text
	// found in the other, over the ties that joined members in (strongest
	// ties first). 0 for a document alone.
	Shared float64
}

// corpusIndex holds what signing learns about every document and every
// paragraph ("passage"). Passages are numbered across the corpus:
// passages of doc d are paraStart[d] to paraStart[d+1]-1.
type corpusIndex struct {
	hashes    int
	paraStart []int32

	docWords    []int32  // normalised words per doc
	docShingles []int32  // shingles hashed per doc
	docHash     []uint64 // exact content hash per doc
	docSig      []uint32 // MinHash signatures, hashes per doc

	pDoc      []int32
	pWords    []int32 // normalised words per passage
	pShingles []int32 // shingles hashed; 0 when too short to take part
	pHash     []uint64
	pSig      []uint32 // MinHash signatures, hashes per passage
}

func (x *corpusIndex) dsig(d int32) []uint32 {
	return x.docSig[int(d)*x.hashes : int(d+1)*x.hashes]
}

func (x *corpusIndex) psig(p int32) []uint32 {
	return x.pSig[int(p)*x.hashes : int(p+1)*x.hashes]
}

// edge ties two documents into one syndication group.
type edge struct {
	a, b  int32
	share float64
}

// Corpus finds near-duplicate documents and syndication groups in docs.
//
// It never compares all pairs: every document and every passage of six
// or more words gets a MinHash signature, LSH banding turns signatures
// into candidate pairs, and only candidates are verified, by signature
// agreement. Exact copies are collapsed before banding, and buckets or
// passage clusters with more than 32 members are linked as stars, so one
// text reprinted by hundreds of outlets costs linear, not quadratic, work.
//
// Signing runs on GOMAXPROCS goroutines; everything that decides the
// output runs in a fixed order, so equal input gives equal output. Corpus
// stops early with ctx's error when ctx is done, and returns an error
// wrapping ErrParams when p cannot work.
func Corpus(ctx context.Context, docs []Doc, p Params) (Result, error) {
	p = p.withDefaults()
	if err := p.validate(); err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	x, err := signCorpus(ctx, docs, p)
	if err != nil {
		return Result{}, err
	}
	n := len(docs)
	res := Result{
		DuplicateOf: make([]int, n),
		Similarity:  make([]float64, n),
		Group:       make([]int, n),
	}

	edges, err := nearDuplicates(ctx, x, p, &res)
	if err != nil {
		return Result{}, err
	}
	synd, err := syndication(ctx, x, p)
	if err != nil {
		return Result{}, err
	}
	edges = append(edges, synd...)
	res.Groups = groups(n, edges, res.Group)
	return res, nil
}

// signCorpus tokenizes every document once, signs it paragraph by
// paragraph (p.PassageShingle-word shingles) and derives the document's
// signature from its paragraphs'.
// Documents are handed to workers in small chunks through an atomic
// counter; every result lands in a slot fixed by its index.
func signCorpus(ctx context.Context, docs []Doc, p Params) (*corpusIndex, error) {
	n := len(docs)
	x := &corpusIndex{hashes: p.Hashes, paraStart: make([]int32, n+1)}
	for d, doc := range docs {
		x.paraStart[d+1] = x.paraStart[d] + int32(len(doc.Paragraphs))
	}
	np := int(x.paraStart[n])
	x.docWords = make([]int32, n)
	x.docShingles = make([]int32, n)
	x.docHash = make([]uint64, n)
	x.docSig = make([]uint32, n*p.Hashes)
	x.pDoc = make([]int32, np)
	x.pWords = make([]int32, np)
	x.pShingles = make([]int32, np)
	x.pHash = make([]uint64, np)
	x.pSig = make([]uint32, np*p.Hashes)

	const chunk = 16
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sg := newSigner(p.Hashes)
			var words []uint64
			for {
				lo := int(next.Add(chunk) - chunk)
				if lo >= n || ctx.Err() != nil {
					return
				}
				for d := lo; d < min(lo+chunk, n); d++ {
					words = words[:0]
					for j, text := range docs[d].Paragraphs {
						start := len(words)
						words = appendWords(words, text)
						pi := x.paraStart[d] + int32(j)
						w := words[start:]
						x.pDoc[pi] = int32(d)
						x.pWords[pi] = int32(len(w))
						if len(w) >= minPassageWords {
							x.pHash[pi] = seqHash(w)
							x.pShingles[pi] = int32(sg.sign(x.psig(pi), w, p.PassageShingle))
						}
					}
					x.docWords[d] = int32(len(words))
					if len(words) == 0 {
						continue
					}
					x.docHash[d] = seqHash(words)
					// The MinHash of a union is the element-wise minimum of
					// the parts' MinHashes, so the document's signature over
					// its paragraphs' shingles costs no further hashing.
					// Shingles that span two paragraphs are left out, which
					// only ignores page layout.
					dsig := x.dsig(int32(d))
					total := int32(0)
					for pi := x.paraStart[d]; pi < x.paraStart[d+1]; pi++ {
						if x.pShingles[pi] == 0 {
							continue
						}
						if total == 0 {
							copy(dsig, x.psig(pi))
						} else {
							for i, v := range x.psig(pi) {
								dsig[i] = min(dsig[i], v)
							}
						}
						total += x.pShingles[pi]
					}
					if total == 0 {
						// Only short paragraphs: sign the words as one text.
						total = int32(sg.sign(dsig, words, p.PassageShingle))
					}
					x.docShingles[d] = total
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return x, nil
}

// joinCandidates bands the signatures of reps and offers every candidate
// pair not yet in one set to join, with its estimated Jaccard; the pair is
// united when join says so.
func joinCandidates(ctx context.Context, reps []int32, p Params, sig func(int32) []uint32, uf unionFind, join func(a, b int32, j float64) bool) error {
	runs, err := lshBuckets(ctx, len(reps), p.Bands, p.Hashes/p.Bands, func(i int) []uint32 { return sig(reps[i]) })
	if err != nil {
		return err
	}
	poll := ctxPoll{ctx: ctx}
	forEachCandidate(runs, func(a, b int32) bool {
		if poll.done() {
			return false
		}
		ra, rb := reps[a], reps[b]
		if uf.find(ra) != uf.find(rb) && join(ra, rb, agreement(sig(ra), sig(rb))) {
			uf.union(ra, rb)
		}
		return true
	})
	return ctx.Err()
}

// ctxPoll checks ctx every 4096 calls, cheap enough for inner loops.
type ctxPoll struct {
	ctx context.Context
	n   int
}

func (c *ctxPoll) done() bool {
	c.n++
	return c.n&4095 == 0 && c.ctx.Err() != nil
}

// nearDuplicates fills res.DuplicateOf and res.Similarity and returns the
// near-duplicate ties for grouping. Exact copies are joined first, by
// content hash, so that each distinct text enters LSH once.
func nearDuplicates(ctx context.Context, x *corpusIndex, p Params, res *Result) ([]edge, error) {
	n := len(x.docWords)
	uf := newUnionFind(n)
	var edges []edge
	var reps []int32
	first := make(map[uint64]int32, n)
	for d := range int32(n) {
		if x.docWords[d] == 0 {
			continue // no text: nothing to be a duplicate of
		}
		if r, ok := first[x.docHash[d]]; ok {
			uf.union(r, d)
			edges = append(edges, edge{r, d, 1})
			continue
		}
		first[x.docHash[d]] = d
		reps = append(reps, d)
	}

	err := joinCandidates(ctx, reps, p, x.dsig, uf, func(da, db int32, j float64) bool {
		if j < p.DuplicateThreshold {
			return false
		}
		edges = append(edges, edge{da, db, containment(j, int(x.docShingles[da]), int(x.docShingles[db]))})
		return true
	})
	if err != nil {
		return nil, err
	}

	for d := range int32(n) {
		res.DuplicateOf[d], res.Similarity[d] = -1, 0
		if r := uf.find(d); r != d {
			res.DuplicateOf[d] = int(r)
			res.Similarity[d] = agreement(x.dsig(d), x.dsig(r))
		}
	}
	return edges, nil
}

// syndication finds pairs of sources that share enough passages to count
// as one source, and returns them as ties with the share of the shorter
// source's words that they share.
//
// Passages (paragraphs of at least minPassageWords words) are collapsed
// to one representative per exact text, banded, and candidate pairs with
// estimated Jaccard or containment >= p.PassageThreshold are joined into
// passage clusters. Within a cluster, each pair of sources is credited
// with the words its passages there share, estimated from their
// signatures; clusters spanning more than fanout sources credit only
// pairs with their earliest source.
func syndication(ctx context.Context, x *corpusIndex, p Params) ([]edge, error) {
	np := len(x.pWords)
	rep := make([]int32, np) // representative passage, -1 if not taking part
	var reps []int32
	first := make(map[uint64]int32)
	for pi := range int32(np) {
		rep[pi] = -1
		if x.pShingles[pi] == 0 {
			continue
		}
		if r, ok := first[x.pHash[pi]]; ok {
			rep[pi] = r
			continue
		}
		first[x.pHash[pi]] = pi
		rep[pi] = pi
		reps = append(reps, pi)
	}

	uf := newUnionFind(np)
	err := joinCandidates(ctx, reps, p, x.psig, uf, func(pa, pb int32, j float64) bool {
		return max(j, containment(j, int(x.pShingles[pa]), int(x.pShingles[pb]))) >= p.PassageThreshold
	})
	if err != nil {
		return nil, err
	}

	// Gather the passages of clusters with two or more passages, sorted
	// by cluster, then source, then position.
	size := make([]int32, np)
	for pi := range int32(np) {
		if rep[pi] >= 0 {
			size[uf.find(rep[pi])]++
		}
	}
	type member struct{ cluster, doc, p int32 }
	var ms []member
	for pi := range int32(np) {
		if rep[pi] >= 0 {
			if c := uf.find(rep[pi]); size[c] > 1 {
				ms = append(ms, member{c, x.pDoc[pi], pi})
			}
		}
	}
	slices.SortFunc(ms, func(a, b member) int {
		return cmp.Or(cmp.Compare(a.cluster, b.cluster), cmp.Compare(a.doc, b.doc), cmp.Compare(a.p, b.p))
	})

	// overlap estimates how many words passages u and v share: all of the
	// shorter one when their texts are equal, else the estimated share of
	// its shingles found in the other, in words.
	overlap := func(u, v int32) float64 {
		wu, wv := x.pWords[u], x.pWords[v]
		if rep[u] == rep[v] {
			return float64(min(wu, wv))
		}
		j := agreement(x.psig(rep[u]), x.psig(rep[v]))
		return containment(j, int(x.pShingles[u]), int(x.pShingles[v])) * float64(min(wu, wv))
	}
	type span struct {
		doc   int32
		ps    []member
		words float64
	}
	shared := make(map[uint64]float64)
	credit := func(a, b span) {
		w := 0.0
		for _, mp := range a.ps {
			for _, mq := range b.ps {
				w += overlap(mp.p, mq.p)
			}
		}
		shared[uint64(a.doc)<<32|uint64(b.doc)] += min(w, a.words, b.words)
	}
	var spans []span
	poll := ctxPoll{ctx: ctx}
	for i := 0; i < len(ms); {
		if poll.done() {
			return nil, ctx.Err()
		}
		j := i
		spans = spans[:0]
		for j < len(ms) && ms[j].cluster == ms[i].cluster {
			k := j
			s := span{doc: ms[j].doc}
			for k < len(ms) && ms[k].cluster == ms[i].cluster && ms[k].doc == ms[j].doc {
				s.words += float64(x.pWords[ms[k].p])
				k++
			}
			s.ps = ms[j:k]
			spans = append(spans, s)
			j = k
		}
		i = j
		if len(spans) > fanout {
			for _, s := range spans[1:] {
				credit(spans[0], s)
			}
			continue
		}
		for a := range spans {
			for b := a + 1; b < len(spans); b++ {
				credit(spans[a], spans[b])
			}
		}
	}

	var edges []edge
	for key, w := range shared {
		a, b := int32(key>>32), int32(key&0xffffffff)
		shorter := min(x.docWords[a], x.docWords[b])
		if w < float64(p.SyndicationMinWords) || shorter == 0 {
			continue
		}
		if share := min(w/float64(shorter), 1); share >= p.SyndicationMinShare {
			edges = append(edges, edge{a, b, share})
		}
	}
	return edges, nil
}

// groups joins documents along edges, strongest first (Kruskal), numbers
// the components in order of their first member, and records for each
// the weakest edge that joined it: the bottleneck of a maximum spanning
// forest, which does not depend on the order edges were found in.
func groups(n int, edges []edge, group []int) []Group {
	slices.SortFunc(edges, func(e, f edge) int {
		return cmp.Or(cmp.Compare(f.share, e.share), cmp.Compare(e.a, f.a), cmp.Compare(e.b, f.b))
	})
	uf := newUnionFind(n)
	weakest := make([]float64, n)
	for i := range weakest {
		weakest[i] = 1
	}
	for _, e := range edges {
		ra, rb := uf.find(e.a), uf.find(e.b)
		if ra == rb {
			continue
		}
		w := min(weakest[ra], weakest[rb], e.share)
		uf.union(ra, rb)
		weakest[uf.find(ra)] = w
	}
	gs := []Group{}
	num := make([]int32, n) // group number + 1 of each root; 0 = none yet
	for d := range int32(n) {
		r := uf.find(d)
		if num[r] == 0 {
			gs = append(gs, Group{})
			num[r] = int32(len(gs))
		}
		g := int(num[r] - 1)
		gs[g].Members = append(gs[g].Members, int(d))
		group[d] = g
	}
	for g := range gs {
		if len(gs[g].Members) > 1 {
			gs[g].Shared = weakest[uf.find(int32(gs[g].Members[0]))]
		}
	}
	return gs
}
