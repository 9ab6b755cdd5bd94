package quantity

// Word flags. One lexicon entry carries every role its word can play; the
// scanner decides between them from context ("second" is an ordinal before
// a noun and a unit after a number).
const (
	fCard       uint64 = 1 << iota // zero..nineteen
	fTens                          // twenty..ninety
	fHundred                       // hundred
	fScale                         // thousand, million, bn, lakh...: multiplies what precedes
	fDozen                         // dozen: a scale of 12 that takes "a", "half a", "several"
	fVague                         // dozens, hundreds, thousands, millions...
	fTensV                         // "tens" (of thousands)
	fSeveral                       // several
	fFew                           // few (only after "a")
	fCouple                        // couple (only after "a")
	fHandful                       // handful (only after "a")
	fScores                        // scores (of)
	fOrdinal                       // first, second, twentieth...
	fFracDen                       // third, quarter, fifth...: a denominator after a cardinal
	fFracPl                        // thirds, quarters, halves...
	fHalf                          // half
	fA                             // a, an
	fUnit                          // unit of measure; entry.unit
	fCurrency                      // currency named as a word; entry.cur
	fCurCode                       // ISO-like code, only when written in capitals
	fCurAdj                        // "US", "Australian"... before "dollars"; entry.cur
	fPercent                       // percent, pct
	fPer                           // per
	fCent                          // cent
	fPercentage                    // percentage (points)
	fBasis                         // basis (points)
	fPoints                        // point, points
	fMonth                         // month names, only when capitalised
	fWeekday                       // weekday names
	fTimeSuf                       // am, pm, GMT, o'clock...: the number is a clock time
	fFunc                          // function word: ends a noun phrase, never a head
	fDet                           // determiner skipped after "of"
	fIrrPl                         // plural without -s (people, police); entry.lemma
	fEvent                         // plural nouns that follow years ("the 2020 elections")
	fOld                           // old
	fAged                          // aged, age, ages
	fStrong                        // strong ("2,500-strong")
	fOdd                           // odd ("30-odd")
	fPlus                          // plus ("100-plus")
	fNo                            // No. 2
	fOf                            // of
	fAnd                           // and
	fOr                            // or
	fTo                            // to
	fBetween                       // between
	fFrom                          // from
	fIn                            // in ("one in five")
	fMinus                         // minus
	fMagnitude                     // magnitude (before the number)
	fScoreCtx                      // won, beat, victory...: "3-1" is a score
	fOneCtx                        // words after which "one" is a pronoun
	fHyphBad                       // "one-off", "two-way", "second-hand": not quantities
	fOrdSuf                        // st, nd, rd, th
	fScaleSuf                      // k, m, bn... glued to digits
	fSquare                        // square, sq, cubic: a two-word unit follows
	fTemp                          // celsius, fahrenheit, centigrade
	fModOnly                       // more, other, additional: modifies, never heads
	fPersonN                       // man, victim, driver: "a man, 31," gives an age
	fLabel                         // day, round, stage: "day three" numbers the day
	fIdent                         // flight, article, route: "Flight 370" names, not counts
	fElide                         // in, and, were: after a bare count, its noun is elided
)

// anchorFlags mark the words a quantity can start with.
const anchorFlags = fCard | fTens | fVague | fTensV | fSeveral | fScores | fOrdinal | fHalf | fA

// entry is what the lexicon knows about one lowercased word.
type entry struct {
	fl    uint64
	num   float64 // cardinal, ordinal or denominator value
	scale float64 // multiplier of scale words and suffixes
	vlo   float64 // vague words: interval and point value per unit of what follows
	vhi   float64
	vval  float64
	unit  string // normalized unit of measure
	cur   string // currency code
	lemma string // singular of an irregular plural
}

// maxKey bounds the words looked up; nothing longer is in the lexicon.
const maxKey = 20

type lexicon struct {
	ids map[string]uint16
	ent []entry
}

func (l *lexicon) add(w string, e entry) {
	id, ok := l.ids[w]
	if !ok {
		id = uint16(len(l.ent))
		l.ent = append(l.ent, entry{})
		l.ids[w] = id
	}
	x := &l.ent[id]
	x.fl |= e.fl
	if e.num != 0 {
		x.num = e.num
	}
	if e.scale != 0 {
		x.scale = e.scale
	}
	if e.vhi != 0 {
		x.vlo, x.vhi, x.vval = e.vlo, e.vhi, e.vval
	}
	if e.unit != "" {
		x.unit = e.unit
	}
	if e.cur != "" {
		x.cur = e.cur
	}
	if e.lemma != "" {
		x.lemma = e.lemma
	}
}

