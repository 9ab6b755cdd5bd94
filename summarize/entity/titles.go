package entity

// Span classes seen by the title phrase parser.
const (
	clsTitle  = iota // a chunk that is only a title: acts as the head
	clsPerson        // a person's name: ends a title unless possessive
	clsOther         // a place, group, organisation or unknown name
	clsMod           // a chunk of modifiers ("Defense")
	clsDrop          // not a name
)

// spanAt returns the name or chunk that starts at token q, if any, as the
// phrase parser steps over it whole.
func (p *parser) spanAt(q int32) (end int32, cls int, ok bool) {
	sc := p.sc
	if ci := sc.chunkAt[q]; ci >= 0 {
		c := sc.chunks[ci]
		switch c.role {
		case chTitle:
			return c.b, clsTitle, true
		case chMod:
			return c.b, clsMod, true
		case chDrop:
			return c.b, clsDrop, true
		}
		if sc.unitAt[q] < 0 {
			if c.unit >= 0 && sc.units[c.unit].kind == KindPerson {
				return c.b, clsPerson, true
			}
			return c.b, clsOther, true
		}
	}
	if ui := sc.unitAt[q]; ui >= 0 {
		u := sc.units[ui]
		if u.dropped {
			return u.b, clsDrop, true
		}
		if u.kind == KindPerson && !u.sub {
			return u.b, clsPerson, true
		}
		return u.b, clsOther, true
	}
	return 0, 0, false
}

// parenAcronym steps over "(KRG)" at q.
func (p *parser) parenAcronym(q, limit int32) int32 {
	if q+2 < limit && p.punct(q, '(') && p.word(q+1) && p.toks[q+1].flags&(tAllCaps|tInitial) != 0 && p.punct(q+2, ')') {
		return q + 3
	}
	return q
}

// phrase reads a title phrase starting at token s and not reaching limit,
// and returns where it ends, or -1. The grammar, in words:
//
//	[determiner] (modifier | place | organisation | possessive name)*
//	head (head | modifier)* (preposition [determiner] words-or-name)*
//
// "a special agent with the Bureau of Alcohol, Tobacco and Firearms",
// "Iraq's former prime minister", "Revolutionary Guards' top commander",
// "President of the Kurdistan region in Iraq". The phrase ends with its
// last head or complement, never with a bare modifier.
func (p *parser) phrase(s, limit int32) int32 {
	q := s
	if q < limit && p.word(q) && p.toks[q].info&wDet != 0 {
		q++
	}
	headEnd := int32(-1)
pre:
	for q < limit {
		if end, cls, ok := p.spanAt(q); ok {
			if end > limit {
				break
			}
			poss := p.toks[end-1].flags&tPoss != 0
			switch {
			case cls == clsTitle:
				q = p.parenAcronym(end, limit)
				headEnd = q
				continue
			case cls == clsDrop, cls == clsPerson && !poss:
				break pre
			}
			q = end
			continue
		}
		t := p.toks[q]
		if t.flags&tWord == 0 {
			break
		}
		if p.isHead(q) || q == headEnd && t.flags&tLower != 0 && t.info&wOrgWord != 0 {
			// A trailing organisation noun belongs to the head: "President
			// of the Kurdistan region".
			q++
			headEnd = q
			continue
		}
		if t.info&(wMod|wPortfolio|wFormer|wOrgWord) != 0 || t.flags&(tLower|tPoss) == tLower|tPoss {
			q++
			continue
		}
		// Two heads joined: "creator and CEO", "chairman and chief executive".
		if q == headEnd && p.is(q, "and") && p.word(q+1) && p.toks[q+1].info&(wHead|wMod) != 0 {
			q++
			continue
		}
		break
	}
	if headEnd < 0 {
		return -1
	}
	q = headEnd
	for q < limit && p.lowerWord(q) && p.toks[q].info&wPrep != 0 {
		k := q + 1
		if k < limit && p.lowerWord(k) && p.toks[k].info&wDet != 0 {
			k++
		}
		// Lower-case words of the complement ("professor of marketing at
		// the Wharton School"): a few, and no function words or verbs of
		// reporting, which would mean the sentence has moved on.
		words := 0
		for k < limit && words < 3 && p.lowerWord(k) && p.toks[k].info&(wTier1|wSayVerb) == 0 {
			k++
			words++
		}
		named := false
		if k < limit {
			// A name ends the complement, but not a possessive one, which
			// belongs to what follows ("economist of Istanbul's Bank
			// Ekspres").
			if end, cls, ok := p.spanAt(k); ok && end <= limit && cls != clsDrop && p.toks[end-1].flags&tPoss == 0 {
				k = end
				named = true
				for k < limit && p.lowerWord(k) && p.toks[k].info&wOrgWord != 0 {
					k++
				}
				k = p.parenAcronym(k, limit)
			}
		}
		// Bare lower-case words must lead to another complement or to the
		// end of the phrase, not run straight into a name ("trials
		// comparing Avonex").
		if !named && (words == 0 || k < limit && !(p.lowerWord(k) && p.toks[k].info&wPrep != 0) && !p.terminator(k)) {
			break
		}
		q = k
	}
	return q
}

