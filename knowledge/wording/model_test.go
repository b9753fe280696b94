package wording

import (
	"bytes"
	"encoding/binary"
	"math"
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
	// The threshold keeps the folds together within the false-positive
	// limit, and on each writer's fold the classifier adds at most its
	// share to what the rules flag.
	if fp := report.Pooled.FalsePositiveRate(); fp > defaultTraining.maxFP {
		t.Errorf("pooled false positives %.2f%% above %.2f%%", 100*fp, 100*defaultTraining.maxFP)
	}
	for i, f := range report.Folds {
		added := f.FalsePositives - report.RulesFolds[i].FalsePositives
		if !sets[i].TrainOnly && float64(added) > defaultTraining.foldFP*float64(f.Clean) {
			t.Errorf("fold %s: the classifier adds %d false positives to the rules' %d of %d", report.Names[i], added, report.RulesFolds[i].FalsePositives, f.Clean)
		}
	}
	// The nested figures choose the thresholds without each writer too,
	// so they can only be as good as the pooled ones, give or take the
	// thresholds' luck; they must be there.
	if report.Nested.Risky != report.Pooled.Risky || report.Nested.Clean != report.Pooled.Clean {
		t.Errorf("nested figures cover %d risky and %d clean sentences; want the pooled folds' %d and %d",
			report.Nested.Risky, report.Nested.Clean, report.Pooled.Risky, report.Pooled.Clean)
	}
	if report.Veto < 0 || report.Veto >= report.Threshold {
		t.Errorf("veto %v outside [0, threshold %v)", report.Veto, report.Threshold)
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

// TestClassifierModelVersions: a version 4 model (no veto) still reads,
// vetoing nothing, and a veto at or above the threshold is refused.
func TestClassifierModelVersions(t *testing.T) {
	m, err := decodeClassifier(classifierModel)
	if err != nil {
		t.Fatal(err)
	}
	m.veto = 0
	v5 := m.encode()
	// Version 4 is version 5 without the veto's varint (0: one byte).
	head := len(modelMagic) + len(binary.AppendUvarint(nil, math.Float64bits(m.threshold)))
	for _, c := range m.classes {
		head += len(binary.AppendUvarint(nil, uint64(len(c)))) + len(c)
	}
	head += len(binary.AppendUvarint(nil, uint64(len(m.classes))))
	for _, w := range m.bias {
		head += len(binary.AppendVarint(nil, quantize(w)))
	}
	for _, l := range m.lower {
		head += len(binary.AppendUvarint(nil, math.Float64bits(l)))
	}
	v4 := append([]byte(modelMagicV4), v5[len(modelMagic):head]...)
	v4 = append(v4, v5[head+1:]...)
	old, err := decodeClassifier(v4)
	if err != nil {
		t.Fatalf("a version 4 model: %v", err)
	}
	if old.veto != 0 || len(old.keys) != len(m.keys) {
		t.Errorf("a version 4 model read with veto %v and %d features; want 0 and %d", old.veto, len(old.keys), len(m.keys))
	}
	m.veto = m.threshold
	if _, err := decodeClassifier(m.encode()); err == nil {
		t.Error("a veto at the threshold was accepted")
	}
}

// TestVeto: a rule's finding in a sentence the classifier reads as clean
// is dropped where the sentence says nothing of the applicant, and kept
// where it does, whatever the classifier says.
func TestVeto(t *testing.T) {
	m, err := decodeClassifier(classifierModel)
	if err != nil {
		t.Fatal(err)
	}
	never, always := *m, *m
	never.veto = 0
	always.veto = math.Nextafter(m.threshold, 0)
	for _, tt := range []struct {
		text   string
		vetoed bool // with a veto just below the threshold
	}{
		{"Our dress code is business casual, and cultural and religious dress is always appropriate.", true},
		{"You will lift and move equipment up to 25 kg.", false},
		{"Candidates must be under 40.", false},
	} {
		without := Default().withModel(&never).SentenceFindings(tt.text)
		with := Default().withModel(&always).SentenceFindings(tt.text)
		if protectedFindings(without) == 0 {
			t.Errorf("%q: no rule finding to veto", tt.text)
			continue
		}
		if got := protectedFindings(with) == 0; got != tt.vetoed {
			t.Errorf("%q: vetoed %v, want %v (%v)", tt.text, got, tt.vetoed, with)
		}
	}
}

// protectedFindings counts the rule findings of protected categories at
// warning or above.
func protectedFindings(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if IsProtected(f.Category) && f.Severity >= Warning && f.Severity != Review {
			n++
		}
	}
	return n
}
