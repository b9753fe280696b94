package redistest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Cluster is a Redis Cluster of three masters and no replicas.
type Cluster struct {
	// Servers are the cluster's nodes.
	Servers []*Server
}

// MustStartCluster starts three redis-server processes in cluster mode on
// free ports, joins them with redis-cli --cluster create and waits until
// every node reports cluster_state:ok. The nodes stop when the test ends.
func MustStartCluster(tb testing.TB) *Cluster {
	tb.Helper()
	mustHave(tb, "redis-cli")
	c := &Cluster{}
	args := make([]string, 0, 8)
	args = append(args, "--cluster", "create")
	for i := range 3 {
		dir := filepath.Join(tb.TempDir(), "node"+strconv.Itoa(i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			tb.Fatalf("redistest: %v", err)
		}
		s := mustStart(tb, dir,
			"--cluster-enabled", "yes",
			"--cluster-config-file", "nodes.conf",
			"--cluster-node-timeout", "5000",
		)
		c.Servers = append(c.Servers, s)
		args = append(args, s.Addr)
	}
	args = append(args, "--cluster-replicas", "0", "--cluster-yes")

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "redis-cli", args...).CombinedOutput()
	if err != nil {
		tb.Fatalf("redistest: redis-cli --cluster create: %v\n%s", err, out)
	}
	if err := c.waitOK(ctx); err != nil {
		tb.Fatalf("redistest: %v", err)
	}
	return c
}

// Addrs returns the host:port of every node.
func (c *Cluster) Addrs() []string {
	addrs := make([]string, len(c.Servers))
	for i, s := range c.Servers {
		addrs[i] = s.Addr
	}
	return addrs
}

// URL returns the cluster's seed addresses as a redis+cluster:// URL.
func (c *Cluster) URL() string {
	return "redis+cluster://" + strings.Join(c.Addrs(), ",")
}

// waitOK waits until every node says cluster_state:ok and knows all the
// others, so that a client sees one consistent slot map.
func (c *Cluster) waitOK(ctx context.Context) error {
	for _, s := range c.Servers {
		rc := redis.NewClient(&redis.Options{Addr: s.Addr, MaxRetries: -1})
		err := waitNode(ctx, rc, len(c.Servers))
		rc.Close()
		if err != nil {
			return fmt.Errorf("cluster node %s: %w", s.Addr, err)
		}
	}
	return nil
}

func waitNode(ctx context.Context, rc *redis.Client, nodes int) error {
	known := "cluster_known_nodes:" + strconv.Itoa(nodes)
	var info string
	for {
		var err error
		info, err = rc.ClusterInfo(ctx).Result()
		if err == nil && strings.Contains(info, "cluster_state:ok") && strings.Contains(info, known) {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("not ready: %w (last info: %q, err: %v)", ctx.Err(), info, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}
