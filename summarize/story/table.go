package story

import "github.com/brieftool/brief/internal/mix"

// termTable numbers term hashes densely in order of first sight. It is a
// Go map's job, done by hand because it runs once per signature term,
// millions of times a day, and a flat table of 32-bit keys is smaller and
// faster than a map.
type termTable struct {
	keys []uint32 // 0 = empty
	ids  []int32
	n    int
	// hashes holds each id's hash.
	hashes []uint32
}

func newTermTable(hint int) *termTable {
	size := 1024
	for size < 2*hint {
		size <<= 1
	}
	return &termTable{keys: make([]uint32, size), ids: make([]int32, size)}
}

// id returns h's number, giving it the next one if it is new.
func (t *termTable) id(h uint32) int32 {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := uint32(len(t.keys) - 1)
	for i := slot(h) & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			return t.ids[i]
		case 0:
			t.keys[i] = h
			t.ids[i] = int32(t.n)
			t.n++
			t.hashes = append(t.hashes, h)
			return t.ids[i]
		}
	}
}

// slot spreads the hash again: term hashes are already uniform, but
// probing on their low bits alone would cluster if they were not.
func slot(h uint32) uint32 { return uint32(mix.Mix64(uint64(h))) }

func (t *termTable) grow() {
	old, oldIDs := t.keys, t.ids
	t.keys = make([]uint32, 2*len(old))
	t.ids = make([]int32, 2*len(old))
	mask := uint32(len(t.keys) - 1)
	for k, h := range old {
		if h == 0 {
			continue
		}
		i := slot(h) & mask
		for t.keys[i] != 0 {
			i = (i + 1) & mask
		}
		t.keys[i], t.ids[i] = h, oldIDs[k]
	}
}
