package dates

import (
	"strconv"
	"strings"
	"sync"
	"time"
)

// Granularity is the size of the period a temporal expression names.
// Coarser periods have smaller values, so min(a, b) is the coarser one.
type Granularity int

const (
	Year Granularity = iota + 1
	Month
	Day
)

func (g Granularity) String() string {
	switch g {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "Granularity(" + strconv.Itoa(int(g)) + ")"
}

// Expr is one temporal expression found in a text.
type Expr struct {
	Start, End int // byte span in the text
	Text       string
	// Date is the first instant (UTC midnight) of the period named, in the
	// calendar as written: a full date with a clock time and zone keeps its
	// written day. It is zero when the expression could not be resolved.
	Date time.Time
	Gran Granularity
	// Relative is set when the reference date was needed: weekdays,
	// today/yesterday/tomorrow/tonight, this/last/next month or year, and
	// day-month or bare months without a year.
	Relative bool
	// Resolved reports that Date is set. It is false for a Relative
	// expression when the reference date was zero, and for "February 29"
	// without a year when the year it resolves to has no such day.
	Resolved bool
	// Weekday is the weekday named in the text, or -1. With an explicit
	// date ("Tuesday, March 7") it is kept even when it disagrees with the
	// date, so callers can flag the disagreement.
	Weekday time.Weekday
	// Approx marks "early 2021", "end of 2021", "mid-2019", "late March",
	// "earlier this month": the time lies somewhere inside the period
	// named, which Gran and Date still describe.
	Approx bool
}

// Compatible reports whether two expressions can name the same day or
// period: their dates agree at the coarser granularity of the two, so
// "2003" and "March 20, 2003" are compatible and "March 2003" and "April
// 2003" are not. When either is Approx they are compared by year only:
// "late March" and "early April" are often the same event seen by two
// reporters, and a contradiction finder must not flag them. An expression
// that is not Resolved cannot contradict anything, so it is compatible with
// everything.
func Compatible(a, b Expr) bool {
	if !a.Resolved || !b.Resolved || a.Date.IsZero() || b.Date.IsZero() {
		return true
	}
	g := min(a.Gran, b.Gran)
	if a.Approx || b.Approx {
		g = Year
	}
	ay, am, ad := a.Date.Date()
	by, bm, bd := b.Date.Date()
	switch {
	case ay != by:
		return false
	case g >= Month && am != bm:
		return false
	case g >= Day && ad != bd:
		return false
	}
	return true
}

// Expressions returns every temporal expression in text, in order,
// without overlaps, resolving relative ones against ref, the article's
// publication date (its calendar day in its own location is used; ref may
// be zero).
//
// Full dates are matched as Find matches them, with the same spans. Then,
// outside those spans: day-month without a year ("March 7", "7 March",
// "Jan. 15", "the 7th of March" from "7th"), optionally with a weekday
// before it or "last year" after it; month and year ("March 2003", "March
// of 2003"); bare full month names after a preposition or modifier ("in
// March", "since January", "last March", "mid-March"); years under the
// IsYear rule, a range "2019-2020" giving two Year expressions; weekdays
// ("on Tuesday", "Tuesday's", "last Tuesday", "next Friday"); today,
// tonight, yesterday, tomorrow; this/last/next month or year, and
// "earlier/later this month/year"; approximate prefixes "early", "late",
// "mid", "mid-", "end of", "beginning of", "start of", "middle of" on
// month and year expressions.
//
// Not covered: weeks ("last week": no granularity fits a week), "ago"
// phrases, decades ("the 1990s", "the '90s"), numeric dates such as
// "7/3/2023" (only the year is found, as Find does not read them either),
// and "May" without a day or year (too often a name or verb).
func (f *Finder) Expressions(text string, ref time.Time) []Expr {
	// Most sentences name no time at all; a scan that builds nothing
	// settles them.
	if _, seen := lex(text, nil, false); seen&fTrigger == 0 {
		return nil
	}
	bp := tokPool.Get().(*[]tok)
	toks, flags := lex(text, (*bp)[:0], true)
	defer func() {
		if cap(toks) <= 1024 {
			*bp = toks[:0]
			tokPool.Put(bp)
		}
	}()
	p := parser{text: text, toks: toks}
	if !ref.IsZero() {
		y, m, d := ref.Date()
		p.ref = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	// Every full date has a four-digit year and either a month name or
	// the ISO form.
	if flags&(fMonth|fYear4) == fMonth|fYear4 || flags&fISO != 0 {
		p.fullDates()
	}
	p.rest()
	return mergeExprs(p.full, p.out)
}

// IsYear reports whether the four digits text[start:end] are a year rather
// than a number. It is the rule shared with the quantity parser, so that a
// number is never both a year and a count: a bare integer 1800-2100, not
// glued to letters, digits, currency signs, "%" or a decimal point, is a
// year unless a quantity qualifier precedes it ("about", "some", "nearly",
// "more than", "over", "up to", "at least", "roughly", "around",
// "approximately", "almost") or a lowercase plural count noun directly
// follows it ("2000 troops", "1500 people"). A hyphen before it is allowed
// after another four-digit number ("2019-2020") or after mid, pre, post,
// early, late or end ("mid-2019", "pre-2008"), not after other words
// ("COVID-2019") or other numbers ("800-386-2070"); a slash after a letter
// makes it part of a path ("example.com/2000"). A time zone or "hrs" after
// it makes it a clock time ("at 1930 GMT").
//
// The count-noun test is lexical, so "the 2019 elections" reads as a count
// and is not a year; that is the price of never taking "2000 troops" for a
// year.
func IsYear(text string, start, end int) bool {
	_, ok := yearRule(text, start, end, true)
	return ok
}

// Lexing.
//
// Only a month or weekday name, a relative word or a four-digit number
// can anchor a temporal expression. Most sentences have none, so a first
// pass only looks for them, building nothing; the text is tokenized only
// when one is there.

type tokKind uint8

const (
	kWord  tokKind = iota + 1 // letters (non-ASCII bytes count as letters)
	kNum                      // digits only
	kOrd                      // digits and st, nd, rd or th
	kMixed                    // any other run of letters and digits: "1990s", "A320"
	kPunct
)

type wordClass uint8

const (
	wNone wordClass = iota
	wMonth
	wMonthAbbr
	wWeekday
	wWeekdayAbbr
	wRelDay // today, tonight, yesterday, tomorrow
	wUnit   // month, year
)

// Punctuation outside ASCII is folded to these codes so dashes and quotes
// compare cheaply; none of them is an ASCII byte.
const (
	chDash  byte = 0x80 // U+2010..U+2015
	chQuote byte = 0x81 // U+2018..U+201F
	chOther byte = 0x82
)

type tok struct {
	s, e  int32
	n     int32 // value of a number of up to four digits
	kind  tokKind
	class wordClass
	val   int8  // month, weekday, day offset or Granularity
	nd    uint8 // digits in a number or ordinal, capped at 9
	up    bool  // starts with an ASCII capital
	ch    byte  // the punctuation byte, or a ch* code
}

type lexEntry struct {
	class wordClass
	val   int8
}

// lexicon maps lowercase words to their class; it is only read after
// init, so sharing it between goroutines is safe.
var lexicon = func() map[string]lexEntry {
	m := map[string]lexEntry{
		"today": {wRelDay, 0}, "tonight": {wRelDay, 0},
		"yesterday": {wRelDay, -1}, "tomorrow": {wRelDay, 1},
		"month": {wUnit, int8(Month)}, "year": {wUnit, int8(Year)},
	}
	for w, mo := range monthNames {
		c := wMonthAbbr
		if w == strings.ToLower(mo.String()) {
			c = wMonth
		}
		m[w] = lexEntry{c, int8(mo)}
	}
	for w, wd := range weekdayNames {
		c := wWeekdayAbbr
		if w == strings.ToLower(wd.String()) {
			c = wWeekday
		}
		m[w] = lexEntry{c, int8(wd)}
	}
	return m
}()

// lexPrefix reports whether a word starting with these letters can be in
// the lexicon. Nearly every word fails it, so the map is rarely consulted;
// TestLexPrefix keeps it in step with the lexicon.
func lexPrefix(a, b, c byte) bool {
	switch uint32(a|0x20)<<16 | uint32(b|0x20)<<8 | uint32(c|0x20) {
	case 'j'<<16 | 'a'<<8 | 'n', 'f'<<16 | 'e'<<8 | 'b', 'm'<<16 | 'a'<<8 | 'r',
		'a'<<16 | 'p'<<8 | 'r', 'm'<<16 | 'a'<<8 | 'y', 'j'<<16 | 'u'<<8 | 'n',
		'j'<<16 | 'u'<<8 | 'l', 'a'<<16 | 'u'<<8 | 'g', 's'<<16 | 'e'<<8 | 'p',
		'o'<<16 | 'c'<<8 | 't', 'n'<<16 | 'o'<<8 | 'v', 'd'<<16 | 'e'<<8 | 'c',
		's'<<16 | 'u'<<8 | 'n', 'm'<<16 | 'o'<<8 | 'n', 't'<<16 | 'u'<<8 | 'e',
		'w'<<16 | 'e'<<8 | 'd', 't'<<16 | 'h'<<8 | 'u', 'f'<<16 | 'r'<<8 | 'i',
		's'<<16 | 'a'<<8 | 't', 't'<<16 | 'o'<<8 | 'd', 't'<<16 | 'o'<<8 | 'n',
		't'<<16 | 'o'<<8 | 'm', 'y'<<16 | 'e'<<8 | 's', 'y'<<16 | 'e'<<8 | 'a':
		return true
	}
	return false
}

const (
	fTrigger = 1 << iota // something worth parsing
	fMonth               // a month name in any case
	fYear4               // a run of exactly four digits
	fISO                 // dddd-dd-dd
)

// tokPool recycles token buffers: the parser's state reaches the heap, so
// a buffer on the stack would be allocated anew for every sentence.
var tokPool = sync.Pool{New: func() any { b := make([]tok, 0, 64); return &b }}

// lex tokenizes text into toks when store is set, and reports what it saw
// either way.
func lex(text string, toks []tok, store bool) ([]tok, int) {
	flags := 0
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == 0xC2 && i+1 < n && text[i+1] == 0xA0:
			i += 2
			continue
		case c == 0xE2 && i+2 < n && text[i+1] == 0x80:
			b := text[i+2]
			if b <= 0x8B || b == 0xA8 || b == 0xA9 || b == 0xAF {
				i += 3
				continue
			}
			ch := chOther
			switch {
			case b >= 0x90 && b <= 0x95:
				ch = chDash
			case b >= 0x98 && b <= 0x9F:
				ch = chQuote
			}
			if store {
				toks = append(toks, tok{s: int32(i), e: int32(i + 3), kind: kPunct, ch: ch})
			}
			i += 3
			continue
		case !isAlnumStart(c):
			if store {
				toks = append(toks, tok{s: int32(i), e: int32(i + 1), kind: kPunct, ch: c})
			}
			i++
			continue
		}
		// A run of letters and digits.
		j := i
		digits, letters, ascii := 0, 0, true
		for j < n {
			b := text[j]
			if b >= '0' && b <= '9' {
				if letters > 0 {
					// "A320": digits after letters make it mixed.
					letters = -1 << 20
				}
				digits++
			} else if 'a' <= b|0x20 && b|0x20 <= 'z' {
				letters++
			} else if b >= 0x80 && !isSepAt(text, j) {
				letters++
				ascii = false
			} else {
				break
			}
			j++
		}
		t := tok{s: int32(i), e: int32(j), up: c >= 'A' && c <= 'Z'}
		switch {
		case letters == 0:
			t.kind = kNum
			t.nd = uint8(min(digits, 9))
			if digits <= 4 {
				t.n = int32(atoiDigits(text[i:j]))
			}
			if digits == 4 {
				flags |= fYear4
				if t.n >= 1800 && t.n <= 2100 {
					flags |= fTrigger
				}
				if j+3 < n && text[j] == '-' && isDigit(text[j+1]) && isDigit(text[j+2]) && text[j+3] == '-' {
					flags |= fISO | fTrigger
				}
			}
		case digits == 0:
			t.kind = kWord
			if ascii && j-i >= 3 && j-i <= 9 && lexPrefix(c, text[i+1], text[i+2]) {
				var low [9]byte
				for k := i; k < j; k++ {
					low[k-i] = text[k] | 0x20
				}
				if le, ok := lexicon[string(low[:j-i])]; ok {
					t.class, t.val = le.class, le.val
					switch le.class {
					case wMonth, wMonthAbbr:
						flags |= fMonth | fTrigger
					case wWeekday, wRelDay, wUnit:
						flags |= fTrigger
					}
				}
			}
		case letters == 2 && digits <= 2 && isOrdinal(text[j-2:j]):
			t.kind = kOrd
			t.nd = uint8(digits)
			t.n = int32(atoiDigits(text[i : j-2]))
		default:
			t.kind = kMixed
		}
		if store {
			toks = append(toks, t)
		}
		i = j
	}
	return toks, flags
}

