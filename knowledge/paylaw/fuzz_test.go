package paylaw

import (
	"reflect"
	"slices"
	"testing"
)

func FuzzMatch(f *testing.F) {
	for _, tc := range lawLocations {
		f.Add(tc.location)
	}
	for _, s := range []string{"", ",", "U.", "U.S.", "..", "a.b.c.d.e.", "(((", "Remote - OR, IN, ME", "\xff\xfe", "É", "St. John's, NL A1C",
		"new york new york new york", "Portland, Portland, ME", "Paris, TX, France", "ca ca ca", "eu, us, uk"} {
		f.Add(s)
	}
	tb := Default()
	f.Fuzz(func(t *testing.T, location string) {
		r := tb.Match(location)
		if again := tb.Match(location); !reflect.DeepEqual(r, again) {
			t.Fatalf("Match(%q) is not deterministic", location)
		}
		for i, p := range r.Places {
			if _, ok := tb.Place(p.ID); !ok {
				t.Errorf("unknown place %q", p.ID)
			}
			for j, q := range r.Places {
				if i != j && tb.within(p.ID, q.ID) {
					t.Errorf("Match(%q) keeps %s and %s, which lies in it", location, q.ID, p.ID)
				}
			}
		}
		for _, l := range r.Laws {
			if !slices.ContainsFunc(r.Places, func(p Place) bool { return tb.within(p.ID, l.Place) }) {
				t.Errorf("Match(%q): law %s governs none of the places %v", location, l.ID, r.Places)
			}
		}
		if len(r.RemoteLaws) > 0 && !r.Remote {
			t.Errorf("Match(%q): remote laws for a job that is not remote", location)
		}
		for _, a := range r.Ambiguous {
			if len(a.Places) < 2 {
				t.Errorf("Match(%q): ambiguity %q with %d places", location, a.Text, len(a.Places))
			}
		}
	})
}
