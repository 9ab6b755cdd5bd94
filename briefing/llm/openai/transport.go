package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// callState is what the transport saw during one Complete, for the error
// message: go-openai's errors say nothing of attempts or timeouts. Only
// the goroutine running Complete touches it (http.Client calls RoundTrip
// on the caller's goroutine).
type callState struct {
	attempts int   // requests sent during the Complete
	tries    int   // requests sent during the latest round trip
	status   int   // status of the latest response, read whole or not; 0 when there was none
	err      error // latest transport failure; nil after a response
	timedOut bool  // the latest attempt ran out of Config.Timeout
}

type stateKey struct{}

var errTooLarge = errors.New("answer over the size limit")

// transport retries, times each attempt and writes the temperature.
type transport struct {
	c    *Client
	base http.RoundTripper
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	st, _ := ctx.Value(stateKey{}).(*callState)
	if st == nil {
		st = new(callState)
	}
	st.tries = 0

	// Every attempt re-sends the body, so hold it whole.
	var body []byte
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		body = b
	}
	if temp := t.c.cfg.Temperature; temp != nil && len(body) > 0 {
		b, err := setField(body, "temperature", *temp)
		if err != nil {
			return nil, err
		}
		body = b
	}

	for retry := 0; ; retry++ {
		resp, err := t.try(req, body, st)
		if err != nil && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		wait, again := t.delay(resp, err, st.timedOut, retry)
		if !again || st.tries >= t.c.cfg.MaxAttempts {
			return resp, err
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			// Waiting would outlive the caller: the last answer is more
			// use to them than a bare deadline error.
			return resp, err
		}
		if err := t.c.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// try makes one attempt. It reads the whole answer under the attempt's
// timeout, so that a server that stalls mid-body, or drops the
// connection there, is retried like one that never answers.
func (t *transport) try(req *http.Request, body []byte, st *callState) (*http.Response, error) {
	st.attempts++
	st.tries++
	st.status, st.err, st.timedOut = 0, nil, false

	actx, cancel := context.WithTimeout(req.Context(), t.c.cfg.Timeout)
	defer cancel()
	r := req.Clone(actx)
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		r.ContentLength = int64(len(body))
	}

	resp, err := t.base.RoundTrip(r)
	if err == nil {
		// Set before the body is read, so that an answer refused for
		// its size still says what status it came with.
		st.status = resp.StatusCode
		var b []byte
		if resp.ContentLength > t.c.maxAnswer {
			err = errTooLarge
		} else {
			b, err = io.ReadAll(io.LimitReader(resp.Body, t.c.maxAnswer+1))
		}
		resp.Body.Close()
		if err == nil && int64(len(b)) > t.c.maxAnswer {
			err = errTooLarge
		}
		if err == nil {
			resp.Body = io.NopCloser(bytes.NewReader(b))
			resp.ContentLength = int64(len(b))
			resp.Request = req
			return resp, nil
		}
	}
	if errors.Is(actx.Err(), context.DeadlineExceeded) && req.Context().Err() == nil {
		st.timedOut = true
	}
	st.err = err
	return nil, err
}

// delay says whether an attempt that ended in resp or err is worth
// another, and how long to wait first.
func (t *transport) delay(resp *http.Response, err error, timedOut bool, retry int) (time.Duration, bool) {
	if err != nil {
		return t.backoff(retry), timedOut || transient(err)
	}
	code := resp.StatusCode
	if code != http.StatusTooManyRequests && (code < 500 || code > 599) {
		return 0, false
	}
	if code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			return min(d, maxRetryAfter), true
		}
	}
	return t.backoff(retry), true
}

// backoff is exponential with full jitter, so that many clients refused
// at once do not come back at once.
func (t *transport) backoff(retry int) time.Duration {
	d := t.c.cfg.BaseDelay
	for i := 0; i < retry && d < t.c.cfg.MaxDelay; i++ {
		d *= 2
	}
	d = min(d, t.c.cfg.MaxDelay)
	return time.Duration(rand.Int64N(int64(d) + 1))
}

