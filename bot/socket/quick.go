package socket

import (
	"context"
	"log/slog"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// ackReply is a slash command's answer carried in its ack.
type ackReply struct {
	ResponseType string       `json:"response_type"`
	Text         string       `json:"text"`
	Blocks       slack.Blocks `json:"blocks"`
}

// answerInAck answers a slash command of a quick command (one that does no
// I/O) in the ack itself: no response_url post, no queue, no dedup round
// trip (a redelivered lookup is simply answered again). It reports false,
// having sent nothing, when the envelope is not such a command or the
// answer needs more than a card or does not fit in an ack; the caller then
// acks and queues it as usual.
func (l *Listener) answerInAck(ctx context.Context, client *socketmode.Client, log *slog.Logger, start time.Time, evt socketmode.Event) bool {
	cmd, ok := evt.Data.(slack.SlashCommand)
	if !ok || !evt.Request.AcceptsResponsePayload {
		return false
	}
	req, _, _ := l.decodeSlash(cmd)
	if !l.router.Quick(req.Command) {
		return false
	}
	l.finish(&req)
	reply, herr := l.router.Serve(ctx, req) // a quick command does no I/O: no deadline to set

	if reply.Card == nil || reply.File != nil || reply.Modal != nil || reply.Live || reply.NewLive {
		return false
	}
	payload, err := l.answers.payload(reply.Card, reply.Public)
	if err != nil {
		log.Error("render a quick answer", "command", req.Command, "err", err)
		return false
	}
	// slack-go refuses an ack of 20 KB or more before sending anything;
	// such an answer then takes the usual path.
	actx, acancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	err = client.AckCtx(actx, evt.Request.EnvelopeID, payload)
	acancel()
	if err != nil {
		log.Debug("answer does not fit in the ack; replying the usual way", "command", req.Command, "err", err)
		return false
	}
	l.obs.Acked(time.Since(start))
	l.obs.Handled(req.Command, time.Since(start), errKind(herr))
	return true
}
