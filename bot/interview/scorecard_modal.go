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

// maxModalBlocks is Slack's limit on a modal's blocks.
const maxModalBlocks = 100

// sheetItem is one competency a scorecard rates, with its four rubric
// levels, weakest first, and the kit's questions on it, each with its own
// levels.
type sheetItem struct {
	ID, Name, Description string
	Levels                [4]string
	Questions             []sheetQuestion
}

// sheetQuestion is one kit question a scorecard shows under its
// competency.
type sheetQuestion struct {
	ID, Text string
	Levels   [4]string
}

// notAssessed is the value of a rating's "Not assessed" choice.
const notAssessed = "na"

// genericLevels label the ratings of a competency no question covers.
var genericLevels = [4]string{"No evidence, or evidence against", "Some evidence, with gaps", "Clear evidence", "Strong evidence, beyond the role's needs"}

// sheet returns what the channel's scorecards rate: the competencies of
// the kit, in the order the kit first names them; with an empty kit, those
// of the draft's kind; else those of the draft's role (a CTO's when there
// is no draft). Each carries the rubric of the kit's first question on it,
// else of the question bank's first that suits the draft's role (a CTO's
// when there is no draft), else of the bank's first.
func (h *Handler) sheet(ctx context.Context, req bot.Request) ([]sheetItem, error) {
	kit, d, err := h.sessions(req).KitAndDraft(ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	role := knowledge.DefaultRole
	rubric := map[string][4]string{}
	questions := map[string][]sheetQuestion{}
	kitRole := knowledge.DefaultRole
	if d != nil {
		kitRole = d.Role
	}
	qs, err := h.kitQuestions(ctx, req, kit, kitRole)
	if err != nil {
		return nil, err
	}
	for _, qid := range kit {
		q, ok := qs[qid]
		if !ok {
			continue
		}
		if !slices.Contains(ids, q.Competency) {
			ids = append(ids, q.Competency)
			rubric[q.Competency] = levels(q)
		}
		questions[q.Competency] = append(questions[q.Competency], sheetQuestion{ID: q.ID, Text: q.Text, Levels: levels(q)})
	}
	if len(ids) == 0 {
		ids, role = h.draftCompetencies(d)
	}
	var out []sheetItem
	for _, id := range ids[:min(len(ids), scorecard.MaxCompetencies)] {
		it := sheetItem{ID: id, Name: id, Levels: genericLevels, Questions: questions[id]}
		if c, ok := h.pack.Competency(id); ok {
			it.Name, it.Description = c.Name, c.Description
		}
		switch r, ok := rubric[id]; {
		case len(it.Questions) > 1:
			// Each question shows its own levels, beside its note; the
			// competency's rating reads the levels in general.
		case ok:
			it.Levels = r
		default:
			if q, ok := h.firstQuestion(id, role); ok {
				it.Levels = levels(q)
			}
		}
		out = append(out, it)
	}
	return out, nil
}

// draftCompetencies returns the competencies of d's kind, else of its
// role, else of a CTO, and d's role (a CTO's without a draft: d nil).
func (h *Handler) draftCompetencies(d *draft.Draft) ([]string, string) {
	role := knowledge.DefaultRole
	if d != nil {
		role = d.Role
		if k, ok := h.pack.Kind(d.Kind); ok && len(k.Competencies) > 0 {
			return k.Competencies, role
		}
	}
	if r, ok := h.pack.Role(role); ok && len(r.Competency) > 0 {
		return r.Competency, role
	}
	r, _ := h.pack.Role(knowledge.DefaultRole)
	return r.Competency, role
}

// firstQuestion returns the question bank's first question on competency
// that suits role, else its first on competency.
func (h *Handler) firstQuestion(competency, role string) (knowledge.Question, bool) {
	var first *knowledge.Question
	for i, q := range h.pack.Questions {
		if q.Competency != competency || q.Rubric[0] == "" {
			continue
		}
		if slices.Contains(q.Roles, role) {
			return q, true
		}
		if first == nil {
			first = &h.pack.Questions[i]
		}
	}
	if first == nil {
		return knowledge.Question{}, false
	}
	return *first, true
}

// levels returns a question's rubric, weakest first.
func levels(q knowledge.Question) [4]string { return q.Rubric }

// openScorecard opens the scorecard modal for a candidate, filled with
// the user's own scorecard if they submitted one, and counts the user
// among the scorecards expected.
func (h *Handler) openScorecard(ctx context.Context, req bot.Request, name string) (bot.Reply, error) {
	c, err := h.resolve(ctx, req, name)
	if err != nil {
		return bot.Reply{}, err
	}
	return h.openFor(ctx, req, c)
}

// openReminded opens the scorecard a reminder's button names, pressed in
// a direct message: "CHANNEL|ID|INC". The form belongs to the
// candidate's channel.
func (h *Handler) openReminded(ctx context.Context, req bot.Request) (bot.Reply, error) {
	if h.candidates == nil {
		return bot.Reply{}, h.wordScorecard(errNoCandidates, "")
	}
	channel, rest, _ := strings.Cut(req.Value, "|")
	id, inc, _ := strings.Cut(rest, "|")
	if channel == "" || !isCandidateID(id) {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "That button is from an older version of hirebot; run %s scorecard <name> in the candidate's channel.", h.slash)
	}
	in := req
	in.Channel = channel
	c, err := h.candidates(in).Candidate(ctx, id)
	if err == nil && c.Inc != inc {
		err = &hirebot.GoneError{What: "candidate"}
	}
	if err != nil {
		return bot.Reply{}, h.wordScorecard(err, c.Name)
	}
	reply, err := h.openFor(ctx, in, c)
	if reply.Modal != nil {
		reply.Modal.Channel = channel
	}
	return reply, h.wordScorecard(err, c.Name)
}

