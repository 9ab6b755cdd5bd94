package backends

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/extractive"
	"github.com/brieftool/brief/briefing/llm"
	"github.com/brieftool/brief/briefing/llm/cache"
	"github.com/brieftool/brief/briefing/llm/openai"
	"github.com/brieftool/brief/prompts"
)

// Defaults of the model settings.
const (
	DefaultBaseURL   = "https://api.openai.com/v1"
	DefaultAPIKeyEnv = "OPENAI_API_KEY"
	DefaultTimeout   = 2 * time.Minute
	// DefaultReasoningMaxTokens is the answer room for reasoning models,
	// whose hidden reasoning is paid out of the same cap.
	DefaultReasoningMaxTokens = 16384
)

// ErrNoModel is returned for --backend openai with no model named.
var ErrNoModel = errors.New("no model named: set --model, BRIEF_MODEL, or \"model\" in the config file")

// Env is what Open needs from outside.
type Env struct {
	Getenv func(string) string
	// HTTPClient is used for the model's requests when set.
	HTTPClient *http.Client
	// Progress hears a line per model request; Warn hears problems that
	// do not stop the run (the cache unavailable).
	Progress func(string)
	Warn     func(string)
}

// Opened is the chosen writer and what goes with it.
type Opened struct {
	// Writer writes the briefing; Fallback, when set, writes it if
	// Writer fails.
	Writer, Fallback briefing.Writer
	// Model is the model backend, nil when the extractive method writes.
	Model *llm.Backend
	// Info is what brief knows of the model.
	Info llm.Model
	// Resolved are the settings in force, defaults filled in.
	Resolved Settings
	cache    *cache.Cache
}

// Close releases the response cache.
func (o *Opened) Close() error {
	if o.cache != nil {
		return o.cache.Close()
	}
	return nil
}

// Policy is the --on-unsupported policy in force.
func (o *Opened) Policy() (briefing.Policy, error) {
	return briefing.ParsePolicy(o.Resolved.OnUnsupported)
}

// Open builds the writer the settings ask for. check serves both the
// citation check and the backends' choice of evidence. With --backend
// openai and no model named, it asks the server which model it serves
// (llama.cpp's and vLLM's serve one), under ctx.
func Open(ctx context.Context, s Settings, env Env, check *briefing.Verifier) (*Opened, error) {
	if s.OnUnsupported == "" {
		s.OnUnsupported = string(briefing.PolicyDrop)
	}
	if _, err := briefing.ParsePolicy(s.OnUnsupported); err != nil {
		return nil, err
	}
	ext := extractive.New(check)
	switch s.Backend {
	case "", Auto:
		if s.Model == "" {
			s.Backend = Extractive
			return &Opened{Writer: ext, Resolved: s}, nil
		}
	case Extractive:
		return &Opened{Writer: ext, Resolved: s}, nil
	case OpenAI:
	default:
		return nil, fmt.Errorf("unknown backend %q (want auto, extractive or openai)", s.Backend)
	}
	s.Backend = OpenAI
	if s.BaseURL == "" {
		s.BaseURL = DefaultBaseURL
	}
	if s.APIKeyEnv == "" {
		s.APIKeyEnv = DefaultAPIKeyEnv
	}
	getenv := env.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if s.Model == "" {
		models, err := openai.Models(ctx, openai.Config{BaseURL: s.BaseURL, APIKey: strings.TrimSpace(getenv(s.APIKeyEnv)),
			APIKeyEnv: s.APIKeyEnv, Timeout: time.Duration(s.Timeout), MaxAttempts: 2, HTTPClient: env.HTTPClient})
		switch {
		case err != nil:
			return nil, fmt.Errorf("%w; asking the server for its models failed: %v", ErrNoModel, err)
		case len(models) == 0:
			return nil, fmt.Errorf("%w; the server lists no models", ErrNoModel)
		case len(models) > 1:
			return nil, fmt.Errorf("%w; the server serves %d models: %s", ErrNoModel, len(models), strings.Join(models[:min(len(models), 8)], ", "))
		}
		s.Model = models[0]
		if env.Progress != nil {
			env.Progress(fmt.Sprintf("using %s, the model the server serves", s.Model))
		}
	}
	info := llm.LookupModel(s.Model)
	if s.Temp == nil && !info.Reasoning {
		// The same input should give the same briefing.
		zero := 0.0
		s.Temp = &zero
	}
	if s.MaxTokens == 0 {
		s.MaxTokens = llm.DefaultMaxTokens
		if info.Reasoning {
			s.MaxTokens = DefaultReasoningMaxTokens
		}
	}
	if s.Context == 0 {
		s.Context = info.Context
	}
	if s.Timeout == 0 {
		s.Timeout = Duration(DefaultTimeout)
	}
	if s.PriceIn == nil && info.Priced && isOpenAI(s.BaseURL) {
		s.PriceIn = &info.PriceIn
	}
	if s.PriceOut == nil && info.Priced && isOpenAI(s.BaseURL) {
		s.PriceOut = &info.PriceOut
	}
	client, err := openai.New(openai.Config{
		BaseURL:     s.BaseURL,
		APIKey:      strings.TrimSpace(getenv(s.APIKeyEnv)),
		APIKeyEnv:   s.APIKeyEnv,
		Model:       s.Model,
		Temperature: s.Temp,
		MaxTokens:   s.MaxTokens,
		Timeout:     time.Duration(s.Timeout),
		HTTPClient:  env.HTTPClient,
	})
	if err != nil {
		return nil, err
	}
	o := &Opened{Fallback: ext, Info: info}
	var c llm.Client = client
	if s.NoCache == nil || !*s.NoCache {
		if path, err := cachePath(getenv); err != nil {
			warn(env, fmt.Sprintf("no response cache (%v); every run asks the model", err))
		} else if o.cache, err = cache.Open(path); err != nil {
			warn(env, fmt.Sprintf("no response cache (%v); this run asks the model", err))
		} else {
			c = cache.Wrap(client, o.cache, Scope(s))
		}
	}
	o.Model, err = llm.New(llm.Options{Client: c, Name: client.Name(), Model: s.Model, Context: s.Context,
		MaxTokens: s.MaxTokens, Check: check, Progress: env.Progress})
	if err != nil {
		o.Close()
		return nil, err
	}
	o.Writer = o.Model
	o.Resolved = s
	return o, nil
}

// Scope is what, beside the prompt itself, makes a cached answer the
// answer to a request: the server, the model, the prompt version and the
// sampling settings. It never holds the API key.
func Scope(s Settings) string {
	t := "default"
	if s.Temp != nil {
		t = strconv.FormatFloat(*s.Temp, 'g', -1, 64)
	}
	return strings.Join([]string{strings.TrimRight(openai.RedactURL(s.BaseURL), "/"), s.Model, prompts.Fingerprint(), "temperature=" + t, "max_tokens=" + strconv.Itoa(s.MaxTokens)}, "\x00")
}

// cachePath is $BRIEF_CACHE_DIR/llm.db, else the user's cache directory's.
func cachePath(getenv func(string) string) (string, error) {
	if d := getenv("BRIEF_CACHE_DIR"); d != "" {
		return filepath.Join(d, "llm.db"), nil
	}
	return cache.DefaultPath()
}

func isOpenAI(baseURL string) bool { return strings.Contains(baseURL, "api.openai.com") }

func warn(env Env, msg string) {
	if env.Warn != nil {
		env.Warn(msg)
	}
}
