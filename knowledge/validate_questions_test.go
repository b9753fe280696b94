package knowledge

import (
	"slices"
	"strings"
	"testing"
)

func TestProtectedTopic(t *testing.T) {
	tests := []struct {
		text  string
		topic string // "" when the text is fine
	}{
		{"How did you look after yourself through it?", "health or disability"},
		{"Do you have any health conditions we should know about?", "health or disability"},
		{"How did the stress affect your own wellbeing?", "health or disability"},
		{"Have you ever been off sick for long?", "health or disability"},
		{"How do you balance the job with your family?", "family or caring duties"},
		{"Do you plan to start a family soon?", "family or caring duties"},
		{"Does your spouse mind the travel?", "family or caring duties"},
		{"Who looks after your kids while you travel?", "family or caring duties"},
		{"Are you pregnant or planning to be?", "pregnancy"},
		{"Which church do you go to?", "religion or belief"},
		{"Will religious holidays get in the way of releases?", "religion or belief"},
		{"What is your nationality?", "nationality or ethnicity"},
		{"Is English your native language?", "nationality or ethnicity"},
		{"Where are you from originally?", "nationality or ethnicity"},
		{"How old were you when you became a manager?", "age"},
		{"What year of birth should we put on the form?", "age"},
		{"Do you see yourself retiring here? When do you plan to retire?", "age"},
		{"How do you think your gender shaped your career?", "sex, gender or sexual orientation"},
		{"Are you a trade union member?", "politics or union membership"},
		// Ordinary interview language that must not be caught.
		{"Tell us about a product you decided to retire.", ""},
		{"How did you keep the relationship healthy through the dispute?", ""},
		{"How did you find the race condition in the payment service?", ""},
		{"Which child process leaked the file handles?", ""},
		{"Did the supplier act in good faith?", ""},
		{"What early signs of trouble do you watch for in a team?", ""},
		{"How would you support a team member who asks for an adjustment?", ""},
	}
	for _, tt := range tests {
		topic, _, ok := ProtectedTopic(tt.text)
		if topic != tt.topic || ok != (tt.topic != "") {
			t.Errorf("ProtectedTopic(%q) = %q, %v; want %q", tt.text, topic, ok, tt.topic)
		}
	}
}

func TestValidateRejectsProtectedQuestions(t *testing.T) {
	p := MustEmbedded(t)
	q := p.Questions[0]
	q.ID = "q-probe"
	q.FollowUps = append(slices.Clone(q.FollowUps), "How did you look after yourself through it?")
	p.Questions = append(slices.Clone(p.Questions), q)
	err := Validate(p)
	if err == nil || !strings.Contains(err.Error(), `q-probe: follow-up 3 touches health or disability ("look after yourself")`) {
		t.Errorf("Validate with a follow-up about self-care = %v; want it rejected", err)
	}
	q.FollowUps = q.FollowUps[:2]
	q.Text = "Tell us how your family feels about the long hours."
	p.Questions[len(p.Questions)-1] = q
	if err := Validate(p); err == nil || !strings.Contains(err.Error(), "q-probe: text touches family or caring duties") {
		t.Errorf("Validate with a question about family = %v; want it rejected", err)
	}
}

func TestEmbeddedQuestionsAskNothingProtected(t *testing.T) {
	for _, q := range MustEmbedded(t).Questions {
		for _, s := range append([]string{q.Text}, q.FollowUps...) {
			if topic, words, ok := ProtectedTopic(s); ok {
				t.Errorf("%s touches %s (%q): %s", q.ID, topic, words, s)
			}
		}
	}
}

func TestCoverage(t *testing.T) {
	p := MustEmbedded(t)
	if err := Coverage(p); err != nil {
		t.Fatalf("Coverage(embedded) = %v", err)
	}
	if len(p.Questions) < MinQuestions {
		t.Errorf("the pack has %d questions; want at least %d", len(p.Questions), MinQuestions)
	}
	for _, r := range p.Roles {
		for _, kind := range append([]string{""}, r.Kinds...) {
			called := CalledFor(p, r.ID, kind)
			if len(called) == 0 {
				t.Errorf("%s %s: a job description calls for no competencies", r.ID, kind)
			}
			for _, c := range called {
				if n := CountQuestions(p, r.ID, kind, c); n < MinPerCompetency {
					t.Errorf("%s %s: %s has %d questions", r.ID, kind, c, n)
				}
			}
		}
	}
	if !slices.Contains(CalledFor(p, "cto", "technical-leader"), "team-building") {
		t.Error("a technical-leader draft must call for team-building (its drafts ask the CTO to grow the team)")
	}

	// Dropping the questions of one competency names it, with the role and
	// kind that need it.
	thin := *p
	thin.Questions = slices.DeleteFunc(slices.Clone(p.Questions), func(q Question) bool {
		return q.Competency == "team-building" && strings.HasSuffix(q.ID, "1")
	})
	err := Coverage(&thin)
	if err == nil || !strings.Contains(err.Error(), "competency team-building has") ||
		!strings.Contains(err.Error(), "for a cto technical-leader job description") {
		t.Errorf("Coverage without most team-building questions = %v; want team-building named", err)
	}
	// Dropping most of one role's questions names the role.
	fewer := *p
	fewer.Questions = slices.DeleteFunc(slices.Clone(p.Questions), func(q Question) bool {
		return slices.Contains(q.Roles, "ciso") && !strings.HasSuffix(q.ID, "1")
	})
	if err := Coverage(&fewer); err == nil || !strings.Contains(err.Error(), "role ciso has") {
		t.Errorf("Coverage without most CISO questions = %v; want the role named", err)
	}
	small := MustLoad(t, "good")
	if err := Coverage(small); err == nil || !strings.Contains(err.Error(), "it needs at least 120") {
		t.Errorf("Coverage(testdata/good) = %v; want too few questions reported", err)
	}
}

// TestNoNearDuplicateQuestions: no two questions of the built-in pack ask
// nearly the same thing (more than 40 % of their content words shared), so
// a kit never holds the same question twice in other words.
func TestNoNearDuplicateQuestions(t *testing.T) {
	pack, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	words := make([]map[string]bool, len(pack.Questions))
	for i, q := range pack.Questions {
		words[i] = map[string]bool{}
		for _, tok := range tokens(q.Text) {
			words[i][tok.stem] = true
		}
	}
	for i := range pack.Questions {
		for j := i + 1; j < len(pack.Questions); j++ {
			shared := 0
			for w := range words[i] {
				if words[j][w] {
					shared++
				}
			}
			if union := len(words[i]) + len(words[j]) - shared; union > 0 && float64(shared)/float64(union) > 0.4 {
				t.Errorf("%s and %s ask nearly the same (%d of %d content words shared):\n  %s\n  %s",
					pack.Questions[i].ID, pack.Questions[j].ID, shared, union, pack.Questions[i].Text, pack.Questions[j].Text)
			}
		}
	}
}

// TestEveryRoleHasItsQuestions: every role the pack drafts for has at least
// MinPerRole interview questions (Coverage checks it too; this says how
// many, and how many are written for the role alone).
func TestEveryRoleHasItsQuestions(t *testing.T) {
	p := MustEmbedded(t)
	for _, r := range p.Roles {
		own := 0
		for _, q := range p.Questions {
			if slices.Equal(q.Roles, []string{r.ID}) {
				own++
			}
		}
		n := RoleQuestions(p, r.ID)
		t.Logf("%s: %d questions, %d of them for this role alone", r.ID, n, own)
		if n < MinPerRole {
			t.Errorf("role %s has %d questions; want at least %d", r.ID, n, MinPerRole)
		}
	}
}
