package facts

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/dates"
	"github.com/brieftool/brief/summarize/entity"
	"github.com/brieftool/brief/summarize/quantity"
	"github.com/brieftool/brief/summarize/quote"
)

// Contradictions. Every detector looks for one kind of slot, groups the
// values given for it into sides of mutually compatible values, and
// reports a conflict when two or more sides remain. False alarms cost more
// trust than misses, so each detector only compares values whose slot it
// can name, and confidence says how sure it is that the slot is the same.

type claimRef struct{ s, k int }

// claim lets refs that embed a claimRef (numRef, dateRef) share helpers.
func (r claimRef) claim() claimRef { return r }

func (t *Table) evidence(c *summarize.Corpus, r claimRef) Evidence {
	cl := &t.Claims[r.s][r.k]
	return Evidence{Source: r.s, Sentence: r.k, Span: cl.Span, Text: cl.Text}
}

// side collects claims that give one value.
type sideAcc struct {
	value string
	refs  []claimRef
}

func (t *Table) makeConflict(c *summarize.Corpus, kind ConflictKind, subject, reason string, conf float64, sides []sideAcc) Conflict {
	cf := Conflict{Kind: kind, Subject: subject, Reason: reason, Confidence: math.Round(conf*100) / 100}
	facts := map[int]bool{}
	for _, sd := range sides {
		out := Side{Value: sd.value}
		seen := map[int]bool{}
		for _, r := range sd.refs {
			if seen[r.s] {
				continue
			}
			seen[r.s] = true
			out.Sources = append(out.Sources, r.s)
			out.Evidence = append(out.Evidence, t.evidence(c, r))
			if p := c.Sources[r.s].Published; !p.IsZero() && (out.Published == 0 || p.Unix() < out.Published) {
				out.Published = p.Unix()
			}
			for _, f := range t.Claims[r.s][r.k].Facts {
				facts[f] = true
			}
		}
		cf.Sides = append(cf.Sides, out)
	}
	for f := range facts {
		cf.Facts = append(cf.Facts, f)
	}
	slices.Sort(cf.Facts)
	return cf
}

// distinctSources reports whether the sides are given by at least two
// different sources, none of which is on two sides.
func distinctSources(sides []sideAcc) bool {
	owner := map[int]int{}
	for i, sd := range sides {
		for _, r := range sd.refs {
			if j, ok := owner[r.s]; ok && j != i {
				return false
			}
			owner[r.s] = i
		}
	}
	return len(owner) >= 2
}

func (t *Table) findConflicts(c *summarize.Corpus) {
	// The detectors only read the table; they run side by side and their
	// results are joined in a fixed order.
	detectors := []func(*summarize.Corpus) []Conflict{t.numberConflicts, t.dateConflicts, t.titleConflicts, t.quoteConflicts}
	found := make([][]Conflict, len(detectors))
	var wg sync.WaitGroup
	for i, d := range detectors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[i] = d(c)
		}()
	}
	wg.Wait()
	var all []Conflict
	for _, f := range found {
		all = append(all, f...)
	}
	order := map[ConflictKind]int{NumberConflict: 0, DateConflict: 1, TitleConflict: 2, QuoteConflict: 3, AttributionConflict: 4}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Confidence != b.Confidence {
			return a.Confidence > b.Confidence
		}
		if a.Kind != b.Kind {
			return order[a.Kind] < order[b.Kind]
		}
		return a.Subject < b.Subject
	})
	for _, cf := range all {
		if cf.Update {
			cf.ID = fmt.Sprintf("u%d", len(t.Updates)+1)
			t.Updates = append(t.Updates, cf)
		} else {
			cf.ID = fmt.Sprintf("c%d", len(t.Conflicts)+1)
			t.Conflicts = append(t.Conflicts, cf)
		}
	}
}

// ---- numbers ----

type numRef struct {
	claimRef
	i int
}

// roundTolerance widens an exact round figure ("2,000") a little: writers
// round, and 2,000 against 2,040 is not a disagreement anyone would flag.
const roundTolerance = 0.05

func interval(q quantity.Quantity) (lo, hi float64) {
	lo, hi = q.Low, q.High
	if q.Exact && q.Value >= 100 && math.Mod(q.Value, 100) == 0 {
		lo, hi = q.Value*(1-roundTolerance), q.Value*(1+roundTolerance)
	}
	return lo, hi
}

// updateCues are words with which a later report says a figure changed.
var updateCues = map[string]bool{
	"rose": true, "risen": true, "rising": true, "climbed": true, "increased": true, "jumped": true, "grew": true,
	"revised": true, "updated": true, "fell": true, "dropped": true, "declined": true, "soared": true, "surged": true,
	"mounted": true, "reached": true, "latest": true, "new": false,
}

