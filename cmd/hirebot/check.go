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
	"time"

	"github.com/hirebot/hirebot/knowledge/wording"
)

// maxJDSize is the largest file hirebot check reads; a job description is a
// few kilobytes.
const maxJDSize = 1 << 20

const checkUsage = `usage: hirebot check [-fail-on info|warning|review|error] [-ignore id,id] [-format text|json|sarif] [-rules FILE] [-company-size N] [-as-of YYYY-MM-DD] JD
       hirebot check [-rules FILE] -list-rules

Checks a job description (Markdown or plain text; JD "-" reads standard
input) for biased and legally risky wording and missing essentials, the same
check as /jd check. Findings go to standard output: text (errors first, one
entry per rule), json (with the full sources) or sarif (SARIF 2.1.0, for
code-scanning tools that gate pull requests). -rules lays a company's own
rules, in the format of the built-in rules.yaml, over the built-in ones.
An export of a draft that is not final yet (it ends with "Draft, not final
(version N)") lists missing pay and location as to do, at info; any other
ad gets them as warnings.
Exit status: 0 when no finding is at or above -fail-on; 1 when one is, or
when a file cannot be read or used (the job description, the -rules
overlay: missing, unreadable, binary, too large or invalid), said on
standard error; 2 on a usage error (an unknown flag or value, no file or
two).

`

// runCheck runs "hirebot check" on args and returns the exit status.
func runCheck(args []string, stdout, stderr io.Writer) int {
	return runCheckFrom(args, os.Stdin, stdout, stderr)
}

// checkFlags are the flags of "hirebot check".
type checkFlags struct {
	failOn, ignore, format, rules, asOf *string
	listRules                           *bool
	companySize                         *int
}

// newCheckFlags returns the flag set of "hirebot check". It prints
// nothing itself: runCheckFrom says what is wrong, checkHelp what there is.
func newCheckFlags() (*flag.FlagSet, checkFlags) {
	fs := flag.NewFlagSet("hirebot check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs, checkFlags{
		failOn:      fs.String("fail-on", "warning", "exit 1 when a finding is at or above this severity: info, warning, review or error"),
		ignore:      fs.String("ignore", "", "comma-separated rule ids or categories to leave out, e.g. gender,jargon.rockstar"),
		format:      fs.String("format", "text", "output format: text, json or sarif"),
		rules:       fs.String("rules", "", "a YAML file of extra rules (the format of the built-in rules.yaml) laid over the built-in ones"),
		listRules:   fs.Bool("list-rules", false, "list the rules and exit"),
		companySize: fs.Int("company-size", 0, "the company's number of employees, for pay-transparency laws with a size threshold (0: not known, taken to meet it)"),
		asOf:        fs.String("as-of", "", "judge pay-transparency laws on this day, YYYY-MM-DD (default today)"),
	}
}

// checkHelp is the -h text of "hirebot check": the usage and the flags.
func checkHelp() string {
	fs, _ := newCheckFlags()
	var b strings.Builder
	b.WriteString(checkUsage)
	fs.SetOutput(&b)
	fs.PrintDefaults()
	return b.String()
}

