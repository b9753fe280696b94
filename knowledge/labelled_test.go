package knowledge

import (
	"bufio"
	"cmp"
	"hash/fnv"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// The labelled query set: what a founder asks, and what must come of it.
const labelledFile = "testdata/queries/labelled.tsv"

// The bars the labelled set must clear.
const (
	minTop1   = 0.92 // answerable queries whose answer is the right topic (choices do not count)
	minHonest = 0.97 // off-topic queries answered honestly: no topic, pointer or choices
	minOther  = 0.90 // greetings and thanks, and topics asked of the wrong role
)

// What a labelled query expects besides a topic id.
const (
	wantNone     = LabelNone
	wantSocial   = LabelSocial
	wantRoleMiss = LabelRoleMiss
)

// labelled is one query of the set.
type labelled struct {
	want, query string
	heldOut     bool // in the held-out third, by a hash of the query
}

// MustLabelled reads the labelled query set.
func MustLabelled(tb testing.TB) []labelled {
	tb.Helper()
	f, err := os.Open(labelledFile)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		want, query, ok := strings.Cut(line, "\t")
		if !ok || want == "" || query == "" {
			tb.Fatalf("%s:%d: want <expected>TAB<query>, got %q", labelledFile, n, line)
		}
		h := fnv.New32a()
		h.Write([]byte(query))
		out = append(out, labelled{want: want, query: query, heldOut: h.Sum32()%3 == 0})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// outcome names what Resolve made of a query, in the labels' terms.
func outcome(l Lookup) string { return Outcome(l) }

// TestLabelledQueries runs the labelled set through Resolve and reports
// top-1 accuracy on answerable queries (choices do not count), the share
// of off-topic ones answered honestly (see Honest), and greetings and
// wrong-role topics. The set is one of the sources the topic model is
// trained on (see testdata/queries/writers/README.md), so these are
// training figures; its held-out figure is the "labelled" row of
// `go run ./knowledge/internal/train`.
func TestLabelledQueries(t *testing.T) {
	p := MustEmbedded(t)
	set := MustLabelled(t)
	if len(set) < 150 {
		t.Errorf("the labelled set has %d queries; keep at least 150", len(set))
	}
	var f Figures
	for _, q := range set {
		l, err := p.Resolve(q.query)
		if err != nil {
			t.Fatalf("Resolve(%q): %v", q.query, err)
		}
		if _, ok := p.Topic(q.want); !ok && !slices.Contains([]string{wantNone, wantSocial, wantRoleMiss, LabelJD, LabelLegal, LabelOtherRole}, q.want) {
			t.Fatalf("%s: %q expects %q, which is no topic and no label", labelledFile, q.query, q.want)
		}
		got := outcome(l)
		if got == wantRoleMiss && (l.Elsewhere.Nearest.Role != l.Role || l.Elsewhere.Found.Role == l.Role) {
			got = "a wrong role-miss"
		}
		f.Add(q.want, got, ChoiceIDs(l))
		if ok := got == q.want || !Answerable(q.want) && q.want != wantSocial && q.want != wantRoleMiss && Honest(got); !ok {
			t.Logf("miss: %q → %s %v, want %s", q.query, got, ChoiceIDs(l), q.want)
		}
	}
	t.Logf("labelled set (%s): %d queries; command: go test -run TestLabelledQueries -v ./knowledge/", labelledFile, len(set))
	t.Logf("%s · role-miss %d/%d", f, f.RoleMissOK, f.RoleMiss)
	top1, _, honest, _ := f.Rates()
	other := float64(f.SocialRight+f.RoleMissOK) / float64(max(f.Social+f.RoleMiss, 1))
	if top1 < minTop1 {
		t.Errorf("top-1 accuracy %.1f%% is under %.0f%%", 100*top1, 100*minTop1)
	}
	if honest < minHonest {
		t.Errorf("honest answers to off-topic questions %.1f%% are under %.0f%%", 100*honest, 100*minHonest)
	}
	if other < minOther {
		t.Errorf("greetings and wrong-role topics right %.1f%% is under %.0f%%", 100*other, 100*minOther)
	}
}

// scored is a free-text query of the labelled set with its best search
// result: whether that result is the right topic, and its confidence.
type scored struct {
	query             string
	answerable, right bool
	confidence        float64
	heldOut           bool
}

// MustScored returns the labelled queries that Resolve answers by search
// (not by a topic name, a role or a greeting), with their best result.
func MustScored(tb testing.TB, p *Pack) []scored {
	tb.Helper()
	var out []scored
	for _, q := range MustLabelled(tb) {
		if q.want == wantSocial || q.want == wantRoleMiss {
			continue
		}
		l, err := p.Resolve(q.query)
		if err != nil {
			tb.Fatal(err)
		}
		if l.Topic != nil || l.Social != NotSocial || l.Elsewhere != nil || l.Pointer != NoPointer {
			continue // not decided by the confidence cut
		}
		s := scored{query: q.query, answerable: Answerable(q.want), heldOut: q.heldOut}
		pq := p.parse(q.query)
		if rs, _ := p.searchRole(pq.tokens(), l.Role, p.namesOnly(pq.words, l.Role)); len(rs) > 0 {
			s.right = rs[0].Topic.ID == q.want
			s.confidence = rs[0].Confidence
		}
		out = append(out, s)
	}
	return out
}

// accuracy is the share of qs a cut gets right: an answerable query is
// right when its best result is right and reaches the cut, an off-topic
// one when its best result falls short of it.
func accuracy(qs []scored, cut float64) float64 {
	right := 0
	for _, q := range qs {
		if q.answerable && q.right && q.confidence >= cut || !q.answerable && q.confidence < cut {
			right++
		}
	}
	return float64(right) / float64(max(len(qs), 1))
}

// bestCut returns the cut that gets most of qs right: of the stretches
// between neighbouring confidences where a cut gets the best accuracy,
// the middle of the widest, rounded to three decimals.
func bestCut(qs []scored) (cut, acc float64) {
	var cs []float64
	for _, q := range qs {
		cs = append(cs, q.confidence)
	}
	slices.Sort(cs)
	cs = slices.Compact(cs)
	accs := make([]float64, max(len(cs)-1, 0)) // accs[i]: a cut between cs[i] and cs[i+1]
	acc = -1
	for i := range accs {
		accs[i] = accuracy(qs, (cs[i]+cs[i+1])/2)
		acc = max(acc, accs[i])
	}
	if len(accs) == 0 {
		return 0, accuracy(qs, 0)
	}
	lo, hi, width := 0.0, 0.0, -1.0
	for i := 0; i < len(accs); i++ {
		if accs[i] != acc {
			continue
		}
		j := i
		for j+1 < len(accs) && accs[j+1] == acc {
			j++
		}
		if w := cs[j+1] - cs[i]; w > width {
			lo, hi, width = cs[i], cs[j+1], w
		}
		i = j
	}
	return math.Round((lo+hi)/2*1000) / 1000, acc
}

// TestCalibrateMinConfidence calibrates MinConfidence on the training
// part of the labelled set (see MinConfidence) and reports how the cut
// does on the held-out part. The cut decides for a pack without the topic
// model (one loaded on its own), so it is calibrated on such a pack.
func TestCalibrateMinConfidence(t *testing.T) {
	p := withoutModel(MustEmbedded(t))
	var train, held []scored
	for _, q := range MustScored(t, p) {
		if q.heldOut {
			held = append(held, q)
		} else {
			train = append(train, q)
		}
	}
	cut, acc := bestCut(train)
	t.Logf("calibrated on %d training queries: best cut %.3f (training accuracy %.1f%%); MinConfidence %.3f",
		len(train), cut, 100*acc, MinConfidence)
	t.Logf("held-out: %d queries, accuracy at MinConfidence %.1f%%", len(held), 100*accuracy(held, MinConfidence))
	if testing.Verbose() {
		slices.SortFunc(train, func(a, b scored) int { return cmp.Compare(a.confidence, b.confidence) })
		for _, q := range train {
			t.Logf("training: %.3f answerable %-5v right %-5v %s", q.confidence, q.answerable, q.right, q.query)
		}
	}
	if math.Abs(cut-MinConfidence) > 0.0005 {
		t.Errorf("MinConfidence is %.3f but the training split calibrates it to %.3f: set it to the calibrated cut", MinConfidence, cut)
	}
}
