package interview

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/bot/scorecard"
	"github.com/hirebot/hirebot/knowledge"
)

// Sessions is the session storage of one /interview request: which
// questions the channel has seen, its kit, and its draft (to lean
// questions to it), read and written in the request's scope — its
// channel and its claim (sessions.Scope). A down store is an Unavailable
// error; a missing draft is NotFound. Every write records the request's
// claim; one whose claim another delivery recorded changes nothing and
// returns dedup.ErrDuplicate.
type Sessions interface {
	Draft(ctx context.Context) (*draft.Draft, error)
	Asked(ctx context.Context) (map[string]bool, error)
	MarkAsked(ctx context.Context, ids ...string) error
	// MarkShown marks ids asked and records them as the last batch the
	// request's author was shown; LastBatch returns it.
	MarkShown(ctx context.Context, ids ...string) error
	LastBatch(ctx context.Context) ([]string, error)
	// AddManyToKit appends ids to the kit as AddToKit does, in one write,
	// and returns those added; full says some did not fit.
	AddManyToKit(ctx context.Context, gen string, ids []string) ([]string, bool, error)
	// AddTeamToKit adds a team's own question as AddToKit does;
	// TeamQuestions returns those kept with the session, by id.
	AddTeamToKit(ctx context.Context, gen string, q scorecard.TeamQuestion) (bool, error)
	TeamQuestions(ctx context.Context) (map[string]scorecard.TeamQuestion, error)
	ForgetAsked(ctx context.Context, ids ...string) error
	Kit(ctx context.Context) ([]string, error)
	// KitAndDraft returns the kit and the draft (nil when there is none),
	// read together.
	KitAndDraft(ctx context.Context) ([]string, *draft.Draft, error)
	// KitGeneration returns the kit's generation, which changes when the
	// kit is cleared. AddToKit and ClearKit act only on the kit of
	// generation gen ("" for any: a typed command), and return a
	// *hirebot.GoneError for a kit cleared since.
	KitGeneration(ctx context.Context) (string, error)
	AddToKit(ctx context.Context, gen, id string) (bool, error)
	RemoveFromKit(ctx context.Context, n int) (string, error)
	// RemoveFromKitIf removes the nth question if the kit is still of
	// generation gen and holds id there, and reports false, changing
	// nothing, if it changed.
	RemoveFromKitIf(ctx context.Context, gen string, n int, id string) (bool, error)
	// ClearKit empties the kit if it still holds exactly expect, and
	// reports false, changing nothing, if it changed.
	ClearKit(ctx context.Context, gen string, expect []string) (bool, error)
}

// Handler answers /interview and its buttons.
type Handler struct {
	pack       *knowledge.Pack
	sessions   func(req bot.Request) Sessions
	candidates func(req bot.Request) Candidates // nil: no scorecards (see WithCandidates)
	slash      string
}

// New returns a Handler that opens the session storage of each request
// with sessions.
func New(pack *knowledge.Pack, sessions func(req bot.Request) Sessions, slash string) *Handler {
	return &Handler{pack: pack, sessions: sessions, slash: slash}
}

// Command returns the command-table entry for /interview.
func (h *Handler) Command() bot.Command {
	return bot.Command{
		Name: "interview", Slash: h.slash, Usage: "[role | kind | competency] [count] | kit | candidates | scorecard <name> | panel <name> @a @b | debrief <name> | owner @user | coordinator @user", Mentions: true,
		Summary:  "Structured interview questions with rubrics; never repeated in this channel",
		Examples: []string{h.slash, h.slash + " infrastructure 3", h.slash + " communication", h.slash + " kit export", h.slash + " scorecard Sam Rivera"},
		Handler:  h,
	}
}

// Handle answers one /interview request. Its errors carry words for the
// user.
func (h *Handler) Handle(ctx context.Context, req bot.Request) (bot.Reply, error) {
	reply, err := h.handle(ctx, req)
	return reply, h.word(err)
}

