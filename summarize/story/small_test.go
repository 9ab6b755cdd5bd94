package story

import (
	"slices"
	"testing"
)

// unrelated: five articles of one day on five unrelated events, each
// using words no other uses, that share only figures and everyday words.
// In so small an input, no term an article does not share can find it a
// story, so its shared figures must not be all that is left of it.
var unrelated = []doc{
	{0, "2025-06-02 08:00", "Inspectors find seepage at Halvard dam, section 12",
		`Engineers inspecting the Halvard dam found seepage along section 12 of the spillway, the regional water board reported.

The concrete wall, 45 metres high, is monitored by 42 sensors; readings from 7 of them exceeded tolerance. Drainage galleries below the crest were pumped dry and the reservoir lowered by 1.5 metres as a precaution.

Repairs to grout curtains are expected to take 18 weeks.`},
	{1, "2025-06-02 09:10", "Erdbeben der Stärke 4,2 erschüttert Allgäu",
		`Ein Erdbeben der Stärke 4,2 erschütterte am Montagmorgen das Allgäu. Das Epizentrum lag nach Angaben des Erdbebendienstes in 12 Kilometern Tiefe nahe Sonthofen.

Bewohner berichteten von klirrenden Gläsern und wackelnden Schränken. Schäden wurden zunächst nicht gemeldet; die Polizei erhielt 45 Anrufe besorgter Bürger.`},
	{2, "2025-06-02 10:20", "Millbrook council approves budget with 4.2% tax rise",
		`Millbrook town council approved a budget of 42 million dollars on Monday night, raising property taxes by 4.2 percent to pay for road repairs and a new library wing.

Councillors voted 12 to 3 after a four-hour meeting. The treasurer warned that pension contributions will grow by 45 percent over the next decade.`},
	{3, "2025-06-02 11:30", "Orchid collector fined for smuggling rare specimens",
		`A collector from Dorrance was fined 12,000 dollars for smuggling 42 wild orchids through customs, a magistrate ruled.

Botanists identified slipper orchids and jewel orchids among the seized plants, packed in damp moss inside socks. The specimens have been sent to a botanical garden for quarantine.`},
	{4, "2025-06-02 12:40", "Striker's late header sends Rovers into cup semi-final",
		`Kestrel Rovers reached the cup semi-final after Tomasz Wielgus headed in a corner in the 88th minute to beat Ashgrove United 2-1.

Ashgrove had led from the 45th minute through a penalty by their captain. Rovers' goalkeeper made 12 saves in front of a crowd of 42,000.`},
}

func TestUnrelatedSmallInput(t *testing.T) {
	arts, truth := articles(unrelated)
	labels, n := cluster(t, arts, Options{})
	if n != len(unrelated) || !slices.Equal(labels, truth) {
		t.Errorf("%d stories %s, want each article its own", n, partition(labels))
	}
}
