// Package blockkit renders hirebot's cards and modals as Slack Block Kit.
// Rendering is pure: no I/O. It keeps Slack's limits (50 blocks a message,
// 100 a modal, 3000 characters a section, 24 a modal title) and escapes
// every piece of text, so nothing in a card can ping a user or a channel.
package blockkit

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot/bot"
)

// Slack's limits, kept with some room to spare.
const (
	MaxBlocks      = 50
	MaxModalBlocks = 100
	MaxSectionText = 3000
	MaxHeaderText  = 150
	MaxButtonText  = 75
	MaxButtonValue = 2000
	MaxModalTitle  = 24
	// MaxInputText is the most a plain_text_input may hold or allow
	// (its initial_value and max_length).
	MaxInputText   = bot.MaxInputText
	MaxInputLabel  = 2000         // an input's label or hint
	MaxOptionText  = 75           // an option's text
	MaxOptionValue = 150          // an option's value
	MaxInputLength = MaxInputText // what a plain-text input may hold
	maxRadioOption = 10           // options of one radio_buttons element
	MaxMessageText = 12000        // Slack refuses messages with much more text than ~13,000 characters
	maxActions     = 25           // elements in one actions block
	maxFallback    = 3000
)

// Escape makes text safe for mrkdwn and a message's text: it escapes &, <
// and >, which is what stops "<!channel>" or "<@U123>" from pinging.
func Escape(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

// Message is a rendered card: the blocks and the notification text.
type Message struct {
	Blocks []slack.Block
	Text   string
}

// Card renders a card as a message.
func Card(c *bot.Card) Message {
	var bs []slack.Block
	if c.Title != "" {
		bs = append(bs, slack.NewHeaderBlock(plain(truncate(c.Title, MaxHeaderText))))
	}
	var body []slack.Block
	if c.Intro != "" {
		body = append(body, sections(Escape(c.Intro), nil)...)
	}
	for i, p := range c.Parts {
		body = append(body, part(p, i)...)
	}
	bs = append(bs, within(body, MaxMessageText-utf8.RuneCountInString(c.Title))...)
	if c.Source != "" {
		bs = append(bs, slack.NewContextBlock("source", mrkdwn(truncate(Escape(c.Source), MaxSectionText))))
	}
	if len(c.Buttons) > 0 {
		bs = append(bs, actions("actions", c.Buttons)...)
	}
	var notes []string
	if c.Note != "" {
		notes = append(notes, Escape(c.Note))
	}
	if mention := userMention(c.SharedBy); mention != "" {
		notes = append(notes, "Shared by "+mention)
	}
	if len(notes) > 0 {
		ctx := slack.NewContextBlock("note", mrkdwn(truncate(strings.Join(notes, " · "), MaxSectionText)))
		bs = append(bs, ctx)
	}
	if len(bs) > MaxBlocks {
		bs = append(bs[:MaxBlocks-1], slack.NewContextBlock("truncated",
			mrkdwn("This card was too long for Slack and was cut short.")))
	}
	return Message{Blocks: bs, Text: fallback(c)}
}

// within keeps the leading sections whose text fits in budget characters,
// and says so when it had to leave some out.
func within(body []slack.Block, budget int) []slack.Block {
	for i, b := range body {
		sec, ok := b.(*slack.SectionBlock)
		if !ok || sec.Text == nil {
			continue
		}
		budget -= utf8.RuneCountInString(sec.Text.Text)
		if budget < 0 {
			return append(body[:i:i], slack.NewContextBlock("cut",
				mrkdwn("This card was too long for Slack; the rest is left out.")))
		}
	}
	return body
}

// part renders one part of a card's body as sections.
func part(p bot.Part, n int) []slack.Block {
	var b strings.Builder
	if p.Heading != "" {
		b.WriteString("*" + Escape(p.Heading) + "*")
	}
	if p.Text != "" {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(Escape(p.Text))
	}
	for i, it := range p.Items {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		if p.Numbered {
			b.WriteString(strconv.Itoa(i+1) + ". ")
		} else {
			b.WriteString("• ")
		}
		b.WriteString(Escape(it))
	}
	for _, ch := range p.Channels {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString("• " + channelLink(ch))
	}
	var acc *slack.Accessory
	if p.Button != nil {
		acc = slack.NewAccessory(button(*p.Button, n))
	}
	if b.Len() == 0 {
		b.WriteString(" ")
	}
	return sections(b.String(), acc)
}

// sections splits mrkdwn text into as many sections as the 3000-character
// limit needs, breaking at line ends where it can. The accessory goes on
// the first.
func sections(text string, acc *slack.Accessory) []slack.Block {
	var out []slack.Block
	for _, chunk := range split(text, MaxSectionText) {
		out = append(out, slack.NewSectionBlock(mrkdwn(chunk), nil, acc))
		acc = nil
	}
	return out
}

// split cuts text into pieces of at most max characters, preferring line
// breaks, and never inside an escape such as "&amp;".
func split(text string, max int) []string {
	var out []string
	for utf8.RuneCountInString(text) > max {
		cut := byteIndexOfRune(text, max)
		if nl := strings.LastIndexByte(text[:cut], '\n'); nl > cut/2 {
			cut = nl
		} else if amp := strings.LastIndexByte(text[:cut], '&'); amp > cut-6 && amp > 0 {
			cut = amp
		}
		out = append(out, text[:cut])
		text = strings.TrimLeft(text[cut:], "\n")
	}
	if text != "" || len(out) == 0 {
		out = append(out, text)
	}
	return out
}

// byteIndexOfRune returns the byte offset of the n-th rune of s.
func byteIndexOfRune(s string, n int) int {
	i := 0
	for j := range s {
		if i == n {
			return j
		}
		i++
	}
	return len(s)
}

// actions renders buttons as actions blocks of at most 25 buttons each.
func actions(blockID string, buttons []bot.Button) []slack.Block {
	var out []slack.Block
	for start := 0; start < len(buttons); start += maxActions {
		end := min(start+maxActions, len(buttons))
		var els []slack.BlockElement
		for i := start; i < end; i++ {
			els = append(els, button(buttons[i], i))
		}
		id := blockID
		if start > 0 {
			id += "-" + strconv.Itoa(start/maxActions)
		}
		out = append(out, slack.NewActionBlock(id, els...))
	}
	return out
}

// button renders one button. Slack wants action ids unique within a
// block, so the position is appended after a '#'; ActionName strips it.
func button(b bot.Button, n int) *slack.ButtonBlockElement {
	el := slack.NewButtonBlockElement(b.Action+"#"+strconv.Itoa(n),
		truncate(b.Value, MaxButtonValue), plain(truncate(b.Label, MaxButtonText)))
	switch b.Style {
	case "primary":
		el = el.WithStyle(slack.StylePrimary)
	case "danger":
		el = el.WithStyle(slack.StyleDanger)
	}
	if c := b.Confirm; c != nil {
		el = el.WithConfirm(slack.NewConfirmationBlockObject(
			plain(truncate(c.Title, 100)), plain(truncate(c.Text, 300)),
			plain(truncate(c.Yes, 30)), plain(truncate(c.No, 30))))
	}
	return el
}

// ActionName returns the action a button press names, without the
// position suffix the renderer added.
func ActionName(actionID string) string {
	if i := strings.LastIndexByte(actionID, '#'); i >= 0 {
		return actionID[:i]
	}
	return actionID
}

// Modal renders a modal as a view request.
func Modal(m *bot.Modal) slack.ModalViewRequest {
	var bs []slack.Block
	if m.Intro != "" {
		bs = append(bs, sections(Escape(m.Intro), nil)...)
	}
	for _, in := range m.Inputs {
		el := slack.NewPlainTextInputBlockElement(nil, in.ID).
			WithMultiline(in.Multiline)
		if in.Value != "" {
			el = el.WithInitialValue(in.Value)
		}
		if in.MaxLength > 0 {
			el = el.WithMaxLength(min(in.MaxLength, MaxInputText))
		}
		var hint *slack.TextBlockObject
		if in.Hint != "" {
			hint = plain(truncate(in.Hint, MaxInputLabel))
		}
		blk := slack.NewInputBlock(in.ID, plain(truncate(in.Label, MaxInputLabel)), hint, inputElement(in)).WithOptional(in.Optional)
		bs = append(bs, blk)
	}
	if len(bs) > MaxModalBlocks {
		bs = bs[:MaxModalBlocks]
	}
	submit := m.Submit
	if submit == "" {
		submit = "Save"
	}
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		Title:           plain(truncate(m.Title, MaxModalTitle)),
		Submit:          plain(truncate(submit, MaxModalTitle)),
		Close:           plain("Cancel"),
		CallbackID:      m.Callback,
		PrivateMetadata: truncate(m.Metadata, 3000),
		Blocks:          slack.Blocks{BlockSet: bs},
	}
}

