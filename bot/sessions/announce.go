package sessions

import (
	"context"
	"errors"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/redis/go-redis/v9"
)

// announceKey returns the key held while a replica announces what (a
// candidate's progress) in key's channel.
func announceKey(key hirebot.SessionKey, what string) (string, error) {
	sl, err := sessionSlot(key)
	if err == nil {
		err = checkID("announcement", what)
	}
	return sl.announce(what), err
}

// TakeAnnounceTurn takes, across replicas, the turn to announce what in
// key's channel, for hold at most; it reports false while another replica
// holds it.
func (s *Store) TakeAnnounceTurn(ctx context.Context, key hirebot.SessionKey, what string, hold time.Duration) (bool, error) {
	k, err := announceKey(key, what)
	if err != nil {
		return false, err
	}
	err = s.client.SetArgs(named(ctx, "take the turn to announce"), k, "1", redis.SetArgs{Mode: "NX", TTL: hold}).Err()
	switch {
	case errors.Is(err, redis.Nil):
		return false, nil
	case err != nil:
		return false, storeError("take the turn to announce", err)
	}
	return true, nil
}

// EndAnnounceTurn gives back the turn to announce what in key's channel.
func (s *Store) EndAnnounceTurn(ctx context.Context, key hirebot.SessionKey, what string) error {
	k, err := announceKey(key, what)
	if err != nil {
		return err
	}
	return storeError("give back the turn to announce", s.client.Del(named(ctx, "give back the turn to announce"), k).Err())
}
