package facts

import "github.com/brieftool/brief/summarize"

// Kind classifies a fact by what it mainly states.
type Kind string

const (
	Event       Kind = "event"       // something that happened around the time of the reports
	Quantity    Kind = "quantity"    // a figure: a count, amount, share or measure
	QuoteFact   Kind = "quote"       // someone's words, quoted
	Attribution Kind = "attribution" // someone's claim, reported without quotes
	Background  Kind = "background"  // context: history, or earlier events
)

// ConflictKind is the kind of slot sources disagree on.
type ConflictKind string

const (
	NumberConflict      ConflictKind = "number"
	DateConflict        ConflictKind = "date"
	TitleConflict       ConflictKind = "title"
	QuoteConflict       ConflictKind = "quote"
	AttributionConflict ConflictKind = "attribution"
)

// Evidence is the exact text a source states a fact or value with.
type Evidence struct {
	Source   int // index into Corpus.Sources
	Sentence int // index into Source.Sentences
	summarize.Span
	Text string // Source.Text[Start:End]
}

// Fact is what one or more sources state, merged across paraphrases.
type Fact struct {
	ID   string // "f1", "f2", ... in table order
	Text string // canonical wording: the member sentence most like the others
	Kind Kind
	// Evidence has one entry per source, in source order.
	Evidence []Evidence
	// Support counts sources; Independent counts syndication groups.
	Support, Independent int
	// Centrality is how close the fact is to what the whole corpus is
	// about, in [0, 1].
	Centrality float64
	Entities   []int // indexes into Table.Entities
}

// Sources returns the source indexes of the fact's evidence.
func (f *Fact) Sources() []int {
	out := make([]int, len(f.Evidence))
	for i, e := range f.Evidence {
		out[i] = e.Source
	}
	return out
}

// Side is one value in a contradiction and the sources that give it.
type Side struct {
	Value    string
	Sources  []int
	Evidence []Evidence
	// Published is the earliest publication time among the side's
	// sources, Unix seconds, 0 when unknown; updates are ordered by it.
	Published int64
}

// Conflict is a slot on which sources give incompatible values. Update is
// set when the later report says the figure rose or was revised: the
// values then differ in time, not in truth.
type Conflict struct {
	ID         string // "c1", ... or "u1", ... for updates
	Kind       ConflictKind
	Subject    string // the slot: "US troops in Iraq", "wording of Austin's quote"
	Confidence float64
	Reason     string // why the values are incompatible, for the reader
	Sides      []Side
	Facts      []int // indexes into Table.Facts that the evidence belongs to
	Update     bool
}

// Entity is a named person, organisation or place, with the spelling
// variants the sources use for it.
type Entity struct {
	Name     string
	Kind     string
	Variants []string
	Sources  int // how many sources name it
}

// Table is the fact table of a corpus.
type Table struct {
	Facts     []Fact
	Conflicts []Conflict
	Updates   []Conflict
	Entities  []Entity
	// Claims is every sentence's claim, by source then sentence; Fact
	// indexes Facts.
	Claims [][]Claim
}
