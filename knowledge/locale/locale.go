// Package locale is what changes with the country a job is in: the
// employee benefits that differ by country, the equal-opportunity
// statement, spelling, currency and the words another country would use
// (locales us, uk, eu and ca); and what a fractional or interim engagement
// states instead of employee benefits. The data is embedded (locale.yaml,
// engagement.yaml); Default returns it parsed once. Plain Go: no Slack, no
// Redis.
package locale

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/hirebot/hirebot/knowledge/paylaw"
	"go.yaml.in/yaml/v3"
)

//go:embed locale.yaml
var localeYAML []byte

//go:embed engagement.yaml
var engagementYAML []byte

// Code names a locale.
type Code string

// The locales.
const (
	US Code = "us" // the United States
	UK Code = "uk" // the United Kingdom
	EU Code = "eu" // the European Union, in British English
	CA Code = "ca" // Canada
)

// Codes lists the locales in the order help text names them.
func Codes() []Code { return []Code{US, UK, EU, CA} }

// UnknownError is returned for a locale name ParseCode does not know.
type UnknownError struct {
	Name string // what was given, trimmed
}

func (e UnknownError) Error() string {
	return fmt.Sprintf("unknown locale %q (want us, uk, eu or ca)", e.Name)
}

// codeWords are the names people type for each locale.
var codeWords = map[string]Code{
	"us": US, "usa": US, "united states": US, "america": US,
	"uk": UK, "gb": UK, "united kingdom": UK, "britain": UK, "great britain": UK, "england": UK,
	"eu": EU, "europe": EU, "european union": EU,
	"ca": CA, "canada": CA,
}

// ParseCode reads a locale as a person types it: "us", "UK", "Canada",
// "U.S.". It returns an UnknownError for anything else.
func ParseCode(s string) (Code, error) {
	if c, ok := codeWords[words(strings.ReplaceAll(s, ".", ""))]; ok {
		return c, nil
	}
	return "", UnknownError{Name: strings.TrimSpace(s)}
}

// Locale is what a job description written for one country uses.
type Locale struct {
	Code        Code
	Name        string    // "the United States"
	Document    string    // what applicants send: "résumé" or "CV"
	Spelling    Code      // the spelling column: us, uk or ca
	Currency    Currency  // how pay is written
	Benefits    []Benefit // the benefits that differ by country, in the order a draft lists them
	EEO         string    // the equal-opportunity statement for employees
	ContractEEO string    // the statement for fractional and interim engagements
}

// Benefit is one employee benefit of a locale.
type Benefit struct {
	Slot string // what it stands for across locales: health, retirement, time-off, parental, insurance, commute
	Text string // the item as a draft lists it
}

// Benefit returns the locale's text for a slot ("retirement" is a 401(k)
// in the US and a workplace pension in the UK).
func (l Locale) Benefit(slot string) (string, bool) {
	for _, b := range l.Benefits {
		if b.Slot == slot {
			return b.Text, true
		}
	}
	return "", false
}

// itemSlots maps the last part of a role checklist's benefit item id
// ("cto-benefit-pension") to the locale slot that replaces it.
var itemSlots = map[string]string{"holiday": "time-off", "pension": "retirement", "health": "health", "parental": "parental"}

// BenefitSlot returns the locale slot a role's benefit item stands for:
// "cto-benefit-pension" is the retirement slot, which is a 401(k) in the US
// and a workplace pension in the UK. Items that do not change with the
// country (equity, a learning budget) have none.
func BenefitSlot(itemID string) (string, bool) {
	_, last, ok := strings.Cut(itemID, "-benefit-")
	if !ok {
		return "", false
	}
	slot, ok := itemSlots[last]
	return slot, ok
}

// Data is the parsed locale and engagement tables. It is immutable once
// built and safe for concurrent use.
type Data struct {
	locales     []Locale
	spell       map[string][]string // any spelling form → its row: [uk, us, ca]
	terms       []Term
	engagements []Engagement
	employee    []EmployeeOnly
}

// The shapes of the files.
type localeFile struct {
	Locales  []localeData `yaml:"locales"`
	Spelling [][]string   `yaml:"spelling"`
	Keep     []string     `yaml:"keep"`
	Terms    []termData   `yaml:"terms"`
}

type localeData struct {
	Code        string    `yaml:"code"`
	Name        string    `yaml:"name"`
	Document    string    `yaml:"document"`
	Spelling    string    `yaml:"spelling"`
	Currency    Currency  `yaml:"currency"`
	Benefits    []Benefit `yaml:"benefits"`
	EEO         string    `yaml:"eeo"`
	ContractEEO string    `yaml:"contract_eeo"`
}

var loadEmbedded = sync.OnceValues(func() (*Data, error) { return Parse(localeYAML, engagementYAML) })

