package knowledge

import (
	"slices"
	"strings"
)

// A passage is the part of a topic that answers a question best: one
// paragraph of its body, or the points that match, or its summary when no
// paragraph or point does. Resolve leads with it and offers the whole
// topic behind a button.

// Passage is the part of a topic that answers a query.
type Passage struct {
	Text   string   // the paragraph that answers (the summary when nothing closer does)
	Points []string // or the topic's points that answer, in the topic's order
}

// maxPassagePoints is how many points a passage shows at most.
const maxPassagePoints = 5

// passageKind tells a topic's passages apart.
type passageKind uint8

const (
	inSummary passageKind = iota
	inBody
	inPoints
)

// passage is one indexed paragraph or point of a topic.
type passage struct {
	kind  passageKind
	at    int            // index into the topic's Body or Points
	tf    map[string]int // stem → occurrences
	words float64        // length in words
}

// passages indexes every topic's paragraphs and points.
type passages struct {
	byDoc      [][]passage
	avgPassage float64
	roleIDs    map[string]bool // the roles' ids, which pick no passage
}

// newPassages builds the passage index of p's topics.
func newPassages(p *Pack) passages {
	ps := passages{byDoc: make([][]passage, len(p.Topics)), roleIDs: make(map[string]bool)}
	for _, r := range p.Roles {
		ps.roleIDs[stem(r.ID)] = true
	}
	total, n := 0.0, 0
	add := func(doc int, kind passageKind, at int, text string) {
		pg := passage{kind: kind, at: at, tf: make(map[string]int)}
		for _, tok := range tokens(prose(text)) {
			pg.tf[tok.stem]++
			pg.words++
		}
		total += pg.words
		n++
		ps.byDoc[doc] = append(ps.byDoc[doc], pg)
	}
	for doc, t := range p.Topics {
		add(doc, inSummary, 0, t.Summary)
		for i, b := range t.Body {
			add(doc, inBody, i, b)
		}
		for i, pt := range t.Points {
			add(doc, inPoints, i, pt)
		}
	}
	ps.avgPassage = max(total/float64(max(n, 1)), 1)
	return ps
}

// passage returns the part of the topic at doc that best answers the
// query whose words stand for terms (see rank).
func (ix *index) passage(t Topic, doc int, terms [][]candidate) Passage {
	list := ix.byDoc[doc]
	scores := make([]float64, len(list))
	bestText, bestPoint := -1, -1
	weighed := ix.weighTerms(terms, doc)
	for i, pg := range list {
		scores[i] = ix.passageScore(pg, weighed)
		if scores[i] == 0 || pg.kind == inSummary {
			continue // the summary is what to fall back on
		}
		switch pg.kind {
		case inPoints:
			if bestPoint < 0 || scores[i] > scores[bestPoint] {
				bestPoint = i
			}
		default:
			if bestText < 0 || scores[i] > scores[bestText] {
				bestText = i
			}
		}
	}
	if bestPoint >= 0 && (bestText < 0 || scores[bestPoint] > scores[bestText]) {
		var pts []string
		for i, pg := range list {
			if pg.kind == inPoints && scores[i] >= scores[bestPoint]/2 && len(pts) < maxPassagePoints {
				pts = append(pts, t.Points[pg.at])
			}
		}
		return Passage{Points: pts}
	}
	if bestText >= 0 {
		return Passage{Text: t.Body[list[bestText].at]}
	}
	return Passage{Text: t.Summary}
}

// passageScore scores one passage against the query's words: above all
// by how much of the query it holds (each word by its rarity, as in
// Confidence), so that a paragraph answering the whole question beats a
// short point that repeats one word of it; then, to break ties, by BM25.
func (ix *index) passageScore(pg passage, terms [][]weighedCandidate) float64 {
	norm := 1 - bm25B + bm25B*pg.words/ix.avgPassage
	held, bm25 := 0.0, 0.0
	for _, cands := range terms {
		bestHeld, best := 0.0, 0.0
		for _, c := range cands {
			if n := pg.tf[c.stem]; n > 0 {
				tf := float64(n) / norm
				bestHeld = max(bestHeld, c.sure*c.idf)
				best = max(best, c.weight*c.idf*tf*(bm25K1+1)/(tf+bm25K1))
			}
		}
		held += bestHeld
		bm25 += best
	}
	return held + bm25/passageTieBreak
}

// weighedCandidate is a candidate with its stem's idf, looked up once per
// answer rather than once per passage.
type weighedCandidate struct {
	candidate
	idf float64
}

// weighTerms returns terms with each candidate's idf, role ids left out:
// "cto" is in half the paragraphs, so it picks none of them. Only the
// candidates the topic at doc has are kept, and only the terms with one:
// the others are in none of its passages, and add nothing (exactly 0) to
// any passage's score.
func (ix *index) weighTerms(terms [][]candidate, doc int) [][]weighedCandidate {
	n := 0
	for _, cands := range terms {
		n += len(cands)
	}
	flat := make([]weighedCandidate, 0, n) // every term's candidates, one after another
	out := make([][]weighedCandidate, 0, len(terms))
	for _, cands := range terms {
		at := len(flat)
		for _, c := range cands {
			tm := ix.terms[c.stem]
			if !ix.roleIDs[c.stem] && tm.has(doc) {
				flat = append(flat, weighedCandidate{c, tm.idf})
			}
		}
		if len(flat) > at {
			out = append(out, flat[at:len(flat):len(flat)])
		}
	}
	return out
}

// passageTieBreak scales BM25 down so that it only orders passages that
// hold the same share of the query.
const passageTieBreak = 1000

// questionShape is the form of answer a question's wording asks for.
type questionShape int

const (
	askAny        questionShape = iota
	askList                     // "what are the…", "which…", "list…": the points
	askComparison               // "… vs …", "difference between…": both sides
	askDefinition               // "what is…", "define…", "… meaning": the definition
	askDuration                 // "how long…", "how many weeks…": a passage that says how long
)

// shapeOf reads the form of answer a question asks for from its words.
func shapeOf(args string) questionShape { return shapeOfWords(wordsOf(args)) }

// shapeOfWords is shapeOf for the question's words (wordsOf).
func shapeOfWords(ws []string) questionShape {
	duration := false
	first, second := "", ""
	if len(ws) > 0 {
		first = ws[0]
	}
	if len(ws) > 1 {
		second = ws[1]
	}
	for i, w := range ws {
		switch w {
		case "vs", "versus", "difference", "differences", "differ", "compare", "compared", "comparison":
			return askComparison
		}
		if w == "how" && i+1 < len(ws) && (ws[i+1] == "long" ||
			ws[i+1] == "many" && i+2 < len(ws) && timeUnits[ws[i+2]]) {
			duration = true
		}
	}
	if duration {
		return askDuration
	}
	switch {
	case first == "which", first == "list", first == "name",
		first == "what" && (second == "are" || second == "kinds" || second == "types" || second == "sorts"):
		return askList
	case first == "define", first == "whats" && len(ws) <= 4,
		first == "what" && second == "is" && len(ws) <= 5,
		slices.Contains(ws, "meaning"), slices.Contains(ws, "definition"):
		return askDefinition
	}
	return askAny
}

// shapedPassage is passage, shaped by what the question asks for: a list
// question gets the topic's points (those that match, or else all of
// them), a comparison both sides of it (the first two points that name
// a side, "CTO: …" and "CIO: …"), and a definition the summary. A topic
// without such points answers as passage does.
func (ix *index) shapedPassage(t Topic, doc int, terms [][]candidate, shape questionShape) Passage {
	base := ix.passage(t, doc, terms)
	switch shape {
	case askList:
		if len(base.Points) > 0 || len(t.Points) == 0 {
			return base
		}
		return Passage{Points: t.Points[:min(len(t.Points), maxPassagePoints)]}
	case askComparison:
		if sides := twoSides(t.Points); len(sides) == 2 {
			for _, pt := range base.Points {
				if !slices.Contains(sides, pt) && len(sides) < maxPassagePoints {
					sides = append(sides, pt)
				}
			}
			return Passage{Points: sides}
		}
	case askDefinition:
		return Passage{Text: t.Summary}
	case askDuration:
		return ix.durationPassage(t, doc, terms, base)
	}
	return base
}

// durationPassage answers a question asking how long: base if it says
// how long something takes, or else the passage of the topic (its
// summary, a paragraph or a point) that does and holds most of the
// query, or base when none does.
func (ix *index) durationPassage(t Topic, doc int, terms [][]candidate, base Passage) Passage {
	if statesDuration(base.Text) || slices.ContainsFunc(base.Points, statesDuration) {
		return base
	}
	weighed := ix.weighTerms(terms, doc)
	best, bestScore := Passage{}, 0.0
	for _, pg := range ix.byDoc[doc] {
		var p Passage
		switch pg.kind {
		case inSummary:
			p = Passage{Text: t.Summary}
		case inBody:
			p = Passage{Text: t.Body[pg.at]}
		default:
			p = Passage{Points: []string{t.Points[pg.at]}}
		}
		if !statesDuration(p.Text) && !slices.ContainsFunc(p.Points, statesDuration) {
			continue
		}
		if sc := ix.passageScore(pg, weighed); sc > bestScore {
			best, bestScore = p, sc
		}
	}
	if bestScore == 0 {
		return base
	}
	return best
}

// timeUnits are the words a duration is counted in.
var timeUnits = map[string]bool{
	"hour": true, "hours": true, "day": true, "days": true, "week": true, "weeks": true,
	"month": true, "months": true, "quarter": true, "quarters": true, "year": true, "years": true,
}

// countWords are the words other than digits that count ("one" is left
// out: it is as often "one owner" as a count).
var countWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "eighteen": true, "twenty": true,
	"thirty": true, "ninety": true, "hundred": true, "half": true, "few": true, "several": true,
}

// statesDuration reports whether text says how long something takes: a
// count (digits or a number word) and a unit of time.
func statesDuration(text string) bool {
	ws := wordsOf(text)
	count := strings.ContainsAny(text, "0123456789") || slices.ContainsFunc(ws, func(w string) bool { return countWords[w] })
	return count && slices.ContainsFunc(ws, func(w string) bool { return timeUnits[w] })
}

// twoSides returns the first two points that begin with different names
// of a side ("CTO: …", "CIO: …"), or nil. "Both" is not a side.
func twoSides(points []string) []string {
	var out []string
	var names []string
	for _, pt := range points {
		name, _, ok := strings.Cut(pt, ":")
		if !ok || len(name) > 40 || strings.EqualFold(name, "both") || slices.Contains(names, name) {
			continue
		}
		names = append(names, name)
		out = append(out, pt)
		if len(out) == 2 {
			return out
		}
	}
	return nil
}
