package llm

import (
	"fmt"

	"github.com/tiktoken-go/tokenizer"
)

// Counter counts tokens the way a model's tokenizer does, so that prompts
// can be sized to the context window before they are sent. It is safe for
// concurrent use.
//
// Each Counter holds its own codec and there is no package-level cache:
// the costly part of tokenizer.Get, building the vocabulary map (about
// 13 ms for cl100k_base and 50 ms for o200k_base, once per process), is
// already done once per process behind a sync.Once inside the tokenizer
// package, and a later Get costs a few microseconds (see
// BenchmarkNewCounter). A codec is safe to share between goroutines as
// long as nobody calls its SetErrorMode: Count only reads the vocabulary,
// and the split regexp takes its per-match state from a sync.Pool.
type Counter struct {
	codec tokenizer.Codec
	// roles is the token count of the roles "system" and "user", counted
	// once rather than on every Messages call.
	roles int
}

// NewCounter returns a Counter for model's encoding (LookupModel(model).
// Encoding): cl100k_base for a model we do not know, whose real tokenizer
// we cannot have, as a stand-in of about the same density for English.
func NewCounter(model string) (*Counter, error) {
	enc := LookupModel(model).Encoding
	codec, err := tokenizer.Get(tokenizer.Encoding(enc))
	if err != nil {
		return nil, fmt.Errorf("token counter for %q: encoding %s: %w", model, enc, err)
	}
	c := &Counter{codec: codec}
	c.roles = c.Count("system") + c.Count("user")
	return c, nil
}

// Count is the number of tokens in s. Special-token text such as
// "<|endoftext|>" counts as plain text, as the server treats it in a
// message.
func (c *Counter) Count(s string) int {
	if s == "" {
		return 0
	}
	n, err := c.codec.Count(s)
	if err != nil {
		// The codec fails only in strict UTF-8 mode, which the Counter
		// never sets, or on a regexp timeout, which it never sets either;
		// a rough estimate still beats failing a whole briefing over a
		// count.
		return (len(s) + 3) / 4
	}
	return n
}

// Chat framing, as OpenAI's cookbook counts it for current chat models:
// each message costs 3 tokens beyond its role and content, and every reply
// is primed with 3 more (<|start|>assistant<|message|>).
const (
	tokensPerMessage = 3
	tokensReplyPrime = 3
)

// Messages counts a chat request of a system and a user message: both
// contents, their roles and the framing OpenAI's cookbook counts. The
// system message is counted even when empty, since a client may still
// send it; overcounting by a few tokens is the safe side.
func (c *Counter) Messages(system, user string) int {
	return tokensReplyPrime + 2*tokensPerMessage + c.roles + c.Count(system) + c.Count(user)
}

// Encoding names the tiktoken encoding the Counter uses.
func (c *Counter) Encoding() string {
	return c.codec.GetName()
}
