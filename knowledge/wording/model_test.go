package wording

import (
	"bytes"
	"os"
	"testing"
)

// TestClassifierModelIsFresh retrains the classifier from the writers'
// sentences and fails when the embedded model differs: a change to the
// data, the features or the training that was not followed by
// "go run ./knowledge/wording/cmd/train-classifier".
func TestClassifierModelIsFresh(t *testing.T) {
	sets, err := TrainingSets(os.DirFS("testdata/writers"), mustRead(t, "testdata/sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	model, report, err := BuildModel(sets)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(model, classifierModel) {
		t.Fatalf("classifier.model is stale (%d bytes embedded, %d retrained); run: go run ./knowledge/wording/cmd/train-classifier", len(classifierModel), len(model))
	}
	if _, err := decodeClassifier(model); err != nil {
		t.Fatal(err)
	}
	// The threshold keeps every writer's fold, and the folds together,
	// within the false-positive limit (a fold whose rules alone flag more
	// within what they flag).
	if fp := report.Pooled.FalsePositiveRate(); fp > defaultTraining.maxFP {
		t.Errorf("pooled false positives %.2f%% above %.2f%%", 100*fp, 100*defaultTraining.maxFP)
	}
	for i, f := range report.Folds {
		limit := max(defaultTraining.maxFP, report.RulesFolds[i].FalsePositiveRate())
		if !sets[i].TrainOnly && f.FalsePositiveRate() > limit {
			t.Errorf("fold %s: false positives %.2f%% above %.2f%%", report.Names[i], 100*f.FalsePositiveRate(), 100*limit)
		}
	}
	t.Logf("threshold %.4f; leave-one-writer-out recall %.1f%%, false positives %.1f%%",
		report.Threshold, 100*report.Pooled.Recall(), 100*report.Pooled.FalsePositiveRate())
}

// TestClassifierModelRoundTrip: a decoded model encodes to the same bytes.
func TestClassifierModelRoundTrip(t *testing.T) {
	m, err := decodeClassifier(classifierModel)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.encode(), classifierModel) {
		t.Fatal("decoding and encoding the model changes it")
	}
	if len(m.classes) != len(protected)+1 {
		t.Fatalf("model has %d classes; want clean and the %d protected categories", len(m.classes), len(protected))
	}
}

// BenchmarkDecodeClassifier is the start-up cost the embedded model adds:
// the checker decodes it once, on first use.
func BenchmarkDecodeClassifier(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeClassifier(classifierModel); err != nil {
			b.Fatal(err)
		}
	}
}

// TestThresholdOf: a category with its own lower threshold is reported
// from it; the others, and an old model without any, at the threshold.
func TestThresholdOf(t *testing.T) {
	m := &classifier{classes: []string{"", "age", "identity"}, threshold: 0.7, lower: []float64{0, 0, 0.55}}
	for _, tt := range []struct {
		category string
		want     float64
	}{{"identity", 0.55}, {"age", 0.7}, {"caste", 0.7}} {
		if got := m.thresholdOf(tt.category); got != tt.want {
			t.Errorf("thresholdOf(%q) = %v; want %v", tt.category, got, tt.want)
		}
	}
	m.lower = nil
	if got := m.thresholdOf("identity"); got != 0.7 {
		t.Errorf("without lower thresholds: %v; want 0.7", got)
	}
}

// TestLowerThresholds: a category's threshold comes down to the last
// sentence it catches before it would flag a clean one, and never below
// the floor.
func TestLowerThresholds(t *testing.T) {
	risky := func(cat string, risk float64) sentenceRisk { return sentenceRisk{category: cat, risk: risk} }
	risks := []sentenceRisk{risky("identity", 0.65), risky("identity", 0.6), risky("identity", 0.55), risky("age", 0.45)}
	clean := map[float64]bool{0.55: true} // the sentence at 0.55 is clean
	score := func(lower map[string]float64) Scorecard {
		var s Scorecard
		for _, r := range risks {
			th := 0.7
			if l, ok := lower[r.category]; ok {
				th = l
			}
			switch {
			case r.risk < th:
			case clean[r.risk]:
				s.FalsePositives++
			default:
				s.Caught++
			}
		}
		return s
	}
	got := lowerThresholds(0.7, 0.5, risks, score)
	if len(got) != 1 || got["identity"] != 0.6 {
		t.Fatalf("lowerThresholds = %v; want identity at 0.6 only (age's 0.45 is under the floor)", got)
	}
}
