package paylaw

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

//go:embed laws.yaml
var lawsYAML []byte

//go:embed places.yaml
var placesYAML []byte

// Table is a parsed set of places and the laws that govern them. It is
// immutable once built and safe for concurrent use.
type Table struct {
	places   []Place
	byID     map[string]int
	laws     []Law
	byPlace  map[string][]int  // place ID → indexes of its laws, in file order
	names    map[string][]cand // normalised name → the places it may mean
	codes    map[string][]cand // normalised postal or country code → the places it may mean
	maxWords int               // the most words in any name
}

// cand is one place a name or code may mean.
type cand struct {
	place   int
	primary bool // the meaning to take when nothing else in the text decides
}

var loadEmbedded = sync.OnceValues(func() (*Table, error) { return Parse(lawsYAML, placesYAML) })

// Embedded parses the built-in data once and returns it.
func Embedded() (*Table, error) {
	t, err := loadEmbedded()
	if err != nil {
		return nil, fmt.Errorf("paylaw: embedded data: %w", err)
	}
	return t, nil
}

// Default returns the built-in table. The package's tests prove the
// embedded data valid, so a failure here is a build defect and panics.
func Default() *Table {
	t, err := Embedded()
	if err != nil {
		panic(err.Error())
	}
	return t
}

// Laws returns every law in the table, in file order.
func (t *Table) Laws() []Law { return slices.Clone(t.laws) }

// Law returns the law with the given ID.
func (t *Table) Law(id string) (Law, bool) {
	for _, l := range t.laws {
		if l.ID == id {
			return l, true
		}
	}
	return Law{}, false
}

// Place returns the place with the given ID.
func (t *Table) Place(id string) (Place, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Place{}, false
	}
	return t.places[i], true
}

// Places returns every place in the table, in file order (a place's own
// cities and counties after it).
func (t *Table) Places() []Place { return slices.Clone(t.places) }

// The shapes of the two files.
type lawFile struct {
	Laws []lawData `yaml:"laws"`
}

type lawData struct {
	ID           string   `yaml:"id"`
	Place        string   `yaml:"place"`
	Name         string   `yaml:"name"`
	Citation     string   `yaml:"citation"`
	Year         int      `yaml:"year"`
	Effective    string   `yaml:"effective"`
	Enforced     string   `yaml:"enforced"`
	Duty         string   `yaml:"duty"`
	MinEmployees int      `yaml:"min_employees"`
	Counting     string   `yaml:"counting"`
	Remote       string   `yaml:"remote"`
	RemoteNote   string   `yaml:"remote_note"`
	Requires     []string `yaml:"requires"`
	Note         string   `yaml:"note"`
	Sure         string   `yaml:"sure"`
	Unverified   []string `yaml:"unverified"`
	Source       string   `yaml:"source"`
}

type placeFile struct {
	Places []placeData `yaml:"places"`
}

type placeData struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Kind     string   `yaml:"kind"`
	Parent   string   `yaml:"parent"`
	Country  string   `yaml:"country"`
	Names    []string `yaml:"names"`
	Codes    []string `yaml:"codes"`
	Cities   []string `yaml:"cities"`   // "Munich|München": display name first, then other names; a trailing * marks a name as primary
	Counties []string `yaml:"counties"` // likewise
}

// Parse builds a table from the two files' contents, decoded strictly (an
// unknown field is an error) and validated. The error lists every problem
// found.
func Parse(laws, places []byte) (*Table, error) {
	var lf lawFile
	var pf placeFile
	if err := decodeStrict(laws, &lf); err != nil {
		return nil, fmt.Errorf("laws: %w", err)
	}
	if err := decodeStrict(places, &pf); err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	t := &Table{byID: map[string]int{}, byPlace: map[string][]int{}, names: map[string][]cand{}, codes: map[string][]cand{}}
	errs := t.addPlaces(pf.Places)
	errs = append(errs, t.addLaws(lf.Laws)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return t, nil
}

func decodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	return nil
}

// addPlaces adds the places and their implicit cities and counties, then
// fills in each place's country and checks the tree.
func (t *Table) addPlaces(ps []placeData) []error {
	var errs []error
	for _, p := range ps {
		kind := Kind(p.Kind)
		if kind.rank() < 0 {
			errs = append(errs, fmt.Errorf("place %q: unknown kind %q", p.ID, p.Kind))
		}
		if p.Name == "" || len(p.Names) == 0 && len(p.Codes) == 0 {
			errs = append(errs, fmt.Errorf("place %q: needs a name and at least one name or code to match", p.ID))
		}
		if kind == KindCountry && len(p.Country) != 2 {
			errs = append(errs, fmt.Errorf("place %q: a country needs its two-letter code", p.ID))
		}
		errs = append(errs, t.addPlace(Place{ID: p.ID, Name: p.Name, Kind: kind, Parent: p.Parent, Country: p.Country}, p.Names, p.Codes)...)
		for _, group := range []struct {
			kind  Kind
			lines []string
		}{{KindCity, p.Cities}, {KindCounty, p.Counties}} {
			for _, line := range group.lines {
				names := strings.Split(line, "|")
				display := strings.TrimSuffix(names[0], "*")
				if m := qualified.FindStringSubmatch(display); m != nil {
					display = m[1] // "Columbia MD" is the Columbia in Maryland
				}
				id := p.ID + "/" + strings.ReplaceAll(normalise(display), " ", "-")
				errs = append(errs, t.addPlace(Place{ID: id, Name: display, Kind: group.kind, Parent: p.ID}, names, nil)...)
			}
		}
	}
	for i := range t.places {
		errs = append(errs, t.resolveCountry(i)...)
	}
	return errs
}

