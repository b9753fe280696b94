// Package classifier is a multinomial logistic regression over sparse
// features, trained deterministically and stored compactly: the weights
// are quantised to one signed byte each, with a scale per class. It knows
// nothing of questions or topics: a feature is a 64-bit key with a value,
// a class an index into the model's class names.
package classifier

import (
	"math"
	"slices"
)

// Feature is one feature of an example and its value.
type Feature struct {
	Key   uint64
	Value float32
}

// Example is one training example.
type Example struct {
	Features []Feature // each key once
	Class    int       // index into the classes
	Weight   float32   // how much the example counts; 1 for an ordinary one
}

// Params are the training hyper-parameters.
type Params struct {
	L2       float64 // L2 penalty on the weights
	Rate     float64 // AdaGrad's base learning rate
	Epochs   int     // passes over the examples
	MinCount int     // a feature in fewer examples than this is left out
	Seed     uint64  // orders the examples in each pass
	// KnownNorm scales each example's features the model has to length 1
	// (in training and prediction), so that words it does not know do not
	// dilute the ones it does. Otherwise features are used as given.
	KnownNorm bool
	// UnknownShare adds a feature saying what share of an example's
	// features the model lacks (in fifths), so that it can learn what
	// questions full of words it has never seen tend to be.
	UnknownShare bool
}

// unknownShareKey is the key of the UnknownShare feature for bucket b; the
// keys are chosen not to collide with hashed ones in practice.
func unknownShareKey(b int) uint64 { return 0xfeedface00000000 | uint64(b) }

// unknownShare returns the UnknownShare feature for unknown of n features.
func unknownShare(unknown, n int) Feature {
	b := 0
	if n > 0 && unknown > 0 {
		b = 1 + min(3, 4*unknown/n) // 1: under a quarter … 4: three quarters or more
	}
	return Feature{Key: unknownShareKey(b), Value: 1}
}

// Model is a trained, quantised classifier. It is read-only and safe for
// concurrent use.
type Model struct {
	Classes      []string
	knownNorm    bool
	unknownShare bool
	keys         []uint64  // the features, ascending
	table        []int32   // key → row+1, open addressing by the key's low bits; 0 is empty
	weights      []int8    // row-major: len(keys) rows of len(Classes)
	scales       []float32 // per class: a weight is weights[r*C+c] * scales[c]
	bias         []float32
}

// Predict writes the probability of each class for features to probs,
// which must have len(m.Classes) elements. Features the model does not
// have count for nothing.
func (m *Model) Predict(features []Feature, probs []float64) {
	c := len(m.Classes)
	sums := probs[:c]
	clear(sums)
	// The rows of known features are added eight at a time (see
	// addRows), each class's sum taking them in the order of features.
	var b rowBatch
	unknown := 0
	for _, f := range features {
		r, ok := m.row(f.Key)
		if !ok {
			unknown++
			continue
		}
		b.add(m.weights[int(r)*c:int(r)*c+c], float64(f.Value), sums)
	}
	if m.unknownShare {
		u := unknownShare(unknown, len(features))
		if r, ok := m.row(u.Key); ok {
			b.add(m.weights[int(r)*c:int(r)*c+c], float64(u.Value), sums)
		}
	}
	for i := range b.n {
		addRow(sums, b.rows[i], b.vals[i])
	}
	norm := b.norm
	scale := 1.0
	if m.knownNorm && norm > 0 {
		scale = 1 / math.Sqrt(norm)
	}
	for j := range sums {
		sums[j] = sums[j]*scale*float64(m.scales[j]) + float64(m.bias[j])
	}
	Softmax(sums)
}

// rowBatch gathers the rows of known features and their values until it
// has eight to add at once, and the sum of the values' squares.
type rowBatch struct {
	rows [8][]int8
	vals [8]float64
	n    int
	norm float64
}

// add adds a row and its value, adding the batch to sums when full.
func (b *rowBatch) add(row []int8, v float64, sums []float64) {
	b.norm += v * v
	b.rows[b.n], b.vals[b.n] = row, v
	if b.n++; b.n == len(b.rows) {
		addRows(sums, &b.rows, &b.vals)
		b.n = 0
	}
}

