package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
)

type sourcesOptions struct {
	corpusOptions
	Format  string
	Out     string
	NoColor bool
}

func sourcesCommand(ios *IO) *cli.Command {
	return &cli.Command{
		Name:      "sources",
		Usage:     "list every source after cleaning and deduplication",
		ArgsUsage: "INPUT...",
		Description: `Each INPUT is a file (.txt, .md, .html, .json, .jsonl, RSS/Atom/JSON feed), a directory
(read recursively), an http(s) URL, or - for stdin. Page junk is removed, repeated
paragraphs are dropped, near-duplicate articles and wire copies are found.

Inputs that cannot be read are reported on stderr, one line each; the rest are
still processed. The run fails (exit 1) only when no usable source remains.

Examples:
   brief sources testdata/iraq-visit
   brief sources --format json --out corpus.json testdata/iraq-visit
   curl -s https://example.com/feed.xml | brief sources -

` + exitCodesHelp,
		Flags:        append(outputFlags(tableFormats), corpusFlags()...),
		OnUsageError: func(_ *cli.Context, err error, _ bool) error { return usageErr(err) },
		Action: func(c *cli.Context) error {
			co, err := parseCorpusFlags(c, ios)
			if err != nil {
				return err
			}
			opts := sourcesOptions{corpusOptions: co, Format: c.String("format"), Out: c.String("out"), NoColor: c.Bool("no-color")}
			return runSources(c, ios, opts)
		},
	}
}

func runSources(c *cli.Context, ios *IO, opts sourcesOptions) error {
	format, err := outputFormat(opts.Format, opts.Out, ios, briefing.SourceFormats(), tableDefaults)
	if err != nil {
		return err
	}
	if err := checkOutput("--out", opts.Out); err != nil {
		return err
	}
	corpus, err := buildCorpus(c, ios, opts.corpusOptions)
	if err != nil {
		return err
	}
	style := briefing.Style{Color: opts.Out == "" && ios.color(opts.NoColor), Width: ios.width()}
	if err := writeOutput(ios, opts.Out, func(w io.Writer) error {
		return briefing.RenderSources(w, corpus, format, style, generator())
	}); err != nil {
		return err
	}
	return strictResult(opts.Strict, skipped(corpus))
}
