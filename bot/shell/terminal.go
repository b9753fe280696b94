package shell

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"golang.org/x/term"
)

// Terminal reads lines from a person at a terminal, with line editing and
// history (golang.org/x/term): the arrow keys move in the line and recall
// earlier lines, Ctrl-C abandons the line being typed and starts a new one,
// Ctrl-D on an empty line ends the input. Replies are written through it, so
// that they appear above the prompt with the line endings a terminal in raw
// mode needs.
type Terminal struct {
	keys          *keys
	out           io.Writer
	history       *history            // the commands typed at the prompt
	fields        map[string]*history // each form field's answers, by field
	current       *history            // the one the line being read recalls
	width, height int
	size          func() (width, height int, err error) // the terminal's size now; nil in tests
	t             *term.Terminal
}

var (
	_ LineReader  = (*Terminal)(nil)
	_ FieldReader = (*Terminal)(nil)
	_ io.Writer   = (*Terminal)(nil)
)

// historySize is how many lines the up arrow can recall.
const historySize = 500

// NewTerminal returns a Terminal that reads key presses from in and draws
// on out. A real terminal must be in raw mode first: NewTerminalReader does
// that. Tests give it bytes and a buffer.
func NewTerminal(in io.Reader, out io.Writer) *Terminal {
	t := &Terminal{keys: &keys{r: in}, out: out, history: &history{max: historySize}, fields: map[string]*history{}}
	t.current = t.history
	t.fresh()
	return t
}

// fresh starts a new x/term Terminal on the same keys, output, size and
// current history, with an empty line.
func (t *Terminal) fresh() {
	t.t = term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{t.keys, t.out}, "")
	t.t.History = t.current
	if t.width > 0 && t.height > 0 {
		_ = t.t.SetSize(t.width, t.height) // only fails to redraw a line, and there is none yet
	}
}

// ReadLine shows prompt and returns the line the user enters. Ctrl-C
// abandons the line and reads another; Ctrl-D on an empty line, or the end
// of the input, returns io.EOF. ↑ and ↓ recall the lines entered here
// before, never a form field's answers.
func (t *Terminal) ReadLine(prompt string) (string, error) {
	return t.read(t.history, prompt)
}

// ReadField reads the answer to a form's field as ReadLine reads a line,
// but ↑ and ↓ recall only earlier answers to the same field (named by
// field), never another field's answer or a command; the form's own
// :submit and :cancel are not kept.
func (t *Terminal) ReadField(field, prompt string) (string, error) {
	h, ok := t.fields[field]
	if !ok {
		h = &history{max: historySize, omit: formCommands}
		t.fields[field] = h
	}
	return t.read(h, prompt)
}

// read reads a line with h as the history the arrows recall.
func (t *Terminal) read(h *history, prompt string) (string, error) {
	if t.current != h {
		t.current = h
		t.t.History = h // between lines: x/term reads it only while reading one
	}
	t.resize()
	for {
		t.t.SetPrompt(prompt)
		line, err := t.t.ReadLine()
		switch {
		case err == nil, errors.Is(err, term.ErrPasteIndicator):
			return line, nil
		case errors.Is(err, io.EOF) && t.keys.interrupted():
			// x/term ends ReadLine with io.EOF for Ctrl-C as for Ctrl-D
			// (golang/go#62385) and keeps the abandoned line, so start
			// afresh, on the next screen line, with the same history.
			if _, err := io.WriteString(t.out, "^C\r\n"); err != nil {
				return "", fmt.Errorf("write to the terminal: %w", err)
			}
			t.fresh()
		case errors.Is(err, io.EOF):
			// Leave the caller's shell prompt a line of its own.
			_, _ = io.WriteString(t.out, "\r\n")
			return "", io.EOF
		default:
			return "", fmt.Errorf("read from the terminal: %w", err)
		}
	}
}

// resize tells x/term the terminal's size if it changed since the last
// line, so that long lines wrap where the terminal wraps them.
func (t *Terminal) resize() {
	if t.size == nil {
		return
	}
	w, h, err := t.size()
	if err != nil || w <= 0 || h <= 0 || w == t.width && h == t.height {
		return
	}
	t.width, t.height = w, h
	_ = t.t.SetSize(w, h) // only fails to redraw a line, and there is none yet
}

// Write prints p above the prompt, turning each \n into \r\n.
func (t *Terminal) Write(p []byte) (int, error) {
	return t.t.Write(p)
}

// IsTerminal reports whether in and out are both a terminal, where the shell
// can edit lines. A pipe, a file or /dev/null is not.
func IsTerminal(in io.Reader, out io.Writer) bool {
	_, _, ok := terminalFiles(in, out)
	return ok
}

// terminalFiles returns in and out as files if both are terminals.
func terminalFiles(in io.Reader, out io.Writer) (*os.File, *os.File, bool) {
	fin, ok := in.(*os.File)
	if !ok || !term.IsTerminal(int(fin.Fd())) {
		return nil, nil, false
	}
	fout, ok := out.(*os.File)
	if !ok || !term.IsTerminal(int(fout.Fd())) {
		return nil, nil, false
	}
	return fin, fout, true
}

// NewTerminalReader puts the terminal in into raw mode, so that the shell
// sees each key press, and returns a Terminal on in and out with restore,
// which puts the terminal back as it was. Call restore when the shell ends
// (defer it, so it also runs on a panic); calling it again does nothing. It
// is an error if in or out is not a terminal (see IsTerminal).
func NewTerminalReader(in io.Reader, out io.Writer) (t *Terminal, restore func(), err error) {
	fin, fout, ok := terminalFiles(in, out)
	if !ok {
		return nil, nil, errors.New("line editing needs a terminal on both input and output")
	}
	fd := int(fin.Fd())
	state, err := term.MakeRaw(fd)
	if err != nil {
		return nil, nil, fmt.Errorf("put the terminal in raw mode: %w", err)
	}
	t = NewTerminal(fin, fout)
	outFd := int(fout.Fd())
	t.size = func() (int, int, error) { return term.GetSize(outFd) }
	var once sync.Once
	restore = func() {
		once.Do(func() {
			// Nothing more can be done if this fails: the process is ending
			// and the user's shell resets the terminal.
			_ = term.Restore(fd, state)
		})
	}
	return t, restore, nil
}
