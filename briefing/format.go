// Package briefing turns what the summarize package found into pages for
// people and documents for scripts: terminal tables, Markdown, CSV, and
// the versioned JSON schema.
package briefing

import (
	"fmt"
	"strings"
)

// Format is an output format.
type Format string

const (
	// FormatTable is a boxed table for a terminal, wrapped to its width.
	FormatTable Format = "table"
	// FormatText is plain aligned columns, one record per line, for pipes
	// and grep.
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatJSON     Format = "json"
	FormatCSV      Format = "csv"
)

// SourceFormats are the formats `brief sources` writes.
func SourceFormats() []Format {
	return []Format{FormatTable, FormatText, FormatMarkdown, FormatJSON, FormatCSV}
}

// ParseFormat checks name against the formats allowed.
func ParseFormat(name string, allowed []Format) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "md" {
		n = string(FormatMarkdown)
	}
	if n == "txt" || n == "plain" {
		n = string(FormatText)
	}
	names := make([]string, len(allowed))
	for i, f := range allowed {
		if string(f) == n {
			return f, nil
		}
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(names, ", "))
}

// FormatForPath guesses the format from an output file's extension, so that
// `--out corpus.json` needs no `--format json`.
func FormatForPath(path string) (Format, bool) {
	p := strings.ToLower(path)
	switch {
	case strings.HasSuffix(p, ".json"):
		return FormatJSON, true
	case strings.HasSuffix(p, ".csv"):
		return FormatCSV, true
	case strings.HasSuffix(p, ".md"), strings.HasSuffix(p, ".markdown"):
		return FormatMarkdown, true
	case strings.HasSuffix(p, ".txt"):
		return FormatText, true
	case strings.HasSuffix(p, ".html"), strings.HasSuffix(p, ".htm"):
		return FormatHTML, true
	}
	return "", false
}

// Style is how terminal output may look.
type Style struct {
	// Color allows ANSI colour (terminal output, NO_COLOR unset).
	Color bool
	// Width is the terminal width in columns; 0 means 100.
	Width int
}

func (s Style) width() int {
	if s.Width <= 0 {
		return 100
	}
	return s.Width
}
