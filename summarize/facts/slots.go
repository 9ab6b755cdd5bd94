package facts

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/entity"
	"github.com/brieftool/brief/summarize/quantity"
	"github.com/brieftool/brief/summarize/quote"
)

// predicates name what happened to the things counted. Two figures for
// the same noun and place are about different slots when their
// predicates differ: "30 people killed" and "50 people injured".
var predicates = map[string]string{
	"killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed", "kill": "killed", "killing": "killed", "fatalities": "killed",
	"injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured", "injuring": "injured", "wounding": "injured",
	"missing": "missing", "arrested": "arrested", "detained": "arrested", "arrests": "arrested", "held": "arrested",
	"evacuated": "evacuated", "displaced": "evacuated", "fled": "evacuated", "homeless": "evacuated",
	"rescued": "rescued", "freed": "freed", "released": "freed", "repatriated": "repatriated", "deported": "deported",
	"infected": "infected", "cases": "infected", "vaccinated": "vaccinated",
	"sent": "sent", "withdrawn": "withdrawn", "withdraw": "withdrawn", "cut": "cut", "laid": "cut", "hired": "hired",
}

// nounClasses folds nouns that count the same thing.
var nounClasses = map[string]string{
	"troop": "troops", "troops": "troops", "soldier": "troops", "soldiers": "troops", "servicemember": "troops",
	"service member": "troops", "personnel": "troops", "serviceman": "troops", "servicemen": "troops", "force": "troops", "forces": "troops",
	"person": "people", "people": "people", "persons": "people", "individual": "people", "resident": "residents",
	"fatality": "people", "casualty": "casualties", "death": "deaths", "dead": "deaths",
}

func nounClass(n string) string {
	n = strings.ToLower(n)
	if c, ok := nounClasses[n]; ok {
		return c
	}
	return n
}

// slotNumbers fills in whose, where and what for each number of a claim,
// from the entity mentions around it.
func slotNumbers(cl *Claim) {
	txt := cl.Text
	for i := range cl.Numbers {
		n := &cl.Numbers[i]
		q := n.Quantity
		headEnd := q.End
		if q.NounEnd > headEnd {
			headEnd = q.NounEnd
		}
		// Owner: a demonym or place among the modifiers ("American
		// troops"), else the subject the figure belongs to in the same
		// clause ("NATO has several hundred troops").
		for _, m := range cl.Entities {
			if m.Start >= q.Start && m.End <= headEnd && m.Place != "" {
				n.Owner = m.Place
			}
		}
		if n.Owner == "" && q.Elided && i > 0 {
			n.Owner = cl.Numbers[i-1].Owner
		}
		if n.Owner == "" {
			for k := len(cl.Entities) - 1; k >= 0; k-- {
				m := cl.Entities[k]
				if m.End > q.Start {
					continue
				}
				between := txt[m.End:q.Start]
				if strings.ContainsAny(between, ",;:()–—\"“”") || hasWord(between, "which", "who", "that", "and", "but", "while", "as") {
					break
				}
				if m.Kind == entity.KindOrg || m.Kind == entity.KindPlace || m.Kind == entity.KindGroup {
					n.Owner = m.Place
					if n.Owner == "" {
						n.Owner = m.Key
					}
				}
				break
			}
		}
		// Location: "in <place>" right after the figure, else the nearest
		// place named before it that is not the owner.
		for _, m := range cl.Entities {
			if m.Place == "" || m.Place == n.Owner || m.Kind != entity.KindPlace || m.Start < headEnd {
				continue
			}
			gap := strings.ToLower(txt[headEnd:m.Start])
			if len(gap) <= 40 && !strings.ContainsAny(gap, ",;()–—") {
				f := strings.Fields(gap)
				if len(f) > 0 && (f[len(f)-1] == "in" || f[len(f)-1] == "at" || f[len(f)-1] == "inside" || f[len(f)-1] == "across" || f[len(f)-1] == "to") {
					n.Location = m.Place
				}
			}
			break
		}
		if n.Location == "" && q.Elided && i > 0 && !strings.Contains(txt[cl.Numbers[i-1].End:q.Start], " in ") {
			n.Location = cl.Numbers[i-1].Location
		}
		if n.Location == "" {
			for k := len(cl.Entities) - 1; k >= 0; k-- {
				m := cl.Entities[k]
				if m.End <= q.Start && m.Kind == entity.KindPlace && m.Place != "" && m.Place != n.Owner {
					n.Location = m.Place
					break
				}
			}
		}
		n.Predicate = predicateNear(txt, q)
	}
}