// transient reports whether a failed attempt may succeed if repeated:
// timeouts, refused or reset connections, answers cut short. A host name
// that does not resolve, or a bad certificate, will fail the same way.
func transient(err error) bool {
	if errors.Is(err, errTooLarge) {
		return false
	}
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return false
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne)
}

// retryAfter parses a Retry-After header: delta seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(n) * time.Second, true
	}
	at, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(at.Sub(now), 0), true
}

// setField sets key in the JSON object body. go-openai cannot send a
// temperature of 0 (its field is omitempty) and refuses others for
// reasoning models; the server is the judge of what it accepts.
func setField(body []byte, key string, v any) ([]byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("setting %s in the request: %w", key, err)
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("setting %s in the request: %w", key, err)
	}
	m[key] = raw
	return json.Marshal(m)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// maxRedirects is as many redirects as net/http follows by default.
const maxRedirects = 10

// redirectError is a redirect the client will not follow. go-openai
// passes it on inside a *url.Error, and classify turns it into a message
// about the base URL.
type redirectError struct {
	status int    // of the redirect refused
	what   string // what is wrong, for "the server at X ..."
	hint   string
}

func (e *redirectError) Error() string { return e.what }

// checkRedirect follows redirects that can still reach an answer: not in
// a loop, not to another scheme, and not ones that turn the POST into a
// bodiless GET, which the server would answer with a puzzling 404 or 405.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	status := 0
	if req.Response != nil {
		status = req.Response.StatusCode
	}
	to := RedactURL(req.URL.String())
	for i, v := range via {
		if v.URL.String() != req.URL.String() {
			continue
		}
		chain := make([]string, 0, len(via)-i+1)
		for _, w := range via[i:] {
			chain = append(chain, RedactURL(w.URL.String()))
		}
		chain = append(chain, to)
		return &redirectError{status: status,
			what: "redirects in a loop: " + strings.Join(chain, " → "),
			hint: "check --base-url or OPENAI_BASE_URL"}
	}
	if s := strings.ToLower(req.URL.Scheme); s != "http" && s != "https" {
		return &redirectError{status: status,
			what: fmt.Sprintf("redirected to %s, which is not an http or https URL", to),
			hint: "check --base-url or OPENAI_BASE_URL"}
	}
	// Go keeps the Authorization header on a redirect to the same host,
	// so https → http would send the key in clear text.
	if strings.EqualFold(via[0].URL.Scheme, "https") && !strings.EqualFold(req.URL.Scheme, "https") {
		return &redirectError{status: status,
			what: fmt.Sprintf("redirected from https to %s, which would send the API key unencrypted", to),
			hint: "check --base-url or OPENAI_BASE_URL"}
	}
	if first := via[0]; req.Method != first.Method {
		what := fmt.Sprintf("redirected the %s to %s with HTTP %d, which would resend it as a %s without its body", first.Method, to, status, req.Method)
		return &redirectError{status: status, what: what, hint: c.movedHint(first.URL, req.URL)}
	}
	if len(via) >= maxRedirects {
		return &redirectError{status: status,
			what: fmt.Sprintf("redirected %d times without answering (last to %s)", len(via), to),
			hint: "check --base-url or OPENAI_BASE_URL"}
	}
	return nil
}

// movedHint names the base URL the server seems to have moved to: the
// redirect target without the API path that followed the base.
func (c *Client) movedHint(from, to *url.URL) string {
	if base, err := url.Parse(c.cfg.BaseURL); err == nil {
		suffix := strings.TrimPrefix(from.Path, strings.TrimRight(base.Path, "/"))
		if suffix != from.Path && suffix != "" && strings.HasSuffix(to.Path, suffix) {
			moved := *to
			moved.Path = strings.TrimSuffix(to.Path, suffix)
			moved.RawPath, moved.RawQuery, moved.Fragment = "", "", ""
			return fmt.Sprintf("set --base-url or OPENAI_BASE_URL to %s", RedactURL(moved.String()))
		}
	}
	return "set --base-url or OPENAI_BASE_URL to the address the server redirects to"
}
