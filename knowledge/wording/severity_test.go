package wording

import (
	"testing"

	"github.com/hirebot/hirebot"
)

func TestParseSeverity(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Severity
	}{
		{"info", Info}, {"warning", Warning}, {"WARN", Warning}, {" Error ", Error}, {"Review", Review},
	} {
		got, err := ParseSeverity(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if s := tt.want.String(); s == "" {
			t.Errorf("%d has no name", tt.want)
		}
	}
	if _, err := ParseSeverity("fatal"); hirebot.KindOf(err) != hirebot.Invalid {
		t.Errorf("ParseSeverity(fatal) error = %v; want an Invalid error", err)
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Review, Error} {
		text, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Severity
		if err := back.UnmarshalText(text); err != nil || back != s {
			t.Errorf("round trip of %v gave %v, %v", s, back, err)
		}
	}
	if _, err := Severity(7).MarshalText(); err == nil {
		t.Error("MarshalText of an out-of-range severity succeeded")
	}
}