// handle answers one /interview request; its errors are typed, for word.
func (h *Handler) handle(ctx context.Context, req bot.Request) (bot.Reply, error) {
	if req.Source == bot.Submit && req.Action == "score" {
		reply, name, err := h.submitScorecard(ctx, req)
		return reply, h.wordScorecard(err, name)
	}
	if req.Source == bot.Press {
		return h.press(ctx, req)
	}
	a, err := Parse(req.Text)
	if err != nil {
		return bot.Reply{}, h.wordScorecard(err, "")
	}
	if isScorecardSub(a.Sub) {
		return h.scorecards(ctx, req, a)
	}
	switch a.Sub {
	case "help":
		return bot.Reply{Card: h.help()}, nil
	case "kit":
		return h.showKit(ctx, req)
	case "kit-remove":
		return h.removeFromKit(ctx, req, a.N)
	case "kit-add":
		return h.addBatch(ctx, req, a.Ns)
	case "kit-add-team":
		return h.addTeamQuestion(ctx, req, a.Word, a.Text)
	case "kit-export":
		return h.exportKit(ctx, req)
	case "kit-clear":
		return h.askClearKit(ctx, req)
	}
	return h.ask(ctx, req, a.Word, a.Count, false)
}

// press answers More, Start over and Add to kit.
func (h *Handler) press(ctx context.Context, req bot.Request) (bot.Reply, error) {
	word, count := decodeSpec(req.Value)
	switch req.Action {
	case "more":
		return h.ask(ctx, req, word, count, false)
	case "reset":
		return h.ask(ctx, req, word, count, true)
	case "add":
		gen, qid, ok := parseKitValue(req.Value)
		if !ok {
			return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "That Add to kit button is from an older version of hirebot, so nothing was added; please run the command again: %s.", h.slash)
		}
		q, ok := h.pack.Question(qid)
		if !ok {
			return bot.Reply{}, hirebot.Errorf(hirebot.NotFound, "That question is no longer in the question bank.")
		}
		added, err := h.sessions(req).AddToKit(ctx, gen, q.ID)
		var gone *hirebot.GoneError
		if errors.As(err, &gone) {
			return bot.Reply{}, hirebot.Wrap(hirebot.Conflict, err, fmt.Sprintf(
				"That Add to kit button was shown before the interview kit was cleared, so nothing was added to the new kit. %s kit shows the kit now; %s gives new questions to add.", h.slash, h.slash))
		}
		if err != nil {
			return bot.Reply{}, err
		}
		msg := "Added to the channel's interview kit: "
		if !added {
			msg = "Already in the kit: "
		}
		return bot.Reply{Card: &bot.Card{Intro: msg + q.Text, Note: h.slash + " kit shows the kit."}}, nil
	case "kit":
		return h.showKit(ctx, req)
	case "kit-clear":
		return h.clearKit(ctx, req)
	case "candidate-remove":
		return h.removeCandidate(ctx, req)
	case "candidate-erase":
		return h.eraseCandidate(ctx, req)
	case "kit-remove":
		return h.confirmKitRemove(ctx, req)
	case "remind-open":
		return h.openReminded(ctx, req)
	}
	return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "That button is from an older version of hirebot; try %s.", h.slash)
}

