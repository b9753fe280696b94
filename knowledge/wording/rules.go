package wording

import (
	_ "embed"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
)

//go:embed rules.yaml
var rulesYAML []byte

// Rule is one entry of the rule table: either word patterns matched in the
// text of an ad, or a named structure check that measures the ad as a whole.
type Rule struct {
	ID       string   `json:"id"`                 // "jargon.rockstar": category, a dot, a name
	Category string   `json:"category"`           // "jargon"
	Severity Severity `json:"severity"`           // how much a finding of this rule matters
	Patterns []string `json:"patterns,omitempty"` // word patterns or "re:" expressions; see rules.yaml
	Check    string   `json:"check,omitempty"`    // the structure check, when Patterns is empty
	Frame    string   `json:"frame,omitempty"`    // the clause it must match in: applicant, screen or hire (see rules.yaml)
	Unless   []string `json:"unless,omitempty"`   // word patterns that, in the same sentence or the ad's title, explain a match away
	KeepIf   []string `json:"keep_if,omitempty"`  // word patterns that, in the same sentence, keep a match unless explained
	Message  string   `json:"message"`            // why it matters
	Fix      string   `json:"fix"`                // what to write instead
	Sources  []Source `json:"sources"`            // the research, law or guidance behind the rule
}

// Source is a law, a regulator's guidance or a study a rule rests on.
type Source struct {
	ID           string `json:"id"`                     // "adea"
	Jurisdiction string `json:"jurisdiction,omitempty"` // "US", "UK", "EU"; empty for research
	Cite         string `json:"cite"`                   // short: a name and a year
	Full         string `json:"full"`                   // the full reference
}

// Citation is the short form of the rule's sources: their names and years.
func (r Rule) Citation() string {
	cites := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		cites[i] = s.Cite
	}
	return strings.Join(cites, "; ")
}

// Jurisdictions lists the places whose law the rule rests on, in the
// order its sources name them; none for a rule resting on research alone.
func (r Rule) Jurisdictions() []string {
	var js []string
	for _, s := range r.Sources {
		if s.Jurisdiction != "" && !slices.Contains(js, s.Jurisdiction) {
			js = append(js, s.Jurisdiction)
		}
	}
	return js
}

// Category is a group of rules.
type Category struct {
	ID    string `json:"id"`    // "gender"
	Title string `json:"title"` // "Gender-coded wording"
}

// structureChecks returns the structure checks a rule may name in its
// check field.
func structureChecks() []string {
	return []string{
		"salary-missing", "salary-unclear", "location-missing", "location-policy",
		"too-short", "too-long", "must-haves", "readability",
		"employee-benefits", "foreign-term", "foreign-spelling", "foreign-currency",
	}
}

// Checker is a compiled rule table: the embedded one, or the embedded one
// with a company's overlay (see NewChecker). It is immutable once built
// and safe for concurrent use.
type Checker struct {
	rules       []Rule
	byID        map[string]int // rule id → index in rules
	categories  []Category
	catIndex    map[string]int          // category id → display order
	allow       map[string]*wordMatcher // category id → allowed words
	words       *wordMatcher            // every word pattern; ref is the rule index
	regexps     []ruleRegexp
	frames      []ruleFrame    // by rule index: the clause each rule must match in
	unless      []*wordMatcher // by rule index: words that explain a match in the same sentence or the title; nil: none
	keepIf      []*wordMatcher // by rule index: words that, in the same sentence, overrule unless; nil: none
	checks      map[string]int // structure check → rule index
	places      []compiledJurisdiction
	eeoStrong   *wordMatcher
	eeoWeak     *wordMatcher
	eeoAttr     *wordMatcher   // and, with their own refs, the groups and words of under-representation
	reviewRules map[string]int // protected category → its classifier (review) rule
	quietWords  *wordMatcher   // the protected categories' allow lists and figurativeCategory's word patterns
	model       *classifier    // labels sentences no rule caught; nil: none
	arrange     *wordMatcher   // words that state a working arrangement
	notArrange  *wordMatcher   // phrases in which those words mean something else
	limits      limits
}

type ruleRegexp struct {
	rule     int
	re       *regexp.Regexp
	literals [][]literal // clauses any text it matches satisfies; see requiredLiterals
}

type compiledJurisdiction struct {
	name     string
	severity Severity
	law      string
	match    *wordMatcher
	unless   *wordMatcher
}

// figurativeCategory is the category whose patterns use disability words
// as idioms ("blind spot", "tone deaf"): the classifier does not take
// those words as evidence of disability.
const figurativeCategory = "ableist"

