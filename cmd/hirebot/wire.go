package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/ctorole"
	"github.com/hirebot/hirebot/bot/home"
	"github.com/hirebot/hirebot/bot/interview"
	"github.com/hirebot/hirebot/bot/jd"
	"github.com/hirebot/hirebot/bot/live"
	"github.com/hirebot/hirebot/bot/manifest"
	"github.com/hirebot/hirebot/bot/metrics"
	"github.com/hirebot/hirebot/bot/sessions"
	"github.com/hirebot/hirebot/bot/socket"
	"github.com/hirebot/hirebot/knowledge"
)

// The parts serve wires together fit the interfaces their consumers declare.
var (
	_ socket.Observer      = (*metrics.Metrics)(nil)
	_ socket.Claims        = (*sessions.Store)(nil)
	_ socket.Outbox        = (*sessions.Store)(nil)
	_ socket.Live          = (*live.Live)(nil)
	_ live.Store           = (*sessions.Store)(nil)
	_ live.Renderer        = (*jd.Handler)(nil)
	_ bot.ClaimRecorder    = (*sessions.Store)(nil)
	_ jd.Drafts            = (*sessions.Scope)(nil)
	_ interview.Sessions   = (*sessions.Scope)(nil)
	_ interview.Candidates = (*sessions.Scope)(nil)
)

// app is the part of hirebot that Slack and the shell share: the pack,
// the handlers and the router.
type app struct {
	pack      *knowledge.Pack
	router    *bot.Router
	jd        *jd.Handler
	interview *interview.Handler
}

// newApp builds the handlers and the command table over a store, and wraps
// them in the request policies: panic recovery, the admins, deduplication,
// and /jd's allowed channels.
func newApp(c config, pack *knowledge.Pack, store *sessions.Store, log *slog.Logger) *app {
	scope := func(r bot.Request) *sessions.Scope { return store.Scope(r.Session(), r.Claim, r.User) }
	cto := ctorole.New(pack, c.CTORoleCommand).WithCommands(c.JDCommand, c.InterviewCmd)
	drafts := jd.New(jd.Config{Pack: pack, Drafts: func(r bot.Request) jd.Drafts { return scope(r) }, Slash: c.JDCommand, Locale: c.Locale})
	iv := interview.New(pack, func(r bot.Request) interview.Sessions { return scope(r) }, c.InterviewCmd).
		WithCandidates(func(r bot.Request) interview.Candidates { return scope(r) })
	a := &app{pack: pack, jd: drafts, interview: iv}
	h := home.New(store, func() []bot.Command { return a.router.Commands() }).WithScorecards(store)
	jdCmd := drafts.Command()
	jdCmd.Handler = bot.InChannels(set(c.AllowedChannels), jd.ErrNotHere)(jdCmd.Handler)
	a.router = bot.NewRouter(log, cto.Command(), jdCmd, iv.Command(), cto.AskCommand(), h.Command())
	a.router.Use(bot.Recover(log), bot.Admins(set(c.Admins)), bot.Dedup(store, log))
	return a
}

// loadPack loads the embedded knowledge, with HIREBOT_KNOWLEDGE_DIR over it.
func loadPack(dir string) (*knowledge.Pack, error) {
	pack, err := knowledge.Embedded()
	if err != nil {
		return nil, fmt.Errorf("load the built-in knowledge: %w", err)
	}
	if dir == "" {
		return pack, nil
	}
	pack, err = knowledge.Overlay(pack, os.DirFS(dir))
	if err == nil {
		err = knowledge.Coverage(pack)
	}
	if err != nil {
		return nil, fmt.Errorf("load the knowledge pack in %s (HIREBOT_KNOWLEDGE_DIR): %w", dir, err)
	}
	return pack, nil
}

// unwrapPath returns the reason inside a *fs.PathError ("no such file or
// directory"), whose own message repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// manifestCommands lists the slash commands of the command table for the
// app manifest.
func manifestCommands(r *bot.Router) []manifest.Command {
	var out []manifest.Command
	for _, c := range r.Commands() {
		if c.Slash != "" {
			out = append(out, manifest.Command{Name: c.Slash, Description: c.Summary, UsageHint: c.Usage, Escape: c.Mentions})
		}
	}
	return out
}

// printManifest prints the app manifest for the configured command names.
func printManifest(c config, stdout, stderr io.Writer) int {
	pack, err := loadPack(c.KnowledgeDir)
	if err != nil {
		fmt.Fprintf(stderr, "hirebot: %v\n", err)
		return 1
	}
	a := newApp(c, pack, nil, slog.New(slog.DiscardHandler))
	b, err := manifest.YAML(manifestCommands(a.router))
	if err != nil {
		fmt.Fprintf(stderr, "hirebot: %v\n", err)
		return 1
	}
	_, _ = stdout.Write(b)
	return 0
}

// knowledgeCmd runs "hirebot knowledge validate DIR".
func knowledgeCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) != 2 || args[0] != "validate" {
		fmt.Fprintln(stderr, "usage: hirebot knowledge validate DIR")
		return 2
	}
	if st, err := os.Stat(args[1]); err != nil {
		fmt.Fprintf(stderr, "hirebot: cannot read the knowledge pack %s: %v\n", args[1], unwrapPath(err))
		return 1
	} else if !st.IsDir() {
		fmt.Fprintf(stderr, "hirebot: %s is not a directory: a knowledge pack is a directory laid out like knowledge/data\n", args[1])
		return 1
	}
	base, err := knowledge.Embedded()
	if err != nil {
		fmt.Fprintf(stderr, "hirebot: built-in knowledge: %v\n", err)
		return 1
	}
	pack, err := knowledge.Overlay(base, os.DirFS(args[1]))
	if err == nil {
		err = knowledge.Coverage(pack)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s is not a valid knowledge pack:\n%v\n", args[1], err)
		return 1
	}
	fmt.Fprintf(stdout, "%s is valid: %d roles, %d kinds, %d topics, %d checklists, %d competencies, %d questions (with the built-in pack under it)\n",
		args[1], len(pack.Roles), len(pack.Kinds), len(pack.Topics), len(pack.Checklists), len(pack.Competencies), len(pack.Questions))
	return 0
}
