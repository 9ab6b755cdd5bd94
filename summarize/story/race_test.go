//go:build race

package story

// raceEnabled trims the slowest tests, which the race detector makes ten
// times slower without finding more.
const raceEnabled = true
