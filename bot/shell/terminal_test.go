package shell

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/hirebot/hirebot/bot"
)

// Keys as a terminal in raw mode sends them.
const (
	up    = "\x1b[A"
	down  = "\x1b[B"
	left  = "\x1b[D"
	enter = "\r"
	keyC  = "\x03" // Ctrl-C
	keyD  = "\x04" // Ctrl-D
)

// readAll reads lines from a Terminal fed keys until it returns an error,
// and returns the lines, that error and what the terminal showed.
func readAll(t *testing.T, keys string) (lines []string, err error, screen string) {
	t.Helper()
	var out bytes.Buffer
	term := NewTerminal(strings.NewReader(keys), &out)
	for range 100 {
		line, err := term.ReadLine("> ")
		if err != nil {
			return lines, err, out.String()
		}
		lines = append(lines, line)
	}
	t.Fatalf("no end of input after 100 lines; read %q", lines)
	return nil, nil, ""
}

func TestTerminalReadLine(t *testing.T) {
	for _, tt := range []struct {
		name  string
		keys  string
		lines []string
	}{
		{"plain lines", "one" + enter + "two\n", []string{"one", "two"}},
		{"up recalls the last line", "one" + enter + "two" + enter + up + enter, []string{"one", "two", "two"}},
		{"up twice goes further back", "one" + enter + "two" + enter + up + up + enter, []string{"one", "two", "one"}},
		{"down comes back", "one" + enter + "two" + enter + up + up + down + enter, []string{"one", "two", "two"}},
		{"down past the newest restores the typed line", "one" + enter + "draft" + up + down + enter, []string{"one", "draft"}},
		{"recalled lines can be edited", "/jd add x" + enter + up + "yz" + enter, []string{"/jd add x", "/jd add xyz"}},
		{"blank lines are not recalled", "one" + enter + enter + "  " + enter + up + enter, []string{"one", "", "  ", "one"}},
		{"a repeated line is recalled once", "a" + enter + "b" + enter + "b" + enter + up + up + enter, []string{"a", "b", "b", "a"}},
		{"Ctrl-C clears the line", "abc" + keyC + "def" + enter, []string{"def"}},
		{"Ctrl-C mid-line clears all of it", "abcd" + left + left + keyC + "x" + enter, []string{"x"}},
		{"Ctrl-C on an empty line reads on", keyC + keyC + "still here" + enter, []string{"still here"}},
		{"Ctrl-C keeps the history", "one" + enter + "abc" + keyC + up + enter, []string{"one", "one"}},
		{"Ctrl-C after a recall starts again at the newest", "one" + enter + "two" + enter + up + up + keyC + up + enter, []string{"one", "two", "two"}},
		{"Ctrl-C is not entered as a line", "abc" + keyC, nil},
		{"Ctrl-D on an empty line ends the input", "hello" + enter + keyD + "never" + enter, []string{"hello"}},
		{"Ctrl-D in a line deletes the key under the cursor", "abc" + left + keyD + enter + keyD, []string{"ab"}},
		{"end of input ends it", "last" + enter, []string{"last"}},
		// Home and End as tmux and screen, xterm, xterm in application
		// cursor mode, and rxvt send them.
		{"Home and End under tmux", "bc" + "\x1b[1~" + "a" + "\x1b[4~" + "d" + enter, []string{"abcd"}},
		{"Home and End in xterm", "bc" + "\x1b[H" + "a" + "\x1b[F" + "d" + enter, []string{"abcd"}},
		{"Home and End in application mode", "bc" + "\x1bOH" + "a" + "\x1bOF" + "d" + enter, []string{"abcd"}},
		{"Home and End in rxvt", "bc" + "\x1b[7~" + "a" + "\x1b[8~" + "d" + enter, []string{"abcd"}},
		{"other escapes still reach x/term", "ab" + "\x1b[1;3D" + "X" + enter, []string{"Xab"}},
		{"Ctrl-C after Home clears the line", "abc" + "\x1b[1~" + keyC + "x" + enter, []string{"x"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lines, err, screen := readAll(t, tt.keys)
			if !errors.Is(err, io.EOF) {
				t.Errorf("ended with %v, want io.EOF", err)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("read %q, want %q; screen:\n%q", lines, tt.lines, screen)
			}
		})
	}
}

