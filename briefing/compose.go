package briefing

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNothingToSay is returned when no sentence of the sources can stand
// on a briefing line with a checked citation: an empty page is not a
// briefing.
var ErrNothingToSay = errors.New("no sentence of the sources could be used for a briefing (too short, fragments, or not sentences)")

// Policy is what Compose does with a sentence the citation check finds
// unsupported.
type Policy string

const (
	// PolicyDrop removes failing citations and the sentences left with a
	// part no valid citation backs; the briefing notes how many.
	PolicyDrop Policy = "drop"
	// PolicyMark keeps unsupported sentences, marked ⚠ with the reason in
	// every format, and their failing citations, shown as failed.
	PolicyMark Policy = "mark"
	// PolicyFail writes nothing when any sentence is unsupported:
	// Compose returns an *UnsupportedError.
	PolicyFail Policy = "fail"
)

// Policies are the policies, the default first.
func Policies() []Policy { return []Policy{PolicyDrop, PolicyMark, PolicyFail} }

// ParsePolicy reads a policy as a user writes it (--on-unsupported);
// "" is the default, PolicyDrop.
func ParsePolicy(s string) (Policy, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	if n == "" {
		return PolicyDrop, nil
	}
	names := make([]string, 0, 3)
	for _, p := range Policies() {
		if string(p) == n {
			return p, nil
		}
		names = append(names, string(p))
	}
	return "", fmt.Errorf("unknown policy %q for unsupported sentences (want one of %s)", s, strings.Join(names, ", "))
}

// UnsupportedError is Compose's error under PolicyFail: the sentences
// the citation check found unsupported, in page order.
type UnsupportedError struct {
	Sentences []Rejected
}

// unsupportedShown is how many sentences the error's message quotes.
const unsupportedShown = 3

func (e *UnsupportedError) Error() string {
	var s strings.Builder
	fmt.Fprintf(&s, "the citation check found %d unsupported sentence(s)", len(e.Sentences))
	for i, r := range e.Sentences {
		if i == unsupportedShown {
			s.WriteString("; and " + strconv.Itoa(len(e.Sentences)-i) + " more")
			break
		}
		if i == 0 {
			s.WriteString(": ")
		} else {
			s.WriteString("; ")
		}
		s.WriteString(strconv.Quote(truncate(oneLine(r.Text), 120)) + " (" + r.Reason + ")")
	}
	return s.String()
}

// ComposeOptions say who writes the briefing and who checks it.
type ComposeOptions struct {
	// Writer is the backend asked first.
	Writer Writer
	// Fallback writes the briefing when Writer fails; nil for none. A
	// failed model call must never cost the user their briefing, so a
	// model backend is always paired with the extractive one here.
	Fallback Writer
	// Verifier checks every citation; nil builds one.
	Verifier *Verifier
	// OnUnsupported is what happens to a sentence the check finds
	// unsupported; "" means PolicyDrop.
	OnUnsupported Policy
	// Warn, if set, is called once when Writer fails and the fallback's
	// briefing is used, with one sentence saying so (the briefing's note
	// says it too), for the user to see at once.
	Warn func(msg string)
}

