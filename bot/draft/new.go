package draft

import (
	"errors"
	"time"

	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// Start is what a new draft is made from.
type Start struct {
	// ID is the new draft's identity: a random word the caller chooses,
	// never used for another draft of the channel. Empty, one is derived
	// from At (see EnsureID).
	ID    string
	Role  string // knowledge Role id, e.g. "cto"
	Kind  string // knowledge Kind id, or ""
	Title string // the job title; it overrides any title in Template
	Owner string // the user who starts the draft
	At    time.Time
	// Template is the first content: checklist items keep their Source.
	Template Content
	// Checklists are the checklists of the role and kind
	// (knowledge.Pack.ChecklistsFor): each section Template leaves empty
	// takes their items (see fromChecklists).
	Checklists []knowledge.Checklist
	// Caps is how much of the checklists the draft takes in each section;
	// nil means TemplateCaps.
	Caps map[Section]int
	// Locale is the locale the draft starts in ("" for the United
	// States): its benefits, statement and spelling (see localize.go).
	Locale string
}

// New returns a draft at version 1, open, owned by s.Owner and filled from
// s.Template and s.Checklists, with the history entry that records its start. Template text is
// cleaned and held to the same limits as any change; items without an
// author or time get the owner and s.At.
func New(s Start) (*Draft, Entry, error) {
	role := Clean(s.Role, false)
	if role == "" {
		return nil, Entry{}, &Error{Problem: ProblemNoRole}
	}
	if s.Owner == "" {
		return nil, Entry{}, &Error{Problem: ProblemNoOwner}
	}
	tmpl := s.Template.Clone()
	for sec, items := range fromChecklists(s.Checklists, s.Caps) {
		if tmpl.Sections == nil {
			tmpl.Sections = map[Section][]Item{}
		}
		if _, ok := tmpl.Sections[sec]; !ok {
			tmpl.Sections[sec] = items
		}
	}
	if title := Clean(s.Title, false); title != "" {
		if tmpl.Fields == nil {
			tmpl.Fields = map[Field]string{}
		}
		tmpl.Fields[Title] = title
	}
	content, err := cleanContent(tmpl, nil, s.Owner, s.At)
	if err != nil {
		return nil, Entry{}, err
	}
	d := &Draft{
		ID:       Clean(s.ID, false),
		Role:     role,
		Kind:     Clean(s.Kind, false),
		Fields:   content.Fields,
		Sections: content.Sections,
		Owner:    s.Owner,
		Status:   Open,
		Version:  1,
		Created:  s.At,
		Updated:  s.At,
	}
	if c, err := locale.ParseCode(s.Locale); err == nil {
		d.Home = string(c)
	}
	d.EnsureRefs()
	d.EnsureID()
	d.localize(true)
	if err := d.checkSize(); err != nil {
		return nil, Entry{}, err
	}
	e := Entry{Version: 1, Op: OpStart, By: s.Owner, At: s.At, Summary: "started the draft"}
	return d, e, nil
}

// cleanContent returns c with every known field and item cleaned and
// checked, empty fields and blank items dropped, and aliases of sections and
// fields resolved. Items with no author take one from the item with the same
// text in the same section of old, if any, else by and at.
func cleanContent(c Content, old map[Section][]Item, by string, at time.Time) (Content, error) {
	out := Content{Fields: map[Field]string{}, Sections: map[Section][]Item{}}
	seen := map[string]bool{}
	for f, text := range c.Fields {
		field, err := resolveField(f)
		if err != nil {
			return Content{}, err
		}
		if seen["field:"+string(field)] {
			return Content{}, &Error{Problem: ProblemTwice, Field: field}
		}
		seen["field:"+string(field)] = true
		if text, err = cleanField(field, text); err != nil {
			return Content{}, err
		}
		if text != "" {
			out.Fields[field] = text
		}
	}
	for s, items := range c.Sections {
		sec, err := resolveSection(s)
		if err != nil {
			return Content{}, err
		}
		if seen["section:"+string(sec)] {
			return Content{}, &Error{Problem: ProblemTwice, Section: sec}
		}
		seen["section:"+string(sec)] = true
		var kept []Item
		for _, item := range items {
			if Clean(item.Text, false) == "" {
				continue
			}
			if item.Text, err = cleanItem(item.Text); err != nil {
				var e *Error
				if errors.As(err, &e) {
					e.Section = sec
				}
				return Content{}, err
			}
			kept = append(kept, attribute(item, old[sec], by, at))
		}
		if len(kept) > MaxItems {
			return Content{}, &Error{Problem: ProblemFull, Section: sec, Size: len(kept), Limit: MaxItems}
		}
		if len(kept) > 0 {
			out.Sections[sec] = kept
		}
	}
	return out, nil
}

// attribute fills in an item's author and time when it has none: from the
// old item with the same text, else by and at.
func attribute(item Item, old []Item, by string, at time.Time) Item {
	if item.Author != "" {
		if item.At.IsZero() {
			item.At = at
		}
		return item
	}
	for _, o := range old {
		if o.Text == item.Text {
			item.Author, item.At = o.Author, o.At
			if item.Source == "" {
				item.Source = o.Source
			}
			return item
		}
	}
	item.Author, item.At = by, at
	return item
}
