package wording

import "testing"

// TestClauseFrames reads the frame of sentences whose wording puts the
// requirement, the exclusion or the subject in different places.
func TestClauseFrames(t *testing.T) {
	for _, tt := range []struct {
		text      string
		want, not frame
	}{
		{"You must be under 40.", frameRequire | frameApplicant, frameOther},
		{"Applicants over 50 will not be considered.", frameExclude | frameNegation | frameApplicant, frameDisclaim},
		{"Wheelchair users cannot be accommodated.", frameExclude | frameNegation, frameDisclaim},
		{"We do not hire mothers of young children.", frameExclude, frameDisclaim},
		{"Ideally you are a recent graduate.", framePrefer | frameApplicant, 0},
		{"How many children do you have?", frameQuestion | frameApplicant, 0},
		{"Date of birth: ____", frameForm, 0},
		{"Military service: completed / exempt / deferred", frameForm, 0},
		{"Please tell us your current salary.", frameRequest, 0},
		{"We do not ask for your date of birth.", frameDisclaim, frameExclude},
		{"Please leave your photo off your CV.", frameDisclaim, 0},
		{"No criminal record of any kind.", frameExclude, frameDisclaim},
		{"A criminal record will not necessarily bar you.", frameDisclaim, frameExclude},
		{"We offer support through pregnancy.", frameOffer, frameScreen},
		{"Our product helps young people save.", frameOther, frameApplicant | frameScreen},
		{"Join our young and dynamic team.", frameApplicant | frameStaff, 0},
		{"The ideal candidate has never needed medical leave.", framePrefer | frameApplicant, frameDisclaim},
		{"We never ask for your date of birth.", frameDisclaim, 0},
		{"We do not consider religion or caste.", frameDisclaim, frameExclude},
		{"We do not consider applicants over 50.", frameExclude, frameDisclaim},
		{"The team ranges from graduates to engineers with 30 years behind them.", frameOther, frameStaff},
		{"The team meets for prayer, and attendance is expected.", frameRequire | frameApplicant, 0},
		{"Complete a pilot project for one of our clients.", frameApplicant, 0},
		{"Our product helps people looking after elderly parents.", frameOther, framePrefer},
		{"Your birthday off, every year.", frameOffer, 0},
		{"Must hear clearly without the use of hearing aids.", frameRequire, frameDisclaim},
		// Removing something from what the applicant sends is asking for
		// less; a rule that staff remove what they wear is not.
		{"Please remove your photo from your CV.", frameDisclaim, 0},
		{"Staff must remove any hat at the front desk.", frameRequire | frameStaff, frameDisclaim},
		{"Hats must be removed in the office.", frameRequire, frameDisclaim},
		// A negated permission excludes, like a negated "allow".
		{"Sandals are not permitted on the shop floor.", frameExclude | frameNegation, frameDisclaim},
		// "the client's" is the employer's, as "the client" is; a word
		// joined by a hyphen to the next modifies it and names no one.
		{"Hats are not in line with the client's dress code.", frameNegation, frameOther},
		{"Hats are not worn in client-facing roles.", frameNegation, frameOther},
		{"A client's dress code may differ.", frameOther, 0},
		// "any" of a characteristic includes; asked or required, it does not.
		{"This role is open to candidates of any faith or none.", frameDisclaim, frameScreen},
		{"Do you hold any religious beliefs?", frameQuestion, frameDisclaim},
		{"You must not belong to any religion.", frameRequire | frameNegation, frameDisclaim},
		// A group staff may join is an offer; joining the team is not.
		{"Employees can join our veterans' network.", frameOffer, frameStaff},
		{"Join our young and dynamic team.", frameStaff, frameOffer},
		// What the employer gives, however it is put.
		{"We will supply compatible head protection on request.", frameOffer, frameScreen},
		{"Powered hoods are provided for anyone who cannot shave.", frameOffer, 0},
		{"We need someone to supply the board with figures.", frameRequire, frameOffer},
		// A person joined to the word before names no one.
		{"Accommodation is in single-person quarters.", 0, frameApplicant},
		{"Anyone who wants a quiet space can use the faith room.", frameOffer, framePrefer},
		{"If you need adjustments, tell us.", frameOffer, frameRequire},
		{"We need someone who can travel.", frameRequire, 0},
		{"Offers are based on the role, not on what you earned.", frameDisclaim, 0},
		{"We want a person who can relocate.", framePrefer | frameApplicant, 0},
	} {
		toks := tokenize(tt.text)
		normalise(toks)
		var got frame
		for _, c := range readClauses(toks, tt.text) {
			got |= c.frame
		}
		if got&tt.want != tt.want || got&tt.not != 0 {
			t.Errorf("%q: frame %012b; want bits %012b set and %012b clear", tt.text, got, tt.want, tt.not)
		}
	}
}

