package entity

import "strings"

// analyze splits chunk ci into titles and names and records its units.
func (p *parser) analyze(ci int32) {
	c := &p.sc.chunks[ci]
	a, b := c.a, c.b
	a = p.stripLeading(a, b)
	c.na = a
	if a >= b {
		c.role = chDrop
		return
	}
	t := p.toks[a]
	if b-a == 1 && t.flags&tAllCaps == 0 {
		if t.info&wCalendar != 0 || t.end-t.start == 1 {
			c.role = chDrop // "March", "hepatitis C"
			return
		}
		if t.flags&tSentStart != 0 && t.info&(wGazFirst|wKnownFirst|wHead|wMod|wPortfolio|wGiven) == 0 &&
			(t.info&wTier2 != 0 || p.commonOpener(a)) {
			c.role = chDrop
			return
		}
	}

	if p.headline && b-a == 1 && p.words == 1 {
		// A one-word line ("Follow", "Loading", "WORLD") names nothing
		// unless it is a known place or organisation.
		if m, _ := p.gazAt(a, b); m == 0 && p.knownAt(a, b) == 0 {
			c.role = chDrop
			return
		}
	}
	te, titleOnly := p.inChunkTitle(a, b)
	if te > a {
		p.titleUnits(ci, a, te)
		if titleOnly {
			c.role = chTitle
			return
		}
		c.role = chName
		c.unit = p.addUnit(unit{a: te, b: b, ta: a, tb: te, chunk: ci, kind: KindPerson})
		return
	}
	if p.genericOnly(a, b) {
		c.role = chMod
		return
	}
	c.role = chName
	p.nameUnits(ci, a, b)
}

// stripLeading skips capitalised function words at the front of a chunk
// ("The Pentagon", "Despite Iran's"), and, at the start of a sentence, a
// common word before a place or a person ("Several Iraqi officials").
func (p *parser) stripLeading(a, b int32) int32 {
	for a < b {
		t := p.toks[a]
		if t.flags&tCap == 0 {
			if t.info&wParticle != 0 && p.capWord(a+1) {
				return a // "al-Sudani"
			}
			a++
			continue
		}
		if t.info&wTier1 != 0 {
			if t.flags&tAllCaps != 0 {
				if m, _ := p.gazAt(a, b); m > 0 {
					return a
				}
				if p.knownAt(a, b) > 0 {
					return a
				}
			}
			a++
			continue
		}
		if t.flags&tSentStart != 0 && t.info&wTier2 != 0 && b-a > 1 && t.flags&tAllCaps == 0 &&
			t.info&(wHead|wMod|wPortfolio|wGazFirst|wKnownFirst|wOrgHead) == 0 &&
			p.toks[b-1].info&wOrgHead == 0 {
			a++
			continue
		}
		return a
	}
	return a
}

// genericOnly reports a chunk that is no name at all: one generic word
// ("Government", "Minister", "Defense") or title modifiers only
// ("Foreign Affairs", "Homeland Security").
func (p *parser) genericOnly(a, b int32) bool {
	if m, _ := p.gazAt(a, b); m > 0 {
		return false
	}
	if p.knownAt(a, b) > 0 {
		return false
	}
	if b-a == 1 {
		t := p.toks[a]
		return t.flags&tAllCaps == 0 && t.info&(wHead|wMod|wPortfolio|wOrgHead|wTier2) != 0
	}
	if p.toks[b-1].info&wOrgHead != 0 {
		return false // "Interior Ministry"
	}
	for i := a; i < b; i++ {
		if p.toks[i].info&(wMod|wPortfolio) == 0 {
			return false
		}
	}
	return true
}

