package entity

import (
	"slices"
	"strings"
)

// Role is a title reduced to what can be compared across sources.
type Role struct {
	// Office is the canonical office ("president", "prime minister",
	// "minister", "secretary", "vice president", "attorney general"), or
	// "" when the title only describes ("chief", "top commander",
	// "official", "Iranian general").
	Office string
	// Portfolio holds the content words of the portfolio or organisation,
	// normalised ("defence" and "Pentagon" -> "defense", "treasury" ->
	// "finance", places as canonical keys), in order, without repeats.
	Portfolio []string
	// Place is the canonical key of the country or place the office
	// belongs to, from a demonym or place before the head ("Iraqi",
	// "US", "Iraq's") or an "of" complement that is only a place
	// ("President of France").
	Place string
	// Formal is true for an office someone holds, as opposed to a
	// description; it is true exactly when Office is set.
	Formal bool
	// Former is true for "former", "ex-", "then-", "late", "onetime".
	Former bool
}

// offices maps a head word to its office when no neighbour changes it.
var offices = map[string]string{
	"president": "president", "premier": "prime minister", "taoiseach": "prime minister",
	"minister": "minister", "secretary": "secretary", "chancellor": "chancellor",
	"king": "king", "queen": "queen", "emir": "emir", "amir": "emir", "sultan": "sultan",
	"pope": "pope", "shah": "shah", "emperor": "emperor", "empress": "empress",
	"ambassador": "ambassador", "governor": "governor", "mayor": "mayor",
	"senator": "senator", "sen": "senator", "congressman": "representative",
	"congresswoman": "representative", "congressperson": "representative",
	"representative": "representative", "rep": "representative", "speaker": "speaker",
	"gov": "governor", "pres": "president",
}

// generalOffices are the offices written "<word> general"; any other
// "general" is a military rank, which describes.
var generalOffices = map[string]bool{
	"attorney": true, "solicitor": true, "surgeon": true, "inspector": true,
	"secretary": true, "governor": true, "consul": true, "director": true,
	"postmaster": true, "auditor": true, "comptroller": true,
}

// portfolioSynonyms folds spellings and metonyms of one portfolio.
var portfolioSynonyms = map[string]string{
	"defence": "defense", "pentagon": "defense", "treasury": "finance",
	"exchequer": "finance", "financial": "finance", "home": "interior",
	"external": "foreign", "economic": "economy", "labour": "labor",
	"petroleum": "oil", "transportation": "transport",
}

// roleStop are words that carry no portfolio: determiners, prepositions,
// and qualifiers that do not change which office is meant.
var roleStop = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "for": true, "to": true, "at": true,
	"with": true, "in": true, "on": true, "from": true, "and": true, "affairs": true,
	"ministry": true, "department": true, "acting": true, "interim": true,
	"caretaker": true, "top": true, "senior": true, "junior": true, "special": true,
	"first": true, "new": true, "outgoing": true, "incoming": true, "current": true,
	"longtime": true, "powerful": true, "veteran": true, "its": true, "his": true,
	"her": true, "their": true, "country": true, "nation": true, "company": true,
	"official": true, "permanent": true,
}

