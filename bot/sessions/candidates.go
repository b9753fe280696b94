package sessions

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/redis/go-redis/v9"
)

// CandidateCap is how many candidates one channel may have at once.
const CandidateCap = 100

// The errors of candidate writes, for errors.Is. They carry kinds, not
// words, and never a candidate's name.
var (
	// ErrNoCandidate: the channel has no such candidate (never added,
	// removed, or expired). Kind NotFound.
	ErrNoCandidate = &hirebot.Error{Kind: hirebot.NotFound, Err: scorecard.ErrNoCandidate}
	// ErrCandidateExists: AddCandidate found the name in the channel.
	// Kind Conflict.
	ErrCandidateExists = &hirebot.Error{Kind: hirebot.Conflict, Err: scorecard.ErrExists}
	// ErrDebriefClosed: the candidate's debrief is closed, so scorecards
	// can no longer be opened or changed. Kind Invalid.
	ErrDebriefClosed = &hirebot.Error{Kind: hirebot.Invalid, Err: scorecard.ErrClosed}
)

// candidateKeys returns the key of candidate id's hash, of the channel's
// candidate index and of its interview loop. All carry the session's hash
// tag, so one script can change them (and record the request's claim)
// together.
func candidateKeys(key hirebot.SessionKey, id string) (cand, index, loop string, err error) {
	if _, err := sessionKeys(key); err != nil {
		return "", "", "", err
	}
	if id != "" {
		if err := checkID("candidate", id); err != nil {
			return "", "", "", err
		}
	}
	p := "hirebot:{" + key.Team + ":" + key.Channel + "}:"
	return p + "cand:" + id, p + "candidates", p + "loop", nil
}

// scoringKey returns the key of the set of candidates ("CHANNEL/ID") a
// user opened a scorecard for, for the App Home.
func scoringKey(team, user string) (string, error) {
	if err := checkID("team", team); err != nil {
		return "", err
	}
	if err := checkID("user", user); err != nil {
		return "", err
	}
	return "hirebot:{" + team + ":" + user + "}:scoring", nil
}

// candidateFenced is what a candidate script returns for a fenced claim
// (-3 means a closed debrief there).
const candidateFenced = -4

// runCandidate runs a candidate script on candidate id, recording claim
// with the write when the script can (a claim on another channel is
// recorded first, on its own).
func (s *Store) runCandidate(ctx context.Context, op string, script *redis.Script, key hirebot.SessionKey, id string, claim *dedup.Claim, args ...any) (int64, error) {
	cand, index, loop, err := candidateKeys(key, id)
	if err != nil {
		return 0, err
	}
	folded := foldedClaim(claim, key)
	if folded == nil {
		if err := s.recordPending(ctx, claim); err != nil {
			return 0, err
		}
	}
	extraKeys, extraArgs, err := claimArgs(folded)
	if err != nil {
		return 0, err
	}
	args = append(append([]any{s.candTTL.Milliseconds()}, args...), extraArgs...)
	folded.Sent()
	n, err := script.Run(ctx, s.client, append([]string{cand, index, loop}, extraKeys...), args...).Int64()
	if err != nil {
		return 0, storeError(op, err)
	}
	switch n {
	case resultDuplicate:
		return 0, dedup.ErrDuplicate
	case candidateFenced:
		return 0, dedup.ErrFenced
	}
	if folded != nil {
		folded.Recorded()
	}
	return n, nil
}

// AddCandidate adds c (its Name, AddedBy and Added) to the channel's
// candidates, with an identity of its own, and makes owner the channel's
// interview loop's owner if the loop has none ("" leaves it). A name the
// channel has (as scorecard.Fold compares names) is ErrCandidateExists; a
// channel with CandidateCap candidates is a *hirebot.FullError.
func (s *Store) AddCandidate(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, c scorecard.Candidate, owner string) error {
	id := scorecard.ID(c.Name)
	n, err := s.runCandidate(ctx, "add candidate", addCandidateScript, key, id, claim,
		id, c.Name, c.AddedBy, c.Added.UnixMilli(), CandidateCap, newGeneration(), owner)
	switch {
	case err != nil:
		return err
	case n == 0:
		return ErrCandidateExists
	case n == -1:
		return &hirebot.FullError{What: "the candidate list", Cap: CandidateCap}
	}
	return nil
}

// Candidate returns the candidate id with every scorecard, or
// ErrNoCandidate.
func (s *Store) Candidate(ctx context.Context, key hirebot.SessionKey, id string) (scorecard.Candidate, error) {
	cand, _, _, err := candidateKeys(key, id)
	if err != nil {
		return scorecard.Candidate{}, err
	}
	h, err := s.client.HGetAll(ctx, cand).Result()
	if err != nil {
		return scorecard.Candidate{}, storeError("read candidate", err)
	}
	if len(h) == 0 {
		return scorecard.Candidate{}, ErrNoCandidate
	}
	return decodeCandidate(id, h)
}