// inChunkTitle finds a title at the front of chunk [a,b): modifiers,
// places, organisations, then a head word, optionally "of ..." and more
// heads ("Iraqi Prime Minister", "Secretary of State", "Lt. Gen."). It
// returns the end of the title (a when none) and whether the chunk is
// nothing but the title.
func (p *parser) inChunkTitle(a, b int32) (int32, bool) {
	te := a
	pos := a
	// loose is set when a word before the head is not known to belong to
	// a title ("House Speaker", "Macon County Sheriff"). Such a title is
	// accepted only when a name follows it: otherwise "Stephen King" or
	// "Burger King" would be read as a title with no name.
	loose := false
	for pos < b {
		i := pos
		lastHead := int32(-1)
	scan:
		for i < b {
			t := p.toks[i]
			if t.flags&tWord == 0 || t.flags&tLower != 0 {
				break
			}
			switch {
			case p.isHead(i):
				i++
				lastHead = i
				if p.is(i, "of") || p.is(i, "for") {
					if e := p.complementEnd(i, b); e > i {
						i = e
						lastHead = i
					}
				}
				continue
			case t.info&(wMod|wPortfolio) != 0:
				i++
				continue
			}
			if m, _ := p.gazAt(i, b); m > 0 {
				i += m
				continue
			}
			if m := p.knownAt(i, b); m > 0 {
				i += m
				continue
			}
			if t.flags&tAllCaps != 0 {
				i++
				continue
			}
			// A run ending in an organisation word can precede a title
			// ("Southern Poverty Law Center President Richard Cohen").
			q := i
			for q < b && p.capWord(q) && !p.isHead(q) {
				q++
			}
			if q > i && q < b && p.isHead(q) {
				// A person's name before the head ("Hossein Amir-..."), or
				// any unknown word once a title has been read ("Interior
				// Minister Jaime Mayor Oreja"): the name starts here.
				if p.toks[i].info&wGiven != 0 || pos > a || lastHead >= 0 {
					break scan
				}
				loose = loose || q == i+1 || p.toks[q-1].info&wOrgHead == 0
				i = q
				continue
			}
			break scan
		}
		if lastHead < 0 {
			break
		}
		te, pos = lastHead, lastHead
	}
	if te == a {
		return a, false
	}
	if te >= b || !p.capWord(te) {
		if loose {
			return a, false
		}
		return b, true
	}
	// What is left must be a person's name: not a bare suffix ("Martin
	// Luther King Jr."), not an organisation ("General Motors").
	allSuffix := true
	for i := te; i < b; i++ {
		if p.word(i) && p.toks[i].info&wSuffix == 0 {
			allSuffix = false
		}
	}
	if allSuffix || p.toks[b-1].info&wOrgHead != 0 || p.knownAt(te, b) == b-te {
		return a, false
	}
	if m, _ := p.gazAt(te, b); m == b-te {
		return a, false
	}
	return te, false
}

// isHead reports a title head at token i. A head joined by a hyphen to a
// word that is not one is part of a compound ("Amir-Abdollahian",
// "head-to-head"), while "Secretary-General" stays a title.
func (p *parser) isHead(i int32) bool {
	t := p.toks[i]
	if t.info&wHead == 0 {
		return false
	}
	if t.flags&tJoinNext != 0 && p.word(i+1) && p.toks[i+1].info&wHead == 0 {
		return false
	}
	return true
}

// complementEnd reads "of [the] X" inside a chunk, token i being "of". The
// complement runs to the word before the first given name (the office
// holder's name starts there: "President of France Emmanuel Macron"),
// else to its last place, portfolio or organisation word ("Secretary of
// State Antony Blinken"); when there is neither, it takes the rest.
func (p *parser) complementEnd(i, b int32) int32 {
	k := i + 1
	if p.is(k, "the") {
		k++
	}
	if k >= b {
		return -1
	}
	last := int32(-1)
	for q := k; q < b; q++ {
		t := p.toks[q]
		if t.flags&tWord == 0 || t.flags&tLower != 0 {
			continue
		}
		if q > k && t.info&wGiven != 0 && p.capWord(q+1) {
			return q
		}
		if m, _ := p.gazAt(q, b); m > 0 {
			q += m - 1
			last = q
			continue
		}
		if t.info&(wPortfolio|wOrgHead|wOfHead) != 0 || t.flags&tAllCaps != 0 {
			last = q
		}
	}
	if last < 0 || last == b-1 {
		return b
	}
	if !p.capWord(last + 1) {
		return b
	}
	return last + 1
}