// ParseRole reduces a title to a Role. It reads the words before the first
// preposition as modifiers and a head ("Iraqi Prime Minister"), and the
// phrases after it as complements ("Secretary of Defense", "ambassador to
// Iraq"). Parenthesised text is ignored.
func ParseRole(title string) Role {
	t := getTables()
	words := roleWords(title)
	var r Role
	if len(words) == 0 {
		return r
	}
	// The head phrase ends at the first preposition, or at "and" once a
	// head has been seen ("president and CEO" holds the first office).
	end := len(words)
	head := -1
	for i, w := range words {
		info := t.lex[w]
		if i > 0 && info&wPrep != 0 && w != "on" {
			end = i
			break
		}
		if w == "and" && head >= 0 {
			end = i
			break
		}
		if info&wHead != 0 || offices[w] != "" {
			head = i
		}
		// "late" and "then" mark a past office only in front of it
		// ("the late king", "then-president").
		if info&wFormer != 0 && (w != "late" && w != "then" || head < 0 && i+1 < len(words)) {
			r.Former = true
		}
	}
	used := make([]bool, len(words))
	if head >= 0 {
		r.Office = office(words, head, end, used)
		used[head] = true
	}
	r.Formal = r.Office != ""

	// Places: before the head they say whose office it is; in a
	// complement that is only a place they do too ("President of
	// France"); anywhere else they are part of the portfolio ("ambassador
	// to Iraq", "President of the Iraqi Kurdistan Region").
	for i := 0; i < len(words); {
		m, e := roleGaz(t, words, i)
		if m == 0 {
			i++
			continue
		}
		for k := i; k < i+m; k++ {
			used[k] = true
		}
		key := e.place
		switch {
		case i >= end && locative(words, i):
			// "... of the Kurdistan region in Iraq": where the office is,
			// not what it is.
		case key == "":
			// A religious or ethnic group: portfolio-like, no country.
			r.Portfolio = appendUniq(r.Portfolio, words[i])
		case i < end && r.Place == "":
			r.Place = key
		case i >= end && r.Place == "" && firstComplement(words, end, i) && soleComplement(words, i, m):
			r.Place = key
		default:
			r.Portfolio = appendUniq(r.Portfolio, key)
		}
		i += m
	}
	for i, w := range words {
		if used[i] || roleStop[w] || t.lex[w]&(wFormer|wHonorific) != 0 {
			continue
		}
		if t.lex[w]&wHead != 0 && i < end {
			continue // a second head ("Lt. Gen.") or a qualifier used by office
		}
		if s, ok := portfolioSynonyms[w]; ok {
			w = s
		}
		if w == "state" && r.Office == "secretary" {
			w = "foreign" // "Secretary of State" is the foreign minister
		}
		if w == "elect" || w == "designate" || w == "nominee" {
			continue
		}
		r.Portfolio = appendUniq(r.Portfolio, w)
	}
	return r
}

// office names the office of head words[h]; it marks the neighbours it
// consumed in used. "" means the title only describes.
func office(words []string, h, end int, used []bool) string {
	w := words[h]
	prev := func(k int) string {
		if h-k >= 0 {
			return words[h-k]
		}
		return ""
	}
	next := ""
	if h+1 < len(words) {
		next = words[h+1]
	}
	if next == "elect" || next == "designate" || next == "nominee" {
		return "" // not yet in office
	}
	before := func(ws ...string) int {
		for k := h - 1; k >= 0; k-- {
			for _, x := range ws {
				if words[k] == x {
					return k
				}
			}
		}
		return -1
	}
	mark := func(k int) {
		if k >= 0 {
			used[k] = true
		}
	}
	deputy := before("deputy", "vice")
	switch w {
	case "general":
		if p := prev(1); generalOffices[p] {
			mark(h - 1)
			if p == "secretary" {
				return "secretary-general"
			}
			return p + " general"
		}
		return ""
	case "president", "pres":
		if deputy >= 0 {
			mark(deputy)
			if words[deputy] == "vice" {
				return "vice president"
			}
			return "deputy president"
		}
		return "president"
	case "minister", "premier":
		if w == "premier" || prev(1) == "prime" {
			mark(h - 1)
			if deputy >= 0 {
				mark(deputy)
				return "deputy prime minister"
			}
			return "prime minister"
		}
		if prev(1) == "chief" {
			mark(h - 1)
			return "chief minister"
		}
		if k := before("deputy", "vice", "junior", "assistant"); k >= 0 {
			mark(k)
			return "deputy minister"
		}
		return "minister"
	case "secretary":
		if next == "general" {
			used[h+1] = true
			return "secretary-general"
		}
		if k := before("under"); k >= 0 {
			mark(k)
			return "under secretary"
		}
		if k := before("deputy", "assistant"); k >= 0 {
			mark(k)
			return words[k] + " secretary"
		}
		return "secretary"
	case "governor":
		if next == "general" {
			used[h+1] = true
			return "governor-general"
		}
		if k := before("lieutenant", "lt", "deputy"); k >= 0 {
			mark(k)
			return "lieutenant governor"
		}
		return "governor"
	case "prince":
		if prev(1) == "crown" {
			mark(h - 1)
			return "crown prince"
		}
		return ""
	case "leader":
		if prev(1) == "supreme" {
			mark(h - 1)
			return "supreme leader"
		}
		return ""
	case "justice":
		if prev(1) == "chief" {
			mark(h - 1)
			return "chief justice"
		}
		return ""
	}
	return offices[w]
}

