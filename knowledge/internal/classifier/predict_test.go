package classifier

import (
	"math"
	"testing"
)

// predictEach is Predict as it was first written, adding one row at a
// time: the reference that Predict's rows four at a time must match.
func predictEach(m *Model, features []Feature, probs []float64) {
	c := len(m.Classes)
	sums := probs[:c]
	clear(sums)
	norm, unknown := 0.0, 0
	add := func(r int32, v float64) {
		row := m.weights[int(r)*c : int(r)*c+c]
		norm += v * v
		for j, w := range row {
			sums[j] += v * float64(w)
		}
	}
	for _, f := range features {
		r, ok := m.row(f.Key)
		if !ok {
			unknown++
			continue
		}
		add(r, float64(f.Value))
	}
	if m.unknownShare {
		u := unknownShare(unknown, len(features))
		if r, ok := m.row(u.Key); ok {
			add(r, float64(u.Value))
		}
	}
	scale := 1.0
	if m.knownNorm && norm > 0 {
		scale = 1 / math.Sqrt(norm)
	}
	for j := range sums {
		sums[j] = sums[j]*scale*float64(m.scales[j]) + float64(m.bias[j])
	}
	Softmax(sums)
}

// TestPredictMatchesEach checks that Predict gives the same
// probabilities, to the bit, as adding the rows one at a time, for
// every number of known features modulo four and with unknown ones.
func TestPredictMatchesEach(t *testing.T) {
	classes := []string{"a", "b", "c", "d", "e", "f", "g"}
	rng := splitmix(11)
	var ex []Example
	for i := 0; i < 400; i++ {
		var fs []Feature
		for k := 0; k < 12; k++ {
			fs = append(fs, Feature{Key: rng.next()%300 + 1, Value: float32(rng.next()%1000) / 997})
		}
		ex = append(ex, Example{Class: i % len(classes), Weight: 1, Features: dedupe(fs)})
	}
	for _, p := range []Params{
		{L2: 1e-4, Rate: 0.5, Epochs: 5, MinCount: 1, Seed: 3},
		{L2: 1e-4, Rate: 0.5, Epochs: 5, MinCount: 1, Seed: 3, KnownNorm: true, UnknownShare: true},
	} {
		m, err := Train(classes, ex, p)
		if err != nil {
			t.Fatal(err)
		}
		got, want := make([]float64, len(classes)), make([]float64, len(classes))
		for n := 0; n < 40; n++ {
			var fs []Feature
			for k := 0; k < n; k++ {
				// Values of every magnitude and a full mantissa: a change in
				// the order of the additions would show in the last bits.
				v := math.Float32frombits(uint32(rng.next()>>40) | 0x3f800000) // [1, 2)
				v = float32(math.Ldexp(float64(v), int(rng.next()%40)-20))
				if rng.next()%2 == 0 {
					v = -v
				}
				fs = append(fs, Feature{Key: rng.next()%340 + 1, Value: v})
			}
			m.Predict(fs, got)
			predictEach(m, fs, want)
			for j := range got {
				if math.Float64bits(got[j]) != math.Float64bits(want[j]) {
					t.Fatalf("%+v, %d features: Predict = %v, one row at a time %v", p, n, got, want)
				}
			}
		}
	}
}

// dedupe keeps the first feature of each key.
func dedupe(fs []Feature) []Feature {
	seen := map[uint64]bool{}
	out := fs[:0]
	for _, f := range fs {
		if !seen[f.Key] {
			seen[f.Key] = true
			out = append(out, f)
		}
	}
	return out
}
