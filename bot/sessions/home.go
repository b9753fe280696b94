package sessions

import (
	"context"
	"slices"

	"github.com/hirebot/hirebot"
	"github.com/redis/go-redis/v9"
)

// UserDrafts returns, sorted, the ids of the channels of team where user
// started or edited a draft that still exists, for the App Home. Channels
// whose draft is gone are dropped from the index as a side effect.
func (s *Store) UserDrafts(ctx context.Context, team, user string) ([]string, error) {
	sl, err := userSlot(team, user)
	if err != nil {
		return nil, err
	}
	index := sl.key("drafts")
	ctx = named(ctx, "read user drafts")
	channels, err := s.client.SMembers(ctx, index).Result()
	if err != nil {
		return nil, storeError("read user drafts", err)
	}
	if len(channels) == 0 {
		return nil, nil
	}
	exists := make([]*redis.BoolCmd, len(channels))
	_, err = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, ch := range channels {
			sl, err := sessionSlot(hirebot.SessionKey{Team: team, Channel: ch})
			if err != nil {
				return err
			}
			exists[i] = p.HExists(ctx, sl.session().draft, "v")
		}
		return nil
	})
	if err != nil {
		return nil, storeError("read user drafts", err)
	}
	var live, gone []string
	for i, ch := range channels {
		if exists[i].Val() {
			live = append(live, ch)
		} else {
			gone = append(gone, ch)
		}
	}
	if len(gone) > 0 {
		// Best effort: a failure leaves a stale id that the next call skips.
		_ = s.client.SRem(ctx, index, gone).Err()
	}
	slices.Sort(live)
	return live, nil
}
