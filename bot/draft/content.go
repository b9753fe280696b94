package draft

import (
	"maps"
	"slices"
)

// Content returns a copy of the draft's editable content: its fields and
// sections. Changing the copy does not change the draft.
func (d *Draft) Content() Content {
	return Content{
		Fields:   nonNil(maps.Clone(d.Fields)),
		Sections: nonNilSections(cloneSections(d.Sections)),
	}
}

// Clone returns a deep copy of the draft: no map, slice or pointer is shared
// with d.
func (d *Draft) Clone() *Draft {
	c := *d
	c.Fields = maps.Clone(d.Fields)
	c.Sections = cloneSections(d.Sections)
	c.Ignored = slices.Clone(d.Ignored)
	if d.Undo != nil {
		c.Undo = make([]Undo, len(d.Undo))
		for i, u := range d.Undo {
			c.Undo[i] = Undo{Version: u.Version, By: u.By, Summary: u.Summary, Revert: cloneChanges(u.Revert), Touch: slices.Clone(u.Touch), Gone: u.Gone}
		}
	}
	cloneRefMaps(&c, d)
	return &c
}

// Items returns a copy of the items of section s (which may be an alias), or
// nil when it has none.
func (d *Draft) Items(s Section) []Item {
	sec, ok := ParseSection(string(s))
	if !ok {
		return nil
	}
	return slices.Clone(d.Sections[sec])
}

// Clone returns a deep copy of the content.
func (c Content) Clone() Content {
	return Content{Fields: maps.Clone(c.Fields), Sections: cloneSections(c.Sections)}
}

func cloneSections(m map[Section][]Item) map[Section][]Item {
	if m == nil {
		return nil
	}
	out := make(map[Section][]Item, len(m))
	for s, items := range m {
		out[s] = slices.Clone(items)
	}
	return out
}

func cloneChanges(cs []Change) []Change {
	if cs == nil {
		return nil
	}
	out := make([]Change, len(cs))
	for i, c := range cs {
		if c.Item != nil {
			item := *c.Item
			c.Item = &item
		}
		if c.Content != nil {
			content := c.Content.Clone()
			c.Content = &content
		}
		out[i] = c
	}
	return out
}

func nonNil(m map[Field]string) map[Field]string {
	if m == nil {
		return map[Field]string{}
	}
	return m
}

func nonNilSections(m map[Section][]Item) map[Section][]Item {
	if m == nil {
		return map[Section][]Item{}
	}
	return m
}