// Embedded parses the built-in data once and returns it.
func Embedded() (*Data, error) {
	d, err := loadEmbedded()
	if err != nil {
		return nil, fmt.Errorf("locale: embedded data: %w", err)
	}
	return d, nil
}

// Default returns the built-in data. The package's tests prove the
// embedded data valid, so a failure here is a build defect and panics.
func Default() *Data {
	d, err := Embedded()
	if err != nil {
		panic(err.Error())
	}
	return d
}

// Get returns the locale with the given code.
func (d *Data) Get(c Code) (Locale, bool) {
	i := slices.IndexFunc(d.locales, func(l Locale) bool { return l.Code == c })
	if i < 0 {
		return Locale{}, false
	}
	return d.locales[i], true
}

// Get returns the built-in locale with the given code.
func Get(c Code) (Locale, bool) { return Default().Get(c) }

// Parse builds the tables from the two files' contents, decoded strictly
// and validated. The error lists every problem found.
func Parse(locales, engagements []byte) (*Data, error) {
	var lf localeFile
	var ef engagementFile
	if err := decodeStrict(locales, &lf); err != nil {
		return nil, fmt.Errorf("locales: %w", err)
	}
	if err := decodeStrict(engagements, &ef); err != nil {
		return nil, fmt.Errorf("engagements: %w", err)
	}
	d := &Data{}
	errs := d.addLocales(lf.Locales)
	errs = append(errs, d.addSpelling(lf.Spelling, lf.Keep)...)
	errs = append(errs, d.addTerms(lf.Terms)...)
	errs = append(errs, d.addEngagements(ef)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return d, nil
}

func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	return nil
}

// addLocales checks and adds the locales: exactly us, uk, eu and ca, each
// complete.
func (d *Data) addLocales(ls []localeData) []error {
	var errs []error
	for _, l := range ls {
		c := Code(l.Code)
		switch {
		case !slices.Contains(Codes(), c):
			errs = append(errs, fmt.Errorf("locale %q: unknown code", l.Code))
			continue
		case slices.ContainsFunc(d.locales, func(o Locale) bool { return o.Code == c }):
			errs = append(errs, fmt.Errorf("locale %q: listed twice", l.Code))
			continue
		case l.Name == "" || l.Document == "" || l.EEO == "" || l.ContractEEO == "" || len(l.Benefits) == 0:
			errs = append(errs, fmt.Errorf("locale %q: needs a name, a document, benefits and both statements", l.Code))
		case !slices.Contains([]Code{US, UK, CA}, Code(l.Spelling)):
			errs = append(errs, fmt.Errorf("locale %q: spelling %q is not us, uk or ca", l.Code, l.Spelling))
		case l.Currency.Code == "" || l.Currency.Symbol == "":
			errs = append(errs, fmt.Errorf("locale %q: needs a currency code and symbol", l.Code))
		}
		for i, b := range l.Benefits {
			if b.Slot == "" || b.Text == "" || slices.ContainsFunc(l.Benefits[:i], func(o Benefit) bool { return o.Slot == b.Slot }) {
				errs = append(errs, fmt.Errorf("locale %q: benefit %d needs a slot of its own and a text", l.Code, i+1))
			}
		}
		d.locales = append(d.locales, Locale{
			Code: c, Name: l.Name, Document: l.Document, Spelling: Code(l.Spelling), Currency: l.Currency,
			Benefits: l.Benefits, EEO: strings.TrimSpace(l.EEO), ContractEEO: strings.TrimSpace(l.ContractEEO),
		})
	}
	for _, c := range Codes() {
		if _, ok := d.Get(c); !ok {
			errs = append(errs, fmt.Errorf("locale %q is missing", c))
		}
	}
	return errs
}

// Infer returns the locale of a job location when that is clear: every
// place the location names is in one locale's country (or, for eu, in a
// member state). "Boston, MA" is us, "Remote (EU)" eu, "London or Berlin"
// and "Portland" (two countries; an ambiguous name) are not clear.
func Infer(location string) (Locale, bool) {
	r := paylaw.Match(location)
	if len(r.Places) == 0 || len(r.Ambiguous) > 0 {
		return Locale{}, false
	}
	var code Code
	for _, p := range r.Places {
		var c Code
		switch {
		case p.InEU:
			c = EU
		case p.Country == "US":
			c = US
		case p.Country == "GB":
			c = UK
		case p.Country == "CA":
			c = CA
		default:
			return Locale{}, false
		}
		if code != "" && c != code {
			return Locale{}, false
		}
		code = c
	}
	return Get(code)
}

// words lower-cases s and keeps its words, folded and one space apart:
// "U.S." → "us", "Part-time" → "part time".
func words(s string) string {
	var ws []string
	for _, t := range tokens(s) {
		ws = append(ws, t.word)
	}
	return strings.Join(ws, " ")
}