// roleWords splits a title into folded words: parentheses dropped,
// possessive endings removed, hyphens separating ("ex-president").
func roleWords(title string) []string {
	var b strings.Builder
	depth := 0
	for _, r := range title {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	var words []string
	for _, f := range strings.Fields(b.String()) {
		f = strings.Trim(f, ",;:\"“”")
		f = trimPossessive(f)
		for _, w := range strings.Fields(foldString(f)) {
			if w != "&" {
				words = append(words, w)
			}
		}
	}
	return words
}

// roleGaz matches the longest gazetteer name at words[i].
func roleGaz(t *tables, words []string, i int) (int, gazEntry) {
	best := 0
	var be gazEntry
	for m := 1; m <= t.gazMax && i+m <= len(words); m++ {
		if e, ok := t.gaz[strings.Join(words[i:i+m], " ")]; ok {
			best, be = m, e
		}
	}
	return best, be
}

// locative reports whether the place at words[i] is introduced by "in",
// "at" or "from", possibly after a determiner.
func locative(words []string, i int) bool {
	k := i - 1
	for k >= 0 && words[k] == "the" {
		k--
	}
	return k >= 0 && (words[k] == "in" || words[k] == "at" || words[k] == "from")
}

// firstComplement reports whether words[i] lies in the complement that
// follows the head phrase ending at end ("President of France"), rather
// than in a later one ("President of the Kurdistan region in Iraq": Iraq
// is where the region is, not the country of the office).
func firstComplement(words []string, end, i int) bool {
	t := getTables()
	for k := end + 1; k < i; k++ {
		if t.lex[words[k]]&wPrep != 0 {
			return false
		}
	}
	return true
}

// soleComplement reports whether the place words[i:i+m] is all there is
// of its complement: the words before it back to the preposition are
// determiners, and a preposition or the end follows.
func soleComplement(words []string, i, m int) bool {
	t := getTables()
	k := i - 1
	for k >= 0 && (words[k] == "the") {
		k--
	}
	if k < 0 || t.lex[words[k]]&wPrep == 0 || words[k] == "to" {
		return false
	}
	j := i + m
	return j == len(words) || t.lex[words[j]]&wPrep != 0
}

func appendUniq(s []string, w string) []string {
	for _, x := range s {
		if x == w {
			return s
		}
	}
	return append(s, w)
}

// officeClass maps offices that are the same post under another name in
// another country: a "Defense Secretary" in Washington is a "Defense
// Minister" in most other capitals, and sources use both.
func officeClass(o string) string {
	switch o {
	case "secretary":
		return "minister"
	case "deputy secretary":
		return "deputy minister"
	}
	return o
}

// definitePortfolio reports whether a portfolio names something a source
// would not paraphrase: a ministerial portfolio word or a place. Words of
// organisation names ("regional", "government", an acronym) are not: one
// source's "President of the KRG" is another's "President of the
// Kurdistan Region".
func definitePortfolio(p []string) bool {
	t := getTables()
	for _, w := range p {
		if t.lex[w]&wPortfolio != 0 {
			return true
		}
		if _, ok := t.gaz[w]; ok {
			return true
		}
	}
	return false
}

// Conflicting reports whether two titles given to the same person cannot
// both be true, with a short reason either way. Only formal offices held
// now conflict: different offices (president vs prime minister, after
// treating secretary and minister as one), the same office for different
// countries, or the same office with portfolios that share no word when
// both portfolios are definite (defense vs foreign). Descriptive titles
// ("Pentagon chief", "top commander") and former offices never conflict.
func Conflicting(a, b Role) (bool, string) {
	if !a.Formal || !b.Formal {
		return false, "descriptive title, not an office"
	}
	if a.Former || b.Former {
		return false, "former office"
	}
	if officeClass(a.Office) != officeClass(b.Office) {
		return true, "different offices: " + a.Office + " vs " + b.Office
	}
	if a.Place != "" && b.Place != "" && a.Place != b.Place {
		return true, "same office, different countries: " + a.Place + " vs " + b.Place
	}
	// A place may be written as the office's country on one side and in
	// its portfolio on the other ("Kurdistan Region President", "President
	// of the Kurdistan Regional Government"): that counts as shared.
	shared := shareWord(a.Portfolio, b.Portfolio) ||
		a.Place != "" && slices.Contains(b.Portfolio, a.Place) ||
		b.Place != "" && slices.Contains(a.Portfolio, b.Place)
	if len(a.Portfolio) > 0 && len(b.Portfolio) > 0 && !shared &&
		definitePortfolio(a.Portfolio) && definitePortfolio(b.Portfolio) {
		return true, "same office, different portfolios: " + strings.Join(a.Portfolio, " ") +
			" vs " + strings.Join(b.Portfolio, " ")
	}
	return false, "compatible: " + a.Office
}

func shareWord(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
