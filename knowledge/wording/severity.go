package wording

import (
	"fmt"
	"strings"

	"github.com/hirebot/hirebot"
)

// Severity is how much a finding matters. Severities are ordered: a higher
// value is more serious.
type Severity int

// The severities, least serious first.
const (
	Info    Severity = iota // worth a look; often a matter of taste
	Warning                 // likely to put good candidates off; fix unless there is a reason
	// Review: the classifier, not a rule, reads the sentence as risky for a
	// protected category; a person should read it before posting. It ranks
	// above warning, so a check that fails on warnings fails on it too.
	Review
	Error // discriminatory or unlawful in some places; fix before posting
)

// String returns "info", "warning", "review" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Review:
		return "review"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity returns the severity named s ("info", "warning", "review"
// or "error", in any case). An unknown name is an invalid-input error.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "review":
		return Review, nil
	case "error":
		return Error, nil
	}
	return Info, hirebot.Errorf(hirebot.Invalid, "unknown severity %q: use info, warning, review or error", s)
}

// MarshalText encodes the severity as its name, for JSON and YAML.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Info || s > Error {
		return nil, fmt.Errorf("marshal severity: %d is out of range", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(text []byte) error {
	v, err := ParseSeverity(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
