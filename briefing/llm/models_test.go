package llm

import (
	"math"
	"testing"
)

func TestLookupModel(t *testing.T) {
	tests := []struct {
		name      string
		family    string
		context   int
		priceIn   float64
		priceOut  float64
		encoding  string
		reasoning bool
	}{
		{"gpt-4o-mini", "gpt-4o-mini", 128000, 0.15, 0.60, "o200k_base", false},
		{"gpt-4o-mini-2024-07-18", "gpt-4o-mini", 128000, 0.15, 0.60, "o200k_base", false},
		{"GPT-4o-Mini", "gpt-4o-mini", 128000, 0.15, 0.60, "o200k_base", false},
		{"openai/gpt-4o-mini", "gpt-4o-mini", 128000, 0.15, 0.60, "o200k_base", false},
		{"openrouter/openai/gpt-4o", "gpt-4o", 128000, 2.50, 10, "o200k_base", false},
		{"gpt-4o", "gpt-4o", 128000, 2.50, 10, "o200k_base", false},
		{"gpt-4o-2024-08-06", "gpt-4o", 128000, 2.50, 10, "o200k_base", false},
		{"gpt-4o-2024-05-13", "gpt-4o-2024-05-13", 128000, 5, 15, "o200k_base", false},
		{" gpt-4o:latest ", "gpt-4o", 128000, 2.50, 10, "o200k_base", false},
		{"gpt-4", "gpt-4", 8192, 30, 60, "cl100k_base", false},
		{"gpt-4-0613", "gpt-4", 8192, 30, 60, "cl100k_base", false},
		{"gpt-4-turbo-2024-04-09", "gpt-4-turbo", 128000, 10, 30, "cl100k_base", false},
		{"gpt-4-1106-preview", "gpt-4-turbo", 128000, 10, 30, "cl100k_base", false},
		{"gpt-3.5-turbo-0125", "gpt-3.5-turbo", 16385, 0.50, 1.50, "cl100k_base", false},
		{"gpt-35-turbo", "gpt-3.5-turbo", 16385, 0.50, 1.50, "cl100k_base", false},
		{"gpt-4.1", "gpt-4.1", 1047576, 2, 8, "o200k_base", false},
		{"gpt-4.1-2025-04-14", "gpt-4.1", 1047576, 2, 8, "o200k_base", false},
		{"gpt-4.1-mini", "gpt-4.1-mini", 1047576, 0.40, 1.60, "o200k_base", false},
		{"gpt-4.1-nano-2025-04-14", "gpt-4.1-nano", 1047576, 0.10, 0.40, "o200k_base", false},
		{"o1", "o1", 200000, 15, 60, "o200k_base", true},
		{"o1-2024-12-17", "o1", 200000, 15, 60, "o200k_base", true},
		{"o1-mini", "o1-mini", 128000, 1.10, 4.40, "o200k_base", true},
		{"o3", "o3", 200000, 2, 8, "o200k_base", true},
		{"o3-pro", "o3-pro", 200000, 20, 80, "o200k_base", true},
		{"o3-mini-2025-01-31", "o3-mini", 200000, 1.10, 4.40, "o200k_base", true},
		{"o4-mini", "o4-mini", 200000, 1.10, 4.40, "o200k_base", true},
		{"gpt-5", "gpt-5", 400000, 1.25, 10, "o200k_base", true},
		{"gpt-5-2025-08-07", "gpt-5", 400000, 1.25, 10, "o200k_base", true},
		{"gpt-5-mini", "gpt-5-mini", 400000, 0.25, 2, "o200k_base", true},
		{"gpt-5-nano", "gpt-5-nano", 400000, 0.05, 0.40, "o200k_base", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := LookupModel(tt.name)
			if !m.Known || !m.Priced {
				t.Fatalf("LookupModel(%q) = %+v, want known and priced", tt.name, m)
			}
			if m.Name != tt.family || m.Context != tt.context || m.PriceIn != tt.priceIn ||
				m.PriceOut != tt.priceOut || m.Encoding != tt.encoding || m.Reasoning != tt.reasoning {
				t.Errorf("LookupModel(%q) = %+v, want family %s, context %d, $%g/$%g, %s, reasoning %v",
					tt.name, m, tt.family, tt.context, tt.priceIn, tt.priceOut, tt.encoding, tt.reasoning)
			}
			if m.MaxOutput <= 0 || m.MaxOutput > m.Context {
				t.Errorf("LookupModel(%q).MaxOutput = %d, want in (0, %d]", tt.name, m.MaxOutput, m.Context)
			}
			if got := IsReasoning(tt.name); got != tt.reasoning {
				t.Errorf("IsReasoning(%q) = %v, want %v", tt.name, got, tt.reasoning)
			}
		})
	}
}

func TestLookupModelUnknown(t *testing.T) {
	// Names that share a prefix with a family but are not on a family
	// boundary must not borrow its numbers.
	for _, name := range []string{
		"llama3.1:8b", "qwen2.5", "mistral", "", "gpt-4.5-preview", "gpt-4x",
		"o10", "gpt-5x", "chatgpt-4o-latest", "gpt", "o",
	} {
		t.Run(name, func(t *testing.T) {
			m := LookupModel(name)
			want := Model{Context: DefaultContext, Encoding: "cl100k_base"}
			if m != want {
				t.Errorf("LookupModel(%q) = %+v, want %+v", name, m, want)
			}
			if _, ok := m.Cost(1000, 1000); ok {
				t.Errorf("LookupModel(%q).Cost ok = true for an unpriced model", name)
			}
			if IsReasoning(name) {
				t.Errorf("IsReasoning(%q) = true", name)
			}
		})
	}
}

func TestModelTableConsistent(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range knownModels {
		if seen[m.Name] {
			t.Errorf("family %q listed twice", m.Name)
		}
		seen[m.Name] = true
		if m.Context <= 0 || m.MaxOutput <= 0 || m.PriceIn <= 0 || m.PriceOut <= 0 {
			t.Errorf("family %q has a zero field: %+v", m.Name, m)
		}
		if m.Encoding != "o200k_base" && m.Encoding != "cl100k_base" {
			t.Errorf("family %q: encoding %q", m.Name, m.Encoding)
		}
		if got := LookupModel(m.Name); got.Name != m.Name {
			t.Errorf("LookupModel(%q).Name = %q", m.Name, got.Name)
		}
	}
	for alias, family := range aliases {
		if !seen[family] {
			t.Errorf("alias %q names unknown family %q", alias, family)
		}
	}
}

func TestCost(t *testing.T) {
	m := LookupModel("gpt-4o-mini")
	usd, ok := m.Cost(1_000_000, 500_000)
	if !ok || math.Abs(usd-(0.15+0.30)) > 1e-9 {
		t.Errorf("Cost(1M, 500k) = %v, %v; want 0.45, true", usd, ok)
	}
	if usd, ok := m.Cost(0, 0); !ok || usd != 0 {
		t.Errorf("Cost(0, 0) = %v, %v; want 0, true", usd, ok)
	}

	// A price given on the command line makes an unknown model priced.
	local := LookupModel("llama3.1:8b")
	local.PriceIn, local.PriceOut, local.Priced = 1, 2, true
	if usd, ok := local.Cost(2_000_000, 1_000_000); !ok || math.Abs(usd-4) > 1e-9 {
		t.Errorf("overridden Cost = %v, %v; want 4, true", usd, ok)
	}
}
