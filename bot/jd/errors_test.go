package jd

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
)

// TestWordUsesConfiguredName checks that the handler words the typed
// errors of the parser, the draft domain and the store with the
// configured command name, and keeps their kind.
func TestWordUsesConfiguredName(t *testing.T) {
	h := New(Config{Slash: "/hire-jd"})
	_, unknown := parse("frob")
	_, noRule := parse("check ignore")
	_, tooLong := parse(strings.Repeat("x", MaxInput+1))
	notFound := &hirebot.Error{Kind: hirebot.NotFound, Err: errors.New("store: no draft")}
	tests := []struct {
		err  error
		kind hirebot.Kind
		want string
	}{
		{unknown, hirebot.Invalid, `there is no /hire-jd subcommand "frob"`},
		{noRule, hirebot.Invalid, "name the rule to ignore, as `/hire-jd check` lists it; usage: `/hire-jd check [ignore <rule-id> [reason…] | unignore <rule-id>]`"},
		{tooLong, hirebot.Invalid, "/hire-jd takes at most 4000"},
		{&draft.Error{Problem: draft.ProblemFinal}, hirebot.Invalid, "the owner or an admin can /hire-jd reopen it"},
		{&draft.Error{Problem: draft.ProblemIndex, Section: draft.NiceToHave, Index: 1}, hirebot.Invalid,
			"nice-to-have has no items yet; add one with /hire-jd add nice-to-have <text>"},
		{&draft.Error{Problem: draft.ProblemIndex, Section: draft.Requirements, Index: 5, Size: 3, Limit: 4}, hirebot.Invalid,
			"requirements has 3 items; pick 1–4"},
		{&draft.Error{Problem: draft.ProblemNoRule}, hirebot.Invalid, "as /hire-jd check lists it"},
		{&draft.Error{Problem: draft.ProblemNoRule, Given: "a b"}, hirebot.Invalid, `"a b" is not a wording rule id; use the id /hire-jd check shows`},
		{&draft.Error{Problem: draft.ProblemNoRole}, hirebot.Invalid, "e.g. /hire-jd start cto"},
		{&draft.Error{Problem: draft.ProblemTooLong, Section: draft.Benefits, Size: 501, Limit: 500}, hirebot.Invalid,
			"benefits: the item is 501 characters long; keep it to 500 or fewer"},
		{&draft.Error{Problem: draft.ProblemTooLong, Field: draft.Salary, Size: 121, Limit: 120}, hirebot.Invalid,
			"the salary is 121 characters long; keep it to 120 or fewer"},
		{&draft.Error{Problem: draft.ProblemFull, Section: draft.Benefits, Size: 40, Limit: 40}, hirebot.Invalid,
			"benefits already has 40 items, the most a section holds; remove one first"},
		{&draft.Error{Problem: draft.ProblemFull, Section: draft.Benefits, Size: 41, Limit: 40}, hirebot.Invalid,
			"benefits has 41 items; a section holds at most 40, so remove some"},
		{&draft.Error{Problem: draft.ProblemNotAllowed, Owner: "U1", Verb: "finalize"}, hirebot.Forbidden,
			"only the draft's owner (@U1) or an admin can finalize it"},
		{&draft.Error{Problem: draft.ProblemNoSection, Given: "skills"}, hirebot.Invalid,
			`there is no section "skills"; use one of: outcomes, responsibilities, requirements, nice-to-have, benefits`},
		{fmt.Errorf("update: %w", &draft.StaleError{Base: 2, Now: 4}), hirebot.Conflict, "(v2 → v4)"},
		{notFound, hirebot.NotFound, "There is no draft in this channel yet. Start one with /hire-jd start cto."},
	}
	for _, tt := range tests {
		got := h.word(tt.err)
		msg := hirebot.MessageOf(got)
		if hirebot.KindOf(got) != tt.kind || !strings.Contains(msg, tt.want) {
			t.Errorf("word(%v) = %v %q; want %v containing %q", tt.err, hirebot.KindOf(got), msg, tt.kind, tt.want)
		}
		if strings.Contains(msg, "/jd") {
			t.Errorf("word(%v) = %q names /jd, not the configured /hire-jd", tt.err, msg)
		}
		if !errors.Is(got, tt.err) {
			t.Errorf("word(%v) lost the cause", tt.err)
		}
	}
	// Every problem has words of its own.
	for p := draft.ProblemFinal; p <= draft.ProblemNoOwner; p++ {
		if msg := hirebot.MessageOf(h.word(&draft.Error{Problem: p})); msg == "" || msg == "the draft refused that change" {
			t.Errorf("problem %d has no words: %q", p, msg)
		}
	}
}
