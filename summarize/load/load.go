package load

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
)

// Each reads every input and calls doc for each document and fail for each
// problem. Both are called from the calling goroutine, in a deterministic
// order: input order; directory entries sorted by name, recursively;
// records in file order; feed items in feed order.
//
// Inputs are read concurrently (at most Options.Workers at a time) but
// delivered in order, with a bounded look-ahead so that a huge JSON-lines
// file streams through in constant memory.
//
// If doc returns an error, Each stops and returns it. When ctx is done,
// Each returns ctx.Err() at once; reads still in flight finish in the
// background and their results are dropped. fail may be nil.
func Each(ctx context.Context, inputs []string, opts Options, doc func(Document) error, fail func(*InputError)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	l := newLoader(opts)
	queue := make(chan chan []item, 2*l.opts.Workers)
	go l.dispatch(ctx, inputs, queue)

	ids := make(idSet)
	over := articleCap{limit: l.opts.MaxArticles}
	report := func() {
		if e := over.flush(); e != nil && fail != nil {
			fail(e)
		}
	}
	for {
		var out chan []item
		select {
		case <-ctx.Done():
			return ctx.Err()
		case o, ok := <-queue:
			if !ok {
				report()
				return ctx.Err()
			}
			out = o
		}
		var items []item
		select {
		case <-ctx.Done():
			return ctx.Err()
		case items = <-out:
		}
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			if it.err != nil {
				if fail != nil {
					fail(it.err)
				}
				continue
			}
			d := *it.doc
			if over.input != "" && over.input != d.Input {
				report()
			}
			if !over.admit(&d) {
				continue
			}
			d.ID = ids.unique(d.ID)
			if err := doc(d); err != nil {
				return err
			}
		}
	}
}

// Load collects Each's output. If ctx ends early, the documents read so far
// are returned and the last error says that loading was interrupted.
func Load(ctx context.Context, inputs []string, opts Options) ([]Document, []*InputError) {
	var docs []Document
	var errs []*InputError
	err := Each(ctx, inputs, opts, func(d Document) error {
		docs = append(docs, d)
		return nil
	}, func(e *InputError) {
		errs = append(errs, e)
	})
	if err != nil {
		errs = append(errs, &InputError{Input: "loading", Err: err})
	}
	return docs, errs
}

// item is one delivery: a document or a problem.
type item struct {
	doc *Document
	err *InputError
}

func docItem(d Document) item { return item{doc: &d} }

func errItem(input string, err error) item {
	return item{err: &InputError{Input: input, Err: err}}
}

// idSet makes IDs unique in delivery order, which is deterministic, so the
// same inputs always get the same IDs.
type idSet map[string]int

func (s idSet) unique(id string) string {
	n, seen := s[id]
	if !seen {
		s[id] = 1
		return id
	}
	for {
		n++
		cand := id + "~" + strconv.Itoa(n)
		if _, taken := s[cand]; !taken {
			s[id] = n
			s[cand] = 1
			return cand
		}
	}
}

// loader carries the resolved options of one Each call; it holds no state
// that changes while inputs are read, so jobs may share it freely.
type loader struct {
	opts   Options
	client *http.Client
}

func newLoader(opts Options) *loader {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.FeedMaxBytes <= 0 {
		opts.FeedMaxBytes = DefaultFeedMaxBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.TeaserWords <= 0 {
		opts.TeaserWords = DefaultTeaserWords
	}
	if opts.MaxArticles <= 0 {
		opts.MaxArticles = DefaultMaxArticles
	}
	if opts.MaxLineBytes <= 0 {
		opts.MaxLineBytes = DefaultMaxLineBytes
	}
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = DefaultMaxDepth
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	return &loader{opts: opts, client: httpClient(opts.Client)}
}

// dispatcher turns sources into jobs. Each job's result channel is queued
// in delivery order before the job starts, and the queue's capacity bounds
// how far reading may run ahead of delivery.
type dispatcher struct {
	ctx   context.Context
	queue chan<- chan []item
	sem   chan struct{}
}

// run queues a job and starts it once a worker slot is free. It reports
// false when ctx is done and nothing more should be queued.
func (d *dispatcher) run(name string, job func() []item) bool {
	out := make(chan []item, 1)
	select {
	case d.queue <- out:
	case <-d.ctx.Done():
		return false
	}
	select {
	case d.sem <- struct{}{}:
	case <-d.ctx.Done():
		return false
	}
	go func() {
		defer func() { <-d.sem }()
		out <- guard(name, job)
	}()
	return true
}

// now queues results that need no work.
func (d *dispatcher) now(items ...item) bool {
	out := make(chan []item, 1)
	out <- items
	select {
	case d.queue <- out:
		return true
	case <-d.ctx.Done():
		return false
	}
}

// guard turns a panic in a third-party parser into an error for that input,
// so one hostile file cannot take the whole run down.
func guard(name string, job func() []item) (items []item) {
	defer func() {
		if r := recover(); r != nil {
			items = []item{errItem(name, fmt.Errorf("internal error while reading: %v", r))}
		}
	}()
	return job()
}

func (l *loader) dispatch(ctx context.Context, inputs []string, queue chan<- chan []item) {
	defer close(queue)
	d := &dispatcher{ctx: ctx, queue: queue, sem: make(chan struct{}, l.opts.Workers)}
	sources := expandInputs(ctx, inputs)
	assignFileIDs(sources)
	stdinUsed := false
	for _, src := range sources {
		if ctx.Err() != nil {
			return
		}
		if !l.dispatchSource(d, src, &stdinUsed) {
			return
		}
	}
}

// dispatchSource queues the jobs for one source. Containers are cut into
// records here, so a panic here is caught too: the source is reported and
// the others go on.
func (l *loader) dispatchSource(d *dispatcher, src source, stdinUsed *bool) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = d.now(errItem(src.name, fmt.Errorf("internal error while reading: %v", r)))
		}
	}()
	switch src.kind {
	case srcError:
		return d.now(errItem(src.name, src.err))
	case srcURL:
		return d.run(src.name, func() []item { return l.readURL(d.ctx, src) })
	case srcStdin:
		if *stdinUsed {
			return d.now(errItem(src.name, errStdinTwice))
		}
		*stdinUsed = true
		return l.readStream(d, src, io.NopCloser(l.opts.Stdin), kindUnknown, -1)
	}
	return l.dispatchFile(d, src)
}
