package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/internal/llmtest"
)

const seedsDir = "../../testdata/iraq-visit"

func faithfulModel(t *testing.T) *llmtest.Server {
	return llmtest.New(t, func(_ int, r llmtest.Request) llmtest.Reply {
		return llmtest.Reply{Content: llmtest.Faithful(r).JSON()}
	})
}

// modelEnv is an environment with a model configured and the response
// cache in a temporary directory.
func modelEnv(t *testing.T, srv *llmtest.Server) map[string]string {
	return map[string]string{"BRIEF_MODEL": "test-model", "OPENAI_BASE_URL": srv.BaseURL(), "BRIEF_CACHE_DIR": t.TempDir()}
}

func decodeBriefing(t *testing.T, out string) *briefing.Briefing {
	t.Helper()
	var doc briefing.BriefingDocument
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not a briefing document: %v\n%s", err, out)
	}
	if doc.Briefing == nil {
		t.Fatalf("no briefing in the JSON document:\n%s", out)
	}
	return doc.Briefing
}

func TestReportWithModel(t *testing.T) {
	srv := faithfulModel(t)
	cases := []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"flags", map[string]string{"BRIEF_CACHE_DIR": t.TempDir()}, []string{"report", "--backend", "openai", "--model", "test-model", "--base-url", srv.BaseURL()}},
		{"auto with the environment", modelEnv(t, srv), []string{"report"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := len(srv.Requests())
			r := brief(t, false, tc.env, "", append(tc.args, "-f", "json", seedsDir)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			b := decodeBriefing(t, r.stdout)
			if b.Backend != "openai:test-model" {
				t.Errorf("backend %q", b.Backend)
			}
			if b.Verification.Sentences == 0 || b.Verification.Passed != b.Verification.Sentences {
				t.Errorf("verification %+v", b.Verification)
			}
			if n := len(srv.Requests()) - before; n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
			if !strings.Contains(r.stderr, "test-model: 1 call(s)") || !strings.Contains(r.stderr, "prompt") {
				t.Errorf("stderr %q: want the tokens used", r.stderr)
			}
		})
	}
}

func TestReportAutoWithoutModelIsExtractive(t *testing.T) {
	srv := faithfulModel(t)
	r := brief(t, false, map[string]string{"OPENAI_BASE_URL": srv.BaseURL(), "OPENAI_API_KEY": "sk-x"}, "", "report", "-f", "json", seedsDir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if b := decodeBriefing(t, r.stdout); b.Backend != "extractive" {
		t.Errorf("backend %q: no model is configured", b.Backend)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests without a model", n)
	}
}

func TestReportDryRun(t *testing.T) {
	srv := faithfulModel(t)
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"local model", []string{"--model", "llama3.1:8b"}, []string{"Dry run: nothing was sent", "context 8192 tokens", "Estimated cost: unknown", "=== request 1 of 1: briefing", "--- system ---", "FACTS", "S1 |"}},
		{"priced", []string{"--model", "llama3.1:8b", "--price-in", "1", "--price-out", "2"}, []string{"Estimated cost: at most $0.0", "$1.00 / $2.00 per million"}},
		{"small window", []string{"--model", "llama3.1:8b", "--context", "4096"}, []string{"does not fit one request", "part 1 of", "merge (about"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"OPENAI_BASE_URL": srv.BaseURL(), "OPENAI_API_KEY": "sk-secret-dry-run", "BRIEF_CACHE_DIR": t.TempDir()}
			r := brief(t, false, env, "", append(append([]string{"report", "--dry-run"}, tc.args...), seedsDir)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("dry run lacks %q", w)
				}
			}
			if strings.Contains(r.stdout+r.stderr, "sk-secret-dry-run") {
				t.Error("the API key is in the dry run's output")
			}
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("dry run made %d requests", n)
			}
		})
	}
}

func TestReportModelFailureFallsBack(t *testing.T) {
	const key = "sk-secret-0123456789"
	cases := []struct {
		name  string
		reply llmtest.Reply
		want  string
	}{
		{"server errors", llmtest.Reply{Status: 503, Content: "overloaded"}, "HTTP 503"},
		{"bad key", llmtest.Reply{Status: 401, Content: "Incorrect API key provided: " + key}, "set OPENAI_API_KEY"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply { return tc.reply })
			env := modelEnv(t, srv)
			env["OPENAI_API_KEY"] = key
			out := filepath.Join(t.TempDir(), "brief.md")
			r := brief(t, false, env, "", "report", "--out", out, seedsDir)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if n := strings.Count(r.stderr, "warning:"); n != 1 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "extractive") {
				t.Errorf("stderr %q: want one warning naming %q and the fallback", r.stderr, tc.want)
			}
			page, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(page), "## Key points") || !strings.Contains(string(page), "extractive") {
				t.Errorf("the fallback briefing is not on the page:\n%s", page)
			}
			if strings.Contains(r.stderr+string(page), key) {
				t.Error("the API key leaked into the output")
			}

			// --no-fallback: a clear error and no file.
			out2 := filepath.Join(t.TempDir(), "brief.md")
			r = brief(t, false, env, "", "report", "--no-fallback", "--out", out2, seedsDir)
			if r.code != exitFailure || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("--no-fallback: exit %d, stderr %q", r.code, r.stderr)
			}
			if _, err := os.Stat(out2); !os.IsNotExist(err) {
				t.Errorf("--no-fallback left a file: %v", err)
			}
		})
	}
}

