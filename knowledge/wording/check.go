// Package wording checks a job description for biased or legally risky
// wording and missing essentials. A legal-risk layer covers protected
// characteristics and restricted practices: age, sex and family,
// disability and health, national origin and citizenship, religion, race,
// colour, sexual orientation and political opinion, what the application
// asks for, genetic information, military and veteran status, caste,
// salary history, criminal records and unpaid work in hiring; each of its
// rules rests on law or regulator guidance in the US, the UK or the EU.
// Words are normalised (stems, number classes) and each clause is read
// for whom it is about and what it does (a requirement, an exclusion, a
// question, a disclaimer, a description), which rules may require; a
// classifier trained on labelled sentences reports, at severity Review,
// risky sentences no rule caught. Beside it: gender-coded words (Gaucher,
// Friesen & Kay 2011, with the words a leadership role needs allowed),
// gendered pronouns, exclusionary jargon, ableist idioms, empty
// superlatives, and the structure of the ad (length, must-haves, years of
// experience, pay transparency, location, readability). The rules are
// data, embedded from rules.yaml, and a company may lay its own over them
// (NewChecker). A report has one finding per rule with every quote and
// where it is, why it matters, a fix and its sources, errors first.
// Equal-opportunity sentences are never flagged. The package is pure: no
// I/O, no Slack, no Redis.
package wording

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
)

// Finding is what one rule found in an ad: every place it matched, why it
// matters, what to do and the sources behind it.
type Finding struct {
	RuleID        string   `json:"rule_id"`  // "jargon.rockstar"
	Category      string   `json:"category"` // "jargon"
	Severity      Severity `json:"severity"`
	Quotes        []Quote  `json:"quotes"`                  // in document order; at least one
	Why           string   `json:"why"`                     // why it matters
	Fix           string   `json:"fix"`                     // what to write instead
	Citation      string   `json:"citation"`                // the sources in short: names and years
	Jurisdictions []string `json:"jurisdictions,omitempty"` // "US", "UK", "EU": where the law behind it applies
	Sources       []Source `json:"sources"`                 // the sources in full
	// Pending marks a fact a draft has not been given yet (pay, location):
	// still to do before posting, so reported at info while the document
	// is a draft (see Document.Draft) unless a local law raises it.
	Pending bool `json:"pending,omitempty"`
	// Law, for a pay finding where the job's location is under a
	// pay-transparency law, says which law, what it asks and what could not
	// be verified (it ends Why too).
	Law string `json:"law,omitempty"`
	// Confidence is, for a Review finding, how sure the classifier is that
	// the sentence is risky (1 - P(clean), 0 to 1); zero for a rule's.
	Confidence float64 `json:"confidence,omitempty"`
}

// ToDo reports whether f is only a fact still to be given: pending and
// not raised above info by a law where the job is based.
func (f Finding) ToDo() bool { return f.Pending && f.Severity == Info }

// Quote is one place a rule matched: the words found (or a measure such as
// "212 words", or nothing for the ad as a whole) and where.
type Quote struct {
	Text  string `json:"text,omitempty"`
	Where string `json:"where"` // "title", "summary", "requirements #3", "document"
}

// Report is the result of a check.
type Report struct {
	Findings    []Finding `json:"findings"`          // errors first, then by category and position
	Words       int       `json:"words"`             // words in the whole ad
	Reading     float64   `json:"reading"`           // Flesch reading ease of the summary and items
	ReadingBand string    `json:"reading_band"`      // Flesch's band for Reading, e.g. "difficult"
	Summary     string    `json:"summary"`           // one line: counts by severity, words, reading ease
	Ignored     []string  `json:"ignored,omitempty"` // the rule ids and categories that were ignored
}

// Options tune a check.
type Options struct {
	// Ignore lists rule ids ("jargon.rockstar") or categories ("gender")
	// whose findings are left out. Entries that name neither are skipped.
	Ignore []string
}

// Count returns how many findings are at or above severity s.
func (r Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity >= s {
			n++
		}
	}
	return n
}

