package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/daily"
	"github.com/brieftool/brief/internal/atomicfile"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/load"
)

type dailyOptions struct {
	corpusOptions
	modelOptions
	Format, Out   string
	NoColor       bool
	Stories       int
	Words         int
	MinConfidence float64
	MaxBriefed    int
	Since, Until  time.Time
	Details       string
	Clusters      string
	Workers       int
}

func dailyFlags() []cli.Flag {
	// A digest makes one request per story; its dry run would be a guess
	// before clustering.
	model := modelFlagsNoDryRun()
	return append(append(append(outputFlags("text, markdown, json or html (default: text on a terminal, markdown otherwise, or from the --out extension)"),
		&cli.IntFlag{Name: "stories", Value: daily.DefaultStories, Usage: "show the top `N` stories"},
		&cli.StringFlag{Name: "since", Usage: "only articles published at or after `TIME` (2023-03-07, 2023-03-07T06:00:00Z, or a duration before now: 24h)"},
		&cli.StringFlag{Name: "until", Usage: "only articles published before `TIME` (same forms as --since)"},
		&cli.IntFlag{Name: "words", Value: daily.DefaultWords, Usage: "each story's briefing budget of `N` words; the digest shows its headline and first 2 or 3 sentences"},
		&cli.Float64Flag{Name: "min-confidence", Value: defaultMinConfidence, Usage: "flag contradictions with confidence of at least `C` (0 to 1)"},
		&cli.IntFlag{Name: "max-briefed", Value: daily.DefaultMaxBriefed, Usage: "brief each story from at most `N` of its articles (one per group of wire copies first)"},
		&cli.StringFlag{Name: "details", Usage: "write each shown story's full briefing and fact table under `DIR`"},
		&cli.StringFlag{Name: "clusters", Usage: "write every article's story to `FILE` as JSON lines (id, origin, story, rank)"},
		&cli.IntFlag{Name: "workers", Usage: "clean articles and brief stories with `N` goroutines (default: the number of CPUs)"},
	), model...), corpusFlags()...)
}

func dailyCommand(ios *IO) *cli.Command {
	return &cli.Command{
		Name:      "daily",
		Usage:     "the day's stories, clustered, ranked and briefed",
		ArgsUsage: "INPUT...",
		Description: `Reads a day's articles as a stream (feeds, a feed list file with one feed URL or path
per line, folders, JSON lines, files, URLs), clusters them into stories by event (two
earthquakes on one day are two stories), ranks the stories by independent coverage
(wire copies of one report count once) and recency, and writes a digest of the top
--stories: each with a headline, 2 or 3 cited sentences, its counts of articles,
independent sources and outlets, and the contradictions between its sources. Every
citation is checked as in 'brief report'; with a model configured (see 'brief report
--help'), the model writes each story under the same check.

` + factInputsHelp + `

Examples:
   brief daily ~/news/2023-03-07/
   brief daily --since 24h --stories 20 feeds.txt
   brief daily --details out/ --out digest.html today.jsonl

` + exitCodesHelp,
		Flags:        dailyFlags(),
		OnUsageError: func(_ *cli.Context, err error, _ bool) error { return usageErr(err) },
		Action: func(c *cli.Context) error {
			o, err := parseDailyFlags(c, ios)
			if err != nil {
				return err
			}
			return runDaily(c, ios, o)
		},
	}
}

func parseDailyFlags(c *cli.Context, ios *IO) (dailyOptions, error) {
	co, err := parseCorpusFlags(c, ios)
	if err != nil {
		return dailyOptions{}, err
	}
	mo, err := parseModelFlags(c, ios)
	if err != nil {
		return dailyOptions{}, err
	}
	o := dailyOptions{corpusOptions: co, modelOptions: mo, Format: c.String("format"), Out: c.String("out"), NoColor: c.Bool("no-color"),
		Stories: c.Int("stories"), Words: c.Int("words"), MinConfidence: c.Float64("min-confidence"), MaxBriefed: c.Int("max-briefed"),
		Details: c.String("details"), Clusters: c.String("clusters"), Workers: c.Int("workers")}
	switch {
	case o.Stories < 1:
		return o, usageErr(fmt.Errorf("--stories must be at least 1, got %d", o.Stories))
	case o.Words < 20 || o.Words > 5000:
		return o, usageErr(fmt.Errorf("--words must be between 20 and 5000, got %d", o.Words))
	case o.MinConfidence < 0 || o.MinConfidence > 1:
		return o, usageErr(fmt.Errorf("--min-confidence must be between 0 and 1, got %v", o.MinConfidence))
	case o.MaxBriefed < 2:
		return o, usageErr(fmt.Errorf("--max-briefed must be at least 2, got %d", o.MaxBriefed))
	case o.Workers < 0:
		return o, usageErr(fmt.Errorf("--workers must not be negative, got %d", o.Workers))
	}
	now := time.Now()
	for _, f := range []struct {
		name string
		dst  *time.Time
	}{{"since", &o.Since}, {"until", &o.Until}} {
		if v := strings.TrimSpace(c.String(f.name)); v != "" {
			t, err := parseTime(v, now)
			if err != nil {
				return o, usageErr(fmt.Errorf("--%s: %w", f.name, err))
			}
			*f.dst = t
		}
	}
	if !o.Since.IsZero() && !o.Until.IsZero() && !o.Until.After(o.Since) {
		return o, usageErr(fmt.Errorf("--until (%s) must be after --since (%s)", o.Until.Format(time.RFC3339), o.Since.Format(time.RFC3339)))
	}
	if o.Details != "" {
		if err := daily.CheckDetails(o.Details); err != nil {
			return o, usageErr(fmt.Errorf("--details: %w", err))
		}
	}
	o.Inputs = load.ExpandLists(o.Inputs)
	return o, nil
}

