package wording

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	logreg "github.com/hirebot/hirebot/knowledge/internal/classifier"
	"math"
	"slices"
	"strings"
)

// A classifier is a multinomial logistic regression over the normalised
// words, word pairs and frames of a sentence (see sentenceFeatures). It
// labels a sentence clean or with a protected category; the checker
// reports a sentence it finds risky, and no rule caught, at severity
// Review. It is trained by BuildModel and embedded as classifier.model.
type classifier struct {
	classes   []string  // classes[0] is "" (clean); the rest protected categories
	keys      []uint32  // the features' hashes (featureKey), ascending
	starts    []int32   // feature i's weights are entries starts[i]:starts[i+1]
	class     []uint8   // each entry's class
	weight    []float32 // each entry's weight; classes a feature has no entry for weigh 0
	bias      []float32 // one per class
	threshold float64   // a sentence is risky when 1 - P(clean) is at least this
	// lower holds, by class, a threshold below threshold for the
	// sentences the classifier gives that category (0: none), chosen
	// where the held-out folds showed it costs no false positive.
	lower []float64
	// veto is the risk below which a protected rule's finding in a
	// sentence the classifier read is dropped: the rule's words are
	// there, but the sentence reads as clean (a benefit, a description,
	// a lawful requirement the rule's frame missed). 0 vetoes nothing.
	veto float64
}

// thresholdOf returns the risk at which a sentence the classifier gives
// category is reported.
func (m *classifier) thresholdOf(category string) float64 {
	for i, c := range m.classes {
		if c == category && i < len(m.lower) && m.lower[i] > 0 {
			return m.lower[i]
		}
	}
	return m.threshold
}

// A reading is what the classifier knows of one sentence beyond its
// words: its clauses, the constructions that carry a subject, the words
// that are no evidence where they stand (see quietTokens), and whether it
// rests on the law.
type reading struct {
	toks    []token // the sentence's tokens, norm set
	clauses []clause
	derived []derivedConcept
	quiet   []bool
	lawful  bool
}

// read reads one sentence, whose text is raw, for the classifier.
func (c *Checker) read(toks []token, raw string) reading {
	r := reading{toks: toks, clauses: readClauses(toks, raw), lawful: lawfulSentence(toks)}
	r.derived = derivedConcepts(toks, nil)
	r.quiet = quietTokens(toks, r.clauses, r.derived, c.allowedTokens(toks))
	return r
}

