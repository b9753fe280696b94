package knowledge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/hirebot/hirebot/knowledge/internal/classifier"
)

// Training the topic model (see model.go). The writers' questions are
// split by writer: every figure called "tuning" comes from models that
// never saw the writer whose questions they answer.

// Where the labelled questions the model learns from live, in the
// knowledge package's directory: each writer's file, and the repo's older
// labelled set, which is one more writer.
const (
	WritersDir   = "testdata/queries/writers"
	LabelledFile = "testdata/queries/labelled.tsv"
)

// ReadTrainingData reads the labelled questions the topic model is trained
// and tuned on from fsys (the knowledge package's directory): each
// writer's file in WritersDir (*.tsv, in name order, the writer named by
// the file), then LabelledFile as the writer "labelled".
func ReadTrainingData(fsys fs.FS) ([]Writer, error) {
	files, err := fs.Glob(fsys, path.Join(WritersDir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no writers' files (*.tsv) in %s", WritersDir)
	}
	slices.Sort(files)
	var out []Writer
	for _, f := range append(files, LabelledFile) {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		qs, err := ReadLabelled(bytes.NewReader(b), path.Base(f))
		if err != nil {
			return nil, err
		}
		out = append(out, Writer{Name: strings.TrimSuffix(path.Base(f), ".tsv"), Questions: qs})
	}
	return out, nil
}

// Writer is one writer's labelled questions.
type Writer struct {
	Name      string
	Questions []LabelledQuestion
}

// FeatureParams is featureParams, for the training command.
type FeatureParams = featureParams

// TrainConfig is how to train the topic model.
type TrainConfig struct {
	Features   FeatureParams
	Params     classifier.Params
	PackWeight float32 // how much one line of the pack's topic text counts, as an example
}

// DefaultTraining is the configuration the embedded model is trained
// with. Its hyper-parameters were chosen by leave-one-writer-out
// cross-validation: `go run ./knowledge/internal/train -search`.
var DefaultTraining = TrainConfig{
	Features:   FeatureParams{Bigram: 0.7, Chars: 0.2, MinN: 3, MaxN: 3, Rank: 1, Length: 0.3},
	Params:     classifier.Params{L2: 3e-4, Rate: 0.3, Epochs: 12, MinCount: 2, Seed: 23, UnknownShare: true},
	PackWeight: 0.2,
}

// Figures count how a set of labelled questions was answered.
type Figures struct {
	Answerable   int `json:"answerable"`     // questions labelled with a topic or jd-help
	Top1         int `json:"top1"`           // of them, answered with their label
	TopOrChoices int `json:"top_or_choices"` // answered with it, or offered it among the choices
	Choices      int `json:"choices"`        // answerable questions answered with choices
	NonAnswer    int `json:"non_answer"`     // labelled none, legal or other-role
	Honest       int `json:"honest"`         // of them, answered honestly (see Honest)
	Social       int `json:"social"`         // labelled social
	SocialRight  int `json:"social_right"`   // of them, answered as small talk
	RoleMiss     int `json:"role_miss"`      // labelled role-miss
	RoleMissOK   int `json:"role_miss_ok"`   // of them, answered as such
}

// Add counts one question labelled label whose lookup had outcome, with
// choices offered.
func (f *Figures) Add(label, outcome string, choices []string) {
	switch {
	case label == LabelSocial:
		f.Social++
		if outcome == LabelSocial {
			f.SocialRight++
		}
	case label == LabelRoleMiss:
		f.RoleMiss++
		if outcome == LabelRoleMiss {
			f.RoleMissOK++
		}
	case Answerable(label):
		f.Answerable++
		if outcome == label {
			f.Top1++
		}
		if outcome == label || outcome == LabelChoices && slices.Contains(choices, label) {
			f.TopOrChoices++
		}
		if outcome == LabelChoices {
			f.Choices++
		}
	default:
		f.NonAnswer++
		if Honest(outcome) {
			f.Honest++
		}
	}
}

// Rates returns top-1, top-or-choices, honest and social as shares.
func (f Figures) Rates() (top1, topOrChoices, honest, social float64) {
	share := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	return share(f.Top1, f.Answerable), share(f.TopOrChoices, f.Answerable),
		share(f.Honest, f.NonAnswer), share(f.SocialRight, f.Social)
}

// String is the figures in one line.
func (f Figures) String() string {
	t, c, h, s := f.Rates()
	return fmt.Sprintf("top-1 %d/%d = %.1f%% · top-or-choices %d/%d = %.1f%% (choices %d) · honest %d/%d = %.1f%% · social %d/%d = %.1f%%",
		f.Top1, f.Answerable, 100*t, f.TopOrChoices, f.Answerable, 100*c, f.Choices,
		f.Honest, f.NonAnswer, 100*h, f.SocialRight, f.Social, 100*s)
}

// Report is how a training run did: in tuning, the thresholds calibrated
// on the out-of-writer outcomes and the figures they give, pooled and per
// writer left out, with every miss; and on the training questions
// themselves, once the final model is trained.
type Report struct {
	Thresholds thresholds
	Pooled     Figures
	PerWriter  []WriterFigures
	Misses     []LabelledMiss
	Training   Figures
	// Ceiling is the tuning figures with no thresholds at all: the top
	// class always taken.
	Ceiling Figures
}

// TuningRecord is the part of a Report the model file keeps.
type TuningRecord struct {
	Thresholds thresholds      `json:"thresholds"`
	Pooled     Figures         `json:"pooled"`
	PerWriter  []WriterFigures `json:"per_writer"`
}

// WriterFigures are the tuning figures of one writer's questions.
type WriterFigures struct {
	Writer  string  `json:"writer"`
	Figures Figures `json:"figures"`
}

// LabelledMiss is a tuning question answered otherwise than its label.
type LabelledMiss struct {
	Question LabelledQuestion
	Outcome  string
	Choices  []string
}

// CrossValidate tunes the decision thresholds by leave-one-writer-out
// cross-validation: for each writer, a model trained on base's topic text
// and the other writers resolves that writer's questions; the thresholds
// that do best on all these outcomes (see calibrate) are chosen, and the
// report gives their figures, pooled and per writer. Score is the
// calibration's score of the chosen thresholds, for comparing
// configurations.
func CrossValidate(base *Pack, writers []Writer, cfg TrainConfig) (rep *Report, score float64, err error) {
	classes := modelClasses(base)
	if err := checkLabels(classes, writers); err != nil {
		return nil, 0, err
	}
	pack := packExamples(base, classes, cfg)
	examples := make([][]classifier.Example, len(writers))
	for i, w := range writers {
		examples[i] = base.questionExamples(w, classes, cfg)
	}
	// Each writer's fold on its own goroutine; the results are gathered
	// in writer order, so the outcome does not depend on scheduling.
	folds := make([][]record, len(writers))
	errs := make([]error, len(writers))
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			folds[i], errs[i] = base.fold(writers, examples, pack, i, classes, cfg)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, 0, err
	}
	var records []record
	perWriter := make([][]int, len(writers)) // indexes into records
	for i, f := range folds {
		for _, r := range f {
			perWriter[i] = append(perWriter[i], len(records))
			records = append(records, r)
		}
	}
	th, best := calibrate(records)
	rep = &Report{Thresholds: th}
	for i, w := range writers {
		var f Figures
		for _, r := range perWriter[i] {
			out, choices := records[r].outcome(th)
			f.Add(records[r].q.Label, out, choices)
			rep.Pooled.Add(records[r].q.Label, out, choices)
			if out != records[r].q.Label {
				rep.Misses = append(rep.Misses, LabelledMiss{Question: records[r].q, Outcome: out, Choices: choices})
			}
		}
		rep.PerWriter = append(rep.PerWriter, WriterFigures{Writer: w.Name, Figures: f})
	}
	for _, r := range records {
		out, choices := r.outcome(thresholds{})
		rep.Ceiling.Add(r.q.Label, out, choices)
	}
	return rep, best, nil
}

