// Command score-queries scores /cto-role on labelled questions: each line
// of each FILE is a label, a tab and a question, as in
// knowledge/testdata/queries. It resolves every question as /cto-role
// does (the embedded pack and topic model) and prints
//
//   - top-1: of the answerable questions (labelled with a topic id or
//     jd-help), those answered with that topic or pointer card; offered
//     choices do not count;
//   - top-or-choices: those answered with it, or offered it among at most
//     three choices;
//   - honest: of the questions labelled none, legal or other-role, those
//     answered with no topic, pointer or choices (a "not covered", legal,
//     other-role or small-talk reply);
//   - social: of those labelled social, those answered as small talk (and
//     role-miss, for the repo's older set);
//
// then the misses per label. Usage:
//
//	go run ./knowledge/cmd/score-queries [-v] [-model FILE] FILE...
//
// -v lists every miss; -model scores a model file instead of the embedded
// one. It exits 1 if a file cannot be read or holds a label that is no
// topic id and none of jd-help, none, other-role, legal, social and
// role-miss.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/hirebot/hirebot/knowledge"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "score-queries:", err)
		os.Exit(1)
	}
}

// miss is one question answered otherwise than its label.
type miss struct {
	q       knowledge.LabelledQuestion
	outcome string
	choices []string
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("score-queries", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "list every miss")
	modelFile := fs.String("model", "", "score this model file instead of the embedded one")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: score-queries [-v] [-model FILE] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("name at least one file of labelled questions")
	}
	p, err := knowledge.Embedded()
	if err != nil {
		return err
	}
	if *modelFile != "" {
		data, err := os.ReadFile(*modelFile)
		if err != nil {
			return err
		}
		if p, err = p.WithModel(data); err != nil {
			return err
		}
	}
	var total knowledge.Figures
	var misses []miss
	for _, name := range fs.Args() {
		qs, err := readFile(name)
		if err != nil {
			return err
		}
		var f knowledge.Figures
		for _, q := range qs {
			if err := checkLabel(p, q); err != nil {
				return err
			}
			l, err := p.Resolve(q.Text)
			if err != nil {
				return fmt.Errorf("%s: %w", q.Source, err)
			}
			o, choices := knowledge.Outcome(l), knowledge.ChoiceIDs(l)
			f.Add(q.Label, o, choices)
			total.Add(q.Label, o, choices)
			if !right(q.Label, o) {
				misses = append(misses, miss{q, o, choices})
			}
		}
		fmt.Fprintf(out, "%s: %d questions\n  %s\n", name, len(qs), line(f))
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(out, "all files\n  %s\n", line(total))
	}
	printMisses(out, misses, *verbose)
	return nil
}

// line is the figures in one line, role-miss added when there were any.
func line(f knowledge.Figures) string {
	s := f.String()
	if f.RoleMiss > 0 {
		s += fmt.Sprintf(" · role-miss %d/%d", f.RoleMissOK, f.RoleMiss)
	}
	return s
}

// right reports whether outcome answers a question labelled label as the
// figures count it right (top-1, honest, social, role-miss).
func right(label, outcome string) bool {
	switch {
	case knowledge.Answerable(label):
		return outcome == label
	case label == knowledge.LabelSocial, label == knowledge.LabelRoleMiss:
		return outcome == label
	}
	return knowledge.Honest(outcome)
}

// printMisses prints how many questions of each label were missed, most
// first, and with verbose every miss.
func printMisses(out io.Writer, misses []miss, verbose bool) {
	byLabel := map[string][]miss{}
	for _, m := range misses {
		byLabel[m.q.Label] = append(byLabel[m.q.Label], m)
	}
	labels := make([]string, 0, len(byLabel))
	for l := range byLabel {
		labels = append(labels, l)
	}
	slices.SortFunc(labels, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(byLabel[b]), len(byLabel[a])), cmp.Compare(a, b))
	})
	fmt.Fprintf(out, "misses by label (%d in all)%s\n", len(misses), map[bool]string{false: "; -v lists them", true: ""}[verbose])
	for _, l := range labels {
		fmt.Fprintf(out, "  %-24s %d\n", l, len(byLabel[l]))
		if !verbose {
			continue
		}
		for _, m := range byLabel[l] {
			got := m.outcome
			if len(m.choices) > 0 {
				got += " [" + strings.Join(m.choices, " | ") + "]"
			}
			fmt.Fprintf(out, "      → %s: %s (%s)\n", got, m.q.Text, m.q.Source)
		}
	}
}

// checkLabel reports a label that is no topic and no label of the set.
func checkLabel(p *knowledge.Pack, q knowledge.LabelledQuestion) error {
	if _, ok := p.Topic(q.Label); ok {
		return nil
	}
	switch q.Label {
	case knowledge.LabelJD, knowledge.LabelNone, knowledge.LabelOtherRole, knowledge.LabelLegal,
		knowledge.LabelSocial, knowledge.LabelRoleMiss:
		return nil
	}
	return fmt.Errorf("%s: label %q is no topic id and none of %s, %s, %s, %s, %s, %s", q.Source, q.Label,
		knowledge.LabelJD, knowledge.LabelNone, knowledge.LabelOtherRole, knowledge.LabelLegal, knowledge.LabelSocial, knowledge.LabelRoleMiss)
}

func readFile(name string) ([]knowledge.LabelledQuestion, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return knowledge.ReadLabelled(f, name)
}
