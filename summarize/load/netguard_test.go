package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestBlockedAddr(t *testing.T) {
	blocked := []string{
		"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
		"169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3",
		"224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.0.8", "198.18.0.1",
		"::", "::1", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
		"::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1",
		"64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:c0a8:101::1", "64:ff9b:1::1", "100::1",
	}
	public := []string{
		"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "169.255.0.1", "192.0.2.1",
		"2606:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
	}
	for _, s := range blocked {
		if !blockedAddr(netip.MustParseAddr(s)) {
			t.Errorf("blockedAddr(%s) = false, want true", s)
		}
	}
	for _, s := range public {
		if blockedAddr(netip.MustParseAddr(s)) {
			t.Errorf("blockedAddr(%s) = true, want false", s)
		}
	}
}

func TestPrivateHost(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST.": true, "api.localhost": true, "127.0.0.1": true, "::1": true,
		"::ffff:127.0.0.1": true, "0.0.0.0": true, "169.254.169.254": true,
		// Spellings some resolvers read as 127.0.0.1 or 169.254.169.254.
		"2130706433": true, "0x7f000001": true, "0177.0.0.1": true, "127.1": true, "0x7f.1": true, "169.254.43518": true,
		"example.com": false, "8.8.8.8": false, "localhost.example.com": false, "1.example": false,
		"134744072": false, "0x7f.1.2.3.4": false, "999.0.0.1": false,
	} {
		if got := privateHost(host); got != want {
			t.Errorf("privateHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestSameHost(t *testing.T) {
	parse := func(s string) *url.URL {
		u, err := url.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	for _, tt := range []struct {
		home, u string
		want    bool
	}{
		{"http://localhost:8080/feed", "http://localhost:8080/feed/", true},
		{"http://localhost:8080/feed", "https://LocalHost:8080/x", true},
		{"http://example.com/a", "https://example.com/b", true},
		{"http://example.com/a", "http://example.com:80/b", true},
		{"http://example.com./a", "http://example.com/b", true},
		{"http://[::1]:8080/a", "http://[::1]:8080/b", true},
		{"http://localhost:8080/feed", "http://localhost:8081/feed", false},
		{"http://localhost:8080/feed", "http://127.0.0.1:8080/feed", false},
		{"http://example.com/a", "http://example.com:8080/b", false},
		{"http://example.com/a", "http://sub.example.com/b", false},
	} {
		if got := sameHost(parse(tt.home), parse(tt.u)); got != tt.want {
			t.Errorf("sameHost(%s, %s) = %v, want %v", tt.home, tt.u, got, tt.want)
		}
	}
	if sameHost(nil, parse("http://localhost/")) {
		t.Error("sameHost(nil, …) = true")
	}
}

func TestURLScheme(t *testing.T) {
	for s, want := range map[string]string{
		"file:///etc/passwd": "file", "FILE:///x": "file", "file:relative": "file", "ftp://x/y": "ftp",
		"gopher://x": "gopher", "data:text/plain,hi": "data", "javascript:alert(1)": "javascript",
		"mailto:a@b": "mailto", "s3://bucket/key": "s3", "git+ssh://h/r": "git+ssh",
		"notes:2023.txt": "", `C:\x`: "", "C://x": "", "c:/x": "", "a b://x": "", "1x://y": "",
		"plain.txt": "", ":x": "", "dir/file:x": "",
	} {
		got, ok := urlScheme(s)
		if got != want || ok != (want != "") {
			t.Errorf("urlScheme(%q) = %q, %v, want %q", s, got, ok, want)
		}
	}
}

// TestInputSchemes: inputs with a scheme other than http(s) are refused
// by name, while a file whose name merely holds a colon is read.
func TestInputSchemes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"notes:2023.txt": goodText, "data:feed.txt": goodText})
	t.Chdir(dir)
	docs, errs := load(t, testOpts(), "file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/",
		"data:text/plain,hello", "javascript:alert(1)", "notes:2023.txt", "data:feed.txt", "missing:2024.txt", `C:\missing`)
	wantErrs := []string{
		`file:///etc/passwd: unsupported URL scheme "file": brief fetches only http and https URLs (give a local file as a path)`,
		`ftp://example.com/x: unsupported URL scheme "ftp": brief fetches only http and https URLs (save it to a file and give the file's path)`,
		`gopher://example.com/: unsupported URL scheme "gopher": brief fetches only http and https URLs (save it to a file and give the file's path)`,
		`data:text/plain,hello: unsupported URL scheme "data": brief fetches only http and https URLs (save it to a file and give the file's path)`,
		`javascript:alert(1): unsupported URL scheme "javascript": brief fetches only http and https URLs (save it to a file and give the file's path)`,
		"missing:2024.txt: no such file or directory",
		`C:\missing: no such file or directory`,
	}
	if got := errStrings(errs); strings.Join(got, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n got %q\nwant %q", got, wantErrs)
	}
	for _, e := range errs[:5] {
		if !errors.Is(e, ErrScheme) {
			t.Errorf("%v is not ErrScheme", e)
		}
	}
	if got := ids(docs); len(got) != 2 || docs[0].Input != "notes:2023.txt" || docs[1].Input != "data:feed.txt" {
		t.Errorf("documents %q, want the two files with colons in their names", got)
	}
}

