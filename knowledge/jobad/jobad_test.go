package jobad

import "testing"

func TestParseSection(t *testing.T) {
	tests := []struct {
		in   string
		want Section
		ok   bool
	}{
		{"responsibilities", Responsibilities, true},
		{"Resp", Responsibilities, true},
		{"responsibility", Responsibilities, true},
		{"reqs", Requirements, true},
		{"requirement", Requirements, true},
		{"must-have", Requirements, true},
		{"Must have:", Requirements, true},
		{"nice", NiceToHave, true},
		{"nice to have", NiceToHave, true},
		{"nicetohave", NiceToHave, true},
		{"nice_to_have", NiceToHave, true},
		{"bonus", NiceToHave, true},
		{"perks", Benefits, true},
		{"benefit", Benefits, true},
		{"BENEFITS", Benefits, true},
		{"", "", false},
		{"skills", "", false},
		{"nice to", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseSection(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseSection(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseField(t *testing.T) {
	tests := []struct {
		in   string
		want Field
		ok   bool
	}{
		{"salary", Salary, true},
		{"pay", Salary, true},
		{"Compensation", Salary, true},
		{"location", Location, true},
		{"where", Location, true},
		{"summary", Summary, true},
		{"about", Summary, true},
		{"company", Company, true},
		{"org", Company, true},
		{"title", Title, true},
		{"role-title", Title, true},
		{"role title", Title, true},
		{"team", Team, true},
		{"Team size", Team, true},
		{"headcount", Team, true},
		{"process", Process, true},
		{"how we hire", Process, true},
		{"hiring-process", Process, true},
		{"eeo", EEO, true},
		{"Equal opportunity", EEO, true},
		{"accommodations", EEO, true},
		{"", "", false},
		{"kind", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseField(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseField(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Responsibilities.Label(), "Responsibilities"},
		{Requirements.Label(), "Requirements"},
		{NiceToHave.Label(), "Nice to have"},
		{Benefits.Label(), "Benefits"},
		{Title.Label(), "Title"},
		{Salary.Label(), "Salary"},
		{Summary.Label(), "Summary"},
		{Team.Label(), "Team size"},
		{Process.Label(), "How we hire"},
		{EEO.Label(), "Equal opportunity"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("Label() = %q, want %q", tt.got, tt.want)
		}
	}
}
