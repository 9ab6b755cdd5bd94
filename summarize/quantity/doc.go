// Package quantity finds the numbers in one English news sentence and says
// what each one counts, how precisely, and in what unit, so that the fact
// stage can line up "about 2,000 American troops" from one outlet against
// "some 2,500 US soldiers" from another and decide whether they agree.
//
// A [Finder] is built once ([NewFinder]) and shared; [Finder.Find] returns
// the quantities of a sentence in order, never overlapping. Each
// [Quantity] carries its byte span (qualifier, number, unit and noun
// phrase), the span of the number alone, a point [Quantity.Value] and an
// interval [Quantity.Low, Quantity.High] that says what the wording
// allows. [Overlaps] compares two intervals.
//
// # Intervals
//
// The interval is the whole contract with the caller: two reports are
// compatible when their intervals overlap (after the caller has checked
// that Kind, Unit and Noun match). Rules, for a stated value X:
//
//	exact numeral        "2,500", "three", "a dozen"   [X, X]
//	about                "about/some/around X"         [X(1-t), X(1+t)]   t = ApproxTolerance = 10%
//	nearly               "nearly/almost X"             [X(1-t), X]        t = NearlyTolerance = 10%
//	more than            "more than/over X"            (X, 1.5X]          MoreThanFactor = 1.5, LowOpen
//	less than            "less than/fewer than/under X" [0, X)            HighOpen
//	at least             "at least X"                  [X, +Inf]
//	at most, up to       "at most/up to X"             [0, X]
//	range                "10-20", "between 10 and 20"  [10, 20], Value 15
//
// With the 10% tolerance "some 2,500" [2250, 2750] admits "2,500" while
// "about 2,000" [1800, 2200] does not. "More than X" is capped at 1.5X,
// not +Inf, so "more than 500" agrees with "600" but not with "4,000";
// its lower bound is open, so it does not agree with "500" either.
// Lower bounds are 0 except for temperatures and negative numbers, where
// they are -Inf. A qualifier applied to a vague word or a range applies
// to its ends ("about 40,000 to 50,000" is [36000, 55000]).
//
// Vague words have their own intervals and a point value:
//
//	a couple (of)         [2, 3]            2
//	a few                 [2, 5]            3
//	a handful (of)        [2, 6]            4
//	several               [3, 9]            3
//	several/a few + S     [2S, 9S]/[2S, 5S] 3S  ("several hundred" [200, 900], 300)
//	dozens                [24, 99]          36
//	scores (of)           [40, 99]          60
//	tens (of)             [20, 99]          30
//	hundreds              [200, 999]        300
//	thousands, millions…  [2S, 10S-1]       3S
//	tens of thousands     [20000, 99999]    30000 (any "V of S": V's interval times S)
//
// Round numbers without a qualifier ("2,000", "1 million", "a dozen") stay
// exact: deciding how loosely a round figure was meant is the caller's
// business. Exact is false for every hedge, vague word and range.
//
// # Qualifiers
//
// Qualifier is one of QualNone, QualAbout, QualNearly, QualMoreThan,
// QualLessThan, QualAtLeast, QualAtMost, QualUpTo. The wordings map so:
//
//	about      about, around, some, roughly, approximately, approx, circa,
//	           (an) estimated, in the region of, on the order of, "X or so"
//	nearly     nearly, almost, close to, just under, barely, scarcely,
//	           hardly, not quite, just shy of, slightly less than
//	more than  more than, over, above, in excess of, upwards of, just/well
//	           over, north of, greater than, "X-plus", "X+", "X-odd"
//	less than  less than, fewer than, under, below, well under
//	at least   at least, no fewer/less than, a minimum of, as few as,
//	           "X or more"
//	at most    at most, no more than, a maximum of, "X or fewer/less"
//	up to      up to, as many as, as much as, as high as
//
// "Over" is folded into "more than". "Exactly", "just" and "only" are not
// qualifiers: the number stays exact and the word stays outside the span.
//
// # Kinds and units
//
// Count ("2,500 troops"), Percent (Unit "%", "pp" for percentage points,
// "bp" for basis points), Money (Unit an ISO code such as "USD", "EUR",
// "GBP", "INR", from a symbol, a code or a word; "dinar", "riyal", "lira",
// "peso", "franc", "cent", "pence" where no one code applies; "pounds" is
// GBP, while "2,000-pound bombs" are a Measure in "lb"), Measure (Unit
// "km", "mile", "m", "kg", "tonne", "lb", "degree", "°C", "°F", "km/h",
// "mph", "second", "minute", "hour", "day", "week", "month", "year",
// "decade", "magnitude", "point"...), Ordinal ("20th", "second", "No. 2",
// "day three"), Fraction ("one third", "half of", "two-thirds", "one in
// five", "2/3"; Value is the fraction, 0.333...) and Age ("Gilliam, 27,",
// "a 27-year-old man", "aged 27", "45 years old"; Unit "year" or "month").
// A glued "m" is a million after a currency or before a plural noun
// ("$5m", "1.5m people") and a metre otherwise ("a 100m sprint").
//
// # Nouns
//
// Noun is the lowercased singular of the head of the noun phrase after
// the number: "2,500 American non-combat troops" gives "troop" with
// Modifiers ["american", "non-combat"]; "of" and a determiner after the
// number are skipped ("dozens of Iraqi troops", "40% of the vote"). Counts
// above one take the first plural word as the head, so in coordinated
// phrases the first conjunct wins: "tens of thousands of mostly women and
// children" is "woman", Modifiers ["mostly"]. Irregular plurals map to
// their singular ("people" -> "person", "children" -> "child"). A
// quantity used as an attribute takes the singular noun it modifies
// ("11-day standoff", "20th anniversary", "a $3bn deal"); money, percent
// and measure take one only after a determiner, so "£40bn includes" has
// none. A hyphenated count names its own noun: "a 15-member delegation"
// counts "member".
//
// A count with no noun of its own, followed by a preposition, conjunction
// or punctuation, takes the noun of the previous count in the sentence
// and sets Elided ("2,500 troops in Iraq and an additional 900 in Syria":
// 900 troop). "412 of the 650 seats" takes the noun of the count it is a
// part of. Elided nouns have NounStart and NounEnd -1.
//
// # What is not a quantity
//
// A bare integer from 1800 to 2100 without a comma is a year, unless a
// qualifier precedes it ("some 1900 people"; "about" and "around" also
// date years, so they need the noun) or a lowercase plural count noun
// follows it ("2000 troops"; not "the 2020 elections"). Also skipped: day
// numbers next to a month ("March 20", "20 March", "Jan. 15", "7th of
// March"), clock times ("12:28", "3 p.m.", "1430 GMT"), phone numbers, ISO
// dates, decades ("1990s", "'90s"), versions ("1.2.3"), numbers inside
// words ("G7", "COVID-19", "F-16", "mid-2014"), numbers that name rather
// than count ("Flight 370", "Article 5", "Boeing 737", "S&P 500"), scores
// ("won 3-1"), list and note markers ("1.", "(2)", "[3]"), and "one" as
// a pronoun ("one of the", "no one", "the one who"). "No. 2", "#1" and
// "day three" are ordinals.
//
// # Cost
//
// Find tokenizes once and scans tokens by hand; no regular expressions.
// Words are looked up in the lexicon only when shaped like a number word
// or when they sit next to a number, so a sentence without numbers costs
// little more than the tokenizer. See BenchmarkFind.
package quantity
