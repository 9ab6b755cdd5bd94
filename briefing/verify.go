package briefing

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/dates"
	"github.com/brieftool/brief/summarize/entity"
	"github.com/brieftool/brief/summarize/quantity"
	"github.com/brieftool/brief/summarize/quote"
	"github.com/brieftool/brief/summarize/words"
)

// StatusVerified is the Status of a citation that passed the check; any
// other non-empty Status says why it failed.
const StatusVerified = "verified"

// DefaultMinRecall is the share of a claim's content words (names aside)
// that its evidence must contain. A claim copied from its sentence, or
// trimmed of "On Tuesday," or ", officials said", keeps all of them; the
// reworded claims of the tests ("troops" for "soldiers", "seized" for
// "controlled") keep 0.5 to 0.75. Against the other sentences of its own
// article, a sentence of the test corpora finds at best a median of 0.17
// and a 95th percentile of 0.38 of its words. Numbers, names, quotes and
// dates have rules of their own, so this bar only has to catch a claim
// the evidence is not about, and 0.5 keeps clear of both sides.
const DefaultMinRecall = 0.5

// VerifyOptions configure the citation check.
type VerifyOptions struct {
	// Drop removes failing citations, then items left with a part that
	// no valid citation backs (the headline is replaced by an empty
	// Item), then sections left empty; Verification.Rejected records each
	// item removed.
	Drop bool
	// Mark keeps every item and every citation: an unsupported item stays
	// with its Verdict and Reason, a failing citation with its Status,
	// for the renderers to show as failed. Without Drop the check removes
	// nothing in any case, so Mark only says so explicitly (the mark
	// policy); it is ignored when Drop is set.
	Mark bool
	// MinRecall is the share of the claim's content words the evidence
	// must contain; 0 means DefaultMinRecall.
	MinRecall float64
}

func (o VerifyOptions) minRecall() float64 {
	if o.MinRecall <= 0 {
		return DefaultMinRecall
	}
	return o.MinRecall
}

// ClaimSpan is the part of an item's Text that a group of citations with
// the same At backs.
type ClaimSpan struct {
	Start, End int
	Text       string // Item.Text[Start:End]
	// Citations index Item.Citations.
	Citations []int
}

// Claims splits an item into the parts its citation groups back: a group
// is a run of citations sharing At, and it backs the text from the
// previous group's At (or the start) to its own. Offsets that run
// backwards, past the end or into a UTF-8 sequence are clamped, so
// renderers can always slice Text; Verify reports them as errors.
func Claims(it Item) []ClaimSpan {
	var out []ClaimSpan
	from := 0
	// A dispute line opens with a frame naming the disputed slot ("US
	// troops in Iraq: "), taken from the fact table; each side's sources
	// back only that side's value.
	if it.Conflict != "" && len(it.Citations) > 0 {
		if i := strings.Index(it.Text, ": "); i >= 0 && i+2 <= it.Citations[0].At {
			from = i + 2
		}
	}
	for i := 0; i < len(it.Citations); {
		at := it.Citations[i].At
		j := i + 1
		for j < len(it.Citations) && it.Citations[j].At == at {
			j++
		}
		end := clampOffset(it.Text, at, from)
		idx := make([]int, 0, j-i)
		for k := i; k < j; k++ {
			idx = append(idx, k)
		}
		out = append(out, ClaimSpan{Start: from, End: end, Text: it.Text[from:end], Citations: idx})
		from = end
		i = j
	}
	return out
}

func clampOffset(s string, at, floor int) int {
	if at > len(s) {
		at = len(s)
	}
	for at > floor && at < len(s) && !utf8.RuneStart(s[at]) {
		at--
	}
	if at < floor {
		at = floor
	}
	return at
}

// validOffset reports whether a group's At can end a claim that starts at
// from.
func validOffset(s string, at, from int) bool {
	return at > from && at <= len(s) && (at == len(s) || utf8.RuneStart(s[at]))
}

// Verifier checks citations. It holds the sentence analysers, which are
// costly to build, so one Verifier should serve a whole process; it is
// safe for concurrent use.
type Verifier struct {
	numbers *quantity.Finder
	names   *entity.Finder
	quotes  *quote.Finder
	dates   *dates.Finder
}

// NewVerifier builds the analysers.
func NewVerifier() *Verifier {
	return &Verifier{
		numbers: quantity.NewFinder(),
		names:   entity.NewFinder(),
		quotes:  quote.NewFinder(),
		dates:   dates.NewFinder(),
	}
}

// Verify checks every citation of b against c with a fresh Verifier; see
// Verifier.Verify.
func Verify(b *Briefing, c *summarize.Corpus, o VerifyOptions) Verification {
	return NewVerifier().Verify(b, c, o)
}

