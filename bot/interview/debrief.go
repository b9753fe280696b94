package interview

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/inert"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// debrief shows, closes or exports a candidate's debrief.
func (h *Handler) debrief(ctx context.Context, req bot.Request, a Args) (bot.Reply, error) {
	name, sub := a.Name, a.Sub
	if a.Whole != "" {
		// "debrief Glenn Close" is Glenn Close's debrief when the channel
		// has a candidate of that name.
		if clean, err := scorecard.CleanName(a.Whole); err == nil {
			if _, err := h.candidates(req).Candidate(ctx, scorecard.ID(clean)); err == nil {
				name, sub = a.Whole, subDebrief
			}
		}
	}
	c, err := h.resolve(ctx, req, name)
	if err != nil {
		return bot.Reply{}, err
	}
	loop, err := h.loop(ctx, req)
	if err != nil {
		return bot.Reply{}, err
	}
	access := scorecard.AccessOf(loop, h.person(req), c)
	switch sub {
	case subDebriefClose:
		if err := h.mayManage(ctx, req, c, scorecard.CloseDebrief); err != nil {
			return bot.Reply{}, err
		}
		already, err := h.candidates(req).CloseDebrief(ctx, c.ID, c.Inc)
		if err != nil {
			return bot.Reply{}, err
		}
		msg := "The debrief for %s is closed: scorecards can no longer be submitted or changed."
		if already {
			msg = "The debrief for %s was closed already."
		}
		return bot.Reply{Card: &bot.Card{Intro: fmt.Sprintf(msg, c.Name)}}, nil
	case subDebriefExport:
		if !scorecard.May(loop, h.person(req), scorecard.ExportDebrief, c) {
			return bot.Reply{}, &DebriefForbiddenError{Owner: loop.Owner}
		}
		if c, err = h.read(ctx, req, c); err != nil {
			return bot.Reply{}, err
		}
		d := h.summarize(ctx, req, c)
		return bot.Reply{
			File: &bot.File{Name: exportName("debrief", c.Name, req.At), Title: "Debrief: " + c.Name, Content: h.debriefMarkdown(d)},
			Card: &bot.Card{Intro: fmt.Sprintf("Uploaded the debrief for %s (%s) to the channel: everyone in it can read the ratings and notes.", c.Name, plural(len(c.Cards), "scorecard"))},
		}, nil
	}
	if access == scorecard.Blind {
		return bot.Reply{Card: h.blindCard(c)}, nil
	}
	if c, err = h.read(ctx, req, c); err != nil {
		return bot.Reply{}, err
	}
	return bot.Reply{Card: h.debriefCard(h.summarize(ctx, req, c))}, nil
}

// read records that the user reads c's whole debrief, which freezes
// their own scorecard (a change after shows as a revision), and returns c
// as it is once recorded. A closed debrief freezes every scorecard
// anyway.
func (h *Handler) read(ctx context.Context, req bot.Request, c scorecard.Candidate) (scorecard.Candidate, error) {
	if c.Closed {
		return c, nil
	}
	read, _, err := h.candidates(req).MarkDebriefRead(ctx, c.ID, c.Inc, req.At)
	if err != nil {
		return c, err
	}
	return read, nil
}

// DebriefForbiddenError is a candidate someone may not manage (close the
// debrief, remove: Manage) or whose debrief they may not export. Owner is
// who runs the channel's interview loop ("" for nobody yet). Its kind is
// Forbidden.
type DebriefForbiddenError struct {
	Manage bool
	Owner  string
	Act    scorecard.Act // what was refused, when Manage
}

// Error describes e for logs.
func (e *DebriefForbiddenError) Error() string {
	return fmt.Sprintf("interview: debrief not allowed (manage %v)", e.Manage)
}

// ErrorKind returns Forbidden.
func (e *DebriefForbiddenError) ErrorKind() hirebot.Kind { return hirebot.Forbidden }

