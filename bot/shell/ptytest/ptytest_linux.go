// Package ptytest opens pseudo-terminals for tests of code that needs a
// real terminal (raw mode, line editing) where no person types.
package ptytest

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

// MustOpen opens a pseudo-terminal and returns its two ends: term is the
// terminal a program reads keys from and writes to, keyboard is the other
// end, where a test types and reads the screen. Both are closed when the
// test ends. It skips the test where the system has no pseudo-terminals.
func MustOpen(tb testing.TB) (term, keyboard *os.File) {
	tb.Helper()
	keyboard, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		tb.Skipf("no pseudo-terminals here: %v", err)
	}
	tb.Cleanup(func() { keyboard.Close() })
	fd := int(keyboard.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		tb.Fatalf("unlock the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetUint32(fd, unix.TIOCGPTN)
	if err != nil {
		tb.Fatalf("number of the pseudo-terminal: %v", err)
	}
	term, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		tb.Fatalf("open the pseudo-terminal: %v", err)
	}
	tb.Cleanup(func() { term.Close() })
	return term, keyboard
}

// Canonical reports whether f, a terminal, is in canonical (cooked) mode:
// the mode a shell leaves it in, with line editing by the kernel and echo.
// Raw mode turns both off.
func Canonical(tb testing.TB, f *os.File) bool {
	tb.Helper()
	t, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	if err != nil {
		tb.Fatalf("terminal settings: %v", err)
	}
	return t.Lflag&unix.ICANON != 0 && t.Lflag&unix.ECHO != 0
}

// Resize sets the size of the terminal term, as a window resize does.
func Resize(tb testing.TB, term *os.File, cols, rows int) {
	tb.Helper()
	ws := &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}
	if err := unix.IoctlSetWinsize(int(term.Fd()), unix.TIOCSWINSZ, ws); err != nil {
		tb.Fatalf("resize the terminal: %v", err)
	}
}
