package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

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
	a := newApp(c, pack, sessions.New(client, sessions.Options{TTL: c.SessionTTL, CandidateTTL: c.CandidateTTL, RecordRetention: c.RecordRetention}), log)
	var in botshell.LineReader = botshell.NewScanner(stdin)
	out, interactive := stdout, botshell.IsTerminal(stdin, stdout)
	if interactive {
		t, restore, err := botshell.NewTerminalReader(stdin, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "hirebot: %v\n", err)
			return 1
		}
		defer restore()
		in, out = t, t
	}
	sh := botshell.New(botshell.Config{Router: a.router, Live: a.jd, In: in, Out: out,
		Interactive: interactive})
	if err := sh.Run(ctx); err != nil {
		fmt.Fprintf(stderr, "hirebot: %v\n", err)
		return 1
	}
	return 0
}