// TestHomeEndSplitAcrossReads: a Home or End sequence that arrives a byte
// at a time is still Home or End, not stray letters in the line.
func TestHomeEndSplitAcrossReads(t *testing.T) {
	var out bytes.Buffer
	keys := "bc" + "\x1b[1~" + "a" + "\x1bOF" + "d" + enter + "x" + "\x1b" + enter
	term := NewTerminal(iotest.OneByteReader(strings.NewReader(keys)), &out)
	var lines []string
	for {
		line, err := term.ReadLine("> ")
		if err != nil {
			break
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 || lines[0] != "abcd" {
		t.Errorf("read %q, want \"abcd\" first; screen %q", lines, out.String())
	}
}

func TestTerminalScreen(t *testing.T) {
	_, _, screen := readAll(t, "abc"+keyC+keyD)
	if !strings.Contains(screen, "> abc^C\r\n> ") {
		t.Errorf("Ctrl-C does not leave the abandoned line and start a new prompt below it: %q", screen)
	}
	if !strings.HasSuffix(screen, "\r\n") {
		t.Errorf("Ctrl-D does not end the last line: %q", screen)
	}
	// Two keys left of the end, Ctrl-C moves the cursor two right (CSI 2 C)
	// before it writes ^C, so that ^C does not cover the end of the line.
	_, _, screen = readAll(t, "abcd"+left+left+keyC)
	if !strings.Contains(screen, "\x1b[2C^C\r\n") {
		t.Errorf("Ctrl-C mid-line wrote ^C over the line: %q", screen)
	}

	var out bytes.Buffer
	term := NewTerminal(strings.NewReader(""), &out)
	if _, err := io.WriteString(term, "one\ntwo\n"); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "one\r\ntwo\r\n" {
		t.Errorf("a reply in raw mode needs \\r\\n line ends; wrote %q", got)
	}
}

// TestShellOnTerminal drives the shell as a person at a terminal would.
func TestShellOnTerminal(t *testing.T) {
	var out bytes.Buffer
	keys := "/echo hello" + enter + "/echo typo" + keyC + up + enter + ":user alice" + enter + "/echo from alice" + enter + keyD + "/echo never" + enter
	term := NewTerminal(strings.NewReader(keys), &out)
	if err := New(Config{Router: echoRouter(), In: term, Out: term, Interactive: true}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"hirebot shell:", "Ctrl-D",
		"#general @you> ",
		"user=you channel=general action= value= text=hello\r\n",
		"#general @you> /echo typo^C\r\n",
		"#general @alice> ",
		"text=from alice\r\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%q", want, s)
		}
	}
	if n := strings.Count(s, "text=hello\r\n"); n != 2 {
		t.Errorf("the recalled line ran %d times, want twice (typed, then recalled):\n%q", n, s)
	}
	if strings.Contains(s, "typo\r\n") || strings.Contains(s, "never") {
		t.Errorf("an abandoned line or a line after Ctrl-D ran:\n%q", s)
	}
	if strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\n") {
		t.Errorf("a bare \\n on a raw terminal:\n%q", s)
	}
}

// TestShellOnPipe: piped input gets no welcome and no prompt.
func TestShellOnPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := io.WriteString(w, "/echo piped\n"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	outFile, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer outFile.Close()

	for _, tt := range []struct {
		name string
		in   io.Reader
	}{{"pipe", r}, {"/dev/null", devNull}} {
		if IsTerminal(tt.in, outFile) {
			t.Errorf("%s to a file is taken for a terminal", tt.name)
		}
	}
	if _, _, err := NewTerminalReader(devNull, outFile); err == nil {
		t.Error("NewTerminalReader accepted /dev/null")
	}

	var out bytes.Buffer
	if err := New(Config{Router: echoRouter(), In: NewScanner(r), Out: &out, Interactive: IsTerminal(r, outFile)}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s := out.String(); !strings.HasPrefix(s, "== echo ==\n") || strings.Contains(s, "hirebot shell") || strings.Contains(s, "> ") {
		t.Errorf("piped output has a welcome or a prompt, or lacks the reply:\n%s", s)
	}
}

// echoRouter routes /echo and questions to echo.
func echoRouter() *bot.Router {
	return bot.NewRouter(slog.New(slog.DiscardHandler),
		bot.Command{Name: "echo", Slash: "/echo", Usage: "[text]", Summary: "say it back", Handler: bot.HandlerFunc(echo)},
		bot.Command{Name: "ask", Handler: bot.HandlerFunc(echo)},
	)
}

// TestFieldHistory: ↑ in a form field recalls earlier answers to that
// field only — never the previous field's answer, a command, or :submit —
// and ↑ at the prompt recalls commands only, never a field's answer.
func TestFieldHistory(t *testing.T) {
	var out bytes.Buffer
	keys := "/jd start cto" + enter + // a command
		"Acme" + enter + // field company
		up + enter + // field location: ↑ recalls nothing of company's
		":submit" + enter + // field salary
		up + enter + // the prompt: ↑ recalls the command
		up + enter + // field company again: ↑ recalls its answer
		up + enter // field salary again: ↑ recalls nothing (":submit" is not kept)
	term := NewTerminal(strings.NewReader(keys), &out)
	read := []func() (string, error){
		func() (string, error) { return term.ReadLine("> ") },
		func() (string, error) { return term.ReadField("jd:save/company", "Company> ") },
		func() (string, error) { return term.ReadField("jd:save/location", "Location> ") },
		func() (string, error) { return term.ReadField("jd:save/salary", "Salary> ") },
		func() (string, error) { return term.ReadLine("> ") },
		func() (string, error) { return term.ReadField("jd:save/company", "Company> ") },
		func() (string, error) { return term.ReadField("jd:save/salary", "Salary> ") },
	}
	want := []string{"/jd start cto", "Acme", "", ":submit", "/jd start cto", "Acme", ""}
	for i, r := range read {
		got, err := r()
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if got != want[i] {
			t.Errorf("line %d = %q, want %q; screen:\n%q", i+1, got, want[i], out.String())
		}
	}
}
