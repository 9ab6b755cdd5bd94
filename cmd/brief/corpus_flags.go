package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/internal/atomicfile"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/dedup"
	"github.com/brieftool/brief/summarize/load"
)

// corpusFlags are shared by every command that reads articles.
func corpusFlags() []cli.Flag {
	def := dedup.DefaultParams()
	return []cli.Flag{
		&cli.StringFlag{Name: "max-size", Value: "16MB", Usage: "skip any single article (file, page or record) larger than `SIZE`"},
		&cli.StringFlag{Name: "max-feed-size", Value: "64MB", Usage: "skip any feed larger than `SIZE`"},
		&cli.IntFlag{Name: "max-articles", Value: load.DefaultMaxArticles, Usage: "read at most `N` articles; the rest are skipped and counted"},
		&cli.StringFlag{Name: "max-line", Value: "4MB", Usage: "skip text, Markdown and JSON-lines input with a line longer than `SIZE`"},
		&cli.IntFlag{Name: "max-depth", Value: load.DefaultMaxDepth, Usage: "skip HTML, XML and JSON nested deeper than `N` levels (HTML stops at 512)"},
		&cli.BoolFlag{Name: "allow-private", Usage: "follow redirects and feed links to private and loopback addresses (URLs you give are always fetched)"},
		&cli.BoolFlag{Name: "strict", Usage: "exit with code 3 when any input or item was skipped, after writing the output"},
		&cli.DurationFlag{Name: "timeout", Value: load.DefaultTimeout, Usage: "give up on a URL after `DURATION`"},
		&cli.StringFlag{Name: "user-agent", Usage: "send `STRING` as the User-Agent header when fetching URLs"},
		&cli.BoolFlag{Name: "no-fetch", Usage: "keep feed teasers as they are instead of fetching the linked pages"},
		&cli.Float64Flag{Name: "near-duplicate", Value: def.DuplicateThreshold, Usage: "word-shingle Jaccard `SIMILARITY` at which two articles are near duplicates"},
		&cli.Float64Flag{Name: "wire-share", Value: def.SyndicationMinShare, Usage: "`FRACTION` of the shorter article's words that must lie in passages two articles share for them to count as one wire group"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "do not print warnings (problems that skip an input are still printed)"},
		&cli.BoolFlag{Name: "no-color", Usage: "never colour output (also: NO_COLOR environment variable)"},
	}
}

// outputFlags are --format and --out, shared by every command that
// writes a report; formats describes the command's formats and defaults.
func outputFlags(formats string) []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: " + formats},
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write to `FILE` (atomically) instead of stdout"},
	}
}

// tableFormats is the --format help of the table commands.
const tableFormats = "table, text, markdown, json or csv (default: table on a terminal, text otherwise)"

// formatDefaults are a command's formats when --format is not given: on
// a terminal, and in a pipe or a file whose extension names none of the
// command's formats.
type formatDefaults struct{ tty, piped briefing.Format }

// tableDefaults are those of sources, facts, conflicts and compare.
var tableDefaults = formatDefaults{tty: briefing.FormatTable, piped: briefing.FormatText}

// corpusOptions are the parsed corpus flags.
type corpusOptions struct {
	Inputs []string
	Quiet  bool
	// Strict turns skipped inputs into exit code 3.
	Strict bool
	Build  summarize.Options
}

func parseCorpusFlags(c *cli.Context, ios *IO) (corpusOptions, error) {
	opts := corpusOptions{Inputs: c.Args().Slice(), Quiet: c.Bool("quiet"), Strict: c.Bool("strict")}
	if len(opts.Inputs) == 0 {
		return opts, usageErr(fmt.Errorf("%s: no INPUT given (a file, directory, URL, feed, or - for stdin)", c.Command.FullName()))
	}
	sizes := map[string]int64{}
	for _, name := range []string{"max-size", "max-feed-size", "max-line"} {
		v, err := parseSize(c.String(name))
		if err != nil {
			return opts, usageErr(fmt.Errorf("--%s: %w", name, err))
		}
		sizes[name] = v
	}
	for _, name := range []string{"max-articles", "max-depth"} {
		if v := c.Int(name); v < 1 {
			return opts, usageErr(fmt.Errorf("--%s must be at least 1, got %d", name, v))
		}
	}
	for _, name := range []string{"near-duplicate", "wire-share"} {
		if v := c.Float64(name); v <= 0 || v > 1 {
			return opts, usageErr(fmt.Errorf("--%s must be between 0 and 1, got %v", name, v))
		}
	}
	if c.Duration("timeout") <= 0 {
		return opts, usageErr(errors.New("--timeout must be positive"))
	}
	params := dedup.DefaultParams()
	params.DuplicateThreshold = c.Float64("near-duplicate")
	params.SyndicationMinShare = c.Float64("wire-share")
	opts.Build = summarize.Options{
		Load: load.Options{
			MaxBytes:      sizes["max-size"],
			FeedMaxBytes:  sizes["max-feed-size"],
			MaxLineBytes:  sizes["max-line"],
			MaxArticles:   c.Int("max-articles"),
			MaxDepth:      c.Int("max-depth"),
			AllowPrivate:  c.Bool("allow-private"),
			Timeout:       c.Duration("timeout"),
			UserAgent:     c.String("user-agent"),
			Stdin:         ios.In,
			NoFetchLinked: c.Bool("no-fetch"),
		},
		Dedup: params,
	}
	return opts, nil
}