func (l *lexicon) flag(fl uint64, words ...string) {
	for _, w := range words {
		l.add(w, entry{fl: fl})
	}
}

func buildLexicon() *lexicon {
	l := &lexicon{ids: make(map[string]uint16, 1024), ent: make([]entry, 1, 1024)}

	cards := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range cards {
		l.add(w, entry{fl: fCard, num: float64(i)})
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	for i, w := range tens {
		l.add(w, entry{fl: fTens, num: float64(20 + 10*i)})
	}
	l.add("hundred", entry{fl: fHundred, scale: 100})
	for w, s := range map[string]float64{
		"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
		"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
		"mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
	} {
		l.add(w, entry{fl: fScale, scale: s})
	}
	l.add("dozen", entry{fl: fDozen, scale: 12})
	// Glued to digits: "1.5m", "3bn", "10k". "m" and "b" are settled by
	// context (metre or million, billion only after a currency).
	for w, s := range map[string]float64{
		"k": 1e3, "m": 1e6, "b": 1e9, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9,
		"tn": 1e12, "trn": 1e12, "tr": 1e12,
	} {
		l.add(w, entry{fl: fScaleSuf, scale: s})
	}
	// Vague plurals: interval and point value per unit of a following
	// "of thousands" ("tens of thousands" = 20..99 thousand).
	l.add("dozens", entry{fl: fVague, vlo: 24, vhi: 99, vval: 36})
	l.add("hundreds", entry{fl: fVague, scale: 1e2, vlo: 200, vhi: 999, vval: 300})
	l.add("thousands", entry{fl: fVague, scale: 1e3, vlo: 2e3, vhi: 1e4 - 1, vval: 3e3})
	l.add("millions", entry{fl: fVague, scale: 1e6, vlo: 2e6, vhi: 1e7 - 1, vval: 3e6})
	l.add("billions", entry{fl: fVague, scale: 1e9, vlo: 2e9, vhi: 1e10 - 1, vval: 3e9})
	l.add("trillions", entry{fl: fVague, scale: 1e12, vlo: 2e12, vhi: 1e13 - 1, vval: 3e12})
	l.add("tens", entry{fl: fTensV, vlo: 20, vhi: 99, vval: 30})
	l.add("scores", entry{fl: fScores, vlo: 40, vhi: 99, vval: 60})
	l.flag(fSeveral, "several")
	l.flag(fFew, "few")
	l.flag(fCouple, "couple")
	l.flag(fHandful, "handful")

	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
		"seventeenth", "eighteenth", "nineteenth"}
	for i, w := range ords[1:] {
		l.add(w, entry{fl: fOrdinal, num: float64(i + 1)})
	}
	for i, w := range []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"} {
		l.add(w, entry{fl: fOrdinal, num: float64(20 + 10*i)})
	}
	l.add("hundredth", entry{fl: fOrdinal | fFracDen, num: 100})
	l.add("thousandth", entry{fl: fOrdinal | fFracDen, num: 1000})
	l.add("millionth", entry{fl: fOrdinal, num: 1e6})
	for i, w := range ords[3:11] {
		l.add(w, entry{fl: fFracDen, num: float64(i + 3)})
		l.add(w+"s", entry{fl: fFracPl, num: float64(i + 3)})
	}
	l.add("half", entry{fl: fHalf | fFracDen, num: 2})
	l.add("halves", entry{fl: fFracPl, num: 2})
	l.add("quarter", entry{fl: fFracDen, num: 4})
	l.add("quarters", entry{fl: fFracPl, num: 4})
	l.add("hundredths", entry{fl: fFracPl, num: 100})
	l.flag(fA, "a", "an")
	l.flag(fOrdSuf, "st", "nd", "rd", "th")

	units := map[string][]string{
		"second":    {"second", "seconds", "sec", "secs"},
		"minute":    {"minute", "minutes", "min", "mins"},
		"hour":      {"hour", "hours", "hr", "hrs"},
		"day":       {"day", "days"},
		"week":      {"week", "weeks"},
		"month":     {"month", "months"},
		"year":      {"year", "years", "yr", "yrs"},
		"decade":    {"decade", "decades"},
		"century":   {"century", "centuries"},
		"km":        {"km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"},
		"mile":      {"mile", "miles", "mi"},
		"m":         {"m", "metre", "metres", "meter", "meters"},
		"cm":        {"cm", "centimetre", "centimetres", "centimeter", "centimeters"},
		"mm":        {"mm", "millimetre", "millimetres", "millimeter", "millimeters"},
		"ft":        {"ft", "foot", "feet"},
		"inch":      {"inch", "inches"},
		"yard":      {"yard", "yards", "yd", "yds"},
		"ha":        {"ha", "hectare", "hectares"},
		"acre":      {"acre", "acres"},
		"kg":        {"kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"},
		"g":         {"g", "gram", "grams", "gramme", "grammes"},
		"mg":        {"mg", "milligram", "milligrams"},
		"tonne":     {"tonne", "tonnes"},
		"ton":       {"ton", "tons"},
		"lb":        {"lb", "lbs"},
		"oz":        {"oz", "ounce", "ounces"},
		"l":         {"litre", "litres", "liter", "liters"},
		"ml":        {"ml", "millilitre", "millilitres", "milliliter", "milliliters"},
		"gallon":    {"gallon", "gallons"},
		"barrel":    {"barrel", "barrels", "bbl"},
		"degree":    {"degree", "degrees"},
		"mph":       {"mph"},
		"km/h":      {"kph", "kmh"},
		"knot":      {"knot", "knots"},
		"W":         {"watt", "watts"},
		"kW":        {"kw", "kilowatt", "kilowatts"},
		"MW":        {"mw", "megawatt", "megawatts"},
		"GW":        {"gw", "gigawatt", "gigawatts"},
		"kWh":       {"kwh"},
		"MWh":       {"mwh"},
		"GWh":       {"gwh"},
		"TWh":       {"twh"},
		"V":         {"volt", "volts"},
		"KB":        {"kb"},
		"MB":        {"mb"},
		"GB":        {"gb"},
		"TB":        {"tb"},
		"magnitude": {"magnitude"},
	}
	for u, ws := range units {
		for _, w := range ws {
			l.add(w, entry{fl: fUnit, unit: u})
		}
	}
	l.flag(fMagnitude, "magnitude")
	l.flag(fSquare, "square", "sq", "cubic", "nautical")
	l.flag(fTemp, "celsius", "fahrenheit", "centigrade")

	curs := map[string][]string{
		"USD":   {"dollar", "dollars"},
		"EUR":   {"euro", "euros"},
		"GBP":   {"pound", "pounds", "sterling"},
		"JPY":   {"yen"},
		"CNY":   {"yuan", "renminbi"},
		"INR":   {"rupee", "rupees"},
		"RUB":   {"rouble", "roubles", "ruble", "rubles"},
		"dinar": {"dinar", "dinars"},
		"riyal": {"riyal", "riyals"},
		"AED":   {"dirham", "dirhams"},
		"lira":  {"lira", "liras", "lire"},
		"peso":  {"peso", "pesos"},
		"franc": {"franc", "francs"},
		"ILS":   {"shekel", "shekels"},
		"ZAR":   {"rand"},
		"NGN":   {"naira"},
		"BTC":   {"bitcoin", "bitcoins"},
		"cent":  {"cent", "cents"},
		"pence": {"pence", "penny"},
	}
	for c, ws := range curs {
		for _, w := range ws {
			l.add(w, entry{fl: fCurrency, cur: c})
		}
	}
	for _, c := range []string{"usd", "eur", "gbp", "jpy", "cny", "inr", "rub", "chf", "aud", "cad",
		"hkd", "sgd", "aed", "sar", "iqd", "irr", "try", "ngn", "zar", "brl", "mxn", "krw", "ils",
		"egp", "pkr", "kes", "sek", "nok", "dkk", "pln"} {
		l.add(c, entry{fl: fCurCode, cur: upperASCII(c)})
	}
	l.add("rmb", entry{fl: fCurCode, cur: "CNY"})
	l.add("rs", entry{fl: fCurCode, cur: "INR"})
	for w, c := range map[string]string{
		"us": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
		"singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD",
	} {
		l.add(w, entry{fl: fCurAdj, cur: c})
	}
	l.flag(fPercent, "percent", "pct", "pc")
	l.flag(fPer, "per")
	l.flag(fCent, "cent")
	l.flag(fPercentage, "percentage")
	l.flag(fBasis, "basis")
	l.flag(fPoints, "point", "points")
	l.add("point", entry{fl: fUnit, unit: "point"})
	l.add("points", entry{fl: fUnit, unit: "point"})
	l.add("bp", entry{fl: fPercent, unit: "bp"})
	l.add("bps", entry{fl: fPercent, unit: "bp"})

	l.flag(fMonth, "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
		"aug", "sep", "sept", "oct", "nov", "dec")
	l.flag(fWeekday, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
	l.flag(fTimeSuf, "am", "pm", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt",
		"cdt", "cst", "ist", "o'clock", "hrs")

	// Function words end a noun phrase and never head one.
	l.flag(fFunc,
		// prepositions
		"in", "on", "at", "of", "from", "to", "for", "with", "by", "into", "onto", "during", "since",
		"after", "before", "across", "over", "under", "near", "between", "among", "amongst", "against",
		"about", "through", "throughout", "toward", "towards", "within", "without", "per", "via",
		"than", "as", "like", "including", "despite", "amid", "amidst", "around", "behind", "beyond",
		"inside", "outside", "upon", "until", "till", "along", "alongside", "above", "below",
		"following", "versus", "vs", "off", "out", "up", "down", "onboard", "aboard", "plus", "minus",
		"compared", "according", "except", "beside", "besides", "while", "whilst",
		// determiners and pronouns
		"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
		"your", "some", "any", "each", "every", "all", "both", "no", "another", "either", "neither",
		"it", "they", "them", "we", "us", "he", "she", "him", "who", "whom", "whose", "which", "what",
		"i", "you", "me", "there", "here", "itself", "themselves", "one", "ones", "such",
		"others", "perhaps", "always", "sometimes", "afterwards", "nowadays",
		// conjunctions
		"and", "or", "but", "nor", "so", "yet", "whereas", "although", "though", "because", "if",
		"when", "where", "whether", "unless", "then", "thus", "hence", "whereby",
		// auxiliaries and reporting verbs
		"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
		"will", "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says",
		"say", "told", "added", "reported", "remain", "remains", "remained", "died", "were", "became",
		"not", "n't", "get", "got", "make", "made", "take", "took",
		// irregular past tenses, which the -ed test misses
		"struck", "lost", "won", "fell", "rose", "came", "went", "left", "began", "broke",
		"brought", "caught", "drove", "fled", "fought", "found", "gave", "grew", "held", "kept",
		"knew", "met", "paid", "ran", "saw", "sent", "sold", "spent", "spoke", "stood", "stole",
		"swept", "threw", "tore", "wore", "wrote", "worth", "sought", "taught", "thought",
		"bought", "built", "burnt", "dealt", "felt", "heard", "meant", "slept", "sank", "shrank",
		"swam", "rang", "sang", "forgave", "withdrew", "overtook", "undertook", "arose",
		// adverbs that follow numbers
		"also", "still", "now", "already", "just", "only", "even", "again", "ago", "later", "earlier",
		"apiece", "each", "respectively", "altogether", "overall", "total", "combined", "so", "too",
		"very", "away", "apart", "ahead", "long", "high",
		"deep", "wide", "tall", "north", "south", "east", "west", "northeast", "northwest",
		"southeast", "southwest", "short", "shy", "left", "running", "straight", "annually",
		"yearly", "daily", "monthly", "weekly", "hourly", "approximately", "roughly", "nearly",
		"almost", "exactly", "precisely", "well", "barely", "ever", "never", "else", "how", "why",
		"prior",
	)
	l.flag(fModOnly, "more", "fewer", "less", "most", "least", "other", "additional", "extra",
		"further", "new", "own", "same", "different", "various", "many", "much", "such", "overseas")
	l.flag(fElide, "in", "on", "at", "from", "across", "inside", "outside", "near", "into", "within",
		"among", "along", "throughout", "around", "per", "each", "apiece", "respectively", "and", "or",
		"but", "nor", "while", "whereas", "is", "are", "was", "were", "have", "has", "had", "will",
		"would", "could", "may", "might", "remain", "remained", "still", "also", "more", "others",
		"of", "so", "too", "alone", "altogether", "total", "last", "this", "next")
	l.flag(fDet, "the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "this",
		"that", "all", "whose")
	l.flag(fOneCtx, "no", "the", "this", "that", "every", "any", "each", "which", "last",
		"another", "someone", "anyone", "everyone")

	irr := map[string]string{
		"people": "person", "persons": "person", "children": "child", "women": "woman", "men": "man",
		"police": "police", "personnel": "personnel", "staff": "staff", "cattle": "cattle",
		"sheep": "sheep", "fish": "fish", "aircraft": "aircraft", "deer": "deer", "livestock": "livestock",
		"feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "crew": "crew",
		"militia": "militia", "clergy": "clergy", "infantry": "infantry", "youth": "youth",
		"lives": "life", "wives": "wife", "knives": "knife", "thieves": "thief", "leaves": "leaf",
		"wolves": "wolf", "shelves": "shelf", "analyses": "analysis", "crises": "crisis",
		"theses": "thesis", "series": "series", "species": "species", "means": "means",
		"news": "news", "heroes": "hero", "potatoes": "potato", "tomatoes": "tomato",
		"echoes": "echo", "vetoes": "veto", "torpedoes": "torpedo", "volcanoes": "volcano",
		"movies": "movie", "calories": "calorie", "cookies": "cookie", "rookies": "rookie",
		"zombies": "zombie", "lies": "lie", "ties": "tie", "pies": "pie", "niches": "niche",
		"caches": "cache", "headaches": "headache", "avalanches": "avalanche", "buses": "bus",
		"gases": "gas", "diagnoses": "diagnosis", "bases": "base", "indices": "index",
		"media": "media", "data": "data", "criteria": "criterion", "phenomena": "phenomenon",
		"dice": "die", "oxen": "ox", "bacteria": "bacterium", "graffiti": "graffiti",
	}
	for w, lemma := range irr {
		l.add(w, entry{lemma: lemma})
	}
	// Only the ones that are plural without a final s are marked, so
	// the -s test does the rest.
	l.flag(fIrrPl, "people", "children", "women", "men", "police", "personnel", "staff", "cattle",
		"sheep", "fish", "aircraft", "deer", "livestock", "feet", "teeth", "mice", "geese", "crew",
		"militia", "clergy", "infantry", "youth", "media", "data", "criteria", "phenomena", "oxen",
		"bacteria")

	l.flag(fEvent, "elections", "polls", "games", "olympics", "attacks", "protests", "riots",
		"floods", "midterms", "primaries", "talks", "accords", "finals", "championships", "playoffs",
		"uprisings", "bombings", "killings", "massacres", "sanctions", "hearings", "negotiations",
		"hostilities", "wars", "battles", "clashes", "earthquakes", "wildfires", "fires", "storms",
		"hurricanes", "budgets", "accounts", "figures", "results", "levels", "numbers", "rates",
		"prices", "estimates", "forecasts", "projections", "statistics", "rankings", "standings",
		"seasons", "editions", "awards", "nominations", "events", "strikes", "airstrikes", "raids",
		"lockdowns", "restrictions", "reforms", "laws", "rules", "guidelines", "agreements",
		"deals", "talks", "summits", "meetings", "visits", "trips", "campaigns", "races",
		"contests", "debates", "surveys", "census", "reports", "findings", "records", "highs",
		"lows", "peaks", "values", "terms", "dollars", "models", "versions", "editions")
	l.flag(fLabel, "day", "week", "round", "stage", "phase", "part", "game", "match", "season",
		"episode", "step", "tier", "leg", "lap", "heat", "act", "scene", "year", "month", "term")
	// After these the number identifies rather than counts.
	l.flag(fIdent, "page", "section", "gate", "terminal", "room", "platform", "row", "lane", "track",
		"category", "division", "group", "zone", "article", "paragraph", "clause", "item",
		"question", "pier", "berth", "block", "hall", "highway", "route", "exit", "flight", "lot",
		"unit", "ward", "reactor", "runway", "hole", "resolution", "chapter", "bus", "train",
		"model", "version", "number", "channel", "district", "precinct", "sector", "apartment",
		"suite", "building", "code", "line", "seat", "car", "court", "window", "door", "box",
		"table", "pitch", "square", "road", "street", "avenue", "district", "level", "grade", "volume",
		"issue", "tranche", "batch", "gen", "mark", "mk", "type", "class", "series", "size", "pod",
		"cell", "wing", "floor", "storey", "bed", "bay", "camp", "sample", "patient", "case",
		"figure", "fig", "table", "appendix", "annex", "annexe", "schedule", "exhibit", "count",
		"ios", "android", "windows", "php", "python", "html", "mp", "fm")
	l.flag(fOld, "old", "olds")
	l.flag(fPersonN, "man", "woman", "boy", "girl", "son", "daughter", "mother", "father", "wife",
		"husband", "brother", "sister", "victim", "suspect", "driver", "teenager", "resident",
		"student", "officer", "soldier", "passenger", "worker", "friend", "partner", "player",
		"child", "baby", "pilot", "journalist", "nurse", "doctor", "teacher", "farmer", "mum", "dad")
	l.flag(fAged, "aged", "age", "ages")
	l.flag(fStrong, "strong")
	l.flag(fOdd, "odd")
	l.flag(fPlus, "plus")
	l.flag(fNo, "no", "nos")
	l.flag(fOf, "of")
	l.flag(fAnd, "and")
	l.flag(fOr, "or")
	l.flag(fTo, "to")
	l.flag(fBetween, "between")
	l.flag(fFrom, "from")
	l.flag(fIn, "in")
	l.flag(fMinus, "minus")
	l.flag(fScoreCtx, "won", "beat", "beats", "lost", "drew", "draw", "drawn", "win", "wins",
		"victory", "defeat", "defeated", "lead", "led", "leads", "trailing", "trailed", "loss",
		"losses", "thrashing", "thrashed", "edged", "score", "scoreline", "beating", "routed", "rout")
	l.flag(fHyphBad, "off", "sided", "way", "hand", "handed", "liner", "on", "to", "guess", "rate",
		"class", "ever", "up", "and", "or", "in", "of", "by", "for", "time", "guessing", "guessed",
		"guesses", "something", "somethings")
	// Words that qualifier phrases are made of must have an id.
	for _, q := range qualifierPhrases() {
		for _, w := range q.words {
			l.add(w, entry{})
		}
	}
	return l
}

