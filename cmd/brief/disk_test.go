package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// mountTmpfs mounts a tmpfs of the given size (mount's -o size=) on a new
// directory, unmounted when the test ends, or skips the test where that is
// not allowed.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root on Linux")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v: %s", err, bytes.TrimSpace(out))
	}
	// Registered after t.TempDir's own cleanup, so it runs before the
	// directory is removed.
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, bytes.TrimSpace(out))
		}
	})
	return dir
}

// fillDisk writes to path until the disk is full.
func fillDisk(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("filling the disk: %v", err)
			}
			return
		}
	}
}

// readOnlyDir returns a directory holding the file name with content old,
// in which no file can be created. Root writes through mode 0555, so for
// root it is a tmpfs remounted read-only.
func readOnlyDir(t *testing.T, name, old string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("a directory's mode does not stop writes on Windows")
	}
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		return dir
	}
	if runtime.GOOS != "linux" {
		t.Skip("running as root, where mode 0555 does not stop writes, and no read-only mount to use instead")
	}
	dir := mountTmpfs(t, "64k")
	if err := os.WriteFile(filepath.Join(dir, name), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("running as root, where mode 0555 does not stop writes, and the tmpfs cannot be remounted read-only: %v: %s", err, bytes.TrimSpace(out))
	}
	return dir
}

// oneLine fails unless stderr is exactly one line holding every one of
// want.
func oneLine(t *testing.T, stderr string, want ...string) {
	t.Helper()
	t.Logf("stderr: %s", stderr)
	if strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr is not one line:\n%s", stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
}

// TestOutDiskFull writes a briefing onto a real disk with no room left:
// the run fails naming the file and the full disk, the briefing that was
// there is kept, and no temporary file takes what little room is left.
func TestOutDiskFull(t *testing.T) {
	mnt := mountTmpfs(t, "64k")
	out := filepath.Join(mnt, "brief.html")
	if err := os.WriteFile(out, []byte("<p>yesterday's briefing</p>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fillDisk(t, filepath.Join(mnt, "filler"))
	before := tree(t, mnt)
	r := brief(t, false, map[string]string{"BRIEF_CACHE_DIR": t.TempDir()}, "", "report", "--out", out, seeds)
	if r.code != exitFailure {
		t.Errorf("exit %d, want %d", r.code, exitFailure)
	}
	oneLine(t, r.stderr, "--out", "writing "+out+": ", "no space left on device", "the disk is full", "free some space")
	after := tree(t, mnt)
	if strings.Join(names(after), " ") != strings.Join(names(before), " ") || after["brief.html"] != before["brief.html"] {
		t.Errorf("%s was %q, is %q after the run; want it unchanged, no temporary file left", mnt, names(before), names(after))
	}
}

// outCase is an --out the run cannot write.
type outCase struct {
	name string
	// setup returns the --out path; old, when set, is a file whose
	// content must survive the run.
	setup func(t *testing.T) (out, old string)
	// cause is what the message must say besides the path.
	cause []string
}

func outCases() []outCase {
	return []outCase{
		{"directory does not exist", func(t *testing.T) (string, string) {
			return filepath.Join(t.TempDir(), "no", "such", "dir", "out.json"), ""
		}, []string{"does not exist"}},
		{"--out is a directory", func(t *testing.T) (string, string) {
			return t.TempDir(), ""
		}, []string{"is a directory"}},
		{"read-only directory", func(t *testing.T) (string, string) {
			dir := readOnlyDir(t, "out.json", `{"old": true}`)
			return filepath.Join(dir, "out.json"), filepath.Join(dir, "out.json")
		}, []string{"cannot create a file in"}},
	}
}

// TestOutUnwritable: whenever the check happens, an --out that cannot be
// written fails the run with one line naming the path and the cause, and
// leaves what was there.
func TestOutUnwritable(t *testing.T) {
	for _, tc := range outCases() {
		t.Run(tc.name, func(t *testing.T) {
			out, old := tc.setup(t)
			var oldData []byte
			if old != "" {
				oldData, _ = os.ReadFile(old)
			}
			r := brief(t, false, nil, "", "report", "--out", out, seeds)
			if r.code != exitFailure {
				t.Errorf("exit %d, want %d", r.code, exitFailure)
			}
			oneLine(t, r.stderr, append([]string{"brief: --out: ", out}, tc.cause...)...)
			if old != "" {
				if got, _ := os.ReadFile(old); !bytes.Equal(got, oldData) {
					t.Errorf("%s is %q, was %q", old, got, oldData)
				}
			}
		})
	}
}

// TestOutCheckedBeforeWork: every command with --out checks it before
// reading its inputs, so that a run from cron finds out at once, not
// after the fetching and the model's calls it would then throw away. The
// inputs hang; a command that reads them first is interrupted once its
// input is asked for, and fails the test.
//
// This needs atomicfile.CheckWritable called at the start of each
// command; see the call sites in the report of the change that added it.
func TestOutCheckedBeforeWork(t *testing.T) {
	type command struct {
		name string
		// args are the arguments, given the file to check, the URL of a
		// page that hangs and the base URL of a model that hangs.
		args func(out, page, model string) []string
		flag string
	}
	inputs := func(cmd string) func(out, page, model string) []string {
		return func(out, page, _ string) []string { return []string{cmd, "--out", out, page} }
	}
	commands := []command{
		{"report", inputs("report"), "--out"},
		{"daily", inputs("daily"), "--out"},
		{"sources", inputs("sources"), "--out"},
		{"facts", inputs("facts"), "--out"},
		{"conflicts", inputs("conflicts"), "--out"},
		{"compare", inputs("compare"), "--out"},
		{"eval", func(out, _, model string) []string {
			return []string{"eval", "--refs", "testdata/eval-clusters.jsonl", "--backend", "openai", "--base-url", model, "--out", out}
		}, "--out"},
		{"daily --clusters", func(out, page, _ string) []string {
			return []string{"daily", "--clusters", out, page}
		}, "--clusters"},
	}
	for _, cmd := range commands {
		for _, tc := range outCases() {
			t.Run(cmd.name+"/"+tc.name, func(t *testing.T) {
				out, old := tc.setup(t)
				var oldData []byte
				if old != "" {
					oldData, _ = os.ReadFile(old)
				}
				page, pageSeen := hangingServer(t)
				model, modelSeen := hangingModel(t)
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				// A request that reached a server can only have ended
				// with this cancel, so it is always seen below.
				go func() {
					select {
					case <-pageSeen:
					case <-modelSeen:
					case <-ctx.Done():
					}
					cancel()
				}()
				var stdout, stderr bytes.Buffer
				env := map[string]string{"BRIEF_CACHE_DIR": t.TempDir()}
				ios := &IO{In: strings.NewReader(""), Out: &stdout, Err: &stderr, Getenv: func(k string) string { return env[k] }}
				code := run(ctx, append([]string{"brief"}, cmd.args(out, page, model)...), ios)
				cancel()
				if closed(pageSeen) || closed(modelSeen) {
					t.Fatalf("%s read its inputs before checking %s (exit %d, stderr %q): the work would be lost", cmd.name, cmd.flag, code, stderr.String())
				}
				if code != exitFailure {
					t.Errorf("exit %d, want %d", code, exitFailure)
				}
				oneLine(t, stderr.String(), append([]string{"brief: " + cmd.flag + ": ", out}, tc.cause...)...)
				if old != "" {
					if got, _ := os.ReadFile(old); !bytes.Equal(got, oldData) {
						t.Errorf("%s is %q, was %q", old, got, oldData)
					}
				}
			})
		}
	}
}

func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
