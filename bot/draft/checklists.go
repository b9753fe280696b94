package draft

import (
	"strings"

	"github.com/hirebot/hirebot/knowledge"
)

// A draft is built from the knowledge pack in one place, here: the pack's
// checklists for its role and kind (knowledge.Pack.ChecklistsFor) are data
// the domain takes. A first draft takes their items (Start.Checklists),
// and the rest are offered later (Suggestions).

// TemplateCaps is how much of the checklists a first draft takes in each
// section; the rest is offered by Suggestions. Seven must-haves is where
// the wording check starts to warn.
var TemplateCaps = map[Section]int{
	Outcomes:         3,
	Responsibilities: 8,
	Requirements:     7,
	NiceToHave:       4,
	Benefits:         5,
}

// ContractCaps is TemplateCaps for a fractional or interim draft, which
// states its terms as well and covers a narrower brief in fewer days.
var ContractCaps = map[Section]int{
	Outcomes:         3,
	Responsibilities: 6,
	Requirements:     6,
	NiceToHave:       2,
	Benefits:         5,
}

// fromChecklists returns the sections a first draft takes from lists: the
// kind's own checklists first (they are what sets this job apart), then
// the role's, each section up to TemplateCaps. Every item keeps its
// checklist item's id as Source.
func fromChecklists(lists []knowledge.Checklist, caps map[Section]int) map[Section][]Item {
	if caps == nil {
		caps = TemplateCaps
	}
	out := map[Section][]Item{}
	for _, own := range []bool{true, false} {
		for _, l := range lists {
			sec, ok := ParseSection(l.Section)
			if !ok || (l.Kind != "") != own {
				continue
			}
			for _, it := range l.Items {
				if len(out[sec]) >= caps[sec] {
					break
				}
				out[sec] = append(out[sec], Item{Text: it.Text, Source: it.ID})
			}
		}
	}
	return out
}

// Suggestions returns, by section, the items of lists (the checklists of
// the draft's role and kind) that the draft does not hold yet, by source
// or by text, in checklist order.
func (d *Draft) Suggestions(lists []knowledge.Checklist) map[Section][]knowledge.ChecklistItem {
	have := map[string]bool{}
	for _, items := range d.Sections {
		for _, it := range items {
			have[it.Source] = true
			have[strings.ToLower(it.Text)] = true
		}
	}
	left := map[Section][]knowledge.ChecklistItem{}
	for _, l := range lists {
		sec, ok := ParseSection(l.Section)
		if !ok {
			continue
		}
		for _, it := range l.Items {
			if !have[it.ID] && !have[strings.ToLower(it.Text)] {
				left[sec] = append(left[sec], it)
			}
		}
	}
	return left
}

// ChecklistItem finds the checklist item id among lists and the section
// its checklist feeds.
func ChecklistItem(lists []knowledge.Checklist, id string) (knowledge.ChecklistItem, Section, bool) {
	for _, l := range lists {
		for _, it := range l.Items {
			if it.ID == id {
				sec, ok := ParseSection(l.Section)
				return it, sec, ok
			}
		}
	}
	return knowledge.ChecklistItem{}, "", false
}
