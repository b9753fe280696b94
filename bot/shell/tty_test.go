package shell

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/hirebot/hirebot/bot/shell/ptytest"
)

// TestNewTerminalReader runs the line editor on a real (pseudo-)terminal:
// raw mode while the shell reads, lines wrapped at the terminal's width
// as it is now, the terminal as it was after restore.
func TestNewTerminalReader(t *testing.T) {
	tty, keyboard := ptytest.MustOpen(t)
	if !IsTerminal(tty, tty) {
		t.Fatal("a pseudo-terminal is not taken for a terminal")
	}
	if IsTerminal(tty, &bytes.Buffer{}) {
		t.Error("a terminal writing to a buffer is taken for a terminal")
	}
	if !ptytest.Canonical(t, tty) {
		t.Fatal("a new pseudo-terminal is not in canonical mode")
	}
	screen := ptytest.Watch(keyboard)

	term, restore, err := NewTerminalReader(tty, tty)
	if err != nil {
		t.Fatal(err)
	}
	defer restore()
	if ptytest.Canonical(t, tty) {
		t.Fatal("the terminal is not in raw mode")
	}
	type result struct {
		line string
		err  error
	}
	for _, step := range []struct {
		cols int // resize the terminal to this many columns first, if not 0
		keys string
		want result
	}{
		{0, "first" + enter, result{line: "first"}},
		{0, "abc" + keyC + up + enter, result{line: "first"}},
		{10, "abcdefghij" + enter, result{line: "abcdefghij"}},
		{0, "bc\x1b[1~a\x1b[4~d" + enter, result{line: "abcd"}}, // Home and End as tmux sends them
		{0, keyD, result{err: io.EOF}},
	} {
		if step.cols > 0 {
			ptytest.Resize(t, tty, step.cols, 24)
		}
		if _, err := io.WriteString(keyboard, step.keys); err != nil {
			t.Fatal(err)
		}
		read := make(chan result, 1)
		go func() {
			line, err := term.ReadLine("> ")
			read <- result{line, err}
		}()
		var got result
		select {
		case got = <-read:
		case <-time.After(30 * time.Second):
			t.Fatalf("keys %q: nothing read in half a minute; screen:\n%q", step.keys, screen.String())
		}
		if got.line != step.want.line || !errors.Is(got.err, step.want.err) {
			t.Errorf("keys %q: read %q, %v; want %q, %v", step.keys, got.line, got.err, step.want.line, step.want.err)
		}
	}
	// Ten columns: "> " and eight keys fill the first row; x/term moves
	// to the next row itself.
	screen.WaitFor(t, "> abcdefgh\r\nij\r\n", 1)
	screen.WaitFor(t, "> abc^C\r\n> ", 1)

	restore()
	if !ptytest.Canonical(t, tty) {
		t.Error("restore did not put the terminal back in canonical mode")
	}
	restore() // a second call does nothing
}