// blindCard shows who has submitted, and nothing of what they wrote.
func (h *Handler) blindCard(c scorecard.Candidate) *bot.Card {
	card := &bot.Card{Title: "Debrief: " + c.Name, Intro: progressLine(c) + "."}
	if s := c.Scorers(); len(s) > 0 {
		card.Parts = []bot.Part{{Heading: "Submitted", Items: userNames(s)}}
	}
	card.Note = fmt.Sprintf("Ratings and notes stay hidden until you submit your own scorecard (%s scorecard %s), so nobody anchors on anyone else's.", h.slash, c.Name)
	if c.Closed {
		card.Note = "The debrief is closed; only those who submitted a scorecard and, off the panel, whoever runs the interview loop, its coordinators and admins see the ratings."
	}
	return card
}

// The room a debrief card has: Slack refuses a message with much over
// 12,000 characters of text or 50 blocks.
const (
	debriefText  = 10000 // characters of the competency rows and notes
	debriefParts = 40    // parts for the competency rows
	minNote      = 40    // a note is never cut shorter than this; below, notes are left out
)

// debriefCard shows every rating and note, competency by competency, the
// spread and disagreements, then the recommendations. Notes are shortened
// (and the card says so) when they would not fit one Slack message, and
// rows share parts when there are more competencies than parts.
func (h *Handler) debriefCard(d scorecard.Debrief) *bot.Card {
	c := d.Candidate
	card := &bot.Card{Title: "Debrief: " + c.Name, Intro: progressLine(c) + "."}
	if c.Closed {
		card.Intro += " The debrief is closed."
	}
	if d.IsSplit {
		card.Intro += " " + splitLine(d.Split) + "."
	}
	if dis := d.Disagreements(); len(dis) > 0 {
		card.Intro += fmt.Sprintf(" Interviewers disagree (ratings %d or more apart) on: %s.", scorecard.DisagreeAt, strings.Join(h.competencyNames(dis), ", "))
	}
	if len(d.Revisions) > 0 {
		card.Intro += " " + revisionsLine(d) + "."
	}
	if len(c.Cards) == 0 {
		card.Intro += " No scorecards yet."
		if len(c.Decisions) > 0 {
			card.Parts = []bot.Part{{Heading: "Decision", Items: decisionLines(c.Decisions)}}
		}
		return card
	}
	noteCap := h.noteBudget(d)
	rows := make([]bot.Part, 0, len(d.Rows))
	for _, r := range d.Rows {
		head := h.rowHeading(r)
		var items []string
		for _, e := range r.Entries {
			line := fmt.Sprintf("%s: %d", userName(e.Scorer), e.Rating) + revision(e.Revision, e.Before, strconv.Itoa(e.Before)) + earlierKit(e)
			if e.Note != "" && noteCap >= 0 {
				line += " — " + shorten(e.Note, noteCap)
			}
			items = append(items, line+h.questionNotes(d, e, noteCap))
		}
		for _, e := range r.Notes {
			line := userName(e.Scorer) + ": not assessed"
			if e.Note != "" && noteCap >= 0 {
				line += " — " + shorten(e.Note, noteCap)
			}
			items = append(items, line+h.questionNotes(d, e, noteCap))
		}
		if n := len(r.NotAssessed) - len(r.Notes); n > 0 {
			var quiet []string
			for _, u := range r.NotAssessed {
				if !slices.ContainsFunc(r.Notes, func(e scorecard.Entry) bool { return e.Scorer == u }) {
					quiet = append(quiet, userName(u))
				}
			}
			items = append(items, "Not assessed: "+strings.Join(quiet, ", "))
		}
		rows = append(rows, bot.Part{Heading: head, Items: items})
	}
	card.Parts = packRows(rows, debriefParts)
	var tally []string
	for _, t := range d.Tally {
		tally = append(tally, fmt.Sprintf("%s: %d", t.Recommendation.Label(), t.N))
	}
	var calls []string
	for _, call := range d.Calls {
		calls = append(calls, fmt.Sprintf("%s: %s", userName(call.Scorer), call.Recommendation.Label())+revision(call.Revision, len(call.Before), call.Before.Label()))
	}
	card.Parts = append(card.Parts, bot.Part{Heading: "Recommendations", Text: strings.Join(tally, " · "), Items: calls})
	if len(c.Decisions) > 0 {
		card.Parts = append(card.Parts, bot.Part{Heading: "Decision", Items: decisionLines(c.Decisions)})
	}
	if len(d.Notes) > 0 && noteCap >= 0 {
		var notes []string
		for _, n := range d.Notes {
			notes = append(notes, userName(n.Scorer)+": "+shorten(n.Note, noteCap))
		}
		card.Parts = append(card.Parts, bot.Part{Heading: "Notes", Items: notes})
	}
	card.Note = fmt.Sprintf("Only you see this. %s debrief %s export uploads it to the channel.", h.slash, c.Name)
	switch {
	case noteCap > 0:
		card.Note = "Long notes are shortened to fit one Slack message; the export has them whole. " + card.Note
	case noteCap < 0:
		card.Note = "The notes are too many to fit one Slack message and are left out here; the export has them. " + card.Note
	}
	return card
}

