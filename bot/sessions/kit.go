package sessions

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/hirebot/hirebot/bot/scorecard"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/redis/go-redis/v9"
)

// The interview kit: the questions already suggested in the channel (the
// asked set) and the questions saved to its kit, in order. The kit has a
// generation: a random word it keeps until it is cleared, in the
// session's meta hash (field kitgen).

// Asked returns the ids of the interview questions already suggested in
// the channel's session.
func (sc *Scope) Asked(ctx context.Context) (map[string]bool, error) {
	if sc.err != nil {
		return nil, sc.err
	}
	ids, err := sc.s.client.SMembers(named(ctx, "read asked questions"), sc.keys().asked).Result()
	if err != nil {
		return nil, storeError("read asked questions", err)
	}
	asked := make(map[string]bool, len(ids))
	for _, id := range ids {
		asked[id] = true
	}
	return asked, nil
}

// MarkAsked records that the questions ids were suggested in the channel.
func (sc *Scope) MarkAsked(ctx context.Context, ids ...string) error {
	return sc.changeAsked(ctx, "mark questions asked", "SADD", ids)
}

// MarkShown marks the questions ids asked (as MarkAsked) and records
// them, in order, as the last batch the scope's author was shown, for
// /interview kit add 2 4 5.
func (sc *Scope) MarkShown(ctx context.Context, ids ...string) error {
	if len(ids) == 0 || sc.user == "" {
		return sc.MarkAsked(ctx, ids...)
	}
	args := []any{sc.s.ttlMillis(), sc.user}
	for _, id := range ids {
		args = append(args, id)
	}
	_, err := sc.run(ctx, write{op: "mark questions asked", script: shownScript, keys: sc.keys().list(), args: args})
	return err
}

// LastBatch returns the questions the scope's author was last shown in
// the channel, in order (none when they were shown none, or the session
// expired).
func (sc *Scope) LastBatch(ctx context.Context) ([]string, error) {
	if sc.err != nil {
		return nil, sc.err
	}
	v, err := sc.s.client.HGet(named(ctx, "read the last batch"), sc.keys().meta, "batch:"+sc.user).Result()
	if errors.Is(err, redis.Nil) || v == "" {
		return nil, nil
	}
	if err != nil {
		return nil, storeError("read the last batch", err)
	}
	return strings.Split(v, ","), nil
}

// AddManyToKit appends the questions ids to the kit, in order, skipping
// those it holds, while it has room, if the kit is still of generation
// gen ("" for any), and returns those added; full says some did not fit.
// A kit cleared since is a *hirebot.GoneError.
func (sc *Scope) AddManyToKit(ctx context.Context, gen string, ids []string) (added []string, full bool, err error) {
	args := []any{sc.s.ttlMillis(), KitCap, gen, newGeneration()}
	for _, id := range ids {
		args = append(args, id)
	}
	r, err := sc.run(ctx, write{op: "add to interview kit", script: addKitManyScript, keys: sc.keys().list(), args: args})
	switch {
	case err != nil:
		return nil, false, err
	case r.status == "gone":
		return nil, false, &hirebot.GoneError{What: "kit"}
	}
	if r.value != "" {
		added = strings.Split(r.value, ",")
	}
	return added, r.status == "full", nil
}

// AddTeamToKit appends q, a team's own question, to the kit (as
// AddToKit), keeping its competency and text with the session; it
// reports false when the kit holds it already.
func (sc *Scope) AddTeamToKit(ctx context.Context, gen string, q scorecard.TeamQuestion) (bool, error) {
	b, err := json.Marshal(q)
	if err != nil {
		return false, fmt.Errorf("sessions: encode question: %w", err)
	}
	r, err := sc.run(ctx, write{op: "add to interview kit", script: addTeamScript, keys: sc.keys().list(),
		args: []any{sc.s.ttlMillis(), KitCap, gen, newGeneration(), q.ID, b}})
	return kitAdded(r, err)
}

// TeamQuestions returns the team's own questions kept with the session,
// by id (those the kit no longer holds too).
func (sc *Scope) TeamQuestions(ctx context.Context) (map[string]scorecard.TeamQuestion, error) {
	if sc.err != nil {
		return nil, sc.err
	}
	h, err := sc.s.client.HGetAll(named(ctx, "read the team's questions"), sc.keys().meta).Result()
	if err != nil {
		return nil, storeError("read the team's questions", err)
	}
	out := map[string]scorecard.TeamQuestion{}
	for f, v := range h {
		if id, ok := strings.CutPrefix(f, "tq:"); ok {
			var q scorecard.TeamQuestion
			if json.Unmarshal([]byte(v), &q) == nil {
				q.ID = id
				out[id] = q
			}
		}
	}
	return out, nil
}

// ForgetAsked lets the questions ids be suggested again in the channel.
func (sc *Scope) ForgetAsked(ctx context.Context, ids ...string) error {
	return sc.changeAsked(ctx, "forget asked questions", "SREM", ids)
}

// changeAsked adds ids to the asked set, or removes them (cmd SADD, SREM).
func (sc *Scope) changeAsked(ctx context.Context, op, cmd string, ids []string) error {
	if len(ids) == 0 {
		return sc.err
	}
	args := []any{sc.s.ttlMillis(), cmd}
	for _, id := range ids {
		args = append(args, id)
	}
	_, err := sc.run(ctx, write{op: op, script: askedScript, keys: sc.keys().list(), args: args})
	return err
}