// runCheckFrom is runCheck with standard input given, for FILE "-".
func runCheckFrom(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, flags := newCheckFlags()
	failOn, ignore, format, rulesFile, listRules := flags.failOn, flags.ignore, flags.format, flags.rules, flags.listRules

	// Flags may come before or after FILE.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, checkHelp())
				return 0
			}
			return checkUsageError(stderr, "%v", err)
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}

	threshold, err := wording.ParseSeverity(*failOn)
	if err != nil {
		return checkUsageError(stderr, "-fail-on: unknown severity %q; use info, warning, review or error", *failOn)
	}
	if *format != "text" && *format != "json" && *format != "sarif" {
		return checkUsageError(stderr, "-format: unknown format %q; use text, json or sarif", *format)
	}
	switch {
	case *listRules && len(files) > 0:
		return checkUsageError(stderr, "-list-rules takes no job description; got %q", files[0])
	case !*listRules && len(files) != 1:
		return checkUsageError(stderr, "give exactly one job description file (or - for standard input); got %d", len(files))
	}
	if *flags.companySize < 0 {
		return checkUsageError(stderr, "-company-size: %d is not a number of employees", *flags.companySize)
	}
	var asOf time.Time
	if *flags.asOf != "" {
		if asOf, err = time.Parse(time.DateOnly, *flags.asOf); err != nil {
			return checkUsageError(stderr, "-as-of: %q is not a day; use YYYY-MM-DD", *flags.asOf)
		}
	}
	checker := wording.Default()
	if *rulesFile != "" {
		if checker, err = loadRules(*rulesFile); err != nil {
			fmt.Fprintf(stderr, "hirebot check: %v\n", err)
			return 1
		}
	}
	var ignored []string
	for _, id := range strings.Split(*ignore, ",") {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		if !checker.Known(id) {
			return checkUsageError(stderr, "-ignore: no rule or category is called %q; run \"hirebot check -list-rules\" to list them", id)
		}
		ignored = append(ignored, id)
	}
	if *listRules {
		return printRules(checker, stdout, stderr)
	}

	name := files[0]
	text, err := readJD(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "hirebot check: %v\n", err)
		return 1
	}
	doc := wording.ParseMarkdown(text)
	doc.CompanySize, doc.AsOf = *flags.companySize, asOf
	report := checker.Check(doc, wording.Options{Ignore: ignored})
	if err := writeCheckReport(stdout, name, text, report, checker, *format); err != nil {
		fmt.Fprintf(stderr, "hirebot check: %v\n", err)
		return 1
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
			return "", fmt.Errorf("cannot read the job description %s: %w", name, unwrapPath(err))
		}
		defer f.Close()
		r = f
	} else {
		name = "standard input"
	}
	data, err := io.ReadAll(io.LimitReader(r, maxJDSize+1))
	if err != nil {
		return "", fmt.Errorf("cannot read the job description %s: %w", name, unwrapPath(err))
	}
	if len(data) > maxJDSize {
		return "", fmt.Errorf("%s is larger than %d bytes; is it really a job description?", name, maxJDSize)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", fmt.Errorf("%s looks like a binary file; give a Markdown or text job description", name)
	}
	return string(data), nil
}

// loadRules reads a rules overlay and lays it over the built-in rules.
func loadRules(name string) (*wording.Checker, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read the rule overlay %s (-rules): %w", name, unwrapPath(err))
	}
	c, err := wording.NewChecker(data)
	var oe *wording.OverlayError
	if errors.As(err, &oe) {
		// One problem a line, each naming the overlay's own rule and line.
		problems := strings.Split(strings.TrimSpace(oe.Err.Error()), "\n")
		return nil, fmt.Errorf("-rules %s is not a rule overlay hirebot can use:\n  %s", name, strings.Join(problems, "\n  "))
	}
	if err != nil {
		return nil, fmt.Errorf("-rules %s: %w", name, err)
	}
	return c, nil
}

// writeCheckReport writes the report as text, JSON or SARIF; text is the
// job description the report is about, which SARIF points into.
func writeCheckReport(w io.Writer, name, text string, r wording.Report, c *wording.Checker, format string) error {
	switch format {
	case "sarif":
		return writeSARIF(w, name, text, r, c)
	case "json":
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
func printRules(c *wording.Checker, stdout, stderr io.Writer) int {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tLAW OF\tWHY")
	for _, r := range c.Rules() {
		why, _, _ := strings.Cut(r.Message, ". ")
		places := strings.Join(r.Jurisdictions(), ",")
		if places == "" {
			places = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, places, strings.TrimSuffix(why, "."))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "hirebot check: write rules: %v\n", err)
		return 1
	}
	return 0
}
