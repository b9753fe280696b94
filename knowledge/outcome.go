package knowledge

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// The labels of questions that are not answered by a topic: what a
// labelled question expects, and what Outcome names a lookup. A topic's
// label is its id.
const (
	LabelNone      = "none"       // outside what hirebot covers: "I don't cover that"
	LabelOtherRole = "other-role" // about a role hirebot has no material on
	LabelLegal     = "legal"      // asks for legal advice
	LabelSocial    = "social"     // a greeting, thanks or small talk
	LabelJD        = "jd-help"    // wants a job description drafted: the pointer to /jd start
	LabelRoleMiss  = "role-miss"  // a topic asked of a role that lacks it
	LabelChoices   = "choices"    // the reply offers close topics to choose from
)

// nonAnswers are the labels of the classes the topic model may decide on
// that answer with no topic.
var nonAnswers = []string{LabelNone, LabelOtherRole, LabelLegal, LabelSocial}

// Honest reports whether an outcome is an honest reply to a question
// hirebot cannot answer (labelled none, legal or other-role): no topic, no
// pointer and no choices, but a reply that says so.
func Honest(outcome string) bool { return slices.Contains(nonAnswers, outcome) }

// Answerable reports whether a label expects an answer: a topic or the
// pointer to /jd start.
func Answerable(label string) bool {
	return !slices.Contains(nonAnswers, label) && label != LabelRoleMiss
}

// Outcome names what a lookup replies, in the labels' terms: a topic id,
// LabelJD, LabelChoices, one of the non-answers, or LabelRoleMiss.
func Outcome(l Lookup) string {
	switch {
	case l.Social != NotSocial:
		return LabelSocial
	case l.Elsewhere != nil:
		return LabelRoleMiss
	case l.Topic != nil:
		return l.Topic.ID
	case l.Answer != nil:
		return l.Answer.Topic.ID
	case len(l.Choices) > 0:
		return LabelChoices
	case l.Pointer == PointJD:
		return LabelJD
	case l.Pointer == PointLegal:
		return LabelLegal
	case l.Pointer == PointOtherRole:
		return LabelOtherRole
	}
	return LabelNone
}

// LabelledQuestion is one question of a labelled set.
type LabelledQuestion struct {
	Label, Text string
	Source      string // where it comes from: a file name and line
}

// ReadLabelled reads a labelled set: one question a line, its label, a
// tab, its text. Blank lines and lines starting with # are skipped. name
// names the source in errors and in each question's Source.
func ReadLabelled(r io.Reader, name string) ([]LabelledQuestion, error) {
	var out []LabelledQuestion
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, "\t")
		label, text = strings.TrimSpace(label), strings.TrimSpace(text)
		if !ok || label == "" || text == "" {
			return nil, fmt.Errorf("%s:%d: want label<TAB>text, got %q", name, n, line)
		}
		out = append(out, LabelledQuestion{Label: label, Text: text, Source: fmt.Sprintf("%s:%d", name, n)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// ChoiceIDs returns the ids of the topics a lookup offers as choices.
func ChoiceIDs(l Lookup) []string {
	var out []string
	for _, t := range l.Choices {
		out = append(out, t.ID)
	}
	return out
}
