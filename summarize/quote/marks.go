package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type family uint8

const (
	famDouble family = 1 + iota // " “ ” „
	famSingle                   // ' ‘ ’
	famAngle                    // « »
)

type markRole uint8

const (
	roleOpen markRole = 1 + iota
	roleClose
	roleEither    // context cannot tell: close if one of the family is open, else open
	roleInch      // a straight " after a digit: closes an open quotation, else an inch mark
	roleCloseWeak // ’ after "s" before a space: a plural possessive or a closing mark
)

type mark struct {
	at, end int
	fam     family
	role    markRole
	// sure marks may stand unpaired. A single mark that is not sure is
	// dropped when it finds no partner, because apostrophes look the same.
	sure bool
	off  bool // ruled out by an earlier pairing attempt
}

// rawQuote is a paired quotation: the region [rs, re) includes the marks,
// the content [cs, ce) is trimmed.
type rawQuote struct {
	rs, re       int
	cs, ce       int
	open, closed bool
	punctEnd     bool // the words end in , . ? ! before the closing mark: a full clause
}

// hasMark reports whether s holds any byte sequence that can be a
// quotation mark. Apostrophes pass too; the full scan sorts them out.
// strings.IndexByte is vectorised, so four passes beat one byte loop.
func hasMark(s string) bool {
	if strings.IndexByte(s, '"') >= 0 || strings.IndexByte(s, '\'') >= 0 {
		return true
	}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], 0xE2)
		if j < 0 {
			break
		}
		i += j
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x98, 0x99, 0x9C, 0x9D, 0x9E:
				return true
			}
		}
		i++
	}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], 0xC2)
		if j < 0 {
			break
		}
		i += j
		if i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB) {
			return true
		}
		i++
	}
	return false
}

// markLead marks the first bytes of quotation marks: " ' and the lead
// bytes of the curly marks and guillemets.
var markLead = func() (t [256]bool) {
	t['"'], t['\''], t[0xE2], t[0xC2] = true, true, true, true
	return t
}()

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„':
		return true
	}
	return false
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || (r > 0x7f && unicode.IsSpace(r))
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isAlnum(r rune) bool { return isLetter(r) || isDigit(r) }