// qualPhrase is a multi-word qualifier and the normalized qualifier it
// stands for.
type qualPhrase struct {
	words []string
	qual  string
}

func qualifierPhrases() []qualPhrase {
	p := func(q string, phrases ...string) []qualPhrase {
		out := make([]qualPhrase, 0, len(phrases))
		for _, ph := range phrases {
			out = append(out, qualPhrase{words: splitSpaces(ph), qual: q})
		}
		return out
	}
	var all []qualPhrase
	all = append(all, p(QualAbout, "about", "around", "some", "roughly", "approximately", "approx",
		"an estimated", "estimated", "circa", "ca", "in the region of", "on the order of",
		"of the order of", "something like", "just about", "somewhere around", "roughly about",
		"an approximate", "give or take", "more or less", "in the neighbourhood of",
		"in the neighborhood of", "or so")...)
	all = append(all, p(QualNearly, "nearly", "almost", "close to", "just under", "just shy of",
		"shy of", "barely", "scarcely", "hardly", "not quite", "just below", "a little under",
		"slightly under", "slightly less than", "a little less than", "just less than",
		"slightly fewer than", "just fewer than", "a little below", "slightly below",
		"close on", "very nearly", "only just")...)
	all = append(all, p(QualMoreThan, "more than", "over", "above", "in excess of", "upwards of",
		"upward of", "well over", "just over", "well above", "just above", "north of", "exceeding",
		"beyond", "a little over", "slightly over", "slightly more than", "a little more than",
		"just more than", "well in excess of", "greater than", "higher than", "far more than",
		"many more than", "much more than", "well more than", "a bit more than", "a bit over",
		"slightly above", "a little above")...)
	all = append(all, p(QualLessThan, "less than", "fewer than", "under", "below", "well under",
		"well below", "lower than", "far fewer than", "far less than", "much less than")...)
	all = append(all, p(QualAtLeast, "at least", "no fewer than", "no less than", "not less than",
		"not fewer than", "a minimum of", "minimum of", "as few as", "as little as", "at the least",
		"at the very least", "upward of at least")...)
	all = append(all, p(QualAtMost, "at most", "no more than", "not more than", "a maximum of",
		"maximum of", "no greater than", "not exceeding", "at the most", "at the very most")...)
	all = append(all, p(QualUpTo, "up to", "as many as", "as much as", "as high as", "as large as")...)
	return all
}

func splitSpaces(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}
