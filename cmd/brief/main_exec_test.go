package main

import (
	"bytes"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/brieftool/brief/internal/llmtest"
)

// runMainEnv, set in the environment of this test binary, makes it run
// brief's main instead of the tests: the tests start it as a subprocess to
// see what a real process does with a signal, without a go build.
const runMainEnv = "BRIEF_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// process is brief running as a subprocess.
type process struct {
	t              *testing.T
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	// exited is closed once the process has ended and been waited for.
	exited chan struct{}
}

// sandbox is a process's environment: every directory it may write to is
// a fresh temporary one, so that a file it leaves behind is seen.
type sandbox struct {
	Home, Tmp, Cache string
}

func newSandbox(t *testing.T) sandbox {
	return sandbox{Home: t.TempDir(), Tmp: t.TempDir(), Cache: t.TempDir()}
}

// env is the whole environment of the process: nothing of the caller's
// (a model, a config file, an API key) reaches it.
func (s sandbox) env() []string {
	return []string{
		runMainEnv + "=1",
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + s.Home,
		"XDG_CACHE_HOME=" + filepath.Join(s.Home, ".cache"),
		"XDG_CONFIG_HOME=" + filepath.Join(s.Home, ".config"),
		"XDG_DATA_HOME=" + filepath.Join(s.Home, ".local", "share"),
		"TMPDIR=" + s.Tmp,
		"BRIEF_CACHE_DIR=" + s.Cache,
	}
}

// startBrief runs brief with args (the program name left out) in the
// sandbox.
func startBrief(t *testing.T, sb sandbox, args ...string) *process {
	t.Helper()
	p := &process{t: t, cmd: exec.Command(os.Args[0], args...), exited: make(chan struct{})}
	p.cmd.Args[0] = "brief"
	p.cmd.Env = sb.env()
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		// A non-zero exit is an error; the code is read from ProcessState.
		_ = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			p.cmd.Process.Kill()
			<-p.exited
		}
	})
	return p
}

// exitWait bounds how long a signalled process may take to stop. It is a
// limit against a hung test, far above what stopping takes, not a
// measure of speed.
const exitWait = 10 * time.Second

// wait returns the exit code, failing the test if the process has not
// ended within exitWait.
func (p *process) wait() int {
	p.t.Helper()
	select {
	case <-p.exited:
	case <-time.After(exitWait):
		p.cmd.Process.Kill()
		<-p.exited
		p.t.Fatalf("still running %v after the signal; killed. stderr:\n%s", exitWait, p.stderr.String())
	}
	return p.cmd.ProcessState.ExitCode()
}

// tree lists every file and directory under dir, relative to it, with the
// content of each file, so that two listings compare equal only when
// nothing was added, removed or changed.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			files[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(path)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func names(files map[string]string) []string {
	var l []string
	for k := range files {
		l = append(l, k)
	}
	sort.Strings(l)
	return l
}

// hangingServer serves pages that never come: each request waits until
// the client goes away or the test ends. seen is closed by the first
// request, so that a test signals brief only once it is provably waiting
// on the input.
func hangingServer(t *testing.T) (url string, seen <-chan struct{}) {
	t.Helper()
	s := make(chan struct{})
	var once sync.Once
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(s) })
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	// Cleanups run last first: the handlers are let go before Close
	// waits for them.
	t.Cleanup(func() { close(release) })
	return srv.URL + "/article.html", s
}

// hangingModel is a model server that never answers; seen is closed by
// its first chat completion request.
func hangingModel(t *testing.T) (baseURL string, seen <-chan struct{}) {
	t.Helper()
	s := make(chan struct{})
	var once sync.Once
	srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply {
		once.Do(func() { close(s) })
		return llmtest.Reply{Hang: true}
	})
	return srv.BaseURL(), s
}