// Verify checks every citation of the headline and the sections: the
// source exists under that number, the evidence is the source's text at
// the stated offsets, and the evidence supports the claim (Supports). It
// sets each Citation.Status, each item's Verdict (and Reason), and
// b.Verification, and returns the latter. An item is supported when
// every part of its text has a verified citation; one that cites nothing
// is unsupported.
func (v *Verifier) Verify(b *Briefing, c *summarize.Corpus, o VerifyOptions) Verification {
	if b == nil {
		return Verification{}
	}
	r := verifyRun{v: v, b: b, o: o, byID: map[string]*summarize.Source{}, evidence: map[evidenceKey]*evidenceFacts{}}
	if c != nil {
		for _, s := range c.Sources {
			r.byID[s.ID] = s
		}
	}
	if b.Headline.Text != "" || len(b.Headline.Citations) > 0 {
		if !r.item(RejectedHeadline, &b.Headline) {
			b.Headline = Item{}
		}
	}
	if o.Drop {
		var sections []Section
		for _, s := range b.Sections {
			var items []Item
			for _, it := range s.Items {
				if r.item(s.ID, &it) {
					items = append(items, it)
				}
			}
			// A section with nothing left to say is left out, as the
			// backends leave out one they have nothing for.
			if len(items) > 0 {
				s.Items = items
				sections = append(sections, s)
			}
		}
		b.Sections = sections
	} else {
		for si := range b.Sections {
			s := &b.Sections[si]
			for ii := range s.Items {
				r.item(s.ID, &s.Items[ii])
			}
		}
	}
	b.Verification = r.res
	return r.res
}

type verifyRun struct {
	v        *Verifier
	b        *Briefing
	o        VerifyOptions
	byID     map[string]*summarize.Source
	evidence map[evidenceKey]*evidenceFacts
	res      Verification
}

type evidenceKey struct{ source, text string }

// item checks one item of the given section (RejectedHeadline for the
// headline), sets its Verdict and Reason and counts it. It reports
// whether the item stays: an unsupported item stays unless Drop is set.
// Dropping the whole item rather than only its unbacked part keeps the
// rule that every sentence a reader sees is cited, since the text cannot
// be cut safely.
func (r *verifyRun) item(section string, it *Item) bool {
	r.res.Sentences++
	reason := r.citations(it)
	if reason == "" {
		it.Verdict, it.Reason = VerdictSupported, ""
		r.res.Passed++
		return true
	}
	it.Verdict, it.Reason = VerdictUnsupported, reason
	if !r.o.Drop {
		r.res.Marked++
		return true
	}
	r.res.DroppedItems++
	r.res.Rejected = append(r.res.Rejected, Rejected{Section: section, Text: it.Text, Reason: reason})
	return false
}

// citations checks an item's citations and, with Drop, removes the
// failing ones. It returns "" when every part of the item has a verified
// citation, else why not: the Status of the first failing citation of
// the first part left unbacked, or ReasonNoCitation.
func (r *verifyRun) citations(it *Item) string {
	if len(it.Citations) == 0 {
		return ReasonNoCitation
	}
	reason := ""
	var kept []Citation
	for _, g := range Claims(*it) {
		var cl *claimFacts
		ok, failed := 0, ""
		for _, k := range g.Citations {
			c := &it.Citations[k]
			r.res.Checked++
			switch {
			case !validOffset(it.Text, c.At, g.Start):
				c.Status = "citation offset out of range"
			default:
				if cl == nil {
					cl = r.v.claim(trimClaim(g.Text), itemQuote(*it, g))
					if q := itemQuote(*it, g); q != "" && it.Speaker != "" {
						cl.speakers = append(cl.speakers, quoteSpeaker{parts: quoteParts(q), speaker: it.Speaker})
					}
				}
				c.Status = r.citation(c, cl)
			}
			if c.Status == StatusVerified {
				r.res.Verified++
				ok++
				kept = append(kept, *c)
				continue
			}
			if failed == "" {
				failed = c.Status
			}
			if r.o.Drop {
				r.res.Dropped++
			}
		}
		if ok == 0 && reason == "" {
			reason = failed
		}
	}
	if r.o.Drop {
		it.Citations = kept
	}
	return reason
}

// itemQuote is the item's Quote when the claim must carry it: the claim
// contains it, or the text does not quote it at all and so every claim of
// the item vouches for it.
func itemQuote(it Item, g ClaimSpan) string {
	if strings.TrimSpace(it.Quote) == "" {
		return ""
	}
	q := normQuote(it.Quote)
	if strings.Contains(normQuote(g.Text), q) || !strings.Contains(normQuote(it.Text), q) {
		return it.Quote
	}
	return ""
}

func (r *verifyRun) citation(c *Citation, cl *claimFacts) string {
	src := r.byID[c.Source]
	if src == nil {
		return "unknown source"
	}
	if c.N < 1 || c.N > len(r.b.Sources) || r.b.Sources[c.N-1].ID != c.Source {
		return "number does not match source id"
	}
	if len(c.Evidence) == 0 {
		return "evidence not in source"
	}
	parts := make([]string, len(c.Evidence))
	for i, e := range c.Evidence {
		if !spanIn(src.Text, e.Start, e.End) || src.Text[e.Start:e.End] != e.Text {
			return "evidence not in source"
		}
		parts[i] = e.Text
	}
	if cl.text == "" {
		return "citation backs no text"
	}
	key := evidenceKey{src.ID, strings.Join(parts, " ")}
	ev := r.evidence[key]
	if ev == nil {
		ev = &evidenceFacts{text: key.text, published: src.Published}
		r.evidence[key] = ev
	}
	if ok, why := r.v.supports(cl, ev, r.o.minRecall()); !ok {
		return why
	}
	return StatusVerified
}

