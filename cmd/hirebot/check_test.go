package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
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
		{name: "flags after the file", args: []string{corpus("legal-risk.md"), "-fail-on", "error"}, want: 1, stdout: "age.explicit"},
		{name: "pay error in a pay-transparency place", args: []string{corpus("bad-rockstar.md"), "-fail-on", "error"}, want: 1, stdout: "age.digital-native"},
		{name: "warnings pass -fail-on error", args: []string{"-fail-on", "error", corpus("jargon-heavy.md")}, want: 0, stdout: "warning jargon.rockstar"},
		{name: "info fails -fail-on info", args: []string{"-fail-on=info", corpus("gender-coded.md")}, want: 1, stdout: "gender.dominant"},
		{name: "ignored categories", args: []string{"-ignore", "structure", corpus("too-short.md")}, want: 0, stdout: "Ignored: structure."},
		{name: "stdin", args: []string{"-"}, stdin: "# CTO\n\nA rockstar.\n", want: 1, stdout: "rockstar"},
		{name: "list rules", args: []string{"-list-rules"}, want: 0, stdout: "gender.competitive"},
		{name: "list rules with the law they rest on", args: []string{"-list-rules"}, want: 0, stdout: "US,UK,EU"},
		{name: "missing file", args: []string{corpus("no-such-ad.md")}, want: 1, stderr: "cannot read the job description"},
		{name: "no file", args: nil, want: 2, stderr: "exactly one job description"},
		{name: "two files", args: []string{corpus("clean-cto.md"), corpus("clean-cio.md")}, want: 2, stderr: "got 2"},
		{name: "bad severity", args: []string{"-fail-on", "fatal", corpus("clean-cto.md")}, want: 2, stderr: "use info, warning, review or error"},
		{name: "bad format", args: []string{"-format", "xml", corpus("clean-cto.md")}, want: 2, stderr: "text, json or sarif"},
		{name: "unknown rule", args: []string{"-ignore", "jargon.nope", corpus("clean-cto.md")}, want: 2, stderr: `"jargon.nope"`},
		{name: "unknown flag", args: []string{"-strict", corpus("clean-cto.md")}, want: 2, stderr: "flag provided but not defined"},
		{name: "binary input", args: []string{"-"}, stdin: "\x00\x01", want: 1, stderr: "binary"},
		{name: "list rules and a file", args: []string{"-list-rules", corpus("clean-cto.md")}, want: 2, stderr: "-list-rules takes no job description"},
		{name: "help", args: []string{"-h"}, want: 0, stdout: "usage: hirebot check"},
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
		if f.RuleID == "" || f.Fix == "" || f.Citation == "" || len(f.Sources) == 0 || len(f.Quotes) == 0 {
			t.Errorf("finding without id, fix, citation, sources or quotes: %+v", f)
		}
		for _, s := range f.Sources {
			if s.Full == "" || s.Cite == "" {
				t.Errorf("finding %s has a source without its full reference: %+v", f.RuleID, s)
			}
		}
	}
	if !strings.Contains(stdout.String(), `"severity": "warning"`) {
		t.Error("severities are not written by name")
	}
}

// TestCheckFreshDrafts: hirebot check passes the export of a fresh draft of
// every role and kind (the golden files of bot/jd, Markdown and text), as
// /jd start makes it and once location and salary are set, with no
// warning. The same fresh ad without hirebot's "not final" line, as a
// finalized draft or any other ad would read, still fails for its missing
// pay and location.
func TestCheckFreshDrafts(t *testing.T) {
	dir := filepath.Join("..", "..", "bot", "jd", "testdata", "golden")
	fresh, err := filepath.Glob(filepath.Join(dir, "fresh", "*"))
	if err != nil || len(fresh) < 10 {
		t.Fatalf("golden exports of fresh drafts: %v, %v", fresh, err)
	}
	withFacts, err := filepath.Glob(filepath.Join(dir, "with-facts", "*"))
	if err != nil || len(withFacts) != len(fresh) {
		t.Fatalf("golden exports with the facts set: %v, %v", withFacts, err)
	}
	for _, f := range append(fresh, withFacts...) {
		var out, errOut strings.Builder
		if code := runCheck([]string{f}, &out, &errOut); code != 0 {
			t.Errorf("hirebot check %s = exit %d:\n%s%s", f, code, out.String(), errOut.String())
		}
	}
	for _, f := range fresh {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		final := regexp.MustCompile(`(?m)^_?Draft, not final \(version \d+\)_?\n`).ReplaceAllString(string(text), "")
		if final == string(text) {
			t.Fatalf("%s does not end with the draft's status line", f)
		}
		var out, errOut strings.Builder
		if code := runCheckFrom([]string{"-"}, strings.NewReader(final), &out, &errOut); code != 1 ||
			!strings.Contains(out.String(), "salary.missing") || !strings.Contains(out.String(), "location.missing") {
			t.Errorf("hirebot check on %s without its status line = exit %d, want 1 for missing pay and location:\n%s%s", f, code, out.String(), errOut.String())
		}
	}
}

