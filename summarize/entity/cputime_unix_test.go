//go:build unix

package entity

import (
	"syscall"
	"time"
)

// processCPU is the user plus system CPU time this process has used. The
// benchmarks report it per op because on a shared machine wall time says
// more about the neighbours than about this package.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
