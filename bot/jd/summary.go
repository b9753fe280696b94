package jd

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// candidateSummary writes a draft's summary for candidates: who is hiring
// for what, where, on what engagement and for what pay (each when known),
// then what the role and its kind involve. The team, the budget and the
// reporting line are the scope's (draft.Scope), not the summary's.
func candidateSummary(role knowledge.Role, kind knowledge.Kind, f map[draft.Field]string) string {
	title := f[draft.Title]
	if title == "" {
		title = role.Title
	}
	who, verb := "We", "are"
	if c := f[draft.Company]; c != "" {
		who, verb = c, "is"
	}
	parts := []string{fmt.Sprintf("%s %s hiring %s %s.", who, verb, article(title), title)}
	if loc := f[draft.Location]; loc != "" {
		parts = append(parts, locationSentence(loc))
	}
	e, contract := contractEngagement(f[draft.Engagement])
	if contract {
		parts = append(parts, fmt.Sprintf("This is %s %s engagement, under a contract for services.", article(string(e.Kind)), e.Kind))
	}
	if pay := f[draft.Salary]; pay != "" {
		what := "The pay for this role"
		if contract {
			what = "The rate"
		}
		parts = append(parts, fmt.Sprintf("%s is %s.", what, strings.TrimSuffix(pay, ".")))
	}
	for _, p := range []string{role.Pitch, kind.Pitch} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	text := strings.Join(parts, " ")
	if c, err := locale.ParseCode(f[draft.Locale]); err == nil {
		text = locale.Default().Spell(text, c) // the pack's words, in the locale's spelling
	}
	return draft.Clip(text, draft.MaxSummaryRunes)
}

// contractEngagement returns the engagement the field names when it is a
// fractional or interim one.
func contractEngagement(field string) (locale.Engagement, bool) {
	k, err := locale.Default().ParseKind(field)
	if err != nil {
		return locale.Engagement{}, false
	}
	e, ok := locale.Default().Engagement(k)
	return e, ok && e.Contract()
}

// locationSentence says where the job is: "The job is remote." for an
// arrangement, "The job is based in Berlin." for a place.
func locationSentence(loc string) string {
	loc = strings.TrimSuffix(loc, ".")
	first := ""
	if words := strings.FieldsFunc(loc, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }); len(words) > 0 {
		first = strings.ToLower(words[0])
	}
	switch first {
	case "remote", "hybrid", "on-site", "onsite", "fully", "flexible":
		return fmt.Sprintf("The job is %s.", lowerFirst(loc))
	}
	return fmt.Sprintf("The job is based in %s.", loc)
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// article returns "a" or "an" for the phrase that follows it, going by
// sound: "an Interim CTO", "a CTO", "an SRE lead", "a University
// partnership", "an hour".
func article(phrase string) string {
	word := strings.FieldsFunc(phrase, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '/' })
	if len(word) == 0 {
		return "a"
	}
	w := strings.Trim(word[0], `"'“”‘’(`)
	if w == "" {
		return "a"
	}
	if isInitialism(w) {
		// Read letter by letter: the names of A, E, F, H, I, L, M, N, O, R,
		// S and X start with a vowel sound.
		if strings.ContainsRune("AEFHILMNORSX", unicode.ToUpper([]rune(w)[0])) {
			return "an"
		}
		return "a"
	}
	lw := strings.ToLower(w)
	for _, p := range []string{"hour", "honest", "honor", "honour", "heir"} {
		if strings.HasPrefix(lw, p) {
			return "an"
		}
	}
	for _, p := range []string{"uni", "use", "usu", "uti", "eu", "one", "once", "ubiq", "ufo", "ukr", "uk"} {
		if strings.HasPrefix(lw, p) && !strings.HasPrefix(lw, "unin") && !strings.HasPrefix(lw, "unim") {
			return "a"
		}
	}
	if strings.ContainsRune("aeiou", rune(lw[0])) {
		return "an"
	}
	if unicode.IsDigit(rune(lw[0])) {
		// "an 8-person team", "an 11-person team", "an 18…"
		if lw[0] == '8' || strings.HasPrefix(lw, "11") || strings.HasPrefix(lw, "18") {
			return "an"
		}
	}
	return "a"
}

// isInitialism reports whether w is read letter by letter: two to five
// capitals, such as CTO, CIO, SRE, VP or HR.
func isInitialism(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 5
}

// applyKeepingSummary applies c to d, keeping a summary hirebot wrote in
// step with the facts it states (draft.ApplyFollowing): /jd set of a fact,
// an Edit-form save that changes one but leaves the summary as it was, and
// /jd set kind rewrite it in the same change, until someone writes the
// summary themselves; and the benefits hirebot wrote in step with the
// engagement (/jd set engagement: draft.ApplyWith).
func (h *Handler) applyKeepingSummary(d *draft.Draft, c draft.Change) (draft.Entry, error) {
	w := draft.Writers{Summary: h.writeSummary}
	if h.cfg.Pack != nil {
		w.Checklists = h.cfg.Pack.ChecklistsFor
	}
	return d.ApplyWith(c, w)
}

// writeSummary writes the summary of a draft of role and kind from its
// fields (a draft.SummaryWriter).
func (h *Handler) writeSummary(roleID, kindID string, fields map[draft.Field]string) string {
	role, _ := h.cfg.Pack.Role(roleID)
	kind, _ := h.cfg.Pack.Kind(kindID)
	return candidateSummary(role, kind, fields)
}
