package llm

import "strings"

// Model is what brief knows about a model name.
type Model struct {
	// Name is the family matched, e.g. "gpt-4o-mini"; "" when unknown.
	Name string
	// Context is the context window in tokens: prompt and answer together.
	Context int
	// MaxOutput is the most output tokens the model allows (0 unknown).
	MaxOutput int
	// PriceIn and PriceOut are USD per million input and output tokens;
	// both 0, with Priced false, when unknown.
	PriceIn, PriceOut float64
	Priced            bool
	// Encoding is the tiktoken encoding: "o200k_base" or "cl100k_base".
	Encoding string
	// Reasoning models (o1, o3, o4, gpt-5) take max_completion_tokens
	// instead of max_tokens and spend hidden reasoning tokens out of it, so
	// a cap sized for the visible answer alone can leave it empty.
	Reasoning bool
	Known     bool
}

// DefaultContext is the window assumed for a model we do not know. Local
// servers set their own window (Ollama's num_ctx, llama.cpp's -c) and
// silently cut a prompt that overflows it, so guessing small is the safe
// side: a prompt split into too many parts costs a little, a truncated
// one loses sources.
const DefaultContext = 8192

const (
	encO200k  = "o200k_base"
	encCl100k = "cl100k_base"
)

// knownModels holds OpenAI's chat families. Context windows and output
// limits are from OpenAI's model pages; prices are list prices per 1M
// tokens, standard tier, as published on OpenAI's pricing page in 2025.
// Prices change: users override them with --price-in/--price-out.
//
// Some entries are variants whose numbers differ from the family whose
// prefix they share; without them the prefix rule would price "o3-pro" as
// "o3" (a tenth of its price) or give "gpt-4-1106-preview" gpt-4's window.
var knownModels = []Model{
	{Name: "gpt-3.5-turbo", Context: 16385, MaxOutput: 4096, PriceIn: 0.50, PriceOut: 1.50, Encoding: encCl100k},
	{Name: "gpt-3.5-turbo-instruct", Context: 4096, MaxOutput: 4096, PriceIn: 1.50, PriceOut: 2.00, Encoding: encCl100k},
	{Name: "gpt-4", Context: 8192, MaxOutput: 8192, PriceIn: 30, PriceOut: 60, Encoding: encCl100k},
	{Name: "gpt-4-32k", Context: 32768, MaxOutput: 8192, PriceIn: 60, PriceOut: 120, Encoding: encCl100k},
	{Name: "gpt-4-turbo", Context: 128000, MaxOutput: 4096, PriceIn: 10, PriceOut: 30, Encoding: encCl100k},
	{Name: "gpt-4o", Context: 128000, MaxOutput: 16384, PriceIn: 2.50, PriceOut: 10, Encoding: encO200k},
	// The first gpt-4o snapshot kept the launch price and a 4k output cap.
	{Name: "gpt-4o-2024-05-13", Context: 128000, MaxOutput: 4096, PriceIn: 5, PriceOut: 15, Encoding: encO200k},
	{Name: "gpt-4o-mini", Context: 128000, MaxOutput: 16384, PriceIn: 0.15, PriceOut: 0.60, Encoding: encO200k},
	{Name: "gpt-4.1", Context: 1047576, MaxOutput: 32768, PriceIn: 2, PriceOut: 8, Encoding: encO200k},
	{Name: "gpt-4.1-mini", Context: 1047576, MaxOutput: 32768, PriceIn: 0.40, PriceOut: 1.60, Encoding: encO200k},
	{Name: "gpt-4.1-nano", Context: 1047576, MaxOutput: 32768, PriceIn: 0.10, PriceOut: 0.40, Encoding: encO200k},
	{Name: "o1", Context: 200000, MaxOutput: 100000, PriceIn: 15, PriceOut: 60, Encoding: encO200k, Reasoning: true},
	{Name: "o1-preview", Context: 128000, MaxOutput: 32768, PriceIn: 15, PriceOut: 60, Encoding: encO200k, Reasoning: true},
	{Name: "o1-mini", Context: 128000, MaxOutput: 65536, PriceIn: 1.10, PriceOut: 4.40, Encoding: encO200k, Reasoning: true},
	{Name: "o1-pro", Context: 200000, MaxOutput: 100000, PriceIn: 150, PriceOut: 600, Encoding: encO200k, Reasoning: true},
	// o3 as repriced in June 2025 (it launched at $10/$40).
	{Name: "o3", Context: 200000, MaxOutput: 100000, PriceIn: 2, PriceOut: 8, Encoding: encO200k, Reasoning: true},
	{Name: "o3-mini", Context: 200000, MaxOutput: 100000, PriceIn: 1.10, PriceOut: 4.40, Encoding: encO200k, Reasoning: true},
	{Name: "o3-pro", Context: 200000, MaxOutput: 100000, PriceIn: 20, PriceOut: 80, Encoding: encO200k, Reasoning: true},
	{Name: "o4-mini", Context: 200000, MaxOutput: 100000, PriceIn: 1.10, PriceOut: 4.40, Encoding: encO200k, Reasoning: true},
	{Name: "gpt-5", Context: 400000, MaxOutput: 128000, PriceIn: 1.25, PriceOut: 10, Encoding: encO200k, Reasoning: true},
	{Name: "gpt-5-mini", Context: 400000, MaxOutput: 128000, PriceIn: 0.25, PriceOut: 2, Encoding: encO200k, Reasoning: true},
	{Name: "gpt-5-nano", Context: 400000, MaxOutput: 128000, PriceIn: 0.05, PriceOut: 0.40, Encoding: encO200k, Reasoning: true},
	{Name: "gpt-5-pro", Context: 400000, MaxOutput: 272000, PriceIn: 15, PriceOut: 120, Encoding: encO200k, Reasoning: true},
}

