package briefing

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/brieftool/brief/summarize"
)

// verifySeedCorpus is built once: the five reports of Lloyd Austin's March 2023
// visit to Iraq. Most put US troops in Iraq at 2,500; one says about
// 2,000.
var verifySeedCorpus = sync.OnceValues(func() (*summarize.Corpus, error) {
	return summarize.Build(context.Background(), []string{filepath.Join("..", "testdata", "iraq-visit")}, summarize.Options{})
})

func loadVerifySeeds(tb testing.TB) *summarize.Corpus {
	tb.Helper()
	c, err := verifySeedCorpus()
	if err != nil {
		tb.Fatal(err)
	}
	if len(c.Sources) != 5 {
		tb.Fatalf("seed corpus has %d sources, want 5", len(c.Sources))
	}
	return c
}

// verifySeedBuilder writes citations whose evidence is found in the sources'
// own text, so that the offsets are right by construction.
type verifySeedBuilder struct {
	tb testing.TB
	c  *summarize.Corpus
}

// cite cites source n (1-based, corpus order) for the span of its text
// that reads exactly as evidence; At is set by claimItem.
func (sb verifySeedBuilder) cite(n int, evidence string) Citation {
	sb.tb.Helper()
	src := sb.c.Sources[n-1]
	k := strings.Index(src.Text, evidence)
	if k < 0 {
		sb.tb.Fatalf("source %d does not contain %q", n, evidence)
	}
	return Citation{N: n, Source: src.ID, Evidence: []Evidence{{Start: k, End: k + len(evidence), Text: evidence}}}
}

// claimItem backs all of text with cites.
func claimItem(text string, cites ...Citation) Item {
	for i := range cites {
		cites[i].At = len(text)
	}
	return Item{Text: text, Citations: cites}
}

// after sets the citations' At to the end of the first occurrence of
// marker in text.
func citedAt(text, marker string, cites ...Citation) []Citation {
	at := strings.Index(text, marker) + len(marker)
	for i := range cites {
		cites[i].At = at
	}
	return cites
}

// Evidence sentences of the seed corpus, by source number.
const (
	s1Remain    = `Defense Secretary Austin also told Iraqi Prime Minister Mohammed Shia al-Sudani that US troops were "ready to remain" in the country at Baghdad's invitation, a thorny issue that has divided public opinion in both countries.`
	s1Optimist  = `"I am optimistic about the future of our partnership," Austin told reporters in Baghdad after meetings with Sudani and Iraqi Defense Minister Thabet al-Abbasi.`
	s1Troops    = `Iraq announced the end of combat operations by US-led coalition forces at the end of 2021 but some 2,500 American non-combat troops remain deployed to provide advice and training.`
	s2Arrived   = `US Defense Secretary Lloyd Austin arrived in Iraq on Tuesday on an unannounced visit barely two weeks before the 20th anniversary of the US-led invasion that toppled Saddam Hussein.`
	s2Troops    = `The defense secretary is expected to meet top officials during his visit to Iraq, which is home to about 2,000 of American troops.`
	s2Repatr    = `Iraq has repatriated more than 500 women and children from al-Hol over the past weeks.`
	s3Trip      = `The US Defense Secretary, Lloyd Austin, visited the Iraqi capital Baghdad on an unannounced trip on 7 March, during which he confirmed Washington’s commitment to maintaining its military presence in the country.`
	s3Remain    = `“US forces are ready to remain in Iraq at the invitation of the government of Iraq … The United States will continue to strengthen and broaden our partnership in support of Iraqi security, stability, and sovereignty,” Austin told reporters following a meeting with Iraqi Prime Minister Mohammed Shia al Sudani.`
	s3Erbil     = `The US Defense Secretary also visited Erbil in the Iraqi Kurdistan Region (IKR) and met with the President of the Kurdistan Regional Government (KRG), Nechirivan Barzani, during which Austin stressed the need for cooperation between the KRG and Baghdad.`
	s4Surprise  = `US Defence Secretary Lloyd Austin said on Tuesday that US troops would remain in Iraq, as the Pentagon cheif made a surprise visit ahead of the 20th anniversary of the US-led invasion that toppled Saddam Hussein.`
	s4Remain    = `"The US forces are ready to remain in Iraq at the invitation of the government of Iraq," Austin said in Baghdad, following his meeting with Prime Minister Mohammed Shia al-Sudani.`
	s4IS        = `The conflict spawned the Islamic State Sunni extremist group, which controlled large parts of Iraq and Syria in 2014.`
	s4Troops    = `There are currently some 2,500 US soldiers deployed in Iraq, who use Iraqi bases that have been repeatedly attacked by rockets.`
	s4Contested = `The US military deployment is a contentious issue in Iraq.`
	s5Trip      = `US Defense Secretary Lloyd Austin made an unannounced trip to Iraq on March 7 in a visit an official said was aimed at showing that Washington was committed to keeping its military presence there nearly 20 years after the US-led invasion toppled Saddam Hussein.`
	s5Killed    = `The 2003 invasion killed tens of thousands of Iraqi civilians and led to instability that eventually paved the way for the rise of Islamic State militants after the US withdrew its forces in 2011, Reuters reports.`
	s5General   = `Austin, the most senior official in President Joe Biden’s administration to visit Iraq, was the last commanding general of US forces there after the invasion.`
	s5Reaffirm  = `“I'm here to reaffirm the US-Iraq strategic partnership as we move toward a more secure, stable, and sovereign Iraq,” Austin said.`
	s5Troops    = `The United States currently has 2,500 troops in Iraq - and an additional 900 in Syria - to help advise and assist local troops in combating Islamic State militants, who had seized large swathes of territory in 2014 in both countries.`
)

// Claims of the seed briefing that the corruptions below rewrite.
const (
	kTroops   = "Some 2,500 US troops remain in Iraq."
	kDispute  = "US troops in Iraq: 2,500 against about 2,000."
	kQuote    = "Austin: “I am optimistic about the future of our partnership”"
	kBroaden  = "Austin said the United States will continue to “strengthen and broaden” its partnership with Iraq."
	kBarzani  = "Austin also visited Erbil and met Nechirvan Barzani, the president of the Kurdistan Regional Government."
	kGeneral  = "Austin was the last commanding general of US forces in Iraq after the invasion."
	kMarch7   = "Lloyd Austin made an unannounced trip to Iraq on March 7."
	kHeadline = "US Defense Secretary Lloyd Austin made a surprise visit to Iraq ahead of the 20th anniversary of the US-led invasion."
)

