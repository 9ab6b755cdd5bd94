// Package atomicfile writes files so that readers see either the old
// content or the complete new content, never a half-written file: the data
// goes to a temporary file in the same directory, which is synced and then
// renamed over the target.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Write calls fill with a writer to a temporary file and, if fill succeeds,
// renames the file to path. On any error the temporary file is removed and
// path is left as it was. An error of the disk's names path, not the
// temporary file, says when the disk is full, and wraps the system's
// error, so that errors.Is(err, syscall.ENOSPC) holds.
func Write(path string, fill func(w io.Writer) error) error {
	return writer{createTemp: osCreateTemp}.write(path, fill)
}

// CheckWritable says, before any work is done, whether Write(path, ...)
// can put a file there: path's directory must exist, path must not be a
// directory, and a file must be creatable beside it, which is tried by
// creating an empty temporary file and removing it. A full disk is found
// only when the file is written. A device or pipe at path is accepted: Write
// writes to it in place. The caller decides what path means "standard
// output" ("" or "-") and does not pass it.
func CheckWritable(path string) error {
	dir := filepath.Dir(path)
	di, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return missingDir{path, dir}
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, cause(err))
	}
	if !di.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a directory", path, dir)
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return fmt.Errorf("%s is a directory", path)
		}
		if !fi.Mode().IsRegular() {
			return nil
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot write %s: %w", path, cause(err))
	}
	f, err := os.CreateTemp(dir, tempPattern(path))
	if err != nil {
		return createError(path, dir, err)
	}
	name := f.Name()
	closeErr := f.Close()
	// A probe that cannot be removed from a directory it could be created
	// in is not a reason to refuse the run; the empty file is all that is
	// left.
	_ = os.Remove(name)
	if closeErr != nil {
		return diskError(path, closeErr)
	}
	return nil
}

// file is what write needs of its temporary file.
type file interface {
	io.Writer
	Name() string
	Chmod(fs.FileMode) error
	Sync() error
	Close() error
}

// writer makes its temporary files with createTemp, which tests replace
// to make a disk fail on demand.
type writer struct {
	createTemp func(dir, pattern string) (file, error)
}

func osCreateTemp(dir, pattern string) (file, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		// A nil *os.File in the interface would not compare equal to nil.
		return nil, err
	}
	return f, nil
}

func tempPattern(path string) string {
	return "." + filepath.Base(path) + ".tmp-*"
}

func (wr writer) write(path string, fill func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	mode := fs.FileMode(0o644)
	if fi, statErr := os.Stat(path); statErr == nil {
		if fi.IsDir() {
			return fmt.Errorf("%s is a directory", path)
		}
		if !fi.Mode().IsRegular() {
			// /dev/null, a named pipe, /dev/stdout: there is no file to
			// replace, and renaming over a device would destroy it.
			return writeDirect(path, fill)
		}
		mode = fi.Mode().Perm()
	}
	tmp, err := wr.createTemp(dir, tempPattern(path))
	if err != nil {
		return createError(path, dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	fw := &firstError{w: tmp}
	bw := bufio.NewWriterSize(fw, 64<<10)
	if err = fill(bw); err != nil {
		if fw.err != nil {
			// fill failed because the disk did, whatever words it wrapped
			// the failure in: say so about path.
			return diskError(path, fw.err)
		}
		return err
	}
	if err = bw.Flush(); err != nil {
		return diskError(path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return diskError(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return diskError(path, err)
	}
	if err = tmp.Close(); err != nil {
		return diskError(path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return diskError(path, err)
	}
	return nil
}

// firstError keeps the first error of the file it writes to, so that a
// failing disk can be told apart from a failing fill.
type firstError struct {
	w   io.Writer
	err error
}

func (f *firstError) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if err != nil && f.err == nil {
		f.err = err
	}
	return n, err
}

// cause drops the *fs.PathError around a system error: its path is often
// the temporary file's, a name that means nothing to the user.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// diskError says that writing path failed, in words for the user when
// the disk is full. What to do about it is the caller's to say: it knows
// which flag named path.
func diskError(path string, err error) error {
	err = cause(err)
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("writing %s: the disk is full: %w", path, err)
	case errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("writing %s: the disk quota is used up: %w", path, err)
	}
	return fmt.Errorf("writing %s: %w", path, err)
}

func createError(path, dir string, err error) error {
	err = cause(err)
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return diskError(path, err)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return missingDir{path, dir}
	}
	return fmt.Errorf("cannot write %s: cannot create a file in %s: %w", path, dir, err)
}

// missingDir is the error for a path whose directory does not exist. It
// is fs.ErrNotExist, without the system's "no such file or directory"
// repeating what it says.
type missingDir struct{ path, dir string }

func (e missingDir) Error() string {
	return fmt.Sprintf("cannot write %s: directory %s does not exist", e.path, e.dir)
}

func (e missingDir) Unwrap() error { return fs.ErrNotExist }

func writeDirect(path string, fill func(w io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	fw := &firstError{w: f}
	bw := bufio.NewWriterSize(fw, 64<<10)
	if err := fill(bw); err != nil {
		f.Close()
		if fw.err != nil {
			return diskError(path, fw.err)
		}
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return diskError(path, err)
	}
	if err := f.Close(); err != nil {
		return diskError(path, err)
	}
	return nil
}
