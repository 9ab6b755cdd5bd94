package quote

// verbCls is what a speech verb says by itself about how words were
// delivered.
type verbCls uint8

const (
	clsSay verbCls = iota
	clsTell
	clsTweet
	clsWrite
	clsPost
)

func clsOf(f flag) verbCls {
	switch {
	case f&fTellCls != 0:
		return clsTell
	case f&fTweetCls != 0:
		return clsTweet
	case f&fWriteCls != 0:
		return clsWrite
	case f&fPostCls != 0:
		return clsPost
	}
	return clsSay
}

func (c verbCls) mode() Mode {
	switch c {
	case clsTell:
		return Told
	case clsTweet:
		return Tweeted
	case clsWrite:
		return Wrote
	case clsPost:
		return Posted
	}
	return Said
}

// prio orders modes from the least to the most specific. When a clause
// names several channels ("told the BBC in an interview") the most specific
// one wins.
func prio(m Mode) int {
	switch m {
	case Said:
		return 0
	case According:
		return 1
	case Told:
		return 2
	case Wrote:
		return 3
	case Posted:
		return 4
	case Tweeted:
		return 5
	case Statement:
		return 6
	case Interview:
		return 7
	}
	return -1
}

func stronger(a, b Mode) Mode {
	if prio(b) > prio(a) {
		return b
	}
	return a
}

// attr is an Attribution with the token positions the quotation rules
// need.
type attr struct {
	Attribution
	first, last int // tokens spanned by the speaker and the verb phrase
	verb        int
	v0          int  // first token of the verb phrase
	spk0, spk1  int  // speaker tokens [spk0, spk1), -1 when none
	trailing    bool // follows a comma, dash or quotation: reports what came before
	inverted    bool // the verb comes before the speaker: "...," said Austin
	relative    bool // in a relative clause: "an official who asked not to be named"
	in0, in1    int  // tokens of a parenthetical between speaker and verb ("X, in a communique, said"), in0 = -1 when none
	from        int  // the attribution whose speaker this one shares, -1
}

func (sc *scratch) newAttr(v int) attr {
	a := attr{verb: v, spk0: -1, spk1: -1, from: -1, first: v, last: v, in0: -1}
	a.SpeakerStart, a.SpeakerEnd = -1, -1
	return a
}

func (sc *scratch) setSpeaker(a *attr, s0, s1 int) {
	a.spk0, a.spk1 = s0, s1
	a.SpeakerStart, a.SpeakerEnd = sc.toks[s0].s, sc.toks[s1-1].e
	a.Speaker = sc.s[a.SpeakerStart:a.SpeakerEnd]
	a.Pronoun = s1-s0 == 1 && sc.fl(s0)&fPron != 0 && !sc.toks[s0].caps
	a.first, a.last = min(a.first, s0), max(a.last, s1-1)
}

func (sc *scratch) setRole(a *attr, r0, r1 int) {
	a.SpeakerRole = sc.s[sc.toks[r0].s:sc.toks[r1-1].e]
	a.first, a.last = min(a.first, r0), max(a.last, r1-1)
}

// setVerb sets the verb phrase to tokens v0 through v1.
func (sc *scratch) setVerb(a *attr, v0, v1 int) {
	a.v0 = v0
	a.VerbStart, a.VerbEnd = sc.toks[v0].s, sc.toks[v1].e
	a.Verb = sc.s[a.VerbStart:a.VerbEnd]
	a.first, a.last = min(a.first, v0), max(a.last, v1)
}

func (sc *scratch) setAudience(a *attr, a0, a1 int) {
	a.Audience = sc.s[sc.toks[a0].s:sc.toks[a1-1].e]
}

// share copies the speaker of another clause without widening a's own
// token span, which must stay where the verb is for the quotation rules.
func (sc *scratch) share(a *attr, s0, s1 int) {
	first, last := a.first, a.last
	sc.setSpeaker(a, s0, s1)
	a.first, a.last = first, last
}

func (sc *scratch) findAttributions() {
	for i := 0; i < len(sc.toks); i++ {
		if sc.toks[i].kind != kWord {
			continue
		}
		f := sc.fl(i)
		switch {
		case f&fAccording != 0:
			i = sc.according(i)
		case f&fQuoted != 0:
			i = sc.quotedAs(i)
		case f&fVerb == 0:
		case f&fIng != 0:
			i = sc.participle(i, f)
		default:
			i = sc.finite(i, f)
		}
	}
	if len(sc.atts) > 0 {
		sc.anonymity()
	}
}

// vgroup is the auxiliaries and adverbs in front of a verb.
type vgroup struct {
	start   int // first token of the verb phrase (an auxiliary, else the verb)
	p       int // the token before the group
	neg     bool
	inf     bool // "to say": declined to say, wanted to tell
	passive bool // "is said to", "was told"
	modal   bool
}

