package rouge

// LCSScore is summary-level ROUGE-L as ROUGE-1.5.5 computes it. For each
// reference sentence, the LCS with every peer sentence is marked on the
// reference tokens and the union of the marks is the candidate hit set.
// A marked token only counts while both its reference and its peer unigram
// counts are left, and each hit uses one of each; without that clipping a
// peer sentence could be credited once per reference sentence it resembles
// and ROUGE-L could exceed ROUGE-1. Peer counts start afresh for each
// reference. Several references are combined by model averaging, as in
// NGramScore.
func LCSScore(peerSents [][]string, refSents [][][]string) Score {
	if len(refSents) == 0 {
		return Score{}
	}
	ids := map[string]int32{}
	intern := func(sents [][]string) [][]int32 {
		out := make([][]int32, len(sents))
		for i, s := range sents {
			out[i] = make([]int32, len(s))
			for j, t := range s {
				id, ok := ids[t]
				if !ok {
					id = int32(len(ids))
					ids[t] = id
				}
				out[i][j] = id
			}
		}
		return out
	}
	peer := intern(peerSents)
	refs := make([][][]int32, len(refSents))
	for i, r := range refSents {
		refs[i] = intern(r)
	}

	peerCounts := make([]int, len(ids))
	peerTotal := 0
	for _, s := range peer {
		for _, t := range s {
			peerCounts[t]++
		}
		peerTotal += len(s)
	}

	var (
		hits, refTotal, peerTotalAll int
		lcs                          lcsTable
		mask                         []bool
		refLeft                      = make([]int, len(ids))
		peerLeft                     = make([]int, len(ids))
	)
	for _, ref := range refs {
		clear(refLeft)
		for _, s := range ref {
			for _, t := range s {
				refLeft[t]++
			}
		}
		copy(peerLeft, peerCounts)
		for _, rs := range ref {
			refTotal += len(rs)
			if cap(mask) < len(rs) {
				mask = make([]bool, len(rs))
			}
			mask = mask[:len(rs)]
			clear(mask)
			for _, ps := range peer {
				lcs.mark(rs, ps, mask)
			}
			for j, t := range rs {
				if mask[j] && refLeft[t] > 0 && peerLeft[t] > 0 {
					hits++
					refLeft[t]--
					peerLeft[t]--
				}
			}
		}
		peerTotalAll += peerTotal
	}
	return newScore(hits, refTotal, peerTotalAll)
}

// lcsTable keeps the DP buffer between calls; ROUGE-L runs one DP per
// (reference sentence, peer sentence) pair.
type lcsTable struct {
	length []int32
}

// mark sets mask[i] for every model token on one longest common
// subsequence of model and peer. When several LCSs exist, which tokens get
// marked changes the union and so the score; the table is filled and
// walked back exactly as ROUGE-1.5.5 does (on a tie, step back in the
// model), so the same LCS is chosen. ROUGE stores each cell's move; here
// the walk recomputes it from the lengths, which gives the same moves
// without a second table.
func (t *lcsTable) mark(model, peer []int32, mask []bool) {
	m, n := len(model), len(peer)
	if m == 0 || n == 0 {
		return
	}
	w := n + 1
	size := (m + 1) * w
	if cap(t.length) < size {
		t.length = make([]int32, size)
	}
	length := t.length[:size]
	clear(length[:w])
	for i := 1; i <= m; i++ {
		prev := length[(i-1)*w : i*w]
		cur := length[i*w : (i+1)*w]
		cur[0] = 0
		tok := model[i-1]
		for j, p := range peer {
			switch {
			case tok == p:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
	}
	for i, j := m, n; i > 0 && j > 0; {
		switch {
		case model[i-1] == peer[j-1]:
			i--
			j--
			mask[i] = true
		case length[(i-1)*w+j] >= length[i*w+j-1]:
			i--
		default:
			j--
		}
	}
}