func spanIn(s string, start, end int) bool {
	return start >= 0 && start < end && end <= len(s) &&
		utf8.RuneStart(s[start]) && (end == len(s) || utf8.RuneStart(s[end]))
}

// trimClaim drops the spaces and punctuation that join a later claim to
// the one before it (", while one puts it at ...").
func trimClaim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '-' || r == '–' || r == '—'
	})
}

// Supports reports whether evidence, a span of a source's text, supports
// claim, and if not, why: every number, quotation, name and date of the
// claim must be in the evidence, enough of its content words must be, and
// the two must agree on negation. The rules are checked in that order and
// the first failure is returned. It uses DefaultMinRecall and no
// publication date, so relative dates ("Tuesday") are compared only with
// their own kind.
func (v *Verifier) Supports(claim, evidence string) (ok bool, reason string) {
	return v.SupportsMin(claim, evidence, DefaultMinRecall)
}

// SupportsMin is Supports with another share of content words required:
// a backend that adds a second source to a line its first source wrote
// asks for nearly all of them, since the second must state the whole line.
func (v *Verifier) SupportsMin(claim, evidence string, minRecall float64) (ok bool, reason string) {
	return v.supports(v.claim(trimClaim(claim), ""), &evidenceFacts{text: evidence}, minRecall)
}

// claimFacts is what a claim states, worked out once for all the
// citations that back it.
type claimFacts struct {
	text    string
	numbers []claimNumber
	years   []string
	quotes  [][]string // each quotation as the parts between ellipses
	// speakers are the quotations the claim gives to someone by name,
	// in its own words ("Sudani said “…”") or as a quote item's speaker.
	speakers []quoteSpeaker
	names    []entity.Mention
	terms    []string
	negs     []negation
	dates    map[int64][]dateRef // by reference date, as Unix seconds
}

type quoteSpeaker struct {
	parts   []string
	speaker string
}

type claimNumber struct {
	quantity.Quantity
	numeral string
	tol     float64
}

// anyDate resolves relative dates when no publication date is known; the
// same date is used for claim and evidence, so only comparisons between
// like forms are made with it (see dateRef).
var anyDate = time.Date(2000, time.July, 1, 0, 0, 0, 0, time.UTC)

func (v *Verifier) claim(text, extraQuote string) *claimFacts {
	cl := &claimFacts{text: text}
	if text == "" {
		return cl
	}
	for _, q := range v.numbers.Find(text) {
		if framingNoun[q.Noun] {
			continue
		}
		cl.numbers = append(cl.numbers, claimNumber{Quantity: q, numeral: text[q.NumStart:q.NumEnd], tol: roundingTolerance(q.Value)})
	}
	for _, e := range v.dates.Expressions(text, anyDate) {
		if e.Gran == dates.Year && !e.Relative && e.Resolved {
			cl.years = append(cl.years, fmt.Sprint(e.Date.Year()))
		}
	}
	for _, q := range v.quotes.Quotes(text) {
		if parts := quoteParts(q.Text); len(parts) > 0 {
			cl.quotes = append(cl.quotes, parts)
			if q.Speaker != "" && !q.Pronoun {
				cl.speakers = append(cl.speakers, quoteSpeaker{parts: parts, speaker: q.Speaker})
			}
		}
	}
	if parts := quoteParts(extraQuote); len(parts) > 0 {
		cl.quotes = append(cl.quotes, parts)
	}
	// A "name" of more than four words is almost always a Title Case
	// headline read as one name ("Nurse Sues Bombing Suspect Rudolph");
	// its words are checked as ordinary words, not passed on a surname.
	for _, m := range v.names.Find(text) {
		if len(strings.Fields(m.Text)) <= maxNameWords {
			cl.names = append(cl.names, m)
		}
	}
	// Names are left to the name rule: counted here too, the names that
	// recur in every sentence of an article would make an unrelated
	// sentence look like support.
	seen := map[string]bool{}
	eachTermAt(text, func(t string, start, end int) {
		for _, m := range cl.names {
			if start < m.End && m.Start < end {
				return
			}
		}
		if !seen[t] {
			seen[t] = true
			cl.terms = append(cl.terms, t)
		}
	})
	cl.negs = negations(text)
	return cl
}

const maxNameWords = 4

// framingNoun are nouns a briefing counts its own sources with ("one
// source puts it at ..."); such counts are not claims about the news.
var framingNoun = map[string]bool{"source": true, "outlet": true, "report": true, "account": true}