func (sc *scratch) group(v int) vgroup {
	g := vgroup{start: v}
	j := v - 1
	seenAux := false
loop:
	for ; j >= 0; j-- {
		f := sc.fl(j)
		switch {
		case f&fNeg != 0:
			g.neg = true
		case f&fAux != 0:
			if !seenAux && f&fBe != 0 {
				g.passive = true
			}
			if f&fModal != 0 {
				g.modal = true
			}
			seenAux = true
			g.start = j
		case f&fAdv != 0:
		default:
			g.inf = sc.is(j, "to")
			break loop
		}
	}
	g.p = j
	return g
}

// skipTimeBack steps back over a time expression between subject and verb:
// Austin on Tuesday said.
func (sc *scratch) skipTimeBack(p int) int {
	seen := false
	for j := p; j >= 0; j-- {
		f := sc.fl(j)
		switch {
		case f&fTime != 0, sc.kind(j) == kWord && sc.toks[j].digit && sc.fl(j-1)&fMonth != 0:
			seen = true
		case seen && (sc.is(j, "on") || sc.is(j, "last") || sc.is(j, "this") || sc.is(j, "late") ||
			sc.is(j, "early") || sc.is(j, "next") || sc.is(j, "in")):
		case f&fAdv != 0:
		default:
			return j
		}
	}
	return -1
}

// finite handles a finite speech verb or a bare "say"/"tell" at v and
// returns the last token it consumed.
func (sc *scratch) finite(v int, f flag) int {
	g := sc.group(v)
	if g.neg || g.inf || g.passive && f&fIng == 0 {
		return v
	}
	if f&fBase != 0 && g.modal {
		return v
	}
	if g.start == v && sc.fl(v-1)&fDet != 0 && !sc.is(v-1, "that") {
		return v // a tweet, his posts: nouns
	}
	if sc.is(v, "said") && (sc.is(v-1, "that") && sc.punct(v+1, ",") || sc.is(v-1, "having")) {
		return v // "That said," and "having said that" report nothing
	}
	cls := clsOf(f)
	a := sc.newAttr(v)
	p := sc.skipTimeBack(g.p)
	a.relative = sc.fl(p)&fRel != 0
	inverted := sc.subject(&a, p, v, cls)
	if f&fBase != 0 && (inverted || a.spk0 < 0) {
		return v
	}
	sc.setVerb(&a, g.start, v)
	return sc.finish(&a, v, f, cls, inverted)
}

// subject finds the speaker of the verb at v, whose group is preceded by
// token p. It reports whether the speaker follows the verb instead; the
// caller then reads it forwards.
func (sc *scratch) subject(a *attr, p, v int, cls verbCls) (inverted bool) {
	switch {
	case p < 0:
		return cls != clsTell
	case sc.kind(p) == kQuote, sc.punct(p, ",—–-") && sc.kind(p-1) == kQuote:
		return cls != clsTell
	case sc.punct(p, ","):
		if sc.appositiveFirst(p) {
			sc.appositive(a, p)
			return false
		}
		if cls != clsTell && sc.invertsAfterComma(v+1) {
			return true
		}
		sc.appositive(a, p)
	case sc.is(p, "and") || sc.is(p, "but"):
		sc.shareSpeaker(a, v)
	case sc.kind(p) == kWord:
		if s0, s1, ok := sc.backwardNP(p); ok {
			sc.setSpeaker(a, s0, s1)
		} else {
			sc.relative(a, p)
		}
	case sc.punct(p, "—–-"):
		// The senator – who faces re-election – said
		if j := sc.prevDelim(p, sc.toks[p].r); j >= 1 {
			sc.parenthetical(a, j, p)
			return false
		}
		return cls != clsTell
	case sc.punct(p, "(:;"):
		return cls != clsTell
	}
	return false
}

// finish reads what follows the verb (audience, inverted speaker, channel),
// works out the mode and keeps the attribution if it holds.
func (sc *scratch) finish(a *attr, v int, f flag, cls verbCls, inverted bool) int {
	end := v
	if cls == clsTell {
		if a0, a1, ok := sc.forwardNP(v+1, npObj|npLower|npPron); ok {
			sc.setAudience(a, a0, a1)
			sc.setVerb(a, a.v0, a1-1)
			end = a1 - 1
		}
	}
	k := end + 1
	if inverted {
		a.inverted = true
		if s0, s1, ok := sc.forwardNP(k, npLower|npPrepFor|npPron); ok {
			sc.setSpeaker(a, s0, s1)
			k = sc.roleAfter(a, s1)
		}
	}
	ch := sc.tail(k, cls)
	if ch.end >= 0 && !inverted {
		sc.setVerb(a, a.v0, ch.end)
	}
	mode := cls.mode()
	mode = stronger(mode, ch.mode)
	if a.Audience == "" && ch.aud0 >= 0 {
		sc.setAudience(a, ch.aud0, ch.aud1)
	}
	if a.spk0 < 0 && ch.src0 >= 0 {
		sc.share(a, ch.src0, ch.src1)
	}
	if a.in0 >= 0 {
		// Iran's foreign ministry, in a communique, said; Putin, speaking
		// at a news conference, said
		x := a.in0
		if sc.fl(x)&fSpeaking != 0 {
			x++
		}
		if in := sc.tail(x, cls); in.next >= a.in1 && in.mode != "" {
			mode = stronger(mode, in.mode)
			if a.Audience == "" && in.aud0 >= 0 {
				sc.setAudience(a, in.aud0, in.aud1)
			}
		}
	}
	if a.spk0 >= 0 && !inverted {
		pre := sc.preChannel(a.spk0, cls)
		mode = stronger(mode, pre.mode)
		if a.Audience == "" && pre.aud0 >= 0 {
			sc.setAudience(a, pre.aud0, pre.aud1)
		}
	}
	if a.spk0 >= 0 && a.from < 0 {
		mode = stronger(mode, sc.headMode(a.spk0, a.spk1))
		if s0, s1, ok := sc.statementSource(a.spk0, a.spk1); ok {
			sc.share(a, s0, s1)
		}
	}
	a.Mode = mode
	after := max(k, ch.next)
	if f&fStrong == 0 && !sc.weakOK(a, after) {
		return v
	}
	a.trailing = sc.punct(a.first-1, ",—–") || sc.kind(a.first-1) == kQuote
	sc.atts = append(sc.atts, *a)
	return max(v, after-1)
}

