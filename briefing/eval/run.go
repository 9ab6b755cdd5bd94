package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/brieftool/brief/internal/fsname"

	"github.com/brieftool/brief/briefing/rouge"
	"github.com/brieftool/brief/internal/atomicfile"
)

// SummarizeFunc writes the summary of one cluster as plain text, one
// sentence per line (ROUGE-L treats lines as sentences). It is called from
// several goroutines at once.
type SummarizeFunc func(ctx context.Context, c Cluster) (string, error)

// Options control a Run.
type Options struct {
	// Words is the DUC length limit applied to summaries and references
	// before scoring: 250 for the DUC 2007 main task, 100 for the update
	// task. 0 scores whole texts.
	Words int
	// Stem turns on ROUGE stemming (-m). DUC scored with it, so callers
	// should set it unless they are reproducing an unstemmed result.
	Stem bool
	// Save, when not empty, is a directory that receives each summary as
	// <cluster id>.txt, for inspection or for scoring with ROUGE-1.5.5.
	Save string
	// Workers is how many clusters are summarized at once; 0 means
	// GOMAXPROCS.
	Workers int
}

// Status says what became of a cluster in a run.
type Status string

const (
	StatusScored  Status = "scored"
	StatusSkipped Status = "skipped" // no references to score against
	StatusFailed  Status = "failed"
)

// ClusterScore is the outcome for one cluster.
type ClusterScore struct {
	ID     string
	Status Status
	// Words counts the whitespace-separated words of the summary as the
	// summarizer returned it, before the Options.Words limit cut it.
	Words   int
	Scores  rouge.Result
	Err     error
	Elapsed time.Duration
}

// Report is the outcome of a Run, in input order.
type Report struct {
	Clusters []ClusterScore
	// Mean is the arithmetic mean over scored clusters, as DUC averaged
	// per-topic scores.
	Mean                    rouge.Result
	Scored, Skipped, Failed int
	// Words and Stem repeat the options the scores were taken with.
	Words int
	Stem  bool
}

// Run summarizes and scores every cluster. Clusters run in parallel but
// the report keeps input order. A summarizer error marks that cluster
// failed and the run goes on; failed clusters are left out of the mean.
// A cluster without references is skipped; it is still summarized when
// o.Save is set, so the saved directory covers the whole input. Run
// returns an error only when ctx is done or the Save directory cannot be
// created.
func Run(ctx context.Context, clusters []Cluster, sum SummarizeFunc, o Options) (*Report, error) {
	if sum == nil {
		return nil, errors.New("eval: nil summarizer")
	}
	if o.Save != "" {
		if err := os.MkdirAll(o.Save, 0o755); err != nil {
			return nil, fmt.Errorf("creating the summary directory: %w", err)
		}
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(clusters))

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make([]ClusterScore, len(clusters))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				// select below may still hand out work after a cancel,
				// when both of its cases are ready.
				if ctx.Err() != nil {
					continue
				}
				results[i] = runOne(ctx, clusters[i], sum, o)
			}
		})
	}
feed:
	for i := range clusters {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	r := &Report{Clusters: results, Words: o.Words, Stem: o.Stem}
	for _, c := range results {
		switch c.Status {
		case StatusScored:
			r.Scored++
			addResult(&r.Mean, c.Scores)
		case StatusSkipped:
			r.Skipped++
		case StatusFailed:
			r.Failed++
		}
	}
	if r.Scored > 0 {
		scaleResult(&r.Mean, 1/float64(r.Scored))
	}
	return r, nil
}

func runOne(ctx context.Context, c Cluster, sum SummarizeFunc, o Options) ClusterScore {
	cs := ClusterScore{ID: c.ID}
	if len(c.References) == 0 && o.Save == "" {
		cs.Status = StatusSkipped
		return cs
	}
	start := time.Now()
	text, err := sum(ctx, c)
	cs.Elapsed = time.Since(start)
	if err == nil && ctx.Err() == nil && o.Save != "" {
		err = saveSummary(o.Save, c.ID, text)
	}
	if err != nil {
		cs.Status, cs.Err = StatusFailed, err
		return cs
	}
	cs.Words = rouge.CountWords(text)
	if len(c.References) == 0 {
		cs.Status = StatusSkipped
		return cs
	}
	cs.Status = StatusScored
	cs.Scores = rouge.Evaluate(text, c.References, rouge.Options{WordLimit: o.Words, Stem: o.Stem})
	return cs
}

func saveSummary(dir, id, text string) error {
	path := filepath.Join(dir, SafeFileName(id)+".txt")
	err := atomicfile.Write(path, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		if err == nil && text != "" && !strings.HasSuffix(text, "\n") {
			_, err = io.WriteString(w, "\n")
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("saving the summary: %w", err)
	}
	return nil
}

// SafeFileName maps a cluster id to a file name that stays inside the
// save directory on every OS: only letters, digits, '.', '-' and '_' are
// kept, and a name of dots alone (".", "..") is rewritten. Distinct DUC ids
// stay distinct, since they use only kept characters.
func SafeFileName(id string) string { return fsname.Safe(id) }

func addResult(dst *rouge.Result, r rouge.Result) {
	for _, p := range [...]struct{ d, s *rouge.Score }{{&dst.R1, &r.R1}, {&dst.R2, &r.R2}, {&dst.RL, &r.RL}} {
		p.d.Recall += p.s.Recall
		p.d.Precision += p.s.Precision
		p.d.F1 += p.s.F1
	}
}

func scaleResult(r *rouge.Result, f float64) {
	for _, s := range [...]*rouge.Score{&r.R1, &r.R2, &r.RL} {
		s.Recall *= f
		s.Precision *= f
		s.F1 *= f
	}
}
