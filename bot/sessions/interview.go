package sessions

import (
	"context"
	"fmt"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/redis/go-redis/v9"
)

// Asked returns the ids of the interview questions already suggested in
// the channel's session.
func (s *Store) Asked(ctx context.Context, key hirebot.SessionKey) (map[string]bool, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return nil, err
	}
	ids, err := s.client.SMembers(ctx, k.asked).Result()
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
// A pending claim is recorded first (dedup.ErrDuplicate if another
// delivery recorded it); claim may be nil, as for every write below.
func (s *Store) MarkAsked(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, ids ...string) error {
	return s.changeAsked(ctx, "mark questions asked", key, claim, ids, markAskedScript)
}

// ForgetAsked lets the questions ids be suggested again in the channel.
func (s *Store) ForgetAsked(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, ids ...string) error {
	return s.changeAsked(ctx, "forget asked questions", key, claim, ids, forgetAskedScript)
}

// changeAsked runs script, which changes the asked set, with ids.
func (s *Store) changeAsked(ctx context.Context, op string, key hirebot.SessionKey, claim *dedup.Claim, ids []string, script *redis.Script) error {
	k, err := sessionKeys(key)
	if err != nil || len(ids) == 0 {
		return err
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	_, err = s.run(ctx, op, script, k, claim, args...)
	return err
}

// Kit returns the ids of the questions saved to the channel's interview
// kit, in the order they were added.
func (s *Store) Kit(ctx context.Context, key hirebot.SessionKey) ([]string, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return nil, err
	}
	ids, err := s.client.LRange(ctx, k.kit, 0, -1).Result()
	if err != nil {
		return nil, storeError("read interview kit", err)
	}
	return ids, nil
}

// AddToKit saves question id to the channel's interview kit, if the kit
// is still of generation gen ("" for any; a *hirebot.GoneError if it was
// cleared since). It returns false if the kit holds it already, and a
// *hirebot.FullError if the kit is full (KitCap questions).
func (s *Store) AddToKit(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, gen, id string) (bool, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return false, err
	}
	n, err := s.runClaimedInt(ctx, "add to interview kit", addKitScript, k, key, claim, id, KitCap, gen, newGeneration())
	switch {
	case err != nil:
		return false, err
	case n == -5:
		return false, &hirebot.GoneError{What: "kit"}
	case n < 0:
		return false, &hirebot.FullError{What: "the interview kit", Cap: KitCap}
	}
	return n == 1, nil
}

// RemoveFromKit removes the nth question (1-based) of the channel's
// interview kit and returns its id. An n out of range is a
// *hirebot.RangeError with the kit's size.
func (s *Store) RemoveFromKit(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, n int) (string, error) {
	k, err := sessionKeys(key)
	if err != nil {
		return "", err
	}
	v, err := s.runClaimed(ctx, "remove from interview kit", removeKitScript, k, key, claim, n)
	if err != nil {
		return "", err
	}
	res, ok := v.([]any)
	if !ok || len(res) != 2 {
		return "", fmt.Errorf("sessions: remove from interview kit: script returned %v", v)
	}
	status, _ := res[0].(int64)
	if err := claimResult(claim, status); err != nil {
		return "", err
	}
	if status == 1 {
		id, _ := res[1].(string)
		return id, nil
	}
	size, _ := res[1].(int64)
	return "", &hirebot.RangeError{What: "the interview kit", N: n, Size: int(size)}
}