// participle handles "..., saying", "..., adding that": the speaker is the
// subject of the clause the participle hangs on. After an auxiliary ("is
// saying") it is an ordinary verb phrase.
func (sc *scratch) participle(v int, f flag) int {
	p := v - 1
	switch {
	case sc.punct(p, ",—–") || sc.is(p, "and") || sc.is(p, "while") || sc.is(p, "before") ||
		sc.is(p, "after") || sc.is(p, "by") || sc.is(p, "when"):
	case sc.fl(p)&fAux != 0 || sc.fl(p)&fAdv != 0 && sc.fl(p-1)&fAux != 0:
		return sc.finite(v, f)
	default:
		return v
	}
	cls := clsOf(f)
	a := sc.newAttr(v)
	sc.setVerb(&a, v, v)
	sc.shareSpeaker(&a, v)
	return sc.finish(&a, v, f, cls, false)
}

// shareSpeaker gives a the speaker of the latest attribution before v in
// the same clause chain, else the subject of the main clause.
func (sc *scratch) shareSpeaker(a *attr, v int) {
	for k := len(sc.atts) - 1; k >= 0 && sc.atts[k].verb > v-maxReach; k-- {
		b := &sc.atts[k]
		if b.verb >= v || b.spk0 < 0 {
			continue
		}
		for j := b.last + 1; j < v; j++ {
			if sc.punct(j, ";") {
				return
			}
		}
		sc.share(a, b.spk0, b.spk1)
		a.SpeakerRole = b.SpeakerRole
		a.from = k
		return
	}
	if s0, s1, ok := sc.mainSubject(); ok && s1 <= v {
		sc.share(a, s0, s1)
	}
}

// mainSubject is the noun phrase that opens the sentence, after any leading
// quotation and adverbial ("On Tuesday, the minister resigned, saying").
func (sc *scratch) mainSubject() (int, int, bool) {
	if !sc.mainDone {
		sc.mainDone = true
		sc.main0, sc.main1 = -1, -1
		n := len(sc.toks)
		i := 0
		for i < n && sc.toks[i].kind != kWord {
			i++
		}
		if i < n && (sc.fl(i)&(fPrep|fBoundary|fAdv|fSpeaking|fIng) != 0 || sc.suffix(i, "ing")) {
			j := i
			for j < n && j < i+16 && !sc.punct(j, ",") {
				j++
			}
			i = n
			if sc.punct(j, ",") {
				i = j + 1
			}
		}
		if s0, s1, ok := sc.forwardNP(i, npLower|npPron); ok {
			sc.main0, sc.main1 = s0, s1
		}
	}
	return sc.main0, sc.main1, sc.main0 >= 0
}

// quotedAs handles "was quoted as saying" and "was quoted by X as saying".
func (sc *scratch) quotedAs(v int) int {
	j := v + 1
	a := sc.newAttr(v)
	aud0, aud1 := -1, -1
	if sc.is(j, "by") {
		a0, a1, ok := sc.forwardNP(j+1, npLower)
		if !ok {
			return v
		}
		aud0, aud1, j = a0, a1, a1
	}
	if !sc.is(j, "as") || !(sc.is(j+1, "saying") || sc.is(j+1, "telling")) {
		return v
	}
	g := sc.group(v)
	if g.neg {
		return v
	}
	cls := clsSay
	if sc.is(j+1, "telling") {
		cls = clsTell
	}
	sc.subject(&a, sc.skipTimeBack(g.p), v, clsTell)
	sc.setVerb(&a, g.start, j+1)
	if aud0 >= 0 {
		sc.setAudience(&a, aud0, aud1)
	}
	a.Mode = Said
	if a.spk0 >= 0 {
		a.Mode = stronger(a.Mode, sc.headMode(a.spk0, a.spk1))
	}
	if cls == clsTell {
		return sc.finish(&a, j+1, fStrong, cls, false)
	}
	a.trailing = sc.punct(a.first-1, ",—–") || sc.kind(a.first-1) == kQuote
	sc.atts = append(sc.atts, a)
	return j + 1
}

