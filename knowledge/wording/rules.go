package wording

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
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
	Message  string   `json:"message"`            // why it matters
	Fix      string   `json:"fix"`                // what to write instead
	Source   string   `json:"source"`             // the research or law behind the rule
}

// Category is a group of rules; findings are reported grouped by category,
// in the order of Categories.
type Category struct {
	ID    string `json:"id"`    // "gender"
	Title string `json:"title"` // "Gender-coded wording"
}

// structureChecks returns the structure checks a rule may name in its
// check field.
func structureChecks() []string {
	return []string{
		"salary-missing", "location-missing", "location-policy",
		"too-short", "too-long", "must-haves", "readability",
	}
}

// ruleFile is the shape of rules.yaml.
type ruleFile struct {
	Limits        limits         `yaml:"limits"`
	Categories    []categoryData `yaml:"categories"`
	Jurisdictions []jurisdiction `yaml:"jurisdictions"`
	EEO           eeoData        `yaml:"eeo"`
	Arrangements  []string       `yaml:"arrangements"`
	Rules         []ruleData     `yaml:"rules"`
}

type limits struct {
	MinWords        int     `yaml:"min_words"`
	MaxWords        int     `yaml:"max_words"`
	MaxRequirements int     `yaml:"max_requirements"`
	MinReading      float64 `yaml:"min_reading"`
}

type categoryData struct {
	ID    string   `yaml:"id"`
	Title string   `yaml:"title"`
	Allow []string `yaml:"allow"`
}

type jurisdiction struct {
	Name     string   `yaml:"name"`
	Severity string   `yaml:"severity"`
	Match    []string `yaml:"match"`
	Unless   []string `yaml:"unless"`
	Law      string   `yaml:"law"`
}

type eeoData struct {
	Strong     []string `yaml:"strong"`
	Weak       []string `yaml:"weak"`
	Attributes []string `yaml:"attributes"`
}

type ruleData struct {
	ID       string   `yaml:"id"`
	Category string   `yaml:"category"`
	Severity string   `yaml:"severity"`
	Patterns []string `yaml:"patterns"`
	Check    string   `yaml:"check"`
	Message  string   `yaml:"message"`
	Fix      string   `yaml:"fix"`
	Source   string   `yaml:"source"`
}

// checker is the compiled rule table. It is immutable once built and safe
// for concurrent use.
type checker struct {
	rules      []Rule
	byID       map[string]int // rule id → index in rules
	categories []Category
	catIndex   map[string]int          // category id → display order
	allow      map[string]*wordMatcher // category id → allowed words
	words      *wordMatcher            // every word pattern; ref is the rule index
	regexps    []ruleRegexp
	checks     map[string]int // structure check → rule index
	places     []compiledJurisdiction
	eeoStrong  *wordMatcher
	eeoWeak    *wordMatcher
	eeoAttr    *wordMatcher
	arrange    *wordMatcher // words that state a working arrangement
	limits     limits
}

type ruleRegexp struct {
	rule     int
	re       *regexp.Regexp
	literals []string // one of these occurs in any match; see requiredLiterals
}

type compiledJurisdiction struct {
	name     string
	severity Severity
	law      string
	match    *wordMatcher
	unless   *wordMatcher
}

// loadChecker parses and compiles the embedded rule table once.
var loadChecker = sync.OnceValues(func() (*checker, error) { return parseRules(rulesYAML) })

// mustChecker returns the embedded checker. The package's tests prove the
// embedded table valid, so a failure here is a build defect.
func mustChecker() *checker {
	c, err := loadChecker()
	if err != nil {
		panic(fmt.Sprintf("wording: embedded rules.yaml is invalid: %v", err))
	}
	return c
}

// Rules returns a copy of the embedded rule table, in file order.
func Rules() []Rule {
	c := mustChecker()
	out := make([]Rule, len(c.rules))
	for i, r := range c.rules {
		r.Patterns = slices.Clone(r.Patterns)
		out[i] = r
	}
	return out
}

// Categories returns the rule categories in the order reports show them.
func Categories() []Category { return slices.Clone(mustChecker().categories) }

// KnownRule reports whether id names a rule ("jargon.rockstar") or a whole
// category ("jargon"): the two forms Options.Ignore accepts.
func KnownRule(id string) bool {
	c := mustChecker()
	id = strings.ToLower(strings.TrimSpace(id))
	if _, ok := c.byID[id]; ok {
		return true
	}
	_, ok := c.catIndex[id]
	return ok
}

