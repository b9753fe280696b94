package main

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/internal/slacktest"
	"github.com/hirebot/hirebot/knowledge"
)

// mustOpenScorecard runs /interview scorecard <name> as user and returns
// the modal it opened.
func mustOpenScorecard(tb testing.TB, fake *slacktest.Server, channel, user, name string) slacktest.View {
	tb.Helper()
	before := len(fake.Views())
	MustSlash(tb, fake, slacktest.Slash{Channel: channel, User: user, Command: "/interview", Text: "scorecard " + name})
	var view slacktest.View
	ok := pollUntil(10*time.Second, func() bool {
		vs := fake.Views()
		for _, v := range vs[min(before, len(vs)):] {
			if v.User == user && v.CallbackID == "interview:score" {
				view = v
				return true
			}
		}
		return false
	})
	if !ok {
		tb.Fatalf("/interview scorecard %s opened no modal for %s", name, user)
	}
	return view
}

// scorecardInputs returns the block ids of a scorecard view's ratings and
// notes.
func scorecardInputs(tb testing.TB, v slacktest.View) (ratings, notes []string) {
	tb.Helper()
	var view struct {
		Blocks []struct {
			Type    string `json:"type"`
			BlockID string `json:"block_id"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(v.JSON, &view); err != nil {
		tb.Fatal(err)
	}
	for _, b := range view.Blocks {
		switch {
		case strings.HasPrefix(b.BlockID, "r:"):
			ratings = append(ratings, b.BlockID)
		case strings.HasPrefix(b.BlockID, "n:"):
			notes = append(notes, b.BlockID)
		}
	}
	if len(ratings) == 0 {
		tb.Fatalf("the scorecard has no ratings: %s", v.JSON)
	}
	return ratings, notes
}

// scorecardValues fills a scorecard: the first competency rated first,
// every other rated rest, a note on the first, and a recommendation.
func scorecardValues(tb testing.TB, v slacktest.View, first, rest int, note, rec string) map[string]map[string]string {
	tb.Helper()
	ratings, notes := scorecardInputs(tb, v)
	values := map[string]map[string]string{"rec": {"rec": rec}}
	for i, id := range ratings {
		r := rest
		if i == 0 {
			r = first
		}
		values[id] = map[string]string{id: fmt.Sprint(r)}
	}
	if note != "" && len(notes) > 0 {
		values[notes[0]] = map[string]string{notes[0]: note}
	}
	return values
}

// mustSubmit submits a scorecard view and waits for the private
// confirmation.
func mustSubmit(tb testing.TB, fake *slacktest.Server, channel string, v slacktest.View, values map[string]map[string]string, want ...string) {
	tb.Helper()
	since := MustMark(tb, fake)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: v.User, ViewID: v.ID, Values: values}); err != nil {
		tb.Fatal(err)
	}
	m := MustWaitReply(tb, fake, since, channel, want...)
	if !m.Ephemeral || m.User != v.User {
		tb.Errorf("the reply to %s's submission is not private to them: %+v", v.User, m)
	}
}

// mustRefuseForm submits a scorecard view that must be refused: the ack
// keeps the modal open (response_action "errors") with a message holding
// every one of want under the input field, or under any input when field
// is "", and no message is posted for it.
func mustRefuseForm(tb testing.TB, fake *slacktest.Server, channel string, v slacktest.View, values map[string]map[string]string, field string, want ...string) {
	tb.Helper()
	since := MustMark(tb, fake)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ack, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: v.User, ViewID: v.ID, Values: values})
	if err != nil {
		tb.Fatal(err)
	}
	var got struct {
		Action string            `json:"response_action"`
		Errors map[string]string `json:"errors"`
	}
	if err := json.Unmarshal(ack.Payload, &got); err != nil || got.Action != "errors" || len(got.Errors) != 1 {
		tb.Fatalf("the refused form was not kept open with its reason: ack %s (%v)", ack.Payload, err)
	}
	inputs := viewInputs(v)
	for id, msg := range got.Errors {
		if !inputs[id] || (field != "" && id != field) {
			tb.Errorf("the reason is under %q; want an input of the form%s", id, map[bool]string{true: " (" + field + ")"}[field != ""])
		}
		if !containsAll(msg, want) {
			tb.Errorf("the reason %q lacks %q", msg, want)
		}
	}
	for _, m := range fake.Messages(channel) {
		if m.TS > since && m.User == v.User {
			tb.Errorf("a refused form also posted a message: %s", MessageText(m))
		}
	}
}

// viewInputs returns the block ids of a view's input blocks.
func viewInputs(v slacktest.View) map[string]bool {
	var view struct {
		Blocks []struct {
			Type    string `json:"type"`
			BlockID string `json:"block_id"`
		} `json:"blocks"`
	}
	_ = json.Unmarshal(v.JSON, &view)
	out := map[string]bool{}
	for _, b := range view.Blocks {
		if b.Type == "input" {
			out[b.BlockID] = true
		}
	}
	return out
}

// channelText is every message the channel sees (not ephemeral) and every
// file uploaded to it.
func channelText(fake *slacktest.Server, channel string) string {
	var parts []string
	for _, m := range fake.Messages(channel) {
		if !m.Ephemeral {
			parts = append(parts, MessageText(m))
		}
	}
	for _, f := range fake.Files() {
		if f.Channel == channel {
			parts = append(parts, f.Title, string(f.Content))
		}
	}
	return strings.Join(parts, "\n")
}

// TestScorecardsOverSocketMode runs the scorecard loop on two replicas
// sharing one Redis: several interviewers score at once, a redelivered
// submission counts once, the debrief is blind to a non-scorer and flags
// a disagreement, the channel sees progress only, and removal deletes
// every key.
func TestScorecardsOverSocketMode(t *testing.T) {
	t.Parallel()
	fake, srv, cfg := MustOnRedis(t)
	cfg.CandidateTTL = 5 * time.Hour
	b1, b2 := MustStartReplicas(t, fake, cfg)
	const (
		ch        = "CSCORE"
		name      = "Ada Lovelace"
		highNote  = "Mapped the platform bets to quarters zebrafinch"
		lowNote   = "Could not name one trade-off harmonica"
		laterNote = "Second thoughts on the roadmap okapi"
	)
	notes := []string{highNote, lowNote, laterNote}
	MustCommand(t, fake, ch, "UOWNER", "/jd", "start cto infrastructure", "Started a draft")
	MustCommand(t, fake, ch, "U1", "/interview", "candidate add ada@example.com", "e-mail")
	MustCommand(t, fake, ch, "U1", "/interview", "candidate add "+name, "Added "+name)
	MustCommand(t, fake, ch, "U2", "/interview", "scorecard Ada Lovelase", "Did you mean "+name)

	scorers := []string{"U1", "U2", "U3", "U4", "U5", "U6"}
	views := map[string]slacktest.View{}
	for _, u := range append(scorers, "U7") {
		views[u] = mustOpenScorecard(t, fake, ch, u, name)
	}

	t.Run("a submission with missing state is refused", func(t *testing.T) {
		// No state at all: the listener refuses the form before any handler
		// (issue 13); a form with some fields reaches the scorecard's own
		// check.
		mustSubmit(t, fake, ch, views["U7"], nil, "arrived without its fields", "nothing was changed", "Open it again")
		mustRefuseForm(t, fake, ch, views["U7"], map[string]map[string]string{"rec": {"rec": "yes"}}, "", "Nothing was saved")
		// A rating left out is named beside its own input.
		values := scorecardValues(t, views["U7"], 3, 3, "", "yes")
		var rating string
		for id := range values {
			if strings.HasPrefix(id, "r:") && (rating == "" || id < rating) {
				rating = id
			}
		}
		delete(values, rating)
		mustRefuseForm(t, fake, ch, views["U7"], values, rating, "Nothing was saved yet")
	})

	t.Run("concurrent scorers on two replicas", func(t *testing.T) {
		h1, h2 := handledBy(b1), handledBy(b2)
		var wg sync.WaitGroup
		for i, u := range scorers {
			first, note, rec := 4, highNote, "strong-yes"
			if i%2 == 1 {
				first, note, rec = 1, lowNote, "no"
			}
			values := scorecardValues(t, views[u], first, 3, note, rec)
			wg.Go(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				if _, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: u, ViewID: views[u].ID, Values: values,
					EnvelopeID: "env-score-" + u}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		// One progress line a submission, posted one at a time, each with
		// the count stored when it went out: the last says all six.
		MustEventually(t, 10*time.Second, "six progress lines, the last with all six", func() bool {
			lines := progressLines(fake, ch)
			return len(lines) == len(scorers) && strings.Contains(lines[len(lines)-1], name+": 6 of 7 scorecards in.")
		})
		// A bot logs "handled" once it has delivered the reply, which may
		// be just after the progress post: wait for the lines.
		MustEventually(t, 10*time.Second, "both replicas to log a handled submission", func() bool {
			return handledBy(b1) > h1 && handledBy(b2) > h2
		})
	})

	t.Run("App Home lists the scorecards waiting", func(t *testing.T) {
		for _, tt := range []struct{ user, want, not string }{
			{"U7", "Scorecards to submit (1)", "None waiting"},
			{"U1", "None waiting", name},
		} {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if _, err := fake.SendEvent(ctx, "", fake.AppHomeOpenedEvent(tt.user)); err != nil {
				t.Fatal(err)
			}
			c, err := fake.WaitCall(ctx, "views.publish", func(c slacktest.Call) bool { return c.Params["user_id"] == tt.user })
			if err != nil {
				t.Fatal(err)
			}
			body := string(c.Body)
			if !strings.Contains(body, tt.want) || strings.Contains(body, tt.not) {
				t.Errorf("%s's Home tab: want %q and no %q: %s", tt.user, tt.want, tt.not, body)
			}
			if tt.user == "U7" && (!strings.Contains(body, name) || !strings.Contains(body, "#"+ch)) {
				t.Errorf("U7's Home tab does not name the candidate and channel: %s", body)
			}
		}
	})

	t.Run("a redelivered submission has one effect", func(t *testing.T) {
		values := scorecardValues(t, views["U1"], 2, 2, laterNote, "no")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{User: "U1", ViewID: views["U1"].ID, Values: values,
			EnvelopeID: "env-score-U1", RetryAttempt: 1}); err != nil {
			t.Fatal(err)
		}
		if !pollUntil(10*time.Second, func() bool {
			return strings.Contains(logsOf(b1, b2), `"dedup_id":"envelope:env-score-U1"`)
		}) {
			t.Fatal("no replica dropped the redelivered submission as a duplicate")
		}
		MustCommand(t, fake, ch, "U1", "/interview", "debrief "+name, highNote)
		if got := MessageText(MustCommand(t, fake, ch, "U1", "/interview", "debrief "+name, "Recommendations")); strings.Contains(got, laterNote) {
			t.Error("the redelivered submission replaced the first")
		}
		announced := 0
		for _, m := range fake.Messages(ch) {
			if !m.Ephemeral && strings.Contains(MessageText(m), "scorecards in") {
				announced++
			}
		}
		if announced != len(scorers) {
			t.Errorf("%d progress messages for %d submissions", announced, len(scorers))
		}
	})

	t.Run("blind until you submit", func(t *testing.T) {
		m := MustCommand(t, fake, ch, "U7", "/interview", "debrief "+name, "Submitted", "@U1", "@U6", "hidden")
		for _, secret := range append(notes, "spread", "Strong yes", "disagree") {
			if strings.Contains(MessageText(m), secret) {
				t.Errorf("U7, who has not scored, sees %q", secret)
			}
		}
		MustCommand(t, fake, ch, "U7", "/interview", "debrief "+name+" export", "only those who submitted")
	})

	t.Run("the debrief flags a disagreement", func(t *testing.T) {
		m := MustCommand(t, fake, ch, "U2", "/interview", "debrief "+name, "disagreement", "spread 3", highNote, lowNote,
			"Strong yes: 3", "No: 3")
		if !m.Ephemeral {
			t.Error("the debrief was posted in the channel")
		}
		// The draft's owner has no say over scorecards: the loop is U1's,
		// who added the first candidate.
		if m := MustCommand(t, fake, ch, "UOWNER", "/interview", "debrief "+name, "hidden"); strings.Contains(MessageText(m), highNote) {
			t.Error("the draft's owner reads the debrief without scoring")
		}
	})

	t.Run("the channel sees progress only", func(t *testing.T) {
		seen := channelText(fake, ch)
		for _, secret := range notes {
			if strings.Contains(seen, secret) {
				t.Errorf("the channel saw the note %q", secret)
			}
		}
		// The debrief's marks ("spread 3", "Strong yes: 3"), not the word
		// "spread" a draft may use ("teams spread across time zones").
		if regexp.MustCompile(`spread \d`).MatchString(seen) || strings.Contains(seen, "Strong yes") {
			t.Error("the channel saw ratings or recommendations")
		}
		logs := logsOf(b1, b2)
		for _, secret := range append(notes, name, "Lovelace", "Lovelase") {
			if strings.Contains(logs, secret) {
				t.Errorf("the logs hold %q", secret)
			}
		}
	})

	t.Run("close freezes it; export is deliberate", func(t *testing.T) {
		MustCommand(t, fake, ch, "U2", "/interview", "debrief "+name+" close", "Only @U1, who runs the channel's interview loop")
		MustCommand(t, fake, ch, "UOWNER", "/interview", "debrief "+name+" close", "Only @U1")
		MustCommand(t, fake, ch, "U1", "/interview", "debrief "+name+" close", "is closed")
		mustRefuseForm(t, fake, ch, views["U7"], scorecardValues(t, views["U7"], 3, 3, "", "yes"), "", "closed")
		MustCommand(t, fake, ch, "U1", "/interview", "debrief "+name+" export", "Uploaded the debrief")
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		f, err := fake.WaitFile(ctx, func(f slacktest.File) bool {
			return f.Channel == ch && strings.HasPrefix(f.Name, "debrief-ada-lovelace-") && strings.HasSuffix(f.Name, ".md")
		})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(f.Content), highNote) || !strings.Contains(string(f.Content), "interviewers disagree") {
			t.Errorf("the export lacks the notes or the disagreement:\n%s", f.Content)
		}
	})

	t.Run("removal archives; erasure deletes everything", func(t *testing.T) {
		rdb := mustRedis(t, srv.URL())
		pattern := "hirebot:{" + fake.TeamID() + ":*"
		before := scanKeys(t, rdb, pattern)
		if !strings.Contains(strings.Join(before, " "), ":cand:") {
			t.Fatalf("no candidate key before removal: %v", before)
		}
		for _, k := range before {
			if !strings.Contains(k, ":cand") {
				continue
			}
			if d := rdb.PTTL(context.Background(), k).Val(); d <= 4*time.Hour || d > cfg.CandidateTTL {
				t.Errorf("%s expires in %v, want HIREBOT_CANDIDATE_TTL (%v)", k, d, cfg.CandidateTTL)
			}
		}
		// Remove archives: the record is kept, for the record retention.
		MustCommand(t, fake, ch, "U1", "/interview", "candidate remove "+name, "Archived "+name+" with 6 scorecards")
		MustCommand(t, fake, ch, "U1", "/interview", "candidates", "No candidates")
		MustCommand(t, fake, ch, "U1", "/interview", "candidates archived", name+" — 6 scorecards, archived by @U1")
		for _, k := range scanKeys(t, rdb, pattern) {
			if strings.Contains(k, ":cand:") {
				if d := rdb.PTTL(context.Background(), k).Val(); d <= cfg.CandidateTTL || d > cfg.RecordRetention {
					t.Errorf("archived %s expires in %v, want HIREBOT_RECORD_RETENTION (%v)", k, d, cfg.RecordRetention)
				}
			}
		}
		MustCommand(t, fake, ch, "U2", "/interview", "candidate restore "+name, "Only @U1")
		MustCommand(t, fake, ch, "U1", "/interview", "candidate restore "+name, "Restored "+name+" with 6 scorecards")
		MustCommand(t, fake, ch, "U1", "/interview", "candidates", name)
		// Erase deletes every key, once confirmed.
		MustCommand(t, fake, ch, "U1", "/interview", "candidate remove "+name, "Archived "+name)
		m := MustCommand(t, fake, ch, "U1", "/interview", "candidate erase "+name, "Erase "+name, "6 scorecards")
		ids := buttonValues(t, m, "interview:candidate-erase")
		if len(ids) != 1 {
			t.Fatalf("the confirmation has %d erase buttons", len(ids))
		}
		MustPress(t, fake, slacktest.Action{Channel: ch, User: "U1", ActionID: "interview:candidate-erase#0", Value: ids[0], MessageTS: m.TS})
		MustWaitMessage(t, fake, ch, "Erased "+name+" and 6 scorecards for good") // replaces the confirmation
		for _, k := range scanKeys(t, rdb, pattern) {
			if strings.Contains(k, ":cand") || strings.HasSuffix(k, ":candidates") || strings.HasSuffix(k, ":archived") || strings.HasSuffix(k, ":scoring") {
				t.Errorf("key %s survived the erasure", k)
			}
		}
		MustCommand(t, fake, ch, "U1", "/interview", "candidates", "No candidates")
	})
	t.Run("help names the subcommands", func(t *testing.T) {
		MustCommand(t, fake, ch, "U1", "/interview", "help", "/interview candidate add", "/interview candidates", "/interview scorecard",
			"export — upload the debrief")
	})

	t.Run("the largest kit's scorecard fits a modal", func(t *testing.T) {
		const big = "CBIGKIT"
		store := mustStoreOn(t, srv.URL())
		pack, err := knowledge.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		comps := map[string]bool{}
		key := hirebot.SessionKey{Team: fake.TeamID(), Channel: big}
		for _, q := range pack.Questions { // every competency first, then fill the kit
			if !comps[q.Competency] {
				comps[q.Competency] = true
				if _, err := store.Scope(key, nil, "").AddToKit(context.Background(), "", q.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, q := range pack.Questions {
			if kit, _ := store.Scope(key, nil, "").Kit(context.Background()); len(kit) >= sessions.KitCap {
				break
			}
			if _, err := store.Scope(key, nil, "").AddToKit(context.Background(), "", q.ID); err != nil {
				t.Fatal(err)
			}
		}
		MustCommand(t, fake, big, "U1", "/interview", "candidate add Grace Hopper", "Added Grace Hopper")
		v := mustOpenScorecard(t, fake, big, "U1", "Grace Hopper")
		ratings, _ := scorecardInputs(t, v)
		if len(ratings) != len(comps) {
			t.Errorf("the scorecard rates %d competencies, the kit has %d", len(ratings), len(comps))
		}
		mustSubmit(t, fake, big, v, scorecardValues(t, v, 2, 3, "fine", "yes"), "Your scorecard for Grace Hopper is saved")
	})
	MustNoViolations(t, fake)
}

// scanKeys lists the Redis keys matching pattern.
func scanKeys(tb testing.TB, rdb redis.UniversalClient, pattern string) []string {
	tb.Helper()
	keys, err := rdb.Keys(context.Background(), pattern).Result()
	if err != nil {
		tb.Fatal(err)
	}
	return keys
}

// progressLines returns the progress lines posted in channel, in order.
func progressLines(fake *slacktest.Server, channel string) []string {
	var out []string
	for _, m := range fake.Messages(channel) {
		if !m.Ephemeral && strings.Contains(MessageText(m), "scorecards in") {
			out = append(out, MessageText(m))
		}
	}
	return out
}
