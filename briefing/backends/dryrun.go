package backends

import (
	"fmt"
	"io"
	"strings"

	"github.com/brieftool/brief/briefing/llm"
	"github.com/brieftool/brief/briefing/llm/openai"
)

// Cost prices tokens at the settings' prices: the known list price for
// OpenAI's own models, --price-in and --price-out otherwise. ok is false
// when no price is known.
func (o *Opened) Cost(in, out int) (usd float64, ok bool) {
	s := o.Resolved
	if s.PriceIn == nil || s.PriceOut == nil {
		return 0, false
	}
	return (float64(in)**s.PriceIn + float64(out)**s.PriceOut) / 1e6, true
}

// WriteDryRun writes what a run would send: each request's prompt and
// token count, and the estimated cost, without sending anything.
func (o *Opened) WriteDryRun(w io.Writer, p *llm.Plan) error {
	s := o.Resolved
	var b strings.Builder
	fmt.Fprintf(&b, "Dry run: nothing was sent.\nModel %s at %s; context %d tokens, up to %d tokens per answer.\n", s.Model, openai.RedactURL(s.BaseURL), p.Context, p.MaxTokens)
	in, out := 0, 0
	estimated := false
	for _, c := range p.Calls {
		in += c.Tokens
		out += c.MaxTokens
		estimated = estimated || c.Estimated
	}
	if p.Parts > 1 {
		fmt.Fprintf(&b, "The fact table does not fit one request: %d parts, then a merge (more merges if the drafts do not fit one).\n", p.Parts)
	}
	about := ""
	if estimated {
		about = "about "
	}
	fmt.Fprintf(&b, "%d request(s): %s%d prompt tokens, at most %d completion tokens.\n", len(p.Calls), about, in, out)
	if usd, ok := o.Cost(in, out); ok {
		fmt.Fprintf(&b, "Estimated cost: at most $%.4f ($%.2f / $%.2f per million prompt / completion tokens).\n", usd, *s.PriceIn, *s.PriceOut)
	} else {
		b.WriteString("Estimated cost: unknown for this model; give --price-in and --price-out (USD per million tokens). A local server costs nothing.\n")
	}
	if len(p.LeftOut) > 0 {
		fmt.Fprintf(&b, "Not given to the model (no statement in the fact table): %s.\n", strings.Join(p.LeftOut, "; "))
	}
	for i, c := range p.Calls {
		size := fmt.Sprintf("%d prompt tokens", c.Tokens)
		if c.Estimated {
			size = fmt.Sprintf("about %d prompt tokens once the drafts are in; shown without them", c.Tokens)
		}
		fmt.Fprintf(&b, "\n=== request %d of %d: %s (%s) ===\n--- system ---\n%s--- user ---\n%s", i+1, len(p.Calls), c.Stage, size, c.Prompt.System, c.Prompt.User)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// UsageLine sums up a real run's tokens for stderr.
func (o *Opened) UsageLine(u llm.Usage) string {
	s := fmt.Sprintf("%s: %s", o.Resolved.Model, u)
	if usd, ok := o.Cost(u.PromptTokens, u.CompletionTokens); ok {
		s += fmt.Sprintf(", about $%.4f", usd)
	}
	return s
}
