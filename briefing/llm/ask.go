package llm

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/brieftool/brief/prompts"
)

// ask sends one prompt and reads the answer. An answer cut at the token
// limit is asked again once with twice the room, when the window has it;
// an answer that is not valid JSON gets one repair request. Whatever
// still fails is an *Error of kind ErrBadAnswer, never a partial briefing.
func (b *Backend) ask(ctx context.Context, stage string, p prompts.Prompt) (*answer, error) {
	counted := b.counter.Messages(p.System, p.User)
	maxTokens := b.o.MaxTokens
	var ans Answer
	for try := 0; ; try++ {
		var err error
		ans, err = b.send(ctx, stage, p, maxTokens, counted)
		if err != nil {
			return nil, err
		}
		// A server that cut the prompt to its own window (Ollama's
		// num_ctx) answers a question nobody asked; it reports the
		// tokens it read.
		// A cached answer keeps the count, so one written for a cut
		// prompt is never reused either.
		if ans.PromptTokens > 0 && counted >= 1000 && ans.PromptTokens*2 < counted {
			return nil, &Error{Kind: ErrBadAnswer, Msg: fmt.Sprintf("%s: the server read only %d of the prompt's about %d tokens, so it cut the prompt to a smaller window", stage, ans.PromptTokens, counted),
				Hint: fmt.Sprintf("set --context to the server's window (about %d; for Ollama, the model's num_ctx)", ans.PromptTokens)}
		}
		if ans.FinishReason != "length" {
			break
		}
		if try > 0 || counted+2*maxTokens > int(float64(b.context)*(1-safety/2)) {
			return nil, &Error{Kind: ErrBadAnswer, Msg: fmt.Sprintf("%s: the answer was cut at the %d-token limit", stage, maxTokens), Hint: "raise --max-tokens (and --context if the window allows)"}
		}
		maxTokens *= 2
	}
	a, perr := parseAnswer(ans.Content)
	if perr == nil {
		return a, nil
	}
	rp, err := b.prompts.Render(prompts.Repair, prompts.RepairData{Answer: clip(ans.Content, 4*b.budget()/2), Problem: perr.Error()})
	if err != nil {
		return nil, err
	}
	fixed, err := b.send(ctx, stage+" (repair)", rp, maxTokens, -1)
	if err != nil {
		return nil, err
	}
	if fixed.FinishReason == "length" {
		return nil, &Error{Kind: ErrBadAnswer, Msg: fmt.Sprintf("%s: the answer was not valid JSON (%v), and the repair was cut at the %d-token limit", stage, perr, maxTokens)}
	}
	a, err2 := parseAnswer(fixed.Content)
	if err2 != nil {
		return nil, &Error{Kind: ErrBadAnswer, Msg: fmt.Sprintf("%s: the answer was not valid briefing JSON (%v), and neither was the repair (%v)", stage, perr, err2)}
	}
	return a, nil
}

// send makes one request and counts its tokens. tokens is the prompt's
// size when the caller has counted it, else -1.
func (b *Backend) send(ctx context.Context, stage string, p prompts.Prompt, maxTokens, tokens int) (Answer, error) {
	if b.o.Client == nil {
		return Answer{}, fmt.Errorf("llm: no client")
	}
	if b.o.Progress != nil {
		if tokens < 0 {
			tokens = b.counter.Messages(p.System, p.User)
		}
		b.o.Progress(fmt.Sprintf("asking %s (%s, %d prompt tokens)", b.o.Model, stage, tokens))
	}
	ans, err := b.o.Client.Complete(ctx, Call{Stage: stage, System: p.System, User: p.User,
		Schema: prompts.AnswerSchema(), SchemaName: prompts.SchemaName, MaxTokens: maxTokens})
	if err != nil {
		return Answer{}, err
	}
	b.mu.Lock()
	b.usage.Add(ans)
	b.mu.Unlock()
	return ans, nil
}

// clip cuts s to at most n bytes on a rune boundary: a runaway answer
// must not make the repair request overflow the window.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
