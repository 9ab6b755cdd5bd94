package clean

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize makes line structure and spacing predictable: scraped text
// mixes \r\n, no-break and zero-width spaces, and stray control bytes.
func normalize(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	b := make([]byte, 0, len(text))
	space := false // a space is pending: written only before a non-space
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			// ASCII fast path: most news text is ASCII.
			i++
			switch {
			case c == ' ' || c == '\t':
				space = true
				continue
			case c == '\r':
				if i < len(text) && text[i] == '\n' {
					continue
				}
				c = '\n'
			case c != '\n' && c < 0x20 || c == 0x7f:
				continue
			}
			if c == '\n' {
				space = false
				b = append(b, '\n')
				continue
			}
			if space && len(b) > 0 && b[len(b)-1] != '\n' {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			continue
		case r == '\u2028' || r == '\u2029':
			space = false
			b = append(b, '\n')
			continue
		case r == '\u00AD' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF':
			continue
		case r == '\u00A0' || r == '\u2007' || r == '\u202F' || (r >= '\u2000' && r <= '\u200A') || r == '\u3000':
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space && len(b) > 0 && b[len(b)-1] != '\n' {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// split cuts normalised text into units: one per line, except that lines
// of a hard-wrapped paragraph are joined.
func split(text string) []unit {
	lines := strings.Split(text, "\n")
	type block struct{ start, end int } // line indexes, end exclusive
	var blocks []block
	for i := 0; i < len(lines); {
		if lines[i] == "" {
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j] != "" {
			j++
		}
		blocks = append(blocks, block{i, j})
		i = j
	}

	// Decide once per document whether its paragraphs are hard-wrapped:
	// wrapped text has many lines of similar width, ending mid-sentence.
	var inner []string
	width := 0
	for _, bl := range blocks {
		if bl.end-bl.start < 2 {
			continue
		}
		for _, l := range lines[bl.start:bl.end] {
			width = max(width, utf8.RuneCountInString(l))
		}
		inner = append(inner, lines[bl.start:bl.end-1]...)
	}
	wrapped := false
	if len(inner) >= 3 && width >= 40 && width <= 100 {
		long, open := 0, 0
		for _, l := range inner {
			if utf8.RuneCountInString(l)*10 >= width*6 {
				long++
			}
			if !endsSentence(l) {
				open++
			}
		}
		wrapped = long*10 >= len(inner)*6 && open*10 >= len(inner)*4
	}

	var units []unit
	for _, bl := range blocks {
		cur := unit{line: bl.start + 1, text: lines[bl.start]}
		for k := bl.start + 1; k < bl.end; k++ {
			l := lines[k]
			if joins(cur.text, l, wrapped) {
				if strings.HasSuffix(cur.text, "-") && startsLower(l) {
					cur.text += l
				} else {
					cur.text += " " + l
				}
				continue
			}
			units = append(units, cur)
			cur = unit{line: k + 1, text: l}
		}
		units = append(units, cur)
	}
	return units
}

// joins says whether line next continues the paragraph ending in prev.
func joins(prev, next string, wrapped bool) bool {
	if isBullet(next) {
		return false
	}
	if wrapped {
		return true
	}
	// Outside wrapped text, only an obvious mid-sentence break joins: a
	// long line with no closing punctuation followed by a lowercase word.
	return utf8.RuneCountInString(prev) >= 30 && !endsSentence(prev) && !strings.HasSuffix(prev, ":") &&
		startsLower(next) && !strings.HasPrefix(next, "http") && !strings.HasPrefix(next, "www.")
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// Outlet evidence, strongest first: an explicit "Source: X" line, the
// copyright holder, a line that is only the outlet's domain, the host of a
// URL on the page.
var outletRank = map[string]int{FromSource: 0, FromCopyright: 1, FromBrand: 2, FromURL: 3}

type outletCandidates struct {
	name, from string
}

func (o *outletCandidates) add(name, from string) {
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) > 60 {
		return
	}
	if o.name == "" || outletRank[from] < outletRank[o.from] {
		o.name, o.from = name, from
	}
}

func (o *outletCandidates) best() (string, string) { return o.name, o.from }

// fromCopyright takes the holder out of "Caliber.az © 2024." or
// "© 2024 The Cradle. All rights reserved." or a reproduction notice
// ("... only with a hyperlink to Caliber.az").
func (c *Cleaner) fromCopyright(o *outletCandidates, t string) {
	if m := c.re.linkTo.FindStringSubmatch(t); m != nil {
		o.add(m[1], FromCopyright)
		return
	}
	s := c.re.holderJunk.ReplaceAllString(t, " ")
	s = c.re.years.ReplaceAllString(s, " ")
	s = strings.Trim(strings.Join(strings.Fields(s), " "), " .,;:|-–—")
	if n := len(strings.Fields(s)); n == 0 || n > 5 || !hasLetter(s) {
		return
	}
	o.add(s, FromCopyright)
}

// hostOutlet names an outlet by the host of a URL on its page, without
// the CDN or mobile subdomain ("media.thecradle.co" -> "thecradle.co").
func hostOutlet(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	labels := strings.Split(strings.ToLower(u.Hostname()), ".")
	for len(labels) > 2 {
		switch labels[0] {
		case "www", "m", "amp", "media", "cdn", "static", "img", "images", "image", "i", "assets", "edition", "s", "st", "files", "upload", "uploads", "cms":
			labels = labels[1:]
			continue
		}
		break
	}
	return strings.Join(labels, ".")
}

// canonical wire agency names, keyed by lower-case spelling.
var agencyNames = map[string]string{
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"ap": "AP", "associated press": "AP", "the associated press": "AP",
	"reuters": "Reuters", "thomson reuters": "Reuters",
	"epa": "EPA", "getty images": "Getty Images", "anadolu": "Anadolu", "anadolu agency": "Anadolu", "aa": "Anadolu",
	"xinhua": "Xinhua", "dpa": "dpa", "ansa": "ANSA", "efe": "EFE", "bloomberg": "Bloomberg", "tass": "TASS",
	"upi": "UPI", "ians": "IANS", "pti": "PTI", "ani": "ANI", "kyodo": "Kyodo", "yonhap": "Yonhap",
	"sipa": "Sipa", "apa": "APA", "irna": "IRNA", "mena": "MENA", "wam": "WAM", "spa": "SPA", "kuna": "KUNA", "qna": "QNA",
}

func agencyName(s string) string {
	return agencyNames[strings.ToLower(strings.Trim(s, " .,;()[]"))]
}

// agencyList reads "AFP , AP" or "Reuters/AP" or "AFP and Reuters"; it
// returns nil unless every part is a known agency.
func agencyList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '/' || r == ';' || r == '&' || r == '|' })
	var out []string
	for _, p := range parts {
		for _, q := range strings.Split(p, " and ") {
			q = strings.TrimSpace(q)
			if q == "" {
				continue
			}
			a := agencyName(q)
			if a == "" {
				return nil
			}
			out = append(out, a)
		}
	}
	return out
}

func addAgency(list []string, a string) []string {
	if c := agencyName(a); c != "" {
		a = c
	}
	for _, x := range list {
		if x == a {
			return list
		}
	}
	return append(list, a)
}
