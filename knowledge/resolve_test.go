package knowledge

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	hirebot "github.com/hirebot/hirebot"
)

func TestTopicByName(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct {
		role, name string
		want       string // topic id; "" means not found
	}{
		{"cto", "overview", "cto-overview"},
		{"cio", "overview", "cio-overview"},
		{"cto", "responsibilities", "cto-responsibilities"},
		{"cio", "responsibilities", "cio-responsibilities"},
		{"cto", " Skills ", "cto-skills"},
		{"cto", "types", "cto-kinds"},       // alias
		{"cto", "cio-vs-cto", "cto-vs-cio"}, // alias
		{"cto", "infrastructure", "cto-infrastructure"},
		{"cio", "works-with", "cio-works-with"},
		{"cto", "works-with", ""}, // a CIO topic only
		{"cio", "kinds", ""},
		{"ceo", "overview", ""},
		{"cto", "", ""},
	}
	for _, tt := range tests {
		got, ok := p.TopicByName(tt.role, tt.name)
		if ok != (tt.want != "") || got.ID != tt.want {
			t.Errorf("TopicByName(%q, %q) = %q, %v; want %q", tt.role, tt.name, got.ID, ok, tt.want)
		}
	}
}

func TestChecklistsFor(t *testing.T) {
	p := MustLoad(t, "good")
	tests := []struct {
		role, kind string
		want       []string
	}{
		{"cto", "", []string{"cto-main"}},
		{"cto", "hands-on", []string{"cto-main", "cto-hands-on"}},
		{"cio", "", nil},
		{"cto", "no-such-kind", []string{"cto-main"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range p.ChecklistsFor(tt.role, tt.kind) {
			got = append(got, c.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ChecklistsFor(%q, %q) = %v, want %v", tt.role, tt.kind, got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct {
		args        string
		role        string
		topic       string // the topic named, or ""
		firstResult string // when no topic: the best search result, or ""
		suggestion  string // a suggestion that must be offered first, or ""
	}{
		{args: "", role: "cto", topic: "cto-overview"},
		{args: "   ", role: "cto", topic: "cto-overview"},
		{args: "cto", role: "cto", topic: "cto-overview"},
		{args: "cio", role: "cio", topic: "cio-overview"},
		{args: "CIO", role: "cio", topic: "cio-overview"},
		{args: "responsibilities", role: "cto", topic: "cto-responsibilities"},
		{args: "Responsibilities?", role: "cto", topic: "cto-responsibilities"},
		{args: "cio responsibilities", role: "cio", topic: "cio-responsibilities"},
		{args: "cio skills", role: "cio", topic: "cio-skills"},
		{args: "cio works with", role: "cio", topic: "cio-works-with"},
		{args: "works-with", role: "cio", topic: "cio-works-with"},
		{args: "cto skills", role: "cto", topic: "cto-skills"},
		{args: "skills", role: "cto", topic: "cto-skills"},
		{args: "kinds", role: "cto", topic: "cto-kinds"},
		{args: "types", role: "cto", topic: "cto-kinds"},
		{args: "technical-leader", role: "cto", topic: "cto-technical-leader"},
		{args: "technical leader", role: "cto", topic: "cto-technical-leader"},
		{args: "operational", role: "cto", topic: "cto-operational"},
		{args: "infrastructure", role: "cto", topic: "cto-infrastructure"},
		{args: "infra", role: "cto", topic: "cto-infrastructure"},
		{args: "cto-vs-cio", role: "cto", topic: "cto-vs-cio"},
		{args: "cto vs. cio", role: "cto", topic: "cto-vs-cio"},
		{args: "cio vs cto", role: "cto", topic: "cto-vs-cio"},
		{args: "cio-vs-cto", role: "cto", topic: "cto-vs-cio"},
		{args: "vs", role: "cto", topic: "cto-vs-cio"},
		{args: "difference", role: "cto", topic: "cto-vs-cio"},
		{args: "great", role: "cto", topic: "cto-great"},
		{args: "help", role: "cto", topic: "cto-help"},
		{args: "cio-responsibilities", role: "cio", topic: "cio-responsibilities"},
		{args: "cto cio", role: "cio", topic: "cio-overview"},
		{args: "what does a cto do", role: "cto", topic: "cto-responsibilities"},
		// Free text.
		{args: "who owns the IT budget?", role: "cto", firstResult: "cio-responsibilities"},
		{args: "does a startup need an infrastructure CTO", role: "cto", firstResult: "cto-stage"},
		{args: "cio who signs hardware contracts", role: "cio", firstResult: "cio-responsibilities"},
		// Typos.
		{args: "responsibilites", role: "cto", firstResult: "cto-responsibilities", suggestion: "responsibilities"},
		{args: "infrastucture", role: "cto", firstResult: "cto-infrastructure", suggestion: "infrastructure"},
		{args: "cto-vs-ico", role: "cto", firstResult: "cto-vs-cio", suggestion: "cto-vs-cio"},
		{args: "cio responsiblities", role: "cio", firstResult: "cio-responsibilities", suggestion: "cio responsibilities"},
		{args: "cio wroks-with", role: "cio", suggestion: "cio works-with"},
		{args: "typs", role: "cto", firstResult: "cto-kinds"}, // stems to "typ", as "types" does
		{args: "kinds of cto", role: "cto", firstResult: "cto-kinds"},
	}
	for _, tt := range tests {
		l, err := p.Resolve(tt.args)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tt.args, err)
			continue
		}
		if l.Role != tt.role {
			t.Errorf("Resolve(%q).Role = %q, want %q", tt.args, l.Role, tt.role)
		}
		switch {
		case tt.topic != "" && (l.Topic == nil || l.Topic.ID != tt.topic):
			t.Errorf("Resolve(%q).Topic = %v, want %s (results %v, suggestions %q)",
				tt.args, topicID(l.Topic), tt.topic, summary(l.Results), l.Suggestions)
		case tt.topic == "" && l.Topic != nil:
			t.Errorf("Resolve(%q).Topic = %s, want none", tt.args, l.Topic.ID)
		case tt.topic == "" && len(l.Topics) == 0:
			t.Errorf("Resolve(%q).Topics is empty; the reply needs a topic list to offer", tt.args)
		}
		// The best topic comes first, as the answer or among the choices.
		if first := firstTopic(l); tt.firstResult != "" && first != tt.firstResult {
			t.Errorf("Resolve(%q) puts %q first (results %v, choices %v), want %s", tt.args, first, summary(l.Results), ChoiceIDs(l), tt.firstResult)
		}
		if tt.suggestion != "" && (len(l.Suggestions) == 0 || l.Suggestions[0] != tt.suggestion) {
			t.Errorf("Resolve(%q).Suggestions = %q, want %q first", tt.args, l.Suggestions, tt.suggestion)
		}
	}
}

// TestResolveAnswers checks what kind of answer Resolve gives: a named
// topic, a passage that answers, a topic the asked role lacks, a friendly
// word for a greeting, or an honest "not covered".
func TestResolveAnswers(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct {
		args, want string // want: a topic id, or one of the labels of the labelled set
	}{
		{"what is a cto", "cto-overview"},
		{"What is a CIO?", "cio-overview"},
		{"what is a chief technology officer", "cto-overview"},
		{"what does a cto do in a startup", "cto-stage"},
		{"cto vs vp engineering", "cto-vs-vp-engineering"},
		{"cto vs ciso", "cto-vs-ciso"},
		{"ciso", "ciso-overview"}, // a role with a full template: its overview
		{"what is a ciso?", "ciso-overview"},
		{"vp-engineering", "vp-engineering-overview"},
		{"what is a vice president of engineering", "vp-engineering-overview"},
		{"head-of-data", "head-of-data-overview"},
		{"cto vs head of data", "cto-vs-cdo"},
		{"ciso kinds", wantRoleMiss},
		{"head of data role", "head-of-data-overview"}, // what the role is: the overview
		{"ciso responsibilities", "ciso-overview"},
		{"vp of engineering", "vp-engineering-overview"},
		{"who should the CTO report to", "cto-reporting"},
		{"what can you do?", "cto-help"},
		{"how do I bake bread", wantNone},
		{"what is the capital of France", wantNone},
		{"what does a cfo do", LabelOtherRole},
		{"ceo", LabelOtherRole},
		{"what is the cio role?", "cio-overview"},
		{"what does a CTO's job mean", "cto-overview"},
		{"thanks!", wantSocial},
		{"hi there", wantSocial},
		{"ok cool", wantSocial},
		{"cio great", wantRoleMiss},
		{"cio kinds", wantRoleMiss},
		{"cto works-with", wantRoleMiss},
		{"great", "cto-great"}, // a topic name, not thanks
	}
	for _, tt := range tests {
		l, err := p.Resolve(tt.args)
		if err != nil {
			t.Fatal(err)
		}
		if got := outcome(l); got != tt.want {
			t.Errorf("Resolve(%q) → %s, want %s", tt.args, got, tt.want)
		}
		if l.Social != NotSocial && len(l.Suggestions) > 0 {
			t.Errorf("Resolve(%q) suggests %q for a greeting", tt.args, l.Suggestions)
		}
		if l.Topic == nil && len(l.Topics) == 0 {
			t.Errorf("Resolve(%q) has no topic list to offer", tt.args)
		}
	}
	l, _ := p.Resolve("thanks!")
	if l.Social != Thanks {
		t.Errorf("Resolve(thanks!).Social = %v, want Thanks", l.Social)
	}
	l, _ = p.Resolve("cio great")
	if e := l.Elsewhere; e == nil || e.Found.ID != "cto-great" || e.Nearest.Role != "cio" || l.Role != "cio" {
		t.Errorf("Resolve(cio great).Elsewhere = %+v; want cto-great found and a CIO topic offered", e)
	}
	// The nearest topic is found by meaning, not pack order (where each
	// role's overview comes first).
	for args, want := range map[string]string{"cto works-with": "cto-vs-cio", "cio great": "cio-skills"} {
		l, _ = p.Resolve(args)
		if e := l.Elsewhere; e == nil || e.Nearest.ID != want {
			t.Errorf("Resolve(%q).Elsewhere = %+v; want %s offered as the nearest", args, e, want)
		}
	}
	l, _ = p.Resolve("who owns the IT budget?")
	if a := l.Answer; a == nil || a.Text == "" && len(a.Points) == 0 || a.Confidence < MinConfidence {
		t.Errorf("Resolve(who owns the IT budget?).Answer = %+v; want a passage", a)
	}
}

// TestPassage checks that an answer leads with the part of the topic that
// answers: a paragraph, or the points that match.
func TestPassage(t *testing.T) {
	p := MustEmbedded(t)
	const text, points = 1, 2
	tests := []struct {
		query, topic, want string // want: text the passage must hold
		shape              int    // text, points, or 0 for either
	}{
		{"who owns the IT budget", "cio-responsibilities", "IT budget", 0},
		{"when do we need a cto or a vp of engineering", "cto-vs-vp-engineering", "When you need which", text},
		{"when do we need a vp of engineering", "vp-engineering-overview", "full-time job", text},
		{"how much equity should a cto get", "cto-pay", "quity", 0},
		{"who reports to the cto", "cto-reporting", "report", 0},
		{"cio who plans financing and controls spending for the IT unit", "cio-responsibilities", "financing", points},
	}
	for _, tt := range tests {
		l, err := p.Resolve(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		// The topic is answered, offered among choices, or a button on
		// the answer's card (Results): "when do we need a vp of
		// engineering" is as much about the CTO and the VP side by side
		// as about the VP alone, and the model weighs them nearly the same.
		shown := slices.ContainsFunc(l.Results, func(r Result) bool { return r.Topic.ID == tt.topic })
		if firstTopic(l) != tt.topic && !slices.Contains(ChoiceIDs(l), tt.topic) && !shown {
			t.Errorf("Resolve(%q) puts %q first (choices %v), want %s answered, offered or shown", tt.query, firstTopic(l), ChoiceIDs(l), tt.topic)
			continue
		}
		// The passage the topic's answer shows, whether the model answered
		// with the topic or offered it among choices.
		doc := slices.IndexFunc(p.Topics, func(t Topic) bool { return t.ID == tt.topic })
		_, terms := p.searched(tt.query)
		a := Answer{Topic: p.Topics[doc], Passage: p.index.shapedPassage(p.Topics[doc], doc, terms, shapeOf(tt.query))}
		got := a.Text + strings.Join(a.Points, "\n")
		shape := text
		if len(a.Points) > 0 {
			shape = points
		}
		if !strings.Contains(got, tt.want) || tt.shape != 0 && shape != tt.shape {
			t.Errorf("Resolve(%q) passage = %q (shape %d), want it to hold %q (shape %d)", tt.query, got, shape, tt.want, tt.shape)
		}
		if a.Text != "" && a.Text == a.Topic.Summary {
			t.Errorf("Resolve(%q) fell back to the summary, though the query matches the topic's text", tt.query)
		}
	}
}

// TestPassageNotByRole checks that a role word alone picks no passage:
// "scaleup" is only in the stage topic's keywords, and the CTO is in
// every paragraph, so the answer is the summary, not a point that happens
// to say "CTO".
func TestPassageNotByRole(t *testing.T) {
	p := MustEmbedded(t)
	l, err := p.Resolve("cto for a scaleup")
	if err != nil {
		t.Fatal(err)
	}
	if a := l.Answer; a == nil || a.Topic.ID != "cto-stage" || a.Text != a.Topic.Summary {
		t.Errorf("Resolve(cto for a scaleup).Answer = %+v; want the stage topic's summary", a)
	}
}

func TestResolveNothingFound(t *testing.T) {
	p := MustEmbedded(t)
	l, err := p.Resolve("xyzzy plugh")
	if err != nil {
		t.Fatal(err)
	}
	if l.Topic != nil || l.Results != nil {
		t.Errorf("Resolve(xyzzy plugh) = %v, %v; want no topic and no results", topicID(l.Topic), summary(l.Results))
	}
	if !slices.Contains(l.Topics, "responsibilities") || !slices.Contains(l.Topics, "cto-vs-cio") {
		t.Errorf("Topics = %q; want the CTO topic list", l.Topics)
	}
	l, _ = p.Resolve("cio xyzzy")
	if !slices.Equal(l.Topics, []string{"cio", "cio responsibilities", "cio skills", "cio works-with"}) {
		t.Errorf("Resolve(cio xyzzy).Topics = %q; want the CIO topics as /cto-role args", l.Topics)
	}
}

func TestResolveTooLong(t *testing.T) {
	p := MustEmbedded(t)
	_, err := p.Resolve(strings.Repeat("é", MaxArgs+1))
	var tl *TooLongError
	if hirebot.KindOf(err) != hirebot.Invalid || !errors.As(err, &tl) || tl.Size != MaxArgs+1 || tl.Limit != MaxArgs {
		t.Errorf("Resolve(too long) error = %v; want an Invalid *TooLongError with the size and the limit", err)
	}
	if _, err := p.Resolve(strings.Repeat("é", MaxArgs)); err != nil {
		t.Errorf("Resolve(%d characters) = %v; want it accepted", MaxArgs, err)
	}
}

func TestSuggest(t *testing.T) {
	p := MustEmbedded(t)
	tests := []struct {
		word, role string
		want       string // the first suggestion; "" means none
	}{
		{"responsibilites", "cto", "responsibilities"},
		{"resposibilities", "cio", "responsibilities"},
		{"infrastucture", "cto", "infrastructure"},
		{"infra", "cto", "infrastructure"},
		{"operatinal", "cto", "operational"},
		{"leader", "cto", "technical-leader"},
		{"cto-vs-ico", "cto", "cto-vs-cio"},
		{"typs", "cto", "kinds"},
		{"skils", "", "skills"},
		{"Wroks With", "cio", "works-with"},
		{"coi", "cto", "cio"}, // two letters swapped
		// A changed or extra letter in a short word makes another word,
		// often another executive: no "did you mean".
		{"cia", "cto", ""},
		{"cfo", "cto", ""},
		{"ceo", "cio", ""},
		{"xyzzy", "cto", ""},
		{"", "cto", ""},
		{"?!", "cto", ""},
	}
	for _, tt := range tests {
		got := p.Suggest(tt.word, tt.role)
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("Suggest(%q, %q) = %q, want nothing", tt.word, tt.role, got)
		case tt.want != "" && (len(got) == 0 || got[0] != tt.want):
			t.Errorf("Suggest(%q, %q) = %q, want %q first", tt.word, tt.role, got, tt.want)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"", "cio", "cio responsibilities", "cto-vs-ico", "who owns the IT budget?",
		"ＣＴＯ\u200b", "e\u0301", "\xff\xfe", "@channel <!here>", strings.Repeat("a", 60),
		"cio cio cio", "- - -", "'s's", "responsibilites infrastucture",
		"IT r&d 90 days SOC 2 $200k", "head of development vs cto", "WHAT IS IT", "cmo vs cfo",
	} {
		f.Add(s)
	}
	p := MustEmbedded(f)
	f.Fuzz(func(t *testing.T, args string) {
		l, err := p.Resolve(args)
		if err != nil {
			if hirebot.KindOf(err) != hirebot.Invalid {
				t.Fatalf("Resolve(%q) error %v is not Invalid", args, err)
			}
			return
		}
		if l.Topic == nil && len(l.Results) == 0 && len(l.Topics) == 0 {
			t.Fatalf("Resolve(%q) returned nothing to show", args)
		}
		if l.Topic == nil && len(l.Topics) == 0 {
			t.Fatalf("Resolve(%q) has no topic list", args)
		}
		if _, ok := p.Role(l.Role); !ok {
			t.Fatalf("Resolve(%q).Role = %q, not a role", args, l.Role)
		}
		if len(l.Choices) > maxChoices {
			t.Fatalf("Resolve(%q) offers %d choices", args, len(l.Choices))
		}
		if a := l.Answer; a != nil && a.Text == "" && len(a.Points) == 0 {
			t.Fatalf("Resolve(%q) answers %s with an empty passage", args, a.Topic.ID)
		}
		set := 0
		for _, b := range []bool{l.Topic != nil, l.Answer != nil, l.Elsewhere != nil, l.Social != NotSocial, len(l.Choices) > 0, l.Pointer != NoPointer} {
			if b {
				set++
			}
		}
		if set > 1 {
			t.Fatalf("Resolve(%q) = %+v: more than one kind of reply", args, l)
		}
	})
}

// firstTopic is the id of the topic a lookup puts first: the topic named
// or answered with, or the first choice; "" for none.
func firstTopic(l Lookup) string {
	switch {
	case l.Topic != nil:
		return l.Topic.ID
	case l.Answer != nil:
		return l.Answer.Topic.ID
	case len(l.Choices) > 0:
		return l.Choices[0].ID
	}
	return ""
}

func topicID(t *Topic) string {
	if t == nil {
		return "<nil>"
	}
	return t.ID
}

// TestEachToken checks that a question's tokens made a word at a time
// are the tokens of its words joined, on every writer's question.
func TestEachToken(t *testing.T) {
	p := MustEmbedded(t)
	writers, err := ReadTrainingData(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range writers {
		for _, lq := range w.Questions {
			q := p.parse(lq.Text)
			var got []token
			for tok := range q.eachToken {
				got = append(got, tok)
			}
			if want := q.tokens(); !slices.Equal(got, want) {
				t.Errorf("%s: tokens a word at a time %v, want %v", lq.Source, got, want)
			}
		}
	}
}