func predicateNear(txt string, q quantity.Quantity) string {
	end := q.End
	if q.NounEnd > end {
		end = q.NounEnd
	}
	// Only a few words either side matter; cut the windows before
	// splitting, so long sentences with many figures stay cheap.
	lo, hi := max(0, q.Start-40), min(len(txt), end+60)
	for lo > 0 && !utf8.RuneStart(txt[lo]) {
		lo--
	}
	for hi < len(txt) && !utf8.RuneStart(txt[hi]) {
		hi++
	}
	before := strings.Fields(strings.ToLower(txt[lo:q.Start]))
	after := strings.Fields(strings.ToLower(txt[end:hi]))
	// A verb right before the figure governs it ("killed one person and
	// injured 100"): it wins over a verb further on.
	for k := len(before) - 1; k >= 0 && k >= len(before)-2; k-- {
		if p, ok := predicates[strings.Trim(before[k], ",.;:\"“”")]; ok {
			return p
		}
	}
	for k := 0; k < len(after) && k < 4; k++ {
		w := strings.Trim(after[k], ",.;:\"“”")
		if w == "and" || w == "but" {
			break
		}
		if p, ok := predicates[w]; ok {
			return p
		}
	}
	return ""
}

func hasWord(s string, words ...string) bool {
	for _, f := range strings.Fields(strings.ToLower(s)) {
		for _, w := range words {
			if f == w {
				return true
			}
		}
	}
	return false
}

// linkEntities links name variants across the corpus, then resolves the
// speakers of quotations, which needs the links.
func (x *extractors) linkEntities(c *summarize.Corpus, t *Table) {
	l := entity.NewLinker()
	for s := range t.Claims {
		for k := range t.Claims[s] {
			for i := range t.Claims[s][k].Entities {
				m := &t.Claims[s][k].Entities[i]
				m.key = l.Add(m.Mention)
			}
		}
	}
	ents := l.Link()
	t.Entities = make([]Entity, len(ents))
	for i, e := range ents {
		t.Entities[i] = Entity{Name: e.Name, Kind: string(e.Kind), Variants: e.Variants}
	}
	for s := range t.Claims {
		named := map[int]bool{}
		for k := range t.Claims[s] {
			for i := range t.Claims[s][k].Entities {
				m := &t.Claims[s][k].Entities[i]
				m.Entity = l.EntityOf(m.key)
				if m.Entity >= 0 && !named[m.Entity] {
					named[m.Entity] = true
					t.Entities[m.Entity].Sources++
				}
			}
		}
		resolveSpeakers(t.Claims[s])
	}
}

