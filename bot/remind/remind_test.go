package remind

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/internal/golden"
)

// fakeSchedule holds reminders due and records how each was marked.
type fakeSchedule struct {
	mu     sync.Mutex
	due    []scorecard.Reminder
	marked map[string][2]bool // user → sent, last
}

func (f *fakeSchedule) TakeReminders(_ context.Context, _ time.Time, _ time.Duration, token string, _ int) ([]scorecard.Reminder, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.due
	f.due = nil
	for i := range out {
		out[i].Token = token
	}
	return out, nil
}

func (f *fakeSchedule) ReminderSent(_ context.Context, r scorecard.Reminder, sent bool, _ time.Time, last bool) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.marked[r.User] = [2]bool{sent, last}
	return true, nil
}

type fakeMessenger struct {
	sent map[string]*bot.Card
	refs map[string]bool
}

func (f *fakeMessenger) DirectMessage(_ context.Context, user, ref string, c *bot.Card) error {
	f.sent[user] = c
	f.refs[ref] = true
	return nil
}

func (f *fakeMessenger) SentDirect(_ context.Context, _, ref string) (bool, error) {
	return f.refs[ref], nil
}

// TestOnce is the table of what a reminder due becomes: sent, counted,
// and the last one dropped; not sent, and dropped, once it is no longer
// owed.
func TestOnce(t *testing.T) {
	c := scorecard.Candidate{ID: scorecard.ID("Ada Lovelace"), Inc: "k1", Name: "Ada Lovelace",
		Panel: []scorecard.PanelMember{{User: "UWAIT"}, {User: "ULAST"}, {User: "UDONE"}, {User: "UMAX"}},
		Cards: map[string]scorecard.Scorecard{"UDONE": {}}}
	closed := c
	closed.ID, closed.Closed, closed.Panel = scorecard.ID("Grace Hopper"), true, []scorecard.PanelMember{{User: "UCLOSED"}}
	archived := c
	archived.ID, archived.Archived, archived.Panel = scorecard.ID("Katherine Johnson"), &scorecard.Archive{}, []scorecard.PanelMember{{User: "UARCH"}}
	stored := map[string]scorecard.Candidate{c.ID: c, closed.ID: closed, archived.ID: archived}
	rem := func(user, id string, sent int) scorecard.Reminder {
		return scorecard.Reminder{Team: "T1", Channel: "C1", Candidate: id, User: user, Sent: sent}
	}
	sched := &fakeSchedule{marked: map[string][2]bool{}, due: []scorecard.Reminder{
		rem("UWAIT", c.ID, 0), rem("ULAST", c.ID, 2), rem("UDONE", c.ID, 0), rem("UMAX", c.ID, 3),
		rem("UOFF", c.ID, 0), rem("UCLOSED", closed.ID, 0), rem("UARCH", archived.ID, 0), rem("UGONE", scorecard.ID("Nobody Here"), 0),
	}}
	// A replica died after sending USENT's reminder, before marking it;
	// another did not get to send URETRY's.
	sentBefore, retry := rem("USENT", c.ID, 1), rem("URETRY", c.ID, 0)
	sentBefore.Previous, retry.Previous = "dead", "dead"
	sched.due = append(sched.due, sentBefore, retry)
	c.Panel = append(c.Panel, scorecard.PanelMember{User: "USENT"}, scorecard.PanelMember{User: "URETRY"})
	stored[c.ID] = c
	msgs := &fakeMessenger{sent: map[string]*bot.Card{}, refs: map[string]bool{}}
	read := func(_ context.Context, _ hirebot.SessionKey, id string) (scorecard.Candidate, error) {
		if c, ok := stored[id]; ok {
			return c, nil
		}
		return scorecard.Candidate{}, scorecard.ErrNoCandidate
	}
	r := New(Config{After: time.Second, Every: time.Second, Max: 3}, sched, read, msgs, "/interview", slog.New(slog.NewTextHandler(io.Discard, nil)))
	msgs.refs[Ref(sentBefore)] = true
	r.Once(t.Context(), time.Now(), "tok")
	for user, want := range map[string][2]bool{
		"UWAIT": {true, false}, "ULAST": {true, true}, "UDONE": {false, true}, "UMAX": {false, true},
		"UOFF": {false, true}, "UCLOSED": {false, true}, "UARCH": {false, true}, "UGONE": {false, true},
		"URETRY": {true, false},
	} {
		if got := sched.marked[user]; got != want {
			t.Errorf("%s marked sent %v last %v, want %v", user, got[0], got[1], want)
		}
		if _, sent := msgs.sent[user]; sent != want[0] {
			t.Errorf("%s sent a DM: %v, want %v", user, sent, want[0])
		}
	}
	if got := sched.marked["USENT"]; got != [2]bool{true, false} {
		t.Errorf("USENT's reminder, sent by a replica that died before marking it: marked %v, want sent and counted", got)
	}
	if _, again := msgs.sent["USENT"]; again {
		t.Error("USENT's reminder was sent twice")
	}
	card := msgs.sent["ULAST"]
	if card == nil || !strings.Contains(card.Note, "Reminder 3 of at most 3") || len(card.Buttons) != 1 ||
		card.Buttons[0].Action != "interview:remind-open" || card.Buttons[0].Value != "C1|"+c.ID+"|k1" {
		t.Errorf("the last reminder's card: %+v", card)
	}
}

func TestReminderCardGolden(t *testing.T) {
	r := New(Config{Max: 5}, nil, nil, nil, "/interview", slog.New(slog.NewTextHandler(io.Discard, nil)))
	c := scorecard.Candidate{ID: scorecard.ID("Ada Lovelace"), Inc: "k1", Name: "Ada <!here> Lovelace"}
	golden.MatchJSON(t, filepath.Join("testdata", "golden", "card-reminder.json"),
		blockkit.Card(r.Card(c, scorecard.Reminder{Team: "T1", Channel: "C1", Candidate: c.ID, User: "U1", Sent: 1})))
}
