package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/bot/shell/ptytest"
)

// TestShellDevNull: with input from /dev/null (a character device, but not
// a terminal) the shell prints no welcome and no prompt.
func TestShellDevNull(t *testing.T) {
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	outPath := filepath.Join(t.TempDir(), "out")
	out, err := os.Create(outPath)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	var errb bytes.Buffer
	if code := run(context.Background(), []string{"shell"}, devNull, out, &errb); code != 0 {
		t.Fatalf("shell exited %d: %s", code, errb.String())
	}
	if b, err := os.ReadFile(outPath); err != nil || len(b) != 0 {
		t.Errorf("shell on /dev/null wrote %q (%v), want nothing", b, err)
	}
}

// TestShellTerminal runs `hirebot shell` on a pseudo-terminal as a person
// would: welcome and prompt, a command, the up arrow, Ctrl-C, Ctrl-D, and
// the terminal back in its own mode afterwards.
func TestShellTerminal(t *testing.T) {
	tty, keyboard := ptytest.MustOpen(t)
	screen := ptytest.Watch(keyboard)
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() { done <- run(context.Background(), []string{"shell"}, tty, tty, &errb) }()

	const prompt = "#general @you> "
	screen.WaitFor(t, prompt, 1)
	typeKeys(t, keyboard, "/cto-role cio\r")
	screen.WaitFor(t, "Chief Information Officer", 1)
	screen.WaitFor(t, prompt, 2)
	typeKeys(t, keyboard, "\x1b[A\r") // up: the same command again
	screen.WaitFor(t, prompt+"/cto-role cio\r\n", 2)
	screen.WaitFor(t, prompt, 3)
	typeKeys(t, keyboard, "/jd half-typed\x03") // Ctrl-C: the line is dropped
	screen.WaitFor(t, "/jd half-typed^C\r\n"+prompt, 1)
	typeKeys(t, keyboard, "\x04") // Ctrl-D: leave

	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("shell exited %d: %s", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("Ctrl-D did not end the shell; screen:\n%q", screen.String())
	}
	s := screen.String()
	if !strings.HasPrefix(s, "hirebot shell:") {
		t.Errorf("no welcome on a terminal:\n%q", s)
	}
	if strings.Contains(strings.ReplaceAll(s, "\r\n", ""), "\n") {
		t.Errorf("a bare \\n on a raw terminal draws a staircase:\n%q", s)
	}
	if !ptytest.Canonical(t, tty) {
		t.Error("the shell left the terminal in raw mode")
	}
}

// typeKeys sends keys as a person at the terminal types them.
func typeKeys(t *testing.T, keyboard io.Writer, keys string) {
	t.Helper()
	if _, err := io.WriteString(keyboard, keys); err != nil {
		t.Fatalf("type %q: %v", keys, err)
	}
}

// TestShellRefusedEditorKeepsAnswers: the draft editor in the shell, with
// a title the draft refuses: the form asks again for the title only, with
// the reason, and the save keeps everything else typed.
func TestShellRefusedEditorKeepsAnswers(t *testing.T) {
	lines := []string{
		"/jd start cto",
		":click 1",                               // Edit
		strings.Repeat("Chief ", 60) + "Officer", // a title longer than a line may be
		"Acme Robotics",                          // the company
		":submit",
		"VP Platform", // the title, asked again
		"/jd show",
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"shell"}, strings.NewReader(strings.Join(lines, "\n")+"\n"), &out, &errb); code != 0 {
		t.Fatalf("shell exited %d: %s", code, errb.String())
	}
	s := out.String()
	i := strings.Index(s, "Edit job description: not sent")
	if i < 0 {
		t.Fatalf("the refused save did not ask again:\n%s", s)
	}
	again := s[i:]
	if !strings.Contains(again, "[1/") || strings.Contains(again, "[2/") {
		t.Errorf("after the refusal, want the title asked again and nothing else:\n%s", again)
	}
	if !strings.Contains(again, "Edited the whole draft") {
		t.Errorf("the corrected save was not saved:\n%s", again)
	}
	show := s[strings.LastIndex(s, "#general]"):]
	if !strings.Contains(show, "== VP Platform ==") || !strings.Contains(show, "Company: Acme Robotics") {
		t.Errorf("/jd show after the save lacks the title or the company typed before the refusal:\n%s", show)
	}
}

// TestShellShowsWhatChanged: in the shell, a change prints its
// confirmation and what changed in the live draft, not the whole draft
// again; /jd show prints all of it.
func TestShellShowsWhatChanged(t *testing.T) {
	lines := []string{"/jd start cto", "/jd add requirements Ten years of Go", "/jd set company Acme Robotics", "/jd show"}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"shell"}, strings.NewReader(strings.Join(lines, "\n")+"\n"), &out, &errb); code != 0 {
		t.Fatalf("shell exited %d: %s", code, errb.String())
	}
	s := out.String()
	add := s[strings.Index(s, "Added to requirements"):strings.Index(s, "Set the company")]
	for _, want := range []string{"as R8 (#8)", "what changed", "- Requirements (7)\n+ Requirements (8)\n+   8. R8 · Ten years of Go\n", "[1] Edit", "-- Version 2 "} {
		if !strings.Contains(add, want) {
			t.Errorf("after /jd add, output lacks %q:\n%s", want, add)
		}
	}
	set := s[strings.Index(s, "Set the company"):strings.LastIndex(s, "[live draft in #general]")]
	for _, want := range []string{"+ Company: Acme Robotics\n", "+ Acme Robotics is hiring a Chief Technology Officer."} {
		if !strings.Contains(set, want) {
			t.Errorf("after /jd set company, output lacks %q:\n%s", want, set)
		}
	}
	for _, part := range []string{add, set} {
		if strings.Contains(part, "D1 · ") || strings.Contains(part, "Benefits (") {
			t.Errorf("a change reprinted the whole draft:\n%s", part)
		}
	}
	if show := s[strings.LastIndex(s, "[live draft in #general]"):]; !strings.Contains(show, "D1 · ") || !strings.Contains(show, "R8 · Ten years of Go") {
		t.Errorf("/jd show did not print the whole draft:\n%s", show)
	}
}
