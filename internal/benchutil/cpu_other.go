//go:build !unix

// Package benchutil holds what the benchmarks of several packages share.
package benchutil

import "time"

// ProcessCPU is unknown off unix; benchmarks then report zero CPU time.
func ProcessCPU() time.Duration { return 0 }
