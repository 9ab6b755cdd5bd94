package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
)

// wordInfo packs everything known about one word type. The low bits reuse
// the Punkt model's orthographic flag layout so the model's values can be
// stored unchanged.
type wordInfo uint32

const (
	orthoBegUc wordInfo = 1 << 1 // seen capitalised at a sentence start
	orthoMidUc wordInfo = 1 << 2 // seen capitalised mid-sentence
	orthoUnkUc wordInfo = 1 << 3 // seen capitalised, position unknown
	orthoBegLc wordInfo = 1 << 4 // seen lower-case at a sentence start
	orthoMidLc wordInfo = 1 << 5 // seen lower-case mid-sentence
	orthoUnkLc wordInfo = 1 << 6 // seen lower-case, position unknown
	orthoMask           = orthoBegUc | orthoMidUc | orthoUnkUc | orthoBegLc | orthoMidLc | orthoUnkLc
	orthoUc             = orthoBegUc | orthoMidUc | orthoUnkUc
	orthoLc             = orthoBegLc | orthoMidLc | orthoUnkLc

	// isAbbrev: a period after this word usually does not end a sentence.
	isAbbrev wordInfo = 1 << 8
	// isTitle: a title or place prefix that is always followed by a name,
	// so a period after it never ends a sentence (Gen., Mr., Mt.).
	isTitle wordInfo = 1 << 9
	// isWeak: also an ordinary English word (ill, sat, ore), so it counts as
	// an abbreviation only when written capitalised or before a number.
	isWeak wordInfo = 1 << 10
	// isNumberPrefix: an abbreviation only before a number ("No. 2"); "said
	// no." ends a sentence.
	isNumberPrefix wordInfo = 1 << 11
	// isStarter: the model's frequent sentence starters.
	isStarter wordInfo = 1 << 12
	// isNewsStarter: pronouns, determiners and prepositions that, written
	// capitalised right after an abbreviation, nearly always open a new
	// sentence in news copy ("in the U.S. We ..."). The model's list is
	// too short to catch these.
	isNewsStarter wordInfo = 1 << 13
	// isCorpSuffix follows company names that end in "!" (Yahoo! Inc.).
	isCorpSuffix wordInfo = 1 << 14
	// isFunctionWord: articles, prepositions and conjunctions. A line that
	// ends in one is unfinished, so its line break is a soft wrap.
	isFunctionWord wordInfo = 1 << 15
	// isSpeechVerb marks attribution verbs ("Why?" Austin asked.).
	isSpeechVerb wordInfo = 1 << 16
)

// maxWord bounds the bytes of a word looked up in the lexicon; longer
// tokens are never abbreviations, starters or known types worth checking.
const maxWord = 48

// newsAbbrevs are abbreviations frequent in wire copy that the model lacks
// or that need to be certain regardless of the model.
var newsAbbrevs = []string{
	"capt", "cmdr", "cmdt", "brig", "cpl", "pvt", "sgt", "gov", "pres", "supt",
	"dept", "depts", "mt", "ft", "vol", "vols", "gen", "lt", "col", "adm", "maj",
	"sen", "sens", "rep", "reps", "rev", "hon", "amb", "atty", "insp", "det",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"a.m", "p.m", "inc", "ltd", "co", "corp", "cos", "llc", "plc", "bros",
	"jr", "sr", "st", "ave", "blvd", "rd", "vs", "etc", "e.g", "i.e", "approx",
	"u.s", "u.n", "u.k", "e.u", "u.s.a", "u.a.e", "d.c", "mr", "mrs", "ms", "dr",
	"prof", "messrs", "mme", "mmes", "fig", "figs", "est", "no", "nos",
}

// titles never end a sentence: they are followed by a name.
var titles = []string{
	"mr", "mrs", "ms", "dr", "messrs", "mme", "mmes", "prof", "rev", "hon",
	"gen", "lt", "col", "capt", "cmdr", "cmdt", "adm", "maj", "brig", "cpl",
	"pvt", "sgt", "gov", "sen", "sens", "rep", "reps", "pres", "supt", "amb",
	"atty", "insp", "det", "mt", "ft",
}

// weakAbbrevs double as ordinary words; see isWeak.
var weakAbbrevs = []string{
	"ill", "wash", "ore", "wed", "sat", "sun", "mar", "est", "fig", "figs",
}