// rowHeading is a competency's heading in the debrief: its name, the
// median and spread of the ratings given, a disagreement, and how many did
// not assess it.
func (h *Handler) rowHeading(r scorecard.Row) string {
	head := h.competencyName(r.Competency)
	if len(r.Entries) == 0 {
		head += " — no ratings"
	} else {
		head += fmt.Sprintf(" — median %s, spread %d", median(r.Median), r.Spread)
	}
	if r.Disagree {
		head += " — disagreement"
	}
	if n := len(r.NotAssessed); n > 0 {
		head += fmt.Sprintf(" — %d not assessed", n)
	}
	return head
}

// median reads a median: "3", "2.5".
func median(m float64) string { return strconv.FormatFloat(m, 'f', -1, 64) }

// questionNotes reads a scorer's notes on a competency's kit questions,
// each after the question's first words: "; on “Tell me…”: note".
func (h *Handler) questionNotes(d scorecard.Debrief, e scorecard.Entry, noteCap int) string {
	if noteCap < 0 {
		return ""
	}
	var b strings.Builder
	for _, qn := range e.Questions {
		fmt.Fprintf(&b, "; on “%s”: %s", shorten(h.textOf(d, qn.Question), 60), shorten(qn.Note, noteCap))
	}
	return b.String()
}

// textOf returns a noted question's text: the team's own from d.Texts,
// else the bank's.
func (h *Handler) textOf(d scorecard.Debrief, id string) string {
	if t, ok := d.Texts[id]; ok {
		return t
	}
	return h.questionText(id)
}

// summarize builds c's debrief with the texts of the team's own questions
// its scorecards noted (read only when there are some).
func (h *Handler) summarize(ctx context.Context, req bot.Request, c scorecard.Candidate) scorecard.Debrief {
	d := scorecard.Summarize(c)
	for _, card := range c.Cards {
		for _, ids := range card.Questions {
			for _, id := range ids {
				if strings.HasPrefix(id, scorecard.TeamPrefix) && d.Texts == nil {
					d.Texts = map[string]string{}
					if team, err := h.sessions(req).TeamQuestions(ctx); err == nil {
						for id, q := range team {
							d.Texts[id] = q.Text
						}
					}
				}
			}
		}
	}
	return d
}

