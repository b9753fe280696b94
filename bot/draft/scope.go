package draft

import (
	"regexp"
	"strings"
	"unicode"
)

// The scope of the role — whom it reports to, the team it leads and the
// budget it holds — as one sentence a candidate reads, from the fields the
// hiring team sets (reports-to, team, budget). Whatever the team field
// holds, the sentence stays grammatical: "60 people, 28 in engineering" is
// "a team of 60 people, 28 of them in engineering", a bare "12" is "a team
// of 12 people", and words that are not a head count are quoted as given.

// ScopeHeading heads the scope sentence in the live message and exports.
const ScopeHeading = "Scope"

// Scope returns the sentence that states the role's scope, or "" when no
// part of it is set.
func (d *Draft) Scope() string {
	var clauses []string
	if r := strings.TrimSpace(strings.TrimSuffix(d.Fields[ReportsTo], ".")); r != "" {
		clauses = append(clauses, "report to "+lowerLead(strings.TrimPrefix(r, "reports to ")))
	}
	var extra []string
	if t := strings.TrimSpace(d.Fields[Team]); t != "" {
		verb, phrase, ok := TeamPhrase(t)
		if ok {
			clauses = append(clauses, verb+" "+phrase)
		} else {
			extra = append(extra, "The team: "+phrase+".")
		}
	}
	if b := strings.TrimSpace(strings.TrimSuffix(d.Fields[Budget], ".")); b != "" {
		clauses = append(clauses, "hold "+budgetPhrase(b))
	}
	var s string
	if len(clauses) > 0 {
		s = "You will " + joinClauses(clauses) + "."
	}
	return strings.TrimSpace(s + " " + strings.Join(extra, " "))
}

// joinClauses joins verb phrases: "a", "a and b", "a, b and c".
func joinClauses(cs []string) string {
	switch len(cs) {
	case 1:
		return cs[0]
	case 2:
		// A clause with a comma of its own is set off by one.
		if strings.Contains(cs[0], ",") {
			return cs[0] + ", and " + cs[1]
		}
		return cs[0] + " and " + cs[1]
	}
	return strings.Join(cs[:len(cs)-1], "; ") + "; and " + cs[len(cs)-1]
}

// budgetPhrase writes the budget as the object of "hold": "$4M a year" is
// "a budget of $4M a year"; words that already name a budget stay.
func budgetPhrase(b string) string {
	low := strings.ToLower(b)
	switch {
	case strings.Contains(low, "budget"):
		return lowerLead(b)
	case strings.HasPrefix(low, "no ") || low == "none":
		return "no budget of your own at first"
	}
	return "a budget of " + b
}

var (
	// headCount is a head count at the start of the team field: an
	// optional qualifier, a number (or range, or number word) and the words
	// after it.
	headCount = regexp.MustCompile(`(?i)^(about |around |roughly |some |nearly |almost |over |more than |up to |at least |~)?(\d[\d,]*\+?(?:\s*(?:-|–|to)\s*\d[\d,]*)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|a hundred)\b\+?\s*(.*)$`)
	// partCount is a part of the team after the head: "28 in engineering",
	// "28 engineers", "28 of them in data".
	partCount = regexp.MustCompile(`(?i)^(about |around |some |nearly |over )?(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b\s*(.*)$`)
	// teamOf is "a team of", "team of", typed before the count.
	teamOf = regexp.MustCompile(`(?i)^(?:an? |the )?(?:team|org|organisation|organization) of\s+`)
)

