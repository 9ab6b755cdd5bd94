package load

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// maxListBytes bounds what is read to decide whether a file is a list: a
// feed list is a few kilobytes, an article may be megabytes.
const maxListBytes = 1 << 20

// ExpandLists replaces each input that is a list file with the inputs it
// names, so `brief daily feeds.txt` reads every feed the file lists. A
// list file is a text file whose every line, blank lines and # comments
// aside, is an http(s) URL or the path of an existing file or directory;
// relative paths are taken from the list's own directory. An article,
// whose lines are sentences, is never taken for one. Lists in lists are
// expanded too, once.
func ExpandLists(inputs []string) []string {
	return expandLists(inputs, 2)
}

func expandLists(inputs []string, depth int) []string {
	var out []string
	for _, in := range inputs {
		entries, ok := readList(in)
		if !ok || depth == 0 {
			out = append(out, in)
			continue
		}
		out = append(out, expandLists(entries, depth-1)...)
	}
	return out
}

func readList(path string) ([]string, bool) {
	if isURL(path) || path == "-" {
		return nil, false
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxListBytes || fi.Size() == 0 {
		return nil, false
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".list", ".lst", ".feeds", "":
	default:
		return nil, false
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	dir := filepath.Dir(path)
	var entries []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		switch {
		case isURL(line) && !strings.ContainsAny(line, " \t"):
			entries = append(entries, line)
		case strings.ContainsAny(line, " \t") && !exists(line) && !exists(filepath.Join(dir, line)):
			return nil, false // a sentence, not a path
		case filepath.IsAbs(line) && exists(line):
			entries = append(entries, line)
		case exists(filepath.Join(dir, line)):
			entries = append(entries, filepath.Join(dir, line))
		default:
			return nil, false
		}
	}
	if sc.Err() != nil || len(entries) == 0 {
		return nil, false
	}
	return entries, true
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