// verifySeedBriefing is a correct briefing written by hand from the seeds:
// every sentence cites each source that states it.
func verifySeedBriefing(tb testing.TB, c *summarize.Corpus) *Briefing {
	tb.Helper()
	sb := verifySeedBuilder{tb, c}
	b := &Briefing{Backend: "test"}
	for i, s := range c.Sources {
		b.Sources = append(b.Sources, SourceRef{N: i + 1, ID: s.ID, Title: s.Title, Group: s.Group})
	}
	b.Headline = claimItem(kHeadline, sb.cite(2, s2Arrived), sb.cite(4, s4Surprise))
	dispute := Item{Text: kDispute, Conflict: "c1"}
	dispute.Citations = append(citedAt(kDispute, "2,500", sb.cite(1, s1Troops), sb.cite(4, s4Troops), sb.cite(5, s5Troops)),
		citedAt(kDispute, "2,000", sb.cite(2, s2Troops))...)
	quoted := claimItem(kQuote, sb.cite(1, s1Optimist))
	quoted.Speaker, quoted.Quote = "Austin", "I am optimistic about the future of our partnership"
	b.Sections = []Section{
		{ID: SectionKeyPoints, Title: "Key points", Items: []Item{
			claimItem("Austin told Iraqi Prime Minister Mohammed Shia al-Sudani that US forces were ready to remain in Iraq at the invitation of the Iraqi government.",
				sb.cite(1, s1Remain), sb.cite(3, s3Remain), sb.cite(4, s4Remain)),
			claimItem(kTroops, sb.cite(1, s1Troops), sb.cite(4, s4Troops), sb.cite(5, s5Troops)),
			claimItem(kBroaden, sb.cite(3, s3Remain)),
			claimItem(kBarzani, sb.cite(3, s3Erbil)),
			claimItem(kGeneral, sb.cite(5, s5General)),
			claimItem(kMarch7, sb.cite(3, s3Trip), sb.cite(5, s5Trip)),
		}},
		{ID: SectionDisputed, Title: "Where sources differ", Items: []Item{dispute}},
		{ID: SectionQuotes, Title: "Notable quotes", Items: []Item{quoted}},
		{ID: SectionBackground, Title: "Background", Items: []Item{
			claimItem("The 2003 invasion killed tens of thousands of Iraqi civilians, Reuters reports.", sb.cite(5, s5Killed)),
			claimItem("The Islamic State group seized large parts of Iraq and Syria in 2014.", sb.cite(4, s4IS), sb.cite(5, s5Troops)),
			claimItem("Iraq has repatriated more than 500 women and children from al-Hol.", sb.cite(2, s2Repatr)),
		}},
	}
	return b
}

// cloneForVerify is a deep copy, so that a corruption never leaks into the
// next case.
func cloneForVerify(tb testing.TB, b *Briefing) *Briefing {
	tb.Helper()
	data, err := json.Marshal(b)
	if err != nil {
		tb.Fatal(err)
	}
	var out Briefing
	if err := json.Unmarshal(data, &out); err != nil {
		tb.Fatal(err)
	}
	return &out
}

func countCites(b *Briefing) int {
	n := len(b.Headline.Citations)
	for _, s := range b.Sections {
		for _, it := range s.Items {
			n += len(it.Citations)
		}
	}
	return n
}

// eachItem visits the headline, then the sections' items, with a label
// that names the item.
func eachItem(b *Briefing, f func(label string, it Item)) {
	f("headline", b.Headline)
	for _, s := range b.Sections {
		for _, it := range s.Items {
			f(s.ID+": "+it.Text, it)
		}
	}
}

// eachCite visits the headline's citations, then the sections', with
// a label that names the item.
func eachCite(b *Briefing, f func(label string, c Citation)) {
	for _, c := range b.Headline.Citations {
		f("headline", c)
	}
	for _, s := range b.Sections {
		for _, it := range s.Items {
			for _, c := range it.Citations {
				f(s.ID+": "+it.Text, c)
			}
		}
	}
}

func TestVerifySeedBriefing(t *testing.T) {
	c := loadVerifySeeds(t)
	for _, drop := range []bool{false, true} {
		b := verifySeedBriefing(t, c)
		n := countCites(b)
		got := NewVerifier().Verify(b, c, VerifyOptions{Drop: drop})
		want := Verification{Checked: n, Verified: n, Sentences: 12, Passed: 12}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(b.Verification, want) {
			t.Errorf("drop=%v: got %+v (stored %+v), want %+v", drop, got, b.Verification, want)
		}
		eachCite(b, func(label string, cit Citation) {
			if cit.Status != StatusVerified {
				t.Errorf("drop=%v: %s [%d]: %s", drop, label, cit.N, cit.Status)
			}
		})
		eachItem(b, func(label string, it Item) {
			if it.Verdict != VerdictSupported || it.Reason != "" {
				t.Errorf("drop=%v: %s: verdict %q (%s)", drop, label, it.Verdict, it.Reason)
			}
		})
		if countCites(b) != n || len(b.Sections) != 4 {
			t.Errorf("drop=%v: a verified briefing was changed", drop)
		}
	}
}

// citeRef names one citation: the section (-1 for the headline), the item
// and the citation's index in it.
type citeRef struct{ section, item, cite int }

func (r citeRef) in(b *Briefing) *Item {
	if r.section < 0 {
		return &b.Headline
	}
	return &b.Sections[r.section].Items[r.item]
}

const (
	vSecKey = iota
	vSecDisputed
	vSecQuotes
	vSecBackground
)

// Items of the seed briefing, by section and index.
var (
	refRemain  = citeRef{vSecKey, 0, 0}
	refTroops  = citeRef{vSecKey, 1, 0}
	refBroaden = citeRef{vSecKey, 2, 0}
	refBarzani = citeRef{vSecKey, 3, 0}
	refGeneral = citeRef{vSecKey, 4, 0}
	refMarch7  = citeRef{vSecKey, 5, 0}
	refIS      = citeRef{vSecBackground, 1, 0}
	refRepatr  = citeRef{vSecBackground, 2, 0}
)

func (r citeRef) at(cite int) citeRef { r.cite = cite; return r }

// setClaimText rewrites an item's text, keeping every citation at the
// end.
func setClaimText(b *Briefing, r citeRef, text string) {
	it := r.in(b)
	it.Text = text
	for i := range it.Citations {
		it.Citations[i].At = len(text)
	}
}

