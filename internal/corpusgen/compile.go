package corpusgen

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Base text is tokenised once. Only the tokens that change between
// stories or articles (names, numbers, dates, editable words) are stored;
// the bytes between them are copied verbatim, which keeps rendering a
// series of appends with no per-word work or allocation.

type tokKind uint8

const (
	tkEntity  tokKind = iota + 1 // arg: index into model.pool[cls]
	tkNumber                     // arg: value
	tkMonth                      // arg: 0-11
	tkWeekday                    // arg: 0-6
	tkEdit                       // arg: index into model.edits
)

const (
	flUpper   uint8 = 1 << iota // entity written in capitals (datelines)
	flComma                     // number written with thousands separators
	flYear                      // 4 digits, 1500-2099, no comma: a year
	flDecade                    // "1990s"
	flOrdinal                   // "20th"
	flAbbr                      // month abbreviation
)

type tok struct {
	off, end int32
	arg      int32
	kind     tokKind
	flag     uint8
	cls      uint8
}

type text struct {
	s    string
	toks []tok
	// dateline is the length of a leading "CITY, Date (AP) -- " in a
	// document's first paragraph. It is kept for an article's own lede
	// and cut when the paragraph lands mid-article, where a dateline
	// would give the recombination away.
	dateline int
}

type cdoc struct {
	title text // s == "" when the doc had no usable headline
	paras []text
}

type ccluster struct {
	id    string
	docs  []cdoc
	base  time.Time // typical date of the cluster's articles, for date shifting
	bytes int       // total paragraph bytes, to size article recombination
}

// model is the compiled base text: read-only once built, shared by all
// workers.
type model struct {
	clusters []ccluster
	// pool holds every name found in the base text, in two classes:
	// 0 = tokens usually followed by another name (given names, first
	// words of organisations), 1 = the rest (surnames, places). Stories
	// permute names within a class so "Lloyd Austin" becomes another
	// "Given Surname" pair rather than "Baghdad Lloyd".
	pool  [2][]string
	edits [][]string
	// titled lists (cluster, doc) pairs with headlines, for teasers.
	titled [][2]int32
}

type wordStat struct {
	spelling string // first Title-case spelling seen
	capMid   int32  // capitalised, not at a sentence start
	capAll   int32
	lower    int32 // written all lower-case
	nextCap  int32 // followed by another capitalised word
}

func compile(base []BaseCluster) *model {
	m := &model{}
	editIndex := make(map[string]int32, len(editAlternatives))
	for i, e := range editAlternatives {
		editIndex[e.word] = int32(i)
		m.edits = append(m.edits, e.alts)
	}

	// Pass 1: word statistics over all paragraphs (not titles, whose
	// Title Case would make every word look like a name).
	stats := map[string]*wordStat{}
	var scratch []byte
	for _, c := range base {
		for _, d := range c.Docs {
			for _, p := range d.Paragraphs {
				scratch = countWords(p, stats, scratch)
			}
		}
	}

	// Names: capitalised mid-sentence at least once, rarely written in
	// lower case, not a title, month or weekday.
	stop := map[string]bool{}
	for _, w := range nameStop {
		stop[w] = true
	}
	for i := range monthNames {
		stop[strings.ToLower(monthNames[i])] = true
		stop[strings.ToLower(monthAbbr[i])] = true
	}
	for _, w := range weekdayNames {
		stop[strings.ToLower(w)] = true
	}
	var names [2][]string
	for key, st := range stats {
		if st.capMid == 0 || st.lower*2 > st.capMid || stop[key] || utf8.RuneCountInString(key) < 3 {
			continue
		}
		cls := 1
		if st.nextCap*2 > st.capAll {
			cls = 0
		}
		names[cls] = append(names[cls], key)
	}
	entity := map[string][2]int32{} // lower-case key -> class, index
	for cls := range names {
		// Sorted so the pool, and so the output, does not depend on map
		// iteration order.
		sort.Strings(names[cls])
		for i, key := range names[cls] {
			entity[key] = [2]int32{int32(cls), int32(i)}
			m.pool[cls] = append(m.pool[cls], stats[key].spelling)
		}
	}
	// A class may be empty for tiny bases; fall back to the other so
	// lookups never divide by zero.
	for cls := range m.pool {
		if len(m.pool[cls]) == 0 {
			m.pool[cls] = m.pool[1-cls]
		}
	}

	tz := tokenizer{entity: entity, edit: editIndex}
	seen := map[string]bool{}
	for _, c := range base {
		cc := ccluster{id: c.ID}
		var dates []time.Time
		clear(seen)
		for _, d := range c.Docs {
			var doc cdoc
			for _, p := range d.Paragraphs {
				// The same paragraph in two base docs (one wire story run
				// by two papers) would put an unlabelled duplicate line
				// into recombined articles.
				if seen[p] {
					continue
				}
				seen[p] = true
				t := tz.tokenize(p, &scratch)
				if len(doc.paras) == 0 {
					t.dateline = datelineLen(p)
				}
				doc.paras = append(doc.paras, t)
				cc.bytes += len(p)
			}
			if len(doc.paras) == 0 {
				continue
			}
			if d.Title != "" {
				doc.title = tz.tokenize(d.Title, &scratch)
				m.titled = append(m.titled, [2]int32{int32(len(m.clusters)), int32(len(cc.docs))})
			}
			if !d.Date.IsZero() {
				dates = append(dates, d.Date)
			}
			cc.docs = append(cc.docs, doc)
		}
		if len(cc.docs) == 0 {
			continue
		}
		cc.base = medianDate(dates)
		if cc.base.IsZero() {
			cc.base = latestYear(cc.docs)
		}
		m.clusters = append(m.clusters, cc)
	}
	return m
}

