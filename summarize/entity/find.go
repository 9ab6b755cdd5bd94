package entity

import (
	"sync"
)

// Kind is what a mention names.
type Kind string

// Kinds of mention. KindGroup covers nationalities and other demonyms,
// religious and ethnic groups ("Iraqi", "Americans", "Shiite").
const (
	KindUnknown Kind = ""
	KindPerson  Kind = "person"
	KindOrg     Kind = "org"
	KindPlace   Kind = "place"
	KindGroup   Kind = "group"
)

// Mention is one name in one sentence.
type Mention struct {
	Start, End int    // byte span of the name in the sentence, title excluded
	Text       string // the name as written
	Key        string // normalised name; see Normalize
	Kind       Kind
	Place      string // canonical place key for places and demonyms, else ""

	// Title is the role or title attached to the name in this sentence,
	// as written, with its byte span; "" and zeros when there is none.
	Title                string
	TitleStart, TitleEnd int

	// Acronym is the acronym this sentence defines for the name in
	// parentheses right after it ("Kurdistan Regional Government (KRG)").
	Acronym string
}

// Finder finds the names in sentences. It is safe for concurrent use.
type Finder struct {
	t    *tables
	pool sync.Pool
}

// NewFinder returns a Finder. The lexicon tables are built on first use
// in the process and shared, so Finders are cheap.
func NewFinder() *Finder {
	f := &Finder{t: getTables()}
	f.pool.New = func() any { return new(scratch) }
	return f
}

// chunk is a run of capitalised words (with the connectors allowed inside
// names) before it is split into titles and names.
type chunk struct {
	a, b int32 // token range
	na   int32 // first token after leading function words are stripped
	unit int32 // index of the main name unit, or -1
	role uint8
}

const (
	chName  uint8 = iota // holds a name unit
	chTitle              // only a title ("Prime Minister", "Secretary of State")
	chMod                // only title modifiers or generic words ("Defense", "Government")
	chDrop               // not a name ("Months", "The", an acronym already defined)
)

// unit is a name found in a chunk; it becomes a Mention.
type unit struct {
	a, b    int32 // name tokens
	ta, tb  int32 // title tokens, ta < 0 when there is none
	acr     int32 // token of a parenthesised acronym, or -1
	chunk   int32
	kind    Kind
	place   string
	sub     bool // found inside a title: never takes a title itself
	dropped bool
}

type scratch struct {
	toks   []token
	buf    []byte
	chunks []chunk
	units  []unit
	// unitAt and chunkAt map a token to the unit or chunk starting there
	// (-1 otherwise), so the title parser can step over whole names.
	unitAt  []int32
	chunkAt []int32
	chunkOf []int32 // chunk holding each token, -1 outside chunks
	// gazLen caches gazAt without a limit: the length of the longest
	// gazetteer name at each token (0 none, -1 not yet computed), and
	// its entry.
	gazLen []int8
	gazEnt []gazEntry
}

// Find returns the names in sentence, ordered by position, with spans that
// do not overlap. Title spans may contain other mentions: "Iraqi" in
// "Iraqi Prime Minister Mohammed Shia al-Sudani" is a group mention of its
// own and part of al-Sudani's title.
func (f *Finder) Find(sentence string) []Mention {
	sc := f.pool.Get().(*scratch)
	defer func() {
		// A pathological "sentence" (a whole page without punctuation)
		// should not pin its buffers in the pool.
		if cap(sc.toks) <= 1<<14 {
			f.pool.Put(sc)
		}
	}()
	sc.toks, sc.buf = f.t.tokenize(sentence, sc.toks[:0], sc.buf[:0])
	if len(sc.toks) == 0 {
		return nil
	}
	sc.chunks = sc.chunks[:0]
	sc.units = sc.units[:0]
	p := parser{t: f.t, s: sentence, sc: sc, toks: sc.toks, headline: true}
	for _, t := range sc.toks {
		if t.flags&tWord != 0 {
			p.words++
		}
		if t.flags&tLower != 0 {
			p.headline = false
		}
	}
	sc.gazLen = sc.gazLen[:0]
	for range sc.toks {
		sc.gazLen = append(sc.gazLen, -1)
	}
	if cap(sc.gazEnt) < len(sc.toks) {
		sc.gazEnt = make([]gazEntry, len(sc.toks))
	}
	sc.gazEnt = sc.gazEnt[:len(sc.toks)]
	p.chunk()
	if len(sc.chunks) == 0 {
		return nil
	}
	for ci := range sc.chunks {
		p.analyze(int32(ci))
	}
	p.index()
	p.acronyms()
	p.titles()
	p.kinds()
	return p.emit()
}