// Kit returns the ids of the questions saved to the channel's interview
// kit, in the order they were added.
func (sc *Scope) Kit(ctx context.Context) ([]string, error) {
	if sc.err != nil {
		return nil, sc.err
	}
	ids, err := sc.s.client.LRange(named(ctx, "read interview kit"), sc.keys().kit, 0, -1).Result()
	if err != nil {
		return nil, storeError("read interview kit", err)
	}
	return ids, nil
}

// KitAndDraft returns the kit (as Kit) and the channel's draft (nil when
// it has none), read together in one round trip: what the channel's
// scorecards rate is the kit's, else the draft's.
func (sc *Scope) KitAndDraft(ctx context.Context) ([]string, *draft.Draft, error) {
	const op = "read interview kit and draft"
	if sc.err != nil {
		return nil, nil, sc.err
	}
	ctx = named(ctx, op)
	var kit *redis.StringSliceCmd
	var d *redis.StringCmd
	_, err := sc.s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		kit = p.LRange(ctx, sc.keys().kit, 0, -1)
		d = p.HGet(ctx, sc.keys().draft, "d")
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, nil, storeError(op, err)
	}
	b, err := d.Bytes()
	if errors.Is(err, redis.Nil) {
		return kit.Val(), nil, nil
	}
	if err != nil {
		return nil, nil, storeError(op, err)
	}
	dr, err := decodeDraft(b)
	return kit.Val(), dr, err
}

// AddToKit saves question id to the channel's interview kit, if the kit
// is still of generation gen ("" for any; a *hirebot.GoneError if it was
// cleared since). It returns false if the kit holds it already, and a
// *hirebot.FullError if the kit is full (KitCap questions).
func (sc *Scope) AddToKit(ctx context.Context, gen, id string) (bool, error) {
	r, err := sc.run(ctx, write{op: "add to interview kit", script: addKitScript, keys: sc.keys().list(),
		args: []any{sc.s.ttlMillis(), id, KitCap, gen, newGeneration()}})
	return kitAdded(r, err)
}

// RemoveFromKit removes the nth question (1-based) of the channel's
// interview kit and returns its id. An n out of range is a
// *hirebot.RangeError with the kit's size.
func (sc *Scope) RemoveFromKit(ctx context.Context, n int) (string, error) {
	r, err := sc.run(ctx, write{op: "remove from interview kit", script: removeKitScript, keys: sc.keys().list(),
		args: []any{sc.s.ttlMillis(), n, "", "", ""}})
	switch {
	case err != nil:
		return "", err
	case r.status == "range":
		size, _ := strconv.Atoi(r.value)
		return "", &hirebot.RangeError{What: "the interview kit", N: n, Size: size}
	}
	return r.value, nil
}

// RemoveFromKitIf removes the nth question (1-based) of the channel's
// interview kit if the kit is still of generation gen (a
// *hirebot.GoneError otherwise) and question id is still there: what a
// confirmation was shown for. It returns false, changing nothing, if the
// kit changed since.
func (sc *Scope) RemoveFromKitIf(ctx context.Context, gen string, n int, id string) (bool, error) {
	r, err := sc.run(ctx, write{op: "remove from interview kit", script: removeKitScript, keys: sc.keys().list(),
		args: []any{sc.s.ttlMillis(), n, gen, id, newGeneration()}})
	switch {
	case err != nil:
		return false, err
	case r.status == "gone":
		return false, &hirebot.GoneError{What: "kit"}
	}
	return r.status == "ok", nil
}

// ClearKit empties the channel's interview kit if it is still of
// generation gen (a *hirebot.GoneError otherwise) and holds exactly
// expect, the questions shown when the person was asked to confirm; it
// returns false, changing nothing, if the kit changed since. The emptied
// kit gets a new generation: nothing shown for the old one acts on it.
func (sc *Scope) ClearKit(ctx context.Context, gen string, expect []string) (bool, error) {
	r, err := sc.run(ctx, write{op: "clear interview kit", script: clearKitScript, keys: sc.keys().list(),
		args: []any{sc.s.ttlMillis(), gen, newGeneration(), strings.Join(expect, "\n")}})
	if err == nil && r.status == "gone" {
		return false, &hirebot.GoneError{What: "kit"}
	}
	return r.status == "ok", err
}

// KitGeneration returns the generation of the channel's interview kit: a
// random word the kit keeps until it is cleared, when it gets a new one
// (a kit that never had one gets it now). Buttons and confirmations shown
// for the kit carry it, so that nothing shown before a clear acts on the
// kit built after it.
func (sc *Scope) KitGeneration(ctx context.Context) (string, error) {
	if sc.err != nil {
		return "", sc.err
	}
	v, err := kitGenScript.Run(named(ctx, "read the interview kit's generation"), sc.s.client, sc.keys().list(),
		sc.s.ttlMillis(), newGeneration()).Text()
	if err != nil {
		return "", storeError("read the interview kit's generation", err)
	}
	return v, nil
}

// newGeneration returns a fresh generation: 64 random bits in base 36.
func newGeneration() string { return strconv.FormatUint(rand.Uint64(), 36) }

// kitAdded reads the outcome of a script that adds to the kit: true when
// it added, false when the kit held the question already.
func kitAdded(r result, err error) (bool, error) {
	switch {
	case err != nil:
		return false, err
	case r.status == "gone":
		return false, &hirebot.GoneError{What: "kit"}
	case r.status == "full":
		return false, &hirebot.FullError{What: "the interview kit", Cap: KitCap}
	}
	return r.status == "ok", nil
}