// according handles "according to X".
func (sc *scratch) according(v int) int {
	if !sc.is(v+1, "to") {
		return v
	}
	a := sc.newAttr(v)
	sc.setVerb(&a, v, v+1)
	end := v + 1
	a.Mode = According
	if s0, s1, ok := sc.forwardNP(v+2, npObj|npLower|npPrepFor|npPron); ok {
		sc.setSpeaker(&a, s0, s1)
		a.Mode = stronger(a.Mode, sc.headMode(s0, s1))
		end = s1 - 1
		if x0, x1, ok := sc.statementSource(s0, s1); ok {
			sc.share(&a, x0, x1)
			end = max(end, x1-1)
		}
	}
	ch := sc.tail(end+1, clsSay)
	a.Mode = stronger(a.Mode, ch.mode)
	if ch.aud0 >= 0 {
		sc.setAudience(&a, ch.aud0, ch.aud1)
	}
	a.trailing = sc.punct(v-1, ",—–") || sc.kind(v-1) == kQuote
	sc.atts = append(sc.atts, a)
	return max(end, ch.next-1)
}

// backwardNP reads the noun phrase that ends at token p, right to left: a
// pronoun, a name with its titles, or a common noun with its modifiers back
// to a determiner ("a senior US defense official"), possibly with
// prepositional parts ("the head of the UN agency", "officials in Baghdad").
func (sc *scratch) backwardNP(p int) (int, int, bool) {
	if sc.kind(p) != kWord {
		return 0, 0, false
	}
	f := sc.fl(p)
	if f&fPron != 0 && !sc.toks[p].caps {
		return p, p + 1, true
	}
	// "Media reports said": a verb form in -s heading the phrase is a noun.
	headOK := sc.nounish(p) || f&fVerb != 0 && f&(fBase|fIng) == 0 && sc.plural(p)
	if !headOK && f&(verbish|fBoundary|fPrep|fObjPron|fAdv|fDet|fTime) != 0 {
		return 0, 0, false
	}
	i := p
	det, closed, unknown := false, false, false
	for ; i >= 0 && p-i < 12; i-- {
		t := &sc.toks[i]
		if t.kind == kApos {
			continue
		}
		if t.kind != kWord {
			closed = true
			break
		}
		if i == p || sc.name(i) {
			continue
		}
		f := sc.fl(i)
		if f&fDet != 0 {
			// a spokesman for the ministry: this determiner may open the
			// object of a preposition inside the phrase.
			if (sc.fl(i-1)&fContPrep != 0 || sc.is(i-1, "to")) &&
				(sc.nounish(i-2) || sc.is(i-2, "familiar") || sc.is(i-2, "close")) {
				i -= 2
				continue
			}
			det = true
			i--
			break
		}
		if f&fContPrep != 0 && sc.nounish(i-1) {
			continue
		}
		if f&(verbish|fBoundary|fRel|fPrep|fPron|fObjPron|fAdv|fTime) != 0 {
			closed = f&(fBoundary|fRel) != 0
			break
		}
		if sc.suffix(i, "ly") || sc.suffix(i, "ed") && f&fMod == 0 || sc.suffix(i, "ing") {
			break
		}
		if !sc.nounish(i) && !t.digit {
			unknown = true
		}
	}
	if i < 0 {
		closed = true
	}
	s0 := i + 1
	for s0 < p && sc.kind(s0) != kWord {
		s0++
	}
	if s0 > p || !headOK && !det || unknown && !det && !closed {
		return 0, 0, false
	}
	return s0, p + 1, true
}

type npOpt uint8

const (
	npPron    npOpt = 1 << iota // a subject pronoun may be the phrase
	npObj                       // an object pronoun may be the phrase ("told him")
	npLower                     // may open with a bare common noun ("police", "reporters")
	npPrepFor                   // for/at/with/from may continue a common noun ("a spokesman for the ministry")
)