func TestVerifyCatchesCorruptions(t *testing.T) {
	c := loadVerifySeeds(t)
	sb := verifySeedBuilder{t, c}
	base := verifySeedBriefing(t, c)
	tests := []struct {
		name string
		// corrupt changes a copy of the seed briefing.
		corrupt func(b *Briefing)
		// bad are the citations that must fail, each with reason.
		bad    []citeRef
		reason string
		// droppedItems is how many sentences Drop must remove.
		droppedItems int
	}{
		{
			name: "citation moved to a source that does not say it",
			corrupt: func(b *Briefing) {
				refGeneral.in(b).Citations[0] = citedAt(kGeneral, ".", sb.cite(4, s4Contested))[0]
			},
			bad: []citeRef{refGeneral}, reason: "name Austin not in evidence", droppedItems: 1,
		},
		{
			name:    "number does not match the source id",
			corrupt: func(b *Briefing) { refRemain.at(1).in(b).Citations[1].N = 2 },
			bad:     []citeRef{refRemain.at(1)}, reason: "number does not match source id",
		},
		{
			name:    "number past the source list",
			corrupt: func(b *Briefing) { refRemain.at(1).in(b).Citations[1].N = 9 },
			bad:     []citeRef{refRemain.at(1)}, reason: "number does not match source id",
		},
		{
			name:    "unknown source id",
			corrupt: func(b *Briefing) { refIS.at(1).in(b).Citations[1].Source = "999_0000000000000000" },
			bad:     []citeRef{refIS.at(1)}, reason: "unknown source",
		},
		{
			name: "evidence offsets shifted by three bytes",
			corrupt: func(b *Briefing) {
				e := &refMarch7.in(b).Citations[0].Evidence[0]
				e.Start += 3
				e.End += 3
			},
			bad: []citeRef{refMarch7}, reason: "evidence not in source",
		},
		{
			name: "evidence text altered",
			corrupt: func(b *Briefing) {
				e := &refTroops.at(2).in(b).Citations[2].Evidence[0]
				e.Text = strings.Replace(e.Text, "2,500", "3,500", 1)
			},
			bad: []citeRef{refTroops.at(2)}, reason: "evidence not in source",
		},
		{
			name: "evidence span starts inside a UTF-8 sequence",
			corrupt: func(b *Briefing) {
				// s3Remain opens with “, three bytes long.
				e := &refBroaden.in(b).Citations[0].Evidence[0]
				e.Start++
				e.Text = c.Sources[2].Text[e.Start:e.End]
			},
			bad: []citeRef{refBroaden}, reason: "evidence not in source", droppedItems: 1,
		},
		{
			name:    "no evidence",
			corrupt: func(b *Briefing) { refRepatr.in(b).Citations[0].Evidence = nil },
			bad:     []citeRef{refRepatr}, reason: "evidence not in source", droppedItems: 1,
		},
		{
			name:    "number changed in the claim",
			corrupt: func(b *Briefing) { setClaimText(b, refTroops, strings.Replace(kTroops, "2,500", "3,500", 1)) },
			bad:     []citeRef{refTroops, refTroops.at(1), refTroops.at(2)}, reason: "number 3,500 not in evidence", droppedItems: 1,
		},
		{
			name: "number from the other side of the dispute",
			corrupt: func(b *Briefing) {
				refTroops.in(b).Citations = citedAt(kTroops, ".", sb.cite(2, s2Troops))
			},
			bad: []citeRef{refTroops}, reason: "number 2,500 not in evidence", droppedItems: 1,
		},
		{
			name: "the other side's source cited for the majority figure",
			corrupt: func(b *Briefing) {
				ds := citeRef{vSecDisputed, 0, 0}.in(b)
				ds.Citations[1] = citedAt(kDispute, "2,500", sb.cite(2, s2Troops))[0]
			},
			bad: []citeRef{{vSecDisputed, 0, 1}}, reason: "number 2,500 not in evidence",
		},
		{
			name: "quote wording changed inside the quote marks",
			corrupt: func(b *Briefing) {
				setClaimText(b, citeRef{vSecQuotes, 0, 0}, strings.Replace(kQuote, "optimistic", "hopeful", 1))
			},
			bad: []citeRef{{vSecQuotes, 0, 0}}, reason: "quote not found verbatim", droppedItems: 1,
		},
		{
			name: "paraphrase presented as a quote",
			corrupt: func(b *Briefing) {
				setClaimText(b, refBroaden, strings.Replace(kBroaden, "strengthen and broaden", "deepen and widen", 1))
			},
			bad: []citeRef{refBroaden}, reason: "quote not found verbatim", droppedItems: 1,
		},
		{
			name:    "another person named",
			corrupt: func(b *Briefing) { setClaimText(b, refGeneral, strings.Replace(kGeneral, "Austin", "Blinken", 1)) },
			bad:     []citeRef{refGeneral}, reason: "name Blinken not in evidence", droppedItems: 1,
		},
		{
			name: "another given name for the same surname",
			corrupt: func(b *Briefing) {
				setClaimText(b, refBarzani, strings.Replace(kBarzani, "Nechirvan", "Masrour", 1))
			},
			bad: []citeRef{refBarzani}, reason: "name Masrour Barzani not in evidence", droppedItems: 1,
		},
		{
			name: "negation inserted",
			corrupt: func(b *Briefing) {
				setClaimText(b, refGeneral, strings.Replace(kGeneral, "was the", "was not the", 1))
			},
			bad: []citeRef{refGeneral}, reason: "negation differs", droppedItems: 1,
		},
		{
			name: "did not visit",
			corrupt: func(b *Briefing) {
				setClaimText(b, refMarch7, strings.Replace(kMarch7, "made an unannounced trip to", "did not visit", 1))
			},
			bad: []citeRef{refMarch7, refMarch7.at(1)}, reason: "negation differs", droppedItems: 1,
		},
		{
			name:    "date changed",
			corrupt: func(b *Briefing) { setClaimText(b, refMarch7, strings.Replace(kMarch7, "March 7", "March 9", 1)) },
			bad:     []citeRef{refMarch7, refMarch7.at(1)}, reason: "date March 9 contradicts evidence", droppedItems: 1,
		},
		{
			name: "unrelated sentence of the same source",
			corrupt: func(b *Briefing) {
				refGeneral.in(b).Citations[0] = citedAt(kGeneral, ".", sb.cite(5, s5Reaffirm))[0]
			},
			bad: []citeRef{refGeneral}, reason: "too few claim words in evidence", droppedItems: 1,
		},
		{
			name:    "marker past the end of the sentence",
			corrupt: func(b *Briefing) { refGeneral.in(b).Citations[0].At = len(kGeneral) + 5 },
			bad:     []citeRef{refGeneral}, reason: "citation offset out of range", droppedItems: 1,
		},
		{
			name: "headline number changed",
			corrupt: func(b *Briefing) {
				setClaimText(b, citeRef{-1, 0, 0}, strings.Replace(kHeadline, "20th", "25th", 1))
			},
			bad: []citeRef{{-1, 0, 0}, {-1, 0, 1}}, reason: "number 25th not in evidence", droppedItems: 1,
		},
	}
	v := NewVerifier()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Marking only: every citation keeps its place, the bad ones
			// say why.
			b := cloneForVerify(t, base)
			tt.corrupt(b)
			total := countCites(b)
			res := v.Verify(b, c, VerifyOptions{Mark: true})
			want := Verification{Checked: total, Verified: total - len(tt.bad), Sentences: 12, Passed: 12 - tt.droppedItems, Marked: tt.droppedItems}
			if !reflect.DeepEqual(res, want) {
				t.Errorf("marking: got %+v, want %+v", res, want)
			}
			// The items drop would remove are the ones marked, each
			// with the reason of its failing citation.
			marked := 0
			eachItem(b, func(label string, it Item) {
				switch {
				case it.Verdict == VerdictUnsupported:
					marked++
					if !strings.HasPrefix(it.Reason, tt.reason) {
						t.Errorf("marking: %s: reason %q, want %q", label, it.Reason, tt.reason)
					}
				case it.Verdict != VerdictSupported || it.Reason != "":
					t.Errorf("marking: %s: verdict %q, reason %q", label, it.Verdict, it.Reason)
				}
			})
			if marked != tt.droppedItems {
				t.Errorf("marking: %d items unsupported, want %d", marked, tt.droppedItems)
			}
			bad := map[citeRef]bool{}
			for _, r := range tt.bad {
				bad[r] = true
				got := r.in(b).Citations[r.cite].Status
				if !strings.HasPrefix(got, tt.reason) {
					t.Errorf("citation %+v: status %q, want %q", r, got, tt.reason)
				}
			}
			eachCiteRef(b, func(r citeRef, cit Citation) {
				if !bad[r] && cit.Status != StatusVerified {
					t.Errorf("citation %+v should verify: %s", r, cit.Status)
				}
			})

			// Dropping: only the bad citations go, and the sentences
			// they leave uncited.
			b = cloneForVerify(t, base)
			tt.corrupt(b)
			res = v.Verify(b, c, VerifyOptions{Drop: true, Mark: true}) // Mark is ignored
			rejected := res.Rejected
			res.Rejected = nil
			want = Verification{Checked: total, Verified: total - len(tt.bad), Dropped: len(tt.bad), DroppedItems: tt.droppedItems, Sentences: 12, Passed: 12 - tt.droppedItems}
			if !reflect.DeepEqual(res, want) {
				t.Errorf("dropping: got %+v, want %+v", res, want)
			}
			if len(rejected) != tt.droppedItems {
				t.Errorf("dropping: rejected %+v, want %d", rejected, tt.droppedItems)
			}
			for _, r := range rejected {
				if !strings.HasPrefix(r.Reason, tt.reason) || r.Text == "" || r.Section == "" {
					t.Errorf("dropping: rejected %+v, want reason %q", r, tt.reason)
				}
			}
			left := 0
			eachCite(b, func(label string, cit Citation) {
				left++
				if cit.Status != StatusVerified {
					t.Errorf("dropping kept a failing citation: %s [%d] %s", label, cit.N, cit.Status)
				}
			})
			// Every dropped sentence had only bad citations, so nothing
			// valid may go with it.
			if want := total - len(tt.bad); left != want {
				t.Errorf("dropping left %d citations, want %d", left, want)
			}
		})
	}
}