// spoiledModel answers faithfully but for one made-up figure.
func spoiledModel(t *testing.T) *llmtest.Server {
	return llmtest.New(t, func(_ int, r llmtest.Request) llmtest.Reply {
		a := llmtest.Faithful(r)
		a.KeyPoints = append(a.KeyPoints, llmtest.Point{Text: "The United States keeps 3,500 troops in Iraq [S1]."})
		return llmtest.Reply{Content: a.JSON()}
	})
}

func TestReportOnUnsupported(t *testing.T) {
	const bad = "The United States keeps 3,500 troops in Iraq"
	t.Run("drop", func(t *testing.T) {
		r := brief(t, false, modelEnv(t, spoiledModel(t)), "", "report", seedsDir)
		if r.code != 0 || strings.Contains(r.stdout, bad) {
			t.Errorf("exit %d; the unsupported sentence must not be on the page:\n%s", r.code, r.stdout)
		}
		if !strings.Contains(r.stdout, "1 dropped") {
			t.Errorf("the page does not say a sentence was dropped:\n%s", r.stdout)
		}
	})
	t.Run("mark", func(t *testing.T) {
		r := brief(t, false, modelEnv(t, spoiledModel(t)), "", "report", "--on-unsupported", "mark", seedsDir)
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		var line string
		for _, l := range strings.Split(r.stdout, "\n") {
			if strings.Contains(l, bad) {
				line = l
			}
		}
		if !strings.Contains(line, "⚠") || !strings.Contains(line, "unsupported") {
			t.Errorf("the unsupported sentence is not marked: %q", line)
		}
	})
	t.Run("fail", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "brief.md")
		r := brief(t, false, modelEnv(t, spoiledModel(t)), "", "report", "--on-unsupported", "fail", "--out", out, seedsDir)
		if r.code != exitFailure || !strings.Contains(r.stderr, bad) {
			t.Errorf("exit %d, stderr %q: want a failure naming the sentence", r.code, r.stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a failed run left a file: %v", err)
		}
	})
}

func TestReportCacheMakesRerunFree(t *testing.T) {
	srv := faithfulModel(t)
	env := modelEnv(t, srv)
	first := brief(t, false, env, "", "report", seedsDir)
	second := brief(t, false, env, "", "report", seedsDir)
	if first.code != 0 || second.code != 0 {
		t.Fatalf("exits %d, %d: %s %s", first.code, second.code, first.stderr, second.stderr)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests for two runs, want 1", n)
	}
	if first.stdout != second.stdout {
		t.Error("the re-run's briefing differs")
	}
	if !strings.Contains(second.stderr, "from the cache") {
		t.Errorf("stderr %q: want the cache hit reported", second.stderr)
	}
	third := brief(t, false, env, "", "report", "--no-cache", seedsDir)
	if third.code != 0 || len(srv.Requests()) != 2 {
		t.Errorf("--no-cache: exit %d, %d requests in all, want 2", third.code, len(srv.Requests()))
	}
	if fi, err := os.Stat(filepath.Join(env["BRIEF_CACHE_DIR"], "llm.db")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("cache file: %v, %v: want mode 0600", fi, err)
	}
}

