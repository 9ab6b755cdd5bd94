// Package backends chooses and builds the briefing's writer from the
// user's settings: the extractive method, or a model behind an
// OpenAI-compatible server (with its response cache), paired with the
// extractive method as the fallback. The CLI fills Settings from flags,
// the environment and the config file, and calls Open.
package backends

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Backend names, for --backend.
const (
	Auto       = "auto"
	Extractive = "extractive"
	OpenAI     = "openai"
)

// Settings say which backend writes the briefing and how to reach the
// model. A pointer field is nil when not set, so that layers (config
// file, environment, flags) can be merged: a later layer's set fields
// win.
type Settings struct {
	Backend   string   `json:"backend,omitempty"`
	Model     string   `json:"model,omitempty"`
	BaseURL   string   `json:"base_url,omitempty"`
	APIKeyEnv string   `json:"api_key_env,omitempty"`
	Temp      *float64 `json:"temperature,omitempty"`
	MaxTokens int      `json:"max_tokens,omitempty"`
	Context   int      `json:"context,omitempty"`
	// Timeout bounds each request, as a Go duration ("90s", "5m").
	Timeout  Duration `json:"timeout,omitempty"`
	PriceIn  *float64 `json:"price_in,omitempty"`
	PriceOut *float64 `json:"price_out,omitempty"`
	NoCache  *bool    `json:"no_cache,omitempty"`
	// OnUnsupported is drop, mark or fail.
	OnUnsupported string `json:"on_unsupported,omitempty"`
}

// Duration reads "90s" from JSON.
type Duration time.Duration

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a duration is a string such as \"90s\" or \"5m\"")
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// String writes the duration as Go does ("1m30s").
func (d Duration) String() string { return time.Duration(d).String() }

func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

// Over returns s with every field that o sets replaced by o's.
func (s Settings) Over(o Settings) Settings {
	str := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	str(&s.Backend, o.Backend)
	str(&s.Model, o.Model)
	str(&s.BaseURL, o.BaseURL)
	str(&s.APIKeyEnv, o.APIKeyEnv)
	str(&s.OnUnsupported, o.OnUnsupported)
	if o.Temp != nil {
		s.Temp = o.Temp
	}
	if o.MaxTokens != 0 {
		s.MaxTokens = o.MaxTokens
	}
	if o.Context != 0 {
		s.Context = o.Context
	}
	if o.Timeout != 0 {
		s.Timeout = o.Timeout
	}
	if o.PriceIn != nil {
		s.PriceIn = o.PriceIn
	}
	if o.PriceOut != nil {
		s.PriceOut = o.PriceOut
	}
	if o.NoCache != nil {
		s.NoCache = o.NoCache
	}
	return s
}

// FromEnv reads the variables other OpenAI tools read too:
// OPENAI_BASE_URL and BRIEF_MODEL (the key is read when the client is
// built, from the variable Settings.APIKeyEnv names).
func FromEnv(getenv func(string) string) Settings {
	return Settings{
		Model:   strings.TrimSpace(getenv("BRIEF_MODEL")),
		BaseURL: strings.TrimSpace(getenv("OPENAI_BASE_URL")),
		Backend: strings.TrimSpace(getenv("BRIEF_BACKEND")),
	}
}

// ConfigPath is where the config file is looked for: $BRIEF_CONFIG, else
// config.json in brief's directory under the user's config directory
// ($XDG_CONFIG_HOME/brief/config.json, ~/.config/brief/config.json).
func ConfigPath(getenv func(string) string) string {
	if p := getenv("BRIEF_CONFIG"); p != "" {
		return p
	}
	dir := getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "brief", "config.json")
}

// LoadFile reads a config file. A missing file is no error unless
// required (the user named it): most users have none.
func LoadFile(path string, required bool) (Settings, error) {
	if path == "" {
		return Settings{}, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !required {
		return Settings{}, nil
	}
	if err != nil {
		return Settings{}, fmt.Errorf("config file: %w", err)
	}
	// A key written into the file would be read by anyone who can read
	// the file, and copied into bug reports with it.
	var raw map[string]json.RawMessage
	if json.Unmarshal(b, &raw) == nil {
		if _, ok := raw["api_key"]; ok {
			return Settings{}, fmt.Errorf("config file %s: API keys do not belong in it; set api_key_env to the name of the environment variable that holds the key", path)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var s Settings
	if err := dec.Decode(&s); err != nil {
		return Settings{}, fmt.Errorf("config file %s: %v (keys: backend, model, base_url, api_key_env, temperature, max_tokens, context, timeout, price_in, price_out, no_cache, on_unsupported)", path, err)
	}
	return s, nil
}