// eachCiteRef visits every citation with its citeRef.
func eachCiteRef(b *Briefing, f func(r citeRef, c Citation)) {
	for k, cit := range b.Headline.Citations {
		f(citeRef{-1, 0, k}, cit)
	}
	for si, s := range b.Sections {
		for ii, it := range s.Items {
			for k, cit := range it.Citations {
				f(citeRef{si, ii, k}, cit)
			}
		}
	}
}

func TestVerifyDropsEmptiedItemsAndSections(t *testing.T) {
	c := loadVerifySeeds(t)
	b := verifySeedBriefing(t, c)
	total := countCites(b)
	// Every citation of the dispute and of the quote fails: both items
	// go, and with them their sections.
	ds := &b.Sections[vSecDisputed].Items[0]
	ds.Text = strings.Replace(strings.Replace(ds.Text, "2,500", "3,500", 1), "2,000", "3,000", 1)
	qt := &b.Sections[vSecQuotes].Items[0]
	setClaimText(b, citeRef{vSecQuotes, 0, 0}, strings.Replace(qt.Text, "future", "past", 1))
	// The headline loses one of its two citations and stays.
	b.Headline.Citations[1].Source = "nope"

	res := Verify(b, c, VerifyOptions{Drop: true})
	want := Verification{Checked: total, Verified: total - 6, Dropped: 6, DroppedItems: 2, Sentences: 12, Passed: 10, Rejected: []Rejected{
		{Section: SectionDisputed, Text: ds.Text, Reason: "number 3,500 not in evidence"},
		{Section: SectionQuotes, Text: strings.Replace(kQuote, "future", "past", 1), Reason: "quote not found verbatim"},
	}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("got %+v, want %+v", res, want)
	}
	var ids []string
	for _, s := range b.Sections {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, ","); got != SectionKeyPoints+","+SectionBackground {
		t.Errorf("sections left: %s", got)
	}
	if b.Headline.Text != kHeadline || len(b.Headline.Citations) != 1 {
		t.Errorf("headline: %q with %d citations", b.Headline.Text, len(b.Headline.Citations))
	}
}

