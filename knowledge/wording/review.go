package wording

import (
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed classifier.model
var classifierModel []byte

// loadClassifier decodes the embedded model once; an empty model file
// means no classifier.
var loadClassifier = sync.OnceValues(func() (*classifier, error) {
	if len(classifierModel) == 0 {
		return nil, nil
	}
	return decodeClassifier(classifierModel)
})

// withModel returns a copy of c that reviews sentences with m (none when
// m is nil).
func (c *Checker) withModel(m *classifier) *Checker {
	cc := *c
	cc.model = m
	return &cc
}

// A sentenceRisk is what the classifier made of one sentence.
type sentenceRisk struct {
	start, end int     // byte offsets in the place's text
	ruled      bool    // a protected-category rule matched in it, so it is not reviewed
	read       bool    // the classifier read it (else risk is 0)
	risk       float64 // 1 - P(clean)
	// aboutApplicant: a clause of it is about the applicant, so the
	// classifier vetoes none of its rules (see vetoRisk).
	aboutApplicant bool
	category       string // the likeliest protected category
}

// sentenceRisks classifies the sentences of one place that the classifier
// reads: text sentences that are not equal-opportunity statements. ms are
// the rule matches of the place.
func (c *Checker) sentenceRisks(p place, ms []match) []sentenceRisk {
	if c.model == nil || p.kind != placeText || len(p.toks) == 0 {
		return nil
	}
	var out []sentenceRisk
	var feats []uint32
	probs := make([]float64, 0, len(c.model.classes))
	first := 0
	for _, sp := range sentenceSpans(p.toks, len(p.text)) {
		last := first
		for last < len(p.toks) && p.toks[last].start < sp.end {
			last++
		}
		toks := p.toks[first:last]
		first = last
		if sp.eeo || len(toks) == 0 {
			continue
		}
		r := sentenceRisk{start: sp.start, end: sp.end}
		for _, m := range ms {
			if m.start >= sp.start && m.start < sp.end && IsProtected(c.rules[m.rule].Category) && c.rules[m.rule].Severity >= Warning {
				r.ruled = true
			}
		}
		if !mayHaveEvidence(toks) {
			// No word of a protected category's subject, nor of a
			// construction that carries one: nothing to review, however
			// the sentence's other words score.
			out = append(out, r)
			continue
		}
		rd := c.read(toks, p.text[sp.start:sp.end])
		if !hasEvidence(rd) {
			// Only descriptions of someone else, disclaimers, the law, or
			// words in another sense: nothing to review either.
			out = append(out, r)
			continue
		}
		feats = sentenceFeatures(rd, feats)
		probs = c.model.predict(feats, probs)
		r.read, r.risk = true, 1-probs[0]
		for _, cl := range rd.clauses {
			r.aboutApplicant = r.aboutApplicant || cl.frame&frameApplicant != 0
		}
		best := 1
		for k := 2; k < len(probs); k++ {
			if probs[k] > probs[best] {
				best = k
			}
		}
		r.category = c.model.classes[best]
		out = append(out, r)
	}
	return out
}

// vetoed drops from ms, the kept rule matches of one place, those of a
// protected category at warning or above that lie in a sentence the
// classifier read and scores below its veto (see classifier.veto). risks
// are the place's sentence risks.
func (c *Checker) vetoed(ms []match, risks []sentenceRisk) []match {
	if c.model == nil || c.model.veto <= 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if c.vetoes(m, risks) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// vetoes reports whether the classifier vetoes rule match m (see vetoed).
func (c *Checker) vetoes(m match, risks []sentenceRisk) bool {
	return c.vetoRisk(m, risks) < c.model.veto
}

// vetoRisk returns the risk below which a veto drops rule match m: the
// risk of its sentence, or +Inf when no veto may drop it. Only a finding
// of a protected category at warning or above, of a rule whose frame is
// not hire or screen, in a sentence the classifier read and no clause of
// which is about the applicant, may be dropped: "you will lift 25 kg"
// stays, whatever the classifier says, where "we supply
// turban-compatible hard hats" may go.
func (c *Checker) vetoRisk(m match, risks []sentenceRisk) float64 {
	rule := c.rules[m.rule]
	if !IsProtected(rule.Category) || rule.Severity < Warning || c.frames[m.rule] == frameHire || c.frames[m.rule] == frameScreening {
		return math.Inf(1)
	}
	for _, r := range risks {
		if m.start < r.start || m.start >= r.end {
			continue
		}
		if !r.read {
			return math.Inf(1)
		}
		if r.aboutApplicant {
			return math.Inf(1)
		}
		return r.risk
	}
	return math.Inf(1)
}

// review returns the classifier's findings on one place, whose sentence
// risks are risks: a Review finding for each sentence the classifier
// reads as risky and no rule of a protected category caught, from the
// review rule of its category.
func (c *Checker) review(p place, risks []sentenceRisk) []Finding {
	var out []Finding
	for _, r := range risks {
		if r.ruled || r.risk < c.model.thresholdOf(r.category) {
			continue
		}
		rule, ok := c.reviewRules[r.category]
		if !ok {
			continue
		}
		f := c.finding(rule, quoteSentence(p.text[r.start:r.end]), p.where)
		f.Confidence = roundConfidence(r.risk)
		out = append(out, f)
	}
	return out
}

// maxSentenceQuote is how much of a sentence a review finding quotes.
const maxSentenceQuote = 200

// quoteSentence is the quote of a review finding: the sentence with its
// spaces tidied, at most maxSentenceQuote bytes of it (cut at a word).
func quoteSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= maxSentenceQuote {
		return s
	}
	cut := strings.LastIndexByte(s[:maxSentenceQuote], ' ')
	if cut <= 0 {
		cut = maxSentenceQuote
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut]
}

func roundConfidence(r float64) float64 { return float64(int(r*100+0.5)) / 100 }

// sentenceRisksOf classifies a labelled sentence as the scorer checks it
// (as the summary of an otherwise complete ad), and returns with its
// sentences' risks the risk below which a veto drops all of its
// protected rule findings: the highest vetoRisk of its protected matches
// (+Inf when one may not be dropped, 0 when there are none).
func (c *Checker) sentenceRisksOf(text string) (risks []sentenceRisk, veto float64) {
	p := places(Document{Summary: text})[atSummary]
	c.markEEO(p.toks)
	ms, explained := c.placeMatches(p, "")
	risks = c.sentenceRisks(p, append(ms, explained...))
	for _, m := range ms {
		if rule := c.rules[m.rule]; IsProtected(rule.Category) && rule.Severity >= Warning {
			veto = max(veto, c.vetoRisk(m, risks))
		}
	}
	return risks, veto
}

func (r sentenceRisk) String() string { return fmt.Sprintf("%s %.2f", r.category, r.risk) }
