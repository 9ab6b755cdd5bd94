package dedup

import (
	"math"
	"reflect"
	"testing"
)

// drop is the part of a ParagraphDrop the tables pin down; Similarity is
// checked against a floor because it is a measured value.
type drop struct {
	index, of int
	reason    string
	minSim    float64
}

func checkDrops(t *testing.T, paras []string, got []ParagraphDrop, want []drop) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d drops, want %d:", len(got), len(want))
		for _, d := range got {
			t.Errorf("  dropped %d (%.50q) as %s of %d, similarity %.3f", d.Index, paras[d.Index], d.Reason, d.Of, d.Similarity)
		}
		return
	}
	for i, w := range want {
		g := got[i]
		if g.Index != w.index || g.Of != w.of || g.Reason != w.reason {
			t.Errorf("drop %d: got paragraph %d as %s of %d, want %d as %s of %d", i, g.Index, g.Reason, g.Of, w.index, w.reason, w.of)
		}
		if g.Similarity < w.minSim || g.Similarity > 1 {
			t.Errorf("drop %d: similarity %.3f, want in [%v, 1]", i, g.Similarity, w.minSim)
		}
		if g.Reason == ReasonDuplicate && g.Similarity != 1 {
			t.Errorf("drop %d: exact duplicate with similarity %v", i, g.Similarity)
		}
	}
}

func TestParagraphs(t *testing.T) {
	headline := "Pentagon chief in Iraq ahead of 20th anniversary of invasion"
	standfirst := "Defence Secretary Lloyd Austin said US troops were ready to remain in Iraq at the invitation of the government in Baghdad, a thorny issue that has divided opinion in both countries."
	lede := "US Defence Secretary Lloyd Austin made an unannounced visit to Baghdad on Tuesday, barely two weeks before the 20th anniversary of the US-led invasion that toppled Saddam Hussein."
	body1 := "\"This is a critical mission and we are proud to support our Iraqi partners,\" Austin said after meeting Prime Minister Mohammed Shia al-Sudani, adding that he was optimistic about the partnership."
	body2 := "There are currently about 2,500 US soldiers deployed in Iraq, where bases hosting coalition forces have repeatedly come under rocket and drone attacks blamed on pro-Iranian factions."
	body3 := "The Islamic State group seized roughly a third of Iraq in 2014 before its defeat more than three years later, but sleeper cells still carry out attacks in remote areas."

	tests := []struct {
		name  string
		paras []string
		want  []drop
	}{
		{
			name:  "standfirst repeated as the next paragraph, with curly quotes",
			paras: []string{headline, standfirst, "Defence Secretary Lloyd Austin said US troops were “ready to remain” in Iraq at the invitation of the government in Baghdad – a thorny issue that has divided opinion in both countries", lede, body1},
			want:  []drop{{2, 1, ReasonDuplicate, 1}},
		},
		{
			name:  "lede repeated at the end, cut off with ...",
			paras: []string{headline, lede, body1, body2, body3, "US Defence Secretary Lloyd Austin made an unannounced visit to Baghdad on Tuesday, barely two weeks before the 20th anni..."},
			want:  []drop{{5, 1, ReasonRepeatedLede, 1}},
		},
		{
			name:  "standfirst and lede both repeated at the end, the last cut with …",
			paras: []string{headline, standfirst, lede, body1, body2, lede, "Defence Secretary Lloyd Austin said US troops were ready to remain in Iraq at the invitation of the government in Bagh…"},
			want:  []drop{{5, 2, ReasonRepeatedLede, 1}, {6, 1, ReasonRepeatedLede, 0.9}},
		},
		{
			name:  "repeat of the lede in the middle is a plain duplicate",
			paras: []string{headline, lede, body1, lede, body2},
			want:  []drop{{3, 1, ReasonDuplicate, 1}},
		},
		{
			name:  "near-duplicate paragraph with one word changed",
			paras: []string{headline, lede, body1, body2, "There are currently about 2,500 US troops deployed in Iraq, where bases hosting coalition forces have repeatedly come under rocket and drone attacks blamed on pro-Iranian factions.", body3},
			want:  []drop{{4, 3, ReasonNearDuplicate, 0.7}},
		},
		{
			name:  "pull quote contained in an earlier paragraph",
			paras: []string{headline, lede, body1, body2, "This is a critical mission and we are proud to support our Iraqi partners", body3},
			want:  []drop{{4, 2, ReasonNearDuplicate, 1}},
		},
		{
			name:  "different short paragraphs that share words are kept",
			paras: []string{"Austin met Sudani in Baghdad.", "Sudani met Austin in Erbil.", "Austin left Baghdad on Tuesday evening.", "Austin arrived in Baghdad on Tuesday morning.", lede},
			want:  nil,
		},
		{
			name:  "different long paragraphs about the same people are kept",
			paras: []string{lede, body1, "Austin also met Prime Minister Mohammed Shia al-Sudani's defence minister, Thabet al-Abbasi, to discuss the training mission and the protection of bases hosting US forces in Iraq.", body2},
			want:  nil,
		},
		{
			name:  "short line repeated exactly is dropped",
			paras: []string{"Read also:", lede, "Read also:", body1},
			want:  []drop{{2, 0, ReasonDuplicate, 1}},
		},
		{
			name:  "short lines one word apart are kept",
			paras: []string{"Iraq news", lede, "Syria news", body1},
			want:  nil,
		},
		{
			name:  "blank paragraphs are ignored",
			paras: []string{"", lede, "  ", body1, "…", lede},
			want:  []drop{{5, 1, ReasonRepeatedLede, 1}},
		},
		{
			name:  "nothing repeated",
			paras: []string{headline, standfirst, lede, body1, body2, body3},
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDrops(t, tt.paras, Paragraphs(tt.paras, DefaultParams()), tt.want)
		})
	}
}

