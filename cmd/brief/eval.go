package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/eval"
	"github.com/brieftool/brief/briefing/extractive"
	"github.com/brieftool/brief/summarize"
)

type evalOptions struct {
	modelOptions
	Refs          string
	Words         int
	FocusField    string
	Save          string
	Format        string
	Out           string
	MinConfidence float64
	Workers       int
	Baseline      bool
	Quiet         bool
}

func evalCommand(ios *IO) *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "score briefings against human reference summaries with ROUGE",
		Description: `Reads clusters in the DUC-style JSON lines format (one cluster per line: id, query
{title, narrative}, docs [{doc_id, source, title, date, text}], references [text, ...]),
briefs each cluster exactly as 'brief report --words N' would, and scores the summary
part (key points and background) against the references with ROUGE-1, ROUGE-2 and
ROUGE-L: recall, precision and F1, Porter-style stemming, no stopword removal, summaries
and references cut to the first N words, averaged over references as ROUGE-1.5.5 does
with -f A. Prints one row per cluster and the mean over clusters with references.

--save DIR writes each cluster's summary to DIR/<cluster id>.txt, one sentence per
line, so that any other scorer can check the figures.

With a model configured (--model, BRIEF_MODEL, or the config file; see 'brief report
--help'), the model briefs every cluster under the same citation check.

Examples:
   brief eval --refs duc2007_main.jsonl --words 250
   brief eval --refs duc2007_main.jsonl --words 250 --focus-field query
   brief eval --refs duc2007_update.jsonl --words 100 --save summaries/

` + exitCodesHelp,
		Flags: append(append(outputFlags("text, json or csv (default: text, or from the --out extension)"),
			&cli.StringFlag{Name: "refs", Usage: "read clusters and reference summaries from `FILE` (JSON lines)"},
			&cli.IntFlag{Name: "words", Value: 250, Usage: "summary budget and ROUGE length limit in `N` words (DUC 2007: 250 main, 100 update)"},
			&cli.StringFlag{Name: "focus-field", Usage: "steer each briefing with the cluster's `FIELD`: query (title and narrative), title or narrative"},
			&cli.StringFlag{Name: "save", Usage: "write each summary to `DIR`/<cluster id>.txt"},

			&cli.Float64Flag{Name: "min-confidence", Value: defaultMinConfidence, Usage: "contradiction bar `C`, as in brief report"},
			&cli.IntFlag{Name: "workers", Usage: "brief `N` clusters at once (default: number of CPUs)"},
			&cli.BoolFlag{Name: "baseline", Usage: "score the first N words of each cluster's latest article instead (the DUC lead baseline)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "do not print unreadable lines of --refs"},
		), modelFlagsNoDryRun()...),
		OnUsageError: func(_ *cli.Context, err error, _ bool) error { return usageErr(err) },
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr(fmt.Errorf("eval takes no INPUT; the clusters come from --refs"))
			}
			if c.String("refs") == "" {
				return usageErr(fmt.Errorf("eval: --refs FILE is required (clusters with reference summaries, JSON lines)"))
			}
			mo, err := parseModelFlags(c, ios)
			if err != nil {
				return err
			}
			o := evalOptions{modelOptions: mo, Refs: c.String("refs"), Words: c.Int("words"), FocusField: c.String("focus-field"), Save: c.String("save"),
				Format: c.String("format"), Out: c.String("out"), MinConfidence: c.Float64("min-confidence"),
				Workers: c.Int("workers"), Baseline: c.Bool("baseline"), Quiet: c.Bool("quiet")}
			if o.Words < 20 || o.Words > 5000 {
				return usageErr(fmt.Errorf("--words must be between 20 and 5000, got %d", o.Words))
			}
			if o.FocusField != "" {
				if _, err := eval.FocusText(eval.Cluster{}, o.FocusField); err != nil {
					return usageErr(fmt.Errorf("--focus-field: %w", err))
				}
			}
			if o.Workers < 0 {
				return usageErr(fmt.Errorf("--workers must be 0 or more, got %d", o.Workers))
			}
			return runEval(c, ios, o)
		},
	}
}

func runEval(c *cli.Context, ios *IO, o evalOptions) error {
	format, err := outputFormat(o.Format, o.Out, ios, []briefing.Format{briefing.FormatText, briefing.FormatJSON, briefing.FormatCSV},
		formatDefaults{tty: briefing.FormatText, piped: briefing.FormatText})
	if err != nil {
		return err
	}
	if err := checkOutput("--out", o.Out); err != nil {
		return err
	}
	f, err := os.Open(o.Refs)
	if err != nil {
		return fmt.Errorf("--refs: %w", err)
	}
	clusters, bad := eval.ReadClusters(f, o.Refs)
	f.Close()
	for _, e := range bad {
		if !o.Quiet {
			fmt.Fprintf(ios.Err, "brief: %v\n", e)
		}
	}
	if len(clusters) == 0 {
		return fmt.Errorf("--refs: no readable cluster in %s", o.Refs)
	}
	var sum eval.SummarizeFunc
	if o.Baseline {
		sum = eval.LeadSummarizer(o.Words)
	} else {
		p, err := summarize.NewPipeline()
		if err != nil {
			return err
		}
		bo := eval.BriefOptions{Words: o.Words, FocusField: o.FocusField, MinConfidence: o.MinConfidence,
			NewWriter: func(v *briefing.Verifier) briefing.Writer { return extractive.New(v) }}
		// With a model configured, every cluster is briefed by it (one
		// backend serves the parallel clusters), the extractive method
		// standing in for a failed call as in brief report.
		say := sayer(ios, o.Quiet)
		backend, _, err := openBackend(c, ios, o.modelOptions, briefing.NewVerifier(), say, nil)
		if err != nil {
			return err
		}
		defer backend.Close()
		if backend.Model != nil {
			bo.NewWriter = func(*briefing.Verifier) briefing.Writer { return backend.Model }
			if !o.NoFallback {
				bo.NewFallback = func(v *briefing.Verifier) briefing.Writer { return extractive.New(v) }
			}
			defer func() {
				if u := backend.Model.Usage(); u.Calls > 0 {
					say(backend.UsageLine(u))
				}
			}()
		}
		sum = eval.Briefer(p, bo)
	}
	start := time.Now()
	rep, err := eval.Run(c.Context, clusters, sum, eval.Options{Words: o.Words, Stem: true, Save: o.Save, Workers: o.Workers})
	if err != nil {
		return err
	}
	err = writeOutput(ios, o.Out, func(w io.Writer) error {
		switch format {
		case briefing.FormatJSON:
			return rep.WriteJSON(w)
		case briefing.FormatCSV:
			return rep.WriteCSV(w)
		}
		return rep.WriteText(w)
	})
	if err != nil {
		return err
	}
	if !o.Quiet && format == briefing.FormatText && o.Out == "" {
		fmt.Fprintf(ios.Err, "brief: %d clusters in %.1fs\n", len(clusters), time.Since(start).Seconds())
	}
	if rep.Scored == 0 {
		return errors.New("no cluster could be scored: none has references, or every briefing failed")
	}
	return nil
}

// modelFlagsNoDryRun are brief report's model flags but --dry-run, for
// eval (which scores what a model writes) and daily (whose requests are
// known only after clustering).
func modelFlagsNoDryRun() []cli.Flag {
	var out []cli.Flag
	for _, f := range modelFlags() {
		if f.Names()[0] != "dry-run" {
			out = append(out, f)
		}
	}
	return out
}
