package draft

import "testing"

// TestTeamPhrase: whatever the team field holds, the scope sentence reads
// as English: a head count becomes "a team of N …", the parts after it
// "N of them …", and words that are no head count are quoted as given.
func TestTeamPhrase(t *testing.T) {
	tests := []struct{ team, want string }{
		{"12", "You will lead a team of 12 people."},
		{"1", "You will lead a team of 1 person."},
		{"12 people", "You will lead a team of 12 people."},
		{"12 engineers.", "You will lead a team of 12 engineers."},
		{"60 people, 28 in engineering", "You will lead a team of 60 people, 28 of them in engineering."},
		{"60 people; 28 in engineering", "You will lead a team of 60 people, 28 of them in engineering."},
		{"60 people (28 in engineering)", "You will lead a team of 60 people, 28 of them in engineering."},
		{"60 people, 28 in engineering and 10 in data", "You will lead a team of 60 people, 28 of them in engineering and 10 in data."},
		{"60 people, 28 engineers", "You will lead a team of 60 people, 28 of them engineers."},
		{"60 people, of whom 28 are engineers", "You will lead a team of 60 people, of whom 28 are engineers."},
		{"40 engineers across 6 squads", "You will lead a team of 40 engineers across 6 squads."},
		{"8 engineers and 2 designers", "You will lead a team of 8 engineers and 2 designers."},
		{"about 40", "You will lead a team of about 40 people."},
		{"Around 40 engineers", "You will lead a team of around 40 engineers."},
		{"40-50", "You will lead a team of 40-50 people."},
		{"40–50 engineers", "You will lead a team of 40–50 engineers."},
		{"60+", "You will lead a team of 60+ people."},
		{"1,200 staff", "You will lead a team of 1,200 staff."},
		{"a team of 12", "You will lead a team of 12 people."},
		{"team of 12 engineers", "You will lead a team of 12 engineers."},
		{"twelve", "You will lead a team of twelve people."},
		{"three squads", "You will lead a team of three squads."},
		{"6 direct reports", "You will have 6 direct reports."},
		{"6 direct reports, 45 people in all", "You will have 6 direct reports (45 people in all)."},
		{"none yet", "You will build the team from the start."},
		{"no team yet: you hire the first 5", "You will build the team from the start."},
		{"0", "You will build the team from the start."},
		{"The platform team (12) and the data team (5)", "You will lead the platform team (12) and the data team (5)."},
		{"our 30-person engineering group", "You will lead our 30-person engineering group."},
		{"TBC", "The team: TBC."},
		{"grows from 5 to 20 this year", "The team: grows from 5 to 20 this year."},
		{"Engineering: 40", "The team: Engineering: 40."},
		{"12 in engineering", "You will lead a team of 12 in engineering."},
	}
	for _, tt := range tests {
		d := &Draft{Fields: map[Field]string{Team: tt.team}}
		if got := d.Scope(); got != tt.want {
			t.Errorf("team %q:\n got %q\nwant %q", tt.team, got, tt.want)
		}
	}
}

// TestScope: the reporting line, the team and the budget make one
// sentence, each part when set.
func TestScope(t *testing.T) {
	tests := []struct {
		reports, team, budget, want string
	}{
		{"", "", "", ""},
		{"the CEO", "", "", "You will report to the CEO."},
		{"The CEO", "60 people, 28 in engineering", "", "You will report to the CEO and lead a team of 60 people, 28 of them in engineering."},
		{"the CEO", "12", "$4M a year", "You will report to the CEO; lead a team of 12 people; and hold a budget of $4M a year."},
		{"", "", "€2m", "You will hold a budget of €2m."},
		{"the CFO", "", "an IT budget of £3m", "You will report to the CFO and hold an IT budget of £3m."},
		{"the CEO", "TBC", "", "You will report to the CEO. The team: TBC."},
		{"", "TBC", "", "The team: TBC."},
	}
	for _, tt := range tests {
		d := &Draft{Fields: map[Field]string{ReportsTo: tt.reports, Team: tt.team, Budget: tt.budget}}
		if got := d.Scope(); got != tt.want {
			t.Errorf("%q, %q, %q:\n got %q\nwant %q", tt.reports, tt.team, tt.budget, got, tt.want)
		}
	}
}