// qualified is a city or county name with its state's code after it,
// "Columbia MD": the display name leaves the code out.
var qualified = regexp.MustCompile(`^(.*\S) [A-Z]{2}$`)

// addPlace adds one place and indexes its names and codes.
func (t *Table) addPlace(p Place, names, codes []string) []error {
	var errs []error
	if p.ID == "" {
		return []error{fmt.Errorf("a place %q has no id", p.Name)}
	}
	if _, dup := t.byID[p.ID]; dup {
		return []error{fmt.Errorf("place %q: id used twice", p.ID)}
	}
	i := len(t.places)
	t.byID[p.ID] = i
	t.places = append(t.places, p)
	index := func(m map[string][]cand, raw string, code bool) {
		primary := strings.HasSuffix(raw, "*")
		n := normalise(strings.TrimSuffix(raw, "*"))
		switch {
		case n == "":
			errs = append(errs, fmt.Errorf("place %q: name %q has no letters", p.ID, raw))
			return
		case code && (len(n) < 2 || len(n) > 3 || strings.Contains(n, " ")):
			errs = append(errs, fmt.Errorf("place %q: code %q must be two or three letters", p.ID, raw))
			return
		}
		for _, c := range m[n] {
			if c.place == i {
				errs = append(errs, fmt.Errorf("place %q: %q listed twice", p.ID, raw))
				return
			}
		}
		m[n] = append(m[n], cand{place: i, primary: primary})
		t.maxWords = max(t.maxWords, strings.Count(n, " ")+1)
	}
	for _, n := range names {
		index(t.names, n, false)
	}
	for _, c := range codes {
		index(t.codes, c, true)
	}
	return errs
}

// resolveCountry checks that place i's parents exist and form no cycle,
// and sets its Country and InEU from them.
func (t *Table) resolveCountry(i int) []error {
	p := &t.places[i]
	seen := map[int]bool{}
	for j := i; ; {
		if seen[j] {
			return []error{fmt.Errorf("place %q: its parents form a cycle", p.ID)}
		}
		seen[j] = true
		q := t.places[j]
		if q.ID == "eu" {
			p.InEU = true
		}
		if p.Country == "" && q.Kind == KindCountry {
			p.Country = q.Country
		}
		if q.Parent == "" {
			return nil
		}
		k, ok := t.byID[q.Parent]
		if !ok {
			return []error{fmt.Errorf("place %q: unknown parent %q", q.ID, q.Parent)}
		}
		if t.places[k].Kind.rank() <= q.Kind.rank() {
			return []error{fmt.Errorf("place %q: its parent %q is not larger than it", q.ID, q.Parent)}
		}
		j = k
	}
}

// addLaws checks and adds the laws.
func (t *Table) addLaws(ls []lawData) []error {
	var errs []error
	seen := map[string]bool{}
	for _, d := range ls {
		l, err := t.law(d)
		if err == nil && seen[l.ID] {
			err = errors.New("id used twice")
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("law %q: %w", d.ID, err))
			continue
		}
		seen[l.ID] = true
		t.byPlace[l.Place] = append(t.byPlace[l.Place], len(t.laws))
		t.laws = append(t.laws, l)
	}
	return errs
}

var (
	duties  = []Duty{DutyPosting, DutyBeforeInterview, DutyToApplicants, DutyOnRequest, DutyDirective, DutyNotVerified}
	remotes = []Remote{RemoteCovered, RemoteTied, RemoteUnclear}
	items   = []Item{ItemRange, ItemBenefits, ItemOtherPay, ItemJobDescription, ItemHealthBenefits, ItemMinimumPay, ItemOverpay}
	sures   = []Sureness{Verified, Partly, Unverified}
)

// law checks one entry and converts it.
func (t *Table) law(d lawData) (Law, error) {
	l := Law{
		ID: d.ID, Place: d.Place, Name: d.Name, Citation: d.Citation, Year: d.Year,
		Duty: Duty(d.Duty), MinEmployees: d.MinEmployees, Counting: d.Counting,
		Remote: Remote(d.Remote), RemoteNote: d.RemoteNote, Note: d.Note,
		Sure: Sureness(d.Sure), Unverified: d.Unverified, Source: d.Source,
	}
	var errs []error
	need := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	need(l.ID != "", "no id")
	_, placeOK := t.byID[l.Place]
	need(placeOK, "unknown place %q", l.Place)
	need(l.Name != "" && l.Note != "" && l.Source != "", "needs a name, a note and a source")
	need(slices.Contains(duties, l.Duty), "unknown duty %q", d.Duty)
	need(slices.Contains(remotes, l.Remote), "unknown remote %q", d.Remote)
	need(slices.Contains(sures, l.Sure), "unknown sure %q", d.Sure)
	need(l.MinEmployees >= 0, "negative min_employees")
	need(l.Citation != "" || l.Sure == Unverified, "a citation is needed unless the entry is unverified")
	need(l.Sure != Verified || len(l.Unverified) == 0, "a verified entry lists nothing as unverified")
	need(l.Sure != Partly || len(l.Unverified) > 0, "a partly verified entry says what was not verified")
	for _, r := range d.Requires {
		need(slices.Contains(items, Item(r)), "unknown item %q in requires", r)
		l.Requires = append(l.Requires, Item(r))
	}
	need(len(l.Requires) > 0 || l.Duty == DutyNotVerified, "says nothing about what must be stated")
	var err error
	if d.Effective != "" {
		l.Effective, err = ParseDate(d.Effective)
		need(err == nil, "effective: %v", err)
	}
	need(d.Effective != "" || l.Sure != Verified, "a verified entry has an effective date")
	if d.Enforced != "" {
		l.Enforced, err = ParseDate(d.Enforced)
		need(err == nil, "enforced: %v", err)
	}
	return l, errors.Join(errs...)
}