// forwardNP reads the noun phrase that starts at token k and returns its
// tokens [s0, s1). Words after the last plausible head are dropped: "the
// minister late on Tuesday" gives "the minister".
func (sc *scratch) forwardNP(k int, opt npOpt) (int, int, bool) {
	n := len(sc.toks)
	if sc.kind(k) != kWord {
		return 0, 0, false
	}
	f := sc.fl(k)
	if f&fPron != 0 && f&fObjPron == 0 && !sc.toks[k].caps {
		if opt&npPron != 0 {
			return k, k + 1, true
		}
		return 0, 0, false
	}
	if f&fObjPron != 0 && (f&fDet == 0 || !sc.nounStart(k+1)) {
		if opt&(npObj|npPron) != 0 && (opt&npObj != 0 || f&fPron != 0) {
			return k, k + 1, true
		}
		return 0, 0, false
	}
	i := k
	det := false
	switch {
	case f&fDet != 0:
		det = true
		i++
	case sc.toks[k].cap || sc.toks[k].digit:
	case opt&npLower != 0 || sc.nounish(k):
	default:
		return 0, 0, false
	}
	head := -1
	for words := 0; i < n && words < 10 && i < k+24; i++ {
		t := &sc.toks[i]
		if t.kind == kApos && head == i-1 {
			continue
		}
		if t.kind != kWord {
			break
		}
		f := sc.fl(i)
		if sc.name(i) {
			head = i
			words++
			continue
		}
		if f&(fTime|fMonth) != 0 {
			break
		}
		if f&fContPrep != 0 {
			if head >= 0 && head == i-1 && sc.nounStart(i+1) &&
				(sc.is(i, "of") || opt&npPrepFor != 0 && !sc.toks[head].cap && !sc.is(i, "in")) {
				continue
			}
			break
		}
		if f&fDet != 0 {
			if words > 0 && head == i-1 {
				break
			}
			continue
		}
		if f&(verbish|fBoundary|fPrep|fPron|fObjPron|fAdv|fRelease|fSpeaking) != 0 {
			break
		}
		if sc.suffix(i, "ly") || sc.suffix(i, "ed") && f&fMod == 0 || sc.suffix(i, "ing") {
			break
		}
		if sc.nounish(i) {
			head = i
		}
		words++
	}
	if head < 0 {
		if !det || i <= k+1 {
			return 0, 0, false
		}
		head = i - 1
		for head > k && sc.kind(head) != kWord {
			head--
		}
	}
	return k, head + 1, true
}

// nounStart reports a token that can open a noun phrase.
func (sc *scratch) nounStart(j int) bool {
	if sc.kind(j) != kWord {
		return false
	}
	return sc.fl(j)&fDet != 0 || sc.toks[j].digit || sc.nounish(j)
}

// appositiveStart reports a token that can open an appositive: "a special
// agent", "the defense secretary", "45", "Iraq's prime minister".
func (sc *scratch) appositiveStart(k int) bool {
	if sc.kind(k) != kWord {
		return false
	}
	f := sc.fl(k)
	if f&(fRel|fBoundary|fPrep|verbish|fSpeaking|fPron) != 0 || sc.suffix(k, "ing") {
		return false
	}
	return f&fDet != 0 || sc.toks[k].digit || sc.nounish(k) || sc.toks[k].cap
}

// appositiveFirst decides "X, <inner>, said" before the inverted reading is
// tried: the inner part is a relative clause, a participle or a plain noun
// phrase, not a clause of its own ("the plan will fail, said Jones").
func (sc *scratch) appositiveFirst(p int) bool {
	j := sc.prevComma(p)
	if j < 1 {
		return false
	}
	k := j + 1
	if sc.fl(k)&fRel != 0 && !sc.is(k, "that") || sc.fl(k)&fSpeaking != 0 || sc.suffix(k, "ing") {
		return true
	}
	if !sc.appositiveStart(k) {
		return false
	}
	for x := k; x < p; x++ {
		if sc.kind(x) == kQuote || sc.fl(x)&verbish != 0 {
			return false
		}
	}
	return true
}

// prevComma finds the comma that opens the comma-delimited part ending at
// the comma p, or -1.
func (sc *scratch) prevComma(p int) int { return sc.prevDelim(p, ',') }

// prevDelim finds the delimiter d that opens the part ending at token p,
// or -1. Dashes pair with any dash.
func (sc *scratch) prevDelim(p int, d rune) int {
	dash := d == '—' || d == '–' || d == '-'
	for j := p - 1; j >= 0 && p-j <= 25; j-- {
		t := &sc.toks[j]
		if t.kind == kQuote {
			return -1
		}
		if t.kind != kPunct {
			continue
		}
		switch {
		case t.r == d || dash && (t.r == '—' || t.r == '–' || t.r == '-'):
			if j < p-1 {
				return j
			}
			return -1
		case t.r == ';' || t.r == ':' || t.r == '.' || t.r == '?' || t.r == '!' || t.r == ',' && dash:
			return -1
		}
	}
	return -1
}

// appositive handles "X, <inner>, said" with p the second comma: X is the
// speaker, and the inner part is its role when it is a noun phrase ("David
// Pasqualotto, a special agent with the FBI, said").
func (sc *scratch) appositive(a *attr, p int) {
	if j := sc.prevComma(p); j >= 1 {
		sc.parenthetical(a, j, p)
	}
}

// parenthetical handles a speaker X in "X, <inner>, said" (or dashes),
// with j and p the delimiters around the inner part.
func (sc *scratch) parenthetical(a *attr, j, p int) {
	r0 := j + 1
	// An age before the appositive: Maria Santos, 62, a resident, said.
	if sc.kind(j-1) == kWord && sc.toks[j-1].digit && sc.punct(j-2, ",") {
		r0, j = j-1, j-2
	}
	s0, s1, ok := sc.backwardNP(j - 1)
	if !ok {
		return
	}
	sc.setSpeaker(a, s0, s1)
	a.in0, a.in1 = r0, p
	if sc.appositiveStart(r0) {
		sc.setRole(a, r0, p)
		sc.nameFirst(a, r0, p)
	}
}

