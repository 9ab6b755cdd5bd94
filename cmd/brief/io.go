package main

import (
	"io"
	"os"
	"strconv"

	"golang.org/x/term"
)

// IO is where a command reads and writes, injected so tests can capture
// output and pretend to be a terminal.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// OutTTY is set when Out is a terminal: tables by default, colour
	// allowed.
	OutTTY bool
	// ErrTTY is set when Err is a terminal: progress bars are drawn only
	// there.
	ErrTTY bool
	// Width is the terminal width in columns (0: unknown).
	Width int
	// Getenv reads the environment (NO_COLOR, COLUMNS).
	Getenv func(string) string
}

func systemIO() *IO {
	ios := &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv, ErrTTY: term.IsTerminal(int(os.Stderr.Fd()))}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		ios.OutTTY = true
		if w, _, err := term.GetSize(fd); err == nil {
			ios.Width = w
		}
	}
	return ios
}

// color reports whether ANSI colour may be used: only on a terminal, and
// never when NO_COLOR is set (https://no-color.org) or --no-color given.
func (ios *IO) color(noColorFlag bool) bool {
	return ios.OutTTY && !noColorFlag && ios.Getenv("NO_COLOR") == ""
}

// width is the terminal width, else $COLUMNS, else 100.
func (ios *IO) width() int {
	if ios.Width > 0 {
		return ios.Width
	}
	if n, err := strconv.Atoi(ios.Getenv("COLUMNS")); err == nil && n > 20 {
		return n
	}
	return 100
}