// hostile is a page server that counts what it is asked for: a test
// proves a refusal by its count staying at zero.
type hostile struct {
	*httptest.Server
	hits atomic.Int32
}

func newHostile(t *testing.T) *hostile {
	t.Helper()
	h := &hostile{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articlePage("Internal admin page", longParas...))
	}))
	t.Cleanup(h.Close)
	return h
}

// redirector redirects /go?to=URL to URL, and serves an article elsewhere.
func redirector(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if to := r.URL.Query().Get("to"); r.URL.Path == "/go" && to != "" {
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articlePage("Public page", longParas...))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func goURL(srv *httptest.Server, to string) string {
	return srv.URL + "/go?to=" + url.QueryEscape(to)
}

func TestRedirectPolicy(t *testing.T) {
	priv := newHostile(t)
	pub := redirector(t)
	port := priv.Listener.Addr().(*net.TCPAddr).Port
	refused := func(target string) string {
		return "redirect to " + target + " refused: private address (use --allow-private to allow)"
	}
	tests := []struct {
		name    string
		to      string
		allow   bool
		err     string
		isErr   error
		title   string
		ownConn bool // brief's own client rather than an injected one
	}{
		{name: "private address", to: priv.URL + "/admin", err: refused(priv.URL + "/admin"), isErr: ErrPrivateAddress},
		{name: "private address, own client", to: priv.URL + "/admin", ownConn: true, err: refused(priv.URL + "/admin"), isErr: ErrPrivateAddress},
		{name: "cloud metadata", to: "http://169.254.169.254/latest/meta-data/", err: refused("http://169.254.169.254/latest/meta-data/"), isErr: ErrPrivateAddress},
		{name: "unspecified", to: fmt.Sprintf("http://0.0.0.0:%d/", port), err: refused(fmt.Sprintf("http://0.0.0.0:%d/", port)), isErr: ErrPrivateAddress},
		{name: "IPv6 unspecified", to: fmt.Sprintf("http://[::]:%d/", port), err: refused(fmt.Sprintf("http://[::]:%d/", port)), isErr: ErrPrivateAddress},
		{name: "IPv4-mapped loopback", to: fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), err: refused(fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port)), isErr: ErrPrivateAddress},
		{name: "decimal loopback", to: fmt.Sprintf("http://2130706433:%d/", port), err: refused(fmt.Sprintf("http://2130706433:%d/", port)), isErr: ErrPrivateAddress},
		{name: "localhost by name", to: fmt.Sprintf("http://localhost:%d/", port), err: refused(fmt.Sprintf("http://localhost:%d/", port)), isErr: ErrPrivateAddress},
		{name: "AllowPrivate", to: priv.URL + "/admin", allow: true, title: "Internal admin page"},
		{name: "AllowPrivate, own client", to: priv.URL + "/admin", allow: true, ownConn: true, title: "Internal admin page"},
		{name: "same host", to: "/article", title: "Public page"},
		{name: "same host, own client", to: "/article", ownConn: true, title: "Public page"},
		{name: "same host, other scheme", to: strings.Replace(pub.URL, "http://", "https://", 1) + "/article",
			err: "fetch failed: http: server gave HTTP response to HTTPS client"},
		{name: "ftp", to: "ftp://example.com/file.txt",
			err: `redirect to ftp://example.com/file.txt refused: unsupported URL scheme "ftp" (brief fetches only http and https URLs)`, isErr: ErrScheme},
		{name: "file", to: "file:///etc/passwd", allow: true,
			err: `redirect to file:///etc/passwd refused: unsupported URL scheme "file" (brief fetches only http and https URLs)`, isErr: ErrScheme},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			priv.hits.Store(0)
			opts := testOpts()
			if tt.ownConn {
				opts.Client = nil
			}
			opts.AllowPrivate = tt.allow
			input := goURL(pub, tt.to)
			docs, errs := load(t, opts, input)
			if tt.err != "" {
				if len(errs) != 1 || errs[0].Error() != input+": "+tt.err {
					t.Fatalf("documents %q, errors %q, want [%q]", ids(docs), errStrings(errs), input+": "+tt.err)
				}
				if tt.isErr != nil && !errors.Is(errs[0], tt.isErr) {
					t.Errorf("errors.Is(%v, %v) = false", errs[0], tt.isErr)
				}
				if n := priv.hits.Load(); n != 0 {
					t.Errorf("the private server was asked %d times", n)
				}
				return
			}
			if len(errs) != 0 || len(docs) != 1 {
				t.Fatalf("documents %q, errors %q", ids(docs), errStrings(errs))
			}
			checkDoc(t, docs[0], want{title: tt.title})
		})
	}
}

