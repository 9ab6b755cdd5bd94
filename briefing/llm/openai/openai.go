// Package openai is the llm.Client for servers that speak OpenAI's Chat
// Completions API: OpenAI itself, and local servers such as Ollama,
// llama.cpp's server and vLLM.
//
// Requests go through github.com/sashabaranov/go-openai. What that library
// cannot do is done in an http.RoundTripper wrapped around the caller's:
// retries (go-openai's errors carry no headers, so Retry-After is only
// visible there), a timeout per attempt, and the fields go-openai would
// drop or refuse (a temperature of 0).
package openai

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/brieftool/brief/briefing/llm"
)

const (
	// DefaultBaseURL is OpenAI's API.
	DefaultBaseURL = "https://api.openai.com/v1"
	// DefaultAPIKeyEnv is the environment variable the key is read from.
	DefaultAPIKeyEnv = "OPENAI_API_KEY"

	defaultTimeout     = 2 * time.Minute
	defaultMaxAttempts = 5
	defaultBaseDelay   = time.Second
	defaultMaxDelay    = 30 * time.Second

	// maxRetryAfter caps the wait a server may ask for, so a confused
	// proxy cannot park a run for hours.
	maxRetryAfter = 2 * time.Minute
	// maxAnswerBytes bounds what is buffered of one response; a chat
	// completion is a few kilobytes.
	maxAnswerBytes = 32 << 20
	// maxMessageRunes bounds the server's message quoted in an error, as
	// some proxies answer with whole HTML pages.
	maxMessageRunes = 400
)

// Config configures a Client. The zero value of each field but Model
// means its default.
type Config struct {
	// BaseURL is the API root, ending in /v1 for most servers. Default
	// DefaultBaseURL.
	BaseURL string
	// APIKey is sent as a bearer token; empty sends none, as local
	// servers need none.
	APIKey string
	// APIKeyEnv names the variable the key came from, for hints. Default
	// DefaultAPIKeyEnv.
	APIKeyEnv string
	// Model is required.
	Model string
	// Temperature is sent exactly as given, 0 included; nil sends none
	// and leaves the server's default.
	Temperature *float64
	// MaxTokens caps each answer; 0 sends no cap. llm.Call.MaxTokens > 0
	// overrides it per call.
	MaxTokens int
	// Timeout bounds each attempt, request and reading the answer.
	// Default 2 minutes.
	Timeout time.Duration
	// MaxAttempts is the number of requests per call, first try
	// included. Default 5.
	MaxAttempts int
	// BaseDelay and MaxDelay shape the backoff between attempts:
	// a random wait up to BaseDelay*2^k, capped at MaxDelay. Defaults 1s
	// and 30s.
	BaseDelay, MaxDelay time.Duration
	// HTTPClient is used when set. Its Transport (or
	// http.DefaultTransport) is wrapped, never changed.
	HTTPClient *http.Client
}

// format is how much structure a request asks of the answer. It only
// ever goes up: each step is the fallback for servers that refuse the
// one before.
type format int32

const (
	formatSchema     format = iota // response_format json_schema, strict
	formatJSONObject               // response_format json_object
	formatNone                     // no response_format; the prompt asks for JSON
)

// Client is an llm.Client for an OpenAI-compatible server. It is safe for
// concurrent use.
type Client struct {
	cfg     Config
	baseURL string // for messages: no password, no query values, no trailing slash
	// secrets are never printed: the key, and a password or query
	// values in the base URL.
	secrets []string
	api     *goopenai.Client
	// floor is the least format the server has refused less than: once a
	// server rejects json_schema, later calls start at json_object.
	floor atomic.Int32
	// sleep waits between attempts; tests replace it to see the waits
	// without spending them.
	sleep func(ctx context.Context, d time.Duration) error
	// maxAnswer is maxAnswerBytes; tests lower it, so that reading past
	// it stays quick under the race detector.
	maxAnswer int64
}

var _ llm.Client = (*Client)(nil)

