// Package dedup finds repeated text so that a story counts once: a
// paragraph a page prints twice, an article two sites scraped, and one
// agency story that five outlets reprinted, which is one independent
// source, not five.
//
// It works at three levels:
//
//   - [Paragraphs], within one source: drops exact and near-duplicate
//     paragraphs (a standfirst repeated under the photo, a lede repeated
//     at the foot of the page and cut off at "..."), keeping the first.
//   - [Corpus], near duplicates: whole documents that are the same
//     article with small edits ([Result].DuplicateOf).
//   - [Corpus], syndication: sources that share substantial passages even
//     though each has its own paragraphs, such as wire copy under a local
//     introduction with its end trimmed ([Result].Groups).
//
// # Normalisation
//
// Text is compared as words: lowercased, accents removed (canonical
// decomposition, non-spacing marks dropped), apostrophes removed inside
// words, and every other non-letter, non-digit rune (punctuation, curly
// quotes, dashes, ellipses, whitespace) separating words. Each word becomes
// a 64-bit FNV-1a hash; k consecutive word hashes are mixed into one
// 64-bit shingle hash.
//
// # MinHash and LSH
//
// Corpus never compares all pairs. Every paragraph ("passage") of six or
// more words gets a MinHash signature of Hashes values, and every document
// the element-wise minimum of its passages' signatures: for each of Hashes hash functions, the smallest value over the
// text's shingles. Two signatures agree in a given position with
// probability equal to the Jaccard similarity J of the shingle sets, so
// the fraction of agreeing positions estimates J with standard error
// sqrt(J(1-J)/Hashes). Function i of a shingle is (h1 + i*h2) XOR key_i:
// two 64-bit mixes of the shingle hash per shingle, then one add and one
// XOR per function. The XOR matters: without it a shingle whose step h2 is
// tiny wins runs of functions together, and on paragraph-sized sets the
// chance of estimating 0.9 below 0.8 grew ninefold (see minhash_test.go).
//
// Signatures are cut into Bands bands of r = Hashes/Bands rows. Items whose
// band values are all equal in at least one band land in a shared bucket
// and become candidate pairs; only candidates are verified by comparing
// signatures. The probability that a pair at Jaccard s becomes a candidate
// is the S-curve [CandidateProbability]:
//
//	P(s) = 1 - (1 - s^r)^b
//
// With the defaults, r = 4 and b = 32:
//
//	s     0.2     0.3     0.42    0.5     0.6     0.8        0.9
//	P(s)  0.050   0.229   0.636   0.873   0.988   1-4.7e-8   1-1.4e-15
//
// The steep part of the curve sits near (1/b)^(1/r) = 0.42, well below
// both thresholds that decide anything (0.6 for passages, 0.8 for
// documents), so pairs that matter are almost never missed: 1.2% at
// s = 0.6, about 5 in 100 million at s = 0.8. The price is extra candidates
// between 0.3 and 0.6, each rejected by one comparison of 128 values.
//
// Exact copies (same normalised text) are collapsed before banding, and a
// bucket with more than 32 members is linked as a star around its earliest
// member instead of pairwise, so one text in hundreds of outlets, or
// boilerplate that cleaning missed, costs linear work, not quadratic.
//
// # Parameters
//
// [Params] holds the knobs; [DefaultParams] returns these values.
//
// PassageShingle = 3: words per shingle. Paragraphs are 20 to 60 words;
// with 5-word shingles one edited word would remove five of ~30 shingles,
// with 3-word shingles it removes three, so a lightly edited wire
// paragraph stays well above PassageThreshold, while unrelated paragraphs
// still share almost no 3-word runs. Whole documents are compared on the
// union of their paragraphs' shingles: the MinHash of a union is the
// element-wise minimum of the parts' MinHashes, so document signatures
// cost no hashing of their own, which halves the cost of Corpus. Two
// outlets' own reports of one event share names and stock phrases
// ("prime minister mohammed shia al sudani") but few 3-word runs overall:
// among the seed articles in testdata/iraq-visit, five reports of one
// visit, no two come near DuplicateThreshold.
//
// Hashes = 128: the standard error of a Jaccard estimate is at most 0.044
// (0.035 at J = 0.8), small enough to separate near duplicates (0.85 and
// up) from pairs below 0.7 reliably. Each signature keeps the top 32 bits of
// each minimum, 512 bytes, about 51 MB for 100,000 paragraphs.
//
// Bands = 32 (so 4 rows): puts the S-curve's threshold at 0.42, as above.
// More rows per band would cut candidates but miss passages: with r = 8,
// b = 16 a pair at 0.6 is a candidate only 24% of the time, at 0.8 95%.
//
// DuplicateThreshold = 0.8: estimated Jaccard at or above which two
// documents are near duplicates. The same article with a changed headline,
// a few words edited, a paragraph dropped or junk lines added keeps 0.85
// to 0.95 of its shingles; independent reports of the same event,
// even quoting the same people, stay below 0.1. 0.8 sits between, about
// three standard errors below 0.9.
//
// ParagraphThreshold = 0.5: exact (not estimated) Jaccard of 3-word
// shingle sets at or above which a later paragraph of the same source
// repeats an earlier one. One changed word leaves a 12-word paragraph at
// 0.54 and a 29-word one at 0.8, while different paragraphs of one
// article, which share its names and phrases, stay below 0.1 (0.088 at
// most in the seed articles). It is lower
// than PassageThreshold because both paragraphs come from one page, where
// half the phrasing repeated is a repeat, not independent reporting.
//
// PassageThreshold = 0.6: estimated Jaccard, or containment of the
// smaller paragraph in the larger (|A∩B|/min(|A|,|B|), derived from the
// estimate and the shingle counts), at or above which paragraphs of two
// sources are one passage. A 30-word wire paragraph reprinted with one
// word changed keeps 0.81, with two 0.65, and a paragraph trimmed or split
// by an editor is caught by containment. Paragraphs built around the same quotation can
// match too; that is why a matched passage alone never joins two sources.
//
// SyndicationMinWords = 40: the least number of shared words that can make
// two sources one. A quoted sentence with its attribution, the text that
// independent outlets most often share, is 20 to 35 words.
//
// SyndicationMinShare = 0.3: the share of the shorter source's words that
// must lie in shared passages. Wire copy under a local introduction with
// its last two paragraphs cut still shares 85% to 90% with the wire in the
// test fixtures; an independent report that quotes the same official
// shares 10%, and 25% after pasting in the wire's two background
// paragraphs. Measuring against the
// shorter source lets a news brief cut from a long wire story join it.
//
// Fixed constants, not worth a knob:
//
//   - Paragraphs of fewer than 6 words are dropped by Paragraphs only when
//     identical: short lines ("Read more", "Iraq news") are too short for
//     similarity to mean anything.
//   - A later paragraph with at least 90% of its 3-word shingles inside an
//     earlier one, or whose words (less a last word cut off by a trailing
//     ellipsis) appear in it in order, is a truncated copy of it.
//   - The "opening" that ReasonRepeatedLede refers to is the first 5
//     paragraphs of 6 or more words: headline, standfirst, caption, lede.
//   - Paragraphs of fewer than 6 words take no part in syndication: they
//     are labels and bylines, and could add at most 5 words each.
//   - LSH buckets and passage clusters with more than 32 members are
//     linked as stars around their earliest member.
//
// # Cost
//
// Corpus tokenizes and signs on GOMAXPROCS goroutines; the rest is linear
// passes, a radix partition per band, and union-find. Signing, 128
// functions over ~13 million shingles, is about two thirds of the time. On
// 10,000 synthetic articles (~40 MB, ~115,000 paragraphs) BenchmarkCorpus
// measured ~1.2 s wall and ~2.3 s CPU on a shared two-vCPU machine, with
// ~85 MB allocated (59 MB of it passage signatures); cost grows linearly
// with the corpus (BenchmarkCorpusWireFlood and its 10x variant). The
// output does not depend on scheduling.
//
// # Limitations
//
//   - Words are split on non-letters, so scripts written without spaces
//     (Chinese, Japanese, Thai) are compared as long runs, not words.
//   - Near-duplicate clusters are transitive: A~B and B~C put C under A
//     even when A and C alone would fall below DuplicateThreshold;
//     Similarity then reports the lower A-C estimate.
//   - A paragraph much shorter than its match (a third of it or less) is
//     only found when LSH happens to pair them, since their Jaccard is low
//     even when containment is full.
//   - In a passage cluster of more than 32 sources only pairs with the
//     cluster's earliest source are credited. When the paragraphs of one
//     widely reprinted story have different earliest sources, the credit is
//     spread over several pairs and a reprint may fall short of the
//     thresholds with each of them.
//   - Signatures are kept for every paragraph, short ones included, so
//     memory is 512 bytes per paragraph plus per document at the default
//     128 hashes.
package dedup
