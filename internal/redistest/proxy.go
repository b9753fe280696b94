package redistest

import (
	"bufio"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Faults are what a Proxy does to the replies of scripts (EVAL, EVALSHA):
// the script has run in Redis when its reply is held or lost, which is
// what a client cannot tell from a reply that never came.
type Faults struct {
	// HoldShare of script replies are held for HoldFor before they are
	// passed on (the client has usually timed out and closed by then).
	HoldShare float64
	HoldFor   time.Duration
	// ResetShare of script replies are dropped, and the client's
	// connection closed, as a reset would.
	ResetShare float64
	// Unplugged swallows every script: it is not passed on to Redis, so it
	// never runs, and never answered, as a network that drops what is sent
	// would (the client times out).
	Unplugged bool
	// Mute passes every script on to Redis, which runs it, and swallows
	// its reply, as a network that drops what comes back would (the
	// client times out).
	Mute bool
}

// Proxy is a TCP proxy in front of a Redis server that injects faults into
// the replies of scripts. It passes everything else through unchanged.
type Proxy struct {
	// Addr is host:port of the proxy.
	Addr string

	target string
	ln     net.Listener
	faults atomic.Pointer[Faults]
	wg     sync.WaitGroup

	mu    sync.Mutex
	conns map[net.Conn]bool

	scripts, held, reset, swallowed atomic.Int64
}

// MustStartProxy starts a proxy to the Redis at target (host:port), with no
// faults until SetFaults, and closes it when the test ends.
func MustStartProxy(tb testing.TB, target string) *Proxy {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("redistest: proxy: %v", err)
	}
	p := &Proxy{Addr: ln.Addr().String(), target: target, ln: ln, conns: map[net.Conn]bool{}}
	p.faults.Store(&Faults{})
	p.wg.Add(1)
	go p.accept()
	tb.Cleanup(p.close)
	return p
}

// URL returns the proxy's address as a redis:// URL.
func (p *Proxy) URL() string { return "redis://" + p.Addr }

// SetFaults sets the faults injected from now on.
func (p *Proxy) SetFaults(f Faults) { p.faults.Store(&f) }

// Counts returns how many script replies passed the proxy, and how many of
// them were held and dropped with a reset.
func (p *Proxy) Counts() (scripts, held, reset int64) {
	return p.scripts.Load(), p.held.Load(), p.reset.Load()
}

// Swallowed returns how many scripts, or replies of scripts, the proxy
// swallowed while unplugged or mute.
func (p *Proxy) Swallowed() int64 { return p.swallowed.Load() }

func (p *Proxy) close() {
	p.ln.Close()
	p.mu.Lock()
	for c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

// track remembers c, while it is open, so close can close it.
func (p *Proxy) track(c net.Conn, open bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if open {
		p.conns[c] = true
	} else {
		delete(p.conns, c)
	}
}

func (p *Proxy) accept() {
	defer p.wg.Done()
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Add(1)
		go p.serve(client)
	}
}

// serve relays one client connection: commands go through as they come;
// each reply is read whole and paired with its command, in order, so that
// a script's reply can be held or dropped.
func (p *Proxy) serve(client net.Conn) {
	defer p.wg.Done()
	server, err := net.DialTimeout("tcp", p.target, time.Second)
	if err != nil {
		client.Close()
		return
	}
	p.track(client, true)
	p.track(server, true)
	defer func() {
		client.Close()
		server.Close()
		p.track(client, false)
		p.track(server, false)
	}()
	names := make(chan string, 1024) // the commands awaiting replies, in order
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer server.Close()
		r := bufio.NewReader(client)
		for {
			cmd, err := readValue(r)
			if err != nil {
				return
			}
			name := commandName(cmd)
			if isScript(name) && p.faults.Load().Unplugged {
				p.swallowed.Add(1)
				continue
			}
			select {
			case names <- name:
			case <-done:
				return
			}
			if _, err := server.Write(cmd); err != nil {
				return
			}
		}
	}()
	r := bufio.NewReader(server)
	for {
		reply, err := readValue(r)
		if err != nil {
			return
		}
		var name string
		select {
		case name = <-names:
		case <-done:
			return
		}
		if isScript(name) {
			if p.faults.Load().Mute {
				p.swallowed.Add(1)
				continue
			}
			if p.fault() {
				return
			}
		}
		if _, err := client.Write(reply); err != nil {
			return
		}
	}
}

// isScript reports whether the command named name runs a script.
func isScript(name string) bool {
	return name == "EVAL" || name == "EVALSHA" || name == "EVAL_RO" || name == "EVALSHA_RO"
}

// fault applies the faults to one script reply; it reports true when the
// reply is dropped and the connection must close.
func (p *Proxy) fault() bool {
	p.scripts.Add(1)
	f := p.faults.Load()
	x := rand.Float64()
	switch {
	case x < f.ResetShare:
		p.reset.Add(1)
		return true
	case x < f.ResetShare+f.HoldShare:
		p.held.Add(1)
		time.Sleep(f.HoldFor)
	}
	return false
}
