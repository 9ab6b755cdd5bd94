package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brieftool/brief/briefing/llm"
)

// testKey is distinctive so that a leak into any message is certain to
// be seen.
const testKey = "sk-test-Zq8vN3xK7pLw2Rt9"

var testSchema = json.RawMessage(`{"type":"object","properties":{"sentences":{"type":"array","items":{"type":"string"}}},"required":["sentences"],"additionalProperties":false}`)

// seen is one request as the server received it.
type seen struct {
	auth string
	raw  string
	body map[string]any
}

// server is a Chat Completions endpoint whose answers the test scripts:
// handle gets the 1-based number of the request and its decoded body.
type server struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []seen
}

func newServer(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, n int, body map[string]any)) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
			http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, http.StatusTeapot)
			return
		}
		raw, _ := io.ReadAll(r.Body)
		var body map[string]any
		if err := json.Unmarshal(raw, &body); err != nil {
			http.Error(w, "bad JSON: "+err.Error(), http.StatusTeapot)
			return
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, seen{auth: r.Header.Get("Authorization"), raw: string(raw), body: body})
		n := len(s.reqs)
		s.mu.Unlock()
		handle(w, r, n, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) requests() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.reqs...)
}

func completion(content string) string {
	b, _ := json.Marshal(content)
	return `{
  "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
  "object": "chat.completion",
  "created": 1741569952,
  "model": "gpt-4o-mini-2024-07-18",
  "choices": [
    {
      "index": 0,
      "message": {"role": "assistant", "content": ` + string(b) + `, "refusal": null, "annotations": []},
      "logprobs": null,
      "finish_reason": "stop"
    }
  ],
  "usage": {"prompt_tokens": 19, "completion_tokens": 10, "total_tokens": 29,
    "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
    "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}},
  "service_tier": "default",
  "system_fingerprint": "fp_06737a9306"
}`
}

func ok(w http.ResponseWriter, content string) {
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, completion(content))
}

func apiError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]any{"error": map[string]any{
		"message": msg, "type": "invalid_request_error", "param": nil, "code": nil,
	}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// newClient is a Client for s with millisecond backoff; edit adjusts the
// Config first.
func newClient(t *testing.T, baseURL string, edit func(*Config)) *Client {
	t.Helper()
	cfg := Config{
		BaseURL:     baseURL,
		APIKey:      testKey,
		Model:       "gpt-4o-mini",
		Timeout:     2 * time.Second,
		MaxAttempts: 5,
		BaseDelay:   time.Millisecond,
		MaxDelay:    4 * time.Millisecond,
	}
	if edit != nil {
		edit(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// recordSleeps makes c note its waits instead of spending them.
func recordSleeps(c *Client) func() []time.Duration {
	var mu sync.Mutex
	var waits []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
		return ctx.Err()
	}
	return func() []time.Duration {
		mu.Lock()
		defer mu.Unlock()
		return append([]time.Duration(nil), waits...)
	}
}

func call() llm.Call {
	return llm.Call{
		Stage:      "briefing",
		System:     "You write briefings.",
		User:       "Summarise: the council voted 7-2.",
		Schema:     testSchema,
		SchemaName: "briefing",
	}
}

func asError(t *testing.T, err error) *llm.Error {
	t.Helper()
	var e *llm.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is no *llm.Error", err, err)
	}
	return e
}

// noKey fails the test if the API key is anywhere in err.
func noKey(t *testing.T, err error) {
	t.Helper()
	e := asError(t, err)
	texts := []string{err.Error(), e.Msg, e.Hint, fmt.Sprintf("%+v", *e)}
	for u := error(e); u != nil; u = errors.Unwrap(u) {
		texts = append(texts, u.Error())
	}
	for _, s := range texts {
		if strings.Contains(s, testKey) {
			t.Errorf("the API key leaked into %q", s)
		}
	}
}

func ptr(f float64) *float64 { return &f }

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"defaults", Config{Model: "gpt-4o-mini"}, ""},
		{"no model", Config{BaseURL: "http://localhost:11434/v1"}, "no model"},
		{"blank model", Config{Model: "  "}, "no model"},
		{"ftp", Config{Model: "m", BaseURL: "ftp://example.com/v1"}, "not an http"},
		{"no scheme", Config{Model: "m", BaseURL: "localhost:11434"}, "not an http"},
		{"unparsable", Config{Model: "m", BaseURL: "http://a b:pw@x/%zz"}, "does not parse"},
		{"password hidden", Config{Model: "m", BaseURL: "ftp://u:hunter2@example.com"}, "xxxxx"},
		{"NaN temperature", Config{Model: "m", Temperature: ptr(nanValue())}, "finite"},
		{"negative max tokens", Config{Model: "m", MaxTokens: -1}, "negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.cfg)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				if c.Name() != "openai:"+tt.cfg.Model {
					t.Errorf("Name() = %q", c.Name())
				}
				if c.cfg.BaseURL != DefaultBaseURL || c.cfg.APIKeyEnv != DefaultAPIKeyEnv ||
					c.cfg.Timeout != 2*time.Minute || c.cfg.MaxAttempts != 5 ||
					c.cfg.BaseDelay != time.Second || c.cfg.MaxDelay != 30*time.Second {
					t.Errorf("defaults not applied: %+v", c.cfg)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("New: error %v, want one containing %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("password in %q", err)
			}
		})
	}
}

