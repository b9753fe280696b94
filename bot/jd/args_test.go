package jd

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Args
	}{
		{"", Args{Sub: "help"}},
		{"  \t ", Args{Sub: "help"}},
		{"help", Args{Sub: "help"}},
		{"HELP add", Args{Sub: "help", Text: "add"}},
		{"start cto", Args{Sub: "start", Role: "cto"}},
		{"start CIO", Args{Sub: "start", Role: "cio"}},
		{"start cto technical-leader", Args{Sub: "start", Role: "cto", Kind: "technical-leader"}},
		{"start cto ops Head of  Platform ", Args{Sub: "start", Role: "cto", Kind: "operational", Title: "Head of  Platform"}},
		{"start cto Infra", Args{Sub: "start", Role: "cto", Kind: "infrastructure"}},
		{"start cto fractional", Args{Sub: "start", Role: "cto", Engagement: "fractional", EngagementWord: "fractional"}},
		{"start cto ops interim Head of IT", Args{Sub: "start", Role: "cto", Kind: "operational", Engagement: "interim", EngagementWord: "interim", Title: "Head of IT"}},
		{"start cto part-time ops", Args{Sub: "start", Role: "cto", Kind: "operational", Engagement: "fractional", EngagementWord: "part-time"}},
		{"start cto tech-lead CTO", Args{Sub: "start", Role: "cto", Kind: "technical-leader", Title: "CTO"}},
		{"start cto technical VP", Args{Sub: "start", Role: "cto", Kind: "technical-leader", Title: "VP"}},
		{"start cto VP of Engineering", Args{Sub: "start", Role: "cto", Title: "VP of Engineering"}},
		{"show", Args{Sub: "show"}},
		{"add requirements Ten years of Go", Args{Sub: "add", Section: draft.Requirements, Text: "Ten years of Go"}},
		{"add reqs  Go\n and Rust ", Args{Sub: "add", Section: draft.Requirements, Text: "Go\n and Rust"}},
		{"add nice to have Rust", Args{Sub: "add", Section: draft.NiceToHave, Text: "Rust"}},
		{"add Nice To Have Rust", Args{Sub: "add", Section: draft.NiceToHave, Text: "Rust"}},
		{"add nice Rust", Args{Sub: "add", Section: draft.NiceToHave, Text: "Rust"}},
		{"add nice to know Rust", Args{Sub: "add", Section: draft.NiceToHave, Text: "to know Rust"}},
		{"add must have Go", Args{Sub: "add", Section: draft.Requirements, Text: "Go"}},
		{"add perks Equity", Args{Sub: "add", Section: draft.Benefits, Text: "Equity"}},
		{"remove requirements 2", Args{Sub: "remove", Section: draft.Requirements, N: 2}},
		{"remove resp #3", Args{Sub: "remove", Section: draft.Responsibilities, N: 3}},
		{"edit benefits 1 Equity and bonus", Args{Sub: "edit", Section: draft.Benefits, N: 1, Text: "Equity and bonus"}},
		{"edit benefits #1 3 weeks off", Args{Sub: "edit", Section: draft.Benefits, N: 1, Text: "3 weeks off"}},
		{"set salary €180k–€220k", Args{Sub: "set", Field: draft.Salary, Text: "€180k–€220k"}},
		{"set kind fractional", Args{Sub: "set", Field: draft.Engagement, Text: "fractional"}},
		{"set engagement part-time", Args{Sub: "set", Field: draft.Engagement, Text: "part-time"}},
		{"set locale uk", Args{Sub: "set", Field: draft.Locale, Text: "uk"}},
		{"set company-size 120", Args{Sub: "set", Field: draft.CompanySize, Text: "120"}},
		{"set reports to the COO", Args{Sub: "set", Field: draft.ReportsTo, Text: "the COO"}},
		{"set pay 200k", Args{Sub: "set", Field: draft.Salary, Text: "200k"}},
		{"set role title Chief Technology Officer", Args{Sub: "set", Field: draft.Title, Text: "Chief Technology Officer"}},
		{"set summary We build\nrobots.", Args{Sub: "set", Field: draft.Summary, Text: "We build\nrobots."}},
		{"set location clear", Args{Sub: "set", Field: draft.Location}},
		{"set location -", Args{Sub: "set", Field: draft.Location}},
		{"move responsibilities 3 1", Args{Sub: "move", Section: draft.Responsibilities, N: 3, To: 1}},
		{"move reqs #3 to #1", Args{Sub: "move", Section: draft.Requirements, N: 3, To: 1}},
		{"suggest", Args{Sub: "suggest"}},
		{"suggest nice to have", Args{Sub: "suggest", Section: draft.NiceToHave}},
		{"check", Args{Sub: "check"}},
		{"check ignore rockstar", Args{Sub: "check", RuleID: "rockstar"}},
		{"history", Args{Sub: "history"}},
		{"undo", Args{Sub: "undo"}},
		{"undo v12", Args{Sub: "undo", Undoes: 12}},
		{"undo 7", Args{Sub: "undo", Undoes: 7}},
		{"remove R2", Args{Sub: "remove", Section: draft.Requirements, Ref: "R2"}},
		{"remove reqs r2", Args{Sub: "remove", Section: draft.Requirements, Ref: "R2"}},
		{"edit b1 Equity and bonus", Args{Sub: "edit", Section: draft.Benefits, Ref: "B1", Text: "Equity and bonus"}},
		{"move D3 to 1", Args{Sub: "move", Section: draft.Responsibilities, Ref: "D3", To: 1}},
		{"owner <@U0123ABC|dana>", Args{Sub: "owner", User: "U0123ABC"}},
		{"owner <@W0123ABC>", Args{Sub: "owner", User: "W0123ABC"}},
		{"owner @U0123ABC", Args{Sub: "owner", User: "U0123ABC"}},
		{"owner <@dana|dana>", Args{Sub: "owner", User: "dana"}}, // the shell escapes its users as Slack does
		{"add benefits lunch with <@U0123ABC|dana> and <@W9>", Args{Sub: "add", Section: draft.Benefits, Text: "lunch with @dana and @W9"}},
		{"approve", Args{Sub: "approve"}},
		{"set kind ops", Args{Sub: "set", SetKind: true, Kind: "operational"}},
		{"check ignore rockstar quoting a customer", Args{Sub: "check", RuleID: "rockstar", Text: "quoting a customer"}},
		{"check unignore rockstar", Args{Sub: "check", RuleID: "rockstar", Unignore: true}},
		{"export", Args{Sub: "export", Format: Markdown}},
		{"export md", Args{Sub: "export", Format: Markdown}},
		{"export TEXT", Args{Sub: "export", Format: Text}},
		{"export ats", Args{Sub: "export", Format: Text}},
		{"export html", Args{Sub: "export", Format: HTML}},
		{"set team size 12 engineers", Args{Sub: "set", Field: draft.Team, Text: "12 engineers"}},
		{"set eeo We welcome everyone.", Args{Sub: "set", Field: draft.EEO, Text: "We welcome everyone."}},
		{"set hiring process Two calls.", Args{Sub: "set", Field: draft.Process, Text: "Two calls."}},
		{"finalize", Args{Sub: "finalize"}},
		{"reopen", Args{Sub: "reopen"}},
		{"Discard", Args{Sub: "discard"}},
		{"\u00A0add\u00A0benefits\u00A0Gym", Args{Sub: "add", Section: draft.Benefits, Text: "Gym"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("Parse(%q) =\n%+v\nwant\n%+v", tt.in, got, tt.want)
			}
			again, err := parse(got.String())
			if err != nil || again != got {
				t.Errorf("Parse(%q) = %+v, %v; want %+v", got.String(), again, err, got)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in   string
		want []string // parts of the message
	}{
		{strings.Repeat("x", MaxInput+1), []string{"4001 bytes long; /jd takes at most 4000"}},
		{"shwo", []string{`there is no /jd subcommand "shwo"`, "did you mean `show`?", "use one of: start, show, add,", "discard, help"}},
		{"fin", []string{"did you mean `finalize`?"}},
		{"undoo", []string{"did you mean `undo`?"}},
		{"xyzzy", []string{`no /jd subcommand "xyzzy"; use one of: start`}},
		{"start", []string{"name the role the draft is for; usage: `/jd start <role> [kind] [full-time|fractional|interim] [title…]`"}},
		{"add", []string{"name a section: outcomes, responsibilities, requirements, nice-to-have, benefits; usage: `/jd add <section> <text>`"}},
		{"add requirements", []string{"write the text of the item; usage: `/jd add <section> <text>`"}},
		{"add skills Go", []string{`there is no section "skills"; use one of: outcomes, responsibilities, requirements, nice-to-have, benefits`}},
		{"add requirments Go", []string{"did you mean `requirements`?"}},
		{"remove requirements", []string{"give the item number; usage: `/jd remove [section] <ref|n>`"}},
		{"remove requirements two", []string{`"two" is not an item number; write one like 3 or #3`}},
		{"remove requirements 0", []string{`"0" is not an item number`}},
		{"remove requirements -1", []string{`"-1" is not an item number`}},
		{"remove requirements 99999999999999999999", []string{"is not an item number"}},
		{"remove requirements 2 3", []string{`unexpected "3" at the end; usage: ` + "`/jd remove [section] <ref|n>`"}},
		{"edit benefits 1", []string{"write the text of the item; usage: `/jd edit [section] <ref|n> <text>`"}},
		{"edit benefits", []string{"give the item number"}},
		{"set", []string{"name a field: title, company, location, salary, team, budget, reports-to, engagement, locale, company-size, days, length, summary, process, eeo; usage: `/jd set <field> <text> | kind <kind>`"}},
		{"set salary", []string{"write the salary, or `clear` to empty it"}},
		{"set kind opps", []string{`there is no kind of role "opps"`}},
		{"set kind", []string{"name the kind of role"}},
		{"set knid ops", []string{`there is no field "knid"`}},
		{"remove benefits R2", []string{"R2 is not an item of benefits (whose references start with B)"}},
		{"remove X2", []string{`there is no section "X2"`}},
		{"owner", []string{"mention the person"}},
		{"owner @dana", []string{`"@dana" is not someone in this workspace`, "as you type @"}},
		{"owner <@U1|dana> extra", []string{"extra"}},
		{"owner <@../x>", []string{"is not someone in this workspace"}},
		{"owner <@U1|a> <@U2|b>", []string{"unexpected"}},
		{"undo three", []string{`"three" is not a version`}},
		{"undo v0", []string{`"v0" is not a version`}},
		{"check unignore a b", []string{`unexpected "b"`}},
		{"approve now", []string{"usage: `/jd approve`"}},
		{"set salery 1", []string{"did you mean `salary`?"}},
		{"move reqs 1", []string{"give the item number; usage: `/jd move [section] <ref|n> <to>`"}},
		{"move reqs 1 to", []string{"give the item number"}},
		{"move reqs 1 2 3", []string{`unexpected "3"`}},
		{"suggest skills", []string{`there is no section "skills"`}},
		{"suggest reqs now", []string{`unexpected "now"`}},
		{"check everything", []string{`unexpected "everything"; usage: ` + "`/jd check [ignore <rule-id> [reason…] | unignore <rule-id>]`"}},
		{"check ignore", []string{"name the rule to ignore"}},
		{"export pdf", []string{`there is no format "pdf"; use markdown, text or html; usage: ` + "`/jd export [markdown|text|html]`"}},
		{"export text now", []string{`unexpected "now"`}},
		{"discard everything", []string{"usage: `/jd discard`"}},
	}
	for _, tt := range tests {
		t.Run(short(tt.in), func(t *testing.T) {
			_, err := parse(tt.in)
			var pe *ParseError
			if !errors.As(err, &pe) || hirebot.KindOf(err) != hirebot.Invalid {
				t.Fatalf("Parse(%q) error = %v, want an Invalid *ParseError", tt.in, err)
			}
			// The handler words it with the configured name.
			var herr *hirebot.Error
			if !errors.As(New(Config{Slash: "/jd"}).word(err), &herr) || herr.Kind != hirebot.Invalid {
				t.Fatalf("word(Parse(%q) error %v) is not an Invalid *hirebot.Error", tt.in, err)
			}
			for _, part := range tt.want {
				if !strings.Contains(herr.Message, part) {
					t.Errorf("Parse(%q) message\n%q\nlacks %q", tt.in, herr.Message, part)
				}
			}
		})
	}
}

func TestParseAtTheCap(t *testing.T) {
	in := "add benefits " + strings.Repeat("x", MaxInput-len("add benefits "))
	a, err := parse(in)
	if err != nil || len(a.Text) != MaxInput-len("add benefits ") {
		t.Errorf("Parse(%d bytes) = %d bytes of text, %v", len(in), len(a.Text), err)
	}
}

func TestSubcommands(t *testing.T) {
	seen := map[string]bool{}
	for _, u := range Subcommands {
		if seen[u.Name] {
			t.Errorf("%q listed twice", u.Name)
		}
		seen[u.Name] = true
		if u.Summary == "" || u.Example == "" {
			t.Errorf("%q lacks a summary or an example", u.Name)
		}
		// Every example parses, as the subcommand it illustrates.
		a, err := parse(u.Example)
		if err != nil || a.Sub != u.Name {
			t.Errorf("example %q of %q parses as %+v, %v", u.Example, u.Name, a, err)
		}
		if got, ok := Lookup(strings.ToUpper(u.Name)); !ok || got != u.Usage {
			t.Errorf("Lookup(%q) = %+v, %v", u.Name, got, ok)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error(`Lookup("nope") found something`)
	}
}

// embedded is the built-in knowledge pack, which owns the kinds.
var embedded = sync.OnceValue(func() *knowledge.Pack {
	p, err := knowledge.Embedded()
	if err != nil {
		panic(err)
	}
	return p
})

// embeddedKind names a kind as the handler does, from the built-in pack.
func embeddedKind(word string) (string, bool) {
	k, ok := embedded().KindNamed(word)
	return k.ID, ok
}

// parse parses text with the built-in pack's kinds.
func parse(text string) (Args, error) { return Parse(text, embeddedKind) }

// TestKinds checks that the parser knows the kinds and their aliases from
// the knowledge pack.
func TestKinds(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"technical-leader", "technical-leader", true},
		{"Technical", "technical-leader", true},
		{"tech-lead", "technical-leader", true},
		{"operational", "operational", true},
		{"ops", "operational", true},
		{"infrastructure", "infrastructure", true},
		{"INFRA", "infrastructure", true},
		{"cio", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got, ok := embeddedKind(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("kind %q = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestClosest(t *testing.T) {
	names := subcommands()
	for in, want := range map[string]string{"shwo": "show", "sho": "show", "shows": "show", "fin": "finalize",
		"exprot": "export", "zzz": "", "": ""} {
		if got := closest(in, names); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, u := range Subcommands {
		f.Add(u.Example)
	}
	for _, s := range []string{"", "add nice to have x", "move reqs #3 to #1", "set pay -", "start cto ops ops lead",
		"add nice s foo", "remove reqs #-1", "add\u00A0reqs\u2028x", "set role title \xff", "edit resp 2 \u202Ex"} {
		f.Add(s)
	}
	h := New(Config{Slash: "/jd"})
	f.Fuzz(func(t *testing.T, in string) {
		a, err := parse(in)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || hirebot.KindOf(err) != hirebot.Invalid || hirebot.MessageOf(h.word(err)) == "" {
				t.Fatalf("Parse(%q) error = %#v, want an Invalid *ParseError the handler words", in, err)
			}
			return
		}
		if _, ok := Lookup(a.Sub); !ok {
			t.Fatalf("Parse(%q).Sub = %q, not a subcommand", in, a.Sub)
		}
		switch a.Sub {
		case "add", "remove", "edit", "move":
			if _, ok := draft.ParseSection(string(a.Section)); !ok || a.N < 0 || a.To < 0 {
				t.Fatalf("Parse(%q) = %+v", in, a)
			}
		case "start":
			if a.Role == "" {
				t.Fatalf("Parse(%q) = %+v without a role", in, a)
			}
		}
		if (a.Sub == "remove" || a.Sub == "edit" || a.Sub == "move") && a.N < 1 && a.Ref == "" {
			t.Fatalf("Parse(%q) = %+v without an item number", in, a)
		}
		again, err := parse(a.String())
		if err != nil || again != a {
			t.Fatalf("Parse(%q) = %+v; its String %q parses as %+v, %v", in, a, a.String(), again, err)
		}
	})
}

// BenchmarkParse parses the /jd commands a team types most.
func BenchmarkParse(b *testing.B) {
	inputs := []string{
		"add requirements Has run a 24/7 platform for millions of users",
		"start cto infrastructure Head of Platform",
		"edit responsibilities 3 Owns the technology roadmap and its budget",
		"set salary $250,000–$300,000 plus equity",
		"remove nice to have 2",
		"undo",
	}
	embedded()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(inputs[i%len(inputs)], embeddedKind); err != nil {
			b.Fatal(err)
		}
	}
}
