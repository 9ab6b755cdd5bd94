package story

// Rarity is measured on the articles being clustered, which is all that
// is needed when there are thousands of them, and misleading when there
// are a dozen: among eight reports of two earthquakes, "local" and
// "kilometres" are as rare as the names of the towns. So document
// frequencies start from a prior, as if priorDocs more articles had been
// read, in which the common words of news writing below appear in
// commonShare of them and every other word in none. With a day's worth
// of articles the prior is lost in the counts.
const (
	priorDocs   = 100
	commonShare = 0.25
)

// commonWords is the everyday vocabulary of news reports: words that any
// story may use, whatever happened. The list need not be complete; a word
// missing here is still turned down by its count once articles are many.
const commonWords = `
time times day days week weeks month months year years hour hours minute minutes morning afternoon evening night
early late ago later recent recently last next first second third former current past future
people person man men woman women child children family families group groups member members
government official officials authority authorities police minister ministry president leader leaders
state states country countries nation national city cities town towns village villages area areas region regional
local public private world international global part parts place places home homes house houses
number numbers percent per cent million millions billion thousand thousands hundred hundreds dozen dozens
kilometre kilometres kilometer kilometers mile miles metre metres meter meters foot feet
news report reports reported reporting statement statements spokesman spokeswoman spokesperson agency
press media reporter reporters interview source sources
make makes made take takes took taken give gives gave given come comes came go goes went gone get gets got
see sees saw seen know knew known think thought want wanted use used find found show showed shown
call called calls ask asked work worked working try tried leave left keep kept put set run ran begin began
hold held bring brought turn turned move moved live lived stand stood happen happened expect expected
continue continued include included remain remained become became need needed help helped start started
announce announced confirm confirmed describe described expect warn warned
hit hits struck strike kill killed killing dead death deaths die died injure injured injury injuries
attack attacks case cases issue issues problem problems plan plans deal deals talk talks
good better best bad worse worst big bigger biggest small large great high higher low lower long short
major main key top old young well still even back away around across near far already again
way ways thing things point points fact end side line level levels rate rates term terms
company companies business market markets money cost costs price prices service services
school schools water power office offices center centre party parties support
week's year's day's today's
`

var commonHashes = func() map[uint32]bool {
	m := map[uint32]bool{}
	tokenize(commonWords, nil, func(t token) bool {
		m[t.hash] = true
		return true
	})
	return m
}()

// priorDF is the pseudo-count of articles that contain the term hashed h
// in the prior.
func priorDF(h uint32) float64 {
	if commonHashes[h] {
		return priorDocs * commonShare
	}
	return 0
}
