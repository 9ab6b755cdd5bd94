package quote

import "strings"

// flag describes what a lower-cased word can be. One lookup per word gives
// every class at once, so the attribution rules never search word lists.
type flag uint64

const (
	fVerb       flag = 1 << iota // a form of a speech verb
	fStrong                      // reports speech on its own ("said"); weak verbs ("added", "wrote") need a quotation, "that" or a colon nearby
	fIng                         // participle ("saying", "adding")
	fBase                        // bare form ("say", "tell"): needs a plural or pronoun subject
	fTellCls                     // tell, told: the object is the audience
	fTweetCls                    // tweeted
	fWriteCls                    // wrote
	fPostCls                     // posted
	fAccording                   // "according" (to)
	fQuoted                      // "quoted", "cited" (as saying)
	fAux                         // auxiliary
	fBe                          // a form of "be": before a past participle it makes a passive
	fModal                       // modal or do-support
	fNeg                         // negation
	fAdv                         // adverb that may sit inside a verb group ("also", "later")
	fTime                        // weekday, "yesterday", "morning"
	fMonth                       // month name ("May" is left out: it is also a name and a modal)
	fPron                        // subject pronoun
	fObjPron                     // object pronoun
	fDet                         // determiner, numeral or possessive determiner
	fNominal                     // a noun that can head a speaker phrase ("official", "police")
	fAudience                    // a noun that can be told things ("reporters")
	fConference                  // "conference", "briefing"
	fStmtNoun                    // "statement", "communique"
	fInterview                   // "interview"
	fTweetNoun                   // "tweet"
	fTwitter                     // "Twitter"
	fPostNoun                    // "post"
	fWriteNoun                   // "op-ed", "letter"
	fSocial                      // Facebook, Telegram, "social" (media)
	fBoundary                    // starts a new clause ("that", "and", "because")
	fRel                         // relative pronoun
	fPrep                        // preposition
	fContPrep                    // preposition that may continue a noun phrase ("head of", "spokesman for")
	fAnon                        // "anonymity", "unnamed"
	fIdentify                    // "named", "identified" (in "asked not to be named")
	fAuthorized                  // "authorized" (in "not authorized to speak")
	fMod                         // -ed word that can modify a noun ("retired general")
	fAbbrev                      // title abbreviation that keeps its period ("Gen.")
	fRelease                     // "released", "issued" (a statement released by)
	fSpeaking                    // "speaking", "talking" (Speaking to reporters, ...)
	fParticle                    // lower-case name particle: al, bin, de, van
)

// funcMask holds the classes that only a function word has. A capitalised
// word inside the sentence is a name ("US", "Will", "Post"), so these are
// dropped for it.
const funcMask = fVerb | fStrong | fIng | fBase | fTellCls | fTweetCls | fWriteCls | fPostCls |
	fAccording | fQuoted | fAux | fBe | fModal | fNeg | fAdv | fPron | fObjPron | fBoundary |
	fRel | fPrep | fContPrep | fIdentify | fAuthorized | fRelease | fSpeaking | fAnon

// verbish stops a noun phrase.
const verbish = fVerb | fAux | fBe | fModal | fNeg | fAccording | fQuoted

// trigger is what the attribution fast path looks for.
const trigger = fVerb | fAccording

// lexicon is an open-addressing hash table keyed by lower-cased words. A
// map would do, but hashing during the byte scan and probing a flat table
// keeps the no-quote fast path well under a microsecond.
type lexicon struct {
	slots [1 << 11]lexEntry
}

type lexEntry struct {
	key string
	h   uint32
	f   flag
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
	maxKey    = 32 // longer words are never looked up
)

func hashBytes(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h
}

