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
	minTop1   = 0.90 // answerable queries whose first answer is the right topic
	minHonest = 0.95 // off-topic queries answered with "I don't cover that"
	minOther  = 0.90 // greetings and thanks, and topics asked of the wrong role
)

// What a labelled query expects besides a topic id.
const (
	wantNone     = "none"      // outside the knowledge: an honest "I don't cover that"
	wantSocial   = "social"    // a greeting, thanks or goodbye
	wantRoleMiss = "role-miss" // a topic the asked role lacks: Elsewhere
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
func outcome(l Lookup) string {
	switch {
	case l.Social != NotSocial:
		return wantSocial
	case l.Elsewhere != nil:
		return wantRoleMiss
	case l.Topic != nil:
		return l.Topic.ID
	case l.Answer != nil:
		return l.Answer.Topic.ID
	}
	return wantNone
}

// tally counts right answers in one group of queries.
type tally struct{ right, all int }

func (t *tally) add(ok bool) {
	t.all++
	if ok {
		t.right++
	}
}

func (t tally) share() float64 {
	if t.all == 0 {
		return 1
	}
	return float64(t.right) / float64(t.all)
}

// TestLabelledQueries runs the labelled set through Resolve and reports
// top-1 accuracy on answerable queries and the share of off-topic ones
// answered honestly, on the whole set and on its held-out third.
func TestLabelledQueries(t *testing.T) {
	p := MustEmbedded(t)
	set := MustLabelled(t)
	if len(set) < 150 {
		t.Errorf("the labelled set has %d queries; keep at least 150", len(set))
	}
	type group struct{ top1, honest, other tally }
	var all, held group
	for _, q := range set {
		l, err := p.Resolve(q.query)
		if err != nil {
			t.Fatalf("Resolve(%q): %v", q.query, err)
		}
		if _, ok := p.Topic(q.want); !ok && !slices.Contains([]string{wantNone, wantSocial, wantRoleMiss}, q.want) {
			t.Fatalf("%s: %q expects %q, which is no topic and no label", labelledFile, q.query, q.want)
		}
		got := outcome(l)
		ok := got == q.want
		if q.want == wantRoleMiss && ok {
			ok = l.Elsewhere.Nearest.Role == l.Role && l.Elsewhere.Found.Role != l.Role
		}
		for _, g := range []*group{&all, &held} {
			if g == &held && !q.heldOut {
				continue
			}
			switch q.want {
			case wantNone:
				g.honest.add(ok)
			case wantSocial, wantRoleMiss:
				g.other.add(ok)
			default:
				g.top1.add(ok)
			}
		}
		if !ok {
			split := "training"
			if q.heldOut {
				split = "held-out"
			}
			t.Logf("miss (%s): %q → %s, want %s", split, q.query, got, q.want)
		}
	}
	t.Logf("labelled set (%s): %d queries; command: go test -run TestLabelledQueries -v ./knowledge/", labelledFile, len(set))
	for _, g := range []struct {
		name string
		g    group
	}{{"all", all}, {"held-out", held}} {
		t.Logf("%-8s top-1 %d/%d = %.1f%% · honest off-topic %d/%d = %.1f%% · social and role-miss %d/%d = %.1f%%",
			g.name, g.g.top1.right, g.g.top1.all, 100*g.g.top1.share(),
			g.g.honest.right, g.g.honest.all, 100*g.g.honest.share(),
			g.g.other.right, g.g.other.all, 100*g.g.other.share())
	}
	if all.top1.share() < minTop1 {
		t.Errorf("top-1 accuracy %.1f%% is under %.0f%%", 100*all.top1.share(), 100*minTop1)
	}
	if all.honest.share() < minHonest {
		t.Errorf("honest answers to off-topic questions %.1f%% are under %.0f%%", 100*all.honest.share(), 100*minHonest)
	}
	if all.other.share() < minOther {
		t.Errorf("greetings and wrong-role topics right %.1f%% is under %.0f%%", 100*all.other.share(), 100*minOther)
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
		if l.Topic != nil || l.Social != NotSocial || l.Elsewhere != nil {
			continue // not decided by the confidence cut
		}
		s := scored{query: q.query, answerable: q.want != wantNone, heldOut: q.heldOut}
		pq := p.parse(q.query)
		if rs, _ := p.searchRole(pq.toks, l.Role, p.namesOnly(pq.words, l.Role)); len(rs) > 0 {
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
// does on the held-out part.
func TestCalibrateMinConfidence(t *testing.T) {
	p := MustEmbedded(t)
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
