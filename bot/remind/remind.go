// Package remind sends panel members who have not submitted their
// scorecard a direct message with a button that opens it: a first
// reminder After they were put on the panel, then one Every while they
// have not submitted, at most Max in all. The schedule lives in the store
// (sessions.Store.TakeReminders), shared by every replica with no leader:
// each replica looks for reminders due every Tick and leases the ones it
// takes, so each is sent once; a replica that dies holding some leaves
// them to another when the lease ends, which first checks the DM (each
// reminder carries its reference as message metadata) and sends it only
// if it is not there: so none is lost and none sent twice. A reminder
// stops when its
// scorecard is submitted, or the candidate is closed, archived or erased,
// or the member is taken off the panel: it is checked against the
// candidate as stored just before it is sent.
package remind

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// Defaults of a Config.
const (
	DefaultAfter = 24 * time.Hour
	DefaultEvery = 24 * time.Hour
	DefaultMax   = 5
)

// Config paces the reminders. Zero values take the defaults.
type Config struct {
	After, Every time.Duration
	Max          int
	// Lease is how long a replica holds the reminders it takes before any
	// other may (default: a tenth of Every, between 1 s and 30 s).
	Lease time.Duration
	// Tick is how often a replica looks for reminders due (default: a
	// tenth of Every, between 100 ms and 10 s).
	Tick time.Duration
}

// withDefaults returns c with its zero values filled in.
func (c Config) withDefaults() Config {
	if c.After <= 0 {
		c.After = DefaultAfter
	}
	if c.Every <= 0 {
		c.Every = DefaultEvery
	}
	if c.Max <= 0 {
		c.Max = DefaultMax
	}
	if c.Lease <= 0 {
		c.Lease = min(max(c.Every/10, time.Second), 30*time.Second)
	}
	if c.Tick <= 0 {
		c.Tick = min(max(c.Every/10, 100*time.Millisecond), 10*time.Second)
	}
	return c
}

// Schedule is the store's schedule of reminders (see the package
// comment): TakeReminders leases up to limit reminders due by now to
// token until now+lease; ReminderSent counts one sent (or, sent false,
// not) and schedules the next at next, or drops it (last), reporting false
// when the lease ran out and another replica took it.
type Schedule interface {
	TakeReminders(ctx context.Context, now time.Time, lease time.Duration, token string, limit int) ([]scorecard.Reminder, error)
	ReminderSent(ctx context.Context, r scorecard.Reminder, sent bool, next time.Time, last bool) (bool, error)
}

// Candidates reads a candidate of a channel: scorecard.ErrNoCandidate
// when erased or expired.
type Candidates func(ctx context.Context, key hirebot.SessionKey, id string) (scorecard.Candidate, error)

// Messenger reaches Slack: DirectMessage sends user card in the app's
// direct messages with them, tagged with ref; SentDirect reports whether a
// message tagged ref is there already (among the newest).
type Messenger interface {
	DirectMessage(ctx context.Context, user, ref string, card *bot.Card) error
	SentDirect(ctx context.Context, user, ref string) (bool, error)
}

// Reminders sends the reminders due, on every replica.
type Reminders struct {
	cfg        Config
	schedule   Schedule
	candidates Candidates
	messenger  Messenger
	slash      string // the /interview command's name
	log        *slog.Logger
	token      string // this replica's
}

// New returns Reminders for cfg; slash names the /interview command.
func New(cfg Config, schedule Schedule, candidates Candidates, messenger Messenger, slash string, log *slog.Logger) *Reminders {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return &Reminders{cfg: cfg.withDefaults(), schedule: schedule, candidates: candidates, messenger: messenger,
		slash: slash, log: log, token: hex.EncodeToString(b)}
}

