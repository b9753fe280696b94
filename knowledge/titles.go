package knowledge

import "strings"

// titleWords tells the job titles of the roles hirebot covers from the
// titles of roles it does not: "head of data" is covered, "head of
// growth" is not; "cio" is, "cmo" is not. The topic model gets which
// kinds a question mentions as features, so that a question about a role
// it has no material on is not answered as one about the CTO.
type titleWords struct {
	covered map[string]bool // role ids, names and the subject words of their titles
}

// titleFillers are the words of a title that say it is a title, not what
// it is about.
var titleFillers = wordSet(`chief officer head of the vp vice president director svp evp`)

// newTitleWords gathers the words of p's roles' titles: their ids and
// names, the one-word names of their overview topics ("cso", "cdo"), and
// the subject words of each title ("technology" of "Chief Technology
// Officer", "data" of "Head of Data").
func newTitleWords(p *Pack) titleWords {
	tw := titleWords{covered: make(map[string]bool)}
	for _, r := range p.Roles {
		for _, w := range strings.Split(r.ID, "-") {
			tw.covered[w] = true
		}
		for _, t := range append([]string{r.Name, r.Title}, r.AltTitles...) {
			for _, w := range wordsOf(t) {
				if w = strings.ToLower(w); !titleFillers[w] {
					tw.covered[w] = true
				}
			}
		}
		if o, ok := p.TopicByName(r.ID, "overview"); ok {
			for _, a := range o.Aliases {
				if !strings.Contains(a, "-") {
					tw.covered[a] = true
				}
			}
		}
	}
	return tw
}

// mentions reports whether words (as wordsOf gives them) name a covered
// role's title, and whether they name the title of a role hirebot does
// not cover: an executive abbreviation ("cmo"; not "ceo", whom every
// question may mention), "chief … officer", or "head of …", "vp (of) …",
// "director of …" about something else. correct, when not nil, reads a
// misspelt subject word as the pack's word ("vp of enginering").
func (tw titleWords) mentions(words []string, correct func(string) string) (known, other bool) {
	note := func(subject []string) {
		if len(subject) == 0 {
			return
		}
		for _, w := range subject {
			if !tw.covered[w] && (correct == nil || !tw.covered[correct(w)]) {
				other = true
				return
			}
		}
		known = true
	}
	var buf [128]string // most questions: no lower-case copy on the heap
	lower := buf[:0]
	if len(words) > len(buf) {
		lower = make([]string, 0, len(words))
	}
	lower = lower[:len(words)]
	for i, w := range words {
		lower[i] = strings.ToLower(w)
		if c, ok := chatWord(lower[i]); ok && c != "" {
			lower[i] = c // "vp eng" is "vp engineering"
		}
		if n := len(lower[i]); n > 3 && lower[i][n-1] == 's' && isExecAbbreviation(lower[i][:n-1]) {
			lower[i] = lower[i][:n-1] // "ctos", "cfos"
		}
	}
	for i, w := range lower {
		switch {
		case isExecAbbreviation(w) && w != "ceo":
			note([]string{w})
		case w == "chief":
			for j := i + 1; j < len(lower) && j <= i+4; j++ {
				if lower[j] == "officer" {
					note(lower[i+1 : j])
					break
				}
			}
		case w == "head" || w == "vp" || w == "svp" || w == "evp" || w == "director":
			j := i + 1
			for j < len(lower) && (lower[j] == "of" || lower[j] == "the") {
				j++
			}
			if j == i+1 && w != "vp" && w != "svp" && w != "evp" {
				continue // "head count", "director role": no "of"
			}
			if j < len(lower) && !featureStop[lower[j]] {
				note(lower[j : j+1])
			}
		}
	}
	return known, other
}

// isExecAbbreviation reports whether w looks like an executive title's
// abbreviation: c, one to three letters, o ("cfo", "cmio").
func isExecAbbreviation(w string) bool {
	if len(w) < 3 || len(w) > 5 || w[0] != 'c' || w[len(w)-1] != 'o' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// titleMention is what a question's words say of job titles (see
// titleWords.mentions): whether they name a covered role's title, and
// whether that of a role hirebot does not cover.
type titleMention struct{ known, other bool }

// titlesOf returns what words (as wordsOf gives them) say of job titles;
// nothing for a pack without an index.
func (p *Pack) titlesOf(words []string) titleMention {
	if p.index == nil {
		return titleMention{}
	}
	known, other := p.index.jobTitles.mentions(words, p.index.corrected)
	return titleMention{known: known, other: other}
}

// onlyOtherTitles reports whether the question's words name the title
// of a role hirebot does not cover and no title of one it does: "cmo
// salary benchmarks", "reference check questions for a COO finalist".
// Such a question is about that role, whatever else it shares with a
// topic's words.
func (p *Pack) onlyOtherTitles(q *question) bool {
	t := q.titles(p)
	return t.other && !t.known
}
