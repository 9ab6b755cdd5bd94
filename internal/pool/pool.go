// Package pool runs work on a bounded number of goroutines while keeping
// the order in which the input arrived, so results never depend on
// scheduling.
package pool

import (
	"context"
	"sync"
)

// Ordered calls work on every value feed emits, on n goroutines (at
// least 1), and returns the results in emission order. feed runs on the
// calling goroutine; emit blocks while all workers are busy (a bounded
// look-ahead, so a huge input streams through) and returns ctx.Err()
// once ctx is done. Ordered returns feed's error, after the values
// already emitted have been worked on.
func Ordered[T, R any](ctx context.Context, n int, feed func(emit func(T) error) error, work func(T) R) ([]R, error) {
	n = max(n, 1)
	type job struct {
		i int
		v T
	}
	var (
		mu  sync.Mutex
		out []R
		wg  sync.WaitGroup
	)
	jobs := make(chan job, n*4)
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := work(j.v)
				mu.Lock()
				out[j.i] = r
				mu.Unlock()
			}
		}()
	}
	count := 0
	err := feed(func(v T) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		mu.Lock()
		var zero R
		out = append(out, zero)
		mu.Unlock()
		select {
		case jobs <- job{count, v}:
		case <-ctx.Done():
			return ctx.Err()
		}
		count++
		return nil
	})
	close(jobs)
	wg.Wait()
	// A value appended but never sent (ctx ended) has no result.
	return out[:count], err
}

// Indexed calls work(i) for every i in [0, count) on n goroutines and
// returns the results by index. It stops handing out indexes once ctx is
// done, and then returns ctx.Err().
func Indexed[R any](ctx context.Context, n, count int, work func(i int) R) ([]R, error) {
	out, err := Ordered(ctx, n, func(emit func(int) error) error {
		for i := 0; i < count; i++ {
			if err := emit(i); err != nil {
				return err
			}
		}
		return nil
	}, work)
	if err == nil {
		err = ctx.Err()
	}
	return out, err
}