// fold trains a model on the pack's text and every writer but the i-th,
// and resolves the i-th writer's questions with it.
func (p *Pack) fold(writers []Writer, examples [][]classifier.Example, pack []classifier.Example, i int, classes []string, cfg TrainConfig) ([]record, error) {
	train := slices.Clone(pack)
	for j := range writers {
		if j != i {
			train = append(train, examples[j]...)
		}
	}
	m, err := classifier.Train(classes, train, cfg.Params)
	if err != nil {
		return nil, fmt.Errorf("train without %s: %w", writers[i].Name, err)
	}
	tm := attach(p, m, modelMeta{Features: cfg.Features})
	out := make([]record, 0, len(writers[i].Questions))
	for _, q := range writers[i].Questions {
		out = append(out, p.record(tm, q))
	}
	return out, nil
}

// Train cross-validates cfg on the writers (see CrossValidate), then
// trains the topic model on base's topic text and every writer's
// questions, and returns the model file's bytes, with the calibrated
// thresholds and the tuning report inside, and the report with the
// training figures added. The same inputs always give the same bytes.
func Train(base *Pack, writers []Writer, cfg TrainConfig) ([]byte, *Report, error) {
	rep, _, err := CrossValidate(base, writers, cfg)
	if err != nil {
		return nil, nil, err
	}
	classes := modelClasses(base)
	all := packExamples(base, classes, cfg)
	for _, w := range writers {
		all = append(all, base.questionExamples(w, classes, cfg)...)
	}
	m, err := classifier.Train(classes, all, cfg.Params)
	if err != nil {
		return nil, nil, fmt.Errorf("train on every writer: %w", err)
	}
	meta := modelMeta{Features: cfg.Features, Decide: rep.Thresholds, Training: cfg.Params,
		PackWeight: cfg.PackWeight, Tuning: &TuningRecord{Thresholds: rep.Thresholds, Pooled: rep.Pooled, PerWriter: rep.PerWriter}}
	metaJSON, err := json.Marshal(meta)
	if err != nil {
		return nil, nil, fmt.Errorf("encode the model's settings: %w", err)
	}
	tm := attach(base, m, meta)
	for _, w := range writers {
		for _, q := range w.Questions {
			out, choices := base.record(tm, q).outcome(rep.Thresholds)
			rep.Training.Add(q.Label, out, choices)
		}
	}
	return m.Marshal(metaJSON), rep, nil
}

