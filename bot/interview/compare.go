package interview

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/scorecard"
)

// maxCompare is how many candidates one comparison shows.
const maxCompare = 10

// compare puts candidates side by side per competency: the median and
// spread of the ratings given and how many did not assess it, then each
// one's recommendations, split and decision. Names are the channel's
// candidates, comma-separated or one after another; none means every one.
// Each candidate is shown under the debrief's reading rules: one whose
// debrief the asker may not read (yet) is listed with progress only.
func (h *Handler) compare(ctx context.Context, req bot.Request, names string) (bot.Reply, error) {
	all, err := h.candidates(req).Candidates(ctx)
	if err != nil {
		return bot.Reply{}, err
	}
	var picked []scorecard.Candidate
	if strings.TrimSpace(names) == "" {
		picked = all
	} else if picked, err = h.pick(ctx, req, names, all); err != nil {
		return bot.Reply{}, err
	}
	if len(picked) == 0 {
		return bot.Reply{Card: &bot.Card{Title: "Compare", Intro: fmt.Sprintf("No candidates in this channel yet. Add one with %s candidate add <name>.", h.slash)}}, nil
	}
	if len(picked) > maxCompare {
		return bot.Reply{}, hirebot.Errorf(hirebot.Invalid, "Compare up to %d candidates at once; name them: %s compare Ada Lovelace, Grace Hopper.", maxCompare, h.slash)
	}
	loop, err := h.loop(ctx, req)
	if err != nil {
		return bot.Reply{}, err
	}
	return bot.Reply{Card: h.compareCard(loop, h.person(req), picked)}, nil
}

// pick resolves the names typed: comma-separated, or the channel's
// candidates' names one after another ("Ada Lovelace Grace Hopper").
func (h *Handler) pick(ctx context.Context, req bot.Request, typed string, all []scorecard.Candidate) ([]scorecard.Candidate, error) {
	var parts []string
	if strings.Contains(typed, ",") {
		parts = strings.Split(typed, ",")
	} else {
		parts = splitNames(typed, all)
	}
	var out []scorecard.Candidate
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			continue
		}
		c, ok := findIn(all, p)
		if !ok {
			// Not on the list: archived, or no such name ("did you mean").
			var err error
			if c, err = h.resolve(ctx, req, p); err != nil {
				return nil, err
			}
		}
		if !slices.ContainsFunc(out, func(o scorecard.Candidate) bool { return o.ID == c.ID }) {
			out = append(out, c)
		}
	}
	return out, nil
}

// findIn returns the candidate of all that name names, as resolve would
// find them, without another read of the store.
func findIn(all []scorecard.Candidate, name string) (scorecard.Candidate, bool) {
	clean, err := scorecard.CleanName(name)
	if err != nil {
		return scorecard.Candidate{}, false
	}
	id, key := scorecard.ID(clean), scorecard.Key(clean)
	for _, c := range all {
		if c.ID == id || scorecard.Key(c.Name) == key {
			return c, true
		}
	}
	return scorecard.Candidate{}, false
}

// splitNames splits words into the channel's candidates' names, longest
// first from the left; words that start no name are kept as one name (for
// "did you mean").
func splitNames(typed string, all []scorecard.Candidate) []string {
	words := strings.Fields(typed)
	var out []string
	for i := 0; i < len(words); {
		best := 0
		for _, c := range all {
			n := len(strings.Fields(c.Name))
			if n > best && i+n <= len(words) && scorecard.Fold(strings.Join(words[i:i+n], " ")) == scorecard.Fold(c.Name) {
				best = n
			}
		}
		if best == 0 {
			return append(out, strings.Join(words[i:], " "))
		}
		out = append(out, strings.Join(words[i:i+best], " "))
		i += best
	}
	return out
}

// compareCard builds the comparison for p.
func (h *Handler) compareCard(loop scorecard.Loop, p scorecard.Person, cs []scorecard.Candidate) *bot.Card {
	var names []string
	var open []scorecard.Debrief
	var hidden []string
	for _, c := range cs {
		names = append(names, c.Name)
		if scorecard.AccessOf(loop, p, c) == scorecard.Full {
			open = append(open, scorecard.Summarize(c))
		} else {
			hidden = append(hidden, progressLine(c))
		}
	}
	card := &bot.Card{Title: "Compare: " + shorten(strings.Join(names, ", "), 120)}
	if len(open) == 0 {
		card.Intro = "You can't read any of these debriefs yet: on a panel, submit your own scorecard first."
		card.Parts = []bot.Part{{Heading: "Hidden until you may read them", Items: hidden}}
		return card
	}
	card.Intro = "Per competency: the median and spread of the ratings given (1–4), and how many did not assess it."
	var order []string
	for _, d := range open {
		for _, r := range d.Rows {
			if !slices.Contains(order, r.Competency) {
				order = append(order, r.Competency)
			}
		}
	}
	var rows []bot.Part
	for _, comp := range order {
		var items []string
		for _, d := range open {
			i := slices.IndexFunc(d.Rows, func(r scorecard.Row) bool { return r.Competency == comp })
			switch {
			case i < 0:
				items = append(items, d.Candidate.Name+": not on their scorecards")
			case len(d.Rows[i].Entries) == 0:
				items = append(items, fmt.Sprintf("%s: no ratings, %d not assessed", d.Candidate.Name, len(d.Rows[i].NotAssessed)))
			default:
				r := d.Rows[i]
				line := fmt.Sprintf("%s: median %s, spread %d", d.Candidate.Name, median(r.Median), r.Spread)
				if len(r.NotAssessed) > 0 {
					line += fmt.Sprintf(", %d not assessed", len(r.NotAssessed))
				}
				if r.Disagree {
					line += " — disagreement"
				}
				items = append(items, line)
			}
		}
		rows = append(rows, bot.Part{Heading: h.competencyName(comp), Items: items})
	}
	card.Parts = packRows(rows, debriefParts-2)
	var calls []string
	for _, d := range open {
		var tally []string
		for _, t := range d.Tally {
			if t.N > 0 {
				tally = append(tally, fmt.Sprintf("%s %d", t.Recommendation.Label(), t.N))
			}
		}
		line := d.Candidate.Name + ": " + progressOf(d.Candidate)
		if len(tally) > 0 {
			line += " — " + strings.Join(tally, " · ")
		}
		if d.IsSplit {
			line += " — split"
		}
		if dec, ok := d.Candidate.Decided(); ok {
			line += fmt.Sprintf(" — decision: %s (@%s, %s)", dec.Verdict.Label(), dec.By, dateOf(dec.At))
		}
		calls = append(calls, line)
	}
	card.Parts = append(card.Parts, bot.Part{Heading: "Recommendations and decisions", Items: calls})
	if len(hidden) > 0 {
		card.Parts = append(card.Parts, bot.Part{Heading: "Hidden until you may read them", Items: hidden})
	}
	card.Note = "Only you see this."
	return card
}

// progressOf reads how many scorecards are in: "2 of 3 in".
func progressOf(c scorecard.Candidate) string {
	in, of := c.Progress()
	return fmt.Sprintf("%d of %d in", in, of)
}