func hasUpdateCue(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if updateCues[w] {
			return true
		}
	}
	return strings.Contains(strings.ToLower(s), "up from") || strings.Contains(strings.ToLower(s), "down from")
}

func (t *Table) numberConflicts(c *summarize.Corpus) []Conflict {
	buckets := map[string][]numRef{}
	var keys []string
	add := func(k string, r numRef) {
		if _, ok := buckets[k]; !ok {
			keys = append(keys, k)
		}
		buckets[k] = append(buckets[k], r)
	}
	for s := range t.Claims {
		for k := range t.Claims[s] {
			cl := &t.Claims[s][k]
			for i, n := range cl.Numbers {
				switch n.Kind {
				case quantity.Count, quantity.Money, quantity.Percent, quantity.Measure:
				default:
					continue
				}
				noun := nounClass(n.Noun)
				if noun == "" || n.Value == 0 {
					continue
				}
				base := strings.Join([]string{string(n.Kind), n.Unit, noun, n.Predicate}, "|")
				r := numRef{claimRef{s, k}, i}
				switch {
				case n.Location != "":
					add("L|"+base+"|"+n.Location, r)
				case cl.Fact >= 0:
					// Without a place, figures are compared only within
					// one fact: the sentences already state the same thing.
					add(fmt.Sprintf("F|%d|%s", cl.Fact, base), r)
				}
			}
		}
	}
	var out []Conflict
	for _, key := range keys {
		refs := buckets[key]
		if strings.HasPrefix(key, "F|") {
			refs = closeParaphrases(t, refs)
		}
		if len(refs) < 2 {
			continue
		}
		// A sentence with two figures for one slot tells a change ("rose
		// from 20 to 30") or a range; it is not one side of a dispute.
		perClaim := map[claimRef]int{}
		for _, r := range refs {
			perClaim[r.claimRef]++
		}
		var kept []numRef
		for _, r := range refs {
			if perClaim[r.claimRef] == 1 {
				kept = append(kept, r)
			}
		}
		for _, part := range partitionBy(kept, func(r numRef) string { return t.Claims[r.s][r.k].Numbers[r.i].Owner }) {
			for _, p2 := range partitionBy(part, t.yearOf) {
				if cf, ok := t.numberSides(c, key, p2); ok {
					out = append(out, cf)
				}
			}
		}
	}
	return out
}

// partitionBy splits refs by a key; refs with an empty key join the one
// non-empty partition when there is exactly one, and are dropped when
// there are several (they could belong to any).
func partitionBy(refs []numRef, key func(numRef) string) [][]numRef {
	parts := map[string][]numRef{}
	var order []string
	var empty []numRef
	for _, r := range refs {
		k := key(r)
		if k == "" {
			empty = append(empty, r)
			continue
		}
		if _, ok := parts[k]; !ok {
			order = append(order, k)
		}
		parts[k] = append(parts[k], r)
	}
	switch len(order) {
	case 0:
		return [][]numRef{empty}
	case 1:
		return [][]numRef{append(parts[order[0]], empty...)}
	}
	out := make([][]numRef, 0, len(order))
	for _, k := range order {
		out = append(out, parts[k])
	}
	return out
}

// yearOf is the year a figure is given for, as a key, when the sentence
// ties one to it: "2,500 troops in 2007", "In 2007, 170,000 troops...".
// Figures for different years are different slots. Years elsewhere in the
// sentence are about something else ("combat ended in 2021 but 2,500
// troops remain").
func (t *Table) yearOf(r numRef) string {
	cl := &t.Claims[r.s][r.k]
	n := cl.Numbers[r.i]
	for _, d := range cl.Dates {
		if d.Dateline || d.Relative || !d.Resolved {
			continue
		}
		switch {
		case d.Start >= n.End:
			between := cl.Text[n.End:d.Start]
			if !strings.ContainsAny(between, ",;–—()") && len(strings.Fields(between)) <= 8 {
				return fmt.Sprint(d.Date.Year())
			}
		case d.End <= n.Start:
			before := strings.ToLower(strings.TrimSpace(cl.Text[:d.Start]))
			rest := strings.TrimSpace(cl.Text[d.End:n.Start])
			if (before == "in" || before == "by" || before == "during" || before == "since" || before == "") && strings.HasPrefix(rest, ",") {
				return fmt.Sprint(d.Date.Year())
			}
		}
	}
	return ""
}

