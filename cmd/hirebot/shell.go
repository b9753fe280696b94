package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/redis/go-redis/v9"

	"github.com/hirebot/hirebot/bot/sessions"
	botshell "github.com/hirebot/hirebot/bot/shell"
)

// shell runs the commands in a terminal on the embedded store.
func shell(ctx context.Context, c config, stdin io.Reader, stdout, stderr io.Writer) int {
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	redis.SetLogger(sessions.RedisLogger{Log: log})
	pack, err := loadPack(c.KnowledgeDir)
	if err != nil {
		fmt.Fprintf(stderr, "hirebot: %v\n", err)
		return 1
	}
	client, closeStore, err := sessions.OpenEmbedded()
	if err != nil {
		fmt.Fprintf(stderr, "hirebot: embedded store: %v\n", err)
		return 1
	}
	defer closeStore()
	a := newApp(c, pack, sessions.New(client, sessions.Options{TTL: c.SessionTTL}), log)
	sh := botshell.New(botshell.Config{Router: a.router, Live: a.jd, In: stdin, Out: stdout,
		Interactive: isTerminal(stdin), Admins: set(c.Admins)})
	if err := sh.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "hirebot: %v\n", err)
		return 1
	}
	return 0
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