// New checks cfg, fills in its defaults and returns a Client.
func New(cfg Config) (*Client, error) {
	cfg.Model = strings.TrimSpace(cfg.Model)
	if cfg.Model == "" {
		return nil, errors.New("openai: no model given (set --model or BRIEF_MODEL)")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil {
		// The parse error quotes the URL, which may hold a password.
		return nil, errors.New("openai: the base URL does not parse as a URL (check --base-url or OPENAI_BASE_URL)")
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("openai: base URL %q is not an http:// or https:// URL (check --base-url or OPENAI_BASE_URL)", RedactURL(cfg.BaseURL))
	}
	// A key pasted from a file often ends in a newline, which net/http
	// refuses to put in a header.
	cfg.APIKey = strings.TrimSpace(cfg.APIKey)
	if cfg.APIKeyEnv == "" {
		cfg.APIKeyEnv = DefaultAPIKeyEnv
	}
	if t := cfg.Temperature; t != nil {
		if math.IsNaN(*t) || math.IsInf(*t, 0) {
			return nil, errors.New("openai: temperature must be a finite number")
		}
		// Keep our own copy: the caller's variable may change later.
		v := *t
		cfg.Temperature = &v
	}
	if cfg.MaxTokens < 0 {
		return nil, fmt.Errorf("openai: max tokens must not be negative, got %d", cfg.MaxTokens)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = defaultTimeout
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = defaultMaxAttempts
	}
	if cfg.BaseDelay <= 0 {
		cfg.BaseDelay = defaultBaseDelay
	}
	if cfg.MaxDelay <= 0 {
		cfg.MaxDelay = defaultMaxDelay
	}
	if cfg.MaxDelay < cfg.BaseDelay {
		cfg.MaxDelay = cfg.BaseDelay
	}

	c := &Client{
		cfg:       cfg,
		baseURL:   strings.TrimRight(RedactURL(cfg.BaseURL), "/"),
		sleep:     sleepCtx,
		secrets:   urlSecrets(u),
		maxAnswer: maxAnswerBytes,
	}
	if cfg.APIKey != "" {
		c.secrets = append(c.secrets, cfg.APIKey)
	}
	var hc http.Client
	if cfg.HTTPClient != nil {
		hc = *cfg.HTTPClient
	}
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	hc.Transport = &transport{c: c, base: base}
	if hc.CheckRedirect == nil {
		hc.CheckRedirect = c.checkRedirect
	}
	oc := goopenai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = cfg.BaseURL
	oc.HTTPClient = &hc
	c.api = goopenai.NewClientWithConfig(oc)
	return c, nil
}

// Models asks the server which models it serves (GET /models), for a
// user who names none: llama.cpp's and vLLM's servers serve one. cfg's
// Model is not needed. Errors are *llm.Error, as Complete's.
func Models(ctx context.Context, cfg Config) ([]string, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		cfg.Model = "(any)"
	}
	c, err := New(cfg)
	if err != nil {
		return nil, err
	}
	st := new(callState)
	list, err := c.api.ListModels(context.WithValue(ctx, stateKey{}, st))
	if err != nil {
		return nil, c.fail(ctx, err, st)
	}
	var out []string
	for _, m := range list.Models {
		if id := strings.TrimSpace(m.ID); id != "" {
			out = append(out, id)
		}
	}
	return out, nil
}

// Name names the backend and model, for progress lines and cache keys.
func (c *Client) Name() string { return "openai:" + c.cfg.Model }

// Complete sends call and returns the model's answer. Errors are
// *llm.Error; a cancelled ctx gives one that wraps context.Canceled.
func (c *Client) Complete(ctx context.Context, call llm.Call) (llm.Answer, error) {
	st := new(callState)
	ctx = context.WithValue(ctx, stateKey{}, st)
	f := formatJSONObject
	if len(call.Schema) > 0 {
		f = formatSchema
	}
	f = max(f, format(c.floor.Load()))
	for {
		resp, err := c.api.CreateChatCompletion(ctx, c.request(call, f))
		if err == nil {
			return c.answer(resp, st)
		}
		if f < formatNone && formatRefused(err) {
			f++
			c.raiseFloor(f)
			continue
		}
		return llm.Answer{}, c.fail(ctx, err, st)
	}
}

