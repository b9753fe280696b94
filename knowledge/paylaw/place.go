package paylaw

// Place is somewhere a job can be: the EU, a country, a US state, a
// Canadian province, a county or a city.
type Place struct {
	ID      string // "us-ny", "us-ny-nyc", "ca-on/toronto", "de"
	Name    string // "New York State"
	Kind    Kind
	Parent  string // the ID of the place it lies in; "" for the EU and countries outside it
	Country string // ISO 3166-1 alpha-2 code of its country: "US", "CA", "GB", "DE"; "" for the EU itself
	InEU    bool   // the EU or a place in a member state
}

// Kind is what sort of place a Place is.
type Kind string

// The kinds of place, from the largest.
const (
	KindUnion    Kind = "union"    // the European Union
	KindCountry  Kind = "country"  // a country
	KindState    Kind = "state"    // a US state
	KindDistrict Kind = "district" // the District of Columbia
	KindProvince Kind = "province" // a Canadian province or territory
	KindCounty   Kind = "county"   // a county
	KindCity     Kind = "city"     // a city, town or borough
)

// rank orders kinds by size: a place of higher rank can qualify a place of
// lower rank ("Albany, NY"), never the other way round.
func (k Kind) rank() int {
	switch k {
	case KindCity:
		return 0
	case KindCounty:
		return 1
	case KindState, KindDistrict, KindProvince:
		return 2
	case KindCountry:
		return 3
	case KindUnion:
		return 4
	}
	return -1
}
