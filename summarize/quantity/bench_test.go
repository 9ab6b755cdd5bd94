package quantity

import "testing"

// benchSentences mixes wire-copy sentences with and without numbers.
var benchSentences = []string{
	"The Pentagon chief met Iraqi Prime Minister Mohammed Shia al-Sudani and Defence Minister Thabet al-Abbasi during his unannounced visit to Baghdad on Tuesday.",
	"The United States currently has 2,500 troops in Iraq - and an additional 900 in Syria - to help advise and assist local forces fighting the Islamic State group.",
	"Austin said American forces were ready to remain in Iraq at the invitation of the government, which faces pressure from powerful armed factions close to Tehran.",
	"The 2003 invasion killed tens of thousands of Iraqi civilians and left the country in chaos for more than a decade, according to rights groups.",
	"Officials said the flood waters had begun to recede across the region, though many roads remained closed and thousands of families were still without power.",
	"Some 2,500 American non-combat troops remain deployed in Iraq, about 20 years after the US-led invasion of March 20, 2003.",
	"The government approved a $21.5 million aid package on Friday, and the opposition said it was far too little and far too late for the people affected.",
	"Turnout was 67.3 per cent, up 5 percentage points, with more than 1.2 million votes cast.",
}

// BenchmarkFind reports the cost per sentence: "mixed" cycles through
// benchSentences, "words" is a 25-word sentence without digits, "digits"
// one with two numbers and an elided noun.
func BenchmarkFind(b *testing.B) {
	f := NewFinder()
	run := func(b *testing.B, ss []string) {
		n := 0
		for _, s := range ss {
			n += len(s)
		}
		b.SetBytes(int64(n / len(ss)))
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			f.Find(ss[i%len(ss)])
		}
	}
	b.Run("mixed", func(b *testing.B) { run(b, benchSentences) })
	b.Run("words", func(b *testing.B) { run(b, benchSentences[:1]) })
	b.Run("digits", func(b *testing.B) { run(b, benchSentences[1:2]) })
}