// TeamPhrase returns the verb and its object for the team field t, for the
// sentence "You will <verb> <phrase>": ("lead", "a team of 12 people") for
// "12". It reports false, with the text tidied, when t is not a head count
// or a team it can name ("TBC"), for the caller to quote as it is.
func TeamPhrase(t string) (verb, phrase string, ok bool) {
	t = strings.Join(strings.Fields(strings.TrimRight(t, ". ")), " ")
	t = teamOf.ReplaceAllString(t, "")
	low := strings.ToLower(t)
	switch {
	case t == "":
		return "", "", false
	case low == "0" || low == "none" || low == "no team" || strings.HasPrefix(low, "no team ") || strings.HasPrefix(low, "none yet") || strings.HasPrefix(low, "0 "):
		return "build", "the team from the start", true
	case strings.HasPrefix(low, "the ") || strings.HasPrefix(low, "our "):
		return "lead", lowerLead(t), true
	}
	head, tail := splitTeam(t)
	m := headCount.FindStringSubmatch(head)
	if m == nil {
		return "", t, false
	}
	qual, n, noun := strings.ToLower(m[1]), m[2], strings.TrimSpace(m[3])
	if strings.HasSuffix(head, "+") && !strings.HasSuffix(n, "+") {
		n += "+"
	}
	switch {
	case noun == "":
		noun = "people"
		if n == "1" || strings.EqualFold(n, "one") {
			noun = "person"
		}
	case strings.HasPrefix(strings.ToLower(noun), "direct report"), strings.HasPrefix(strings.ToLower(noun), "reports"):
		if tail != "" {
			tail = " (" + tail + ")"
		}
		return "have", qual + n + " " + noun + tail, true
	case !startsWithNoun(noun):
		return "", t, false
	}
	return "lead", join("a team of "+qual+n+" "+noun, tail), true
}

// splitTeam splits the team field at its first comma, semicolon, dash or
// bracket into the head count and the rest ("60 people", "28 in
// engineering").
func splitTeam(t string) (head, tail string) {
	r := []rune(t)
	digit := func(i int) bool { return i >= 0 && i < len(r) && unicode.IsDigit(r[i]) }
	for i, c := range r {
		split := false
		switch c {
		case ';', '(':
			split = true
		case ',':
			split = !(digit(i-1) && digit(i+1)) // not "1,200"
		case '–', '—':
			split = !digit(i-1) && !digit(i+1) // not "40–50"
		}
		if split {
			return strings.TrimSpace(string(r[:i])), strings.TrimSpace(strings.Trim(string(r[i:]), ",;()–— "))
		}
	}
	return t, ""
}

// join adds the rest of the team field to its head: a part counted by a
// number is "28 of them in engineering" (or "28 of them engineers"), and
// other words follow as they are.
func join(head, tail string) string {
	if tail == "" {
		return head
	}
	low := strings.ToLower(tail)
	if strings.Contains(low, "of them") || strings.Contains(low, "of whom") || strings.HasPrefix(low, "including") || strings.HasPrefix(low, "with ") {
		return head + ", " + tail
	}
	var parts []string
	for _, part := range regexp.MustCompile(`(?i)\s*(?:,| and )\s*`).Split(tail, -1) {
		if part == "" {
			continue
		}
		parts = append(parts, part)
	}
	if len(parts) > 0 && partCount.MatchString(parts[0]) {
		m := partCount.FindStringSubmatch(parts[0])
		parts[0] = m[1] + m[2] + " of them " + strings.TrimSpace(m[3])
		if strings.TrimSpace(m[3]) == "" {
			parts[0] = m[1] + m[2] + " of them"
		}
		return head + ", " + and(parts)
	}
	return head + " (" + tail + ")"
}

// and joins words: "a", "a and b", "a, b and c".
func and(ws []string) string {
	if len(ws) == 1 {
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// teamNouns are the words a head count may be of.
var teamNouns = []string{"people", "person", "staff", "engineer", "developer", "designer", "analyst", "scientist",
	"manager", "lead", "member", "employee", "fte", "head", "specialist", "architect", "consultant", "contractor",
	"squad", "team", "tribe", "group", "direct", "product", "data", "software", "security", "it ", "sre", "qa",
	"tester", "platform", "infrastructure", "ml", "machine", "backend", "frontend", "full-stack", "mobile", "devops",
	"support", "technician", "administrator", "admin", "researcher", "in "}

// startsWithNoun reports whether the words after a head count name whom
// it counts ("engineers", "people across three teams", "in engineering").
func startsWithNoun(words string) bool {
	low := strings.TrimLeft(strings.ToLower(words), "*_~`\"'“") + " "
	for _, n := range teamNouns {
		if strings.HasPrefix(low, n) {
			return true
		}
	}
	return false
}

// lowerLead lower-cases a leading article or pronoun ("The CEO" → "the
// CEO") and leaves names and initialisms as typed.
func lowerLead(s string) string {
	for _, w := range []string{"The ", "Our ", "A ", "An ", "Your "} {
		if strings.HasPrefix(s, w) {
			return strings.ToLower(w[:1]) + s[1:]
		}
	}
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) && !strings.Contains(s, " ") {
		return s // a name: "Priya"
	}
	return s
}
