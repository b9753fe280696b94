package socket

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
	"github.com/hirebot/hirebot/bot/live"
)

// Delivery is the one place that posts to Slack: replies, files, modals,
// announcements, and (through Poster) the live draft message, whose owner,
// package live, decides when. It renders each card to Block Kit once, as
// it posts it.
type Delivery struct {
	api     *slack.Client
	live    Live // nil: no live messages
	log     *slog.Logger
	botName atomic.Value // string: the bot's user name, for "/invite @name"
	// announcer and turns, when set, make announcements current: see
	// WithAnnouncer.
	announcer Announcer
	turns     AnnounceTurns
}

// Announcer says what a channel announcement reports on now: the card
// for what (an object of the session, as the reply named it in
// AnnounceOf), or nil when it is gone.
type Announcer interface {
	Announcement(ctx context.Context, key hirebot.SessionKey, what string) (*bot.Card, error)
}

// AnnounceTurns serialises the announcements of one object of a session
// across replicas: TakeAnnounceTurn takes the turn for hold unless another
// holds it (false), EndAnnounceTurn gives it back.
type AnnounceTurns interface {
	TakeAnnounceTurn(ctx context.Context, key hirebot.SessionKey, what string, hold time.Duration) (bool, error)
	EndAnnounceTurn(ctx context.Context, key hirebot.SessionKey, what string) error
}

// WithAnnouncer returns d posting, for a reply whose announcement names
// what it reports on, what a says of it at the moment of posting, one
// post at a time per object across replicas (turns): however posts race
// or come late, the last one posted shows the stored state.
func (d *Delivery) WithAnnouncer(a Announcer, turns AnnounceTurns) *Delivery {
	d.announcer, d.turns = a, turns
	return d
}

// Live keeps channels' live draft messages current (package live owns
// them): PostNow posts one at once, Changed asks for an update, Expect
// marks one as possibly behind, Sweep brings up to date those left
// behind, Wait waits for the updates in flight.
type Live interface {
	PostNow(ctx context.Context, key hirebot.SessionKey) error
	Changed(key hirebot.SessionKey, fresh bool)
	Expect(ctx context.Context, key hirebot.SessionKey, now bool)
	Sweep(ctx context.Context)
	Wait()
}

// NewDelivery returns a Delivery posting through api.
func NewDelivery(api *slack.Client, log *slog.Logger) *Delivery {
	return &Delivery{api: api, log: log}
}

// WithLive returns d keeping live draft messages current through l.
func (d *Delivery) WithLive(l Live) *Delivery {
	d.live = l
	return d
}

// SetBotName records the bot's user name (from auth.test), which the
// "invite me first" reply names.
func (d *Delivery) SetBotName(name string) {
	if name != "" {
		d.botName.Store(name)
	}
}

// Deliver carries out a reply: answers the user, opens a modal, uploads a
// file, and brings the channel's live draft message up to date. A new live
// message is posted before the answer, so that when Slack refuses it (the
// bot is not in the channel) the answer says so instead.
func (d *Delivery) Deliver(ctx context.Context, req bot.Request, o origin, r bot.Reply) error {
	var errs []error
	if r.Modal != nil {
		if err := d.openModal(ctx, req, o, r.Modal); err != nil {
			errs = append(errs, err)
			r.Card = modalFailed(err)
		}
	}
	if r.NewLive && d.live != nil {
		switch err := d.live.PostNow(ctx, req.Session()); {
		case err == nil:
			r.NewLive = false
		case notInChannel(err):
			errs = append(errs, err)
			r.Card, r.Public, r.NewLive = d.inviteCard(r.AfterInvite, "posts the draft here; the draft itself is saved"), false, false
		default:
			d.log.Debug("live draft message not posted yet; left to the live updater", "err", err)
		}
	}
	if r.Announce != nil {
		if err := d.announce(ctx, req, r); err != nil {
			errs = append(errs, fmt.Errorf("post announcement: %w", err))
			r.Card = d.announceFailed(r.Card, err)
		}
	}
	if r.File != nil {
		if err := d.upload(ctx, req, r.File); err != nil {
			errs = append(errs, err)
			r.Card, r.Public = d.uploadFailedCard(err, r.AfterInvite), false
		}
	}
	if r.Card != nil {
		if err := d.answer(ctx, req, o, r); err != nil {
			errs = append(errs, err)
			if notInChannel(err) && r.Public {
				_ = d.answer(ctx, req, o, bot.Reply{Card: d.inviteCard("", "")})
			}
		}
	}
	if (r.Live || r.NewLive) && d.live != nil {
		d.live.Changed(req.Session(), r.NewLive)
	}
	if len(errs) > 0 {
		return fmt.Errorf("deliver %s reply: %w", req.Command, errs[0])
	}
	return nil
}