// quietMatcher compiles the phrases whose words the classifier does not
// take as evidence (see allowedTokens): the allow lists of the protected
// categories and the word patterns of figurativeCategory. Every pattern
// has been compiled once already, so none fails here.
func quietMatcher(f ruleFile, cls classes) *wordMatcher {
	m := newWordMatcher()
	for _, cd := range f.Categories {
		if IsProtected(cd.ID) {
			for _, p := range cd.Allow {
				_ = m.add(p, 0, cls)
			}
		}
	}
	for _, rd := range f.Rules {
		if rd.Category != figurativeCategory {
			continue
		}
		for _, p := range rd.Patterns {
			if !strings.HasPrefix(p, "re:") {
				_ = m.add(p, 0, cls)
			}
		}
	}
	return m
}

// classifierCheck is the check of a rule that reports the classifier's
// findings for its category, at severity Review.
const classifierCheck = "classifier"

// loadChecker parses and compiles the embedded rule table once.
var loadChecker = sync.OnceValues(func() (*Checker, error) { return NewChecker(nil) })

// mustChecker returns the embedded checker. The package's tests prove the
// embedded table valid, so a failure here is a build defect.
func mustChecker() *Checker {
	c, err := loadChecker()
	if err != nil {
		panic(fmt.Sprintf("wording: embedded rules.yaml is invalid: %v", err))
	}
	return c
}

// Default returns the checker of the embedded rule table.
func Default() *Checker { return mustChecker() }

// Rules returns a copy of the embedded rule table, in file order.
func Rules() []Rule { return mustChecker().Rules() }

// Rules returns a copy of the checker's rule table, in file order.
func (c *Checker) Rules() []Rule {
	out := make([]Rule, len(c.rules))
	for i, r := range c.rules {
		r.Patterns = slices.Clone(r.Patterns)
		r.Sources = slices.Clone(r.Sources)
		out[i] = r
	}
	return out
}

// Rule returns the rule called id.
func (c *Checker) Rule(id string) (Rule, bool) {
	i, ok := c.byID[strings.ToLower(strings.TrimSpace(id))]
	if !ok {
		return Rule{}, false
	}
	r := c.rules[i]
	r.Patterns, r.Sources = slices.Clone(r.Patterns), slices.Clone(r.Sources)
	return r, true
}

// Categories returns the rule categories in the order of the rule table.
func Categories() []Category { return slices.Clone(mustChecker().categories) }

// KnownRule reports whether id names a rule ("jargon.rockstar") or a whole
// category ("jargon") of the embedded table: the two forms Options.Ignore
// accepts.
func KnownRule(id string) bool { return mustChecker().Known(id) }

// Known reports whether id names a rule or a category of the checker.
func (c *Checker) Known(id string) bool {
	id = strings.ToLower(strings.TrimSpace(id))
	if _, ok := c.byID[id]; ok {
		return true
	}
	_, ok := c.catIndex[id]
	return ok
}

