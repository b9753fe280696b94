package socket

import (
	"context"
	"log/slog"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/hirebot/hirebot/bot"
)

// ackReply is a slash command's answer carried in its ack.
type ackReply struct {
	ResponseType string       `json:"response_type"`
	Text         string       `json:"text"`
	Blocks       slack.Blocks `json:"blocks"`
}

// answered is a reply worked out before the ack, with the handler's error.
type answered struct {
	reply bot.Reply
	err   error
}

// answerInAck answers a slash command of a quick command (the command
// table says it does no I/O) in the ack itself: no response_url post, no
// queue, no dedup round trip (a redelivered lookup is simply answered
// again). Whether to try is decided from the table, before the handler
// runs; the handler runs once. It reports true when the answer rode in the
// ack. Otherwise nothing was sent, and the reply it returns, if not nil, is
// the handler's answer (more than a card, or too big for an ack): the
// caller acks and delivers it the usual way without running the handler
// again.
func (l *Listener) answerInAck(ctx context.Context, client *socketmode.Client, log *slog.Logger, start time.Time, evt socketmode.Event) (bool, *answered) {
	cmd, ok := evt.Data.(slack.SlashCommand)
	if !ok || !evt.Request.AcceptsResponsePayload {
		return false, nil
	}
	req, _, _ := l.decodeSlash(cmd)
	if !l.router.Quick(req.Command) {
		return false, nil
	}
	l.finish(&req)
	reply, err := l.router.Serve(ctx, req) // a quick command does no I/O: no deadline to set
	a := &answered{reply: reply, err: err}
	if reply.Card == nil || reply.File != nil || reply.Modal != nil || reply.Live || reply.NewLive {
		return false, a
	}
	payload, perr := l.answers.payload(reply.Card, reply.Public)
	if perr != nil {
		log.Error("render a quick answer", "command", req.Command, "err", perr)
		return false, a
	}
	// slack-go refuses an ack of 20 KB or more before sending anything;
	// such an answer then takes the usual path.
	actx, acancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	perr = client.AckCtx(actx, evt.Request.EnvelopeID, payload)
	acancel()
	if perr != nil {
		log.Debug("answer does not fit in the ack; replying the usual way", "command", req.Command, "err", perr)
		return false, a
	}
	l.obs.Acked(time.Since(start))
	l.obs.Handled(req.Command, time.Since(start), errKind(err))
	return true, nil
}
