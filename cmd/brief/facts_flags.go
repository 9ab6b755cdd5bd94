package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
)

// factOptions are the flags shared by facts, conflicts and compare.
type factOptions struct {
	corpusOptions
	Format        string
	Out           string
	NoColor       bool
	MinConfidence float64
	Top           int
	TopSet        bool
}

// defaultMinConfidence hides the weakest contradictions (a bare "said"
// against "told reporters") unless asked for: a false alarm costs more
// trust than a miss.
const defaultMinConfidence = 0.5

// defaultTop is how many facts a table for people shows; files for
// scripts (JSON, CSV) get them all.
const defaultTop = 30

func factFlags() []cli.Flag {
	return append(append(outputFlags(tableFormats),
		&cli.Float64Flag{Name: "min-confidence", Value: defaultMinConfidence, Usage: "show contradictions with confidence of at least `C` (0 to 1)"},
		&cli.IntFlag{Name: "top", Usage: fmt.Sprintf("show the `N` most important facts (default %d in tables and Markdown, all in JSON and CSV; 0 for all)", defaultTop)},
	), corpusFlags()...)
}

func parseFactFlags(c *cli.Context, ios *IO) (factOptions, error) {
	co, err := parseCorpusFlags(c, ios)
	if err != nil {
		return factOptions{}, err
	}
	o := factOptions{corpusOptions: co, Format: c.String("format"), Out: c.String("out"), NoColor: c.Bool("no-color"),
		MinConfidence: c.Float64("min-confidence"), Top: c.Int("top"), TopSet: c.IsSet("top")}
	if o.MinConfidence < 0 || o.MinConfidence > 1 {
		return o, usageErr(fmt.Errorf("--min-confidence must be between 0 and 1, got %v", o.MinConfidence))
	}
	if o.Top < 0 {
		return o, usageErr(fmt.Errorf("--top must be 0 or more, got %d", o.Top))
	}
	return o, nil
}

type factRenderer func(io.Writer, *briefing.FactView, briefing.Format, briefing.Style, string) error

// runFacts is the shared body of facts, conflicts and compare: build the
// corpus and its fact table, then render the view the command asks for.
func runFacts(c *cli.Context, ios *IO, o factOptions, render factRenderer) error {
	format, err := outputFormat(o.Format, o.Out, ios, briefing.FactFormats(), tableDefaults)
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
	top := o.Top
	if !o.TopSet && format != briefing.FormatJSON && format != briefing.FormatCSV {
		top = defaultTop
	}
	view := briefing.NewFactView(corpus, table, o.MinConfidence, top)
	style := briefing.Style{Color: o.Out == "" && ios.color(o.NoColor), Width: ios.width()}
	if err := writeOutput(ios, o.Out, func(w io.Writer) error {
		return render(w, view, format, style, generator())
	}); err != nil {
		return err
	}
	return strictResult(o.Strict, skipped(corpus))
}

const factInputsHelp = `Each INPUT is a file (.txt, .md, .html, .json, .jsonl, RSS/Atom/JSON feed), a directory
(read recursively), an http(s) URL, or - for stdin.`

func factCommand(ios *IO, name, usage, description string, render factRenderer) *cli.Command {
	return &cli.Command{
		Name:         name,
		Usage:        usage,
		ArgsUsage:    "INPUT...",
		Description:  description + "\n\n" + factInputsHelp + "\n\n" + exitCodesHelp,
		Flags:        factFlags(),
		OnUsageError: func(_ *cli.Context, err error, _ bool) error { return usageErr(err) },
		Action: func(c *cli.Context) error {
			o, err := parseFactFlags(c, ios)
			if err != nil {
				return err
			}
			return runFacts(c, ios, o, render)
		},
	}
}

// buildFactTable runs the corpus and fact stages, as every command that
// reports facts needs.
func buildFactTable(c *cli.Context, ios *IO, co corpusOptions) (*summarize.Corpus, *facts.Table, error) {
	corpus, err := buildCorpus(c, ios, co)
	if err != nil {
		return nil, nil, err
	}
	table, err := facts.Build(c.Context, corpus, facts.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("building the fact table: %w", err)
	}
	return corpus, table, nil
}
