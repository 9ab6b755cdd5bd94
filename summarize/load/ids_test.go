package load

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestDirectoryWalkAndIDs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"corpus/a/x.txt":          "Story x from a.",
		"corpus/b/x.txt":          "Story x from b.",
		"corpus/b/deep/y.md":      "# Y\n\nStory y.",
		"corpus/z.txt":            "Story z.",
		"corpus/z.html":           "<p>" + longParas[0] + "</p>",
		"corpus/.hidden.txt":      "hidden file",
		"corpus/.git/config.txt":  "hidden dir",
		"corpus/page_files/s.css": "body{}",
		"corpus/page_files/i.png": "\x89PNG\r\n\x1a\n",
		"corpus/recs.jsonl":       `{"id":"z","text":"record z"}` + "\n" + `{"text":"no id"}` + "\n",
		"outside/w.txt":           "Linked story w.",
		"elsewhere/x.txt":         "Story x given directly.",
	})
	// A link to a directory is not followed (no cycles, no surprises); a
	// link to a file is read.
	if err := os.Symlink(filepath.Join(dir, "outside"), filepath.Join(dir, "corpus", "linkdir")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "outside", "w.txt"), filepath.Join(dir, "corpus", "w.txt")); err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(dir, "corpus")
	direct := filepath.Join(dir, "elsewhere", "x.txt")

	wantIDs := []string{
		// Directory entries in name order, depth first: b/deep before b/x.
		// The record "z" comes first, so z.html and z.txt, which collide
		// even as paths, become z~2 and z~3.
		"a/x", "y", "b/x", "z", "recs#2", "w", "z~2", "z~3",
		filepath.ToSlash(filepath.Join(dir, "elsewhere", "x")), // a file given directly: its path as given
	}
	wantOrigins := []string{
		"a/x.txt", "b/deep/y.md", "b/x.txt", "recs.jsonl:1", "recs.jsonl:2", "w.txt", "z.html", "z.txt",
	}
	var first []Document
	for _, workers := range []int{1, 3, 16} {
		opts := testOpts()
		opts.Workers = workers
		docs, errs := load(t, opts, corpus, direct)
		if len(errs) != 0 {
			t.Fatalf("errors: %q", errStrings(errs))
		}
		if got := ids(docs); !reflect.DeepEqual(got, wantIDs) {
			t.Fatalf("workers=%d IDs:\n got %q\nwant %q", workers, got, wantIDs)
		}
		for i, o := range wantOrigins {
			if want := filepath.Join(corpus, filepath.FromSlash(o)); docs[i].Origin != want {
				t.Errorf("%s: Origin = %q, want %q", docs[i].ID, docs[i].Origin, want)
			}
			if docs[i].Input != corpus {
				t.Errorf("%s: Input = %q, want %q", docs[i].ID, docs[i].Input, corpus)
			}
		}
		// Same inputs, same documents, however many workers.
		if first == nil {
			first = docs
		} else if !reflect.DeepEqual(docs, first) {
			t.Errorf("workers=%d: documents differ from workers=1", workers)
		}
	}
}

func TestIDSet(t *testing.T) {
	s := make(idSet)
	var got []string
	for _, id := range []string{"x", "x", "x~2", "x", "y", "x~3"} {
		got = append(got, s.unique(id))
	}
	want := []string{"x", "x~2", "x~2~2", "x~3", "y", "x~3~2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestStripExt(t *testing.T) {
	for in, want := range map[string]string{
		"a/story.html": "a/story", "story": "story", ".profile": ".profile",
		"dump.jsonl.gz": "dump.jsonl", "v1.2/notes": "v1.2/notes",
	} {
		if got := stripExt(in); got != want {
			t.Errorf("stripExt(%q) = %q, want %q", in, got, want)
		}
	}
}
