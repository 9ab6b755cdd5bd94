package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brieftool/brief/internal/llmtest"
)

// secretKey is what these tests put in OPENAI_API_KEY; it must never be
// seen again.
const secretKey = "sk-test-5ecret-b7e1f00d"

// TestAPIKeyNeverShown: the key does not appear on stdout or stderr, in
// the dry run, in a server's error echoed back, with --quiet or without,
// nor anywhere in the cache file, whose keys are derived from requests.
func TestAPIKeyNeverShown(t *testing.T) {
	// A server that echoes the key, as OpenAI's 401 message does (masked)
	// and a careless proxy does in full.
	echo := llmtest.New(t, func(_ int, r llmtest.Request) llmtest.Reply {
		return llmtest.Reply{Status: 401, Content: "Incorrect API key provided: " + secretKey}
	})
	good := faithfulModel(t)
	cache := t.TempDir()
	env := func(srv *llmtest.Server) map[string]string {
		return map[string]string{"BRIEF_MODEL": "test-model", "OPENAI_BASE_URL": srv.BaseURL(), "BRIEF_CACHE_DIR": cache, "OPENAI_API_KEY": secretKey}
	}
	runs := []struct {
		name string
		srv  *llmtest.Server
		args []string
	}{
		{"dry run", good, []string{"report", "--dry-run", seeds}},
		{"answered and cached", good, []string{"report", "--format", "json", seeds}},
		{"answered from the cache", good, []string{"report", "--format", "json", seeds}},
		{"key refused, echoed back", echo, []string{"report", "--no-cache", seeds}},
		{"key refused under --no-fallback", echo, []string{"report", "--no-cache", "--no-fallback", seeds}},
		{"daily with a model", good, []string{"daily", "--format", "json", "../../testdata/day/day.jsonl"}},
	}
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			r := brief(t, false, env(run.srv), "", run.args...)
			if strings.Contains(r.stdout+r.stderr, secretKey) || strings.Contains(r.stdout+r.stderr, "5ecret") {
				t.Errorf("the key was printed (exit %d):\nstdout: %.300s\nstderr: %s", r.code, r.stdout, r.stderr)
			}
		})
	}
	// The server did get the key: the test is not vacuous.
	if reqs := good.Requests(); len(reqs) == 0 {
		t.Fatal("the model server was never asked")
	}
	err := filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(b, []byte(secretKey)) || bytes.Contains(b, []byte("5ecret")) {
			t.Errorf("%s holds the key", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