// roundingTolerance is how far a stated value may be from the evidence's
// and still be the same figure: half a unit of its last non-zero digit
// ("2,500" stands for 2,450 to 2,550, "2.5 million" for 2.45 to 2.55
// million), but never more than 5%, so that "2,000" does not pass for
// 2,400.
func roundingTolerance(v float64) float64 {
	a := math.Abs(v)
	if a == 0 {
		return 1e-9
	}
	unit := 1e-6
	for p := 1e15; p >= 1e-6; p /= 10 {
		if q := a / p; q >= 1 && math.Abs(q-math.Round(q)) < 1e-6*q {
			unit = p
			break
		}
	}
	return math.Min(unit/2, a*0.05) + 1e-9*a
}

// evidenceFacts is what one piece of evidence says, worked out as the
// rules ask for it and kept for the other claims that cite the same span.
type evidenceFacts struct {
	text      string
	published time.Time

	numbers  []quantity.Quantity
	norm     string
	words    map[string]bool
	mentions []entity.Mention
	dates    []dateRef
	terms    map[string]bool
	termList []string
	negs     []negation
	quotes   []quote.Quote
	done     uint8 // which of the fields above are set
}

const (
	doneNumbers uint8 = 1 << iota
	doneNorm
	doneWords
	doneMentions
	doneDates
	doneTerms
	doneNegs
	doneQuotes
)

func (ev *evidenceFacts) need(f uint8) bool {
	if ev.done&f != 0 {
		return false
	}
	ev.done |= f
	return true
}

func (v *Verifier) supports(cl *claimFacts, ev *evidenceFacts, minRecall float64) (bool, string) {
	if cl.text == "" {
		return false, "citation backs no text"
	}

	if len(cl.numbers) > 0 {
		if ev.need(doneNumbers) {
			ev.numbers = v.numbers.Find(ev.text)
		}
		for _, n := range cl.numbers {
			if !numberIn(n, ev.numbers) {
				return false, "number " + n.numeral + " not in evidence"
			}
		}
	}
	for _, y := range cl.years {
		if !containsNumber(ev.text, y) {
			return false, "number " + y + " not in evidence"
		}
	}

	if len(cl.quotes) > 0 {
		if ev.need(doneNorm) {
			ev.norm = normQuote(ev.text)
		}
		for _, parts := range cl.quotes {
			if !quoteIn(parts, ev.norm) {
				return false, "quote not found verbatim"
			}
		}
		for _, sp := range cl.speakers {
			if who, ok := v.speakerAgrees(sp, ev); !ok {
				return false, "the source gives the quotation to " + who
			}
		}
	}

	for _, m := range cl.names {
		if !v.nameIn(m, ev) {
			return false, "name " + m.Text + " not in evidence"
		}
	}

	if why := v.datesAgree(cl, ev); why != "" {
		return false, why
	}

	if ev.need(doneTerms) {
		ev.terms = map[string]bool{}
		eachTerm(ev.text, func(t string) {
			if !ev.terms[t] {
				ev.terms[t] = true
				ev.termList = append(ev.termList, t)
			}
		})
	}
	if len(cl.terms) > 0 {
		hit := 0
		for _, t := range cl.terms {
			if ev.hasTerm(t) {
				hit++
			}
		}
		if rec := float64(hit) / float64(len(cl.terms)); rec < minRecall {
			return false, fmt.Sprintf("too few claim words in evidence (%.2f < %.2f)", rec, minRecall)
		}
	}

	if ev.need(doneNegs) {
		ev.negs = negations(ev.text)
	}
	if !negationAgrees(cl, ev) {
		return false, "negation differs"
	}
	if w, ok := opposed(cl.terms, ev); ok {
		return false, "evidence says " + w
	}
	return true, StatusVerified
}

// opposites are verbs news reports swap when they get a story wrong; a
// claim using one where the evidence has only the other (killed for
// injured, rose for fell) is not backed, however many other words match.
// The check is lexical: it catches these pairs, not every change of
// meaning.
var opposites = [][2][]string{
	{{"killed", "kills", "kill", "dead", "died", "dies"}, {"injured", "injures", "injure", "wounded", "wounds", "hurt"}},
	{{"rose", "rises", "rise", "risen", "increased", "increases", "gained", "up"}, {"fell", "falls", "fall", "fallen", "decreased", "decreases", "dropped", "declined", "down"}},
	{{"hire", "hires", "hired", "hiring"}, {"fire", "fires", "fired", "firing", "lay", "laid"}},
	{{"won", "wins", "win"}, {"lost", "loses", "lose"}},
	{{"passed", "passes", "approved", "approves", "accepted", "accepts"}, {"failed", "fails", "rejected", "rejects", "vetoed", "vetoes"}},
	{{"opened", "opens", "reopened"}, {"closed", "closes", "shut"}},
	{{"remain", "remains", "remained", "stay", "stays", "stayed"}, {"leave", "leaves", "left", "withdraw", "withdraws", "withdrew", "withdrawn"}},
	{{"arrested", "detained", "jailed"}, {"released", "freed"}},
	{{"convicted", "guilty"}, {"acquitted", "innocent"}},
}

