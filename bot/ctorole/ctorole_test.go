package ctorole

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/internal/golden"
	"github.com/hirebot/hirebot/knowledge"
)

// MustHandler returns a Handler over the embedded pack.
func MustHandler(tb testing.TB) *Handler {
	tb.Helper()
	pack, err := knowledge.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	return New(pack, "/cto-role")
}

// cardText joins everything a card says, buttons included.
func cardText(c *bot.Card) string {
	parts := []string{c.Title, c.Intro, c.Source, c.Note, c.SharedBy}
	for _, p := range c.Parts {
		parts = append(parts, p.Heading, p.Text, strings.Join(p.Items, "\n"))
	}
	for _, b := range c.Buttons {
		parts = append(parts, b.Label+" "+b.Action+" "+b.Value)
	}
	return strings.Join(parts, "\n")
}

func TestHandle(t *testing.T) {
	h := MustHandler(t)
	tests := []struct {
		name    string
		req     bot.Request
		want    []string
		public  bool
		replace bool
	}{
		{"overview", bot.Request{Source: bot.Slash}, []string{"Share in channel", "cto-role:share", "cio-overview"}, false, false},
		{"topic", bot.Request{Source: bot.Slash, Text: "cto-vs-cio"}, []string{"CIO", "cto-role:share"}, false, false},
		{"search", bot.Request{Source: bot.Slash, Text: "who owns the IT budget?"},
			[]string{"answers “who owns the IT budget?”", "IT budget", "Read the whole topic cto-role:show cio-responsibilities",
				"cto-role:share ?who owns the IT budget?", "Source: Role guide"}, false, false},
		{"typo", bot.Request{Source: bot.Slash, Text: "responsibilites"}, []string{"responsib"}, false, false},
		{"nothing", bot.Request{Source: bot.Slash, Text: "zzqx wvvk"}, []string{"I don't cover that", "What I cover", "great", "cto-role:show cio"}, false, false},
		{"off topic", bot.Request{Source: bot.Slash, Text: "how do I bake bread"},
			[]string{"I don't cover that", "“how do I bake bread”", "What I cover", "cto-role:show help"}, false, false},
		{"founder question", bot.Request{Source: bot.Slash, Text: "who should the CTO report to?"},
			[]string{"Who the CTO reports to", "Read the whole topic cto-role:show cto-reporting"}, false, false},
		{"new founders' topic", bot.Request{Source: bot.Slash, Text: "how long does it usually take to hire a CTO?"},
			[]string{"How a CTO search works", "Read the whole topic cto-role:show cto-search"}, false, false},
		{"interviewing leads to /interview", bot.Request{Source: bot.Slash, Text: "interviewing"},
			[]string{"Interviewing CTO candidates", "/interview cto suggests interview questions"}, false, false},
		{"legal", bot.Request{Source: bot.Slash, Text: "can we legally fire our CTO while she is on maternity leave?"},
			[]string{"I can't give legal advice", "employment lawyer", "/jd check"}, false, false},
		{"other role", bot.Request{Source: bot.Slash, Text: "what makes a great chief marketing officer"},
			[]string{"I don't cover that role", "The roles I know are the CTO, the CIO, the CISO", "/jd start drafts a job description", "cto-role:show ciso-overview"}, false, false},
		{"job description", bot.Request{Source: bot.Slash, Text: "can you write a job description for our first CTO"},
			[]string{"Drafting a job description", "/jd start cto", "/jd start cio", "/jd start head-of-data"}, false, false},
		{"pay has no figures", bot.Request{Source: bot.Slash, Text: "pay"}, []string{"no pay data", "hirebot's own advice"}, false, false},
		{"wrong role", bot.Request{Source: bot.Slash, Text: "cio great"},
			[]string{"for the CTO only, not for the CIO", "What makes a great CTO cto-role:show cto-great", "cto-role:share ?cio great"}, false, false},
		{"share an answer", bot.Request{Source: bot.Press, Action: "share", Value: "?who owns the IT budget?", User: "U42"},
			[]string{"U42", "IT budget", "Read the whole topic"}, true, false},
		{"topic button", bot.Request{Source: bot.Press, Action: "show", Value: "cio-overview"}, []string{"Chief Information Officer"}, false, true},
		{"share", bot.Request{Source: bot.Press, Action: "share", Value: "cio-overview", User: "U42"}, []string{"U42", "Chief Information Officer"}, true, false},
		{"mention", bot.Request{Source: bot.Mention, Command: "ask", Text: "what kinds of CTO are there"}, []string{"infrastructure"}, true, false},
		{"empty mention", bot.Request{Source: bot.Mention, Command: "ask"}, []string{"cto-role"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				r   bot.Reply
				err error
			)
			if tt.req.Command == "ask" {
				r, err = h.Ask(context.Background(), tt.req)
			} else {
				r, err = h.Handle(context.Background(), tt.req)
			}
			if err != nil {
				t.Fatal(err)
			}
			text := cardText(r.Card)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("card lacks %q:\n%s", w, text)
				}
			}
			if r.Public != tt.public || r.Replace != tt.replace {
				t.Errorf("public %v replace %v, want %v %v", r.Public, r.Replace, tt.public, tt.replace)
			}
			if tt.public && strings.Contains(text, "cto-role:share") {
				t.Error("a public card offers to share itself")
			}
		})
	}
}

