package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
	"github.com/brieftool/brief/summarize/load"
)

// BriefOptions say how each cluster is briefed.
type BriefOptions struct {
	// Words is the summary budget (the DUC limit).
	Words int
	// FocusField names the cluster field used as --focus ("" for none);
	// see FocusText.
	FocusField string
	// MinConfidence is the contradiction bar, as in brief report.
	MinConfidence float64
	// NewWriter makes the backend for one cluster; backends and checkers
	// are not shared between the clusters Run briefs in parallel.
	NewWriter func(*briefing.Verifier) briefing.Writer
	// NewFallback, when set, makes the writer used when NewWriter's fails
	// (the extractive method behind a model), as brief report does.
	NewFallback func(*briefing.Verifier) briefing.Writer
}

// Briefer returns a SummarizeFunc that runs the whole brief pipeline on
// a cluster (clean, dedup, fact table, briefing, citation check) and
// returns the summary part, one sentence per line: exactly what a user
// of `brief report --words N` reads under "Key points" and "Background".
func Briefer(p *summarize.Pipeline, o BriefOptions) SummarizeFunc {
	return func(ctx context.Context, c Cluster) (string, error) {
		focus := ""
		if o.FocusField != "" {
			f, err := FocusText(c, o.FocusField)
			if err != nil {
				return "", err
			}
			focus = f
		}
		corpus, err := p.BuildDocuments(ctx, Documents(c), summarize.Options{Workers: 1})
		if err != nil {
			return "", err
		}
		table, err := facts.Build(ctx, corpus, facts.Options{Workers: 1})
		if err != nil {
			return "", fmt.Errorf("fact table: %w", err)
		}
		v := briefing.NewVerifier()
		b, err := briefing.Compose(ctx,
			briefing.Request{Corpus: corpus, Table: table, Words: o.Words, Focus: focus, MinConfidence: o.MinConfidence},
			compose(o, v))
		if err != nil {
			return "", err
		}
		return SummaryText(b), nil
	}
}

// SummaryText is the summary part of a briefing: key points, then
// background, one sentence per line, without citation markers.
func SummaryText(b *briefing.Briefing) string {
	var lines []string
	for _, id := range []string{briefing.SectionKeyPoints, briefing.SectionBackground} {
		for _, s := range b.Sections {
			if s.ID != id {
				continue
			}
			for _, it := range s.Items {
				lines = append(lines, strings.Join(strings.Fields(it.Text), " "))
			}
		}
	}
	return strings.Join(lines, "\n")
}

// Documents turns a cluster's articles into loader documents, so that
// they go through the same cleaning and deduplication as files do.
func Documents(c Cluster) []load.Document {
	docs := make([]load.Document, 0, len(c.Docs))
	for _, d := range c.Docs {
		doc := load.Document{ID: d.ID, Input: c.ID, Origin: c.ID + "/" + d.ID, Format: load.FormatText, Text: d.Text}
		doc.Meta.Title = d.Title
		doc.Meta.Outlet = d.Source
		doc.Meta.Published = d.Date
		docs = append(docs, doc)
	}
	return docs
}

func compose(o BriefOptions, v *briefing.Verifier) briefing.ComposeOptions {
	co := briefing.ComposeOptions{Writer: o.NewWriter(v), Verifier: v}
	if o.NewFallback != nil {
		co.Fallback = o.NewFallback(v)
	}
	return co
}
