package wording

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// summarize writes the one-line summary of a report.
func summarize(r Report) string {
	var b strings.Builder
	if len(r.Findings) == 0 {
		b.WriteString("No findings.")
	} else {
		counts := map[Severity]int{}
		for _, f := range r.Findings {
			counts[f.Severity]++
		}
		var parts []string
		for _, s := range []Severity{Error, Warning, Info} {
			if n := counts[s]; n > 0 {
				name := s.String()
				if n > 1 && s != Info {
					name += "s"
				}
				parts = append(parts, fmt.Sprintf("%d %s", n, name))
			}
		}
		fmt.Fprintf(&b, "%d %s: %s.", len(r.Findings), plural(len(r.Findings), "finding", "findings"), strings.Join(parts, ", "))
	}
	fmt.Fprintf(&b, " %d words", r.Words)
	if r.ReadingBand != "" {
		fmt.Fprintf(&b, ", reading ease %.1f (%s)", r.Reading, r.ReadingBand)
	}
	b.WriteString(".")
	if len(r.Ignored) > 0 {
		fmt.Fprintf(&b, " Ignored: %s.", strings.Join(r.Ignored, ", "))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// WriteText writes the report as plain text: findings grouped under their
// category's title, one line each with severity, rule id, quote and place,
// followed by why it matters, the fix and the source the first time a rule
// appears; then the summary line.
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	titles := map[string]string{}
	for _, c := range mustChecker().categories {
		titles[c.ID] = c.Title
	}
	last := ""
	explained := map[string]bool{}
	for _, f := range r.Findings {
		if f.Category != last {
			if last != "" {
				bw.WriteString("\n")
			}
			fmt.Fprintf(bw, "%s\n", titles[f.Category])
			last = f.Category
		}
		fmt.Fprintf(bw, "  %-7s %s  %s\n", f.Severity, f.RuleID, describe(f))
		// A rule is explained once; the law named for a pay finding is part
		// of its Why, so pay findings are always explained in full.
		if explained[f.RuleID] && f.Category != "salary" {
			continue
		}
		explained[f.RuleID] = true
		fmt.Fprintf(bw, "          Why: %s\n", f.Why)
		fmt.Fprintf(bw, "          Fix: %s\n", f.Fix)
		fmt.Fprintf(bw, "          Source: %s\n", f.Source)
	}
	if len(r.Findings) > 0 {
		bw.WriteString("\n")
	}
	fmt.Fprintf(bw, "Summary: %s\n", r.Summary)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// describe says what a finding quotes and where.
func describe(f Finding) string {
	if f.Quote == "" {
		return "(" + f.Where + ")"
	}
	return fmt.Sprintf("\"%s\" in %s", f.Quote, f.Where)
}
