package knowledge

import (
	"bytes"
	"cmp"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/knowledge/internal/classifier"
)

// MustEmbeddedFS returns the embedded pack's files.
func MustEmbeddedFS(tb testing.TB) fs.FS {
	tb.Helper()
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		tb.Fatal(err)
	}
	return sub
}

// TestModelFresh retrains the topic model exactly as
// `go run ./knowledge/internal/train` does and fails if the embedded file
// differs: the pack's topics, the writers' questions, the features or the
// training changed without retraining.
func TestModelFresh(t *testing.T) {
	base, err := Load(MustEmbeddedFS(t))
	if err != nil {
		t.Fatal(err)
	}
	writers, err := ReadTrainingData(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	model, rep, err := Train(base, writers, DefaultTraining)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("tuning (leave one writer out): %s", rep.Pooled)
	if !bytes.Equal(model, embeddedModel) {
		t.Errorf("%s is stale: retraining gives %d bytes that differ from the %d embedded; run `go run ./knowledge/internal/train` and commit the file",
			ModelFile, len(model), len(embeddedModel))
	}
}

// TestModelDecides checks the replies the topic model's decisions make:
// pointers, honest declines and answers to questions no alias names.
func TestModelDecides(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct{ args, want string }{
		{"how long does a CTO search usually take", "cto-search"},
		{"should our CTO have a seat on the board?", "cto-board"},
		{"who handles SOC 2 and HIPAA if we have no CISO", "cto-security"},
		{"what should the new CTO do in the first 90 days", "cto-first-90-days"},
		{"can you write a job description for our first CTO", LabelJD},
		{"can we legally fire our CTO while she is on maternity leave?", LabelLegal},
		{"what makes a great chief marketing officer", LabelOtherRole},
		{"what's the weather in Lisbon tomorrow", LabelNone},
	}
	for _, tt := range tests {
		l, err := p.Resolve(tt.args)
		if err != nil {
			t.Fatal(err)
		}
		if got := Outcome(l); got != tt.want {
			t.Errorf("Resolve(%q) → %s %v, want %s", tt.args, got, ChoiceIDs(l), tt.want)
		}
		if l.Topic == nil && len(l.Topics) == 0 {
			t.Errorf("Resolve(%q) has no topic list to offer", tt.args)
		}
	}
}

// TestModelKeepsWords checks that nothing the question turns on is lost
// before the model sees it: "IT" in capitals, "r&d", numbers, and an
// alternative title that is not rewritten to "cto".
func TestModelKeepsWords(t *testing.T) {
	p := MustEmbedded(t)
	fp := p.model.meta.Features
	has := func(text, kind, feature string) bool {
		fs, _ := p.questionFeatures(text, fp, nil, nil)
		k := featureKey(kind[0], feature)
		return slices.ContainsFunc(fs, func(f classifier.Feature) bool { return f.Key == k })
	}
	for _, tt := range []struct{ text, kind, feature string }{
		{"who owns the IT budget", "w", "IT"},
		{"who sets r&d goals", "w", "r&d"},
		{"what should a CTO do in the first 90 days", "w", "90"},
		{"head of development vs cto", "w", "develop"},
		{"head of development vs cto", "b", "develop vs"},
		{"different kinds of cto", "w", "differ"},
		{"what is the difference", "w", "differ"},
	} {
		if !has(tt.text, tt.kind, tt.feature) {
			t.Errorf("the features of %q lack %s:%s", tt.text, tt.kind, tt.feature)
		}
	}
	if has("is it worth it", "w", "IT") {
		t.Error("a lower-case it became IT")
	}
	if has("WHO OWNS IT", "w", "IT") {
		t.Error("a question typed in capitals made its it IT")
	}
}

// TestModelTitles checks which job titles count as roles hirebot covers.
func TestModelTitles(t *testing.T) {
	p := MustEmbedded(t)
	for _, tt := range []struct {
		text          string
		known, others bool
	}{
		{"what does a cto do", true, false},
		{"head of data or chief data officer", true, false},
		{"what does a cmo do", false, true},
		{"head of growth vs vp of sales", false, true},
		{"chief revenue officer equity", false, true},
		{"our ceo wants a plan", false, false},
		{"headcount plan for next year", false, false},
	} {
		known, other := p.index.jobTitles.mentions(wordsOf(tt.text), nil)
		if known != tt.known || other != tt.others {
			t.Errorf("%q: covered %v, other %v; want %v, %v", tt.text, known, other, tt.known, tt.others)
		}
	}
}

// TestPassageShapes checks that a passage answers in the form asked:
// a list for "what are", both sides for a comparison, the definition for
// "what is".
func TestPassageShapes(t *testing.T) {
	p := MustEmbedded(t)
	kinds, _ := p.Topic("cto-kinds")
	vs, _ := p.Topic("cto-vs-cio")
	frac, _ := p.Topic("cto-fractional")
	doc := func(id string) int { return slices.IndexFunc(p.Topics, func(t Topic) bool { return t.ID == id }) }
	terms := func(q string) [][]candidate { _, ts := p.searched(q); return ts }

	got := p.index.shapedPassage(kinds, doc("cto-kinds"), terms("what are the types of cto"), shapeOf("what are the types of cto"))
	if len(got.Points) != len(kinds.Points) {
		t.Errorf("a list question got %+v, want the %d kinds", got, len(kinds.Points))
	}
	got = p.index.shapedPassage(vs, doc("cto-vs-cio"), terms("cto vs cio difference"), shapeOf("cto vs cio difference"))
	if len(got.Points) < 2 || !strings.HasPrefix(got.Points[0], "CIO:") || !strings.HasPrefix(got.Points[1], "CTO:") {
		t.Errorf("a comparison got %+v, want the CIO's side and the CTO's", got)
	}
	got = p.index.shapedPassage(frac, doc("cto-fractional"), terms("what is a fractional cto"), shapeOf("what is a fractional cto"))
	if got.Text != frac.Summary {
		t.Errorf("a definition question got %+v, want the summary", got)
	}
	search, _ := p.Topic("cto-search")
	q := "how long does a cto search take"
	got = p.index.shapedPassage(search, doc("cto-search"), terms(q), shapeOf(q))
	if !statesDuration(got.Text) && !slices.ContainsFunc(got.Points, statesDuration) {
		t.Errorf("a how-long question got %+v, want a passage that states how long", got)
	}
	for q, want := range map[string]questionShape{
		"which kinds of cto are there": askList, "cto vs vp of engineering": askComparison,
		"what is an interim cto": askDefinition, "who should the cto report to": askAny,
		"roughly how long does a cto search take": askDuration, "how many weeks is the notice period": askDuration,
		"how much equity for a cto": askAny, "how many reports": askAny, "how long vs how short": askComparison,
		"how do we hire a cto": askAny,
	} {
		if got := shapeOf(q); got != want {
			t.Errorf("shapeOf(%q) = %d, want %d", q, got, want)
		}
	}
}

// TestStatesDuration reads which texts say how long something takes.
func TestStatesDuration(t *testing.T) {
	for text, want := range map[string]bool{
		"three to six months":             true,
		"Days 60-90: a plan":              true,
		"half a day a week":               true,
		"vesting over several years":      true,
		"a 10% option pool":               false,
		"A CTO's pay has three parts":     false,
		"name one owner of the process":   false,
		"book interview slots in advance": false,
		"":                                false,
	} {
		if got := statesDuration(text); got != want {
			t.Errorf("statesDuration(%q) = %v, want %v", text, got, want)
		}
	}
}

// BenchmarkEmbedded loads the built-in pack as hirebot does at start-up:
// the YAML, its validation and index, and the topic model.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolveQuestion resolves free-text questions that the topic
// model decides, short and long, with the passage of the answer: all in
// turn, then each on its own.
func BenchmarkResolveQuestion(b *testing.B) {
	p := MustEmbedded(b)
	inputs := map[string]string{
		"search":  "how long does a CTO search usually take",
		"budget":  "who owns the IT budget?",
		"board":   "should our CTO have a seat on the board?",
		"long":    "We're a 30-person fintech and our founder CTO wants to step back into an architect role next year. How do we handle the transition without losing the team's trust, and who should we hire?",
		"weather": "what's the weather in Lisbon tomorrow",
		// Near MaxArgs (489 characters): what a long story costs.
		"longest": "We're a 120-person logistics software company, bootstrapped until last year, now Series A. Our founder CTO wrote most of the platform and wants to move into a chief architect role while we hire someone to run engineering, hiring, budgets and security (SOC 2 is coming). The board wants a proven scale-up leader; I worry about culture fit and whether the team will follow an outsider. How should we structure the search, what should the new person own, and how do we keep our founder happy?",
	}
	names := slices.Sorted(maps.Keys(inputs))
	run := func(b *testing.B, qs []string) {
		b.ReportAllocs()
		start := cpuTime()
		n := 0
		for i := 0; b.Loop(); i++ {
			if _, err := p.Resolve(qs[i%len(qs)]); err != nil {
				b.Fatal(err)
			}
			n++
		}
		reportCPU(b, start, n)
	}
	var all []string
	for _, n := range names {
		all = append(all, inputs[n])
	}
	b.Run("all", func(b *testing.B) { run(b, all) })
	for _, n := range names {
		b.Run(n, func(b *testing.B) { run(b, []string{inputs[n]}) })
	}
}

// BenchmarkLoadModel reads the embedded topic model and lays it over the
// pack: the start-up cost of the model alone.
func BenchmarkLoadModel(b *testing.B) {
	p := MustEmbedded(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadModel(p, embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU reports the CPU time per operation since start, as
// cpu-ns/op: on a machine other work shares, the wall-clock ns/op counts
// the waits for a core too, and CPU time does not.
func reportCPU(b *testing.B, start time.Duration, n int) {
	if n > 0 && start > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
	}
}

// TestRankIsStable checks rank against a stable sort of the classes by
// probability, best first, on probabilities with many ties.
func TestRankIsStable(t *testing.T) {
	tm := &topicModel{topic: make([]int, 41)}
	for c := range tm.topic {
		tm.topic[c] = c%3 - 1 // some classes are not topics
	}
	seed := uint64(7)
	for round := 0; round < 200; round++ {
		probs := make([]float64, len(tm.topic))
		for i := range probs {
			seed = seed*6364136223846793005 + 1442695040888963407
			probs[i] = float64(seed>>60) / 16 // sixteen values: ties
		}
		want := make([]int, len(probs))
		for i := range want {
			want[i] = i
		}
		slices.SortStableFunc(want, func(a, b int) int { return cmp.Compare(probs[b], probs[a]) })
		var wantTopics []int
		for _, c := range want {
			if tm.topic[c] >= 0 {
				wantTopics = append(wantTopics, c)
			}
		}
		got := tm.rank(probs)
		if !slices.Equal(got.order, want) || !slices.Equal(got.topics, wantTopics) {
			t.Fatalf("rank(%v) = %v, %v; want %v, %v", probs, got.order, got.topics, want, wantTopics)
		}
	}
}
