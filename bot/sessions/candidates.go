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

// candidateKeys returns the keys of candidate id (none for ""), of the
// channel's candidate index, of its interview loop and of its index of
// archived candidates, in the order the candidate scripts take them. All are in the session's slot, so one
// script can change them (and record the request's claim) together.
func (sc *Scope) candidateKeys(id string) ([]string, error) {
	if sc.err != nil {
		return nil, sc.err
	}
	if id != "" {
		if err := checkID("candidate", id); err != nil {
			return nil, err
		}
	}
	return []string{sc.slot.candidate(id), sc.slot.candidates(), sc.slot.loop(), sc.slot.archived()}, nil
}

// scoringKey returns the key of the set of candidates ("CHANNEL/ID") a
// user opened a scorecard for, for the App Home.
func scoringKey(team, user string) (string, error) {
	sl, err := userSlot(team, user)
	return sl.key("scoring"), err
}

// candidateWrite runs a candidate script on candidate id ("" for none:
// the loop) with args after the candidate TTL.
func (sc *Scope) candidateWrite(ctx context.Context, op string, script *redis.Script, id string, args ...any) (result, error) {
	keys, err := sc.candidateKeys(id)
	if err != nil {
		return result{}, err
	}
	return sc.run(ctx, write{op: op, script: script, keys: keys, args: append([]any{sc.s.candTTL.Milliseconds()}, args...)})
}

// AddCandidate adds c (its Name, AddedBy and Added) to the channel's
// candidates, with an identity of its own, and makes owner the channel's
// interview loop's owner if the loop has none ("" leaves it). A name the
// channel has (as scorecard.Fold compares names) is ErrCandidateExists; a
// channel with CandidateCap candidates is a *hirebot.FullError.
func (sc *Scope) AddCandidate(ctx context.Context, c scorecard.Candidate, owner string) error {
	id := scorecard.ID(c.Name)
	r, err := sc.candidateWrite(ctx, "add candidate", addCandidateScript, id,
		id, c.Name, c.AddedBy, c.Added.UnixMilli(), CandidateCap, newGeneration(), owner)
	switch {
	case err != nil:
		return err
	case r.status == "exists":
		return ErrCandidateExists
	case r.status == "full":
		return &hirebot.FullError{What: "the candidate list", Cap: CandidateCap}
	}
	return nil
}

// Candidate returns the candidate id with every scorecard, or
// ErrNoCandidate.
func (sc *Scope) Candidate(ctx context.Context, id string) (scorecard.Candidate, error) {
	keys, err := sc.candidateKeys(id)
	if err != nil {
		return scorecard.Candidate{}, err
	}
	h, err := sc.s.client.HGetAll(named(ctx, "read candidate"), keys[0]).Result()
	if err != nil {
		return scorecard.Candidate{}, storeError("read candidate", err)
	}
	if len(h) == 0 {
		return scorecard.Candidate{}, ErrNoCandidate
	}
	return decodeCandidate(id, h)
}

// Candidates returns the channel's candidates, sorted by name, with their
// scorecards; archived ones are not among them (see Archived). Ids of
// candidates that expired are dropped from the index as a side effect.
func (sc *Scope) Candidates(ctx context.Context) ([]scorecard.Candidate, error) {
	return sc.listCandidates(ctx, 1)
}

// Archived returns the channel's archived candidates, sorted by name,
// with their scorecards. Ids of records past their retention are dropped
// from the index as a side effect.
func (sc *Scope) Archived(ctx context.Context) ([]scorecard.Candidate, error) {
	return sc.listCandidates(ctx, 3)
}

// ArchiveCandidate archives candidate id of identity inc: out of the
// candidate list, the debrief closed, kept with every scorecard for the
// record retention from now. It reports whether they were archived
// already. ErrNoCandidate, or a *hirebot.GoneError.
func (sc *Scope) ArchiveCandidate(ctx context.Context, id, inc string, at time.Time) (bool, error) {
	r, err := sc.candidateWrite(ctx, "archive candidate", archiveScript, id, inc, id, sc.user, at.UnixMilli(), sc.s.retention.Milliseconds())
	if err := candidateResult(r, err); err != nil {
		return false, err
	}
	return r.status == "already", nil
}

// RestoreCandidate brings archived candidate id of identity inc back to
// the candidate list, their debrief open again unless it had been closed
// before archiving, with the candidate TTL. It reports whether they were
// not archived (nothing to do). ErrNoCandidate, a *hirebot.GoneError, or a
// *hirebot.FullError for a full candidate list.
func (sc *Scope) RestoreCandidate(ctx context.Context, id, inc string) (bool, error) {
	r, err := sc.candidateWrite(ctx, "restore candidate", restoreScript, id, inc, id, CandidateCap)
	if err := candidateResult(r, err); err != nil {
		return false, err
	}
	if r.status == "full" {
		return false, &hirebot.FullError{What: "the candidate list", Cap: CandidateCap}
	}
	return r.status == "active", nil
}