func TestRunCheckSARIF(t *testing.T) {
	var stdout, stderr bytes.Buffer
	path := corpus("legal-risk.md")
	if got := runCheck([]string{"-format", "sarif", path}, &stdout, &stderr); got != 1 {
		t.Fatalf("exit status %d; want 1; stderr: %s", got, &stderr)
	}
	var log sarifLog
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, &stdout)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || !strings.Contains(log.Schema, "sarif-2.1.0") {
		t.Fatalf("not a SARIF 2.1.0 log with one run: %+v", log)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(wording.Rules()) {
		t.Errorf("%d rules in the driver; want %d", len(run.Tool.Driver.Rules), len(wording.Rules()))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	found := map[string]bool{}
	for _, res := range run.Results {
		found[res.RuleID] = true
		if rule := run.Tool.Driver.Rules[res.RuleIndex]; rule.ID != res.RuleID {
			t.Errorf("result %s points at rule %d, %s", res.RuleID, res.RuleIndex, rule.ID)
		}
		if res.Level != "error" && res.Level != "warning" && res.Level != "note" {
			t.Errorf("result %s has level %q", res.RuleID, res.Level)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != filepath.ToSlash(path) || loc.Region.StartLine < 1 || loc.Region.StartLine > len(lines) {
			t.Errorf("result %s at %+v", res.RuleID, loc)
		}
	}
	for _, id := range []string{"age.explicit", "origin.citizenship", "application.photo", "sex.gendered-title"} {
		if !found[id] {
			t.Errorf("no %s result", id)
		}
	}
	// The age range is on the line that says it, at the column where it starts.
	for _, res := range run.Results {
		if res.RuleID != "age.explicit" {
			continue
		}
		r := res.Locations[0].PhysicalLocation.Region
		line := []rune(lines[r.StartLine-1])
		if got := string(line[r.StartColumn-1 : r.EndColumn-1]); got != "aged 35 to 45" {
			t.Errorf("age.explicit region %+v covers %q; want \"aged 35 to 45\"", r, got)
		}
	}
}

func TestRunCheckRulesOverlay(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("acme.yaml", `
sources:
  - id: acme-style
    cite: Acme style guide (2025)
    full: Acme Ltd, house style guide for job ads (2025), section 3.
categories:
  - id: acme
    title: Acme house words
rules:
  - id: acme.synergy
    category: acme
    severity: error
    patterns: [synerg*, 're:(?i)\bmove the needle\b']
    message: We do not use management buzzwords.
    fix: Say what will change.
    sources: [acme-style]
`)
	jd := write("jd.md", "# CTO\n\nFind synergies and move the needle. A rockstar.\n")
	var stdout, stderr bytes.Buffer
	if got := runCheck([]string{"-rules", good, "-fail-on", "error", jd}, &stdout, &stderr); got != 1 {
		t.Fatalf("exit status %d; want 1\n%s%s", got, &stdout, &stderr)
	}
	for _, want := range []string{"error   acme.synergy", `"synergies" (summary), "move the needle" (summary)`, "Acme style guide (2025)", "jargon.rockstar"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, &stdout)
		}
	}
	stdout.Reset()
	if got := runCheck([]string{"-rules", good, "-list-rules"}, &stdout, &stderr); got != 0 || !strings.Contains(stdout.String(), "acme.synergy") {
		t.Errorf("-list-rules with an overlay: exit %d\n%s", got, &stdout)
	}
	for _, tt := range []struct{ name, body, want string }{
		{"id outside its category", "rules:\n  - id: acme.x\n    category: jargon\n    severity: error\n    patterns: [xyz]\n    message: m\n    fix: f\n    sources: [joblint]\n", `rule 1 ("acme.x", line 2): id must be lower case and start with "jargon."`},
		{"no fix", "rules:\n  - id: jargon.x\n    category: jargon\n    severity: error\n    patterns: [xyz]\n    message: m\n    sources: [joblint]\n", `rule 1 ("jargon.x", line 2): missing fix`},
		{"unknown source", "rules:\n  - id: jargon.x\n    category: jargon\n    severity: error\n    patterns: [xyz]\n    message: m\n    fix: f\n    sources: [nope]\n", `rule 1 ("jargon.x", line 2): unknown source "nope"`},
		{"limits", "limits:\n  min_words: 10\nrules:\n  - id: jargon.x\n", "may set only classes, sources, categories and rules, not limits"},
		{"unknown field", "rulez: []\n", "line 1: field rulez not found in the rule file"},
		// The overlay's own rule, by its number and line in the overlay —
		// not its place after the built-in rules — and whether it replaces one.
		{"second rule", "rules:\n  - id: jargon.ok\n    category: jargon\n    severity: error\n    patterns: [xyz]\n    message: m\n    fix: f\n    sources: [joblint]\n" +
			"  - id: jargon.rockstar\n    category: jargon\n    severity: loud\n    patterns: [xyz]\n    message: m\n    fix: f\n    sources: [joblint]\n",
			`rule 2 ("jargon.rockstar", line 9, replacing the built-in rule): unknown severity "loud"`},
		{"bad source", "sources:\n  - id: acme-src\n    cite: c\n    full: f\n  - id: acme-two\n    cite: ''\n    full: f\nrules:\n  - id: jargon.x\n    category: jargon\n    severity: error\n    patterns: [xyz]\n    message: m\n    fix: f\n    sources: [joblint]\n",
			`source 2 ("acme-two", line 5): id, cite and full are required`},
		{"no rules", "categories: []\n", "has no rules"},
		{"bad regexp", "rules:\n  - id: jargon.x\n    category: jargon\n    severity: error\n    patterns: ['re:(']\n    message: m\n    fix: f\n    sources: [joblint]\n", "missing closing )"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			bad := write(strings.ReplaceAll(tt.name, " ", "-")+".yaml", tt.body)
			if got := runCheck([]string{"-rules", bad, jd}, &stdout, &stderr); got != 1 {
				t.Errorf("exit status %d; want 1 (a file hirebot cannot use)", got)
			}
			if !strings.Contains(stderr.String(), tt.want) || !strings.Contains(stderr.String(), bad) {
				t.Errorf("stderr does not name the file and contain %q:\n%s", tt.want, &stderr)
			}
		})
	}
	var stdout2, stderr2 bytes.Buffer
	if got := runCheck([]string{"-rules", filepath.Join(dir, "missing.yaml"), jd}, &stdout2, &stderr2); got != 1 || !strings.Contains(stderr2.String(), "cannot read the rule overlay") {
		t.Errorf("missing rules file: exit %d, stderr %s", got, &stderr2)
	}
}

