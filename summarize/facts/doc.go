// Package facts turns a clean corpus into one table of facts and the
// contradictions between sources. It is offline and deterministic: the
// same corpus gives the same table, whatever the number of workers.
//
// # Claims
//
// Every sentence becomes a Claim: its span, the names it mentions
// (summarize/entity, linked across the corpus so that "Mohammed Shia
// al-Sudani", "al-Sudani" and "Sudani" are one entity), its figures with
// unit, counted noun and qualifier (summarize/quantity), its dates
// resolved against the publication date (summarize/dates: "Tuesday" in a
// report of 7 March 2023 is 2023-03-07) and its quotations with speaker
// and verb of attribution (summarize/quote). Pronoun speakers ("he said")
// are resolved to the last named speaker within three sentences, and a
// quoted sentence without attribution continues the quotation before it.
//
// # Facts
//
// Sentences are compared by the cosine of their idf-weighted content
// words, linked entities counted as words of their own. Candidate pairs
// come only from an inverted index over terms that at most
// Params.MaxPosting sentences use, so the cost follows the number of
// sentences sharing a rare word, never all pairs. Pairs at or above
// Params.Link are merged most-similar first into facts holding at most one
// sentence per source, while the two sides' centroids stay at or above
// Params.Join. A sentence that contains at least Params.Contain of a
// fact's weighted words also supports it (a partial overlap: it says that
// and more).
//
// Support counts the sources stating a fact, Independent counts their
// syndication groups. Facts are ranked by Independent, then by centrality
// (cosine with the corpus's term profile). The defaults were chosen on
// DUC 2007 pyramid annotations (bench/factscore), where sentences linked
// to one summary content unit count as stating the same fact.
//
// # Contradictions
//
// Each detector compares only values whose slot it can name:
//
//   - number: figures with the same counted noun (troops = soldiers),
//     unit, predicate (killed, injured, ...), owner ("US troops") and
//     place ("in Iraq"); or, with no place, within one fact. Values are
//     intervals ("about 2,000" is 1,800-2,200; "some 2,500" overlaps
//     "2,500"); sides are groups of overlapping intervals. Sentences
//     that give two figures for one slot, or figures for different years,
//     are left out. If the later report's sentence says the figure rose or
//     was revised, the pair is an update.
//   - date: one date per sentence within a fact, or dates attached to
//     the same event noun ("the invasion on ...") in sentences sharing an
//     entity and at most 14 days apart. Datelines ("Baghdad, March 8:")
//     are filing dates and never compared; weekdays are resolved first, so
//     "Tuesday" and "March 7" agree.
//   - title: formal offices given to one linked person that cannot both
//     hold (entity.Conflicting); descriptions ("Pentagon chief") never
//     conflict.
//   - quote: quotations sharing four consecutive words are aligned word
//     by word; words that differ inside the aligned stretch, where no
//     ellipsis marks a cut, are a difference in wording. Quoting less of
//     the same words is not.
//   - attribution: the same quotation given to two different named
//     people (who), or through two different channels (how: told
//     reporters, tweeted, wrote, a statement). A bare "said" against a
//     named channel is reported at confidence 0.35, below the default
//     display threshold.
package facts
