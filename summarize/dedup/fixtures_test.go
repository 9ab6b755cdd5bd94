package dedup

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// floodWire is a wire story as an agency files it: headline, then ten
// paragraphs. Names of officials are invented.
var floodWire = []string{
	"Floods kill three in northern Italy as rivers burst their banks",
	"Three people died and thousands were evacuated from their homes in northern Italy on Wednesday after torrential rain caused more than a dozen rivers to burst their banks, regional authorities said.",
	"The Emilia-Romagna region was hardest hit, with some towns receiving half their average annual rainfall in just 36 hours, according to the national civil protection agency.",
	"\"We are facing an exceptional event. The water rose faster than any of our models predicted, and in some valleys it rose by two metres in an hour,\" regional civil protection chief Marta Bellini told reporters in Bologna.",
	"Two of the victims were found in a car swept off a road near Faenza, while the third, a man in his seventies, drowned in the basement of his home in Cesena, firefighters said.",
	"Rail traffic between Bologna and the Adriatic coast was suspended and dozens of roads were cut by landslides, the national railway operator and local police said.",
	"The prime minister's office said the cabinet would meet on Thursday to declare a state of emergency and release funds for the worst-affected towns.",
	"Schools in more than 40 municipalities will stay closed on Thursday, and residents of low-lying districts of Ravenna were told to move to upper floors or leave their homes.",
	"Forecasters warned that more rain was expected over the weekend, with the Apennine foothills at particular risk of further landslides.",
	"The region was struck by similar floods in May 2023, when 17 people died and damage was estimated at nearly nine billion euros.",
	"Scientists say climate change is making extreme rainfall in the Mediterranean more frequent and more intense, because a warmer atmosphere holds more moisture.",
}

// floodIndependent is another agency's own report of the same floods. It
// quotes the same official in the same words and repeats some facts, but
// was written separately.
var floodIndependent = []string{
	"Italy's Emilia-Romagna hit by deadly flash floods, thousands flee",
	"BOLOGNA, Italy - Flash floods swept through parts of Emilia-Romagna on Wednesday, killing at least three people and forcing thousands from their homes, as swollen rivers overflowed after two days of relentless rain.",
	"Footage shared on social media showed cars floating down streets in Faenza and residents wading waist-deep through muddy water to reach rescue boats.",
	"\"We are facing an exceptional event. The water rose faster than any of our models predicted, and in some valleys it rose by two metres in an hour,\" said Marta Bellini, who heads the region's civil protection department.",
	"Bellini said around 5,000 people had been evacuated, most of them in the provinces of Ravenna and Forli-Cesena, and that emergency shelters had been opened in sports halls and schools.",
	"Farmers' association Coldiretti said thousands of hectares of orchards and vineyards were under water, only weeks before the start of the fruit harvest, warning of losses running into hundreds of millions of euros.",
	"The government is expected to approve emergency funding at a cabinet meeting on Thursday, a source in the prime minister's office said, speaking on condition of anonymity.",
	"Industry data show Italy is among the European countries most exposed to flood risk, yet only a small fraction of homes are insured against natural disasters.",
	"The floods come less than two years after the region suffered its worst inundation in a century, which caused damage estimated at 8.5 billion euros and prompted a national debate over land use and river management.",
}

// copperStrike is an unrelated story.
var copperStrike = []string{
	"Workers at Chile's largest copper mine walk out over bonus dispute",
	"SANTIAGO - Thousands of workers at a major copper mine in northern Chile began an indefinite strike on Monday after talks over an annual bonus broke down, the main union said, threatening output at one of the world's biggest sources of the metal.",
	"The union, which represents about 2,300 workers, said management had refused to raise its offer despite record profits last year, and that pickets had been set up at the mine's main access road.",
	"The company said in a statement that contingency plans were in place to keep the mine running, but analysts warned that a prolonged stoppage could tighten an already stretched global copper market.",
	"Copper prices on the London Metal Exchange rose 1.2 percent to their highest in three weeks on news of the strike, traders said.",
	"Chile produces roughly a quarter of the world's copper, which is used in power grids, electric vehicles and construction, and the metal accounts for about half of the country's exports.",
	"The last major strike at the mine, in 2017, lasted 43 days and cost the company an estimated 740 million dollars in lost production.",
}