// Run sends reminders as they come due until ctx is done.
func (r *Reminders) Run(ctx context.Context) {
	t := time.NewTicker(r.cfg.Tick)
	defer t.Stop()
	n := 0
	for {
		n++
		r.Once(ctx, time.Now(), fmt.Sprintf("%s-%d", r.token, n))
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Once takes the reminders due by now under token and sends them.
func (r *Reminders) Once(ctx context.Context, now time.Time, token string) {
	due, err := r.schedule.TakeReminders(ctx, now, r.cfg.Lease, token, 50)
	if err != nil {
		if ctx.Err() == nil {
			r.log.Debug("could not look for reminders due", "err", err)
		}
		return
	}
	for _, rem := range due {
		r.send(ctx, rem)
	}
}

// send sends one reminder, if it is still owed, and marks it.
func (r *Reminders) send(ctx context.Context, rem scorecard.Reminder) {
	log := r.log.With("team", rem.Team, "channel", rem.Channel, "user", rem.User)
	c, err := r.candidates(ctx, hirebot.SessionKey{Team: rem.Team, Channel: rem.Channel}, rem.Candidate)
	owed := err == nil && Owed(c, rem.User)
	switch {
	case err != nil && !errors.Is(err, scorecard.ErrNoCandidate):
		log.Debug("could not read the candidate of a reminder; it comes due again when its lease ends", "err", err)
		return
	case !owed || rem.Sent >= r.cfg.Max:
		r.mark(ctx, log, rem, false, true)
		return
	}
	ref := Ref(rem)
	if rem.Previous != "" {
		// A replica took it and did not mark it: it died or hangs, before
		// sending or after. Slack says which.
		sent, err := r.messenger.SentDirect(ctx, rem.User, ref)
		switch {
		case err != nil:
			log.Warn("could not check whether a reminder left unmarked was sent; it comes due again when its lease ends", "err", err)
			return
		case sent:
			log.Info("a reminder left unmarked by another replica had been sent; marked", "reminder", rem.Sent+1)
			r.mark(ctx, log, rem, true, rem.Sent+1 >= r.cfg.Max)
			return
		}
		log.Info("a reminder left unmarked by another replica was not sent; sending it", "reminder", rem.Sent+1)
	}
	if err := r.messenger.DirectMessage(ctx, rem.User, ref, r.Card(c, rem)); err != nil {
		log.Warn("could not send a scorecard reminder; it comes due again when its lease ends", "err", err)
		return
	}
	r.mark(ctx, log, rem, true, rem.Sent+1 >= r.cfg.Max)
	log.Info("scorecard reminder sent", "reminder", rem.Sent+1, "of", r.cfg.Max)
}

// mark counts rem sent (or not) and schedules the next, or drops it.
func (r *Reminders) mark(ctx context.Context, log *slog.Logger, rem scorecard.Reminder, sent, last bool) {
	ok, err := r.schedule.ReminderSent(ctx, rem, sent, time.Now().Add(r.cfg.Every), last)
	switch {
	case err != nil:
		log.Warn("could not mark a reminder; it comes due again when its lease ends", "err", err)
	case !ok:
		log.Warn("a reminder's lease ran out before it was marked; another replica holds it")
	}
}

// Ref names one reminder, the same for every replica: the channel, the
// candidate, the user and which reminder it is.
func Ref(rem scorecard.Reminder) string {
	return fmt.Sprintf("%s|%s|%s|%d", rem.Channel, rem.Candidate, rem.User, rem.Sent+1)
}

// Owed reports whether user is owed reminders for c: on its panel, not
// submitted, the debrief open and the candidate not archived.
func Owed(c scorecard.Candidate, user string) bool {
	_, onPanel := c.Member(user)
	return onPanel && c.Archived == nil && !c.Closed && !c.Submitted(user)
}

// Card is the reminder user gets for c: who, where, which reminder it is,
// and a button that opens the scorecard.
func (r *Reminders) Card(c scorecard.Candidate, rem scorecard.Reminder) *bot.Card {
	return &bot.Card{
		Title: "Scorecard waiting: " + c.Name,
		Intro: fmt.Sprintf("You are on the panel for %s, and your scorecard is not in yet. It takes a few minutes: rate what you covered, “Not assessed” for the rest.", c.Name),
		Parts: []bot.Part{{Text: "The candidate is in", Channels: []string{rem.Channel}}},
		Buttons: []bot.Button{{Label: "Open the scorecard", Action: "interview:remind-open", Style: "primary",
			Value: rem.Channel + "|" + c.ID + "|" + c.Inc}},
		Note: fmt.Sprintf("Reminder %d of at most %d; they stop once you submit. %s scorecard %s in the channel opens it too.", rem.Sent+1, r.cfg.Max, r.slash, c.Name),
	}
}
