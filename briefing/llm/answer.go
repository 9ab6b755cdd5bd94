package llm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// answer is the model's JSON, as prompts/answer.v1.schema.json defines
// it.
type answer struct {
	Headline  string        `json:"headline"`
	KeyPoints []answerPoint `json:"key_points"`
	Disputes  []struct {
		Conflict string `json:"conflict"`
		Text     string `json:"text"`
	} `json:"disputes"`
	Quotes []struct {
		Speaker string   `json:"speaker"`
		Quote   string   `json:"quote"`
		Sources []string `json:"sources"`
	} `json:"quotes"`
	Background []answerPoint `json:"background"`
}

type answerPoint struct {
	Text  string   `json:"text"`
	Facts []string `json:"facts"`
}

// UnmarshalJSON takes the slips models make on servers without strict
// structured output, rather than losing the whole answer to them: a
// point written as a bare string, and "facts" as one id.
func (p *answerPoint) UnmarshalJSON(b []byte) error {
	var text string
	if json.Unmarshal(b, &text) == nil {
		*p = answerPoint{Text: text}
		return nil
	}
	var raw struct {
		Text  string          `json:"text"`
		Facts json.RawMessage `json:"facts"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*p = answerPoint{Text: raw.Text}
	if len(raw.Facts) > 0 && string(raw.Facts) != "null" {
		var one string
		if json.Unmarshal(raw.Facts, &one) == nil {
			p.Facts = []string{one}
		} else if err := json.Unmarshal(raw.Facts, &p.Facts); err != nil {
			return fmt.Errorf("facts: %v", err)
		}
	}
	return nil
}

// empty reports whether the answer says nothing at all.
func (a *answer) empty() bool {
	return strings.TrimSpace(a.Headline) == "" && len(a.KeyPoints) == 0 && len(a.Disputes) == 0 && len(a.Quotes) == 0 && len(a.Background) == 0
}

// parseAnswer reads the model's answer. Models wrap JSON in code fences,
// prefix it with reasoning ("<think>…</think>") or a sentence, and
// servers without structured output let them; the object itself is taken
// from the first "{" to its matching "}". The error says what is wrong in
// words the repair prompt can pass on.
func parseAnswer(content string) (*answer, error) {
	s := stripReasoning(content)
	start := strings.IndexByte(s, '{')
	if start < 0 {
		if strings.TrimSpace(s) == "" {
			return nil, errors.New("the answer is empty")
		}
		return nil, errors.New("the answer contains no JSON object")
	}
	end := objectEnd(s, start)
	if end < 0 {
		return nil, errors.New("the JSON object is not closed: the answer stops in the middle")
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s[start:end])))
	var a answer
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	if a.empty() {
		return nil, errors.New(`the JSON object has none of "headline", "key_points", "disputes", "quotes", "background"`)
	}
	a.normalize()
	return &a, nil
}

// normalize puts the model's text in the forms the check reads: a figure
// in fullwidth or Arabic-Indic digits, words in corner brackets or
// fullwidth quotation marks, or text reordered by invisible bidi controls
// would otherwise look like something the check has no rule for, and
// pass.
func (a *answer) normalize() {
	a.Headline = plainText(a.Headline)
	for _, l := range [][]answerPoint{a.KeyPoints, a.Background} {
		for i := range l {
			l[i].Text = plainText(l[i].Text)
		}
	}
	for i := range a.Disputes {
		a.Disputes[i].Text = plainText(a.Disputes[i].Text)
	}
	for i := range a.Quotes {
		a.Quotes[i].Speaker = plainText(a.Quotes[i].Speaker)
		a.Quotes[i].Quote = plainText(a.Quotes[i].Quote)
	}
}

func plainText(s string) string {
	s = width.Narrow.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r < utf8.RuneSelf:
			return r
		case unicode.Is(unicode.Cf, r):
			return -1 // bidi controls, zero-width joiners and spaces
		case r == '「' || r == '『' || r == '〝' || r == '｢':
			return '“'
		case r == '」' || r == '』' || r == '〞' || r == '〟' || r == '｣':
			return '”'
		case unicode.Is(unicode.Nd, r):
			z := r
			for unicode.Is(unicode.Nd, z-1) {
				z--
			}
			return '0' + (r-z)%10
		}
		return r
	}, s)
}

// stripReasoning drops a reasoning model's <think> block.
func stripReasoning(s string) string {
	for _, tag := range []string{"think", "thinking", "reasoning"} {
		open, close := "<"+tag+">", "</"+tag+">"
		if i := strings.Index(s, open); i >= 0 {
			if j := strings.Index(s[i:], close); j >= 0 {
				s = s[:i] + s[i+j+len(close):]
			}
		}
	}
	return s
}

// objectEnd returns the end of the JSON object starting at s[start], or
// -1 when it never closes. Braces inside strings do not count.
func objectEnd(s string, start int) int {
	depth, inString, escaped := 0, false, false
	for i := start; i < len(s); i++ {
		c := s[i]
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString:
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// marked is a sentence with its citation markers taken out.
type marked struct {
	text   string
	groups []markGroup
}

// markGroup is a run of markers ("[S1][S4]", "[S1, S4]") and where it
// stood in the text without markers.
type markGroup struct {
	at  int
	ids []string
}

// parseMarkers takes the citation markers out of a sentence the model
// wrote. A bracket is a marker when everything inside is source ids
// ("S3", case-insensitive) separated by commas, semicolons or spaces;
// any other bracket ("[sic]", "[the ministry]") is text. Adjacent markers
// form one group. The space before a group goes with it, so "in Iraq
// [S1]." reads "in Iraq." with the group at the end of "Iraq".
func parseMarkers(s string) marked {
	var out marked
	var b strings.Builder
	for i := 0; i < len(s); {
		ids, n := markerAt(s, i)
		if n == 0 {
			b.WriteByte(s[i])
			i++
			continue
		}
		// Trailing spaces before the marker belong to it.
		t := strings.TrimRightFunc(b.String(), unicode.IsSpace)
		b.Reset()
		b.WriteString(t)
		at := b.Len()
		if k := len(out.groups); k > 0 && out.groups[k-1].at == at {
			out.groups[k-1].ids = appendNew(out.groups[k-1].ids, ids...)
		} else {
			out.groups = append(out.groups, markGroup{at: at, ids: appendNew(nil, ids...)})
		}
		i += n
		// "[S1] ." and "[S1]." both close the sentence at the marker.
		for i < len(s) && s[i] == ' ' && i+1 < len(s) && strings.ContainsRune(".,;:!?", rune(s[i+1])) {
			i++
		}
	}
	// A marker before any text ("[S2] Austin arrived ...") cites what
	// follows it.
	lead := len(b.String()) - len(strings.TrimLeftFunc(b.String(), unicode.IsSpace))
	if len(out.groups) > 0 && out.groups[0].at <= lead {
		first := out.groups[0]
		out.groups = out.groups[1:]
		if len(out.groups) == 0 {
			out.groups = []markGroup{{at: b.Len(), ids: first.ids}}
		} else {
			out.groups[0].ids = appendNew(first.ids, out.groups[0].ids...)
		}
	}
	// Offsets were taken in the text before its leading spaces went.
	for k := range out.groups {
		out.groups[k].at -= lead
	}
	out.text = strings.TrimSpace(b.String())
	for k := range out.groups {
		if out.groups[k].at > len(out.text) {
			out.groups[k].at = len(out.text)
		}
	}
	return out
}

// markerAt reads a marker at s[i]: its ids and its length, or 0.
func markerAt(s string, i int) ([]string, int) {
	if s[i] != '[' {
		return nil, 0
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 || j > 200 {
		return nil, 0
	}
	inner := s[i+1 : i+j]
	fields := strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	if len(fields) == 0 {
		return nil, 0
	}
	ids := make([]string, 0, len(fields))
	for _, f := range fields {
		id, ok := normSourceID(f)
		if !ok {
			return nil, 0
		}
		ids = append(ids, id)
	}
	return ids, j + 1
}

// normSourceID accepts "S3", "s3" and "S03".
func normSourceID(f string) (string, bool) {
	if len(f) < 2 || (f[0] != 'S' && f[0] != 's') {
		return "", false
	}
	n := 0
	for _, c := range f[1:] {
		if c < '0' || c > '9' || n > 1e6 {
			return "", false
		}
		n = n*10 + int(c-'0')
	}
	return fmt.Sprintf("S%d", n), true
}

func appendNew(dst []string, ids ...string) []string {
	for _, id := range ids {
		dup := false
		for _, d := range dst {
			if d == id {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, id)
		}
	}
	return dst
}

// splitSentences cuts a marked item where a marker group closes a
// sentence and another sentence follows ("A [S1]. B [S2]."), so that
// every sentence on the page carries, and is checked against, its own
// citations. A sentence with no marker of its own stays joined to the one
// after it, whose sources must then state both.
func splitSentences(m marked) []marked {
	var out []marked
	from := 0
	var groups []markGroup
	for _, g := range m.groups {
		// A marker right after a sentence that was already cut off ("…
		// Tuesday [S2]. [S5] He …") cites that sentence too.
		if g.at < from {
			if k := len(out); k > 0 {
				last := &out[k-1].groups[len(out[k-1].groups)-1]
				last.ids = appendNew(last.ids, g.ids...)
			}
			continue
		}
		end := g.at
		// Take the sentence's closing punctuation.
		for end < len(m.text) && strings.ContainsRune(".!?”\"'", rune(m.text[end])) {
			end++
		}
		groups = append(groups, markGroup{at: g.at - from, ids: g.ids})
		rest := m.text[end:]
		if end > g.at && len(rest) > 1 && rest[0] == ' ' && startsSentence(rest[1:]) {
			out = append(out, marked{text: m.text[from:end], groups: groups})
			from = end + 1
			groups = nil
		}
	}
	last := marked{text: m.text[from:], groups: groups}
	if strings.TrimSpace(last.text) != "" || len(groups) > 0 {
		out = append(out, last)
	}
	return out
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“'
}