// titleUnits records the places and organisations named inside a title
// [a,b): "Iraqi" in "Iraqi Prime Minister", "Pentagon" in "Pentagon
// Chief", "Kurdistan Regional Government" in "President of the Kurdistan
// Regional Government".
func (p *parser) titleUnits(ci, a, b int32) {
	for i := a; i < b; {
		t := p.toks[i]
		if t.flags&tWord == 0 {
			i++
			continue
		}
		if t.flags&tLower != 0 {
			if p.is(i, "of") || p.is(i, "for") {
				k := i + 1
				if p.is(k, "the") {
					k++
				}
				e := k
				for e < b && (p.capWord(e) || p.toks[e].flags&tLower != 0 && p.toks[e].info&wConnector != 0 ||
					p.is(e, "of") || p.is(e, "the") || p.punct(e, ',') || p.punct(e, '&') || p.is(e, "and")) {
					if p.toks[e].info&wHead != 0 && p.capWord(e) && e > k {
						break
					}
					e++
				}
				for e > k && !p.capWord(e-1) {
					e--
				}
				if e > k {
					p.complementUnits(ci, k, e)
					i = e
					continue
				}
			}
			i++
			continue
		}
		if t.info&wHead != 0 || t.info&(wMod|wPortfolio) == wMod {
			if m, _ := p.gazAt(i, b); m == 0 && p.knownAt(i, b) == 0 {
				i++
				continue
			}
		}
		q := i
		for q < b && p.capWord(q) && (q == i || p.toks[q].info&wHead == 0 && p.toks[q].info&(wMod|wPortfolio) != wMod) {
			q++
		}
		if q == i {
			q = i + 1
		}
		p.runUnits(ci, i, q)
		i = q
	}
}

// complementUnits records the name in a title's "of" complement: an
// organisation when it ends in an organisation word or starts with one
// ("the Bureau of Alcohol, Tobacco and Firearms"), else its places.
func (p *parser) complementUnits(ci, a, b int32) {
	if m, e := p.gazAt(a, b); m == b-a {
		p.addUnit(p.placeUnit(ci, a, b, e, true))
		return
	}
	if b-a >= 2 && (p.toks[b-1].info&wOrgHead != 0 || p.toks[a].info&wOrgHead != 0 && p.is(a+1, "of")) {
		p.addUnit(unit{a: a, b: b, ta: -1, chunk: ci, kind: KindOrg, sub: true})
		return
	}
	p.runUnits(ci, a, b)
}

// runUnits records the places, known organisations and acronyms in a run
// of words that is not itself a name ("US Defense" before "Secretary").
func (p *parser) runUnits(ci, a, b int32) {
	if m, e := p.gazAt(a, b); m == b-a {
		p.addUnit(p.placeUnit(ci, a, b, e, true))
		return
	}
	if b-a >= 2 && p.toks[b-1].info&wOrgHead != 0 {
		p.addUnit(unit{a: a, b: b, ta: -1, chunk: ci, kind: KindOrg, sub: true})
		return
	}
	for i := a; i < b; {
		if m, e := p.gazAt(i, b); m > 0 {
			p.addUnit(p.placeUnit(ci, i, i+m, e, true))
			i += m
			continue
		}
		if m := p.knownAt(i, b); m > 0 {
			p.addUnit(unit{a: i, b: i + m, ta: -1, chunk: ci, kind: KindOrg, sub: true})
			i += m
			continue
		}
		if p.acronym(i) {
			p.addUnit(unit{a: i, b: i + 1, ta: -1, chunk: ci, kind: KindOrg, sub: true})
		}
		i++
	}
}

// acronym reports an all-capitals word that names an organisation
// ("NATO", "ATF"). Dotted abbreviations are left out ("N.J.", "Colo."):
// those are mostly places and people's initials. In a sentence written in
// capitals ("WORLD", "LOOKING FOR") nothing is an acronym.
func (p *parser) acronym(i int32) bool {
	t := p.toks[i]
	if p.headline || t.flags&(tWord|tAllCaps|tInitial|tDigit) != tWord|tAllCaps || t.info&wTier1 != 0 {
		return false
	}
	n := t.end - t.start
	if n > 8 {
		return false
	}
	for k := t.start; k < t.end; k++ {
		if c := p.s[k]; c >= '0' && c <= '9' {
			return false
		}
	}
	return true
}

func (p *parser) placeUnit(ci, a, b int32, e gazEntry, sub bool) unit {
	k := KindPlace
	if e.group {
		k = KindGroup
	}
	return unit{a: a, b: b, ta: -1, chunk: ci, kind: k, place: e.place, sub: sub}
}

