// Package redistest starts real redis-server processes for tests: a single
// server that can be stopped and restarted on the same port, a small Redis
// Cluster, and a master watched by a Sentinel. It needs redis-server (and, for a cluster, redis-cli) on
// PATH and fails the test clearly when they are missing.
//
// Every process is started in the test's temporary directory, listens on
// 127.0.0.1 only, and is stopped by tb.Cleanup.
package redistest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// startTimeout bounds how long a server may take to accept commands.
const startTimeout = 10 * time.Second

// Server is one redis-server process.
//
// Data survives Stop and Restart: Stop asks the server to SHUTDOWN SAVE,
// which writes dump.rdb into the server's directory, and Restart loads it
// again. Snapshots are otherwise off (--save ""), and there is no AOF.
type Server struct {
	// Addr is host:port of the server.
	Addr string

	port     int
	dir      string
	extra    []string // extra redis-server arguments, e.g. for cluster mode
	password string   // the default user's password; "" for none
	cmd      *exec.Cmd
	done     chan struct{} // closed when cmd has exited
}

// MustStart starts a redis-server on a free port of 127.0.0.1 and stops it
// when the test ends. It fails the test if redis-server is not installed.
func MustStart(tb testing.TB) *Server {
	tb.Helper()
	return mustStart(tb, tb.TempDir())
}

func mustStart(tb testing.TB, dir string, extra ...string) *Server {
	tb.Helper()
	return startLike(tb, Server{dir: dir, extra: extra})
}

// startLike starts a server like want (its directory, arguments and password)
// on a free port.
func startLike(tb testing.TB, want Server) *Server {
	tb.Helper()
	mustHave(tb, "redis-server")
	var lastErr error
	for range 5 { // a free port can be taken between picking and binding it
		port, err := freePort()
		if err != nil {
			tb.Fatalf("redistest: %v", err)
		}
		s := &Server{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), port: port, dir: want.dir, extra: want.extra, password: want.password}
		if lastErr = s.start(); lastErr == nil {
			tb.Cleanup(func() { s.kill() })
			return s
		}
	}
	tb.Fatalf("redistest: start redis-server: %v", lastErr)
	return nil
}

// MustStartWithPassword starts a redis-server, as MustStart does, that
// requires password of the default user (requirepass): a client with no
// password gets NOAUTH, one with another password WRONGPASS. URL carries
// the password.
func MustStartWithPassword(tb testing.TB, password string) *Server {
	tb.Helper()
	return startLike(tb, Server{dir: tb.TempDir(), extra: []string{"--requirepass", password}, password: password})
}

// URL returns the server's address as a redis:// URL, with the password
// when the server requires one.
func (s *Server) URL() string {
	if s.password != "" {
		return "redis://:" + url.PathEscape(s.password) + "@" + s.Addr
	}
	return "redis://" + s.Addr
}

// Stop shuts the server down, saving its data to disk first, and waits for
// the process to exit. The port stays reserved for Restart.
func (s *Server) Stop(tb testing.TB) {
	tb.Helper()
	if s.cmd == nil {
		return
	}
	c := redis.NewClient(&redis.Options{Addr: s.Addr, Password: s.password, MaxRetries: -1, DialTimeout: time.Second})
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// SHUTDOWN closes the connection, so an I/O error is the expected reply.
	err := c.ShutdownSave(ctx).Err()
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		s.kill()
		tb.Fatalf("redistest: redis-server on %s did not stop (shutdown: %v)", s.Addr, err)
	}
	s.cmd = nil
}

// Restart starts the server again on the same port with the data it had
// when it was stopped. It stops the server first if it is running.
func (s *Server) Restart(tb testing.TB) {
	tb.Helper()
	s.Stop(tb)
	deadline := time.Now().Add(startTimeout)
	for {
		err := s.start()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("redistest: restart redis-server on %s: %v", s.Addr, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// start runs redis-server and waits until it answers PING.
func (s *Server) start() error {
	args := []string{
		"--port", strconv.Itoa(s.port),
		"--bind", "127.0.0.1",
		"--dir", s.dir,
		"--dbfilename", "dump.rdb",
		"--save", "",
		"--appendonly", "no",
		"--daemonize", "no",
		"--logfile", "redis.log",
	}
	cmd := exec.Command("redis-server", append(args, s.extra...)...)
	cmd.Dir = s.dir
	cmd.SysProcAttr = sysProcAttr()
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	s.cmd, s.done = cmd, done

	if err := s.waitReady(); err != nil {
		s.kill()
		return fmt.Errorf("%w\n%s%s", err, stderr.Bytes(), s.logTail())
	}
	return nil
}

// waitReady pings the server until it answers, exits or startTimeout passes.
func (s *Server) waitReady() error {
	c := redis.NewClient(&redis.Options{Addr: s.Addr, Password: s.password, MaxRetries: -1, DialTimeout: 200 * time.Millisecond, DialerRetries: 1})
	defer c.Close()
	deadline := time.Now().Add(startTimeout)
	for {
		// Probe the port first, so the client does not log refused dials.
		err := probe(s.Addr)
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			err = c.Ping(ctx).Err()
			cancel()
			if err == nil {
				return nil
			}
		}
		select {
		case <-s.done:
			return errors.New("redis-server exited during start-up")
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("redis-server on %s not ready after %v: %w", s.Addr, startTimeout, err)
		}
	}
}

// probe reports whether something accepts connections on addr.
func probe(addr string) error {
	conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
	if err != nil {
		return err
	}
	return conn.Close()
}

// kill stops the process at once, without saving, and waits for it.
func (s *Server) kill() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.done
	s.cmd = nil
}

// logTail returns the end of the server's log file, for error messages.
func (s *Server) logTail() string {
	b, err := os.ReadFile(filepath.Join(s.dir, "redis.log"))
	if err != nil {
		return ""
	}
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

// freePort returns a port on 127.0.0.1 that was free a moment ago, whose
// cluster bus port (port+10000) is free too.
func freePort() (int, error) {
	for range 20 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, fmt.Errorf("find a free port: %w", err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		if port+10000 > 65535 {
			continue
		}
		bus, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port+10000)))
		if err != nil {
			continue
		}
		bus.Close()
		return port, nil
	}
	return 0, errors.New("find a free port: none found")
}

// mustHave fails the test when the named program is not on PATH.
func mustHave(tb testing.TB, program string) {
	tb.Helper()
	if _, err := exec.LookPath(program); err != nil {
		tb.Fatalf("redistest: %s is not installed (%v); install Redis (e.g. apt-get install redis-server) to run these tests", program, err)
	}
}
