// Package llm writes briefings with a language model. It turns the fact
// table into prompts (package prompts), sends them through a Client,
// reads the model's JSON answer back into the briefing schema and finds
// the evidence span in each cited source, so that the citation check
// (briefing.Verifier) can judge every sentence the model wrote.
//
// The package knows nothing of HTTP: a Client sends one call. The
// OpenAI-compatible client lives in llm/openai and the response cache in
// llm/cache, so a fake Client serves the tests of everything here.
package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
)

// Call is one request to the model: a system and a user message, and the
// shape the answer must have.
type Call struct {
	// Stage names the call for progress lines and --dry-run: "briefing",
	// "part 2 of 5", "merge", "repair".
	Stage  string
	System string
	User   string
	// Schema is the JSON schema the answer must match, and SchemaName its
	// name. A client asks for structured output with it where the server
	// supports that, and for JSON mode otherwise. Empty: JSON mode only.
	Schema     json.RawMessage
	SchemaName string
	// MaxTokens caps the answer; 0 leaves the client's setting.
	MaxTokens int
}

// Answer is what the model returned for a Call.
type Answer struct {
	Content string
	// FinishReason is the server's: "stop", or "length" when the answer
	// was cut at the token limit (and so is not whole).
	FinishReason string
	// Model is the model the server says answered.
	Model string
	// PromptTokens and CompletionTokens are the server's usage counts
	// (0 when the server reports none).
	PromptTokens, CompletionTokens int
	// Cached is set when the answer came from the response cache and no
	// request was made.
	Cached bool
}

// Client sends calls to a model.
type Client interface {
	Complete(ctx context.Context, c Call) (Answer, error)
}

// ErrorKind classifies a failed call by what the user can do about it.
type ErrorKind int

const (
	// ErrOther is any failure not listed below.
	ErrOther ErrorKind = iota
	// ErrAuth: the server refused the credentials (401, 403). Never
	// retried: the same key fails the same way.
	ErrAuth
	// ErrBadRequest: the server rejected the request itself (400, 404
	// for an unknown model, 422). Never retried.
	ErrBadRequest
	// ErrRateLimit: 429 after every retry.
	ErrRateLimit
	// ErrServer: 5xx after every retry.
	ErrServer
	// ErrUnreachable: the connection failed (refused, reset, DNS) after
	// every retry.
	ErrUnreachable
	// ErrTimeout: no answer within the request timeout, after every
	// retry.
	ErrTimeout
	// ErrBadAnswer: the server answered, but not with a usable briefing
	// (no choices, invalid JSON after the repair attempt, cut short).
	ErrBadAnswer
)

// Error is a failed model call with a message a user can act on.
type Error struct {
	Kind ErrorKind
	// Status is the HTTP status, 0 when there was no response.
	Status int
	// Msg says what went wrong, for a person: "the server refused the
	// API key (HTTP 401)".
	Msg string
	// Hint says what to do: "set OPENAI_API_KEY to a valid key". It
	// never contains a key.
	Hint string
	// Attempts is how many requests were made.
	Attempts int
	Err      error
}

func (e *Error) Error() string {
	s := e.Msg
	if s == "" && e.Err != nil {
		s = e.Err.Error()
	}
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// KindOf is the ErrorKind of err: ErrOther when err is no *Error.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ErrOther
}

// Usage adds up the tokens of a run's calls, for the line on stderr.
type Usage struct {
	// Calls counts answers, Cached those the response cache gave.
	Calls, Cached                  int
	PromptTokens, CompletionTokens int
}

// Add counts one answer. A cached answer cost nothing this run: its
// tokens are not counted.
func (u *Usage) Add(a Answer) {
	u.Calls++
	if a.Cached {
		u.Cached++
		return
	}
	u.PromptTokens += a.PromptTokens
	u.CompletionTokens += a.CompletionTokens
}

func (u Usage) String() string {
	s := fmt.Sprintf("%d call(s), %d prompt + %d completion tokens", u.Calls, u.PromptTokens, u.CompletionTokens)
	if u.Cached > 0 {
		s += fmt.Sprintf(" (%d from the cache)", u.Cached)
	}
	return s
}