// nameUnits records the names of a chunk [a,b) that has no title. A
// chunk is one name unless it is a string of places and demonyms ("Sunni
// Arab") or a country noun after a locative preposition that runs into a
// person's name ("in Iraq Nechirvan Barzani").
func (p *parser) nameUnits(ci, a, b int32) {
	c := &p.sc.chunks[ci]
	m, e := p.gazAt(a, b)
	if m == b-a {
		c.unit = p.addUnit(p.placeUnit(ci, a, b, e, false))
		return
	}
	if k := p.knownAt(a, b); k > 0 && k < b-a && p.allGaz(a+k, b) {
		// "the Islamic State Sunni extremist group"
		p.addUnit(unit{a: a, b: a + k, ta: -1, chunk: ci, kind: KindOrg})
		p.gazUnits(ci, a+k, b)
		return
	}
	if p.knownAt(a, b) == b-a || p.orgName(a, b) {
		c.unit = p.addUnit(unit{a: a, b: b, ta: -1, chunk: ci, kind: KindOrg})
		return
	}
	if m > 0 {
		// A run of places and demonyms splits into one unit each.
		if p.allGaz(a+m, b) {
			p.gazUnits(ci, a, b)
			return
		}
		if !e.group && a == c.a && b-(a+m) >= 2 && c.a > 0 && p.lowerWord(c.a-1) && p.toks[c.a-1].info&wLocPrep != 0 {
			p.addUnit(p.placeUnit(ci, a, a+m, e, false))
			c.unit = p.addUnit(unit{a: a + m, b: b, ta: -1, chunk: ci})
			return
		}
	}
	u := unit{a: a, b: b, ta: -1, chunk: ci}
	if b-a == 1 && p.acronym(a) {
		u.kind = KindOrg
	}
	c.unit = p.addUnit(u)
}

// allGaz reports whether tokens [a,b) are a sequence of gazetteer names.
func (p *parser) allGaz(a, b int32) bool {
	for i := a; i < b; {
		m, _ := p.gazAt(i, b)
		if m == 0 {
			return false
		}
		i += m
	}
	return a < b
}

// gazUnits records one unit per gazetteer name in [a,b), which allGaz
// has approved.
func (p *parser) gazUnits(ci, a, b int32) {
	for i := a; i < b; {
		m, e := p.gazAt(i, b)
		p.sc.chunks[ci].unit = p.addUnit(p.placeUnit(ci, i, i+m, e, false))
		i += m
	}
}

// orgName reports a name whose head is an organisation word: its last
// word ("Iraqi Army") or the word before its first "of"/"for" ("Bureau of
// Alcohol, Tobacco and Firearms").
func (p *parser) orgName(a, b int32) bool {
	if b-a >= 2 && p.toks[b-1].info&wOrgHead != 0 {
		return true
	}
	for i := a + 1; i < b; i++ {
		if p.is(i, "of") || p.is(i, "for") || p.is(i, "on") {
			return p.toks[i-1].info&wOrgHead != 0 || p.knownAt(a, i) == i-a
		}
	}
	return false
}

func (p *parser) addUnit(u unit) int32 {
	u.acr = -1
	p.sc.units = append(p.sc.units, u)
	return int32(len(p.sc.units) - 1)
}

// index fills unitAt and chunkAt.
func (p *parser) index() {
	n := len(p.toks)
	sc := p.sc
	sc.unitAt = fill(sc.unitAt, n)
	sc.chunkAt = fill(sc.chunkAt, n)
	sc.chunkOf = fill(sc.chunkOf, n)
	for i, c := range sc.chunks {
		sc.chunkAt[c.a] = int32(i)
		for k := c.a; k < c.b; k++ {
			sc.chunkOf[k] = int32(i)
		}
	}
	for i, u := range sc.units {
		if sc.unitAt[u.a] < 0 {
			sc.unitAt[u.a] = int32(i)
		}
	}
}

func fill(s []int32, n int) []int32 {
	if cap(s) < n {
		s = make([]int32, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = -1
	}
	return s
}

// commonOpener reports a sentence-initial word whose ending marks it as
// an adverb ("Unfortunately, ..."), or as an abstract noun or participle
// when a lower-case word follows ("Confrontations with police...",
// "Inspired by..."). Endings that surnames share ("-ings", "-ers",
// "-ence") are left out.
func (p *parser) commonOpener(a int32) bool {
	t := p.toks[a]
	w := p.s[t.start:t.end]
	if hasSuffix(w, "ally", "ously", "ively", "fully", "ingly", "edly", "ately") {
		return true
	}
	if !p.lowerWord(a + 1) {
		return false
	}
	if hasSuffix(w, "tion", "tions", "sion", "sions", "ment", "ments", "ities", "ness", "nesses", "ism", "isms") {
		return true
	}
	// "Inspired by", "Concerning the": a participle before a function word.
	return p.toks[a+1].info&wTier1 != 0 && hasSuffix(w, "ed", "ing")
}

func hasSuffix(w string, sufs ...string) bool {
	for _, suf := range sufs {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
