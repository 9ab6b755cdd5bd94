package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brieftool/brief/internal/faultserver"
)

// faultTimeout is short so that every hanging server costs little.
const faultTimeout = 300 * time.Millisecond

// faultLimit is the body cap of the fault tests: small, so that a body
// read past it would be plain.
const faultLimit = 64 << 10

// faultServer serves every misbehaviour the fetcher must survive, and a
// good page. Handlers that hang return when the client gives up or the
// test ends, so closing the server never waits on them.
func faultServer(t *testing.T) *httptest.Server {
	t.Helper()
	release := make(chan struct{})
	wait := func(r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/good", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articlePage("River floods town", longParas...))
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) { wait(r) })
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>The start of a page that never ends")
		w.(http.Flusher).Flush()
		wait(r)
	})
	mux.HandleFunc("/reset", func(w http.ResponseWriter, r *http.Request) {
		faultserver.Reset(w)
	})
	mux.HandleFunc("/reset-mid-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "10000")
		fmt.Fprint(w, "<html><body><p>Half a page")
		w.(http.Flusher).Flush()
		faultserver.Reset(w)
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		stream(w, -1)
	})
	mux.HandleFunc("/gigabyte", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", strconv.Itoa(1<<30))
		stream(w, 1<<30)
	})
	mux.HandleFunc("/gigabyte-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		stream(w, 1<<30)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/onward/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/onward/"))
		http.Redirect(w, r, "/onward/"+strconv.Itoa(n+1), http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	// Cleanups run last first: the hanging handlers are let go, then the
	// server closes.
	t.Cleanup(func() { close(release) })
	return srv
}

// stream writes n bytes of filler (n < 0: forever).
func stream(w http.ResponseWriter, n int64) {
	faultserver.Stream(w, n, []byte(strings.Repeat("<p>filler text</p>\n", 1700)))
}

// countingTransport counts the body bytes the fetcher reads, so a test
// can prove it stopped at the cap however much the server sent.
type countingTransport struct {
	next http.RoundTripper
	read atomic.Int64
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err == nil {
		resp.Body = &countingBody{ReadCloser: resp.Body, n: &c.read}
	}
	return resp, err
}

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b *countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

func faultOpts() (Options, *countingTransport) {
	ct := &countingTransport{next: loopbackOnly{http.DefaultTransport}}
	opts := testOpts()
	opts.Client = &http.Client{Transport: ct}
	opts.Timeout = faultTimeout
	opts.MaxBytes = faultLimit
	opts.FeedMaxBytes = faultLimit
	return opts, ct
}

// allocated runs f and returns the bytes allocated meanwhile, by every
// goroutine: the server's writes count too, which only makes the bound
// stricter.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// maxAlloc is far below the gigabyte the servers offer and far above
// what reading faultLimit bytes costs.
const maxAlloc = 32 << 20

func TestFetchFaults(t *testing.T) {
	srv := faultServer(t)
	u := srv.URL
	tests := []struct {
		path  string
		err   string // after "<url>: "
		isErr []error
	}{
		{"/hang", "timed out after 0.3 s", []error{ErrTimeout, context.DeadlineExceeded}},
		{"/stall", "timed out after 0.3 s", []error{ErrTimeout}},
		{"/reset", "fetch failed: the server reset the connection", nil},
		{"/reset-mid-body", "fetch failed: the server reset the connection", nil},
		{"/endless", "response is over the 64.0 KB limit", []error{ErrTooLarge}},
		{"/gigabyte", "response is 1.0 GB, over the 64.0 KB limit", []error{ErrTooLarge}},
		{"/gigabyte-chunked", "response is over the 64.0 KB limit", []error{ErrTooLarge}},
		{"/loop", "fetch failed: stopped after 10 redirects", []error{ErrRedirects}},
		{"/onward/1", "fetch failed: stopped after 10 redirects", []error{ErrRedirects}},
	}
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.path, "/"), func(t *testing.T) {
			opts, ct := faultOpts()
			var docs []Document
			var errs []*InputError
			start := time.Now()
			alloc := allocated(func() { docs, errs = load(t, opts, u+tt.path, u+"/good") })
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
			if len(docs) != 1 || docs[0].ID != u+"/good" {
				t.Errorf("the good input next to the bad one did not load: %q", ids(docs))
			}
			want := u + tt.path + ": " + tt.err
			if len(errs) != 1 || errs[0].Error() != want {
				t.Fatalf("errors = %q, want [%q]", errStrings(errs), want)
			}
			for _, e := range tt.isErr {
				if !errors.Is(errs[0], e) {
					t.Errorf("errors.Is(%v, %v) = false", errs[0], e)
				}
			}
			// Both inputs' bodies: the good page is a few kilobytes.
			if n := ct.read.Load(); n > 2*faultLimit+1 {
				t.Errorf("read %d body bytes, want at most the %d limit + 1 for the bad input", n, faultLimit)
			}
			if alloc > maxAlloc {
				t.Errorf("allocated %d MB while loading", alloc>>20)
			}
		})
	}
}