// datelineLen finds a wire dateline: a short prefix with an agency or
// place in it, closed by a dash.
func datelineLen(p string) int {
	for _, sep := range []string{" -- ", " _ ", " — ", " - "} {
		i := strings.Index(p, sep)
		if i < 0 || i > 70 {
			continue
		}
		head := p[:i]
		first := head
		if j := strings.IndexAny(head, " ,"); j >= 0 {
			first = head[:j]
		}
		shouting := len(first) >= 3 && strings.ToUpper(first) == first && strings.ToLower(first) != first
		if strings.Contains(head, "(") || shouting {
			end := i + len(sep)
			if usableParagraph(p[end:]) {
				return end
			}
		}
	}
	return 0
}

func medianDate(ds []time.Time) time.Time {
	if len(ds) == 0 {
		return time.Time{}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	return ds[len(ds)/2]
}

// latestYear dates an undated cluster by the most recent year its text
// mentions, so year shifting still moves "in 2014" consistently.
func latestYear(docs []cdoc) time.Time {
	y := 0
	for _, d := range docs {
		for _, p := range d.paras {
			for _, t := range p.toks {
				if t.kind == tkNumber && t.flag&flYear != 0 && int(t.arg) > y && t.arg <= 2100 {
					y = int(t.arg)
				}
			}
		}
	}
	if y == 0 {
		return time.Time{}
	}
	return time.Date(y, time.June, 15, 12, 0, 0, 0, time.UTC)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }

// wordEnd returns the end of the letter run starting at i.
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += n
	}
	return i
}

func isLetterAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// letterBefore reports whether the rune ending at i is a letter.
func letterBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	c := s[i-1]
	if c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// wordCase classifies a word: 'l' all lower-case, 't' Title-case
// (capital first, some lower-case after), 'u' all capitals, 0 other.
func wordCase(w string) byte {
	r, n := utf8.DecodeRuneInString(w)
	first := unicode.IsUpper(r)
	anyLower, anyUpper := !first, first
	for _, r := range w[n:] {
		if unicode.IsUpper(r) {
			anyUpper = true
		} else {
			anyLower = true
		}
	}
	switch {
	case !first && !anyUpper:
		return 'l'
	case first && anyLower:
		return 't'
	case first && !anyLower:
		return 'u'
	}
	return 0
}

// sentenceStart reports whether position i begins a sentence: looking
// back past spaces, quotes and brackets, the text starts, a sentence ends,
// or a wire dateline ("BOSTON (AP) -- ", "BOSTON _ ") ends there.
func sentenceStart(s string, i int) bool {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		switch r {
		case ' ', '"', '\'', '“', '‘', '(', '[', '`', '—', '–':
			i -= n
			continue
		case '-':
			if i >= 2 && s[i-2] == '-' {
				return true
			}
			i -= n
			continue
		case '.', '!', '?', ':', ';', '_':
			return true
		}
		return false
	}
	return true
}

