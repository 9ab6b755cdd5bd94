package quote

import (
	"testing"

	"github.com/brieftool/brief/internal/benchutil"
)

// Three kinds of sentence: most of a corpus has neither quotation marks
// nor speech verbs (benchPlain, the fast path; the second has apostrophes,
// which must not cost a full scan's worth), some report speech without
// quoting, and some quote.
var benchPlain = []string{
	"US Defense Secretary Lloyd Austin made an unannounced trip to Iraq on March 7 nearly 20 years after the US-led invasion toppled Saddam Hussein.",
	"Since US-led coalition troops ousted Saddam's Sunni Arab-dominated regime, Iraq's Shiite majority has led Iraq under a confessional power-sharing system.",
	"Floodwaters swept through three villages overnight, cutting power to thousands of homes and forcing schools to close.",
	"The central bank raised its benchmark rate by a quarter point to 5.5 percent, the highest level in 22 years.",
}

var benchQuoted = []string{
	"“I'm here to reaffirm the US-Iraq strategic partnership as we move toward a more secure, stable, and sovereign Iraq,” Austin said.",
	"Pentagon chief Lloyd Austin said Tuesday he hoped to \"strengthen and broaden\" relations with Iraq, on a Baghdad visit ahead of the 20th anniversary of the US-led invasion.",
	"\"We strive for that,\" he added. \"I don't see any reason why we can't.\"",
	"\"The United States is broadly interested in a strategic partnership with the government of Iraq,\" the senior US defence official, speaking on the condition of anonymity, told reporters.",
}

var benchReported = []string{
	"Prosecutors said the man had stolen $2 million from clients over a decade.",
	"At least 20 people were killed in the floods, according to local officials.",
	"Defense Secretary Austin also told Iraqi Prime Minister Mohammed Shia al-Sudani that US troops were ready to remain in the country.",
	"The ministry said in a statement posted on Telegram that 20 people had died.",
}

// benchLoop reports wall and CPU time per sentence; see benchutil.ProcessCPU.
func benchLoop(b *testing.B, set []string, fn func(string) int) {
	b.ReportAllocs()
	n := 0
	cpu := benchutil.ProcessCPU()
	for b.Loop() {
		for _, s := range set {
			n += fn(s)
		}
	}
	per := float64(b.N * len(set))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/sentence")
	b.ReportMetric(float64((benchutil.ProcessCPU()-cpu).Nanoseconds())/per, "cpu-ns/sentence")
	_ = n
}

func BenchmarkQuotes(b *testing.B) {
	f := NewFinder()
	q := func(s string) int { return len(f.Quotes(s)) }
	b.Run("no-quote", func(b *testing.B) { benchLoop(b, benchPlain, q) })
	b.Run("reported", func(b *testing.B) { benchLoop(b, benchReported, q) })
	b.Run("quoted", func(b *testing.B) { benchLoop(b, benchQuoted, q) })
}

func BenchmarkAttributions(b *testing.B) {
	f := NewFinder()
	a := func(s string) int { return len(f.Attributions(s)) }
	b.Run("no-trigger", func(b *testing.B) { benchLoop(b, benchPlain, a) })
	b.Run("reported", func(b *testing.B) { benchLoop(b, benchReported, a) })
	b.Run("quoted", func(b *testing.B) { benchLoop(b, benchQuoted, a) })
}