// listCandidates returns the candidates of the index keys[index].
func (sc *Scope) listCandidates(ctx context.Context, index int) ([]scorecard.Candidate, error) {
	keys, err := sc.candidateKeys("")
	if err != nil {
		return nil, err
	}
	ctx = named(ctx, "read candidates")
	ids, err := sc.s.client.SMembers(ctx, keys[index]).Result()
	if err != nil {
		return nil, storeError("read candidates", err)
	}
	cmds := make([]*redis.MapStringStringCmd, len(ids))
	_, err = sc.s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, id := range ids {
			if err := checkID("candidate", id); err != nil {
				return err
			}
			cmds[i] = p.HGetAll(ctx, sc.slot.candidate(id))
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
		_ = sc.s.client.SRem(ctx, keys[index], gone...).Err() // best effort
	}
	slices.SortFunc(out, func(a, b scorecard.Candidate) int {
		return strings.Compare(scorecard.Fold(a.Name), scorecard.Fold(b.Name))
	})
	return out, nil
}

// ExpectScorer records that the scope's author opened a scorecard for
// candidate id (of identity inc: see scorecard.Candidate), so they count
// among the scorecards expected and the App Home lists the candidate until
// they submit. ErrNoCandidate, ErrDebriefClosed, or a *hirebot.GoneError
// for another candidate of that name.
func (sc *Scope) ExpectScorer(ctx context.Context, id, inc string) error {
	r, err := sc.candidateWrite(ctx, "expect scorer", expectScript, id, sc.user, inc)
	if err := candidateResult(r, err); err != nil {
		return err
	}
	if index, err := scoringKey(sc.key.Team, sc.user); err == nil {
		// Best effort, as the user's draft index: a failure only hides the
		// candidate from the App Home.
		ctx = named(ctx, "list the candidate for the scorer")
		_, _ = sc.s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
			p.SAdd(ctx, index, sc.key.Channel+"/"+id)
			p.PExpire(ctx, index, sc.s.candTTL)
			return nil
		})
	}
	return nil
}

// SubmitScorecard stores card as card.Scorer's scorecard for candidate
// id of identity inc, replacing theirs, and returns the candidate as it is
// then, and whether it replaced one. Other scorers' scorecards are
// untouched, whoever writes at the same time; a scorecard as it was when
// its scorer read the debrief is kept apart (see MarkDebriefRead).
// ErrNoCandidate, ErrDebriefClosed, or a *hirebot.GoneError; with the
// last two, the candidate as it is.
func (sc *Scope) SubmitScorecard(ctx context.Context, id, inc string, card scorecard.Scorecard) (scorecard.Candidate, bool, error) {
	b, err := json.Marshal(card)
	if err != nil {
		return scorecard.Candidate{}, false, fmt.Errorf("sessions: encode scorecard: %w", err)
	}
	r, err := sc.candidateWrite(ctx, "submit scorecard", submitScript, id, card.Scorer, b, inc)
	c, cerr := sc.candidateIn(ctx, id, r, err)
	if err := candidateResult(r, err); err != nil {
		return c, false, err
	}
	return c, r.status == "replaced", cerr
}

// MarkDebriefRead records that the scope's author read the whole debrief
// of candidate id of identity inc at at, unless they had before, and
// keeps their scorecard as it is now: from then on a change to it is a
// revision, shown as one. It returns the candidate as it is then, and
// whether they had read it before. ErrNoCandidate, or a *hirebot.GoneError.
func (sc *Scope) MarkDebriefRead(ctx context.Context, id, inc string, at time.Time) (scorecard.Candidate, bool, error) {
	r, err := sc.candidateWrite(ctx, "mark the debrief read", readScript, id, sc.user, at.UnixMilli(), inc)
	if err := candidateResult(r, err); err != nil {
		return scorecard.Candidate{}, false, err
	}
	c, err := sc.candidateIn(ctx, id, r, nil)
	return c, r.status == "again", err
}

// candidateIn returns candidate id as a write's result holds it, or reads
// it when the result does not (a write that had landed before): the
// candidate as it is.
func (sc *Scope) candidateIn(ctx context.Context, id string, r result, err error) (scorecard.Candidate, error) {
	if err != nil || r.status == "none" {
		return scorecard.Candidate{}, err
	}
	if r.again || r.value == "" {
		return sc.Candidate(ctx, id)
	}
	var flat []string
	if err := json.Unmarshal([]byte(r.value), &flat); err != nil {
		return scorecard.Candidate{}, fmt.Errorf("sessions: decode the candidate a write returned: %w", err)
	}
	h := make(map[string]string, len(flat)/2)
	for i := 0; i+1 < len(flat); i += 2 {
		h[flat[i]] = flat[i+1]
	}
	return decodeCandidate(id, h)
}

