package classifier

import (
	"fmt"
	"math"
	"slices"
)

// skipGradient is the smallest error on a class for which a training step
// updates that class's weights: classes the model already rules out for
// an example are left alone, which makes training several times faster
// and changes little.
const skipGradient = 1e-3

// Train fits a model to the examples by AdaGrad on the cross-entropy with
// an L2 penalty, then quantises it. The result depends only on the
// examples, their order and p: the same inputs give the same bytes.
func Train(classes []string, examples []Example, p Params) (*Model, error) {
	c := len(classes)
	if c < 2 {
		return nil, fmt.Errorf("train: %d classes; need at least 2", c)
	}
	if p.Epochs < 1 || p.Rate <= 0 || p.L2 < 0 {
		return nil, fmt.Errorf("train: bad parameters %+v", p)
	}
	counts := make(map[uint64]int)
	for i, ex := range examples {
		if ex.Class < 0 || ex.Class >= c {
			return nil, fmt.Errorf("train: example %d has class %d of %d", i, ex.Class, c)
		}
		for _, f := range ex.Features {
			counts[f.Key]++
		}
	}
	var keys []uint64
	for k, n := range counts {
		if n >= max(p.MinCount, 1) {
			keys = append(keys, k)
		}
	}
	if p.UnknownShare {
		for b := 0; b <= 4; b++ {
			keys = append(keys, unknownShareKey(b))
		}
	}
	slices.Sort(keys)
	row := make(map[uint64]int32, len(keys))
	for i, k := range keys {
		row[k] = int32(i)
	}
	// Each example as rows of the weight matrix, once.
	type sparse struct {
		rows  []int32
		vals  []float32
		class int
		w     float32
	}
	data := make([]sparse, len(examples))
	for i, ex := range examples {
		s := sparse{class: ex.Class, w: ex.Weight}
		norm, unknown := 0.0, 0
		fs := ex.Features
		if p.UnknownShare {
			for _, f := range fs {
				if _, ok := row[f.Key]; !ok {
					unknown++
				}
			}
			fs = append(fs[:len(fs):len(fs)], unknownShare(unknown, len(ex.Features)))
		}
		for _, f := range fs {
			if r, ok := row[f.Key]; ok {
				s.rows = append(s.rows, r)
				s.vals = append(s.vals, f.Value)
				norm += float64(f.Value) * float64(f.Value)
			}
		}
		if p.KnownNorm && norm > 0 {
			scale := float32(1 / math.Sqrt(norm))
			for k := range s.vals {
				s.vals[k] *= scale
			}
		}
		data[i] = s
	}

	w := make([]float32, len(keys)*c)
	g2 := make([]float32, len(keys)*c) // AdaGrad's sums of squared gradients
	bias := make([]float32, c)
	b2 := make([]float32, c)
	z := make([]float64, c)
	grad := make([]float32, c)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := splitmix(p.Seed)
	rate, l2 := float32(p.Rate), float32(p.L2)
	const eps = 1e-8
	for epoch := 0; epoch < p.Epochs; epoch++ {
		shuffle(order, &rng)
		for _, i := range order {
			ex := data[i]
			for j := range z {
				z[j] = float64(bias[j])
			}
			for k, r := range ex.rows {
				v := float64(ex.vals[k])
				wr := w[int(r)*c : int(r)*c+c]
				for j := range z {
					z[j] += float64(float32(v) * wr[j])
				}
			}
			Softmax(z)
			for j := range grad {
				y := 0.0
				if j == ex.class {
					y = 1
				}
				grad[j] = ex.w * float32(z[j]-y)
			}
			for j, g := range grad {
				if g > -skipGradient && g < skipGradient {
					continue
				}
				b2[j] += float32(g * g)
				bias[j] -= rate * g / (float32(math.Sqrt(float64(b2[j]))) + eps)
			}
			for k, r := range ex.rows {
				v := ex.vals[k]
				base := int(r) * c
				for j, g := range grad {
					if g > -skipGradient && g < skipGradient {
						continue
					}
					at := base + j
					d := float32(g*v) + float32(l2*w[at])
					g2[at] += float32(d * d)
					w[at] -= rate * d / (float32(math.Sqrt(float64(g2[at]))) + eps)
				}
			}
		}
	}
	return quantise(classes, keys, w, bias, p), nil
}

// splitmix is the SplitMix64 generator: fixed, so that the order of the
// examples in each pass never changes with the Go version.
type splitmix uint64

func (s *splitmix) next() uint64 {
	*s += 0x9e3779b97f4a7c15
	z := uint64(*s)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// shuffle permutes order (Fisher–Yates) with rng.
func shuffle(order []int, rng *splitmix) {
	for i := len(order) - 1; i > 0; i-- {
		j := int(rng.next() % uint64(i+1))
		order[i], order[j] = order[j], order[i]
	}
}
