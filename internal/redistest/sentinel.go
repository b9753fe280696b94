package redistest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// MasterName is the name the Sentinel of MustStartSentinel monitors.
const MasterName = "hirebot"

// Sentinel is a redis-server in Sentinel mode watching one master.
type Sentinel struct {
	// Addr is host:port of the sentinel.
	Addr   string
	Master *Server

	cmd  *exec.Cmd
	done chan struct{}
	dir  string
}

// MustStartSentinel starts a master and one sentinel monitoring it as
// MasterName, both on free ports of 127.0.0.1, and stops them when the
// test ends.
func MustStartSentinel(tb testing.TB) *Sentinel {
	tb.Helper()
	master := MustStart(tb)
	var lastErr error
	for range 5 {
		port, err := freePort()
		if err != nil {
			tb.Fatalf("redistest: %v", err)
		}
		s := &Sentinel{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), Master: master, dir: tb.TempDir()}
		if lastErr = s.start(port); lastErr == nil {
			tb.Cleanup(s.kill)
			return s
		}
	}
	tb.Fatalf("redistest: start sentinel: %v", lastErr)
	return nil
}

// URL returns the sentinel as a redis+sentinel:// URL naming the master.
func (s *Sentinel) URL() string { return "redis+sentinel://" + s.Addr + "/" + MasterName }

// start runs the sentinel and waits until it knows the master's address.
func (s *Sentinel) start(port int) error {
	conf := filepath.Join(s.dir, "sentinel.conf")
	body := fmt.Sprintf("port %d\nbind 127.0.0.1\ndaemonize no\ndir %s\nlogfile sentinel.log\n"+
		"sentinel monitor %s 127.0.0.1 %d 1\nsentinel down-after-milliseconds %s 5000\n",
		port, s.dir, MasterName, s.Master.port, MasterName)
	if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
		return fmt.Errorf("write sentinel.conf: %w", err)
	}
	cmd := exec.Command("redis-server", conf, "--sentinel")
	cmd.Dir = s.dir
	cmd.SysProcAttr = sysProcAttr()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return err
	}
	s.cmd, s.done = cmd, make(chan struct{})
	go func() { _ = cmd.Wait(); close(s.done) }()

	c := redis.NewSentinelClient(&redis.Options{Addr: s.Addr, MaxRetries: -1, DialTimeout: 200 * time.Millisecond})
	defer c.Close()
	deadline := time.Now().Add(startTimeout)
	for {
		if probe(s.Addr) == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			addr, err := c.GetMasterAddrByName(ctx, MasterName).Result()
			cancel()
			if err == nil && len(addr) == 2 && net.JoinHostPort(addr[0], addr[1]) == s.Master.Addr {
				return nil
			}
		}
		select {
		case <-s.done:
			s.cmd = nil
			return errors.New("sentinel exited during start-up:\n" + out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.kill()
			return fmt.Errorf("sentinel on %s did not report the master within %v", s.Addr, startTimeout)
		}
	}
}

// kill stops the sentinel at once and waits for it.
func (s *Sentinel) kill() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.done
	s.cmd = nil
}
