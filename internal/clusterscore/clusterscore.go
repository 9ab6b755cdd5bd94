// Package clusterscore compares a clustering with the true labels:
// purity, the adjusted Rand index and B-cubed precision, recall and F1,
// the measures story-clustering work reports.
package clusterscore

import "fmt"

// Scores of a predicted clustering against the truth.
type Scores struct {
	Items, TrueClusters, Clusters int
	Purity                        float64
	ARI                           float64 // adjusted Rand index (Hubert and Arabie)
	BCubedP, BCubedR, BCubedF1    float64 // Bagga and Baldwin
}

func (s Scores) String() string {
	return fmt.Sprintf("%d items, %d true clusters, %d found: purity %.3f, ARI %.3f, B-cubed P %.3f R %.3f F1 %.3f",
		s.Items, s.TrueClusters, s.Clusters, s.Purity, s.ARI, s.BCubedP, s.BCubedR, s.BCubedF1)
}

// Score compares pred with truth, label by item; the label values are
// arbitrary. It runs in time linear in the number of items.
func Score(truth, pred []int) (Scores, error) {
	if len(truth) != len(pred) {
		return Scores{}, fmt.Errorf("clusterscore: %d true labels, %d predicted", len(truth), len(pred))
	}
	n := len(truth)
	s := Scores{Items: n}
	if n == 0 {
		return s, nil
	}
	type pair struct{ t, p int }
	joint := map[pair]int{}
	tsize := map[int]int{}
	psize := map[int]int{}
	for i := range truth {
		joint[pair{truth[i], pred[i]}]++
		tsize[truth[i]]++
		psize[pred[i]]++
	}
	s.TrueClusters, s.Clusters = len(tsize), len(psize)

	// Purity: each predicted cluster counted by its commonest true label.
	best := map[int]int{}
	for k, c := range joint {
		best[k.p] = max(best[k.p], c)
	}
	for _, c := range best {
		s.Purity += float64(c)
	}
	s.Purity /= float64(n)

	// B-cubed: for each item, the share of its predicted cluster that
	// shares its true label (precision) and the share of its true cluster
	// that shares its predicted cluster (recall); summed per cell.
	for k, c := range joint {
		s.BCubedP += float64(c) * float64(c) / float64(psize[k.p])
		s.BCubedR += float64(c) * float64(c) / float64(tsize[k.t])
	}
	s.BCubedP /= float64(n)
	s.BCubedR /= float64(n)
	if s.BCubedP+s.BCubedR > 0 {
		s.BCubedF1 = 2 * s.BCubedP * s.BCubedR / (s.BCubedP + s.BCubedR)
	}

	// Adjusted Rand index from the contingency table.
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var sumJoint, sumT, sumP float64
	for _, c := range joint {
		sumJoint += c2(c)
	}
	for _, c := range tsize {
		sumT += c2(c)
	}
	for _, c := range psize {
		sumP += c2(c)
	}
	total := c2(n)
	expected := sumT * sumP / total
	maxIndex := (sumT + sumP) / 2
	if maxIndex == expected {
		s.ARI = 1 // both clusterings trivial and identical in structure
	} else {
		s.ARI = (sumJoint - expected) / (maxIndex - expected)
	}
	return s, nil
}
