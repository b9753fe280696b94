package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/dedup"
)

func TestRouterTurnsFailuresIntoReplies(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	ok := HandlerFunc(func(context.Context, Request) (Reply, error) {
		return Reply{Card: &Card{Intro: "fine"}}, nil
	})
	r := NewRouter(log,
		Command{Name: "ok", Slash: "/ok", Handler: ok},
		Command{Name: "panic", Slash: "/panic", Handler: HandlerFunc(func(context.Context, Request) (Reply, error) { panic("boom") })},
		Command{Name: "internal", Slash: "/internal", Handler: HandlerFunc(func(context.Context, Request) (Reply, error) {
			return Reply{}, errors.New("db exploded: secret detail")
		})},
		Command{Name: "invalid", Slash: "/invalid", Handler: HandlerFunc(func(context.Context, Request) (Reply, error) {
			return Reply{}, hirebot.Errorf(hirebot.Invalid, "say it shorter")
		})},
		Command{Name: "down", Slash: "/down", Handler: HandlerFunc(func(context.Context, Request) (Reply, error) {
			return Reply{}, &hirebot.Error{Kind: hirebot.Unavailable, Err: errors.New("dial tcp")}
		})},
		Command{Name: "busy", Slash: "/busy", Handler: HandlerFunc(func(context.Context, Request) (Reply, error) {
			return Reply{}, fmt.Errorf("update: %w", &hirebot.Error{Kind: hirebot.Conflict, Err: errors.New("lost every race")})
		})},
		Command{Name: "unworded", Slash: "/unworded", Handler: HandlerFunc(func(context.Context, Request) (Reply, error) {
			return Reply{}, &hirebot.RangeError{What: "a list", N: 3, Size: 2}
		})},
	)
	r.Use(Recover(log)) // as cmd/hirebot wires it
	tests := []struct {
		command   string
		want      string
		wantTitle string
		logged    bool
	}{
		{"ok", "fine", "", false},
		{"panic", "something went wrong (ref ", "Something went wrong", true},
		{"internal", "something went wrong (ref ", "Something went wrong", true},
		{"invalid", "say it shorter", "That didn't work", false},
		{"down", "storage unavailable, try again in a moment", "Storage unavailable", false},
		{"busy", "too many people are editing at once; try again", "Someone changed it first", false},
		// A typed error no handler worded is a bug: logged with a ref.
		{"unworded", "something went wrong (ref ", "Something went wrong", true},
		{"nope", "/internal, /invalid", "That didn't work", false},
	}
	for _, tt := range tests {
		logs.Reset()
		reply, _ := r.Serve(context.Background(), Request{Command: tt.command})
		if reply.Card == nil || !strings.Contains(reply.Card.Intro, tt.want) || reply.Card.Title != tt.wantTitle {
			t.Errorf("%s: reply %+v, want %q titled %q", tt.command, reply.Card, tt.want, tt.wantTitle)
			continue
		}
		if strings.Contains(reply.Card.Intro, "secret detail") {
			t.Errorf("%s: an internal error's detail reached the user", tt.command)
		}
		if tt.logged {
			ref := strings.TrimSuffix(strings.SplitN(strings.SplitN(reply.Card.Intro, "(ref ", 2)[1], ")", 2)[0], ")")
			if !strings.Contains(logs.String(), `"ref":"`+ref+`"`) {
				t.Errorf("%s: ref %s not logged: %s", tt.command, ref, logs.String())
			}
		}
	}
	// The router keeps serving after a panic.
	if reply, err := r.Serve(context.Background(), Request{Command: "ok"}); err != nil || reply.Card == nil || reply.Card.Intro != "fine" {
		t.Errorf("after a panic: %+v", reply)
	}
	if got, _ := r.Canonical("/OK"); got != "ok" {
		t.Errorf("Canonical(/OK) = %q", got)
	}
}

// TestRouterSaysNothingOnADuplicate checks that a second delivery of a
// request, which the store reports as dedup.ErrDuplicate, gets no card:
// the listener drops it, and nobody sees a message twice.
func TestRouterSaysNothingOnADuplicate(t *testing.T) {
	var logs bytes.Buffer
	r := NewRouter(slog.New(slog.NewJSONHandler(&logs, nil)),
		Command{Name: "dup", Slash: "/dup", Handler: HandlerFunc(func(context.Context, Request) (Reply, error) {
			return Reply{Card: &Card{Intro: "changed"}}, fmt.Errorf("update draft: %w", dedup.ErrDuplicate)
		})})
	reply, err := r.Serve(context.Background(), Request{Command: "dup"})
	if reply.Card != nil || !errors.Is(err, dedup.ErrDuplicate) {
		t.Errorf("reply to a duplicate = %+v, %v; want no card and dedup.ErrDuplicate", reply, err)
	}
	if logs.Len() > 0 {
		t.Errorf("a duplicate was logged as a failure: %s", logs.String())
	}
}

// TestRouterKeepsACardThatSaysTheError checks that a handler that words its
// error in its own card keeps that card, and that the router returns the
// error (for metrics) without logging it as a failure.
func TestRouterKeepsACardThatSaysTheError(t *testing.T) {
	var logs bytes.Buffer
	stale := &hirebot.Error{Kind: hirebot.Conflict, Err: errors.New("saved on an old version")}
	r := NewRouter(slog.New(slog.NewJSONHandler(&logs, nil)),
		Command{Name: "save", Slash: "/save", Handler: HandlerFunc(func(context.Context, Request) (Reply, error) {
			return Reply{Card: &Card{Title: "Not saved", Intro: "here is the current version"}}, stale
		})})
	reply, err := r.Serve(context.Background(), Request{Command: "save"})
	if reply.Card == nil || reply.Card.Title != "Not saved" || !errors.Is(err, stale) {
		t.Errorf("Serve = %+v, %v; want the handler's card and its error", reply.Card, err)
	}
	if logs.Len() > 0 {
		t.Errorf("a worded error was logged as a failure: %s", logs.String())
	}
}
