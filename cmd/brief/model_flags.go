package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/backends"
)

// modelOptions are the flags that choose and reach the model.
type modelOptions struct {
	Settings   backends.Settings
	DryRun     bool
	NoFallback bool
}

func modelFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "backend", DefaultText: "auto", Usage: "who writes the briefing (`NAME`): auto (a model when one is configured, else extractive), extractive, or openai (any OpenAI-compatible server)"},
		&cli.StringFlag{Name: "model", Usage: "the model's `NAME` on the server (default $BRIEF_MODEL)"},
		&cli.StringFlag{Name: "base-url", Usage: "the server's API `URL` (default $OPENAI_BASE_URL, else https://api.openai.com/v1; Ollama: http://localhost:11434/v1)"},
		&cli.StringFlag{Name: "api-key-env", Usage: "read the API key from the environment variable `NAME` (default OPENAI_API_KEY)"},
		&cli.Float64Flag{Name: "temperature", DefaultText: "0; for reasoning models, the server's", Usage: "sampling temperature `T`, sent as given"},
		&cli.IntFlag{Name: "max-tokens", DefaultText: "2048; 16384 for reasoning models", Usage: "at most `N` tokens per answer, sent as given"},
		&cli.IntFlag{Name: "context", DefaultText: "the known window of OpenAI's models, else 8192", Usage: "the model's context window in `TOKENS`; a longer fact table is briefed in parts"},
		&cli.DurationFlag{Name: "model-timeout", DefaultText: "2m", Usage: "give up on one request to the model after `DURATION`; failed requests are retried"},
		&cli.BoolFlag{Name: "dry-run", Usage: "print the prompts, their token counts and the estimated cost, and send nothing"},
		&cli.Float64Flag{Name: "price-in", DefaultText: "the list price of OpenAI's models", Usage: "`USD` per million prompt tokens, for the cost estimate"},
		&cli.Float64Flag{Name: "price-out", DefaultText: "the list price of OpenAI's models", Usage: "`USD` per million completion tokens, for the cost estimate"},
		&cli.BoolFlag{Name: "no-cache", Usage: "neither read nor write the response cache"},
		&cli.StringFlag{Name: "on-unsupported", DefaultText: "drop", Usage: "a sentence its cited sources do not support is dropped, marked ⚠, or fails the run (`POLICY`: drop, mark or fail)"},
		&cli.BoolFlag{Name: "no-fallback", Usage: "when the model fails, exit with an error instead of writing the extractive briefing"},
		&cli.StringFlag{Name: "config", Usage: "read model settings from the JSON `FILE` (default $BRIEF_CONFIG, else ~/.config/brief/config.json)"},
	}
}

// parseModelFlags layers the settings: the config file, then the
// environment, then the flags given.
func parseModelFlags(c *cli.Context, ios *IO) (modelOptions, error) {
	path, required := c.String("config"), c.IsSet("config")
	if path == "" {
		path, required = backends.ConfigPath(ios.Getenv), ios.Getenv("BRIEF_CONFIG") != ""
	}
	file, err := backends.LoadFile(path, required)
	if err != nil {
		return modelOptions{}, usageErr(err)
	}
	var flags backends.Settings
	flags.Backend = strings.ToLower(strings.TrimSpace(c.String("backend")))
	flags.Model = strings.TrimSpace(c.String("model"))
	flags.BaseURL = strings.TrimSpace(c.String("base-url"))
	flags.APIKeyEnv = strings.TrimSpace(c.String("api-key-env"))
	flags.OnUnsupported = strings.ToLower(strings.TrimSpace(c.String("on-unsupported")))
	if c.IsSet("temperature") {
		t := c.Float64("temperature")
		if t < 0 || t > 2 {
			return modelOptions{}, usageErr(fmt.Errorf("--temperature must be between 0 and 2, got %v", t))
		}
		flags.Temp = &t
	}
	if c.IsSet("max-tokens") {
		if flags.MaxTokens = c.Int("max-tokens"); flags.MaxTokens < 16 {
			return modelOptions{}, usageErr(fmt.Errorf("--max-tokens must be at least 16, got %d", flags.MaxTokens))
		}
	}
	if c.IsSet("context") {
		if flags.Context = c.Int("context"); flags.Context < 1024 {
			return modelOptions{}, usageErr(fmt.Errorf("--context must be at least 1024 tokens, got %d", flags.Context))
		}
	}
	if c.IsSet("model-timeout") {
		if d := c.Duration("model-timeout"); d <= 0 {
			return modelOptions{}, usageErr(fmt.Errorf("--model-timeout must be positive, got %v", d))
		} else {
			flags.Timeout = backends.Duration(d)
		}
	}
	for _, p := range []struct {
		name string
		dst  **float64
	}{{"price-in", &flags.PriceIn}, {"price-out", &flags.PriceOut}} {
		if c.IsSet(p.name) {
			v := c.Float64(p.name)
			if v < 0 {
				return modelOptions{}, usageErr(fmt.Errorf("--%s must not be negative", p.name))
			}
			*p.dst = &v
		}
	}
	if c.IsSet("no-cache") {
		v := c.Bool("no-cache")
		flags.NoCache = &v
	}
	s := file.Over(backends.FromEnv(ios.Getenv)).Over(flags)
	if _, err := briefing.ParsePolicy(s.OnUnsupported); s.OnUnsupported != "" && err != nil {
		return modelOptions{}, usageErr(err)
	}
	switch s.Backend {
	case "", backends.Auto, backends.Extractive, backends.OpenAI:
	default:
		return modelOptions{}, usageErr(fmt.Errorf("--backend must be auto, extractive or openai, got %q", s.Backend))
	}
	o := modelOptions{Settings: s, DryRun: c.Bool("dry-run"), NoFallback: c.Bool("no-fallback")}
	if o.DryRun && s.Model == "" && s.Backend != backends.OpenAI || o.DryRun && s.Backend == backends.Extractive {
		return o, usageErr(errors.New("--dry-run shows what would be sent to a model, and no model is configured: set --model or BRIEF_MODEL"))
	}
	return o, nil
}

// openBackend opens the writer the model settings ask for. say prints a
// line on stderr unless --quiet; progress, when set, also hears each
// model request (the daily digest, which draws a bar, passes none).
// It returns the unsupported-sentence policy in force; the caller closes
// the backend.
func openBackend(c *cli.Context, ios *IO, mo modelOptions, v *briefing.Verifier, say, progress func(string)) (*backends.Opened, briefing.Policy, error) {
	backend, err := backends.Open(c.Context, mo.Settings, backends.Env{Getenv: ios.Getenv, Progress: progress,
		Warn: func(msg string) { say("warning: " + msg) }}, v)
	if errors.Is(err, backends.ErrNoModel) {
		return nil, "", usageErr(err)
	}
	if err != nil {
		return nil, "", err
	}
	policy, err := backend.Policy()
	if err != nil {
		backend.Close()
		return nil, "", usageErr(err)
	}
	return backend, policy, nil
}

// sayer prints "brief: MSG" on stderr, or nothing under --quiet.
func sayer(ios *IO, quiet bool) func(string) {
	return func(msg string) {
		if !quiet {
			fmt.Fprintf(ios.Err, "brief: %s\n", msg)
		}
	}
}