// notInChannel reports whether Slack refused a post because the bot is not
// a member of the channel: a retry cannot help, an invitation can.
func notInChannel(err error) bool {
	var se slack.SlackErrorResponse
	return errors.As(err, &se) && (se.Err == "not_in_channel" || se.Err == "channel_not_found")
}

// name is the bot's name in the workspace, as auth.test gave it.
func (d *Delivery) name() string {
	if name, _ := d.botName.Load().(string); name != "" {
		return name
	}
	return "hirebot"
}

// inviteCard tells the user to invite the bot, then to run again (what
// does what); with no command, to press the button again.
func (d *Delivery) inviteCard(again, what string) *bot.Card {
	name := d.name()
	then := "then press the button again."
	if again != "" {
		then = fmt.Sprintf("then `%s` %s.", again, what)
	}
	return &bot.Card{Title: "I'm not in this channel", Intro: fmt.Sprintf("Invite me first: `/invite @%s`, %s", name, then)}
}

// announceFailed adds to the user's own card that the channel was not
// told (the progress line of a scorecard, say) when Slack refused the post
// because the bot is not in the channel. Any other failure leaves the card
// as it is: the change itself is saved either way.
func (d *Delivery) announceFailed(c *bot.Card, err error) *bot.Card {
	if c == nil || !notInChannel(err) {
		return c
	}
	name := d.name()
	out := *c
	hint := fmt.Sprintf("The channel was not told: I'm not in it. Invite me with `/invite @%s` so that it hears of the next one.", name)
	if out.Note != "" {
		hint = out.Note + " " + hint
	}
	out.Note = hint
	return &out
}

// uploadFailedCard says why a file upload failed and whether trying again
// can help.
func (d *Delivery) uploadFailedCard(err error, again string) *bot.Card {
	var se slack.SlackErrorResponse
	var rl *slack.RateLimitedError
	switch {
	case notInChannel(err):
		return d.inviteCard(again, "uploads it")
	case errors.As(err, &rl):
		return &bot.Card{Title: "Upload failed", Intro: "Slack is busy; try again in a minute."}
	case errors.As(err, &se):
		return &bot.Card{Title: "Upload failed", Intro: fmt.Sprintf("Slack refused the file upload (%s).", se.Err)}
	}
	return &bot.Card{Title: "Upload failed", Intro: "Slack did not answer the file upload; try again in a minute."}
}

