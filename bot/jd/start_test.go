package jd

import (
	"testing"

	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/wording"
)

// TestTemplatesPassTheWordingCheck: a first draft built from the knowledge
// checklists must not draw a finding about its wording — only about what
// the team still has to add (salary, location, length).
func TestTemplatesPassTheWordingCheck(t *testing.T) {
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	h := New(Config{Pack: pack, Slash: "/jd"})
	wordingCategories := map[string]bool{"gender": true, "pronouns": true, "jargon": true, "age": true, "ableist": true, "superlatives": true,
		"sex": true, "disability": true, "origin": true, "identity": true, "application": true}
	for _, role := range pack.Roles {
		kinds := []knowledge.Kind{{}}
		kinds = append(kinds, pack.RoleKinds(role.ID)...)
		for _, kind := range kinds {
			t.Run(role.ID+"/"+kind.ID, func(t *testing.T) {
				d, _, err := draft.New(testStart(h, role, kind, role.Title))
				if err != nil {
					t.Fatal(err)
				}
				if n := len(d.Sections[draft.Requirements]); n == 0 || n > 7 {
					t.Errorf("%d requirements; a first draft should have 1 to 7", n)
				}
				for _, f := range wording.Check(Document(d), wording.Options{}).Findings {
					if wordingCategories[f.Category] {
						t.Errorf("[%s] %s — %s", f.RuleID, f.Quoted(), f.Why)
					}
				}
			})
		}
	}
}