func isAlnumStart(c byte) bool {
	return c >= '0' && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c >= 0x80
}

// isSepAt reports a no-break space or a U+2000 block space, dash or quote
// at i: bytes outside ASCII that end a word rather than belong to it.
func isSepAt(s string, i int) bool {
	return s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0 ||
		s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80
}

func isOrdinal(s string) bool {
	a, b := s[0]|0x20, s[1]|0x20
	return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isWordByte is regexp's \w, which Find's \b is defined by.
func isWordByte(c byte) bool { return isDigit(c) || isLetter(c) || c == '_' }

// isRESpace is regexp's \s.
func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func atoiDigits(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// The year rule.

// Words that make a following number a quantity: "about 2000 people".
var qualifiers = map[string]bool{
	"about": true, "some": true, "nearly": true, "over": true, "roughly": true,
	"around": true, "approximately": true, "almost": true,
}

// Second words of two-word qualifiers, mapped to the first.
var qualifiers2 = map[string]string{"than": "more", "to": "up", "least": "at"}

// Plural count nouns that do not end in "s", and lowercase unit symbols:
// "1800 children", "2000 km".
var irregularPlurals = map[string]bool{
	"people": true, "children": true, "women": true, "men": true, "police": true,
	"feet": true, "teeth": true, "mice": true, "geese": true, "personnel": true,
	"staff": true, "cattle": true, "percent": true, "per": true,
	"km": true, "kg": true, "mg": true, "ml": true, "mm": true, "cm": true, "ft": true,
	"lb": true, "mph": true, "kph": true, "mw": true, "gw": true, "kw": true, "kwh": true,
	"mwh": true, "bpd": true,
}

// Words ending in "s" that are not plural nouns, so a year before them
// stays a year: "in 2020 was", "since 2011 across", "2021 marks".
var notPlural = map[string]bool{
	"as": true, "is": true, "was": true, "has": true, "his": true, "its": true,
	"this": true, "thus": true, "us": true, "yes": true, "across": true, "less": true,
	"unless": true, "whereas": true, "always": true, "perhaps": true, "besides": true,
	"towards": true, "afterwards": true, "onwards": true, "upwards": true,
	"backwards": true, "forwards": true, "sometimes": true, "nevertheless": true,
	"regardless": true, "hers": true, "ours": true, "yours": true, "theirs": true,
	"does": true, "goes": true, "says": true, "plus": true, "minus": true, "versus": true,
	"thanks": true, "various": true, "previous": true, "numerous": true,
	"marks": true, "sees": true, "brings": true, "remains": true, "becomes": true,
	"begins": true, "comes": true, "looks": true, "means": true, "seems": true,
	"appears": true, "promises": true, "represents": true, "proves": true,
}

// hyphenYearPrefixes may be glued to a year with a hyphen.
var hyphenYearPrefixes = map[string]bool{
	"mid": true, "pre": true, "post": true, "early": true, "late": true, "end": true,
}

// yearRule applies IsYear; quantity tells whether to apply the qualifier
// and count-noun tests, which a year inside a full date does not need.
func yearRule(text string, s, e int, quantity bool) (int, bool) {
	if s < 0 || e > len(text) || e-s != 4 {
		return 0, false
	}
	for i := s; i < e; i++ {
		if !isDigit(text[i]) {
			return 0, false
		}
	}
	y := atoiDigits(text[s:e])
	if y < 1800 || y > 2100 {
		return 0, false
	}
	if s > 0 {
		switch c := text[s-1]; {
		case isDigit(c) || isLetter(c):
			return 0, false
		case c >= 0x80:
			// Dashes, quotes and spaces end a word; anything else outside
			// ASCII is a letter or a currency sign glued to the number.
			if !(s >= 3 && isSepAt(text, s-3) || s >= 2 && isSepAt(text, s-2)) {
				return 0, false
			}
		case c == '$' || c == '#' || c == '+' || c == '@' || c == '\\' || c == '_':
			return 0, false
		case c == '.' || c == ',' || c == ':':
			if s >= 2 && isDigit(text[s-2]) {
				return 0, false
			}
		case c == '-':
			if s >= 2 && isLetter(text[s-2]) {
				w, _ := wordBefore(text, s-1)
				if !hyphenYearPrefixes[strings.ToLower(w)] {
					return 0, false
				}
			}
			if s >= 2 && isDigit(text[s-2]) {
				// A range needs a year on both sides; "800-386-2070" is a
				// telephone number.
				k := s - 2
				for k > 0 && isDigit(text[k-1]) {
					k--
				}
				if s-1-k != 4 || k > 0 && (isLetter(text[k-1]) || text[k-1] == '-') {
					return 0, false
				}
			}
		case c == '/':
			// "coxnews.com/2000" is a path; "7/3/2023" keeps its year.
			if s >= 2 && isLetter(text[s-2]) {
				return 0, false
			}
		}
	}
	if e < len(text) {
		switch c := text[e]; {
		case isDigit(c) || isLetter(c) || c == '%' || c == '_':
			return 0, false
		case c >= 0x80:
			if !isSepAt(text, e) {
				return 0, false
			}
		case c == '.' || c == ',' || c == ':':
			if e+1 < len(text) && isDigit(text[e+1]) {
				return 0, false
			}
		}
	}
	if zoneAfter(text, e) {
		// "at 1930 GMT": wire copy writes clock times as four digits, and
		// 1800-2100 are hours as well as years.
		return 0, false
	}
	if quantity && (qualified(text, s) || countNounAfter(text, e)) {
		return 0, false
	}
	return y, true
}

var clockZones = map[string]bool{
	"gmt": true, "utc": true, "hrs": true, "hr": true, "est": true, "edt": true,
	"cet": true, "cest": true, "bst": true, "pst": true, "pdt": true, "jst": true,
	"ist": true, "msk": true,
}

func zoneAfter(text string, e int) bool {
	j := e
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	k := j
	for k < len(text) && k-j < 5 && isLetter(text[k]) {
		k++
	}
	if k == j || k-j > 4 || k < len(text) && isLetter(text[k]) {
		return false
	}
	var low [4]byte
	for i := j; i < k; i++ {
		low[i-j] = text[i] | 0x20
	}
	return clockZones[string(low[:k-j])]
}

// wordBefore returns the ASCII letters ending at i and where they start.
func wordBefore(text string, i int) (string, int) {
	j := i
	for j > 0 && isLetter(text[j-1]) {
		j--
	}
	return text[j:i], j
}

// spacedWordBefore returns the word before i when only spaces separate
// them.
func spacedWordBefore(text string, i int) (string, int) {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == i {
		return "", i
	}
	w, k := wordBefore(text, j)
	if k > 0 && (isDigit(text[k-1]) || text[k-1] >= 0x80) {
		return "", i
	}
	return w, k
}

func qualified(text string, s int) bool {
	w, k := spacedWordBefore(text, s)
	if w == "" {
		return false
	}
	lw := strings.ToLower(w)
	if qualifiers[lw] {
		return true
	}
	if first, ok := qualifiers2[lw]; ok {
		w2, _ := spacedWordBefore(text, k)
		return strings.EqualFold(w2, first)
	}
	return false
}

func countNounAfter(text string, e int) bool {
	j := e
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j == e || j >= len(text) || text[j] < 'a' || text[j] > 'z' {
		return false
	}
	k := j
	for k < len(text) && isLetter(text[k]) {
		k++
	}
	if k < len(text) && (isDigit(text[k]) || text[k] >= 0x80 && !isSepAt(text, k)) {
		return false
	}
	w := text[j:k]
	if irregularPlurals[w] {
		return true
	}
	return len(w) >= 2 && w[len(w)-1] == 's' && !notPlural[w]
}

// Parsing.

type parser struct {
	text string
	toks []tok
	ref  time.Time // UTC midnight of the reference day, or zero
	full []Expr    // full dates, as Find finds them
	out  []Expr    // everything else
	// floor is the end of the last expression kept; a prefix such as
	// "end of" must not reach back into it.
	floor int
}

func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != kWord {
		return ""
	}
	return p.text[p.toks[i].s:p.toks[i].e]
}

func (p *parser) wordIs(i int, ws ...string) bool {
	w := p.word(i)
	if w == "" {
		return false
	}
	for _, x := range ws {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

func (p *parser) punct(i int, c byte) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == kPunct && p.toks[i].ch == c
}

// adj reports that token j directly follows token i, no space between.
func (p *parser) adj(i, j int) bool { return p.toks[i].e == p.toks[j].s }

// spaced reports that only space separates tokens i and i+1.
func (p *parser) spaced(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].e < p.toks[i+1].s
}

func (p *parser) isMonth(i int) bool {
	return i >= 0 && i < len(p.toks) && (p.toks[i].class == wMonth || p.toks[i].class == wMonthAbbr) && p.toks[i].kind == kWord
}

// tokAt returns the index of the token starting at byte pos, searching
// from token i, or -1.
func (p *parser) tokAt(i, pos int) int {
	for ; i < len(p.toks); i++ {
		if int(p.toks[i].s) >= pos {
			if int(p.toks[i].s) == pos {
				return i
			}
			return -1
		}
	}
	return -1
}

func utcDate(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func validDate(y int, m time.Month, d int) bool {
	t := utcDate(y, m, d)
	return t.Day() == d && t.Month() == m
}

func (p *parser) emit(e Expr) {
	e.Text = p.text[e.Start:e.End]
	p.out = append(p.out, e)
	p.floor = e.End
}

// Full dates.
//
// fullDates re-implements Find's three patterns over tokens: Find runs
// regexps costing tens of microseconds per sentence with a year, far over
// the budget for a quarter of a million sentences. The grammar follows
// dates.go exactly, down to which whitespace \s accepts and how the
// optional parts backtrack, and TestExpressionsAgreeWithFind holds the two
// together.

func (p *parser) fullDates() {
	for i := range p.toks {
		t := p.toks[i]
		if n := len(p.full); n > 0 && int(t.s) < p.full[n-1].End {
			// Find keeps the earliest, then longest, of overlapping
			// matches; a later start inside a kept match is dropped.
			continue
		}
		var e Expr
		ok := false
		switch {
		case t.kind == kNum && t.nd == 4:
			e, ok = p.iso(i)
		case t.kind == kWord && (t.class == wWeekday || t.class == wWeekdayAbbr || t.class == wMonth || t.class == wMonthAbbr),
			(t.kind == kNum || t.kind == kOrd) && t.nd <= 2:
			e, ok = p.dmyOrMdy(i)
		}
		if ok {
			e.Text = p.text[e.Start:e.End]
			p.full = append(p.full, e)
		}
	}
}

func (p *parser) boundaryBefore(pos int) bool {
	return pos == 0 || !isWordByte(p.text[pos-1])
}

func (p *parser) boundaryAfter(pos int) bool {
	return pos >= len(p.text) || !isWordByte(p.text[pos])
}

func (p *parser) dmyOrMdy(i int) (Expr, bool) {
	t := p.toks[i]
	if !p.boundaryBefore(int(t.s)) {
		return Expr{}, false
	}
	wd := time.Weekday(-1)
	j := i
	if t.class == wWeekday || t.class == wWeekdayAbbr {
		// (wd)\.?,?\s+
		pos := int(t.e)
		if pos < len(p.text) && p.text[pos] == '.' {
			pos++
		}
		if pos < len(p.text) && p.text[pos] == ',' {
			pos++
		}
		q := pos
		for q < len(p.text) && isRESpace(p.text[q]) {
			q++
		}
		if q == pos {
			return Expr{}, false
		}
		if j = p.tokAt(i+1, q); j < 0 {
			return Expr{}, false
		}
		wd = time.Weekday(t.val)
	}
	e, ok := p.dmy(j)
	if !ok {
		e, ok = p.mdy(j)
	}
	if !ok {
		return Expr{}, false
	}
	e.Start, e.Weekday = int(t.s), wd
	return e, true
}

// dayTok reports whether token i is a day as Find's dayRe writes it:
// 1-31, a leading zero only before 1-9, an optional ordinal suffix.
func (p *parser) dayTok(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := p.toks[i]
	if (t.kind != kNum && t.kind != kOrd) || t.nd > 2 || t.n < 1 || t.n > 31 {
		return 0, false
	}
	return int(t.n), true
}

// dmy: (d)(?:\s+of)?[\s-]+(m),?[\s-]+(y)\b clock
func (p *parser) dmy(i int) (Expr, bool) {
	d, ok := p.dayTok(i)
	if !ok {
		return Expr{}, false
	}
	text := p.text
	pos := int(p.toks[i].e)
	q := pos
	for q < len(text) && isRESpace(text[q]) {
		q++
	}
	if q > pos && q+2 < len(text) && text[q]|0x20 == 'o' && text[q+1]|0x20 == 'f' &&
		(isRESpace(text[q+2]) || text[q+2] == '-') {
		pos = q + 2
	}
	pos, ok = p.spaceOrDash(pos)
	if !ok {
		return Expr{}, false
	}
	k := p.tokAt(i+1, pos)
	if !p.isMonth(k) {
		return Expr{}, false
	}
	m := time.Month(p.toks[k].val)
	pos = int(p.toks[k].e)
	if pos < len(text) && text[pos] == '.' {
		pos++
	}
	if pos < len(text) && text[pos] == ',' {
		pos++
	}
	if pos, ok = p.spaceOrDash(pos); !ok {
		return Expr{}, false
	}
	return p.findYear(k+1, pos, int(p.toks[i].s), m, d)
}

// mdy: (m)\s+(d)(?:,\s*|\s+)(y)\b clock
func (p *parser) mdy(i int) (Expr, bool) {
	if !p.isMonth(i) {
		return Expr{}, false
	}
	text := p.text
	m := time.Month(p.toks[i].val)
	pos := int(p.toks[i].e)
	if pos < len(text) && text[pos] == '.' {
		pos++
	}
	q := pos
	for q < len(text) && isRESpace(text[q]) {
		q++
	}
	if q == pos {
		return Expr{}, false
	}
	k := p.tokAt(i+1, q)
	d, ok := p.dayTok(k)
	if !ok {
		return Expr{}, false
	}
	pos = int(p.toks[k].e)
	if pos < len(text) && text[pos] == ',' {
		pos++
		for pos < len(text) && isRESpace(text[pos]) {
			pos++
		}
	} else {
		q := pos
		for q < len(text) && isRESpace(text[q]) {
			q++
		}
		if q == pos {
			return Expr{}, false
		}
		pos = q
	}
	return p.findYear(k+1, pos, int(p.toks[i].s), m, d)
}

func (p *parser) spaceOrDash(pos int) (int, bool) {
	q := pos
	for q < len(p.text) && (isRESpace(p.text[q]) || p.text[q] == '-') {
		q++
	}
	return q, q > pos
}

// findYear ends a dmy or mdy match: a year at pos in Find's yearRe range,
// a word boundary, then an optional clock time.
func (p *parser) findYear(from, pos, start int, m time.Month, d int) (Expr, bool) {
	k := p.tokAt(from, pos)
	if k < 0 {
		return Expr{}, false
	}
	t := p.toks[k]
	if t.kind != kNum || t.nd != 4 || t.n < 1800 || t.n > 2999 || !p.boundaryAfter(int(t.e)) {
		return Expr{}, false
	}
	y := int(t.n)
	if !validDate(y, m, d) {
		return Expr{}, false
	}
	return Expr{Start: start, End: clockAt(p.text, int(t.e)), Date: utcDate(y, m, d), Gran: Day, Resolved: true, Weekday: -1}, true
}

// clockAt matches Find's optional clock time after a year, returning the
// new end, or pos when there is none. Nothing after the clock can fail, so
// each optional part is taken whenever it matches.
func clockAt(text string, pos int) int {
	n := len(text)
	skipSpace := func(i int) int {
		for i < n && isRESpace(text[i]) {
			i++
		}
		return i
	}
	// (?:,|\s+at|\s+-|\s+\|)?\s+hh[:.]mm
	for lead := 0; lead < 5; lead++ {
		q := pos
		switch lead {
		case 0:
			if q >= n || text[q] != ',' {
				continue
			}
			q++
		case 1, 2, 3:
			r := skipSpace(q)
			if r == q || r >= n {
				continue
			}
			switch {
			case lead == 1 && r+1 < n && text[r]|0x20 == 'a' && text[r+1]|0x20 == 't':
				q = r + 2
			case lead == 2 && text[r] == '-', lead == 3 && text[r] == '|':
				q = r + 1
			default:
				continue
			}
		}
		r := skipSpace(q)
		if r == q {
			continue
		}
		if e, ok := clockBody(text, r); ok {
			return e
		}
	}
	return pos
}

func clockBody(text string, r int) (int, bool) {
	n := len(text)
	digit := func(i int, lo, hi byte) bool { return i < n && text[i] >= lo && text[i] <= hi }
	// hh: [01]?[0-9]|2[0-3], tried in the pattern's order.
	var hhEnds [3]int
	c := 0
	if digit(r, '0', '1') && digit(r+1, '0', '9') {
		hhEnds[c] = r + 2
		c++
	}
	if digit(r, '0', '9') {
		hhEnds[c] = r + 1
		c++
	}
	if digit(r, '2', '2') && digit(r+1, '0', '3') {
		hhEnds[c] = r + 2
		c++
	}
	e := -1
	for _, h := range hhEnds[:c] {
		if h < n && (text[h] == ':' || text[h] == '.') && digit(h+1, '0', '5') && digit(h+2, '0', '9') {
			e = h + 3
			break
		}
	}
	if e < 0 {
		return 0, false
	}
	if e < n && text[e] == ':' && digit(e+1, '0', '5') && digit(e+2, '0', '9') {
		e += 3
	}
	// \s*[ap]\.?m\.?
	q := e
	for q < n && isRESpace(text[q]) {
		q++
	}
	if q < n && (text[q]|0x20 == 'a' || text[q]|0x20 == 'p') {
		r := q + 1
		if r < n && text[r] == '.' && r+1 < n && text[r+1]|0x20 == 'm' {
			r++
		}
		if r < n && text[r]|0x20 == 'm' {
			r++
			if r < n && text[r] == '.' {
				r++
			}
			e = r
		}
	}
	// \s*\(?(tz)\)?
	q = e
	for q < n && isRESpace(text[q]) {
		q++
	}
	if q < n && text[q] == '(' {
		if t, ok := zoneAt(text, q+1); ok {
			return closeParen(text, t), true
		}
	}
	if t, ok := zoneAt(text, q); ok {
		return closeParen(text, t), true
	}
	return e, true
}

func closeParen(text string, i int) int {
	if i < len(text) && text[i] == ')' {
		return i + 1
	}
	return i
}

// zoneAt matches (?:gmt|utc)(?:\s*[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?)? or
// [+-][0-9]{2}:?[0-9]{2} at i.
func zoneAt(text string, i int) (int, bool) {
	n := len(text)
	twoDigits := func(j int) bool { return j+1 < n && isDigit(text[j]) && isDigit(text[j+1]) }
	if i+2 < n {
		a, b, c := text[i]|0x20, text[i+1]|0x20, text[i+2]|0x20
		if a == 'g' && b == 'm' && c == 't' || a == 'u' && b == 't' && c == 'c' {
			e := i + 3
			j := e
			for j < n && isRESpace(text[j]) {
				j++
			}
			if j < n && (text[j] == '+' || text[j] == '-') {
				j++
				for j < n && isRESpace(text[j]) {
					j++
				}
				if j < n && isDigit(text[j]) {
					j++
					if j < n && isDigit(text[j]) {
						j++
					}
					switch {
					case j < n && text[j] == ':' && twoDigits(j+1):
						j += 3
					case twoDigits(j):
						j += 2
					}
					e = j
				}
			}
			return e, true
		}
	}
	if i < n && (text[i] == '+' || text[i] == '-') && twoDigits(i+1) {
		j := i + 3
		if j < n && text[j] == ':' && twoDigits(j+1) {
			return j + 3, true
		}
		if twoDigits(j) {
			return j + 2, true
		}
	}
	return 0, false
}

// iso matches Find's
// \b(y)-(mm)-(dd)(?:[T ]hh:mm(?::ss(?:\.[0-9]+)?)?(?:Z|[+-]hh:?mm)?)?\b
// trying the optional parts in the order the regexp backtracks through
// them, since the final \b can reject a longer reading.
func (p *parser) iso(i int) (Expr, bool) {
	text := p.text
	n := len(text)
	s := int(p.toks[i].s)
	y := int(p.toks[i].n)
	if y < 1800 || y > 2999 || !p.boundaryBefore(s) {
		return Expr{}, false
	}
	dig := func(j int) bool { return j < n && isDigit(text[j]) }
	if !(s+10 <= n && text[s+4] == '-' && dig(s+5) && dig(s+6) && text[s+7] == '-' && dig(s+8) && dig(s+9)) {
		return Expr{}, false
	}
	m := atoiDigits(text[s+5 : s+7])
	d := atoiDigits(text[s+8 : s+10])
	if m < 1 || m > 12 || d < 1 || d > 31 || !validDate(y, time.Month(m), d) {
		return Expr{}, false
	}
	end := -1
	de := s + 10
	if de < n && (text[de] == 'T' || text[de] == ' ') && dig(de+1) && dig(de+2) && dig(de+4) && dig(de+5) &&
		text[de+3] == ':' && (text[de+1] <= '1' || text[de+1] == '2' && text[de+2] <= '3') && text[de+4] <= '5' {
		te := de + 6
		// Ends after the seconds part, most preferred first.
		var secEnds [16]int
		c := 0
		if te+2 < n && text[te] == ':' && text[te+1] >= '0' && text[te+1] <= '5' && dig(te+2) {
			se := te + 3
			if se < n && text[se] == '.' {
				k := se + 1
				for k < n && isDigit(text[k]) {
					k++
				}
				for f := k; f > se+1 && c < len(secEnds)-2; f-- {
					secEnds[c] = f
					c++
				}
			}
			secEnds[c] = se
			c++
		}
		secEnds[c] = te
		c++
	search:
		for _, se := range secEnds[:c] {
			for _, z := range isoZoneEnds(text, se) {
				if z >= 0 && p.boundaryAfter(z) {
					end = z
					break search
				}
			}
		}
	}
	if end < 0 {
		if !p.boundaryAfter(de) {
			return Expr{}, false
		}
		end = de
	}
	return Expr{Start: s, End: end, Date: utcDate(y, time.Month(m), d), Gran: Day, Resolved: true, Weekday: -1}, true
}

// isoZoneEnds lists the ends of (?:Z|[+-]hh:?mm)? at i in preference
// order; -1 marks an alternative that does not match.
func isoZoneEnds(text string, i int) [3]int {
	out := [3]int{-1, -1, i}
	n := len(text)
	dig := func(j int) bool { return j < n && isDigit(text[j]) }
	if i < n && text[i] == 'Z' {
		out[0] = i + 1
	} else if i < n && (text[i] == '+' || text[i] == '-') && dig(i+1) && dig(i+2) {
		if i+3 < n && text[i+3] == ':' && dig(i+4) && dig(i+5) {
			out[0] = i + 6
		}
		if dig(i+3) && dig(i+4) {
			out[1] = i + 5
		}
	}
	return out
}

// Partial and relative expressions.

func (p *parser) rest() {
	fi := 0
	for i := 0; i < len(p.toks); {
		t := p.toks[i]
		for fi < len(p.full) && p.full[fi].End <= int(t.s) {
			fi++
		}
		if fi < len(p.full) && int(t.s) >= p.full[fi].Start {
			i++
			continue
		}
		e, next, ok := p.at(i)
		if ok && e.Start >= p.floor && !p.overlapsFull(e) {
			p.emit(e)
			i = next
			continue
		}
		i++
	}
}

func (p *parser) overlapsFull(e Expr) bool {
	for _, f := range p.full {
		if e.Start < f.End && f.Start < e.End {
			return true
		}
	}
	return false
}

func (p *parser) at(i int) (Expr, int, bool) {
	t := p.toks[i]
	switch t.kind {
	case kWord:
		switch t.class {
		case wMonth, wMonthAbbr:
			if t.up {
				return p.monthFirst(i, false)
			}
		case wWeekday, wWeekdayAbbr:
			if t.up {
				return p.weekday(i)
			}
		case wRelDay:
			return p.relDay(i)
		case wUnit:
			return p.unit(i)
		}
	case kNum, kOrd:
		if t.nd <= 2 {
			return p.dayFirst(i)
		}
		if t.kind == kNum && t.nd == 4 {
			return p.year(i)
		}
	}
	return Expr{}, 0, false
}

// dayNum reports whether token i is a day number standing on its own: not
// a decimal, a score, a percentage, a price or glued to a word by a hyphen
// ("COVID-19"). A hyphen after another number is a range ("7-9 March").
func (p *parser) dayNum(i int) (int, bool) {
	d, ok := p.dayTok(i)
	if !ok {
		return 0, false
	}
	if k := i - 1; k >= 0 && p.adj(k, i) {
		t := p.toks[k]
		switch {
		case t.kind != kPunct:
			return 0, false
		case t.ch == '$' || t.ch == '#' || t.ch == '+' || t.ch == '@' || t.ch == '/' || t.ch == '\\' || t.ch == '_':
			return 0, false
		case t.ch == '.' || t.ch == ',' || t.ch == ':':
			if k > 0 && p.adj(k-1, k) && p.toks[k-1].kind == kNum {
				return 0, false
			}
		case t.ch == '-' || t.ch == chDash:
			if k > 0 && p.adj(k-1, k) && p.toks[k-1].kind != kNum {
				return 0, false
			}
		}
	}
	if k := i + 1; k < len(p.toks) && p.adj(i, k) {
		t := p.toks[k]
		switch {
		case t.kind != kPunct:
			return 0, false
		case t.ch == '%' || t.ch == '/' || t.ch == '_':
			return 0, false
		case t.ch == '.' || t.ch == ',' || t.ch == ':':
			if k+1 < len(p.toks) && p.adj(k, k+1) && p.toks[k+1].kind == kNum {
				return 0, false
			}
		}
	}
	return d, true
}

// yearSuffix matches "last year", "of last year", "this year", "next
// year" after a day-month or a month, returning the year offset and the
// token after it.
func (p *parser) yearSuffix(k int) (int, int, bool) {
	if !p.spaced(k - 1) {
		return 0, 0, false
	}
	if p.wordIs(k, "of") && p.spaced(k) {
		k++
	}
	if !p.spaced(k) || !p.wordIs(k+1, "year") {
		return 0, 0, false
	}
	switch {
	case p.wordIs(k, "last"):
		return -1, k + 2, true
	case p.wordIs(k, "this"):
		return 0, k + 2, true
	case p.wordIs(k, "next"):
		return 1, k + 2, true
	}
	return 0, 0, false
}

// dayMonth completes a day-month expression without a year whose last
// token is at index last: "last year" after it, or the reference date,
// decide the year. A day-month with a year is a full date, left to
// fullDates so that exactly Find's full dates come out non-Relative.
func (p *parser) dayMonth(start, last int, m time.Month, d int) (Expr, int, bool) {
	if d > daysIn(m) {
		return Expr{}, 0, false
	}
	e := Expr{Start: start, End: int(p.toks[last].e), Gran: Day, Relative: true, Weekday: -1}
	next := last + 1
	if p.ref.IsZero() {
		if _, k, ok := p.yearSuffix(last + 1); ok {
			e.End, next = int(p.toks[k-1].e), k
		}
		return e, next, true
	}
	y := p.pickYear(m, d)
	if dy, k, ok := p.yearSuffix(last + 1); ok {
		y = p.ref.Year() + dy
		e.End, next = int(p.toks[k-1].e), k
	}
	if validDate(y, m, d) {
		e.Date, e.Resolved = utcDate(y, m, d), true
	}
	return e, next, true
}

func daysIn(m time.Month) int {
	// A leap year, so "February 29" without a year is a date.
	return utcDate(2000, m+1, 0).Day()
}

// pickYear places a day-month without a year in the twelve months ending
// two months after the reference date: news reports the recent past and
// the near future, so in an article of 5 January 2024 "December 28" is
// 2023-12-28 and in one of 20 December 2023 "January 3" is 2024-01-03.
func (p *parser) pickYear(m time.Month, d int) int {
	cut := p.ref.AddDate(0, 2, 0)
	y := p.ref.Year()
	// Clamp the day so 29 February compares as a day of its month.
	day := func(y int) time.Time { return utcDate(y, m, min(d, utcDate(y, m+1, 0).Day())) }
	switch {
	case day(y).After(cut):
		y--
	case !day(y + 1).After(cut):
		y++
	}
	return y
}

// monthFirst parses expressions starting with a capitalised month name:
// "March 7", "Jan. 15", "March 2003", "March of 2003", "in March".
// dayOnly restricts it to the day forms, after a weekday.
func (p *parser) monthFirst(i int, dayOnly bool) (Expr, int, bool) {
	t := p.toks[i]
	m := time.Month(t.val)
	abbr := t.class == wMonthAbbr
	if m == time.May && p.mayIsName(i) {
		return Expr{}, 0, false
	}
	j := i + 1
	last := i
	if abbr && p.punct(j, '.') && p.adj(i, j) {
		last = j
		j++
	}
	if p.spaced(j - 1) {
		if d, ok := p.dayNum(j); ok {
			return p.dayMonth(int(t.s), j, m, d)
		}
	}
	if dayOnly {
		return Expr{}, 0, false
	}
	if _, ok := p.dayNum(i - 1); ok && p.spaced(i-1) {
		// A day before the month was already tried and failed: "31 April
		// 2023" names no date, and neither "April 2023" nor "April".
		return Expr{}, 0, false
	}
	if y, k, ok := p.monthYear(last + 1); ok {
		e := Expr{Start: int(t.s), End: int(p.toks[k-1].e), Gran: Month, Date: utcDate(y, m, 1), Resolved: true, Weekday: -1}
		p.approx(&e, i)
		return e, k, true
	}
	if abbr || m == time.May {
		return Expr{}, 0, false
	}
	if _, _, ok := p.yearSuffix(i + 1); !ok && !p.bareMonthOK(i) {
		return Expr{}, 0, false
	}
	e := Expr{Start: int(t.s), End: int(t.e), Gran: Month, Relative: true, Weekday: -1}
	next := i + 1
	var y int
	switch {
	case p.wordIs(i-1, "last") && p.spaced(i-1):
		e.Start = int(p.toks[i-1].s)
		if y = p.ref.Year(); m >= p.ref.Month() {
			y--
		}
	case p.wordIs(i-1, "next") && p.spaced(i-1):
		e.Start = int(p.toks[i-1].s)
		if y = p.ref.Year(); m <= p.ref.Month() {
			y++
		}
	case p.wordIs(i-1, "this") && p.spaced(i-1):
		e.Start = int(p.toks[i-1].s)
		y = p.ref.Year()
	default:
		if dy, k, ok := p.yearSuffix(i + 1); ok {
			y = p.ref.Year() + dy
			e.End, next = int(p.toks[k-1].e), k
		} else if !p.ref.IsZero() {
			y = p.pickYear(m, 1)
		}
		p.approx(&e, i)
	}
	if !p.ref.IsZero() {
		e.Date, e.Resolved = utcDate(y, m, 1), true
	}
	return e, next, true
}

// monthYear matches the year of "March 2003", "March, 2003" or "March of
// 2003", the year under the full IsYear rule ("in March 2000 troops were
// sent" is not March 2000).
func (p *parser) monthYear(k int) (int, int, bool) {
	if p.punct(k, ',') && p.adj(k-1, k) {
		k++
	} else if p.wordIs(k, "of") && p.spaced(k-1) {
		k++
	}
	if k >= len(p.toks) || !p.spaced(k-1) || p.toks[k].kind != kNum || p.toks[k].nd != 4 {
		return 0, 0, false
	}
	y, ok := yearRule(p.text, int(p.toks[k].s), int(p.toks[k].e), true)
	return y, k + 1, ok
}

// Words after which a capitalised month name alone is a month: "in
// March", "until June". Without one, "March" may be a noun or a name.
var bareMonthLead = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "through": true,
	"throughout": true, "from": true, "to": true, "during": true, "before": true,
	"after": true, "last": true, "this": true, "next": true, "early": true, "late": true,
	"mid": true, "of": true, "between": true, "into": true,
}

func (p *parser) bareMonthOK(i int) bool {
	// A capitalised word right after it makes it a name: "April Ryan".
	if p.spaced(i) && p.toks[i+1].kind == kWord && p.toks[i+1].up {
		return false
	}
	k := i - 1
	if k < 0 {
		return false
	}
	if (p.punct(k, '-') || p.punct(k, chDash)) && p.adj(k, i) && k > 0 && p.adj(k-1, k) {
		return p.wordIs(k-1, "mid", "early", "late", "end")
	}
	if p.spaced(k) && p.wordIs(k, "and", "or") && p.isMonth(k-1) && p.toks[k-1].up {
		// "between October and December", "June or July".
		return true
	}
	return p.spaced(k) && bareMonthLead[strings.ToLower(p.word(k))]
}

// mayIsName reports "May" after a capitalised word other than a
// preposition or weekday: "Theresa May 2019", "Prime Minister May 7 times".
func (p *parser) mayIsName(i int) bool {
	k := i - 1
	if k < 0 || !p.spaced(k) || p.toks[k].kind != kWord || !p.toks[k].up {
		return false
	}
	switch p.toks[k].class {
	case wWeekday, wWeekdayAbbr, wMonth, wMonthAbbr:
		return false
	}
	return !bareMonthLead[strings.ToLower(p.word(k))] && !p.wordIs(k, "on", "end", "beginning", "start", "middle")
}

// approx widens a month or year expression starting at token i over an
// approximating prefix.
func (p *parser) approx(e *Expr, i int) {
	k := i - 1
	s := -1
	switch {
	case k >= 1 && (p.punct(k, '-') || p.punct(k, chDash)) && p.adj(k, i) && p.adj(k-1, k) &&
		p.wordIs(k-1, "mid", "early", "late", "end"):
		s = k - 1
	case p.spaced(k) && p.wordIs(k, "early", "late", "mid"):
		s = k
	case p.spaced(k) && p.wordIs(k, "of") && p.spaced(k-1) && p.wordIs(k-1, "end", "beginning", "start", "middle"):
		s = k - 1
	}
	if s >= 0 && int(p.toks[s].s) >= p.floor {
		e.Start, e.Approx = int(p.toks[s].s), true
	}
}

// dayFirst parses "7 March", "7th March", "7th of March".
func (p *parser) dayFirst(i int) (Expr, int, bool) {
	d, ok := p.dayNum(i)
	if !ok {
		return Expr{}, 0, false
	}
	j := i + 1
	if p.toks[i].kind == kOrd && p.wordIs(j, "of") && p.spaced(i) {
		j++
	}
	if !p.spaced(j-1) || !p.isMonth(j) || !p.toks[j].up {
		return Expr{}, 0, false
	}
	last := j
	if p.toks[j].class == wMonthAbbr && p.punct(j+1, '.') && p.adj(j, j+1) {
		last = j + 1
	}
	return p.dayMonth(int(p.toks[i].s), last, time.Month(p.toks[j].val), d)
}

// weekday parses "Tuesday, March 7", "Tue. 7 March", "on Tuesday", "last
// Tuesday", "next Friday".
func (p *parser) weekday(i int) (Expr, int, bool) {
	t := p.toks[i]
	w := time.Weekday(t.val)
	abbr := t.class == wWeekdayAbbr
	j := i + 1
	if abbr && p.punct(j, '.') && p.adj(j-1, j) {
		j++
	}
	if p.punct(j, ',') && p.adj(j-1, j) {
		j++
	}
	if p.spaced(j - 1) {
		var e Expr
		var next int
		ok := false
		if p.isMonth(j) && p.toks[j].up {
			e, next, ok = p.monthFirst(j, true)
		} else if k := p.toks[j].kind; k == kNum || k == kOrd {
			e, next, ok = p.dayFirst(j)
		}
		if ok && !p.overlapsFull(e) {
			e.Start, e.Weekday = int(t.s), w
			return e, next, true
		}
	}
	if abbr || p.wordIs(i-1, "every", "each") {
		// "every Tuesday" is a habit, not a day.
		return Expr{}, 0, false
	}
	e := Expr{Start: int(t.s), End: int(t.e), Gran: Day, Relative: true, Weekday: w}
	mode := 0
	if p.spaced(i - 1) {
		switch {
		case p.wordIs(i-1, "last"):
			mode = -1
		case p.wordIs(i-1, "next"):
			mode = 1
		case p.wordIs(i-1, "this"):
			mode = 2
		}
		if mode != 0 {
			e.Start = int(p.toks[i-1].s)
		}
	}
	if !p.ref.IsZero() {
		switch mode {
		case -1:
			// "last Tuesday" in a Tuesday article is a week back.
			e.Date = Resolve(w, p.ref.AddDate(0, 0, -1))
		case 1:
			e.Date = Resolve(w, p.ref.AddDate(0, 0, 7))
		default:
			e.Date = Resolve(w, p.ref)
		}
		e.Resolved = true
	}
	return e, i + 1, true
}

func (p *parser) relDay(i int) (Expr, int, bool) {
	if p.wordIs(i-1, "USA") || p.wordIs(i-1, "before", "after") && p.wordIs(i-2, "day") {
		// "USA Today" is a newspaper; "the day before yesterday" is not
		// yesterday.
		return Expr{}, 0, false
	}
	if p.wordIs(i+1, "show", "programme", "program") {
		return Expr{}, 0, false
	}
	if k := i - 1; p.toks[i].up && k >= 0 && p.adj(k, i) && p.toks[k].kind == kPunct {
		// A capitalised "Today" right after an opening quote is the title
		// of a programme or a paper more often than a day.
		if c := p.toks[k].ch; c == '"' || c == '`' || c == '\'' || c == chQuote {
			return Expr{}, 0, false
		}
	}
	t := p.toks[i]
	e := Expr{Start: int(t.s), End: int(t.e), Gran: Day, Relative: true, Weekday: -1}
	if !p.ref.IsZero() {
		e.Date, e.Resolved = p.ref.AddDate(0, 0, int(t.val)), true
	}
	return e, i + 1, true
}

// unit parses "this year", "last month", "next year", "earlier this
// month", "late last year".
func (p *parser) unit(i int) (Expr, int, bool) {
	k := i - 1
	if !p.spaced(k) || !p.wordIs(k, "this", "last", "next") {
		return Expr{}, 0, false
	}
	if p.wordIs(k-1, "the", "a", "each", "every", "per") {
		// "over the last year" is a duration.
		return Expr{}, 0, false
	}
	t := p.toks[i]
	g := Granularity(t.val)
	e := Expr{Start: int(p.toks[k].s), End: int(t.e), Gran: g, Relative: true, Weekday: -1}
	if p.wordIs(k, "this") && p.spaced(k-1) && p.wordIs(k-1, "earlier", "later") && int(p.toks[k-1].s) >= p.floor {
		e.Start, e.Approx = int(p.toks[k-1].s), true
	} else {
		p.approx(&e, k)
	}
	if !p.ref.IsZero() {
		delta := 0
		switch {
		case p.wordIs(k, "last"):
			delta = -1
		case p.wordIs(k, "next"):
			delta = 1
		}
		if g == Year {
			e.Date = utcDate(p.ref.Year()+delta, 1, 1)
		} else {
			e.Date = utcDate(p.ref.Year(), p.ref.Month()+time.Month(delta), 1)
		}
		e.Resolved = true
	}
	return e, i + 1, true
}

func (p *parser) year(i int) (Expr, int, bool) {
	t := p.toks[i]
	y, ok := yearRule(p.text, int(t.s), int(t.e), true)
	if !ok {
		return Expr{}, 0, false
	}
	e := Expr{Start: int(t.s), End: int(t.e), Gran: Year, Date: utcDate(y, 1, 1), Resolved: true, Weekday: -1}
	p.approx(&e, i)
	return e, i + 1, true
}

func mergeExprs(a, b []Expr) []Expr {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := make([]Expr, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		if len(b) == 0 || len(a) > 0 && a[0].Start <= b[0].Start {
			out = append(out, a[0])
			a = a[1:]
		} else {
			out = append(out, b[0])
			b = b[1:]
		}
	}
	return out
}
