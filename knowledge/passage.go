package knowledge

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
	for i, pg := range list {
		scores[i] = ix.passageScore(pg, terms)
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
func (ix *index) passageScore(pg passage, terms [][]candidate) float64 {
	norm := 1 - bm25B + bm25B*pg.words/ix.avgPassage
	held, bm25 := 0.0, 0.0
	for _, cands := range terms {
		bestHeld, best := 0.0, 0.0
		for _, c := range cands {
			if ix.roleIDs[c.stem] {
				continue // "cto" is in half the paragraphs: it picks none of them
			}
			if n := pg.tf[c.stem]; n > 0 {
				idf := ix.terms[c.stem].idf
				tf := float64(n) / norm
				bestHeld = max(bestHeld, c.sure*idf)
				best = max(best, c.weight*idf*tf*(bm25K1+1)/(tf+bm25K1))
			}
		}
		held += bestHeld
		bm25 += best
	}
	return held + bm25/passageTieBreak
}

// passageTieBreak scales BM25 down so that it only orders passages that
// hold the same share of the query.
const passageTieBreak = 1000
