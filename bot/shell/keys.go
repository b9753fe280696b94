package shell

import (
	"bytes"
	"io"
	"strings"
)

const (
	ctrlA = 0x01 // x/term: move to the start of the line (Home)
	ctrlC = 0x03 // abandon the line
	ctrlE = 0x05 // x/term: move to the end of the line (End)
)

// homeEnd are the escape sequences terminals send for Home and End, as
// the keys x/term takes for them (it knows only ESC [ H and ESC [ F): tmux
// and screen send ESC [ 1 ~ and ESC [ 4 ~, rxvt ESC [ 7 ~ and ESC [ 8 ~, an
// xterm in application cursor mode ESC O H and ESC O F.
var homeEnd = []struct {
	seq string
	key byte
}{
	{"\x1b[1~", ctrlA}, {"\x1b[7~", ctrlA}, {"\x1bOH", ctrlA}, {"\x1b[H", ctrlA},
	{"\x1b[4~", ctrlE}, {"\x1b[8~", ctrlE}, {"\x1bOF", ctrlE}, {"\x1b[F", ctrlE},
}

// keys passes a terminal's key presses on to x/term, with Home and End
// as x/term knows them (see homeEnd), and notes a Ctrl-C, which x/term
// reports as io.EOF, like Ctrl-D. A Ctrl-C always comes in a read of its
// own, after a read with just Ctrl-E, so that x/term has drawn the cursor
// at the end of the abandoned line when it gives up on it and has read
// nothing after it. The start of a Home or End sequence that a read split
// is held back until the rest arrives.
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
	ready := k.ready()
	for ready == 0 {
		if k.err != nil {
			return 0, k.err
		}
		n, err := k.r.Read(k.buf[:])
		k.pending, k.err = translateHomeEnd(append(k.pending, k.buf[:n]...)), err
		ready = k.ready()
	}
	switch i := bytes.IndexByte(k.pending[:ready], ctrlC); {
	case i < 0:
		return k.pass(p, ready), nil
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

// ready returns how many pending bytes can be passed on: all but the start
// of a Home or End sequence at the end, unless the input has ended.
func (k *keys) ready() int {
	if k.err != nil {
		return len(k.pending)
	}
	return len(k.pending) - partialHomeEnd(k.pending)
}

// translateHomeEnd replaces each Home and End sequence in b with the key
// x/term takes for it.
func translateHomeEnd(b []byte) []byte {
	if bytes.IndexByte(b, 0x1b) < 0 {
		return b
	}
	out := b[:0:0]
	for i := 0; i < len(b); i++ {
		if b[i] == 0x1b {
			if key, n := homeEndAt(b[i:]); n > 0 {
				out = append(out, key)
				i += n - 1
				continue
			}
		}
		out = append(out, b[i])
	}
	return out
}

// homeEndAt returns the key for the Home or End sequence b starts with and
// its length, or 0 when b starts with none.
func homeEndAt(b []byte) (byte, int) {
	for _, he := range homeEnd {
		if bytes.HasPrefix(b, []byte(he.seq)) {
			return he.key, len(he.seq)
		}
	}
	return 0, 0
}

// partialHomeEnd returns the length of the end of b that is the start of a
// Home or End sequence, not all of it; 0 when there is none.
func partialHomeEnd(b []byte) int {
	for n := min(len(b), 3); n > 0; n-- {
		tail := b[len(b)-n:]
		for _, he := range homeEnd {
			if len(he.seq) > n && bytes.HasPrefix([]byte(he.seq), tail) {
				return n
			}
		}
	}
	return 0
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
// leaving out blank lines, a line that repeats the one before it, and the
// lines in omit.
type history struct {
	lines []string
	max   int
	omit  map[string]bool
}

// formCommands are the lines a form's field history leaves out: they are
// not answers.
var formCommands = map[string]bool{":submit": true, ":cancel": true}

// Add records a line the user entered.
func (h *history) Add(line string) {
	if strings.TrimSpace(line) == "" || h.omit[strings.TrimSpace(line)] || len(h.lines) > 0 && h.lines[len(h.lines)-1] == line {
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
