package dedup

import (
	"errors"
	"fmt"
)

// Params tunes duplicate and syndication detection. Zero fields take the
// values of DefaultParams; the package documentation explains each default.
type Params struct {
	// PassageShingle is the number of words per shingle for paragraphs,
	// both within a source (Paragraphs) and across sources (syndication).
	PassageShingle int
	// Hashes is the MinHash signature length.
	Hashes int
	// Bands is the number of LSH bands; Hashes/Bands is the rows per band.
	Bands int

	// DuplicateThreshold is the estimated Jaccard similarity at or above
	// which two documents are near duplicates.
	DuplicateThreshold float64
	// ParagraphThreshold is the Jaccard similarity at or above which two
	// paragraphs of one source are near duplicates.
	ParagraphThreshold float64
	// PassageThreshold is the estimated Jaccard similarity or containment
	// at or above which two paragraphs of different sources are the same
	// passage.
	PassageThreshold float64
	// SyndicationMinShare is the share of the shorter source's words that
	// must lie in passages it shares with the other source.
	SyndicationMinShare float64
	// SyndicationMinWords is the least number of shared words that can make
	// two sources one.
	SyndicationMinWords int
}

// DefaultParams returns the tuned defaults described in the package
// documentation.
func DefaultParams() Params {
	return Params{
		PassageShingle:      3,
		Hashes:              128,
		Bands:               32,
		DuplicateThreshold:  0.8,
		ParagraphThreshold:  0.5,
		PassageThreshold:    0.6,
		SyndicationMinShare: 0.3,
		SyndicationMinWords: 40,
	}
}

// Tuning constants that are not worth a knob; the package documentation
// says why each has its value.
const (
	// minParagraphWords: shorter paragraphs are only dropped when they are
	// identical after normalisation.
	minParagraphWords = 6
	// paragraphContainment: a later paragraph whose 3-word shingles lie
	// at least this much inside an earlier one is a truncated copy.
	paragraphContainment = 0.9
	// ledeWindow: how many substantial paragraphs at the top of a text
	// count as its opening, for repeated_lede.
	ledeWindow = 5
	// minPassageWords: shorter paragraphs take no part in syndication.
	minPassageWords = 6
	// fanout: an LSH bucket or passage cluster with more members than this
	// is linked as a star around its earliest member instead of pairwise.
	fanout = 32
)

// withDefaults replaces zero fields by their defaults.
func (p Params) withDefaults() Params {
	d := DefaultParams()
	if p.PassageShingle == 0 {
		p.PassageShingle = d.PassageShingle
	}
	if p.Hashes == 0 {
		p.Hashes = d.Hashes
	}
	if p.Bands == 0 {
		p.Bands = d.Bands
	}
	if p.DuplicateThreshold == 0 {
		p.DuplicateThreshold = d.DuplicateThreshold
	}
	if p.ParagraphThreshold == 0 {
		p.ParagraphThreshold = d.ParagraphThreshold
	}
	if p.PassageThreshold == 0 {
		p.PassageThreshold = d.PassageThreshold
	}
	if p.SyndicationMinShare == 0 {
		p.SyndicationMinShare = d.SyndicationMinShare
	}
	if p.SyndicationMinWords == 0 {
		p.SyndicationMinWords = d.SyndicationMinWords
	}
	return p
}

// ErrParams is wrapped by every error Corpus returns for unusable Params.
var ErrParams = errors.New("dedup: invalid params")

// validate reports fields that cannot work, after defaults are applied.
func (p Params) validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrParams}, args...)...)
	}
	switch {
	case p.PassageShingle < 1:
		return bad("PassageShingle %d < 1", p.PassageShingle)
	case p.Hashes < 1:
		return bad("Hashes %d < 1", p.Hashes)
	case p.Bands < 1 || p.Bands > p.Hashes || p.Hashes%p.Bands != 0:
		return bad("Bands %d must divide Hashes %d", p.Bands, p.Hashes)
	case p.SyndicationMinWords < 0:
		return bad("SyndicationMinWords %d < 0", p.SyndicationMinWords)
	}
	for _, t := range []struct {
		name string
		v    float64
	}{
		{"DuplicateThreshold", p.DuplicateThreshold},
		{"ParagraphThreshold", p.ParagraphThreshold},
		{"PassageThreshold", p.PassageThreshold},
		{"SyndicationMinShare", p.SyndicationMinShare},
	} {
		if !(t.v > 0 && t.v <= 1) {
			return bad("%s %v outside (0,1]", t.name, t.v)
		}
	}
	return nil
}
