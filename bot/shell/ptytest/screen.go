package ptytest

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// Screen collects what a program writes to a pseudo-terminal, read from
// its keyboard end.
type Screen struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

// Watch reads keyboard until it is closed (MustOpen closes it when the test
// ends) and collects the bytes.
func Watch(keyboard *os.File) *Screen {
	s := &Screen{changed: make(chan struct{}, 1)}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := keyboard.Read(b)
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.mu.Unlock()
			select {
			case s.changed <- struct{}{}:
			default:
			}
			if err != nil {
				return
			}
		}
	}()
	return s
}

// String returns everything written so far, escapes and all.
func (s *Screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// WaitFor waits until the screen has shown text n times in all, and fails
// the test if that takes more than half a minute.
func (s *Screen) WaitFor(tb testing.TB, text string, n int) {
	tb.Helper()
	deadline := time.NewTimer(30 * time.Second)
	defer deadline.Stop()
	for strings.Count(s.String(), text) < n {
		select {
		case <-s.changed:
		case <-deadline.C:
			tb.Fatalf("the screen did not show %q %d times:\n%q", text, n, s.String())
		}
	}
}
