package draft

import (
	"reflect"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/knowledge"
)

// checklist returns a checklist of n items feeding section, the kind's own
// when kind is set; item ids are prefix-1, prefix-2, ….
func checklist(section, kind, prefix string, n int) knowledge.Checklist {
	l := knowledge.Checklist{ID: prefix, Role: "cto", Kind: kind, Section: section}
	for i := range n {
		id := prefix + "-" + string(rune('1'+i))
		l.Items = append(l.Items, knowledge.ChecklistItem{ID: id, Text: "Item " + id})
	}
	return l
}

// sources lists the Source of each item.
func sources(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Source)
	}
	return out
}

func TestStartFromChecklists(t *testing.T) {
	lists := []knowledge.Checklist{
		checklist("responsibilities", "", "role", 3),
		checklist("responsibilities", "infrastructure", "kind", 2),
		checklist("requirements", "", "req", 9),
		checklist("nice to have", "", "nice", 1), // an alias names the section
		checklist("skills", "", "none", 2),       // no section of a draft: left out
	}
	d, _, err := New(Start{Role: "cto", Owner: "U1", At: at(0), Checklists: lists,
		Template: Content{Sections: map[Section][]Item{Benefits: {{Text: "Equity"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		sec  Section
		want []string
	}{
		{Responsibilities, []string{"kind-1", "kind-2", "role-1", "role-2", "role-3"}}, // the kind's own first
		{Requirements, []string{"req-1", "req-2", "req-3", "req-4", "req-5", "req-6", "req-7"}},
		{NiceToHave, []string{"nice-1"}},
		{Benefits, []string{""}}, // the template's section is kept as it is
	} {
		if got := sources(d.Sections[tt.sec]); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: sources %q, want %q", tt.sec, got, tt.want)
		}
	}
	if n := len(d.Sections[Requirements]); n != TemplateCaps[Requirements] {
		t.Errorf("%d requirements, want the cap %d", n, TemplateCaps[Requirements])
	}
}

func TestSuggestions(t *testing.T) {
	lists := []knowledge.Checklist{checklist("requirements", "", "req", 9), checklist("benefits", "", "ben", 2)}
	d, _, err := New(Start{Role: "cto", Owner: "U1", At: at(0), Checklists: lists})
	if err != nil {
		t.Fatal(err)
	}
	// An item typed by hand with a checklist item's text counts as held.
	MustApply(t, d, Change{Op: OpAdd, Section: Requirements, Text: strings.ToUpper("Item req-8")})
	left := d.Suggestions(lists)
	var ids []string
	for _, it := range left[Requirements] {
		ids = append(ids, it.ID)
	}
	if want := []string{"req-9"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("requirements left %q, want %q", ids, want)
	}
	if len(left[Benefits]) != 0 {
		t.Errorf("benefits left %v, want none (the draft holds both)", left[Benefits])
	}

	for _, tt := range []struct {
		id   string
		sec  Section
		want bool
	}{{"req-3", Requirements, true}, {"ben-2", Benefits, true}, {"nope", "", false}} {
		it, sec, ok := ChecklistItem(lists, tt.id)
		if ok != tt.want || sec != tt.sec || (ok && it.ID != tt.id) {
			t.Errorf("ChecklistItem(%q) = %q, %q, %v; want %q, %v", tt.id, it.ID, sec, ok, tt.sec, tt.want)
		}
	}
}
