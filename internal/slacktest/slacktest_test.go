package slacktest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/hirebot/hirebot/internal/slacktest"
)

// testBot is slack-go's real Socket Mode client connected to a fake, with a
// loop that drains its events and hands requests to a handler.
type testBot struct {
	client   *socketmode.Client
	requests chan socketmode.Event // every event that carried a request
	hellos   chan struct{}
}

// handler answers one request; it must call client.Ack (now or later).
type handler func(c *socketmode.Client, evt socketmode.Event)

// ackAll acks every request; slash commands get {"text":"got <text>"}.
func ackAll(c *socketmode.Client, evt socketmode.Event) {
	if cmd, ok := evt.Data.(slack.SlashCommand); ok {
		_ = c.Ack(*evt.Request, map[string]any{"text": "got " + cmd.Text})
		return
	}
	_ = c.Ack(*evt.Request)
}

// MustFake starts a fake Slack closed at the end of the test.
func MustFake(tb testing.TB, opts slacktest.Options) *slacktest.Server {
	tb.Helper()
	fake := slacktest.New(opts)
	tb.Cleanup(fake.Close)
	return fake
}

// MustAPI is a slack.Client pointed at fake.
func MustAPI(tb testing.TB, fake *slacktest.Server, opts ...slack.Option) *slack.Client {
	tb.Helper()
	opts = append([]slack.Option{slack.OptionAppLevelToken(fake.AppToken()), slack.OptionAPIURL(fake.URL())}, opts...)
	return slack.New(fake.BotToken(), opts...)
}

// MustBot runs a Socket Mode client against fake until the test ends and
// waits for its first connection.
func MustBot(tb testing.TB, fake *slacktest.Server, h handler, opts ...socketmode.Option) *testBot {
	tb.Helper()
	if h == nil {
		h = ackAll
	}
	b := &testBot{
		client:   socketmode.New(MustAPI(tb, fake), opts...),
		requests: make(chan socketmode.Event, 100),
		hellos:   make(chan struct{}, 100),
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = b.client.RunContext(ctx) })
	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case evt := <-b.client.Events:
				if evt.Type == socketmode.EventTypeHello {
					b.hellos <- struct{}{}
					continue
				}
				if evt.Request == nil {
					continue
				}
				select {
				case b.requests <- evt:
				default:
				}
				h(b.client, evt)
			}
		}
	})
	tb.Cleanup(func() { cancel(); wg.Wait() })
	ctxWait, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	if err := fake.WaitConnections(ctxWait, 1); err != nil {
		tb.Fatalf("bot never connected: %v", err)
	}
	return b
}

// nextRequest returns the next request the bot saw.
func (b *testBot) nextRequest(tb testing.TB) socketmode.Event {
	tb.Helper()
	select {
	case evt := <-b.requests:
		return evt
	case <-time.After(5 * time.Second):
		tb.Fatal("no request reached the bot")
		return socketmode.Event{}
	}
}

// testContext is a context that ends with the test or after 10 s.
// MustTrigger starts a fake and a bot on it, sends the slash command
// command, and returns the fake, a Web API client on it, a context and the
// command's trigger id: where every test of views begins.
func MustTrigger(tb testing.TB, command, text string) (*slacktest.Server, *slack.Client, context.Context, string) {
	tb.Helper()
	fake := MustFake(tb, slacktest.Options{})
	bot := MustBot(tb, fake, nil)
	ctx := testContext(tb)
	if _, err := fake.SendSlash(ctx, slacktest.Slash{User: "U1", Command: command, Text: text}); err != nil {
		tb.Fatal(err)
	}
	return fake, MustAPI(tb, fake), ctx, bot.nextRequest(tb).Data.(slack.SlashCommand).TriggerID
}

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	tb.Cleanup(cancel)
	return ctx
}

