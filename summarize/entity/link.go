package entity

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/brieftool/brief/internal/mix"
)

// Entity is a group of name keys that refer to one thing.
type Entity struct {
	ID       int      // index in the slice Link returns
	Name     string   // canonical name: the most frequent form among the longest keys
	Kind     Kind     // the most frequent kind its mentions were given
	Variants []string // distinct forms as written, most frequent first
	Keys     []int    // key ids from Add, ascending
}

// Linker groups the name keys of a corpus into entities. Add is called
// once per mention, Link once at the end. A Linker is not safe for
// concurrent use.
type Linker struct {
	ids   map[string]int32
	keys  []keyRec
	entOf []int32
}

// keyRec is what the Linker knows about one key.
type keyRec struct {
	key   string
	n     int32
	kinds [5]int32 // counts by kindIndex
	place string
	// Ways of writing the key, with counts: the first inline, since most
	// keys have one or two, and Add then touches one record.
	form0 form
	more  []form
	acrs  []form // acronyms defined for this key (folded), with counts
}

type form struct {
	text string
	n    int32
	h    uint32 // hash of text: most comparisons then skip the text itself
}

// maxForms bounds the spellings kept per key. Real keys have a handful;
// the bound only protects against a caller feeding garbage.
const maxForms = 32

var kindOrder = [5]Kind{KindUnknown, KindPerson, KindOrg, KindPlace, KindGroup}

func kindIndex(k Kind) int {
	switch k {
	case KindPerson:
		return 1
	case KindOrg:
		return 2
	case KindPlace:
		return 3
	case KindGroup:
		return 4
	}
	return 0
}

// NewLinker returns an empty Linker.
func NewLinker() *Linker {
	return &Linker{ids: make(map[string]int32)}
}

// Add counts one mention and returns the id of its key; mentions with the
// same Key share an id. A mention with no Key is keyed by
// Normalize(Text); with neither, Add returns -1.
func (l *Linker) Add(m Mention) int {
	key := m.Key
	if key == "" {
		key = Normalize(m.Text)
		if key == "" {
			return -1
		}
	}
	id, ok := l.ids[key]
	if !ok {
		key = strings.Clone(key)
		id = int32(len(l.keys))
		l.ids[key] = id
		l.keys = append(l.keys, keyRec{key: key})
	}
	r := &l.keys[id]
	r.n++
	r.kinds[kindIndex(m.Kind)]++
	if r.place == "" {
		r.place = m.Place
	}
	if m.Text != "" {
		h := hashText(m.Text)
		switch {
		case r.form0.h == h && r.form0.text == m.Text:
			r.form0.n++
		case r.form0.text == "":
			// Texts are substrings of whole sentences; cloning keeps the
			// sentences collectable.
			r.form0 = form{strings.Clone(m.Text), 1, h}
		default:
			r.more = addForm(r.more, m.Text, true)
		}
	}
	if m.Acronym != "" {
		r.acrs = addForm(r.acrs, foldString(m.Acronym), false)
	}
	return int(id)
}

// hashText is 32-bit FNV-1a.
func hashText(text string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(text); i++ {
		h = (h ^ uint32(text[i])) * 16777619
	}
	return h
}

func addForm(fs []form, text string, clone bool) []form {
	if text == "" {
		return fs
	}
	h := hashText(text)
	for i := range fs {
		if fs[i].h == h && fs[i].text == text {
			fs[i].n++
			return fs
		}
	}
	if len(fs) >= maxForms {
		return fs
	}
	if clone {
		text = strings.Clone(text)
	}
	return append(fs, form{text, 1, h})
}

// EntityOf returns the index in Link's result of the entity holding keyID,
// or -1 before Link or for an unknown id.
func (l *Linker) EntityOf(keyID int) int {
	if keyID < 0 || keyID >= len(l.entOf) {
		return -1
	}
	return int(l.entOf[keyID])
}

// linkState holds the working data of one Link call.
type linkState struct {
	l      *Linker
	parent []int32
	kind   []Kind
	// Keys as token ids: tokens of key i are toks[off[i]:off[i+1]].
	off   []int32
	toks  []int32
	vocab []string
	// close[tok] lists the tokens spelled close to tok (rule c).
	closeOff []int32
	closeTo  []int32
}

