package wording

// lawfulWords mark a clause that rests a requirement on the law or a
// clearance ("as permitted by the Equality Act", "requires SC clearance").
var lawfulWords = map[string]bool{"clearanc": true, "itar": true, "law": true, "regulatori": true,
	"statutori": true, "statut": true, "legal": true, "legisl": true, "export": true, "gdpr": true, "hipaa": true}

// lawfulSentence reports whether a sentence rests what it asks on the law
// or a clearance, or puts it after a job offer ("after a conditional
// offer"), where the law allows it.
func lawfulSentence(toks []token) bool {
	for i, t := range toks {
		negated := i > 0 && markNegation[toks[i-1].norm] || i > 1 && markNegation[toks[i-2].norm]
		if lawfulWords[t.norm] && !negated && !lawBroken(toks[max(0, i-4):i]) && !(i > 0 && toks[i-1].norm == "polic") {
			// "requires SC clearance", not "no clearance requirement",
			// "trouble with the law" or "a police clearance certificate"
			return true
		}
		next, prev := "", ""
		if i+1 < len(toks) {
			next = toks[i+1].norm
		}
		if i > 0 {
			prev = toks[i-1].norm
		}
		switch {
		case t.norm == "regul" && next == "activ":
			return true // UK "regulated activity", which needs a DBS check by law
		case t.norm == "occup" && next == "requir":
			return true // an occupational requirement (Equality Act 2010, Sch. 9)
		case t.word == "permitted" && !negated:
			return true // "as permitted by the Equality Act"
		case t.word == "without" && prev == "or" && i > 1 && toks[i-2].word == "with" && accommodationAfter(toks[i+1:min(len(toks), i+3)]):
			// "with or without reasonable accommodation": the ADA's own
			// words for an essential function of the job
			return true
		case t.norm == "requir" && next == "by" && anyNorm(toks[i+2:min(len(toks), i+8)], statuteWords):
			// "as required by the Illinois School Code"
			return true
		case rightToWork(toks, i) && anyNorm(toks[max(0, i-4):i], proofWords) && !anyNorm(toks[max(0, i-10):i], concessionWords) && !restricted(toks):
			// Proof of the right to work is what the law requires of
			// every hire (an I-9, a UK or Australian right-to-work
			// check), passports among it; "even if you have the right to
			// work" concedes it, and "… only" restricts beyond it.
			return true
		case t.norm == "vet" && (prev == "sc" || prev == "dv" || prev == "nppv" || prev == "secur" || prev == "govern"):
			return true // security vetting
		}
		if (t.norm == "offer" || t.norm == "sign" || t.norm == "hire" || t.norm == "onboard" || t.norm == "start") && i > 0 {
			for _, prev := range toks[max(0, i-4):i] {
				if prev.norm == "after" || prev.norm == "condit" || prev.norm == "post" || prev.norm == "onc" {
					return true
				}
			}
		}
	}
	return false
}

// lawBroken reports whether the words before "law" make it the law
// someone was in trouble with ("run-ins with the law"), not a law the
// requirement rests on.
func lawBroken(before []token) bool {
	for _, t := range before {
		if conflictWords[t.norm] {
			return true
		}
	}
	return false
}

// conflictWords are trouble with the law.
var conflictWords = map[string]bool{"troubl": true, "run": true, "conflict": true, "brush": true, "problem": true,
	"issu": true, "fall": true, "fell": true, "clash": true, "side": true, "wrong": true, "break": true, "broke": true}

// rightToWork reports whether toks[i:] starts "right to work" (or
// "right-to-work") or "work rights".
func rightToWork(toks []token, i int) bool {
	at := func(k int) string {
		if i+k < len(toks) {
			return toks[i+k].norm
		}
		return ""
	}
	return toks[i].norm == "right" && at(1) == "to" && at(2) == "work" ||
		toks[i].norm == "work" && at(1) == "right"
}

// proofWords, before "right to work", ask for its proof: "evidence of",
// "proof of", "verify", "show".
var proofWords = map[string]bool{"evid": true, "proof": true, "prove": true, "verifi": true, "show": true,
	"check": true, "confirm": true, "document": true, "demonstr": true}

// restricted reports whether a sentence prefers or excludes anyone
// ("only", "preferred", "will not be considered"): then it asks for more
// than the law does.
func restricted(toks []token) bool {
	for _, t := range toks {
		if markExclude[t.norm] || markPrefer[t.norm] || markExcludeVerb[t.norm] {
			return true
		}
	}
	return false
}

// concessionWords set aside what follows ("even if", "even where",
// "although", "regardless"): it is not relied on.
var concessionWords = map[string]bool{"even": true, "although": true, "though": true, "regardless": true, "despit": true}

// statuteWords, after "required by", name an enactment: an act, a code, a
// regulation, a statute or an ordinance.
var statuteWords = map[string]bool{"act": true, "code": true, "regul": true, "statut": true, "ordin": true,
	"law": true, "legisl": true, "rule": true, "directiv": true}

// accommodationAfter reports whether "accommodation" (or "adjustments")
// follows, perhaps after "reasonable".
func accommodationAfter(after []token) bool {
	for _, t := range after {
		if t.norm == "accommod" || t.norm == "adjust" {
			return true
		}
		if t.norm != "reason" {
			return false
		}
	}
	return false
}
