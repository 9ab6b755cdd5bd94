//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// exitRecorder is an exit function for watchSignals that records its code
// instead of ending the test binary.
type exitRecorder chan int

func (e exitRecorder) exit(code int) { e <- code }

// lockedBuffer is stderr shared between the watcher's goroutine and the
// test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func waitDone(t *testing.T, ctx context.Context) {
	t.Helper()
	select {
	case <-ctx.Done():
	case <-time.After(exitWait):
		t.Fatal("the context was not cancelled by the signal")
	}
}

func waitExit(t *testing.T, exits exitRecorder) int {
	t.Helper()
	select {
	case code := <-exits:
		return code
	case <-time.After(exitWait):
		t.Fatal("the second signal did not exit")
		return 0
	}
}

func TestFirstSignalCancelsTheRun(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			sigs := make(chan os.Signal, 2)
			exits := make(exitRecorder, 1)
			var stderr lockedBuffer
			ctx, stop := watchSignals(context.Background(), sigs, &stderr, exits.exit)
			if ctx.Err() != nil {
				t.Fatal("cancelled before any signal")
			}
			sigs <- sig
			waitDone(t, ctx)
			// The run cleans up, ends, and main calls stop: no exit of
			// the watcher's, nothing printed (run says "interrupted").
			stop()
			select {
			case code := <-exits:
				t.Errorf("one signal exited with %d; the run must be left to clean up", code)
			default:
			}
			if stderr.String() != "" {
				t.Errorf("stderr %q, want nothing from the watcher", stderr.String())
			}
		})
	}
}

func TestSecondSignalExitsAtOnce(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	exits := make(exitRecorder, 1)
	var stderr lockedBuffer
	ctx, stop := watchSignals(context.Background(), sigs, &stderr, exits.exit)
	defer stop()
	sigs <- os.Interrupt
	waitDone(t, ctx)
	// The run is still cleaning up: stop has not been called.
	sigs <- syscall.SIGTERM
	if code := waitExit(t, exits); code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if got := stderr.String(); got != "brief: interrupted again, exiting now\n" {
		t.Errorf("stderr %q, want the one line", got)
	}
}

// After stop, the run is over: signals no longer reach the watcher.
func TestSignalsAfterStopAreIgnored(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	exits := make(exitRecorder, 2)
	var stderr lockedBuffer
	ctx, stop := watchSignals(context.Background(), sigs, &stderr, exits.exit)
	stop()
	stop()
	sigs <- os.Interrupt
	sigs <- os.Interrupt
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("ctx.Err() = %v after stop, want context.Canceled", ctx.Err())
	}
	// stop waited for the watcher to end, so nothing can come later.
	if len(exits) != 0 || stderr.String() != "" {
		t.Errorf("exit called %d times, stderr %q after stop", len(exits), stderr.String())
	}
}

// The same with real signals sent to this process, through notifySignals.
func TestNotifySignalsRealSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			exits := make(exitRecorder, 1)
			var stderr lockedBuffer
			ctx, stop := notifySignals(context.Background(), &stderr, exits.exit)
			defer stop()
			if err := syscall.Kill(os.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			waitDone(t, ctx)
			if err := syscall.Kill(os.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			if code := waitExit(t, exits); code != exitFailure {
				t.Errorf("exit %d, want %d", code, exitFailure)
			}
			if got := stderr.String(); got != "brief: interrupted again, exiting now\n" {
				t.Errorf("stderr %q", got)
			}
		})
	}
}

