package socket

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/slack-go/slack/socketmode"

	"github.com/hirebot/hirebot/bot"
)

// unreadableEnvelope is the little of an envelope that can be read when
// its payload cannot: an inner event type slack-go does not know, or a
// field of the wrong type. Each field is read on its own, so one of the
// wrong type does not hide the others.
type unreadableEnvelope struct {
	id, typ string
	retry   int
	form    *unreadableForm // a view_submission's sender, if it can be read
}

// unreadableForm is who sent a form that could not be read, and from which
// channel, so they can be told.
type unreadableForm struct {
	team, user, channel string
}

// readUnreadable picks the envelope id, type and retry attempt out of a
// raw Socket Mode message.
func readUnreadable(raw []byte) unreadableEnvelope {
	var fields map[string]json.RawMessage
	var e unreadableEnvelope
	if json.Unmarshal(raw, &fields) != nil {
		return e
	}
	_ = json.Unmarshal(fields["envelope_id"], &e.id)
	_ = json.Unmarshal(fields["type"], &e.typ)
	_ = json.Unmarshal(fields["retry_attempt"], &e.retry)
	if e.typ == "interactive" {
		e.form = readUnreadableForm(fields["payload"])
	}
	return e
}

// readUnreadableForm reads the sender of a view_submission payload, or
// returns nil if it is not one or they cannot be read.
func readUnreadableForm(raw json.RawMessage) *unreadableForm {
	var p struct {
		Type json.RawMessage `json:"type"`
		Team json.RawMessage `json:"team"`
		User json.RawMessage `json:"user"`
		View json.RawMessage `json:"view"`
	}
	if json.Unmarshal(raw, &p) != nil {
		return nil
	}
	var typ string
	var team, user struct {
		ID json.RawMessage `json:"id"`
	}
	var view struct {
		Meta json.RawMessage `json:"private_metadata"`
	}
	var f unreadableForm
	var meta string
	if json.Unmarshal(p.Type, &typ) != nil || typ != "view_submission" ||
		json.Unmarshal(p.Team, &team) != nil || json.Unmarshal(team.ID, &f.team) != nil ||
		json.Unmarshal(p.User, &user) != nil || json.Unmarshal(user.ID, &f.user) != nil ||
		json.Unmarshal(p.View, &view) != nil || json.Unmarshal(view.Meta, &meta) != nil {
		return nil
	}
	f.channel, _ = unwrapMetadata(meta)
	if f.team == "" || f.user == "" || f.channel == "" {
		return nil
	}
	return &f
}

// unreadable acks a message slack-go could not parse, if it has an
// envelope id, so that Slack does not redeliver it again and again. It is
// logged with its type, size and ids only: the payload holds what users
// wrote, which no log line may show, and may be large.
func (l *Listener) unreadable(ctx context.Context, client *socketmode.Client, log *slog.Logger, evt socketmode.Event) {
	bad, ok := evt.Data.(*socketmode.ErrorBadMessage)
	if !ok {
		log.Warn("socket mode message slack-go could not read", "data", fmt.Sprintf("%T", evt.Data))
		return
	}
	e := readUnreadable(bad.Message)
	log = log.With("type", e.typ, "size", len(bad.Message), "envelope", e.id, "retry_attempt", e.retry,
		"cause", causeOf(bad.Cause))
	l.obs.Envelope("unreadable")
	if e.id == "" {
		log.Warn("socket mode message slack-go could not read, without an envelope id: not acked")
		return
	}
	start := time.Now()
	l.ack(ctx, client, log, e.id, start)
	log.Warn("socket mode envelope slack-go could not read: acked and dropped")
	if e.form != nil && l.deps.Delivery != nil && l.startWork() {
		// A form that could not be read changed nothing; its sender is
		// told so, off the drain loop.
		go func() {
			defer l.work.Done()
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), l.cfg.EventTimeout)
			defer cancel()
			req := bot.Request{Source: bot.Submit, Team: e.form.team, User: e.form.user, Channel: e.form.channel}
			if err := l.deps.Delivery.Deliver(dctx, req, origin{}, bot.ErrorReply(bot.ErrMalformedForm, "")); err != nil {
				log.Warn("could not tell the sender of an unreadable form", "err", err)
			}
		}()
	}
}

// causeOf says why a message could not be read without quoting any of it:
// the path and JSON kind of a field of the wrong type, or the class of
// error.
func causeOf(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %s is a JSON %s", te.Field, te.Value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("not JSON (at byte %d)", se.Offset)
	}
	return "unsupported envelope or event type"
}