func TestHelloAndSlashAck(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	bot := MustBot(t, fake, nil)
	select {
	case <-bot.hellos:
	case <-time.After(5 * time.Second):
		t.Fatal("the bot got no hello")
	}
	ctx := testContext(t)

	ack, err := fake.SendSlash(ctx, slacktest.Slash{Channel: "C1", User: "U1", Command: "/jd", Text: "show"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(ack.Payload), `{"text":"got show"}`; got != want {
		t.Errorf("ack payload = %s, want %s", got, want)
	}
	if ack.Socket != 1 || ack.EnvelopeID == "" || ack.Latency <= 0 {
		t.Errorf("ack = %+v, want socket 1, an envelope ID and a latency", ack)
	}

	evt := bot.nextRequest(t)
	cmd := evt.Data.(slack.SlashCommand)
	if cmd.Command != "/jd" || cmd.Text != "show" || cmd.ChannelID != "C1" || cmd.UserID != "U1" ||
		cmd.TeamID != "T0001" || cmd.APIAppID != slacktest.AppID || cmd.TriggerID == "" ||
		!strings.HasPrefix(cmd.ResponseURL, "http://127.0.0.1:") || !strings.Contains(cmd.ResponseURL, "/response/") {
		t.Errorf("slash command = %+v", cmd)
	}
	if !evt.Request.AcceptsResponsePayload {
		t.Error("a slash command envelope must accept a response payload")
	}

	msgs := fake.Messages("C1")
	if len(msgs) != 1 || msgs[0].Text != "got show" || !msgs[0].Ephemeral || msgs[0].User != "U1" {
		t.Errorf("messages = %+v, want the ack shown to U1 only", msgs)
	}
}

func TestReconnect(t *testing.T) {
	tests := []struct {
		name  string
		fault func(*slacktest.Server)
	}{
		{"disconnect", func(f *slacktest.Server) { f.Disconnect("refresh_requested") }},
		{"drop", func(f *slacktest.Server) { f.Drop() }},
		{"missing pings", func(f *slacktest.Server) { f.StopPings() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := MustFake(t, slacktest.Options{PingInterval: 50 * time.Millisecond})
			MustBot(t, fake, nil, socketmode.OptionPingInterval(400*time.Millisecond))
			ctx := testContext(t)
			if _, err := fake.SendSlash(ctx, slacktest.Slash{Command: "/jd", Text: "before"}); err != nil {
				t.Fatal(err)
			}

			tt.fault(fake)
			for fake.ConnectionsOpened() < 2 {
				if err := fake.WaitConnections(ctx, 1); err != nil {
					t.Fatalf("no reconnect: %v", err)
				}
			}
			fake.StartPings()

			ack, err := fake.SendSlash(ctx, slacktest.Slash{Command: "/jd", Text: "after"})
			if err != nil {
				t.Fatal(err)
			}
			if string(ack.Payload) != `{"text":"got after"}` || ack.Socket < 2 {
				t.Errorf("ack after reconnect = %+v, want the payload on a new socket", ack)
			}
		})
	}
}

func TestPingsKeepAlive(t *testing.T) {
	fake := MustFake(t, slacktest.Options{PingInterval: 50 * time.Millisecond})
	MustBot(t, fake, nil, socketmode.OptionPingInterval(300*time.Millisecond))
	time.Sleep(time.Second) // over three of the client's ping windows
	if n := fake.ConnectionsOpened(); n != 1 {
		t.Errorf("%d connections opened, want 1: the pings should keep the first alive", n)
	}
}

func TestAckOnNewSocket(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	// The first delivery is acked only after its socket is dropped and a new
	// one is open; the redelivery that the drop causes is left unacked, as a
	// bot that deduplicates would.
	late := func(c *socketmode.Client, evt socketmode.Event) {
		if evt.Request.RetryAttempt > 0 {
			return
		}
		go func() {
			fake.Drop()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			for fake.ConnectionsOpened() < 2 {
				if fake.WaitConnections(ctx, 1) != nil {
					return
				}
			}
			_ = c.Ack(*evt.Request, map[string]any{"text": "late"})
		}()
	}
	MustBot(t, fake, late)
	ack, err := fake.SendSlash(testContext(t), slacktest.Slash{Command: "/jd", Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if ack.Socket != 2 || string(ack.Payload) != `{"text":"late"}` {
		t.Errorf("ack = %+v, want it matched on socket 2", ack)
	}
}

func TestRedelivery(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	bot := MustBot(t, fake, nil)
	ctx := testContext(t)
	env := slacktest.Envelope{ID: "e-1", Type: slacktest.TypeEventsAPI}
	env.Payload, _ = json.Marshal(map[string]any{
		"type": "event_callback", "team_id": "T0001", "api_app_id": slacktest.AppID, "event_id": "Ev1",
		"event": fake.MentionEvent("C1", "U1", "<@U0BOT> hi"),
	})
	for attempt := range 2 {
		env.RetryAttempt = attempt
		if attempt > 0 {
			env.RetryReason = "timeout"
		}
		ack, err := fake.SendEnvelope(ctx, env)
		if err != nil {
			t.Fatal(err)
		}
		if ack.EnvelopeID != "e-1" {
			t.Errorf("ack envelope = %q", ack.EnvelopeID)
		}
		req := bot.nextRequest(t).Request
		if req.EnvelopeID != "e-1" || req.RetryAttempt != attempt || req.RetryReason != env.RetryReason {
			t.Errorf("attempt %d: request = %+v", attempt, req)
		}
	}
}

// TestRedeliveryAfterCrash has a bot take an envelope and die before it
// acks (its socket drops): the fake redelivers the same envelope_id, with
// retry_attempt one higher and retry_reason "timeout", on another socket,
// where it is acked.
func TestRedeliveryAfterCrash(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	// The first bot acks nothing the first time: it "dies" holding it.
	first := MustBot(t, fake, func(c *socketmode.Client, evt socketmode.Event) {
		if evt.Request.RetryAttempt > 0 {
			_ = c.Ack(*evt.Request)
		}
	})
	second := MustBot(t, fake, nil)
	ctx := testContext(t)
	if err := fake.WaitConnections(ctx, 2); err != nil {
		t.Fatal(err)
	}
	got := make(chan slacktest.Ack, 1)
	go func() {
		ack, err := fake.SendSlash(ctx, slacktest.Slash{Command: "/jd", Text: "add benefits once"})
		if err != nil {
			t.Error(err)
		}
		got <- ack
	}()
	var taken socketmode.Event
	select {
	case taken = <-first.requests:
	case taken = <-second.requests:
		t.Fatal("round robin sent the envelope to the second bot first")
	case <-ctx.Done():
		t.Fatal("no bot got the envelope")
	}
	if taken.Request.RetryAttempt != 0 {
		t.Fatalf("first delivery has retry_attempt %d", taken.Request.RetryAttempt)
	}
	fake.DropSocket(1)
	ack := <-got
	if ack.EnvelopeID != taken.Request.EnvelopeID || ack.Socket == 1 {
		t.Errorf("ack = %+v, want envelope %s acked on another socket than 1", ack, taken.Request.EnvelopeID)
	}
	var again socketmode.Event
	select {
	case again = <-second.requests:
	case again = <-first.requests: // reconnected in time and took it
	case <-ctx.Done():
		t.Fatal("the envelope was not redelivered")
	}
	if again.Request.EnvelopeID != taken.Request.EnvelopeID || again.Request.RetryAttempt != 1 || again.Request.RetryReason != "timeout" {
		t.Errorf("redelivery = %+v, want the same envelope with retry_attempt 1, reason timeout", again.Request)
	}
}

func TestRoundRobin(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	MustBot(t, fake, nil)
	MustBot(t, fake, nil)
	ctx := testContext(t)
	if err := fake.WaitConnections(ctx, 2); err != nil {
		t.Fatal(err)
	}
	sockets := map[int]int{}
	for range 4 {
		ack, err := fake.SendSlash(ctx, slacktest.Slash{Command: "/jd"})
		if err != nil {
			t.Fatal(err)
		}
		sockets[ack.Socket]++
	}
	if sockets[1] != 2 || sockets[2] != 2 {
		t.Errorf("acks per socket = %v, want 2 on each", sockets)
	}
}

func TestEvents(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	bot := MustBot(t, fake, nil)
	ctx := testContext(t)
	tests := []struct {
		name  string
		event map[string]any
		check func(any) bool
	}{
		{"app_mention", fake.MentionEvent("C1", "U1", "<@U0BOT> skills"), func(d any) bool {
			e, ok := d.(*slackevents.AppMentionEvent)
			return ok && e.Text == "<@U0BOT> skills" && e.Channel == "C1" && e.User == "U1"
		}},
		{"im", fake.DirectMessageEvent("D1", "U1", "hello"), func(d any) bool {
			e, ok := d.(*slackevents.MessageEvent)
			return ok && e.ChannelType == "im" && e.Text == "hello"
		}},
		{"app_home_opened", fake.AppHomeOpenedEvent("U1"), func(d any) bool {
			e, ok := d.(*slackevents.AppHomeOpenedEvent)
			return ok && e.User == "U1" && e.Tab == "home"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := fake.SendEvent(ctx, "", tt.event); err != nil {
				t.Fatal(err)
			}
			evt := bot.nextRequest(t)
			api, ok := evt.Data.(slackevents.EventsAPIEvent)
			if !ok || api.Type != slackevents.CallbackEvent || !tt.check(api.InnerEvent.Data) {
				t.Errorf("event = %#v", evt.Data)
			}
		})
	}
}

func TestActionAndResponseURL(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	bot := MustBot(t, fake, nil)
	api := MustAPI(t, fake)
	ctx := testContext(t)
	button := slack.NewButtonBlockElement("share", "card-1", slack.NewTextBlockObject("plain_text", "Share", false, false))
	_, ts, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("card", false),
		slack.MsgOptionBlocks(slack.NewActionBlock("acts", button)))
	if err != nil {
		t.Fatal(err)
	}

	if _, err := fake.SendAction(ctx, slacktest.Action{Channel: "C1", User: "U1", ActionID: "share", Value: "card-1", BlockID: "acts", MessageTS: ts}); err != nil {
		t.Fatal(err)
	}
	cb := bot.nextRequest(t).Data.(slack.InteractionCallback)
	if cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) != 1 {
		t.Fatalf("callback = %+v, want one block action", cb)
	}
	a := cb.ActionCallback.BlockActions[0]
	if a.ActionID != "share" || a.BlockID != "acts" || a.Value != "card-1" || cb.User.ID != "U1" ||
		cb.Channel.ID != "C1" || cb.Container.MessageTs != ts || cb.Message.Text != "card" || cb.TriggerID == "" {
		t.Errorf("callback = %+v, action = %+v", cb, a)
	}

	if _, _, err := api.PostMessageContext(ctx, "", slack.MsgOptionReplaceOriginal(cb.ResponseURL), slack.MsgOptionText("shared", false)); err != nil {
		t.Fatal(err)
	}
	post, err := fake.WaitResponse(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(cb.ResponseURL, "/response/"+post.ID) || !bytes.Contains(post.Body, []byte(`"shared"`)) {
		t.Errorf("response post = %s %s", post.ID, post.Body)
	}
	if n, all := fake.ResponsePostCount(), len(fake.ResponsePosts()); n != 1 || all != 1 {
		t.Errorf("ResponsePostCount = %d, ResponsePosts has %d; want 1 and 1", n, all)
	}
	if m, err := fake.WaitMessage(ctx, func(m slacktest.Message) bool { return m.TS == ts && m.Updates == 1 }); err != nil || m.Text != "shared" {
		t.Errorf("message after replace_original = %+v, %v", m, err)
	}
}

func TestViews(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	bot := MustBot(t, fake, nil)
	api := MustAPI(t, fake)
	ctx := testContext(t)
	if _, err := fake.SendSlash(ctx, slacktest.Slash{User: "U1", Command: "/jd", Text: "edit"}); err != nil {
		t.Fatal(err)
	}
	trigger := bot.nextRequest(t).Data.(slack.SlashCommand).TriggerID

	modal := slack.ModalViewRequest{
		Type:            slack.VTModal,
		Title:           slack.NewTextBlockObject("plain_text", "Edit draft", false, false),
		Submit:          slack.NewTextBlockObject("plain_text", "Save", false, false),
		CallbackID:      "jd-edit",
		PrivateMetadata: "C1",
		Blocks: slack.Blocks{BlockSet: []slack.Block{slack.NewInputBlock("title",
			slack.NewTextBlockObject("plain_text", "Title", false, false), nil,
			slack.NewPlainTextInputBlockElement(nil, "value"))}},
	}
	resp, err := api.OpenViewContext(ctx, trigger, modal)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := api.OpenViewContext(ctx, trigger, modal); err == nil || err.Error() != "exchanged_trigger_id" {
		t.Errorf("second use of a trigger: err = %v, want exchanged_trigger_id", err)
	}
	views := fake.Views()
	if len(views) != 1 || views[0].ID != resp.ID || views[0].User != "U1" || views[0].CallbackID != "jd-edit" {
		t.Errorf("views = %+v", views)
	}
	modal.Title = slack.NewTextBlockObject("plain_text", "Edit draft again", false, false)
	if _, err := api.UpdateViewContext(ctx, modal, "", "", resp.ID); err != nil {
		t.Fatal(err)
	}

	if _, err := fake.SendViewSubmission(ctx, slacktest.ViewSubmission{
		User: "U1", CallbackID: "jd-edit", Values: map[string]map[string]string{"title": {"value": "VP Eng"}},
	}); err != nil {
		t.Fatal(err)
	}
	cb := bot.nextRequest(t).Data.(slack.InteractionCallback)
	if cb.Type != slack.InteractionTypeViewSubmission || cb.View.ID != resp.ID || cb.View.CallbackID != "jd-edit" ||
		cb.View.PrivateMetadata != "C1" || cb.View.State == nil || cb.View.State.Values["title"]["value"].Value != "VP Eng" {
		t.Errorf("view submission = %+v", cb.View)
	}
	if v := fake.Views(); len(v) != 1 || v[0].Updates != 1 || !bytes.Contains(v[0].JSON, []byte("Edit draft again")) {
		t.Errorf("views after update = %+v", v)
	}
}

func TestChatMessages(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	api := MustAPI(t, fake)
	ctx := testContext(t)

	ch, ts, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("draft v1", false))
	if err != nil || ch != "C1" || ts == "" {
		t.Fatalf("post: %q %q %v", ch, ts, err)
	}
	_, ts2, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("reply", false), slack.MsgOptionTS(ts))
	if err != nil || ts2 == ts {
		t.Fatalf("second post: ts %q %v", ts2, err)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", ts, slack.MsgOptionText("draft v2", false)); err != nil {
		t.Fatal(err)
	}
	m, err := fake.WaitMessage(ctx, func(m slacktest.Message) bool { return m.TS == ts })
	if err != nil || m.Text != "draft v2" || m.Updates != 1 || m.User != slacktest.BotUserID {
		t.Errorf("updated message = %+v, %v", m, err)
	}
	if msgs := fake.Messages("C1"); len(msgs) != 2 || msgs[1].ThreadTS != ts {
		t.Errorf("messages = %+v, want the reply in the thread", msgs)
	}
	link, err := api.GetPermalinkContext(ctx, &slack.PermalinkParameters{Channel: "C1", Ts: ts})
	if err != nil || !strings.Contains(link, "/archives/C1/p") {
		t.Errorf("permalink = %q, %v", link, err)
	}
	if _, err := api.PostEphemeralContext(ctx, "C1", "U1", slack.MsgOptionText("only you", false)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.DeleteMessageContext(ctx, "C1", ts2); err != nil {
		t.Fatal(err)
	}
	msgs := fake.Messages("C1")
	if len(msgs) != 2 || msgs[1].Text != "only you" || !msgs[1].Ephemeral || msgs[1].User != "U1" {
		t.Errorf("messages = %+v, want the update and the ephemeral one", msgs)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", "1.2", slack.MsgOptionText("x", false)); err == nil || err.Error() != "message_not_found" {
		t.Errorf("update of a missing message: %v", err)
	}
	calls := fake.Calls("chat.update")
	if len(calls) != 2 || calls[0].Params["ts"] != ts || calls[0].Token != fake.BotToken() {
		t.Errorf("chat.update calls = %+v", calls)
	}
	if v := fake.Violations(); len(v) != 0 {
		t.Errorf("violations = %q", v)
	}
}

func TestUploadFile(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	api := MustAPI(t, fake)
	ctx := testContext(t)
	content := "# VP Engineering\n\n- owns delivery\n"
	sum, err := api.UploadFileContext(ctx, slack.UploadFileParameters{
		Channel: "C1", Filename: "jd.md", Title: "Job description", Content: content, FileSize: len(content),
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := fake.WaitFile(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.ID != sum.ID || f.Channel != "C1" || f.Name != "jd.md" || f.Title != "Job description" || string(f.Content) != content {
		t.Errorf("file = %+v", f)
	}
	for _, c := range fake.Calls("") {
		if c.Token != fake.BotToken() {
			t.Errorf("%s used token %q", c.Method, c.Token)
		}
	}
	if n := len(fake.Calls("upload")); n != 1 {
		t.Errorf("%d uploads, want 1", n)
	}
}

func TestRateLimitAndFail(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	ctx := testContext(t)

	fake.RateLimit("chat.postMessage", 1, 200*time.Millisecond)
	start := time.Now()
	if _, _, err := MustAPI(t, fake, slack.OptionRetry(2)).PostMessageContext(ctx, "C1", slack.MsgOptionText("hi", false)); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("slack-go retried after %v, want the whole second of Retry-After", waited)
	}
	if n := len(fake.Calls("chat.postMessage")); n != 2 {
		t.Errorf("%d calls, want the 429 and the retry", n)
	}

	fake.RateLimit("chat.postMessage", 1, 3*time.Second)
	_, _, err := MustAPI(t, fake).PostMessageContext(ctx, "C1", slack.MsgOptionText("hi", false))
	if rl, ok := errors.AsType[*slack.RateLimitedError](err); !ok || rl.RetryAfter != 3*time.Second {
		t.Errorf("without retries: err = %v, want a 3s RateLimitedError", err)
	}

	fake.Fail("chat.update", 1, "cant_update_message")
	api := MustAPI(t, fake)
	_, ts, _ := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("hi", false))
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", ts, slack.MsgOptionText("x", false)); err == nil || err.Error() != "cant_update_message" {
		t.Errorf("injected failure: err = %v", err)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", ts, slack.MsgOptionText("x", false)); err != nil {
		t.Errorf("after the injected failure: %v", err)
	}
}

func TestDropAndHangCalls(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	ctx := testContext(t)
	api := MustAPI(t, fake)

	fake.DropCalls("auth.test", 1)
	if _, err := api.AuthTestContext(ctx); err == nil {
		t.Error("auth.test answered through a dropped connection")
	}
	if _, err := api.AuthTestContext(ctx); err != nil {
		t.Errorf("auth.test after the dropped call: %v", err)
	}

	fake.HangCalls("auth.test", 1)
	hctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := api.AuthTestContext(hctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("hung auth.test: err = %v, want the caller's deadline", err)
	}
	if _, err := api.AuthTestContext(ctx); err != nil {
		t.Errorf("auth.test after the hung call: %v", err)
	}
	if n := len(fake.Calls("auth.test")); n != 4 {
		t.Errorf("%d auth.test calls recorded, want 4", n)
	}
}

func TestBadTokens(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	ctx := testContext(t)
	tests := []struct {
		name, token, want string
	}{
		{"wrong bot token", "xoxb-wrong", "invalid_auth"},
		{"app token as bot token", fake.AppToken(), "invalid_auth"},
		{"no token", "", "not_authed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := slack.New(tt.token, slack.OptionAPIURL(fake.URL())).AuthTestContext(ctx)
			if err == nil || err.Error() != tt.want {
				t.Errorf("auth.test: err = %v, want %s", err, tt.want)
			}
		})
	}

	t.Run("wrong app token", func(t *testing.T) {
		api := slack.New(fake.BotToken(), slack.OptionAppLevelToken("xapp-wrong"), slack.OptionAPIURL(fake.URL()))
		runCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		err := socketmode.New(api).RunContext(runCtx)
		if err == nil || err.Error() != "invalid_auth" {
			t.Errorf("RunContext = %v, want invalid_auth", err)
		}
		if fake.ConnectionsOpened() != 0 {
			t.Error("a socket opened with a wrong app token")
		}
	})
}

func TestValidation(t *testing.T) {
	section := func(text string) slack.Block {
		return slack.NewSectionBlock(slack.NewTextBlockObject("mrkdwn", text, false, false), nil, nil)
	}
	many := func(n int) []slack.Block {
		bs := make([]slack.Block, n)
		for i := range bs {
			bs[i] = section("item")
		}
		return bs
	}
	tests := []struct {
		name string
		opts []slack.MsgOption
		want string
	}{
		{"51 blocks", []slack.MsgOption{slack.MsgOptionBlocks(many(51)...)}, "invalid_blocks"},
		{"long section", []slack.MsgOption{slack.MsgOptionBlocks(section(strings.Repeat("x", 3001)))}, "invalid_blocks"},
		{"long text", []slack.MsgOption{slack.MsgOptionText(strings.Repeat("x", 13001), false)}, "msg_too_long"},
		{"50 blocks", []slack.MsgOption{slack.MsgOptionBlocks(many(50)...)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := MustFake(t, slacktest.Options{})
			_, _, err := MustAPI(t, fake).PostMessageContext(testContext(t), "C1", tt.opts...)
			if tt.want == "" {
				if err != nil || len(fake.Violations()) != 0 {
					t.Errorf("err = %v, violations = %q; want neither", err, fake.Violations())
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v, want %s", err, tt.want)
			}
			if len(fake.Violations()) != 1 {
				t.Errorf("violations = %q, want one", fake.Violations())
			}
		})
	}

	t.Run("link_names", func(t *testing.T) {
		fake := MustFake(t, slacktest.Options{})
		if _, _, err := MustAPI(t, fake).PostMessageContext(testContext(t), "C1", slack.MsgOptionText("@here", false), slack.MsgOptionLinkNames(true)); err != nil {
			t.Fatal(err)
		}
		if v := fake.Violations(); len(v) != 1 || !strings.Contains(v[0], "link_names") {
			t.Errorf("violations = %q, want the link_names one", v)
		}
	})

	t.Run("modal title", func(t *testing.T) {
		_, api, ctx, trigger := MustTrigger(t, "/jd", "")
		modal := slack.ModalViewRequest{Type: slack.VTModal, Title: slack.NewTextBlockObject("plain_text", strings.Repeat("t", 25), false, false)}
		if _, err := api.OpenViewContext(ctx, trigger, modal); err == nil || err.Error() != "invalid_arguments" {
			t.Errorf("err = %v, want invalid_arguments", err)
		}
	})
}

func TestCloseLeavesNoGoroutines(t *testing.T) {
	before := settledGoroutines()
	fake := slacktest.New(slacktest.Options{PingInterval: 10 * time.Millisecond})
	api := slack.New(fake.BotToken(), slack.OptionAppLevelToken(fake.AppToken()), slack.OptionAPIURL(fake.URL()))
	_, url, err := api.StartSocketModeContext(testContext(t))
	if err != nil {
		t.Fatal(err)
	}
	conn, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, _, err := websocket.DefaultDialer.Dial(url, nil); err == nil {
		t.Error("a ticket worked twice")
	}
	if err := fake.WaitConnections(testContext(t), 1); err != nil {
		t.Fatal(err)
	}
	fake.Close()
	if after := settledGoroutines(); after > before {
		t.Errorf("%d goroutines before, %d after Close", before, after)
	}
}

// settledGoroutines counts goroutines once the count stops changing (earlier
// tests' clients may still be winding down), for at most 2 s.
func settledGoroutines() int {
	n := runtime.NumGoroutine()
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		m := runtime.NumGoroutine()
		if m == n {
			return n
		}
		n = m
	}
	return n
}

// TestWaitConnectionsSince counts only sockets opened after the mark: a
// bot already connected does not satisfy a wait for the next one.
func TestWaitConnectionsSince(t *testing.T) {
	fake := MustFake(t, slacktest.Options{})
	MustBot(t, fake, nil)
	mark := fake.ConnectionsOpened()
	short, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if err := fake.WaitConnectionsSince(short, mark, 1); err == nil {
		t.Fatal("WaitConnectionsSince returned with no socket opened after the mark")
	}
	MustBot(t, fake, nil)
	ctx, done := context.WithTimeout(context.Background(), 5*time.Second)
	defer done()
	if err := fake.WaitConnectionsSince(ctx, mark, 1); err != nil {
		t.Fatalf("WaitConnectionsSince after a second bot connected: %v", err)
	}
}
