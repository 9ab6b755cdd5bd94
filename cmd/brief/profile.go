package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/urfave/cli/v2"
)

// startProfile honours the hidden --cpuprofile flag, used to measure the
// pipeline on real corpora (see bench/).
func startProfile(c *cli.Context) error {
	path := c.String("cpuprofile")
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	return nil
}

func stopProfile(c *cli.Context) error {
	if c.String("cpuprofile") != "" {
		pprof.StopCPUProfile()
	}
	return nil
}