// TestHandleSocial checks that greetings and thanks get one friendly line:
// no card, no buttons, no "did you mean".
func TestHandleSocial(t *testing.T) {
	h := MustHandler(t)
	for _, text := range []string{"thanks!", "Thank you so much", "hi", "hello there", "bye", "ok, got it"} {
		r, err := h.Handle(context.Background(), bot.Request{Source: bot.Slash, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		c := r.Card
		if c.Title != "" || len(c.Parts) > 0 || len(c.Buttons) > 0 || c.Intro == "" || strings.Contains(c.Intro, "Did you mean") {
			t.Errorf("%q got a card, want one friendly line:\n%s", text, cardText(c))
		}
	}
}

// TestHandleSources checks that every topic card says where it comes from.
func TestHandleSources(t *testing.T) {
	h := MustHandler(t)
	for _, tp := range h.pack.Topics {
		r, err := h.Handle(context.Background(), bot.Request{Source: bot.Press, Action: "show", Value: tp.ID})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(r.Card.Source, "Source: ") || r.Card.Title != tp.Title {
			t.Errorf("topic %s: card %q has source %q", tp.ID, r.Card.Title, r.Card.Source)
		}
	}
}

func TestHandleRefuses(t *testing.T) {
	h := MustHandler(t)
	_, err := h.Handle(context.Background(), bot.Request{Source: bot.Slash, Text: strings.Repeat("why ", 200)})
	if hirebot.KindOf(err) != hirebot.Invalid || !strings.Contains(hirebot.MessageOf(err), "500") {
		t.Errorf("over-long question: %v, want Invalid stating the limit", err)
	}
	_, err = h.Handle(context.Background(), bot.Request{Source: bot.Press, Action: "share", Value: "no-such-topic"})
	if hirebot.KindOf(err) != hirebot.NotFound {
		t.Errorf("sharing a missing topic: %v, want NotFound", err)
	}
}

// TestCardsGolden renders the replies to questions no single topic
// answers — choices, the pointers and "not covered" with the nearest
// topics — as Block Kit, against golden files (go test -update rewrites
// them). The lookups are built here, so the cards do not move with the
// topic model.
func TestCardsGolden(t *testing.T) {
	h := MustHandler(t).WithCommands("/jd", "/interview")
	topic := func(id string) knowledge.Topic {
		tp, ok := h.pack.Topic(id)
		if !ok {
			t.Fatalf("no topic %s", id)
		}
		return tp
	}
	args := "is our CTO on the board or just reporting to it?"
	cards := map[string]*bot.Card{
		"card-choices": h.choices(args, knowledge.Lookup{Choices: []knowledge.Topic{topic("cto-board"), topic("cto-reporting")}}),
		"card-choice":  h.choices("cto boardd", knowledge.Lookup{Choices: []knowledge.Topic{topic("cto-board")}}),
		"card-legal": h.legal("can we enforce a non-compete on our old CTO?",
			knowledge.Lookup{Nearest: []knowledge.Topic{topic("cto-founder-transition"), topic("cto-pay")}}),
		"card-other-role": h.otherRole("what does a chief marketing officer do?"),
		"card-jd-help":    h.draftPointer(),
		"card-unknown": h.unknown("which cloud should we use?",
			knowledge.Lookup{Role: "cto", Nearest: []knowledge.Topic{topic("cto-infrastructure"), topic("cto-vs-cio"), topic("cto-stage")}}),
	}
	for name, c := range cards {
		t.Run(name, func(t *testing.T) {
			golden.MatchJSON(t, filepath.Join("testdata", "golden", name+".json"), blockkit.Card(c))
		})
	}
}

// TestHandleNearest checks that "I don't cover that" suggests the topics
// nearest to the question, not the same list every time.
func TestHandleNearest(t *testing.T) {
	h := MustHandler(t)
	buttons := func(text string) []string {
		r, err := h.Handle(context.Background(), bot.Request{Source: bot.Slash, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, b := range r.Card.Buttons {
			out = append(out, b.Value)
		}
		return out
	}
	a, b := buttons("which cloud provider is cheapest for a startup"), buttons("best pizza in lisbon")
	if strings.Join(a, " ") == strings.Join(b, " ") {
		t.Errorf("two unrelated misses offer the same buttons %v", a)
	}
}