// TestDescriptiveMentionsStayQuiet: the same words that are risky when
// asked of the applicant are quiet when the sentence describes a benefit,
// a programme, the product or other people (issue 24's examples), and are
// caught when asked.
func TestDescriptiveMentionsStayQuiet(t *testing.T) {
	for _, text := range []string{
		"We offer support through pregnancy and the first year of parenthood.",
		"We fund a charity programme for young people leaving care.",
		"Our codebase is young, so you will shape its architecture.",
		"You will manage translators who are native speakers of the target language.",
		"We do not ask for your date of birth, marital status or a photo.",
		"Our founder built the first version in his garage.",
		"You will own the budget and the man-day estimates of every project.",
		// Someone's own need, met by the employer; a named colleague; the
		// characteristics of the people the job serves; what a decision
		// does not rest on.
		"Staff who need time off for religious holidays can use floating days.",
		"Let us know if interview times need to fit around school runs, and we'll work around you.",
		"For adjustments, just tell Niamh in talent and she'll arrange them.",
		"You will protect the genetic data of our patients.",
		"You will handle patients' HIV status and genetic test results.",
		"Offers are based on the role, not on what you earned before.",
		"We hire for skills and potential, not for the year you graduated.",
		"We ask no photo, no date of birth and no marital status.",
		"Our salary grids are public and based on the role, never on your previous salary.",
		"The Chairman of the Supervisory Board, Mr Laurent, will meet the finalists.",
		"A nine-month contract to replace our Data Governance Lead during her maternity leave.",
		"You will shape the data strategy of the programme of the Maison for young designers.",
		"Yard hands must be able to lift up to 50 lbs, with or without reasonable accommodation.",
		"Confidential health check-ups with our company doctor, free of charge.",
		"You will build payment rails for diagnostic labs, including clinics that offer genetic testing.",
	} {
		for _, f := range Default().SentenceFindings(text) {
			if f.Severity >= Warning {
				t.Errorf("%q drew %s %v", text, f.RuleID, f.Quotes)
			}
		}
	}
	for text, category := range map[string]string{
		"You must be a US citizen.":                                                  "origin",
		"You will lift and move equipment up to 25 kg.":                              "disability",
		"Candidates born in the 1990s preferred.":                                    "age",
		"Wheelchair users cannot be accommodated.":                                   "disability",
		"Please tell us your current salary.":                                        "salary-history",
		"No criminal record of any kind.":                                            "criminal-record",
		"The final stage is a two-week unpaid trial.":                                "unpaid-work",
		"Reservists will not be considered for this role.":                           "military",
		"Please share your family's medical history.":                                "genetic",
		"The client's programme includes a mandatory genetic screening.":             "genetic",
		"Your offer will be based on your current salary, so tell us what you earn.": "salary-history",
		"We need someone who can lift 25 kg.":                                        "disability",
		"We are looking for young engineers, not for people with families.":          "age",
		"Year of graduation is a criterion, so put it on your CV.":                   "age",
	} {
		found := false
		for _, f := range Default().SentenceFindings(text) {
			found = found || f.Category == category && f.Severity >= Warning
		}
		if !found {
			t.Errorf("%q: no %s finding", text, category)
		}
	}
}

// TestNormalisedNumbers: years, decades and ages become classes, words
// their stems.
func TestNormalisedNumbers(t *testing.T) {
	for w, want := range map[string]string{
		"1990s": numDecade, "90s": numDecade, "thirties": numDecade, "1985": numYear, "2015": numYear,
		"35": numAge, "thirty": numAge, "180,000": numOther, "3": numOther, "2099": numOther,
		"requirements": "requir", "pregnancies": "pregnanc",
	} {
		if got := norm(w); got != want {
			t.Errorf("norm(%q) = %q, want %q", w, got, want)
		}
	}
}
