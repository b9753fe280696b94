package knowledge

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultRole is the role /cto-role is about when no role word leads.
const DefaultRole = "cto"

// Role returns the role with the given id.
func (p *Pack) Role(id string) (Role, bool) {
	if p.index != nil {
		if i, ok := p.index.roles[id]; ok {
			return p.Roles[i], true
		}
		return Role{}, false
	}
	return find(p.Roles, func(r *Role) bool { return r.ID == id })
}

// isRole reports whether id is a role's id, as Role does, without
// copying the role.
func (p *Pack) isRole(id string) bool {
	if p.index != nil {
		if !p.index.roleFilter.mayHave(id) {
			return false
		}
		_, ok := p.index.roles[id]
		return ok
	}
	_, ok := p.Role(id)
	return ok
}

// Kind returns the kind with the given id.
func (p *Pack) Kind(id string) (Kind, bool) {
	return find(p.Kinds, func(k *Kind) bool { return k.ID == id })
}

// KindNamed returns the kind s names: its id or one of its aliases, in any
// case, with hyphens and underscores ignored ("Tech_Lead", "infra").
func (p *Pack) KindNamed(s string) (Kind, bool) {
	if kindKeyEmpty(s) {
		return Kind{}, false
	}
	return find(p.Kinds, func(k *Kind) bool {
		return sameKindName(k.ID, s) || slices.ContainsFunc(k.Aliases, func(a string) bool { return sameKindName(a, s) })
	})
}

// sameKindName reports whether a and b are the same name, ignoring case,
// hyphens and underscores. It allocates nothing.
func sameKindName(a, b string) bool {
	next := func(s string) (rune, string) {
		for s != "" {
			r, n := utf8.DecodeRuneInString(s)
			s = s[n:]
			if r != '-' && r != '_' {
				return unicode.ToLower(r), s
			}
		}
		return -1, ""
	}
	for {
		ra, restA := next(a)
		rb, restB := next(b)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
		a, b = restA, restB
	}
}

// kindKeyEmpty reports whether s is nothing but hyphens and underscores.
func kindKeyEmpty(s string) bool { return strings.Trim(s, "-_") == "" }

// Topic returns the topic with the given id.
func (p *Pack) Topic(id string) (Topic, bool) {
	return find(p.Topics, func(t *Topic) bool { return t.ID == id })
}

// TopicByName returns role's topic called name, matching its name or one of
// its aliases, ignoring case and surrounding space.
func (p *Pack) TopicByName(role, name string) (Topic, bool) {
	name = strings.TrimSpace(name)
	if p.index != nil && len(name) > 2*p.index.longestName {
		// Far longer than any name (lowering letters changes a length
		// by less): a whole question, not worth lowering.
		return Topic{}, false
	}
	name = strings.ToLower(name)
	if p.index != nil {
		if i, ok := p.index.byName[roleName{role, name}]; ok {
			return p.Topics[i], true
		}
		return Topic{}, false
	}
	if t, ok := find(p.Topics, func(t *Topic) bool { return t.Role == role && t.Name == name }); ok {
		return t, true
	}
	return find(p.Topics, func(t *Topic) bool {
		if t.Role != role {
			return false
		}
		for _, a := range t.Aliases {
			if a == name {
				return true
			}
		}
		return false
	})
}

// Competency returns the competency with the given id.
func (p *Pack) Competency(id string) (Competency, bool) {
	return find(p.Competencies, func(c *Competency) bool { return c.ID == id })
}

// Question returns the question with the given id.
func (p *Pack) Question(id string) (Question, bool) {
	return find(p.Questions, func(q *Question) bool { return q.ID == id })
}

// ChecklistsFor returns role's checklists that apply to every kind of it,
// followed by those of kind (if kind is not ""), in pack order.
func (p *Pack) ChecklistsFor(role, kind string) []Checklist {
	var out []Checklist
	for _, c := range p.Checklists {
		if c.Role == role && c.Kind == "" {
			out = append(out, c)
		}
	}
	if kind == "" {
		return out
	}
	for _, c := range p.Checklists {
		if c.Role == role && c.Kind == kind {
			out = append(out, c)
		}
	}
	return out
}

// RoleIDs returns the ids of the roles, in pack order.
func (p *Pack) RoleIDs() []string { return ids(p.Roles, func(r Role) string { return r.ID }) }

// KindIDs returns the ids of every role's kinds, in pack order.
func (p *Pack) KindIDs() []string { return ids(p.Kinds, func(k Kind) string { return k.ID }) }

// RoleKinds returns the kinds of role, in pack order.
func (p *Pack) RoleKinds(role string) []Kind {
	var out []Kind
	for _, k := range p.Kinds {
		if k.Role == role {
			out = append(out, k)
		}
	}
	return out
}

// TopicNames returns the names of role's topics, in pack order.
func (p *Pack) TopicNames(role string) []string {
	var out []string
	for _, t := range p.Topics {
		if t.Role == role {
			out = append(out, t.Name)
		}
	}
	return out
}

// find returns the first element of list for which match is true. match
// gets a pointer so that large elements (topics) are not copied to be
// looked at.
func find[T any](list []T, match func(*T) bool) (T, bool) {
	for i := range list {
		if match(&list[i]) {
			return list[i], true
		}
	}
	var zero T
	return zero, false
}