func nanValue() float64 {
	zero := 0.0
	return zero / zero
}

func TestCompleteSends(t *testing.T) {
	tests := []struct {
		name      string
		model     string
		key       string
		temp      *float64
		maxTokens int
		call      func(llm.Call) llm.Call
		// want lists fields the body must carry (compared as JSON), and
		// absent fields it must not.
		want   map[string]any
		absent []string
		// rawHas is a pattern the body must match as sent: the
		// number exactly as given, not rounded through float32.
		rawHas string
	}{
		{
			name: "temperature 0 and config max tokens", model: "gpt-4o-mini", key: testKey,
			temp: ptr(0), maxTokens: 1000,
			want:   map[string]any{"temperature": 0.0, "max_tokens": 1000.0},
			absent: []string{"max_completion_tokens"},
			rawHas: `"temperature":0[,}]`,
		},
		{
			name: "temperature 0.7 and per-call max tokens", model: "gpt-4o-mini", key: testKey,
			temp: ptr(0.7), maxTokens: 1000,
			call:   func(c llm.Call) llm.Call { c.MaxTokens = 300; return c },
			want:   map[string]any{"temperature": 0.7, "max_tokens": 300.0},
			rawHas: `"temperature":0\.7[,}]`,
		},
		{
			name: "nothing optional", model: "llama3.1:8b", key: "",
			absent: []string{"temperature", "max_tokens", "max_completion_tokens"},
		},
		{
			// go-openai would refuse both max_tokens and a temperature
			// other than 1 for o3 models before sending anything.
			name: "reasoning model", model: "o3-mini", key: testKey,
			temp: ptr(0.5), maxTokens: 2000,
			want:   map[string]any{"temperature": 0.5, "max_completion_tokens": 2000.0},
			absent: []string{"max_tokens"},
		},
		{
			name: "gpt-5", model: "gpt-5-mini", key: testKey,
			temp: ptr(0), maxTokens: 64,
			want:   map[string]any{"temperature": 0.0, "max_completion_tokens": 64.0},
			absent: []string{"max_tokens"},
		},
		{
			name: "no schema asks for JSON mode", model: "gpt-4o-mini", key: testKey,
			call: func(c llm.Call) llm.Call { c.Schema, c.SchemaName = nil, ""; return c },
			want: map[string]any{"response_format": map[string]any{"type": "json_object"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
				ok(w, `{"sentences":["The council voted 7-2."]}`)
			})
			c := newClient(t, srv.URL+"/v1", func(cfg *Config) {
				cfg.Model, cfg.APIKey, cfg.Temperature, cfg.MaxTokens = tt.model, tt.key, tt.temp, tt.maxTokens
			})
			in := call()
			if tt.call != nil {
				in = tt.call(in)
			}
			ans, err := c.Complete(context.Background(), in)
			if err != nil {
				t.Fatalf("Complete: %v", err)
			}
			want := llm.Answer{
				Content:      `{"sentences":["The council voted 7-2."]}`,
				FinishReason: "stop", Model: "gpt-4o-mini-2024-07-18",
				PromptTokens: 19, CompletionTokens: 10,
			}
			if ans != want {
				t.Errorf("answer = %+v, want %+v", ans, want)
			}

			reqs := srv.requests()
			if len(reqs) != 1 {
				t.Fatalf("server saw %d requests, want 1", len(reqs))
			}
			got := reqs[0]
			wantAuth := ""
			if tt.key != "" {
				wantAuth = "Bearer " + tt.key
			}
			if got.auth != wantAuth {
				t.Errorf("Authorization = %q, want %q", got.auth, wantAuth)
			}
			if got.body["model"] != tt.model {
				t.Errorf("model = %v, want %q", got.body["model"], tt.model)
			}
			wantMsgs := []any{
				map[string]any{"role": "system", "content": in.System},
				map[string]any{"role": "user", "content": in.User},
			}
			if !jsonEqual(got.body["messages"], wantMsgs) {
				t.Errorf("messages = %v, want %v", got.body["messages"], wantMsgs)
			}
			if len(in.Schema) > 0 {
				wantRF := map[string]any{"type": "json_schema", "json_schema": map[string]any{
					"name": "briefing", "strict": true, "schema": decode(t, testSchema),
				}}
				if !jsonEqual(got.body["response_format"], wantRF) {
					t.Errorf("response_format = %v, want %v", got.body["response_format"], wantRF)
				}
			}
			for k, v := range tt.want {
				if !jsonEqual(got.body[k], v) {
					t.Errorf("%s = %v, want %v", k, got.body[k], v)
				}
			}
			for _, k := range tt.absent {
				if v, ok := got.body[k]; ok {
					t.Errorf("%s = %v sent, want none", k, v)
				}
			}
			if tt.rawHas != "" && !regexp.MustCompile(tt.rawHas).MatchString(got.raw) {
				t.Errorf("body %s lacks %s", got.raw, tt.rawHas)
			}
		})
	}
}