func (c *Client) raiseFloor(f format) {
	for {
		cur := c.floor.Load()
		if format(cur) >= f || c.floor.CompareAndSwap(cur, int32(f)) {
			return
		}
	}
}

func (c *Client) request(call llm.Call, f format) goopenai.ChatCompletionRequest {
	req := goopenai.ChatCompletionRequest{
		Model: c.cfg.Model,
		Messages: []goopenai.ChatCompletionMessage{
			{Role: goopenai.ChatMessageRoleSystem, Content: call.System},
			{Role: goopenai.ChatMessageRoleUser, Content: call.User},
		},
		// Temperature stays 0 here: go-openai omits 0 and refuses other
		// values for reasoning models, so the transport writes it.
	}
	n := c.cfg.MaxTokens
	if call.MaxTokens > 0 {
		n = call.MaxTokens
	}
	if n > 0 {
		if reasoningModel(c.cfg.Model) {
			req.MaxCompletionTokens = n
		} else {
			// Older OpenAI-compatible servers (llama.cpp, older vLLM)
			// know only max_tokens.
			//lint:ignore SA1019 max_completion_tokens is unknown to many local servers
			req.MaxTokens = n
		}
	}
	switch f {
	case formatSchema:
		name := call.SchemaName
		if name == "" {
			// OpenAI requires a name.
			name = "answer"
		}
		req.ResponseFormat = &goopenai.ChatCompletionResponseFormat{
			Type: goopenai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &goopenai.ChatCompletionResponseFormatJSONSchema{
				Name:   name,
				Schema: call.Schema,
				Strict: true,
			},
		}
	case formatJSONObject:
		req.ResponseFormat = &goopenai.ChatCompletionResponseFormat{
			Type: goopenai.ChatCompletionResponseFormatTypeJSONObject,
		}
	}
	return req
}

// reasoningModel reports whether model takes max_completion_tokens
// instead of max_tokens. go-openai refuses max_tokens for these names
// (o1, o3, o4, gpt-5 and its gpt-6 names) before sending anything.
func reasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

func (c *Client) answer(resp goopenai.ChatCompletionResponse, st *callState) (llm.Answer, error) {
	if len(resp.Choices) == 0 {
		return llm.Answer{}, &llm.Error{
			Kind:     llm.ErrBadAnswer,
			Status:   st.status,
			Attempts: st.attempts,
			Msg:      fmt.Sprintf("the server at %s answered with no choices", c.baseURL),
		}
	}
	ch := resp.Choices[0]
	return llm.Answer{
		Content:          ch.Message.Content,
		FinishReason:     string(ch.FinishReason),
		Model:            resp.Model,
		PromptTokens:     resp.Usage.PromptTokens,
		CompletionTokens: resp.Usage.CompletionTokens,
	}, nil
}

// formatRefused reports whether err is the server refusing the
// response_format we asked for, so that a plainer one may pass.
func formatRefused(err error) bool {
	status, msg := serverError(err)
	if status < 400 || status > 499 {
		return false
	}
	switch status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusTooManyRequests:
		return false
	}
	msg = strings.ToLower(msg)
	for _, w := range []string{"response_format", "json_schema", "schema", "not supported"} {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return false
}

// serverError returns the HTTP status and the server's message of an
// error response; status 0 when err is none.
func serverError(err error) (int, string) {
	var ae *goopenai.APIError
	if errors.As(err, &ae) {
		return ae.HTTPStatusCode, ae.Message
	}
	var re *goopenai.RequestError
	if errors.As(err, &re) {
		msg := strings.TrimSpace(string(re.Body))
		if msg == "" && re.Err != nil {
			msg = re.Err.Error()
		}
		return re.HTTPStatusCode, msg
	}
	return 0, ""
}