// terminator reports whether an appositive title may end before token e:
// at punctuation that closes the apposition, the end of the sentence, or
// a reporting verb ("X, the defense minister said").
func (p *parser) terminator(e int32) bool {
	if int(e) >= len(p.toks) {
		return true
	}
	t := p.toks[e]
	if t.flags&tPunct != 0 {
		switch t.r {
		case ',', '.', ';', ':', ')', '!', '?', '\u2014', '\u2013', '"', '\u201d', '\'', '\u2019':
			return true
		}
		return false
	}
	return t.flags&tLower != 0 && (t.info&wSayVerb != 0 || p.is(e, "who"))
}

// titleMayEnd reports whether a title phrase can end with token e: a head
// word, a trailing organisation noun, a name (a complement or a title
// chunk) or the parenthesis closing an acronym. Most names are preceded by
// none of these, which spares trying every start.
func (p *parser) titleMayEnd(e int32) bool {
	if e < 0 {
		return false
	}
	t := p.toks[e]
	if t.flags&tPunct != 0 {
		return t.r == ')'
	}
	return t.info&(wHead|wOrgWord) != 0 || p.sc.chunkOf[e] >= 0
}

// validStart reports whether a title may start at token s: a word that is
// not in the middle of a name.
func (p *parser) validStart(s int32) bool {
	if !p.word(s) {
		return false
	}
	if ci := p.sc.chunkOf[s]; ci >= 0 && p.sc.chunks[ci].a != s && p.sc.unitAt[s] < 0 {
		return false
	}
	return true
}

// titles attaches titles to the names that can be persons: the title in
// front inside the same chunk (extended back over "the", "former" and
// the like), a title right before the name, an appositive after it
// ("X, the defense minister,"), or one before it set off by a comma ("the
// President of the KRG, Nechirvan Barzani").
func (p *parser) titles() {
	sc := p.sc
	n := int32(len(p.toks))
	for ui := range sc.units {
		u := &sc.units[ui]
		if u.sub || u.dropped || u.kind == KindPlace || u.kind == KindGroup || u.kind == KindOrg {
			continue
		}
		c := sc.chunks[u.chunk]
		if u.ta >= 0 {
			u.ta = p.extendBack(u.ta)
			continue
		}
		for s := max(0, u.a-16); s < u.a && p.titleMayEnd(u.a-1); s++ {
			if p.validStart(s) && p.phrase(s, u.a) == u.a {
				u.ta, u.tb = s, u.a
				break
			}
		}
		if u.ta >= 0 {
			continue
		}
		if u.b == c.b && p.punct(u.b, ',') {
			s := u.b + 1
			if p.word(s) && p.toks[s].flags&tDigit != 0 && p.punct(s+1, ',') {
				s += 2
			}
			if e := p.phrase(s, n); e > s && p.terminator(e) {
				u.ta, u.tb = s, e
				continue
			}
		}
		if u.a == c.na && c.na == c.a && p.punct(u.a-1, ',') && p.terminator(u.b) {
			comma := u.a - 1
			for s := max(0, comma-16); s < comma; s++ {
				if !p.validStart(s) {
					continue
				}
				if p.toks[s].info&wDet == 0 {
					end, _, ok := p.spanAt(s)
					if !ok || p.toks[end-1].flags&tPoss == 0 {
						continue
					}
				}
				if p.phrase(s, comma) == comma {
					u.ta, u.tb = s, comma
					break
				}
			}
		}
	}
}

// extendBack widens a title found inside a chunk to the words before the
// chunk that belong to it: "former", "the", "Iraq's", "Revolutionary
// Guards'".
func (p *parser) extendBack(ta int32) int32 {
	sc := p.sc
	for s := ta - 1; s >= 0; {
		t := p.toks[s]
		if t.flags&tWord == 0 {
			break
		}
		if t.info&wDet != 0 {
			return s
		}
		if t.flags&tLower != 0 {
			if t.info&(wMod|wFormer|wPortfolio|wOrgWord) != 0 || t.flags&tPoss != 0 {
				ta = s
				s--
				continue
			}
			break
		}
		ci := sc.chunkOf[s]
		if ci < 0 || sc.chunks[ci].b-1 != s {
			break
		}
		c := sc.chunks[ci]
		if c.role == chName && c.unit >= 0 && sc.units[c.unit].kind == KindPerson && t.flags&tPoss == 0 {
			break
		}
		if c.role == chDrop {
			break
		}
		ta = c.a
		s = c.a - 1
	}
	return ta
}

// acronyms records "Name (ACR)" definitions and drops the acronym itself
// as a mention: it is the name's alias, not a second name.
func (p *parser) acronyms() {
	sc := p.sc
	for ui := range sc.units {
		u := &sc.units[ui]
		if u.dropped || u.kind == KindPerson && !u.sub && u.ta >= 0 {
			continue
		}
		q := u.b
		if !p.punct(q, '(') || !p.word(q+1) || p.toks[q+1].flags&(tAllCaps|tInitial) == 0 || !p.punct(q+2, ')') {
			continue
		}
		if !p.initialsMatch(u.a, u.b, q+1) {
			continue
		}
		u.acr = q + 1
		if ci := sc.chunkOf[q+1]; ci >= 0 {
			sc.chunks[ci].role = chDrop
			// Units are recorded chunk by chunk, so the acronym's own
			// units follow this one.
			for k := ui + 1; k < len(sc.units) && sc.units[k].chunk <= ci; k++ {
				if sc.units[k].chunk == ci {
					sc.units[k].dropped = true
				}
			}
		}
	}
}

