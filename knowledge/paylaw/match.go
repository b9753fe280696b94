package paylaw

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// Result is what Match found in a job location.
type Result struct {
	// Places are the places the location names, the most specific only
	// ("Brooklyn, New York" gives New York City, not also the state), in
	// the order they appear.
	Places []Place
	// Laws are the laws of those places and of every place they lie in,
	// the most specific first, whether or not they are in force: use
	// Applies or Check with the company's size and the day.
	Laws []Law
	// Remote reports whether the location says the job can be done
	// remotely ("Remote (US)", "anywhere in the EU", "work from home").
	Remote bool
	// RemoteLaws, for a remote job, are the laws not already in Laws that
	// cover remote jobs someone living under them could do, in the
	// countries the location names (in every country when it names none).
	RemoteLaws []Law
	// Ambiguous lists names that could mean more than one place and that
	// nothing else in the location decided ("Portland"); no law is taken
	// from them.
	Ambiguous []Ambiguity
}

// Ambiguity is a name in a location that could mean several places.
type Ambiguity struct {
	Text   string  // the name as normalised: "portland"
	Places []Place // the places it could be
}

// Applicable returns the laws in r.Laws that apply to a company of
// companySize employees (0 or less: not known) on the day asOf; see
// Applies. RemoteLaws are left to the caller: they apply only if the hire
// may live where they govern.
func (r Result) Applicable(companySize int, asOf time.Time) []Law {
	var out []Law
	for _, l := range r.Laws {
		if Applies(l, companySize, asOf) {
			out = append(out, l)
		}
	}
	return out
}

// Match recognises the places in a free-text job location with the
// built-in table and returns them with the laws that cover them.
func Match(location string) Result { return Default().Match(location) }

// Match recognises the places in a free-text job location and returns
// them with the laws that cover them. It understands US state names and
// postal codes, Canadian provinces and their codes, EU member states and
// their ISO codes, and the cities and counties in the table; a city named
// with its state or country ("Portland, ME", "London, ON") is the one in
// that place. Postal codes that are also English words (IN, OR, ME, OK)
// count in capitals after a comma, bracket or place ("Remote - OR"), and
// in lower case only at the end after a place and a comma ("portland, or").
func (t *Table) Match(location string) Result {
	toks := tokenize(location)
	var r Result
	r.Remote = remote(toks)
	spans := t.spans(toks)
	spans, r.Ambiguous = t.decide(spans)
	spans = t.dropContradicted(spans)
	for _, s := range spans {
		p := s.cands[0].place
		if !slices.ContainsFunc(r.Places, func(q Place) bool { return q.ID == t.places[p].ID }) {
			r.Places = append(r.Places, t.places[p])
		}
	}
	r.Places = slices.DeleteFunc(r.Places, func(p Place) bool {
		return slices.ContainsFunc(r.Places, func(q Place) bool { return t.within(q.ID, p.ID) && q.ID != p.ID })
	})
	for _, p := range r.Places {
		for id := p.ID; id != ""; id = t.places[t.byID[id]].Parent {
			for _, i := range t.byPlace[id] {
				if !slices.ContainsFunc(r.Laws, func(l Law) bool { return l.ID == t.laws[i].ID }) {
					r.Laws = append(r.Laws, t.laws[i])
				}
			}
		}
	}
	if r.Remote {
		r.RemoteLaws = t.remoteLaws(r)
	}
	return r
}

// remoteLaws returns the laws covering remote jobs in the countries r
// names (all countries when it names none), less those already in r.Laws.
func (t *Table) remoteLaws(r Result) []Law {
	var out []Law
	for _, l := range t.laws {
		if l.Remote != RemoteCovered || slices.ContainsFunc(r.Laws, func(m Law) bool { return m.ID == l.ID }) {
			continue
		}
		lp := t.places[t.byID[l.Place]]
		if len(r.Places) == 0 || slices.ContainsFunc(r.Places, func(p Place) bool {
			return p.Country != "" && p.Country == lp.Country || p.ID == "eu" && lp.InEU
		}) {
			out = append(out, l)
		}
	}
	return out
}

// within reports whether place inner is place outer or lies in it.
func (t *Table) within(inner, outer string) bool {
	for id := inner; id != ""; id = t.places[t.byID[id]].Parent {
		if id == outer {
			return true
		}
	}
	return false
}

// related reports whether one of two places lies in the other.
func (t *Table) related(a, b int) bool {
	return t.within(t.places[a].ID, t.places[b].ID) || t.within(t.places[b].ID, t.places[a].ID)
}

// token is a word of a location.
type token struct {
	word  string // folded and lower-cased
	upper bool   // written in capitals
	punct bool   // punctuation (a comma, bracket, dash or slash) comes right before it, or it is the first word
	// joined says a hyphen joins it to the next word ("on-site",
	// "in-office"): a part of a compound, never a code on its own.
	joined bool
}

