package load

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// loopbackOnly keeps tests off the real network: fixtures link to
// example.com pages, and only httptest servers may be dialled.
type loopbackOnly struct{ next http.RoundTripper }

func (l loopbackOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	host := r.URL.Hostname()
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, errors.New("network disabled in tests")
	}
	return l.next.RoundTrip(r)
}

func testOpts() Options {
	return Options{
		Client:  &http.Client{Transport: loopbackOnly{http.DefaultTransport}},
		Timeout: 5 * time.Second,
	}
}

func load(t *testing.T, opts Options, inputs ...string) ([]Document, []*InputError) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return Load(ctx, inputs, opts)
}

func errStrings(errs []*InputError) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

func ids(docs []Document) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.ID
	}
	return out
}

// writeFiles creates files under dir from a name → content map.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// good is a file every bad-input case loads next to the bad one, to show
// that one problem does not stop the others.
const goodText = "The good article is still loaded.\n\nIt has two paragraphs."

func paragraphs(s string) []string {
	return strings.Split(s, "\n\n")
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