func (s *linkState) find(i int32) int32 {
	for s.parent[i] != i {
		s.parent[i] = s.parent[s.parent[i]]
		i = s.parent[i]
	}
	return i
}

func (s *linkState) union(a, b int32) {
	ra, rb := s.find(a), s.find(b)
	if ra == rb {
		return
	}
	// The lower id becomes the root, so results do not depend on map order.
	if rb < ra {
		ra, rb = rb, ra
	}
	s.parent[rb] = ra
}

func (s *linkState) tokens(i int32) []int32 { return s.toks[s.off[i]:s.off[i+1]] }

// compatible reports whether keys of kinds a and b may be one entity:
// places and groups only with their own kind, persons never with
// organisations, unknown with either.
func compatible(a, b Kind) bool {
	if a == KindPlace || a == KindGroup || b == KindPlace || b == KindGroup {
		return a == b
	}
	return a == KindUnknown || b == KindUnknown || a == b
}

// Link groups the keys added so far into entities and returns them, the
// most mentioned first. The rules, applied in this order:
//
//   - the same Key is one entity (Add already counts them as one);
//   - aliases from a built-in table ("US", "U.S.", "United States",
//     "America"; "IS", "ISIS", "Daesh"; ...), places with the same Place,
//     demonyms with the same Place, a group and its plural ("Shiite",
//     "Shiites"), and acronyms defined in parentheses ("KRG") with the
//     expansion that defines them most often (whatever kind the bare
//     acronym was guessed to be, unless a person is involved);
//   - spelling variants: the same number of words, each equal or close
//     (see closeWords: doubled letters ignored, same first and last
//     letter, edit distance 1, or 2 from nine letters); one-word keys need
//     six letters, so "Obama" and "Osama" stay apart;
//   - short forms: a key whose words are an ordered subsequence of a
//     longer key's, ending in the same (or a close) word, joins it
//     ("Sudani" -> "Mohammed Shia al-Sudani") unless it fits longer keys
//     of two different entities ("Barzani" with "Nechirvan Barzani" and
//     "Masrour Barzani"), in which case it stays alone.
//
// Persons and organisations never join places or groups, and persons never
// join organisations; a key of unknown kind may join either. Keys with
// different last words join only through aliases, acronyms or close
// spelling, so "Islamic State" and "Islamic State of Iraq" stay apart.
// Identical keys are always one entity, so a bare surname shared by two
// people ("Kennedy") is one entity; callers comparing titles may want to
// trust single-word entities less. Nothing compares all pairs: close spellings
// are found through a symmetric-delete index over the vocabulary, and
// candidates for both word rules are looked up by their first and last
// words.
func (l *Linker) Link() []Entity {
	n := int32(len(l.keys))
	s := &linkState{l: l, parent: make([]int32, n), kind: make([]Kind, n)}
	for i := range s.parent {
		s.parent[i] = int32(i)
	}
	for i := range l.keys {
		s.kind[i] = majorityKind(l.keys[i].kinds)
	}
	s.tokenize()
	s.aliases()
	s.closeTokens()
	s.closeKeys()
	s.shortForms()
	return s.entities()
}

func majorityKind(c [5]int32) Kind {
	best, bn := KindUnknown, int32(0)
	for i := 1; i < 5; i++ {
		if c[i] > bn {
			best, bn = kindOrder[i], c[i]
		}
	}
	return best
}

// keyForms returns the forms of key i; buf is reused.
func (s *linkState) keyForms(i int32, buf []form) []form {
	r := &s.l.keys[i]
	buf = buf[:0]
	if r.form0.text != "" {
		buf = append(buf, r.form0)
	}
	return append(buf, r.more...)
}

