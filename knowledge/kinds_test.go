package knowledge

import (
	"slices"
	"strings"
	"testing"
)

func TestKindNamed(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct {
		in, want string
	}{
		{"technical-leader", "technical-leader"},
		{"Technical_Leader", "technical-leader"},
		{"TECH-LEAD", "technical-leader"},
		{"techlead", "technical-leader"},
		{"ops", "operational"},
		{"Operations", "operational"},
		{"infra", "infrastructure"},
		{"cio", ""},
		{"--", ""},
		{"", ""},
	}
	for _, tt := range tests {
		k, ok := p.KindNamed(tt.in)
		if k.ID != tt.want || ok != (tt.want != "") {
			t.Errorf("KindNamed(%q) = %q, %v; want %q", tt.in, k.ID, ok, tt.want)
		}
	}
}

func TestValidateKindAliases(t *testing.T) {
	p := *MustEmbedded(t)
	p.Kinds = slices.Clone(p.Kinds)
	p.Kinds[1].Aliases = append(slices.Clone(p.Kinds[1].Aliases), p.Kinds[0].ID)
	err := Validate(&p)
	if err == nil || !strings.Contains(err.Error(), "alias \""+p.Kinds[0].ID+"\" names kind") {
		t.Errorf("Validate with an alias naming another kind = %v; want it refused", err)
	}
}
