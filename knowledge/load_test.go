package knowledge

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	p := MustLoad(t, "good")
	if got, want := len(p.Roles), 2; got != want {
		t.Errorf("roles: got %d, want %d", got, want)
	}
	if got, want := len(p.Questions), 1; got != want {
		t.Errorf("questions: got %d, want %d (the .txt file must be skipped)", got, want)
	}
	if q, ok := p.Question("q-vision-1"); !ok || q.Rubric[3] == "" {
		t.Errorf("Question(q-vision-1) = %+v, %v; want the question with 4 rubric lines", q, ok)
	}
	if rs := p.Search("technology vision", 1); len(rs) == 0 {
		t.Error("Search found nothing; Load must build the index")
	}
}

// TestLoadErrors loads fixture packs with faults and checks that every
// fault is reported, with where it is.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{"bad", []string{
			`roles: cto: id is used more than once`,
			`competencies: Bad_ID!: id must be lowercase`,
			`questions/one.yaml and questions/two.yaml: q-twice: id is used more than once`,
			`checklists: cto-main: item item-1: id is already used in cto-main`,
			`roles: cto: kind "ghost" is not a kind`,
			`roles: cto: competency "nope" is not a competency`,
			`roles: cio: title is required`,
			`roles: cio: has no topic named "overview"`,
			`kinds: hands-on: competency "cio-only" does not apply to role "cto"`,
			`kinds: floating: role "ceo" is not a role`,
			`competencies: orphan: role "cfo" is not a role`,
			`topics: cto-overview: related "x" is not a topic`,
			`topics: cto-long: name "Long Name" must be lowercase`,
			`topics: cto-long: body is 3000 characters; keep it within 2500`,
			`topics: cto-long: has 16 points; keep it within 15`,
			`topics: ceo-overview: role "ceo" is not a role`,
			`topics: cto-twin: name "overview" is already used by cto-overview`,
			`topics: cto-overview: origin is required: one of guide, hirebot, guide-and-hirebot, team`,
			`topics: cto-overview: source is required`,
			`topics: cto-twin: origin "rumour" is not one of guide, hirebot, guide-and-hirebot, team`,
			`topics: cto-long: source must be one line`,
			`checklists: cto-main: kind "floating" belongs to role "ceo", not "cto"`,
			`checklists: cto-main: section "salary" is not one of outcomes, responsibilities, requirements, nice-to-have, benefits`,
			`checklists: cto-main: item 3: id is required`,
			`checklists: cto-main: item 3: competency "missing-competency" is not a competency`,
			`questions/one.yaml: q-thin: competency "ghost-skill" is not a competency`,
			`questions/one.yaml: q-thin: kind "hands-on" is of role "cto", which is not in roles`,
			`questions/one.yaml: q-thin: needs at least 2 strong answers, has 1`,
			`questions/one.yaml: q-thin: needs at least 1 red flag, has 0`,
			`questions/one.yaml: q-thin: needs at least 2 follow-ups, has 1`,
			`questions/one.yaml: q-thin: rubric line 3 is blank`,
		}},
		{"strict", []string{
			`topics.yaml: yaml: unmarshal errors:`,
			`field titel not found in type knowledge.Topic`,
			`questions/short.yaml: yaml: invalid array: want 4 elements but got 3`,
		}},
		{"strayfile", []string{
			`topic.yaml: unknown file`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			p, err := Load(os.DirFS("testdata/" + tt.dir))
			if err == nil {
				t.Fatalf("Load(testdata/%s) = %d topics, nil error; want errors", tt.dir, len(p.Topics))
			}
			if p != nil {
				t.Errorf("Load returned a pack along with its error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not report %q; it is:\n%v", w, err)
				}
			}
		})
	}
}

func TestLoadMissingPack(t *testing.T) {
	// A pack directory that does not exist is an error, not an empty pack.
	p, err := Load(os.DirFS("testdata/no-such-pack"))
	if err == nil {
		t.Fatalf("Load of a missing directory = %+v, nil; want an error", p)
	}
}

func TestOverlay(t *testing.T) {
	base := MustLoad(t, "good")
	p, err := Overlay(base, os.DirFS("testdata/overlay"))
	if err != nil {
		t.Fatalf("Overlay: %v", err)
	}
	tests := []struct {
		id, title string
	}{
		{"cto-duties", "What our CTO does"}, // replaced
		{"cto-extra", "Our hiring notes"},   // added
		{"cto-overview", "What is a CTO?"},  // kept
	}
	for _, tt := range tests {
		if got, ok := p.Topic(tt.id); !ok || got.Title != tt.title {
			t.Errorf("Topic(%q) = %q, %v; want %q", tt.id, got.Title, ok, tt.title)
		}
	}
	if got, want := len(p.Topics), len(base.Topics)+1; got != want {
		t.Errorf("topics: got %d, want %d", got, want)
	}
	if ids := topicIDs(p.Topics); !slices.Equal(ids[:len(base.Topics)], topicIDs(base.Topics)) {
		t.Errorf("topic order %v; a replaced topic must keep its place", ids)
	}
	if _, ok := p.Question("q-ours-1"); !ok {
		t.Error("the overlay's question is missing")
	}
	if rs := p.Search("quarterly offsites", 1); len(rs) == 0 || rs[0].Topic.ID != "cto-extra" {
		t.Errorf("Search(quarterly offsites) = %v; the overlay's topics must be indexed", rs)
	}
	if got, _ := base.Topic("cto-duties"); got.Title != "CTO duties" {
		t.Errorf("Overlay changed the base pack: cto-duties is now %q", got.Title)
	}
}

func TestOverlayErrors(t *testing.T) {
	base := MustLoad(t, "good")
	_, err := Overlay(base, os.DirFS("testdata/overlay-bad"))
	if err == nil || !strings.Contains(err.Error(), "topics: cto-extra: id is used more than once") {
		t.Errorf("Overlay(overlay-bad) error = %v; want the duplicate id reported", err)
	}
	_, err = Overlay(base, os.DirFS("testdata/bad"))
	if err == nil || !strings.Contains(err.Error(), `related "x" is not a topic`) {
		t.Errorf("Overlay(bad) error = %v; want the merged pack's problems", err)
	}
}

func topicIDs(ts []Topic) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}