// tokenize splits every key into words and numbers the words.
func (s *linkState) tokenize() {
	ids := make(map[string]int32, len(s.l.keys))
	s.off = make([]int32, 0, len(s.l.keys)+1)
	s.toks = make([]int32, 0, 3*len(s.l.keys))
	for _, r := range s.l.keys {
		s.off = append(s.off, int32(len(s.toks)))
		k := r.key
		for len(k) > 0 {
			w, rest, _ := strings.Cut(k, " ")
			k = rest
			if w == "" {
				continue
			}
			id, ok := ids[w]
			if !ok {
				id = int32(len(s.vocab))
				ids[w] = id
				s.vocab = append(s.vocab, w)
			}
			s.toks = append(s.toks, id)
		}
	}
	s.off = append(s.off, int32(len(s.toks)))
}

// aliases applies the alias table, shared places, plural groups and
// acronym definitions.
func (s *linkState) aliases() {
	l, t := s.l, getTables()
	aliasRep := map[int]int32{}
	placeRep := map[string]int32{}
	groupRep := map[string]int32{}
	try := func(rep map[int]int32, g int, i int32) {
		if r, ok := rep[g]; ok {
			if compatible(s.kind[r], s.kind[i]) {
				s.union(r, i)
			}
			return
		}
		rep[g] = i
	}
	for i := range l.keys {
		id := int32(i)
		r := &l.keys[i]
		if g, ok := t.alias[r.key]; ok {
			try(aliasRep, g, id)
		}
		if r.place != "" {
			switch s.kind[i] {
			case KindPlace:
				if p, ok := placeRep[r.place]; ok {
					s.union(p, id)
				} else {
					placeRep[r.place] = id
				}
			case KindGroup:
				if p, ok := groupRep[r.place]; ok {
					s.union(p, id)
				} else {
					groupRep[r.place] = id
				}
			}
		}
		if s.kind[i] == KindGroup && strings.HasSuffix(r.key, "s") {
			if j, ok := l.ids[r.key[:len(r.key)-1]]; ok && s.kind[j] == KindGroup {
				s.union(j, id)
			}
		}
	}
	// An acronym joins the expansion that defines it most often.
	best := map[string]struct {
		key int32
		n   int32
	}{}
	for i := range l.keys {
		for _, a := range l.keys[i].acrs {
			if b, ok := best[a.text]; !ok || a.n > b.n || a.n == b.n && int32(i) < b.key {
				best[a.text] = struct {
					key int32
					n   int32
				}{int32(i), a.n}
			}
		}
	}
	// A defined acronym joins its expansion whatever kind the bare
	// acronym was guessed to be ("IKR" looks like an organisation, but the
	// text said it is the Iraqi Kurdistan Region), unless it is a person.
	for a, b := range best {
		if j, ok := l.ids[a]; ok && s.kind[j] != KindPerson && s.kind[b.key] != KindPerson {
			s.union(j, b.key)
		}
	}
}

