package knowledge

import (
	"sync"

	"github.com/hirebot/hirebot/knowledge/internal/classifier"
)

// scratch gathers a question's features, each key once with its largest
// value (see add). It finds a key already added without a map: an
// open-addressing table whose slots belong to the current question only
// when stamped with its generation, so that it needs no clearing between
// questions.
type scratch struct {
	out   []classifier.Feature
	slots []scratchSlot
	now   uint32
}

// scratchSlot is one slot of a scratch table: a key, where it was added
// and the generation that stamped it, side by side so that a probe reads
// one cache line.
type scratchSlot struct {
	key uint64
	pos int32
	gen uint32
}

// scratchSlots is the size of a scratch table: more than twice the most
// features a question of MaxArgs characters can have.
const scratchSlots = 1 << 13

var scratchPool = sync.Pool{New: func() any {
	return &scratch{slots: make([]scratchSlot, scratchSlots)}
}}

// add adds the feature k with value w (if positive) to s.out, or raises
// its value to w if it has it already.
func (s *scratch) add(k uint64, w float32) {
	if w <= 0 {
		return
	}
	if at, ok := s.at(k, len(s.out)); ok {
		s.out[at].Value = max(s.out[at].Value, w)
		return
	}
	s.out = append(s.out, classifier.Feature{Key: k, Value: w})
}

// reset starts a new question, whose features are appended to out.
func (s *scratch) reset(out []classifier.Feature) {
	s.out = out
	s.now++
	if s.now == 0 { // wrapped: stamps of old questions could look current
		clear(s.slots)
		s.now = 1
	}
}

// at returns where key was added, or records it at next and reports
// false. Past the table's capacity, keys are no longer recorded (and may
// repeat).
func (s *scratch) at(key uint64, next int) (int, bool) {
	mask := uint64(scratchSlots - 1)
	for i, probes := key&mask, 0; probes < scratchSlots/2; i, probes = (i+1)&mask, probes+1 {
		sl := &s.slots[i]
		if sl.gen != s.now {
			*sl = scratchSlot{key: key, pos: int32(next), gen: s.now}
			return 0, false
		}
		if sl.key == key {
			return int(sl.pos), true
		}
	}
	return 0, false
}
