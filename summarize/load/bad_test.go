package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

// TestBadInputs: every problem is one line naming the input, and the good
// input given alongside still loads.
func TestBadInputs(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the bad input
		opts  func(*Options)
		want  string // the message after "<input>: "
		isErr error  // what errors.Is must find, if anything
	}{{
		name:  "missing file",
		setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "nope.txt") },
		want:  "no such file or directory",
		isErr: fs.ErrNotExist,
	}, {
		name: "empty file",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"empty.txt": ""})
			return filepath.Join(dir, "empty.txt")
		},
		want: "file is empty",
	}, {
		name: "whitespace only",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"blank.html": " \n\t\r\n  \n"})
			return filepath.Join(dir, "blank.html")
		},
		want: "file is empty",
	}, {
		name: "whitespace-only JSON lines",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"blank.jsonl": "\n\n   \n"})
			return filepath.Join(dir, "blank.jsonl")
		},
		want: "file is empty",
	}, {
		name: "binary with NUL bytes",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"data.txt": "abc\x00\x01\x02def"})
			return filepath.Join(dir, "data.txt")
		},
		want: "binary file, not text, HTML, JSON or a feed",
	}, {
		name: "binary with control bytes",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"data.bin": strings.Repeat("ab\x01\x02\x03\x04\x05", 100)})
			return filepath.Join(dir, "data.bin")
		},
		want: "binary file, not text, HTML, JSON or a feed",
	}, {
		name: "PNG named as HTML",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"page.html": "\x89PNG\r\n\x1a\n rest of image"})
			return filepath.Join(dir, "page.html")
		},
		want: "binary file (PNG image), not text, HTML, JSON or a feed",
	}, {
		name: "gzip",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"dump.jsonl.gz": "\x1f\x8b\x08\x00\x00\x00\x00\x00"})
			return filepath.Join(dir, "dump.jsonl.gz")
		},
		want: "binary file (gzip archive), not text, HTML, JSON or a feed",
	}, {
		name:  "PDF fixture",
		setup: func(t *testing.T, dir string) string { return "testdata/report.pdf" },
		want:  "binary file (PDF), not text, HTML, JSON or a feed",
	}, {
		name: "over the size cap (sparse)",
		setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "huge.txt")
			writeFiles(t, dir, map[string]string{"huge.txt": "x"})
			if err := os.Truncate(p, 54840525); err != nil { // 52.3 MB
				t.Fatal(err)
			}
			return p
		},
		want:  "file is 52.3 MB, over the 16.0 MB limit",
		isErr: ErrTooLarge,
	}, {
		name: "feed over the feed cap",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"big.rss": "<rss>"})
			p := filepath.Join(dir, "big.rss")
			if err := os.Truncate(p, 3<<20); err != nil {
				t.Fatal(err)
			}
			return p
		},
		opts:  func(o *Options) { o.FeedMaxBytes = 2 << 20 },
		want:  "file is 3.0 MB, over the 2.0 MB limit",
		isErr: ErrTooLarge,
	}, {
		name: "unknown extension over the cap",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"notes": strings.Repeat("word ", 400) + strings.Repeat("\n", 48)})
			return filepath.Join(dir, "notes")
		},
		opts:  func(o *Options) { o.MaxBytes = 1000 },
		want:  "file is 2.0 KB, over the 1000 bytes limit",
		isErr: ErrTooLarge,
	}, {
		name:  "malformed feed",
		setup: func(t *testing.T, dir string) string { return "testdata/broken.xml" },
		want:  "not a valid RSS, Atom or JSON feed: XML syntax error on line 8: unexpected EOF",
	}, {
		name: "XML that is no feed",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"config.xml": `<?xml version="1.0"?><config><a>1</a></config>`})
			return filepath.Join(dir, "config.xml")
		},
		want: "not a valid RSS, Atom or JSON feed: failed to detect feed type",
	}, {
		name:  "HTML without article text",
		setup: func(t *testing.T, dir string) string { return "testdata/noarticle.html" },
		want:  "no article text found in HTML",
	}, {
		name: "malformed JSON",
		setup: func(t *testing.T, dir string) string {
			writeFiles(t, dir, map[string]string{"bad.json": "this is not json"})
			return filepath.Join(dir, "bad.json")
		},
		want: "invalid JSON: invalid character 'h' in literal true (expecting 'r')",
	}, {
		name: "empty directory",
		setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "emptydir")
			if err := os.MkdirAll(filepath.Join(p, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			return p
		},
		want: "directory has no files to read",
	}, {
		name: "broken symlink in a directory",
		setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "links")
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(p, "dangling.txt")); err != nil {
				t.Skip("symlinks not supported:", err)
			}
			return filepath.Join(p, "dangling.txt")
		},
		want: "no such file or directory",
	}, {
		name: "unreadable file",
		setup: func(t *testing.T, dir string) string {
			if os.Geteuid() == 0 {
				t.Skip("root reads any file; TestFileError covers the message")
			}
			writeFiles(t, dir, map[string]string{"secret.txt": "text"})
			p := filepath.Join(dir, "secret.txt")
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			return p
		},
		want:  "permission denied",
		isErr: fs.ErrPermission,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"good.txt": goodText})
			bad := tt.setup(t, dir)
			good := filepath.Join(dir, "good.txt")
			opts := testOpts()
			if tt.opts != nil {
				tt.opts(&opts)
			}
			docs, errs := load(t, opts, good, bad, good)
			wantErr := bad + ": " + tt.want
			if len(errs) != 1 || errs[0].Error() != wantErr {
				t.Fatalf("errors = %q, want [%q]", errStrings(errs), wantErr)
			}
			if strings.Contains(errs[0].Error(), "\n") {
				t.Errorf("message spans lines: %q", errs[0])
			}
			if errs[0].Input != bad {
				t.Errorf("Input = %q, want %q", errs[0].Input, bad)
			}
			if tt.isErr != nil && !errors.Is(errs[0], tt.isErr) {
				t.Errorf("errors.Is(%v, %v) = false", errs[0], tt.isErr)
			}
			// Both good inputs load; the same file twice gets a second ID.
			if got := ids(docs); !reflect.DeepEqual(got, []string{"good", "good~2"}) {
				t.Fatalf("documents = %q, want the good one twice", got)
			}
			if docs[0].Text != goodText {
				t.Errorf("good text = %q", docs[0].Text)
			}
		})
	}
}

func TestFileError(t *testing.T) {
	tests := []struct {
		err  error
		want string
		is   error
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, "no such file or directory", fs.ErrNotExist},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "permission denied", fs.ErrPermission},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EISDIR}, "is a directory", syscall.EISDIR},
	}
	for _, tt := range tests {
		got := fileError(tt.err)
		if got.Error() != tt.want || !errors.Is(got, tt.is) {
			t.Errorf("fileError(%v) = %q, want %q wrapping %v", tt.err, got, tt.want, tt.is)
		}
	}
}
