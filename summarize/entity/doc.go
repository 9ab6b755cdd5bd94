// Package entity finds the names in news sentences, the titles attached to
// them, and which names across a corpus are one entity. It serves the
// contradiction finder: two sources that give one person different offices
// ("Prime Minister" and "President") disagree, but two sources that spell
// one name differently ("Nechirvan"/"Nechirivan", "al-Sudani"/"Sudani") do
// not, and must be reported as variants of one entity.
//
// The package is heuristic, small and fast, with no model: precision is
// preferred to recall throughout, since a wrongly merged or wrongly
// titled name produces a false contradiction, while a missed one costs
// only a fact.
//
// # Finding names
//
// [Finder.Find] scans a sentence once into tokens (words, with possessive
// endings, initials, dotted acronyms, known abbreviations and hyphen joins
// recorded), looks every word up once in a lexicon of flags, and then:
//
//   - Chunks: runs of capitalised words, allowing inside a name the
//     particles of personal names ("al-", "bin", "van", "ten"), "of"/"for"
//     after a word that heads organisations, offices or places ("Bank of
//     England", "President of France"; never after a person's name, so
//     "Smith of Texas" splits), "and" and a comma list inside an "of"
//     phrase ("Department of Health and Human Services", "Bureau of
//     Alcohol, Tobacco and Firearms", strictly: single words, no places,
//     no titles), and multi-word gazetteer names ("Bosnia and
//     Herzegovina"). A possessive ends a chunk, a compound with a lower-case
//     part ends it ("US-led"), and a capitalised function word, reporting
//     verb or date inside it means headline case, so it ends there too.
//   - Common words: capitalised function words are stripped from the front
//     of a chunk ("The", "Despite", "Both", "However", "According"); at the
//     start of a sentence or quotation, a lone common word is dropped
//     ("Months", "Successive", "Officials"), as are abstract nouns,
//     participles and adverbs recognised by their endings before a
//     lower-case word ("Confrontations with", "Inspired by",
//     "Unfortunately"). Months, weekdays and single letters never make a
//     name on their own. A sentence with no lower-case word is a heading:
//     its capitals are not acronyms, and a one-word heading ("Follow",
//     "WORLD") names nothing unless it is a known place or organisation.
//   - Titles inside a chunk: modifiers, places, organisations and acronyms
//     followed by a head word, optionally with an "of" complement and more
//     heads ("Iraqi Prime Minister", "Secretary of State", "Lt. Gen.",
//     "Kurdish Regional Government President") are split off into Title. A
//     title whose leading words are unknown ("House Speaker") is accepted
//     only when a name follows, so "Stephen King" and "Burger King" stay
//     names, and never when those words start with a given name
//     ("Hossein Amir-Abdollahian") or follow a head already read
//     ("Interior Minister Jaime Mayor Oreja"); a head joined by a hyphen
//     to a non-head is no head ("Amir-Abdollahian", "head-to-head"). An
//     "of" complement ends before the first given name or after its last
//     place, portfolio or organisation word. If what follows the title is
//     an organisation ("General Motors") or a bare suffix ("Jr."), there
//     was no title.
//   - Titles outside the chunk, parsed by one small grammar
//     ([determiner] modifiers/places/organisations/possessives, head,
//     complements introduced by prepositions): directly before the name
//     ("Pentagon chief Lloyd Austin", "Iraq's former prime minister Nouri
//     al-Maliki"), after it between commas ("X, the defense minister,",
//     "X, a special agent with the Bureau of ..., said"), or before it set
//     off by a comma when the phrase starts with a determiner or possessive
//     and the name is closed by punctuation ("the President of the KRG,
//     Nechirvan Barzani, ..."). A complement may hold a few lower-case
//     words, but they must lead to a name, another complement or the end
//     of the apposition, and a possessive name never ends one ("economist
//     of Istanbul's Bank Ekspres"). An in-chunk title is extended back
//     over "the", "former" and possessive organisations ("the
//     Revolutionary Guards' top commander").
//   - Places: a gazetteer of about 200 countries, regions, capitals, major
//     cities and US states, with demonyms and religious or ethnic groups,
//     maps names to canonical place keys ("US", "U.S.", "America",
//     "American" -> "united states"). A run of them splits into one
//     mention each ("Sunni Arab"); a country noun after a locative
//     preposition is split from a following name ("in Iraq Nechirvan
//     Barzani"). Places and organisations named inside a title are
//     mentions of their own ("Iraqi" in "Iraqi Prime Minister").
//   - Kinds: gazetteer names are places or groups; names ending in an
//     organisation word (or with one before "of"), known organisations and
//     all-capital acronyms are organisations; a name with a title, a
//     common given name first, a person-only particle ("bin", "van"), a
//     middle initial, an age appositive ("Gilliam, 27,") or a reporting
//     verb next to a name of two or more words is a person. Otherwise the
//     kind is unknown: a one-word name before "said" may be a company.
//   - Acronyms: "Name (ACR)" where the acronym's letters appear in order
//     among the initials of the name's words sets Acronym, and the
//     parenthesised acronym is not reported separately.
//
// Keys are normalised names (see [Normalize]): lower case, accents folded,
// apostrophes removed, hyphens as spaces, and the Arabic article dropped
// where it is a prefix or a lower-case word, so "al-Sudani", "al Sudani"
// and "Sudani" share "sudani".
//
// Find allocates only its result and the keys; working memory is pooled,
// so a Finder is safe for concurrent use.
//
// # Titles
//
// [ParseRole] reduces a title to an office, portfolio words, a place and
// two flags; [Conflicting] compares two. The words before the first
// preposition hold the head and its modifiers; Place comes from a place or
// demonym among them ("Iraqi", "US", "Iraq's") or from a first "of"
// complement that is only a place ("President of France"); places after
// "in", "at" or "from" only locate the office and are dropped; other
// complement words, with places as canonical keys, are the portfolio.
// Only formal offices held now can conflict: descriptive titles ("chief",
// "general", "top commander", "official"), offices not yet held
// ("President-elect") and former ones never do; "secretary" and
// "minister" count as one office; and portfolios conflict only when they
// share no word (one side's Place counting as shared with the other's
// portfolio) and both contain a ministerial portfolio word or a place,
// because names of organisations are paraphrased ("President of the KRG"
// and "President of the Kurdistan Region").
//
// # Linking
//
// [Linker] collects mention keys over a corpus and [Linker.Link] groups
// them into entities (the rules are listed on Link). It never compares all
// pairs: close spellings are found with a symmetric-delete index over the
// distinct words (every word with up to one, or two for long words,
// letters deleted, doubled letters collapsed first, hashed in O(1) per
// variant with polynomial prefix hashes and grouped by a radix pass), and
// both word-level rules look candidates up in flat hash tables keyed by
// pairs of word ids. On the project's 2-core development machine, adding
// 500,000 mentions of about 100,000 keys takes about 0.25 s and linking
// them another 0.25 s (BenchmarkLink); Find takes 3 to 4 microseconds for
// a 21-word news sentence (BenchmarkFind).
package entity
