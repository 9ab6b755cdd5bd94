package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
)

type reportOptions struct {
	corpusOptions
	modelOptions
	Format        string
	Out           string
	NoColor       bool
	Words         int
	Focus         string
	MinConfidence float64
}

func reportFlags() []cli.Flag {
	return append(append(outputFlags("text, markdown, json or html (default: text on a terminal, markdown otherwise, or from the --out extension)"),
		&cli.IntFlag{Name: "words", Value: briefing.DefaultWords, Usage: "budget of `N` words for the summary part (key points and background); the whole page is about twice that"},
		&cli.StringFlag{Name: "focus", Usage: "steer the summary toward a `QUESTION or topic`"},
		&cli.Float64Flag{Name: "min-confidence", Value: defaultMinConfidence, Usage: "report contradictions with confidence of at least `C` (0 to 1)"},
	), append(modelFlags(), corpusFlags()...)...)
}

func reportCommand(ios *IO) *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write the one-page briefing (also: brief INPUT...)",
		ArgsUsage: "INPUT...",
		Description: `Writes a one-page briefing: a headline, the dates and sources covered, key points,
where the sources differ, notable quotes, background and the numbered sources. Every
sentence cites the sources that state it, and every citation is checked against the
cited source's text before the page is written; a citation the check cannot confirm
is removed, and so is a sentence left without one.

The extractive method writes it from the sources' own sentences: those that together
cover the most of what the independent sources report, within --words.

` + factInputsHelp + `

Examples:
   brief testdata/iraq-visit
   brief report --focus "US troops in Iraq" testdata/iraq-visit
   brief report --out briefing.html testdata/iraq-visit

` + exitCodesHelp,
		Flags:        reportFlags(),
		OnUsageError: func(_ *cli.Context, err error, _ bool) error { return usageErr(err) },
		Action: func(c *cli.Context) error {
			o, err := parseReportFlags(c, ios)
			if err != nil {
				return err
			}
			return runReport(c, ios, o)
		},
	}
}

func parseReportFlags(c *cli.Context, ios *IO) (reportOptions, error) {
	co, err := parseCorpusFlags(c, ios)
	if err != nil {
		return reportOptions{}, err
	}
	mo, err := parseModelFlags(c, ios)
	if err != nil {
		return reportOptions{}, err
	}
	o := reportOptions{corpusOptions: co, modelOptions: mo, Format: c.String("format"), Out: c.String("out"), NoColor: c.Bool("no-color"),
		Words: c.Int("words"), Focus: strings.TrimSpace(c.String("focus")), MinConfidence: c.Float64("min-confidence")}
	if o.Words < 20 || o.Words > 5000 {
		return o, usageErr(fmt.Errorf("--words must be between 20 and 5000, got %d", o.Words))
	}
	if o.MinConfidence < 0 || o.MinConfidence > 1 {
		return o, usageErr(fmt.Errorf("--min-confidence must be between 0 and 1, got %v", o.MinConfidence))
	}
	return o, nil
}

func runReport(c *cli.Context, ios *IO, o reportOptions) error {
	format, err := outputFormat(o.Format, o.Out, ios, briefing.BriefingFormats(),
		formatDefaults{tty: briefing.FormatText, piped: briefing.FormatMarkdown})
	if err != nil {
		return err
	}
	if err := checkOutput("--out", o.Out); err != nil {
		return err
	}
	corpus, table, err := buildFactTable(c, ios, o.corpusOptions)
	if err != nil {
		return err
	}
	v := briefing.NewVerifier()
	say := sayer(ios, o.Quiet)
	backend, policy, err := openBackend(c, ios, o.modelOptions, v, say, say)
	if err != nil {
		return err
	}
	defer backend.Close()
	req := briefing.Request{Corpus: corpus, Table: table, Words: o.Words, Focus: o.Focus, MinConfidence: o.MinConfidence}
	if o.DryRun {
		plan, err := backend.Model.Plan(req)
		if err != nil {
			return fmt.Errorf("planning the model's requests: %w", err)
		}
		return backend.WriteDryRun(ios.Out, plan)
	}
	co := briefing.ComposeOptions{Writer: backend.Writer, Fallback: backend.Fallback, Verifier: v, OnUnsupported: policy,
		// One warning, whatever --quiet says: the page is not what was
		// asked for.
		Warn: func(msg string) { fmt.Fprintf(ios.Err, "brief: warning: %s\n", msg) }}
	if o.NoFallback {
		co.Fallback = nil
	}
	b, err := briefing.Compose(c.Context, req, co)
	if backend.Model != nil {
		if u := backend.Model.Usage(); u.Calls > 0 {
			say(backend.UsageLine(u))
		}
	}
	if err != nil {
		return fmt.Errorf("writing the briefing: %w", err)
	}
	style := briefing.Style{Color: o.Out == "" && ios.color(o.NoColor), Width: ios.width()}
	if err := writeOutput(ios, o.Out, func(w io.Writer) error {
		return briefing.RenderBriefing(w, b, format, style, generator())
	}); err != nil {
		return err
	}
	return strictResult(o.Strict, skipped(corpus))
}