// addRows adds eight rows of weights, each times its value, to sums: for
// each class, the first row's product first. A product of a float32 value
// and an int8 weight is exact in a float64, so the sums are the same, to
// the bit, as adding the rows one at a time (addRow).
func addRows(sums []float64, rows *[8][]int8, vals *[8]float64) {
	n := len(sums)
	r0, r1, r2, r3 := rows[0][:n], rows[1][:n], rows[2][:n], rows[3][:n]
	r4, r5, r6, r7 := rows[4][:n], rows[5][:n], rows[6][:n], rows[7][:n]
	v0, v1, v2, v3 := vals[0], vals[1], vals[2], vals[3]
	v4, v5, v6, v7 := vals[4], vals[5], vals[6], vals[7]
	for j := range sums {
		s := sums[j]
		s += v0 * float64(r0[j])
		s += v1 * float64(r1[j])
		s += v2 * float64(r2[j])
		s += v3 * float64(r3[j])
		s += v4 * float64(r4[j])
		s += v5 * float64(r5[j])
		s += v6 * float64(r6[j])
		s += v7 * float64(r7[j])
		sums[j] = s
	}
}

// addRow adds one row of weights times v to sums.
func addRow(sums []float64, row []int8, v float64) {
	row = row[:len(sums)]
	for j := range sums {
		sums[j] += v * float64(row[j])
	}
}

// Softmax turns scores into probabilities in place: each becomes
// exp(score - top) over the sum of them all. The wording check's own
// classifier uses it too.
func Softmax(z []float64) {
	top := math.Inf(-1)
	for _, v := range z {
		top = max(top, v)
	}
	sum := 0.0
	for i, v := range z {
		z[i] = math.Exp(v - top)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
}

// Size reports how many features the model holds.
func (m *Model) Size() int { return len(m.keys) }

// Has reports whether the model holds the feature key.
func (m *Model) Has(key uint64) bool {
	_, ok := m.row(key)
	return ok
}

// row returns the row of the feature key, if the model holds it.
func (m *Model) row(key uint64) (int32, bool) {
	mask := uint64(len(m.table) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		r := m.table[i]
		if r == 0 {
			return 0, false
		}
		if m.keys[r-1] == key {
			return r - 1, true
		}
	}
}

// buildIndex makes m.table from m.keys: at least twice as many slots as
// keys, so that probes stay short. The keys are hashes already; their
// low bits pick the slot.
func (m *Model) buildIndex() {
	n := 16
	for n < 2*len(m.keys) {
		n *= 2
	}
	m.table = make([]int32, n)
	mask := uint64(n - 1)
	for r, k := range m.keys {
		i := k & mask
		for m.table[i] != 0 {
			i = (i + 1) & mask
		}
		m.table[i] = int32(r + 1)
	}
}

// quantise turns float weights (rows of len(classes)) into the stored
// form: one scale per class so that the class's largest weight is ±127,
// and features whose every weight rounds to 0 left out.
func quantise(classes []string, keys []uint64, w []float32, bias []float32, p Params) *Model {
	c := len(classes)
	m := &Model{Classes: slices.Clone(classes), knownNorm: p.KnownNorm, unknownShare: p.UnknownShare,
		scales: make([]float32, c), bias: slices.Clone(bias)}
	for j := 0; j < c; j++ {
		top := float32(0)
		for r := range keys {
			top = max(top, float32(math.Abs(float64(w[r*c+j]))))
		}
		m.scales[j] = top / 127
		if top == 0 {
			m.scales[j] = 1
		}
	}
	row := make([]int8, c)
	for r, k := range keys {
		nonzero := false
		for j := 0; j < c; j++ {
			q := math.Round(float64(w[r*c+j] / m.scales[j]))
			row[j] = int8(max(-127, min(127, q)))
			nonzero = nonzero || row[j] != 0
		}
		if nonzero {
			m.keys = append(m.keys, k)
			m.weights = append(m.weights, row...)
		}
	}
	m.buildIndex()
	return m
}
