package draft

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot/knowledge/jobad"
)

// Item references. Every item carries a reference made of its section's
// letter and a number counted per section and per draft — D3, R7, N1, B2 —
// given when the item is made and never changed or reused while the draft
// lives (Draft.Last remembers the highest number each section has used).
// The letter makes a reference unambiguous on its own: "R7" names its
// section, so commands may leave the section out. The letters are the job
// ad vocabulary's (jobad.Section.Letter).

// ParseRef reads an item reference such as "R7" or "r7" and returns its
// section. It reports false for anything else.
func ParseRef(s string) (Section, bool) {
	if len(s) < 2 || len(s) > 6 {
		return "", false
	}
	n, err := strconv.Atoi(s[1:])
	if err != nil || n < 1 || s[1] == '+' || s[1] == '-' {
		return "", false
	}
	return jobad.SectionOfLetter(s[0])
}

// refOf returns the canonical reference for section s and number n.
func refOf(s Section, n int) string { return s.Letter() + strconv.Itoa(n) }

// EnsureRefs gives every item without a reference a fresh one. Drafts
// stored before references existed get theirs the first time they are read.
func (d *Draft) EnsureRefs() {
	for _, sec := range Sections {
		items := d.Sections[sec]
		for i := range items {
			if items[i].Ref == "" {
				items[i].Ref = d.newRef(sec)
			}
		}
	}
}

// newRef returns the next reference of section sec.
func (d *Draft) newRef(sec Section) string {
	if d.Last == nil {
		d.Last = map[Section]int{}
	}
	d.Last[sec]++
	return refOf(sec, d.Last[sec])
}

// refIndex returns the 0-based position of the item with reference ref in
// sec, or -1.
func (d *Draft) refIndex(sec Section, ref string) int {
	return slices.IndexFunc(d.Sections[sec], func(it Item) bool { return strings.EqualFold(it.Ref, ref) })
}

// target returns the section and 0-based position of the item c names by
// reference or by number. A bare number (c.Bare) in a section that changed
// since the version the person last saw (c.Seen) is refused with the item
// now at that place, so nobody acts on an item they did not see.
func (d *Draft) target(c Change) (Section, int, error) {
	if c.Ref != "" {
		sec, ok := ParseRef(c.Ref)
		if !ok {
			return "", 0, &Error{Problem: ProblemNoRef, Given: clip(c.Ref)}
		}
		if c.Section != "" {
			if named, err := resolveSection(c.Section); err == nil && named != sec {
				return "", 0, &Error{Problem: ProblemNoRef, Section: named, Given: clip(c.Ref)}
			}
		}
		i := d.refIndex(sec, c.Ref)
		if i < 0 {
			return "", 0, &Error{Problem: ProblemNoRef, Section: sec, Given: clip(c.Ref)}
		}
		return sec, i, nil
	}
	sec, err := resolveSection(c.Section)
	if err != nil {
		return "", 0, err
	}
	items := d.Sections[sec]
	if err := checkIndex(sec, len(items), c.Index, false); err != nil {
		return "", 0, err
	}
	if c.Bare && d.Changed[sec] > c.Seen {
		it := items[c.Index-1]
		return "", 0, &Error{Problem: ProblemUnseen, Section: sec, Index: c.Index, Ref: it.Ref,
			Given: clip(it.Text), Size: c.Seen, Limit: d.Changed[sec], Verb: string(c.Op)}
	}
	return sec, c.Index - 1, nil
}

// touched marks sec as renumbered or rewritten by the change being applied.
func (d *Draft) touched(sec Section) {
	if d.Changed == nil {
		d.Changed = map[Section]int{}
	}
	d.Changed[sec] = d.Version + 1
}

// The names Undo.Touch holds: an item's reference, or one of these
// prefixes and a name.
const (
	touchField   = "field:"
	touchSection = "section:" // every item of the section
	touchRule    = "rule:"
	touchKind    = "kind"
)

// overlaps reports whether two changes touched something in common.
func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || covers(x, y) || covers(y, x) {
				return true
			}
		}
	}
	return false
}

// covers reports whether touch name whole (a whole section) covers the
// item reference ref.
func covers(whole, ref string) bool {
	sec, ok := strings.CutPrefix(whole, touchSection)
	if !ok {
		return false
	}
	s, isRef := ParseRef(ref)
	return isRef && string(s) == sec
}

// cloneRefMaps copies the per-section counters of d into c.
func cloneRefMaps(c, d *Draft) {
	c.Last = maps.Clone(d.Last)
	c.Changed = maps.Clone(d.Changed)
	c.Approvals = slices.Clone(d.Approvals)
}
