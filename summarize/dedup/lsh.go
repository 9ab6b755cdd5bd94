package dedup

import (
	"context"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/brieftool/brief/internal/mix"
)

// unionFind keeps disjoint sets whose root is always the smallest member,
// so "the earliest document of a cluster" is simply find(i).
type unionFind []int32

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = int32(i)
	}
	return u
}

func (u unionFind) find(x int32) int32 {
	for u[x] != x {
		u[x] = u[u[x]] // path halving
		x = u[x]
	}
	return x
}

// union merges the sets of a and b and reports whether they were apart.
func (u unionFind) union(a, b int32) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return false
	}
	if ra < rb {
		u[rb] = ra
	} else {
		u[ra] = rb
	}
	return true
}

// bandRuns lists, for one LSH band, the buckets that hold two or more
// items: members[ends[i-1]:ends[i]] is bucket i, its items ascending.
type bandRuns struct {
	members []int32
	ends    []int32
}

// bandKey hashes one band (rows consecutive signature values) of an item;
// the band number is mixed in so equal rows in different bands do not
// collide.
func bandKey(rows []uint32, band int) uint64 {
	h := uint64(band+1) * 0x9e3779b97f4a7c15
	for i := 0; i+1 < len(rows); i += 2 {
		h = (h ^ (uint64(rows[i])<<32 | uint64(rows[i+1]))) * 0xff51afd7ed558ccd
		h ^= h >> 32
	}
	if len(rows)%2 == 1 {
		h = (h ^ uint64(rows[len(rows)-1])) * 0xff51afd7ed558ccd
	}
	return mix.Mix64(h)
}

// lshBuckets hashes every item's signature into bands and returns the
// shared buckets of each band. sig(i) must return item i's signature, of
// bands*rows values. Bands are independent, so they are spread over
// workers; each band's output depends only on the signatures, which keeps
// the result deterministic.
//
// Each item becomes one packed word, band key above and item number below
// (the key keeps its top 64-bits.Len(n) bits; a truncated-key collision
// only adds a candidate that signature verification rejects). Words are
// grouped by a one-pass radix partition on their top bits, into about as
// many partitions as items, and each partition, a handful of words, is
// then sorted: linear work, no maps, no per-bucket allocation, and each
// bucket's items come out ascending.
func lshBuckets(ctx context.Context, n, bands, rows int, sig func(i int) []uint32) ([]bandRuns, error) {
	out := make([]bandRuns, bands)
	if n < 2 {
		return out, nil
	}
	idBits := bits.Len(uint(n))
	idMask := uint64(1)<<idBits - 1
	shift := 64 - idBits
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), bands) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			entries := make([]uint64, n)
			parted := make([]uint64, n)
			ends := make([]int32, 1<<idBits+1)
			for {
				b := int(next.Add(1) - 1)
				if b >= bands || ctx.Err() != nil {
					return
				}
				clear(ends)
				for i := range n {
					s := sig(i)
					e := bandKey(s[b*rows:(b+1)*rows], b)&^idMask | uint64(i)
					entries[i] = e
					ends[e>>shift+1]++
				}
				for i := 1; i < len(ends); i++ {
					ends[i] += ends[i-1]
				}
				for _, e := range entries {
					p := e >> shift
					parted[ends[p]] = e
					ends[p]++
				}
				// ends[p] is now the end of partition p.
				start := int32(0)
				for _, end := range ends[:len(ends)-1] {
					if end-start > 1 {
						slices.Sort(parted[start:end])
					}
					start = end
				}
				var r bandRuns
				for i := 0; i < n; {
					j := i + 1
					for j < n && parted[j]&^idMask == parted[i]&^idMask {
						j++
					}
					if j-i > 1 {
						for _, e := range parted[i:j] {
							r.members = append(r.members, int32(e&idMask))
						}
						r.ends = append(r.ends, int32(len(r.members)))
					}
					i = j
				}
				out[b] = r
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// forEachCandidate calls visit for every candidate pair (a < b) in a fixed
// order: band by band, bucket by bucket. A bucket of up to fanout items
// yields all its pairs; a larger one (one text in hundreds of outlets,
// boilerplate) yields only star pairs to its earliest item, so work stays
// linear in the bucket size. Pairs recur across bands; visit is expected
// to skip pairs its union-find already joined. visit returning false
// stops the walk.
func forEachCandidate(runs []bandRuns, visit func(a, b int32) bool) {
	for _, r := range runs {
		start := int32(0)
		for _, end := range r.ends {
			bucket := r.members[start:end]
			start = end
			if len(bucket) > fanout {
				for _, m := range bucket[1:] {
					if !visit(bucket[0], m) {
						return
					}
				}
				continue
			}
			for i, a := range bucket {
				for _, b := range bucket[i+1:] {
					if !visit(a, b) {
						return
					}
				}
			}
		}
	}
}