// TestSignalMidRunLeavesNothing runs brief as a real process, stops it
// with SIGINT or SIGTERM while it waits on an input or on the model, and
// checks that it exits promptly with 1 and "interrupted", and that the
// output directory is exactly as before: no new or changed output, no
// temporary file, no staging directory; nor anything in the cache
// directory but llm.db, in $HOME or in $TMPDIR.
func TestSignalMidRunLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts brief as a subprocess")
	}
	type scenario struct {
		name string
		// start returns brief's arguments, writing into dir, and the
		// channel that is closed once brief is waiting mid-run.
		start func(t *testing.T, dir string) ([]string, <-chan struct{})
		// out is the output the run would write, relative to dir.
		out string
		// staging, when set, is a glob (relative to dir) that must match
		// when the signal is sent: the run is in the middle of writing
		// its details.
		staging string
	}
	scenarios := []scenario{
		{"report waiting on a URL", func(t *testing.T, dir string) ([]string, <-chan struct{}) {
			url, seen := hangingServer(t)
			return []string{"report", "--out", filepath.Join(dir, "brief.md"), url}, seen
		}, "brief.md", ""},
		{"report waiting on the model", func(t *testing.T, dir string) ([]string, <-chan struct{}) {
			base, seen := hangingModel(t)
			return []string{"report", "--backend", "openai", "--base-url", base, "--out", filepath.Join(dir, "b.md"), seedsDir}, seen
		}, "b.md", ""},
		{"daily waiting on a URL", func(t *testing.T, dir string) ([]string, <-chan struct{}) {
			url, seen := hangingServer(t)
			return []string{"daily", "--details", filepath.Join(dir, "details"), "--out", filepath.Join(dir, "day.md"), url}, seen
		}, "day.md", ""},
		{"daily waiting on the model with details staged", func(t *testing.T, dir string) ([]string, <-chan struct{}) {
			base, seen := hangingModel(t)
			return []string{"daily", "--backend", "openai", "--base-url", base, "--details", filepath.Join(dir, "details"),
				"--out", filepath.Join(dir, "day.md"), dayFile}, seen
		}, "day.md", ".details.tmp-*"},
	}
	for _, sc := range scenarios {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			for _, old := range []bool{false, true} {
				name := sc.name + "/" + sig.String() + "/no old output"
				if old {
					name = sc.name + "/" + sig.String() + "/old output"
				}
				t.Run(name, func(t *testing.T) {
					dir := t.TempDir()
					if old {
						if err := os.WriteFile(filepath.Join(dir, sc.out), []byte("yesterday's briefing\n"), 0o644); err != nil {
							t.Fatal(err)
						}
						// Details of an earlier run, which a new one
						// would replace.
						if err := os.MkdirAll(filepath.Join(dir, "details", "01-story"), 0o755); err != nil {
							t.Fatal(err)
						}
						for name, data := range map[string]string{".brief-details": "written by brief daily\n", "01-story/briefing.md": "old story\n"} {
							if err := os.WriteFile(filepath.Join(dir, "details", name), []byte(data), 0o644); err != nil {
								t.Fatal(err)
							}
						}
					}
					args, seen := sc.start(t, dir)
					before := tree(t, dir)
					sb := newSandbox(t)
					p := startBrief(t, sb, args...)
					select {
					case <-seen:
					case <-p.exited:
						t.Fatalf("brief ended before it reached the slow input: exit %d, stderr:\n%s", p.cmd.ProcessState.ExitCode(), p.stderr.String())
					case <-time.After(time.Minute):
						t.Fatalf("brief never reached the slow input; stderr:\n%s", p.stderr.String())
					}
					if sc.staging != "" {
						if m, _ := filepath.Glob(filepath.Join(dir, sc.staging)); len(m) == 0 {
							t.Fatalf("no %s in %s when the model was asked: the signal would not come mid-way through the details", sc.staging, dir)
						}
					}
					if err := p.cmd.Process.Signal(sig); err != nil {
						t.Fatal(err)
					}
					code := p.wait()
					stderr := p.stderr.String()
					t.Logf("stderr:\n%s", stderr)
					if code != exitFailure {
						t.Errorf("exit %d, want %d; stderr:\n%s", code, exitFailure, stderr)
					}
					if !strings.Contains(stderr, "brief: interrupted\n") || strings.Contains(stderr, "again") {
						t.Errorf("stderr lacks \"brief: interrupted\" (or says more):\n%s", stderr)
					}
					if p.stdout.Len() != 0 {
						t.Errorf("stdout %q, want nothing with --out", p.stdout.String())
					}
					after := tree(t, dir)
					if strings.Join(names(after), "\n") != strings.Join(names(before), "\n") {
						t.Errorf("%s before the run:\n  %q\nafter it:\n  %q", dir, names(before), names(after))
					}
					for name, data := range before {
						if after[name] != data {
							t.Errorf("%s changed: %q, was %q", name, after[name], data)
						}
					}
					for _, name := range names(tree(t, sb.Cache)) {
						if name != "./" && name != "llm.db" {
							t.Errorf("left in the cache directory: %s", name)
						}
					}
					for _, d := range []string{sb.Home, sb.Tmp} {
						if n := names(tree(t, d)); len(n) != 1 {
							t.Errorf("left in %s: %q", d, n)
						}
					}
				})
			}
		}
	}
}