// The seed article from L'Orient-Le Jour as scraped: the standfirst
// reappears under the photo caption, and the page ends by repeating the
// lede and the standfirst, the latter cut off at "at Baghdad's...".
func TestParagraphsScrapedSeedArticle(t *testing.T) {
	paras := iraqParagraphs(t, "000_451345e76f8269f1.txt")
	last := len(paras) - 1
	checkDrops(t, paras, Paragraphs(paras, DefaultParams()), []drop{
		{6, 3, ReasonDuplicate, 1},
		{last - 1, 5, ReasonRepeatedLede, 1},
		{last, 3, ReasonRepeatedLede, 1},
	})
}

// The other seed articles repeat nothing.
func TestParagraphsCleanSeedArticles(t *testing.T) {
	for _, name := range []string{"001_9c29b4ed53a64ff3.txt", "002_68d94c651c4fe79d.txt", "003_77279b7efb73aeea.txt", "004_8536535d0183ecde.txt"} {
		paras := iraqParagraphs(t, name)
		if got := Paragraphs(paras, DefaultParams()); len(got) != 0 {
			checkDrops(t, paras, got, nil)
		}
	}
}

func TestParagraphsThresholdIsHonoured(t *testing.T) {
	a := "There are currently about 2,500 US soldiers deployed in Iraq, where bases hosting coalition forces have repeatedly come under rocket and drone attacks blamed on pro-Iranian factions."
	b := "There are currently about 2,500 US troops deployed in Iraq, where bases hosting coalition forces have repeatedly come under rocket and drone attacks blamed on pro-Iranian factions."
	got := Paragraphs([]string{a, b}, DefaultParams())
	if len(got) != 1 {
		t.Fatalf("default threshold: %d drops, want 1", len(got))
	}
	sim := got[0].Similarity
	// 29 words ("2,500" is two), one changed: 3 of 27 shingles differ on
	// each side, so 24 shared of 30.
	if want := 24.0 / 30; math.Abs(sim-want) > 1e-9 {
		t.Errorf("similarity %v, want exact 3-shingle Jaccard %v", sim, want)
	}
	strict := DefaultParams()
	strict.ParagraphThreshold = 0.95
	if got := Paragraphs([]string{a, b}, strict); len(got) != 0 {
		t.Errorf("threshold 0.95: dropped %+v", got)
	}
}

// Paragraphs has no error to return: unusable settings mean the defaults.
func TestParagraphsInvalidParamsMeanDefaults(t *testing.T) {
	paras := iraqParagraphs(t, "000_451345e76f8269f1.txt")
	want := Paragraphs(paras, DefaultParams())
	for _, p := range []Params{{}, {ParagraphThreshold: -1, PassageShingle: -2}, {ParagraphThreshold: 7}} {
		if got := Paragraphs(paras, p); !reflect.DeepEqual(got, want) {
			t.Errorf("Paragraphs with %+v: %+v, want the defaults' %+v", p, got, want)
		}
	}
}