// CloseDebrief closes the debrief of candidate id of identity inc: no
// scorecard can be opened, submitted or changed after. It reports whether
// it was closed already. ErrNoCandidate, or a *hirebot.GoneError.
func (sc *Scope) CloseDebrief(ctx context.Context, id, inc string) (bool, error) {
	r, err := sc.candidateWrite(ctx, "close debrief", closeScript, id, sc.user, inc)
	if err := candidateResult(r, err); err != nil {
		return false, err
	}
	return r.status == "already", nil
}

// Loop returns the channel's interview loop: its owner, "" when none is
// recorded, and its coordinators.
func (sc *Scope) Loop(ctx context.Context) (scorecard.Loop, error) {
	keys, err := sc.candidateKeys("")
	if err != nil {
		return scorecard.Loop{}, err
	}
	h, err := sc.s.client.HGetAll(named(ctx, "read the interview loop"), keys[2]).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return scorecard.Loop{}, storeError("read the interview loop", err)
	}
	l := scorecard.Loop{Owner: h["owner"]}
	for f := range h {
		if u, ok := strings.CutPrefix(f, "c:"); ok {
			l.Coordinators = append(l.Coordinators, u)
		}
	}
	slices.Sort(l.Coordinators)
	return l, nil
}

// Decide records decision d on candidate id of identity inc, after the
// decisions before it (the newest scorecard.MaxDecisions are kept), and
// returns the candidate as it is then. ErrNoCandidate, or a
// *hirebot.GoneError.
func (sc *Scope) Decide(ctx context.Context, id, inc string, d scorecard.Decision) (scorecard.Candidate, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return scorecard.Candidate{}, fmt.Errorf("sessions: encode decision: %w", err)
	}
	r, err := sc.candidateWrite(ctx, "record a decision", decideScript, id, inc, b, scorecard.MaxDecisions)
	if err := candidateResult(r, err); err != nil {
		return scorecard.Candidate{}, err
	}
	return sc.candidateIn(ctx, id, r, nil)
}

// SetCoordinator names user a coordinator of the channel's interview loop
// (add) or removes them, and reports whether that changed anything.
func (sc *Scope) SetCoordinator(ctx context.Context, user string, add bool) (bool, error) {
	flag := ""
	if add {
		flag = "1"
	}
	r, err := sc.candidateWrite(ctx, "name a coordinator", coordinatorScript, "", user, flag)
	return r.status == "ok", err
}

// SetPanel sets who interviews candidate id of identity inc, replacing
// the panel they had, and returns the candidate as it is then. Each
// member's App Home lists the candidate until they submit.
// ErrNoCandidate, ErrDebriefClosed, or a *hirebot.GoneError.
func (sc *Scope) SetPanel(ctx context.Context, id, inc string, panel []scorecard.PanelMember) (scorecard.Candidate, error) {
	args := []any{inc}
	for _, m := range panel {
		focus, err := json.Marshal(m.Focus)
		if err != nil {
			return scorecard.Candidate{}, fmt.Errorf("sessions: encode focus: %w", err)
		}
		args = append(args, m.User, focus)
	}
	keys, err := sc.candidateKeys(id)
	if err != nil {
		return scorecard.Candidate{}, err
	}
	users := make([]string, len(panel))
	for i, m := range panel {
		users[i] = m.User
	}
	w := write{op: "set the panel", script: panelScript, keys: keys, args: append([]any{sc.s.candTTL.Milliseconds()}, args...)}
	if sc.s.remindAfter > 0 {
		w.before = func(ctx context.Context, p redis.Pipeliner) {
			scheduleReminders(ctx, p, sc.key.Team, sc.key.Channel, id, users, time.Now().Add(sc.s.remindAfter))
		}
	}
	r, err := sc.run(ctx, w)
	if err := candidateResult(r, err); err != nil {
		return scorecard.Candidate{}, err
	}
	ctx = named(ctx, "list the candidate for the panel")
	_, _ = sc.s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, m := range panel {
			if index, err := scoringKey(sc.key.Team, m.User); err == nil {
				// Best effort, as ExpectScorer's.
				p.SAdd(ctx, index, sc.key.Channel+"/"+id)
				p.PExpire(ctx, index, sc.s.candTTL)
			}
		}
		return nil
	})
	return sc.candidateIn(ctx, id, r, nil)
}

