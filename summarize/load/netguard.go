package load

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// A URL the user gives may point anywhere: they chose it. What a server
// sends, a redirect or a feed item's link, must not turn brief into a
// way into the user's own network (the router, a cloud metadata service,
// a database's admin page), so those may reach only public addresses,
// unless the user allows private ones or the address is the very host
// they named.

// policy is what one fetch may reach. It rides in the request's context
// because the redirect check and the dialer are shared by every request
// and must know whose request they serve.
type policy struct {
	allowPrivate bool
	// home is the URL the user gave; its host may be reached whatever
	// its address. nil when the fetch did not start from one (a feed
	// read from a file).
	home *url.URL
	// link is set when the fetched URL came from a feed item, so that
	// it, and not only where it redirects, is held to the rules.
	link bool
	// lastHop is the latest redirect target, for naming it when the
	// dialer refuses it. Only the goroutine running Client.Do touches it.
	lastHop *url.URL
}

type policyKey struct{}

func withPolicy(ctx context.Context, p *policy) context.Context {
	return context.WithValue(ctx, policyKey{}, p)
}

func policyFrom(ctx context.Context) *policy {
	p, _ := ctx.Value(policyKey{}).(*policy)
	return p
}

// lookupFunc resolves a host name. Tests put one in the context under
// lookupKey to make a name resolve to loopback without touching DNS.
type lookupFunc func(ctx context.Context, host string) ([]netip.Addr, error)

type lookupKey struct{}

// trusts reports whether u may be reached whatever its address.
func (p *policy) trusts(u *url.URL) bool {
	return p != nil && (p.allowPrivate || sameHost(p.home, u))
}

// check refuses u before any request when its scheme is not http(s) or
// its host is, by its very spelling, private. Names that resolve to a
// private address are caught by the dialer.
func (p *policy) check(u *url.URL) *refusal {
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return &refusal{
			reason: fmt.Sprintf("unsupported URL scheme %q", s),
			hint:   "brief fetches only http and https URLs",
			kind:   ErrScheme,
		}
	}
	if p.trusts(u) {
		return nil
	}
	if privateHost(u.Hostname()) {
		return privateRefusal("private address")
	}
	return nil
}

// refusal is a request brief would not make. target says what was
// refused ("redirect to URL"), filled in by whoever knows it.
type refusal struct {
	target string
	reason string
	hint   string
	kind   error
}

func (r *refusal) Error() string {
	s := r.reason + " (" + r.hint + ")"
	if r.target != "" {
		s = r.target + " refused: " + s
	}
	return s
}

func (r *refusal) Unwrap() error { return r.kind }

func privateRefusal(reason string) *refusal {
	return &refusal{reason: reason, hint: "use --allow-private to allow", kind: ErrPrivateAddress}
}

// tagged is an error with a message of its own that matches both a
// sentinel of this package and the error underneath.
type tagged struct {
	msg      string
	tag, err error
}

func (e *tagged) Error() string   { return e.msg }
func (e *tagged) Unwrap() []error { return []error{e.tag, e.err} }

func tag(sentinel, err error, format string, args ...any) error {
	if err == nil {
		err = sentinel
	}
	return &tagged{msg: fmt.Sprintf(format, args...), tag: sentinel, err: err}
}

// sameHost reports whether u is on home's host: the same name, and the
// same port or both the scheme's default one, so that http://h/feed
// redirecting to https://h/feed stays allowed.
func sameHost(home, u *url.URL) bool {
	if home == nil || u == nil {
		return false
	}
	if !strings.EqualFold(strings.TrimSuffix(home.Hostname(), "."), strings.TrimSuffix(u.Hostname(), ".")) {
		return false
	}
	return home.Port() == u.Port() || effectivePort(home) == effectivePort(u)
}

func effectivePort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// privateHost reports whether host, as written in a URL, names a private
// address without any lookup: localhost, or an address literal, legacy
// numeric spellings such as 2130706433 or 0x7f.1 included, since some
// resolvers read those as addresses.
func privateHost(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	if a, err := netip.ParseAddr(h); err == nil {
		return blockedAddr(a)
	}
	if a, ok := legacyIPv4(h); ok {
		return blockedAddr(a)
	}
	return false
}

// legacyIPv4 parses the inet_aton forms: one to four parts, each decimal,
// octal (leading 0) or hexadecimal (0x), the last filling the bytes left.
func legacyIPv4(s string) (netip.Addr, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return netip.Addr{}, false
	}
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var vals []uint64
	for _, p := range parts {
		base := 10
		switch {
		case len(p) > 2 && (p[:2] == "0x" || p[:2] == "0X"):
			base, p = 16, p[2:]
		case len(p) > 1 && p[0] == '0':
			base, p = 8, p[1:]
		}
		v, err := strconv.ParseUint(p, base, 32)
		if err != nil {
			return netip.Addr{}, false
		}
		vals = append(vals, v)
	}
	var n uint64
	for i, v := range vals[:len(vals)-1] {
		if v > 255 {
			return netip.Addr{}, false
		}
		n |= v << (24 - 8*i)
	}
	last := vals[len(vals)-1]
	if last >= 1<<(8*(5-len(vals))) {
		return netip.Addr{}, false
	}
	n |= last
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), true
}

