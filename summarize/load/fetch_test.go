package load

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// articlePage is a page with enough text for extraction to take it.
func articlePage(title string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><title>%s</title><meta property="og:site_name" content="Test Times"></head><body>`, title)
	b.WriteString(`<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>` + title + `</h1>`)
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</article><footer>Copyright Test Times</footer></body></html>`)
	return b.String()
}

var longParas = []string{
	strings.Repeat("The river rose above its banks overnight and flooded the lower streets of the town. ", 4),
	strings.Repeat("Emergency crews worked through the night to move families to higher ground. ", 4),
	strings.Repeat("The mayor said the damage would be assessed once the water had receded. ", 4),
}

func newServer(t *testing.T) (*httptest.Server, *http.ServeMux) {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, mux
}

func TestURLs(t *testing.T) {
	srv, mux := newServer(t)
	page := articlePage("River floods town", longParas...)
	var userAgent, accept atomic.Value
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		userAgent.Store(r.UserAgent())
		accept.Store(r.Header.Get("Accept"))
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		// The header names the charset; the page itself does not.
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		b, _ := os.ReadFile("testdata/article-latin1.html")
		w.Write([]byte(strings.Replace(string(b), `<meta charset="iso-8859-1">`, "", 1)))
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/slowbody", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, "<html><body><p>Start of a page that never ends")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		body := strings.Repeat("<p>filler text</p>\n", 2000)
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("/bigchunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 200 {
			fmt.Fprint(w, strings.Repeat("<p>filler text</p>\n", 10))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "A plain report.\n\nSecond paragraph.")
	})
	mux.HandleFunc("/notes.md", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		fmt.Fprint(w, "# Notes title\n\nSome *notes*.")
	})
	mux.HandleFunc("/records", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		fmt.Fprint(w, `{"id":"r1","text":"one"}`+"\n"+`{"text":"two"}`+"\n")
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.5\n\x00\x01binary")
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		http.ServeFile(w, r, "testdata/feed.rss")
	})

	// A port nobody listens on.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refused := "http://" + ln.Addr().String() + "/x"
	ln.Close()

	u := srv.URL
	tests := []struct {
		name  string
		url   string
		opts  func(*Options)
		check func(t *testing.T, docs []Document)
		err   string // after "<url>: "
		isErr error
	}{{
		name: "article",
		url:  u + "/article",
		check: func(t *testing.T, docs []Document) {
			checkDoc(t, docs[0], want{id: u + "/article", origin: u + "/article", url: u + "/article",
				format: FormatHTML, title: "River floods town", outlet: "Test Times", lang: "en", paras: 3,
				first: strings.TrimSpace(longParas[0]), hasNot: []string{"Home", "Copyright"}})
			if ua := userAgent.Load(); ua != DefaultUserAgent {
				t.Errorf("User-Agent = %q", ua)
			}
			if a := accept.Load().(string); !strings.HasPrefix(a, "text/html,") {
				t.Errorf("Accept = %q", a)
			}
		},
	}, {
		name: "custom user agent",
		url:  u + "/article",
		opts: func(o *Options) { o.UserAgent = "test-agent/1" },
		check: func(t *testing.T, docs []Document) {
			if ua := userAgent.Load(); ua != "test-agent/1" {
				t.Errorf("User-Agent = %q", ua)
			}
		},
	}, {
		name: "charset from the HTTP header",
		url:  u + "/latin1",
		check: func(t *testing.T, docs []Document) {
			checkDoc(t, docs[0], want{title: "Le pont du port rouvre après les réparations",
				has: []string{"maître d'œuvre"}, warnings: []string{"not valid UTF-8; decoded as windows-1252"}})
		},
	}, {
		name: "redirect: ID is the URL as given, URL where it ended",
		url:  u + "/old",
		check: func(t *testing.T, docs []Document) {
			checkDoc(t, docs[0], want{id: u + "/old", origin: u + "/old", url: u + "/article", title: "River floods town"})
		},
	}, {
		name: "plain text",
		url:  u + "/plain",
		check: func(t *testing.T, docs []Document) {
			checkDoc(t, docs[0], want{format: FormatText, paras: 2, first: "A plain report."})
		},
	}, {
		name: "markdown",
		url:  u + "/notes.md",
		check: func(t *testing.T, docs []Document) {
			checkDoc(t, docs[0], want{format: FormatMarkdown, title: "Notes title", first: "Some notes."})
		},
	}, {
		name: "JSON lines",
		url:  u + "/records",
		check: func(t *testing.T, docs []Document) {
			if got := ids(docs); !reflect.DeepEqual(got, []string{"r1", u + "/records#2"}) {
				t.Errorf("IDs = %q", got)
			}
			checkDoc(t, docs[1], want{origin: u + "/records:2", format: FormatJSON})
		},
	}, {
		name: "sniffed when the type says nothing",
		url:  u + "/untyped",
		check: func(t *testing.T, docs []Document) {
			checkDoc(t, docs[0], want{format: FormatHTML, title: "River floods town"})
		},
	}, {
		name: "feed",
		url:  u + "/feed",
		opts: func(o *Options) { o.NoFetchLinked = true },
		check: func(t *testing.T, docs []Document) {
			if len(docs) != 4 {
				t.Fatalf("%d documents", len(docs))
			}
			checkDoc(t, docs[3], want{id: u + "/feed#4", origin: u + "/feed#4", outlet: "Valley Gazette"})
		},
	}, {
		name: "404",
		url:  u + "/missing",
		err:  "HTTP 404 Not Found",
	}, {
		name:  "slow server",
		url:   u + "/slow",
		opts:  func(o *Options) { o.Timeout = 200 * time.Millisecond },
		err:   "timed out after 0.2 s",
		isErr: context.DeadlineExceeded,
	}, {
		name: "slow body",
		url:  u + "/slowbody",
		opts: func(o *Options) { o.Timeout = 200 * time.Millisecond },
		err:  "timed out after 0.2 s",
	}, {
		name:  "oversized body with Content-Length",
		url:   u + "/big",
		opts:  func(o *Options) { o.MaxBytes = 16 << 10 },
		err:   "response is 37.1 KB, over the 16.0 KB limit",
		isErr: ErrTooLarge,
	}, {
		name:  "oversized chunked body",
		url:   u + "/bigchunked",
		opts:  func(o *Options) { o.MaxBytes = 16 << 10 },
		err:   "response is over the 16.0 KB limit",
		isErr: ErrTooLarge,
	}, {
		name: "too many redirects",
		url:  u + "/loop",
		err:  "fetch failed: stopped after 10 redirects",
	}, {
		name: "connection refused",
		url:  refused,
		err:  "fetch failed: dial tcp " + strings.TrimPrefix(strings.TrimSuffix(refused, "/x"), "http://") + ": connect: connection refused",
	}, {
		name: "binary",
		url:  u + "/doc.pdf",
		err:  "binary file (PDF), not text, HTML, JSON or a feed",
	}, {
		name: "bad URL",
		url:  "http://[::1",
		err:  "invalid URL: missing ']' in host",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := testOpts()
			if tt.opts != nil {
				tt.opts(&opts)
			}
			start := time.Now()
			docs, errs := load(t, opts, tt.url, "testdata/latin1.txt")
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
			last := len(docs) - 1
			if last < 0 || docs[last].ID != "latin1" {
				t.Fatalf("the file after the URL did not load: %q, errors %q", ids(docs), errStrings(errs))
			}
			docs = docs[:last]
			if tt.err != "" {
				want := tt.url + ": " + tt.err
				if len(errs) != 1 || errs[0].Error() != want {
					t.Fatalf("errors = %q, want [%q]", errStrings(errs), want)
				}
				if tt.isErr != nil && !errors.Is(errs[0], tt.isErr) {
					t.Errorf("errors.Is(%v, %v) = false", errs[0], tt.isErr)
				}
				return
			}
			if len(errs) != 0 || len(docs) == 0 {
				t.Fatalf("documents %q, errors %q", ids(docs), errStrings(errs))
			}
			tt.check(t, docs)
		})
	}
}

