// Package shell runs hirebot's commands in a terminal: the same router,
// handlers and store as in Slack, with replies printed as plain text. It
// needs no Slack and no Redis.
package shell

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot"
)

// LiveSource renders a channel's live draft (package jd provides it).
type LiveSource interface {
	LiveCard(ctx context.Context, key hirebot.SessionKey) (card *bot.Card, version int, ref string, err error)
}

// Config is what a Shell needs.
type Config struct {
	Router      *bot.Router
	Live        LiveSource // may be nil
	In          LineReader // a Scanner for a pipe, a Terminal for a person
	Out         io.Writer  // the Terminal itself when In is one
	Interactive bool       // print the welcome
}

// Shell reads commands line by line and prints the replies.
type Shell struct {
	cfg     Config
	team    string
	channel string
	user    string
	users   map[string]bool // everyone the shell has been: the workspace's members
	last    []bot.Button
	seen    map[string][]string // by channel: the live draft's text as last shown
	lastCmd string
}

// New returns a Shell in workspace "T-SHELL", channel "general", as user
// "you".
func New(cfg Config) *Shell {
	return &Shell{cfg: cfg, team: "T-SHELL", channel: "general", user: "you", users: map[string]bool{"you": true},
		seen: map[string][]string{}}
}

// Run reads until end of input, Ctrl-D or :quit.
func (s *Shell) Run(ctx context.Context) error {
	w := s.cfg.Out
	if s.cfg.Interactive {
		fmt.Fprintf(w, "hirebot shell: type %s, %s help, %s, or a question. :help for shell commands, :quit or Ctrl-D to leave.\n",
			s.slash("cto-role"), s.slash("jd"), s.slash("interview"))
	}
	for {
		line, err := s.cfg.In.ReadLine(fmt.Sprintf("#%s @%s> ", s.channel, s.user))
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read input: %w", err)
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line == ":quit" || line == ":q" || line == "exit" {
			return nil
		}
		if err := s.line(ctx, line); err != nil {
			fmt.Fprintf(w, "! %v\n", err)
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// line runs one line of input.
func (s *Shell) line(ctx context.Context, line string) error {
	if strings.HasPrefix(line, ":") {
		return s.meta(ctx, line)
	}
	req := bot.Request{Team: s.team, Channel: s.channel, User: s.user, At: time.Now()}
	if strings.HasPrefix(line, "/") {
		name, text, _ := strings.Cut(line, " ")
		cmd, ok := s.cfg.Router.Canonical(name)
		if !ok {
			return fmt.Errorf("unknown command %s; try %s", name, strings.Join(s.cfg.Router.SlashNames(), ", "))
		}
		req.Source, req.Command, req.Text = bot.Slash, cmd, s.escapeMentions(strings.TrimSpace(text))
	} else {
		req.Source, req.Command, req.Text = bot.Direct, "ask", line
	}
	s.serve(ctx, req)
	return nil
}

// meta runs a shell command (":user NAME" and the like).
func (s *Shell) meta(ctx context.Context, line string) error {
	cmd, arg, _ := strings.Cut(line, " ")
	arg = strings.TrimSpace(arg)
	switch cmd {
	case ":user":
		if arg == "" {
			return fmt.Errorf("usage: :user NAME")
		}
		s.user = strings.TrimPrefix(arg, "@")
		s.users[s.user] = true
		fmt.Fprintf(s.cfg.Out, "you are now @%s\n", s.user)
	case ":channel":
		if arg == "" {
			return fmt.Errorf("usage: :channel NAME")
		}
		s.channel = strings.TrimPrefix(arg, "#")
		fmt.Fprintf(s.cfg.Out, "now in #%s\n", s.channel)
	case ":click":
		n, err := strconv.Atoi(arg)
		switch {
		case len(s.last) == 0:
			return errors.New("the last reply has no buttons to press")
		case len(s.last) == 1 && (err != nil || n != 1):
			return errors.New("usage: :click 1, the one button of the last reply")
		case err != nil || n < 1 || n > len(s.last):
			return fmt.Errorf("usage: :click N, where N is a button number of the last reply (1–%d)", len(s.last))
		}
		b := s.last[n-1]
		command, action, _ := strings.Cut(b.Action, ":")
		s.serve(ctx, bot.Request{Source: bot.Press, Team: s.team, Channel: s.channel, User: s.user,
			Command: command, Action: action, Value: b.Value, At: time.Now()})
	case ":help":
		s.help()
	default:
		return fmt.Errorf("unknown shell command %s; :help lists them", cmd)
	}
	return nil
}

// help prints the shell commands and the command table.
func (s *Shell) help() {
	w := s.cfg.Out
	fmt.Fprintln(w, "Commands:")
	for _, c := range s.cfg.Router.Commands() {
		if c.Slash == "" {
			continue
		}
		fmt.Fprintf(w, "  %s %s — %s\n", c.Slash, c.Usage, c.Summary)
		for _, ex := range c.Examples {
			fmt.Fprintf(w, "      e.g. %s\n", ex)
		}
	}
	fmt.Fprintln(w, "  anything else — a question, answered from the knowledge base")
	fmt.Fprintln(w, "Shell:")
	fmt.Fprintln(w, "  :user NAME      act as another user")
	fmt.Fprintln(w, "  :channel NAME   switch channel (each channel has its own draft)")
	fmt.Fprintln(w, "  :click N        press button N of the last reply")
	fmt.Fprintln(w, "  (a form, where Slack would open a modal: one line per field, a number for a choice,")
	fmt.Fprintln(w, "   \\n for a line break; an empty line keeps the field; :submit sends, :cancel drops)")
	fmt.Fprintln(w, "  :help, :quit")
}

// serve runs a request and prints what it did.
func (s *Shell) serve(ctx context.Context, req bot.Request) {
	r, _ := s.cfg.Router.Serve(ctx, req) // the reply says any error
	s.show(ctx, req, r)
}

// show prints reply r to req: its card, file, announcement and the live
// draft it changed, and fills the form it opens.
func (s *Shell) show(ctx context.Context, req bot.Request, r bot.Reply) {
	w := s.cfg.Out
	if r.Card != nil {
		if r.Public && req.Source == bot.Press {
			fmt.Fprintf(w, "[posted in #%s]\n", s.channel)
		}
		writeCard(w, r.Card)
		s.last = buttons(r.Card)
	}
	if r.File != nil {
		fmt.Fprintf(w, "--- file %s ---\n%s--- end of %s ---\n", r.File.Name, r.File.Content, r.File.Name)
	}
	if r.Announce != nil {
		fmt.Fprintf(w, "[posted in #%s]\n", s.channel)
		writeCard(w, r.Announce)
	}
	if (r.Live || r.NewLive) && s.cfg.Live != nil {
		c, _, _, err := s.cfg.Live.LiveCard(ctx, req.Session())
		if err == nil {
			s.showLive(c, r.NewLive)
			s.last = buttons(c)
		} else {
			delete(s.seen, s.channel)
		}
	}
	if r.Modal != nil {
		s.submit(ctx, r.Modal)
	}
}

// showLive prints the channel's live draft c: all of it when whole (the
// live message posted anew: /jd start, /jd show) or when this shell has
// not shown it yet, else what changed since it last showed it — the lines
// gone and the lines new — with the buttons and the version line.
func (s *Shell) showLive(c *bot.Card, whole bool) {
	w := s.cfg.Out
	var body bytes.Buffer
	n := writeBody(&body, c)
	lines := strings.Split(strings.TrimRight(body.String(), "\n"), "\n")
	before, shown := s.seen[s.channel]
	s.seen[s.channel] = lines
	if whole || !shown {
		fmt.Fprintf(w, "\n[live draft in #%s]\n", s.channel)
		_, _ = w.Write(body.Bytes())
		writeFooter(w, c, n)
		return
	}
	fmt.Fprintf(w, "\n[live draft in #%s, what changed: - gone, + new; %s show shows it all]\n", s.channel, s.slash("jd"))
	diff := lineDiff(before, lines)
	if len(diff) == 0 {
		fmt.Fprintln(w, "(the text is as it was)")
	}
	for _, l := range diff {
		fmt.Fprintln(w, l)
	}
	writeFooter(w, c, n)
}

// slash returns the configured slash name of the command called name.
func (s *Shell) slash(name string) string {
	for _, c := range s.cfg.Router.Commands() {
		if c.Name == name && c.Slash != "" {
			return c.Slash
		}
	}
	return "/" + name
}

// mentionWord matches an @name in a command's text.
var mentionWord = regexp.MustCompile(`(^|\s)@([A-Za-z0-9][A-Za-z0-9._-]{0,39})\b`)

// escapeMentions writes each @name of a user the shell has been as Slack
// escapes a member's mention, <@name|name>, so that /jd owner @dana works
// here as it does in Slack; other @words stay as typed, as in Slack.
func (s *Shell) escapeMentions(text string) string {
	return mentionWord.ReplaceAllStringFunc(text, func(m string) string {
		sub := mentionWord.FindStringSubmatch(m)
		if !s.users[sub[2]] {
			return m
		}
		return sub[1] + "<@" + sub[2] + "|" + sub[2] + ">"
	})
}
