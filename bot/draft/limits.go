package draft

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The limits a draft keeps. Lengths are counted in characters (runes) after
// Clean.
const (
	MaxItemRunes    = 500  // one item of a section
	MaxItems        = 40   // items in one section
	MaxLineRunes    = 120  // title, company, location, salary
	MaxSummaryRunes = 1500 // the summary and the other paragraph fields
	MaxRuleRunes    = 64   // a wording-check rule id
	MaxUndo         = 50   // changes of one person that can be undone
	// MaxContentBytes is the most the text of a draft (every field and
	// item, counted as stored: UTF-8, quotes and backslashes twice) may
	// take. Plain text at every other limit takes about 82,000, so it
	// only bites on text of wide characters, and it keeps a draft at its
	// largest well inside what Redis should read on every change.
	MaxContentBytes = 96_000
	// MaxUndoBytes bounds what one person's undo records hold together
	// (counted as stored); their oldest are dropped first, and nobody
	// else's. A single change larger than this cannot be undone, and its
	// reply says so.
	MaxUndoBytes = 10_000
	// MaxUndoPeople is how many people's undo records a draft keeps: those
	// who changed it most recently.
	MaxUndoPeople = 6
	// MaxApprovals is how many approvals a draft keeps (one per person).
	MaxApprovals = 20
)

// storedLen returns how many bytes s takes as a JSON string's content.
func storedLen(s string) int {
	return len(s) + strings.Count(s, `"`) + strings.Count(s, `\`)
}

// contentBytes returns how many bytes the text of d takes as stored.
func (d *Draft) contentBytes() int {
	n := 0
	for _, v := range d.Fields {
		n += storedLen(v)
	}
	for _, items := range d.Sections {
		for _, it := range items {
			n += storedLen(it.Text)
		}
	}
	return n
}

// checkSize refuses content over MaxContentBytes.
func (d *Draft) checkSize() error {
	if n := d.contentBytes(); n > MaxContentBytes {
		return &Error{Problem: ProblemDraftFull, Size: n, Limit: MaxContentBytes}
	}
	return nil
}

// undoBytes returns about how many bytes u takes as stored.
func (u Undo) undoBytes() int {
	n := 64 + storedLen(u.Summary)
	for _, t := range u.Touch {
		n += len(t) + 3
	}
	for _, c := range u.Revert {
		n += 96 + storedLen(c.Text)
		if c.Item != nil {
			n += 96 + storedLen(c.Item.Text) + len(c.Item.Source)
		}
		if c.Content != nil {
			for _, v := range c.Content.Fields {
				n += 16 + storedLen(v)
			}
			for _, items := range c.Content.Sections {
				for _, it := range items {
					n += 96 + storedLen(it.Text) + len(it.Source)
				}
			}
		}
	}
	return n
}

// quoteRunes is how much of a user's text a history line quotes.
const quoteRunes = 60

// FieldLimit returns the most characters field f may hold.
func FieldLimit(f Field) int {
	if f.Paragraph() {
		return MaxSummaryRunes
	}
	return MaxLineRunes
}

// resolveSection returns the canonical section for s, which may be an alias.
func resolveSection(s Section) (Section, error) {
	if sec, ok := ParseSection(string(s)); ok {
		return sec, nil
	}
	if s == "" {
		return "", &Error{Problem: ProblemNoSection}
	}
	return "", &Error{Problem: ProblemNoSection, Given: clip(string(s))}
}

// resolveField returns the canonical field for f, which may be an alias.
func resolveField(f Field) (Field, error) {
	if field, ok := ParseField(string(f)); ok {
		return field, nil
	}
	if f == "" {
		return "", &Error{Problem: ProblemNoField}
	}
	return "", &Error{Problem: ProblemNoField, Given: clip(string(f))}
}

// cleanItem cleans the text of an item and checks its length.
func cleanItem(s string) (string, error) {
	s = Clean(s, false)
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		return "", &Error{Problem: ProblemEmpty, Limit: MaxItemRunes}
	case n > MaxItemRunes:
		return "", &Error{Problem: ProblemTooLong, Size: n, Limit: MaxItemRunes}
	}
	return s, nil
}

// cleanField cleans a field's text and checks its length. Empty text is
// allowed: it clears the field.
func cleanField(f Field, s string) (string, error) {
	s = Clean(s, f.Paragraph())
	if n := utf8.RuneCountInString(s); n > FieldLimit(f) {
		return "", &Error{Problem: ProblemTooLong, Field: f, Size: n, Limit: FieldLimit(f)}
	}
	return s, nil
}

// cleanRule cleans a wording-check rule id and checks it.
func cleanRule(s string) (string, error) {
	s = Clean(s, false)
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		return "", &Error{Problem: ProblemNoRule}
	case n > MaxRuleRunes || strings.ContainsRune(s, ' '):
		return "", &Error{Problem: ProblemNoRule, Given: clip(s)}
	}
	return s, nil
}

// checkIndex checks that i (1-based) picks one of the n items of sec; with
// extra set it may also be n+1, the place after the last item.
func checkIndex(sec Section, n, i int, extra bool) error {
	hi := n
	if extra {
		hi++
	}
	if i >= 1 && i <= hi {
		return nil
	}
	return &Error{Problem: ProblemIndex, Section: sec, Index: i, Size: n, Limit: hi}
}

// plural returns "1 item" or "3 items".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// quote returns s in double quotes, cut to about 60 characters and kept on
// one line, for history lines.
func quote(s string) string {
	return `"` + clip(s) + `"`
}

// clip cuts s to one line of at most quoteRunes+1 characters, for quoting
// what a user wrote.
func clip(s string) string {
	return Clip(strings.Join(strings.Fields(s), " "), quoteRunes+1)
}

// Clip returns s if it has at most n characters (runes), else its first
// n-1, without trailing spaces, and "…".
func Clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:max(n-1, 0)]), " ") + "…"
}