// inputElement renders one input: radio buttons for a choice, else a
// plain-text input.
func inputElement(in bot.Input) slack.BlockElement {
	if len(in.Choices) > 0 {
		el := slack.NewRadioButtonsBlockElement(in.ID)
		for _, c := range in.Choices[:min(len(in.Choices), maxRadioOption)] {
			text, more := splitOption(c.Label)
			var desc *slack.TextBlockObject
			if more != "" {
				desc = plain(truncate(more, MaxOptionText))
			}
			o := slack.NewOptionBlockObject(truncate(c.Value, MaxOptionValue), plain(text), desc)
			el.Options = append(el.Options, o)
			if c.Value == in.Value && in.Value != "" {
				el.InitialOption = o
			}
		}
		return el
	}
	el := slack.NewPlainTextInputBlockElement(nil, in.ID).WithMultiline(in.Multiline)
	if in.Value != "" {
		el = el.WithInitialValue(in.Value)
	}
	if in.MaxLength > 0 {
		el = el.WithMaxLength(min(in.MaxLength, MaxInputLength))
	}
	return el
}

// splitOption fits a long option label into an option's text and its
// description (75 characters each), breaking between words.
func splitOption(label string) (text, more string) {
	r := []rune(label)
	if len(r) <= MaxOptionText {
		return label, ""
	}
	cut := MaxOptionText
	for i := MaxOptionText; i > MaxOptionText/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimSpace(string(r[:cut])), strings.TrimSpace(string(r[cut:]))
}

