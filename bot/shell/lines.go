package shell

import (
	"bufio"
	"io"
)

// LineReader is where the shell gets its input, one line at a time.
type LineReader interface {
	// ReadLine shows prompt, if the input is a terminal, and returns the next
	// line without its line ending. It returns io.EOF when the input ends or
	// the user asks to leave (Ctrl-D); the shell then stops.
	ReadLine(prompt string) (string, error)
}

// FieldReader is a LineReader that also reads the fields of a form, each
// with a history of its own (Terminal is one): ↑ in a field recalls
// earlier answers to that field only, never the previous field's answer or
// a command. A form reads through it when its LineReader is one.
type FieldReader interface {
	// ReadField reads the answer to the form field named field (the
	// same name for the same field of the same form each time).
	ReadField(field, prompt string) (string, error)
}

// Scanner reads lines from a pipe or a file: no prompt, no editing.
type Scanner struct {
	sc *bufio.Scanner
}

var _ LineReader = (*Scanner)(nil)

// NewScanner returns a Scanner reading r; a line may be up to 1 MiB long.
func NewScanner(r io.Reader) *Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	return &Scanner{sc: sc}
}

// ReadLine returns the next line of the input and ignores the prompt: a
// pipe has nobody to show it to.
func (s *Scanner) ReadLine(string) (string, error) {
	if s.sc.Scan() {
		return s.sc.Text(), nil
	}
	if err := s.sc.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}