// lowerKey writes the lower-case form of w into buf.
func lowerKey(buf []byte, w string) []byte {
	buf = buf[:0]
	for _, r := range w {
		if r < utf8.RuneSelf {
			c := byte(r)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

func countWords(p string, stats map[string]*wordStat, buf []byte) []byte {
	var prev *wordStat // previous word, if Title-case and adjacent
	for i := 0; i < len(p); {
		if !isLetterAt(p, i) {
			if p[i] != ' ' {
				prev = nil
			}
			_, n := utf8.DecodeRuneInString(p[i:])
			i += n
			continue
		}
		j := wordEnd(p, i)
		w := p[i:j]
		wc := wordCase(w)
		if wc == 't' && prev != nil {
			prev.nextCap++
		}
		prev = nil
		switch wc {
		case 'l':
			if st := stats[w]; st != nil {
				st.lower++
			} else if len(w) >= 3 {
				stats[w] = &wordStat{lower: 1}
			}
		case 't':
			buf = lowerKey(buf, w)
			st := stats[string(buf)]
			if st == nil {
				st = &wordStat{}
				stats[string(buf)] = st
			}
			if st.spelling == "" {
				st.spelling = w
			}
			st.capAll++
			if !sentenceStart(p, i) {
				st.capMid++
			}
			prev = st
		}
		i = j
	}
	return buf
}

type tokenizer struct {
	entity map[string][2]int32
	edit   map[string]int32
}

func (tz *tokenizer) tokenize(s string, scratch *[]byte) text {
	t := text{s: s}
	for i := 0; i < len(s); {
		c := s[i]
		if isDigit(c) {
			j, tk, ok := scanNumber(s, i)
			if ok {
				t.toks = append(t.toks, tk)
			}
			i = j
			continue
		}
		if !isLetterAt(s, i) {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		j := wordEnd(s, i)
		w := s[i:j]
		if tk, ok := tz.word(s, w, i, j, scratch); ok {
			t.toks = append(t.toks, tk)
		}
		i = j
	}
	return t
}

func (tz *tokenizer) word(s, w string, i, j int, scratch *[]byte) (tok, bool) {
	tk := tok{off: int32(i), end: int32(j)}
	// A word glued to digits ("G7", "3D") is a code, not a name.
	if (i > 0 && isDigit(s[i-1])) || (j < len(s) && isDigit(s[j])) {
		return tk, false
	}
	for m := range monthNames {
		if w == monthNames[m] {
			tk.kind, tk.arg = tkMonth, int32(m)
			return tk, true
		}
		if (w == monthAbbr[m] || (m == 8 && w == "Sept")) && j < len(s) &&
			(s[j] == '.' || (s[j] == ' ' && j+1 < len(s) && isDigit(s[j+1]))) {
			tk.kind, tk.arg, tk.flag = tkMonth, int32(m), flAbbr
			return tk, true
		}
	}
	for d := range weekdayNames {
		if w == weekdayNames[d] {
			tk.kind, tk.arg = tkWeekday, int32(d)
			return tk, true
		}
	}
	switch wordCase(w) {
	case 'l':
		if e, ok := tz.edit[w]; ok {
			tk.kind, tk.arg = tkEdit, e
			return tk, true
		}
	case 't', 'u':
		*scratch = lowerKey(*scratch, w)
		if e, ok := tz.entity[string(*scratch)]; ok {
			tk.kind, tk.cls, tk.arg = tkEntity, uint8(e[0]), e[1]
			if wordCase(w) == 'u' && utf8.RuneCountInString(w) > 1 {
				tk.flag = flUpper
			}
			return tk, true
		}
	}
	return tk, false
}

// scanNumber reads the number starting at i. It returns the end of what
// it consumed and, when the number should vary between stories, a token.
// Codes, decimals, times and model numbers ("F-16", "3.5", "12:28") are
// consumed but left alone: shifting them would produce nonsense.
func scanNumber(s string, i int) (int, tok, bool) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	comma := false
	if j-i <= 3 {
		for j+3 < len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) {
			j += 4
			comma = true
		}
	}
	numEnd := j
	tk := tok{off: int32(i), end: int32(j), kind: tkNumber}
	skip := false
	if i > 0 {
		switch p := s[i-1]; {
		case letterBefore(s, i), p == '.', p == ':', p == '/', p == ',', p == '#':
			skip = true
		case p == '-' && i > 1 && (isDigit(s[i-2]) || letterBefore(s, i-1)):
			skip = true
		}
	}
	if s[i] == '0' && j-i > 1 {
		skip = true // zero-padded: a day, code or time
	}
	if j < len(s) {
		switch c := s[j]; {
		case numberJoiner(c) && j+1 < len(s) && isDigit(s[j+1]):
			// decimal, time, date or list: consume the rest of it
			for j < len(s) && (isDigit(s[j]) || (numberJoiner(s[j]) && j+1 < len(s) && isDigit(s[j+1]))) {
				j++
			}
			return j, tk, false
		case isLetterAt(s, j):
			e := wordEnd(s, j)
			suf := s[j:e]
			switch {
			case suf == "st" || suf == "nd" || suf == "rd" || suf == "th":
				tk.flag |= flOrdinal
			case suf == "s" && numEnd-i == 4:
				tk.flag |= flDecade
			default:
				skip = true
			}
			j = e
			tk.end = int32(j)
		}
	}
	if skip {
		return j, tk, false
	}
	var v int64
	for k := i; k < numEnd; k++ {
		if s[k] != ',' {
			v = v*10 + int64(s[k]-'0')
			if v > 2_000_000_000 {
				return j, tk, false
			}
		}
	}
	tk.arg = int32(v)
	if comma {
		tk.flag |= flComma
	}
	if numEnd-i == 4 && v >= 1500 && v <= 2099 && tk.flag&flOrdinal == 0 {
		tk.flag |= flYear
	}
	if tk.flag&flDecade != 0 && (tk.flag&flYear == 0 || v%10 != 0) {
		return j, tk, false
	}
	return j, tk, true
}

// numberJoiner reports a byte that joins digit groups into one figure
// ("3.5", "12:28", "7/3", "5,6").
func numberJoiner(c byte) bool { return c == '.' || c == ':' || c == '/' || c == ',' }
