package interview

import (
	"testing"

	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// TestEngagementCompetenciesHaveQuestions: every competency an engagement
// leans /interview to exists in the pack and has questions for a CTO, so
// /interview fractional never comes back empty.
func TestEngagementCompetenciesHaveQuestions(t *testing.T) {
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []locale.Kind{locale.Fractional, locale.Interim} {
		e, _ := locale.Default().Engagement(k)
		if len(e.Interview) == 0 {
			t.Errorf("%s lists no competencies", k)
		}
		for _, c := range e.Interview {
			if len(Pool(pack, Filter{Role: knowledge.DefaultRole, Competencies: []string{c}})) == 0 {
				t.Errorf("%s: competency %q has no questions for a CTO", k, c)
			}
		}
	}
}