// openFor opens the scorecard modal for candidate c.
func (h *Handler) openFor(ctx context.Context, req bot.Request, c scorecard.Candidate) (bot.Reply, error) {
	if c.Archived != nil {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "%s is archived, so nobody scores them now; %s candidate restore %s brings them back.", c.Name, h.slash, c.Name)
	}
	if c.Closed {
		return bot.Reply{}, scorecard.ErrClosed
	}
	items, err := h.sheet(ctx, req)
	if err != nil {
		return bot.Reply{}, err
	}
	gen, err := h.sessions(req).KitGeneration(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	if err := h.candidates(req).ExpectScorer(ctx, c.ID, c.Inc); err != nil {
		return bot.Reply{}, err
	}
	var prev *scorecard.Scorecard
	if s, ok := c.Cards[req.User]; ok {
		prev = &s
	}
	_, read := c.Read[req.User]
	m := scorecardModal(c, items, prev, read, gen)
	if member, ok := c.Member(req.User); ok && prev == nil && len(member.Focus) > 0 {
		focusOn(m, member.Focus)
	}
	return bot.Reply{Modal: m}, nil
}

// focusOn makes a fresh scorecard form ask the competencies of focus: the
// others start as "Not assessed" (the interviewer may still rate them),
// and the intro says so.
func focusOn(m *bot.Modal, focus []string) {
	for i, in := range m.Inputs {
		if comp, ok := strings.CutPrefix(in.ID, "r:"); ok && !slices.Contains(focus, comp) {
			m.Inputs[i].Value = notAssessed
		}
	}
	m.Intro += " You are on the panel for some competencies: the others start as “Not assessed”."
}

// notesEach reports whether a modal rating n competencies with notes
// notes (one per kit question, or per competency with none) has room (in
// Slack's 100 blocks) for every note: an intro, a rating each, the notes
// and the recommendation.
func notesEach(n, notes int) bool { return 1+n+notes+1 <= maxModalBlocks }