// checkLabels reports questions whose label is not one of classes.
func checkLabels(classes []string, writers []Writer) error {
	var bad []string
	for _, w := range writers {
		for _, q := range w.Questions {
			if !slices.Contains(classes, q.Label) && q.Label != LabelRoleMiss {
				bad = append(bad, fmt.Sprintf("%s: label %q is not a topic id, %s or one of %s", q.Source, q.Label, LabelJD, strings.Join(nonAnswers, ", ")))
			}
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("unknown labels:\n%s", strings.Join(bad, "\n"))
	}
	return nil
}

// packExamples turns the pack's own text into examples of its topics: a
// topic's title, summary, each paragraph and point, its keywords and its
// names, each at cfg.PackWeight.
func packExamples(p *Pack, classes []string, cfg TrainConfig) []classifier.Example {
	var out []classifier.Example
	for _, t := range p.Topics {
		c := slices.Index(classes, t.ID)
		texts := []string{t.Title, t.Summary, strings.Join(t.Keywords, " "),
			strings.ReplaceAll(strings.Join(append([]string{t.Name}, t.Aliases...), " "), "-", " ")}
		texts = append(append(texts, t.Body...), t.Points...)
		for _, s := range texts {
			if s = prose(s); strings.TrimSpace(s) != "" {
				out = append(out, classifier.Example{Features: features(p.questionFeatures(s, cfg.Features, nil, nil)), Class: c, Weight: cfg.PackWeight})
			}
		}
	}
	return out
}

// questionExamples turns a writer's questions into examples.
func (p *Pack) questionExamples(w Writer, classes []string, cfg TrainConfig) []classifier.Example {
	out := make([]classifier.Example, 0, len(w.Questions))
	for _, q := range w.Questions {
		c := slices.Index(classes, q.Label)
		if c < 0 {
			continue // role-miss: the rules' business, not the model's
		}
		var ranked []Result
		if cfg.Features.Rank > 0 {
			ranked, _ = p.searched(q.Text)
		}
		out = append(out, classifier.Example{Features: features(p.questionFeatures(q.Text, cfg.Features, ranked, nil)),
			Class: c, Weight: 1})
	}
	return out
}

// record is what Resolve makes of a question before the thresholds: the
// outcome of the rules that come before the model, or else the model's
// probabilities, ranked.
type record struct {
	q     LabelledQuestion
	fixed string // the rules' outcome; "" when the model decides
	tm    *topicModel
	probs []float64 // the model's probabilities
	r     ranking
	// elsewhere reports whether answering with a class is a topic of a
	// role the question did not ask (see askedElsewhere).
	elsewhere func(class int) bool
}

// record resolves q up to the model's decision, with tm as the model.
func (p *Pack) record(tm *topicModel, q LabelledQuestion) record {
	rec := record{q: q, tm: tm}
	l, pq, free := p.rules(q.Text)
	if !free {
		rec.fixed = Outcome(l)
		return rec
	}
	ranked, _ := p.searched(q.Text)
	rec.probs = tm.probabilities(q.Text, ranked)
	if rec.probs == nil {
		rec.fixed = LabelNone // nothing the model knows
		return rec
	}
	rec.r = tm.rank(rec.probs)
	rec.elsewhere = func(c int) bool { return p.askedElsewhere(pq, p.Topics[tm.topic[c]]) }
	return rec
}

// outcome is the record's outcome under th, with the choices offered.
func (r record) outcome(th thresholds) (string, []string) {
	if r.probs == nil {
		return r.fixed, nil
	}
	d := r.tm.decideRanked(r.r, r.probs, th)
	switch d.kind {
	case decideAnswer:
		label := r.tm.label[d.class]
		if label != LabelJD && r.elsewhere(d.class) {
			return LabelRoleMiss, nil
		}
		return label, nil
	case decideChoices:
		var ids []string
		for _, c := range d.offered {
			ids = append(ids, r.tm.label[c])
		}
		return LabelChoices, ids
	case decideDecline:
		return r.tm.label[d.class], nil
	}
	return LabelNone, nil
}

// features drops questionFeatures' word count.
func features(fs []classifier.Feature, _ int) []classifier.Feature { return fs }