func (t *Table) numberSides(c *summarize.Corpus, key string, refs []numRef) (Conflict, bool) {
	if len(refs) < 2 {
		return Conflict{}, false
	}
	num := func(r numRef) Number { return t.Claims[r.s][r.k].Numbers[r.i] }
	sort.SliceStable(refs, func(i, j int) bool {
		li, _ := interval(num(refs[i]).Quantity)
		lj, _ := interval(num(refs[j]).Quantity)
		return li < lj
	})
	type acc struct {
		side   sideAcc
		hi     float64
		lo     float64
		exact  bool
		values []float64
	}
	var sides []*acc
	for _, r := range refs {
		n := num(r)
		lo, hi := interval(n.Quantity)
		txt := t.Claims[r.s][r.k].Text[n.Start:n.NumEnd]
		if len(sides) > 0 && lo <= sides[len(sides)-1].hi {
			sd := sides[len(sides)-1]
			sd.side.refs = append(sd.side.refs, r.claimRef)
			sd.hi = math.Max(sd.hi, hi)
			if n.Exact && !sd.exact {
				sd.side.value, sd.exact = txt, true
			}
			sd.values = append(sd.values, n.Value)
			continue
		}
		sides = append(sides, &acc{side: sideAcc{value: txt, refs: []claimRef{r.claimRef}}, lo: lo, hi: hi, exact: n.Exact, values: []float64{n.Value}})
	}
	if len(sides) < 2 || len(sides) > 4 {
		return Conflict{}, false
	}
	ss := make([]sideAcc, len(sides))
	for i, sd := range sides {
		ss[i] = sd.side
	}
	if !distinctSources(ss) {
		return Conflict{}, false
	}
	n0 := num(refs[0])
	noun := nounClass(n0.Noun)
	subject := noun
	if n0.Owner != "" {
		subject = display(n0.Owner) + " " + noun
	} else {
		for _, r := range refs {
			if o := num(r).Owner; o != "" {
				subject = display(o) + " " + noun
				break
			}
		}
	}
	if n0.Predicate != "" {
		subject += " " + n0.Predicate
	}
	loc := ""
	for _, r := range refs {
		if l := num(r).Location; l != "" {
			loc = l
			break
		}
	}
	if loc != "" {
		subject += " in " + display(loc)
	}
	// Confidence grows with how fully the slot is named and how far apart
	// the values are.
	conf := 0.5
	owners := 0
	for _, r := range refs {
		if num(r).Owner != "" {
			owners++
		}
	}
	if owners == len(refs) {
		conf += 0.15
	} else if owners > 0 {
		conf += 0.05
	}
	if strings.HasPrefix(key, "L|") {
		conf += 0.15
	} else {
		conf += 0.1 // same fact
	}
	// A side whose figures name no owner, against sides that do, may be
	// about someone else's troops: below the default bar.
	ownerless := false
	if owners > 0 {
		for _, sd := range sides {
			known := false
			for _, r := range sd.side.refs {
				for _, nr := range refs {
					if nr.claimRef == r && num(nr).Owner != "" {
						known = true
					}
				}
			}
			if !known {
				ownerless = true
			}
		}
	}
	gap := math.Inf(1)
	for i := 1; i < len(sides); i++ {
		g := (sides[i].lo - sides[i-1].hi) / math.Max(sides[i].lo, 1)
		gap = math.Min(gap, g)
	}
	conf += 0.15 * math.Min(1, gap/0.2)
	conf = math.Min(conf, 0.95)
	// Below the default bar:
	//   - vague words ("several" against "a dozen", "thousands" against
	//     "200,000") disagree with figures only loosely;
	//   - small counts ("three bombings" against "four") usually count
	//     different subsets, unless the sentences state the same fact;
	//   - "people" with nothing said of them may be any crowd.
	sameFact := strings.HasPrefix(key, "F|")
	for _, r := range refs {
		n := num(r)
		if n.Vague || (!sameFact && n.Kind == quantity.Count && n.Value < 10) ||
			(nounClass(n.Noun) == "people" && n.Predicate == "") {
			conf = math.Min(conf, 0.45)
		}
	}
	if ownerless {
		conf = math.Min(conf, 0.45)
	}
	reason := "the figures do not overlap, qualifiers included"
	cf := t.makeConflict(c, NumberConflict, subject, reason, conf, ss)
	// An update: the latest side's report says the figure changed.
	if len(cf.Sides) == 2 {
		a, b := cf.Sides[0], cf.Sides[1]
		later := b
		if a.Published > b.Published {
			later = a
		}
		if a.Published != b.Published {
			for _, e := range later.Evidence {
				if hasUpdateCue(e.Text) {
					cf.Update = true
					cf.Reason = "the later report says the figure changed"
				}
			}
		}
	}
	return cf, true
}

