// Package idlemem hands memory the Go heap has freed back to the
// operating system once a process has gone quiet after work.
//
// After a garbage collection the runtime keeps freed heap pages for a
// while (up to about the next cycle's heap goal), so that a busy process
// does not give pages back only to fault them in again. A hirebot
// replica is busy in bursts and idle in between; replicas are packed many
// to a node, and an idle one should not sit on the pages its last burst
// freed. Watcher samples how much the process has allocated and, when a
// burst of work has been followed by a quiet spell, collects garbage and
// returns the freed pages once (debug.FreeOSMemory), which costs a few
// milliseconds and nothing while work goes on.
package idlemem

import (
	"context"
	"log/slog"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// Config says when a process counts as quiet after work.
type Config struct {
	// Every is how often the allocations are sampled.
	Every time.Duration
	// Quiet is how many samples in a row must each have allocated at most
	// IdleBytes for the process to count as quiet.
	Quiet     int
	IdleBytes uint64
	// WorkBytes is how much must have been allocated since the last
	// return for another one to be worth making.
	WorkBytes uint64
}

// Default is the configuration hirebot serves with: quiet after three
// seconds in which each second allocated at most 256 KiB (pings and the
// once-a-second sweeps allocate far less), after at least 16 MiB of work.
var Default = Config{Every: time.Second, Quiet: 3, IdleBytes: 256 << 10, WorkBytes: 16 << 20}

// Watcher decides when to return memory; Run drives it.
type Watcher struct {
	cfg Config
	// allocated reads the bytes allocated since the process began;
	// release returns the freed pages.
	allocated func() uint64
	release   func()
	log       *slog.Logger

	last     uint64 // allocated at the last sample
	returned uint64 // allocated at the last return
	quiet    int    // quiet samples in a row
}

// New returns a Watcher of this process's heap.
func New(cfg Config, log *slog.Logger) *Watcher {
	return newWatcher(cfg, heapAllocated, debug.FreeOSMemory, log)
}

// newWatcher returns a Watcher with its sources given.
func newWatcher(cfg Config, allocated func() uint64, release func(), log *slog.Logger) *Watcher {
	a := allocated()
	return &Watcher{cfg: cfg, allocated: allocated, release: release, log: log, last: a, returned: a}
}

// Run samples every cfg.Every until ctx is done.
func (w *Watcher) Run(ctx context.Context) {
	t := time.NewTicker(w.cfg.Every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			w.Sample()
		}
	}
}

// Sample takes one sample and returns memory if the process has just
// become quiet after enough work. It reports whether it did.
func (w *Watcher) Sample() bool {
	now := w.allocated()
	if now-w.last <= w.cfg.IdleBytes {
		w.quiet++
	} else {
		w.quiet = 0
	}
	w.last = now
	if w.quiet < w.cfg.Quiet || now-w.returned < w.cfg.WorkBytes {
		return false
	}
	start := time.Now()
	w.release()
	w.returned = w.allocated()
	w.last = w.returned
	w.log.Debug("returned freed memory to the OS", "took", time.Since(start))
	return true
}

// heapAllocated reads the bytes the Go heap has allocated in all.
func heapAllocated() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