func TestFeedTeasers(t *testing.T) {
	srv, mux := newServer(t)
	var pageHits atomic.Int32
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Teaser Times</title><link>%[1]s/</link>
<item><title>Full story in the feed</title><link>%[1]s/full</link>
<description>%[2]s</description></item>
<item><title>Flood update</title><link>%[1]s/flood</link><description>Short teaser about the flood.</description></item>
<item><title>Broken link</title><link>%[1]s/error</link><description>Teaser whose page fails.</description></item>
<item><title>Relative link</title><link>/relative</link><description>Teaser with a relative link.</description></item>
<item><title>Link to a feed</title><link>%[1]s/feed.xml</link><description>Teaser linking to a feed.</description></item>
<item><title>No text</title><link>%[1]s/gone</link></item>
</channel></rss>`, srv.URL, strings.Repeat("word ", 20))
	})
	mux.HandleFunc("/flood", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articlePage("River floods town", longParas...))
	})
	mux.HandleFunc("/relative", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		fmt.Fprint(w, articlePage("Relative page", longParas...))
	})
	mux.HandleFunc("/full", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		fmt.Fprint(w, articlePage("Should not be fetched", longParas...))
	})
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		http.NotFound(w, r)
	})
	feed := srv.URL + "/feed.xml"

	t.Run("teasers replaced by linked pages", func(t *testing.T) {
		pageHits.Store(0)
		opts := testOpts()
		opts.TeaserWords = 10
		docs, errs := load(t, opts, feed, "testdata/latin1.txt")
		wantIDs := []string{srv.URL + "/full", srv.URL + "/flood", srv.URL + "/error", srv.URL + "/relative", feed, "latin1"}
		if got := ids(docs); !reflect.DeepEqual(got, wantIDs) {
			t.Fatalf("IDs = %q\nwant %q", got, wantIDs)
		}
		wantErr := []string{srv.URL + "/feed.xml#6: feed item has no text, and its linked page could not be used: HTTP 404 Not Found"}
		if got := errStrings(errs); !reflect.DeepEqual(got, wantErr) {
			t.Errorf("errors = %q\nwant %q", got, wantErr)
		}
		checkDoc(t, docs[0], want{format: FormatFeed, title: "Full story in the feed", paras: 1})
		checkDoc(t, docs[1], want{format: FormatHTML, origin: srv.URL + "/flood", url: srv.URL + "/flood",
			title: "Flood update", outlet: "Teaser Times", lang: "en", paras: 3, first: strings.TrimSpace(longParas[0])})
		checkDoc(t, docs[2], want{format: FormatFeed, first: "Teaser whose page fails.",
			warnings: []string{"linked page not fetched (HTTP 500 Internal Server Error): using the feed's teaser"}})
		checkDoc(t, docs[3], want{format: FormatHTML, paras: 3})
		checkDoc(t, docs[4], want{format: FormatFeed, first: "Teaser linking to a feed.",
			warnings: []string{"linked page not usable (not an HTML page): using the feed's teaser"}})
		if n := pageHits.Load(); n != 4 {
			t.Errorf("%d page fetches, want 4 (not the item with full text)", n)
		}
	})

	t.Run("NoFetchLinked keeps teasers", func(t *testing.T) {
		pageHits.Store(0)
		opts := testOpts()
		opts.TeaserWords = 10
		opts.NoFetchLinked = true
		docs, errs := load(t, opts, feed)
		if len(docs) != 5 || len(errs) != 1 || errs[0].Error() != feed+"#6: feed item has no text" {
			t.Fatalf("documents %q, errors %q", ids(docs), errStrings(errs))
		}
		checkDoc(t, docs[1], want{format: FormatFeed, first: "Short teaser about the flood."})
		if n := pageHits.Load(); n != 0 {
			t.Errorf("%d page fetches, want none", n)
		}
	})
}
