package corpusgen

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/brieftool/brief/internal/atomicfile"
)

// FilesPerDir bounds how many article files WriteDir puts in one
// directory; file systems and tools slow down on huge flat directories.
const FilesPerDir = 1000

// MarkerFile is written into every directory WriteDir creates. WriteDir
// only ever replaces a directory holding it, so a mistyped -out cannot
// delete unrelated files.
const MarkerFile = ".corpusgen"

// WriteDir writes one .txt file per article, named ID + ".txt", in
// numbered subdirectories of at most FilesPerDir files. Each file starts
// like a scraped page: any header junk, the headline, a byline in the
// outlet's style, then the body. The corpus is written to dir + ".tmp"
// and renamed into place only when complete, so dir never holds a
// partial corpus; an existing dir is replaced only if WriteDir made it.
func WriteDir(dir string, arts []Article) error {
	dir = filepath.Clean(dir)
	tmp := dir + ".tmp"
	old := dir + ".old"
	for _, p := range []string{dir, tmp, old} {
		if err := checkOurs(p); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return err
	}
	marker := fmt.Sprintf("corpus written by corpusgen: %d articles, %s\n", len(arts), time.Now().UTC().Format(time.RFC3339))
	if err := os.WriteFile(filepath.Join(tmp, MarkerFile), []byte(marker), 0o644); err != nil {
		return err
	}
	width := max(3, len(strconv.Itoa(max(0, len(arts)-1)/FilesPerDir)))
	subdir := func(i int) string { return fmt.Sprintf("%0*d", width, i/FilesPerDir) }
	for i := 0; i < len(arts); i += FilesPerDir {
		if err := os.Mkdir(filepath.Join(tmp, subdir(i)), 0o755); err != nil {
			return err
		}
	}

	// Small files are bound by system-call latency, not bandwidth, so a
	// few writers in parallel finish several times sooner.
	workers := min(8, max(2, runtime.GOMAXPROCS(0)*2))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		next     = make(chan int, workers)
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := range next {
				buf = appendPage(buf[:0], &arts[i])
				err := os.WriteFile(filepath.Join(tmp, subdir(i), arts[i].ID+".txt"), buf, 0o644)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}

	if _, err := os.Stat(dir); err == nil {
		if err := os.RemoveAll(old); err != nil {
			return err
		}
		if err := os.Rename(dir, old); err != nil {
			return err
		}
		if err := os.Rename(tmp, dir); err != nil {
			return err
		}
		return os.RemoveAll(old)
	}
	return os.Rename(tmp, dir)
}

// checkOurs refuses a path that exists and is not an empty directory or a
// corpus directory written by WriteDir.
func checkOurs(p string) error {
	fi, err := os.Stat(p)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("corpusgen: %s exists and is not a directory", p)
	}
	if _, err := os.Stat(filepath.Join(p, MarkerFile)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("corpusgen: %s is not empty and was not written by corpusgen; refusing to replace it", p)
	}
	return nil
}

// appendPage renders the file WriteDir writes for a.
func appendPage(b []byte, a *Article) []byte {
	head := min(max(a.headEnd, 0), len(a.Text))
	b = append(b, a.Text[:head]...)
	b = append(b, a.Title...)
	b = append(b, "\n\n"...)
	b = append(b, Byline(a)...)
	b = append(b, "\n\n"...)
	b = append(b, a.Text[head:]...)
	return append(b, '\n')
}

// WriteJSONLFile writes the corpus as JSON lines to path, atomically, and
// returns the file's size: benchmarks read it back as a user's export and
// report bytes per second.
func WriteJSONLFile(path string, arts []Article) (int64, error) {
	if err := atomicfile.Write(path, func(w io.Writer) error { return WriteJSONL(w, arts) }); err != nil {
		return 0, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

// WriteJSONL writes one JSON object per article and line:
// {"id","title","outlet","url","published","text"}, published in RFC 3339.
func WriteJSONL(w io.Writer, arts []Article) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var b []byte
	for i := range arts {
		a := &arts[i]
		b = append(b[:0], `{"id":`...)
		b = appendJSONString(b, a.ID)
		b = append(b, `,"title":`...)
		b = appendJSONString(b, a.Title)
		b = append(b, `,"outlet":`...)
		b = appendJSONString(b, a.Outlet)
		b = append(b, `,"url":`...)
		b = appendJSONString(b, a.URL)
		b = append(b, `,"published":"`...)
		b = a.Published.AppendFormat(b, time.RFC3339)
		b = append(b, `","text":`...)
		b = appendJSONString(b, a.Text)
		b = append(b, "}\n"...)
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteTruth writes the labels, one JSON object per article and line:
// {"id","story","wire","duplicate_of"}; duplicate_of is "" for originals.
func WriteTruth(w io.Writer, arts []Article) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var b []byte
	for i := range arts {
		a := &arts[i]
		b = append(b[:0], `{"id":`...)
		b = appendJSONString(b, a.ID)
		b = append(b, `,"story":`...)
		b = strconv.AppendInt(b, int64(a.Story), 10)
		b = append(b, `,"wire":`...)
		b = strconv.AppendInt(b, int64(a.Wire), 10)
		b = append(b, `,"duplicate_of":`...)
		b = appendJSONString(b, a.DuplicateOf)
		b = append(b, "}\n"...)
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// appendJSONString quotes s as a JSON string. It is hand-written because
// encoding/json would dominate the time to write a 400 MB corpus; invalid
// UTF-8 becomes U+FFFD as encoding/json would make it.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += n
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
