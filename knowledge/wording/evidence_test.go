package wording

import (
	"slices"
	"testing"
)

// TestDerivedConcepts: constructions of several words carry a subject no
// one word does.
func TestDerivedConcepts(t *testing.T) {
	for text, want := range map[string]string{
		"No more than seven years in management.":              "d:yearscap",
		"Over the next two years you will grow the team.":      "",
		"Deliver the plan in two weeks at no charge.":          "d:nopay",
		"The first month is a stipend-free probation period.":  "d:nopay",
		"Shadow the CIO for a week at your own cost.":          "d:nopay",
		"Share your salary expectations.":                      "d:payexpect",
		"Please confirm your current day rate.":                "d:pastpay",
		"We run a background check after the offer.":           "d:background",
		"Someone early in their leadership career.":            "d:careerstage",
		"An unbroken career history is required.":              "d:gaps",
		"Fluent English is required.":                          "d:fluency",
		"Clean and analyse our real customer dataset.":         "d:realwork",
		"The best submissions will be shipped.":                "d:realwork",
		"As your application task, audit our AWS estate.":      "d:realwork",
		"Audit our AWS estate.":                                "",
		"Available every Saturday, no exceptions.":             "d:restday",
		"We pay every shortlisted candidate for the exercise.": "d:paid",
	} {
		toks := tokenize(text)
		normalise(toks)
		var kinds []string
		for _, dc := range derivedConcepts(toks, nil) {
			kinds = append(kinds, dc.kind)
		}
		switch {
		case want == "" && len(kinds) > 0:
			t.Errorf("%q: %v; want none", text, kinds)
		case want != "" && !slices.Contains(kinds, want):
			t.Errorf("%q: %v; want %s", text, kinds, want)
		}
	}
}

// TestEvidence: the classifier reads a sentence only when a word or a
// construction of a protected subject stands in a clause that may be about
// the applicant, and the sentence does not rest on the law.
func TestEvidence(t *testing.T) {
	c := Default()
	for text, want := range map[string]bool{
		"Candidates should be early in their careers.":                             true,
		"Please keep your summary to 500 words.":                                   false, // a screen, but no subject
		"How did you hear about this role?":                                        false, // "hear" in another sense
		"Fluent French and English are required.":                                  false, // languages as skills
		"Your accent does not matter to us.":                                       false, // disclaimed
		"The role needs a Secret clearance, which by law requires US citizenship.": false, // the law
		"Are you 18 years of age or older?":                                        false, // an allowed phrase
		"Find the blind spots in our testing.":                                     false, // an idiom
		"Our client, a Muslim-led foundation, needs a CTO.":                        false, // an apposition about the client
		"Muslim candidates are preferred.":                                         true,
		"Our plants across the north of England run three shifts.":                 false, // a place
		"We prefer candidates from England.":                                       true,
	} {
		toks := tokenize(text)
		normalise(toks)
		got := mayHaveEvidence(toks) && hasEvidence(c.read(toks, text))
		if got != want {
			t.Errorf("%q: evidence %v, want %v", text, got, want)
		}
	}
}

// TestLikeUs: asking for someone like the people already there is an
// identity construction; the same words about work are not.
func TestLikeUs(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"We want people who look like us.", true},
		{"Someone who sounds like our customers.", true},
		{"A hire who will blend in.", true},
		{"Someone from a similar background to the founders.", true},
		{"A culturally homogeneous team.", true},
		{"Here is what great looks like.", false},
		{"What the first year looks like for you.", false},
		{"A similar background in payments helps.", false},
		{"We would like to hear from you.", false},
	} {
		toks := tokenize(tt.text)
		normalise(toks)
		got := false
		for _, d := range derivedConcepts(toks, nil) {
			got = got || d.kind == "d:likeus"
		}
		if got != tt.want {
			t.Errorf("%q: d:likeus %v; want %v", tt.text, got, tt.want)
		}
	}
}
