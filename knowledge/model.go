package knowledge

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/hirebot/hirebot/knowledge/internal/classifier"
)

// The topic model: which topic a free-text question asks about, or which
// kind of question hirebot cannot answer (see Resolve). It is trained by
// `go run ./knowledge/internal/train` on the writers' labelled questions
// in testdata/queries/writers and the pack's own topic text, and embedded.

// ModelFile is where the trained model lives, relative to this package.
const ModelFile = "model/topics.model"

//go:embed model/topics.model
var embeddedModel []byte

// thresholds decide between answering, offering choices and abstaining
// (see decide). They are calibrated by leave-one-writer-out
// cross-validation, never set by hand.
type thresholds struct {
	Answer float64 `json:"answer"` // the top class's least probability to answer with it
	Margin float64 `json:"margin"` // and its least lead over the next class
	Second float64 `json:"second"` // a topic joins the choices at this share of the top's probability
	Offer  float64 `json:"offer"`  // the choices' least combined probability; below it, abstain
}

// modelMeta is what the model file keeps besides the weights: how
// features are made, how to decide, and how the model was trained and how
// it did in tuning, for the record.
type modelMeta struct {
	Features   featureParams     `json:"features"`
	Decide     thresholds        `json:"decide"`
	Training   classifier.Params `json:"training"`
	PackWeight float32           `json:"pack_weight"`
	Tuning     *TuningRecord     `json:"tuning,omitempty"`
}

// topicModel is a trained model laid over one pack.
type topicModel struct {
	pack  *Pack
	m     *classifier.Model
	meta  modelMeta
	topic []int // per class: index into the pack's topics, or -1
	class []int // per topic of the pack: its class, or -1
	label []string
}

// classes of a pack: its topics in pack order, then the pointer to /jd
// and the non-answers. The model's classes must be these.
func modelClasses(p *Pack) []string {
	var out []string
	for _, t := range p.Topics {
		out = append(out, t.ID)
	}
	return append(append(out, LabelJD), nonAnswers...)
}

// loadModel reads a model file's bytes and lays it over p.
func loadModel(p *Pack, data []byte) (*topicModel, error) {
	m, metaJSON, err := classifier.Unmarshal(data)
	if err != nil {
		return nil, fmt.Errorf("read topic model: %w", err)
	}
	var meta modelMeta
	if err := json.Unmarshal(metaJSON, &meta); err != nil {
		return nil, fmt.Errorf("read topic model: its settings: %w", err)
	}
	return attach(p, m, meta), nil
}

// attach lays m over p: each class that names one of p's topics stands
// for that topic. A topic the model does not know (one a custom pack
// adds) is found by name only.
func attach(p *Pack, m *classifier.Model, meta modelMeta) *topicModel {
	tm := &topicModel{pack: p, m: m, meta: meta, label: m.Classes}
	tm.class = make([]int, len(p.Topics))
	for i := range tm.class {
		tm.class[i] = -1
	}
	for c, id := range m.Classes {
		i := slices.IndexFunc(p.Topics, func(t Topic) bool { return t.ID == id })
		tm.topic = append(tm.topic, i)
		if i >= 0 {
			tm.class[i] = c
		}
	}
	return tm
}

// checkClasses reports a model trained for another pack: the embedded
// model must know exactly the embedded pack's topics.
func checkClasses(p *Pack, tm *topicModel) error {
	if want := modelClasses(p); !slices.Equal(tm.label, want) {
		return fmt.Errorf("the topic model (%s) was trained for other topics than the pack has: retrain it with `go run ./knowledge/internal/train`", ModelFile)
	}
	return nil
}

// probabilities returns the model's probability for each class of the
// question text, which search ranked as ranked (see searched), or nil when the model knows none of its words (then it
// would only guess from what questions usually are).
func (tm *topicModel) probabilities(text string, ranked []Result) []float64 {
	raw := wordsOf(text)
	return tm.probabilitiesOf(text, raw, tm.pack.titlesOf(raw), ranked)
}