// SetLoopOwner makes to the owner of the channel's interview loop if its
// owner is still expect ("" for none recorded), and reports false,
// changing nothing, if it changed meanwhile.
func (sc *Scope) SetLoopOwner(ctx context.Context, expect, to string) (bool, error) {
	r, err := sc.candidateWrite(ctx, "hand over the interview loop", loopOwnerScript, "", expect, to)
	return r.status == "ok", err
}

// RemoveCandidate deletes candidate id of identity inc and every scorecard
// for them, and their entries in scorers' App Home indexes.
// ErrNoCandidate, or a *hirebot.GoneError.
func (sc *Scope) RemoveCandidate(ctx context.Context, id, inc string) error {
	r, err := sc.candidateWrite(ctx, "remove candidate", removeCandidateScript, id, id, inc)
	if err := candidateResult(r, err); err != nil {
		return err
	}
	var scorers []string
	_ = json.Unmarshal([]byte(r.value), &scorers) // "" after a write that landed before: nothing more to do
	ctx = named(ctx, "unlist the candidate for its scorers")
	for _, u := range scorers {
		if index, err := scoringKey(sc.key.Team, u); err == nil {
			_ = sc.s.client.SRem(ctx, index, sc.key.Channel+"/"+id).Err() // best effort
		}
	}
	return nil
}

// UserWaiting returns, sorted by channel and name, the candidates of team
// waiting for user's scorecard: they are on the panel or opened one, have
// not submitted it, and the debrief is open. Entries of candidates that are gone, closed or
// scored are dropped from the index as a side effect.
func (s *Store) UserWaiting(ctx context.Context, team, user string) ([]scorecard.Waiting, error) {
	index, err := scoringKey(team, user)
	if err != nil {
		return nil, err
	}
	ctx = named(ctx, "read waiting scorecards")
	entries, err := s.client.SMembers(ctx, index).Result()
	if err != nil {
		return nil, storeError("read waiting scorecards", err)
	}
	cmds := make([]*redis.SliceCmd, len(entries))
	_, err = s.client.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, e := range entries {
			channel, id, _ := strings.Cut(e, "/")
			sl, err := sessionSlot(hirebot.SessionKey{Team: team, Channel: channel})
			if err == nil {
				err = checkID("candidate", id)
			}
			if err != nil {
				return err
			}
			cmds[i] = p.HMGet(ctx, sl.candidate(id), "name", "closed", "s:"+user, "p:"+user, "e:"+user)
		}
		return nil
	})
	if err != nil {
		return nil, storeError("read waiting scorecards", err)
	}
	var out []scorecard.Waiting
	var done []any
	var kept []string
	for i, e := range entries {
		v := cmds[i].Val()
		name, _ := v[0].(string)
		if name == "" || v[1] != nil || v[2] != nil || (v[3] == nil && v[4] == nil) {
			done = append(done, e)
			continue
		}
		channel, _, _ := strings.Cut(e, "/")
		out = append(out, scorecard.Waiting{Channel: channel, Name: name})
		kept = append(kept, e)
	}
	if due, err := s.reminderDue(ctx, team, user, kept); err == nil {
		for i, e := range kept {
			out[i].Due = due[e]
		}
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

// candidateResult turns a candidate script's status into an error.
func candidateResult(r result, err error) error {
	switch {
	case err != nil:
		return err
	case r.status == "none":
		return ErrNoCandidate
	case r.status == "closed":
		return ErrDebriefClosed
	case r.status == "gone":
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
		case f == "archived":
			var a struct {
				By string `json:"by"`
				At int64  `json:"at"`
			}
			_ = json.Unmarshal([]byte(v), &a) // unreadable: archived, by nobody known
			c.Archived = &scorecard.Archive{By: a.By, At: time.UnixMilli(a.At).UTC()}
		case f == "decisions":
			if err := json.Unmarshal([]byte(v), &c.Decisions); err != nil {
				// cjson writes an empty list as {}: nothing decided.
				c.Decisions = nil
			}
		case strings.HasPrefix(f, "k:"):
			var kept map[string]scorecard.Carried
			if err := json.Unmarshal([]byte(v), &kept); err == nil && len(kept) > 0 {
				if c.Carried == nil {
					c.Carried = map[string]map[string]scorecard.Carried{}
				}
				c.Carried[f[2:]] = kept
			}
		case strings.HasPrefix(f, "p:"):
			m := scorecard.PanelMember{User: f[2:]}
			_ = json.Unmarshal([]byte(v), &m.Focus) // a focus unread is none: they rate everything
			c.Panel = append(c.Panel, m)
		}
	}
	slices.Sort(c.Expected)
	slices.SortFunc(c.Panel, func(a, b scorecard.PanelMember) int { return strings.Compare(a.User, b.User) })
	return c, nil
}
