package backends

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brieftool/brief/briefing"
)

var verifier = sync.OnceValue(briefing.NewVerifier)

func env(vars map[string]string) Env {
	return Env{Getenv: func(k string) string { return vars[k] }}
}

func TestOpenChoosesBackend(t *testing.T) {
	cache := t.TempDir()
	cases := []struct {
		name        string
		s           Settings
		model       bool
		wantBackend string
		err         string
	}{
		{"auto, no model", Settings{}, false, Extractive, ""},
		{"auto with a model", Settings{Model: "llama3.1:8b", BaseURL: "http://127.0.0.1:1/v1"}, true, OpenAI, ""},
		{"extractive despite a model", Settings{Backend: Extractive, Model: "m"}, false, Extractive, ""},
		{"openai without a model, server down", Settings{Backend: OpenAI, BaseURL: "http://127.0.0.1:1/v1", Timeout: Duration(time.Second)}, false, "", "no model named"},
		{"unknown backend", Settings{Backend: "claude"}, false, "", "unknown backend"},
		{"bad policy", Settings{OnUnsupported: "ignore"}, false, "", "ignore"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o, err := Open(context.Background(), tc.s, env(map[string]string{"BRIEF_CACHE_DIR": cache}), verifier())
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer o.Close()
			if (o.Model != nil) != tc.model || o.Resolved.Backend != tc.wantBackend {
				t.Errorf("model %v, backend %q", o.Model != nil, o.Resolved.Backend)
			}
			if tc.model && o.Fallback == nil {
				t.Error("a model backend must have the extractive fallback")
			}
		})
	}
}

func TestOpenDefaults(t *testing.T) {
	o, err := Open(context.Background(), Settings{Model: "gpt-4o-mini", NoCache: ptr(true)}, env(nil), verifier())
	if err != nil {
		t.Fatal(err)
	}
	r := o.Resolved
	if r.BaseURL != DefaultBaseURL || r.APIKeyEnv != "OPENAI_API_KEY" || r.Temp == nil || *r.Temp != 0 || r.MaxTokens != 2048 || r.Context != 128000 {
		t.Errorf("resolved %+v", r)
	}
	if usd, ok := o.Cost(1_000_000, 1_000_000); !ok || usd != 0.75 {
		t.Errorf("cost %v %v, want gpt-4o-mini's list price 0.15+0.60", usd, ok)
	}
	// A reasoning model gets no temperature and more room.
	o, err = Open(context.Background(), Settings{Model: "o3-mini", NoCache: ptr(true)}, env(nil), verifier())
	if err != nil {
		t.Fatal(err)
	}
	if o.Resolved.Temp != nil || o.Resolved.MaxTokens != DefaultReasoningMaxTokens {
		t.Errorf("reasoning model resolved %+v", o.Resolved)
	}
	// A local server is not priced at OpenAI's list price.
	o, err = Open(context.Background(), Settings{Model: "gpt-4o-mini", BaseURL: "http://localhost:8080/v1", NoCache: ptr(true)}, env(nil), verifier())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := o.Cost(1, 1); ok {
		t.Error("a local server priced at OpenAI's list price")
	}
}

func ptr[T any](v T) *T { return &v }

func TestSettingsLayers(t *testing.T) {
	file := Settings{Model: "file-model", BaseURL: "http://file/v1", Temp: ptr(0.5), MaxTokens: 100}
	envS := FromEnv(func(k string) string {
		return map[string]string{"BRIEF_MODEL": "env-model", "OPENAI_BASE_URL": ""}[k]
	})
	flags := Settings{MaxTokens: 300}
	got := file.Over(envS).Over(flags)
	if got.Model != "env-model" || got.BaseURL != "http://file/v1" || *got.Temp != 0.5 || got.MaxTokens != 300 {
		t.Errorf("layered %+v", got)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "config.json")
	if err := os.WriteFile(p, []byte(`{"model": "m", "timeout": "90s", "price_in": 0.5}`), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := LoadFile(p, true)
	if err != nil || s.Model != "m" || s.Timeout.String() != "1m30s" || *s.PriceIn != 0.5 {
		t.Errorf("%+v %v", s, err)
	}
	if s, err := LoadFile(filepath.Join(dir, "none.json"), false); err != nil || s.Model != "" {
		t.Errorf("a missing optional file: %+v %v", s, err)
	}
	if _, err := LoadFile(filepath.Join(dir, "none.json"), true); err == nil {
		t.Error("a missing named file is no error")
	}
	if got := ConfigPath(func(k string) string { return map[string]string{"HOME": "/home/u"}[k] }); got != "/home/u/.config/brief/config.json" {
		t.Errorf("config path %q", got)
	}
}

func TestScopeNeverHoldsTheKey(t *testing.T) {
	const key = "sk-secret-scope"
	o, err := Open(context.Background(), Settings{Model: "m", BaseURL: "http://127.0.0.1:1/v1", NoCache: ptr(true)}, env(map[string]string{"OPENAI_API_KEY": key}), verifier())
	if err != nil {
		t.Fatal(err)
	}
	if s := Scope(o.Resolved); strings.Contains(s, key) {
		t.Error("the cache scope holds the API key")
	}
	a, b := Scope(Settings{Model: "m", Temp: ptr(0.0)}), Scope(Settings{Model: "m", Temp: ptr(0.7)})
	if a == b {
		t.Error("the scope ignores the temperature")
	}
}