func TestVerifyDispute(t *testing.T) {
	c := loadVerifySeeds(t)
	sb := verifySeedBuilder{t, c}
	tests := []struct {
		name         string
		cites        []Citation
		wantStatus   []string
		droppedItems int
	}{
		{
			name:       "each side cites its own sources",
			cites:      append(citedAt(kDispute, "2,500", sb.cite(4, s4Troops)), citedAt(kDispute, "2,000", sb.cite(2, s2Troops))...),
			wantStatus: []string{StatusVerified, StatusVerified},
		},
		{
			// The minority figure's source cannot back the majority side,
			// and the item, half uncited, goes.
			name:         "sides swapped",
			cites:        append(citedAt(kDispute, "2,500", sb.cite(2, s2Troops)), citedAt(kDispute, "2,000", sb.cite(4, s4Troops))...),
			wantStatus:   []string{"number 2,500 not in evidence", "number 2,000 not in evidence"},
			droppedItems: 1,
		},
		{
			name:         "one side left uncited",
			cites:        append(citedAt(kDispute, "2,500", sb.cite(4, s4Troops)), citedAt(kDispute, "2,000", sb.cite(5, s5Troops))...),
			wantStatus:   []string{StatusVerified, "number 2,000 not in evidence"},
			droppedItems: 1,
		},
		{
			name:         "groups out of order",
			cites:        append(citedAt(kDispute, "2,000", sb.cite(2, s2Troops)), citedAt(kDispute, "2,500", sb.cite(4, s4Troops))...),
			wantStatus:   []string{"number 2,500 not in evidence", "citation offset out of range"},
			droppedItems: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := verifySeedBriefing(t, c)
			b.Sections = []Section{{ID: SectionDisputed, Items: []Item{{Text: kDispute, Citations: tt.cites}}}}
			b.Headline = Item{}
			res := Verify(cloneForVerify(t, b), c, VerifyOptions{Drop: true})
			if res.DroppedItems != tt.droppedItems {
				t.Errorf("dropped items %d, want %d", res.DroppedItems, tt.droppedItems)
			}
			Verify(b, c, VerifyOptions{})
			for i, cit := range b.Sections[0].Items[0].Citations {
				if cit.Status != tt.wantStatus[i] {
					t.Errorf("citation %d: %q, want %q", i, cit.Status, tt.wantStatus[i])
				}
			}
		})
	}
}

