// Package rank chooses the sentences of an extractive summary: the set
// that covers the most of what the whole corpus says, within a word
// budget, without saying anything twice.
//
// # Method
//
// It is the concept-coverage model of Gillick and Favre ("A Scalable
// Global Model for Summarization", 2009), solved by the budgeted greedy
// of Lin and Bilmes (2010) with a local-search pass:
//
//   - Concepts are stemmed word bigrams that are not two stopwords.
//   - A concept's weight is the number of independent sources (syndication
//     groups, not articles: five reprints of one wire story count once)
//     that use it, with a bonus when it appears in the opening sentences
//     of a report, where journalists put what matters. Concepts used by
//     too few sources are dropped: they are one outlet's detail.
//   - A summary's score is the total weight of the distinct concepts it
//     covers, so a second sentence that repeats the first earns nothing:
//     redundancy is penalised by the objective itself.
//   - Greedy picks the sentence with the best gain per word until the
//     budget is spent, compares with the best single sentence, then swaps
//     a chosen sentence for an unchosen one while that raises the score.
//
// A focus (a question or topic) multiplies the weight of concepts that
// share a word with it and drops sentences that share no content word
// with it, as long as enough sentences remain.
//
// Candidates are whole sentences of the cleaned text, lightly trimmed
// only where the result stays a true, grammatical sentence of the source:
// a wire dateline ("MOBILE, Ala. (AP) --") and a leading "But" or "And".
// Sentences that cannot stand alone (opening with a pronoun or "This",
// questions, fragments without final punctuation, unbalanced quotes) are
// not candidates: a briefing line has no preceding sentence to lean on.
package rank