// nameFirst swaps speaker and role when the speaker is a description and
// the appositive a name ("the ministry's spokesman, Ali Hassan"): Speaker
// keeps the name, SpeakerRole the description.
func (sc *scratch) nameFirst(a *attr, r0, r1 int) {
	if a.spk0 < 0 || sc.name(a.spk0) || r1-r0 > 6 {
		return
	}
	for i := r0; i < r1; i++ {
		if !sc.name(i) {
			return
		}
	}
	role := a.Speaker
	sc.setSpeaker(a, r0, r1)
	a.SpeakerRole = role
}

// invertsAfterComma reports "..., said Jones." rather than "..., said the
// plan would fail": the phrase after the verb must end the clause.
func (sc *scratch) invertsAfterComma(k int) bool {
	_, s1, ok := sc.forwardNP(k, npLower|npPrepFor)
	if !ok {
		return false
	}
	if s1 >= len(sc.toks) || sc.toks[s1].kind != kWord {
		return true
	}
	f := sc.fl(s1)
	return f&(fPrep|fTime|fRel|fIng|fAccording) != 0 || f&fBoundary != 0 && !sc.is(s1, "that")
}

// relative handles a speaker with a relative clause and no commas: "an
// official who asked not to be named said".
func (sc *scratch) relative(a *attr, p int) {
	for j := p; j >= 0 && p-j < 14; j-- {
		if sc.kind(j) != kWord {
			if !sc.punct(j, ",") {
				return
			}
			continue
		}
		if sc.is(j, "who") {
			q := j - 1
			if sc.punct(q, ",") {
				q--
			}
			if s0, s1, ok := sc.backwardNP(q); ok {
				sc.setSpeaker(a, s0, s1)
			}
			return
		}
	}
}

// roleAfter reads an appositive after an inverted speaker ("said David
// Pasqualotto, a special agent with the FBI.") and returns the token after
// what it consumed.
func (sc *scratch) roleAfter(a *attr, k int) int {
	if !sc.punct(k, ",") || !sc.appositiveStart(k+1) {
		return k
	}
	j := k + 1
	for j < len(sc.toks) && j-k < 20 && !sc.punct(j, ",;:()") && sc.kind(j) != kQuote {
		j++
	}
	// An age before the appositive: said Maria Santos, 62, a resident.
	if j == k+2 && sc.toks[k+1].digit && sc.punct(j, ",") && sc.appositiveStart(j+1) {
		for j++; j < len(sc.toks) && j-k < 20 && !sc.punct(j, ",;:()") && sc.kind(j) != kQuote; j++ {
		}
	}
	e := j
	for e > k+1 && sc.kind(e-1) != kWord {
		e--
	}
	if e <= k+1 {
		return k
	}
	sc.setRole(a, k+1, e)
	sc.nameFirst(a, k+1, e)
	return e
}

// headMode reads the mode from the speaker itself: "a Pentagon statement
// said" is a statement, "his tweet said" a tweet.
func (sc *scratch) headMode(s0, s1 int) Mode {
	m := Mode("")
	twitter := false
	for i := s0; i < s1; i++ {
		t := &sc.toks[i]
		if t.kind != kWord {
			continue
		}
		if i > s0 && t.info&fContPrep != 0 && !t.cap {
			break
		}
		if sc.isX(i) || t.info&fTwitter != 0 {
			twitter = true
		}
		if t.cap {
			continue // Twitter, Statement Inc.: names, not channels
		}
		switch f := t.info; {
		case f&fStmtNoun != 0:
			m = stronger(m, Statement)
		case f&fInterview != 0:
			m = stronger(m, Interview)
		case f&fTweetNoun != 0:
			m = stronger(m, Tweeted)
		case f&fPostNoun != 0:
			if twitter {
				m = stronger(m, Tweeted)
			} else {
				m = stronger(m, Posted)
			}
		case f&fWriteNoun != 0:
			m = stronger(m, Wrote)
		}
	}
	return m
}

// statementSource finds who issued the statement that a speaker phrase
// names: "a statement from Sudani's office", "a statement released by the
// ministry" give the office and the ministry, the speaker the caller
// wants; Mode still says it was a statement.
func (sc *scratch) statementSource(s0, s1 int) (int, int, bool) {
	for h := s0; h < s1; h++ {
		if sc.toks[h].cap || sc.toks[h].info&fStmtNoun == 0 {
			continue
		}
		x := h + 1
		if sc.fl(x)&fRelease != 0 {
			x++
		}
		if !sc.is(x, "from") && !sc.is(x, "by") {
			return 0, 0, false
		}
		if x+1 < s1 {
			return x + 1, s1, true
		}
		return sc.forwardNP(x+1, npLower|npPrepFor)
	}
	return 0, 0, false
}

