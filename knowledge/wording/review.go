package wording

import (
	_ "embed"
	"fmt"
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
	risk       float64 // 1 - P(clean)
	category   string  // the likeliest protected category
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
		r.risk = 1 - probs[0]
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

// review returns the classifier's findings on one place: a Review finding
// for each sentence the classifier reads as risky and no rule of a
// protected category caught, from the review rule of its category.
func (c *Checker) review(p place, ms []match) []Finding {
	var out []Finding
	for _, r := range c.sentenceRisks(p, ms) {
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

// sentenceRisksOf classifies a labelled sentence as the scorer checks it:
// as the summary of an otherwise complete ad.
func (c *Checker) sentenceRisksOf(text string) []sentenceRisk {
	p := places(Document{Summary: text})[atSummary]
	c.markEEO(p.toks)
	ms, explained := c.placeMatches(p, "")
	return c.sentenceRisks(p, append(ms, explained...))
}

func (r sentenceRisk) String() string { return fmt.Sprintf("%s %.2f", r.category, r.risk) }
