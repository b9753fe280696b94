package jd

import (
	"context"
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// setSetting sets one of the draft's settings (draft.Field.Setting) to
// the canonical form of what was typed, refusing a value it does not know;
// "" clears it.
func (h *Handler) setSetting(ctx context.Context, req bot.Request, f draft.Field, text string) (bot.Reply, error) {
	value, err := h.settingValue(f, text)
	if err != nil {
		return bot.Reply{}, err
	}
	reply, err := h.change(ctx, req, draft.Change{Op: draft.OpSet, Field: f, Text: value})
	if err != nil || f != draft.Engagement {
		return reply, err
	}
	if d, derr := h.drafts(req).Draft(ctx); derr == nil && d.Contract() {
		if refs := employeeBenefits(d); len(refs) > 0 {
			reply.Card.Note = fmt.Sprintf("%s leader gets no employee benefits: %s promise them. %s remove them, or %s check lists them. %s",
				capitalize(article(string(d.Engagement())))+" "+string(d.Engagement()), strings.Join(refs, ", "), h.cfg.Slash, h.cfg.Slash, reply.Card.Note)
		}
	}
	return reply, nil
}

// settingValue returns the canonical value of setting f for text, or an
// Invalid error saying what it takes.
func (h *Handler) settingValue(f draft.Field, text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", nil
	}
	switch f {
	case draft.Engagement:
		k, err := locale.Default().ParseKind(text)
		if err != nil {
			return "", hirebot.Errorf(hirebot.Invalid, "There is no engagement %q. Use full-time, fractional or interim: %s set engagement fractional.", short(text), h.cfg.Slash)
		}
		return string(k), nil
	case draft.Locale:
		c, err := locale.ParseCode(text)
		if err != nil {
			return "", hirebot.Errorf(hirebot.Invalid, "There is no locale %q. Use us, uk, eu or ca: %s set locale uk.", short(text), h.cfg.Slash)
		}
		return string(c), nil
	}
	return text, nil
}

// employeeBenefits returns the references of d's items that promise a
// benefit only employees get.
func employeeBenefits(d *draft.Draft) []string {
	var refs []string
	for _, sec := range draft.Sections {
		for _, it := range d.Sections[sec] {
			if len(locale.Default().FindEmployeeOnly(it.Text)) > 0 {
				refs = append(refs, it.Ref)
			}
		}
	}
	return refs
}
