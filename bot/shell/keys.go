package shell

import (
	"bytes"
	"io"
	"strings"
)

const (
	ctrlC = 0x03 // abandon the line
	ctrlE = 0x05 // x/term: move to the end of the line
)

// keys passes a terminal's key presses on to x/term and notes a Ctrl-C,
// which x/term reports as io.EOF, like Ctrl-D. A Ctrl-C always comes in a
// read of its own, after a read with just Ctrl-E, so that x/term has drawn
// the cursor at the end of the abandoned line when it gives up on it and
// has read nothing after it.
type keys struct {
	r       io.Reader
	buf     [256]byte
	pending []byte // read from r, not yet passed on
	err     error  // r's error, passed on when pending is empty
	atEnd   bool   // Ctrl-E was passed on for the Ctrl-C that starts pending
	ctrlC   bool   // the last read passed on Ctrl-C
}

// Read passes on the next key presses.
func (k *keys) Read(p []byte) (int, error) {
	k.ctrlC = false
	if len(p) == 0 {
		return 0, nil
	}
	if len(k.pending) == 0 {
		if k.err != nil {
			return 0, k.err
		}
		n, err := k.r.Read(k.buf[:])
		k.pending, k.err = k.buf[:n], err
		if n == 0 {
			return 0, err
		}
	}
	switch i := bytes.IndexByte(k.pending, ctrlC); {
	case i < 0:
		return k.pass(p, len(k.pending)), nil
	case i > 0:
		return k.pass(p, i), nil
	case !k.atEnd:
		k.atEnd = true
		p[0] = ctrlE
		return 1, nil
	default:
		k.atEnd, k.ctrlC = false, true
		return k.pass(p, 1), nil
	}
}

// pass copies up to n pending bytes into p.
func (k *keys) pass(p []byte, n int) int {
	n = copy(p, k.pending[:n])
	k.pending = k.pending[n:]
	return n
}

// interrupted reports whether the last key x/term read was Ctrl-C.
func (k *keys) interrupted() bool {
	return k.ctrlC
}

// history keeps the lines the up and down arrows recall, most recent last,
// leaving out blank lines and a line that repeats the one before it.
type history struct {
	lines []string
	max   int
}

// Add records a line the user entered.
func (h *history) Add(line string) {
	if strings.TrimSpace(line) == "" || len(h.lines) > 0 && h.lines[len(h.lines)-1] == line {
		return
	}
	if len(h.lines) == h.max {
		h.lines = append(h.lines[:0], h.lines[1:]...)
	}
	h.lines = append(h.lines, line)
}

// Len returns the number of lines kept.
func (h *history) Len() int {
	return len(h.lines)
}

// At returns the line i entries back: 0 is the most recent. It panics if i
// is out of range, as x/term's History contract allows.
func (h *history) At(i int) string {
	return h.lines[len(h.lines)-1-i]
}
