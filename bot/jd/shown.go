package jd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// Every button, confirmation and form of /jd names the draft it was shown
// for, by its identity and version, in its value (or the modal's
// metadata): "ID.VERSION", then "|ARG" for a button that carries an
// argument (an export format, a checklist item). A press meant for a draft
// that is gone — discarded or expired, perhaps with another started since
// — is refused with the reason; a value without an identity comes from a
// hirebot before drafts had one, and is refused too, never applied to
// whatever draft the channel has now.

// shown is what a button or form was shown for.
type shown struct {
	Draft   string // the draft's identity
	Version int    // the version it was at
	Arg     string // the button's argument, if it has one
}

// showing returns the value of a button or form shown for d at its
// version, with arg ("" for none).
func showing(d *draft.Draft, arg string) string {
	d.EnsureID()
	v := d.ID + "." + strconv.Itoa(d.Version)
	if arg != "" {
		v += "|" + arg
	}
	return v
}

// parseShown reads a value showing wrote. It reports false for any other
// value: one from an older hirebot, or forged.
func parseShown(v string) (shown, bool) {
	head, arg, _ := strings.Cut(v, "|")
	id, ver, ok := strings.Cut(head, ".")
	n, err := strconv.Atoi(ver)
	if !ok || err != nil || n < 1 || id == "" || len(id) > 40 || strings.Trim(id, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
		return shown{}, false
	}
	return shown{Draft: id, Version: n, Arg: arg}, true
}

// control describes a button or form of /jd for the words of a refusal:
// what it is, and what was not done.
type control struct {
	What    string // "Discard button"
	NotDone string // "nothing was discarded"
	Again   string // the command that does it now, e.g. "discard"
}

// controls are /jd's buttons and its form, by action.
var controls = map[string]control{
	"edit":     {"Edit button", "the editor was not opened", "show"},
	"suggest":  {"Suggest button", "nothing was suggested", "suggest"},
	"add-item": {"Add button", "nothing was added", "suggest"},
	"check":    {"Check button", "nothing was checked", "check"},
	"export":   {"Export button", "nothing was exported", "export"},
	"show":     {"Show the draft button", "nothing was posted", "show"},
	"history":  {"History button", "nothing was shown", "history"},
	"discard":  {"Discard button", "nothing was discarded", "discard"},
	"finalize": {"Finalize anyway button", "nothing was finalized", "finalize"},
	"save":     {"editor", "nothing was saved", "show"},
}

// OldControlError is a button press or form whose value names no draft:
// it comes from a hirebot before drafts had an identity (or was forged),
// and nothing was done. Its kind is Invalid.
type OldControlError struct {
	Action string
}

// Error describes e for logs.
func (e *OldControlError) Error() string {
	return fmt.Sprintf("jd: %s: the control's value names no draft", e.Action)
}

// ErrorKind returns Invalid.
func (e *OldControlError) ErrorKind() hirebot.Kind { return hirebot.Invalid }

// wordControl words the refusal of a press or form of action that was
// shown for another draft than the channel's, or for a draft that is gone;
// any other error is returned as it is.
func (h *Handler) wordControl(action string, err error) error {
	c, ok := controls[action]
	if !ok {
		c = control{What: "button", NotDone: "nothing was done", Again: "help"}
	}
	return bot.Words{
		bot.As(func(*OldControlError) string {
			return fmt.Sprintf("That %s is from an older version of hirebot, so %s; please run the command again: %s %s.",
				c.What, c.NotDone, h.cfg.Slash, c.Again)
		}),
		bot.As(func(*draft.OtherDraftError) string {
			return fmt.Sprintf("That %s was for an earlier draft of this channel, which was discarded; %s. The channel has a newer draft now: %s show posts it.",
				c.What, c.NotDone, h.cfg.Slash)
		}),
		bot.OfKind(hirebot.NotFound, fmt.Sprintf("That %s was for a draft of this channel that is gone (discarded, or unused for too long); %s. %s start begins a new one.",
			c.What, c.NotDone, h.cfg.Slash)),
	}.Word(err)
}
