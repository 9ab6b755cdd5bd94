package load

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxListBytes bounds what is read to decide whether a file is a list: a
// feed list is a few kilobytes, an article may be megabytes.
const maxListBytes = 1 << 20

// maxListDepth is how many levels of lists are expanded: a list, the
// lists it names, and theirs.
const maxListDepth = 3

// listExts are the extensions a list file may have ("" is none).
var listExts = map[string]bool{".txt": true, ".list": true, ".lst": true, ".feeds": true, "": true}

// pathExts are the extensions that make a line without a slash look like
// the name of a feed or article file.
var pathExts = map[string]bool{
	".xml": true, ".rss": true, ".atom": true, ".json": true, ".jsonl": true, ".ndjson": true,
	".txt": true, ".md": true, ".html": true, ".htm": true,
}

// ExpandLists replaces each input that is a list file with the inputs it
// names, so `brief daily feeds.txt` reads every feed the file lists.
//
// A list file is a text file of at most 1 MB, named *.txt, *.list, *.lst,
// *.feeds or without extension, whose every line, blank lines and #
// comments aside, names one input. A UTF-8 byte order mark, a leading
// "- " bullet and a trailing " # comment" are ignored. An entry is an
// http(s) URL, a file:// URL, a ~/ path, an existing file or directory
// (absolute, relative to the list's directory, or relative to the working
// directory), or something that looks like a path: no spaces, and a slash
// or a feed or article extension (.xml, .rss, .atom, .json, .jsonl,
// .ndjson, .txt, .md, .html, .htm). An entry that does not exist is kept
// (a relative one taken from the list's directory), so that reading it
// names it as missing. An article, whose lines are sentences, is never
// taken for a list: one line that is not an entry makes the file an
// ordinary input.
//
// Lists in lists are expanded too, three levels deep; a list that names
// itself, or a list it is named from, is skipped there.
func ExpandLists(inputs []string) []string {
	return expandLists(inputs, maxListDepth, nil)
}

// expandLists expands the lists among inputs, depth levels deep; open
// holds the lists being expanded, so that one naming itself, directly or
// not, is not read again.
func expandLists(inputs []string, depth int, open []os.FileInfo) []string {
	var out []string
	for _, in := range inputs {
		entries, fi, ok := readList(in)
		switch {
		case !ok:
			out = append(out, in)
		case loops(fi, open):
			// Named from itself: its entries are being read already.
		case depth == 0:
			out = append(out, in) // too deep: read as it is
		default:
			out = append(out, expandLists(entries, depth-1, append(open[:len(open):len(open)], fi))...)
		}
	}
	return out
}

func loops(fi os.FileInfo, open []os.FileInfo) bool {
	for _, o := range open {
		if os.SameFile(fi, o) {
			return true
		}
	}
	return false
}

// readList returns the entries of the list file at path, and the file's
// info, or false when path is not a list.
func readList(path string) ([]string, os.FileInfo, bool) {
	if isURL(path) || path == "-" {
		return nil, nil, false
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxListBytes || fi.Size() == 0 {
		return nil, nil, false
	}
	if !listExts[strings.ToLower(filepath.Ext(path))] {
		return nil, nil, false
	}
	data, err := os.ReadFile(path)
	if err != nil || len(data) > maxListBytes || !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, nil, false
	}
	dir := filepath.Dir(path)
	var entries []string
	for line := range strings.Lines(string(data)) {
		line = listLine(line)
		if line == "" {
			continue
		}
		e, ok := listEntry(line, dir)
		if !ok {
			return nil, nil, false
		}
		entries = append(entries, e)
	}
	if len(entries) == 0 {
		return nil, nil, false
	}
	return entries, fi, true
}

// listLine returns what a line of a list names, or "" for a blank line
// or a comment: the line without a byte order mark, surrounding space, a
// leading "- " bullet or a trailing " # comment".
func listLine(line string) string {
	line = strings.TrimSpace(strings.TrimPrefix(line, "\uFEFF"))
	if strings.HasPrefix(line, "#") {
		return ""
	}
	if rest, ok := strings.CutPrefix(line, "- "); ok {
		line = strings.TrimSpace(rest)
	}
	for i := 1; i < len(line); i++ {
		if line[i] == '#' && (line[i-1] == ' ' || line[i-1] == '\t') {
			line = strings.TrimSpace(line[:i])
			break
		}
	}
	return line
}

// listEntry returns the input a list line names, or false when the line
// names none, which makes the file no list.
func listEntry(line, dir string) (string, bool) {
	if !strings.ContainsFunc(line, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return "", false // ".", "/", "-", "***"
	}
	spaced := strings.ContainsFunc(line, unicode.IsSpace)
	switch {
	case isURL(line):
		return line, !spaced
	case hasScheme(line, "file://"):
		if spaced {
			return "", false
		}
		u, err := url.Parse(line)
		if err != nil || (u.Host != "" && u.Host != "localhost") || u.Path == "" {
			return "", false
		}
		return filepath.FromSlash(u.Path), true
	case strings.HasPrefix(line, "~/"):
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return "", false
		}
		p := filepath.Join(home, line[2:])
		return p, !spaced || exists(p)
	case filepath.IsAbs(line):
		return line, exists(line) || looksLikePath(line)
	}
	inDir := filepath.Join(dir, line)
	switch {
	case exists(inDir):
		return inDir, true
	case exists(line):
		return line, true // relative to the working directory
	case looksLikePath(line):
		return inDir, true
	}
	return "", false
}

func hasScheme(s, scheme string) bool {
	return len(s) >= len(scheme) && strings.EqualFold(s[:len(scheme)], scheme)
}

// looksLikePath reports whether s, which names nothing that exists, is
// still meant as a path: no spaces, and a slash or the extension of a
// feed or article.
func looksLikePath(s string) bool {
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return false
	}
	return strings.ContainsRune(s, '/') || pathExts[strings.ToLower(filepath.Ext(s))]
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