// Check runs every rule of the embedded table on doc. It is pure and
// deterministic: the same document and options give the same report, with
// one finding per rule, errors first, then by category and by position in
// the document. Equal-opportunity sentences are never flagged.
func Check(doc Document, opts Options) Report {
	return mustChecker().Check(doc, opts)
}

// A match is a rule matching a span of one place's text.
type match struct {
	rule       int
	start, end int // byte offsets in the place's text
}

// Check runs the checker's rules on doc; see the package function Check.
func (c *Checker) Check(doc Document, opts Options) Report {
	ps := places(doc)
	for i := range ps {
		c.markEEO(ps[i].toks)
	}
	var fs []Finding
	var order []int // fs[i] stands at document position order[i]
	add := func(f Finding, at int) {
		fs = append(fs, f)
		order = append(order, at)
	}
	for _, p := range ps {
		if p.kind != placeText {
			continue
		}
		ms, explained := c.placeMatches(p, "")
		risks := c.sentenceRisks(p, append(ms, explained...))
		for _, f := range c.findings(p, c.vetoed(ms, risks)) {
			add(f, p.order)
		}
		for _, f := range c.review(p, risks) {
			add(f, p.order)
		}
	}
	st := c.structure(doc, ps)
	for _, sf := range st.findings {
		add(sf.Finding, sf.order)
	}
	for _, cf := range c.contextFindings(doc, ps) {
		add(cf.Finding, cf.order)
	}
	fs, order = c.dropBodyPay(fs, order, st.payStated)
	if !c.applyPayLaw(fs, doc) {
		c.applyJurisdictions(fs, ps[atLocation].toks)
	}

	ignore := c.ignoreSet(opts.Ignore)
	r := Report{Words: st.words, Reading: st.reading, ReadingBand: st.band}
	r.Findings = c.group(fs, order, ignore)
	for id := range ignore {
		r.Ignored = append(r.Ignored, id)
	}
	slices.Sort(r.Ignored)
	r.Summary = summarize(r)
	return r
}