func TestClaims(t *testing.T) {
	cite := func(at int) Citation { return Citation{At: at} }
	tests := []struct {
		name string
		it   Item
		want []ClaimSpan
	}{
		{"no citations", Item{Text: "Hello."}, nil},
		{
			name: "all at the end back the whole sentence",
			it:   Item{Text: "Troops stay.", Citations: []Citation{cite(12), cite(12)}},
			want: []ClaimSpan{{Start: 0, End: 12, Text: "Troops stay.", Citations: []int{0, 1}}},
		},
		{
			name: "a group per side",
			it:   Item{Text: kDispute, Citations: []Citation{cite(24), cite(24), cite(45)}},
			want: []ClaimSpan{
				{Start: 0, End: 24, Text: "US troops in Iraq: 2,500", Citations: []int{0, 1}},
				{Start: 24, End: 45, Text: " against about 2,000.", Citations: []int{2}},
			},
		},
		{
			name: "offsets clamped to the text and to rune starts",
			it:   Item{Text: "Café «x»", Citations: []Citation{cite(4), cite(99)}},
			want: []ClaimSpan{
				{Start: 0, End: 3, Text: "Caf", Citations: []int{0}},
				{Start: 3, End: 11, Text: "é «x»", Citations: []int{1}},
			},
		},
		{
			name: "a group before the previous one backs nothing",
			it:   Item{Text: "One, two.", Citations: []Citation{cite(4), cite(2)}},
			want: []ClaimSpan{
				{Start: 0, End: 4, Text: "One,", Citations: []int{0}},
				{Start: 4, End: 4, Text: "", Citations: []int{1}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Claims(tt.it)
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(tt.want)
			if string(g) != string(w) {
				t.Errorf("got  %s\nwant %s", g, w)
			}
		})
	}
}

// TestSupports covers each rule both ways on invented sentences.
func TestSupports(t *testing.T) {
	tests := []struct {
		rule, claim, evidence string
		// reason is "" when the claim must pass, else the start of the
		// reason it must fail with.
		reason string
	}{
		// Numbers.
		{"numbers", "The army has 2,500 troops in the region.", "The army has some 2,500 troops in the region, officials said.", ""},
		{"numbers", "The army has some 2,500 troops in the region.", "The army has 2,500 troops in the region.", ""},
		{"numbers", "The army has 2,500 troops in the region.", "The army has about 2,000 troops in the region.", "number 2,500 not in evidence"},
		{"numbers", "The army has 2,000 troops in the region.", "The army has 2,500 troops in the region.", "number 2,000 not in evidence"},
		{"numbers", "The army has about 2,000 troops in the region.", "The army has 2,500 troops in the region.", "number 2,000 not in evidence"},
		{"numbers", "Two soldiers were wounded in the attack.", "2 soldiers were wounded in the attack on the base.", ""},
		{"numbers", "Three soldiers were wounded in the attack.", "Two soldiers were wounded in the attack.", "number Three not in evidence"},
		{"numbers", "The fund holds $2.5 million.", "The fund holds $2,483,000, the report said.", ""},
		{"numbers", "The fund holds $2,483,000.", "The fund holds about $2.5 million.", "number 2,483,000 not in evidence"},
		{"numbers", "The company hired more than 2,000 workers.", "The company hired 2,400 workers.", ""},
		{"numbers", "The company hired 2,000 workers.", "The company hired more than 2,000 workers.", "number 2,000 not in evidence"},
		{"numbers", "Turnout fell to 41 percent.", "Turnout fell to 41% in the city.", ""},
		{"numbers", "Turnout fell to 41 percent.", "Turnout fell to 44% in the city.", "number 41 not in evidence"},
		{"numbers", "The bridge opened in 1998.", "The bridge opened in 1999 after long delays.", "number 1998 not in evidence"},
		{"numbers", "The bridge opened in 1998.", "The bridge finally opened in 1998.", ""},
		// Quotes.
		{"quotes", `The mayor called the plan "a  Bold step forward".`, `“We think this is a bold step forward,” the mayor said of the plan.`, ""},
		{"quotes", `The mayor called the plan “a brave step forward”.`, `“We think this is a bold step forward,” the mayor said of the plan.`, "quote not found verbatim"},
		{"quotes", `The mayor said the plan would "move the city ahead".`, `“This plan is a bold step forward for the city,” the mayor said.`, "quote not found verbatim"},
		{"quotes", `The mayor called the plan "bold steps forward".`, `“This plan is a bold step forward,” the mayor said.`, "quote not found verbatim"},
		{"quotes", `The mayor said the plan "is a bold step … for every family".`, `“This plan is a bold step forward for the city and for every family,” the mayor said.`, ""},
		{"quotes", `The mayor said the plan was "bold".`, `“This plan is a bolder step,” the mayor said.`, "quote not found verbatim"},
		{"quotes", `The minister said the talks were ‘going well’.`, `"The talks are going well," the minister said.`, ""},
		// Names.
		{"names", "Okafor opened the new bridge on Friday.", "Governor Chidi Okafor opened the new bridge on Friday, officials said.", ""},
		{"names", "Mensah opened the new bridge.", "Governor Chidi Okafor opened the new bridge.", "name Mensah not in evidence"},
		{"names", "Ama Okafor opened the new bridge.", "Governor Chidi Okafor opened the new bridge.", "name Ama Okafor not in evidence"},
		{"names", "Al-Hashimi signed the decree.", "President Tariq al-Hashimi signed the decree late on Sunday.", ""},
		{"names", "Tariq al Hashimi signed the decree.", "President Tariq Al-Hashimi signed the decree.", ""},
		{"names", "Oleksandr Kovalenko signed the decree.", "Oleksander Kovalenko signed the decree.", ""},
		{"names", "Kenyan police arrested two men.", "Police in Kenya arrested 2 men on Tuesday.", ""},
		{"names", "Ugandan police arrested two men.", "Police in Kenya arrested 2 men on Tuesday.", "name Ugandan not in evidence"},
		// Dates.
		{"dates", "The talks ended on March 7.", "The talks ended on March 8 without a deal.", "date March 7 contradicts evidence"},
		{"dates", "The talks ended without a deal.", "The talks ended on March 8 without a deal.", ""},
		{"dates", "The strike began on Monday.", "The strike began on Tuesday at the port.", "date Monday contradicts evidence"},
		{"dates", "The strike began on 7 March.", "The strike began on March 7, 2021, at the port.", ""},
		{"dates", "The strike began in March 2021.", "The strike began on March 7, 2021, at the port.", ""},
		{"dates", "The strike began in April 2021.", "The strike began on March 7, 2021, at the port.", "date April 2021 contradicts evidence"},
		{"dates", "The strike began on Tuesday.", "The strike began on March 7 at the port.", ""},
		{"dates", "The strike began on Tuesday, March 7.", "The strike began on Wednesday at the port.", "date Tuesday, March 7 contradicts evidence"},
		{"dates", "The siege began on March 20.", "The siege began on March 20, 1999, and lasted a month.", ""},
		// Content.
		{"content", "The council approved the budget.", "On Tuesday, the council approved the budget.", ""},
		{"content", "The council approved the budget", "The council approved the budget, officials said.", ""},
		{"content", "The council passed the city budget.", "On Tuesday the city council approved the budget for next year.", ""},
		{"content", "The council raised bus fares and cut library hours.", "On Tuesday the city council approved the budget for next year.", "too few claim words in evidence"},
		{"content", "The flood closed the main highway.", "The council approved the budget after a long debate.", "too few claim words in evidence"},
		// Negation.
		{"negation", "The council did not approve the budget.", "The council approved the budget.", "negation differs"},
		{"negation", "The council approved the budget.", "The council did not approve the budget.", "negation differs"},
		{"negation", "The minister never accepted the offer.", "The minister accepted the offer.", "negation differs"},
		{"negation", "The minister denied taking bribes.", "The minister has denied taking bribes, his lawyer said.", ""},
		{"negation", "The visit comes ahead of the vote.", "The visit, which had not been announced, comes ahead of the vote.", ""},
		{"negation", "The council didn’t approve the budget.", "The council did not approve the budget.", ""},
		// UTF-8: accents, curly marks, non-breaking spaces, long runes.
		{"utf-8", "Jose Muller praised the deal.", "José Müller praised the deal in São Paulo.", ""},
		{"utf-8", "José Müller praised the deal.", "Jose Muller praised the deal.", ""},
		{"utf-8", "Müller’s party praised the deal.", "Müller's party praised the deal.", ""},
		{"utf-8", `Müller called it "a fair deal".`, "Müller: “a\u00a0fair deal for everyone.”", ""},
		{"utf-8", `Müller called it "a fair déal".`, "Müller: “a fair deal for everyone.”", "quote not found verbatim"},
		{"utf-8", "Müller praised the 🚀 deal.", "Müller praised the deal 🚀.", ""},
	}
	v := NewVerifier()
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.claim, func(t *testing.T) {
			ok, why := v.Supports(tt.claim, tt.evidence)
			switch {
			case tt.reason == "" && !ok:
				t.Errorf("should pass, failed: %s\n evidence: %s", why, tt.evidence)
			case tt.reason != "" && ok:
				t.Errorf("should fail with %q, passed\n evidence: %s", tt.reason, tt.evidence)
			case tt.reason != "" && !strings.HasPrefix(why, tt.reason):
				t.Errorf("failed with %q, want %q", why, tt.reason)
			case ok && why != StatusVerified:
				t.Errorf("passed with reason %q", why)
			}
		})
	}
}