// blockedPrefixes are the ranges a server may not send brief to: private,
// loopback, link-local (169.254.169.254 is the cloud metadata service),
// carrier-grade NAT, unspecified (0.0.0.0 and [::] reach the local host),
// multicast and reserved.
var blockedPrefixes = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
		"172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
		"224.0.0.0/4", "240.0.0.0/4",
		"::/128", "::1/128", "100::/64", "64:ff9b:1::/48", "fc00::/7", "fe80::/10",
		"fec0::/10", "ff00::/8",
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
	v4compat  = netip.MustParsePrefix("::/96")
)

// blockedAddr reports whether a is in a range a server may not send brief
// to. IPv6 addresses that carry an IPv4 one (mapped, compatible, NAT64,
// 6to4) are judged by the IPv4 address they reach.
func blockedAddr(a netip.Addr) bool {
	a = a.WithZone("").Unmap()
	if a.Is6() {
		b := a.As16()
		switch {
		case nat64.Contains(a), v4compat.Contains(a) && a != netip.IPv6Unspecified() && a != netip.IPv6Loopback():
			return blockedAddr(netip.AddrFrom4([4]byte(b[12:16])))
		case sixToFour.Contains(a):
			return blockedAddr(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	for _, p := range blockedPrefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// checkRedirect holds every redirect to the fetch's policy, then to the
// caller's own rule, or else to maxRedirects.
func checkRedirect(theirs func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		p := policyFrom(req.Context())
		if p == nil {
			p = &policy{}
		}
		p.lastHop = req.URL
		if r := p.check(req.URL); r != nil {
			r.target = "redirect to " + req.URL.Redacted()
			return r
		}
		if theirs != nil {
			return theirs(req, via)
		}
		if len(via) >= maxRedirects {
			return tag(ErrRedirects, nil, "stopped after %d redirects", maxRedirects)
		}
		return nil
	}
}

// guardedTransport sends requests brief may send anywhere (the user's
// own host, or any host with AllowPrivate) through open, and the rest
// through checked, whose dialer refuses private addresses. Two pools
// keep a connection opened to a private address for a trusted request
// from being reused for an untrusted one.
type guardedTransport struct {
	open, checked http.RoundTripper
}

func (t *guardedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if policyFrom(req.Context()).trusts(req.URL) {
		return t.open.RoundTrip(req)
	}
	return t.checked.RoundTrip(req)
}

// checkedTransport is shared, as http.DefaultTransport is, so that its
// connections are reused across runs; it holds no per-run state.
var checkedTransport = sync.OnceValue(func() *http.Transport {
	g := &dialGuard{}
	t, ok := http.DefaultTransport.(*http.Transport)
	if ok {
		t = t.Clone()
	} else {
		// Someone replaced the default with a wrapper: start from
		// net/http's own settings instead.
		t = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          100,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	env := t.Proxy
	if env == nil {
		env = func(*http.Request) (*url.URL, error) { return nil, nil }
	}
	t.Proxy = func(req *http.Request) (*url.URL, error) {
		u, err := env(req)
		if u != nil {
			g.proxies.Store(canonicalAddr(u), true)
		}
		return u, err
	}
	t.DialContext = g.dial
	return t
})

// dialGuard resolves the host itself and dials only public addresses,
// so a name that resolves to a private one (DNS rebinding included) is
// refused whatever the URL said. A proxy the user configured is dialled
// as it is; it resolves the target itself, so then only the URL check
// applies.
type dialGuard struct {
	proxies sync.Map // "host:port" of proxies in use
}

var guardDialer = &net.Dialer{
	Timeout:   30 * time.Second,
	KeepAlive: 30 * time.Second,
	// A second line: whatever address is finally connected to, by
	// whatever path, is checked once more.
	Control: func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || blockedAddr(ap.Addr()) {
			return privateRefusal("private address " + address)
		}
		return nil
	},
}

var plainDialer = &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}

func (g *dialGuard) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	if _, ok := g.proxies.Load(addr); ok {
		return plainDialer.DialContext(ctx, network, addr)
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	lookup, _ := ctx.Value(lookupKey{}).(lookupFunc)
	if lookup == nil {
		lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	addrs, err := lookup(ctx, host)
	if err != nil {
		return nil, err
	}
	var public []netip.Addr
	var refused netip.Addr
	for _, a := range addrs {
		if blockedAddr(a) {
			refused = a
			continue
		}
		public = append(public, a)
	}
	if len(public) == 0 {
		if !refused.IsValid() {
			return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
		}
		if _, err := netip.ParseAddr(host); err == nil {
			return nil, privateRefusal("private address")
		}
		return nil, privateRefusal(fmt.Sprintf("%s resolves to private address %s", host, refused.WithZone("")))
	}
	// The checked addresses are dialled as they are: resolving the name
	// again would give a rebinding server a second answer.
	var last error
	for _, a := range public {
		c, err := guardDialer.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
		if err == nil {
			return c, nil
		}
		last = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, last
}

// canonicalAddr is u's "host:port" as the transport dials it.
func canonicalAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch strings.ToLower(u.Scheme) {
		case "https":
			port = "443"
		case "socks5", "socks5h":
			port = "1080"
		default:
			port = "80"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// asRefusal finds a refusal in err, for fetchError.
func asRefusal(err error) (*refusal, bool) {
	var r *refusal
	if errors.As(err, &r) {
		return r, true
	}
	return nil, false
}