// group merges the findings of one rule into one with all their quotes,
// leaves out ignored rules, and orders the result: errors first, then by
// category, then by where the rule first matched.
func (c *Checker) group(fs []Finding, order []int, ignore map[string]bool) []Finding {
	type ranked struct {
		f     Finding
		order int
	}
	byRule := map[string]int{}
	var out []ranked
	for i, f := range fs {
		if ignore[f.RuleID] || ignore[f.Category] {
			continue
		}
		j, ok := byRule[f.RuleID]
		if !ok {
			byRule[f.RuleID] = len(out)
			out = append(out, ranked{f, order[i]})
			continue
		}
		g := &out[j]
		g.order = min(g.order, order[i])
		g.f.Severity = max(g.f.Severity, f.Severity)
		for _, q := range f.Quotes {
			if !slices.ContainsFunc(g.f.Quotes, func(h Quote) bool { return h.Where == q.Where && strings.EqualFold(h.Text, q.Text) }) {
				g.f.Quotes = append(g.f.Quotes, q)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b ranked) int {
		return cmp.Or(
			cmp.Compare(b.f.Severity, a.f.Severity),
			cmp.Compare(c.catIndex[a.f.Category], c.catIndex[b.f.Category]),
			cmp.Compare(a.order, b.order),
		)
	})
	res := make([]Finding, len(out))
	for i, r := range out {
		res[i] = r.f
	}
	return res
}

// ignoreSet returns the known rule ids and categories among ids.
func (c *Checker) ignoreSet(ids []string) map[string]bool {
	set := map[string]bool{}
	for _, id := range ids {
		id = strings.ToLower(strings.TrimSpace(id))
		_, rule := c.byID[id]
		_, cat := c.catIndex[id]
		if rule || cat {
			set[id] = true
		}
	}
	return set
}

// markEEO flags the tokens of equal-opportunity sentences: those with a
// strong marker, a weak marker and an attribute, or a welcome to people
// of several protected groups at once ("applications from women, people
// of colour and disabled people are particularly welcome"): positive
// action, which equal-opportunity law allows, where a welcome to one
// group ("Ukrainian developers are especially welcome") is a preference.
// That takes groups of three kinds, or of two with a word of
// under-representation.
func (c *Checker) markEEO(toks []token) {
	n := sentences(toks)
	if n == 0 {
		return
	}
	const strong, weak, attr, welcome, under = 1, 2, 4, 8, 16
	flags := make([]uint8, n)
	var kinds []uint32 // by sentence: the kinds of protected group named
	c.eeoStrong.match(toks, func(_, first, _ int) { flags[toks[first].sentence] |= strong })
	c.eeoWeak.match(toks, func(ref, first, _ int) {
		if ref == eeoWelcomeRef {
			flags[toks[first].sentence] |= welcome
		} else {
			flags[toks[first].sentence] |= weak
		}
	})
	c.eeoAttr.match(toks, func(ref, first, _ int) {
		s := toks[first].sentence
		switch {
		case ref == eeoAttrRef:
			flags[s] |= attr
		case ref == eeoUnderRef:
			flags[s] |= under
		default:
			if kinds == nil {
				kinds = make([]uint32, n)
			}
			kinds[s] |= 1 << (ref - eeoGroupRef)
		}
	})
	for i := range toks {
		s := toks[i].sentence
		f := flags[s]
		groups := 0
		if kinds != nil {
			groups = bits.OnesCount32(kinds[s])
		}
		toks[i].eeo = f&strong != 0 || f&(weak|attr) == weak|attr ||
			f&welcome != 0 && (groups >= 3 || groups >= 2 && f&under != 0)
	}
}

// matchPlace runs the pattern rules on one place; when category is not
// empty, only that category's rules.
func (c *Checker) matchPlace(p place, category string) []Finding {
	ms, _ := c.placeMatches(p, category)
	return c.findings(p, ms)
}

// findings turns the matches of one place into findings.
func (c *Checker) findings(p place, ms []match) []Finding {
	fs := make([]Finding, 0, len(ms))
	for _, m := range ms {
		fs = append(fs, c.finding(m.rule, strings.Join(strings.Fields(p.text[m.start:m.end]), " "), p.where))
	}
	return fs
}

// placeMatches runs the pattern rules on one place, as matchPlace, and
// returns where they matched, and apart the matches their clause's frame
// explains (see dropByFrame).
func (c *Checker) placeMatches(p place, category string) (ms, explained []match) {
	if len(p.toks) == 0 {
		return nil, nil
	}
	keep := func(rule int) bool { return category == "" || c.rules[rule].Category == category }
	c.words.match(p.toks, func(rule, first, last int) {
		if keep(rule) && !p.toks[first].eeo {
			ms = append(ms, match{rule: rule, start: p.toks[first].start, end: p.toks[last].end})
		}
	})
	for _, sp := range sentenceSpans(p.toks, len(p.text)) {
		ms = append(ms, c.matchRegexps(p.text, sp, keep)...)
	}
	ms, allowed := c.dropAllowed(p.toks, ms)
	ms, explained = c.dropByFrame(p, ms)
	return dropOverlaps(ms), append(explained, allowed...)
}

// A span is a sentence of a place's text: from its first word to the next
// sentence's first word, so it keeps its closing punctuation.
type span struct {
	start, end int
	eeo        bool // an equal-opportunity sentence, never checked
}

// sentenceSpans cuts a text of n bytes into the spans of its sentences.
func sentenceSpans(toks []token, n int) []span {
	var out []span
	for i, t := range toks {
		if i == 0 || t.sentence != toks[i-1].sentence {
			if len(out) > 0 {
				out[len(out)-1].end = t.start
			}
			out = append(out, span{start: t.start, end: n, eeo: t.eeo})
		}
	}
	return out
}

// matchRegexps runs the "re:" patterns of the rules keep accepts on one
// sentence of text. A pattern runs only on a sentence that has its
// required literals, which spares the regexp engine most of an ad.
func (c *Checker) matchRegexps(text string, sp span, keep func(rule int) bool) []match {
	if sp.eeo {
		return nil
	}
	// Hyphens between letters read as spaces ("hands-on", "post-
	// qualification"), so that word gaps in the patterns span them; the
	// text keeps its length, so offsets still point into the original.
	sentence := dehyphen(text[sp.start:sp.end])
	lower := strings.ToLower(sentence)
	ix := newTextIndex(lower)
	var ms []match
	for _, rr := range c.regexps {
		if !keep(rr.rule) || !mayMatch(lower, &ix, rr.literals) {
			continue
		}
		var locs [][]int
		if rr.re.NumSubexp() == 0 {
			locs = rr.re.FindAllStringIndex(sentence, -1)
		} else {
			locs = rr.re.FindAllStringSubmatchIndex(sentence, -1)
		}
		for _, loc := range locs {
			// The first group, when there is one, is what to quote; the
			// rest of the match is context ("must be" in "must be under 40").
			if len(loc) > 2 && loc[2] >= 0 {
				loc = loc[2:4]
			}
			ms = append(ms, match{rule: rr.rule, start: sp.start + loc[0], end: sp.start + loc[1]})
		}
	}
	return ms
}

// dehyphen replaces each hyphen between two letters with a space.
func dehyphen(s string) string {
	i := strings.IndexByte(s, '-')
	if i < 0 {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] == '-' && i > 0 && i+1 < len(b) && isASCIILetter(b[i-1]) && isASCIILetter(b[i+1]) {
			b[i] = ' '
		}
	}
	return string(b)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// finding builds a finding of rule i quoting one place.
func (c *Checker) finding(i int, quote, where string) Finding {
	r := c.rules[i]
	return Finding{
		RuleID: r.ID, Category: r.Category, Severity: r.Severity,
		Quotes: []Quote{{Text: quote, Where: where}}, Why: r.Message, Fix: r.Fix,
		Citation: r.Citation(), Jurisdictions: r.Jurisdictions(), Sources: slices.Clone(r.Sources),
	}
}

// dropAllowed removes matches that lie inside a word or phrase on their
// category's allow list, and returns them apart.
func (c *Checker) dropAllowed(toks []token, ms []match) (kept, allowed []match) {
	spans := map[string][]match{}
	for _, m := range ms {
		cat := c.rules[m.rule].Category
		allow, ok := c.allow[cat]
		if _, done := spans[cat]; !ok || done {
			continue
		}
		var s []match
		allow.match(toks, func(_, first, last int) {
			s = append(s, match{start: toks[first].start, end: toks[last].end})
		})
		spans[cat] = s
	}
	for _, m := range ms {
		inside := slices.ContainsFunc(spans[c.rules[m.rule].Category], func(s match) bool { return s.start <= m.start && m.end <= s.end })
		if inside {
			allowed = append(allowed, m)
		} else {
			kept = append(kept, m)
		}
	}
	return kept, allowed
}

// dropOverlaps keeps the longest of overlapping matches of one rule, and
// drops a match lying wholly inside a longer match of another rule ("he"
// inside "he or she", "competitive" inside "competitive salary"). The result
// is in text order.
func dropOverlaps(ms []match) []match {
	slices.SortFunc(ms, func(a, b match) int {
		return cmp.Or(cmp.Compare(b.end-b.start, a.end-a.start), cmp.Compare(a.start, b.start), cmp.Compare(a.rule, b.rule))
	})
	var kept []match
	for _, m := range ms {
		drop := false
		for _, k := range kept {
			overlap := m.start < k.end && k.start < m.end
			inside := k.start <= m.start && m.end <= k.end && k.end-k.start > m.end-m.start
			if (k.rule == m.rule && overlap) || inside {
				drop = true
				break
			}
		}
		if !drop {
			kept = append(kept, m)
		}
	}
	slices.SortFunc(kept, func(a, b match) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.rule, b.rule))
	})
	return kept
}