// Candidates returns the channel's candidates, sorted by name, with their
// scorecards. Ids of candidates that expired are dropped from the index
// as a side effect.
func (s *Store) Candidates(ctx context.Context, key hirebot.SessionKey) ([]scorecard.Candidate, error) {
	_, index, _, err := candidateKeys(key, "")
	if err != nil {
		return nil, err
	}
	ids, err := s.client.SMembers(ctx, index).Result()
	if err != nil {
		return nil, storeError("read candidates", err)
	}
	cmds := make([]*redis.MapStringStringCmd, len(ids))
	_, err = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, id := range ids {
			cand, _, _, err := candidateKeys(key, id)
			if err != nil {
				return err
			}
			cmds[i] = p.HGetAll(ctx, cand)
		}
		return nil
	})
	if err != nil {
		return nil, storeError("read candidates", err)
	}
	var out []scorecard.Candidate
	var gone []any
	for i, id := range ids {
		if len(cmds[i].Val()) == 0 {
			gone = append(gone, id)
			continue
		}
		c, err := decodeCandidate(id, cmds[i].Val())
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if len(gone) > 0 {
		_ = s.client.SRem(ctx, index, gone...).Err() // best effort
	}
	slices.SortFunc(out, func(a, b scorecard.Candidate) int {
		return strings.Compare(scorecard.Fold(a.Name), scorecard.Fold(b.Name))
	})
	return out, nil
}

// ExpectScorer records that user opened a scorecard for candidate id (of
// identity inc: see scorecard.Candidate), so they count among the
// scorecards expected and the App Home lists the candidate until they
// submit. ErrNoCandidate, ErrDebriefClosed, or a *hirebot.GoneError for
// another candidate of that name.
func (s *Store) ExpectScorer(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id, inc, user string) error {
	n, err := s.runCandidate(ctx, "expect scorer", expectScript, key, id, claim, user, inc)
	if err := candidateResult(n, err); err != nil {
		return err
	}
	if index, err := scoringKey(key.Team, user); err == nil {
		// Best effort, as the user's draft index: a failure only hides the
		// candidate from the App Home.
		_, _ = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
			p.SAdd(ctx, index, key.Channel+"/"+id)
			p.PExpire(ctx, index, s.candTTL)
			return nil
		})
	}
	return nil
}

// SubmitScorecard stores card as card.Scorer's scorecard for candidate
// id of identity inc, replacing theirs; it reports whether it replaced
// one. Other scorers' scorecards are untouched, whoever writes at the
// same time; a scorecard as it was when its scorer read the debrief is
// kept apart (see MarkDebriefRead). ErrNoCandidate, ErrDebriefClosed, or
// a *hirebot.GoneError.
func (s *Store) SubmitScorecard(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id, inc string, card scorecard.Scorecard) (bool, error) {
	b, err := json.Marshal(card)
	if err != nil {
		return false, fmt.Errorf("sessions: encode scorecard: %w", err)
	}
	n, err := s.runCandidate(ctx, "submit scorecard", submitScript, key, id, claim, card.Scorer, b, inc)
	if err := candidateResult(n, err); err != nil {
		return false, err
	}
	return n == 2, nil
}

// MarkDebriefRead records that user read the whole debrief of candidate
// id of identity inc at at, unless they had before, and keeps their
// scorecard as it is now: from then on a change to it is a revision, shown
// as one. It reports whether they had read it before. ErrNoCandidate, or
// a *hirebot.GoneError.
func (s *Store) MarkDebriefRead(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id, inc, user string, at time.Time) (bool, error) {
	n, err := s.runCandidate(ctx, "mark the debrief read", readScript, key, id, claim, user, at.UnixMilli(), inc)
	if err := candidateResult(n, err); err != nil {
		return false, err
	}
	return n == 2, nil
}

// CloseDebrief closes the debrief of candidate id of identity inc: no
// scorecard can be opened, submitted or changed after. It reports whether
// it was closed already. ErrNoCandidate, or a *hirebot.GoneError.
func (s *Store) CloseDebrief(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id, inc, by string) (bool, error) {
	n, err := s.runCandidate(ctx, "close debrief", closeScript, key, id, claim, by, inc)
	if err := candidateResult(n, err); err != nil {
		return false, err
	}
	return n == 2, nil
}

// Loop returns the channel's interview loop: its owner, "" when none is
// recorded.
func (s *Store) Loop(ctx context.Context, key hirebot.SessionKey) (scorecard.Loop, error) {
	_, _, loop, err := candidateKeys(key, "")
	if err != nil {
		return scorecard.Loop{}, err
	}
	owner, err := s.client.HGet(ctx, loop, "owner").Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return scorecard.Loop{}, storeError("read the interview loop", err)
	}
	return scorecard.Loop{Owner: owner}, nil
}