// noteBudget returns how long each note of d may be for the card to fit
// debriefText characters: 0 when every note fits whole, -1 when even
// minNote characters each would not fit and notes are left out.
func (h *Handler) noteBudget(d scorecard.Debrief) int {
	fixed, notes, n := 0, 0, 0
	for _, r := range d.Rows {
		fixed += utf8.RuneCountInString(h.competencyName(r.Competency)) + 30
		fixed += 30 * len(r.NotAssessed)
		for _, e := range slices.Concat(r.Entries, r.Notes) {
			fixed += len(e.Scorer) + 10
			if e.Note != "" {
				notes += utf8.RuneCountInString(e.Note) + 3
				n++
			}
			for _, qn := range e.Questions {
				fixed += 70
				notes += utf8.RuneCountInString(qn.Note) + 3
				n++
			}
		}
	}
	for _, e := range d.Notes {
		notes += utf8.RuneCountInString(e.Note) + len(e.Scorer) + 6
		n++
	}
	switch {
	case fixed+notes <= debriefText || n == 0:
		return 0
	case (debriefText-fixed)/n < minNote:
		return -1
	}
	return (debriefText - fixed) / n
}

// shorten cuts s to at most n characters (n > 0; 0 keeps it whole) with
// an ellipsis.
func shorten(s string, n int) string {
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n-1])) + "…"
}

// packRows returns rows in at most max parts: each row its own part while
// they fit, else several rows to a part, each row's heading and items as
// lines of the part's text.
func packRows(rows []bot.Part, maxParts int) []bot.Part {
	if len(rows) <= maxParts {
		return rows
	}
	per := (len(rows) + maxParts - 1) / maxParts
	var out []bot.Part
	for i := 0; i < len(rows); i += per {
		var lines []string
		for _, r := range rows[i:min(i+per, len(rows))] {
			lines = append(lines, r.Heading)
			for _, it := range r.Items {
				lines = append(lines, "• "+it)
			}
		}
		out = append(out, bot.Part{Text: strings.Join(lines, "\n")})
	}
	return out
}

// debriefMarkdown is the debrief as a Markdown document.
func (h *Handler) debriefMarkdown(d scorecard.Debrief) string {
	c := d.Candidate
	var b strings.Builder
	fmt.Fprintf(&b, "# Debrief: %s\n\n%s.", inert.Markdown(c.Name), inert.Markdown(progressLine(c)))
	if c.Closed {
		b.WriteString(" The debrief is closed.")
	}
	if len(d.Revisions) > 0 {
		fmt.Fprintf(&b, " %s.", inert.Markdown(revisionsLine(d)))
	}
	if d.IsSplit {
		fmt.Fprintf(&b, " **%s.**", inert.Markdown(splitLine(d.Split)))
	}
	b.WriteString("\n")
	if len(c.Decisions) > 0 {
		b.WriteString("\n## Decision\n\n")
		for _, line := range decisionLines(c.Decisions) {
			fmt.Fprintf(&b, "- %s\n", inert.MarkdownCell(line))
		}
	}
	for _, r := range d.Rows {
		fmt.Fprintf(&b, "\n## %s\n\n", inert.Markdown(h.competencyName(r.Competency)))
		if len(r.Entries) == 0 {
			b.WriteString("No ratings")
		} else {
			fmt.Fprintf(&b, "Median %s, spread %d", median(r.Median), r.Spread)
		}
		if r.Disagree {
			b.WriteString(" — **interviewers disagree**")
		}
		if len(r.NotAssessed) > 0 {
			fmt.Fprintf(&b, " — not assessed by %s", strings.Join(userNames(r.NotAssessed), ", "))
		}
		b.WriteString("\n\n| Interviewer | Rating | Note |\n|---|---|---|\n")
		for _, e := range r.Entries {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", userName(e.Scorer), inert.MarkdownCell(strconv.Itoa(e.Rating)+revision(e.Revision, e.Before, strconv.Itoa(e.Before))+earlierKit(e)), inert.MarkdownCell(e.Note))
		}
		for _, u := range r.NotAssessed {
			note := ""
			if i := slices.IndexFunc(r.Notes, func(e scorecard.Entry) bool { return e.Scorer == u }); i >= 0 {
				note = r.Notes[i].Note
			}
			fmt.Fprintf(&b, "| %s | not assessed | %s |\n", userName(u), inert.MarkdownCell(note))
		}
		for _, e := range slices.Concat(r.Entries, r.Notes) {
			for _, qn := range e.Questions {
				fmt.Fprintf(&b, "\n- %s on “%s”: %s", userName(e.Scorer), inert.Markdown(h.textOf(d, qn.Question)), inert.MarkdownCell(qn.Note))
			}
		}
		if slices.ContainsFunc(slices.Concat(r.Entries, r.Notes), func(e scorecard.Entry) bool { return len(e.Questions) > 0 }) {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n## Recommendations\n\n")
	for _, t := range d.Tally {
		fmt.Fprintf(&b, "- %s: %d\n", t.Recommendation.Label(), t.N)
	}
	b.WriteString("\n")
	for _, call := range d.Calls {
		fmt.Fprintf(&b, "- %s: %s\n", userName(call.Scorer), inert.Markdown(call.Recommendation.Label()+revision(call.Revision, len(call.Before), call.Before.Label())))
	}
	if len(d.Notes) > 0 {
		b.WriteString("\n## Notes\n\n")
		for _, n := range d.Notes {
			fmt.Fprintf(&b, "- %s: %s\n", userName(n.Scorer), inert.MarkdownCell(n.Note))
		}
	}
	return b.String()
}

func userName(id string) string { return "@" + id }

func userNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = userName(id)
	}
	return out
}

