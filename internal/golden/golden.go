// Package golden compares test output with files under testdata, and
// rewrites them when a test binary runs with -update. Each test package
// keeps its own -update flag and passes its value in.
package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// Check compares got with the file at path, or writes got there when
// update is set. A missing file is a failure that says how to create it.
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("output differs from %s (rerun with -update if the change is intended, and review the diff)\n--- got ---\n%s", path, got)
	}
}
