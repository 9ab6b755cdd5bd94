package eval

import (
	"context"
	"errors"
	"strings"

	"github.com/brieftool/brief/briefing/rouge"
)

// LeadBaseline is the DUC baseline: the first words words of the most
// recent document (the last one in the file among equally dated ones;
// undated documents count as oldest). A summarizer that cannot beat it is
// not summarizing. The text keeps its line breaks, so ROUGE-L sees the
// article's paragraphs; words <= 0 returns the whole document.
func LeadBaseline(c Cluster, words int) string {
	best := -1
	for i, d := range c.Docs {
		if best < 0 || !d.Date.Before(c.Docs[best].Date) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return strings.TrimSpace(rouge.TruncateWords(c.Docs[best].Text, words))
}

// LeadSummarizer adapts LeadBaseline to Run.
func LeadSummarizer(words int) SummarizeFunc {
	return func(_ context.Context, c Cluster) (string, error) {
		// A cluster with no text fails here as it does for the briefer,
		// so both score the same set of clusters.
		s := LeadBaseline(c, words)
		if strings.TrimSpace(s) == "" {
			return "", errors.New("no document has text")
		}
		return s, nil
	}
}