// probabilitiesOf is probabilities with text's words (wordsOf) and what
// they say of job titles (titlesOf) given.
func (tm *topicModel) probabilitiesOf(text string, raw []string, titles titleMention, ranked []Result) []float64 {
	if tm.meta.Features.Rank <= 0 {
		ranked = nil
	}
	buf := featureBufs.Get().(*[]classifier.Feature)
	defer featureBufs.Put(buf)
	fs, words := tm.pack.featuresOf(text, raw, titles, tm.meta.Features, ranked, tm.m.Has, *buf)
	*buf = fs[:0] // keep what it grew to
	if words == 0 {
		return nil
	}
	probs := make([]float64, len(tm.label))
	tm.m.Predict(fs, probs)
	return probs
}

// featureBufs holds the buffers a question's features are made in: they
// are read once, by Predict, and not kept.
var featureBufs = sync.Pool{New: func() any {
	b := make([]classifier.Feature, 0, 512)
	return &b
}}

// decisionKind is what decide makes of a question.
type decisionKind int

const (
	decideAbstain decisionKind = iota // "I don't cover that", with the nearest topics
	decideAnswer                      // the top class: a topic, or the pointer to /jd
	decideChoices                     // close topics to choose from
	decideDecline                     // a non-answer class: legal, other-role, social or none
)

// decision is decide's verdict: its kind, the class it answers or
// declines with, and the classes to offer, best first.
type decision struct {
	kind    decisionKind
	class   int
	offered []int // choices, or the nearest topics when abstaining
}

// maxChoices is how many topics a reply offers to choose from.
const maxChoices = 3

// decide turns class probabilities into a decision. A non-answer class on
// top declines with it. An answerable class on top is the answer when its
// probability reaches th.Answer and leads the next class by th.Margin;
// otherwise the topics within th.Second of it (at most three) are offered
// as choices if together they hold th.Offer of the probability, and else
// the question is not covered, with the nearest topics as suggestions.
func (tm *topicModel) decide(probs []float64, th thresholds) decision {
	return tm.decideRanked(tm.rank(probs), probs, th)
}

// ranking is the classes of one prediction ordered by probability, and
// those of them that are topics.
type ranking struct {
	order, topics []int
}

// rank orders the classes by probs, best first (ties in class order).
func (tm *topicModel) rank(probs []float64) ranking {
	buf := make([]int, 2*len(probs))
	order := buf[:len(probs):len(probs)]
	// An insertion sort, stable: a class moves before those with less
	// probability only. For a few dozen classes it is quicker than
	// slices.SortStableFunc, and orders them the same.
	for i := range order {
		j := i
		for ; j > 0 && probs[i] > probs[order[j-1]]; j-- {
			order[j] = order[j-1]
		}
		order[j] = i
	}
	topics := buf[len(probs):len(probs)]
	for _, c := range order {
		if tm.topic[c] >= 0 {
			topics = append(topics, c)
		}
	}
	return ranking{order: order, topics: topics}
}

// decideRanked is decide with the ranking made already (calibration
// decides each question under many thresholds).
func (tm *topicModel) decideRanked(r ranking, probs []float64, th thresholds) decision {
	order, topics := r.order, r.topics
	top := order[0]
	nearest := topics[:min(len(topics), maxChoices)]
	switch {
	case Honest(tm.label[top]):
		return decision{kind: decideDecline, class: top, offered: nearest}
	case tm.label[top] != LabelJD && tm.topic[top] < 0: // a topic this pack lacks
		return decision{kind: decideAbstain, offered: nearest}
	}
	second := 0.0
	if len(order) > 1 {
		second = probs[order[1]]
	}
	if probs[top] >= th.Answer && probs[top]-second >= th.Margin {
		return decision{kind: decideAnswer, class: top}
	}
	var offer []int
	mass := 0.0
	for _, c := range topics {
		if len(offer) == maxChoices || probs[c] < th.Second*probs[top] {
			break
		}
		offer = append(offer, c)
		mass += probs[c]
	}
	if len(offer) > 0 && mass >= th.Offer {
		return decision{kind: decideChoices, offered: offer}
	}
	return decision{kind: decideAbstain, offered: nearest}
}

// WithModel returns a copy of p that decides free-text questions with the
// topic model in data (as the training command writes it), to score a
// model before it is embedded. p is not changed.
func (p *Pack) WithModel(data []byte) (*Pack, error) {
	tm, err := loadModel(p, data)
	if err != nil {
		return nil, err
	}
	c := *p
	c.model = attach(&c, tm.m, tm.meta)
	return &c, nil
}
