package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed moves a command's flags in front of its arguments, so that
// `brief sources DIR -f json` works like `brief sources -f json DIR`.
// urfave/cli, like the flag package, stops parsing flags at the first
// argument, and users put flags wherever they like. Everything after "--"
// stays an argument; a lone "-" (stdin) is an argument.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	i := 1
	// Global flags come first; the first non-flag names the command.
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" && args[i] != "--" {
		out = append(out, args[i])
		if takesValue(app.Flags, args[i]) && i+1 < len(args) {
			out = append(out, args[i+1])
			i++
		}
		i++
	}
	if i >= len(args) {
		return out
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return append(out, args[i:]...)
	}
	out = append(out, args[i])
	i++
	var flags, rest []string
	for ; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case a == "-" || !strings.HasPrefix(a, "-"):
			rest = append(rest, a)
		default:
			flags = append(flags, a)
			if takesValue(cmd.Flags, a) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		}
	}
	out = append(out, flags...)
	if len(rest) > 0 {
		// "--" keeps arguments that look like flags from being parsed.
		out = append(out, "--")
		out = append(out, rest...)
	}
	return out
}

// takesValue reports whether arg names a flag that needs a value in the
// next argument (not --name=value, not a boolean).
func takesValue(flags []cli.Flag, arg string) bool {
	if strings.Contains(arg, "=") {
		return false
	}
	name := strings.TrimLeft(arg, "-")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			_, isBool := f.(*cli.BoolFlag)
			return !isBool
		}
	}
	return false
}

// withDefaultCommand puts "report" in front of the arguments when the
// first one after the global flags names no command, so that
// `brief INPUT...` writes the briefing. A word that is neither a command
// nor something that can be read (a path that exists, a URL, - for stdin)
// stays where it is and is reported as an unknown command: a typo of
// "sources" should not read as a missing file.
func withDefaultCommand(app *cli.App, args []string) []string {
	// Leading flags that are the app's own stay in front of "report";
	// report's flags (-f, --words, ...) move behind it.
	var global, local []string
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" && args[i] != "--" {
		dst := &local
		if isAppFlag(app, args[i]) {
			dst = &global
		}
		*dst = append(*dst, args[i])
		if !strings.Contains(args[i], "=") && i+1 < len(args) && (takesValue(app.Flags, args[i]) || takesValue(reportFlags(), args[i])) {
			*dst = append(*dst, args[i+1])
			i++
		}
		i++
	}
	if i >= len(args) {
		return args
	}
	a := args[i]
	if a == "--" || a == "help" || app.Command(a) != nil || !looksLikeInput(a) {
		return args
	}
	out := append([]string{args[0]}, global...)
	out = append(out, "report")
	out = append(out, local...)
	return append(out, args[i:]...)
}

// isAppFlag reports whether arg names one of the app's global flags
// (--help and --version included), which must come before the command.
func isAppFlag(app *cli.App, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	if k := strings.IndexByte(name, '='); k >= 0 {
		name = name[:k]
	}
	switch name {
	case "help", "h", "version", "v":
		return true
	}
	for _, f := range app.Flags {
		for _, n := range f.Names() {
			if n == name && n != "no-color" {
				return true
			}
		}
	}
	return false
}

func looksLikeInput(a string) bool {
	if a == "-" || strings.Contains(a, "://") {
		return true
	}
	_, err := os.Stat(a)
	return err == nil
}
