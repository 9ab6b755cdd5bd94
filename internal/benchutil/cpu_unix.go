//go:build unix

// Package benchutil holds what the benchmarks of several packages share.
package benchutil

import (
	"syscall"
	"time"
)

// ProcessCPU is the user plus system CPU time this process has used.
// Benchmarks report it per op because on a shared machine wall time says
// more about the neighbours than about the code measured.
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