// opposed reports a claim word whose opposite the evidence uses instead.
func opposed(terms []string, ev *evidenceFacts) (string, bool) {
	for _, t := range terms {
		for _, pair := range opposites {
			for side := 0; side < 2; side++ {
				if !inStems(t, pair[side]) {
					continue
				}
				if hasAnyStem(ev, pair[side]) {
					continue
				}
				for _, o := range pair[1-side] {
					if ev.hasTerm(termOf(o)) {
						return o, true
					}
				}
			}
		}
	}
	return "", false
}

func termOf(w string) string { return words.Americanize(words.Stem(w)) }

func inStems(t string, ws []string) bool {
	for _, w := range ws {
		if termOf(w) == t {
			return true
		}
	}
	return false
}

func hasAnyStem(ev *evidenceFacts, ws []string) bool {
	for _, w := range ws {
		if ev.hasTerm(termOf(w)) {
			return true
		}
	}
	return false
}

// ---- numbers ----

// numberIn reports whether the evidence states n. An exact claim must
// round to an evidence value ("2,500" from "2,483" or from "some 2,500")
// that the evidence's own wording allows ("2,000" is not "more than
// 2,000"); a hedged claim ("about 2,000", "dozens") needs only an
// overlapping interval.
func numberIn(n claimNumber, ev []quantity.Quantity) bool {
	for _, e := range ev {
		if !sameKind(n.Quantity, e) {
			continue
		}
		if !n.Exact {
			if quantity.Overlaps(n.Quantity, e) {
				return true
			}
			continue
		}
		switch {
		case e.Vague:
			// "dozens" cannot back a precise figure.
		case e.Range:
			if math.Abs(n.Value-e.Low) <= n.tol || math.Abs(n.Value-e.High) <= n.tol {
				return true
			}
		case math.Abs(n.Value-e.Value) <= n.tol && (e.Exact || within(n.Value, e)):
			return true
		}
	}
	return false
}

func within(v float64, e quantity.Quantity) bool {
	if v < e.Low || v > e.High {
		return false
	}
	return !(e.LowOpen && v == e.Low) && !(e.HighOpen && v == e.High)
}

// sameKind lets counts and ages stand for each other, since trimming a
// sentence can change which one the parser sees; other kinds, and units
// where both sides give one, must agree.
func sameKind(a, b quantity.Quantity) bool {
	ka, kb := a.Kind, b.Kind
	if ka == quantity.Age {
		ka = quantity.Count
	}
	if kb == quantity.Age {
		kb = quantity.Count
	}
	if ka != kb {
		return false
	}
	return a.Unit == "" || b.Unit == "" || a.Unit == b.Unit
}

// containsNumber reports whether digits occur in s as a whole number.
func containsNumber(s, digits string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], digits)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(digits)
		if (k == 0 || !isDigit(s[k-1])) && (end == len(s) || !isDigit(s[end])) {
			return true
		}
		i = k + 1
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ---- quotes ----