// noteCount returns how many notes a sheet asks for: one per kit
// question, one per competency with none.
func noteCount(items []sheetItem) int {
	n := 0
	for _, it := range items {
		n += max(1, len(it.Questions))
	}
	return n
}

// sheetEntry is how the form's metadata lists a competency: its id, then
// its questions' ids, joined by ":".
func sheetEntry(it sheetItem) string {
	e := it.ID
	for _, q := range it.Questions {
		e += ":" + q.ID
	}
	return e
}

// levelsText reads a rubric in one line: "1 · … 2 · …".
func levelsText(l [4]string) string {
	parts := make([]string, len(l))
	for i, s := range l {
		parts[i] = fmt.Sprintf("%d · %s", i+1, s)
	}
	return strings.Join(parts, "  ")
}

// scorecardModal builds the scorecard form. Its metadata names the
// candidate (id and identity: see candValue), then the kit's generation
// and the competencies it rates, "GEN|a,b,c", so the submission is
// checked against what was shown. read says the user has read the
// debrief: what they submit now is a revision.
func scorecardModal(c scorecard.Candidate, items []sheetItem, prev *scorecard.Scorecard, read bool, gen string) *bot.Modal {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = sheetEntry(it)
	}
	intro := fmt.Sprintf("%s: rate each competency 1–4 against its rubric, or “Not assessed” where the interview did not cover it (left out of the spread and medians). Nobody who hasn't submitted their own sees your scorecard; the channel only sees how many are in.", c.Name)
	switch {
	case read:
		intro += " You have read the debrief, so what you submit now is kept as a revision: everyone who reads the debrief sees it marked “revised after reading the debrief”, beside what you had submitted before."
	case prev != nil:
		intro += " You scored this candidate before: submitting replaces your scorecard."
	}
	m := &bot.Modal{Callback: "interview:score", Title: "Scorecard", Submit: "Submit",
		Metadata: candValue(c, gen+"|"+strings.Join(ids, ",")), Intro: intro}
	each := notesEach(len(items), noteCount(items))
	for _, it := range items {
		in := bot.Input{ID: "r:" + it.ID, Label: it.Name, Hint: it.Description}
		for i, l := range it.Levels {
			in.Choices = append(in.Choices, bot.Choice{Value: strconv.Itoa(i + 1), Label: fmt.Sprintf("%d · %s", i+1, l)})
		}
		in.Choices = append(in.Choices, bot.Choice{Value: notAssessed, Label: "Not assessed"})
		switch {
		case prev != nil && slices.Contains(prev.NotAssessed, it.ID):
			in.Value = notAssessed
		case prev != nil && prev.Ratings[it.ID] > 0:
			in.Value = strconv.Itoa(prev.Ratings[it.ID])
		}
		m.Inputs = append(m.Inputs, in)
		if !each {
			continue
		}
		if len(it.Questions) == 0 {
			note := bot.Input{ID: "n:" + it.ID, Label: "Notes on " + it.Name, Optional: true, Multiline: true, MaxLength: scorecard.MaxNote}
			if prev != nil {
				note.Value = prev.Notes[it.ID]
			}
			m.Inputs = append(m.Inputs, note)
			continue
		}
		for _, q := range it.Questions {
			note := bot.Input{ID: "q:" + q.ID, Label: "Notes on “" + shorten(q.Text, 140) + "”", Optional: true, Multiline: true,
				MaxLength: scorecard.MaxNote, Hint: it.Name + ": " + levelsText(q.Levels)}
			if prev != nil {
				note.Value = prev.QuestionNotes[q.ID]
			}
			m.Inputs = append(m.Inputs, note)
		}
	}
	rec := bot.Input{ID: "rec", Label: "Overall recommendation"}
	for _, r := range scorecard.Recommendations {
		rec.Choices = append(rec.Choices, bot.Choice{Value: string(r), Label: r.Label()})
	}
	if prev != nil {
		rec.Value = string(prev.Recommendation)
	}
	m.Inputs = append(m.Inputs, rec)
	if !each {
		note := bot.Input{ID: "note", Label: "Notes", Optional: true, Multiline: true, MaxLength: scorecard.MaxNote,
			Hint: "Name the competency each note is about."}
		if prev != nil {
			note.Value = prev.Note
		}
		m.Inputs = append(m.Inputs, note)
	}
	return m
}