// closeTokens finds, for every word of the vocabulary, the words spelled
// close to it, with a symmetric-delete index: two words within edit
// distance k share a string obtained by deleting at most k letters from
// each, so only words sharing such a deletion variant are compared. Each
// variant is one uint64, a 40-bit hash above the 24-bit word id, and the
// variants are radix-sorted so that equal hashes sit together.
func (s *linkState) closeTokens() {
	nv := len(s.vocab)
	runes := make([][]rune, nv)
	lens := make([]int32, nv)
	total := 0
	for id, w := range s.vocab {
		lens[id] = int32(utf8.RuneCountInString(w))
		if lens[id] < 5 || id >= 1<<24 {
			continue
		}
		runes[id] = collapse([]rune(w))
		L := len(runes[id])
		total += L
		if lens[id] >= 9 {
			total += (L - 1) * (L - 2) / 2
		}
	}
	ents := make([]uint64, 0, total)
	var pre, pow []uint64
	for id, rs := range runes {
		if rs == nil {
			continue
		}
		L := len(rs)
		// Polynomial prefix hashes make each deletion variant's hash O(1):
		// deleting positions i < j leaves pre[i], then s[i+1:j], then
		// s[j+1:], weighted by powers of the base.
		pre, pow = polyPrefix(rs, pre, pow)
		seg := func(a, b int) uint64 { return pre[b] - pre[a]*pow[b-a] } // hash of rs[a:b]
		tok := uint64(id)
		put := func(h uint64) { ents = append(ents, finishHash(h)<<24|tok) }
		// The first letter must match, so it is never deleted.
		put(pre[L])
		for i := 1; i < L; i++ {
			put(pre[i]*pow[L-i-1] + seg(i+1, L))
		}
		if lens[id] >= 9 {
			for i := 1; i < L; i++ {
				left := pre[i]
				for j := i + 1; j < L; j++ {
					put((left*pow[j-i-1]+seg(i+1, j))*pow[L-j-1] + seg(j+1, L))
				}
			}
		}
	}
	groupByHash(ents)
	// Words that share a variant are candidates. A pair of long words
	// shares many variants, so candidates are deduplicated before the
	// distance is computed.
	var cands []uint64
	const tokMask = 1<<24 - 1
	for i := 0; i < len(ents); {
		j := i + 1
		for j < len(ents) && ents[j]>>24 == ents[i]>>24 {
			j++
		}
		// A huge bucket would be a hash pathology, not real spellings.
		if j-i > 1 && j-i <= 256 {
			for a := i; a < j; a++ {
				for b := a + 1; b < j; b++ {
					x, y := int32(ents[a]&tokMask), int32(ents[b]&tokMask)
					if x != y {
						cands = append(cands, pack(min(x, y), max(x, y)))
					}
				}
			}
		}
		i = j
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)
	var pairs []uint64
	for _, c := range cands {
		x, y := int32(c>>32), int32(uint32(c))
		if closeWords(runes[x], runes[y], lens[x], lens[y]) {
			pairs = append(pairs, c, pack(y, x))
		}
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	s.closeOff = make([]int32, nv+1)
	s.closeTo = make([]int32, len(pairs))
	for i, p := range pairs {
		s.closeOff[int32(p>>32)+1]++
		s.closeTo[i] = int32(uint32(p))
	}
	for i := 1; i < len(s.closeOff); i++ {
		s.closeOff[i] += s.closeOff[i-1]
	}
}

// groupByHash reorders a so that entries with equal hashes (the bits
// above the low 24) are adjacent. Two counting passes of 11 bits order the
// entries by their top 22 bits, which streams through memory far better
// than one scatter over millions of buckets; runs that share those bits
// are short and are then sorted in place.
func groupByHash(a []uint64) {
	if len(a) < 2 {
		return
	}
	tmp := make([]uint64, len(a))
	var count [1 << 11]int
	src, dst := a, tmp
	for _, shift := range []uint{42, 53} {
		clear(count[:])
		for _, v := range src {
			count[v>>shift&(1<<11-1)]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, v := range src {
			d := v >> shift & (1<<11 - 1)
			dst[count[d]] = v
			count[d]++
		}
		src, dst = dst, src
	}
	// Two passes: the result is back in a.
	for i := 0; i < len(a); {
		j := i + 1
		for j < len(a) && a[j]>>42 == a[i]>>42 {
			j++
		}
		if j-i > 1 {
			slices.Sort(a[i:j])
		}
		i = j
	}
}

// polyBase is an odd multiplier for the polynomial hashes of words.
const polyBase = 0x9e3779b97f4a7c15

// polyPrefix fills pre[k] with the polynomial hash of rs[:k] and pow[k]
// with polyBase^k, reusing the slices.
func polyPrefix(rs []rune, pre, pow []uint64) ([]uint64, []uint64) {
	pre = append(pre[:0], 0)
	pow = append(pow[:0], 1)
	for k, r := range rs {
		pre = append(pre, pre[k]*polyBase+uint64(r)+1)
		pow = append(pow, pow[k]*polyBase)
	}
	return pre, pow
}

// finishHash mixes a polynomial hash into 40 well-spread bits.
func finishHash(h uint64) uint64 { return mix.Mix64(h) >> 24 }

// collapse removes doubled letters: transliterations disagree most about
// them ("Abbasi", "Abassi"; "Mohammed", "Mohamed"), so they cost nothing.
func collapse(rs []rune) []rune {
	out := rs[:0]
	for i, r := range rs {
		if i == 0 || r != rs[i-1] {
			out = append(out, r)
		}
	}
	return out
}

// closeWords reports whether two different words of na and nb letters,
// given with doubled letters collapsed as a and b, are spelling variants: both at
// least five letters long, the same first and last letters, and an
// optimal-string-alignment (Damerau-Levenshtein) distance between the
// collapsed forms of at most 1, or 2 when both words have nine letters or
// more. The last-letter condition keeps apart names that differ by an
// ending ("Abbas", "Abbasi").
func closeWords(a, b []rune, na, nb int32) bool {
	la, lb := len(a), len(b)
	m := min(na, nb)
	if m < 5 || la == 0 || lb == 0 || a[0] != b[0] || a[la-1] != b[lb-1] {
		return false
	}
	maxD := 1
	if m >= 9 {
		maxD = 2
	}
	if la-lb > maxD || lb-la > maxD {
		return false
	}
	return osaDistance(a, b, maxD) <= maxD
}

// osaDistance is the optimal string alignment distance between a and b,
// cut short once it must exceed bound.
func osaDistance(a, b []rune, bound int) int {
	la, lb := len(a), len(b)
	var rows [3][33]int
	var prev2, prev, cur []int
	if lb < 33 {
		prev2, prev, cur = rows[0][:lb+1], rows[1][:lb+1], rows[2][:lb+1]
	} else {
		prev2, prev, cur = make([]int, lb+1), make([]int, lb+1), make([]int, lb+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > bound {
			return bound + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// closeSet returns tok and the words close to it.
func (s *linkState) closeSet(tok int32, buf []int32) []int32 {
	buf = append(buf[:0], tok)
	return append(buf, s.closeTo[s.closeOff[tok]:s.closeOff[tok+1]]...)
}

func (s *linkState) near(x, y int32) bool {
	if x == y {
		return true
	}
	for _, z := range s.closeTo[s.closeOff[x]:s.closeOff[x+1]] {
		if z == y {
			return true
		}
	}
	return false
}

func pack(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

// blockIndex lists keys under 64-bit block values (pairs of words). It
// is a hash table laid out flat: entries are grouped by a hash of their
// block with one counting pass, without sorting, and a lookup scans one
// short group. Link does a few lookups per key, and a Go map's overhead
// was most of their cost.
type blockIndex struct {
	start []int32 // group g is ents[start[g]:start[g+1]]
	ents  []blockEntry
	mask  uint64
}

// blockEntry indexes a key under a pair of its words.
type blockEntry struct {
	k   uint64
	key int32
}

func newBlockIndex(ents []blockEntry) blockIndex {
	size := 16
	for size < 2*len(ents) {
		size *= 2
	}
	ix := blockIndex{start: make([]int32, size+1), ents: make([]blockEntry, len(ents)), mask: uint64(size - 1)}
	for _, e := range ents {
		ix.start[mix.Mix64(e.k)&ix.mask+1]++
	}
	for i := 1; i <= size; i++ {
		ix.start[i] += ix.start[i-1]
	}
	next := slices.Clone(ix.start[:size])
	// Entries keep their order within a group, so keys stay ascending.
	for _, e := range ents {
		g := mix.Mix64(e.k) & ix.mask
		ix.ents[next[g]] = e
		next[g]++
	}
	return ix
}

// group returns the entries that may have block k; callers check e.k.
func (ix *blockIndex) group(k uint64) []blockEntry {
	g := mix.Mix64(k) & ix.mask
	return ix.ents[ix.start[g]:ix.start[g+1]]
}

// closeKeys links keys of the same length whose words are pairwise equal
// or close (rule c). Candidates share a block of (first word, last word),
// looked up through the close variants of both.
func (s *linkState) closeKeys() {
	n := int32(len(s.l.keys))
	blocks := make([]blockEntry, 0, n)
	for i := int32(0); i < n; i++ {
		ts := s.tokens(i)
		if len(ts) == 0 {
			continue
		}
		blocks = append(blocks, blockEntry{pack(ts[0], ts[len(ts)-1]), i})
	}
	ix := newBlockIndex(blocks)
	var fb, lb []int32
	for i := int32(0); i < n; i++ {
		ts := s.tokens(i)
		if len(ts) == 0 {
			continue
		}
		if len(ts) == 1 && utf8.RuneCountInString(s.vocab[ts[0]]) < 6 {
			continue
		}
		// A key none of whose words has a close spelling can only match
		// itself.
		anyClose := false
		for _, t := range ts {
			if s.closeOff[t+1] > s.closeOff[t] {
				anyClose = true
				break
			}
		}
		if !anyClose {
			continue
		}
		fb = s.closeSet(ts[0], fb)
		lb = s.closeSet(ts[len(ts)-1], lb)
		for _, f := range fb {
			for _, la := range lb {
				if len(ts) == 1 && f != la {
					continue
				}
				k := pack(f, la)
				for _, e := range ix.group(k) {
					j := e.key
					if e.k != k || j <= i || !compatible(s.kind[i], s.kind[j]) {
						continue
					}
					us := s.tokens(j)
					if len(us) != len(ts) || len(us) == 1 && utf8.RuneCountInString(s.vocab[us[0]]) < 6 {
						continue
					}
					ok := true
					for k := range ts {
						if !s.near(ts[k], us[k]) {
							ok = false
							break
						}
					}
					if ok {
						s.union(i, j)
					}
				}
			}
		}
	}
}

// shortForms links short forms to the longer key they abbreviate (rule
// b), shortest last so that middle forms ("Mohammed al-Sudani") have
// joined their long form before a surname alone is judged.
func (s *linkState) shortForms() {
	n := int32(len(s.l.keys))
	pairs := make([]blockEntry, 0, len(s.toks))
	byLast := make([]blockEntry, 0, n)
	maxLen := 0
	for i := int32(0); i < n; i++ {
		if s.kind[i] == KindPlace || s.kind[i] == KindGroup {
			continue
		}
		ts := s.tokens(i)
		maxLen = max(maxLen, len(ts))
		if len(ts) < 2 {
			continue
		}
		last := ts[len(ts)-1]
		byLast = append(byLast, blockEntry{uint64(uint32(last)), i})
		for k, t := range ts[:len(ts)-1] {
			if slices.Contains(ts[:k], t) {
				continue
			}
			pairs = append(pairs, blockEntry{pack(last, t), i})
		}
	}
	pairIx, lastIx := newBlockIndex(pairs), newBlockIndex(byLast)
	// Longest short forms first; a counting sort by length keeps ids
	// ascending within a length.
	byLen := make([][]int32, maxLen)
	for i := int32(0); i < n; i++ {
		if l := len(s.tokens(i)); s.kind[i] != KindPlace && s.kind[i] != KindGroup && l > 0 && l < maxLen {
			byLen[l] = append(byLen[l], i)
		}
	}
	order := make([]int32, 0, n)
	for l := maxLen - 1; l > 0; l-- {
		order = append(order, byLen[l]...)
	}
	var lb, fb []int32
	var roots []int32
	for _, i := range order {
		ts := s.tokens(i)
		if len(ts) == 1 && utf8.RuneCountInString(s.vocab[ts[0]]) < 2 {
			continue
		}
		roots = roots[:0]
		lb = s.closeSet(ts[len(ts)-1], lb)
		consider := func(cands []blockEntry, k uint64) bool {
			for _, e := range cands {
				j := e.key
				if e.k != k {
					continue
				}
				if len(s.tokens(j)) <= len(ts) || !compatible(s.kind[i], s.kind[j]) || !s.subsequence(ts, s.tokens(j)) {
					continue
				}
				r := s.find(j)
				if !slices.Contains(roots, r) {
					roots = append(roots, r)
					if len(roots) > 1 {
						return false
					}
				}
			}
			return true
		}
		ok := true
		for _, la := range lb {
			if len(ts) == 1 {
				k := uint64(uint32(la))
				ok = consider(lastIx.group(k), k)
			} else {
				fb = s.closeSet(ts[0], fb)
				for _, f := range fb {
					k := pack(la, f)
					if ok = consider(pairIx.group(k), k); !ok {
						break
					}
				}
			}
			if !ok {
				break
			}
		}
		if ok && len(roots) == 1 {
			s.union(i, roots[0])
		}
	}
}

// subsequence reports whether short's words appear in long in order, each
// equal or close, with the last words matched to each other.
func (s *linkState) subsequence(short, long []int32) bool {
	if !s.near(short[len(short)-1], long[len(long)-1]) {
		return false
	}
	j := 0
	for _, t := range short[:len(short)-1] {
		for j < len(long)-1 && !s.near(t, long[j]) {
			j++
		}
		if j >= len(long)-1 {
			return false
		}
		j++
	}
	return true
}

// entities builds the result from the union-find forest.
func (s *linkState) entities() []Entity {
	l := s.l
	n := int32(len(l.keys))
	// Members of each root, laid out contiguously.
	start := make([]int32, n+1)
	for i := int32(0); i < n; i++ {
		start[s.find(i)+1]++
	}
	for i := int32(1); i <= n; i++ {
		start[i] += start[i-1]
	}
	members := make([]int32, n)
	fillAt := slices.Clone(start[:n])
	for i := int32(0); i < n; i++ {
		r := s.find(i)
		members[fillAt[r]] = i
		fillAt[r]++
	}
	type ref struct {
		root  int32
		total int32
		name  string
	}
	refs := make([]ref, 0, n/2)
	var fbuf []form
	for r := int32(0); r < n; r++ {
		ms := members[start[r]:start[r+1]]
		if len(ms) == 0 {
			continue
		}
		var total int32
		maxTok := 0
		for _, k := range ms {
			total += l.keys[k].n
			maxTok = max(maxTok, len(s.tokens(k)))
		}
		name, nameN := "", int32(-1)
		for _, k := range ms {
			if len(s.tokens(k)) != maxTok {
				continue
			}
			fbuf = s.keyForms(k, fbuf)
			for _, f := range fbuf {
				if f.n > nameN || f.n == nameN && f.text < name {
					name, nameN = f.text, f.n
				}
			}
		}
		refs = append(refs, ref{r, total, name})
	}
	// Most mentioned first; ties in the order of first Add, which is
	// the root's id (union keeps the lower id as root). Sorting packed
	// integers is much cheaper than sorting the structs.
	order := make([]uint64, len(refs))
	for i, rf := range refs {
		order[i] = uint64(math.MaxInt32-rf.total)<<32 | uint64(i)
	}
	slices.Sort(order)
	sorted := make([]ref, len(refs))
	for i, o := range order {
		sorted[i] = refs[uint32(o)]
	}
	refs = sorted
	l.entOf = make([]int32, n)
	ents := make([]Entity, len(refs))
	// One backing array each for all entities' Keys and Variants.
	allKeys := make([]int, n)
	nforms := 0
	for i := range l.keys {
		nforms += 1 + len(l.keys[i].more)
	}
	allVars := make([]string, 0, nforms)
	var counts []form
	for i, rf := range refs {
		ms := members[start[rf.root]:start[rf.root+1]]
		var kinds [5]int32
		counts = counts[:0]
		keys := allKeys[start[rf.root]:start[rf.root+1]:start[rf.root+1]]
		for x, k := range ms {
			keys[x] = int(k)
			l.entOf[k] = int32(i)
			rec := &l.keys[k]
			for y := range kinds {
				kinds[y] += rec.kinds[y]
			}
			fbuf = s.keyForms(k, fbuf)
			for _, f := range fbuf {
				found := false
				// One key's forms are distinct already.
				for z := 0; z < len(counts) && len(ms) > 1; z++ {
					if counts[z].h == f.h && counts[z].text == f.text {
						counts[z].n += f.n
						found = true
						break
					}
				}
				if !found {
					counts = append(counts, f)
				}
			}
		}
		slices.SortFunc(counts, func(a, b form) int {
			if c := cmp.Compare(b.n, a.n); c != 0 {
				return c
			}
			return strings.Compare(a.text, b.text)
		})
		v0 := len(allVars)
		for _, f := range counts {
			allVars = append(allVars, f.text)
		}
		vars := allVars[v0:len(allVars):len(allVars)]
		name := rf.name
		if name == "" && len(vars) > 0 {
			name = vars[0]
		}
		ents[i] = Entity{ID: i, Name: name, Kind: majorityKind(kinds), Variants: vars, Keys: keys}
	}
	return ents
}
