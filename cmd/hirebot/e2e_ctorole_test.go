package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hirebot/hirebot/internal/slacktest"
)

// TestCTORoleOverSocketMode drives /cto-role through slack-go's real
// Socket Mode client against the fake Slack, on the embedded store.
func TestCTORoleOverSocketMode(t *testing.T) {
	t.Parallel()
	fake := MustNewFake(t)
	cfg := testConfig(fake, "")
	b := MustStartBot(t, fake, cfg)

	tests := []struct {
		channel, text string
		want          []string
	}{
		{"C01", "", []string{"CTO", "Share in channel", "CIO"}},
		{"C02", "responsibilities", []string{"responsib"}},
		{"C03", "skills", []string{"Leadership"}},
		{"C04", "kinds", []string{"infrastructure", "operational"}},
		{"C05", "infrastructure", []string{"startups"}},
		{"C06", "cio", []string{"Chief Information Officer"}},
		{"C07", "cto-vs-cio", []string{"CIO", "CTO"}},
		{"C08", "who owns the IT budget?", []string{"CIO", "IT budget", "Read the whole topic"}},
		{"C09", "responsibilites", []string{"responsib"}},
		{"C10", "great", []string{"negotiat"}},
		{"C11", "cio responsibilities", []string{"CIO"}},
		{"C12", "xyzzy plugh", []string{"I don't cover that", "responsibilities"}},
		{"C14", "thanks!", []string{"You're welcome"}},
		{"C15", "what does a cto do in a startup", []string{"company stage", "Source: "}},
		{"C13", "technical-leader", []string{"code"}},
	}
	for _, tt := range tests {
		t.Run(tt.channel+" "+tt.text, func(t *testing.T) {
			ack := MustSlash(t, fake, slacktest.Slash{Channel: tt.channel, User: "U1", Command: "/cto-role", Text: tt.text})
			if !strings.Contains(string(ack.Payload), `"blocks"`) {
				t.Errorf("/cto-role %s was not answered in the ack: payload %s", tt.text, ack.Payload)
			}
			m := MustWaitMessage(t, fake, tt.channel, tt.want...)
			if !m.Ephemeral {
				t.Errorf("/cto-role %s answered in public; replies are private until shared", tt.text)
			}
		})
	}

	t.Run("share", func(t *testing.T) {
		MustPress(t, fake, slacktest.Action{Channel: "C06", User: "U7SHARER", ActionID: "cto-role:share#0", Value: "cio-overview"})
		m := MustWaitMessage(t, fake, "C06", "Shared by <@U7SHARER>", "Chief Information Officer")
		if m.Ephemeral {
			t.Error("the shared card was posted privately")
		}
	})
	t.Run("topic button", func(t *testing.T) {
		MustPress(t, fake, slacktest.Action{Channel: "C01", User: "U1", ActionID: "cto-role:show#3", Value: "cto-cto-vs-cio"})
		MustWaitMessage(t, fake, "C01", "CIO", "Share in channel", "internal")
	})
	t.Run("reconnect after disconnect", func(t *testing.T) {
		opened := fake.ConnectionsOpened()
		fake.Disconnect("refresh_requested")
		deadline := time.Now().Add(10 * time.Second)
		for fake.ConnectionsOpened() < opened+2 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if fake.ConnectionsOpened() < opened+2 {
			t.Fatalf("the bot did not reconnect both sockets (opened %d, then %d)", opened, fake.ConnectionsOpened())
		}
		MustSlash(t, fake, slacktest.Slash{Channel: "C20", User: "U1", Command: "/cto-role", Text: "cio"})
		MustWaitMessage(t, fake, "C20", "Chief Information Officer")
	})
	t.Run("mention answered in thread", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := fake.SendEvent(ctx, "Ev1", fake.MentionEvent("C30", "U1", "<@"+slacktest.BotUserID+"> what does a CIO do?")); err != nil {
			t.Fatal(err)
		}
		m := MustWaitMessage(t, fake, "C30", "CIO")
		if m.ThreadTS == "" {
			t.Error("the answer to a mention was not in a thread")
		}
	})
	t.Run("direct message", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := fake.SendEvent(ctx, "Ev2", fake.DirectMessageEvent("D1", "U1", "kinds of cto")); err != nil {
			t.Fatal(err)
		}
		MustWaitMessage(t, fake, "D1", "infrastructure")
	})
	MustNoViolations(t, fake)
	for _, tok := range []string{fake.AppToken(), fake.BotToken()} {
		if strings.Contains(b.logs.String(), tok) {
			t.Errorf("a token appears in the logs")
		}
	}
}