func TestReportConfigFile(t *testing.T) {
	srv := faithfulModel(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.json", `{"model": "test-model", "base_url": "`+srv.BaseURL()+`", "temperature": 0.3, "no_cache": true}`)
	r := brief(t, false, map[string]string{"BRIEF_CONFIG": good}, "", "report", "-f", "json", seedsDir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if b := decodeBriefing(t, r.stdout); b.Backend != "openai:test-model" {
		t.Errorf("backend %q: the config file names a model", b.Backend)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || reqs[0].Temperature == nil || *reqs[0].Temperature != 0.3 {
		t.Errorf("want one request with the config's temperature 0.3")
	}
	// A flag beats the file.
	r = brief(t, false, map[string]string{"BRIEF_CONFIG": good}, "", "report", "--backend", "extractive", "-f", "json", seedsDir)
	if b := decodeBriefing(t, r.stdout); b.Backend != "extractive" {
		t.Errorf("backend %q: --backend extractive must win over the file", b.Backend)
	}

	for _, tc := range []struct{ name, body, want string }{
		{"key in file", `{"model": "m", "api_key": "sk-abc"}`, "api_key_env"},
		{"unknown key", `{"modle": "m"}`, "modle"},
		{"broken", `{"model": `, "config file"},
	} {
		p := write(tc.name+".json", tc.body)
		r := brief(t, false, nil, "", "report", "--config", p, seedsDir)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%s: exit %d, stderr %q; want usage error mentioning %q", tc.name, r.code, r.stderr, tc.want)
		}
		if strings.Contains(r.stderr, "sk-abc") {
			t.Errorf("%s: the key is echoed", tc.name)
		}
	}
}

func TestReportModelUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--backend", "openai", "--base-url", "http://127.0.0.1:1/v1", "--model-timeout", "1s"}, "no model named"},
		{[]string{"--backend", "claude"}, "--backend must be"},
		{[]string{"--dry-run"}, "no model is configured"},
		{[]string{"--model", "m", "--on-unsupported", "ignore"}, "ignore"},
		{[]string{"--model", "m", "--temperature", "3"}, "--temperature"},
		{[]string{"--model", "m", "--context", "100"}, "--context"},
	} {
		r := brief(t, false, nil, "", append(append([]string{"report"}, tc.args...), seedsDir)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want usage error mentioning %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

// Ctrl-C while the model thinks: the run stops at once, says so, and
// leaves no file.
func TestReportInterruptedWritesNothing(t *testing.T) {
	srv := llmtest.New(t, func(int, llmtest.Request) llmtest.Reply { return llmtest.Reply{Hang: true} })
	out := filepath.Join(t.TempDir(), "brief.md")
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for len(srv.Requests()) == 0 {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	var stdout, stderr bytes.Buffer
	env := modelEnv(t, srv)
	ios := &IO{In: strings.NewReader(""), Out: &stdout, Err: &stderr, Getenv: func(k string) string { return env[k] }}
	start := time.Now()
	code := run(ctx, []string{"brief", "report", "--out", out, seedsDir}, ios)
	if code != exitFailure || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q; want 1 and \"interrupted\"", code, stderr.String())
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v to stop", d)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

// A password or key in the base URL is a credential like the API key
// (the client's errors are tested in briefing/llm/openai).
func TestReportBaseURLSecretsNotPrinted(t *testing.T) {
	for _, u := range []string{"http://user:hunter2@127.0.0.1:1/v1", "http://127.0.0.1:1/v1?api-key=hunter2"} {
		env := map[string]string{"BRIEF_CACHE_DIR": t.TempDir()}
		r := brief(t, false, env, "", "report", "--dry-run", "--model", "m", "--base-url", u, seedsDir)
		if r.code != 0 || strings.Contains(r.stdout+r.stderr, "hunter2") {
			t.Errorf("%s: dry run exit %d, secret printed: %v", u, r.code, strings.Contains(r.stdout+r.stderr, "hunter2"))
		}
	}
}

// The issue's own command: --backend openai and a base URL, no model.
// The server says which model it serves, as llama.cpp's and vLLM's do.
func TestReportModelFromServer(t *testing.T) {
	srv := faithfulModel(t)
	r := brief(t, false, map[string]string{"BRIEF_CACHE_DIR": t.TempDir()}, "", "report", "--backend", "openai", "--base-url", srv.BaseURL(), "-f", "json", seedsDir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if b := decodeBriefing(t, r.stdout); b.Backend != "openai:served-model" {
		t.Errorf("backend %q", b.Backend)
	}
	if !strings.Contains(r.stderr, "using served-model") {
		t.Errorf("stderr %q: want the model named", r.stderr)
	}
}

// brief eval with a model: every cluster is briefed by it, and scored.
func TestEvalWithModel(t *testing.T) {
	srv := faithfulModel(t)
	dir := t.TempDir()
	// The fixture's two clusters hold the same articles: without the
	// cache each is asked for; with it, the second may be a cache hit.
	r := brief(t, false, modelEnv(t, srv), "", "eval", "--refs", "testdata/eval-clusters.jsonl", "--words", "40", "--save", dir, "--no-cache")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests: want the model asked for each of the 2 clusters", n)
	}
	if !strings.Contains(r.stdout, "MEAN") || !strings.Contains(r.stderr, "test-model:") {
		t.Errorf("stdout %q, stderr %q", r.stdout, r.stderr)
	}
}
