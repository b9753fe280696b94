package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/slacktest"
	"github.com/hirebot/hirebot/knowledge"
)

// nextMessage waits for the n-th message (0-based) in channel that matches.
func nextMessage(tb testing.TB, fake *slacktest.Server, channel string, n int, want string) slacktest.Message {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for ctx.Err() == nil {
		var hits []slacktest.Message
		for _, m := range fake.Messages(channel) {
			if strings.Contains(MessageText(m), want) {
				hits = append(hits, m)
			}
		}
		if len(hits) > n {
			return hits[n]
		}
		time.Sleep(10 * time.Millisecond)
	}
	tb.Fatalf("message %d containing %q never came to %s", n, want, channel)
	return slacktest.Message{}
}

// questionIDs returns the ids of the questions whose Add to kit buttons m
// has (each button's value names the kit too: kit.GEN|ID).
func questionIDs(tb testing.TB, m slacktest.Message) []string {
	tb.Helper()
	var out []string
	for _, v := range buttonValues(tb, m, "interview:add") {
		_, id, ok := strings.Cut(v, "|")
		if !ok {
			tb.Fatalf("an Add to kit button's value %q names no kit", v)
		}
		out = append(out, id)
	}
	return out
}

func TestInterviewOverSocketMode(t *testing.T) {
	t.Parallel()
	fake, _, cfg := MustOnRedis(t)
	MustStartBot(t, fake, cfg)
	pack, err := knowledge.Embedded()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("more never repeats", func(t *testing.T) {
		const ch = "CIV1"
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/interview"})
		seen := map[string]bool{}
		for i := 0; i <= 10; i++ {
			m := nextMessage(t, fake, ch, i, "Interview questions for")
			ids := questionIDs(t, m)
			if len(ids) != 5 {
				t.Fatalf("batch %d has %d questions, want 5", i, len(ids))
			}
			text := MessageText(m)
			for _, part := range []string{"Strong answer:", "Red flags:", "Follow-up:", "Scoring:"} {
				if strings.Count(text, part) != 5 {
					t.Errorf("batch %d: %q appears %d times, want once per question", i, part, strings.Count(text, part))
				}
			}
			comps := map[string]bool{}
			for _, id := range ids {
				if seen[id] {
					t.Errorf("batch %d repeats question %s", i, id)
				}
				seen[id] = true
				q, ok := pack.Question(id)
				if !ok {
					t.Fatalf("unknown question id %s", id)
				}
				comps[q.Competency] = true
			}
			if len(comps) != 5 {
				t.Errorf("batch %d covers %d competencies, want 5 different ones", i, len(comps))
			}
			more := buttonValues(t, m, "interview:more")
			if len(more) != 1 {
				t.Fatalf("batch %d has no More button", i)
			}
			if i < 10 {
				MustPress(t, fake, slacktest.Action{Channel: ch, User: "U1", ActionID: "interview:more#0", Value: more[0]})
			}
		}
	})

	t.Run("pool used up", func(t *testing.T) {
		const ch = "CIV2"
		var pool []string
		for _, q := range pack.Questions {
			if q.Competency == "tech-debt" {
				pool = append(pool, q.ID)
			}
		}
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/interview", Text: "tech-debt 10"})
		m := nextMessage(t, fake, ch, 0, "Interview questions for")
		if got := buttonValues(t, m, "interview:add"); len(got) != len(pool) {
			t.Fatalf("got %d tech-debt questions, the bank has %d", len(got), len(pool))
		}
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "U1", ActionID: "interview:more#0", Value: "tech-debt|10"})
		m = nextMessage(t, fake, ch, 0, "questions have been seen in this channel; start over")
		if len(buttonValues(t, m, "interview:reset")) != 1 {
			t.Error("no Start over button")
		}
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "U1", ActionID: "interview:reset#0", Value: "tech-debt|10"})
		nextMessage(t, fake, ch, 1, "Interview questions for")
	})

	t.Run("draft kind leads", func(t *testing.T) {
		const ch = "CIV3"
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/jd", Text: "start cto infrastructure"})
		liveMessage(t, fake, ch, "Responsibilities")
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/interview", Text: "4"})
		m := nextMessage(t, fake, ch, 0, "Interview questions for this channel's draft")
		kind, _ := pack.Kind("infrastructure")
		ids := questionIDs(t, m)
		lean := 0
		for _, id := range ids {
			q, _ := pack.Question(id)
			if slices.Contains(kind.Competencies, q.Competency) {
				lean++
			}
		}
		if lean < min(len(ids), len(kind.Competencies)) {
			t.Errorf("only %d of %d questions probe the infrastructure kind's competencies %v", lean, len(ids), kind.Competencies)
		}
	})

	t.Run("kit round trip", func(t *testing.T) {
		const ch = "CIV4"
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/interview", Text: "communication 2"})
		m := nextMessage(t, fake, ch, 0, "Interview questions for")
		ids := buttonValues(t, m, "interview:add")
		for _, id := range ids {
			MustPress(t, fake, slacktest.Action{Channel: ch, User: "U1", ActionID: "interview:add#0", Value: id})
		}
		for i := range ids {
			nextMessage(t, fake, ch, i, "Added to the channel's interview kit")
		}
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/interview", Text: "kit"})
		MustWaitMessage(t, fake, ch, "Interview kit (2 questions)", "Communication (2)")
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/interview", Text: "kit export"})
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		f, err := fake.WaitFile(ctx, func(f slacktest.File) bool { return f.Channel == ch })
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			q, _ := pack.Question(id)
			for _, part := range append(append(append([]string{q.Text}, q.Strong...), q.RedFlags...), append(q.FollowUps, q.Rubric[:]...)...) {
				if !strings.Contains(string(f.Content), part) {
					t.Errorf("the exported kit lacks %q", part)
				}
			}
		}
		MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/interview", Text: "kit remove 1"})
		MustWaitMessage(t, fake, ch, "Removed #1")
	})

	t.Run("competency in words", func(t *testing.T) {
		MustSlash(t, fake, slacktest.Slash{Channel: "CIV6", User: "U1", Command: "/interview", Text: "Strategic Thinking 2"})
		m := nextMessage(t, fake, "CIV6", 0, "Interview questions for Strategic thinking")
		for _, id := range questionIDs(t, m) {
			if q, _ := pack.Question(id); q.Competency != "strategic-thinking" {
				t.Errorf("question %s probes %s", id, q.Competency)
			}
		}
	})

	t.Run("words people type", func(t *testing.T) {
		for i, tt := range []struct{ text, want string }{
			{"hiring 3", "team-building"}, {"people management 2", "team-building"}, {"budget 2", "metrics-budget"},
			{"coaching 2", "mentoring"}, {"negotiation 2", "vendor-partners"}, {"compliance 2", "security-compliance"},
		} {
			ch := fmt.Sprintf("CIW%d", i)
			MustSlash(t, fake, slacktest.Slash{Channel: ch, User: "U1", Command: "/interview", Text: tt.text})
			m := nextMessage(t, fake, ch, 0, "Interview questions for")
			ids := questionIDs(t, m)
			if len(ids) == 0 {
				t.Errorf("/interview %s: no questions", tt.text)
			}
			for _, id := range ids {
				if q, _ := pack.Question(id); q.Competency != tt.want {
					t.Errorf("/interview %s: question %s probes %s, want %s", tt.text, id, q.Competency, tt.want)
				}
			}
		}
		MustSlash(t, fake, slacktest.Slash{Channel: "CIW4", User: "U1", Command: "/interview", Text: "negotiation 10"})
		nextMessage(t, fake, "CIW4", 0, "You asked for 10; the bank has only 8 Vendors and partners questions and 2 have been seen here already.")
	})

	t.Run("unknown word", func(t *testing.T) {
		MustSlash(t, fake, slacktest.Slash{Channel: "CIV5", User: "U1", Command: "/interview", Text: "infrastucture"})
		MustWaitMessage(t, fake, "CIV5", "Did you mean infrastructure")
	})
	MustNoViolations(t, fake)
}