// answer shows the reply's card where the request came from.
func (d *Delivery) answer(ctx context.Context, req bot.Request, o origin, r bot.Reply) error {
	m := blockkit.Card(r.Card)
	opts := []slack.MsgOption{slack.MsgOptionBlocks(m.Blocks...), slack.MsgOptionText(m.Text, false)}
	switch req.Source {
	case bot.Home:
		view := slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: m.Blocks}}
		if _, err := d.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: req.User, View: view}); err != nil {
			return fmt.Errorf("publish app home: %w", err)
		}
		return nil
	case bot.Mention, bot.Direct:
		if _, _, err := d.api.PostMessageContext(ctx, req.Channel, append(opts, slack.MsgOptionTS(o.threadTS))...); err != nil {
			return fmt.Errorf("post answer in thread: %w", err)
		}
		return nil
	}
	if r.Public && req.Source == bot.Press {
		if _, _, err := d.api.PostMessageContext(ctx, req.Channel, opts...); err != nil {
			return fmt.Errorf("post shared card: %w", err)
		}
		return nil
	}
	if o.responseURL != "" {
		typ := slack.ResponseTypeEphemeral
		if r.Public {
			typ = slack.ResponseTypeInChannel
		}
		msg := &slack.WebhookMessage{Text: m.Text, Blocks: &slack.Blocks{BlockSet: m.Blocks},
			ResponseType: typ, ReplaceOriginal: r.Replace}
		err := slack.PostWebhookContext(ctx, o.responseURL, msg)
		if err == nil {
			return nil
		}
		d.log.Warn("response_url failed; posting an ephemeral message instead", "err", err)
	}
	if req.Channel == "" {
		return fmt.Errorf("no channel to answer %s in", req.Command)
	}
	if r.Public {
		if _, _, err := d.api.PostMessageContext(ctx, req.Channel, opts...); err != nil {
			return fmt.Errorf("post reply: %w", err)
		}
		return nil
	}
	if _, err := d.api.PostEphemeralContext(ctx, req.Channel, req.User, opts...); err != nil {
		return fmt.Errorf("post ephemeral reply: %w", err)
	}
	return nil
}

// modalFailed says why a modal did not open, as it is: the trigger ran
// out (Slack took too long; press again), or Slack refused the view
// (named by its error code), or Slack could not be reached.
func modalFailed(err error) *bot.Card {
	c := &bot.Card{Title: "Couldn't open the editor"}
	var se slack.SlackErrorResponse
	switch {
	case errors.As(err, &se) && strings.HasSuffix(se.Err, "_trigger_id"):
		c.Intro = "Slack took too long to open it. Press the button again."
	case errors.As(err, &se):
		c.Intro = fmt.Sprintf("Slack refused the editor (%s). Nothing was changed; the slash commands still work. Please report this to whoever runs hirebot.", se.Err)
		if msgs := se.ResponseMetadata.Messages; len(msgs) > 0 {
			c.Intro += " Slack said: " + strings.Join(msgs, "; ")
		}
	default:
		c.Intro = "Slack could not be reached to open it. Press the button again in a minute."
	}
	return c
}

// openModal opens a modal with the request's trigger.
func (d *Delivery) openModal(ctx context.Context, req bot.Request, o origin, m *bot.Modal) error {
	view := blockkit.Modal(m)
	channel := req.Channel
	if m.Channel != "" {
		channel = m.Channel
	}
	view.PrivateMetadata = wrapMetadata(channel, view.PrivateMetadata)
	if _, err := d.api.OpenViewContext(ctx, o.triggerID, view); err != nil {
		return fmt.Errorf("open modal %s: %w", m.Callback, err)
	}
	return nil
}

// upload shares a file in the request's channel.
func (d *Delivery) upload(ctx context.Context, req bot.Request, f *bot.File) error {
	_, err := d.api.UploadFileContext(ctx, slack.UploadFileParameters{
		Channel: req.Channel, Filename: f.Name, Title: f.Title,
		Content: f.Content, FileSize: len(f.Content),
	})
	if err != nil {
		return fmt.Errorf("upload %s: %w", f.Name, err)
	}
	return nil
}

// Poster posts, updates and deletes the live draft message through api,
// for package live: a rate limit is a *live.RateLimitedError carrying
// Slack's Retry-After.
type Poster struct{ api *slack.Client }

var _ live.Poster = Poster{}

// NewPoster returns a Poster on api (a client that does not retry: live
// waits out a Retry-After itself, without holding a call open).
func NewPoster(api *slack.Client) Poster { return Poster{api: api} }

// Post posts card as a new message in channel and returns the message's
// reference, "CHANNEL/TS".
func (p Poster) Post(ctx context.Context, channel string, card *bot.Card) (string, error) {
	_, ts, err := p.api.PostMessageContext(ctx, channel, cardOptions(card)...)
	if err != nil {
		return "", rateLimited(err)
	}
	return channel + "/" + ts, nil
}

