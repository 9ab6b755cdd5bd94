// Package load turns INPUT arguments (files, directories, URLs, feeds,
// JSON lines, stdin) into raw documents: text plus whatever metadata the
// input carried. It does no junk removal beyond main-content extraction
// for HTML; that is the clean package's job.
package load

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Format names how a document's text was obtained.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json"
	FormatFeed     Format = "feed"
)

// Document is one article as read from an input, before cleaning.
type Document struct {
	// ID is stable across runs: the file name without extension, the
	// record's id, the URL, or the feed item's link.
	ID string
	// Input is the INPUT argument that produced the document.
	Input string
	// Origin says exactly where the text came from: a file path, a URL,
	// "stdin", "file.jsonl:12" for a record, or a feed item's link.
	Origin string
	URL    string
	Format Format
	// Text is plain text. Paragraphs are separated by blank lines. For
	// HTML it is the extracted main content.
	Text string
	Meta Meta
	// Warnings are problems that did not stop the document from loading,
	// such as a non-UTF-8 file decoded as Windows-1252.
	Warnings []string
}

// Meta is what the input itself declared about the article. Zero values
// mean "not declared"; the clean package may then detect them from text.
type Meta struct {
	Title       string
	Outlet      string
	Author      string
	Language    string
	Description string
	Published   time.Time
}

// Options bound what loading may cost. Zero values take the defaults below.
type Options struct {
	// MaxBytes caps a single article: a text or HTML file, a fetched page,
	// one JSON record. Container files (JSON lines, JSON arrays) are
	// streamed and are not capped as a whole; feeds are capped at
	// FeedMaxBytes.
	MaxBytes     int64
	FeedMaxBytes int64
	// MaxArticles caps the documents one call delivers; the rest are
	// skipped and reported once per input (ErrTooMany).
	MaxArticles int
	// MaxLineBytes caps one line of a text, Markdown or JSON-lines input
	// (ErrLineTooLong). HTML is exempt: minified pages are one line.
	MaxLineBytes int64
	// MaxDepth caps nesting in HTML, XML and JSON (ErrTooDeep).
	MaxDepth int
	// AllowPrivate lets redirects and feed links lead to private,
	// loopback and link-local addresses. URLs given as inputs are always
	// fetched, wherever they point, and so is anything on the same host
	// and port as the input. Without it, a name that resolves to a
	// private address is refused when dialled; with Client set, whose
	// dialer brief cannot change, only addresses written as such (and
	// localhost) are refused.
	AllowPrivate bool
	// Timeout bounds each HTTP request, body included.
	Timeout   time.Duration
	UserAgent string
	// Client, when set, is used for every request (tests inject one).
	Client *http.Client
	// Stdin is what the INPUT "-" reads; nil means os.Stdin.
	Stdin io.Reader
	// NoFetchLinked keeps feed teasers as they are instead of fetching
	// the page an item links to.
	NoFetchLinked bool
	// TeaserWords: a feed item with fewer words than this is a teaser.
	TeaserWords int
	// Workers bounds how many inputs are read at once (default
	// GOMAXPROCS). It also bounds the parallel decoding of JSON records
	// and the fetching of pages linked from one feed.
	Workers int
}

const (
	DefaultMaxBytes     = 16 << 20
	DefaultFeedMaxBytes = 64 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultTeaserWords  = 150
	// DefaultUserAgent names the tool so site operators can tell who is
	// fetching; the "Mozilla/5.0 (compatible" prefix keeps servers that
	// sniff for browsers from serving an error page instead.
	DefaultUserAgent = "Mozilla/5.0 (compatible; brief/0.1; +https://github.com/brieftool/brief)"
)

// ErrTooLarge is wrapped by errors for inputs over a size cap, so callers
// can tell the user which limit to raise.
var ErrTooLarge = errors.New("over the size limit")

// Errors for fetches brief refused or gave up on, so callers can tell the
// user which flag to use.
var (
	// ErrScheme: an input, redirect or feed link with a scheme other
	// than http or https.
	ErrScheme = errors.New("unsupported URL scheme")
	// ErrPrivateAddress: a redirect or feed link to a private address,
	// refused without Options.AllowPrivate.
	ErrPrivateAddress = errors.New("private address")
	// ErrRedirects: more redirects than brief follows.
	ErrRedirects = errors.New("too many redirects")
	// ErrTimeout: a request that ran out of Options.Timeout.
	ErrTimeout = errors.New("timed out")
)

// InputError is a problem with one input (or one record of it). The rest
// of the corpus is still loaded.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Input, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }
