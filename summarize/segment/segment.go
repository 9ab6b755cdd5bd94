// Package segment splits article text into sentences, reported as byte spans
// of the original text so that later stages can cite sentences exactly.
//
// The splitter is a single forward pass over the bytes. It stops only at
// bytes that can matter (sentence punctuation, line breaks, quotation marks)
// and decides ambiguous periods with the knowledge of the Punkt English model
// shipped with github.com/neurosnap/sentences: its abbreviation list,
// collocations, frequent sentence starters and orthographic statistics, plus
// abbreviations common in news copy that the model lacks. Running the
// library's own tokenizer instead would be an order of magnitude slower and
// allocate per token.
//
// Conventions the splitter relies on:
//   - A blank line (a line holding only white space) separates paragraphs,
//     and no sentence crosses it.
//   - A single line break is a soft wrap unless the line before it looks
//     like a heading or list item: it lacks final punctuation, is not
//     plainly unfinished (a trailing comma or "the"), is shorter or longer
//     than a hard-wrapped line, and the next line does not continue in
//     lower case. A list marker at a line start always starts a sentence.
//   - A quotation that spans sentences inside one paragraph and carries its
//     attribution ("...," the official said.) is kept as one sentence, up to
//     maxMergeSentences sentences or maxMergeBytes bytes.
//
// "White space" means unicode.IsSpace plus U+200B (zero width space) and
// U+FEFF (byte order mark), which scraped pages scatter through text.
package segment

import (
	"fmt"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
)

// Span is a sentence as byte offsets into the text it was found in.
type Span struct {
	Start, End int // End is exclusive
}

// Splitter holds the read-only lexicon the boundary rules consult. It is
// immutable after New and safe for concurrent use.
type Splitter struct {
	// lex maps a lower-cased word type to what the model and our news
	// additions know about it. One map keeps each decision to one lookup
	// per word.
	lex map[string]wordInfo
	// colloc holds Punkt collocations as "before,after" pairs: a period
	// between the two words does not end a sentence.
	colloc map[string]struct{}
}

// New loads the Punkt English model and builds a Splitter. Loading costs a
// few tens of milliseconds, so callers should build one Splitter and share it.
func New() (*Splitter, error) {
	raw, err := data.Asset("data/english.json")
	if err != nil {
		return nil, fmt.Errorf("segment: load punkt english model: %w", err)
	}
	st, err := sentences.LoadTraining(raw)
	if err != nil {
		return nil, fmt.Errorf("segment: parse punkt english model: %w", err)
	}
	return newSplitter(st), nil
}

// Split returns the sentences of text in order. Each span is trimmed of
// surrounding white space, spans do not overlap, no span crosses a blank
// line, and together they cover every non-space byte of text. White-space
// only text gives nil. Invalid UTF-8 is tolerated: offsets stay valid and
// the invalid bytes are treated as ordinary non-space characters.
func (s *Splitter) Split(text string) []Span {
	if len(text) == 0 {
		return nil
	}
	sc := scanner{sp: s, text: text, merge: -1, wordAt: -1}
	sc.dq.open, sc.sq.open = -1, -1
	sc.run()
	return sc.out
}
