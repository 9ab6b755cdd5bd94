package load

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"strings"
)

// kind is what an input turned out to be, which decides how it is read.
type kind int

const (
	kindUnknown kind = iota
	kindText
	kindMarkdown
	kindHTML
	kindJSON  // one object, an array, or JSON lines: decided by content
	kindJSONL // strictly one object per line
	kindFeed
)

func kindByExt(ext string) kind {
	switch strings.ToLower(ext) {
	case ".txt", ".text":
		return kindText
	case ".md", ".markdown":
		return kindMarkdown
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".json":
		return kindJSON
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".xml", ".rss", ".atom", ".feed":
		return kindFeed
	}
	return kindUnknown
}

// kindByContentType maps a response's media type; kindUnknown leaves the
// decision to sniffing. Generic XML is taken for a feed because pages are
// almost never served as XML, while many feeds are.
func kindByContentType(ct string) kind {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return kindUnknown
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return kindHTML
	case mt == "application/feed+json" || strings.Contains(mt, "rss") || strings.Contains(mt, "atom") ||
		mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml"):
		return kindFeed
	case mt == "application/json" || mt == "application/x-ndjson" || mt == "application/jsonl" || strings.HasSuffix(mt, "+json"):
		return kindJSON
	case mt == "text/plain":
		return kindText
	case mt == "text/markdown" || mt == "text/x-markdown":
		return kindMarkdown
	}
	return kindUnknown
}

// sniffLen is how much of an input is looked at to guess what it is.
const sniffLen = 8 << 10

// sniffKind guesses from the first bytes (BOM already removed). It assumes
// binary content was rejected before.
func sniffKind(head []byte) kind {
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 {
		return kindText
	}
	switch head[0] {
	case '{':
		if isJSONFeed(head) {
			return kindFeed
		}
		return kindJSON
	case '[':
		return kindJSON
	case '<':
		lower := bytes.ToLower(head)
		if looksLikeFeed(lower) {
			return kindFeed
		}
		if looksLikeHTML(lower) {
			return kindHTML
		}
		if bytes.HasPrefix(lower, []byte("<?xml")) {
			return kindFeed
		}
		// Any other markup is most likely an HTML fragment.
		if len(lower) > 1 && (lower[1] == '!' || (lower[1] >= 'a' && lower[1] <= 'z')) {
			return kindHTML
		}
	}
	return kindText
}

func isJSONFeed(head []byte) bool {
	return bytes.Contains(head, []byte(`"version"`)) && bytes.Contains(head, []byte("jsonfeed.org/version"))
}

func looksLikeFeed(lowerHead []byte) bool {
	// Only the root element counts: an HTML page may mention "<feed" in a
	// script, so look no further than where a root could start.
	h := skipXMLProlog(lowerHead)
	for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if bytes.HasPrefix(h, []byte(root)) {
			return true
		}
	}
	return false
}

// skipXMLProlog skips the XML declaration, comments, processing
// instructions and a doctype, which may precede a feed's root element.
func skipXMLProlog(h []byte) []byte {
	for {
		h = bytes.TrimLeft(h, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(h, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(h, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(h, []byte("<!doctype")) && !bytes.HasPrefix(h, []byte("<!doctype html")):
			end = []byte(">")
		default:
			return h
		}
		i := bytes.Index(h, end)
		if i < 0 {
			return h
		}
		h = h[i+len(end):]
	}
}

func looksLikeHTML(lowerHead []byte) bool {
	h := lowerHead[:min(len(lowerHead), 1024)]
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<article", "<div"} {
		if bytes.Contains(h, []byte(tag)) {
			return true
		}
	}
	return false
}

// magic numbers of binary formats people plausibly pass by mistake.
var magics = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "PDF"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"PK\x03\x04", "ZIP archive"},
	{"PK\x05\x06", "ZIP archive"},
	{"\x1f\x8b", "gzip archive"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"\x28\xb5\x2f\xfd", "Zstandard archive"},
	{"BZh91AY&SY", "bzip2 archive"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"},
	{"\x7fELF", "ELF executable"},
	{"OggS", "Ogg media"},
	{"wOFF", "WOFF font"},
	{"wOF2", "WOFF2 font"},
}

// binaryKind reports whether head (the start of an input, BOM removed)
// is binary, and names the format when it recognises one.
func binaryKind(head []byte) (name string, binary bool) {
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.name, true
		}
	}
	if len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP" {
		return "WebP image", true
	}
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	control := 0
	for _, b := range head {
		switch {
		case b == 0:
			return "", true
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b, b == 0x7f:
			control++
		}
	}
	// Legacy text may carry the odd stray control byte; real binaries have
	// them throughout.
	return "", control*10 > len(head)
}

func binaryError(name string) error {
	if name != "" {
		return fmt.Errorf("binary file (%s), not text, HTML, JSON or a feed", name)
	}
	return errors.New("binary file, not text, HTML, JSON or a feed")
}

var errEmpty = errors.New("file is empty")

func isBlank(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}

// humanSize uses binary multiples, as the limits are set in them: the
// default 16 << 20 reads "16.0 MB".
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func tooLarge(what string, size, limit int64) error {
	return withMsg(ErrTooLarge, "%s is %s, over the %s limit", what, humanSize(size), humanSize(limit))
}

func overLimit(what string, limit int64) error {
	return withMsg(ErrTooLarge, "%s is over the %s limit", what, humanSize(limit))
}

// msgError gives a wrapped error a message of its own, for when the
// wrapped error's text would be noise to the user but callers may still
// want errors.Is on it.
type msgError struct {
	msg string
	err error
}

func (e *msgError) Error() string { return e.msg }
func (e *msgError) Unwrap() error { return e.err }

func withMsg(err error, format string, args ...any) error {
	return &msgError{msg: fmt.Sprintf(format, args...), err: err}
}

// oneLine keeps third-party error text to a single line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
