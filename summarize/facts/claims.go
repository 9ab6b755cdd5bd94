package facts

import (
	"strings"
	"time"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/dates"
	"github.com/brieftool/brief/summarize/entity"
	"github.com/brieftool/brief/summarize/quantity"
	"github.com/brieftool/brief/summarize/quote"
)

// Claim is what one sentence says, broken into the parts that facts and
// contradictions are built from. Offsets inside the parts are relative to
// the sentence; add Span.Start for offsets in the source text.
type Claim struct {
	Source, Sentence int
	summarize.Span
	Text         string
	Entities     []Mention
	Numbers      []Number
	Dates        []Date
	Quotes       []Quote
	Attributions []quote.Attribution
	// Fact is the fact the sentence was merged into, -1 when none; Facts
	// also lists the facts it supports by containing them.
	Fact  int
	Facts []int
}

// Mention is a name in a claim and the entity it was linked to.
type Mention struct {
	entity.Mention
	Entity int // index into Table.Entities, -1 when unlinked
	key    int // linker key id
}

// Number is a quantity with the slot it fills: what it counts, whose,
// where, and what happened to them.
type Number struct {
	quantity.Quantity
	Owner     string // place or organisation key: "united states", "nato"
	Location  string // place key: "iraq"
	Predicate string // "killed", "injured", ... or "" when none is stated
}

// Date is a temporal expression; Dateline marks the date a report was
// filed from ("Baghdad, March 8:"), which is not the date of any event.
type Date struct {
	dates.Expr
	Dateline bool
	Event    string // the event noun the date is attached to, if any
}

// Quote is a quotation with its speaker resolved where the text allows:
// pronouns from earlier sentences, bare quotes from the attribution of
// the quote just before.
type Quote struct {
	quote.Quote
	Speaker   string // the speaker as best known: a name, or a description
	SpeakerID int    // entity index, -1 when not a linked entity
	Inherited bool   // speaker and mode were taken from an earlier sentence
	// Inferred is set when the speaker was not named next to the words
	// (a pronoun, or an inherited quotation): a guess, if a good one.
	Inferred bool
}

type extractors struct {
	dates    *dates.Finder
	entities *entity.Finder
	numbers  *quantity.Finder
	quotes   *quote.Finder
}

func newExtractors() *extractors {
	return &extractors{
		dates:    dates.NewFinder(),
		entities: entity.NewFinder(),
		numbers:  quantity.NewFinder(),
		quotes:   quote.NewFinder(),
	}
}

// source extracts the claims of one source and the terms of each
// sentence.
func (x *extractors) source(s *summarize.Source) ([]Claim, [][]string) {
	claims := make([]Claim, len(s.Sentences))
	terms := make([][]string, len(s.Sentences))
	ref := time.Time{}
	if !s.Published.IsZero() {
		y, m, d := s.Published.Date()
		ref = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	for k, sent := range s.Sentences {
		txt := s.Text[sent.Start:sent.End]
		cl := Claim{Source: s.Index, Sentence: k, Span: sent.Span, Text: txt, Fact: -1}
		tokenize(txt, func(t string) { terms[k] = append(terms[k], t) })
		for _, m := range x.entities.Find(txt) {
			cl.Entities = append(cl.Entities, Mention{Mention: m, Entity: -1, key: -1})
		}
		for _, e := range x.dates.Expressions(txt, ref) {
			d := Date{Expr: e}
			d.Dateline = k == 0 && isDateline(txt, e)
			d.Event = eventNoun(txt, e)
			cl.Dates = append(cl.Dates, d)
		}
		for _, q := range x.numbers.Find(txt) {
			cl.Numbers = append(cl.Numbers, Number{Quantity: q})
		}
		// Wire archives write quotation marks as `` and ''; they become
		// plain marks of the same byte length so offsets stay valid.
		qtxt := txt
		if strings.Contains(txt, "``") {
			qtxt = strings.NewReplacer("``", "\" ", "''", " \"").Replace(txt)
		}
		for _, q := range x.quotes.Quotes(qtxt) {
			q.Text = txt[q.Start:q.End]
			cl.Quotes = append(cl.Quotes, Quote{Quote: q, SpeakerID: -1})
		}
		cl.Attributions = x.quotes.Attributions(qtxt)
		slotNumbers(&cl)
		claims[k] = cl
	}
	// Speakers are resolved after entity linking (linkEntities), which
	// needs the whole corpus.
	return claims, terms
}

// isDateline reports whether e is the filing date at the head of a
// report: within the first few words and followed by a colon or dash.
func isDateline(txt string, e dates.Expr) bool {
	if len(strings.Fields(txt[:e.Start])) > 6 {
		return false
	}
	rest := strings.TrimLeft(txt[e.End:], " \t")
	for _, p := range []string{":", "--", "—", "–", "-", "(", "/"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// eventNouns are the nouns news attaches dates to. A date conflict is only
// raised between dates of the same event, and the noun is half the key.
var eventNouns = map[string]string{
	"invasion": "invasion", "attack": "attack", "attacks": "attack", "election": "election", "elections": "election",
	"vote": "vote", "referendum": "referendum", "earthquake": "earthquake", "quake": "earthquake", "flood": "flood",
	"floods": "flood", "visit": "visit", "trip": "visit", "summit": "summit", "meeting": "meeting", "talks": "talks",
	"strike": "strike", "killing": "killing", "assassination": "killing", "death": "death", "arrest": "arrest",
	"explosion": "explosion", "blast": "explosion", "bombing": "bombing", "crash": "crash", "fire": "fire",
	"launch": "launch", "coup": "coup", "ceasefire": "ceasefire", "agreement": "agreement", "deal": "agreement",
	"protest": "protest", "protests": "protest", "hearing": "hearing", "trial": "trial", "verdict": "verdict",
	"ruling": "ruling", "shooting": "shooting", "storm": "storm", "hurricane": "storm", "withdrawal": "withdrawal",
	"inauguration": "inauguration", "resignation": "resignation", "merger": "merger", "acquisition": "acquisition",
}

// eventNoun finds the event a date is attached to: "the 2003 invasion",
// "the invasion on March 20, 2003", "elections in October 2021".
func eventNoun(txt string, e dates.Expr) string {
	after := strings.Fields(strings.ToLower(txt[e.End:]))
	if len(after) > 0 {
		if ev, ok := eventNouns[strings.Trim(after[0], ",.;:'’\"")]; ok {
			return ev
		}
	}
	before := strings.Fields(strings.ToLower(txt[:e.Start]))
	n := len(before)
	// "<event> on|in|of <date>", allowing one word between: "the ground
	// invasion in March 2003".
	if n >= 2 {
		switch before[n-1] {
		case "on", "in", "of", "since":
			for k := n - 2; k >= 0 && k >= n-3; k-- {
				if ev, ok := eventNouns[strings.Trim(before[k], ",.;:'’\"")]; ok {
					return ev
				}
			}
		}
	}
	return ""
}
