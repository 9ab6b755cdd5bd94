package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/backends"
	"github.com/brieftool/brief/briefing/daily"
	"github.com/brieftool/brief/briefing/llm"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/load"
)

// problem is one kind of error a user sees: how to recognise it, what to
// do about it, and the exit code when it ends the run. catalogue is the
// one list of them; the README's error table is checked against it
// (TestREADMEListsEveryProblem), and every message printed on stderr gets
// its fix from here.
type problem struct {
	name string
	// what describes the problem for the README.
	what string
	is   func(error) bool
	// fix says what to do. It is appended to the message unless the
	// message already says it (inMessage), or carries advice of its own.
	fix       string
	inMessage bool
	// skips is set for problems that only ever cost one input or item
	// while the run goes on (exit 0, or 3 under --strict), never the run.
	skips bool
	exit  int
}

func isErr(target error) func(error) bool {
	return func(err error) bool { return errors.Is(err, target) }
}

func isModel(kinds ...llm.ErrorKind) func(error) bool {
	return func(err error) bool {
		var le *llm.Error
		if !errors.As(err, &le) {
			return false
		}
		for _, k := range kinds {
			if le.Kind == k {
				return true
			}
		}
		return false
	}
}

// catalogue lists the problems, most specific first: the first match
// wins.
func catalogue() []problem {
	return []problem{
		{name: "usage", what: "unknown command or flag, bad flag value, no INPUT",
			is: func(err error) bool { var ue usageError; return errors.As(err, &ue) }, fix: "run 'brief COMMAND --help'", exit: exitUsage},
		{name: "interrupted", what: "Ctrl-C or SIGTERM during the run; nothing was written",
			is: isErr(context.Canceled), exit: exitFailure},
		{name: "partial", what: "with --strict, some inputs or items were skipped (the output was written)",
			is: func(err error) bool { var pe partialError; return errors.As(err, &pe) }, fix: "each is named above; without --strict the exit code is 0", exit: exitPartial},

		// Inputs: each skips one input or item; the run goes on.
		{name: "too-large", what: "an article over --max-size, or a feed or JSON file over --max-feed-size",
			is: isErr(load.ErrTooLarge), fix: "raise --max-size for an article, --max-feed-size for a feed", skips: true, exit: exitFailure},
		{name: "line-too-long", what: "a line of text or JSON lines over --max-line",
			is: isErr(load.ErrLineTooLong), fix: "raise the limit with --max-line", skips: true, exit: exitFailure},
		{name: "too-deep", what: "HTML, XML or JSON nested deeper than --max-depth",
			is: isErr(load.ErrTooDeep), fix: "raise the limit with --max-depth; HTML stops at 512 whatever the flag", skips: true, exit: exitFailure},
		{name: "too-complex", what: "HTML built to be expensive to parse: over 200,000 elements, or over 1,000 attributes on one element or on repeated <html>/<body> tags",
			is: isErr(load.ErrTooComplex), fix: "no flag raises this: no article page comes near it", skips: true, exit: exitFailure},
		{name: "too-many", what: "articles beyond --max-articles",
			is: isErr(load.ErrTooMany), fix: "raise the limit with --max-articles", skips: true, exit: exitFailure},
		{name: "url-scheme", what: "a URL INPUT, redirect or feed link that is not http or https (file://, ftp://, data:, javascript:)",
			is: isErr(load.ErrScheme), fix: "give a local file as a path", inMessage: true, skips: true, exit: exitFailure},
		{name: "private-address", what: "a redirect or feed link into a private, loopback or link-local address (a URL given as INPUT may point anywhere)",
			is: isErr(load.ErrPrivateAddress), fix: "use --allow-private to allow", inMessage: true, skips: true, exit: exitFailure},
		{name: "url-timeout", what: "a URL that sent nothing, or not all of its body, within --timeout",
			is: isErr(load.ErrTimeout), fix: "raise it with --timeout, or try again later", skips: true, exit: exitFailure},
		{name: "redirects", what: "a URL that redirects more than 10 times, or in a loop",
			is: isErr(load.ErrRedirects), fix: "open the URL in a browser to see where it leads, and give the final URL", skips: true, exit: exitFailure},
		{name: "not-found", what: "a path that does not exist: an INPUT, or the directory of --out",
			is: isErr(fs.ErrNotExist), fix: "check the path", exit: exitFailure},
		{name: "permission-denied", what: "an INPUT you may not read, or an --out you may not write",
			is: isErr(fs.ErrPermission), fix: "check the permissions of the file and its directory", exit: exitFailure},

		// Output.
		{name: "disk-full", what: "the disk holding --out (or the cache) is full",
			is: isErr(syscall.ENOSPC), fix: "free some space, or write elsewhere with --out; the old file, if any, is untouched", exit: exitFailure},
		{name: "read-only-output", what: "--out is on a read-only file system",
			is: isErr(syscall.EROFS), fix: "write elsewhere with --out", exit: exitFailure},

		// The model.
		{name: "no-model", what: "--backend openai without a model, and the server lists none",
			is: isErr(backends.ErrNoModel), fix: "set --model, BRIEF_MODEL, or \"model\" in the config file", inMessage: true, exit: exitFailure},
		{name: "model-auth", what: "the model server refused the API key",
			is: isModel(llm.ErrAuth), fix: "set the key's variable (OPENAI_API_KEY, or the one --api-key-env names)", exit: exitFailure},
		{name: "model-unreachable", what: "the model server could not be reached, or timed out, after every retry",
			is: isModel(llm.ErrUnreachable, llm.ErrTimeout), fix: "check --base-url and that the server is running; raise --model-timeout for slow models", exit: exitFailure},
		{name: "model-failed", what: "the model server failed, refused the request or answered unusably (only fatal with --no-fallback; otherwise the extractive briefing is written)",
			is: isModel(llm.ErrOther, llm.ErrBadRequest, llm.ErrRateLimit, llm.ErrServer, llm.ErrBadAnswer), fix: "run without --no-fallback to get the extractive briefing instead", exit: exitFailure},
		{name: "unsupported-sentence", what: "--on-unsupported fail, and a sentence is not backed by its sources",
			is: func(err error) bool { var ue *briefing.UnsupportedError; return errors.As(err, &ue) }, fix: "use --on-unsupported drop (the default) or mark", exit: exitFailure},

		// The run as a whole.
		{name: "no-sources", what: "no input yielded a usable article",
			is: isErr(summarize.ErrNoSources), fix: "each message above names an input and why it was skipped", exit: exitFailure},
		{name: "no-articles", what: "brief daily: nothing to cluster, or nothing in the --since/--until window",
			is: isErr(daily.ErrNoArticles), fix: "widen --since/--until, or check the inputs", exit: exitFailure},
	}
}