// localIntros are three outlets' own openings for the flood wire copy.
var localIntros = []string{
	"A family from Leeds on holiday near Ravenna was among those rescued by boat on Wednesday, the Foreign Office confirmed, as Britons in the region were urged to follow the instructions of local authorities.",
	"Maltese students at the University of Bologna said lectures had been cancelled and some of them had spent the night in a gym after water reached the ground floor of their residence.",
	"Swiss tour operators said they were contacting around 300 customers in the Emilia-Romagna region and would offer free rebooking for trips planned over the next fortnight.",
}

// localIntro returns an outlet's own opening paragraph for wire copy.
func localIntro(town string) string {
	return fmt.Sprintf("Residents of %s with relatives in northern Italy have been asked to contact the consulate if they cannot reach family members, the mayor of %s said on Wednesday evening, as the scale of the disaster became clear.", town, town)
}

// with returns a copy of ps with the edits applied, leaving ps alone.
func with(ps []string, edits ...func([]string) []string) []string {
	out := append([]string(nil), ps...)
	for _, e := range edits {
		out = e(out)
	}
	return out
}

func setPara(i int, s string) func([]string) []string {
	return func(ps []string) []string { ps[i] = s; return ps }
}

func replaceIn(i int, old, new string) func([]string) []string {
	return func(ps []string) []string {
		if !strings.Contains(ps[i], old) {
			panic(fmt.Sprintf("paragraph %d lacks %q", i, old))
		}
		ps[i] = strings.Replace(ps[i], old, new, 1)
		return ps
	}
}

func dropPara(i int) func([]string) []string {
	return func(ps []string) []string { return append(ps[:i], ps[i+1:]...) }
}

func prepend(s ...string) func([]string) []string {
	return func(ps []string) []string { return append(s, ps...) }
}

func appendParas(s ...string) func([]string) []string {
	return func(ps []string) []string { return append(ps, s...) }
}

func cutLast(n int) func([]string) []string {
	return func(ps []string) []string { return ps[:len(ps)-n] }
}

var blankLines = regexp.MustCompile(`\n[ \t\p{Zs}]*\n`)

// iraqParagraphs reads a seed article and splits it into paragraphs at
// blank lines, as the load package does.
func iraqParagraphs(tb testing.TB, name string) []string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "iraq-visit", name))
	if err != nil {
		tb.Fatal(err)
	}
	var ps []string
	for _, p := range blankLines.Split(string(b), -1) {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// keptParagraphs is what a caller passes to Corpus: the paragraphs that
// Paragraphs did not drop.
func keptParagraphs(ps []string) []string {
	drop := map[int]bool{}
	for _, d := range Paragraphs(ps, DefaultParams()) {
		drop[d.Index] = true
	}
	var out []string
	for i, p := range ps {
		if !drop[i] {
			out = append(out, p)
		}
	}
	return out
}

// wireFlood is one wire story reprinted by copies outlets, each with its
// own headline and some with a local introduction or the last paragraph
// cut, interleaved with others unrelated articles.
func wireFlood(copies, others int) []Doc {
	g := newTextGen(7, 30000)
	docs := make([]Doc, 0, copies+others)
	c, o := 0, 0
	for c < copies || o < others {
		if c < copies && (o >= others || g.rng.IntN(2) == 0) {
			ps := with(floodWire, setPara(0, fmt.Sprintf("Italy floods: three dead, thousands evacuated (outlet %d)", c)))
			switch c % 3 {
			case 1:
				ps = with(ps, prepend(localIntro(fmt.Sprintf("Town%d", c))))
			case 2:
				ps = with(ps, cutLast(1))
			}
			docs = append(docs, Doc{ps})
			c++
			continue
		}
		docs = append(docs, Doc{g.article()})
		o++
	}
	return docs
}
