package paylaw

import (
	"slices"
	"testing"
)

// lawLocations is a job location in each place that has a law, with the
// laws Match must return for it, the most specific first.
// TestEveryLawHasALocation keeps it complete.
var lawLocations = []struct {
	location string
	laws     []string
}{
	{"Denver, CO", []string{"us-co"}},
	// A code that is an English word is not a code inside a compound.
	{"San Francisco, on-site", []string{"us-ca"}},
	{"Berlin, in-office three days a week", []string{"de", "eu-directive"}},
	{"Toronto, ON, on-site", []string{"ca-on"}},
	{"Remote within Colorado", []string{"us-co"}},
	{"San Francisco, CA", []string{"us-ca"}},
	{"Palo Alto", []string{"us-ca"}},
	{"Seattle, WA", []string{"us-wa"}},
	{"Washington", []string{"us-wa"}},
	{"Albany, NY", []string{"us-ny-state"}},
	{"Buffalo, New York", []string{"us-ny-state"}},
	{"New York State", []string{"us-ny-state"}},
	{"Brooklyn, New York", []string{"us-ny-nyc", "us-ny-state"}},
	{"New York, NY", []string{"us-ny-nyc", "us-ny-state"}},
	{"NYC (hybrid)", []string{"us-ny-nyc", "us-ny-state"}},
	{"White Plains, NY", []string{"us-ny-westchester", "us-ny-state"}},
	{"Westchester County", []string{"us-ny-westchester", "us-ny-state"}},
	{"Ithaca, NY", []string{"us-ny-ithaca", "us-ny-state"}},
	{"Jersey City, NJ", []string{"us-nj-jersey-city", "us-nj"}},
	{"Newark, NJ", []string{"us-nj"}},
	{"Chicago, IL", []string{"us-il"}},
	{"Honolulu, Hawaii", []string{"us-hi"}},
	{"Baltimore, MD", []string{"us-md"}},
	{"Minneapolis, MN", []string{"us-mn"}},
	{"Montpelier, Vermont", []string{"us-vt"}},
	{"Boston, MA", []string{"us-ma"}},
	{"Cambridge, Massachusetts", []string{"us-ma"}},
	{"Washington, D.C.", []string{"us-dc"}},
	{"DC", []string{"us-dc"}},
	{"Wilmington, DE", []string{"us-de"}},
	{"Portland, ME", []string{"us-me"}},
	{"Hartford, CT", []string{"us-ct"}},
	{"Las Vegas, NV", []string{"us-nv"}},
	{"Providence, RI", []string{"us-ri"}},
	{"Cleveland, Ohio", []string{"us-oh-cleveland"}},
	{"Columbus, OH", []string{"us-oh-columbus"}},
	{"Cincinnati", []string{"us-oh-cincinnati"}},
	{"Toledo, OH", []string{"us-oh-toledo"}},
	{"Vancouver, BC", []string{"ca-bc"}},
	{"Vancouver", []string{"ca-bc"}},
	{"Toronto", []string{"ca-on"}},
	{"Toronto, CA", []string{"ca-on"}},
	{"London, ON", []string{"ca-on"}},
	{"Charlottetown, PEI", []string{"ca-pe"}},
	{"St. John's, NL", []string{"ca-nl"}},
	{"Remote (EU)", []string{"eu-directive"}},
	{"Europe", []string{"eu-directive"}},
	{"Vienna", []string{"at", "eu-directive"}},
	{"Milan, Italy", []string{"it", "eu-directive"}},
	{"Vilnius", []string{"lt", "eu-directive"}},
	{"Valletta, Malta", []string{"mt", "eu-directive"}},
	{"Kraków, Poland", []string{"pl", "eu-directive"}},
	{"Bratislava", []string{"sk", "eu-directive"}},
	{"Berlin", []string{"de", "eu-directive"}},
	{"MÜNCHEN", []string{"de", "eu-directive"}},
	{"Berlin, DE", []string{"de", "eu-directive"}},
	{"Amsterdam or Brussels", []string{"nl", "eu-directive", "be"}},
}

