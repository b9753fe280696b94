package idlemem

import (
	"context"
	"io"
	"log/slog"
	"runtime"
	"testing"
	"time"
)

// TestSample feeds a Watcher allocation counts one sample at a time and
// checks when it returns memory.
func TestSample(t *testing.T) {
	cfg := Config{Quiet: 3, IdleBytes: 100, WorkBytes: 1000}
	tests := []struct {
		name  string
		steps []uint64 // bytes allocated between samples
		want  []bool   // whether each sample returned memory
	}{
		{"never worked", []uint64{0, 0, 0, 0, 0}, []bool{false, false, false, false, false}},
		{"work then quiet", []uint64{2000, 10, 10, 10, 10}, []bool{false, false, false, true, false}},
		{"work in small steps, then quiet", []uint64{500, 500, 500, 0, 0, 0}, []bool{false, false, false, false, false, true}},
		{"a burst resets the quiet count", []uint64{2000, 0, 0, 150, 0, 0, 0}, []bool{false, false, false, false, false, false, true}},
		{"too little work since the last return", []uint64{2000, 0, 0, 0, 500, 0, 0, 0}, []bool{false, false, false, true, false, false, false, false}},
		{"work again after a return", []uint64{2000, 0, 0, 0, 2000, 0, 0, 0}, []bool{false, false, false, true, false, false, false, true}},
		{"quiet but steadily busy under the threshold", []uint64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, []bool{false, false, false, false, false, false, false, false, false, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var total uint64
			releases := 0
			w := newWatcher(cfg, func() uint64 { return total }, func() { releases++ }, slog.New(slog.NewTextHandler(io.Discard, nil)))
			for i, step := range tt.steps {
				total += step
				if got := w.Sample(); got != tt.want[i] {
					t.Fatalf("sample %d (after %d more bytes): returned %v, want %v", i, step, got, tt.want[i])
				}
			}
			want := 0
			for _, r := range tt.want {
				if r {
					want++
				}
			}
			if releases != want {
				t.Errorf("released %d times, want %d", releases, want)
			}
		})
	}
}

// TestReturnsFreedPages runs the real Watcher on this process: after a
// burst of garbage and a quiet spell, the heap's freed pages go back to
// the operating system.
func TestReturnsFreedPages(t *testing.T) {
	var garbage [][]byte
	for range 64 {
		garbage = append(garbage, make([]byte, 1<<20))
	}
	garbage = nil
	runtime.GC()
	w := New(Config{Every: time.Millisecond, Quiet: 1, IdleBytes: 1 << 20, WorkBytes: 32 << 20}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	w.returned = 0 // count the garbage above as work
	if !w.Sample() {
		t.Fatal("a quiet sample after 64 MiB of garbage did not return memory")
	}
	// The burst's pages are back with the OS: at least three quarters of
	// its 64 MiB released. (Not "nothing idle left": the race detector
	// and the test runner may free a page or two meanwhile.)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapReleased < 48<<20 {
		t.Errorf("the heap has released %d bytes; want the 64 MiB burst's pages (at least 48 MiB) returned, %d still idle", ms.HeapReleased, ms.HeapIdle-ms.HeapReleased)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w.Run(ctx) // returns at once once ctx is done
}
