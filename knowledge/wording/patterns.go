package wording

import (
	"fmt"
	"strings"
)

// A term is one word of a word pattern: the word itself, a stem that
// matches any word it starts, a class ("{language}") that matches any of
// its words, or {digits}, any number written in digits.
type term struct {
	word   string
	stem   bool
	class  map[string]bool
	digits bool
}

// matches reports whether the term matches the word w.
func (t term) matches(w string) bool {
	switch {
	case t.digits:
		return w != "" && strings.Trim(w, "0123456789") == ""
	case t.class != nil:
		return t.class[w]
	case t.stem:
		return strings.HasPrefix(w, t.word)
	}
	return w == t.word
}

// minStem is the shortest stem a pattern may use; shorter ones match too
// much, and the matcher indexes stems by their first minStem bytes.
const minStem = 3

// parseWordPattern turns "self relian*" into its terms; cls resolves
// "{class}" words.
func parseWordPattern(pattern string, cls classes) ([]term, error) {
	var terms []term
	for _, field := range strings.Fields(pattern) {
		if name, ok := strings.CutPrefix(field, "{"); ok && strings.HasSuffix(name, "}") {
			name = strings.TrimSuffix(name, "}")
			if name == digitsClass {
				if len(terms) == 0 {
					return nil, fmt.Errorf("pattern %q: {%s} cannot start a pattern", pattern, digitsClass)
				}
				terms = append(terms, term{word: "{" + name + "}", digits: true})
				continue
			}
			set, known := cls[name]
			if !known {
				return nil, fmt.Errorf("pattern %q: unknown class %q", pattern, name)
			}
			terms = append(terms, term{word: "{" + name + "}", class: set})
			continue
		}
		stem := strings.HasSuffix(field, "*")
		field = strings.TrimSuffix(field, "*")
		if strings.Contains(field, "*") {
			return nil, fmt.Errorf("pattern %q: '*' may only end a word", pattern)
		}
		toks := tokenize(field)
		if len(toks) == 0 {
			return nil, fmt.Errorf("pattern %q: %q has no letters or digits", pattern, field)
		}
		for i, t := range toks {
			terms = append(terms, term{word: t.word, stem: stem && i == len(toks)-1})
		}
	}
	if len(terms) == 0 {
		return nil, fmt.Errorf("pattern %q is empty", pattern)
	}
	for _, t := range terms {
		if t.stem && len(t.word) < minStem {
			return nil, fmt.Errorf("pattern %q: stem %q is shorter than %d letters", pattern, t.word, minStem)
		}
	}
	return terms, nil
}

// A phrase is one compiled word pattern and the caller's reference for it.
type phrase struct {
	terms []term
	ref   int
}

// A wordMatcher finds word patterns in tokenized text. It indexes patterns
// by their first word (or the first bytes of a leading stem), so a check
// costs a map lookup or two per token whatever the number of patterns.
type wordMatcher struct {
	phrases []phrase
	exact   map[string][]int // first word → phrase indexes
	stems   map[string][]int // first minStem bytes of a leading stem → phrase indexes
}

func newWordMatcher() *wordMatcher {
	return &wordMatcher{exact: map[string][]int{}, stems: map[string][]int{}}
}

// add compiles pattern, whose "{class}" words cls resolves, and files it
// under ref.
func (m *wordMatcher) add(pattern string, ref int, cls classes) error {
	terms, err := parseWordPattern(pattern, cls)
	if err != nil {
		return err
	}
	i := len(m.phrases)
	m.phrases = append(m.phrases, phrase{terms: terms, ref: ref})
	if first := terms[0]; first.class != nil {
		for w := range first.class {
			m.exact[w] = append(m.exact[w], i)
		}
	} else if first.stem {
		m.stems[first.word[:minStem]] = append(m.stems[first.word[:minStem]], i)
	} else {
		m.exact[first.word] = append(m.exact[first.word], i)
	}
	return nil
}

// match calls fn for every place a pattern matches in toks, with the
// pattern's ref and the indexes of the first and last matched tokens.
func (m *wordMatcher) match(toks []token, fn func(ref, first, last int)) {
	for i := range toks {
		w := toks[i].word
		for _, p := range m.exact[w] {
			if last, ok := m.phrases[p].matchAt(toks, i); ok {
				fn(m.phrases[p].ref, i, last)
			}
		}
		if len(w) < minStem {
			continue
		}
		for _, p := range m.stems[w[:minStem]] {
			if last, ok := m.phrases[p].matchAt(toks, i); ok {
				fn(m.phrases[p].ref, i, last)
			}
		}
	}
}

// matchAt reports whether the phrase matches toks starting at i, and the
// index of its last token.
func (p phrase) matchAt(toks []token, i int) (int, bool) {
	if i+len(p.terms) > len(toks) {
		return 0, false
	}
	for k, t := range p.terms {
		tok := toks[i+k]
		if k > 0 && tok.brk {
			return 0, false
		}
		if !t.matches(tok.word) {
			return 0, false
		}
	}
	return i + len(p.terms) - 1, true
}

// matchesAny reports whether any pattern of m occurs in toks.
func (m *wordMatcher) matchesAny(toks []token) bool {
	found := false
	m.match(toks, func(int, int, int) { found = true })
	return found
}
