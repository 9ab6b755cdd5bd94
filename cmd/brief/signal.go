package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// notifySignals returns a context that SIGINT or SIGTERM cancels, so that
// the run stops and cleans up: temporary files removed, the old output
// left in place. A second signal before stop is called means the user will
// not wait for that cleanup: the process prints one line on errw and
// exits at once through exit. stop releases the signals, after which they
// act as they did before.
func notifySignals(parent context.Context, errw io.Writer, exit func(int)) (ctx context.Context, stop func()) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	ctx, stopWatch := watchSignals(parent, sigs, errw, exit)
	return ctx, func() {
		signal.Stop(sigs)
		stopWatch()
	}
}

// watchSignals is notifySignals with the signals coming from sigs.
func watchSignals(parent context.Context, sigs <-chan os.Signal, errw io.Writer, exit func(int)) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case <-sigs:
			cancel()
		case <-quit:
			return
		}
		select {
		case <-sigs:
			fmt.Fprintln(errw, "brief: interrupted again, exiting now")
			exit(exitFailure)
		case <-quit:
		}
	}()
	var once sync.Once
	return ctx, func() {
		once.Do(func() {
			close(quit)
			// Once stop returns, no signal of this run's can still reach
			// exit.
			<-done
			cancel()
		})
	}
}
