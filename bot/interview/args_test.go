package interview

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Args
		wantErr string
	}{
		{"", Args{Sub: "ask", Count: 5}, ""},
		{"  ", Args{Sub: "ask", Count: 5}, ""},
		{"cio", Args{Sub: "ask", Word: "cio", Count: 5}, ""},
		{"Infrastructure 3", Args{Sub: "ask", Word: "infrastructure", Count: 3}, ""},
		{"7", Args{Sub: "ask", Count: 7}, ""},
		{"#2", Args{Sub: "ask", Count: 2}, ""},
		{"help", Args{Sub: "help"}, ""},
		{"kit", Args{Sub: "kit"}, ""},
		{"kit export", Args{Sub: "kit-export"}, ""},
		{"kit clear", Args{Sub: "kit-clear"}, ""},
		{"kit clear all", Args{}, "kit clear"},
		{"kit remove 2", Args{Sub: "kit-remove", N: 2}, ""},
		{"kit remove #3", Args{Sub: "kit-remove", N: 3}, ""},
		{"kit remove", Args{}, "kit remove <number>"},
		{"kit remove x", Args{}, "by its number"},
		{"kit frob", Args{}, "Kit commands"},
		{"cto 11", Args{}, "1 to 10"},
		{"cto 0", Args{}, "1 to 10"},
		{"strategic thinking 3", Args{Sub: "ask", Word: "strategic-thinking", Count: 3}, ""},
		{"a b c d e", Args{}, "Name one role"},
		{strings.Repeat("a", 201), Args{}, "characters"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.wantErr != "" {
			msg := hirebot.MessageOf(New(nil, nil, "/interview").word(err))
			if err == nil || !strings.Contains(msg, tt.wantErr) || hirebot.KindOf(err) != hirebot.Invalid {
				t.Errorf("Parse(%q) error = %v, want Invalid containing %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "cio 3", "kit remove 2", "kit export", "infra\u200b 9", "\xff\xfe", "kit remove -1",
		"candidate add Ada", "candidates x", "debrief Ada close", "scorecard", "candidate frob"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			var ae *ArgsError
			var se *ScorecardArgsError
			if hirebot.KindOf(err) != hirebot.Invalid || !errors.As(err, &ae) && !errors.As(err, &se) ||
				hirebot.MessageOf(New(nil, nil, "/interview").wordScorecard(err, "")) == "" {
				t.Fatalf("Parse(%q): error %v is not an Invalid error with a message", s, err)
			}
			return
		}
		switch a.Sub {
		case "ask":
			if a.Count < 1 || a.Count > MaxCount {
				t.Fatalf("Parse(%q): count %d out of range", s, a.Count)
			}
		case "kit-remove":
			if a.N < 1 {
				t.Fatalf("Parse(%q): kit item %d", s, a.N)
			}
		case "help", "kit", "kit-export", subCandidates:
		case subCandidateAdd, subCandidateRemove, subScorecard, subDebrief, subDebriefClose, subDebriefExport:
			if strings.TrimSpace(a.Name) == "" {
				t.Fatalf("Parse(%q): %s with no name", s, a.Sub)
			}
		default:
			t.Fatalf("Parse(%q): unknown sub %q", s, a.Sub)
		}
	})
}

// BenchmarkParse parses typical /interview arguments.
func BenchmarkParse(b *testing.B) {
	inputs := []string{"", "3", "infrastructure 3", "strategic thinking 2", "kit remove 2", "kit export"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := Parse(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWordUsesConfiguredName checks that parse and kit errors are worded
// with the configured command name, never the default one.
func TestWordUsesConfiguredName(t *testing.T) {
	h := New(nil, nil, "/hire-iv")
	for _, in := range []string{"kit remove", "kit remove x", "kit frob", "a b c d e", strings.Repeat("a", 201)} {
		_, err := Parse(in)
		msg := hirebot.MessageOf(h.word(err))
		if msg == "" || strings.Contains(msg, "/interview") {
			t.Errorf("Parse(%q) worded %q; want words naming /hire-iv only", in, msg)
		}
	}
	for _, err := range []error{&hirebot.FullError{What: "kit", Cap: 50}, &hirebot.RangeError{What: "kit", N: 3}, &hirebot.RangeError{What: "kit", N: 3, Size: 2}} {
		if msg := hirebot.MessageOf(h.word(err)); msg == "" {
			t.Errorf("word(%v) has no words", err)
		}
	}
}