// errOldForm is a submission whose metadata this version can't read.
var errOldForm = errors.New("interview: scorecard form metadata unreadable")

// errForgedForm is a submission with inputs its form did not offer.
var errForgedForm = errors.New("interview: scorecard form with inputs it did not offer")

// submission is a scorecard form as submitted: the candidate it was shown
// for, the kit's generation then, and the scorecard.
type submission struct {
	id, inc, gen string
	card         scorecard.Scorecard
}

// parseSubmission reads a submitted scorecard form. Missing or odd values
// become a scorecard that fails Validate, never an empty one that passes;
// an input the form did not offer (a competency it did not rate, a field
// it has not) is refused as forged (errForgedForm).
func parseSubmission(user, meta string, values map[string]string) (submission, error) {
	id, inc, rest, ok := parseCandValue(meta)
	gen, list, ok2 := strings.Cut(rest, "|")
	if !ok || !ok2 || list == "" {
		return submission{}, errOldForm
	}
	var comps []string
	questions := map[string][]string{}
	offered := map[string]bool{"rec": true}
	notes := 0
	for _, entry := range strings.Split(list, ",") {
		f := strings.Split(entry, ":")
		comp := f[0]
		if comp == "" || offered["r:"+comp] || slices.Contains(f[1:], "") {
			return submission{}, errOldForm
		}
		offered["r:"+comp] = true
		comps = append(comps, comp)
		if len(f) > 1 {
			questions[comp] = f[1:]
		}
		notes += max(1, len(f)-1)
	}
	if notesEach(len(comps), notes) {
		for _, comp := range comps {
			if len(questions[comp]) == 0 {
				offered["n:"+comp] = true
			}
			for _, q := range questions[comp] {
				offered["q:"+q] = true
			}
		}
	} else {
		offered["note"] = true
	}
	for in := range values {
		if !offered[in] {
			return submission{id: id, inc: inc}, errForgedForm
		}
	}
	card := scorecard.Scorecard{Scorer: user, Competencies: comps,
		Ratings: map[string]int{}, Notes: map[string]string{},
		Recommendation: scorecard.Recommendation(strings.TrimSpace(values["rec"])),
		Note:           strings.TrimSpace(values["note"])}
	if len(questions) > 0 {
		card.Questions, card.QuestionNotes = questions, map[string]string{}
	}
	for _, comp := range card.Competencies {
		switch v, ok := values["r:"+comp]; {
		case v == notAssessed:
			card.NotAssessed = append(card.NotAssessed, comp)
		case ok && v != "":
			n, err := strconv.Atoi(v)
			if err != nil {
				n = 0 // not a rating: Validate refuses it
			}
			card.Ratings[comp] = n
		}
		if note := strings.TrimSpace(values["n:"+comp]); note != "" {
			card.Notes[comp] = note
		}
		for _, q := range questions[comp] {
			if note := strings.TrimSpace(values["q:"+q]); note != "" {
				card.QuestionNotes[q] = note
			}
		}
	}
	card.Kit = scorecard.KitVersion(list)
	return submission{id: id, inc: inc, gen: gen, card: card}, card.Validate()
}

