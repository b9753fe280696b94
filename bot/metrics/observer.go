package metrics

import "time"

// The methods below make *Metrics the Socket Mode listener's Observer
// (cmd/hirebot asserts it where it wires the two together).

// Envelope counts an envelope of the given type.
func (m *Metrics) Envelope(kind string) { m.envelopes.WithLabelValues(kind).Inc() }

// Acked records how long an envelope took to ack.
func (m *Metrics) Acked(d time.Duration) { m.ack.Observe(d.Seconds()) }

// Connection records a Socket Mode connection opening (up) or closing.
func (m *Metrics) Connection(up bool) {
	if up {
		m.open.Inc()
	} else {
		m.open.Dec()
	}
}

// Reconnected counts a connection that opened again.
func (m *Metrics) Reconnected() { m.reconnects.Inc() }

// Handled records how long command took and, when errKind is not empty,
// counts an error of that kind.
func (m *Metrics) Handled(command string, d time.Duration, errKind string) {
	m.command.WithLabelValues(command).Observe(d.Seconds())
	if errKind != "" {
		m.errors.WithLabelValues(errKind).Inc()
	}
}
