package sessions

import (
	"context"
	"time"
)

// DefaultSeenTTL is how long FirstSeen remembers an id when given no TTL.
const DefaultSeenTTL = time.Hour

// FirstSeen reports whether this is the first time id (a Slack event or
// action id) is seen within ttl (DefaultSeenTTL if ttl <= 0), across every
// replica: it is a SET NX with an expiry. Call it before doing the work an
// event asks for, so a redelivered event is handled once.
func (s *Store) FirstSeen(ctx context.Context, id string, ttl time.Duration) (bool, error) {
	if ttl <= 0 {
		ttl = DefaultSeenTTL
	}
	ok, err := s.client.SetNX(ctx, dedupKey(id), 1, ttl).Result()
	if err != nil {
		return false, storeError("remember event", err)
	}
	return ok, nil
}
