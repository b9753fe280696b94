package knowledge

import "testing"

func TestMatchCompetencies(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct{ query, want string }{
		{"hiring", "team-building"},
		{"recruiting", "team-building"},
		{"people management", "team-building"},
		{"people-management", "team-building"},
		{"compliance", "security-compliance"},
		{"security", "security-compliance"},
		{"budget", "metrics-budget"},
		{"cost control", "it-financial-control"},
		{"coaching", "mentoring"},
		{"negotiation", "vendor-partners"},
		{"negotiaton", "vendor-partners"}, // a typo
		{"architecture", "software-architecture"},
		{"technical debt", "tech-debt"},
		{"service management", "it-operations"},
		{"build vs buy", "sourcing-decisions"},
		{"presenting to the board", "communication"},
		{"Strategic Thinking", "strategic-thinking"},
		{"conflict", "emotional-intelligence"},
		{"outsourcing", "sourcing-decisions"},
		{"monitoring", "cloud-infrastructure"},
		{"digital transformation", "business-alignment"}, {"information strategy", "information-strategy"},
	}
	for _, tt := range tests {
		got := p.MatchCompetencies(tt.query)
		if len(got) == 0 || got[0].Competency.ID != tt.want {
			var ids []string
			for _, m := range got {
				ids = append(ids, m.Competency.ID)
			}
			t.Errorf("MatchCompetencies(%q) = %v; want %s first", tt.query, ids, tt.want)
		}
	}
	for _, q := range []string{"", "the", "banana", "xyzzy plugh", "pizza party"} {
		if got := p.MatchCompetencies(q); len(got) > 0 {
			t.Errorf("MatchCompetencies(%q) = %s first; want nothing", q, got[0].Competency.ID)
		}
	}
}