// tokenize splits a location into words: letters and digits, with
// apostrophes dropped ("St. John's" → st johns) and dotted initials joined
// ("U.S.A." → usa, "D.C." → dc).
func tokenize(s string) []token {
	var toks []token
	var cur []rune
	punct, dotted := true, false // dotted: the last word was one letter followed by a dot
	flush := func() {
		if len(cur) == 0 {
			return
		}
		w := string(cur)
		up := strings.ToUpper(w) == w && strings.ToLower(w) != w
		if dotted && len(cur) == 1 && len(toks) > 0 {
			last := &toks[len(toks)-1]
			last.word += strings.ToLower(w)
			last.upper = last.upper && up
		} else {
			toks = append(toks, token{word: strings.ToLower(w), upper: up, punct: punct})
		}
		cur, punct, dotted = cur[:0], false, false
	}
	for _, r := range Fold(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		case r == '\'':
		case r == '.':
			one := len(cur) == 1
			flush()
			dotted = one && len(toks) > 0 && len(toks[len(toks)-1].word) <= 3
		case unicode.IsSpace(r):
			flush()
			dotted = false
		default:
			word := len(cur) > 0
			flush()
			if word && r == '-' && len(toks) > 0 {
				toks[len(toks)-1].joined = true
			}
			punct, dotted = true, false
		}
	}
	flush()
	return toks
}

// normalise turns a name into the words Match compares: "St. John's" →
// "st johns".
func normalise(s string) string {
	toks := tokenize(s)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.word
	}
	return strings.Join(words, " ")
}

// remoteWords say a job can be done from elsewhere.
var remoteWords = []string{"remote", "remotely", "wfh", "anywhere", "telework", "teleworking", "homeworking", "homebased"}

// remote reports whether the words say the job is remote.
func remote(toks []token) bool {
	for i, t := range toks {
		if slices.Contains(remoteWords, t.word) {
			return true
		}
		if i > 0 && (toks[i-1].word == "from" && t.word == "home" || toks[i-1].word == "home" && t.word == "based") {
			return true
		}
	}
	return false
}

// wordCodes are postal or country codes that are also English words; they
// count in capitals after punctuation or a place, and in lower case only
// after a place and a comma, at the end of the location.
var wordCodes = []string{"in", "or", "me", "ok", "hi", "oh", "id", "co", "de", "la", "al", "pa", "ms", "on", "it", "be", "at", "ie"}

// span is a run of words naming a place, with the places it may be.
type span struct {
	start, end int // token indexes, end exclusive
	text       string
	cands      []cand
}

// spans finds the names and codes in toks, the longest name first.
func (t *Table) spans(toks []token) []span {
	var out []span
	for i := 0; i < len(toks); {
		found := false
		for n := min(t.maxWords, len(toks)-i); n >= 1 && !found; n-- {
			words := make([]string, n)
			for k := range n {
				words[k] = toks[i+k].word
			}
			text := strings.Join(words, " ")
			if cs, ok := t.names[text]; ok {
				out = append(out, span{i, i + n, text, cs})
				i, found = i+n, true
			}
		}
		if found {
			continue
		}
		if cs, ok := t.codes[toks[i].word]; ok && t.codeCounts(toks, i, out) {
			out = append(out, span{i, i + 1, toks[i].word, cs})
			i++
			continue
		}
		i++
	}
	return out
}

// codeCounts reports whether toks[i], a code, is meant as one.
func (t *Table) codeCounts(toks []token, i int, before []span) bool {
	tk := toks[i]
	afterPlace := len(before) > 0 && before[len(before)-1].end == i
	alone := len(toks) == 1
	if slices.Contains(wordCodes, tk.word) {
		// "Portland, OR" and "portland, or" at the end are Oregon;
		// "Berlin or Munich", "Remote, or hybrid" and "Berlin, on-site"
		// are not.
		if tk.joined {
			return false
		}
		last := i+1 == len(toks) || toks[i+1].punct || isNumber(toks[i+1].word)
		return tk.upper && (tk.punct || afterPlace || alone) || afterPlace && tk.punct && last
	}
	return afterPlace || tk.upper || tk.punct || alone
}

// isNumber reports whether w is all digits, like a postal code.
func isNumber(w string) bool {
	return w != "" && strings.Trim(w, "0123456789") == ""
}

// decide narrows each span to one place: to the places related to another
// span's ("Albany, New York" is the state), then to its primary meaning
// ("London" is the one in England). A span still open is ambiguous.
func (t *Table) decide(spans []span) ([]span, []Ambiguity) {
	var kept []span
	var amb []Ambiguity
	for i, s := range spans {
		cs := s.cands
		if len(cs) > 1 {
			rel := slices.DeleteFunc(slices.Clone(cs), func(c cand) bool {
				for j, o := range spans {
					if j != i && slices.ContainsFunc(o.cands, func(oc cand) bool { return t.related(c.place, oc.place) }) {
						return false
					}
				}
				return true
			})
			if len(rel) > 0 {
				cs = rel
			}
		}
		if len(cs) > 1 {
			if prim := slices.DeleteFunc(slices.Clone(cs), func(c cand) bool { return !c.primary }); len(prim) == 1 {
				cs = prim
			}
		}
		if len(cs) > 1 {
			a := Ambiguity{Text: s.text}
			for _, c := range cs {
				a.Places = append(a.Places, t.places[c.place])
			}
			amb = append(amb, a)
			continue
		}
		s.cands = cs
		kept = append(kept, s)
	}
	return kept, amb
}

// dropContradicted drops a place followed at once by a larger place it
// does not lie in: in "Paris, TX" the state decides, and Paris is not the
// one in the table.
func (t *Table) dropContradicted(spans []span) []span {
	var out []span
	for i, s := range spans {
		if i+1 < len(spans) && spans[i+1].start == s.end {
			p, q := s.cands[0].place, spans[i+1].cands[0].place
			if t.places[q].Kind.rank() > t.places[p].Kind.rank() && !t.related(p, q) {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}
