//go:build loadprobe

package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// startMemProbe, in a binary built with -tags loadprobe for the load
// test's memory run (and never in a release), collects garbage on each
// SIGUSR1 and prints "MEM <VmRSS> <VmHWM> <HeapInuse> <goroutines>
// <RssAnon> <RssFile>" (bytes) to stdout.
func startMemProbe() {
	usr1 := make(chan os.Signal, 1)
	signal.Notify(usr1, syscall.SIGUSR1)
	go func() {
		for range usr1 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			st := procStatusFields()
			fmt.Printf("MEM %d %d %d %d %d %d\n", st["VmRSS"], st["VmHWM"], ms.HeapInuse, runtime.NumGoroutine(), st["RssAnon"], st["RssFile"])
		}
	}()
}

// procStatusFields returns the size fields of /proc/self/status, in bytes.
func procStatusFields() map[string]uint64 {
	out := map[string]uint64{}
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for line := range strings.Lines(string(b)) {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		if kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64); err == nil {
			out[k] = kb << 10
		}
	}
	return out
}