// display turns a place or organisation key into a label.
func display(key string) string {
	switch key {
	case "united states":
		return "US"
	case "united kingdom":
		return "UK"
	}
	words := strings.Fields(key)
	for i, w := range words {
		if len(w) <= 4 && strings.ToUpper(w) == w {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// ---- dates ----

type dateRef struct {
	claimRef
	d Date
}

func (t *Table) eventDates(r claimRef) []Date {
	var out []Date
	for _, d := range t.Claims[r.s][r.k].Dates {
		if d.Dateline || !d.Resolved || d.Date.IsZero() {
			continue
		}
		out = append(out, d)
	}
	return out
}

func (t *Table) dateConflicts(c *summarize.Corpus) []Conflict {
	var out []Conflict
	// Within a fact: the sentences state the same thing, so one date each
	// must agree.
	for fi := range t.Facts {
		var refs []dateRef
		for _, e := range t.Facts[fi].Evidence {
			r := claimRef{e.Source, e.Sentence}
			// Only sentences merged into the fact: one that merely
			// contains it says more, and its date may be of that.
			if t.Claims[e.Source][e.Sentence].Fact != fi {
				continue
			}
			if ds := t.eventDates(r); len(ds) == 1 && ds[0].Gran != dates.Year {
				refs = append(refs, dateRef{r, ds[0]})
			}
		}
		refs = closeParaphrases(t, comparableDates(c, refs))
		if cf, ok := t.dateSides(c, refs, "date of: "+shorten(t.Facts[fi].Text, 60), 0.7); ok {
			out = append(out, cf)
		}
	}
	// Across facts: dates attached to the same kind of event that share a
	// named entity, and lie within two weeks of each other. Events further
	// apart are more likely two events ("the 2018 elections", "the 2021
	// elections") than one with two dates.
	byEvent := map[string][]dateRef{}
	var events []string
	for s := range t.Claims {
		for k := range t.Claims[s] {
			for _, d := range t.eventDates(claimRef{s, k}) {
				if d.Event == "" || d.Gran != dates.Day {
					continue
				}
				if _, ok := byEvent[d.Event]; !ok {
					events = append(events, d.Event)
				}
				byEvent[d.Event] = append(byEvent[d.Event], dateRef{claimRef{s, k}, d})
			}
		}
	}
	for _, ev := range events {
		refs := byEvent[ev]
		if len(refs) < 2 || len(refs) > 200 {
			continue
		}
		for i := 0; i < len(refs); i++ {
			for j := i + 1; j < len(refs); j++ {
				a, b := refs[i], refs[j]
				if a.s == b.s || dates.Compatible(a.d.Expr, b.d.Expr) || len(comparableDates(c, []dateRef{a, b})) < 2 || !t.shareEntity(a.claimRef, b.claimRef) {
					continue
				}
				if gapDays(a.d.Date, b.d.Date) > 14 {
					continue
				}
				if cf, ok := t.dateSides(c, []dateRef{a, b}, "date of the "+ev, 0.55); ok {
					out = append(out, cf)
				}
			}
		}
	}
	return dedupeConflicts(out)
}

// comparableDates drops the dates that cannot be held against the others.
// A relative date ("Tuesday", "Feb. 14") names a day only through its
// report's publication date: when the reports were published days apart,
// the sentences most likely tell two events (a minister "said Tuesday"
// twice), or an anniversary, not one event with two dates. A year-less
// day and month that another report gives with a year is that date.
func comparableDates(c *summarize.Corpus, refs []dateRef) []dateRef {
	var lo, hi time.Time
	for _, r := range refs {
		p := c.Sources[r.s].Published
		if p.IsZero() {
			continue
		}
		if lo.IsZero() || p.Before(lo) {
			lo = p
		}
		if hi.IsZero() || p.After(hi) {
			hi = p
		}
	}
	// Relative dates ("Friday") are compared only between reports of the
	// same day: a day apart, "Friday" may already be another Friday, or a
	// state ("remained in hospital Friday") rather than an event.
	spread := !lo.IsZero() && hi.Sub(lo) >= 24*time.Hour
	var out []dateRef
	for _, r := range refs {
		if r.d.Relative && (spread || c.Sources[r.s].Published.IsZero()) {
			continue
		}
		if r.d.Relative && r.d.Weekday < 0 && r.d.Gran == dates.Day && sameDayMonthElsewhere(r, refs) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// minDateParaphrase is the least share of content words (Jaccard) two
// sentences of one fact must have for their one date each to be taken as
// the date of the same event. Facts merge partial paraphrases; a date
// conflict needs close ones ("came to power in June 1997" against "since
// July 1997, when ... came into power"), not two sentences about one
// person's different deeds.
const minDateParaphrase = 0.4

// closeParaphrases keeps the refs whose sentence closely paraphrases
// another source's in the list (Jaccard of content words at least
// minDateParaphrase). Within one fact, dates and figures are only held
// against each other between such sentences: facts merge partial
// overlaps, and "Two wolves wandered into Oregon" shares a fact with "300
// wolves live in Yellowstone" more easily than a slot.
func closeParaphrases[R interface{ claim() claimRef }](t *Table, refs []R) []R {
	sets := make([]map[string]bool, len(refs))
	for i, r := range refs {
		c := r.claim()
		sets[i] = map[string]bool{}
		tokenize(t.Claims[c.s][c.k].Text, func(w string) { sets[i][w] = true })
	}
	var out []R
	for i, r := range refs {
		for j := range refs {
			if i != j && refs[j].claim().s != r.claim().s && jaccard(sets[i], sets[j]) >= minDateParaphrase {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

func sameDayMonthElsewhere(r dateRef, refs []dateRef) bool {
	for _, o := range refs {
		if o.claimRef != r.claimRef && !o.d.Relative && o.d.Gran == dates.Day &&
			o.d.Date.Month() == r.d.Date.Month() && o.d.Date.Day() == r.d.Date.Day() {
			return true
		}
	}
	return false
}

func gapDays(a, b time.Time) float64 { return math.Abs(a.Sub(b).Hours() / 24) }

func (t *Table) shareEntity(a, b claimRef) bool {
	for _, m := range t.Claims[a.s][a.k].Entities {
		if m.Entity < 0 {
			continue
		}
		for _, n := range t.Claims[b.s][b.k].Entities {
			if n.Entity == m.Entity {
				return true
			}
		}
	}
	return false
}

func (t *Table) dateSides(c *summarize.Corpus, refs []dateRef, subject string, conf float64) (Conflict, bool) {
	if len(refs) < 2 {
		return Conflict{}, false
	}
	var sides []sideAcc
	var reps []dates.Expr
	for _, r := range refs {
		placed := false
		for i, rep := range reps {
			if dates.Compatible(rep, r.d.Expr) {
				sides[i].refs = append(sides[i].refs, r.claimRef)
				// The finer date names the side.
				if r.d.Gran > rep.Gran {
					reps[i] = r.d.Expr
					sides[i].value = formatDate(r.d)
				}
				placed = true
				break
			}
		}
		if !placed {
			reps = append(reps, r.d.Expr)
			sides = append(sides, sideAcc{value: formatDate(r.d), refs: []claimRef{r.claimRef}})
		}
	}
	if len(sides) < 2 || !distinctSources(sides) {
		return Conflict{}, false
	}
	// A side resting only on relative dates ("Friday", "today") may be the
	// day of something else the sentence tells (a discharge, a funeral):
	// below the default bar.
	relative := map[claimRef]bool{}
	for _, r := range refs {
		if r.d.Relative {
			relative[r.claimRef] = true
		}
	}
	for _, sd := range sides {
		all := true
		for _, r := range sd.refs {
			all = all && relative[r]
		}
		if all {
			conf = math.Min(conf, 0.45)
		}
	}
	return t.makeConflict(c, DateConflict, subject, "the dates cannot name the same day", conf, sides), true
}

func formatDate(d Date) string {
	s := d.Text
	var norm string
	switch d.Gran {
	case dates.Day:
		norm = d.Date.Format("2006-01-02")
	case dates.Month:
		norm = d.Date.Format("2006-01")
	default:
		norm = d.Date.Format("2006")
	}
	if strings.TrimSpace(s) == norm {
		return norm
	}
	return fmt.Sprintf("%s (%s)", strings.TrimSpace(s), norm)
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// dedupeConflicts drops a conflict whose evidence set another one already
// reports.
func dedupeConflicts(cs []Conflict) []Conflict {
	seen := map[string]bool{}
	var out []Conflict
	for _, cf := range cs {
		var keys []string
		for _, sd := range cf.Sides {
			for _, e := range sd.Evidence {
				keys = append(keys, fmt.Sprintf("%d:%d", e.Source, e.Sentence))
			}
		}
		slices.Sort(keys)
		k := string(cf.Kind) + strings.Join(keys, ",")
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, cf)
	}
	return out
}

// ---- titles ----

func (t *Table) titleConflicts(c *summarize.Corpus) []Conflict {
	type titled struct {
		claimRef
		title string
		role  entity.Role
	}
	byEntity := map[int][]titled{}
	var ents []int
	for s := range t.Claims {
		for k := range t.Claims[s] {
			for _, m := range t.Claims[s][k].Entities {
				if m.Title == "" || m.Entity < 0 || m.Kind != entity.KindPerson {
					continue
				}
				role := entity.ParseRole(m.Title)
				if !role.Formal || role.Former {
					continue
				}
				if _, ok := byEntity[m.Entity]; !ok {
					ents = append(ents, m.Entity)
				}
				byEntity[m.Entity] = append(byEntity[m.Entity], titled{claimRef{s, k}, strings.TrimSpace(m.Title), role})
			}
		}
	}
	slices.Sort(ents)
	var out []Conflict
	for _, id := range ents {
		list := byEntity[id]
		var sides []sideAcc
		var reps []entity.Role
		var reason string
		differentOffice := false
		for _, tt := range list {
			placed := false
			for i, rep := range reps {
				if bad, _ := entity.Conflicting(rep, tt.role); !bad {
					sides[i].refs = append(sides[i].refs, tt.claimRef)
					placed = true
					break
				}
			}
			if !placed {
				for _, rep := range reps {
					if bad, why := entity.Conflicting(rep, tt.role); bad && reason == "" {
						reason = why
						differentOffice = rep.Office != tt.role.Office
					}
				}
				reps = append(reps, tt.role)
				sides = append(sides, sideAcc{value: tt.title, refs: []claimRef{tt.claimRef}})
			}
		}
		if len(sides) < 2 || !distinctSources(sides) {
			continue
		}
		conf := 0.7
		if differentOffice {
			conf = 0.8
		}
		out = append(out, t.makeConflict(c, TitleConflict, "title of "+t.Entities[id].Name, reason, conf, sides))
	}
	return out
}

// ---- quotations ----

type quoteRef struct {
	claimRef
	i     int
	words []string
	gaps  []bool // gaps[j]: an ellipsis precedes words[j]
}

// quoteWords splits a quotation into comparable words; ellipses mark
// where the writer left words out.
func quoteWords(s string) (words []string, gaps []bool) {
	gap := false
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			gaps = append(gaps, gap)
			gap = false
			b.Reset()
		}
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '’') && b.Len() > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			b.WriteByte('\'')
		case r == '…' || (r == '.' && i+2 < len(rs) && rs[i+1] == '.' && rs[i+2] == '.'):
			flush()
			gap = true
			if r == '.' {
				i += 2
			}
		case r == '[' || r == '(':
			// Editorial insertions "(Iraqis)" are the writer's, not the
			// speaker's: skip to the closing bracket and treat as a gap.
			flush()
			for i < len(rs) && rs[i] != ']' && rs[i] != ')' {
				i++
			}
			gap = true
		default:
			flush()
		}
	}
	flush()
	return words, gaps
}

// minQuoteWords is the shortest quotation compared for wording: shorter
// ones are phrases many speakers use.
const minQuoteWords = 5

func (t *Table) quoteConflicts(c *summarize.Corpus) []Conflict {
	var qs []quoteRef
	for s := range t.Claims {
		for k := range t.Claims[s] {
			for i, q := range t.Claims[s][k].Quotes {
				if q.Scare {
					continue
				}
				w, g := quoteWords(q.Text)
				if len(w) < minQuoteWords || len(w) > 300 {
					continue
				}
				qs = append(qs, quoteRef{claimRef{s, k}, i, w, g})
			}
		}
	}
	// Wire copies repeat quotations word for word: identical wordings are
	// one variant, and only variants are aligned.
	variantOf := make([]int, len(qs))
	var reps []int // variant → first quote
	byWords := map[string]int{}
	for qi, q := range qs {
		key := strings.Join(q.words, " ")
		v, ok := byWords[key]
		if !ok {
			v = len(reps)
			byWords[key] = v
			reps = append(reps, qi)
		}
		variantOf[qi] = v
	}
	multiSource := make([]bool, len(reps))
	firstSrc := make([]int, len(reps))
	for i := range firstSrc {
		firstSrc[i] = -1
	}
	for qi, q := range qs {
		v := variantOf[qi]
		switch {
		case firstSrc[v] < 0:
			firstSrc[v] = q.s
		case firstSrc[v] != q.s:
			multiSource[v] = true
		}
	}
	// Candidates share a run of four words.
	index := map[uint64][]int{}
	var pairs [][2]int
	seenPair := map[[2]int]bool{}
	for v, qi := range reps {
		q := qs[qi]
		for j := 0; j+4 <= len(q.words); j++ {
			h := fnv.New64a()
			for _, w := range q.words[j : j+4] {
				h.Write([]byte(w))
				h.Write([]byte{0})
			}
			key := h.Sum64()
			for _, other := range index[key] {
				if (firstSrc[other] != q.s || multiSource[other] || multiSource[v]) && !seenPair[[2]int{other, v}] {
					seenPair[[2]int{other, v}] = true
					pairs = append(pairs, [2]int{other, v})
				}
			}
			if len(index[key]) < 64 && (len(index[key]) == 0 || index[key][len(index[key])-1] != v) {
				index[key] = append(index[key], v)
			}
		}
	}
	// Quotations that align are the same quotation; components of aligned
	// variants are compared as a whole.
	parent := make([]int, len(reps))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	type diff struct{ a, b int } // quote indexes of two differing variants
	var diffs []diff
	for _, p := range pairs {
		a, b := reps[p[0]], reps[p[1]]
		same, da, db := alignQuotes(qs[a], qs[b])
		if !same {
			continue
		}
		parent[find(p[0])] = find(p[1])
		if da != "" || db != "" {
			diffs = append(diffs, diff{a, b})
		}
	}
	comps := map[int][]int{}
	var roots []int
	for qi := range qs {
		r := find(variantOf[qi])
		if _, ok := comps[r]; !ok {
			roots = append(roots, r)
		}
		comps[r] = append(comps[r], qi)
	}
	firstDiff := map[int]diff{}
	for _, d := range diffs {
		r := find(variantOf[d.a])
		if _, ok := firstDiff[r]; !ok {
			firstDiff[r] = d
		}
	}
	var out []Conflict
	for _, r := range roots {
		members := comps[r]
		if len(members) < 2 {
			continue
		}
		speaker := t.quoteSpeaker(qs, members)
		// Wording: the first differing pair splits the component into the
		// two wordings; every other member sides with the one it matches.
		if d, ok := firstDiff[r]; ok {
			if cf, ok := t.wordingConflict(c, qs, members, d.a, d.b, speaker); ok {
				out = append(out, cf)
			}
		}
		out = append(out, t.attributionConflicts(c, qs, members, speaker)...)
	}
	return out
}

// alignQuotes aligns two quotations word by word (longest common
// subsequence). They are the same quotation when most of the shorter one
// aligns. Words that differ strictly inside the aligned stretch, where
// neither writer marked an omission, are a difference in wording; words
// beyond either end are partial quoting, which is not.
func alignQuotes(a, b quoteRef) (same bool, va, vb string) {
	n, m := len(a.words), len(b.words)
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a.words[i] == b.words[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	// The same quotation: most of the shorter one aligns, and the two share
	// a run of at least five words. Common phrases ("in the process of",
	// "the human rights situation in") are shorter or leave most words
	// unaligned.
	matched := int(dp[0][0])
	short := min(n, m)
	if matched < 5 || float64(matched) < 0.8*float64(short) || longestRun(a.words, b.words) < 5 {
		return false, "", ""
	}
	var pa, pb []int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a.words[i] == b.words[j]:
			pa, pb = append(pa, i), append(pb, j)
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	// The aligned stretch must be dense: words one quotation has and the
	// other lacks, outside marked omissions, may be at most a quarter of
	// it. A common phrase ("the human rights situation") shared by two
	// different quotations aligns, but sparsely.
	extra := 0
	for k := 1; k < len(pa); k++ {
		if hasGap(a.gaps, pa[k-1]+1, pa[k]) || hasGap(b.gaps, pb[k-1]+1, pb[k]) {
			continue
		}
		extra += pa[k] - pa[k-1] - 1 + pb[k] - pb[k-1] - 1
	}
	if float64(extra) > 0.25*float64(len(pa)+extra) {
		return false, "", ""
	}
	for k := 1; k < len(pa); k++ {
		ga := pa[k] - pa[k-1] - 1
		gb := pb[k] - pb[k-1] - 1
		if ga == 0 && gb == 0 {
			continue
		}
		// An ellipsis in the gap marks the omission as the writer's.
		if hasGap(a.gaps, pa[k-1]+1, pa[k]) || hasGap(b.gaps, pb[k-1]+1, pb[k]) {
			continue
		}
		lo := max(pa[k-1]-1, 0)
		va = strings.Join(a.words[lo:min(pa[k]+2, n)], " ")
		lo = max(pb[k-1]-1, 0)
		vb = strings.Join(b.words[lo:min(pb[k]+2, m)], " ")
		return true, va, vb
	}
	return true, "", ""
}

// longestRun is the length of the longest run of words a and b share.
func longestRun(a, b []string) int {
	best := 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

func hasGap(gaps []bool, from, to int) bool {
	for i := from; i <= to && i < len(gaps); i++ {
		if gaps[i] {
			return true
		}
	}
	return false
}

func (t *Table) quote(q quoteRef) *Quote { return &t.Claims[q.s][q.k].Quotes[q.i] }

// quoteSpeaker names the speaker of a set of aligned quotations.
func (t *Table) quoteSpeaker(qs []quoteRef, members []int) string {
	for _, m := range members {
		q := t.quote(qs[m])
		if q.SpeakerID >= 0 {
			return t.Entities[q.SpeakerID].Name
		}
	}
	for _, m := range members {
		if s := t.quote(qs[m]).Speaker; s != "" {
			return s
		}
	}
	return ""
}

func (t *Table) wordingConflict(c *summarize.Corpus, qs []quoteRef, members []int, a, b int, speaker string) (Conflict, bool) {
	// Every member sides with whichever of the two differing quotations it
	// aligns with cleanly.
	_, va, vb := alignQuotes(qs[a], qs[b])
	sides := []sideAcc{{value: va}, {value: vb}}
	for _, m := range members {
		q := qs[m]
		switch {
		case m == a || slices.Equal(q.words, qs[a].words):
			sides[0].refs = append(sides[0].refs, q.claimRef)
		case m == b || slices.Equal(q.words, qs[b].words):
			sides[1].refs = append(sides[1].refs, q.claimRef)
		default:
			_, da, _ := alignQuotes(q, qs[a])
			_, db, _ := alignQuotes(q, qs[b])
			switch {
			case da == "" && db != "":
				sides[0].refs = append(sides[0].refs, q.claimRef)
			case db == "" && da != "":
				sides[1].refs = append(sides[1].refs, q.claimRef)
			}
		}
	}
	if !distinctSources(sides) {
		return Conflict{}, false
	}
	subject := "wording of a quotation"
	if speaker != "" {
		subject = "wording of " + speaker + "'s quotation"
	}
	subject += ": “" + shorten(t.quote(qs[a]).Text, 50) + "”"
	// Few differing words are often a typo; more are a different wording.
	conf := 0.6
	wa, wb := strings.Fields(va), strings.Fields(vb)
	if abs(len(wa)-len(wb)) > 1 || len(wa) > 4 || len(wb) > 4 {
		conf = 0.75
	}
	return t.makeConflict(c, QuoteConflict, subject, "the sources quote different words", conf, sides), true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// modeFamily groups ways of speaking that do not contradict each other.
func modeFamily(m quote.Mode) string {
	switch m {
	case quote.Told, quote.Interview:
		return "told"
	case quote.Statement:
		return "statement"
	case quote.Tweeted, quote.Posted:
		return "posted online"
	case quote.Wrote:
		return "wrote"
	}
	return "" // said, according to: says nothing of how
}

func (t *Table) attributionConflicts(c *summarize.Corpus, qs []quoteRef, members []int, speaker string) []Conflict {
	var out []Conflict
	// Who: two different named people.
	var who []sideAcc
	whoIdx := map[int]int{}
	for _, m := range members {
		q := t.quote(qs[m])
		if q.SpeakerID < 0 || t.Entities[q.SpeakerID].Kind != string(entity.KindPerson) {
			continue
		}
		i, ok := whoIdx[q.SpeakerID]
		if !ok {
			i = len(who)
			whoIdx[q.SpeakerID] = i
			who = append(who, sideAcc{value: t.Entities[q.SpeakerID].Name})
		}
		who[i].refs = append(who[i].refs, qs[m].claimRef)
	}
	text := shorten(t.quote(qs[members[0]]).Text, 50)
	if len(who) >= 2 && distinctSources(who) {
		// A speaker found through a pronoun is a guess: a disagreement
		// resting on one stays below the default bar.
		conf := 0.8
		for _, m := range members {
			if q := t.quote(qs[m]); q.Inferred && q.SpeakerID >= 0 {
				conf = 0.45
			}
		}
		out = append(out, t.makeConflict(c, AttributionConflict, "who said “"+text+"”", "the sources name different speakers", conf, who))
	}
	// How: different channels. A bare "said" names none and only weakly
	// disagrees with a channel.
	var how []sideAcc
	howIdx := map[string]int{}
	generic := sideAcc{value: "said"}
	for _, m := range members {
		q := t.quote(qs[m])
		if q.Inherited && q.Mode == "" {
			continue
		}
		f := modeFamily(q.Mode)
		if f == "" {
			if q.Verb != "" {
				generic.refs = append(generic.refs, qs[m].claimRef)
			}
			continue
		}
		i, ok := howIdx[f]
		if !ok {
			i = len(how)
			howIdx[f] = i
			v := q.Verb
			if v == "" {
				v = f
			}
			how = append(how, sideAcc{value: v})
		}
		how[i].refs = append(how[i].refs, qs[m].claimRef)
	}
	subject := "how " + speaker + " said “" + text + "”"
	if speaker == "" {
		subject = "how “" + text + "” was said"
	}
	switch {
	case len(how) >= 2 && distinctSources(how):
		out = append(out, t.makeConflict(c, AttributionConflict, subject, "the sources name different channels", 0.6, how))
	case len(how) == 1 && len(generic.refs) > 0:
		sides := []sideAcc{how[0], generic}
		if distinctSources(sides) {
			out = append(out, t.makeConflict(c, AttributionConflict, subject, "one source names the channel, another only says the words were said", 0.35, sides))
		}
	}
	return out
}