// TestRedirectPolicyKeepsCallersRule: an injected client's own redirect
// rule still applies, after brief's.
func TestRedirectPolicyKeepsCallersRule(t *testing.T) {
	pub := redirector(t)
	var asked atomic.Int32
	opts := testOpts()
	opts.Client.CheckRedirect = func(*http.Request, []*http.Request) error {
		asked.Add(1)
		return errors.New("no redirects here")
	}
	_, errs := load(t, opts, goURL(pub, "/article"))
	if len(errs) != 1 || !strings.HasSuffix(errs[0].Error(), ": fetch failed: no redirects here") || asked.Load() != 1 {
		t.Errorf("errors %q, rule asked %d times", errStrings(errs), asked.Load())
	}
}

// TestLocalhostFeedRedirect: a feed on localhost that redirects /feed to
// /feed/ keeps working, and its items may link back to it.
func TestLocalhostFeedRedirect(t *testing.T) {
	var srvURL string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			http.Redirect(w, r, "/feed/", http.StatusMovedPermanently)
		case "/feed/":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>One</title><link>%s/page</link><description>Short teaser.</description></item>
<item><title>Two</title><link>/page</link><description>Another teaser.</description></item>
</channel></rss>`, srvURL)
		default:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articlePage("Local page", longParas...))
		}
	}))
	t.Cleanup(srv.Close)
	srvURL = strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	opts := Options{Timeout: 5 * time.Second, TeaserWords: 10}
	docs, errs := load(t, opts, srvURL+"/feed")
	if len(errs) != 0 || len(docs) != 2 {
		t.Fatalf("documents %q, errors %q", ids(docs), errStrings(errs))
	}
	for _, d := range docs {
		checkDoc(t, d, want{format: FormatHTML, paras: 3})
	}
}

// linkFeed serves a feed whose items link to links, each with a teaser
// but the last, which has no text at all. "SELF" in a link is the feed's
// own root, which also redirects /go?to=URL to URL.
func linkFeed(t *testing.T, links ...string) *httptest.Server {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Links</title>`)
	for i, l := range links {
		desc := fmt.Sprintf("<description>Teaser number %d.</description>", i+1)
		if i == len(links)-1 {
			desc = ""
		}
		fmt.Fprintf(&b, "<item><title>Item %d</title><link>%s</link>%s</item>", i+1, l, desc)
	}
	b.WriteString(`</channel></rss>`)
	feed := b.String()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if to := r.URL.Query().Get("to"); r.URL.Path == "/go" && to != "" {
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, strings.ReplaceAll(feed, "SELF", "http://"+r.Host))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestFeedLinkPolicy(t *testing.T) {
	priv := newHostile(t)
	links := []string{
		priv.URL + "/admin",
		"SELF/go?to=" + url.QueryEscape(priv.URL+"/admin"),
		"ftp://example.com/story.txt",
		"javascript:alert(1)",
		priv.URL + "/no-teaser",
	}
	feed := linkFeed(t, links...)
	warn := func(s string) []string {
		return []string{"linked page not fetched (" + s + "): using the feed's teaser"}
	}

	t.Run("refused", func(t *testing.T) {
		priv.hits.Store(0)
		opts := testOpts()
		opts.TeaserWords = 10
		docs, errs := load(t, opts, feed.URL)
		if len(docs) != 4 {
			t.Fatalf("documents %q, errors %q", ids(docs), errStrings(errs))
		}
		checkDoc(t, docs[0], want{format: FormatFeed, first: "Teaser number 1.",
			warnings: warn("link to " + links[0] + " refused: private address (use --allow-private to allow)")})
		checkDoc(t, docs[1], want{format: FormatFeed, first: "Teaser number 2.",
			warnings: warn("redirect to " + priv.URL + "/admin refused: private address (use --allow-private to allow)")})
		checkDoc(t, docs[2], want{format: FormatFeed, first: "Teaser number 3.",
			warnings: warn(`link to ftp://example.com/story.txt refused: unsupported URL scheme "ftp" (brief fetches only http and https URLs)`)})
		checkDoc(t, docs[3], want{format: FormatFeed, first: "Teaser number 4.",
			warnings: warn(`link to javascript:alert(1) refused: unsupported URL scheme "javascript" (brief fetches only http and https URLs)`)})
		wantErr := feed.URL + "#5: feed item has no text, and its linked page could not be used: link to " +
			priv.URL + "/no-teaser refused: private address (use --allow-private to allow)"
		if len(errs) != 1 || errs[0].Error() != wantErr || !errors.Is(errs[0], ErrPrivateAddress) {
			t.Errorf("errors = %q, want [%q]", errStrings(errs), wantErr)
		}
		if n := priv.hits.Load(); n != 0 {
			t.Errorf("the private server was asked %d times", n)
		}
	})

	t.Run("AllowPrivate", func(t *testing.T) {
		priv.hits.Store(0)
		opts := testOpts()
		opts.TeaserWords = 10
		opts.AllowPrivate = true
		docs, errs := load(t, opts, feed.URL)
		if len(docs) != 5 || len(errs) != 0 {
			t.Fatalf("documents %q, errors %q", ids(docs), errStrings(errs))
		}
		for _, i := range []int{0, 1, 4} {
			checkDoc(t, docs[i], want{format: FormatHTML, title: fmt.Sprintf("Item %d", i+1), paras: 3})
		}
		if n := priv.hits.Load(); n != 3 {
			t.Errorf("the private server was asked %d times, want 3", n)
		}
	})

	t.Run("feed from a file", func(t *testing.T) {
		// No URL was given, so no host is trusted: even one on the
		// feed's own machine.
		priv.hits.Store(0)
		resp, err := http.Get(feed.URL)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		path := filepath.Join(t.TempDir(), "links.rss")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		opts := testOpts()
		opts.TeaserWords = 10
		docs, _ := load(t, opts, path)
		if len(docs) != 4 {
			t.Fatalf("documents %q", ids(docs))
		}
		checkDoc(t, docs[0], want{format: FormatFeed,
			warnings: warn("link to " + links[0] + " refused: private address (use --allow-private to allow)")})
		if n := priv.hits.Load(); n != 0 {
			t.Errorf("the private server was asked %d times", n)
		}
	})
}

