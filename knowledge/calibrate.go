package knowledge

// Calibrating the decision thresholds (see decide) on tuning outcomes.

// The targets the thresholds aim for: the share of answerable questions
// answered with the right topic or offered it among the choices, and the
// share of questions hirebot cannot answer that are answered honestly.
const (
	targetTop1         = 0.90
	targetTopOrChoices = 0.97
	targetHonest       = 0.97
)

// calibrationGrid lists the values tried for each threshold.
var calibrationGrid = struct {
	answer, margin, second, offer []float64
}{
	answer: steps(0, 0.9, 0.05),
	margin: steps(0, 0.5, 0.05),
	second: []float64{0.15, 0.25, 0.35, 0.5, 0.7},
	offer:  steps(0, 0.6, 0.1),
}

// steps returns from, from+step, … up to to.
func steps(from, to, step float64) []float64 {
	var out []float64
	for i := 0; ; i++ {
		v := from + float64(i)*step
		if v > to+1e-9 {
			return out
		}
		out = append(out, float64(int(v*1000+0.5))/1000)
	}
}

// calibrate returns the thresholds that do best on records: most right
// first answers, with honest replies and right-or-offered answers kept
// at their targets (a shortfall costs four times what it would add; the
// first answers have a target too, so that offering choices is not bought
// with answers that were right), and
// greetings kept as small talk. Of equally good thresholds, the first in
// the grid's order wins.
func calibrate(records []record) (thresholds, float64) {
	best, bestScore := thresholds{}, -1e9
	g := calibrationGrid
	for _, a := range g.answer {
		for _, m := range g.margin {
			for _, s := range g.second {
				for _, o := range g.offer {
					th := thresholds{Answer: a, Margin: m, Second: s, Offer: o}
					if sc := score(records, th); sc > bestScore+1e-12 {
						best, bestScore = th, sc
					}
				}
			}
		}
	}
	return best, bestScore
}

// score rates thresholds on records (see calibrate). A small-talk reply
// to a question that is not small talk counts against it twice: the
// question is not answered honestly (though Figures, which reports what
// a reply is, counts small talk among the honest non-answers), and the
// small-talk replies lose precision, which counts as much as their
// recall. Otherwise thresholds (or any correction of the classes'
// priors) could buy "honest" replies by chatting back at legal questions.
func score(records []record, th thresholds) float64 {
	var f Figures
	chats, wrongChats := 0, 0
	for _, r := range records {
		out, choices := r.outcome(th)
		f.Add(r.q.Label, out, choices)
		if out != LabelSocial {
			continue
		}
		chats++
		if l := r.q.Label; l != LabelSocial {
			wrongChats++
			if !Answerable(l) && l != LabelRoleMiss {
				f.Honest--
			}
		}
	}
	precision := 1.0
	if chats > 0 {
		precision = float64(chats-wrongChats) / float64(chats)
	}
	top1, toc, honest, social := f.Rates()
	return top1 + toc + honest + 0.25*social + 0.25*precision -
		4*max(0, targetTop1-top1) - 4*max(0, targetTopOrChoices-toc) - 4*max(0, targetHonest-honest)
}