// initialsMatch reports whether the capital letters of the acronym at
// token ai appear, in order, among the initials of the words [a,b):
// "KRG" in "Kurdistan Regional Government", "ATF" in "Bureau of Alcohol,
// Tobacco and Firearms".
func (p *parser) initialsMatch(a, b, ai int32) bool {
	t := p.toks[ai]
	acr := p.s[t.start:t.end]
	k := a
	letters := 0
	for i := 0; i < len(acr); i++ {
		c := acr[i]
		if c == '.' {
			continue
		}
		if c < 'A' || c > 'Z' {
			return false
		}
		letters++
		for ; k < b; k++ {
			if !p.word(k) {
				continue
			}
			w := p.s[p.toks[k].start]
			if w >= 'a' && w <= 'z' {
				w -= 'a' - 'A'
			}
			if w == c {
				break
			}
		}
		if k >= b {
			return false
		}
		k++
	}
	return letters >= 2
}

// kinds decides the kind of names that nothing has classified yet.
func (p *parser) kinds() {
	sc := p.sc
	for ui := range sc.units {
		u := &sc.units[ui]
		if u.dropped || u.kind != KindUnknown {
			continue
		}
		if u.ta >= 0 {
			u.kind = KindPerson
			continue
		}
		words := 0
		person := false
		for i := u.a; i < u.b; i++ {
			t := p.toks[i]
			if t.flags&tWord == 0 {
				continue
			}
			words++
			if i > u.a && i < u.b-1 && t.flags&tLower != 0 && t.info&wPersonParticle != 0 {
				person = true
			}
			if i > u.a && i < u.b-1 && t.flags&tInitial != 0 && t.end-t.start == 2 {
				person = true // "Lloyd J. Austin"
			}
		}
		if words >= 2 {
			if p.toks[u.a].info&wGiven != 0 && p.toks[u.a].flags&tAllCaps == 0 {
				person = true
			}
			if p.lowerWord(u.b) && p.toks[u.b].info&wSayVerb != 0 && p.toks[u.b-1].flags&tPoss == 0 {
				person = true
			}
			if p.lowerWord(u.a-1) && p.toks[u.a-1].info&wSayVerb != 0 {
				person = true
			}
		}
		if p.punct(u.b, ',') && p.word(u.b+1) && p.toks[u.b+1].flags&tDigit != 0 && p.punct(u.b+2, ',') {
			person = true // "Gilliam, 27,"
		}
		if person {
			u.kind = KindPerson
		}
	}
}

// emit turns the units into Mentions.
func (p *parser) emit() []Mention {
	sc := p.sc
	count := 0
	for _, u := range sc.units {
		if !u.dropped {
			count++
		}
	}
	if count == 0 {
		return nil
	}
	out := make([]Mention, 0, count)
	lastEnd := int32(-1)
	for _, u := range sc.units {
		if u.dropped {
			continue
		}
		start, end := p.toks[u.a].start, p.toks[u.b-1].end
		if start < lastEnd || end <= start {
			continue
		}
		lastEnd = end
		m := Mention{
			Start: int(start),
			End:   int(end),
			Text:  p.s[start:end],
			Key:   p.key(u.a, u.b),
			Kind:  u.kind,
			Place: u.place,
		}
		if u.ta >= 0 && u.tb > u.ta {
			m.TitleStart = int(p.toks[u.ta].start)
			m.TitleEnd = int(p.toks[u.tb-1].full)
			m.Title = p.s[m.TitleStart:m.TitleEnd]
		}
		if u.acr >= 0 {
			t := p.toks[u.acr]
			m.Acronym = stripPeriods(p.s[t.start:t.end])
		}
		out = append(out, m)
	}
	return out
}

// key builds the Key of the name in tokens [a,b); Normalize applies the
// same rules to free text.
func (p *parser) key(a, b int32) string {
	buf := p.sc.buf[:0]
	for i := a; i < b; i++ {
		t := p.toks[i]
		if t.flags&tWord == 0 {
			if t.r == '&' {
				buf = append(buf, " &"...)
			}
			continue
		}
		w := p.s[t.start:t.end]
		if isArticleParticle(w) && i+1 < b && (t.flags&(tJoinNext|tLower) != 0 || i > a) {
			continue
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		buf = appendFold(buf, w)
	}
	p.sc.buf = buf
	return string(buf)
}

func stripPeriods(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			b := make([]byte, 0, len(s))
			for j := 0; j < len(s); j++ {
				if s[j] != '.' {
					b = append(b, s[j])
				}
			}
			return string(b)
		}
	}
	return s
}
