package draft

import (
	"fmt"
	"maps"
	"slices"
)

// replace sets the whole content at once (a modal save), or — Partial —
// only the fields and sections c.Content holds (an undo of a save). Its
// undo record holds only the fields and sections the save changed.
func (d *Draft) replace(c Change) (string, []Change, []string, error) {
	if c.Content == nil {
		return "", nil, nil, &Error{Problem: ProblemNoContent}
	}
	if !c.Loose && c.BaseVersion != d.Version {
		return "", nil, nil, &StaleError{Base: c.BaseVersion, Now: d.Version}
	}
	content, err := cleanContent(*c.Content, d.Sections, c.By, c.At)
	if err != nil {
		return "", nil, nil, err
	}
	fields, sections := Fields, Sections
	if c.Partial {
		fields, sections = presentFields(c.Content.Fields), presentSections(c.Content.Sections)
	}
	old := d.Content()
	for _, f := range fields {
		if v := content.Fields[f]; v != "" {
			if d.Fields == nil {
				d.Fields = map[Field]string{}
			}
			d.Fields[f] = v
		} else {
			delete(d.Fields, f)
		}
	}
	for _, sec := range sections {
		d.setItems(sec, d.keepRefs(sec, content.Sections[sec]))
	}
	revert := Content{Fields: map[Field]string{}, Sections: map[Section][]Item{}}
	var touch []string
	for _, f := range Fields {
		if old.Fields[f] != d.Fields[f] {
			revert.Fields[f] = old.Fields[f]
			touch = append(touch, touchField+string(f))
		}
	}
	for _, sec := range Sections {
		was, is := old.Sections[sec], d.Sections[sec]
		if slices.Equal(was, is) {
			continue
		}
		revert.Sections[sec] = was
		touch = append(touch, touchSection+string(sec))
		if len(is) < len(was) || !slices.Equal(was, is[:len(was)]) {
			d.touched(sec)
		}
	}
	n := len(diffContent(old, d.Content()))
	summary := fmt.Sprintf("edited the whole draft (%s)", plural(n, "change"))
	switch {
	case c.Partial:
		summary = fmt.Sprintf("restored %s", plural(len(touch), "part"))
	case n == 0:
		summary = "saved the whole draft unchanged"
	}
	return summary, []Change{{Op: OpReplace, Content: &revert, Partial: true}}, touch, nil
}

// keepRefs gives the items of sec references: an item keeps the one it
// carries when it is of sec, already given, and not used twice; any
// other gets a new one.
func (d *Draft) keepRefs(sec Section, items []Item) []Item {
	used := map[string]bool{}
	for i, it := range items {
		s, ok := ParseRef(it.Ref)
		n := 0
		if ok {
			fmt.Sscanf(it.Ref[1:], "%d", &n)
		}
		if !ok || s != sec || used[it.Ref] || n > d.Last[sec] {
			items[i].Ref = d.newRef(sec)
		}
		used[items[i].Ref] = true
	}
	return items
}

// presentFields returns the fields m holds a value for (even ""), by
// canonical name, in display order.
func presentFields(m map[Field]string) []Field {
	var out []Field
	for f := range maps.Keys(m) {
		if field, ok := ParseField(string(f)); ok && !slices.Contains(out, field) {
			out = append(out, field)
		}
	}
	slices.SortFunc(out, func(a, b Field) int { return slices.Index(Fields, a) - slices.Index(Fields, b) })
	return out
}

// presentSections returns the sections m holds (even empty ones), by
// canonical name, in display order.
func presentSections(m map[Section][]Item) []Section {
	var out []Section
	for s := range maps.Keys(m) {
		if sec, ok := ParseSection(string(s)); ok && !slices.Contains(out, sec) {
			out = append(out, sec)
		}
	}
	slices.SortFunc(out, func(a, b Section) int { return slices.Index(Sections, a) - slices.Index(Sections, b) })
	return out
}