// fail turns what go-openai returned, and what the transport saw, into an
// *llm.Error a person can act on.
func (c *Client) fail(ctx context.Context, err error, st *callState) error {
	e := c.classify(ctx, err, st)
	e.Attempts = st.attempts
	// Servers have been known to echo the Authorization header in their
	// error bodies; nothing we hand back may carry the key.
	e.Msg = c.redact(e.Msg)
	e.Hint = c.redact(e.Hint)
	if c.cfg.APIKey != "" && e.Err != nil && strings.Contains(e.Err.Error(), c.cfg.APIKey) {
		e.Err = errors.New(c.redact(e.Err.Error()))
	}
	return e
}

func (c *Client) classify(ctx context.Context, err error, st *callState) *llm.Error {
	ctxDone := errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
	if cerr := ctx.Err(); cerr != nil && ctxDone {
		if errors.Is(cerr, context.Canceled) {
			return &llm.Error{Kind: llm.ErrOther, Msg: fmt.Sprintf("request to %s cancelled", c.baseURL), Err: cerr}
		}
		return &llm.Error{
			Kind: llm.ErrTimeout,
			Msg:  fmt.Sprintf("no answer from %s before the deadline (%s)", c.baseURL, attempts(st.attempts)),
			Err:  cerr,
		}
	}

	var re *redirectError
	if errors.As(err, &re) {
		return &llm.Error{
			Kind:   llm.ErrUnreachable,
			Status: re.status,
			Msg:    fmt.Sprintf("the server at %s %s", c.baseURL, re.what),
			Hint:   re.hint,
			Err:    re,
		}
	}

	if status, msg := serverError(err); status != 0 {
		return c.statusError(status, c.quote(msg, status), st, c.sanitized(err))
	}

	if st.err != nil {
		if errors.Is(st.err, errTooLarge) {
			return &llm.Error{
				Kind:   llm.ErrBadAnswer,
				Status: st.status,
				Msg:    fmt.Sprintf("the server at %s sent an answer over the %s limit, where a chat completion is a few kilobytes", c.baseURL, sizeMiB(c.maxAnswer)),
				Hint:   "check that --base-url or OPENAI_BASE_URL is the API root",
				Err:    st.err,
			}
		}
		if st.timedOut {
			return &llm.Error{
				Kind: llm.ErrTimeout,
				Msg:  fmt.Sprintf("no answer from %s within %v (%s)", c.baseURL, c.cfg.Timeout, attempts(st.tries)),
				Hint: "raise --model-timeout",
				Err:  st.err,
			}
		}
		if ctxDone {
			// The caller's http.Client.Timeout ran out, not ours.
			return &llm.Error{
				Kind: llm.ErrTimeout,
				Msg:  fmt.Sprintf("no answer from %s in time (%s)", c.baseURL, attempts(st.tries)),
				Hint: "raise --model-timeout",
				Err:  st.err,
			}
		}
		return &llm.Error{
			Kind: llm.ErrUnreachable,
			Msg:  fmt.Sprintf("cannot reach %s: %s (%s)", c.baseURL, dropReason(st.err), attempts(st.tries)),
			Hint: "is the server running? check --base-url or OPENAI_BASE_URL",
			Err:  st.err,
		}
	}

	if st.status >= 200 && st.status < 300 {
		// The request went through, but the body did not decode.
		return &llm.Error{
			Kind:   llm.ErrBadAnswer,
			Status: st.status,
			Msg:    fmt.Sprintf("the server at %s sent an answer that is not a chat completion: %v", c.baseURL, err),
			Err:    err,
		}
	}
	// go-openai refused the request before sending it.
	return &llm.Error{
		Kind: llm.ErrBadRequest,
		Msg:  fmt.Sprintf("cannot send the request for model %q: %v", c.cfg.Model, err),
		Err:  err,
	}
}