// buildCorpus runs the corpus stage and prints each problem on stderr, one
// line each, naming the input.
func buildCorpus(c *cli.Context, ios *IO, opts corpusOptions) (*summarize.Corpus, error) {
	corpus, err := summarize.Build(c.Context, opts.Inputs, opts.Build)
	if corpus != nil {
		for _, p := range corpus.Problems {
			if line, ok := problemLine(p, opts.Quiet); ok {
				fmt.Fprintln(ios.Err, line)
			}
		}
	}
	if errors.Is(err, summarize.ErrNoSources) {
		return nil, fmt.Errorf("no usable source among %s", describeInputs(opts.Inputs))
	}
	if err != nil {
		return nil, err
	}
	return corpus, nil
}

// problemLine is how a corpus problem is shown on stderr: a skipped
// input with what to do about it, or a warning, which --quiet hides.
func problemLine(p summarize.Problem, quiet bool) (string, bool) {
	if !p.Warning {
		return "brief: " + withFix(p), true
	}
	return "brief: warning: " + p.Error(), !quiet
}

// skipped counts the inputs and items the corpus stage could not use.
func skipped(corpus *summarize.Corpus) int {
	n := 0
	for _, p := range corpus.Problems {
		if !p.Warning {
			n++
		}
	}
	return n
}

func describeInputs(in []string) string {
	if len(in) == 1 {
		return in[0]
	}
	return strconv.Itoa(len(in)) + " inputs"
}

// outputFormat picks the format: the flag, else the --out file's
// extension when the command writes that format, else the command's
// default for a terminal or a pipe.
func outputFormat(flag, out string, ios *IO, allowed []briefing.Format, def formatDefaults) (briefing.Format, error) {
	if flag != "" {
		f, err := briefing.ParseFormat(flag, allowed)
		return f, usageErr(err)
	}
	if out != "" {
		if f, ok := briefing.FormatForPath(out); ok {
			if _, err := briefing.ParseFormat(string(f), allowed); err == nil {
				return f, nil
			}
		}
		return def.piped, nil
	}
	if ios.OutTTY {
		return def.tty, nil
	}
	return def.piped, nil
}

// checkOutput fails fast when an output file cannot be written, before
// the work that would be lost: a cron job learns at once, not after an
// hour of fetching. "" and "-" are stdout.
func checkOutput(flag, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if err := atomicfile.CheckWritable(path); err != nil {
		return fmt.Errorf("%s: %w", flag, err)
	}
	return nil
}

// writeOutput writes to --out atomically, or to stdout.
func writeOutput(ios *IO, out string, fill func(w io.Writer) error) error {
	if out == "" || out == "-" {
		return fill(ios.Out)
	}
	if err := atomicfile.Write(out, fill); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

// parseSize reads "16MB", "512k", "2GiB" or a plain number of bytes.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	units := []struct {
		suffix string
		mult   int64
	}{
		{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30},
		{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30},
		{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1},
	}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	// NaN, Inf, 1e30 and 0.5 all parse; none is a size.
	if err != nil || math.IsNaN(v) || v*float64(mult) < 1 || v*float64(mult) > 1<<50 {
		return 0, fmt.Errorf("%q is not a size (try 16MB, 512KB or a number of bytes)", s)
	}
	return int64(v * float64(mult)), nil
}

func generator() string { return "brief " + version }
