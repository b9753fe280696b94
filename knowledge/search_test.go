package knowledge

import (
	"slices"
	"testing"
)

// TestSearchRanking asks what a hiring team would ask, covering every group
// of facts the knowledge base holds, and checks that the topic answering it
// ranks first (within 1) or near the top (within 3).
func TestSearchRanking(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct {
		query  string
		want   string
		within int
	}{
		// What a CTO is.
		{"what is a chief technology officer", "cto-overview", 1},
		{"what other titles does a CTO have", "cto-overview", 1},
		{"is a head of development or technical lead the same job", "cto-overview", 1},
		{"why is the CTO role so vague", "cto-overview", 1},
		{"bridge between business and engineering", "cto-overview", 1},
		{"who knows who owns a piece of code", "cto-overview", 3},
		{"which external dependencies should the project use", "cto-overview", 3},
		{"where to host the app for the best performance and budget", "cto-overview", 3},
		{"monitoring so developers hear about issues first", "cto-overview", 3},
		{"help talking to external tech partners", "cto-overview", 3},
		{"planning the work so features are built effectively", "cto-overview", 3},
		{"technical execution operational management executive representation", "cto-overview", 1},
		{"do startups and established software companies need a CTO", "cto-overview", 3},
		{"aligning product strategy with the technology stack", "cto-overview", 1},
		// Responsibilities.
		{"R&D goals and timeframes", "cto-responsibilities", 1},
		{"regulatory standards", "cto-responsibilities", 3},
		{"KPIs and IT budgets to judge technology performance", "cto-responsibilities", 3},
		{"communicate technology strategy to investors", "cto-responsibilities", 1},
		{"stakeholder feedback", "cto-responsibilities", 1},
		{"big teams big data product lifecycle", "cto-responsibilities", 3},
		// Skills.
		{"emotional intelligence", "cto-skills", 1},
		{"credibility with a critical expert team", "cto-skills", 1},
		{"how to cut tech debt", "cto-skills", 1},
		{"people management skills", "cto-skills", 1},
		// Kinds.
		{"kinds of CTO", "cto-kinds", 1},
		{"does the technical leader write code", "cto-technical-leader", 1},
		{"React Native Flutter JavaScript developer", "cto-technical-leader", 1},
		{"operations manager who no longer codes", "cto-operational", 1},
		{"does a startup need an infrastructure CTO", "cto-stage", 1},
		{"does a startup need an infrastructure CTO", "cto-infrastructure", 3},
		{"control of data security and network", "cto-infrastructure", 1},
		{"business technology roadmap", "cto-infrastructure", 1},
		// The CIO.
		{"what does a CIO do", "cio-overview", 3},
		{"who owns the IT budget", "cio-responsibilities", 1},
		{"outsourcing vs in-house developers", "cio-responsibilities", 3},
		{"workstations hardware troubleshooting", "cio-responsibilities", 1},
		{"contracts for computer equipment and consumables", "cio-responsibilities", 1},
		{"business intelligence and information security departments", "cio-works-with", 3},
		{"CIO skills", "cio-skills", 1},
		// CTO vs CIO.
		{"difference between CTO and CIO", "cto-vs-cio", 1},
		{"internal IT infrastructure vs customers and business development", "cto-vs-cio", 1},
		{"are both CTO and CIO important", "cto-vs-cio", 1},
		// What makes a great CTO.
		{"what makes a great CTO", "cto-great", 1},
		{"keep up with the latest trends", "cto-great", 1},
		{"product life cycle new products", "cto-great", 3},
		{"CRM and ERP", "cto-great", 1},
		{"negotiation and mentoring", "cto-great", 1},
		{"corporate risk and safety", "cto-great", 1},
		// Using the bot.
		{"how do I use this bot", "cto-help", 1},
		// Typos, accents and odd Unicode.
		{"infrastucture commander", "cto-infrastructure", 1},
		{"emotinal inteligence", "cto-skills", 1},
		{"ＣＲＭ ａｎｄ ＥＲＰ", "cto-great", 1},
		{"Négotiation and mentöring", "cto-great", 1},
		{"who owns the IT budget?!", "cio-responsibilities", 1},
	}
	for _, tt := range tests {
		rs := p.Search(tt.query, tt.within)
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.Topic.ID)
		}
		if !slices.Contains(ids, tt.want) {
			t.Errorf("Search(%q) top %d = %v, want %s among them (all: %v)",
				tt.query, tt.within, ids, tt.want, summary(p.Search(tt.query, 5)))
		}
	}
}

func summary(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Topic.ID)
	}
	return out
}