// ask suggests the next batch of questions for word.
func (h *Handler) ask(ctx context.Context, req bot.Request, word string, count int, reset bool) (bot.Reply, error) {
	f, about, err := h.filter(ctx, req, word)
	if err != nil {
		return bot.Reply{}, err
	}
	pool := Pool(h.pack, f)
	if len(pool) == 0 {
		return bot.Reply{}, hirebot.Errorf(hirebot.NotFound, "The question bank has nothing for %s yet.", about)
	}
	store := h.sessions(req)
	if reset {
		if err := store.ForgetAsked(ctx, ids(pool)...); err != nil {
			return bot.Reply{}, err
		}
	}
	asked, err := store.Asked(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	spec := encodeSpec(word, count)
	qs := Pick(pool, asked, f.Competencies, f.Kind, count, len(asked))
	what := h.poolName(f, about, len(pool))
	if len(qs) == 0 {
		return bot.Reply{Card: &bot.Card{
			Title: "No new questions left",
			Intro: fmt.Sprintf("All %s have been seen in this channel; start over to see them again, or pick another competency (%s help lists them).", what, h.slash),
			Buttons: []bot.Button{{Label: "Start over", Action: "interview:reset", Value: spec, Style: "primary"},
				{Label: "Show kit", Action: "interview:kit"}},
		}}, nil
	}
	if err := store.MarkShown(ctx, ids(qs)...); err != nil {
		return bot.Reply{}, err
	}
	gen, err := store.KitGeneration(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	left := 0
	for _, q := range pool {
		if !asked[q.ID] && !slices.ContainsFunc(qs, func(x *knowledge.Question) bool { return x.ID == q.ID }) {
			left++
		}
	}
	c := h.questionsCard(qs, about, left, gen)
	if len(qs) < count {
		c.Note = fewerNote(count, len(qs), len(pool), what) + " Questions never repeat here until you start over."
	}
	c.Buttons = []bot.Button{{Label: "More", Action: "interview:more", Value: spec, Style: "primary"},
		{Label: "Show kit", Action: "interview:kit"}}
	return bot.Reply{Card: c}, nil
}

// poolName names a pool of n questions for messages: "6 Communication
// questions", "40 questions for a CTO".
func (h *Handler) poolName(f Filter, about string, n int) string {
	if len(f.Competencies) == 1 {
		name := fmt.Sprintf("%d %s questions", n, h.competencyName(f.Competencies[0]))
		if r, ok := h.pack.Role(f.Role); ok {
			name += " for a " + r.Name
		}
		return name
	}
	return fmt.Sprintf("%s for %s", plural(n, "question"), about)
}

// fewerNote says why a batch holds fewer questions than were asked for:
// the bank has no more, or the rest have been seen in this channel.
func fewerNote(asked, got, pool int, what string) string {
	switch {
	case got == pool:
		return fmt.Sprintf("You asked for %d; the bank has only %s, so here are all of them.", asked, what)
	case pool < asked:
		return fmt.Sprintf("You asked for %d; the bank has only %s and %s been seen here already.", asked, what, hasHave(pool-got))
	}
	return fmt.Sprintf("You asked for %d; only %d of the %s %s not been seen here yet.", asked, got, what, map[bool]string{true: "has", false: "have"}[got == 1])
}

// hasHave returns "1 has" or "3 have".
func hasHave(n int) string {
	if n == 1 {
		return "1 has"
	}
	return fmt.Sprintf("%d have", n)
}

// filter works out which questions word asks for. No word means the
// channel's draft, or a balanced CTO set when there is none.
func (h *Handler) filter(ctx context.Context, req bot.Request, word string) (Filter, string, error) {
	switch {
	case word == "":
		d, err := h.sessions(req).Draft(ctx)
		if hirebot.KindOf(err) == hirebot.NotFound {
			return Filter{Role: knowledge.DefaultRole}, "a CTO", nil
		}
		if err != nil {
			return Filter{}, "", err
		}
		return h.draftFilter(d), "this channel's draft (" + d.Heading() + ")", nil
	}
	if r, ok := h.pack.Role(word); ok {
		return Filter{Role: r.ID}, "a " + r.Name, nil
	}
	if k, ok := h.pack.Kind(word); ok {
		return Filter{Role: k.Role, Kind: k.ID, Competencies: k.Competencies}, "the " + k.Name + " kind", nil
	}
	if f, about, ok, err := h.engagementFilter(ctx, req, word); ok {
		return f, about, err
	}
	for _, c := range h.pack.Competencies {
		if c.ID == word || strings.EqualFold(strings.ReplaceAll(c.Name, " ", "-"), word) {
			return h.competencyFilter(ctx, req, c.ID, c.Name)
		}
	}
	roleKinds := append(h.pack.RoleIDs(), h.pack.KindIDs()...)
	words := slices.Clone(roleKinds)
	for _, c := range h.pack.Competencies {
		words = append(words, c.ID)
	}
	near := knowledge.Nearest(word, words)
	// Words people use for a competency: "hiring", "people management",
	// "budget", matched the way the knowledge search reads a question —
	// unless the word is a typo of a role or kind, which gets "did you mean".
	if m := h.pack.MatchCompetencies(word); len(m) > 0 && !slices.ContainsFunc(near, func(n string) bool { return slices.Contains(roleKinds, n) }) {
		c := m[0].Competency
		return h.competencyFilter(ctx, req, c.ID, fmt.Sprintf("%s (for “%s”)", c.Name, strings.ReplaceAll(word, "-", " ")))
	}
	msg := fmt.Sprintf("I don't know %q.", word)
	if len(near) > 0 {
		msg += " Did you mean " + strings.Join(near, " or ") + "?"
	}
	return Filter{}, "", hirebot.Errorf(hirebot.Invalid, "%s Try a role (%s), a kind (%s) or a competency; %s help lists them.",
		msg, strings.Join(h.pack.RoleIDs(), ", "), strings.Join(h.pack.KindIDs(), ", "), h.slash)
}

// competencyFilter asks for the questions on one competency: in a channel
// with a draft, those that suit the draft's role, when the bank has any
// (a CTO's draft is not offered the questions written for a CISO); else
// those of every role.
func (h *Handler) competencyFilter(ctx context.Context, req bot.Request, competency, about string) (Filter, string, error) {
	f := Filter{Competencies: []string{competency}}
	d, err := h.sessions(req).Draft(ctx)
	switch {
	case hirebot.KindOf(err) == hirebot.NotFound:
		return f, about, nil
	case err != nil:
		return Filter{}, "", err
	}
	if role := (Filter{Role: d.Role, Competencies: f.Competencies}); len(Pool(h.pack, role)) > 0 {
		f = role
	}
	return f, about, nil
}

// draftFilter leans questions to a draft: its kind's competencies first,
// then those its checklist items came from.
func (h *Handler) draftFilter(d *draft.Draft) Filter {
	f := Filter{Role: d.Role, Kind: d.Kind}
	if k, ok := h.pack.Kind(d.Kind); ok {
		f.Competencies = append(f.Competencies, k.Competencies...)
	}
	sources := map[string]bool{}
	for _, items := range d.Sections {
		for _, it := range items {
			sources[it.Source] = true
		}
	}
	for _, l := range h.pack.Checklists {
		for _, it := range l.Items {
			if sources[it.ID] && !slices.Contains(f.Competencies, it.Competency) {
				f.Competencies = append(f.Competencies, it.Competency)
			}
		}
	}
	if len(f.Competencies) == 0 {
		if r, ok := h.pack.Role(d.Role); ok {
			f.Competencies = r.Competency
		}
	}
	return f
}

func ids(qs []*knowledge.Question) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.ID
	}
	return out
}