// Update shows card in the message ref ("CHANNEL/TS") instead of what it
// showed.
func (p Poster) Update(ctx context.Context, ref string, card *bot.Card) error {
	channel, ts, _ := strings.Cut(ref, "/")
	_, _, _, err := p.api.UpdateMessageContext(ctx, channel, ts, cardOptions(card)...)
	return rateLimited(err)
}

// Delete deletes the message ref ("CHANNEL/TS").
func (p Poster) Delete(ctx context.Context, ref string) error {
	channel, ts, _ := strings.Cut(ref, "/")
	_, _, err := p.api.DeleteMessageContext(ctx, channel, ts)
	return rateLimited(err)
}

// rateLimited returns Slack's rate limit as live's, err otherwise.
func rateLimited(err error) error {
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		return &live.RateLimitedError{Wait: rl.RetryAfter, Err: err}
	}
	return err
}

// cardOptions renders card as the options of a message.
func cardOptions(card *bot.Card) []slack.MsgOption {
	m := blockkit.Card(card)
	return []slack.MsgOption{slack.MsgOptionBlocks(m.Blocks...), slack.MsgOptionText(m.Text, false)}
}

// Pacing of announcements.
const (
	// announceHold is how long a replica may hold an object's turn to
	// announce (it gives it back once posted).
	announceHold = 5 * time.Second
	// announceWait is how long a replica waits for the turn before it
	// posts without it.
	announceWait = 3 * time.Second
)

// announce posts r's announcement in the channel: with an Announcer and a
// reply that names what it reports on, what is current when it is posted,
// in turn with every other replica's announcement of it.
func (d *Delivery) announce(ctx context.Context, req bot.Request, r bot.Reply) error {
	card := r.Announce
	if d.announcer != nil && d.turns != nil && r.AnnounceOf != "" {
		key := req.Session()
		for give := time.Now().Add(announceWait); ; {
			took, err := d.turns.TakeAnnounceTurn(ctx, key, r.AnnounceOf, announceHold)
			if took {
				defer func() { _ = d.turns.EndAnnounceTurn(context.WithoutCancel(ctx), key, r.AnnounceOf) }()
			}
			if took || err != nil || time.Now().After(give) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		switch now, err := d.announcer.Announcement(ctx, key, r.AnnounceOf); {
		case err != nil:
			d.log.Debug("announcing what the reply said: the current state could not be read", "err", err)
		case now == nil:
			return nil // gone since: nothing to announce
		default:
			card = now
		}
	}
	_, err := Poster{api: d.api}.Post(ctx, req.Channel, card)
	return err
}

// reminderEvent is the metadata event type that tags a reminder with its
// reference.
const reminderEvent = "hirebot_reminder"

// DirectMessage sends user card in the app's direct messages with them,
// tagged (as message metadata) with ref, for reminders.
func (p Poster) DirectMessage(ctx context.Context, user, ref string, card *bot.Card) error {
	ch, _, _, err := p.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{user}, ReturnIM: true})
	if err != nil {
		return fmt.Errorf("open the DM: %w", err)
	}
	opts := append(cardOptions(card), slack.MsgOptionMetadata(slack.SlackMetadata{EventType: reminderEvent, EventPayload: map[string]any{"ref": ref}}))
	if _, _, err := p.api.PostMessageContext(ctx, ch.ID, opts...); err != nil {
		return fmt.Errorf("post the DM: %w", err)
	}
	return nil
}

// SentDirect reports whether a message tagged ref is among the newest in
// the app's direct messages with user.
func (p Poster) SentDirect(ctx context.Context, user, ref string) (bool, error) {
	ch, _, _, err := p.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{user}, ReturnIM: true})
	if err != nil {
		return false, fmt.Errorf("open the DM: %w", err)
	}
	h, err := p.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: ch.ID, Limit: 100, IncludeAllMetadata: true})
	if err != nil {
		return false, fmt.Errorf("read the DM: %w", err)
	}
	for _, m := range h.Messages {
		if m.Metadata.EventType == reminderEvent && fmt.Sprint(m.Metadata.EventPayload["ref"]) == ref {
			return true, nil
		}
	}
	return false, nil
}