// quoteParts splits a quotation at its ellipses, which mark words left
// out, and normalises each part; the parts must appear in order.
func quoteParts(q string) []string {
	q = strings.ReplaceAll(q, "…", "...")
	var out []string
	for _, p := range strings.Split(q, "...") {
		p = strings.TrimFunc(normQuote(p), func(r rune) bool {
			return r == ' ' || r == '"' || r == '\'' || strings.ContainsRune(".,;:!?", r)
		})
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// normQuote folds only what typesetting changes: quotation marks and
// apostrophes to their plain forms, white space to single spaces, case,
// and the ellipsis character. Words are left alone, so a quotation must
// be verbatim.
func normQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == '“' || r == '”' || r == '„' || r == '«' || r == '»' || r == '″':
			r = '"'
		case r == '‘' || r == '’' || r == '‹' || r == '›' || r == '`' || r == '´' || r == '′' || r == 'ʼ':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if r == '…' {
			b.WriteString("...")
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func quoteIn(parts []string, ev string) bool {
	at := 0
	for _, p := range parts {
		k := indexWord(ev, p, at)
		if k < 0 {
			return false
		}
		at = k + len(p)
	}
	return true
}

// indexWord finds p in s at or after from where it starts and ends at word
// boundaries, so that "remain" is not found in "remained".
func indexWord(s, p string, from int) int {
	for from <= len(s) {
		k := strings.Index(s[from:], p)
		if k < 0 {
			return -1
		}
		k += from
		end := k + len(p)
		before, _ := utf8.DecodeLastRuneInString(s[:k])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (k == 0 || !isWordRune(before) || !isWordRune(firstRune(p))) &&
			(end == len(s) || !isWordRune(after) || !isWordRune(lastRune(p))) {
			return k
		}
		_, n := utf8.DecodeRuneInString(s[k:])
		from = k + n
	}
	return -1
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// ---- names ----

// nameWords are the evidence's words as name keys spell them: folded,
// possessives dropped, and the Arabic article split off ("al-Sudani" gives
// "sudani"); entity.Normalize adds the forms it joins ("U.S." gives "us").
func nameWords(s string) map[string]bool {
	w := map[string]bool{}
	eachWord(s, func(word string) {
		w[foldWord(word)] = true
	})
	for _, f := range strings.Fields(entity.Normalize(s)) {
		w[f] = true
	}
	return w
}

// nameIn reports whether the evidence names m. Places and demonyms match
// by place ("American" and "US"). Other names need their last word, the
// surname, so that "Austin" is found in "Lloyd Austin"; a given name the
// evidence gives differently for that surname ("Hunter Biden" against "Joe
// Biden") fails. Organisations need all their words. Spelling variants
// within an edit or two pass, as the linker lets them ("Nechirvan",
// "Nechirivan").
func (v *Verifier) nameIn(m entity.Mention, ev *evidenceFacts) bool {
	key := m.Key
	if key == "" {
		key = entity.Normalize(m.Text)
	}
	kw := strings.Fields(key)
	if len(kw) == 0 {
		return true
	}
	if ev.need(doneWords) {
		ev.words = nameWords(ev.text)
	}
	if m.Place != "" && !ev.hasWords(kw) {
		for _, e := range ev.evMentions(v) {
			if e.Place == m.Place {
				return true
			}
		}
		return false
	}
	last := kw[len(kw)-1]
	if !ev.hasWord(last) {
		return false
	}
	if len(kw) == 1 || ev.hasWord(kw[0]) {
		return true
	}
	if m.Kind == entity.KindOrg || m.Kind == entity.KindPlace || m.Kind == entity.KindGroup {
		return ev.hasWords(kw)
	}
	for _, e := range ev.evMentions(v) {
		ew := strings.Fields(e.Key)
		if len(ew) >= 2 && closeWord(ew[len(ew)-1], last) && !closeWord(ew[0], kw[0]) {
			return false
		}
	}
	return true
}

func (ev *evidenceFacts) hasWords(ws []string) bool {
	for _, w := range ws {
		if !ev.hasWord(w) {
			return false
		}
	}
	return true
}

func (ev *evidenceFacts) evMentions(v *Verifier) []entity.Mention {
	if ev.need(doneMentions) {
		ev.mentions = v.names.Find(ev.text)
	}
	return ev.mentions
}

func (ev *evidenceFacts) hasWord(w string) bool {
	if ev.words[w] {
		return true
	}
	if utf8.RuneCountInString(w) < 6 {
		return false
	}
	for e := range ev.words {
		if closeWord(e, w) {
			return true
		}
	}
	return false
}

// closeWord is the linker's notion of one name spelled two ways: the same
// first letter and within one edit, or two from nine letters; words under
// six letters must be equal, so "Obama" and "Osama" stay apart.
func closeWord(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	n := min(len(ra), len(rb))
	if n < 6 || ra[0] != rb[0] {
		return false
	}
	limit := 1
	if n >= 9 {
		limit = 2
	}
	return editDistance(ra, rb, limit) <= limit
}

// editDistance is the Levenshtein distance, or limit+1 once it must
// exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = 1 + min(prev[j-1], prev[j], cur[j-1])
			}
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ---- dates ----

// dateRef is a temporal expression with the parts of a date it spells
// out. Without a publication date, relative forms resolve against an
// arbitrary day, so only what is written can be compared.
type dateRef struct {
	dates.Expr
	calendar         bool // spells a month or a year, not only "Tuesday" or "today"
	year, month, day int  // as written; 0 when not
}

func (v *Verifier) dateRefs(text string, ref time.Time) []dateRef {
	var out []dateRef
	for _, e := range v.dates.Expressions(text, ref) {
		if !e.Resolved {
			continue
		}
		d := dateRef{Expr: e}
		d.calendar = strings.IndexFunc(e.Text, unicode.IsDigit) >= 0 || namesMonth(e.Text)
		if d.calendar {
			// "on March 7" in a report published in 2023 means 2023: with
			// the publication date known, a month's year is implied, so
			// that "March 7, 2024" does not pass against it.
			if !e.Relative || e.Gran >= dates.Month && namesMonth(e.Text) && !ref.Equal(anyDate) {
				d.year = e.Date.Year()
			}
			if e.Gran >= dates.Month {
				d.month = int(e.Date.Month())
			}
			if e.Gran == dates.Day {
				d.day = e.Date.Day()
			}
		}
		out = append(out, d)
	}
	return out
}

// datesAgree returns why a date of the claim contradicts the evidence, or
// "". A claim date contradicts when the evidence has dates it can be
// compared with and none of them agrees; a claim with no date, or evidence
// with none of the same kind, is left to the other rules.
func (v *Verifier) datesAgree(cl *claimFacts, ev *evidenceFacts) string {
	ref, known := ev.published, !ev.published.IsZero()
	if !known {
		ref = anyDate
	}
	cds := cl.datesAt(v, ref)
	if len(cds) == 0 {
		return ""
	}
	if ev.need(doneDates) {
		ev.dates = v.dateRefs(ev.text, ref)
	}
	for _, c := range cds {
		agree, differ := false, false
		for _, e := range ev.dates {
			switch compareDates(c, e, known) {
			case 1:
				agree = true
			case -1:
				differ = true
			}
		}
		if differ && !agree {
			return "date " + c.Text + " contradicts evidence"
		}
	}
	return ""
}

// datesAt is the claim's dates resolved against ref, the cited source's
// publication date: the claim repeats that source's relative dates.
func (cl *claimFacts) datesAt(v *Verifier, ref time.Time) []dateRef {
	k := ref.Unix()
	ds, ok := cl.dates[k]
	if !ok {
		ds = v.dateRefs(cl.text, ref)
		if cl.dates == nil {
			cl.dates = map[int64][]dateRef{}
		}
		cl.dates[k] = ds
	}
	return ds
}

// compareDates returns 1 when a and b can name the same time, -1 when they
// cannot, and 0 when the two cannot be compared. Two calendar dates are
// compared by what both spell out, so "March 20" agrees with "March 20,
// 2003" (an anniversary and its event are written alike); a weekday or
// "today" is compared with a calendar date only through the publication
// date, when it is known.
func compareDates(a, b dateRef, known bool) int {
	if a.Weekday >= 0 && b.Weekday >= 0 && a.Weekday != b.Weekday {
		return -1
	}
	switch {
	case a.calendar && b.calendar:
		if a.Approx || b.Approx {
			if a.year == 0 || b.year == 0 {
				return 0
			}
			return agreeIf(a.year == b.year)
		}
		compared := false
		for _, p := range [][2]int{{a.year, b.year}, {a.month, b.month}, {a.day, b.day}} {
			if p[0] != 0 && p[1] != 0 {
				if p[0] != p[1] {
					return -1
				}
				compared = true
			}
		}
		if compared {
			return 1
		}
	case known:
		return agreeIf(dates.Compatible(a.Expr, b.Expr))
	case a.Weekday >= 0 && b.Weekday >= 0:
		return 1
	}
	return 0
}

func agreeIf(ok bool) int {
	if ok {
		return 1
	}
	return -1
}

var monthNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec") {
		m[w] = true
	}
	return m
}()

func namesMonth(s string) bool {
	found := false
	eachWord(s, func(w string) {
		if monthNames[strings.ToLower(w)] {
			found = true
		}
	})
	return found
}

// ---- content words ----

// eachWord calls emit for each word of s: letters and digits, with an
// apostrophe kept inside a word ("Iraq's", "don't"); hyphens, periods and
// other punctuation split words.
func eachWord(s string, emit func(word string)) {
	eachWordAt(s, func(start, end int) { emit(s[start:end]) })
}

func eachWordAt(s string, emit func(start, end int)) {
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && (r == '\'' || r == '’') {
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); unicode.IsLetter(next) {
				continue
			}
		}
		if start >= 0 {
			emit(start, i)
			start = -1
		}
	}
	if start >= 0 {
		emit(start, len(s))
	}
}