func decode(t *testing.T, raw json.RawMessage) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestRetryThenSuccess(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		retryAfter func() string
		// the first wait must lie in [minWait, maxWait]
		minWait, maxWait time.Duration
	}{
		{"429 Retry-After seconds", 429, func() string { return "1" }, time.Second, time.Second},
		{"503 Retry-After seconds", 503, func() string { return "2" }, 2 * time.Second, 2 * time.Second},
		{"429 Retry-After date", 429, func() string { return time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat) }, time.Second, 3 * time.Second},
		{"429 Retry-After capped", 429, func() string { return "86400" }, 2 * time.Minute, 2 * time.Minute},
		{"429 without Retry-After", 429, nil, 0, time.Millisecond},
		{"503 without Retry-After", 503, nil, 0, time.Millisecond},
		{"500 ignores Retry-After", 500, func() string { return "60" }, 0, time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
				if n == 1 {
					if tt.retryAfter != nil {
						w.Header().Set("Retry-After", tt.retryAfter())
					}
					apiError(w, tt.status, "Rate limit reached for gpt-4o-mini")
					return
				}
				ok(w, `{"sentences":[]}`)
			})
			c := newClient(t, srv.URL+"/v1", nil)
			waits := recordSleeps(c)
			ans, err := c.Complete(context.Background(), call())
			if err != nil {
				t.Fatalf("Complete: %v", err)
			}
			if ans.Content != `{"sentences":[]}` {
				t.Errorf("Content = %q", ans.Content)
			}
			if n := len(srv.requests()); n != 2 {
				t.Errorf("server saw %d requests, want 2", n)
			}
			w := waits()
			if len(w) != 1 || w[0] < tt.minWait || w[0] > tt.maxWait {
				t.Errorf("waits = %v, want one in [%v, %v]", w, tt.minWait, tt.maxWait)
			}
			// The retry re-sends the same request.
			reqs := srv.requests()
			if reqs[0].raw != reqs[1].raw {
				t.Errorf("retry body differs:\n%s\n%s", reqs[0].raw, reqs[1].raw)
			}
		})
	}
}

func TestRetryAfterRealWait(t *testing.T) {
	if testing.Short() {
		t.Skip("waits a second")
	}
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			apiError(w, 429, "slow down")
			return
		}
		ok(w, "{}")
	})
	c := newClient(t, srv.URL+"/v1", nil)
	start := time.Now()
	if _, err := c.Complete(context.Background(), call()); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if d := time.Since(start); d < time.Second || d > 1500*time.Millisecond {
		t.Errorf("took %v, want about the 1s of Retry-After", d)
	}
}

func TestRetryAfterPastDeadline(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
		w.Header().Set("Retry-After", "60")
		apiError(w, 429, "Rate limit reached")
	})
	c := newClient(t, srv.URL+"/v1", nil)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Complete(ctx, call())
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v; should stop at once when Retry-After outlives the deadline", d)
	}
	e := asError(t, err)
	if e.Kind != llm.ErrRateLimit || e.Status != 429 || e.Attempts != 1 {
		t.Errorf("got Kind %v Status %d Attempts %d (%v), want ErrRateLimit 429 1", e.Kind, e.Status, e.Attempts, err)
	}
}

func TestExhausted(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		kind     llm.ErrorKind
		msg      string
		hintPart string
	}{
		{"500", 500, llm.ErrServer, "HTTP 500 after 5 attempts: The server had an error", "try again later"},
		{"503", 503, llm.ErrServer, "HTTP 503 after 5 attempts: The server had an error", "try again later"},
		{"429", 429, llm.ErrRateLimit, "HTTP 429 after 5 attempts: The server had an error", "wait"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
				apiError(w, tt.status, "The server had an error while processing your request. Sorry about that! Key: "+r.Header.Get("Authorization"))
			})
			c := newClient(t, srv.URL+"/v1", nil)
			waits := recordSleeps(c)
			_, err := c.Complete(context.Background(), call())
			e := asError(t, err)
			if e.Kind != tt.kind || e.Status != tt.status || e.Attempts != 5 {
				t.Errorf("got Kind %v Status %d Attempts %d, want %v %d 5", e.Kind, e.Status, e.Attempts, tt.kind, tt.status)
			}
			if !strings.Contains(e.Msg, tt.msg) || !strings.Contains(e.Msg, srv.URL+"/v1") {
				t.Errorf("Msg = %q, want it to name the server and contain %q", e.Msg, tt.msg)
			}
			if !strings.Contains(e.Hint, tt.hintPart) {
				t.Errorf("Hint = %q, want %q in it", e.Hint, tt.hintPart)
			}
			if n := len(srv.requests()); n != 5 {
				t.Errorf("server saw %d requests, want 5", n)
			}
			if w := waits(); len(w) != 4 {
				t.Errorf("waited %d times, want 4", len(w))
			}
			for i, w := range waits() {
				if w < 0 || w > 4*time.Millisecond {
					t.Errorf("wait %d = %v, want within [0, MaxDelay]", i, w)
				}
			}
			noKey(t, err)
		})
	}
}

func TestBackoffGrowsToCap(t *testing.T) {
	c := newClient(t, "http://127.0.0.1:1/v1", func(cfg *Config) {
		cfg.BaseDelay, cfg.MaxDelay = 10*time.Millisecond, 50*time.Millisecond
	})
	tr := &transport{c: c}
	for retry, ceiling := range []time.Duration{10, 20, 40, 50, 50, 50} {
		ceiling *= time.Millisecond
		for range 50 {
			if d := tr.backoff(retry); d < 0 || d > ceiling {
				t.Fatalf("backoff(%d) = %v, want within [0, %v]", retry, d, ceiling)
			}
		}
	}
	if d := tr.backoff(200); d > 50*time.Millisecond {
		t.Errorf("backoff(200) = %v overflowed the cap", d)
	}
}

func TestHungServer(t *testing.T) {
	tests := []struct {
		name   string
		handle func(w http.ResponseWriter, r *http.Request, release <-chan struct{})
	}{
		{"no headers", func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
			select {
			case <-r.Context().Done():
			case <-release:
			}
		}},
		{"stalls mid-body", func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(200)
			io.WriteString(w, `{"id":"chatcmpl-1","choices":[`)
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-release:
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			release := make(chan struct{})
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
				tt.handle(w, r, release)
			})
			// Runs before the server's Close, which waits for handlers.
			t.Cleanup(func() { close(release) })
			c := newClient(t, srv.URL+"/v1", func(cfg *Config) {
				cfg.Timeout, cfg.MaxAttempts = 100*time.Millisecond, 2
			})
			start := time.Now()
			_, err := c.Complete(context.Background(), call())
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v, want about 2×100ms", d)
			}
			e := asError(t, err)
			if e.Kind != llm.ErrTimeout || e.Attempts != 2 {
				t.Fatalf("got Kind %v Attempts %d (%v), want ErrTimeout after 2", e.Kind, e.Attempts, err)
			}
			want := fmt.Sprintf("no answer from %s/v1 within 100ms (2 attempts)", srv.URL)
			if e.Msg != want || !strings.Contains(e.Hint, "--model-timeout") {
				t.Errorf("Msg %q Hint %q, want %q and a hint naming --model-timeout", e.Msg, e.Hint, want)
			}
		})
	}
}

func TestNotRetried(t *testing.T) {
	echo := func(status int, msg string) func(w http.ResponseWriter, r *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) {
			apiError(w, status, msg+" (you sent "+r.Header.Get("Authorization")+")")
		}
	}
	tests := []struct {
		name    string
		key     string
		keyEnv  string
		handle  func(w http.ResponseWriter, r *http.Request)
		kind    llm.ErrorKind
		status  int
		msgHas  []string
		hintHas []string
	}{
		{
			name: "401", key: testKey, handle: echo(401, "Incorrect API key provided"),
			kind: llm.ErrAuth, status: 401,
			msgHas:  []string{"refused the API key (HTTP 401: Incorrect API key provided (you sent Bearer [redacted]))"},
			hintHas: []string{"set OPENAI_API_KEY to a valid key"},
		},
		{
			name: "403 names the configured variable", key: testKey, keyEnv: "GROQ_API_KEY",
			handle: echo(403, "Forbidden"), kind: llm.ErrAuth, status: 403,
			msgHas: []string{"HTTP 403: Forbidden"}, hintHas: []string{"set GROQ_API_KEY to a valid key"},
		},
		{
			name: "401 without a key", key: "", handle: echo(401, "Missing bearer authentication"),
			kind: llm.ErrAuth, status: 401,
			msgHas: []string{"HTTP 401"}, hintHas: []string{"OPENAI_API_KEY is not set"},
		},
		{
			name: "404 unknown model", key: testKey,
			handle: echo(404, `model "llama9" not found, try pulling it first`),
			kind:   llm.ErrBadRequest, status: 404,
			msgHas:  []string{`model "gpt-4o-mini" not found at http://`, "try pulling it first"},
			hintHas: []string{"--model or BRIEF_MODEL", "ollama pull gpt-4o-mini"},
		},
		{
			name: "400", key: testKey,
			handle: echo(400, "This model's maximum context length is 128000 tokens"),
			kind:   llm.ErrBadRequest, status: 400,
			msgHas: []string{"HTTP 400: This model's maximum context length is 128000 tokens"},
		},
		{
			name: "422 plain text body", key: testKey,
			handle: func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "Unprocessable Entity: bad field\n"+r.Header.Get("Authorization"), http.StatusUnprocessableEntity)
			},
			kind: llm.ErrBadRequest, status: 422,
			msgHas: []string{"HTTP 422: Unprocessable Entity: bad field Bearer [redacted]"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
				tt.handle(w, r)
			})
			c := newClient(t, srv.URL+"/v1", func(cfg *Config) { cfg.APIKey, cfg.APIKeyEnv = tt.key, tt.keyEnv })
			_, err := c.Complete(context.Background(), call())
			e := asError(t, err)
			if e.Kind != tt.kind || e.Status != tt.status || e.Attempts != 1 {
				t.Errorf("got Kind %v Status %d Attempts %d, want %v %d 1", e.Kind, e.Status, e.Attempts, tt.kind, tt.status)
			}
			if n := len(srv.requests()); n != 1 {
				t.Errorf("server saw %d requests, want exactly 1", n)
			}
			for _, s := range tt.msgHas {
				if !strings.Contains(e.Msg, s) {
					t.Errorf("Msg %q lacks %q", e.Msg, s)
				}
			}
			if !strings.Contains(e.Msg, srv.URL+"/v1") {
				t.Errorf("Msg %q does not name the server", e.Msg)
			}
			for _, s := range tt.hintHas {
				if !strings.Contains(e.Hint, s) {
					t.Errorf("Hint %q lacks %q", e.Hint, s)
				}
			}
			noKey(t, err)
		})
	}
}

func TestFormatDowngrade(t *testing.T) {
	tests := []struct {
		name   string
		schema json.RawMessage
		// refuse lists the response_format types the server rejects.
		refuse map[string]bool
		// first and later list the response_format types ("" for none)
		// of the first Complete's requests and of a second's.
		first, later []string
	}{
		{
			name: "json_schema refused", schema: testSchema,
			refuse: map[string]bool{"json_schema": true},
			first:  []string{"json_schema", "json_object"}, later: []string{"json_object"},
		},
		{
			name: "both refused", schema: testSchema,
			refuse: map[string]bool{"json_schema": true, "json_object": true},
			first:  []string{"json_schema", "json_object", ""}, later: []string{""},
		},
		{
			name: "json_object refused without schema", schema: nil,
			refuse: map[string]bool{"json_object": true},
			first:  []string{"json_object", ""}, later: []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
				if typ := formatType(body); tt.refuse[typ] {
					apiError(w, 400, fmt.Sprintf("Invalid parameter: 'response_format' of type '%s' is not supported with this model.", typ))
					return
				}
				ok(w, `{"sentences":[]}`)
			})
			c := newClient(t, srv.URL+"/v1", nil)
			in := call()
			in.Schema = tt.schema
			for round, want := range [][]string{tt.first, tt.later} {
				before := len(srv.requests())
				if _, err := c.Complete(context.Background(), in); err != nil {
					t.Fatalf("Complete %d: %v", round+1, err)
				}
				var got []string
				for _, r := range srv.requests()[before:] {
					got = append(got, formatType(r.body))
				}
				if strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("Complete %d sent response_format %q, want %q", round+1, got, want)
				}
			}
		})
	}
}

func formatType(body map[string]any) string {
	rf, _ := body["response_format"].(map[string]any)
	typ, _ := rf["type"].(string)
	return typ
}

func TestUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL + "/v1"
	srv.Close()
	c := newClient(t, base, nil)
	_, err := c.Complete(context.Background(), call())
	e := asError(t, err)
	if e.Kind != llm.ErrUnreachable || e.Status != 0 || e.Attempts != 5 {
		t.Errorf("got Kind %v Status %d Attempts %d, want ErrUnreachable 0 5", e.Kind, e.Status, e.Attempts)
	}
	if !strings.HasPrefix(e.Msg, "cannot reach "+base+": ") || !strings.Contains(e.Msg, "refused") {
		t.Errorf("Msg = %q", e.Msg)
	}
	if e.Hint != "is the server running? check --base-url or OPENAI_BASE_URL" {
		t.Errorf("Hint = %q", e.Hint)
	}
}

func TestDroppedConnectionRetried(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
		if n == 1 {
			// Promise a body, send half of it, and hang up.
			w.Header().Set("Content-Length", "500")
			w.WriteHeader(200)
			io.WriteString(w, `{"id":"chatcmpl-1",`)
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		ok(w, "{}")
	})
	c := newClient(t, srv.URL+"/v1", nil)
	if _, err := c.Complete(context.Background(), call()); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if n := len(srv.requests()); n != 2 {
		t.Errorf("server saw %d requests, want 2", n)
	}
}

func TestCancel(t *testing.T) {
	tests := []struct {
		name   string
		handle func(w http.ResponseWriter, r *http.Request)
	}{
		{"during backoff", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "30")
			apiError(w, 503, "overloaded")
		}},
		{"during a request", func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arrived := make(chan struct{}, 10)
			srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
				arrived <- struct{}{}
				tt.handle(w, r)
			})
			c := newClient(t, srv.URL+"/v1", func(cfg *Config) {
				cfg.BaseDelay, cfg.MaxDelay = 30*time.Second, 30*time.Second
			})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() {
				<-arrived
				time.Sleep(20 * time.Millisecond)
				cancel()
			}()
			start := time.Now()
			_, err := c.Complete(ctx, call())
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v after cancel, want prompt return", d)
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("error %v is not context.Canceled", err)
			}
			if n := len(srv.requests()); n != 1 {
				t.Errorf("server saw %d requests, want 1", n)
			}
		})
	}
}

func TestNoChoices(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
		io.WriteString(w, `{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":0,"total_tokens":5}}`)
	})
	c := newClient(t, srv.URL+"/v1", nil)
	_, err := c.Complete(context.Background(), call())
	if e := asError(t, err); e.Kind != llm.ErrBadAnswer || e.Attempts != 1 {
		t.Errorf("got Kind %v Attempts %d (%v), want ErrBadAnswer after 1", e.Kind, e.Attempts, err)
	}
}

