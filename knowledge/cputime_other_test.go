//go:build !unix

package knowledge

import "time"

// cpuTime is 0 where the process's CPU time is not read: the benchmarks
// report wall-clock time only.
func cpuTime() time.Duration { return 0 }