// foldWord lowercases w, strips accents and drops apostrophes, a
// possessive "'s" with them.
func foldWord(w string) string {
	if strings.IndexByte(w, '\'') < 0 && !strings.Contains(w, "’") && !strings.Contains(w, "‘") {
		return words.Fold(w)
	}
	f := strings.TrimSuffix(words.Fold(w), "'s")
	return strings.ReplaceAll(f, "'", "")
}

// eachTerm calls emit for each content word of s: folded, lightly
// stemmed, British spellings made American, without stopwords and without
// numbers, which the number rule checks.
func eachTerm(s string, emit func(term string)) {
	eachTermAt(s, func(t string, _, _ int) { emit(t) })
}

func eachTermAt(s string, emit func(term string, start, end int)) {
	eachWordAt(s, func(start, end int) {
		w := s[start:end]
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			return
		}
		f := foldWord(w)
		// Contractions are function words; a negative one is the
		// negation rule's business.
		if utf8.RuneCountInString(f) < 2 || verifyStopwords[f] || f != w && strings.HasSuffix(f, "nt") && isContraction(w) {
			return
		}
		t := words.Americanize(words.Stem(f))
		if syn, ok := synonyms[t]; ok {
			t = syn
		}
		emit(t, start, end)
	})
}

func isContraction(w string) bool {
	w = strings.ReplaceAll(strings.ToLower(w), "’", "'")
	return strings.HasSuffix(w, "n't")
}

// synonyms are the few words reports of one event swap freely.
var synonyms = map[string]string{"soldier": "troop"}

func (ev *evidenceFacts) hasTerm(t string) bool {
	if ev.terms[t] {
		return true
	}
	for _, e := range ev.termList {
		if termMatch(t, e) {
			return true
		}
	}
	return false
}

// termMatch also lets a stem match a derived form ("iraq", "iraqi";
// "approv", "approve") that the light stemmer leaves apart.
func termMatch(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || len(a) >= 4 && len(b)-len(a) <= 3 && strings.HasPrefix(b, a)
}