func (h *Handler) competencyNames(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = h.competencyName(id)
	}
	return out
}

// exportName names an export after what it is, the candidate and the
// day: "debrief-ada-lovelace-2026-12-07.md". The name keeps letters and
// digits of any script, lower-cased, words joined by hyphens.
func exportName(what, name string, at time.Time) string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		words = append(words, w)
	}
	if at.IsZero() {
		at = time.Now()
	}
	return fmt.Sprintf("%s-%s-%s.md", what, strings.Join(words, "-"), at.UTC().Format("2006-01-02"))
}

// earlierKit marks a rating kept from a scorecard made against an earlier
// kit.
func earlierKit(e scorecard.Entry) string {
	if e.EarlierKit {
		return " (scored against an earlier kit)"
	}
	return ""
}

// splitLine flags a split recommendation: "Split recommendation: 2 yes
// or strong yes against 1 no or strong no".
func splitLine(s scorecard.Split) string {
	return fmt.Sprintf("Split recommendation: %d yes or strong yes against %d no or strong no", s.Yes, s.No)
}

// decisionLines lists a candidate's decisions, the one that stands first,
// then the history, newest first: verdict, reason, who and when.
func decisionLines(ds []scorecard.Decision) []string {
	var out []string
	for i := len(ds) - 1; i >= 0; i-- {
		d := ds[i]
		line := fmt.Sprintf("%s — %s (@%s, %s)", d.Verdict.Label(), d.Reason, d.By, dateOf(d.At))
		if i < len(ds)-1 {
			line = "Earlier: " + line
		}
		out = append(out, line)
	}
	return out
}

// revision says that a rating or call was changed, or first given, after
// its scorer read the debrief; was is what it had been (had 0: nothing).
func revision(r scorecard.Revision, had int, was string) string {
	switch {
	case r == scorecard.AfterReading:
		return " (submitted after reading the debrief)"
	case r == scorecard.Revised && had > 0:
		return " (revised after reading the debrief; was " + was + ")"
	case r == scorecard.Revised:
		return " (revised after reading the debrief)"
	}
	return ""
}

// revisionsLine names the scorers whose scorecard changed, or came, after
// they read the debrief.
func revisionsLine(d scorecard.Debrief) string {
	return "Revised after reading the debrief: " + strings.Join(userNames(d.Revisions), ", ")
}
