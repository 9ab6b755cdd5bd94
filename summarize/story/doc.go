// Package story groups a day's news articles into stories by event: the
// same event reported by many outlets in their own words, and its
// follow-ups over the next day or two, is one story; two earthquakes on
// the same day are two.
//
// It works in two phases, so that callers can stream: [Signer.Sign] turns
// one article into a [Signature] of a few hundred bytes, on any number of
// goroutines; [Cluster] then runs once over all signatures, because it
// needs to know how common each term is across them.
//
// # Signatures
//
// An article's terms are its content words, lowercased, accents folded,
// lightly stemmed and Americanised (package words), with function words,
// verbs of saying and calendar words dropped, and its numbers of two or
// more digits. Title words count three times, the first 80 content words
// of the text twice and the next 320 once; later text is not read, since news
// puts what happened, where and to whom first and the background that
// events of one kind share last. A capitalised word inside a sentence is
// taken for a name and counts three times, a number one and a half:
// names and figures say which event, common words only what kind. Weights
// are summed per term, damped as log(1+w) so that repetition counts less
// with each use, and the 96 heaviest terms are kept as 32-bit hashes with
// one-byte weights.
//
// # Clustering
//
// Cluster is single-pass (online) clustering as in Topic Detection and
// Tracking:
//
//   - Rarity. Each term is weighted by its inverse document frequency
//     over the signatures, log((n+1+P)/(df+p)). The prior (P = 100
//     articles, in a quarter of which the everyday words of news reports
//     appear, p = 25 for those and 0 for others) matters only for small
//     inputs, where among eight reports of two earthquakes "local" and
//     "kilometres" would otherwise look as rare as the towns' names.
//   - Unique terms. A term in one article only can make it like no
//     other, but how much it should make it unlike every other depends
//     on how many articles there are. Among a day's thousands, most
//     stories are told many times, and a word no other report uses is
//     incidental (page furniture, an outlet's turn of phrase): counted in
//     full, it would only keep reports of one story apart. Among a
//     handful, most stories are told once, and the words no other article
//     uses are most of what it says; left out, they would leave its
//     vector only the figures and everyday words it happens to share,
//     and those would make it look like anything. So such a term's
//     weight is scaled by the square root of the prior's share of the
//     evidence, P/(n+P) (its squared weight by that share): nearly full
//     among a handful of articles, all but gone, like the prior itself,
//     among a day's worth. It counts in the length of the vector, and
//     in no dot product.
//   - Vectors. An article's vector is its 30 heaviest terms by weight
//     times rarity, scaled to unit length.
//   - Order. Dated articles are taken in order of publication time, then
//     input order; undated ones after all of them, in input order.
//   - Candidates. An inverted index maps each term to the stories it was
//     added to, most recent last. An article reads, for each of its 15
//     heaviest terms that is in at most 5% of the articles (or 100), the last 24
//     postings; of the stories found within the window it compares the 8
//     sharing the most weight with it. No pair of articles is ever
//     compared as such.
//   - Joining. The article joins the most similar story, by cosine with
//     the story's centroid (the sum of its articles' vectors, cut to its
//     80 heaviest terms), if that is at least Threshold and the story's
//     latest dated article is within Window before it; otherwise it starts
//     a story. An undated article is not held to the window.
//   - Merging. Single-pass clustering splits a story whose first reports
//     happen to share few words, before its centroid has gathered what
//     they have in common. So the stories found are clustered again the
//     same way, centroid against centroid, with their time spans held to
//     the window, until nothing merges (at most three times).
//
// The cost per article is bounded by the caps above, so clustering time
// grows linearly with the number of articles: 2.3 to 3.7 s for 100,000
// on one core of a shared 2-core machine, after signing at 40 to 65 µs an
// article (see the benchmarks).
//
// The result is deterministic: Sign depends only on its article, and
// Cluster is sequential, with every tie broken by input order or term
// order.
//
// # Why these defaults
//
// The invented test corpora (two earthquakes on one day; a president in
// two stories the next day, one a follow-up of an earthquake, the other
// not; a ferry disaster told by six outlets with a follow-up; two storms
// a week apart; ten stories of one day; all of them mixed) come out
// exactly right for every Threshold from 0.12 to 0.3, and five unrelated
// reports of one day, which share only figures and everyday words, as
// five stories. The range is that low because in inputs this small the
// terms of one article only count almost in full, which lowers every
// similarity; without them it would be 0.2 to 0.4, and the unrelated
// reports one story. The default, 0.25, sits toward the lower end of
// the latter, which is the range that matters once articles number in
// the thousands and terms of one article only weigh next to nothing,
// because real reports of one event by different outlets share fewer
// words than short invented ones. Merging
// two stories asks for more, 0.3: centroids are averages, and resemble
// each other more than an article resembles a centroid, for two stories
// of one kind as much as for two parts of one story. The window, 36
// hours from a story's latest article, covers a day's reports and the
// next day's follow-ups and keeps a running story open while it is being
// reported. The caps on terms looked up, postings and candidates were
// chosen for cost: on the benchmark generator's corpora quality does not
// move between 12 and 30 terms, 16 and 100 postings or 6 and 30
// candidates.
package story