// verifyStopwords are words that say nothing a source must back: function
// words, verbs of saying, the words a briefing frames its sources with
// ("2,500 [1] versus about 2,000 [2]"),
// and month and weekday names, which the date rule checks.
var verifyStopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also although am among an and any are
around as at be because been before being below between both but by can could did do does doing down
during each either else ever every few for from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just least less like many may me might more most
much must my myself neither no nor not now of off on once one only or other others our ours ourselves out
over own per quite rather same shall she should since so some such than that the their theirs them
themselves then there these they this those though through thus to too toward towards under until up upon
very was we were what when where whether which while who whom whose why will with within without would
yet you your yours yourself yourselves al el
im ive youre youve weve were theyre theyve hes shes thats whats lets
said says say saying told tell tells added adding according stated noted including include includes
mr mrs ms dr
source sources report reports reported reporting outlet outlets put puts another
versus vs whereas compared contrast
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
january february march april june july august september october november december`) {
		m[w] = true
	}
	return m
}()

// ---- negation ----

// negation is a negating word with the content words it governs: those
// after it up to the end of its clause, at most negationScope of them.
type negation struct {
	scope []string
}

const negationScope = 6

func negations(s string) []negation {
	var out []negation
	var cur *negation
	last := 0
	eachWordAt(s, func(start, end int) {
		w := s[start:end]
		if cur != nil && (clauseBreak(s[last:start]) || len(cur.scope) >= negationScope) {
			cur = nil
		}
		last = end
		lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		// "failed to pass", "refused to sign" negate what follows.
		failTo := failWord[lw] && strings.HasPrefix(s[end:], " to ")
		if negWord[lw] || strings.HasSuffix(lw, "n't") || failTo {
			// "No. 2" is a number, not a negation.
			if lw == "no" && end < len(s) && s[end] == '.' {
				return
			}
			out = append(out, negation{})
			cur = &out[len(out)-1]
			return
		}
		if cur != nil {
			eachTerm(w, func(t string) { cur.scope = append(cur.scope, t) })
		}
	})
	return out
}

var negWord = map[string]bool{
	"not": true, "no": true, "never": true, "neither": true, "nor": true, "none": true,
	"nobody": true, "nothing": true, "cannot": true,
	"deny": true, "denies": true, "denied": true, "denying": true,
}

// failWord followed by "to" negates the verb after it.
var failWord = map[string]bool{"failed": true, "fails": true, "fail": true, "refused": true, "refuses": true, "refuse": true, "declined": true}

// clauseBreak ends a negation's scope. Quotation marks do not: in `would
// not "leave Iraq"` the quoted words are what is negated.
func clauseBreak(between string) bool {
	return strings.ContainsAny(between, ",;:.!?()[]–—")
}

// negationAgrees reports whether claim and evidence negate the same
// things. Each negation in the claim needs one in the evidence over a
// shared word (or any, when it governs no content word); a negation in the
// evidence matters only if it governs a word of the claim, so a claim
// trimmed of a negated clause ("which had not been announced") passes.
func negationAgrees(cl *claimFacts, ev *evidenceFacts) bool {
	for _, c := range cl.negs {
		found := false
		for _, e := range ev.negs {
			if len(c.scope) == 0 || sharesTerm(c.scope, e.scope) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	// Every evidence negation over a word of the claim needs a claim
	// negation over the same words: "will withdraw" is not backed by
	// "will not withdraw" just because the claim opens "Not surprisingly".
	for _, e := range ev.negs {
		if !sharesTerm(e.scope, cl.terms) {
			continue
		}
		found := false
		for _, c := range cl.negs {
			if sharesTerm(c.scope, e.scope) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func sharesTerm(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if termMatch(x, y) {
				return true
			}
		}
	}
	return false
}

// speakerAgrees reports whether the evidence gives the quotation to the
// speaker the claim names, and if not, to whom. The words must be the
// same person's: verbatim words put in another's mouth ("Sudani said “I
// am optimistic…”" where the source has Austin say them) are the
// misattribution a reader can least detect; so are an anonymous
// official's words given to a named minister. Where the evidence names no
// one for the quotation, or only "he", there is nothing to contradict.
func (v *Verifier) speakerAgrees(sp quoteSpeaker, ev *evidenceFacts) (string, bool) {
	if ev.need(doneQuotes) {
		ev.quotes = v.quotes.Quotes(ev.text)
	}
	for _, q := range ev.quotes {
		if q.Speaker == "" || q.Pronoun || !quoteIn(sp.parts, normQuote(q.Text)) {
			continue
		}
		theirs := speakerWords(q.Speaker + " " + q.SpeakerRole)
		for w := range speakerWords(sp.speaker) {
			if theirs[w] {
				return "", true
			}
		}
		return q.Speaker, false
	}
	return "", true
}

// speakerWords are the words that can tell two speakers apart: "Lloyd
// Austin" and "Pentagon chief Austin" share "austin", "the defence
// official" and "a senior US defense official" share "official".
func speakerWords(s string) map[string]bool {
	out := map[string]bool{}
	eachWord(s, func(w string) {
		w = words.Americanize(foldWord(w))
		if len(w) > 2 && !verifyStopwords[w] && !speakerFiller[w] {
			out[w] = true
		}
	})
	return out
}

// speakerFiller are words of a speaker phrase that name no one.
var speakerFiller = map[string]bool{"senior": true, "top": true, "former": true}