// sentenceFeatures returns the keys (see featureKey) of the features of
// one sentence: its normalised words ("w:"), adjacent pairs ("b:"), the
// frames of its clauses ("f:"), whether every clause only describes
// someone else ("f:descriptive"), whether it rests on the law
// ("f:lawful"), the constructions that carry a subject ("d:nopay", see
// derivedConcepts), and the concepts its words and constructions belong
// to ("c:age"), alone and with their clause's frame ("c:age|screen"). The
// keys are sorted and unique.
func sentenceFeatures(r reading, buf []uint32) []uint32 {
	toks := r.toks
	out := buf[:0]
	var all frame
	descriptive := true
	cs := concepts()
	conceptFeatures := func(con string, c clause, d bool) {
		base := newKey().add("c:").add(con)
		out = append(out, base.sum())
		switch {
		case c.frame&frameDisclaim != 0:
			out = append(out, base.add("|disclaim").sum())
		case d:
			out = append(out, base.add("|descriptive").sum())
		case c.frame&frameScreen != 0:
			out = append(out, base.add("|screen").sum())
		}
		if c.frame&(frameQuestion|frameForm|frameRequest) != 0 {
			out = append(out, base.add("|asks").sum())
		}
		if c.frame&frameNegation != 0 {
			out = append(out, base.add("|negation").sum())
		}
		if r.lawful {
			out = append(out, base.add("|lawful").sum())
		}
	}
	for _, c := range r.clauses {
		all |= c.frame
		d := c.frame.descriptive()
		descriptive = descriptive && d
		for i := c.first; i <= c.last; i++ {
			if r.quiet[i] {
				continue
			}
			for _, con := range cs[toks[i].norm] {
				conceptFeatures(con, c, d)
			}
		}
		for _, dc := range r.derived {
			if dc.at >= c.first && dc.at <= c.last {
				out = append(out, featureKey(dc.kind))
				if dc.concept != "" {
					conceptFeatures(dc.concept, c, d)
				}
			}
		}
	}
	for i, t := range toks {
		out = append(out, newKey().add("w:").add(t.norm).sum())
		if i+1 < len(toks) && !toks[i+1].brk {
			out = append(out, newKey().add("b:").add(t.norm).add(" ").add(toks[i+1].norm).sum())
		}
	}
	for i, name := range frameNames {
		if all&(1<<i) != 0 {
			out = append(out, newKey().add("f:").add(name).sum())
		}
	}
	if r.lawful {
		out = append(out, featureKey("f:lawful"))
	}
	if descriptive && len(toks) > 0 {
		out = append(out, featureKey("f:descriptive"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// predict returns the probability of each class for a sentence's features.
func (m *classifier) predict(feats []uint32, probs []float64) []float64 {
	probs = probs[:0]
	for _, b := range m.bias {
		probs = append(probs, float64(b))
	}
	for _, f := range feats {
		i, ok := slices.BinarySearch(m.keys, f)
		if !ok {
			continue
		}
		for e := m.starts[i]; e < m.starts[i+1]; e++ {
			probs[m.class[e]] += float64(m.weight[e])
		}
	}
	logreg.Softmax(probs)
	return probs
}

// featureKey is the 32-bit FNV-1a hash of a feature's text: the model
// stores hashes, not the text, to stay small, and the checker hashes a
// feature's parts as it builds it (keyHash), without building the text.
// Two features sharing a hash are one feature to the model.
func featureKey(f string) uint32 { return newKey().add(f).sum() }

// A keyHash is a featureKey being computed over the parts of a feature.
type keyHash uint32

func newKey() keyHash { return 2166136261 }

// add hashes the next part of the feature's text.
func (h keyHash) add(s string) keyHash {
	for i := 0; i < len(s); i++ {
		h ^= keyHash(s[i])
		h *= 16777619
	}
	return h
}

func (h keyHash) sum() uint32 { return uint32(h) }

// verdict returns the protected category the classifier gives the
// sentence and its risk (1 - P(clean)); category "" when the risk is below
// the threshold.
func (m *classifier) verdict(probs []float64) (category string, risk float64) {
	risk = 1 - probs[0]
	best := 1
	for c := 2; c < len(probs); c++ {
		if probs[c] > probs[best] {
			best = c
		}
	}
	if risk < m.thresholdOf(m.classes[best]) {
		return "", risk
	}
	return m.classes[best], risk
}

// The model file: a magic line, then the threshold (float64 bits), the
// classes, the biases, the lower threshold of each class (float64 bits, 0
// for none), the veto (float64 bits), and each feature (its featureKey, as the gap from
// the previous one in ascending order) with its non-zero weights as
// (class, weight) pairs, every number a varint and every weight stored as
// an integer number of weightStep. Training rounds weights to weightStep
// and drops the smallest (trainOptions.prune), which keeps the file small.
const (
	modelMagic   = "hirebot-wording-classifier 5\n"
	modelMagicV4 = "hirebot-wording-classifier 4\n" // read still: the same without the veto
	modelMagicV3 = "hirebot-wording-classifier 3\n" // read still: without lower thresholds or veto
	weightStep   = 1.0 / 64
)

// encode writes the model in the model file format. Features are written
// in sorted order, so the same model always gives the same bytes.
func (m *classifier) encode() []byte {
	var b bytes.Buffer
	b.WriteString(modelMagic)
	b.Write(binary.AppendUvarint(nil, math.Float64bits(m.threshold)))
	putString := func(s string) {
		b.Write(binary.AppendUvarint(nil, uint64(len(s))))
		b.WriteString(s)
	}
	b.Write(binary.AppendUvarint(nil, uint64(len(m.classes))))
	for _, c := range m.classes {
		putString(c)
	}
	for _, w := range m.bias {
		b.Write(binary.AppendVarint(nil, quantize(w)))
	}
	for i := range m.classes {
		t := 0.0
		if i < len(m.lower) {
			t = m.lower[i]
		}
		b.Write(binary.AppendUvarint(nil, math.Float64bits(t)))
	}
	b.Write(binary.AppendUvarint(nil, math.Float64bits(m.veto)))
	b.Write(binary.AppendUvarint(nil, uint64(len(m.keys))))
	prev := uint32(0)
	for i, f := range m.keys {
		b.Write(binary.AppendUvarint(nil, uint64(f-prev))) // keys ascend: store the gaps
		prev = f
		b.Write(binary.AppendUvarint(nil, uint64(m.starts[i+1]-m.starts[i])))
		for e := m.starts[i]; e < m.starts[i+1]; e++ {
			b.Write(binary.AppendUvarint(nil, uint64(m.class[e])))
			b.Write(binary.AppendVarint(nil, quantize(m.weight[e])))
		}
	}
	return b.Bytes()
}

func quantize(w float32) int64 { return int64(math.Round(float64(w) / weightStep)) }

// decodeClassifier reads a model file.
func decodeClassifier(data []byte) (*classifier, error) {
	version := 0
	var rest []byte
	for v, magic := range map[int]string{3: modelMagicV3, 4: modelMagicV4, 5: modelMagic} {
		if r, ok := bytes.CutPrefix(data, []byte(magic)); ok {
			version, rest = v, r
		}
	}
	if version == 0 {
		return nil, errors.New("decode classifier: not a model file")
	}
	r := bytes.NewReader(rest)
	var err error
	uv := func() uint64 {
		v, e := binary.ReadUvarint(r)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	sv := func() float32 {
		v, e := binary.ReadVarint(r)
		if e != nil && err == nil {
			err = e
		}
		return float32(float64(v) * weightStep)
	}
	str := func() string {
		n := uv()
		if err != nil || n > uint64(r.Len()) {
			if err == nil {
				err = errors.New("string runs past the end")
			}
			return ""
		}
		buf := make([]byte, n)
		_, _ = r.Read(buf)
		return string(buf)
	}
	m := &classifier{threshold: math.Float64frombits(uv())}
	k := uv()
	if err != nil || k < 2 || k > 64 {
		return nil, fmt.Errorf("decode classifier: bad class count %d (%v)", k, err)
	}
	for range k {
		m.classes = append(m.classes, str())
	}
	for range k {
		m.bias = append(m.bias, sv())
	}
	for range k {
		if version < 4 {
			break // version 3 has no lower thresholds
		}
		m.lower = append(m.lower, math.Float64frombits(uv()))
	}
	if version >= 5 {
		m.veto = math.Float64frombits(uv())
	}
	n := uv()
	if err != nil || n > uint64(r.Len()) {
		return nil, fmt.Errorf("decode classifier: bad feature count %d (%v)", n, err)
	}
	m.keys = make([]uint32, 0, n)
	m.starts = make([]int32, 1, n+1)
	m.class = make([]uint8, 0, r.Len()/2)
	m.weight = make([]float32, 0, r.Len()/2)
	key := uint64(0)
	for i := range int(n) {
		gap := uv()
		key += gap
		if key > math.MaxUint32 || i > 0 && gap == 0 {
			return nil, errors.New("decode classifier: feature keys out of order or range")
		}
		m.keys = append(m.keys, uint32(key))
		nz := uv()
		if nz > k {
			return nil, fmt.Errorf("decode classifier: feature %d has %d weights for %d classes", i, nz, k)
		}
		for range nz {
			c := uv()
			if c >= k {
				return nil, fmt.Errorf("decode classifier: feature %d: class %d of %d", i, c, k)
			}
			m.class = append(m.class, uint8(c))
			m.weight = append(m.weight, sv())
		}
		m.starts = append(m.starts, int32(len(m.class)))
		if err != nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("decode classifier: %w", err)
	}
	if m.classes[0] != "" || !(m.threshold > 0 && m.threshold < 1) {
		return nil, errors.New("decode classifier: the first class must be clean and the threshold between 0 and 1")
	}
	if !(m.veto >= 0 && m.veto < m.threshold) {
		return nil, fmt.Errorf("decode classifier: the veto %v is not between 0 and the threshold", m.veto)
	}
	for _, t := range m.lower {
		if t != 0 && !(t > 0 && t <= m.threshold) {
			return nil, fmt.Errorf("decode classifier: a class's threshold %v is not between 0 and the threshold", t)
		}
	}
	for _, c := range m.classes[1:] {
		if strings.TrimSpace(c) == "" {
			return nil, errors.New("decode classifier: a risky class has no name")
		}
	}
	return m, nil
}
