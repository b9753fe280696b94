package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hirebot/hirebot"
	"github.com/hirebot/hirebot/bot/draft"
	"github.com/hirebot/hirebot/internal/redistest"
	"github.com/hirebot/hirebot/internal/slacktest"
)

// MustBuildBinary builds the hirebot binary into a temporary directory.
func MustBuildBinary(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "hirebot")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// botProcess is the hirebot binary running as a child process.
type botProcess struct {
	cmd  *exec.Cmd
	logs *syncBuffer
	done chan struct{} // closed when the process has exited
	err  error         // from Wait, once done is closed
}

// MustStartBinary runs bin serve with the environment pointing at fake and
// redisURL, waits for its two sockets, and kills it when the test ends if
// it is still running.
func MustStartBinary(tb testing.TB, bin string, fake *slacktest.Server, redisURL string, env ...string) *botProcess {
	tb.Helper()
	before := fake.ConnectionsOpened()
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(),
		"SLACK_APP_TOKEN="+fake.AppToken(), "SLACK_BOT_TOKEN="+fake.BotToken(), "SLACK_API_URL="+fake.URL(),
		"REDIS_URL="+redisURL, "HIREBOT_HTTP_ADDR=127.0.0.1:0", "HIREBOT_LOG_LEVEL=debug",
		"HIREBOT_LOG_FORMAT=json", "HIREBOT_CONNECTIONS=2")
	cmd.Env = append(cmd.Env, env...)
	p := &botProcess{cmd: cmd, logs: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.logs, p.logs
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start %s: %v", bin, err)
	}
	go func() { p.err = cmd.Wait(); close(p.done) }()
	tb.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = cmd.Process.Kill()
			<-p.done
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := fake.WaitConnectionsSince(ctx, before, 2); err != nil {
		tb.Fatalf("the hirebot process did not connect: %v\nlogs:\n%s", err, p.logs.String())
	}
	return p
}

// TestGracefulShutdown sends SIGTERM to the real binary in the middle of a
// burst of edits: it exits 0 within the shutdown timeout, and every edit
// whose envelope it acked is in Redis.
func TestGracefulShutdown(t *testing.T) {
	bin := MustBuildBinary(t)
	fake := MustNewFake(t)
	srv := redistest.MustStart(t)
	const shutdownTimeout = 5 * time.Second
	p := MustStartBinary(t, bin, fake, srv.URL(), "HIREBOT_SHUTDOWN_TIMEOUT="+shutdownTimeout.String())
	MustCommand(t, fake, "C1", "U1", "/jd", "start cto", "Started a draft")

	var (
		mu      sync.Mutex
		acked   []string
		refused int
		wg      sync.WaitGroup
	)
	const n = 40 // draft.MaxItems: every add fits in one section
	acks := len(fake.Acks())
	var sigterm time.Time
	// Once the process is gone no ack can come: stop waiting for them.
	load, stopLoad := context.WithCancel(context.Background())
	defer stopLoad()
	go func() {
		<-p.done
		stopLoad()
	}()
	for i := range n {
		it := fmt.Sprintf("Sent around shutdown %02d", i)
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(load, shutdownTimeout+2*time.Second)
			defer cancel()
			_, err := fake.SendSlash(ctx, slacktest.Slash{Channel: "C1", User: fmt.Sprintf("U%d", i%8+1), Command: "/jd", Text: "add benefits " + it})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				refused++
				return
			}
			acked = append(acked, it)
		})
		time.Sleep(5 * time.Millisecond)
		if i == n/2 {
			if !pollUntil(5*time.Second, func() bool { return len(fake.Acks()) > acks+n/4 }) {
				t.Fatal("the bot acked too few of the first adds")
			}
			sigterm = time.Now()
			if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
		}
	}

	select {
	case <-p.done:
	case <-time.After(shutdownTimeout + 5*time.Second):
		t.Fatalf("hirebot did not exit within %s of SIGTERM; logs:\n%s", shutdownTimeout+5*time.Second, p.logs.String())
	}
	took := time.Since(sigterm)
	if p.err != nil {
		t.Errorf("hirebot exited with %v after SIGTERM, want status 0; logs:\n%s", p.err, p.logs.String())
	}
	if took > shutdownTimeout+2*time.Second {
		t.Errorf("hirebot took %s to exit, more than its shutdown timeout of %s", took, shutdownTimeout)
	}
	wg.Wait()
	t.Logf("%d adds acked, %d not acked; exit %s after SIGTERM", len(acked), refused, took)
	if len(acked) == 0 {
		t.Fatal("no add was acked")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	d, err := mustStoreOn(t, srv.URL()).Scope(hirebot.SessionKey{Team: fake.TeamID(), Channel: "C1"}, nil, "").Draft(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var stored []string
	for _, it := range d.Sections[draft.Benefits] {
		stored = append(stored, it.Text)
	}
	mustHoldOnce(t, stored, acked...)
	for _, it := range stored {
		if strings.HasPrefix(it, "Sent around shutdown") && countOf(stored, it) > 1 {
			t.Errorf("%q is stored %d times", it, countOf(stored, it))
		}
	}
	logs := p.logs.String()
	for _, want := range []string{"shutting down", "in-flight work finished", "hirebot stopped"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the logs lack %q", want)
		}
	}
	mustNoTokens(t, fake, logs)
}

// mustNoTokens fails if a token of fake appears in logs.
func mustNoTokens(tb testing.TB, fake *slacktest.Server, logs string) {
	tb.Helper()
	for name, tok := range map[string]string{"app": fake.AppToken(), "bot": fake.BotToken()} {
		if strings.Contains(logs, tok) {
			tb.Errorf("the %s token appears in the logs", name)
		}
	}
}
