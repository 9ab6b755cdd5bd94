package story

// cutoff says how to keep the k heaviest of weights ws (0 < k < len(ws)):
// every weight above cut, and the first ties of those equal to it. It
// runs in linear time, using sel as scratch.
func cutoff(ws []float32, k int, sel *[]float32) (cut float32, ties int) {
	s := append((*sel)[:0], ws...)
	*sel = s
	cut = kthLargest(s, k)
	ties = k
	for _, w := range ws {
		if w > cut {
			ties--
		}
	}
	return cut, ties
}

// kthLargest returns the k-th largest of ws (k from 1), reordering ws.
func kthLargest(ws []float32, k int) float32 {
	lo, hi, want := 0, len(ws)-1, k-1
	for lo < hi {
		// Median of three, then Hoare partition into descending order.
		mid := lo + (hi-lo)/2
		a, b, d := ws[lo], ws[mid], ws[hi]
		pivot := max(min(a, b), min(max(a, b), d))
		i, j := lo, hi
		for i <= j {
			for ws[i] > pivot {
				i++
			}
			for ws[j] < pivot {
				j--
			}
			if i <= j {
				ws[i], ws[j] = ws[j], ws[i]
				i++
				j--
			}
		}
		switch {
		case want <= j:
			hi = j
		case want >= i:
			lo = i
		default:
			return ws[want]
		}
	}
	return ws[want]
}