// prevRune is the rune before byte i, or -1 at the start.
func prevRune(s string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// nextRune is the rune at byte i, or -1 at the end.
func nextRune(s string, i int) rune {
	if i >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// opensAfter: a mark after this rune is placed like an opening mark. A
// comma is left out on purpose: `,"` is nearly always a closing mark.
func opensAfter(r rune) bool {
	switch r {
	case -1, '(', '[', '{', '<', '—', '–', '-', '/', ':':
		return true
	}
	return isSpace(r) || isQuoteRune(r)
}

// closesBefore: a mark before this rune is placed like a closing mark.
func closesBefore(r rune) bool {
	switch r {
	case -1, ',', '.', ';', ':', '!', '?', ')', ']', '}', '>', '—', '–', '-', '/', '…':
		return true
	}
	return isSpace(r) || isQuoteRune(r)
}

func isClausePunct(r rune) bool {
	switch r {
	case ',', '.', '!', '?', '…', ';', ':':
		return true
	}
	return false
}

func (sc *scratch) addMark(at, w int, fam family, role markRole, sure bool) {
	sc.marks = append(sc.marks, mark{at: at, end: at + w, fam: fam, role: role, sure: sure})
}

// scanMarks classifies every quotation-mark candidate by its neighbours.
func (sc *scratch) scanMarks() {
	s := sc.s
	for i := 0; i < len(s); i++ {
		if !markLead[s[i]] {
			continue
		}
		switch c := s[i]; {
		case c == '"':
			sc.straightDouble(i)
		case c == '\'':
			sc.straightSingle(i)
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80:
			switch s[i+2] {
			case 0x98:
				sc.leftSingle(i)
			case 0x99:
				sc.rightSingle(i)
			case 0x9C:
				sc.curly(i, famDouble, true)
			case 0x9D:
				sc.curly(i, famDouble, false)
			case 0x9E:
				sc.addMark(i, 3, famDouble, roleOpen, true)
			}
		case c == 0xC2 && i+1 < len(s):
			switch s[i+1] {
			case 0xAB:
				sc.curly(i, famAngle, true)
			case 0xBB:
				sc.curly(i, famAngle, false)
			}
		}
	}
}

func (sc *scratch) straightDouble(i int) {
	p, n := prevRune(sc.s, i), nextRune(sc.s, i+1)
	if isDigit(p) {
		sc.addMark(i, 1, famDouble, roleInch, true)
		return
	}
	o, c := opensAfter(p), closesBefore(n)
	role := roleEither
	switch {
	case o && !c:
		role = roleOpen
	case c && !o:
		role = roleClose
	}
	sc.addMark(i, 1, famDouble, role, true)
}

// curly handles marks with a direction of their own: “ ” « ». Sites that
// type ” for both ends, or close German-style „...“, are caught when the
// neighbours plainly contradict the mark.
func (sc *scratch) curly(i int, fam family, opening bool) {
	w := 3
	if fam == famAngle {
		w = 2
	}
	p, n := prevRune(sc.s, i), nextRune(sc.s, i+w)
	o, c := opensAfter(p), closesBefore(n)
	role := roleClose
	if opening {
		role = roleOpen
		if c && !o {
			role = roleEither
		}
	} else if o && !c {
		role = roleEither
	}
	sc.addMark(i, w, fam, role, true)
}

func (sc *scratch) straightSingle(i int) {
	s := sc.s
	p, n := prevRune(s, i), nextRune(s, i+1)
	switch {
	case isAlnum(p) && isAlnum(n): // don't, O'Brien
	case isDigit(p): // 6'2, the '90s handled below
	case opensAfter(p):
		if isLetter(n) && !elision(s, i+1) {
			sc.addMark(i, 1, famSingle, roleOpen, false)
		}
	case p != -1 && !isSpace(p) && closesBefore(n):
		if (p == 's' || p == 'S') && isSpace(n) {
			sc.addMark(i, 1, famSingle, roleCloseWeak, false)
		} else {
			sc.addMark(i, 1, famSingle, roleClose, isClausePunct(p))
		}
	}
}

func (sc *scratch) leftSingle(i int) {
	s := sc.s
	p, n := prevRune(s, i), nextRune(s, i+3)
	switch {
	case isAlnum(p): // rock‘n‘roll typed with the wrong mark
	case !isAlnum(n) && !isQuoteRune(n) && n != '…' && n != '.':
	case isDigit(n) && yearAbbrev(s, i+3): // ‘90s
	case elision(s, i+3): // ‘em, ‘n’
	default:
		sc.addMark(i, 3, famSingle, roleOpen, true)
	}
}

func (sc *scratch) rightSingle(i int) {
	s := sc.s
	p, n := prevRune(s, i), nextRune(s, i+3)
	switch {
	case isAlnum(p) && isAlnum(n): // Iraq’s, don’t
	case p == -1 || isSpace(p): // ’90s, ’em
	case !closesBefore(n):
	case (p == 's' || p == 'S') && isSpace(n):
		sc.addMark(i, 3, famSingle, roleCloseWeak, false)
	default:
		sc.addMark(i, 3, famSingle, roleClose, isClausePunct(p) || isQuoteRune(p))
	}
}

// elision reports an apostrophe that stands for dropped letters: 'n' (rock
// 'n' roll), 'em, 'til, 'cause, 'tis.
func elision(s string, j int) bool {
	k := j
	for k < len(s) && k-j < 6 && isLetter(rune(s[k])) {
		k++
	}
	if k < len(s) && isLetter(nextRune(s, k)) {
		return false
	}
	switch lowerASCII(s[j:k]) {
	case "n", "em", "til", "cause", "tis", "twas", "bout", "cos", "nuff":
		return true
	}
	return false
}

// yearAbbrev reports ‘90s or ‘24: digits followed by "s", or exactly two
// digits standing alone.
func yearAbbrev(s string, j int) bool {
	k := j
	for k < len(s) && isDigit(rune(s[k])) {
		k++
	}
	if k < len(s) && (s[k] == 's' || s[k] == 'S') {
		return true
	}
	return k-j == 2 && !isAlnum(nextRune(s, k))
}

func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// pair matches opening and closing marks with a stack, so that quotations
// nested in quotations stay inside the outer one. A single mark left open
// at the end is most likely an apostrophe: it is ruled out and the pairing
// runs again, which at most happens once per such mark.
func (sc *scratch) pair() {
	for attempt := 0; ; attempt++ {
		sc.quotes = sc.quotes[:0]
		sc.stack = sc.stack[:0]
		sc.closesAhead()
		for k := range sc.marks {
			m := &sc.marks[k]
			if m.off {
				continue
			}
			switch m.role {
			case roleOpen:
				sc.push(k)
			case roleEither:
				if sc.has(m.fam) {
					sc.closeWith(k)
				} else {
					sc.push(k)
				}
			case roleInch:
				if sc.has(famDouble) {
					sc.closeWith(k)
				}
			case roleClose:
				if sc.has(m.fam) {
					sc.closeWith(k)
				} else if len(sc.stack) == 0 && len(sc.quotes) == 0 && m.sure {
					sc.emit(-1, k)
				}
			case roleCloseWeak:
				if sc.has(famSingle) && !sc.ahead[k] {
					sc.closeWith(k)
				}
			}
		}
		if len(sc.stack) == 0 {
			return
		}
		b := sc.stack[0]
		if sc.marks[b].sure {
			sc.emit(b, -1)
			return
		}
		if attempt >= 8 {
			// Give up on every unsure opening mark at once: a sentence full
			// of stray apostrophes must not cost quadratic time.
			for k := range sc.marks {
				if !sc.marks[k].sure && sc.marks[k].role == roleOpen {
					sc.marks[k].off = true
				}
			}
		}
		sc.marks[b].off = true
	}
}

const maxDepth = 8

func (sc *scratch) push(k int) {
	if len(sc.stack) < maxDepth {
		sc.stack = append(sc.stack, k)
	}
}

func (sc *scratch) has(f family) bool {
	for _, k := range sc.stack {
		if sc.marks[k].fam == f {
			return true
		}
	}
	return false
}

// closeWith pops the innermost open mark of k's family, and anything opened
// inside it that never closed.
func (sc *scratch) closeWith(k int) {
	f := sc.marks[k].fam
	for j := len(sc.stack) - 1; j >= 0; j-- {
		if sc.marks[sc.stack[j]].fam != f {
			continue
		}
		open := sc.stack[j]
		sc.stack = sc.stack[:j]
		if j == 0 {
			sc.emit(open, k)
		}
		return
	}
}

// closesAhead fills ahead[k]: whether a plainly closing single mark
// follows mark k before anything else could open or end a quotation. A
// weak mark with one ahead ("the Guards’ commander,’") is an apostrophe.
// One backward pass keeps a sentence full of apostrophes linear.
func (sc *scratch) closesAhead() {
	sc.ahead = sc.ahead[:0]
	for range sc.marks {
		sc.ahead = append(sc.ahead, false)
	}
	ahead := false
	for k := len(sc.marks) - 1; k >= 0; k-- {
		sc.ahead[k] = ahead
		m := &sc.marks[k]
		switch {
		case m.off, m.role == roleCloseWeak:
		case m.fam == famSingle:
			ahead = m.role == roleClose
		case m.role != roleOpen:
			ahead = false
		}
	}
}

// emit records a top-level quotation. o or c is -1 when that mark is
// missing from the sentence.
func (sc *scratch) emit(o, c int) {
	s := sc.s
	q := rawQuote{open: o >= 0, closed: c >= 0, re: len(s), ce: len(s)}
	if o >= 0 {
		q.rs, q.cs = sc.marks[o].at, sc.marks[o].end
	}
	if c >= 0 {
		q.ce, q.re = sc.marks[c].at, sc.marks[c].end
	}
	for q.cs < q.ce {
		r, w := utf8.DecodeRuneInString(s[q.cs:q.ce])
		if !isSpace(r) {
			break
		}
		q.cs += w
	}
	if c >= 0 {
		for e := q.ce; e > q.cs; {
			r, w := utf8.DecodeLastRuneInString(s[q.cs:e])
			if !isSpace(r) {
				q.punctEnd = isClausePunct(r)
				break
			}
			e -= w
		}
	}
	// The comma in `"...," he said` belongs to the reporting sentence.
	for q.cs < q.ce {
		r, w := utf8.DecodeLastRuneInString(s[q.cs:q.ce])
		if !isSpace(r) && r != ',' {
			break
		}
		q.ce -= w
	}
	if q.cs >= q.ce {
		return
	}
	sc.quotes = append(sc.quotes, q)
}