// TestRunCheckReview: a sentence only the classifier reads as risky is a
// finding of severity review, which fails the default -fail-on warning,
// carries its confidence in JSON, and is a SARIF warning whose properties
// say "review"; the existing fields keep their meaning.
func TestRunCheckReview(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jd.md")
	ad := "# CTO\n\nLocation: Remote\nSalary: $200,000 - $240,000\n\n## Requirements\n\n" +
		"- Applicants who spent time behind bars need not apply.\n- Tell us how much your last employer paid you.\n"
	if err := os.WriteFile(path, []byte(ad), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if got := runCheck([]string{"-format", "json", "-ignore", "structure", path}, &stdout, &stderr); got != 1 {
		t.Fatalf("exit status %d; want 1 (review fails -fail-on warning); stderr: %s", got, &stderr)
	}
	var report struct {
		Findings []wording.Finding `json:"findings"`
		Summary  string            `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	reviews := 0
	for _, f := range report.Findings {
		if f.Severity != wording.Review {
			continue
		}
		reviews++
		if !strings.HasSuffix(f.RuleID, ".review") || f.Confidence <= 0 || f.Confidence > 1 || len(f.Sources) == 0 || f.Fix == "" {
			t.Errorf("review finding %+v: want a .review rule, a confidence, sources and a fix", f)
		}
	}
	if reviews != 2 || !strings.Contains(report.Summary, "2 for review") {
		t.Fatalf("%d review findings, summary %q; want 2 for review:\n%s", reviews, report.Summary, &stdout)
	}
	stdout.Reset()
	if got := runCheck([]string{"-format", "sarif", "-fail-on", "error", "-ignore", "structure", path}, &stdout, &stderr); got != 0 {
		t.Fatalf("-fail-on error: exit %d; want 0 (review is below error)", got)
	}
	var log sarifLog
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	for _, res := range log.Runs[0].Results {
		if res.Level != "warning" || res.Properties.Severity != "review" || res.Properties.Confidence <= 0 {
			t.Errorf("SARIF result %s: level %q, properties %+v; want warning, review and a confidence", res.RuleID, res.Level, res.Properties)
		}
		if rule := log.Runs[0].Tool.Driver.Rules[res.RuleIndex]; rule.Properties.Severity != "review" || rule.DefaultConfiguration.Level != "warning" {
			t.Errorf("SARIF rule %s: %+v", rule.ID, rule)
		}
	}
	if len(log.Runs[0].Results) != 2 {
		t.Errorf("%d SARIF results; want 2", len(log.Runs[0].Results))
	}
}