// parseRules decodes and validates a rule table and compiles its patterns.
func parseRules(data []byte) (*checker, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f ruleFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decode rules: %w", err)
	}
	c := &checker{
		byID:     map[string]int{},
		catIndex: map[string]int{},
		allow:    map[string]*wordMatcher{},
		words:    newWordMatcher(),
		checks:   map[string]int{},
		limits:   f.Limits,
	}
	var errs []error
	if f.Limits.MinWords <= 0 || f.Limits.MaxWords <= f.Limits.MinWords || f.Limits.MaxRequirements <= 0 || f.Limits.MinReading <= 0 {
		errs = append(errs, errors.New("limits: min_words, max_words (above min_words), max_requirements and min_reading must all be positive"))
	}
	errs = append(errs, c.addCategories(f.Categories)...)
	errs = append(errs, c.addJurisdictions(f.Jurisdictions)...)
	errs = append(errs, c.addEEO(f.EEO)...)
	for i, rd := range f.Rules {
		if err := c.addRule(rd); err != nil {
			errs = append(errs, fmt.Errorf("rule %d (%q): %w", i+1, rd.ID, err))
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
	c.arrange = newWordMatcher()
	for _, w := range f.Arrangements {
		if err := c.arrange.add(w, 0); err != nil {
			errs = append(errs, fmt.Errorf("arrangements: %w", err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *checker) addCategories(cats []categoryData) []error {
	var errs []error
	if len(cats) == 0 {
		errs = append(errs, errors.New("no categories"))
	}
	for i, cd := range cats {
		if cd.ID == "" || cd.Title == "" {
			errs = append(errs, fmt.Errorf("category %d: id and title are required", i+1))
			continue
		}
		if _, dup := c.catIndex[cd.ID]; dup {
			errs = append(errs, fmt.Errorf("category %q appears twice", cd.ID))
			continue
		}
		c.catIndex[cd.ID] = len(c.categories)
		c.categories = append(c.categories, Category{ID: cd.ID, Title: cd.Title})
		if len(cd.Allow) == 0 {
			continue
		}
		m := newWordMatcher()
		for _, p := range cd.Allow {
			if err := m.add(p, 0); err != nil {
				errs = append(errs, fmt.Errorf("category %q allow list: %w", cd.ID, err))
			}
		}
		c.allow[cd.ID] = m
	}
	return errs
}

func (c *checker) addJurisdictions(js []jurisdiction) []error {
	var errs []error
	for i, j := range js {
		sev, err := ParseSeverity(j.Severity)
		if j.Name == "" || j.Law == "" || len(j.Match) == 0 || err != nil {
			errs = append(errs, fmt.Errorf("jurisdiction %d (%q): name, severity, match and law are required", i+1, j.Name))
			continue
		}
		cj := compiledJurisdiction{name: j.Name, severity: sev, law: j.Law, match: newWordMatcher(), unless: newWordMatcher()}
		for _, p := range j.Match {
			if err := cj.match.add(p, 0); err != nil {
				errs = append(errs, fmt.Errorf("jurisdiction %q: %w", j.Name, err))
			}
		}
		for _, p := range j.Unless {
			if err := cj.unless.add(p, 0); err != nil {
				errs = append(errs, fmt.Errorf("jurisdiction %q: %w", j.Name, err))
			}
		}
		c.places = append(c.places, cj)
	}
	return errs
}

func (c *checker) addEEO(e eeoData) []error {
	var errs []error
	if len(e.Strong) == 0 || len(e.Weak) == 0 || len(e.Attributes) == 0 {
		errs = append(errs, errors.New("eeo: strong, weak and attributes are required"))
	}
	build := func(name string, patterns []string) *wordMatcher {
		m := newWordMatcher()
		for _, p := range patterns {
			if err := m.add(p, 0); err != nil {
				errs = append(errs, fmt.Errorf("eeo %s: %w", name, err))
			}
		}
		return m
	}
	c.eeoStrong = build("strong", e.Strong)
	c.eeoWeak = build("weak", e.Weak)
	c.eeoAttr = build("attributes", e.Attributes)
	return errs
}

// addRule validates one rule and compiles its patterns.
func (c *checker) addRule(rd ruleData) error {
	var missing []string
	for _, f := range []struct{ name, value string }{
		{"id", rd.ID}, {"category", rd.Category}, {"severity", rd.Severity},
		{"message", rd.Message}, {"fix", rd.Fix}, {"source", rd.Source},
	} {
		if strings.TrimSpace(f.value) == "" {
			missing = append(missing, f.name)
		}
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
	idx := len(c.rules)
	if rd.Check != "" {
		if !slices.Contains(structureChecks(), rd.Check) {
			return fmt.Errorf("unknown check %q (known: %s)", rd.Check, strings.Join(structureChecks(), ", "))
		}
		if _, dup := c.checks[rd.Check]; dup {
			return fmt.Errorf("check %q is run by two rules", rd.Check)
		}
		c.checks[rd.Check] = idx
	}
	for _, p := range rd.Patterns {
		if expr, ok := strings.CutPrefix(p, "re:"); ok {
			re, err := regexp.Compile(expr)
			if err != nil {
				return fmt.Errorf("pattern %q: %w", p, err)
			}
			if re.MatchString("") {
				return fmt.Errorf("pattern %q matches empty text", p)
			}
			c.regexps = append(c.regexps, ruleRegexp{rule: idx, re: re, literals: requiredLiterals(expr)})
			continue
		}
		if err := c.words.add(p, idx); err != nil {
			return err
		}
	}
	c.byID[rd.ID] = idx
	c.rules = append(c.rules, Rule{
		ID: rd.ID, Category: rd.Category, Severity: sev, Patterns: rd.Patterns, Check: rd.Check,
		Message: strings.TrimSpace(rd.Message), Fix: strings.TrimSpace(rd.Fix), Source: strings.TrimSpace(rd.Source),
	})
	return nil
}
