package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
	"time"
)

const maxRedirects = 10

const acceptHeader = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," +
	"application/feed+json,application/json;q=0.9,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.5"

// httpClient copies the caller's client (so ours can add a redirect policy
// without changing theirs) or starts from one whose dialer refuses private
// addresses for requests that may not reach them. A caller's Transport is
// kept as it is: only the redirect check guards it, and that cannot see
// what a host name resolves to.
func httpClient(c *http.Client) *http.Client {
	var cl http.Client
	if c != nil {
		cl = *c
	} else {
		cl.Transport = &guardedTransport{open: http.DefaultTransport, checked: checkedTransport()}
	}
	cl.CheckRedirect = checkRedirect(cl.CheckRedirect)
	return &cl
}

type response struct {
	body  []byte
	ctype string
	final string // the URL after redirects
}

// fetch GETs rawURL within Options.Timeout, body included. The body is
// capped by what the Content-Type says it is: feeds and JSON may be
// larger than a single article. p says where the request may lead.
func (l *loader) fetch(ctx context.Context, rawURL string, p *policy) (response, error) {
	tctx, cancel := context.WithTimeout(withPolicy(ctx, p), l.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(tctx, http.MethodGet, rawURL, nil)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return response{}, withMsg(err, "invalid URL: %s", oneLine(err.Error()))
	}
	if p.link {
		if r := p.check(req.URL); r != nil {
			r.target = "link to " + req.URL.Redacted()
			return response{}, r
		}
	}
	req.Header.Set("User-Agent", l.opts.UserAgent)
	req.Header.Set("Accept", acceptHeader)
	resp, err := l.client.Do(req)
	if err != nil {
		return response{}, l.fetchError(ctx, tctx, err, req.URL, p)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		status := resp.Status
		if status == "" {
			status = strconv.Itoa(resp.StatusCode) + " " + http.StatusText(resp.StatusCode)
		}
		return response{}, fmt.Errorf("HTTP %s", status)
	}
	ctype := resp.Header.Get("Content-Type")
	limit := l.bodyLimit(kindByContentType(ctype))
	if resp.ContentLength > limit {
		return response{}, tooLarge("response", resp.ContentLength, limit)
	}
	// limit+1 tells a body of exactly the limit from a longer one without
	// reading, or holding, more than that of an endless one.
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return response{}, l.fetchError(ctx, tctx, err, req.URL, p)
	}
	if int64(len(body)) > limit {
		return response{}, overLimit("response", limit)
	}
	return response{body: body, ctype: ctype, final: resp.Request.URL.String()}, nil
}

func (l *loader) bodyLimit(k kind) int64 {
	switch k {
	case kindFeed, kindJSON:
		return l.opts.FeedMaxBytes
	case kindUnknown:
		// Not known yet whether this is a feed: allow for one, and hold a
		// page to the smaller cap once sniffed.
		return max(l.opts.MaxBytes, l.opts.FeedMaxBytes)
	}
	return l.opts.MaxBytes
}

// fetchError turns transport errors into one line a user can act on. u
// is the URL asked for, p the policy it was asked under.
func (l *loader) fetchError(parent, tctx context.Context, err error, u *url.URL, p *policy) error {
	if parent.Err() != nil {
		return parent.Err()
	}
	if r, ok := asRefusal(err); ok {
		out := *r
		if out.target == "" {
			// Refused by the dialer, which knows only the address.
			switch {
			case p.lastHop != nil:
				out.target = "redirect to " + p.lastHop.Redacted()
			case p.link:
				out.target = "link to " + u.Redacted()
			}
		}
		return &out
	}
	var ne net.Error
	if errors.Is(tctx.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return tag(ErrTimeout, err, "timed out after %s", seconds(l.opts.Timeout))
	}
	cause := err
	var ue *url.Error
	if errors.As(err, &ue) {
		cause = ue.Err
	}
	msg := oneLine(cause.Error())
	// The bare errors name a socket or say "EOF"; say what the server did.
	switch {
	case errors.Is(err, syscall.ECONNRESET):
		msg = "the server reset the connection"
	case errors.Is(err, io.ErrUnexpectedEOF):
		msg = "the server closed the connection before the whole answer arrived"
	case errors.Is(err, io.EOF):
		msg = "the server closed the connection without answering"
	}
	return withMsg(err, "fetch failed: %s", msg)
}

func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s"
}

// readURL fetches an URL input and reads whatever it returned.
func (l *loader) readURL(ctx context.Context, src source) []item {
	home, _ := url.Parse(src.name)
	resp, err := l.fetch(ctx, src.name, &policy{allowPrivate: l.opts.AllowPrivate, home: home})
	if err != nil {
		return []item{errItem(src.name, err)}
	}
	head, _ := stripBOM(resp.body[:min(len(resp.body), sniffLen)])
	k := kindByContentType(resp.ctype)
	if _, bin := binaryKind(head); !bin {
		sniffed := sniffKind(head)
		switch {
		case k == kindUnknown, sniffed == kindFeed:
			k = sniffed
		case k == kindFeed && sniffed == kindHTML:
			// XHTML served as generic XML.
			k = kindHTML
		}
	}
	if k != kindFeed && k != kindJSON && int64(len(resp.body)) > l.opts.MaxBytes {
		return []item{errItem(src.name, overLimit("response", l.opts.MaxBytes))}
	}
	return l.process(ctx, blob{data: resp.body, src: src, kind: k, url: resp.final, ctype: resp.ctype})
}