// channel is what a prepositional phrase after (or before) the verb says
// about how the words were delivered.
type channel struct {
	mode       Mode
	end        int // last token of the phrase that belongs in Verb, -1 when none
	next       int // first token after everything consumed
	aud0, aud1 int // audience tokens, aud0 = -1 when none
	src0, src1 int // "released by X": a speaker when the clause has none
}

// tail scans the prepositional phrases after a verb phrase, skipping time,
// place and manner, for a channel: "said on Tuesday in a statement".
func (sc *scratch) tail(k int, cls verbCls) channel {
	best := channel{end: -1, next: k, aud0: -1, src0: -1}
	n := len(sc.toks)
	for steps := 0; k < n && steps < 6; steps++ {
		if sc.kind(k) != kWord {
			break
		}
		f := sc.fl(k)
		if f&(fAdv|fTime|fAnon) != 0 || sc.suffix(k, "ly") {
			k++
			continue
		}
		if f&fPrep == 0 || f&fBoundary != 0 {
			break
		}
		ch := sc.parsePP(k, cls)
		if ch.mode != "" {
			if prio(ch.mode) > prio(best.mode) {
				best.mode = ch.mode
			}
			best.end = max(best.end, ch.end)
			if ch.aud0 >= 0 {
				best.aud0, best.aud1 = ch.aud0, ch.aud1
			}
			if ch.src0 >= 0 {
				best.src0, best.src1 = ch.src0, ch.src1
			}
		}
		if ch.next <= k {
			break
		}
		k = ch.next
	}
	best.next = k
	return best
}

// preChannel reads a channel from a comma-closed phrase in front of the
// speaker: "In a statement, the ministry said", "Speaking to reporters,
// Austin said".
func (sc *scratch) preChannel(s0 int, cls verbCls) channel {
	none := channel{end: -1, aud0: -1, src0: -1}
	if !sc.punct(s0-1, ",") {
		return none
	}
	ps := s0 - 2
	for ps >= 0 && s0-ps < 16 && sc.kind(ps) == kWord {
		ps--
	}
	ps++
	if ps > s0-2 {
		return none
	}
	if sc.fl(ps)&fSpeaking != 0 {
		ps++
	}
	ch := sc.tail(ps, cls)
	if ch.next > s0-1 {
		return none // ran past the comma: not a phrase of its own
	}
	return ch
}

// parsePP reads the prepositional phrase at k.
func (sc *scratch) parsePP(k int, cls verbCls) channel {
	ch := channel{end: -1, aud0: -1, src0: -1}
	n := len(sc.toks)
	j := k + 1
	m := j
	for m < n && m < j+8 && sc.kind(m) == kWord {
		f := sc.fl(m)
		if f&(verbish|fBoundary|fPrep|fPron|fRelease) != 0 && f&fDet == 0 {
			break
		}
		m++
	}
	ch.next = m
	if m == j {
		return ch
	}
	var stmt, interview, tweet, post, write, social, twitter, conf bool
	for x := j; x < m; x++ {
		f := sc.toks[x].info
		if sc.toks[x].cap && f&(fSocial|fTwitter) == 0 {
			f = 0 // "the Statement newspaper"
		}
		stmt = stmt || f&fStmtNoun != 0
		interview = interview || f&fInterview != 0
		tweet = tweet || f&fTweetNoun != 0
		post = post || f&fPostNoun != 0
		write = write || f&fWriteNoun != 0
		social = social || f&fSocial != 0
		twitter = twitter || f&fTwitter != 0 || sc.isX(x)
		conf = conf || f&fConference != 0
	}
	in := sc.is(k, "in") || sc.is(k, "during")
	via := sc.is(k, "on") || sc.is(k, "via") || sc.is(k, "through")
	switch {
	case interview && in:
		ch.mode, ch.end = Interview, m-1
		if sc.is(m, "with") || sc.is(m, "to") || sc.is(m, "on") || sc.is(m, "for") {
			if a0, a1, ok := sc.forwardNP(m+1, npLower|npObj); ok {
				ch.aud0, ch.aud1, ch.end, ch.next = a0, a1, a1-1, a1
			}
		} else {
			// "in a CNN interview": the outlet is the name before the noun.
			for x := j; x < m; x++ {
				if sc.name(x) {
					e := x
					for e+1 < m && sc.name(e+1) {
						e++
					}
					ch.aud0, ch.aud1 = x, e+1
					break
				}
			}
		}
	case stmt && (in || via):
		ch.mode, ch.end = Statement, m-1
		x := m
		if sc.fl(x)&fRelease != 0 {
			x++
			ch.next = x
		}
		switch {
		case sc.is(x, "by") || sc.is(x, "from"):
			if s0, s1, ok := sc.forwardNP(x+1, npLower|npPrepFor); ok {
				ch.src0, ch.src1, ch.next = s0, s1, s1
			}
		case x > m && sc.fl(x)&fPrep != 0 && sc.fl(x)&fBoundary == 0:
			// a statement posted on Telegram: the platform is where the
			// statement appeared; the statement is still the channel.
			ch.next = sc.parsePP(x, cls).next
		}
	case tweet && in:
		ch.mode, ch.end = Tweeted, m-1
	case post && in:
		ch.mode, ch.end = Posted, m-1
		switch {
		case twitter:
			ch.mode = Tweeted
		case social:
		case sc.is(m, "on"):
			if sub := sc.parsePP(m, cls); sub.mode == Tweeted || sub.mode == Posted {
				ch.mode, ch.end, ch.next = sub.mode, sub.end, sub.next
			}
		case cls == clsWrite:
			ch.mode = Wrote
		}
	case write && in:
		ch.mode, ch.end = Wrote, m-1
		if sc.is(m, "to") {
			if a0, a1, ok := sc.forwardNP(m+1, npLower|npObj); ok {
				ch.aud0, ch.aud1, ch.end, ch.next = a0, a1, a1-1, a1
			}
		}
	case via && twitter:
		ch.mode, ch.end = Tweeted, m-1
	case via && social:
		ch.mode, ch.end = Posted, m-1
	case sc.is(k, "to") && (cls == clsSay || cls == clsWrite):
		a0, a1, ok := sc.forwardNP(j, npLower|npObj)
		if !ok || !(sc.fl(a1-1)&fAudience != 0 || sc.name(a1-1) || sc.toks[a1-1].caps || sc.fl(a0)&fObjPron != 0) {
			break
		}
		ch.mode = Told
		if cls == clsWrite {
			ch.mode = Wrote
		}
		ch.aud0, ch.aud1, ch.end, ch.next = a0, a1, a1-1, max(m, a1)
	case sc.is(k, "at") && conf:
		if a0, a1, ok := sc.forwardNP(j, npLower); ok {
			ch.mode, ch.aud0, ch.aud1, ch.end = Told, a0, a1, a1-1
		}
	}
	return ch
}

