package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestHelpFlags checks that -h and --help on hirebot and on every
// subcommand, and "hirebot help COMMAND", print that command's usage on
// standard output, nothing on standard error, and exit 0, without
// starting anything (no tokens are set here).
func TestHelpFlags(t *testing.T) {
	clearHirebotEnv(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-h"}, "hirebot shell"},
		{[]string{"--help"}, "hirebot check"},
		{[]string{"help"}, "hirebot version"},
		{[]string{"serve", "-h"}, "usage: hirebot [serve]"},
		{[]string{"serve", "--help"}, "SLACK_APP_TOKEN"},
		{[]string{"shell", "-h"}, "usage: hirebot shell"},
		{[]string{"shell", "--help"}, "Ctrl-D"},
		{[]string{"manifest", "-h"}, "usage: hirebot manifest"},
		{[]string{"manifest", "--help"}, "HIREBOT_JD_COMMAND"},
		{[]string{"knowledge", "-h"}, "usage: hirebot knowledge validate DIR"},
		{[]string{"knowledge", "validate", "--help"}, "usage: hirebot knowledge validate DIR"},
		{[]string{"version", "-h"}, "usage: hirebot version"},
		{[]string{"check", "-h"}, "usage: hirebot check"},
		{[]string{"check", "--help"}, "-fail-on"},
		{[]string{"check", "-help"}, "-list-rules"},
		{[]string{"check", "-format", "json", "-h"}, "usage: hirebot check"},
		{[]string{"help", "check"}, "usage: hirebot check"},
		{[]string{"help", "knowledge"}, "usage: hirebot knowledge validate DIR"},
		{[]string{"help", "version"}, "usage: hirebot version"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tt.args, strings.NewReader("/cto-role\n"), &out, &errb)
			if code != 0 {
				t.Errorf("exit %d, want 0; stderr %q", code, errb.String())
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("standard output %q lacks %q", out.String(), tt.want)
			}
			if errb.Len() > 0 {
				t.Errorf("help wrote to standard error: %q", errb.String())
			}
			if strings.Contains(out.String(), "apiVersion") || strings.Contains(out.String(), "display_information") {
				t.Errorf("printed the manifest instead of help: %q", out.String())
			}
		})
	}
}

// TestVersion checks hirebot version and --version: the version (dev
// unless set at build time), a commit and the Go version, on stdout.
func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version", "-version"} {
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{arg}, nil, &out, &errb); code != 0 {
			t.Errorf("hirebot %s: exit %d, stderr %q", arg, code, errb.String())
		}
		got := out.String()
		if !strings.HasPrefix(got, "hirebot dev (commit ") || !strings.Contains(got, runtime.Version()) || strings.Count(got, "\n") != 1 {
			t.Errorf("hirebot %s = %q, want one line: hirebot dev (commit …, %s)", arg, got, runtime.Version())
		}
	}
}

// TestUnexpectedArguments checks that a stray argument, an unknown flag
// or command, or a missing argument is a usage error — exit 2, said on
// standard error, nothing on standard output — not silently ignored.
func TestUnexpectedArguments(t *testing.T) {
	clearHirebotEnv(t)
	for _, args := range [][]string{
		{"manifest", "extra"}, {"shell", "now"}, {"serve", "please"}, {"frobnicate"},
		{"check", "-nope"}, {"check"}, {"check", "-format", "yaml", "jd.md"}, {"check", "-fail-on"},
		{"version", "extra"}, {"--version", "now"}, {"-v", "-x"},
		{"knowledge"}, {"knowledge", "frob", "dir"}, {"help", "frob"}, {"help", "check", "more"},
	} {
		var out, errb bytes.Buffer
		if code := run(context.Background(), args, strings.NewReader(""), &out, &errb); code != 2 {
			t.Errorf("hirebot %s: exit %d, want 2; stderr %q", strings.Join(args, " "), code, errb.String())
		}
		if out.Len() > 0 || errb.Len() == 0 {
			t.Errorf("hirebot %s: stdout %q, stderr %q; want the usage error on stderr only", strings.Join(args, " "), out.String(), errb.String())
		}
	}
}

// TestMissingPathExitStatus: a path given on the command line that cannot
// be read is exit status 1 with "cannot read" and the path on standard
// error, whichever subcommand it is given to; a usage error stays 2.
func TestMissingPathExitStatus(t *testing.T) {
	clearHirebotEnv(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such")
	jd := filepath.Join(dir, "jd.md")
	if err := os.WriteFile(jd, []byte("# CTO\n\nLead the engineering team.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"check", missing + ".md"},
		{"check", "-rules", missing + ".yaml", jd},
		{"check", "-rules", missing + ".yaml", "-list-rules"},
		{"check", dir},
		{"knowledge", "validate", missing},
	} {
		var out, errb bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
		if code != 1 || !strings.Contains(errb.String(), "cannot read") || !strings.Contains(errb.String(), args[len(args)-1]) && !strings.Contains(errb.String(), missing) {
			t.Errorf("hirebot %s: exit %d, stderr %q; want 1 and \"cannot read\" naming the path", strings.Join(args, " "), code, errb.String())
		}
		if out.Len() > 0 {
			t.Errorf("hirebot %s printed %q on standard output", strings.Join(args, " "), out.String())
		}
	}
}