var numberPrefixes = []string{"no", "nos"}

var newsStarters = []string{
	"we", "you", "his", "her", "its", "their", "our", "my", "your", "a", "an",
	"that", "those", "there", "then", "after", "before", "on", "at", "for",
	"as", "with", "from", "by", "what", "why", "how", "who", "where", "now",
	"today", "yesterday", "last", "earlier", "later", "also", "still",
	"during", "until", "each", "every", "one", "two", "three", "several",
}

var functionWords = []string{
	"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at",
	"by", "for", "from", "with", "into", "onto", "over", "under", "about",
	"after", "before", "between", "against", "during", "without", "through",
	"that", "which", "who", "whose", "than", "as", "is", "are", "was", "were",
	"be", "been", "has", "have", "had", "will", "would", "could", "should",
	"its", "his", "her", "their", "our", "said", "says", "told",
}

var speechVerbs = []string{
	"said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote",
	"writes", "replied", "replies", "shouted", "tweeted", "posted", "recalled",
	"explained", "insisted", "noted", "continued", "demanded", "wondered",
	"declared", "stated", "argued", "countered", "responded", "warned",
	"exclaimed", "cried", "yelled", "quipped", "joked",
}

var corpSuffixes = []string{"inc", "corp", "co", "ltd", "llc", "plc", "lp"}

// modelDrops are model abbreviations that misfire on modern news: "OK." is
// a word ending a sentence now, not Oklahoma (which the model has as okla).
var modelDrops = []string{"ok"}

func newSplitter(st *sentences.Storage) *Splitter {
	lex := make(map[string]wordInfo, len(st.OrthoContext)+len(st.AbbrevTypes)+len(newsAbbrevs))
	for w, flags := range st.OrthoContext {
		lex[w] |= wordInfo(flags) & orthoMask
	}
	for w := range st.AbbrevTypes {
		lex[w] |= isAbbrev
	}
	for w := range st.SentStarters {
		lex[w] |= isStarter
	}
	for _, w := range modelDrops {
		lex[w] &^= isAbbrev
	}
	add := func(words []string, f wordInfo) {
		for _, w := range words {
			lex[w] |= f
		}
	}
	add(newsAbbrevs, isAbbrev)
	add(titles, isAbbrev|isTitle)
	add(weakAbbrevs, isAbbrev|isWeak)
	add(numberPrefixes, isAbbrev|isNumberPrefix)
	add(newsStarters, isNewsStarter)
	add(corpSuffixes, isCorpSuffix)
	add(functionWords, isFunctionWord)
	add(speechVerbs, isSpeechVerb)

	colloc := make(map[string]struct{}, len(st.Collocations))
	for c := range st.Collocations {
		colloc[c] = struct{}{}
	}
	return &Splitter{lex: lex, colloc: colloc}
}

// lowerInto writes the lower-cased form of w into buf and returns the used
// part, or nil when w does not fit. Callers pass a stack array so that the
// map lookups built on the result do not allocate.
func lowerInto(buf []byte, w string) []byte {
	n := 0
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if n >= len(buf) {
				return nil
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > len(buf) || r == utf8.RuneError {
			return nil
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return buf[:n]
}

// info returns what the lexicon knows about the word w (any case).
func (s *Splitter) info(w string) wordInfo {
	var buf [maxWord]byte
	b := lowerInto(buf[:], w)
	if b == nil {
		return 0
	}
	return s.lex[string(b)]
}

// collocation reports whether the model saw "before. after" as one phrase.
// before is a word or the type "##number##"; both are matched in lower case.
func (s *Splitter) collocation(before, after string) bool {
	if len(s.colloc) == 0 {
		return false
	}
	var buf [2*maxWord + 1]byte
	b := lowerInto(buf[:maxWord], before)
	if b == nil {
		return false
	}
	n := len(b)
	buf[n] = ','
	a := lowerInto(buf[n+1:], after)
	if a == nil {
		return false
	}
	_, ok := s.colloc[string(buf[:n+1+len(a)])]
	return ok
}

// orthoSaysStart is Punkt's orthographic heuristic for a capitalised word:
// it was seen lower-case but never capitalised mid-sentence, so its capital
// here is evidence of a sentence start.
func orthoSaysStart(in wordInfo) bool {
	return in&orthoLc != 0 && in&orthoMidUc == 0
}