// lookup finds err's entry in the catalogue.
func lookup(err error) (problem, bool) {
	for _, p := range catalogue() {
		if p.is(err) {
			return p, true
		}
	}
	return problem{}, false
}

// withFix is err's message with what to do about it, one line.
func withFix(err error) string {
	msg := err.Error()
	p, ok := lookup(err)
	if !ok || p.fix == "" || p.inMessage || carriesAdvice(err) {
		return msg
	}
	return fmt.Sprintf("%s (%s)", msg, p.fix)
}

// carriesAdvice reports whether err's own message already says what to
// do, as the model backend's errors do.
func carriesAdvice(err error) bool {
	var le *llm.Error
	return errors.As(err, &le) && le.Hint != ""
}

// exitCode is the code err ends the run with.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	if p, ok := lookup(err); ok {
		return p.exit
	}
	return exitFailure
}

// partialError ends a run that wrote its output but skipped inputs, when
// --strict asks for that to show in the exit code.
type partialError struct{ skipped int }

func (e partialError) Error() string {
	if e.skipped == 1 {
		return "1 input or item was skipped, and --strict makes that exit code 3"
	}
	return fmt.Sprintf("%d inputs or items were skipped, and --strict makes that exit code 3", e.skipped)
}

// strictResult is what a command returns after writing its output: nil,
// or a partialError under --strict when something was skipped.
func strictResult(strict bool, skipped int) error {
	if strict && skipped > 0 {
		return partialError{skipped}
	}
	return nil
}
