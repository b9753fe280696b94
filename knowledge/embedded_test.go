package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// TestEmbedded loads the built-in pack. It includes the interview
// questions in data/questions, which other files own: a failure there is
// reported with the file and question it is about.
func TestEmbedded(t *testing.T) {
	p := MustEmbedded(t)

	competencies := []string{
		"technology-vision", "strategic-thinking", "business-alignment", "emotional-intelligence",
		"communication", "relationship-building", "results-orientation", "problem-solving",
		"team-building", "mentoring", "engineering-depth", "technical-credibility",
		"software-architecture", "cloud-infrastructure", "tech-debt", "product-management",
		"innovation", "quality-data-protection", "security-compliance", "metrics-budget",
		"engineering-operations", "technology-roadmap", "vendor-partners", "executive-decisions",
		"information-strategy", "it-operations", "it-financial-control", "cross-team-collaboration",
		"sourcing-decisions", "security-programme", "risk-management", "incident-response",
		"security-architecture", "engineering-management", "data-strategy", "data-governance",
		"analytics-insight", "data-engineering", "applied-ml",
	}
	var got []string
	for _, c := range p.Competencies {
		got = append(got, c.ID)
	}
	if !slices.Equal(got, competencies) {
		t.Errorf("competency ids = %v\nwant %v", got, competencies)
	}

	topics := map[string][]string{
		"cto": {"overview", "responsibilities", "skills", "kinds", "technical-leader", "operational",
			"infrastructure", "cto-vs-cio", "great", "cto-vs-vp-engineering", "cto-vs-ciso", "cto-vs-cdo",
			"reporting", "fractional", "founder", "stage", "coding", "pay", "founder-transition", "board",
			"security", "due-diligence", "remote", "first-90-days", "references", "assessing", "search",
			"interviewing", "help"},
		"cio":            {"overview", "responsibilities", "skills", "works-with"},
		"ciso":           {"overview"},
		"vp-engineering": {"overview"},
		"head-of-data":   {"overview"},
	}
	for role, want := range topics {
		if got := p.TopicNames(role); !slices.Equal(got, want) {
			t.Errorf("TopicNames(%q) = %v, want %v", role, got, want)
		}
		for _, name := range want {
			tp, _ := p.TopicByName(role, name)
			if wantID := role + "-" + name; !strings.HasPrefix(name, "cto-vs-") && tp.ID != wantID {
				t.Errorf("topic %s %s has id %q, want %q", role, name, tp.ID, wantID)
			}
		}
	}
	if got := kindIDs(p.RoleKinds("cto")); !slices.Equal(got, []string{"technical-leader", "operational", "infrastructure"}) {
		t.Errorf("cto kinds = %v", got)
	}
	if got := kindIDs(p.RoleKinds("head-of-data")); !slices.Equal(got, []string{"analytics", "data-platform", "machine-learning"}) {
		t.Errorf("head-of-data kinds = %v", got)
	}
	var roles []string
	for _, r := range p.Roles {
		roles = append(roles, r.ID)
	}
	if want := []string{"cto", "cio", "ciso", "vp-engineering", "head-of-data"}; !slices.Equal(roles, want) {
		t.Errorf("roles = %v, want %v", roles, want)
	}
	for _, r := range p.Roles {
		for _, k := range p.RoleKinds(r.ID) {
			if len(p.ChecklistsFor(r.ID, k.ID)) <= len(p.ChecklistsFor(r.ID, "")) {
				t.Errorf("kind %s has no checklist of its own", k.ID)
			}
		}
		sections := map[string]bool{}
		for _, c := range p.ChecklistsFor(r.ID, "") {
			sections[c.Section] = true
		}
		for _, s := range []string{"responsibilities", "requirements", "nice-to-have", "benefits"} {
			if !sections[s] {
				t.Errorf("role %s has no checklist for section %s", r.ID, s)
			}
		}
		if r.Pitch == "" || r.HiringProcess == "" || r.EqualOpportunity == "" || len(r.AltTitles) == 0 {
			t.Errorf("role %s lacks a pitch, hiring process, equal-opportunity statement or other titles", r.ID)
		}
	}
}

// TestEmbeddedQuestions reports on the interview questions separately, so
// that missing question files are named as such.
func TestEmbeddedQuestions(t *testing.T) {
	p := MustEmbedded(t)
	if len(p.Questions) == 0 {
		t.Fatal("no interview questions: knowledge/data/questions/*.yaml is missing or empty")
	}
	byCompetency := map[string]int{}
	for _, q := range p.Questions {
		byCompetency[q.Competency]++
	}
	var none []string
	for _, c := range p.Competencies {
		if byCompetency[c.ID] == 0 {
			none = append(none, c.ID)
		}
	}
	if len(none) > 0 {
		t.Logf("competencies without interview questions yet: %s", strings.Join(none, ", "))
	}
}

func kindIDs(ks []Kind) []string {
	var out []string
	for _, k := range ks {
		out = append(out, k.ID)
	}
	return out
}

// TestEmbeddedValid holds the embedded pack to every check a custom pack
// meets when loaded, and more, since Embedded skips them at start-up.
// make build runs it before building.
func TestEmbeddedValid(t *testing.T) {
	p, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if err := validateEmbedded(p); err != nil {
		t.Fatalf("the embedded pack is invalid: %v", err)
	}
}
