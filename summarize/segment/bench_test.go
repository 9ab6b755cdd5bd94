package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neurosnap/sentences/english"
)

// benchText is the seed articles plus the wire copy from the tests,
// repeated to about 4 MB, separated by blank lines like a loaded corpus.
func benchText(b *testing.B) string {
	b.Helper()
	files, _ := filepath.Glob("../../testdata/iraq-visit/*.txt")
	var parts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	parts = append(parts,
		"MOBILE, Ala. (AP) -- A Mobile man was sentenced Friday to 20 years in federal prison for a 2021 shooting. "+
			"Darius Gilliam, 27, was charged in U.S. District Court in Mobile in March 2022. "+
			"\"This defendant terrorized a neighborhood,\" Assistant U.S. Attorney Greg Bordenkircher said.",
		"\"The mission is not over. We will keep working with our partners,\" Maj. Gen. John Brennan told reporters at 10 a.m. on Wednesday.")
	unit := strings.Join(parts, "\n\n")
	var sb strings.Builder
	for sb.Len() < 4<<20 {
		sb.WriteString(unit)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkSplit(b *testing.B) {
	sp := splitter(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		n = len(sp.Split(text))
	}
	b.ReportMetric(float64(n), "sentences")
}

// BenchmarkNeurosnapEnglish runs the same text through the library whose
// model the splitter uses, for comparison.
func BenchmarkNeurosnapEnglish(b *testing.B) {
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	for b.Loop() {
		n = len(tok.Tokenize(text))
	}
	b.ReportMetric(float64(n), "sentences")
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