// TestVerifyRelativeDates: with the cited source's publication date, a
// weekday in the evidence pins a calendar date in the claim, and back.
func TestVerifyRelativeDates(t *testing.T) {
	c := loadVerifySeeds(t)
	sb := verifySeedBuilder{t, c}
	tests := []struct {
		claim string
		cite  Citation
		want  string
	}{
		// s2Arrived says "on Tuesday" in a report of Tuesday 7 March.
		{"Lloyd Austin arrived in Iraq on March 7.", sb.cite(2, s2Arrived), StatusVerified},
		{"Lloyd Austin arrived in Iraq on March 8.", sb.cite(2, s2Arrived), "date March 8 contradicts evidence"},
		{"Lloyd Austin arrived in Iraq on Wednesday.", sb.cite(2, s2Arrived), "date Wednesday contradicts evidence"},
		// s3Trip says "on 7 March"; the report is of 7 March, a Tuesday.
		{"Lloyd Austin visited Baghdad on Tuesday.", sb.cite(3, s3Trip), StatusVerified},
		{"Lloyd Austin visited Baghdad on Monday.", sb.cite(3, s3Trip), "date Monday contradicts evidence"},
		// s4Surprise is datelined March 8 and says "on Tuesday", the 7th.
		{"Lloyd Austin said on March 7 that US troops would remain in Iraq.", sb.cite(4, s4Surprise), StatusVerified},
	}
	v := NewVerifier()
	for _, tt := range tests {
		t.Run(tt.claim, func(t *testing.T) {
			b := verifySeedBriefing(t, c)
			b.Headline = claimItem(tt.claim, tt.cite)
			b.Sections = nil
			v.Verify(b, c, VerifyOptions{})
			if got := b.Headline.Citations[0].Status; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSupportsOnCorpusSentences runs Supports over every sentence of the
// test corpora: each sentence supports itself and its trimmed forms, and
// almost never another sentence of its own article.
func TestSupportsOnCorpusSentences(t *testing.T) {
	c, err := summarize.Build(context.Background(), []string{
		filepath.Join("..", "testdata", "iraq-visit"), filepath.Join("..", "testdata", "wire-copies"),
	}, summarize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := NewVerifier()
	pairs, passed := 0, 0
	for _, s := range c.Sources {
		for i := range s.Sentences {
			sent := s.SentenceText(i)
			for _, claim := range append([]string{sent}, trimmedForms(sent)...) {
				if ok, why := v.Supports(claim, sent); !ok {
					t.Errorf("%s\n claim:    %s\n evidence: %s", why, claim, sent)
				}
			}
			for j := range s.Sentences {
				if j == i {
					continue
				}
				pairs++
				if ok, _ := v.Supports(sent, s.SentenceText(j)); ok {
					passed++
				}
			}
		}
	}
	// Two pairs pass today, and one of them is a real restatement
	// ("Austin's visit centered around pushing back Iranian influence").
	if limit := pairs / 200; passed > limit {
		t.Errorf("%d of %d pairs of different sentences pass, want at most %d", passed, pairs, limit)
	}
}

// trimmedForms are the cuts a backend makes: a short opening phrase
// before the first comma, and a closing attribution.
func trimmedForms(s string) []string {
	var out []string
	if k := strings.Index(s, ", "); k > 0 && len(strings.Fields(s[:k])) <= 4 && k+3 < len(s) {
		out = append(out, strings.ToUpper(s[k+2:k+3])+s[k+3:])
	}
	if k := strings.LastIndex(s, ", "); k > 0 {
		tail := strings.TrimRight(s[k+2:], ".")
		words := strings.Fields(tail)
		if n := len(words); n > 0 && n <= 8 {
			switch words[n-1] {
			case "said", "says", "reports", "added":
				out = append(out, s[:k]+".")
			}
		}
	}
	return out
}

func TestVerifyMinRecall(t *testing.T) {
	c := loadVerifySeeds(t)
	// The trimmed, lightly reworded troops line keeps half its content
	// words against s4Troops ("soldiers deployed"): the default passes it,
	// a stricter bar does not.
	for _, tt := range []struct {
		min  float64
		want int
	}{{0, 0}, {DefaultMinRecall, 0}, {0.9, 1}} {
		b := verifySeedBriefing(t, c)
		b.Headline = Item{}
		b.Sections = []Section{{ID: SectionKeyPoints, Items: []Item{claimItem("Some 2,500 US troops remain in Iraq.", verifySeedBuilder{t, c}.cite(4, s4Troops))}}}
		res := Verify(b, c, VerifyOptions{MinRecall: tt.min})
		if failed := res.Checked - res.Verified; failed != tt.want {
			t.Errorf("MinRecall %v: %d failed, want %d (%s)", tt.min, failed, tt.want, b.Sections[0].Items[0].Citations[0].Status)
		}
	}
}

func TestVerifyEdgeCases(t *testing.T) {
	c := loadVerifySeeds(t)
	if got := Verify(nil, c, VerifyOptions{Drop: true}); !reflect.DeepEqual(got, Verification{}) {
		t.Errorf("nil briefing: %+v", got)
	}
	b := verifySeedBriefing(t, c)
	n := countCites(b)
	if got := Verify(b, nil, VerifyOptions{}); got.Checked != n || got.Verified != 0 {
		t.Errorf("no corpus: %+v", got)
	}
	// An uncited sentence has nothing to vouch for it.
	b = verifySeedBriefing(t, c)
	b.Sections[vSecBackground].Items = append(b.Sections[vSecBackground].Items, Item{Text: "Uncited."})
	if got := Verify(b, c, VerifyOptions{Drop: true}); got.DroppedItems != 1 || len(b.Sections[vSecBackground].Items) != 3 ||
		!reflect.DeepEqual(got.Rejected, []Rejected{{SectionBackground, "Uncited.", ReasonNoCitation}}) {
		t.Errorf("uncited item: %+v", got)
	}
	// It is unsupported without Drop too, marked or not.
	for _, o := range []VerifyOptions{{Mark: true}, {}} {
		b = verifySeedBriefing(t, c)
		b.Sections[vSecBackground].Items = append(b.Sections[vSecBackground].Items, Item{Text: "Uncited."})
		got := Verify(b, c, o)
		it := b.Sections[vSecBackground].Items[3]
		if got.Marked != 1 || got.Passed != 12 || got.Sentences != 13 || it.Verdict != VerdictUnsupported || it.Reason != ReasonNoCitation {
			t.Errorf("uncited item with %+v: %+v, item %+v", o, got, it)
		}
	}
	// A marker inside a multi-byte rune is an error, not a panic.
	b = verifySeedBriefing(t, c)
	qt := &b.Sections[vSecQuotes].Items[0]
	qt.Citations[0].At = len(qt.Text) - 1
	Verify(b, c, VerifyOptions{})
	if got := qt.Citations[0].Status; got != "citation offset out of range" {
		t.Errorf("marker inside a rune: %q", got)
	}
}

// TestVerifierShared: one Verifier serves concurrent checks (run with
// -race).
func TestVerifierShared(t *testing.T) {
	c := loadVerifySeeds(t)
	base := verifySeedBriefing(t, c)
	want := countCites(base)
	v := NewVerifier()
	var wg sync.WaitGroup
	results := make([]Verification, 4)
	for i := range results {
		b := cloneForVerify(t, base)
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = v.Verify(b, c, VerifyOptions{Drop: true})
		}()
	}
	wg.Wait()
	for i, res := range results {
		if res.Verified != want {
			t.Errorf("run %d: %+v, want %d verified", i, res, want)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	c := loadVerifySeeds(b)
	base := verifySeedBriefing(b, c)
	briefs := make([]*Briefing, b.N)
	for i := range briefs {
		briefs[i] = cloneForVerify(b, base)
	}
	v := NewVerifier()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.Verify(briefs[i], c, VerifyOptions{Drop: true})
	}
}

// Lines that keep most words of their evidence but say the opposite, and
// a Title Case headline that is read as one long name: found in review.
func TestSupportsMeaningFlips(t *testing.T) {
	v := NewVerifier()
	cases := []struct {
		claim, evidence string
		ok              bool
	}{
		{"At least three people were injured in the blast.", "At least three people were killed in the blast.", false},
		{"Prices rose 5% last month.", "Prices fell 5% last month.", false},
		{"The company will hire 300 workers.", "The company will fire 300 workers.", false},
		{"The bill passed the Senate.", "The bill failed to pass the Senate.", false},
		{"Not surprisingly, the US will withdraw its troops.", "Not surprisingly, the US will not withdraw its troops.", false},
		{`Austin said the US would "leave Iraq".`, `Austin said the US would not "leave Iraq" soon.`, false},
		{"US Troops Will Leave Iraq: Austin", "Austin said US troops would remain in Iraq.", false},
		{"Nurse Sues Bombing Suspect Rudolph", "Members of the Southeast Bomb Task Force say they know Rudolph is armed with long guns.", false},
		// Controls: the same evidence backs what it does say.
		{"At least three people were killed in the blast.", "At least three people were killed in the blast, police said.", true},
		{"Prices rose 5% last month.", "Consumer prices rose 5% last month, the statistics office said.", true},
		{"Austin said the US would not leave Iraq.", `Austin said the US would not "leave Iraq" soon.`, true},
		{"The museum reopened on Monday after repairs.", "After months of repairs the museum reopened on Monday.", true},
		{"Nurse sues bombing suspect Rudolph", "A nurse injured in the clinic bombing sued suspect Eric Rudolph on Tuesday.", true},
	}
	for _, tc := range cases {
		ok, why := v.Supports(tc.claim, tc.evidence)
		if ok != tc.ok {
			t.Errorf("Supports(%q, %q) = %v (%s), want %v", tc.claim, tc.evidence, ok, why, tc.ok)
		}
	}
}

// TestVerifyHeadlineFollowsPolicy: an unsupported headline goes under
// Drop, recorded like any sentence, and stays marked otherwise.
func TestVerifyHeadlineFollowsPolicy(t *testing.T) {
	c := loadVerifySeeds(t)
	bad := strings.Replace(kHeadline, "20th", "25th", 1)
	const reason = "number 25th not in evidence"
	for _, o := range []VerifyOptions{{Drop: true}, {Drop: true, Mark: true}, {Mark: true}, {}} {
		b := verifySeedBriefing(t, c)
		setClaimText(b, citeRef{-1, 0, 0}, bad)
		res := Verify(b, c, o)
		if res.Sentences != 12 || res.Passed != 11 {
			t.Errorf("%+v: %+v", o, res)
		}
		if o.Drop {
			if !reflect.DeepEqual(b.Headline, Item{}) || res.DroppedItems != 1 || res.Marked != 0 ||
				!reflect.DeepEqual(res.Rejected, []Rejected{{RejectedHeadline, bad, reason}}) {
				t.Errorf("%+v: headline %+v, %+v", o, b.Headline, res)
			}
			continue
		}
		h := b.Headline
		if h.Text != bad || len(h.Citations) != 2 || h.Verdict != VerdictUnsupported || h.Reason != reason ||
			res.Marked != 1 || res.DroppedItems != 0 || res.Rejected != nil {
			t.Errorf("%+v: headline %+v, %+v", o, h, res)
		}
		for _, cit := range h.Citations {
			if cit.Status != reason {
				t.Errorf("%+v: headline citation [%d] %q", o, cit.N, cit.Status)
			}
		}
		// Every format shows it marked.
		want := map[Format][]string{
			FormatText:     {"⚠ US Defense Secretary Lloyd Austin made a surprise visit to Iraq ahead of the 25th anniversary of the US-led invasion [2?][4?]. (unsupported: number 25th not in evidence)\n====="},
			FormatMarkdown: {"# ⚠ US Defense Secretary Lloyd Austin made a surprise visit to Iraq ahead of the 25th anniversary of the US-led invasion [2?][4?]. (unsupported: number 25th not in evidence)\n"},
			FormatHTML: {"<title>⚠ US Defense Secretary", `<h1><span class="unsupported"><span class="sign">⚠</span> US Defense Secretary`,
				`<span class="reason">(unsupported: number 25th not in evidence)</span></span></h1>`},
			FormatJSON: {`"verdict": "unsupported",` + "\n" + `      "reason": "number 25th not in evidence"`},
		}
		for f, parts := range want {
			var buf strings.Builder
			if err := RenderBriefing(&buf, b, f, Style{Width: 400}, ""); err != nil {
				t.Fatal(err)
			}
			for _, p := range parts {
				if !strings.Contains(buf.String(), p) {
					t.Errorf("%+v: %s lacks %q", o, f, p)
				}
			}
		}
	}
}

// Verbatim words given to the wrong person fail; the same words given to
// the source's speaker, by surname, role or full name, pass.
func TestSupportsQuoteSpeaker(t *testing.T) {
	v := NewVerifier()
	ev := `"I am optimistic about the future of our partnership," Austin told reporters in Baghdad after meetings with Sudani.`
	role := `“I think that Iraqi leaders share our interest,” a senior US defense official said anonymously.`
	cases := []struct {
		claim, evidence string
		ok              bool
	}{
		{`Austin said "I am optimistic about the future of our partnership."`, ev, true},
		{`Lloyd Austin said "I am optimistic about the future of our partnership."`, ev, true},
		{`Sudani said "I am optimistic about the future of our partnership."`, ev, false},
		{`"I am optimistic about the future of our partnership," Sudani told reporters.`, ev, false},
		{`The defence official said “I think that Iraqi leaders share our interest.”`, role, true},
	}
	for _, tc := range cases {
		ok, why := v.Supports(tc.claim, tc.evidence)
		if ok != tc.ok {
			t.Errorf("Supports(%q) = %v (%s), want %v", tc.claim, ok, why, tc.ok)
		}
		if !ok && !tc.ok && !strings.Contains(why, "Austin") {
			t.Errorf("%q: reason %q should name the source's speaker", tc.claim, why)
		}
	}
}
