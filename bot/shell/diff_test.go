package shell

import (
	"slices"
	"strings"
	"testing"
)

func TestLineDiff(t *testing.T) {
	for _, tt := range []struct {
		name          string
		before, after string // lines separated by |
		want          []string
	}{
		{"same", "a|b|c", "a|b|c", nil},
		{"appended", "a|b", "a|b|c", []string{"+ c"}},
		{"removed", "a|b|c", "a|c", []string{"- b"}},
		{"changed", "title|x|y", "new title|x|y", []string{"- title", "+ new title"}},
		{"moved", "a|b|c", "b|c|a", []string{"- a", "+ a"}},
		{"blank lines are left out", "a||b", "a|b||", nil},
		{"from nothing", "", "a|b", []string{"+ a", "+ b"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			split := func(s string) []string {
				if s == "" {
					return nil
				}
				return strings.Split(s, "|")
			}
			if got := lineDiff(split(tt.before), split(tt.after)); !slices.Equal(got, tt.want) {
				t.Errorf("lineDiff = %q, want %q", got, tt.want)
			}
		})
	}
}