// submitScorecard stores a submitted scorecard: the scorer hears it
// privately, the channel only how many are in. It returns the candidate's
// name, when known, for the words of an error. A submission that is
// stored takes two round trips: the sheet's read and the write, which
// returns the candidate as stored; one that is refused reads the name.
func (h *Handler) submitScorecard(ctx context.Context, req bot.Request) (bot.Reply, string, error) {
	if h.candidates == nil {
		return bot.Reply{}, "", errNoCandidates
	}
	store := h.candidates(req)
	s, err := parseSubmission(req.User, req.Value, req.Values)
	if err == nil {
		err = h.sheetHolds(ctx, req, s.card.Competencies)
	}
	if err != nil {
		return bot.Reply{}, h.nameOf(ctx, store, s.id), err
	}
	card := s.card
	card.At = req.At
	c, replaced, err := store.SubmitScorecard(ctx, s.id, s.inc, card)
	if err != nil {
		return bot.Reply{}, c.Name, err
	}
	what := "Your scorecard for %s is saved."
	switch rev, _ := c.RevisionOf(req.User); {
	case rev != scorecard.Unrevised:
		what = "Your scorecard for %s is saved as a revision: you had read the debrief, so everyone who reads it sees yours marked “revised after reading the debrief”, beside what you had submitted before."
	case replaced:
		what = "Your scorecard for %s is saved; it replaces your earlier one."
	}
	return bot.Reply{
		Card: &bot.Card{Intro: fmt.Sprintf(what, c.Name),
			Note: fmt.Sprintf("Only you, those who have submitted theirs, whoever runs the interview loop and admins see it. %s debrief %s compares the scorecards.", h.slash, c.Name)},
		Announce:   &bot.Card{Intro: progressLine(c) + "."},
		AnnounceOf: c.ID,
	}, c.Name, nil
}

// nameOf returns the name of candidate id ("" for none, or when it can't
// be read), for the words of an error.
func (h *Handler) nameOf(ctx context.Context, store Candidates, id string) string {
	if id == "" {
		return ""
	}
	c, _ := store.Candidate(ctx, id)
	return c.Name
}

// Announcement returns what the channel is told of candidate id's
// progress now (nil once they are gone), for an adapter that posts the
// progress line as it stands when the post goes out.
func (h *Handler) Announcement(ctx context.Context, key hirebot.SessionKey, id string) (*bot.Card, error) {
	if h.candidates == nil {
		return nil, errNoCandidates
	}
	c, err := h.candidates(bot.Request{Team: key.Team, Channel: key.Channel}).Candidate(ctx, id)
	switch {
	case errors.Is(err, scorecard.ErrNoCandidate):
		return nil, nil
	case err != nil:
		return nil, err
	}
	return &bot.Card{Intro: progressLine(c) + "."}, nil
}

// sheetHolds checks that every competency a submitted scorecard rates is
// one the channel's scorecards rate now: a form forged to rate others, or
// one opened before the kit lost a competency, is refused.
func (h *Handler) sheetHolds(ctx context.Context, req bot.Request, comps []string) error {
	items, err := h.sheet(ctx, req)
	if err != nil {
		return err
	}
	now := map[string]bool{}
	for _, it := range items {
		now[it.ID] = true
	}
	var gone []string
	for _, c := range comps {
		if !now[c] {
			gone = append(gone, c)
		}
	}
	if len(gone) > 0 {
		return &NotInKitError{Competencies: gone}
	}
	return nil
}

// NotInKitError is a scorecard rating competencies the channel's
// scorecards do not rate (any more). Its kind is Invalid.
type NotInKitError struct {
	Competencies []string
}

// Error describes e for logs.
func (e *NotInKitError) Error() string {
	return fmt.Sprintf("interview: the scorecard rates %d competencies the kit does not", len(e.Competencies))
}

// ErrorKind returns Invalid.
func (e *NotInKitError) ErrorKind() hirebot.Kind { return hirebot.Invalid }

// isCandidateID reports whether s has the shape of scorecard.ID's ids.
func isCandidateID(s string) bool {
	if len(s) != len(scorecard.ID("x")) {
		return false
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}
