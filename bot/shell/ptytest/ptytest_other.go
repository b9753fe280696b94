//go:build !linux

// Package ptytest opens pseudo-terminals for tests of code that needs a
// real terminal (raw mode, line editing) where no person types.
package ptytest

import (
	"os"
	"testing"
)

// MustOpen skips the test: pseudo-terminals are opened on Linux only.
func MustOpen(tb testing.TB) (term, keyboard *os.File) {
	tb.Helper()
	tb.Skip("pseudo-terminal tests run on Linux only")
	return nil, nil
}

// Canonical skips the test: pseudo-terminals are opened on Linux only.
func Canonical(tb testing.TB, f *os.File) bool {
	tb.Helper()
	tb.Skip("pseudo-terminal tests run on Linux only")
	return false
}

// Resize skips the test: pseudo-terminals are opened on Linux only.
func Resize(tb testing.TB, term *os.File, cols, rows int) {
	tb.Helper()
	tb.Skip("pseudo-terminal tests run on Linux only")
}
