package jd

import (
	"context"
	"fmt"
	"strconv"
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
	case draft.CompanySize:
		n, ok := headCount(text)
		if !ok {
			return "", hirebot.Errorf(hirebot.Invalid, "The company size is a number of employees, such as %s set company-size 120.", h.cfg.Slash)
		}
		return strconv.Itoa(n), nil
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

// headCount reads a number of employees as people type it: "120",
// "1,200", "about 120 employees". It reports false for anything else, or
// for no one.
func headCount(text string) (int, bool) {
	f := strings.Fields(strings.ToLower(text))
	for len(f) > 0 && (f[0] == "about" || f[0] == "around" || f[0] == "roughly" || f[0] == "~") {
		f = f[1:]
	}
	if len(f) == 0 || len(f) > 2 || len(f) == 2 && f[1] != "employees" && f[1] != "people" && f[1] != "staff" {
		return 0, false
	}
	n, err := strconv.Atoi(strings.NewReplacer(",", "", "_", "", "+", "").Replace(f[0]))
	if err != nil || n < 1 || n > 10_000_000 {
		return 0, false
	}
	return n, true
}