func (c *Client) statusError(status int, msg string, st *callState, err error) *llm.Error {
	e := &llm.Error{Status: status, Err: err}
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		e.Kind = llm.ErrAuth
		e.Msg = fmt.Sprintf("the server at %s refused the API key (HTTP %d: %s)", c.baseURL, status, msg)
		e.Hint = fmt.Sprintf("set %s to a valid key", c.cfg.APIKeyEnv)
		if c.cfg.APIKey == "" {
			e.Msg = fmt.Sprintf("the server at %s wants an API key (HTTP %d: %s)", c.baseURL, status, msg)
			e.Hint = fmt.Sprintf("%s is not set; set it to a valid key", c.cfg.APIKeyEnv)
		}
	case status == http.StatusNotFound:
		e.Kind = llm.ErrBadRequest
		e.Msg = fmt.Sprintf("model %q not found at %s (HTTP 404: %s)", c.cfg.Model, c.baseURL, msg)
		e.Hint = fmt.Sprintf("check --model or BRIEF_MODEL (for Ollama: ollama pull %s), and that --base-url is the API root, often ending in /v1", c.cfg.Model)
	case status == http.StatusTooManyRequests:
		e.Kind = llm.ErrRateLimit
		e.Msg = fmt.Sprintf("rate-limited by %s: HTTP 429 after %s: %s", c.baseURL, attempts(st.tries), msg)
		e.Hint = "wait a while and run again, or use a key with a higher rate limit"
	case status >= 500:
		e.Kind = llm.ErrServer
		e.Msg = fmt.Sprintf("the server at %s failed: HTTP %d after %s: %s", c.baseURL, status, attempts(st.tries), msg)
		e.Hint = "the server is failing, not the request; try again later"
	case status >= 400:
		e.Kind = llm.ErrBadRequest
		e.Msg = fmt.Sprintf("the server at %s rejected the request for model %q (HTTP %d: %s)", c.baseURL, c.cfg.Model, status, msg)
	default:
		e.Kind = llm.ErrOther
		e.Msg = fmt.Sprintf("unexpected answer from %s (HTTP %d: %s)", c.baseURL, status, msg)
	}
	return e
}

// quote makes the server's message fit in one line of ours.
func (c *Client) quote(msg string, status int) string {
	msg = strings.Join(strings.Fields(msg), " ")
	if msg == "" {
		msg = http.StatusText(status)
	}
	if utf8.RuneCountInString(msg) > maxMessageRunes {
		r := []rune(msg)
		msg = string(r[:maxMessageRunes]) + "…"
	}
	return msg
}

// sanitized is err with the key taken out of the server's text, keeping
// its type for errors.As.
func (c *Client) sanitized(err error) error {
	var ae *goopenai.APIError
	if errors.As(err, &ae) {
		cp := *ae
		cp.Message = c.redact(cp.Message)
		return &cp
	}
	var re *goopenai.RequestError
	if errors.As(err, &re) {
		cp := *re
		cp.Body = []byte(c.redact(string(cp.Body)))
		return &cp
	}
	return err
}

func (c *Client) redact(s string) string {
	for _, secret := range c.secrets {
		s = strings.ReplaceAll(s, secret, "[redacted]")
	}
	return s
}

// RedactURL is u fit to print: a password and the values of query
// parameters (Azure-style proxies take "?api-key=...") replaced.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(an unparsable URL)"
	}
	if len(u.Query()) > 0 {
		q := u.Query()
		for k := range q {
			q.Set(k, "redacted")
		}
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// urlSecrets are the parts of a base URL that must not be printed.
func urlSecrets(u *url.URL) []string {
	var out []string
	if p, ok := u.User.Password(); ok && p != "" {
		out = append(out, p)
	}
	for _, vs := range u.Query() {
		for _, v := range vs {
			if len(v) >= 4 {
				out = append(out, v)
			}
		}
	}
	return out
}

func attempts(n int) string {
	if n == 1 {
		return "1 attempt"
	}
	return fmt.Sprintf("%d attempts", n)
}

// dropReason says what the server did to a request that got no whole
// answer; the bare errors name a socket or say only "EOF".
func dropReason(err error) string {
	switch {
	case errors.Is(err, syscall.ECONNRESET):
		return "the server reset the connection"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the server closed the connection before the whole answer arrived"
	case errors.Is(err, io.EOF):
		return "the server closed the connection without answering"
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

func sizeMiB(n int64) string {
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', -1, 64) + " MiB"
}
