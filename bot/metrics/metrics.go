// Package metrics counts what hirebot does, for Prometheus: the envelopes
// Slack sends, how fast they are acked, how long each command takes, which
// errors users see, the Socket Mode connections, and every Redis command.
//
// A Metrics has its own registry, so two bots in one process (as in tests)
// never collide. It is an Observer for the Socket Mode listener and gives a
// go-redis hook for the session store's client; cmd/hirebot wires both and
// serves Handler on /metrics.
package metrics

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every hirebot metric.
const namespace = "hirebot"

// Bucket boundaries, in seconds. Acks must be fine-grained below 10 ms,
// where the target is; Redis commands are sub-millisecond when healthy.
var (
	ackBuckets     = []float64{.0001, .00025, .0005, .001, .002, .003, .005, .0075, .01, .025, .05, .1, .5, 1, 3}
	commandBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}
	redisBuckets   = []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1}
)

// Metrics holds hirebot's metrics and the registry they are served from.
// All methods are safe for concurrent use.
type Metrics struct {
	reg         *prometheus.Registry
	envelopes   *prometheus.CounterVec
	ack         prometheus.Histogram
	command     *prometheus.HistogramVec
	errors      *prometheus.CounterVec
	redis       *prometheus.HistogramVec
	redisErrors *prometheus.CounterVec
	storeTrips  *prometheus.CounterVec
	reconnects  prometheus.Counter
	open        prometheus.Gauge
}

// New returns Metrics registered on a new registry, together with the Go
// runtime and process collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		envelopes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "envelopes_total",
			Help: "Socket Mode envelopes received, by type (slash_commands, interactive, events_api).",
		}, []string{"type"}),
		ack: prometheus.NewHistogram(prometheus.HistogramOpts{
			Namespace: namespace, Name: "ack_seconds",
			Help:    "Time from reading an envelope to writing its ack.",
			Buckets: ackBuckets,
		}),
		command: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "command_seconds",
			Help:    "Time a command's handler took, by command, delivery excluded.",
			Buckets: commandBuckets,
		}, []string{"command"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "errors_total",
			Help: "Commands that ended in an error reply, by kind (invalid, not found, conflict, unavailable, forbidden, internal).",
		}, []string{"kind"}),
		redis: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "redis_seconds",
			Help:    "Redis round trips, by command name (\"pipeline\" or \"multi\" for a batch).",
			Buckets: redisBuckets,
		}, []string{"op"}),
		redisErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "redis_errors_total",
			Help: "Redis round trips that failed, by command name; a missing key is not a failure.",
		}, []string{"op"}),
		storeTrips: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "store_round_trips_total",
			Help: "Redis round trips, by the session store's operation they were for (\"update draft\", \"read draft\", …; \"other\" for one it did not name).",
		}, []string{"operation"}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: namespace, Name: "reconnects_total",
			Help: "Socket Mode connections opened again after having been open.",
		}),
		open: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: namespace, Name: "connections_open",
			Help: "Socket Mode connections open now.",
		}),
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.envelopes, m.ack, m.command, m.errors, m.redis, m.redisErrors, m.storeTrips, m.reconnects, m.open,
	)
	return m
}

// Build describes the running binary, for hirebot_build_info.
type Build struct {
	Version, Commit, GoVersion string
}

// SetBuild registers hirebot_build_info{version,commit,goversion} 1, so a
// dashboard can tell which build each replica runs.
func (m *Metrics) SetBuild(b Build) {
	g := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Namespace: namespace, Name: "build_info",
		Help: "The running build: always 1, with the version, commit and Go version as labels.",
	}, []string{"version", "commit", "goversion"})
	g.WithLabelValues(b.Version, b.Commit, b.GoVersion).Set(1)
	m.reg.MustRegister(g)
}

// Handler serves the metrics in the Prometheus exposition format, for
// /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry returns the registry the metrics are registered on, so other
// parts can add theirs.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }
