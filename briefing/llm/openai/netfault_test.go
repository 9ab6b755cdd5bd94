package openai

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brieftool/brief/internal/faultserver"

	"github.com/brieftool/brief/briefing/llm"
)

// faultServer answers every request with fault, counting them. Handlers
// that hang return when the client gives up or the test ends.
func faultServer(t *testing.T, fault func(w http.ResponseWriter, r *http.Request, release <-chan struct{})) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	release := make(chan struct{})
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		fault(w, r, release)
	}))
	t.Cleanup(srv.Close)
	// Runs first: hanging handlers are let go before Close waits on them.
	t.Cleanup(func() { close(release) })
	return srv, &n
}

func hangUntil(r *http.Request, release <-chan struct{}) {
	select {
	case <-r.Context().Done():
	case <-release:
	}
}

// stream writes n bytes of filler (n < 0: forever).
func stream(w http.ResponseWriter, n int64) {
	faultserver.Stream(w, n, []byte(strings.Repeat(`{"filler":"x"},`, 2000)))
}

// TestNetworkFaults runs each server fault against the real go-openai
// client through our transport: each ends in bounded time and memory,
// with the kind of error a user can act on.
func TestNetworkFaults(t *testing.T) {
	tests := []struct {
		name     string
		fault    func(w http.ResponseWriter, r *http.Request, release <-chan struct{})
		kind     llm.ErrorKind
		status   int
		msg      string // {base} is the base URL, {root} the server's
		hint     string
		requests int32
		// capped lowers the answer cap to 1 MiB and lets an attempt take
		// 2s instead of 200ms, so reading up to the cap stays quick and
		// sure to finish in one attempt, race detector or not.
		capped bool
	}{
		{
			name:  "hangs before headers",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) { hangUntil(r, release) },
			kind:  llm.ErrTimeout, msg: "no answer from {base} within 200ms (2 attempts)", hint: "raise --model-timeout", requests: 2,
		},
		{
			name: "hangs mid-body",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, `{"id":"chatcmpl-1","choices":[`)
				w.(http.Flusher).Flush()
				hangUntil(r, release)
			},
			kind: llm.ErrTimeout, msg: "no answer from {base} within 200ms (2 attempts)", hint: "raise --model-timeout", requests: 2,
		},
		{
			name:  "resets the connection",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) { faultserver.Reset(w) },
			kind:  llm.ErrUnreachable, msg: "cannot reach {base}: the server reset the connection (2 attempts)",
			hint: "is the server running? check --base-url or OPENAI_BASE_URL", requests: 2,
		},
		{
			name: "resets mid-body",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				w.Header().Set("Content-Type", "application/json")
				w.Header().Set("Content-Length", "5000")
				fmt.Fprint(w, `{"id":"chatcmpl-1","choices":[`)
				w.(http.Flusher).Flush()
				faultserver.Reset(w)
			},
			kind: llm.ErrUnreachable, msg: "cannot reach {base}: the server reset the connection (2 attempts)",
			hint: "is the server running? check --base-url or OPENAI_BASE_URL", requests: 2,
		},
		{
			name: "endless body",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				w.Header().Set("Content-Type", "application/json")
				stream(w, -1)
			},
			kind: llm.ErrBadAnswer, status: 200, capped: true,
			msg:  "the server at {base} sent an answer over the 1 MiB limit, where a chat completion is a few kilobytes",
			hint: "check that --base-url or OPENAI_BASE_URL is the API root", requests: 1,
		},
		{
			name: "gigabyte with Content-Length",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				w.Header().Set("Content-Type", "application/json")
				w.Header().Set("Content-Length", strconv.Itoa(1<<30))
				stream(w, 1<<30)
			},
			kind: llm.ErrBadAnswer, status: 200,
			msg:  "the server at {base} sent an answer over the 32 MiB limit, where a chat completion is a few kilobytes",
			hint: "check that --base-url or OPENAI_BASE_URL is the API root", requests: 1,
		},
		{
			name: "gigabyte chunked",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				w.Header().Set("Content-Type", "application/json")
				stream(w, 1<<30)
			},
			kind: llm.ErrBadAnswer, status: 200, capped: true,
			msg:  "the server at {base} sent an answer over the 1 MiB limit, where a chat completion is a few kilobytes",
			hint: "check that --base-url or OPENAI_BASE_URL is the API root", requests: 1,
		},
		{
			name: "redirects to itself, keeping the POST",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				http.Redirect(w, r, r.URL.Path, http.StatusTemporaryRedirect)
			},
			kind: llm.ErrUnreachable, status: 307,
			msg:  "the server at {base} redirects in a loop: {base}/chat/completions → {base}/chat/completions",
			hint: "check --base-url or OPENAI_BASE_URL", requests: 1,
		},
		{
			name: "redirects in a circle",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				to := "/v1/chat/completions"
				if r.URL.Path == to {
					to = "/elsewhere"
				}
				http.Redirect(w, r, to, http.StatusPermanentRedirect)
			},
			kind: llm.ErrUnreachable, status: 308,
			msg:  "the server at {base} redirects in a loop: {base}/chat/completions → {root}/elsewhere → {base}/chat/completions",
			hint: "check --base-url or OPENAI_BASE_URL", requests: 2,
		},
		{
			name: "redirects to itself, turning the POST into a GET",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				http.Redirect(w, r, r.URL.Path, http.StatusFound)
			},
			kind: llm.ErrUnreachable, status: 302,
			msg:  "the server at {base} redirects in a loop: {base}/chat/completions → {base}/chat/completions",
			hint: "check --base-url or OPENAI_BASE_URL", requests: 1,
		},
		{
			name: "redirects forever to new URLs",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				n, _ := strconv.Atoi(r.URL.Query().Get("n"))
				http.Redirect(w, r, "/v1/chat/completions?n="+strconv.Itoa(n+1), http.StatusTemporaryRedirect)
			},
			kind: llm.ErrUnreachable, status: 307,
			msg:  "the server at {base} redirected 10 times without answering (last to {base}/chat/completions?n=redacted)",
			hint: "check --base-url or OPENAI_BASE_URL", requests: 10,
		},
		{
			name: "moved, turning the POST into a GET",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				http.Redirect(w, r, "/api/v2/chat/completions", http.StatusMovedPermanently)
			},
			kind: llm.ErrUnreachable, status: 301,
			msg:  "the server at {base} redirected the POST to {root}/api/v2/chat/completions with HTTP 301, which would resend it as a GET without its body",
			hint: "set --base-url or OPENAI_BASE_URL to {root}/api/v2", requests: 1,
		},
		{
			name: "redirects to another scheme",
			fault: func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				http.Redirect(w, r, "ftp://example.com/v1/chat/completions", http.StatusTemporaryRedirect)
			},
			kind: llm.ErrUnreachable, status: 307,
			msg:  "the server at {base} redirected to ftp://example.com/v1/chat/completions, which is not an http or https URL",
			hint: "check --base-url or OPENAI_BASE_URL", requests: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, requests := faultServer(t, tt.fault)
			base := srv.URL + "/v1"
			c := newClient(t, base, func(cfg *Config) {
				cfg.Timeout, cfg.MaxAttempts = 200*time.Millisecond, 2
				if tt.capped {
					cfg.Timeout = 2 * time.Second
				}
			})
			if tt.capped {
				c.maxAnswer = 1 << 20
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := c.Complete(context.Background(), call())
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			if took > 3*time.Second {
				t.Errorf("took %v", took)
			}
			// Growing a buffer to the 1 MiB cap costs about twice that; a
			// gigabyte read would cost a thousand times more.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
			e := asError(t, err)
			expand := func(s string) string {
				return strings.ReplaceAll(strings.ReplaceAll(s, "{base}", base), "{root}", srv.URL)
			}
			if e.Kind != tt.kind || e.Status != tt.status || e.Msg != expand(tt.msg) || e.Hint != expand(tt.hint) {
				t.Errorf("got Kind %v Status %d\nMsg  %q\nHint %q\nwant Kind %v Status %d\nMsg  %q\nHint %q",
					e.Kind, e.Status, e.Msg, e.Hint, tt.kind, tt.status, expand(tt.msg), expand(tt.hint))
			}
			if n := requests.Load(); n != tt.requests {
				t.Errorf("server saw %d requests, want %d", n, tt.requests)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message spans lines: %q", err)
			}
			noKey(t, err)
		})
	}
}

// TestRedirectFollowed: a redirect that keeps the POST and its body is
// still followed, and a caller's own redirect rule is left alone.
func TestRedirectFollowed(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.URL.Path == "/v1/chat/completions" {
			http.Redirect(w, r, "/v2/chat/completions", http.StatusPermanentRedirect)
			return
		}
		ok(w, `{"sentences":[]}`)
	}))
	t.Cleanup(srv.Close)
	c := newClient(t, srv.URL+"/v1", nil)
	if _, err := c.Complete(context.Background(), call()); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if n := requests.Load(); n != 2 {
		t.Errorf("server saw %d requests, want 2", n)
	}

	var asked atomic.Int32
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		asked.Add(1)
		return nil
	}}
	c = newClient(t, srv.URL+"/v1", func(cfg *Config) { cfg.HTTPClient = hc })
	if _, err := c.Complete(context.Background(), call()); err != nil {
		t.Fatalf("Complete with the caller's client: %v", err)
	}
	if asked.Load() != 1 {
		t.Errorf("the caller's redirect rule was asked %d times, want 1", asked.Load())
	}
}

// TestRedirectToPlainHTTPRefused: Go keeps the Authorization header on a
// redirect to the same host, so following https → http would send the
// key in clear text.
func TestRedirectToPlainHTTPRefused(t *testing.T) {
	var leaked atomic.Int32
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		ok(w, `{"sentences":[]}`)
	}))
	t.Cleanup(plain.Close)
	secure := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+r.URL.Path, http.StatusPermanentRedirect)
	}))
	t.Cleanup(secure.Close)
	c := newClient(t, secure.URL+"/v1", func(cfg *Config) { cfg.HTTPClient = secure.Client() })
	_, err := c.Complete(context.Background(), call())
	if err == nil {
		t.Fatal("the redirect to http was followed")
	}
	if !strings.Contains(err.Error(), "would send the API key unencrypted") {
		t.Errorf("error %q does not say why", err)
	}
	if strings.Contains(err.Error(), testKey) {
		t.Errorf("error holds the key: %q", err)
	}
	if n := leaked.Load(); n != 0 {
		t.Errorf("the plain server received the key %d times", n)
	}
}