// aliases are other spellings of a family: Azure's name for gpt-3.5-turbo
// and the preview snapshots of gpt-4-turbo, which would otherwise resolve
// to gpt-4 by prefix.
var aliases = map[string]string{
	"gpt-35-turbo":         "gpt-3.5-turbo",
	"gpt-4-turbo-preview":  "gpt-4-turbo",
	"gpt-4-1106-preview":   "gpt-4-turbo",
	"gpt-4-0125-preview":   "gpt-4-turbo",
	"gpt-4-vision-preview": "gpt-4-turbo",
}

// LookupModel says what brief knows about the model name. It matches
// case-insensitively by the longest known prefix that ends on a family
// boundary, so dated snapshots ("gpt-4o-2024-08-06") and tags
// ("gpt-4o:latest") resolve to their family while "gpt-4o-mini" never
// takes gpt-4o's numbers and "gpt-4.5" is not gpt-4. A provider prefix
// ("openai/gpt-4o-mini") is dropped. An unknown name gets DefaultContext
// and cl100k_base, and no price.
func LookupModel(name string) Model {
	n := strings.ToLower(strings.TrimSpace(name))
	if i := strings.LastIndex(n, "/"); i >= 0 {
		n = n[i+1:]
	}
	best := ""
	for _, m := range knownModels {
		if len(m.Name) > len(best) && familyPrefix(n, m.Name) {
			best = m.Name
		}
	}
	bestAlias := ""
	for a := range aliases {
		if len(a) > len(bestAlias) && familyPrefix(n, a) {
			bestAlias = a
		}
	}
	if len(bestAlias) > len(best) {
		best = aliases[bestAlias]
	}
	for _, m := range knownModels {
		if m.Name == best {
			m.Known = true
			m.Priced = true
			return m
		}
	}
	return Model{Context: DefaultContext, Encoding: encCl100k}
}

// familyPrefix reports whether name is family or starts with it followed
// by a separator. A letter, digit or '.' continues the name instead:
// "gpt-4o" and "gpt-4.1" are not snapshots of "gpt-4".
func familyPrefix(name, family string) bool {
	if !strings.HasPrefix(name, family) {
		return false
	}
	if len(name) == len(family) {
		return true
	}
	switch name[len(family)] {
	case '-', ':', '@', '_':
		return true
	}
	return false
}

// IsReasoning reports whether name is a reasoning model (see
// Model.Reasoning).
func IsReasoning(name string) bool {
	return LookupModel(name).Reasoning
}

// Cost is the price in USD of in input and out output tokens; ok is false
// when the model has no price, so that a caller prints "unknown" rather
// than a cost of $0.
func (m Model) Cost(in, out int) (usd float64, ok bool) {
	if !m.Priced {
		return 0, false
	}
	return (float64(in)*m.PriceIn + float64(out)*m.PriceOut) / 1e6, true
}
