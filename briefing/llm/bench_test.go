package llm_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/brieftool/brief/briefing"
	"github.com/brieftool/brief/briefing/eval"
	"github.com/brieftool/brief/briefing/llm"
	"github.com/brieftool/brief/briefing/llm/openai"
	"github.com/brieftool/brief/internal/llmtest"
	"github.com/brieftool/brief/summarize"
	"github.com/brieftool/brief/summarize/facts"
)

// BenchmarkWriteSeeds is the backend's own cost on the seeds: prompt,
// token count, one request to a local fake server, parsing, evidence
// search and the citation check. A real model's time is on top.
func BenchmarkWriteSeeds(b *testing.B) {
	srv := llmtest.New(b, func(_ int, r llmtest.Request) llmtest.Reply {
		return llmtest.Reply{Content: llmtest.Faithful(r).JSON()}
	})
	req, err := seeds()
	if err != nil {
		b.Fatal(err)
	}
	bk := benchBackend(b, srv, 0)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := briefing.Compose(context.Background(), *req, briefing.ComposeOptions{Writer: bk, Verifier: verifier()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanDUC plans a 25-article DUC 2007 cluster for an 8k window:
// counting the tokens of the whole fact table and cutting it into parts.
func BenchmarkPlanDUC(b *testing.B) {
	var path string
	for _, p := range []string{filepath.Join("..", "..", "..", "shared", "bench", "duc2007", "duc2007_main.jsonl"), "/work/shared/bench/duc2007/duc2007_main.jsonl"} {
		if _, err := os.Stat(p); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		b.Skip("DUC 2007 data not found")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	clusters, _ := eval.ReadClusters(f, path)
	f.Close()
	p, err := summarize.NewPipeline()
	if err != nil {
		b.Fatal(err)
	}
	c, err := p.BuildDocuments(context.Background(), eval.Documents(clusters[0]), summarize.Options{})
	if err != nil {
		b.Fatal(err)
	}
	tab, err := facts.Build(context.Background(), c, facts.Options{})
	if err != nil {
		b.Fatal(err)
	}
	bk, err := llm.New(llm.Options{Model: "llama3.1:8b", Context: 8192, Check: verifier()})
	if err != nil {
		b.Fatal(err)
	}
	req := briefing.Request{Corpus: c, Table: tab, MinConfidence: 0.5}
	var plan *llm.Plan
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if plan, err = bk.Plan(req); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	tokens := 0
	for _, c := range plan.Calls {
		tokens += c.Tokens
	}
	b.ReportMetric(float64(plan.Parts), "parts")
	b.ReportMetric(float64(tokens), "prompt-tokens")
	b.ReportMetric(float64(len(c.Sources)), "sources")
}

func benchBackend(b *testing.B, srv *llmtest.Server, context int) *llm.Backend {
	b.Helper()
	zero := 0.0
	cl, err := openai.New(openai.Config{BaseURL: srv.BaseURL(), Model: "test-model", Temperature: &zero})
	if err != nil {
		b.Fatal(err)
	}
	bk, err := llm.New(llm.Options{Client: cl, Name: cl.Name(), Model: "test-model", Context: context, Check: verifier()})
	if err != nil {
		b.Fatal(err)
	}
	return bk
}
