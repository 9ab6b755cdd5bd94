package facts

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brieftool/brief/summarize"
)

// article is a fixture: a short report with the metadata a loader would
// find.
type article struct {
	id, outlet, published, text string
}

// build runs the corpus and fact stages on fixture articles, through the
// same JSON lines loader a user's file would go through.
func build(t *testing.T, arts []article) (*summarize.Corpus, *Table) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.jsonl")
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, a := range arts {
		if err := enc.Encode(map[string]string{"id": a.id, "outlet": a.outlet, "published": a.published, "text": a.text, "title": a.id}); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := summarize.Build(context.Background(), []string{path}, summarize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Build(context.Background(), c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c, tab
}

// ids names the sources of a side, sorted.
func ids(c *summarize.Corpus, src []int) []string {
	out := make([]string, len(src))
	for i, s := range src {
		out[i] = c.Sources[s].ID
	}
	slices.Sort(out)
	return out
}

type wantSide struct {
	value   string // a substring of the side's value
	sources []string
}

type wantConflict struct {
	kind    ConflictKind
	subject string // a substring of the subject
	update  bool
	sides   []wantSide
	minConf float64
}

func describe(c *summarize.Corpus, cs []Conflict) string {
	var b strings.Builder
	for _, cf := range cs {
		b.WriteString("\n  " + string(cf.Kind) + " " + cf.Subject + ":")
		for _, sd := range cf.Sides {
			b.WriteString(" [" + sd.Value + " " + strings.Join(ids(c, sd.Sources), ",") + "]")
		}
	}
	return b.String()
}

func matchConflict(c *summarize.Corpus, cf Conflict, w wantConflict) bool {
	if cf.Kind != w.kind || cf.Update != w.update || !strings.Contains(strings.ToLower(cf.Subject), strings.ToLower(w.subject)) || len(cf.Sides) != len(w.sides) {
		return false
	}
	if cf.Confidence < w.minConf {
		return false
	}
	for _, ws := range w.sides {
		found := false
		for _, sd := range cf.Sides {
			if strings.Contains(sd.Value, ws.value) && slices.Equal(ids(c, sd.Sources), ws.sources) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name     string
		articles []article
		want     []wantConflict // every one must be found
		// none: with want empty, no conflict at or above 0.5 may be found
	}{
		{
			name: "casualty figures for the same place disagree",
			articles: []article{
				{"a", "Coast Herald", "2024-03-02", "Cyclone Idris made landfall near Beira on Friday.\n\nThe storm killed 12 people in Mozambique, the disaster agency said.\n\nRoads to the port were cut."},
				{"b", "Daily Wire", "2024-03-02", "Cyclone Idris hit the coast near Beira on Friday night.\n\nThe cyclone killed 21 people in Mozambique, according to the government.\n\nThousands of homes lost their roofs."},
				{"c", "River Post", "2024-03-02", "Rain from Cyclone Idris flooded farms inland.\n\nThe storm also killed 4 people in Malawi, police said."},
			},
			want: []wantConflict{{kind: NumberConflict, subject: "mozambique", minConf: 0.5, sides: []wantSide{{"12", []string{"a"}}, {"21", []string{"b"}}}}},
		},
		{
			name: "some 3,000 against 3,000 is agreement",
			articles: []article{
				{"a", "Le Soir", "2024-06-01", "Some 3,000 police officers were deployed in Paris for the final.\n\nFans arrived by train from Madrid and Dortmund."},
				{"b", "Sport Daily", "2024-06-01", "Authorities deployed 3,000 police officers in Paris for the final on Saturday.\n\nTickets sold out within an hour."},
			},
		},
		{
			name: "figures for different owners and places are not a dispute",
			articles: []article{
				{"a", "Sahel Times", "2022-05-04", "Germany has 1,200 soldiers in Mali under the UN mission.\n\nThe Bundestag will vote on the mandate in May."},
				{"b", "Paris Report", "2022-05-04", "France has 5,100 soldiers in Mali, the defence ministry said.\n\nThe ministry also keeps 800 soldiers in Niger."},
				{"c", "Berlin Daily", "2022-05-04", "Some 300 German soldiers are based in Niger.\n\nThe mission in Mali is the largest."},
			},
		},
		{
			name: "a figure a later report says rose is an update",
			articles: []article{
				{"a", "Ankara Wire", "2023-02-06", "A powerful earthquake struck southern Turkey before dawn on Monday.\n\nThe earthquake killed 1,500 people in Turkey, officials said."},
				{"b", "Global News", "2023-02-07", "Rescuers searched the rubble for a second day.\n\nThe toll rose overnight: the earthquake has killed 3,400 people in Turkey, officials said."},
			},
			want: []wantConflict{{kind: NumberConflict, subject: "turkey", update: true, sides: []wantSide{{"1,500", []string{"a"}}, {"3,400", []string{"b"}}}}},
		},
		{
			name: "the same event with two dates",
			articles: []article{
				{"a", "Harbour News", "2021-06-01", "The new flood barrier in Rotterdam was opened by King Willem-Alexander on 12 May 2021.\n\nIt cost 450 million euros."},
				{"b", "Delta Times", "2021-06-01", "The new flood barrier in Rotterdam was opened by King Willem-Alexander on 14 May 2021.\n\nEngineers say it will last a century."},
			},
			want: []wantConflict{{kind: DateConflict, minConf: 0.5, sides: []wantSide{{"12 May", []string{"a"}}, {"14 May", []string{"b"}}}}},
		},
		{
			name: "a weekday, the matching date and a dateline agree",
			articles: []article{
				{"a", "Lisbon Daily", "2023-03-07", "Portugal's finance minister resigned on Tuesday after losing a budget vote in parliament.\n\nHis deputy will take over."},
				{"b", "Iberia Post", "2023-03-08", "Lisbon, March 8: Portugal's finance minister resigned on Tuesday after losing a budget vote in parliament.\n\nMarkets barely moved."},
				{"c", "Euro Wire", "2023-03-08", "Portugal's finance minister resigned on March 7 after losing a budget vote in parliament.\n\nThe opposition called for elections."},
			},
		},
		{
			name: "two offices for one person",
			articles: []article{
				{"a", "Andes News", "2024-01-10", "Foreign Minister Ana Lucia Paredes met the trade delegation in Quito on Tuesday.\n\nThe talks covered bananas and shrimp."},
				{"b", "Pacific Wire", "2024-01-10", "Defence Minister Ana Lucia Paredes met the trade delegation in Quito on Tuesday.\n\nNo agreement was signed."},
			},
			want: []wantConflict{{kind: TitleConflict, subject: "paredes", minConf: 0.5, sides: []wantSide{{"Foreign Minister", []string{"a"}}, {"Defence Minister", []string{"b"}}}}},
		},
		{
			name: "descriptions and spelling variants are not conflicts",
			articles: []article{
				{"a", "Gulf Daily", "2023-03-07", "Pentagon chief Lloyd Austin met Kurdish leader Nechirvan Barzani in Erbil.\n\nThey discussed oil revenue."},
				{"b", "Kurdistan 24", "2023-03-07", "US Defence Secretary Lloyd Austin met regional President Nechirivan Barzani in Erbil.\n\nBudget transfers were on the agenda."},
			},
		},
		{
			name: "a quotation worded two ways",
			articles: []article{
				{"a", "Valley Tribune", "2024-04-11", "The river burst its banks overnight.\n\n\"We will rebuild every school that the water destroyed this week,\" Mayor Tom Reyes said."},
				{"b", "State Herald", "2024-04-11", "Flood water reached the town hall.\n\n\"We will rebuild every house that the water destroyed this week,\" Reyes told reporters."},
				{"c", "Local Radio", "2024-04-11", "Reyes promised to \"rebuild every school\" in the valley.\n\nVolunteers filled sandbags."},
			},
			want: []wantConflict{{kind: QuoteConflict, minConf: 0.5, sides: []wantSide{{"school", []string{"a"}}, {"house", []string{"b"}}}}},
		},
		{
			name: "a quotation given to two different people",
			articles: []article{
				{"a", "City Paper", "2024-09-03", "Inspectors closed the old bridge for a day.\n\n\"The bridge is safe for cars and lorries again,\" said engineer Maria Okafor."},
				{"b", "Metro News", "2024-09-03", "The bridge reopened on Tuesday.\n\n\"The bridge is safe for cars and lorries again,\" said transport minister Paul Eze."},
			},
			want: []wantConflict{{kind: AttributionConflict, subject: "who said", minConf: 0.5, sides: []wantSide{{"Okafor", []string{"a"}}, {"Eze", []string{"b"}}}}},
		},
		{
			name: "a quotation posted online against one told to reporters",
			articles: []article{
				{"a", "City Paper", "2024-09-03", "The striking nurses returned to work.\n\n\"Our patients come first and always will,\" union leader Grace Mwangi tweeted on Monday."},
				{"b", "Metro News", "2024-09-03", "The strike ended after nine days.\n\n\"Our patients come first and always will,\" Grace Mwangi told reporters on Monday."},
			},
			want: []wantConflict{{kind: AttributionConflict, subject: "how", minConf: 0.5, sides: []wantSide{{"tweeted", []string{"a"}}, {"told", []string{"b"}}}}},
		},
		{
			name: "two quotations that share a common phrase are not one quotation",
			articles: []article{
				{"a", "World Desk", "2024-02-01", "The council voted to suspend aid.\n\nIt cited \"a sharp deterioration in the human rights situation\" in the region."},
				{"b", "Capital News", "2024-02-01", "The minister rejected the vote.\n\n\"The deciding factor is not culture but the human rights situation and the economy,\" the minister said at a conference."},
			},
		},
		{
			name: "years in sentences of one fact are context, not a disputed date",
			articles: []article{
				{"a", "Hill Report", "2024-05-01", "The veto bill was championed by the party that won Congress in 1994 with its Contract with America.\n\nThe court struck it down."},
				{"b", "Court News", "2024-05-01", "The veto bill, part of the party's Contract with America, was passed by Congress in 1996.\n\nThe court struck it down."},
			},
		},
		{
			name: "the same weekday in reports published days apart",
			articles: []article{
				{"a", "Rome Wire", "2024-02-13", "Rome, February 13: Italy's foreign minister said Tuesday that Italy expects the trial to meet European standards."},
				{"b", "Rome Wire", "2024-08-27", "Rome, August 27: Italy's foreign minister said Tuesday that Italy expects the talks to meet European standards."},
			},
		},
		{
			name: "small counts of different scope stay below the bar",
			articles: []article{
				{"a", "South Post", "2024-03-01", "Police say he is wanted for questioning about three bombings in Georgia.\n\nA reward was offered."},
				{"b", "Mountain News", "2024-03-01", "After four bombings in Georgia over 19 months, the attacks stopped.\n\nAgents kept searching the hills."},
			},
		},
		{
			name: "a pronoun speaker is the person named earlier in the sentence",
			articles: []article{
				{"a", "Court Daily", "2024-06-26", "Justice Maria Stevens wrote the opinion for the majority.\n\nPresident Lena Clark issued a statement saying she was disappointed by the ruling, which she called \"a defeat for every citizen of this country.\""},
				{"b", "Capitol Wire", "2024-06-26", "The ruling came on a 6-3 vote.\n\n\"The decision is a defeat for every citizen of this country,\" President Lena Clark said in a statement."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, tab := build(t, tt.articles)
			all := append(append([]Conflict(nil), tab.Conflicts...), tab.Updates...)
			if len(tt.want) == 0 {
				for _, cf := range all {
					if cf.Confidence >= 0.5 {
						t.Fatalf("false alarm:%s", describe(c, []Conflict{cf}))
					}
				}
				return
			}
			for _, w := range tt.want {
				found := false
				for _, cf := range all {
					if matchConflict(c, cf, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %s conflict on %q; found:%s", w.kind, w.subject, describe(c, all))
				}
			}
			// Nothing else may be raised at the default confidence.
			for _, cf := range all {
				if cf.Confidence < 0.5 {
					continue
				}
				ok := false
				for _, w := range tt.want {
					if matchConflict(c, cf, w) {
						ok = true
					}
				}
				if !ok {
					t.Errorf("unexpected conflict:%s", describe(c, []Conflict{cf}))
				}
			}
		})
	}
}

func TestFactsMergeParaphrasesAndCountWireOnce(t *testing.T) {
	wire := "Rescue teams pulled 14 miners alive from the flooded Santa Rosa mine in Chile on Sunday after four days underground.\n\nThe miners were taken to hospital in Copiapo, where doctors said all were in stable condition.\n\nThe mine's owner said an investigation into the flooding had begun."
	c, tab := build(t, []article{
		{"wire1", "Andes Post", "2024-07-08", wire},
		{"wire2", "South Daily", "2024-07-08", "From our correspondent.\n\n" + wire},
		{"own", "Chile Today", "2024-07-08", "Fourteen miners trapped for four days in the flooded Santa Rosa mine in Chile were pulled out alive by rescue teams on Sunday.\n\nFamilies had camped at the gate since Wednesday.\n\nThe regional governor promised new safety rules for small mines."},
	})
	if c.Independent() != 2 {
		t.Fatalf("corpus has %d independent sources, want 2 (one wire group)", c.Independent())
	}
	if len(tab.Facts) == 0 {
		t.Fatal("no facts")
	}
	top := tab.Facts[0]
	if top.Support != 3 || top.Independent != 2 {
		t.Errorf("top fact %q: support %d independent %d, want 3 and 2", top.Text, top.Support, top.Independent)
	}
	if !strings.Contains(top.Text, "miners") {
		t.Errorf("top fact is %q, want the rescue of the miners", top.Text)
	}
	for _, e := range top.Evidence {
		src := c.Sources[e.Source]
		if src.Text[e.Start:e.End] != e.Text {
			t.Errorf("evidence span %d-%d of %s does not hold its text", e.Start, e.End, src.ID)
		}
	}
	var single int
	for i, f := range tab.Facts {
		if f.Support == 1 {
			single++
		}
		if i > 0 && f.Independent > tab.Facts[i-1].Independent {
			t.Errorf("fact %s (independent %d) ranked below one with %d", f.ID, f.Independent, tab.Facts[i-1].Independent)
		}
	}
	if single == 0 {
		t.Error("facts stated by one source only were dropped")
	}
}
