// Command brief turns many news articles about the same events into a
// briefing a reader can trust. This package only parses flags, calls the
// library and maps errors to exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes, documented in --help and the README.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
	exitPartial = 3
)

const exitCodesHelp = `EXIT CODES:
   0  success (inputs that could not be read are reported on stderr and skipped)
   1  the run failed: no usable source among the inputs, the output could not be written,
      interrupted, a sentence was unsupported under --on-unsupported fail, or the model
      failed under --no-fallback
   2  usage error: unknown command or flag, bad flag value, no INPUT
   3  partial success under --strict: the output was written, but some inputs or items
      were skipped`

func main() {
	ctx, stop := notifySignals(context.Background(), os.Stderr, os.Exit)
	code := run(ctx, os.Args, systemIO())
	stop()
	os.Exit(code)
}

// run executes the command line and returns the exit code. Tests call it
// with their own IO.
func run(ctx context.Context, args []string, ios *IO) int {
	app := newApp(ios)
	err := app.RunContext(ctx, interspersed(app, withDefaultCommand(app, args)))
	return report(ios, err)
}

func newApp(ios *IO) *cli.App {
	app := &cli.App{
		Name:    "brief",
		Usage:   "turn many news articles about the same events into a briefing you can trust",
		Version: version,
		Description: `brief reads articles from files, directories, URLs, RSS/Atom/JSON feeds, JSON lines
and stdin, strips page junk, finds duplicate and wire-copied articles, and reports
what the sources say.

Examples:
   brief testdata/iraq-visit             the one-page briefing (same as brief report)
   brief sources testdata/iraq-visit     list the sources after cleaning and dedup
   brief facts testdata/iraq-visit       one table of facts across all sources
   brief conflicts testdata/iraq-visit   where the sources contradict each other
   brief compare testdata/iraq-visit     which source states which fact
   brief daily ~/news/today/             the day's stories, clustered, ranked and briefed

` + exitCodesHelp,
		Reader:               ios.In,
		Writer:               ios.Out,
		ErrWriter:            ios.Err,
		HideHelpCommand:      true,
		EnableBashCompletion: false,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "no-color", Usage: "never colour output (also: NO_COLOR environment variable)"},
			&cli.StringFlag{Name: "cpuprofile", Hidden: true, Usage: "write a CPU profile to `FILE`"},
		},
		Before: startProfile,
		After:  stopProfile,
		Commands: []*cli.Command{
			reportCommand(ios),
			dailyCommand(ios),
			sourcesCommand(ios),
			factsCommand(ios),
			conflictsCommand(ios),
			compareCommand(ios),
			evalCommand(ios),
		},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error { return usageErr(err) },
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(ios.Err, "brief: unknown command %q; run 'brief --help' for the list\n", name)
		},
		// The library never calls os.Exit: errors come back to run.
		ExitErrHandler: func(*cli.Context, error) {},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr(fmt.Errorf("unknown command %q; run 'brief --help' for the list", c.Args().First()))
			}
			_ = cli.ShowAppHelp(c)
			return usageErr(errors.New("no command given"))
		},
	}
	return app
}

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usageErr(err error) error {
	if err == nil {
		return nil
	}
	var ue usageError
	if errors.As(err, &ue) {
		return err
	}
	return usageError{err}
}

// report prints err (once), with what to do about it, and returns the
// exit code for it.
func report(ios *IO, err error) int {
	if err == nil {
		return exitOK
	}
	code := exitCode(err)
	switch {
	case errors.Is(err, context.Canceled) && code == exitFailure:
		fmt.Fprintln(ios.Err, "brief: interrupted")
	case code == exitUsage:
		msg := err.Error()
		if !strings.HasPrefix(msg, "brief") {
			msg = "brief: " + msg
		}
		fmt.Fprintln(ios.Err, msg)
	default:
		fmt.Fprintf(ios.Err, "brief: %s\n", withFix(err))
	}
	return code
}