// compile validates a merged rule table and compiles its patterns.
func compile(f ruleFile) (*Checker, error) {
	c := &Checker{
		byID:     map[string]int{},
		catIndex: map[string]int{},
		allow:    map[string]*wordMatcher{},
		words:    newWordMatcher(),
		checks:   map[string]int{},
		limits:   f.Limits,

		reviewRules: map[string]int{},
	}
	var errs []error
	if f.Limits.MinWords <= 0 || f.Limits.MaxWords <= f.Limits.MinWords || f.Limits.MaxRequirements <= 0 || f.Limits.MinReading <= 0 {
		errs = append(errs, errors.New("limits: min_words, max_words (above min_words), max_requirements and min_reading must all be positive"))
	}
	cls, err := compileClasses(f.Classes)
	if err != nil {
		errs = append(errs, err)
	}
	srcs, srcErrs := compileSources(f.Sources)
	errs = append(errs, srcErrs...)
	errs = append(errs, c.addCategories(f.Categories, cls)...)
	errs = append(errs, c.addJurisdictions(f.Jurisdictions)...)
	errs = append(errs, c.addEEO(f.EEO)...)
	for i, rd := range f.Rules {
		if err := c.addRule(rd, cls, srcs); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", rd.where(i), err))
		}
	}
	if len(c.rules) == 0 && len(errs) == 0 {
		errs = append(errs, errors.New("no rules"))
	}
	for _, name := range structureChecks() {
		if _, ok := c.checks[name]; !ok {
			errs = append(errs, fmt.Errorf("no rule runs the %q check", name))
		}
	}
	if len(f.Arrangements) == 0 {
		errs = append(errs, errors.New("arrangements: list the words that state a working arrangement"))
	}
	c.quietWords = quietMatcher(f, cls)
	c.arrange, c.notArrange = newWordMatcher(), newWordMatcher()
	for _, w := range f.Arrangements {
		if err := c.arrange.add(w, 0, cls); err != nil {
			errs = append(errs, fmt.Errorf("arrangements: %w", err))
		}
	}
	for _, w := range f.NotArrangements {
		if err := c.notArrange.add(w, 0, cls); err != nil {
			errs = append(errs, fmt.Errorf("not_arrangements: %w", err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Checker) addCategories(cats []categoryData, cls classes) []error {
	var errs []error
	if len(cats) == 0 {
		errs = append(errs, errors.New("no categories"))
	}
	for i, cd := range cats {
		if cd.ID == "" || cd.Title == "" {
			errs = append(errs, fmt.Errorf("%s: id and title are required", cd.where(i)))
			continue
		}
		if _, dup := c.catIndex[cd.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: category %q appears twice", cd.where(i), cd.ID))
			continue
		}
		c.catIndex[cd.ID] = len(c.categories)
		c.categories = append(c.categories, Category{ID: cd.ID, Title: cd.Title})
		if len(cd.Allow) == 0 {
			continue
		}
		m := newWordMatcher()
		for _, p := range cd.Allow {
			if err := m.add(p, 0, cls); err != nil {
				errs = append(errs, fmt.Errorf("category %q allow list: %w", cd.ID, err))
			}
		}
		c.allow[cd.ID] = m
	}
	return errs
}

func (c *Checker) addJurisdictions(js []jurisdiction) []error {
	var errs []error
	for i, j := range js {
		sev, err := ParseSeverity(j.Severity)
		if j.Name == "" || j.Law == "" || len(j.Match) == 0 || err != nil {
			errs = append(errs, fmt.Errorf("jurisdiction %d (%q): name, severity, match and law are required", i+1, j.Name))
			continue
		}
		cj := compiledJurisdiction{name: j.Name, severity: sev, law: j.Law, match: newWordMatcher(), unless: newWordMatcher()}
		for _, p := range j.Match {
			if err := cj.match.add(p, 0, nil); err != nil {
				errs = append(errs, fmt.Errorf("jurisdiction %q: %w", j.Name, err))
			}
		}
		for _, p := range j.Unless {
			if err := cj.unless.add(p, 0, nil); err != nil {
				errs = append(errs, fmt.Errorf("jurisdiction %q: %w", j.Name, err))
			}
		}
		c.places = append(c.places, cj)
	}
	return errs
}

func (c *Checker) addEEO(e eeoData) []error {
	var errs []error
	if len(e.Strong) == 0 || len(e.Weak) == 0 || len(e.Attributes) == 0 {
		errs = append(errs, errors.New("eeo: strong, weak and attributes are required"))
	}
	if (len(e.Welcome) == 0) != (len(e.Groups) == 0) {
		errs = append(errs, errors.New("eeo: welcome and groups go together"))
	}
	if len(e.Groups) > maxGroupKinds {
		errs = append(errs, fmt.Errorf("eeo groups: at most %d kinds", maxGroupKinds))
	}
	build := func(m *wordMatcher, name string, ref int, patterns []string) *wordMatcher {
		for _, p := range patterns {
			if err := m.add(p, ref, nil); err != nil {
				errs = append(errs, fmt.Errorf("eeo %s: %w", name, err))
			}
		}
		return m
	}
	c.eeoStrong = build(newWordMatcher(), "strong", 0, e.Strong)
	// One pass over the words finds the weak markers and the welcomes,
	// another the attributes, the groups and under-representation.
	c.eeoWeak = build(newWordMatcher(), "weak", eeoWeakRef, e.Weak)
	build(c.eeoWeak, "welcome", eeoWelcomeRef, e.Welcome)
	c.eeoAttr = build(newWordMatcher(), "attributes", eeoAttrRef, e.Attributes)
	build(c.eeoAttr, "underrepresented", eeoUnderRef, e.Underrepresented)
	for k, kind := range slices.Sorted(maps.Keys(e.Groups)) {
		build(c.eeoAttr, "groups "+kind, eeoGroupRef+k, e.Groups[kind])
	}
	return errs
}

// The refs of the equal-opportunity matchers' patterns: group kind k has
// eeoGroupRef+k.
const (
	eeoWeakRef = iota
	eeoWelcomeRef
	eeoAttrRef
	eeoUnderRef
	eeoGroupRef
)

// maxGroupKinds is how many kinds of protected group eeo groups may name
// (they are counted in a bit set).
const maxGroupKinds = 32

// addRule validates one rule and compiles its patterns.
func (c *Checker) addRule(rd ruleData, cls classes, srcs map[string]Source) error {
	var missing []string
	for _, f := range []struct{ name, value string }{
		{"id", rd.ID}, {"category", rd.Category}, {"severity", rd.Severity},
		{"message", rd.Message}, {"fix", rd.Fix},
	} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, f.name)
		}
	}
	if len(rd.Sources) == 0 {
		missing = append(missing, "sources")
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	sev, err := ParseSeverity(rd.Severity)
	if err != nil {
		return err
	}
	if _, dup := c.byID[rd.ID]; dup {
		return errors.New("id used twice")
	}
	if _, ok := c.catIndex[rd.Category]; !ok {
		return fmt.Errorf("unknown category %q", rd.Category)
	}
	if !strings.HasPrefix(rd.ID, rd.Category+".") || rd.ID != strings.ToLower(rd.ID) {
		return fmt.Errorf("id must be lower case and start with %q", rd.Category+".")
	}
	if (len(rd.Patterns) == 0) == (rd.Check == "") {
		return errors.New("give either patterns or check, not both or neither")
	}
	rf, err := parseRuleFrame(rd.Frame)
	if err != nil {
		return err
	}
	var sources []Source
	for _, id := range rd.Sources {
		s, ok := srcs[id]
		if !ok {
			return fmt.Errorf("unknown source %q (list it under sources:)", id)
		}
		sources = append(sources, s)
	}
	idx := len(c.rules)
	if rd.Check == classifierCheck {
		if sev != Review {
			return fmt.Errorf("a %q rule has severity review", classifierCheck)
		}
		if _, dup := c.reviewRules[rd.Category]; dup {
			return fmt.Errorf("category %q has two %q rules", rd.Category, classifierCheck)
		}
		c.reviewRules[rd.Category] = idx
	} else if sev == Review {
		return fmt.Errorf("only a %q rule has severity review", classifierCheck)
	} else if rd.Check != "" {
		if !slices.Contains(structureChecks(), rd.Check) {
			return fmt.Errorf("unknown check %q (known: %s)", rd.Check, strings.Join(append(structureChecks(), classifierCheck), ", "))
		}
		if _, dup := c.checks[rd.Check]; dup {
			return fmt.Errorf("check %q is run by two rules", rd.Check)
		}
		c.checks[rd.Check] = idx
	}
	for _, p := range rd.Patterns {
		if expr, ok := strings.CutPrefix(p, "re:"); ok {
			if err := c.addRegexp(idx, p, expr, cls); err != nil {
				return err
			}
			continue
		}
		if err := c.words.add(p, idx, cls); err != nil {
			return err
		}
	}
	unless, err := optionalMatcher("unless", rd.Unless, cls)
	if err != nil {
		return err
	}
	keepIf, err := optionalMatcher("keep_if", rd.KeepIf, cls)
	if err != nil {
		return err
	}
	if keepIf != nil && unless == nil {
		return errors.New("keep_if overrules unless; give unless too")
	}
	c.byID[rd.ID] = idx
	c.frames = append(c.frames, rf)
	c.unless = append(c.unless, unless)
	c.keepIf = append(c.keepIf, keepIf)
	c.rules = append(c.rules, Rule{
		ID: rd.ID, Category: rd.Category, Severity: sev, Patterns: rd.Patterns, Check: rd.Check, Frame: rd.Frame, Unless: rd.Unless, KeepIf: rd.KeepIf,
		Message: strings.TrimSpace(rd.Message), Fix: strings.TrimSpace(rd.Fix), Sources: sources,
	})
	return nil
}

// optionalMatcher compiles the word patterns of a rule's field name; nil
// when there are none.
func optionalMatcher(name string, patterns []string, cls classes) (*wordMatcher, error) {
	if len(patterns) == 0 {
		return nil, nil
	}
	m := newWordMatcher()
	for _, p := range patterns {
		if err := m.add(p, 0, cls); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return m, nil
}

// addRegexp compiles one "re:" pattern of rule idx, with its {{class}}
// references expanded.
func (c *Checker) addRegexp(idx int, pattern, expr string, cls classes) error {
	expr, err := cls.expand(expr)
	if err != nil {
		return fmt.Errorf("pattern %q: %w", pattern, err)
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return fmt.Errorf("pattern %q: %w", pattern, err)
	}
	if re.MatchString("") {
		return fmt.Errorf("pattern %q matches empty text", pattern)
	}
	c.regexps = append(c.regexps, ruleRegexp{rule: idx, re: re, literals: compileClauses(requiredLiterals(expr))})
	return nil
}
