package metrics

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	dto "github.com/prometheus/client_model/go"
)

func TestObserver(t *testing.T) {
	tests := []struct {
		name string
		do   func(m *Metrics)
		want string // exposition text of the counters and gauges named in metrics
		// histogram sample counts: metric name → label value ("" for none) → count
		hist    map[string]map[string]uint64
		metrics []string
	}{{
		name: "envelopes by type",
		do: func(m *Metrics) {
			m.Envelope("slash_commands")
			m.Envelope("slash_commands")
			m.Envelope("interactive")
		},
		want: `
# HELP hirebot_envelopes_total Socket Mode envelopes received, by type (slash_commands, interactive, events_api).
# TYPE hirebot_envelopes_total counter
hirebot_envelopes_total{type="interactive"} 1
hirebot_envelopes_total{type="slash_commands"} 2
`,
		metrics: []string{"hirebot_envelopes_total"},
	}, {
		name: "acks below and above 10ms",
		do: func(m *Metrics) {
			m.Acked(300 * time.Microsecond)
			m.Acked(4 * time.Millisecond)
			m.Acked(20 * time.Millisecond)
		},
		hist: map[string]map[string]uint64{"hirebot_ack_seconds": {"": 3}},
	}, {
		name: "connections open and close",
		do: func(m *Metrics) {
			m.Connection(true)
			m.Connection(true)
			m.Connection(false)
			m.Reconnected()
		},
		want: `
# HELP hirebot_connections_open Socket Mode connections open now.
# TYPE hirebot_connections_open gauge
hirebot_connections_open 1
# HELP hirebot_reconnects_total Socket Mode connections opened again after having been open.
# TYPE hirebot_reconnects_total counter
hirebot_reconnects_total 1
`,
		metrics: []string{"hirebot_connections_open", "hirebot_reconnects_total"},
	}, {
		name: "handled commands and error kinds",
		do: func(m *Metrics) {
			m.Handled("jd", time.Millisecond, "")
			m.Handled("jd", 2*time.Millisecond, "conflict")
			m.Handled("cto-role", time.Millisecond, "")
			m.Handled("interview", time.Millisecond, "unavailable")
		},
		want: `
# HELP hirebot_errors_total Commands that ended in an error reply, by kind (invalid, not found, conflict, unavailable, forbidden, internal).
# TYPE hirebot_errors_total counter
hirebot_errors_total{kind="conflict"} 1
hirebot_errors_total{kind="unavailable"} 1
`,
		hist:    map[string]map[string]uint64{"hirebot_command_seconds": {"jd": 2, "cto-role": 1, "interview": 1}},
		metrics: []string{"hirebot_errors_total"},
	}, {
		name:    "no errors counted without a kind",
		do:      func(m *Metrics) { m.Handled("jd", time.Millisecond, "") },
		want:    ``,
		hist:    map[string]map[string]uint64{"hirebot_command_seconds": {"jd": 1}},
		metrics: []string{"hirebot_errors_total"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New()
			tt.do(m)
			if tt.metrics != nil {
				if err := testutil.GatherAndCompare(m.reg, strings.NewReader(tt.want), tt.metrics...); err != nil {
					t.Error(err)
				}
			}
			for name, byLabel := range tt.hist {
				got := MustHistogramCounts(t, m, name)
				for label, want := range byLabel {
					if got[label] != want {
						t.Errorf("%s{%q}: %d samples, want %d (all: %v)", name, label, got[label], want, got)
					}
				}
				if len(got) != len(byLabel) {
					t.Errorf("%s: series %v, want %v", name, got, byLabel)
				}
			}
		})
	}
}

func TestAckBucketsFineBelow10ms(t *testing.T) {
	n := 0
	for _, b := range ackBuckets {
		if b <= .01 {
			n++
		}
	}
	if n < 8 {
		t.Errorf("%d ack buckets at or below 10ms (%v); want at least 8 to read a p99 there", n, ackBuckets)
	}
}

func TestHandler(t *testing.T) {
	m := New()
	m.Envelope("slash_commands")
	m.Acked(time.Millisecond)
	m.Handled("jd", time.Millisecond, "invalid")
	m.observeRedis("get", time.Millisecond, nil)
	m.SetBuild(Build{Version: "v1.2.3", Commit: "abc123", GoVersion: "go1.26"})
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	res, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		`hirebot_envelopes_total{type="slash_commands"} 1`,
		`hirebot_ack_seconds_bucket{le="0.001"} 1`,
		`hirebot_command_seconds_count{command="jd"} 1`,
		`hirebot_errors_total{kind="invalid"} 1`,
		`hirebot_redis_seconds_count{op="get"} 1`,
		`hirebot_connections_open 0`,
		`hirebot_build_info{commit="abc123",goversion="go1.26",version="v1.2.3"} 1`,
		"go_goroutines ",
		"process_resident_memory_bytes ",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

func TestNewIsIndependent(t *testing.T) {
	a, b := New(), New()
	a.Reconnected()
	if got := testutil.ToFloat64(b.reconnects); got != 0 {
		t.Errorf("a second Metrics sees %v reconnects of the first; want 0", got)
	}
}

// MustHistogramCounts returns the sample count of each series of the
// histogram name, by its one label's value ("" for an unlabelled one).
func MustHistogramCounts(tb testing.TB, m *Metrics, name string) map[string]uint64 {
	tb.Helper()
	families, err := m.reg.Gather()
	if err != nil {
		tb.Fatalf("gather: %v", err)
	}
	out := map[string]uint64{}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		if f.GetType() != dto.MetricType_HISTOGRAM {
			tb.Fatalf("%s is a %v, not a histogram", name, f.GetType())
		}
		for _, s := range f.GetMetric() {
			label := ""
			if ls := s.GetLabel(); len(ls) > 0 {
				label = ls[0].GetValue()
			}
			out[label] = s.GetHistogram().GetSampleCount()
		}
	}
	return out
}
