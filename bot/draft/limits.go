package draft

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hirebot/hirebot"
)

// The limits a draft keeps. Lengths are counted in characters (runes) after
// Clean.
const (
	MaxItemRunes    = 500  // one item of a section
	MaxItems        = 40   // items in one section
	MaxLineRunes    = 120  // title, company, location, salary
	MaxSummaryRunes = 1500 // the summary and the other paragraph fields
	MaxRuleRunes    = 64   // a wording-check rule id
	MaxUndo         = 50   // changes that can be undone
)

// quoteRunes is how much of a user's text a history line quotes.
const quoteRunes = 60

// Limit returns the most characters the field may hold.
func (f Field) Limit() int {
	if f.Paragraph() {
		return MaxSummaryRunes
	}
	return MaxLineRunes
}

// Paragraph reports whether the field holds prose that may run over several
// lines (the summary, the hiring process and the equal-opportunity
// statement) rather than one line.
func (f Field) Paragraph() bool {
	return f == Summary || f == Process || f == EEO
}

// resolveSection returns the canonical section for s, which may be an alias.
func resolveSection(s Section) (Section, error) {
	if sec, ok := ParseSection(string(s)); ok {
		return sec, nil
	}
	if s == "" {
		return "", hirebot.Errorf(hirebot.Invalid, "name a section: %s", sectionNames())
	}
	return "", hirebot.Errorf(hirebot.Invalid, "there is no section %q; use one of: %s", clip(string(s)), sectionNames())
}

// resolveField returns the canonical field for f, which may be an alias.
func resolveField(f Field) (Field, error) {
	if field, ok := ParseField(string(f)); ok {
		return field, nil
	}
	if f == "" {
		return "", hirebot.Errorf(hirebot.Invalid, "name a field: %s", fieldNames())
	}
	return "", hirebot.Errorf(hirebot.Invalid, "there is no field %q; use one of: %s", clip(string(f)), fieldNames())
}

// cleanItem cleans the text of an item and checks its length.
func cleanItem(s string) (string, error) {
	s = Clean(s, false)
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		return "", hirebot.Errorf(hirebot.Invalid, "the item is empty; write 1–%d characters", MaxItemRunes)
	case n > MaxItemRunes:
		return "", hirebot.Errorf(hirebot.Invalid, "the item is %d characters long; keep it to %d or fewer", n, MaxItemRunes)
	}
	return s, nil
}

// cleanField cleans a field's text and checks its length. Empty text is
// allowed: it clears the field.
func cleanField(f Field, s string) (string, error) {
	s = Clean(s, f.Paragraph())
	if n := utf8.RuneCountInString(s); n > f.Limit() {
		return "", hirebot.Errorf(hirebot.Invalid, "the %s is %d characters long; keep it to %d or fewer", f, n, f.Limit())
	}
	return s, nil
}

// cleanRule cleans a wording-check rule id and checks it.
func cleanRule(s string) (string, error) {
	s = Clean(s, false)
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		return "", hirebot.Errorf(hirebot.Invalid, "name the wording rule to ignore, as /jd check lists it")
	case n > MaxRuleRunes || strings.ContainsRune(s, ' '):
		return "", hirebot.Errorf(hirebot.Invalid, "%q is not a wording rule id; use the id /jd check shows", clip(s))
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
	switch {
	case hi == 0:
		return hirebot.Errorf(hirebot.Invalid, "%s has no items yet; add one with /jd add %s <text>", sec, sec)
	case hi == 1 && n == 1:
		return hirebot.Errorf(hirebot.Invalid, "%s has 1 item; pick 1", sec)
	case hi == 1:
		return hirebot.Errorf(hirebot.Invalid, "%s has no items yet; pick 1", sec)
	}
	return hirebot.Errorf(hirebot.Invalid, "%s has %s; pick 1–%d", sec, plural(n, "item"), hi)
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

// clip cuts s to quoteRunes characters on one line, ending in "…" when cut.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= quoteRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == quoteRunes {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}
