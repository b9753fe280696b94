package wording

// hasEvidence reports whether the classifier has anything to go on in a
// sentence: a word or a construction of a protected category's subject
// (see concepts and derivedConcepts, less the quiet words) in a clause
// that may be about the applicant, in a sentence that does not only
// describe someone else and does not rest on the law. A sentence with
// none ("Please keep it to 500 words") is not reviewed, however its other
// words score.
func hasEvidence(r reading) bool {
	descriptive := true
	for _, c := range r.clauses {
		descriptive = descriptive && c.frame.descriptive()
	}
	if descriptive || len(r.toks) == 0 || r.lawful {
		return false
	}
	cs := concepts()
	for _, c := range r.clauses {
		if !c.frame.aboutApplicant() {
			continue
		}
		for i := c.first; i <= c.last; i++ {
			if !r.quiet[i] && len(cs[r.toks[i].norm]) > 0 {
				return true
			}
		}
		for _, dc := range r.derived {
			if dc.concept != "" && dc.at >= c.first && dc.at <= c.last {
				return true
			}
		}
	}
	return false
}

// quietTokens marks the tokens whose words are no evidence of a protected
// category's subject where they stand, as the rules read them: words
// inside a phrase a category allows ("18 years of age or older", "young
// company"; allowed, which may be nil), a language asked for as a skill
// ("fluent English", "Polish or French is a plus" beside "language
// skills"), a word in a sense that is not the subject's ("hear about
// this role", "blind CV screening", "a valid passport" for travel), and
// words set off by commas after someone else ("our client, a
// Muslim-led foundation, …").
func quietTokens(toks []token, clauses []clause, derived []derivedConcept, allowed []bool) []bool {
	quiet := make([]bool, len(toks))
	copy(quiet, allowed)
	for _, dc := range derived {
		if dc.kind == "d:fluency" {
			quiet[dc.at] = true
		}
	}
	travel := false
	for _, t := range toks {
		travel = travel || t.norm == "travel"
	}
	for _, c := range clauses {
		skill := false
		for i := c.first; i <= c.last; i++ {
			t := toks[i]
			origin := i > 0 && (toks[i-1].norm == "first" || toks[i-1].norm == "nativ" || toks[i-1].norm == "mother")
			skill = skill || fluencyWords[t.norm] || (t.norm == "languag" || t.norm == "multilingu") && !origin
		}
		for i := c.first; i <= c.last; i++ {
			t := toks[i]
			next := ""
			if i+1 < len(toks) && !toks[i+1].brk {
				next = toks[i+1].norm
			}
			prev := ""
			if i > 0 && !t.brk {
				prev = toks[i-1].norm
			}
			switch {
			case skill && languageWords()[t.norm]:
				quiet[i] = true
			case t.norm == "hear" && (next == "about" || next == "of" || next == "from" || next == "back"):
				quiet[i] = true // "how did you hear about us"
			case t.norm == "blind" && blindProcess[next]:
				quiet[i] = true // "blind CV screening"
			case t.norm == "passport" && travel && !languageWords()[prev] && !nationalityBefore[prev]:
				quiet[i] = true // "a valid passport, as the role requires travel"
			case placeWords()[t.norm] && placePrepositions[prev]:
				quiet[i] = true // "plants across the north of England", "our office in India"
			case t.norm == "nativ" && t.hyphen && prev != "digit":
				quiet[i] = true // "cloud-native", "AWS-native": a kind of software ("digital-native" has a rule of its own)
			}
		}
	}
	for i := 1; i+1 < len(toks); i++ {
		// "Our client, a Muslim-led community foundation, is …": an
		// apposition about someone else.
		if !toks[i].comma || toks[i].brk || !(otherAt(toks, i-1) || toks[i-1].norm == "client" || soleRoles[toks[i-1].norm]) {
			continue
		}
		for j := i; j < len(toks) && j < i+10 && !toks[j].brk; j++ {
			if j > i && toks[j].comma {
				for k := i; k < j; k++ {
					quiet[k] = true
				}
				break
			}
		}
	}
	return quiet
}

// placeWords are the countries and regions of the country class of
// rules.yaml; placePrepositions, before one, make it where something is,
// not where someone comes from ("from India").
var (
	placeWords = normSet("america usa britain england scotland wales ireland germany france spain india china " +
		"russia ukraine nigeria pakistan mexico brazil israel turkey philippines vietnam bangladesh iran iraq syria egypt " +
		"poland romania bulgaria africa asia europe uk us eu")
	placePrepositions = map[string]bool{"in": true, "across": true, "of": true, "throughout": true, "around": true,
		"to": true, "within": true, "into": true}
)

// blindProcess are what "blind" describes when it means anonymised.
var blindProcess = map[string]bool{"cv": true, "screen": true, "recruit": true, "hire": true, "review": true,
	"applic": true, "shortlist": true, "audit": true, "assess": true, "mark": true, "resum": true}

// nationalityBefore are words before "passport" that make it about a
// nationality ("a US passport").
var nationalityBefore = map[string]bool{"us": true, "s": true, "uk": true, "eu": true, "american": true, "british": true}

// allowedTokens marks the tokens of a sentence that lie inside a phrase
// the allow list of a protected category names, or inside an idiom that
// uses a disability word figuratively ("blind spots", see
// figurativeCategory); nil when there are none.
func (c *Checker) allowedTokens(toks []token) []bool {
	var out []bool
	if c.quietWords == nil {
		return nil
	}
	c.quietWords.match(toks, func(_, first, last int) {
		if out == nil {
			out = make([]bool, len(toks))
		}
		for i := first; i <= last; i++ {
			out[i] = true
		}
	})
	return out
}