// parseTime reads an RFC 3339 time, a date (midnight UTC), a date and
// time without zone (UTC), or a duration before now.
func parseTime(v string, now time.Time) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", time.DateOnly} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	if d, err := time.ParseDuration(v); err == nil && d > 0 {
		return now.Add(-d).Truncate(time.Second), nil
	}
	return time.Time{}, fmt.Errorf("%q is neither a time (2023-03-07, 2023-03-07T06:00:00Z) nor a duration (24h)", v)
}

func runDaily(c *cli.Context, ios *IO, o dailyOptions) error {
	format, err := outputFormat(o.Format, o.Out, ios, daily.Formats(),
		formatDefaults{tty: briefing.FormatText, piped: briefing.FormatMarkdown})
	if err != nil {
		return err
	}
	if err := checkOutput("--out", o.Out); err != nil {
		return err
	}
	if err := checkOutput("--clusters", o.Clusters); err != nil {
		return err
	}
	p, err := summarize.NewPipeline()
	if err != nil {
		return err
	}
	v := briefing.NewVerifier()
	say := sayer(ios, o.Quiet)
	backend, policy, err := openBackend(c, ios, o.modelOptions, v, say, nil)
	if err != nil {
		return err
	}
	defer backend.Close()
	bar := newProgress(ios, o.Quiet)
	opts := daily.Options{
		Inputs: o.Inputs, Load: o.Build.Load, Since: o.Since, Until: o.Until,
		Stories: o.Stories, Words: o.Words, MinConfidence: o.MinConfidence, MaxBriefed: o.MaxBriefed, Workers: o.Workers,
		Details: o.Details, Writer: backend.Writer, Fallback: backend.Fallback, Verifier: v, Policy: policy,
		Generator: generator(), Progress: bar.update,
		Problem: func(pr summarize.Problem) {
			if line, ok := problemLine(pr, o.Quiet); ok {
				bar.println(line)
			}
		},
		Warn: func(msg string) { bar.println("brief: warning: " + msg) },
	}
	if o.NoFallback {
		opts.Fallback = nil
	}
	res, err := daily.Run(c.Context, p, opts)
	bar.finish()
	if backend.Model != nil {
		if u := backend.Model.Usage(); u.Calls > 0 {
			say(backend.UsageLine(u))
		}
	}
	if errors.Is(err, daily.ErrNoArticles) {
		if !o.Since.IsZero() || !o.Until.IsZero() {
			return fmt.Errorf("no article of %s was published in the --since/--until window (undated articles are left out when a window is set)", describeInputs(o.Inputs))
		}
		return fmt.Errorf("no article to cluster among %s", describeInputs(o.Inputs))
	}
	if err != nil {
		return err
	}
	// The digest first, then the clusters, then the details: a run that
	// fails writing one leaves none of the later ones.
	defer res.DiscardDetails()
	style := briefing.Style{Color: o.Out == "" && ios.color(o.NoColor), Width: ios.width()}
	if err := writeOutput(ios, o.Out, func(w io.Writer) error {
		return daily.Render(w, res.Digest, format, style, generator())
	}); err != nil {
		return err
	}
	if o.Clusters != "" {
		if err := atomicfile.Write(o.Clusters, func(w io.Writer) error {
			enc := json.NewEncoder(w)
			for _, a := range res.Assignments {
				if err := enc.Encode(a); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return fmt.Errorf("--clusters: %w", err)
		}
	}
	if err := res.CommitDetails(); err != nil {
		return err
	}
	return strictResult(o.Strict, res.Digest.Failed)
}

// progress is the bar on stderr: shown only on a terminal, and not with
// --quiet, so logs and pipes stay clean.
type progress struct {
	// mu serialises the bar: model warnings clear it from the briefing
	// goroutines while the stages update it.
	mu    sync.Mutex
	w     io.Writer
	bar   *progressbar.ProgressBar
	stage string
	on    bool
}

func newProgress(ios *IO, quiet bool) *progress {
	return &progress{w: ios.Err, on: ios.ErrTTY && !quiet}
}

func (p *progress) update(stage string, done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar == nil || stage != p.stage {
		if p.bar != nil {
			_ = p.bar.Finish()
		}
		desc := map[string]string{"reading": "reading articles", "clustering": "clustering stories", "grouping": "finding wire copies", "briefing": "briefing stories"}[stage]
		p.stage = stage
		p.bar = progressbar.NewOptions(total, progressbar.OptionSetDescription(desc), progressbar.OptionSetWriter(p.w),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(), progressbar.OptionSetWidth(30))
	}
	_ = p.bar.Set(done)
}

// println prints a line on stderr, above the bar: callers in several
// goroutines take turns.
func (p *progress) println(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintln(p.w, line)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