// weakOK decides whether a weak verb ("added", "wrote", "thanked") reports
// speech here: next to a quotation, before "that" or a colon, or closing
// the sentence after a comma.
func (sc *scratch) weakOK(a *attr, after int) bool {
	b := a.first - 1
	if sc.punct(b, ",—–-") {
		b--
	}
	if sc.kind(b) == kQuote && !a.relative {
		return true
	}
	k := after
	if sc.punct(k, ":") || sc.is(k, "that") || sc.punct(k, ",") && sc.kind(k+1) == kQuote {
		return true
	}
	for j := k; j < len(sc.toks) && j < k+15; j++ {
		t := &sc.toks[j]
		if t.kind == kQuote {
			// A short quoted term after a weak verb is a name for something
			// (declared a "caliphate"), not evidence of speech.
			q := &sc.quotes[t.q]
			return wordCount(sc.s[q.cs:q.ce]) > 3
		}
		if t.kind == kPunct && (t.r == '.' || t.r == ';' || t.r == '?' || t.r == '!' || t.r == ',' && sc.kind(j+1) != kQuote) {
			break
		}
		if t.kind == kWord && sc.fl(j)&trigger != 0 {
			break
		}
	}
	if sc.punct(a.first-1, ",—–") {
		for j := k; ; j++ {
			if j >= len(sc.toks) {
				return true
			}
			if sc.toks[j].kind != kPunct {
				break
			}
		}
	}
	return false
}

// anonymity marks the attribution nearest to each anonymity cue:
// "speaking on condition of anonymity", "said anonymously", "who asked not
// to be named", "unnamed officials", "not authorized to speak".
func (sc *scratch) anonymity() {
	for i := range sc.toks {
		t := &sc.toks[i]
		if t.kind != kWord || t.info&(fAnon|fIdentify|fAuthorized) == 0 {
			continue
		}
		f := t.info
		cue := f&fAnon != 0
		if !cue && f&fIdentify != 0 {
			cue = sc.is(i-1, "be") && (sc.is(i-2, "to") || sc.is(i-2, "not"))
		}
		if !cue && f&fAuthorized != 0 {
			cue = sc.is(i-1, "not") || sc.is(i-2, "not")
		}
		if !cue {
			continue
		}
		best, bestD := -1, 16
		lo, hi := sc.attrWindow(i)
		for k := lo; k < hi; k++ {
			a := &sc.atts[k]
			d := 0
			switch {
			case i < a.first:
				d = a.first - i
			case i > a.last:
				d = i - a.last
			}
			if d < bestD && !sc.quoteBetween(i, a.first, a.last) {
				best, bestD = k, d
			}
		}
		if best >= 0 {
			sc.atts[best].Anonymous = true
		}
	}
	for k := range sc.atts {
		if f := sc.atts[k].from; f >= 0 && sc.atts[f].Anonymous {
			sc.atts[k].Anonymous = true
		}
	}
}

func (sc *scratch) quoteBetween(i, first, last int) bool {
	lo, hi := i, first
	if i > last {
		lo, hi = last, i
	}
	for j := lo + 1; j < hi; j++ {
		if sc.toks[j].kind == kQuote {
			return true
		}
	}
	return false
}
