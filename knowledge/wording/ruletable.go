package wording

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ruleFile is the shape of rules.yaml. An overlay has the same shape but
// may set only classes, sources, categories and rules.
type ruleFile struct {
	Limits          limits              `yaml:"limits"`
	Classes         map[string][]string `yaml:"classes"`
	Sources         []sourceData        `yaml:"sources"`
	Categories      []categoryData      `yaml:"categories"`
	Jurisdictions   []jurisdiction      `yaml:"jurisdictions"`
	EEO             eeoData             `yaml:"eeo"`
	Arrangements    []string            `yaml:"arrangements"`
	NotArrangements []string            `yaml:"not_arrangements"`
	Rules           []ruleData          `yaml:"rules"`
}

type limits struct {
	MinWords        int     `yaml:"min_words"`
	MaxWords        int     `yaml:"max_words"`
	MaxRequirements int     `yaml:"max_requirements"`
	MinReading      float64 `yaml:"min_reading"`
}

type sourceData struct {
	ID           string `yaml:"id"`
	Jurisdiction string `yaml:"jurisdiction"`
	Cite         string `yaml:"cite"`
	Full         string `yaml:"full"`
	at           string // where it is in an overlay (see locate); "" when built in
}

type categoryData struct {
	ID    string   `yaml:"id"`
	Title string   `yaml:"title"`
	Allow []string `yaml:"allow"`
	at    string   // where it is in an overlay (see locate); "" when built in
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
	// Welcome, Groups and Underrepresented recognise a welcome to several
	// protected groups at once (positive action): see rules.yaml.
	Welcome          []string            `yaml:"welcome"`
	Groups           map[string][]string `yaml:"groups"`
	Underrepresented []string            `yaml:"underrepresented"`
}

type ruleData struct {
	ID       string   `yaml:"id"`
	Category string   `yaml:"category"`
	Severity string   `yaml:"severity"`
	Patterns []string `yaml:"patterns"`
	Check    string   `yaml:"check"`
	Frame    string   `yaml:"frame"`
	Unless   []string `yaml:"unless"`
	KeepIf   []string `yaml:"keep_if"`
	Message  string   `yaml:"message"`
	Fix      string   `yaml:"fix"`
	Sources  []string `yaml:"sources"`
	at       string   // where it is in an overlay (see locate); "" when built in
}

// typeNames words the Go types the YAML decoder names in its errors as the
// parts of a rule file they are.
var typeNames = strings.NewReplacer("in type ", "in ",
	"[]wording.ruleData", "a list of rules", "[]wording.sourceData", "a list of sources",
	"[]wording.categoryData", "a list of categories", "wording.ruleFile", "the rule file",
	"wording.ruleData", "a rule", "wording.sourceData", "a source", "wording.categoryData", "a category")

// decodeRules decodes a rule file, refusing unknown fields.
func decodeRules(data []byte) (ruleFile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f ruleFile
	if err := dec.Decode(&f); err != nil {
		return f, fmt.Errorf("decode rules: %s", typeNames.Replace(err.Error()))
	}
	return f, nil
}

// parseRules decodes, validates and compiles a whole rule table.
func parseRules(data []byte) (*Checker, error) {
	f, err := decodeRules(data)
	if err != nil {
		return nil, err
	}
	return compile(f)
}

// NewChecker returns the embedded rule table with overlay, a company's own
// rules in the format of rules.yaml, laid over it; a nil overlay gives the
// embedded table. An overlay may add classes (or words to a class),
// sources, categories and rules; a rule with the id of a built-in rule
// replaces it. Anything else, or an invalid rule, is an invalid-input error
// naming what is wrong.
func NewChecker(overlay []byte) (*Checker, error) {
	base, err := decodeRules(rulesYAML)
	if err != nil {
		return nil, err
	}
	if overlay != nil {
		over, err := decodeRules(overlay)
		if err != nil {
			return nil, &OverlayError{Err: err}
		}
		over.locate(overlay, base.Rules)
		if err := merge(&base, over); err != nil {
			return nil, &OverlayError{Err: err}
		}
	}
	c, err := compile(base)
	if err != nil && overlay != nil {
		return nil, &OverlayError{Err: err}
	}
	if err != nil {
		return nil, err
	}
	if c.model, err = loadClassifier(); err != nil {
		return nil, err
	}
	return c, nil
}

// OverlayError is a rule overlay that cannot be used; Err says why.
type OverlayError struct {
	Err error
}

func (e *OverlayError) Error() string { return "rule overlay: " + e.Err.Error() }