// fallback is the notification text of a card: its title and intro.
func fallback(c *bot.Card) string {
	s := c.Title
	if c.Intro != "" {
		if s != "" {
			s += ": "
		}
		s += c.Intro
	}
	if s == "" && len(c.Parts) > 0 {
		s = c.Parts[0].Heading
	}
	return truncate(Escape(s), maxFallback)
}

// channelLink returns "<#C…>", which Slack shows as a link to the
// channel, for a well-formed channel id; anything else is escaped text.
func channelLink(id string) string {
	if !slackID(id, "CGD") {
		return Escape(id)
	}
	return "<#" + id + ">"
}

// slackID reports whether id looks like a Slack id starting with one of
// first: upper-case letters and digits, 2 to 20 of them.
func slackID(id, first string) bool {
	if len(id) < 2 || len(id) > 20 || !strings.ContainsRune(first, rune(id[0])) {
		return false
	}
	for _, r := range id {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// userMention returns "<@U…>" for a well-formed user id, else "".
func userMention(id string) string {
	if !slackID(id, "UW") {
		return ""
	}
	return "<@" + id + ">"
}

func plain(s string) *slack.TextBlockObject {
	if s == "" {
		s = " "
	}
	return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
}

func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, false)
}

// truncate cuts s to at most max runes, ending with "…" when it cut.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max-1]) + "…"
}
