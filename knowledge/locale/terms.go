package locale

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term is a word or phrase that belongs to some locales and reads as
// foreign in the others: "401(k)" in a UK ad, "bank holidays" in a US one.
type Term struct {
	ID      string
	Phrases []string        // how it is written
	Native  []Code          // the locales it belongs to; none: foreign everywhere
	Instead map[Code]string // what to write in each other locale
}

// ForeignHit is another locale's term found in a text.
type ForeignHit struct {
	Hit
	Instead string // what the locale writes instead
}

type termData struct {
	ID      string            `yaml:"id"`
	Phrases []string          `yaml:"phrases"`
	Native  []Code            `yaml:"native"`
	Instead map[string]string `yaml:"instead"`
}

// addTerms checks and adds the table of other countries' terms: every
// locale a term is foreign to has an instead.
func (d *Data) addTerms(ts []termData) []error {
	var errs []error
	for _, t := range ts {
		term := Term{ID: t.ID, Phrases: t.Phrases, Native: t.Native, Instead: map[Code]string{}}
		for k, v := range t.Instead {
			term.Instead[Code(k)] = v
		}
		if t.ID == "" || len(t.Phrases) == 0 || slices.ContainsFunc(d.terms, func(o Term) bool { return o.ID == t.ID }) {
			errs = append(errs, fmt.Errorf("term %q: needs an id of its own and phrases", t.ID))
		}
		for _, c := range Codes() {
			_, has := term.Instead[c]
			if native := slices.Contains(t.Native, c); native == has {
				errs = append(errs, fmt.Errorf("term %q: locale %q needs an instead exactly when the term is foreign to it", t.ID, c))
			}
		}
		for _, c := range t.Native {
			if !slices.Contains(Codes(), c) {
				errs = append(errs, fmt.Errorf("term %q: unknown locale %q", t.ID, c))
			}
		}
		for _, p := range t.Phrases {
			if !newMatcher().add(p, t.ID) {
				errs = append(errs, fmt.Errorf("term %q: phrase %q has no words", t.ID, p))
			}
		}
		d.terms = append(d.terms, term)
	}
	return errs
}

// Terms returns the table of other countries' terms.
func (d *Data) Terms() []Term { return slices.Clone(d.terms) }

// Foreign finds in text the terms that read as foreign in locale c, each
// with what c writes instead.
func (d *Data) Foreign(text string, c Code) []ForeignHit {
	m := newMatcher()
	for _, t := range d.terms {
		if slices.Contains(t.Native, c) {
			continue
		}
		for _, p := range t.Phrases {
			m.add(p, t.ID)
		}
	}
	var out []ForeignHit
	for _, h := range m.find(text) {
		i := slices.IndexFunc(d.terms, func(t Term) bool { return t.ID == h.ID })
		out = append(out, ForeignHit{Hit: h, Instead: d.terms[i].Instead[c]})
	}
	return out
}

// column is the spelling table's column for a locale's spelling.
func column(spelling Code) int {
	switch spelling {
	case US:
		return 1
	case CA:
		return 2
	}
	return 0
}

// addSpelling checks and indexes the spelling table: rows of [uk, us, ca],
// no form in two rows, and the kept forms out of the index.
func (d *Data) addSpelling(rows [][]string, keep []string) []error {
	var errs []error
	d.spell = map[string][]string{}
	for _, row := range rows {
		if len(row) != 3 {
			errs = append(errs, fmt.Errorf("spelling %v: want [uk, us, ca]", row))
			continue
		}
		for _, form := range row {
			if form != strings.ToLower(form) || strings.ContainsFunc(form, func(r rune) bool { return !unicode.IsLetter(r) }) {
				errs = append(errs, fmt.Errorf("spelling %v: %q is not one lower-case word", row, form))
			}
			if other, ok := d.spell[form]; ok && !slices.Equal(other, row) {
				errs = append(errs, fmt.Errorf("spelling %q is in two rows", form))
			}
			if !slices.Contains(keep, form) {
				d.spell[form] = row
			}
		}
	}
	return errs
}

// Spell rewrites the words of the spelling table into locale c's spelling,
// keeping their case: "Organisation" becomes "Organization" for us.
// Everything else in text is unchanged.
func (d *Data) Spell(text string, c Code) string {
	l, ok := d.Get(c)
	if !ok {
		return text
	}
	col := column(l.Spelling)
	var b strings.Builder
	last := 0
	for _, t := range tokens(text) {
		row, ok := d.spell[t.word]
		if !ok || row[col] == t.word {
			continue
		}
		b.WriteString(text[last:t.start])
		b.WriteString(matchCase(text[t.start:t.end], row[col]))
		last = t.end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// OtherSpellings finds the words of the spelling table written as another
// locale spells them; each hit's ID is c's spelling.
func (d *Data) OtherSpellings(text string, c Code) []Hit {
	l, ok := d.Get(c)
	if !ok {
		return nil
	}
	col := column(l.Spelling)
	var out []Hit
	for _, t := range tokens(text) {
		if row, ok := d.spell[t.word]; ok && row[col] != t.word {
			out = append(out, Hit{ID: row[col], Text: text[t.start:t.end], Start: t.start, End: t.end})
		}
	}
	return out
}

// matchCase writes word in the case of model: all capitals, a capital
// first, or lower case.
func matchCase(model, word string) string {
	switch {
	case strings.ToUpper(model) == model && strings.ToLower(model) != model && utf8.RuneCountInString(model) > 1:
		return strings.ToUpper(word)
	case unicode.IsUpper([]rune(model)[0]):
		r, n := utf8.DecodeRuneInString(word)
		return string(unicode.ToUpper(r)) + word[n:]
	}
	return word
}