func TestMatchLaws(t *testing.T) {
	for _, tc := range lawLocations {
		got := lawIDs(Match(tc.location).Laws)
		if !slices.Equal(got, tc.laws) {
			t.Errorf("Match(%q) laws = %v, want %v", tc.location, got, tc.laws)
		}
	}
}

func TestEveryLawHasALocation(t *testing.T) {
	for _, l := range Default().Laws() {
		if !slices.ContainsFunc(lawLocations, func(tc struct {
			location string
			laws     []string
		}) bool {
			return slices.Contains(tc.laws, l.ID)
		}) && l.Place != firstEUCapitalPlace(l) {
			t.Errorf("law %q (%s) has no test location in lawLocations or TestEUMemberStates", l.ID, l.Place)
		}
	}
}

// firstEUCapitalPlace returns l.Place when TestEUMemberStates covers it.
func firstEUCapitalPlace(l Law) string {
	if _, ok := euCapitals[l.Place]; ok {
		return l.Place
	}
	return ""
}

// euCapitals is each member state's capital; each must find the state's
// entry and the directive.
var euCapitals = map[string]string{
	"at": "Vienna", "be": "Brussels", "bg": "Sofia", "hr": "Zagreb", "cy": "Nicosia", "cz": "Prague",
	"dk": "Copenhagen", "ee": "Tallinn", "fi": "Helsinki", "fr": "Paris", "de": "Berlin", "gr": "Athens",
	"hu": "Budapest", "ie": "Dublin", "it": "Rome", "lv": "Riga", "lt": "Vilnius", "lu": "Luxembourg",
	"mt": "Valletta", "nl": "Amsterdam", "pl": "Warsaw", "pt": "Lisbon", "ro": "Bucharest", "sk": "Bratislava",
	"si": "Ljubljana", "es": "Madrid", "se": "Stockholm",
}

func TestEUMemberStates(t *testing.T) {
	tb := Default()
	members := 0
	for _, p := range tb.Places() {
		if p.Kind != KindCountry || p.Parent != "eu" {
			continue
		}
		members++
		capital, ok := euCapitals[p.ID]
		if !ok {
			t.Errorf("member state %q has no capital in euCapitals", p.ID)
			continue
		}
		for _, loc := range []string{capital, p.Name, capital + ", " + p.Name} {
			r := tb.Match(loc)
			if got, want := lawIDs(r.Laws), []string{p.ID, "eu-directive"}; !slices.Equal(got, want) {
				t.Errorf("Match(%q) laws = %v, want %v", loc, got, want)
			}
			if len(r.Places) != 1 || r.Places[0].Country != p.Country || !r.Places[0].InEU {
				t.Errorf("Match(%q) places = %+v, want one place in %s", loc, r.Places, p.Country)
			}
		}
	}
	if members != 27 {
		t.Errorf("%d EU member states in places.yaml, want 27", members)
	}
}

