package socket

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
)

// Delivery is the one place that posts to Slack: replies, files, modals
// and the live draft message (whose Live decides only when). It renders
// each card to Block Kit once, as it posts it.
type Delivery struct {
	api  *slack.Client
	live *Live
	log  *slog.Logger
}

// NewDelivery returns a Delivery posting through api and keeping live
// draft messages current through live.
func NewDelivery(api *slack.Client, live *Live, log *slog.Logger) *Delivery {
	return &Delivery{api: api, live: live, log: log}
}

// Deliver carries out a reply: answers the user, opens a modal, uploads a
// file, and brings the channel's live draft message up to date.
func (d *Delivery) Deliver(ctx context.Context, req bot.Request, o origin, r bot.Reply) error {
	var errs []error
	if r.Modal != nil {
		if err := d.openModal(ctx, req, o, r.Modal); err != nil {
			errs = append(errs, err)
			r.Card = &bot.Card{Title: "Couldn't open the editor",
				Intro: "Slack took too long to open it. Press the button again."}
		}
	}
	if r.Card != nil {
		if err := d.answer(ctx, req, o, r); err != nil {
			errs = append(errs, err)
		}
	}
	if r.Announce != nil {
		if _, err := d.postCard(ctx, req.Channel, r.Announce); err != nil {
			errs = append(errs, fmt.Errorf("post announcement: %w", err))
		}
	}
	if r.File != nil {
		if err := d.upload(ctx, req, r.File); err != nil {
			errs = append(errs, err)
			_ = d.answer(ctx, req, o, bot.Reply{Card: &bot.Card{Title: "Upload failed",
				Intro: "Slack refused the file upload; try again in a minute."}})
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

// openModal opens a modal with the request's trigger.
func (d *Delivery) openModal(ctx context.Context, req bot.Request, o origin, m *bot.Modal) error {
	view := blockkit.Modal(m)
	view.PrivateMetadata = wrapMetadata(req.Channel, view.PrivateMetadata)
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

// postCard posts card as a new message in channel and returns the
// message's reference, "CHANNEL/TS".
func (d *Delivery) postCard(ctx context.Context, channel string, card *bot.Card) (string, error) {
	_, ts, err := d.api.PostMessageContext(ctx, channel, cardOptions(card)...)
	if err != nil {
		return "", err
	}
	return channel + "/" + ts, nil
}

// updateCard shows card in the message ref ("CHANNEL/TS") instead of what
// it showed.
func (d *Delivery) updateCard(ctx context.Context, ref string, card *bot.Card) error {
	channel, ts, _ := strings.Cut(ref, "/")
	_, _, _, err := d.api.UpdateMessageContext(ctx, channel, ts, cardOptions(card)...)
	return err
}

// deleteCard deletes the message ref ("CHANNEL/TS").
func (d *Delivery) deleteCard(ctx context.Context, ref string) error {
	channel, ts, _ := strings.Cut(ref, "/")
	_, _, err := d.api.DeleteMessageContext(ctx, channel, ts)
	return err
}

// cardOptions renders card as the options of a message.
func cardOptions(card *bot.Card) []slack.MsgOption {
	m := blockkit.Card(card)
	return []slack.MsgOption{slack.MsgOptionBlocks(m.Blocks...), slack.MsgOptionText(m.Text, false)}
}