func TestMissingTokensExit2(t *testing.T) {
	tests := []struct {
		app, bot, want string
	}{
		{"", "xoxb-1", "SLACK_APP_TOKEN"},
		{"xoxb-wrong", "xoxb-1", "SLACK_APP_TOKEN"},
		{"xapp-1", "", "SLACK_BOT_TOKEN"},
		{"xapp-1", "xapp-wrong", "SLACK_BOT_TOKEN"},
	}
	for _, tt := range tests {
		t.Setenv("SLACK_APP_TOKEN", tt.app)
		t.Setenv("SLACK_BOT_TOKEN", tt.bot)
		var stderr bytes.Buffer
		code := run(context.Background(), []string{"serve"}, strings.NewReader(""), &bytes.Buffer{}, &stderr)
		if code != 2 {
			t.Errorf("app %q bot %q: exit %d, want 2", tt.app, tt.bot, code)
		}
		msg := stderr.String()
		if !strings.Contains(msg, tt.want) || !strings.Contains(msg, "hirebot shell") || strings.Count(msg, "\n") != 1 {
			t.Errorf("want one line naming %s and pointing to hirebot shell, got %q", tt.want, msg)
		}
		if tt.bot != "" && strings.Contains(msg, tt.bot) || tt.app != "" && strings.Contains(msg, tt.app) {
			t.Errorf("the error message repeats a token: %q", msg)
		}
	}
}

func TestShellPipe(t *testing.T) {
	var out, errb bytes.Buffer
	in := strings.NewReader("/cto-role cio\n:click 2\n/jd start cto infrastructure Head of Platform\n/jd add requirements Has run <!channel> on call\n/jd export text\n/interview 2\n")
	if code := run(context.Background(), []string{"shell"}, in, &out, &errb); code != 0 {
		t.Fatalf("shell exited %d: %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"Chief Information Officer", "Head of Platform", "--- file head-of-platform.txt ---",
		"Has run <!channel> on call", "Strong answer", "Red flags", "Follow-up"} {
		if !strings.Contains(s, want) {
			t.Errorf("shell output lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "\x1b[") {
		t.Error("piped shell output contains terminal escapes")
	}
}

func TestManifestMatchesCommitted(t *testing.T) {
	for _, k := range []string{"HIREBOT_CTO_ROLE_COMMAND", "HIREBOT_JD_COMMAND", "HIREBOT_INTERVIEW_COMMAND"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"manifest"}, nil, &out, &errb); code != 0 {
		t.Fatalf("manifest exited %d: %s", code, errb.String())
	}
	committed, err := os.ReadFile("../../deploy/slack/manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(committed) {
		t.Errorf("deploy/slack/manifest.yaml is out of date; run make manifest.\nprinted:\n%s", out.String())
	}
	for _, want := range []string{"socket_mode_enabled: true", "command: /cto-role", "command: /jd", "command: /interview",
		"app_mention", "message.im", "app_home_opened", "usage_hint", "is_enabled: true"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("manifest lacks %q", want)
		}
	}

	t.Setenv("HIREBOT_JD_COMMAND", "/hire-jd")
	out.Reset()
	run(context.Background(), []string{"manifest"}, nil, &out, &errb)
	if !strings.Contains(out.String(), "command: /hire-jd") {
		t.Errorf("a renamed command is not in the manifest:\n%s", out.String())
	}
}