// Compose writes the briefing, falling back when the writer fails, and
// checks every citation before anyone sees it, dealing with unsupported
// sentences as o.OnUnsupported says.
func Compose(ctx context.Context, req Request, o ComposeOptions) (*Briefing, error) {
	if o.Writer == nil {
		return nil, errors.New("briefing: no backend")
	}
	policy, err := ParsePolicy(string(o.OnUnsupported))
	if err != nil {
		return nil, err
	}
	v := o.Verifier
	if v == nil {
		v = NewVerifier()
	}
	// check runs the citation check on a writer's briefing. A page the
	// check leaves empty counts as the writer's failure when there is a
	// fallback: a model whose every sentence is unsupported has failed,
	// and the user still gets a briefing.
	check := func(b *Briefing, last bool) (Verification, error) {
		// Fail checks as drop does, so that a briefing with nothing
		// unsupported comes out the same, and the sentences drop would
		// remove are the ones to report.
		res := v.Verify(b, req.Corpus, VerifyOptions{Drop: policy != PolicyMark, Mark: policy == PolicyMark})
		if policy == PolicyFail && len(res.Rejected) > 0 {
			return res, &UnsupportedError{Sentences: res.Rejected}
		}
		if len(b.Sections) == 0 && b.Headline.Text == "" {
			if !last && res.Sentences > 0 {
				return res, fmt.Errorf("none of its %d sentence(s) passed the citation check", res.Sentences)
			}
			return res, ErrNothingToSay
		}
		return res, nil
	}
	b, err := o.Writer.Write(ctx, req)
	if err == nil && b == nil {
		err = errors.New("the backend returned no briefing")
	}
	var res Verification
	if err == nil {
		res, err = check(b, o.Fallback == nil)
		var ue *UnsupportedError
		if errors.As(err, &ue) || errors.Is(err, ErrNothingToSay) {
			return nil, err
		}
	}
	if err != nil {
		if o.Fallback == nil || ctx.Err() != nil {
			return nil, err
		}
		fb, ferr := o.Fallback.Write(ctx, req)
		if ferr == nil && fb == nil {
			ferr = errors.New("no briefing")
		}
		if ferr != nil {
			return nil, fmt.Errorf("%w; the fallback failed too: %v", err, ferr)
		}
		note := fmt.Sprintf("The %s backend failed (%v); this briefing was written by the %s method instead.", backendName(o.Writer), err, fb.Backend)
		fb.Notes = append(fb.Notes, note)
		if o.Warn != nil {
			o.Warn(note)
		}
		b = fb
		if res, err = check(b, true); err != nil {
			return nil, err
		}
	}
	if res.Dropped > 0 || res.DroppedItems > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("The citation check removed %d citation(s) and %d sentence(s) that the cited sources do not support.", res.Dropped, res.DroppedItems))
		PruneSources(b)
	}
	if res.Marked > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("%d sentence(s) are marked ⚠ unsupported: the cited sources do not state them as written.", res.Marked))
	}
	if failed := res.Checked - res.Verified - res.Dropped; failed > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("%d citation(s) failed the check and are shown with a question mark, as in [%d?].", failed, firstFailed(b)))
	}
	return b, nil
}

// firstFailed is the number of the first citation on the page that
// failed the check, for the note that explains its marker.
func firstFailed(b *Briefing) int {
	items := append([]Item{b.Headline}, sectionItems(b)...)
	for _, it := range items {
		for _, c := range it.Citations {
			if citationFailed(c) {
				return c.N
			}
		}
	}
	return 1
}

func sectionItems(b *Briefing) []Item {
	var out []Item
	for _, s := range b.Sections {
		out = append(out, s.Items...)
	}
	return out
}

// backendName names a writer for a note: its Name method if it has one.
func backendName(w Writer) string {
	if n, ok := w.(interface{ Name() string }); ok {
		return n.Name()
	}
	return "first"
}

// PruneSources removes from the source list the sources no citation and
// no coverage row refers to any more (their only citations were dropped
// by the check) and renumbers the rest, citations and coverage with
// them: a listed source is one the page uses.
func PruneSources(b *Briefing) {
	used := make([]bool, len(b.Sources)+1)
	mark := func(it *Item) {
		for _, c := range it.Citations {
			if c.N >= 1 && c.N <= len(b.Sources) {
				used[c.N] = true
			}
		}
	}
	mark(&b.Headline)
	for si := range b.Sections {
		for ii := range b.Sections[si].Items {
			mark(&b.Sections[si].Items[ii])
		}
	}
	for _, r := range b.Coverage.Rows {
		for _, n := range r.Sources {
			if n >= 1 && n <= len(b.Sources) {
				used[n] = true
			}
		}
	}
	num := make([]int, len(b.Sources)+1)
	var kept []SourceRef
	for _, s := range b.Sources {
		if s.N >= 1 && s.N < len(used) && used[s.N] {
			num[s.N] = len(kept) + 1
			s.N = len(kept) + 1
			kept = append(kept, s)
		}
	}
	if len(kept) == len(b.Sources) {
		return
	}
	b.Sources = kept
	renumber := func(it *Item) {
		for k := range it.Citations {
			if n := it.Citations[k].N; n >= 1 && n < len(num) {
				it.Citations[k].N = num[n]
			}
		}
	}
	renumber(&b.Headline)
	for si := range b.Sections {
		for ii := range b.Sections[si].Items {
			renumber(&b.Sections[si].Items[ii])
		}
	}
	for ri := range b.Coverage.Rows {
		for k, n := range b.Coverage.Rows[ri].Sources {
			if n >= 1 && n < len(num) {
				b.Coverage.Rows[ri].Sources[k] = num[n]
			}
		}
	}
}
