package interview

import (
	"slices"
	"testing"

	"github.com/hirebot/hirebot/knowledge"
)

func q(id, comp string, kinds ...string) *knowledge.Question {
	return &knowledge.Question{ID: id, Competency: comp, Roles: []string{"cto"}, Kinds: kinds}
}

func TestPick(t *testing.T) {
	pool := []*knowledge.Question{
		q("a1", "a"), q("a2", "a"), q("a3", "a", "infrastructure"),
		q("b1", "b"), q("b2", "b"),
		q("c1", "c"),
	}
	tests := []struct {
		name     string
		asked    []string
		priority []string
		kind     string
		n        int
		rotate   int
		want     []string
	}{
		{"spread before repeat", nil, nil, "", 4, 0, []string{"a1", "b1", "c1", "a2"}},
		{"priority first", nil, []string{"c", "b"}, "", 3, 0, []string{"c1", "b1", "a1"}},
		{"kind questions lead", nil, nil, "infrastructure", 2, 0, []string{"a3", "b1"}},
		{"skips asked", []string{"a1", "b1"}, nil, "", 3, 0, []string{"a2", "b2", "c1"}},
		{"rotates the rest", nil, nil, "", 3, 1, []string{"b1", "c1", "a1"}},
		{"pool used up", []string{"a1", "a2", "a3", "b1", "b2", "c1"}, nil, "", 5, 0, nil},
		{"fewer left than asked", []string{"a1", "a2", "a3", "b1", "b2"}, nil, "", 5, 0, []string{"c1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked := map[string]bool{}
			for _, id := range tt.asked {
				asked[id] = true
			}
			var got []string
			for _, q := range Pick(pool, asked, tt.priority, tt.kind, tt.n, tt.rotate) {
				got = append(got, q.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Pick = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPool(t *testing.T) {
	pack := &knowledge.Pack{Questions: []knowledge.Question{
		{ID: "x", Competency: "a", Roles: []string{"cto"}},
		{ID: "y", Competency: "b", Roles: []string{"cio"}},
		{ID: "z", Competency: "a", Roles: []string{"cto"}, Kinds: []string{"operational"}},
	}}
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"role", Filter{Role: "cto"}, []string{"x", "z"}},
		{"kind excludes other kinds", Filter{Role: "cto", Kind: "infrastructure"}, []string{"x"}},
		{"competency", Filter{Competencies: []string{"b"}}, []string{"y"}},
		{"all", Filter{}, []string{"x", "y", "z"}},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range Pool(pack, tt.f) {
			got = append(got, q.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Pool = %v, want %v", tt.name, got, tt.want)
		}
	}
}
