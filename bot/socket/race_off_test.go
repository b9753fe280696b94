//go:build !race

package socket

// raceEnabled is whether the race detector is on; it makes sync.Pool drop
// items at random, so allocation counts differ.
const raceEnabled = false
