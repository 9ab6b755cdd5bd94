package briefing

import (
	"context"
	"errors"
	"fmt"
)

// ErrNothingToSay is returned when no sentence of the sources can stand
// on a briefing line with a checked citation: an empty page is not a
// briefing.
var ErrNothingToSay = errors.New("no sentence of the sources could be used for a briefing (too short, fragments, or not sentences)")

// ComposeOptions say who writes the briefing and who checks it.
type ComposeOptions struct {
	// Writer is the backend asked first.
	Writer Writer
	// Fallback writes the briefing when Writer fails; nil for none. A
	// failed model call must never cost the user their briefing, so a
	// model backend is always paired with the extractive one here.
	Fallback Writer
	// Verifier checks every citation; citations it cannot confirm are
	// dropped, and sentences left with none are removed.
	Verifier *Verifier
}

// Compose writes the briefing, falling back when the writer fails, and
// checks every citation before anyone sees it.
func Compose(ctx context.Context, req Request, o ComposeOptions) (*Briefing, error) {
	if o.Writer == nil {
		return nil, errors.New("briefing: no backend")
	}
	b, err := o.Writer.Write(ctx, req)
	if err == nil && b == nil {
		err = errors.New("the backend returned no briefing")
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
		fb.Notes = append(fb.Notes, fmt.Sprintf("The %s backend failed (%v); this briefing was written by the %s method instead.", backendName(o.Writer), err, fb.Backend))
		b = fb
	}
	v := o.Verifier
	if v == nil {
		v = NewVerifier()
	}
	res := v.Verify(b, req.Corpus, VerifyOptions{Drop: true})
	if res.Dropped > 0 {
		b.Notes = append(b.Notes, fmt.Sprintf("The citation check removed %d citation(s) and %d sentence(s) that the cited sources do not support.", res.Dropped, res.DroppedItems))
	}
	if len(b.Sections) == 0 && b.Headline.Text == "" {
		return nil, ErrNothingToSay
	}
	return b, nil
}

// backendName names a writer for a note: its Name method if it has one.
func backendName(w Writer) string {
	if n, ok := w.(interface{ Name() string }); ok {
		return n.Name()
	}
	return "first"
}
