package interview

import (
	"context"
	"slices"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/knowledge"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// engagementFilter answers /interview fractional (or interim, part-time…):
// questions for the channel draft's role (a CTO's without a draft) on the
// competencies that matter most in that engagement, as package locale
// lists them, those the bank has questions on for the role. It reports
// false when word names no contract engagement.
func (h *Handler) engagementFilter(ctx context.Context, req bot.Request, word string) (Filter, string, bool, error) {
	k, err := locale.Default().ParseKind(word)
	if err != nil || k == locale.FullTime {
		return Filter{}, "", false, nil
	}
	e, _ := locale.Default().Engagement(k)
	role := knowledge.DefaultRole
	d, err := h.sessions(req).Draft(ctx)
	switch {
	case err == nil:
		role = d.Role
	case hirebot.KindOf(err) != hirebot.NotFound:
		return Filter{}, "", true, err
	}
	f := Filter{Role: role}
	for _, c := range e.Interview {
		if len(Pool(h.pack, Filter{Role: role, Competencies: []string{c}})) > 0 && !slices.Contains(f.Competencies, c) {
			f.Competencies = append(f.Competencies, c)
		}
	}
	name := role
	if r, ok := h.pack.Role(role); ok {
		name = r.Name
	}
	a := "a "
	if k == locale.Interim { // the engagements are full-time, fractional and interim
		a = "an "
	}
	return f, a + string(k) + " " + name, true, nil
}
