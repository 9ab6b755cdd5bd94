package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
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
	err := Write(filepath.Join(t.TempDir(), "missing", "out.json"), func(w io.Writer) error { return nil })
	if err == nil {
		t.Fatal("Write into a missing directory succeeded")
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