// parser holds the state of one Find call.
type parser struct {
	t    *tables
	s    string
	sc   *scratch
	toks []token
	// headline is set when the sentence has no lower-case word: a
	// heading or page furniture ("WORLD", "Follow", "MIDDLE EAST").
	headline bool
	words    int // word tokens in the sentence
}

func (p *parser) word(i int32) bool {
	return int(i) < len(p.toks) && i >= 0 && p.toks[i].flags&tWord != 0
}

func (p *parser) capWord(i int32) bool {
	return p.word(i) && p.toks[i].flags&(tCap|tDigit) == tCap
}

func (p *parser) lowerWord(i int32) bool {
	return p.word(i) && p.toks[i].flags&tLower != 0
}

func (p *parser) punct(i int32, r rune) bool {
	return int(i) < len(p.toks) && i >= 0 && p.toks[i].flags&tPunct != 0 && p.toks[i].r == r
}

// is reports whether token i, folded, equals w. Only for short function
// words, compared without folding the token.
func (p *parser) is(i int32, w string) bool {
	if !p.word(i) {
		return false
	}
	t := p.toks[i]
	s := p.s[t.start:t.end]
	if len(s) != len(w) {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

// foldRange folds the words of tokens [a,b) into the scratch buffer,
// separated by single spaces, and returns it. Punctuation is skipped.
func (p *parser) foldRange(a, b int32) []byte {
	buf := p.sc.buf[:0]
	for i := a; i < b; i++ {
		t := p.toks[i]
		if t.flags&tWord == 0 {
			continue
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = appendFold(buf, p.s[t.start:t.end])
	}
	p.sc.buf = buf
	return buf
}

// gazAt returns the number of tokens of the longest gazetteer name that
// starts at token i and ends before limit, and its entry. Words inside may
// be lower case ("Bosnia and Herzegovina") but the first and last must be
// capitalised, and a word that is also a function word ("US", "IS") must
// be written in capitals.
func (p *parser) gazAt(i, limit int32) (int32, gazEntry) {
	if !p.capWord(i) || p.toks[i].info&wGazFirst == 0 {
		return 0, gazEntry{}
	}
	if p.toks[i].info&wTier1 != 0 && p.toks[i].flags&tAllCaps == 0 {
		return 0, gazEntry{}
	}
	sc := p.sc
	if m := sc.gazLen[i]; m >= 0 && i+int32(m) <= limit {
		return int32(m), sc.gazEnt[i]
	}
	m, e := p.gazScan(i, limit)
	if limit == int32(len(p.toks)) {
		sc.gazLen[i], sc.gazEnt[i] = int8(m), e
	}
	return m, e
}

// gazScan is gazAt without the cache.
func (p *parser) gazScan(i, limit int32) (int32, gazEntry) {
	best := int32(0)
	var be gazEntry
	words := 0
	for j := i; j < limit && words < p.t.gazMax; j++ {
		if !p.word(j) {
			break
		}
		if j > i && p.toks[j].flags&(tSpace|tJoinPrev) == 0 {
			break
		}
		words++
		if !p.capWord(j) {
			continue
		}
		if e, ok := p.t.gaz[string(p.foldRange(i, j+1))]; ok {
			best, be = j-i+1, e
		}
	}
	return best, be
}

// knownAt is gazAt for known organisation names.
func (p *parser) knownAt(i, limit int32) int32 {
	if !p.capWord(i) || p.toks[i].info&wKnownFirst == 0 {
		return 0
	}
	if p.toks[i].info&wTier1 != 0 && p.toks[i].flags&tAllCaps == 0 {
		return 0
	}
	best := int32(0)
	words := 0
	for j := i; j < limit && words < p.t.knownMx; j++ {
		if !p.word(j) {
			break
		}
		words++
		if p.capWord(j) && p.t.known[string(p.foldRange(i, j+1))] {
			best = j - i + 1
		}
	}
	return best
}

// startsName reports whether a name can begin at token i: a capitalised
// word, or a particle that opens a name in lower case ("al-Sudani",
// "bin Laden").
func (p *parser) startsName(i int32) bool {
	if p.capWord(i) {
		return true
	}
	if !p.lowerWord(i) || p.toks[i].info&wParticle == 0 || !p.capWord(i+1) {
		return false
	}
	if p.toks[i].flags&tJoinNext != 0 {
		return true
	}
	return p.toks[i].info&wPersonParticle != 0 || p.is(i, "al") || p.is(i, "el")
}

// chunk splits the sentence into runs of capitalised words.
func (p *parser) chunk() {
	n := int32(len(p.toks))
	for i := int32(0); i < n; {
		if !p.startsName(i) {
			i++
			continue
		}
		j := p.extend(i)
		p.sc.chunks = append(p.sc.chunks, chunk{a: i, b: j, na: i, unit: -1})
		i = j
	}
}

// extend returns the end of the chunk that starts at token i.
func (p *parser) extend(i int32) int32 {
	n := int32(len(p.toks))
	j := i // last token in the chunk
	ofPhrase, orgOf := false, false
	if !p.capWord(j) {
		j++ // a lower-case particle opening the name
	}
	for {
		if m, _ := p.gazAt(j, n); m > 1 {
			j += m - 1
		}
		t := p.toks[j]
		if t.flags&tPoss != 0 {
			return j + 1
		}
		k := j + 1
		if k >= n {
			return k
		}
		nt := p.toks[k]
		if t.flags&tJoinNext != 0 {
			// Compounds of names stay together ("Abdul-Mahdi"); a name
			// joined to a lower-case word is a modifier ("US-led").
			if p.capWord(k) {
				j = k
				continue
			}
			return k
		}
		if nt.flags&tWord != 0 {
			switch {
			case nt.flags&(tCap|tDigit) == tCap:
				// Capitalised function words and verbs inside a run mean
				// headline case ("Chief In Iraq Says"), not one name.
				if nt.info&(wTier1|wSayVerb) != 0 && nt.flags&tAllCaps == 0 {
					return k
				}
				// Dates follow names without a break ("the White House
				// Tuesday"); they are never part of one.
				if nt.info&wCalendar != 0 && nt.flags&tAllCaps == 0 {
					return k
				}
				j = k
				continue
			case nt.flags&tLower != 0:
				if (p.is(k, "of") || p.is(k, "for") || p.is(k, "on")) && t.info&wOfHead != 0 &&
					(t.info&wOrgHead != 0 || !p.is(k, "on")) {
					m := k + 1
					if p.is(m, "the") {
						m++
					}
					if p.capWord(m) && (p.toks[m].info&(wTier1|wCalendar) == 0 || p.toks[m].flags&tAllCaps != 0) {
						ofPhrase = true
						orgOf = orgOf || t.info&wOrgHead != 0
						j = m
						continue
					}
					return k
				}
				if p.is(k, "and") && ofPhrase && p.andContinues(k) {
					j = k + 1
					continue
				}
				if nt.info&(wParticle|wConnector) != 0 && p.capWord(k+1) {
					// "al-Sudani", "bin Laden", "Erik ten Hag"; but not
					// English words that merely sit between two names.
					if nt.flags&tJoinNext != 0 || nt.info&(wPersonParticle|wConnector) != 0 {
						j = k + 1
						continue
					}
				}
			}
			return k
		}
		if nt.r == '&' && p.capWord(k+1) {
			j = k + 1
			continue
		}
		if nt.r == ',' && orgOf {
			if e := p.commaList(j, k); e > 0 {
				j = e - 1
				continue
			}
		}
		return k
	}
}

// andContinues reports whether "and" at token k continues an organisation
// name ("Department of Health and Human Services"): capitalised words
// follow and none of them is a title or a place, which would mean a new
// name ("the Ministry of Defense and Interior Minister Qasim al-Araji").
func (p *parser) andContinues(k int32) bool {
	i := k + 1
	if !p.capWord(i) {
		return false
	}
	for ; p.capWord(i); i++ {
		info := p.toks[i].info
		if info&(wHead|wTier1|wGazFirst) != 0 {
			return false
		}
		if p.toks[i].flags&tPoss != 0 {
			break
		}
	}
	return true
}

// commaList recognises the list that ends some organisation names,
// "Bureau of Alcohol, Tobacco and Firearms": after "of" and one word, a
// comma, then single capitalised words separated by commas and closed by
// "and" and one last word. Commas are where names part, so the rule is
// strict: no places and no titles in the list. j is the last token so far,
// k the comma. It returns the end of the list, or 0.
func (p *parser) commaList(j, k int32) int32 {
	if !p.is(j-1, "of") || !p.capWord(j) || p.toks[j].info&wGazFirst != 0 {
		return 0
	}
	item := func(i int32) bool {
		return p.capWord(i) && p.toks[i].info&(wGazFirst|wHead|wTier1) == 0 && p.toks[i].flags&tPoss == 0
	}
	i := k + 1
	for {
		if p.is(i, "and") {
			i++
			if !item(i) || p.capWord(i+1) {
				return 0
			}
			return i + 1
		}
		if !item(i) {
			return 0
		}
		i++
		switch {
		case p.punct(i, ','):
			i++
		case p.is(i, "and"):
		default:
			return 0
		}
	}
}
