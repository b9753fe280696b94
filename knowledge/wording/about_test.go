package wording

import (
	"slices"
	"testing"
)

// findingIDs returns the ids of the findings at warning or above (review
// included) that one sentence draws, checked as the summary of an ad with
// the given title.
func findingIDs(title, text string) []string {
	doc := Document{Title: title, Location: "Remote", Salary: "$200,000 - $240,000", Summary: text}
	var ids []string
	for _, f := range Default().Check(doc, Options{}).Findings {
		if f.Severity >= Warning && f.Quotes[0].Where != "document" {
			ids = append(ids, f.RuleID)
		}
	}
	return ids
}

// TestWhoAClauseIsAbout: the same words are quiet when the sentence is
// about someone else (a named person, a person in post, an organisation,
// a client, the team's make-up), or says what is not weighed, and caught
// when they are about the hire. The sentences are made up for the test,
// one family each; none is a writer's.
func TestWhoAClauseIsAbout(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       string // a rule id the sentence must draw; "" for none at warning or above
	}{
		// named people and people in post
		{"title before a name", "Chairwoman Ada Brooks opened our first plant in 1990.", ""},
		{"pronoun of a named person far back", "Our Head of Sales, Noor Haddad, grew the region from two to forty people, and you will plan every launch with her.", ""},
		{"pronoun of a sole role", "The founder, an engineer by training, wrote most of the first release himself.", ""},
		{"a title alone, of someone in post", "You will brief the board, including the Chairman, every quarter.", "sex.gendered-title"},
		{"a gendered title for the role", "We need an experienced Chairman to lead our advisory board.", "sex.gendered-title"},
		{"a plural gendered title", "You will work with the foremen on every site.", "sex.gendered-title"},
		{"the hire as subject, the CEO as object", "The new CISO will report to the CEO, and he will run the security team.", "pronouns.gendered"},
		{"the role after an opening phrase", "Reporting to the COO, the VP Engineering will own delivery, and he will hire two directors.", "pronouns.gendered"},
		// organisations and third parties
		{"an organisation's name", "We sponsor the annual conference of the Association of Black Cardiologists.", ""},
		{"the same words about the hire", "We prefer Black engineers for this team.", "identity.race"},
		{"a client in a relative clause", "You will build the data platform for a client that runs genetic testing labs.", ""},
		{"genetic testing of the hire", "All finalists take a genetic test before the panel.", "genetic.information"},
		// the team's make-up
		{"a range of people", "Our support desk is intergenerational, from apprentices fresh out of college to engineers near the end of long careers.", ""},
		// what is not weighed
		{"attributes left out", "We do not consider caste, religion or family background in any hiring decision.", ""},
		{"people excluded", "We do not consider applicants from a reserved category.", "caste.any"},
		// the applicant's record
		{"a record asked of the applicant", "The ideal candidate has never needed medical leave.", "disability.health"},
		{"what the employer does not need", "We do not need your medical history.", ""},
		// taking part in what the sentence describes
		{"participation expected", "Our directors start each week with prayer, and attendance is expected.", "identity.practice"},
		{"a practice only described", "Quiet rooms for prayer are available on every floor.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ids := findingIDs("Chief Technology Officer", tt.text)
			switch {
			case tt.want == "" && len(ids) > 0:
				t.Errorf("%q drew %v; want nothing", tt.text, ids)
			case tt.want != "" && !slices.Contains(ids, tt.want):
				t.Errorf("%q drew %v; want %s", tt.text, ids, tt.want)
			}
		})
	}
}

// TestJobContext: a physical demand or a licence that a field, site or
// hands-on role needs is the job's own context, named in the sentence or
// in the ad's title, unless the sentence puts it on a leadership role.
func TestJobContext(t *testing.T) {
	for _, tt := range []struct {
		name, title, text string
		caught            bool
	}{
		{"technician in the sentence", "Chief Technology Officer", "Network Installation Technician: you will lift cabinets of up to 30 kg.", false},
		{"driving duty", "Chief Technology Officer", "A driving licence is required, as you will drive company vans to customer sites.", false},
		{"technician in the title", "Field Support Technician", "You must hold a full driving licence.", false},
		{"leader in the sentence", "Field Support Technician", "The IT Director must hold a full driving licence.", true},
		{"leader with a site word", "Chief Technology Officer", "The CIO must be able to lift 25 kg when visiting the technicians on site.", true},
		{"desk role, no context", "Chief Technology Officer", "You must hold a full driving licence.", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ids := findingIDs(tt.title, tt.text)
			if got := slices.Contains(ids, "disability.physical"); got != tt.caught {
				t.Errorf("title %q, %q drew %v; want disability.physical %v", tt.title, tt.text, ids, tt.caught)
			}
		})
	}
}

// TestWelcomeToSeveralGroups: welcoming people of several protected groups
// at once is an equal-opportunity statement; welcoming one group is a
// preference.
func TestWelcomeToSeveralGroups(t *testing.T) {
	for text, eeo := range map[string]bool{
		"We particularly welcome applications from women, disabled people and LGBTQ+ engineers.":             true,
		"Applications from women and people of colour are encouraged, as both are underrepresented in tech.": true,
		"Polish and Czech engineers are especially welcome on this team.":                                    false,
		"Applications from women are particularly welcome for this role.":                                    false,
	} {
		toks := tokenize(text)
		normalise(toks)
		Default().markEEO(toks)
		if toks[0].eeo != eeo {
			t.Errorf("%q: equal-opportunity sentence %v, want %v", text, toks[0].eeo, eeo)
		}
	}
}

// TestAbbreviationsDoNotEndSentences: the dots of "U.S.", "e.g." and
// "Dr." end neither the sentence nor a phrase.
func TestAbbreviationsDoNotEndSentences(t *testing.T) {
	for text, want := range map[string]int{
		"The clearance requires U.S. citizenship. We sponsor it.": 2,
		"Bring a sample, e.g. a design doc. Thanks.":              2,
		"Dr. Whitfield chairs the panel.":                         1,
		"Plan B. Then plan C.":                                    2,
		"We are in the U.S.":                                      1,
	} {
		if got := sentences(tokenize(text)); got != want {
			t.Errorf("%q: %d sentences, want %d", text, got, want)
		}
	}
	r := MustCheckSummary(t, "Must be a U.S. citizen.")
	if len(quotes(r, "origin.citizenship")) == 0 {
		t.Errorf("a U.S. citizenship requirement drew %v", r.Findings)
	}
}

// TestLawfulBasis: a law, a clearance, an offer or proof of the right to
// work explains a requirement; trouble with the law and a police
// certificate do not.
func TestLawfulBasis(t *testing.T) {
	for text, want := range map[string]bool{
		"The role needs a Secret clearance, which by law requires citizenship.": true,
		"Checks run after a conditional offer.":                                 true,
		"Tell us about any trouble with the law.":                               false,
		"Attach a police clearance certificate.":                                false,
		// Proof of the right to work is the law's own check; conceded or
		// joined by a restriction, it explains nothing.
		"You'll need to show evidence of your right to work, such as a passport.": true,
		"No visas of any kind, even if you can show proof of your right to work.": false,
		"Proof of your right to work is required; British citizens only.":         false,
		"You must have the right to work in the UK.":                              false,
		"You must lift 20 kg, with or without reasonable accommodation.":          true,
		"We will make reasonable accommodation for lifting.":                      false,
	} {
		toks := tokenize(text)
		normalise(toks)
		if got := lawfulSentence(toks); got != want {
			t.Errorf("%q: lawful %v, want %v", text, got, want)
		}
	}
}
