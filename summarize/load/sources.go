package load

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

type sourceKind int

const (
	srcFile sourceKind = iota
	srcURL
	srcStdin
	srcError
)

// source is one thing to read: a file (given or found in a directory), a
// URL, stdin, or a problem found while expanding the inputs.
type source struct {
	kind  sourceKind
	input string // the INPUT argument
	name  string // path, URL or "stdin": prefixes messages, becomes Origin
	// rel is the slash path relative to the directory input (or the path
	// as given), without extension; it disambiguates colliding base names.
	rel string
	id  string
	err error
}

var errStdinTwice = errors.New("standard input can only be read once")

// assetExts are files a saved web page drags along ("page_files/"). Inside
// a directory they are skipped rather than reported one by one; given
// explicitly they are read, and rejected, like anything else.
var assetExts = map[string]bool{
	".css": true, ".js": true, ".mjs": true, ".map": true,
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".svg": true, ".ico": true, ".avif": true, ".bmp": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// opaqueSchemes are schemes recognised without "//" after the colon. Any
// other "name:" prefix is taken for part of a file name: notes:2023.txt.
var opaqueSchemes = map[string]bool{
	"about": true, "blob": true, "data": true, "file": true, "ftp": true,
	"gopher": true, "javascript": true, "mailto": true, "tel": true,
	"vbscript": true, "view-source": true,
}

// urlScheme returns the scheme, in lower case, of s when s reads as a URL:
// "name://..." with a name of two letters or more (one letter is a
// Windows drive), or one of opaqueSchemes followed by a colon.
func urlScheme(s string) (string, bool) {
	i := strings.IndexByte(s, ':')
	if i < 1 {
		return "", false
	}
	name := strings.ToLower(s[:i])
	for j, r := range name {
		letter := r >= 'a' && r <= 'z'
		if !letter && (j == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return "", false
		}
	}
	if opaqueSchemes[name] || (len(name) > 1 && strings.HasPrefix(s[i:], "://")) {
		return name, true
	}
	return "", false
}

// schemeError says why a URL with a scheme other than http(s) is not read.
func schemeError(scheme string) error {
	hint := "save it to a file and give the file's path"
	if scheme == "file" {
		hint = "give a local file as a path"
	}
	return withMsg(ErrScheme, "unsupported URL scheme %q: brief fetches only http and https URLs (%s)", scheme, hint)
}

// expandInputs resolves directories into their files up front: file IDs
// depend on which other files share a base name, and that must not depend
// on how far reading has got.
func expandInputs(ctx context.Context, inputs []string) []source {
	var out []source
	for _, in := range inputs {
		if ctx.Err() != nil {
			return out
		}
		switch {
		case in == "-":
			out = append(out, source{kind: srcStdin, input: in, name: "stdin", id: "stdin"})
		case isURL(in):
			out = append(out, source{kind: srcURL, input: in, name: in, id: in})
		default:
			fi, err := os.Stat(in)
			if err != nil {
				// Only a path that is not there is read as a URL: a file
				// may well be named "notes:2023.txt".
				if scheme, ok := urlScheme(in); ok {
					err = schemeError(scheme)
				} else {
					err = fileError(err)
				}
				out = append(out, source{kind: srcError, input: in, name: in, err: err})
				continue
			}
			if !fi.IsDir() {
				out = append(out, source{kind: srcFile, input: in, name: in, rel: stripExt(cleanSlash(in))})
				continue
			}
			before := len(out)
			out = walkDir(ctx, in, in, out)
			if len(out) == before {
				out = append(out, source{kind: srcError, input: in, name: in, err: errors.New("directory has no files to read")})
			}
		}
	}
	return out
}

// walkDir appends the files under dir in name order, depth first. Hidden
// entries are skipped and symbolic links to directories are not followed,
// which also keeps link cycles from looping.
func walkDir(ctx context.Context, root, dir string, out []source) []source {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return append(out, source{kind: srcError, input: root, name: dir, err: fileError(err)})
	}
	for _, e := range entries {
		if ctx.Err() != nil {
			return out
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				out = append(out, source{kind: srcError, input: root, name: p, err: fileError(err)})
				continue
			}
			if fi.IsDir() {
				continue
			}
			mode = fi.Mode()
		}
		if mode.IsDir() {
			out = walkDir(ctx, root, p, out)
			continue
		}
		if assetExts[strings.ToLower(filepath.Ext(name))] {
			continue
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = p
		}
		out = append(out, source{kind: srcFile, input: root, name: p, rel: stripExt(filepath.ToSlash(rel))})
	}
	return out
}

// assignFileIDs gives each file its base name without extension, or, when
// several files share that base name, its relative path without extension
// (relative to the directory input, or as given). Anything still colliding
// gets a ~n suffix at delivery.
func assignFileIDs(sources []source) {
	rels := map[string]map[string]bool{}
	for _, s := range sources {
		if s.kind != srcFile {
			continue
		}
		base := path.Base(s.rel)
		if rels[base] == nil {
			rels[base] = map[string]bool{}
		}
		rels[base][s.rel] = true
	}
	for i := range sources {
		s := &sources[i]
		if s.kind != srcFile {
			continue
		}
		s.id = path.Base(s.rel)
		// The same file given twice is no reason to lengthen its ID.
		if len(rels[s.id]) > 1 {
			s.id = s.rel
		}
	}
}

func cleanSlash(p string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
}

// stripExt drops the last extension unless the name is all extension.
func stripExt(p string) string {
	ext := path.Ext(p)
	base := path.Base(p)
	if ext == "" || ext == base {
		return p
	}
	return strings.TrimSuffix(p, ext)
}

// fileError reduces an *fs.PathError to its cause: the caller prefixes the
// path itself, and "open x: " would repeat it.
func fileError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return withMsg(err, "no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return withMsg(err, "permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return withMsg(err, "%v", pe.Err)
	}
	return err
}
