package clusterscore

import (
	"math"
	"testing"
)

func TestScore(t *testing.T) {
	cases := []struct {
		name        string
		truth, pred []int
		purity, ari float64
		bp, br      float64
	}{
		{"perfect, labels renamed", []int{0, 0, 1, 1, 2}, []int{7, 7, 3, 3, 9}, 1, 1, 1, 1},
		{"all in one", []int{0, 0, 1, 1}, []int{5, 5, 5, 5}, 0.5, 0, 0.5, 1},
		{"all apart", []int{0, 0, 1, 1}, []int{1, 2, 3, 4}, 1, 0, 1, 0.5},
		// Manning et al., Introduction to IR, figure 16.4: purity 0.71.
		{"IIR example", []int{0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 2, 0, 0, 2, 2, 2}, []int{0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2}, 12.0 / 17, 0.2424, 0, 0},
	}
	for _, tc := range cases {
		s, err := Score(tc.truth, tc.pred)
		if err != nil {
			t.Fatal(err)
		}
		near := func(a, b float64) bool { return math.Abs(a-b) < 1e-3 }
		if !near(s.Purity, tc.purity) || !near(s.ARI, tc.ari) {
			t.Errorf("%s: purity %.4f ARI %.4f, want %.4f %.4f", tc.name, s.Purity, s.ARI, tc.purity, tc.ari)
		}
		if tc.bp > 0 && (!near(s.BCubedP, tc.bp) || !near(s.BCubedR, tc.br)) {
			t.Errorf("%s: B-cubed P %.3f R %.3f, want %.3f %.3f", tc.name, s.BCubedP, s.BCubedR, tc.bp, tc.br)
		}
	}
	if _, err := Score([]int{1}, nil); err == nil {
		t.Error("no error for different lengths")
	}
}