// SetLoopOwner makes to the owner of the channel's interview loop if its
// owner is still expect ("" for none recorded), and reports false,
// changing nothing, if it changed meanwhile.
func (s *Store) SetLoopOwner(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, expect, to string) (bool, error) {
	n, err := s.runCandidate(ctx, "hand over the interview loop", loopOwnerScript, key, "", claim, expect, to)
	if err != nil {
		return false, err
	}
	return n == 1, nil
}

// RemoveCandidate deletes candidate id of identity inc and every scorecard
// for them, and their entries in scorers' App Home indexes.
// ErrNoCandidate, or a *hirebot.GoneError.
func (s *Store) RemoveCandidate(ctx context.Context, key hirebot.SessionKey, claim *dedup.Claim, id, inc string) error {
	c, err := s.Candidate(ctx, key, id)
	if err != nil {
		return err
	}
	n, err := s.runCandidate(ctx, "remove candidate", removeCandidateScript, key, id, claim, id, inc)
	if err := candidateResult(n, err); err != nil {
		return err
	}
	for _, u := range append(c.Expected, c.Scorers()...) {
		if index, err := scoringKey(key.Team, u); err == nil {
			_ = s.client.SRem(ctx, index, key.Channel+"/"+id).Err() // best effort
		}
	}
	return nil
}

// UserWaiting returns, sorted by channel and name, the candidates of team
// waiting for user's scorecard: they opened one, have not submitted it,
// and the debrief is open. Entries of candidates that are gone, closed or
// scored are dropped from the index as a side effect.
func (s *Store) UserWaiting(ctx context.Context, team, user string) ([]scorecard.Waiting, error) {
	index, err := scoringKey(team, user)
	if err != nil {
		return nil, err
	}
	entries, err := s.client.SMembers(ctx, index).Result()
	if err != nil {
		return nil, storeError("read waiting scorecards", err)
	}
	cmds := make([]*redis.SliceCmd, len(entries))
	_, err = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, e := range entries {
			channel, id, _ := strings.Cut(e, "/")
			cand, _, _, err := candidateKeys(hirebot.SessionKey{Team: team, Channel: channel}, id)
			if err != nil {
				return err
			}
			cmds[i] = p.HMGet(ctx, cand, "name", "closed", "s:"+user)
		}
		return nil
	})
	if err != nil {
		return nil, storeError("read waiting scorecards", err)
	}
	var out []scorecard.Waiting
	var done []any
	for i, e := range entries {
		v := cmds[i].Val()
		name, _ := v[0].(string)
		if name == "" || v[1] != nil || v[2] != nil {
			done = append(done, e)
			continue
		}
		channel, _, _ := strings.Cut(e, "/")
		out = append(out, scorecard.Waiting{Channel: channel, Name: name})
	}
	if len(done) > 0 {
		_ = s.client.SRem(ctx, index, done...).Err() // best effort
	}
	slices.SortFunc(out, func(a, b scorecard.Waiting) int {
		if c := strings.Compare(a.Channel, b.Channel); c != 0 {
			return c
		}
		return strings.Compare(scorecard.Fold(a.Name), scorecard.Fold(b.Name))
	})
	return out, nil
}

// candidateResult turns a candidate script's result into an error.
func candidateResult(n int64, err error) error {
	switch {
	case err != nil:
		return err
	case n == -1:
		return ErrNoCandidate
	case n == -3:
		return ErrDebriefClosed
	case n == -5:
		return &hirebot.GoneError{What: "candidate"}
	}
	return nil
}

// decodeCandidate reads a candidate's hash.
func decodeCandidate(id string, h map[string]string) (scorecard.Candidate, error) {
	c := scorecard.Candidate{ID: id, Name: h["name"], AddedBy: h["by"], Inc: h["inc"], Cards: map[string]scorecard.Scorecard{},
		Read: map[string]time.Time{}, Frozen: map[string]scorecard.Scorecard{}}
	if c.Inc == "" {
		c.Inc = "t" + h["at"] // added before candidates had an identity (as the scripts read it)
	}
	if ms, err := strconv.ParseInt(h["at"], 10, 64); err == nil {
		c.Added = time.UnixMilli(ms).UTC()
	}
	_, c.Closed = h["closed"]
	for f, v := range h {
		switch {
		case strings.HasPrefix(f, "e:"):
			c.Expected = append(c.Expected, f[2:])
		case strings.HasPrefix(f, "s:"), strings.HasPrefix(f, "f:"):
			var card scorecard.Scorecard
			if err := json.Unmarshal([]byte(v), &card); err != nil {
				return scorecard.Candidate{}, fmt.Errorf("sessions: decode scorecard: %w", err)
			}
			if f[0] == 's' {
				c.Cards[f[2:]] = card
			} else {
				c.Frozen[f[2:]] = card
			}
		case strings.HasPrefix(f, "r:"):
			if ms, err := strconv.ParseInt(v, 10, 64); err == nil {
				c.Read[f[2:]] = time.UnixMilli(ms).UTC()
			}
		}
	}
	slices.Sort(c.Expected)
	return c, nil
}
