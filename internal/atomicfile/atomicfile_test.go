package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	tests := []struct {
		name    string
		fill    func(io.Writer) error
		want    string
		wantErr error
	}{
		{"failed fill keeps the old file", func(w io.Writer) error {
			io.WriteString(w, "half")
			return boom
		}, "old", boom},
		{"success replaces it", func(w io.Writer) error {
			_, err := io.WriteString(w, "new")
			return err
		}, "new", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(path, tt.fill)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Write error = %v, want %v", err, tt.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.want {
				t.Errorf("file = %q, want %q", got, tt.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("directory holds %d entries, want only the target (no temporary files left)", len(entries))
			}
		})
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want the existing file's 0600 kept", fi.Mode().Perm())
	}
}

func TestWriteUnwritableDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	path := filepath.Join(dir, "out.json")
	err := Write(path, func(w io.Writer) error { return nil })
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Write into a missing directory: %v, want fs.ErrNotExist", err)
	}
	if want := "cannot write " + path + ": directory " + dir + " does not exist"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

// TestWriteDevice: a device such as /dev/null is written to, never renamed
// over.
func TestWriteDevice(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip("no", os.DevNull)
	}
	if err := Write(os.DevNull, func(w io.Writer) error {
		_, err := io.WriteString(w, "discarded")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(os.DevNull)
	if err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s is no longer a device: %v %v", os.DevNull, fi.Mode(), err)
	}
}

// fullDisk is a temporary file on a disk that fills up after room bytes:
// a write past that point fails as the kernel's would, with ENOSPC about
// the temporary file's path. syncErr and closeErr, when set, are what Sync
// and Close return, as on file systems that report a full disk only then.
type fullDisk struct {
	*os.File
	room              int
	syncErr, closeErr error
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) <= f.room {
		f.room -= len(p)
		return f.File.Write(p)
	}
	n, _ := f.File.Write(p[:f.room])
	f.room = 0
	return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

func (f *fullDisk) Sync() error {
	if f.syncErr != nil {
		return f.syncErr
	}
	return f.File.Sync()
}

func (f *fullDisk) Close() error {
	err := f.File.Close()
	if f.closeErr != nil {
		return f.closeErr
	}
	return err
}

func TestWriteDiskFull(t *testing.T) {
	enospc := func(name string) error { return &fs.PathError{Op: "sync", Path: name, Err: syscall.ENOSPC} }
	// 200 KiB goes past the 64 KiB buffer, so the disk fails while fill
	// is still writing.
	big := strings.Repeat("a line of the briefing\n", 200<<10/23)
	tests := []struct {
		name string
		disk func(f *os.File) file
		fill func(io.Writer) error
	}{
		{"fill gets the error and wraps it", func(f *os.File) file { return &fullDisk{File: f, room: 100 << 10} },
			func(w io.Writer) error {
				if _, err := io.WriteString(w, big); err != nil {
					return fmt.Errorf("rendering the briefing: %w", err)
				}
				return nil
			}},
		{"fill ignores the error", func(f *os.File) file { return &fullDisk{File: f, room: 100 << 10} },
			func(w io.Writer) error {
				for _, line := range strings.SplitAfter(big, "\n") {
					io.WriteString(w, line)
				}
				return nil
			}},
		{"the last flush fails", func(f *os.File) file { return &fullDisk{File: f, room: 10} },
			func(w io.Writer) error { _, err := io.WriteString(w, "short page"+"!"); return err }},
		{"sync fails", func(f *os.File) file { return &fullDisk{File: f, room: 1 << 20, syncErr: enospc(f.Name())} },
			func(w io.Writer) error { _, err := io.WriteString(w, big); return err }},
		{"close fails", func(f *os.File) file { return &fullDisk{File: f, room: 1 << 20, closeErr: enospc(f.Name())} },
			func(w io.Writer) error { _, err := io.WriteString(w, big); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "brief.html")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			wr := writer{createTemp: func(dir, pattern string) (file, error) {
				f, err := os.CreateTemp(dir, pattern)
				if err != nil {
					return nil, err
				}
				return tt.disk(f), nil
			}}
			err := wr.write(path, tt.fill)
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("error %v, want one that is syscall.ENOSPC", err)
			}
			msg := err.Error()
			for _, want := range []string{"writing " + path + ": ", "no space left on device", "the disk is full"} {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q lacks %q", msg, want)
				}
			}
			if strings.Contains(msg, ".tmp-") {
				t.Errorf("error %q names the temporary file, which the user never sees", msg)
			}
			if got, _ := os.ReadFile(path); string(got) != "old" {
				t.Errorf("target = %q, want the old content kept", got)
			}
			assertOnly(t, dir, "brief.html")
		})
	}
}

// assertOnly fails unless dir holds exactly the named entries.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, "\n") != strings.Join(names, "\n") {
		t.Errorf("%s holds %q, want %q (no temporary file left)", dir, got, names)
	}
}

func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.md")
	if err := os.WriteFile(existing, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "plain")
	if err := os.WriteFile(plain, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want string // in the error; "" for none
	}{
		{"new file", filepath.Join(dir, "brief.md"), ""},
		{"existing file", existing, ""},
		{"relative name in the current directory", "brief-check-writable.md", ""},
		{"missing directory", filepath.Join(dir, "no", "such", "brief.md"),
			"cannot write " + filepath.Join(dir, "no", "such", "brief.md") + ": directory " + filepath.Join(dir, "no", "such") + " does not exist"},
		{"parent is a file", filepath.Join(plain, "brief.md"),
			"cannot write " + filepath.Join(plain, "brief.md") + ": " + plain + " is not a directory"},
		{"a directory", dir, dir + " is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckWritable(tt.path)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("CheckWritable(%s) = %v, want nil", tt.path, err)
			case tt.want != "" && (err == nil || err.Error() != tt.want):
				t.Fatalf("CheckWritable(%s) = %v, want %q", tt.path, err, tt.want)
			case strings.Contains(tt.want, "does not exist") && !errors.Is(err, fs.ErrNotExist):
				t.Errorf("CheckWritable(%s) = %v, which is not fs.ErrNotExist", tt.path, err)
			}
		})
	}
	if got, _ := os.ReadFile(existing); string(got) != "old" {
		t.Errorf("an existing file was changed to %q", got)
	}
	assertOnly(t, dir, "old.md", "plain")
	if _, err := os.Stat("brief-check-writable.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the check left a file in the current directory: %v", err)
	}
}

func TestCheckWritableReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which may write in a directory of mode 0555; cmd/brief's TestOutReadOnlyDir covers a read-only mount")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	path := filepath.Join(dir, "brief.md")
	err := CheckWritable(path)
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), path) {
		t.Fatalf("CheckWritable = %v, want permission denied naming %s", err, path)
	}
}

func TestCheckWritableDevice(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip("no", os.DevNull)
	}
	if err := CheckWritable(os.DevNull); err != nil {
		t.Fatal(err)
	}
}
