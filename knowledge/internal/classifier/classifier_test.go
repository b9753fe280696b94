package classifier

import (
	"bytes"
	"errors"
	"testing"
)

// toy is a small problem: class 0 has feature 1, class 1 feature 2, class
// 2 feature 3; feature 9 is noise in every class.
func toy() ([]string, []Example) {
	var ex []Example
	for i := 0; i < 30; i++ {
		c := i % 3
		ex = append(ex, Example{Class: c, Weight: 1, Features: []Feature{{uint64(c + 1), 0.7}, {9, 0.7}}})
	}
	return []string{"a", "b", "c"}, ex
}

var toyParams = Params{L2: 1e-4, Rate: 0.5, Epochs: 10, MinCount: 1, Seed: 7}

func TestTrainPredicts(t *testing.T) {
	classes, ex := toy()
	m, err := Train(classes, ex, toyParams)
	if err != nil {
		t.Fatal(err)
	}
	probs := make([]float64, 3)
	for c := 0; c < 3; c++ {
		m.Predict([]Feature{{uint64(c + 1), 1}}, probs)
		if best := argmax(probs); best != c || probs[c] < 0.8 {
			t.Errorf("feature %d: probabilities %.3f, want class %d above 0.8", c+1, probs, c)
		}
	}
	m.Predict([]Feature{{12345, 1}}, probs) // unknown: the priors, equal here
	for _, p := range probs {
		if p < 0.2 || p > 0.5 {
			t.Errorf("an unknown feature gives %.3f; want about a third each", probs)
		}
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	classes, ex := toy()
	a, _ := Train(classes, ex, toyParams)
	b, _ := Train(classes, ex, toyParams)
	if !bytes.Equal(a.Marshal([]byte("x")), b.Marshal([]byte("x"))) {
		t.Error("the same examples and parameters gave two different models")
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	classes, ex := toy()
	m, _ := Train(classes, ex, toyParams)
	data := m.Marshal([]byte(`{"k":1}`))
	got, meta, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if string(meta) != `{"k":1}` || !bytes.Equal(got.Marshal(meta), data) || got.Size() != m.Size() {
		t.Errorf("round trip changed the model: meta %q, %d features, want %d", meta, got.Size(), m.Size())
	}
	for _, bad := range [][]byte{nil, []byte("nope"), data[:len(data)-1], append(append([]byte{}, data...), 0)} {
		if _, _, err := Unmarshal(bad); !errors.Is(err, ErrFormat) {
			t.Errorf("Unmarshal(%d bytes) = %v, want ErrFormat", len(bad), err)
		}
	}
}

func TestTrainRefuses(t *testing.T) {
	if _, err := Train([]string{"a"}, nil, toyParams); err == nil {
		t.Error("one class: want an error")
	}
	if _, err := Train([]string{"a", "b"}, []Example{{Class: 5}}, toyParams); err == nil {
		t.Error("a class out of range: want an error")
	}
	if _, err := Train([]string{"a", "b"}, nil, Params{}); err == nil {
		t.Error("zero epochs: want an error")
	}
}

func argmax(p []float64) int {
	best := 0
	for i, v := range p {
		if v > p[best] {
			best = i
		}
	}
	return best
}
