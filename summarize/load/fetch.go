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
	"time"
)

const maxRedirects = 10

const acceptHeader = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," +
	"application/feed+json,application/json;q=0.9,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.5"

// httpClient copies the caller's client (so ours can add a redirect policy
// without changing theirs) or starts from a plain one.
func httpClient(c *http.Client) *http.Client {
	var cl http.Client
	if c != nil {
		cl = *c
	}
	if cl.CheckRedirect == nil {
		cl.CheckRedirect = func(_ *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return nil
		}
	}
	return &cl
}

type response struct {
	body  []byte
	ctype string
	final string // the URL after redirects
}

// fetch GETs rawURL within Options.Timeout, body included. The body is
// capped by what the Content-Type says it is: feeds and JSON may be
// larger than a single article.
func (l *loader) fetch(ctx context.Context, rawURL string) (response, error) {
	tctx, cancel := context.WithTimeout(ctx, l.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(tctx, http.MethodGet, rawURL, nil)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return response{}, withMsg(err, "invalid URL: %s", oneLine(err.Error()))
	}
	req.Header.Set("User-Agent", l.opts.UserAgent)
	req.Header.Set("Accept", acceptHeader)
	resp, err := l.client.Do(req)
	if err != nil {
		return response{}, l.fetchError(ctx, tctx, err)
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
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return response{}, l.fetchError(ctx, tctx, err)
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

// fetchError turns transport errors into one line a user can act on.
func (l *loader) fetchError(parent, tctx context.Context, err error) error {
	if parent.Err() != nil {
		return parent.Err()
	}
	var ne net.Error
	if errors.Is(tctx.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return withMsg(err, "timed out after %s", seconds(l.opts.Timeout))
	}
	cause := err
	var ue *url.Error
	if errors.As(err, &ue) {
		cause = ue.Err
	}
	return withMsg(err, "fetch failed: %s", oneLine(cause.Error()))
}

func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s"
}

// readURL fetches an URL input and reads whatever it returned.
func (l *loader) readURL(ctx context.Context, src source) []item {
	resp, err := l.fetch(ctx, src.name)
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