// TestFetchFaultsOwnTransport runs the worst faults through the client
// brief builds when none is given, which dials through its guard.
func TestFetchFaultsOwnTransport(t *testing.T) {
	srv := faultServer(t)
	for _, path := range []string{"/hang", "/gigabyte-chunked", "/reset"} {
		t.Run(strings.TrimPrefix(path, "/"), func(t *testing.T) {
			opts := Options{Timeout: faultTimeout, MaxBytes: faultLimit, FeedMaxBytes: faultLimit}
			start := time.Now()
			docs, errs := load(t, opts, srv.URL+path, srv.URL+"/good")
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
			if len(docs) != 1 || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), srv.URL+path+": ") {
				t.Errorf("documents %q, errors %q", ids(docs), errStrings(errs))
			}
		})
	}
}

func TestFeedLinkFaults(t *testing.T) {
	srv := faultServer(t)
	u := srv.URL
	links := []struct{ path, warning string }{
		{"/hang", "timed out after 0.3 s"},
		{"/stall", "timed out after 0.3 s"},
		{"/reset", "fetch failed: the server reset the connection"},
		{"/endless", "response is over the 64.0 KB limit"},
		{"/gigabyte", "response is 1.0 GB, over the 64.0 KB limit"},
		{"/gigabyte-chunked", "response is over the 64.0 KB limit"},
		{"/loop", "fetch failed: stopped after 10 redirects"},
		{"/good", ""},
	}
	var items strings.Builder
	for i, l := range links {
		fmt.Fprintf(&items, "<item><title>Item %d</title><link>%s%s</link><description>Teaser number %d.</description></item>\n", i+1, u, l.path, i+1)
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Fault Times</title>` + items.String() + `</channel></rss>`
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, feed)
	}))
	t.Cleanup(feedSrv.Close)

	opts, ct := faultOpts()
	opts.AllowPrivate = true // the pages are on another port of loopback
	opts.TeaserWords = 10
	opts.Workers = len(links)
	var docs []Document
	var errs []*InputError
	start := time.Now()
	alloc := allocated(func() { docs, errs = load(t, opts, feedSrv.URL, "testdata/latin1.txt") })
	// The pages are fetched at once, so the hanging ones cost one
	// timeout between them, not one each.
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("took %v", d)
	}
	if len(errs) != 0 {
		t.Errorf("errors = %q", errStrings(errs))
	}
	if len(docs) != len(links)+1 || docs[len(links)].ID != "latin1" {
		t.Fatalf("documents %q", ids(docs))
	}
	for i, l := range links {
		d := docs[i]
		if l.warning == "" {
			checkDoc(t, d, want{format: FormatHTML, title: "Item 8", paras: 3})
			continue
		}
		checkDoc(t, d, want{format: FormatFeed, first: fmt.Sprintf("Teaser number %d.", i+1),
			warnings: []string{"linked page not fetched (" + l.warning + "): using the feed's teaser"}})
	}
	if n := ct.read.Load(); n > int64(len(links)+1)*(faultLimit+1) {
		t.Errorf("read %d body bytes, more than the limit + 1 per page", n)
	}
	if alloc > maxAlloc {
		t.Errorf("allocated %d MB while loading", alloc>>20)
	}
}