func TestNotJSON(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
		io.WriteString(w, "<html>hello</html>")
	})
	c := newClient(t, srv.URL+"/v1", nil)
	_, err := c.Complete(context.Background(), call())
	if e := asError(t, err); e.Kind != llm.ErrBadAnswer || e.Status != 200 {
		t.Errorf("got Kind %v Status %d (%v), want ErrBadAnswer 200", e.Kind, e.Status, err)
	}
}

// countingTransport checks that the caller's transport is used, and left
// as it was.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

func TestHTTPClientWrapped(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) { ok(w, "{}") })
	ct := &countingTransport{}
	hc := &http.Client{Transport: ct}
	c := newClient(t, srv.URL+"/v1", func(cfg *Config) { cfg.HTTPClient = hc })
	if _, err := c.Complete(context.Background(), call()); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if hc.Transport != ct {
		t.Errorf("the caller's http.Client was changed")
	}
	if ct.n.Load() != 1 {
		t.Errorf("the caller's transport carried %d requests, want 1", ct.n.Load())
	}
}

func TestConcurrent(t *testing.T) {
	var failed atomic.Int32
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int, body map[string]any) {
		switch {
		case formatType(body) == "json_schema":
			apiError(w, 400, "response_format json_schema is not supported")
		case n%3 == 0 && failed.Add(1) < 6:
			apiError(w, 502, "bad gateway")
		default:
			ok(w, fmt.Sprint(body["messages"].([]any)[1].(map[string]any)["content"]))
		}
	})
	c := newClient(t, srv.URL+"/v1", func(cfg *Config) { cfg.Temperature = ptr(0) })
	const n = 16
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := call()
			in.User = fmt.Sprint("article ", i)
			ans, err := c.Complete(context.Background(), in)
			if err == nil && ans.Content != in.User {
				err = fmt.Errorf("answer %q for %q", ans.Content, in.User)
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
	before := len(srv.requests())
	if _, err := c.Complete(context.Background(), call()); err != nil {
		t.Fatal(err)
	}
	if reqs := srv.requests()[before:]; len(reqs) != 1 || formatType(reqs[0].body) != "json_object" {
		t.Errorf("after the downgrade a call sent %d request(s); want 1 with json_object", len(reqs))
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"5", 5 * time.Second, true},
		{" 0 ", 0, true},
		{"-3", 0, false},
		{"99999999999999999999", 0, false},
		{"1000000", maxRetryAfter, true},
		{"Mon, 10 Mar 2025 12:00:07 GMT", 7 * time.Second, true},
		{"Mon, 10 Mar 2025 11:59:00 GMT", 0, true},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// RedactURL hides a password and query values (Azure-style proxies take
// "?api-key="), and so does every error of a client with such a URL.
func TestURLSecretsNotInErrors(t *testing.T) {
	for _, u := range []string{"http://user:hunter2@127.0.0.1:1/v1", "http://127.0.0.1:1/v1?api-key=hunter2"} {
		if got := RedactURL(u); strings.Contains(got, "hunter2") || !strings.Contains(got, "127.0.0.1:1/v1") {
			t.Errorf("RedactURL(%q) = %q", u, got)
		}
		c, err := New(Config{BaseURL: u, Model: "m", MaxAttempts: 1})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Complete(context.Background(), llm.Call{System: "s", User: "u"})
		if err == nil || strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: error %v", u, err)
		}
	}
}

func TestModels(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/v1/models" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, `{"object":"list","data":[{"id":"qwen2.5-7b","object":"model"},{"id":" ","object":"model"}]}`)
	}))
	defer srv.Close()
	got, err := Models(context.Background(), Config{BaseURL: srv.URL + "/v1"})
	if err != nil || len(got) != 1 || got[0] != "qwen2.5-7b" {
		t.Errorf("Models = %v, %v", got, err)
	}
	srv.Close()
	if _, err := Models(context.Background(), Config{BaseURL: srv.URL + "/v1", MaxAttempts: 1}); llm.KindOf(err) != llm.ErrUnreachable {
		t.Errorf("a closed server: %v", err)
	}
}