func TestMatchPlaces(t *testing.T) {
	for _, tc := range []struct {
		location  string
		places    []string
		remote    bool
		ambiguous []string // the texts reported as ambiguous
	}{
		{"", nil, false, nil},
		{"Mars", nil, false, nil},
		{"Albany, NY", []string{"us-ny/albany"}, false, nil},
		{"Albany, New York", []string{"us-ny/albany"}, false, nil},
		{"NY", []string{"us-ny"}, false, nil},
		{"Remote (US)", []string{"us"}, true, nil},
		{"Remote (us)", []string{"us"}, true, nil},
		{"Join us in Berlin", []string{"de/berlin"}, false, nil},
		{"U.S.A., work from home", []string{"us"}, true, nil},
		{"Remote, or hybrid", nil, true, nil},
		{"Remote - OR", []string{"us-or"}, true, nil},
		{"Hybrid in Boston", []string{"us-ma/boston"}, false, nil},
		{"IN", []string{"us-in"}, false, nil},
		{"Remote, CA", []string{"us-ca"}, true, nil},
		{"Portland", nil, false, []string{"portland"}},
		{"Portland, Oregon", []string{"us-or/portland"}, false, nil},
		{"Cambridge", nil, false, []string{"cambridge"}},
		{"Cambridge, UK", []string{"uk/cambridge"}, false, nil},
		{"DE", nil, false, []string{"de"}},
		{"Columbia", nil, false, []string{"columbia"}},
		{"Columbia, SC", []string{"us-sc/columbia"}, false, nil},
		{"London", []string{"uk/london"}, false, nil},
		{"Paris, TX", []string{"us-tx"}, false, nil},
		{"Vienna, VA", []string{"us-va"}, false, nil},
		{"Dublin, OH", []string{"us-oh/dublin"}, false, nil},
		{"Naples, FL", []string{"us-fl"}, false, nil},
		{"New Brunswick, NJ", []string{"us-nj/new-brunswick"}, false, nil},
		{"Moncton, New Brunswick", []string{"ca-nb/moncton"}, false, nil},
		{"New York or London", []string{"us-ny-nyc", "uk/london"}, false, nil},
		{"Anywhere in Canada", []string{"ca"}, true, nil},
		{"portland, or", []string{"us-or/portland"}, false, nil},
		{"Portland, OR 97201", []string{"us-or/portland"}, false, nil},
		{"Berlin or Munich", []string{"de/berlin", "de/munich"}, false, nil},
		{"Albany NY", []string{"us-ny/albany"}, false, nil},
		{"boston ma", []string{"us-ma/boston"}, false, nil},
	} {
		r := Match(tc.location)
		var got []string
		for _, p := range r.Places {
			got = append(got, p.ID)
		}
		var amb []string
		for _, a := range r.Ambiguous {
			amb = append(amb, a.Text)
			if len(a.Places) < 2 {
				t.Errorf("Match(%q): ambiguity %q lists %d places", tc.location, a.Text, len(a.Places))
			}
		}
		if !slices.Equal(got, tc.places) || r.Remote != tc.remote || !slices.Equal(amb, tc.ambiguous) {
			t.Errorf("Match(%q) = places %v remote %v ambiguous %v, want %v %v %v", tc.location, got, r.Remote, amb, tc.places, tc.remote, tc.ambiguous)
		}
	}
}

func TestRemoteLaws(t *testing.T) {
	for _, tc := range []struct {
		location string
		laws     []string
		remote   []string
	}{
		// A remote US job has no law of its own, but the states that cover
		// remote jobs someone there could do are named.
		{"Remote (US)", nil, []string{"us-co", "us-ca", "us-wa", "us-ny-westchester"}},
		{"Remote, based in Denver", []string{"us-co"}, []string{"us-ca", "us-wa", "us-ny-westchester"}},
		{"Remote (Canada)", nil, []string{"ca-bc"}},
		{"Remote", nil, []string{"us-co", "us-ca", "us-wa", "us-ny-westchester", "ca-bc"}},
		{"Remote (EU)", []string{"eu-directive"}, nil},
		{"Denver", []string{"us-co"}, nil}, // not remote: no remote laws
	} {
		r := Match(tc.location)
		if got := lawIDs(r.Laws); !slices.Equal(got, tc.laws) {
			t.Errorf("Match(%q) laws = %v, want %v", tc.location, got, tc.laws)
		}
		if got := lawIDs(r.RemoteLaws); !slices.Equal(got, tc.remote) {
			t.Errorf("Match(%q) remote laws = %v, want %v", tc.location, got, tc.remote)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Kraków": "Krakow", "MÜNCHEN": "MUNCHEN", "Łódź": "Lodz", "Straße": "Strasse", "Montréal": "Montreal",
		"St John’s": "St John's", "plain": "plain", "": "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func lawIDs(ls []Law) []string {
	var ids []string
	for _, l := range ls {
		ids = append(ids, l.ID)
	}
	return ids
}

// BenchmarkMatch measures what the check pays to read one location.
func BenchmarkMatch(b *testing.B) {
	tb := Default()
	for b.Loop() {
		tb.Match("Remote (US), or hybrid in Brooklyn, New York")
	}
}
