package load

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// stripBOM removes a UTF-8 byte order mark and transcodes BOM-marked UTF-16,
// so that sniffing and parsing only ever see UTF-8 or single-byte text.
func stripBOM(b []byte) (out []byte, warning string) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return b[len(bomUTF8):], ""
	case bytes.HasPrefix(b, bomUTF16LE), bytes.HasPrefix(b, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		u, err := dec.Bytes(b)
		if err != nil {
			return b, ""
		}
		name := "utf-16le"
		if bytes.HasPrefix(b, bomUTF16BE) {
			name = "utf-16be"
		}
		return u, decodedWarning(name)
	}
	return b, ""
}

func decodedWarning(name string) string {
	return "not valid UTF-8; decoded as " + name
}

var xmlEncodingRE = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// toUTF8 returns b (BOM already handled) as UTF-8. Valid UTF-8 is taken as
// is even when a charset is declared: declarations are often stale
// template leftovers, while non-ASCII text that happens to be valid UTF-8
// almost never is anything else. Otherwise the declared charset is used
// (HTTP header, then <meta> for HTML or the XML declaration), and failing
// that Windows-1252, the superset of Latin-1 that browsers assume.
func toUTF8(b []byte, k kind, contentType string) (out []byte, warning string) {
	if utf8.Valid(b) {
		return b, ""
	}
	var enc encoding.Encoding
	var name string
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		enc, name = charset.Lookup(params["charset"])
	}
	if enc == nil {
		if m := xmlEncodingRE.FindSubmatch(b[:min(len(b), 512)]); m != nil {
			enc, name = charset.Lookup(string(m[1]))
		} else if k == kindHTML {
			enc, name, _ = charset.DetermineEncoding(b, "")
		}
	}
	if enc == nil || name == "utf-8" {
		enc, name = charmap.Windows1252, "windows-1252"
	}
	u, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		u, _ = charmap.Windows1252.NewDecoder().Bytes(b)
		name = "windows-1252"
	}
	if !utf8.Valid(u) {
		u = bytes.ToValidUTF8(u, []byte("\uFFFD"))
	}
	return u, decodedWarning(name)
}

// declareUTF8 rewrites an XML declaration's encoding once the bytes have
// been transcoded, so that the XML parser does not decode them again.
func declareUTF8(b []byte) []byte {
	loc := xmlEncodingRE.FindSubmatchIndex(b[:min(len(b), 512)])
	if loc == nil {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:loc[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, b[loc[3]:]...)
}

// validText is the last line of defence for the promise that Text is UTF-8.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
