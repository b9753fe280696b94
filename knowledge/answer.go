package knowledge

import "slices"

// answerByModel fills in l's reply to a free-text question from the topic
// model's decision: the passage of the topic it answers with, the topics
// to choose from, a pointer, small talk, or not covered.
func (p *Pack) answerByModel(l *Lookup, q question, args string) {
	tm := p.model
	rest := q.words
	if q.roleLed {
		rest = q.words[1:]
	}
	words := q.raw
	ranked, terms := p.searchedWords(words)
	probs := tm.probabilitiesOf(args, words, q.titles(p), ranked)
	if probs == nil { // no word the model knows: not covered
		l.Suggestions = p.suggestShort(l.Role, rest)
		return
	}
	order := tm.rank(probs)
	d := tm.decideRanked(order, probs, tm.meta.Decide)
	topics := func(classes []int) []Topic {
		var out []Topic
		for _, c := range classes {
			out = append(out, p.Topics[tm.topic[c]])
		}
		return out
	}
	switch d.kind {
	case decideAnswer:
		if tm.label[d.class] == LabelJD {
			l.Pointer = PointJD
			return
		}
		doc := tm.topic[d.class]
		t := p.Topics[doc]
		if p.askedElsewhere(q, t) {
			l.Elsewhere = &Elsewhere{Asked: l.Role, Found: t, Nearest: p.nearestOf(l.Role, t)}
			return
		}
		l.Answer = &Answer{Topic: t, Passage: p.index.shapedPassage(t, doc, terms, shapeOfWords(words)), Confidence: probs[d.class]}
		l.Results = make([]Result, 0, maxChoices)
		l.Results = append(l.Results, Result{Topic: t, Score: probs[d.class], Confidence: probs[d.class], doc: doc})
		for _, c := range order.topics[1:] {
			if len(l.Results) == maxChoices {
				break
			}
			l.Results = append(l.Results, Result{Topic: p.Topics[tm.topic[c]], Score: probs[c], Confidence: probs[c], doc: tm.topic[c]})
		}
		if len(rest) == 1 && !p.knows(rest[0]) {
			l.Suggestions = p.suggestAll(l.Role, rest)
		}
	case decideChoices:
		l.Choices = topics(d.offered)
	case decideDecline:
		l.Nearest = topics(d.offered)
		switch tm.label[d.class] {
		case LabelLegal:
			l.Pointer = PointLegal
		case LabelOtherRole:
			l.Pointer = PointOtherRole
		case LabelSocial:
			l.Social, l.Nearest = Chat, nil
		default:
			l.Suggestions = p.suggestShort(l.Role, rest)
		}
	default:
		l.Nearest = topics(d.offered)
		l.Suggestions = p.suggestShort(l.Role, rest)
	}
}

// maxSuggestWords is the most words a miss may have for "did you mean"
// topic names: a longer question is not a misspelt topic name, and its
// nearest topics are offered instead.
const maxSuggestWords = 3

// suggestShort is suggestAll for a miss of at most maxSuggestWords words.
func (p *Pack) suggestShort(role string, words []string) []string {
	if len(words) > maxSuggestWords {
		return nil
	}
	return p.suggestAll(role, words)
}

// askedElsewhere reports whether a question led by a role word ("cio …")
// is answered by a topic of another role that it does not name: the
// role asked lacks that topic.
func (p *Pack) askedElsewhere(q question, t Topic) bool {
	return q.roleLed && t.Role != q.role && !slices.Contains(q.words, t.Role)
}
