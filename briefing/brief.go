package briefing

import (
	"context"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
)

// Briefing is the one-page briefing. Every backend (extractive, LLM)
// produces this one schema; the renderers and the citation check read
// nothing else, so a briefing saved as JSON can be re-rendered and
// re-checked later against the same corpus.
type Briefing struct {
	// Backend names what wrote the text: "extractive", or "openai:MODEL".
	Backend string `json:"backend"`
	// Focus is the --focus topic the selection was steered toward.
	Focus    string   `json:"focus,omitempty"`
	Headline Item     `json:"headline"`
	Dateline Dateline `json:"dateline"`
	// Sections in reading order; a section with nothing to say is left
	// out rather than printed empty.
	Sections []Section `json:"sections"`
	// Sources is the numbered list that citations point into: Sources[i]
	// has N == i+1.
	Sources []SourceRef `json:"sources"`
	// Coverage is the sources × facts matrix: who reported what.
	Coverage Coverage `json:"coverage"`
	// Words counts the words of the summary part (key points and
	// background), the part --words budgets and `brief eval` scores.
	Words        int          `json:"words"`
	Budget       int          `json:"budget"`
	Verification Verification `json:"verification"`
	// Notes are things the reader should know about how the briefing was
	// made: a fallback from the LLM, sentences dropped by the check.
	Notes []string `json:"notes,omitempty"`
}

// Section ids, stable for scripts.
const (
	SectionKeyPoints  = "key_points"
	SectionDisputed   = "disputed"
	SectionQuotes     = "quotes"
	SectionBackground = "background"
)

// Section is a titled list of items.
type Section struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Items []Item `json:"items"`
}

// Item is one sentence of the briefing with its citations.
type Item struct {
	Text string `json:"text"`
	// Citations in the order their markers appear. A citation backs the
	// part of Text that ends at its At offset and starts after the
	// previous marker group (or at the start of Text): for most sentences
	// every marker sits at the end and backs the whole sentence; a
	// dispute puts one group after each side's value, and its opening
	// frame up to the first ": " (the disputed slot, from the fact table)
	// is backed by no one source.
	Citations []Citation `json:"citations"`
	// Facts are the fact-table ids the sentence states.
	Facts []string `json:"facts,omitempty"`
	// Conflict is the contradiction a "Where sources differ" item reports.
	Conflict string `json:"conflict,omitempty"`
	// Disputed is set on a line elsewhere on the page that states one
	// side of a contradiction reported under "Where sources differ": the
	// reader must not take its figure or wording as agreed.
	Disputed string `json:"disputed,omitempty"`
	// Speaker and Quote are set on notable quotes: Quote is the quoted
	// words exactly as the cited sources print them.
	Speaker string `json:"speaker,omitempty"`
	Quote   string `json:"quote,omitempty"`
	// Verdict is set by the citation check: VerdictSupported when every
	// part of Text has a verified citation, else VerdictUnsupported, with
	// Reason saying why. An unsupported item is on the page only under
	// the mark policy, and every renderer marks it there.
	Verdict string `json:"verdict,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// Verdicts of the citation check on one item.
const (
	VerdictSupported   = "supported"
	VerdictUnsupported = "unsupported"
)

// ReasonNoCitation is the Reason of an item that cites no source at all.
const ReasonNoCitation = "cites no source"

// Unsupported reports whether the check found the item unsupported.
func (it Item) Unsupported() bool { return it.Verdict == VerdictUnsupported }

// Citation says that source N states what the cited part of a sentence
// says, and where.
type Citation struct {
	N      int    `json:"n"`      // 1-based number in Briefing.Sources
	Source string `json:"source"` // the source's stable id
	// At is the byte offset in Item.Text where the marker goes; the cited
	// claim is Text[from:At] where from is the end of the previous
	// group's claim (0 for the first group).
	At       int        `json:"at"`
	Evidence []Evidence `json:"evidence"`
	// Status is set by the citation check: "verified", or why not.
	Status string `json:"status,omitempty"`
}

// Evidence is a span of the source's cleaned text: byte offsets into
// that source's text (sources[].text in `brief sources -f json`).
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Dateline is what the briefing covers.
type Dateline struct {
	From        string `json:"from,omitempty"` // YYYY-MM-DD of the earliest dated source
	To          string `json:"to,omitempty"`
	Sources     int    `json:"sources"`
	Independent int    `json:"independent"`
	Text        string `json:"text"`
}

// SourceRef is an entry in the numbered source list.
type SourceRef struct {
	N         int    `json:"n"`
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	Path      string `json:"path,omitempty"`
	// Group is the source's independent group; sources sharing it are
	// wire copies of one story.
	Group int `json:"group"`
}

// NewSourceRef is source s's entry numbered n in a briefing's list, with
// the outlet and date written as every other report of brief writes them
// (an agency-credited page without an outlet reads "via AFP").
func NewSourceRef(n int, s *summarize.Source) SourceRef {
	ref := SourceRef{N: n, ID: s.ID, Outlet: outlet(s, ""), Title: s.Title, Published: date(s, ""), URL: s.URL, Group: s.Group}
	if s.URL == "" {
		ref.Path = s.Origin
	}
	return ref
}

// Coverage is the sources × facts matrix.
type Coverage struct {
	Rows []CoverageRow `json:"rows"`
}

// CoverageRow is one fact and the sources (by number) that state it.
type CoverageRow struct {
	Fact    string `json:"fact"`
	Label   string `json:"label"`
	Sources []int  `json:"sources"`
	// Disputed is set when a contradiction involves the fact.
	Disputed bool `json:"disputed,omitempty"`
}

// Verification sums up the citation check: Checked, Verified and
// Dropped count citations; the rest count sentences (items), the
// headline included.
type Verification struct {
	Checked  int `json:"checked"`
	Verified int `json:"verified"`
	// Dropped are citations the check removed; DroppedItems are
	// sentences with a part no valid citation backs, removed.
	Dropped      int `json:"dropped"`
	DroppedItems int `json:"dropped_items"`
	// Sentences is how many items were checked; Passed how many of them
	// are supported; Marked how many unsupported ones were kept on the
	// page, marked. Sentences = Passed + Marked + DroppedItems.
	Sentences int `json:"sentences"`
	Passed    int `json:"passed"`
	Marked    int `json:"marked"`
	// Rejected are the removed sentences with why, in page order, so the
	// verdict on every sentence the writer produced is kept.
	Rejected []Rejected `json:"rejected,omitempty"`
}

// Rejected is a sentence the check removed.
type Rejected struct {
	// Section is the id of the section it was in, or "headline".
	Section string `json:"section"`
	Text    string `json:"text"`
	// Reason is the item's Reason: the Status of the first citation that
	// failed for a part of the text left unbacked, or ReasonNoCitation.
	Reason string `json:"reason"`
}

// RejectedHeadline is Rejected.Section for the headline.
const RejectedHeadline = "headline"

// Request is what a backend is asked to brief.
type Request struct {
	Corpus *summarize.Corpus
	Table  *facts.Table
	// Words is the budget for the summary part (key points and
	// background); 0 means DefaultWords.
	Words int
	// Focus steers selection toward a question or topic.
	Focus string
	// MinConfidence is the bar for contradictions shown.
	MinConfidence float64
}

// DefaultWords keeps the whole page (headline, disputes, quotes, source
// list) on one printed page.
const DefaultWords = 250

// Writer writes a briefing. The extractive backend and the LLM backends
// implement it; the result is checked by Verify before anyone sees it.
type Writer interface {
	Write(ctx context.Context, req Request) (*Briefing, error)
}
