package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/knowledge/wording"
)

// corpus names a job description of the wording check's test corpus.
func corpus(name string) string {
	return filepath.Join("..", "..", "knowledge", "wording", "testdata", "corpus", name)
}

func TestRunCheck(t *testing.T) {
	for _, tt := range []struct {
		name   string
		args   []string
		stdin  string
		want   int
		stdout string // wanted in stdout
		stderr string // wanted in stderr
	}{
		{name: "clean CTO", args: []string{corpus("clean-cto.md")}, want: 0, stdout: "No findings."},
		{name: "clean CIO", args: []string{corpus("clean-cio.md")}, want: 0, stdout: "No findings."},
		{name: "bad ad", args: []string{corpus("bad-rockstar.md")}, want: 1, stdout: "jargon.rockstar"},
		{name: "flags after the file", args: []string{corpus("bad-rockstar.md"), "-fail-on", "error"}, want: 1, stdout: "age.digital-native"},
		{name: "warnings pass -fail-on error", args: []string{"-fail-on", "error", corpus("jargon-heavy.md")}, want: 0, stdout: "Exclusionary jargon"},
		{name: "info fails -fail-on info", args: []string{"-fail-on=info", corpus("gender-coded.md")}, want: 1, stdout: "gender.dominant"},
		{name: "ignored categories", args: []string{"-ignore", "structure", corpus("too-short.md")}, want: 0, stdout: "Ignored: structure."},
		{name: "stdin", args: []string{"-"}, stdin: "# CTO\n\nA rockstar.\n", want: 1, stdout: "rockstar"},
		{name: "rules", args: []string{"-rules"}, want: 0, stdout: "gender.competitive"},
		{name: "missing file", args: []string{corpus("no-such-ad.md")}, want: 2, stderr: "no-such-ad.md"},
		{name: "no file", args: nil, want: 2, stderr: "exactly one job description"},
		{name: "two files", args: []string{corpus("clean-cto.md"), corpus("clean-cio.md")}, want: 2, stderr: "got 2"},
		{name: "bad severity", args: []string{"-fail-on", "fatal", corpus("clean-cto.md")}, want: 2, stderr: "use info, warning or error"},
		{name: "bad format", args: []string{"-format", "xml", corpus("clean-cto.md")}, want: 2, stderr: "text or json"},
		{name: "unknown rule", args: []string{"-ignore", "jargon.nope", corpus("clean-cto.md")}, want: 2, stderr: `"jargon.nope"`},
		{name: "unknown flag", args: []string{"-strict", corpus("clean-cto.md")}, want: 2, stderr: "flag provided but not defined"},
		{name: "binary input", args: []string{"-"}, stdin: "\x00\x01", want: 2, stderr: "binary"},
		{name: "help", args: []string{"-h"}, want: 0, stderr: "usage: hirebot check"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := runCheckFrom(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if got != tt.want {
				t.Errorf("exit status %d; want %d\nstdout:\n%s\nstderr:\n%s", got, tt.want, &stdout, &stderr)
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout does not contain %q:\n%s", tt.stdout, &stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.stderr, &stderr)
			}
		})
	}
}

func TestRunCheckJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if got := runCheck([]string{"-format", "json", corpus("bad-rockstar.md")}, &stdout, &stderr); got != 1 {
		t.Fatalf("exit status %d; want 1; stderr: %s", got, &stderr)
	}
	var out struct {
		File     string            `json:"file"`
		Findings []wording.Finding `json:"findings"`
		Summary  string            `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, &stdout)
	}
	if out.File != corpus("bad-rockstar.md") || len(out.Findings) == 0 || out.Summary == "" {
		t.Fatalf("JSON report = %+v", out)
	}
	for _, f := range out.Findings {
		if f.RuleID == "" || f.Fix == "" || f.Source == "" {
			t.Errorf("finding without id, fix or source: %+v", f)
		}
	}
	if !strings.Contains(stdout.String(), `"severity": "error"`) {
		t.Error("severities are not written by name")
	}
}

// TestCheckFreshDrafts: hirebot check passes the export of a fresh draft of
// every role and kind (the golden files of bot/jd, Markdown and text) with
// no warning, so a team can post one once location and salary are set.
func TestCheckFreshDrafts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "bot", "jd", "testdata", "golden", "*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("golden exports of fresh drafts: %v, %v", files, err)
	}
	for _, f := range files {
		var out, errOut strings.Builder
		if code := runCheck([]string{f}, &out, &errOut); code != 0 {
			t.Errorf("hirebot check %s = exit %d:\n%s%s", filepath.Base(f), code, out.String(), errOut.String())
		}
	}
}