// Unwrap returns the cause.
func (e *OverlayError) Unwrap() error { return e.Err }

// merge lays over onto base.
func merge(base *ruleFile, over ruleFile) error {
	var set []string
	if over.Limits != (limits{}) {
		set = append(set, "limits")
	}
	if len(over.Jurisdictions) > 0 {
		set = append(set, "jurisdictions")
	}
	if len(over.EEO.Strong)+len(over.EEO.Weak)+len(over.EEO.Attributes)+len(over.EEO.Welcome)+len(over.EEO.Groups)+len(over.EEO.Underrepresented) > 0 {
		set = append(set, "eeo")
	}
	if len(over.Arrangements)+len(over.NotArrangements) > 0 {
		set = append(set, "arrangements")
	}
	if len(set) > 0 {
		return fmt.Errorf("an overlay may set only classes, sources, categories and rules, not %s", strings.Join(set, ", "))
	}
	if len(over.Rules) == 0 {
		return errors.New("the overlay has no rules")
	}
	if base.Classes == nil {
		base.Classes = map[string][]string{}
	}
	for name, words := range over.Classes {
		base.Classes[name] = append(base.Classes[name], words...)
	}
	base.Sources = append(base.Sources, over.Sources...)
	base.Categories = append(base.Categories, over.Categories...)
	for _, r := range over.Rules {
		if i := slices.IndexFunc(base.Rules, func(b ruleData) bool { return b.ID == r.ID }); i >= 0 {
			base.Rules[i] = r
			continue
		}
		base.Rules = append(base.Rules, r)
	}
	return nil
}

// compileSources checks the source table and indexes it by id.
func compileSources(sd []sourceData) (map[string]Source, []error) {
	var errs []error
	out := map[string]Source{}
	for i, s := range sd {
		if s.ID == "" || strings.TrimSpace(s.Cite) == "" || strings.TrimSpace(s.Full) == "" {
			errs = append(errs, fmt.Errorf("%s: id, cite and full are required", s.where(i)))
			continue
		}
		if _, dup := out[s.ID]; dup {
			errs = append(errs, fmt.Errorf("%s: source %q appears twice", s.where(i), s.ID))
			continue
		}
		out[s.ID] = Source{ID: s.ID, Jurisdiction: strings.TrimSpace(s.Jurisdiction),
			Cite: strings.TrimSpace(s.Cite), Full: strings.TrimSpace(s.Full)}
	}
	return out, errs
}

// classes are named sets of words ("language": english, german, …) that
// patterns refer to: {language} as a word of a word pattern, {{language}}
// inside a "re:" expression.
type classes map[string]map[string]bool

var className = regexp.MustCompile(`^[a-z][a-z-]*$`)

// digitsClass is the built-in class of numbers written in digits ("24");
// word patterns may use it as {digits}.
const digitsClass = "digits"

// compileClasses checks the class table: each class a name and single
// words.
func compileClasses(raw map[string][]string) (classes, error) {
	out := classes{}
	var errs []error
	for name, words := range raw {
		if !className.MatchString(name) || len(words) == 0 || name == digitsClass {
			errs = append(errs, fmt.Errorf("class %q: a name of lower-case letters (not %q, which is built in) and at least one word are required", name, digitsClass))
			continue
		}
		set := map[string]bool{}
		for _, w := range words {
			toks := tokenize(w)
			if len(toks) != 1 || toks[0].word != strings.ToLower(strings.TrimSpace(w)) {
				errs = append(errs, fmt.Errorf("class %q: %q is not a single word", name, w))
				continue
			}
			set[toks[0].word] = true
		}
		out[name] = set
	}
	return out, errors.Join(errs...)
}

var classRef = regexp.MustCompile(`\{\{([a-z][a-z-]*)\}\}`)

// expand replaces each {{class}} in a regular expression with an
// alternation of the class's words, longest first.
func (cls classes) expand(expr string) (string, error) {
	var err error
	out := classRef.ReplaceAllStringFunc(expr, func(ref string) string {
		name := classRef.FindStringSubmatch(ref)[1]
		set, ok := cls[name]
		if !ok {
			err = fmt.Errorf("unknown class %q", name)
			return ref
		}
		words := make([]string, 0, len(set))
		for w := range set {
			words = append(words, regexp.QuoteMeta(w))
		}
		slices.SortFunc(words, func(a, b string) int {
			if len(a) != len(b) {
				return len(b) - len(a)
			}
			return strings.Compare(a, b)
		})
		return "(?:" + strings.Join(words, "|") + ")"
	})
	return out, err
}
