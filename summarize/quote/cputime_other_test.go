//go:build !unix

package quote

import "time"

// processCPU is unavailable here; the benchmarks then report zero CPU time
// and wall time is all there is.
func processCPU() time.Duration { return 0 }
