package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/hirebot/hirebot/knowledge/wording"
)

// maxJDSize is the largest file hirebot check reads; a job description is a
// few kilobytes.
const maxJDSize = 1 << 20

const checkUsage = `usage: hirebot check [-fail-on info|warning|error] [-ignore id,id] [-format text|json] FILE
       hirebot check -rules

Checks a job description (Markdown or plain text; FILE "-" reads standard
input) for biased wording and missing essentials, the same check as /jd check.
Findings go to standard output. The exit status is 0 when no finding is at or
above -fail-on, 1 when one is, and 2 on a usage or file error.

`

// runCheck runs "hirebot check" on args and returns the exit status.
func runCheck(args []string, stdout, stderr io.Writer) int {
	return runCheckFrom(args, os.Stdin, stdout, stderr)
}

// runCheckFrom is runCheck with standard input given, for FILE "-".
func runCheckFrom(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hirebot check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, checkUsage)
		fs.PrintDefaults()
	}
	failOn := fs.String("fail-on", "warning", "exit 1 when a finding is at or above this severity: info, warning or error")
	ignore := fs.String("ignore", "", "comma-separated rule ids or categories to leave out, e.g. gender,jargon.rockstar")
	format := fs.String("format", "text", "output format: text or json")
	listRules := fs.Bool("rules", false, "list the rules and exit")

	// Flags may come before or after FILE.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}

	threshold, err := wording.ParseSeverity(*failOn)
	if err != nil {
		return checkUsageError(stderr, "-fail-on: unknown severity %q; use info, warning or error", *failOn)
	}
	if *format != "text" && *format != "json" {
		return checkUsageError(stderr, "-format: unknown format %q; use text or json", *format)
	}
	var ignored []string
	for _, id := range strings.Split(*ignore, ",") {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		if !wording.KnownRule(id) {
			return checkUsageError(stderr, "-ignore: no rule or category is called %q; run \"hirebot check -rules\" to list them", id)
		}
		ignored = append(ignored, id)
	}
	if *listRules {
		return printRules(stdout, stderr)
	}
	if len(files) != 1 {
		return checkUsageError(stderr, "give exactly one job description file (or - for standard input); got %d", len(files))
	}

	name := files[0]
	text, err := readJD(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "hirebot check: %v\n", err)
		return 2
	}
	report := wording.Check(wording.ParseMarkdown(text), wording.Options{Ignore: ignored})
	if err := writeCheckReport(stdout, name, report, *format); err != nil {
		fmt.Fprintf(stderr, "hirebot check: %v\n", err)
		return 2
	}
	if report.Count(threshold) > 0 {
		return 1
	}
	return 0
}

// checkUsageError prints a usage error and returns exit status 2.
func checkUsageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "hirebot check: "+format+"\n\n%s", append(args, checkUsage)...)
	return 2
}

// readJD reads the job description named name, or standard input for "-".
func readJD(name string, stdin io.Reader) (string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", fmt.Errorf("read job description: %w", err)
		}
		defer f.Close()
		r = f
	} else {
		name = "standard input"
	}
	data, err := io.ReadAll(io.LimitReader(r, maxJDSize+1))
	if err != nil {
		return "", fmt.Errorf("read job description %s: %w", name, err)
	}
	if len(data) > maxJDSize {
		return "", fmt.Errorf("%s is larger than %d bytes; is it really a job description?", name, maxJDSize)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", fmt.Errorf("%s looks like a binary file; give a Markdown or text job description", name)
	}
	return string(data), nil
}

// writeCheckReport writes the report as text or JSON.
func writeCheckReport(w io.Writer, name string, r wording.Report, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		out := struct {
			File string `json:"file"`
			wording.Report
		}{name, r}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	}
	return r.WriteText(w)
}

// printRules lists the rule table.
func printRules(stdout, stderr io.Writer) int {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tCATEGORY\tWHY")
	for _, r := range wording.Rules() {
		why, _, _ := strings.Cut(r.Message, ". ")
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Category, strings.TrimSuffix(why, "."))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "hirebot check: write rules: %v\n", err)
		return 2
	}
	return 0
}