// resolveSpeakers names who speaks each quotation. A pronoun ("he said")
// is the most recent named speaker within three sentences, else the first
// person named in the sentence before; a bare quoted sentence continues
// the quotation just before it.
func resolveSpeakers(claims []Claim) {
	type spk struct {
		name string
		id   int
		k    int
		mode quote.Mode
	}
	last := spk{k: -10, id: -1}
	for k := range claims {
		cl := &claims[k]
		for i := range cl.Quotes {
			q := &cl.Quotes[i]
			if q.Scare {
				continue
			}
			a := q.Attribution
			switch {
			case a.Speaker != "" && !a.Pronoun:
				q.Speaker = a.Speaker
				q.SpeakerID = mentionAt(cl, a.SpeakerStart, a.SpeakerEnd)
			case a.Pronoun:
				q.Inferred = true
				// "Clinton issued a statement ... which he called": a
				// person named earlier in the same sentence comes first.
				if m, ok := lastPersonBefore(cl, min(q.Start, max(a.SpeakerStart, 0))); ok {
					q.Speaker, q.SpeakerID = m.Text, m.Entity
				} else if k-last.k <= 3 && last.name != "" {
					q.Speaker, q.SpeakerID = last.name, last.id
				} else if k > 0 {
					for _, m := range claims[k-1].Entities {
						if m.Kind == entity.KindPerson {
							q.Speaker, q.SpeakerID = m.Text, m.Entity
							break
						}
					}
				}
			case a.Verb == "" && k-last.k == 1 && last.name != "":
				// A quoted sentence with no attribution right after an
				// attributed quotation continues it.
				q.Speaker, q.SpeakerID = last.name, last.id
				q.Mode, q.Verb, q.Inherited, q.Inferred = last.mode, "", true, true
			}
			if q.Speaker != "" {
				last = spk{name: q.Speaker, id: q.SpeakerID, k: k, mode: q.Mode}
			}
		}
		for _, a := range cl.Attributions {
			if a.Speaker != "" && !a.Pronoun && len(cl.Quotes) == 0 {
				last = spk{name: a.Speaker, id: mentionAt(cl, a.SpeakerStart, a.SpeakerEnd), k: k, mode: a.Mode}
			}
		}
	}
}

// lastPersonBefore is the last person named in a claim before offset at.
func lastPersonBefore(cl *Claim, at int) (Mention, bool) {
	var found Mention
	ok := false
	for _, m := range cl.Entities {
		if m.End <= at && m.Kind == entity.KindPerson {
			found, ok = m, true
		}
	}
	return found, ok
}

// mentionAt returns the entity of the mention inside [start, end), -1 if
// none.
func mentionAt(cl *Claim, start, end int) int {
	if start < 0 {
		return -1
	}
	for _, m := range cl.Entities {
		// Demonyms and places inside a description ("a senior US
		// official") are not the speaker.
		if m.Start >= start && m.End <= end && m.Entity >= 0 && (m.Kind == entity.KindPerson || m.Kind == entity.KindOrg) {
			return m.Entity
		}
	}
	return -1
}

// kind classifies a claim by what it mainly states.
func (cl *Claim) kind(s *summarize.Source) Kind {
	for _, q := range cl.Quotes {
		if !q.Scare && len(strings.Fields(q.Text)) >= 4 {
			return QuoteFact
		}
	}
	for _, n := range cl.Numbers {
		switch n.Kind {
		case quantity.Money, quantity.Percent:
			return Quantity
		case quantity.Measure:
			// "two weeks before", "nearly 20 years after" place an event
			// in time; they are not figures a reader would check.
			switch n.Unit {
			case "second", "minute", "hour", "day", "week", "month", "year", "decade":
			default:
				return Quantity
			}
		case quantity.Count:
			// "two countries" and "several occasions" are phrases;
			// "2,500 troops" and "dozens of civilians" are figures.
			if n.Noun != "" && n.Value >= 10 {
				return Quantity
			}
		}
	}
	if len(cl.Attributions) > 0 {
		return Attribution
	}
	recent, old := false, false
	if !s.Published.IsZero() {
		for _, d := range cl.Dates {
			if !d.Resolved || d.Dateline {
				continue
			}
			age := s.Published.Sub(d.Date)
			if age > 365*24*time.Hour {
				old = true
			} else {
				recent = true
			}
		}
	}
	switch {
	case recent:
		return Event
	case old:
		return Background
	case len(s.Sentences) > 4 && cl.Sentence >= len(s.Sentences)/2:
		return Background
	}
	return Event
}
