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
		todo := 0
		for _, f := range r.Findings {
			if f.ToDo() {
				todo++
				continue
			}
			counts[f.Severity]++
		}
		var parts []string
		for _, s := range []Severity{Error, Review, Warning, Info} {
			if n := counts[s]; n > 0 {
				name := s.String()
				switch {
				case s == Review:
					name = "for review"
				case n > 1 && s != Info:
					name += "s"
				}
				parts = append(parts, fmt.Sprintf("%d %s", n, name))
			}
		}
		if todo > 0 {
			parts = append(parts, fmt.Sprintf("%d still to do in the draft", todo))
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

// WriteText writes the report as plain text: the summary line first, then
// one entry per finding, errors first, each with its severity, rule id and
// every quote with its place, then why it matters, the fix and the short
// citation with the jurisdictions whose law it rests on. The full sources
// are in the JSON form of the report.
func (r Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Summary: %s\n", r.Summary)
	for _, f := range r.Findings {
		sev := f.Severity.String()
		if f.ToDo() {
			sev = "to do"
		}
		fmt.Fprintf(bw, "\n%-7s %s  %s\n", sev, f.RuleID, f.Quoted())
		fmt.Fprintf(bw, "        Why: %s\n", f.Why)
		fmt.Fprintf(bw, "        Fix: %s\n", f.Fix)
		fmt.Fprintf(bw, "        Source: %s\n", f.Cite())
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// Quoted lists what a finding quotes and where, in document order:
// "rockstar" (summary), "ninja" (requirements #2).
func (f Finding) Quoted() string {
	parts := make([]string, len(f.Quotes))
	for i, q := range f.Quotes {
		if q.Text == "" {
			parts[i] = "(" + q.Where + ")"
		} else {
			parts[i] = fmt.Sprintf("\"%s\" (%s)", q.Text, q.Where)
		}
	}
	return strings.Join(parts, ", ")
}

// Cite is the finding's short citation followed by the jurisdictions whose
// law it rests on: "ADEA (1967); Equality Act 2010 [US, UK]".
func (f Finding) Cite() string {
	if len(f.Jurisdictions) == 0 {
		return f.Citation
	}
	return f.Citation + " [" + strings.Join(f.Jurisdictions, ", ") + "]"
}