func (l *lexicon) add(w string, f flag) {
	h := hashBytes([]byte(w))
	mask := uint32(len(l.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		e := &l.slots[j]
		if e.key == "" {
			*e = lexEntry{key: w, h: h, f: f}
			return
		}
		if e.key == w {
			e.f |= f
			return
		}
	}
}

// get looks up an already lower-cased word.
func (l *lexicon) get(w []byte, h uint32) flag {
	mask := uint32(len(l.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		e := &l.slots[j]
		if e.key == "" {
			return 0
		}
		if e.h == h && e.key == string(w) {
			return e.f
		}
	}
}

// getFold looks up a word of ASCII letters in any case, hashed by the
// caller as it lower-cased on the fly.
func (l *lexicon) getFold(w string, h uint32) flag {
	mask := uint32(len(l.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		e := &l.slots[j]
		if e.key == "" {
			return 0
		}
		if e.h == h && len(e.key) == len(w) && foldEq(w, e.key) {
			return e.f
		}
	}
}

// foldEq compares w with the lower-case ASCII key.
func foldEq(w, key string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

var lex = buildLexicon()

func buildLexicon() *lexicon {
	l := new(lexicon)
	words := func(f flag, list string) {
		for _, w := range strings.Fields(list) {
			l.add(w, f)
		}
	}
	// Speech verbs. Each line: base -s -ed -ing; a dash skips a form.
	verbs := func(cls flag, strongPast bool, lines string) {
		for _, line := range strings.Split(lines, "\n") {
			forms := strings.Fields(line)
			if len(forms) != 4 {
				continue
			}
			for i, w := range forms {
				if w == "-" {
					continue
				}
				f := fVerb | cls
				switch i {
				case 0:
					f |= fBase
					if strongPast {
						f |= fStrong
					}
				case 1, 2:
					if strongPast {
						f |= fStrong
					}
				case 3:
					f |= fIng
					if strongPast {
						f |= fStrong
					}
				}
				l.add(w, f)
			}
		}
	}
	verbs(0, true, "say says said saying")
	verbs(fTellCls, true, "tell tells told telling")
	verbs(fTweetCls, true, "- tweets tweeted tweeting")
	verbs(fWriteCls, false, "- writes wrote writing\n- - written -")
	verbs(fPostCls, false, "- posts posted posting")
	verbs(0, false, `- states stated stating
- adds added adding
- notes noted noting
- explains explained explaining
- declares declared declaring
- continues continued continuing
- insists insisted insisting
- stresses stressed stressing
- warns warned warning
- argues argued arguing
- asserts asserted asserting
- remarks remarked remarking
- recalls recalled recalling
- replies replied replying
- answers answered answering
- comments commented commenting
- acknowledges acknowledged acknowledging
- claims claimed claiming
- announces announced announcing
- confirms confirmed confirming
- denies denied denying
- admits admitted admitting
- urges urged urging
- vows vowed vowing
- pledges pledged pledging
- promises promised promising
- predicts predicted predicting
- reiterates reiterated reiterating
- emphasises emphasised emphasising
- emphasizes emphasized emphasizing
- underlines underlined underlining
- underscores underscored underscoring
- concedes conceded conceding
- observes observed observing
- cautions cautioned cautioning
- complains complained complaining
- suggests suggested suggesting
- reveals revealed revealing
- discloses disclosed disclosing
- reports reported reporting
- thanks thanked thanking
- maintains maintained maintaining
- contends contended contending
- counters countered countering
- quips quipped quipping
- jokes joked joking
- boasts boasted boasting
- laments lamented lamenting
- asks asked asking
- shouts shouted shouting
- exclaims exclaimed exclaiming
- whispers whispered whispering
- responds responded responding
- retorts retorted retorting
- testifies testified testifying
- alleges alleged alleging
- concludes concluded concluding
- estimates estimated estimating
- mused mused musing`)
	// "stated" reports speech as surely as "said".
	l.add("stated", fStrong)

	words(fAccording, "according")
	words(fQuoted, "quoted cited")
	words(fAux|fBe, "is are was were am be been being")
	words(fAux, "has have had having")
	words(fAux|fModal, "will would shall should can could may might must do does did")
	words(fNeg, "not never didn't doesn't don't won't wouldn't hasn't haven't hadn't isn't wasn't weren't aren't couldn't can't cannot shouldn't mustn't")
	words(fAdv, `also later earlier previously reportedly then again further separately repeatedly once
		recently publicly privately simply flatly bluntly quickly angrily firmly strongly frankly openly
		clearly immediately subsequently initially originally now still already just only even similarly
		likewise jokingly candidly confidently cautiously proudly emphatically categorically formally
		officially allegedly apparently shortly briefly tearfully calmly defiantly optimistically too
		perhaps always sometimes afterwards nevertheless thus besides however meanwhile moreover therefore
		nonetheless instead otherwise indeed quietly loudly sharply bitterly wryly curtly succinctly
		directly personally herself himself themselves itself`)
	words(fTime, `monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
		morning afternoon evening night overnight weekend earlier later week month year`)
	words(fTime|fMonth, "january february march april june july august september october november december")
	words(fPron, "he she they it we i you he's she's it's they've we've i've they're we're")
	words(fObjPron, "him her them us me you it")
	words(fDet, `a an the this these those one two three four five six seven eight nine ten dozens
		several many some other another both all his her their its our my your each every most few
		various numerous multiple`)
	words(fNominal, `official officials spokesman spokeswoman spokesperson spokespeople spokesmen
		minister ministers secretary president premier chief head director leader leaders chairman
		chairwoman chair ceo executive executives founder governor mayor senator senators lawmaker
		lawmakers congressman congresswoman representative representatives aide aides adviser advisers
		advisor advisors ambassador envoy diplomat diplomats negotiator negotiators commander commanders
		general officer officers soldier soldiers troops police policeman policemen prosecutor
		prosecutors lawyer lawyers attorney attorneys judge judges court jury witness witnesses resident
		residents analyst analysts expert experts economist economists strategist strategists trader
		traders investor investors source sources authorities investigator investigators agent agents
		sheriff coroner doctor doctors medic medics paramedics nurse nurses rescuer rescuers
		firefighter firefighters survivor survivors victim victims relative relatives family father
		mother son daughter brother sister wife husband widow friend friends neighbour neighbor
		neighbours neighbors colleague colleagues coach manager captain player players striker
		midfielder defender goalkeeper referee fans teammate teammates owner chancellor king queen
		prince pope cleric bishop priest imam activist activists militants rebels protesters organisers
		organizers student students teacher teachers worker workers employee employees union unions man
		woman men women people person ministry office government department agency company firm bank
		group organisation organization association council committee commission board party campaign
		team club military army navy embassy administration presidency palace cabinet parliament regime
		coalition alliance report filing indictment complaint lawsuit ruling verdict document documents
		media television tv radio newspaper broadcaster outlet website channel spokespersons
		correspondent correspondents staff crew pilot pilots engineer engineers scientist scientists
		researcher researchers professor official's authority state agencies ministries governments
		companies firms groups observers observer monitor monitors insiders insider defendant plaintiff
		inspector inspectors deputy deputies veteran veterans voters voter candidate candidates
		opposition fighters fighter governor's mayor's club's`)
	words(fNominal|fAudience, `reporters journalists press audience crowd supporters delegates members
		viewers listeners readers hearing`)
	words(fNominal|fAudience|fConference, "conference briefing presser")
	words(fNominal|fStmtNoun, "statement statements communique communiqué communiques communiqués readout release releases declaration announcement")
	words(fNominal|fInterview, "interview interviews")
	words(fNominal|fTweetNoun, "tweet tweets")
	words(fTwitter, "twitter")
	words(fNominal|fPostNoun, "post posts posting")
	words(fNominal|fWriteNoun, "op-ed oped letter letters column essay article memo editorial blog commentary newsletter note email e-mail emails")
	words(fSocial, "facebook telegram instagram tiktok weibo linkedin threads bluesky youtube whatsapp social")
	words(fBoundary, `that which who whom whose while as and but or nor when where because if after before
		since although though so than whether until unless whereas whilst yet how what why`)
	words(fRel, "that which who whom whose")
	words(fPrep, `in on at by to into onto over under about during across against among amid amidst
		around behind between beyond toward towards upon via within without through throughout near of
		for with from following despite like per inside outside along alongside off out up down past
		regarding concerning ahead after before since until`)
	words(fPrep|fContPrep, "of for at with from in")
	words(fAnon, "anonymity anonymously anonymous unnamed unidentified")
	words(fIdentify, "named identified")
	words(fAuthorized, "authorized authorised permitted allowed")
	words(fMod, `retired armed elected unnamed unidentified detained injured wounded jailed accused
		alleged embattled beleaguered exiled ousted disgraced united designated appointed so-called
		self-described elderly concerned affected displaced trapped`)
	words(fAbbrev, `mr mrs ms dr gen maj lt col sgt capt cpt sen rep gov st jr sr prof rev adm brig cmdr
		cpl pvt supt insp det hon pres ft messrs`)
	words(fRelease, "released issued published posted sent distributed circulated carried shared")
	words(fSpeaking, "speaking talking writing addressing")
	words(fParticle, "al el bin ibn abu de da di du del della dos das van von der den le la ter ten")
	return l
}

// trigFilter has one bit per signature of a trigger word (see trigSig).
// The fast path hashes only word ends, never every byte, and asks the
// lexicon only about the few words whose signature bit is set.
var trigFilter = buildTrigFilter()

const trigBits = 14

// trigSig mixes a word's length and its first two and last letters, all
// lower case.
func trigSig(n int, c0, c1, cl byte) uint32 {
	k := uint32(n)<<24 | uint32(c0)<<16 | uint32(c1)<<8 | uint32(cl)
	return (k * 0x9E3779B1) >> (32 - trigBits)
}

func buildTrigFilter() *[1 << trigBits / 64]uint64 {
	var bits [1 << trigBits / 64]uint64
	for i := range lex.slots {
		e := &lex.slots[i]
		n := len(e.key)
		if e.f&trigger == 0 || n < 3 || n > 12 {
			continue
		}
		k := trigSig(n, e.key[0], e.key[1], e.key[n-1])
		bits[k/64] |= 1 << (k % 64)
	}
	return &bits
}

// asciiLetter marks the bytes of ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// hasTrigger reports whether s holds a word that can start an attribution.
func hasTrigger(s string) bool {
	for i := 0; i < len(s); {
		if !asciiLetter[s[i]] {
			i++
			continue
		}
		start := i
		for i < len(s) && asciiLetter[s[i]] {
			i++
		}
		n := i - start
		if n < 3 || n > 12 {
			continue
		}
		k := trigSig(n, s[start]|0x20, s[start+1]|0x20, s[i-1]|0x20)
		if trigFilter[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		h := uint32(fnvOffset)
		for j := start; j < i; j++ {
			h = (h ^ uint32(s[j]|0x20)) * fnvPrime
		}
		if lex.getFold(s[start:i], h)&trigger != 0 {
			return true
		}
	}
	return false
}