// encodeSpec and decodeSpec carry a request's word and count in a button.
func encodeSpec(word string, count int) string { return word + "|" + strconv.Itoa(count) }

func decodeSpec(s string) (string, int) {
	word, n, _ := strings.Cut(s, "|")
	count, err := strconv.Atoi(n)
	if err != nil || count < 1 || count > MaxCount {
		count = DefaultCount
	}
	return word, count
}

// addBatch adds the questions numbered ns of the last batch the asker was
// shown to the kit, in one write.
func (h *Handler) addBatch(ctx context.Context, req bot.Request, ns []int) (bot.Reply, error) {
	store := h.sessions(req)
	batch, err := store.LastBatch(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	if len(batch) == 0 {
		return bot.Reply{}, hirebot.Errorf(hirebot.NotFound, "You have not been shown questions in this channel yet (or not since the session expired): %s shows a batch, numbered, then %s kit add 2 4 5 adds some.", h.slash, h.slash)
	}
	var want []string
	for _, n := range ns {
		if n > len(batch) {
			return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "The last batch you were shown has %s; pick numbers from 1 to %d. Nothing was added.", plural(len(batch), "question"), len(batch))
		}
		want = append(want, batch[n-1])
	}
	added, full, err := store.AddManyToKit(ctx, "", want)
	if err != nil {
		return bot.Reply{}, err
	}
	var lines []string
	for i, id := range want {
		state := "already in the kit"
		if slices.Contains(added, id) {
			state = "added"
		} else if full {
			state = "not added: the kit is full"
		}
		lines = append(lines, fmt.Sprintf("#%d %s — %s", ns[i], state, h.questionText(id)))
	}
	return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf("Added %d of %d to the channel's interview kit.", len(added), len(want)),
		Parts: []bot.Part{{Items: lines}}, Note: h.slash + " kit shows the kit."}}, nil
}
