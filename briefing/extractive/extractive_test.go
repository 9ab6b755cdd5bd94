package extractive_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/extractive"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
	"github.com/brieftool/brief/summarize/load"
)

// article is an invented news report, as a loader would hand it over.
type article struct {
	id, outlet, title string
	// published is "2006-01-02", an RFC 3339 time, or "" for undated.
	published string
	paras     []string
}

// The pipeline and the verifier hold costly models: one per test binary.
var (
	pipeline = sync.OnceValues(summarize.NewPipeline)
	verifier = sync.OnceValue(briefing.NewVerifier)
)

func documents(arts []article) ([]load.Document, error) {
	var docs []load.Document
	for _, a := range arts {
		d := load.Document{ID: a.id, Origin: a.id + ".txt", Input: "test", Format: load.FormatText, Text: strings.Join(a.paras, "\n\n")}
		d.Meta.Title = a.title
		d.Meta.Outlet = a.outlet
		if a.published != "" {
			layout := time.DateOnly
			if strings.Contains(a.published, "T") {
				layout = time.RFC3339
			}
			p, err := time.Parse(layout, a.published)
			if err != nil {
				return nil, err
			}
			d.Meta.Published = p
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// build runs the corpus and fact stages on invented articles.
func build(tb testing.TB, arts []article) (*summarize.Corpus, *facts.Table) {
	tb.Helper()
	docs, err := documents(arts)
	if err != nil {
		tb.Fatal(err)
	}
	c, tab, err := buildDocs(docs)
	if err != nil {
		tb.Fatal(err)
	}
	if len(c.Sources) != len(arts) {
		tb.Fatalf("corpus kept %d of %d articles: %+v", len(c.Sources), len(arts), c.Problems)
	}
	return c, tab
}

func buildDocs(docs []load.Document) (*summarize.Corpus, *facts.Table, error) {
	p, err := pipeline()
	if err != nil {
		return nil, nil, err
	}
	c, err := p.BuildDocuments(context.Background(), docs, summarize.Options{})
	if err != nil {
		return nil, nil, err
	}
	tab, err := facts.Build(context.Background(), c, facts.Options{})
	if err != nil {
		return nil, nil, err
	}
	return c, tab, nil
}

// write briefs the corpus as `brief report` does (without the dropping
// check, so that a bad citation shows as a failure here) and checks what
// every briefing must satisfy.
func write(t *testing.T, c *summarize.Corpus, tab *facts.Table, words int, focus string) *briefing.Briefing {
	t.Helper()
	b, err := extractive.New(verifier()).Write(context.Background(), briefing.Request{Corpus: c, Table: tab, Words: words, Focus: focus, MinConfidence: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	checkBriefing(t, b, c, words)
	return b
}

func section(b *briefing.Briefing, id string) *briefing.Section {
	for i := range b.Sections {
		if b.Sections[i].ID == id {
			return &b.Sections[i]
		}
	}
	return nil
}

func items(b *briefing.Briefing, id string) []briefing.Item {
	if s := section(b, id); s != nil {
		return s.Items
	}
	return nil
}

func texts(its []briefing.Item) []string {
	out := make([]string, len(its))
	for i, it := range its {
		out[i] = it.Text
	}
	return out
}

// citedIDs are the ids of the sources an item's citations name, sorted.
func citedIDs(cs []briefing.Citation) []string {
	var out []string
	for _, c := range cs {
		if !slices.Contains(out, c.Source) {
			out = append(out, c.Source)
		}
	}
	slices.Sort(out)
	return out
}

// checkBriefing asserts what a reader of any briefing relies on: every
// line is cited, every citation holds up, the numbers point where they
// say, and the summary keeps to its budget.
func checkBriefing(t testing.TB, b *briefing.Briefing, c *summarize.Corpus, words int) {
	t.Helper()
	if b.Backend != "extractive" {
		t.Errorf("backend %q", b.Backend)
	}
	byID := map[string]*summarize.Source{}
	for _, s := range c.Sources {
		byID[s.ID] = s
	}

	// The numbered source list: 1..n, no gaps, no repeats, all real.
	seen := map[string]bool{}
	for i, s := range b.Sources {
		if s.N != i+1 {
			t.Errorf("Sources[%d] is numbered %d", i, s.N)
		}
		if seen[s.ID] {
			t.Errorf("source %s listed twice", s.ID)
		}
		seen[s.ID] = true
		if src := byID[s.ID]; src == nil {
			t.Errorf("source %d (%s) is not in the corpus", s.N, s.ID)
		} else if s.Outlet != src.Outlet || s.Title != src.Title || s.Group != src.Group {
			t.Errorf("source %d: outlet %q title %q group %d, corpus has %q %q %d", s.N, s.Outlet, s.Title, s.Group, src.Outlet, src.Title, src.Group)
		}
	}

	total := 0
	checkItem := func(where string, it briefing.Item) {
		t.Helper()
		if strings.TrimSpace(it.Text) == "" {
			t.Errorf("%s: empty text", where)
		}
		if len(it.Citations) == 0 {
			t.Errorf("%s %q has no citation", where, it.Text)
		}
		last := 0
		for k, ct := range it.Citations {
			total++
			if ct.At < last || ct.At > len(it.Text) {
				t.Errorf("%s %q: citation %d at %d, previous at %d, text %d bytes", where, it.Text, k, ct.At, last, len(it.Text))
			}
			last = ct.At
			if ct.N < 1 || ct.N > len(b.Sources) {
				t.Errorf("%s %q: citation [%d] outside the source list of %d", where, it.Text, ct.N, len(b.Sources))
				continue
			}
			if ref := b.Sources[ct.N-1]; ref.ID != ct.Source {
				t.Errorf("%s %q: citation [%d] names %s, the list has %s there", where, it.Text, ct.N, ct.Source, ref.ID)
			}
			src := byID[ct.Source]
			if src == nil {
				t.Errorf("%s %q: cites unknown source %s", where, it.Text, ct.Source)
				continue
			}
			if len(ct.Evidence) == 0 {
				t.Errorf("%s %q: citation [%d] has no evidence", where, it.Text, ct.N)
			}
			for _, e := range ct.Evidence {
				if e.Start < 0 || e.End > len(src.Text) || e.Start >= e.End {
					t.Errorf("%s %q: evidence %d-%d outside source %s (%d bytes)", where, it.Text, e.Start, e.End, src.ID, len(src.Text))
					continue
				}
				if got := src.Text[e.Start:e.End]; got != e.Text {
					t.Errorf("%s: evidence text %q, the source has %q at %d-%d", where, e.Text, got, e.Start, e.End)
				}
			}
		}
	}
	if b.Headline.Text == "" {
		t.Error("no headline")
	} else {
		checkItem("headline", b.Headline)
	}
	order := map[string]int{briefing.SectionKeyPoints: 1, briefing.SectionDisputed: 2, briefing.SectionQuotes: 3, briefing.SectionBackground: 4}
	prev := 0
	summary := 0
	for _, s := range b.Sections {
		if order[s.ID] <= prev {
			t.Errorf("section %q out of order or unknown", s.ID)
		}
		prev = order[s.ID]
		if len(s.Items) == 0 {
			t.Errorf("section %q printed empty", s.ID)
		}
		for i, it := range s.Items {
			checkItem(fmt.Sprintf("%s[%d]", s.ID, i), it)
			if s.ID == briefing.SectionKeyPoints || s.ID == briefing.SectionBackground {
				summary += len(strings.Fields(it.Text))
			}
		}
	}

	budget := words
	if budget <= 0 {
		budget = briefing.DefaultWords
	}
	if b.Budget != budget {
		t.Errorf("budget %d, asked for %d", b.Budget, budget)
	}
	if b.Words != summary {
		t.Errorf("Words = %d, the key points and background have %d", b.Words, summary)
	}
	if summary > budget {
		t.Errorf("summary has %d words, budget %d", summary, budget)
	}

	// Every citation passes the check the CLI runs before printing.
	v := verifier().Verify(b, c, briefing.VerifyOptions{})
	if v.Checked != total || v.Verified != total || v.Dropped != 0 || v.DroppedItems != 0 {
		t.Errorf("verification %+v, want all %d citations verified", v, total)
	}
	report := func(where string, it briefing.Item) {
		for _, ct := range it.Citations {
			if ct.Status != briefing.StatusVerified {
				t.Errorf("%s %q: citation [%d] %s: %s", where, it.Text, ct.N, ct.Source, ct.Status)
			}
		}
	}
	report("headline", b.Headline)
	for _, s := range b.Sections {
		for _, it := range s.Items {
			report(s.ID, it)
		}
	}
}

// ---- corpora ----

// floodArticles: four outlets on one flood. All four report the river
// bursting its banks; two give different death tolls; the mayor's words
// are printed by two; three say how fast the water rose, and the shortest
// way to say it gives only "she" as the speaker; the prime minister's
// promise is quoted inside reported speech by three.
func floodArticles() []article {
	return []article{
		{"alpine-courier", "Alpine Courier", "Flash floods sweep through Slovenian town after river bursts its banks", "2031-09-14T18:40:00Z", []string{
			"Flash floods swept through the mountain town of Kranjec in northern Slovenia on Tuesday after the Sava river burst its banks following two days of torrential rain.",
			"The flood killed 12 people in Slovenia, the civil protection agency said on Wednesday.",
			"Rescue teams in boats pulled dozens of residents from the roofs of their homes overnight.",
			"\"We have never seen the river rise this fast in living memory,\" Mayor Elena Varga told reporters at the town hall.",
			"The water rose two metres in under an hour, she said.",
			"He said the old stone dam above the town had been built for a much smaller flood than this one.",
			"The dam upstream was never designed for a flood of this size, he said.",
			"Prime Minister Ana Kovac, who toured the flooded valley by helicopter on Wednesday, promised that the state would \"rebuild every home, every school and every bridge that the water has destroyed this week\".",
			"The railway line between Kranjec and Ljubljana will stay closed for at least two weeks while engineers repair the damaged embankment.",
		}},
		{"valley-times", "Valley Times", "Death toll climbs in Slovenia floods as rescuers search for missing", "2031-09-15T07:15:00Z", []string{
			"The Sava river burst its banks on Tuesday and flash floods swept through Kranjec after two days of torrential rain.",
			"The flood killed 21 people in Slovenia, according to the government in Ljubljana.",
			"Witnesses in the lower streets of the old town reported that the water rose two metres in under an hour.",
			"\"We have never seen the river rise this fast in living memory,\" said Elena Varga, the mayor of Kranjec.",
			"Touring the valley by helicopter, Prime Minister Ana Kovac promised that the state would \"rebuild every home, every school and every bridge that the water has destroyed this week\".",
			"The army sent 400 soldiers to Slovenia's flooded north to help with the rescue and clear the streets of mud.",
			"Farmers in the valley lost most of their maize and potato harvest to the flood water, the farmers union said.",
		}},
		{"northern-post", "Northern Post", "Kranjec residents return to mud-filled homes", "2031-09-15T12:00:00Z", []string{
			"Flash floods swept through Kranjec on Tuesday when the Sava river burst its banks after torrential rain.",
			"The water rose two metres in under an hour as frightened families climbed onto their roofs, one witness recalled.",
			"Hundreds of residents spent the night in the sports hall of the town school, where volunteers served hot meals.",
			"Croatia sent 150 soldiers to help the rescue effort across the border.",
			"Ana Kovac, the prime minister, said the state would \"rebuild every home, every school and every bridge that the water has destroyed this week\".",
			"The railway line between Kranjec and Ljubljana is closed and engineers say repairs to the embankment will take weeks.",
			"The government promised emergency funds to rebuild the bridge and the school.",
		}},
		{"mountain-radio", "Mountain Radio", "Floods: farmers count the cost of lost harvest", "2031-09-16T21:05:00Z", []string{
			"The floods that swept through Kranjec on Tuesday after the Sava river burst its banks destroyed crops across the valley.",
			"Farmers lost most of the maize and potato harvest in the valley, the regional farmers union said on Thursday.",
			"\"Our members have lost a whole year of work in a single night,\" said union chairman Piet Molenaar.",
			"The union asked the government for emergency compensation for the lost harvest.",
		}},
	}
}

// pronounSentences are the flood sentences whose speaker is only "he" or
// "she":
// on a briefing line no reader could tell who is talking.
var pronounSentences = []string{
	"The water rose two metres in under an hour, she said.",
	"He said the old stone dam above the town had been built for a much smaller flood than this one.",
	"The dam upstream was never designed for a flood of this size, he said.",
}

// The flood corpus is built once and only read by the tests.
var floodCorpus = sync.OnceValues(func() (built, error) {
	docs, err := documents(floodArticles())
	if err != nil {
		return built{}, err
	}
	c, tab, err := buildDocs(docs)
	return built{c, tab}, err
})

type built struct {
	c   *summarize.Corpus
	tab *facts.Table
}

func flood(t *testing.T) (*summarize.Corpus, *facts.Table) {
	t.Helper()
	f, err := floodCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return f.c, f.tab
}

// ---- tests ----

func TestWriteCitesEverythingWithinBudget(t *testing.T) {
	c, tab := flood(t)
	for _, words := range []int{0, 30, 60, 100, 150, 250, 400} {
		t.Run(fmt.Sprint(words), func(t *testing.T) {
			b := write(t, c, tab, words, "")
			if len(items(b, briefing.SectionKeyPoints)) == 0 {
				t.Errorf("no key points: %+v", b.Sections)
			}
		})
	}
}

func TestWriteKeyPoints(t *testing.T) {
	c, tab := flood(t)
	// The story all four outlets share: one fact, four independent groups.
	shared := tab.Facts[0]
	if shared.Independent != 4 || !strings.Contains(shared.Text, "burst its banks") {
		t.Fatalf("corpus: top fact %q has %d independent sources, want the flood itself in 4", shared.Text, shared.Independent)
	}
	pronouns := []string{"he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "that", "those"}
	tests := []struct {
		words int
		focus string
	}{
		{100, ""}, {150, ""}, {250, ""}, {0, ""},
		// A focus on the words of the "he said" sentences must not pull
		// them in.
		{250, "Was the old stone dam designed for a flood of this size?"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %s", tt.words, tt.focus), func(t *testing.T) {
			b := write(t, c, tab, tt.words, tt.focus)
			kp := items(b, briefing.SectionKeyPoints)
			if len(kp) < 3 || len(kp) > 7 {
				t.Errorf("%d key points, want 3 to 7: %q", len(kp), texts(kp))
			}
			found := false
			for _, it := range kp {
				if slices.Contains(it.Facts, shared.ID) && strings.Contains(it.Text, "burst its banks") {
					found = true
				}
			}
			if !found {
				t.Errorf("the flood every outlet reports is not a key point: %q", texts(kp))
			}
			facts := map[string]string{}
			for _, it := range kp {
				first := strings.ToLower(strings.Trim(strings.Fields(it.Text)[0], ",;:"))
				if slices.Contains(pronouns, first) {
					t.Errorf("key point opens with a pronoun: %q", it.Text)
				}
				for _, p := range pronounSentences {
					if strings.Contains(it.Text, strings.TrimSuffix(p, ".")) {
						t.Errorf("key point whose speaker is only a pronoun: %q", it.Text)
					}
				}
				if len(it.Facts) == 0 {
					t.Errorf("key point %q names no fact", it.Text)
					continue
				}
				if other, dup := facts[it.Facts[0]]; dup {
					t.Errorf("two key points state fact %s:\n  %q\n  %q", it.Facts[0], other, it.Text)
				}
				facts[it.Facts[0]] = it.Text
			}
			for _, it := range items(b, briefing.SectionBackground) {
				for _, p := range pronounSentences {
					if strings.Contains(it.Text, strings.TrimSuffix(p, ".")) {
						t.Errorf("background line whose speaker is only a pronoun: %q", it.Text)
					}
				}
			}
		})
	}
	// When most of what the sources share is history, the news still
	// leads and background fills the key points to a readable handful.
	t.Run("mostly history", func(t *testing.T) {
		c, tab := build(t, historyArticles())
		for _, words := range []int{100, 250} {
			b := write(t, c, tab, words, "")
			kp := items(b, briefing.SectionKeyPoints)
			if len(kp) < 3 || len(kp) > 7 {
				t.Errorf("%d words: %d key points, want 3 to 7: %q", words, len(kp), texts(kp))
			}
			if len(kp) > 0 && !strings.Contains(kp[0].Text, "closed to all traffic") {
				t.Errorf("%d words: first key point %q, want the closure", words, kp[0].Text)
			}
		}
	})
}

// historyArticles: three reports of a bridge closure that are mostly
// the bridge's history, so most of what they share is background.
func historyArticles() []article {
	return []article{
		{"lake-herald", "Lake Herald", "Old Orta bridge closed for good after inspection", "2031-04-02", []string{
			"Engineers closed the old Orta bridge to all traffic on Tuesday after an inspection found deep cracks in two of its piers.",
			"The stone bridge was built in 1887 by the Orta Railway Company to carry coal wagons across the river.",
			"In 1944 retreating troops blew up the central arch, which was rebuilt by the town in 1949.",
			"The bridge was widened for cars in 1968 and listed as a protected monument in 1992.",
			"A flood in 2002 washed away part of the western pier and closed the bridge for eight months.",
			"The town council last repaired the bridge deck in 2015.",
		}},
		{"river-post", "River Post", "Cracks close Orta's historic bridge", "2031-04-02", []string{
			"The old Orta bridge was closed to all traffic on Tuesday after engineers found deep cracks in two of its piers.",
			"Built in 1887 by the Orta Railway Company, the stone bridge first carried coal wagons across the river.",
			"Retreating troops blew up its central arch in 1944, and the town rebuilt it in 1949.",
			"The bridge was listed as a protected monument in 1992, after it had been widened for cars in 1968.",
			"Part of the western pier was washed away by the flood of 2002.",
		}},
		{"valley-radio", "Valley Radio", "Orta bridge shut: a history of repairs", "2031-04-03", []string{
			"After an inspection found deep cracks in two piers, the old Orta bridge was closed to all traffic on Tuesday.",
			"The Orta Railway Company built the stone bridge in 1887 to carry coal wagons across the river.",
			"Its central arch, blown up by retreating troops in 1944, was rebuilt by the town in 1949.",
			"The flood of 2002 washed away part of the western pier and shut the bridge for eight months.",
			"The council last repaired the deck of the bridge in 2015.",
		}},
	}
}

// wantSide is one side of an expected dispute: its value, and the ids of
// the sources that must be cited for it.
type wantSide struct {
	value   string
	sources []string
}

func TestWriteDisputes(t *testing.T) {
	lead := func(id, outlet, date, text string, more ...string) article {
		return article{id, outlet, "Floods in eastern Romania: " + id, date, append([]string{text}, more...)}
	}
	// The same flood, reported by four outlets with different figures.
	deaths := []article{
		lead("danube-daily", "Danube Daily", "2031-05-04",
			"Heavy rain sent the Siret river over its banks in eastern Romania on Saturday, flooding villages along the valley.",
			"The flood killed 12 people in Romania, the interior ministry said on Sunday.",
			"Several thousand people were moved to schools and sports halls on higher ground."),
		lead("carpathian-post", "Carpathian Post", "2031-05-04",
			"The Siret river burst its banks in eastern Romania on Saturday after heavy rain, flooding villages along the valley.",
			"The flood killed 21 people in Romania, according to the emergency services.",
			"Roads and bridges in the valley were washed away."),
		lead("black-sea-wire", "Black Sea Wire", "2031-05-05",
			"Villages along the Siret valley in eastern Romania were flooded on Saturday when heavy rain sent the river over its banks.",
			"The flood killed 12 people in Romania, officials said on Sunday.",
			"Farmers said the water had ruined the spring sowing."),
		lead("river-radio", "River Radio", "2031-05-05",
			"Heavy rain sent the Siret river over its banks in eastern Romania on Saturday and flooded villages along the valley.",
			"Volunteers handed out drinking water and blankets in the flooded villages."),
	}
	// Two countries sending soldiers to two different places: no dispute.
	troops := []article{
		lead("danube-daily", "Danube Daily", "2031-05-04",
			"Heavy rain sent the Siret river over its banks in eastern Romania on Saturday, flooding villages along the valley.",
			"Hungary sent 400 soldiers to Romania to help evacuate the flooded villages.",
			"Several thousand people were moved to schools and sports halls on higher ground."),
		lead("carpathian-post", "Carpathian Post", "2031-05-04",
			"The Siret river burst its banks in eastern Romania on Saturday after heavy rain, flooding villages along the valley.",
			"Hungary sent 150 soldiers to Serbia, where the Danube is also rising.",
			"Roads and bridges in the valley were washed away."),
		lead("black-sea-wire", "Black Sea Wire", "2031-05-05",
			"Villages along the Siret valley in eastern Romania were flooded on Saturday when heavy rain sent the river over its banks.",
			"Farmers said the water had ruined the spring sowing."),
	}
	// A rounded figure and the exact one agree.
	rounded := []article{
		lead("danube-daily", "Danube Daily", "2031-05-04",
			"Heavy rain sent the Siret river over its banks in eastern Romania on Saturday, flooding villages along the valley.",
			"Hungary sent 400 soldiers to Romania to help evacuate the flooded villages.",
			"Several thousand people were moved to schools and sports halls on higher ground."),
		lead("carpathian-post", "Carpathian Post", "2031-05-04",
			"The Siret river burst its banks in eastern Romania on Saturday after heavy rain, flooding villages along the valley.",
			"Hungary sent some 400 soldiers to Romania to help with the evacuation.",
			"Roads and bridges in the valley were washed away."),
	}
	tests := []struct {
		name    string
		arts    []article
		minConf float64
		want    []wantSide // nil: no dispute may be shown
		absent  []string   // values no dispute line may hold together
	}{
		{name: "death toll of one flood in one country", arts: deaths, minConf: 0.5,
			want: []wantSide{{"12", []string{"black-sea-wire", "danube-daily"}}, {"21", []string{"carpathian-post"}}}},
		{name: "the same dispute below the bar asked for", arts: deaths, minConf: 0.99, absent: []string{"12", "21"}},
		{name: "soldiers sent to different countries", arts: troops, minConf: 0.5, absent: []string{"400", "150"}},
		{name: "some 400 against 400", arts: rounded, minConf: 0.5, absent: []string{"400"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, tab := build(t, tt.arts)
			b, err := extractive.New(verifier()).Write(context.Background(), briefing.Request{Corpus: c, Table: tab, Words: 120, MinConfidence: tt.minConf})
			if err != nil {
				t.Fatal(err)
			}
			checkBriefing(t, b, c, 120)
			disputes := items(b, briefing.SectionDisputed)
			if tt.want == nil {
				for _, it := range disputes {
					all := true
					for _, v := range tt.absent {
						all = all && strings.Contains(it.Text, v)
					}
					if all {
						t.Errorf("dispute where the sources agree or speak of different things: %q", it.Text)
					}
				}
				return
			}
			var it *briefing.Item
			for i := range disputes {
				has := true
				for _, sd := range tt.want {
					has = has && strings.Contains(disputes[i].Text, sd.value)
				}
				if has {
					it = &disputes[i]
				}
			}
			if it == nil {
				t.Fatalf("no dispute giving %v; disputed section: %q", tt.want, texts(disputes))
			}
			if it.Conflict == "" {
				t.Errorf("dispute %q names no conflict", it.Text)
			}
			// Each side's value is backed by the citations right after it.
			for _, sd := range tt.want {
				var got []string
				for _, cl := range briefing.Claims(*it) {
					if strings.Contains(cl.Text, sd.value) {
						var cs []briefing.Citation
						for _, k := range cl.Citations {
							cs = append(cs, it.Citations[k])
						}
						got = citedIDs(cs)
						for _, ct := range cs {
							ev := ""
							for _, e := range ct.Evidence {
								ev += e.Text
							}
							if !strings.Contains(ev, sd.value) {
								t.Errorf("side %s cites %s with evidence %q", sd.value, ct.Source, ev)
							}
						}
					}
				}
				if !slices.Equal(got, sd.sources) {
					t.Errorf("dispute %q: side %s cites %v, want %v", it.Text, sd.value, got, sd.sources)
				}
			}
		})
	}
}

func TestWriteQuotes(t *testing.T) {
	c, tab := flood(t)
	const promise = "rebuild every home, every school and every bridge that the water has destroyed this week"
	tests := []struct {
		name      string
		words     int
		promiseKP bool // the prime minister's promise is a key point
	}{
		{"promise in a key point", 250, true},
		{"promise left out of the key points", 30, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := write(t, c, tab, tt.words, "")
			kp := items(b, briefing.SectionKeyPoints)
			quotes := items(b, briefing.SectionQuotes)
			if len(quotes) == 0 {
				t.Fatalf("no notable quotes; sections %+v", b.Sections)
			}
			inKP := false
			kpFacts := map[string]bool{}
			for _, it := range kp {
				inKP = inKP || strings.Contains(it.Text, promise)
				for _, f := range it.Facts {
					kpFacts[f] = true
				}
			}
			if inKP != tt.promiseKP {
				t.Fatalf("corpus: promise in key points = %v, want %v: %q", inKP, tt.promiseKP, texts(kp))
			}
			quoted := false
			for _, it := range quotes {
				if it.Speaker == "" || it.Quote == "" {
					t.Errorf("quote %q: speaker %q, quote %q", it.Text, it.Speaker, it.Quote)
					continue
				}
				if !strings.Contains(it.Text, it.Quote) || !strings.HasPrefix(it.Text, it.Speaker) {
					t.Errorf("quote line %q does not show speaker %q and words %q", it.Text, it.Speaker, it.Quote)
				}
				for _, ct := range it.Citations {
					ev := ""
					for _, e := range ct.Evidence {
						ev += e.Text + " "
					}
					if !strings.Contains(ev, it.Quote) {
						t.Errorf("quote %q: cited source %s prints %q", it.Quote, ct.Source, ev)
					}
					name := strings.Fields(it.Speaker)
					if !strings.Contains(ev, name[len(name)-1]) {
						t.Errorf("quote of %s: cited source %s does not name them in %q", it.Speaker, ct.Source, ev)
					}
				}
				for _, k := range kp {
					if strings.Contains(k.Text, it.Quote) {
						t.Errorf("quote %q repeats key point %q", it.Quote, k.Text)
					}
				}
				for _, f := range it.Facts {
					if kpFacts[f] {
						t.Errorf("quote %q repeats fact %s of a key point", it.Quote, f)
					}
				}
				if it.Quote == promise {
					quoted = true
					if it.Speaker != "Prime Minister Ana Kovac" {
						t.Errorf("promise attributed to %q", it.Speaker)
					}
					if got := citedIDs(it.Citations); !slices.Equal(got, []string{"alpine-courier", "northern-post", "valley-times"}) {
						t.Errorf("promise cites %v, want the three outlets that print it", got)
					}
				}
				if strings.Contains(it.Quote, "living memory") && it.Speaker != "Mayor Elena Varga" {
					t.Errorf("the mayor's words attributed to %q", it.Speaker)
				}
			}
			if !tt.promiseKP && !quoted {
				t.Errorf("the promise three outlets quote is neither a key point nor a notable quote: %q", texts(quotes))
			}
		})
	}
}

// wireArticles: one agency story reprinted by three outlets, and two
// outlets' own reports of the same event.
func wireArticles() []article {
	wire := []string{
		"ATHENS (Aegean Press) -- A passenger ferry carrying 312 people ran aground off the Greek island of Naxos early on Friday, and all passengers were taken off safely by coast guard boats.",
		"The ferry Poseidon Star struck rocks about two kilometres from the port in strong winds shortly after leaving the harbour for Piraeus.",
		"The coast guard said a small amount of fuel had leaked from the hull and that crews had laid floating barriers around the ship.",
		"The shipping company said it would cooperate fully with the investigation into the cause of the accident.",
	}
	return []article{
		{"island-news", "Island News", "Ferry runs aground off Naxos, all passengers rescued", "2031-07-11T09:00:00Z", wire},
		{"athens-daily", "Athens Daily", "All 312 rescued as ferry hits rocks off Naxos", "2031-07-11T09:30:00Z", wire},
		{"port-gazette", "Port Gazette", "Ferry aground near Naxos port", "2031-07-11T10:15:00Z", wire},
		{"sea-times", "Sea Times", "Naxos ferry grounding: passengers safe, fuel leak contained", "2031-07-11T14:00:00Z", []string{
			"A ferry with 312 people on board ran aground off Naxos on Friday morning, and the coast guard brought every passenger safely ashore.",
			"Passengers described a loud bang and a sudden tilt as the Poseidon Star hit the rocks.",
			"Divers will inspect the damaged hull before the ship can be towed to a shipyard in Piraeus.",
		}},
		{"aegean-radio", "Aegean Radio", "Strong winds blamed as ferry hits rocks off Naxos", "2031-07-12T08:00:00Z", []string{
			"The coast guard rescued all 312 people from a ferry that ran aground off the island of Naxos on Friday.",
			"Local fishermen said strong winds had been blowing across the harbour since Thursday night.",
			"The harbour master ordered ships to stay in port until the wind drops.",
		}},
	}
}

func TestWriteWireCopies(t *testing.T) {
	c, tab := build(t, wireArticles())
	b := write(t, c, tab, 0, "")
	d := b.Dateline
	if d.Sources != 5 || d.Independent != 3 {
		t.Errorf("dateline counts %d sources, %d independent; want 5 and 3", d.Sources, d.Independent)
	}
	if !strings.Contains(d.Text, "5 sources, 3 independent") {
		t.Errorf("dateline reads %q", d.Text)
	}
	groups := map[string]int{}
	for _, s := range c.Sources {
		groups[s.ID] = s.Group
	}
	if g := groups["island-news"]; groups["athens-daily"] != g || groups["port-gazette"] != g || groups["sea-times"] == g || groups["aegean-radio"] == g {
		t.Errorf("syndication groups %v: the three reprints should share one", groups)
	}
	for _, s := range b.Sources {
		if s.Group != groups[s.ID] {
			t.Errorf("source %d %s: group %d, corpus has %d", s.N, s.ID, s.Group, groups[s.ID])
		}
	}
}

func TestWriteDateline(t *testing.T) {
	// One small story, with publication dates varied per case.
	base := []article{
		{"a", "Lakeside Herald", "Dam operators open spillway at Lake Orta", "", []string{
			"Operators opened the spillway of the Orta dam on Monday after heavy rain raised the lake to its highest level in twenty years.",
			"Villages below the dam were told to move cars and livestock to higher ground.",
		}},
		{"b", "Valley Courier", "Lake Orta spillway opened after record rain", "", []string{
			"The spillway of the Orta dam was opened on Monday because heavy rain had raised the lake to its highest level in twenty years.",
			"The regional water board said the dam itself was not at risk.",
		}},
		{"c", "Hill Radio", "Record rain fills Lake Orta", "", []string{
			"Heavy rain raised Lake Orta to its highest level in twenty years, and operators opened the spillway of the Orta dam on Monday.",
			"Fishermen on the lake said they had never seen the water so high.",
		}},
	}
	tests := []struct {
		name     string
		dates    []string
		from, to string
		text     string
	}{
		{"same day", []string{"2031-03-03T06:00:00Z", "2031-03-03T12:30:00Z", "2031-03-03T23:10:00Z"}, "2031-03-03", "2031-03-03", "3 March 2031 · 3 sources"},
		{"latest listed first", []string{"2031-03-05T08:00:00Z", "2031-03-03T09:00:00Z", "2031-03-04"}, "2031-03-03", "2031-03-05", "3–5 March 2031 · 3 sources"},
		{"across months", []string{"2031-03-01", "2031-02-27", "2031-02-28"}, "2031-02-27", "2031-03-01", "27 February – 1 March 2031 · 3 sources"},
		{"across years", []string{"2031-01-01T10:00:00Z", "2030-12-31T22:00:00Z", "2031-01-02"}, "2030-12-31", "2031-01-02", "31 December 2030 – 2 January 2031 · 3 sources"},
		// Dates as the outlets printed them, as in the source list: 01:00
		// in UTC+5 is still the 4th, though it is the 3rd in London.
		{"offsets kept", []string{"2031-03-04T01:00:00+05:00", "2031-03-04T09:00:00Z", "2031-03-04T23:30:00-04:00"}, "2031-03-04", "2031-03-04", "4 March 2031 · 3 sources"},
		// The earliest instant is not always the earliest printed date:
		// 01:00 on the 5th in UTC+5 comes before 22:00 on the 4th in UTC.
		{"printed dates ordered", []string{"2031-03-05T01:00:00+05:00", "2031-03-04T22:00:00Z", "2031-03-04"}, "2031-03-04", "2031-03-05", "4–5 March 2031 · 3 sources"},
		{"undated sources left out", []string{"", "2031-03-04", ""}, "2031-03-04", "2031-03-04", "4 March 2031 · 3 sources"},
		{"nothing dated", []string{"", "", ""}, "", "", "3 sources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := slices.Clone(base)
			for i := range arts {
				arts[i].published = tt.dates[i]
			}
			c, tab := build(t, arts)
			b := write(t, c, tab, 0, "")
			d := b.Dateline
			if d.From != tt.from || d.To != tt.to || d.Text != tt.text {
				t.Errorf("dateline %+v, want from %q to %q, text %q", d, tt.from, tt.to, tt.text)
			}
			if d.Sources != 3 || d.Independent != 3 {
				t.Errorf("dateline counts %d sources, %d independent", d.Sources, d.Independent)
			}
			for _, ref := range b.Sources {
				if ref.Published != "" && (ref.Published < d.From || ref.Published > d.To) {
					t.Errorf("source %d published %s, outside the dateline %s to %s", ref.N, ref.Published, d.From, d.To)
				}
			}
		})
	}
}

func TestWriteFocus(t *testing.T) {
	c, tab := flood(t)
	plain := write(t, c, tab, 40, "")
	if kp := items(plain, briefing.SectionKeyPoints); len(kp) == 0 || !strings.Contains(kp[0].Text, "burst its banks") {
		t.Fatalf("corpus: without a focus the first key point should be the flood itself: %q", texts(kp))
	}
	tests := []struct {
		focus string
		words int
		about []string // the first key point holds one of these
	}{
		{"What happened to the farmers and their harvest?", 40, []string{"harvest"}},
		{"crop losses of farmers", 40, []string{"harvest", "crops"}},
		{"Where did residents spend the night?", 20, []string{"spent the night"}},
		{"railway line", 20, []string{"railway"}},
	}
	for _, tt := range tests {
		t.Run(tt.focus, func(t *testing.T) {
			b := write(t, c, tab, tt.words, tt.focus)
			if b.Focus != tt.focus {
				t.Errorf("focus recorded as %q", b.Focus)
			}
			kp := items(b, briefing.SectionKeyPoints)
			if len(kp) == 0 {
				t.Fatal("no key points")
			}
			ok := false
			for _, w := range tt.about {
				ok = ok || strings.Contains(kp[0].Text, w)
			}
			if !ok {
				t.Errorf("focus %q: first key point %q, want one about %v", tt.focus, kp[0].Text, tt.about)
			}
		})
	}
}

func TestWriteDeterministic(t *testing.T) {
	run := func(c *summarize.Corpus, tab *facts.Table, focus string) []byte {
		b, err := extractive.New(briefing.NewVerifier()).Write(context.Background(), briefing.Request{Corpus: c, Table: tab, Words: 150, Focus: focus, MinConfidence: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		js, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		return js
	}
	for _, arts := range [][]article{floodArticles(), wireArticles()} {
		for _, focus := range []string{"", "farmers harvest"} {
			c1, t1 := build(t, arts)
			c2, t2 := build(t, arts)
			first := run(c1, t1, focus)
			// The same table again: Write must not change it.
			if again := run(c1, t1, focus); string(again) != string(first) {
				t.Errorf("%s: a second Write on the same table differs:\n%s\n%s", arts[0].id, first, again)
			}
			// A corpus and table built afresh from the same articles.
			if fresh := run(c2, t2, focus); string(fresh) != string(first) {
				t.Errorf("%s: a second run from scratch differs:\n%s\n%s", arts[0].id, first, fresh)
			}
		}
	}
}

func TestWriteErrors(t *testing.T) {
	c, tab := flood(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		req  briefing.Request
	}{
		{"nil corpus", context.Background(), briefing.Request{Table: tab, Words: 100}},
		{"corpus without sources", context.Background(), briefing.Request{Corpus: &summarize.Corpus{}, Table: tab, Words: 100}},
		{"nil table", context.Background(), briefing.Request{Corpus: c, Words: 100}},
		{"nil corpus and table", context.Background(), briefing.Request{}},
		{"cancelled context", cancelled, briefing.Request{Corpus: c, Table: tab, Words: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				b   *briefing.Briefing
				err error
			)
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("panic: %v", r)
					}
				}()
				b, err = extractive.New(verifier()).Write(tt.ctx, tt.req)
			}()
			if err == nil {
				t.Fatalf("no error; briefing %+v", b)
			}
			if b != nil {
				t.Errorf("error %v came with a briefing", err)
			}
		})
	}
}

// wildfireCluster invents a cluster of n reports of one wildfire season:
// a shared lead, then sentences varied by district, figure, official and
// day, some shared between outlets and most not.
func wildfireCluster(n int) []article {
	r := rand.New(rand.NewPCG(7, 11))
	districts := []string{"Alder Ridge", "Brookfield", "Cedar Hollow", "Dunmore", "Elk Valley", "Fairhaven", "Granite Pass", "Hollins"}
	officials := []string{"Fire Chief Maria Delgado", "Governor Thomas Reed", "county spokesman Alan Pryce", "forester Ruth Okonjo", "Mayor Samir Haddad"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	things := []string{"homes", "barns", "power lines", "bridges", "schools", "vineyards"}
	verbs := []string{"destroyed", "damaged", "threatened", "reached"}
	var out []article
	for i := range n {
		paras := []string{
			fmt.Sprintf("A wildfire driven by strong winds burned across the hills of Pine County on %s, forcing thousands of residents to leave their homes.", days[i%len(days)]),
		}
		for k := range 28 {
			d := districts[r.IntN(len(districts))]
			switch r.IntN(6) {
			case 0:
				paras = append(paras, fmt.Sprintf("The fire %s %d %s in %s overnight, %s said on %s.", verbs[r.IntN(len(verbs))], 5+r.IntN(200), things[r.IntN(len(things))], d, officials[r.IntN(len(officials))], days[r.IntN(len(days))]))
			case 1:
				paras = append(paras, fmt.Sprintf("\"We are asking everyone in %s to follow the evacuation orders without delay,\" %s told reporters.", d, officials[r.IntN(len(officials))]))
			case 2:
				paras = append(paras, fmt.Sprintf("Crews from %d counties cut fire breaks along the road to %s as the wind turned toward the %s.", 2+r.IntN(9), d, districts[r.IntN(len(districts))]))
			case 3:
				paras = append(paras, fmt.Sprintf("About %d people spent the night in a shelter at the %s community centre, where volunteers served meals.", 50+r.IntN(900), d))
			case 4:
				paras = append(paras, fmt.Sprintf("The fire had burned %d hectares by %s evening and was %d percent contained, the forestry service said.", 1000+r.IntN(20000), days[r.IntN(len(days))], r.IntN(80)))
			default:
				paras = append(paras, fmt.Sprintf("Residents of %s said the smoke was so thick on day %d that the street lights stayed on at noon.", d, k+1))
			}
		}
		out = append(out, article{
			id: fmt.Sprintf("fire-%02d", i), outlet: fmt.Sprintf("Pine County Outlet %d", i),
			title:     fmt.Sprintf("Wildfire forces evacuations across Pine County, report %d", i),
			published: time.Date(2031, 8, 1+i%6, 6+i%12, 0, 0, 0, time.UTC).Format(time.RFC3339),
			paras:     paras,
		})
	}
	return out
}

// BenchmarkWrite measures the extractive backend alone, on 25 invented
// reports: the corpus and fact table are built before the timer starts.
func BenchmarkWrite(b *testing.B) {
	c, tab := build(b, wildfireCluster(25))
	w := extractive.New(briefing.NewVerifier())
	req := briefing.Request{Corpus: c, Table: tab, MinConfidence: 0.5}
	ctx := context.Background()
	first, err := w.Write(ctx, req)
	if err != nil {
		b.Fatal(err)
	}
	checkBriefing(b, first, c, 0)
	if n := len(items(first, briefing.SectionKeyPoints)); n < 3 {
		b.Fatalf("the benchmark cluster gives %d key points", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Write(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

// A key point that states one side of a reported contradiction carries
// the conflict id, so no renderer shows its figure as agreed.
func TestWriteFlagsDisputedLines(t *testing.T) {
	c, tab := flood(t)
	b := write(t, c, tab, 250, "")
	shown := map[string]bool{}
	for _, it := range items(b, briefing.SectionDisputed) {
		shown[it.Conflict] = true
	}
	if len(shown) == 0 {
		t.Fatal("the flood corpus reports no dispute")
	}
	flagged := 0
	for _, id := range []string{briefing.SectionKeyPoints, briefing.SectionBackground} {
		for _, it := range items(b, id) {
			states := strings.Contains(it.Text, "killed 12") || strings.Contains(it.Text, "killed 21")
			if states && !shown[it.Disputed] {
				t.Errorf("%q states a disputed toll but is not flagged (disputed=%q)", it.Text, it.Disputed)
			}
			if it.Disputed != "" {
				flagged++
				if !shown[it.Disputed] {
					t.Errorf("%q flagged with %q, which the page does not report", it.Text, it.Disputed)
				}
			}
		}
	}
	t.Logf("%d lines flagged", flagged)
}

// Words are given to a speaker only where the quoting sentence names
// them: a senator repeating another's words, or a "she said" resolved
// from earlier text, must not make the page misattribute them.
func TestWriteQuotesNeverMisattributed(t *testing.T) {
	arts := []article{
		{id: "a", outlet: "Valley Times", published: "2024-06-03", paras: []string{
			"The state senate rejected the farm relief bill on Monday by a vote of 21 to 18.",
			"Senator Ana Lopez, who wrote the bill, spoke for an hour before the vote.",
			"\"This bill would have saved hundreds of our family farms from ruin,\" she said.",
		}},
		{id: "b", outlet: "Capitol Report", published: "2024-06-03", paras: []string{
			"The farm relief bill failed in the state senate on Monday, 21 votes to 18.",
			"Senator John Reed led the opposition and mocked the promise that \"this bill would have saved hundreds of our family farms from ruin\" as a fantasy.",
		}},
		{id: "c", outlet: "Farm Weekly", published: "2024-06-04", paras: []string{
			"Lawmakers voted 21 to 18 on Monday to reject the farm relief bill.",
			"Growers' groups said they would ask the governor to call a special session in July.",
		}},
	}
	c, tab := build(t, arts)
	b := write(t, c, tab, 120, "")
	for _, it := range items(b, briefing.SectionQuotes) {
		if strings.Contains(it.Quote, "family farms") && !strings.Contains(it.Speaker, "Lopez") {
			t.Errorf("Lopez's words given to %q: %q", it.Speaker, it.Text)
		}
	}
}