func TestSearchEdges(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct {
		query string
		limit int
		want  int // number of results; -1 means at least one
	}{
		{"", 5, 0},
		{"the of and what is", 5, 0}, // only stop words
		{"zqxjv", 5, 0},
		{"budget", 1, 1},
		{"budget", 0, -1},
		{"bugdet", 5, -1},             // a transposition
		{"infra", 5, -1},              // a prefix
		{"cto", 0, len(p.Topics) - 3}, // most topics mention the CTO
	}
	for _, tt := range tests {
		rs := p.Search(tt.query, tt.limit)
		switch {
		case tt.want == 0 && rs != nil:
			t.Errorf("Search(%q) = %v, want nil", tt.query, summary(rs))
		case tt.want < 0 && len(rs) == 0:
			t.Errorf("Search(%q) found nothing", tt.query)
		case tt.want > 0 && len(rs) < tt.want:
			t.Errorf("Search(%q, %d) = %d results, want at least %d", tt.query, tt.limit, len(rs), tt.want)
		case tt.limit > 0 && len(rs) > tt.limit:
			t.Errorf("Search(%q, %d) = %d results, over the limit", tt.query, tt.limit, len(rs))
		}
		for i := 1; i < len(rs); i++ {
			if rs[i].Score > rs[i-1].Score {
				t.Errorf("Search(%q) is not sorted by score: %v", tt.query, rs)
			}
		}
	}
	rs := p.Search("who owns the IT budget", 1)
	// "IT" in capitals is information technology, not the stop word "it".
	if len(rs) != 1 || !slices.Equal(rs[0].Matched, []string{"owns", "IT", "budget"}) {
		t.Errorf("Search(who owns the IT budget) matched %v, want [owns IT budget]", rs)
	}
	rs = p.Search("who owns it", 1)
	if len(rs) != 1 || !slices.Equal(rs[0].Matched, []string{"owns"}) {
		t.Errorf("Search(who owns it) matched %v, want [owns]: a lower-case it is a stop word", rs)
	}
	var empty Pack
	if rs := empty.Search("budget", 5); rs != nil {
		t.Errorf("Search on a pack without an index = %v, want nil", rs)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string // stems
	}{
		{"What are the CTO's responsibilities?", []string{"cto", "responsibility"}},
		{"Planning, planned and plans", []string{"plan", "plan", "plan"}},
		{"managing the manager's management", []string{"manag", "manager", "manag"}},
		{"Café naïve RÉSUMÉ", []string{"caf", "naiv", "resum"}},
		{"ＣＴＯ\u200b vs CIO", []string{"cto", "vs", "cio"}},
		{"in‑house — outsourcing", []string{"hous", "outsourc"}},
		{"e\u0301xecutive", []string{"executiv"}},
		{"КТО технический", []string{"кто", "технический"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokens(tt.in) {
			got = append(got, tok.stem)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"cio", "ico", 2, 1},
		{"responsibilites", "responsibilities", 2, 1},
		{"infrastucture", "infrastructure", 2, 1},
		{"budget", "bugdet", 2, 1}, // one adjacent swap
		{"kitten", "sitting", 5, 3},
		{"abc", "abcdef", 2, 3}, // over max
		{"", "ab", 2, 2},
		{"žluť", "zlut", 2, 2},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("distance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	p := MustEmbedded(b)
	queries := []string{
		"who owns the IT budget",
		"does a startup need an infrastructure CTO",
		"difference between CTO and CIO",
		"infrastucture comander", // typos
		"emotional intelligence and mentoring",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if p.Search(queries[i%len(queries)], 5) == nil {
			b.Fatal("no results")
		}
	}
}

func BenchmarkSearchTypo(b *testing.B) {
	p := MustEmbedded(b)
	b.ReportAllocs()
	for b.Loop() {
		p.Search("infrastucture comander responsibilites", 5)
	}
}

// TestEachDeletion checks the allocation-free deletion walk against the
// plain one.
func TestEachDeletion(t *testing.T) {
	for _, w := range []string{"a", "ab", "budget", "responsibilities", "aab"} {
		for edits := range 3 {
			want := map[string]bool{}
			deletions(w, edits, func(d string) { want[d] = true })
			got := map[string]bool{}
			eachDeletion(w, edits, func(d []byte) {
				if len(d) > 0 {
					got[string(d)] = true
				}
			})
			if len(got) != len(want) {
				t.Errorf("eachDeletion(%q, %d) gave %d strings, want %d", w, edits, len(got), len(want))
			}
			for d := range want {
				if !got[d] {
					t.Errorf("eachDeletion(%q, %d) misses %q", w, edits, d)
				}
			}
		}
	}
}

// BenchmarkResolve resolves /cto-role arguments: topic words, a role and a
// topic, a typo, and a question that falls through to search.
func BenchmarkResolve(b *testing.B) {
	p := MustEmbedded(b)
	inputs := []string{"skills", "cio responsibilities", "responsibilites", "technical-leader", "who owns the IT budget?"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := p.Resolve(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}
