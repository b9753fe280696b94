package knowledge

import (
	"cmp"
	"slices"
	"strings"
)

// roleTitle is one of a role's titles as words, such as "chief technology
// officer" or "head of it" (a role's title and its other titles).
type roleTitle struct {
	words []string
	role  string
}

// newRoleTitles lists the titles of p's roles, longest first, so that a
// longer title wins over one it contains.
func newRoleTitles(p *Pack) []roleTitle {
	var out []roleTitle
	for _, r := range p.Roles {
		for _, t := range append([]string{r.Title}, r.AltTitles...) {
			if ws := argWords(t); len(ws) > 1 {
				out = append(out, roleTitle{words: ws, role: r.ID})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b roleTitle) int { return cmp.Compare(len(b.words), len(a.words)) })
	return out
}

// withRoleIDs returns words with every role title in them replaced by the
// role's id, and chat shorthand written out: "what does a chief
// information officer do" becomes "what does a cio do". It rewrites words
// in place (a title is never shorter than its id's one word), so the
// caller must not need them as they were.
func (p *Pack) withRoleIDs(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	out := words[:0] // out[j] is written only once words[j:] has been read
	for i := 0; i < len(words); {
		if t, ok := p.titleAt(words[i:]); ok {
			out = append(out, t.role)
			i += len(t.words)
			continue
		}
		w := words[i]
		if s, ok := shortened(w); ok {
			w = s // "cto versus cio" names cto-vs-cio
		}
		if r := strings.TrimSuffix(w, "'s"); r != w && p.isRole(r) {
			w = r // "a cto's job"
		}
		out = append(out, w)
		i++
	}
	return out
}

// titleAt returns the role title words begins with, if any.
func (p *Pack) titleAt(words []string) (roleTitle, bool) {
	if len(words) == 0 || !p.index.startsTitle(strings.TrimSuffix(words[0], "'s")) {
		return roleTitle{}, false // no title starts with this word: most words
	}
	for _, t := range p.index.titles {
		if len(t.words) > len(words) {
			continue
		}
		match := true
		for j, w := range t.words {
			if strings.TrimSuffix(words[j], "'s") != w {
				match = false
				break
			}
		}
		if match {
			return t, true
		}
	}
	return roleTitle{}, false
}

// startsTitle reports whether a role title starts with w.
func (ix *index) startsTitle(w string) bool {
	return ix.titleStartFilter.mayHave(w) && ix.titleStarts[w]
}

// mentionedRole returns the one role whose id the words mention, if they
// mention exactly one ("what should we look for in a cio?").
func (p *Pack) mentionedRole(words []string) (string, bool) {
	role := ""
	for _, w := range words {
		if p.isRole(w) {
			if role != "" && role != w {
				return "", false
			}
			role = w
		}
	}
	return role, role != ""
}

// nearestOf returns role's topic closest to t, a topic of another role:
// the best search result of role for t's title, name and keywords, role
// words left out (they say whose topic it is, not what it is about), or
// else role's overview.
func (p *Pack) nearestOf(role string, t Topic) Topic {
	q := t.Title + " " + strings.ReplaceAll(t.Name, "-", " ") + " " + strings.Join(t.Keywords, " ")
	toks := slices.DeleteFunc(tokens(q), func(tok token) bool {
		_, isRole := p.Role(tok.word)
		return isRole
	})
	rs, _ := p.rank(toks)
	best := -1
	for i, r := range rs {
		if r.Topic.Role == role && (best < 0 || r.Score > rs[best].Score) {
			best = i
		}
	}
	if best >= 0 {
		return rs[best].Topic
	}
	o, _ := p.TopicByName(role, "overview")
	return o
}