// rebinding makes host names resolve as a hostile DNS server would, for
// requests made under ctx.
func rebinding(ctx context.Context, names map[string]string) context.Context {
	return context.WithValue(ctx, lookupKey{}, lookupFunc(func(_ context.Context, host string) ([]netip.Addr, error) {
		if a, err := netip.ParseAddr(host); err == nil {
			return []netip.Addr{a}, nil
		}
		ip, ok := names[host]
		if !ok {
			return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
		var out []netip.Addr
		for _, s := range strings.Split(ip, ",") {
			out = append(out, netip.MustParseAddr(s))
		}
		return out, nil
	}))
}

// TestDialRefusesPrivate: a public-looking name that resolves to loopback
// passes every check on the URL and is caught where it is dialled.
func TestDialRefusesPrivate(t *testing.T) {
	priv := newHostile(t)
	pub := redirector(t)
	port := priv.Listener.Addr().(*net.TCPAddr).Port
	target := fmt.Sprintf("http://rebind.example:%d/admin", port)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ctx = rebinding(ctx, map[string]string{"rebind.example": "127.0.0.1", "mixed.example": "10.0.0.1,::1"})
	opts := Options{Timeout: 5 * time.Second, TeaserWords: 10}

	t.Run("redirect", func(t *testing.T) {
		priv.hits.Store(0)
		input := goURL(pub, target)
		_, errs := Load(ctx, []string{input}, opts)
		want := input + ": redirect to " + target + " refused: rebind.example resolves to private address 127.0.0.1 (use --allow-private to allow)"
		if len(errs) != 1 || errs[0].Error() != want || !errors.Is(errs[0], ErrPrivateAddress) {
			t.Errorf("errors = %q, want [%q]", errStrings(errs), want)
		}
		if n := priv.hits.Load(); n != 0 {
			t.Errorf("the private server was asked %d times", n)
		}
	})

	t.Run("feed link", func(t *testing.T) {
		priv.hits.Store(0)
		feed := linkFeed(t, target, "")
		docs, _ := Load(ctx, []string{feed.URL}, opts)
		if len(docs) != 1 {
			t.Fatalf("documents %q", ids(docs))
		}
		checkDoc(t, docs[0], want{format: FormatFeed, warnings: []string{"linked page not fetched (link to " + target +
			" refused: rebind.example resolves to private address 127.0.0.1 (use --allow-private to allow)): using the feed's teaser"}})
		if n := priv.hits.Load(); n != 0 {
			t.Errorf("the private server was asked %d times", n)
		}
	})

	t.Run("dialer", func(t *testing.T) {
		g := &dialGuard{}
		for addr, want := range map[string]string{
			"rebind.example:80": "rebind.example resolves to private address 127.0.0.1",
			"mixed.example:80":  "mixed.example resolves to private address ::1",
			"127.0.0.1:80":      "private address",
			"[::1]:80":          "private address",
		} {
			_, err := g.dial(ctx, "tcp", addr)
			var r *refusal
			if !errors.As(err, &r) || r.reason != want {
				t.Errorf("dial %s: %v, want a refusal saying %q", addr, err, want)
			}
		}
		if _, err := g.dial(ctx, "tcp", "unknown.example:80"); err == nil || errors.Is(err, ErrPrivateAddress) {
			t.Errorf("dial unknown.example: %v, want a lookup error", err)
		}
	})

	t.Run("backstop", func(t *testing.T) {
		// Whatever reaches the dialer with an address already resolved
		// is checked again as it connects.
		_, err := guardDialer.DialContext(ctx, "tcp", priv.Listener.Addr().String())
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("dial %s: %v, want ErrPrivateAddress", priv.Listener.Addr(), err)
		}
		if n := priv.hits.Load(); n != 0 {
			t.Errorf("the private server was asked %d times", n)
		}
	})
}
