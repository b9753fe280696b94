package draft

import "testing"

// MustFull returns the test draft with every field set and one empty
// section, finalized.
func MustFull(tb testing.TB) *Draft {
	tb.Helper()
	d := MustNew(tb)
	MustApply(tb, d, Change{Op: OpSet, Field: Company, Text: "Acme *Robotics*"})
	MustApply(tb, d, Change{Op: OpSet, Field: Location, Text: "Berlin or remote"})
	MustApply(tb, d, Change{Op: OpSet, Field: Salary, Text: "€180k–€220k + equity"})
	MustApply(tb, d, Change{Op: OpSet, Field: Summary, Text: "We build robots.\n# Not a heading"})
	MustApply(tb, d, Change{Op: OpAdd, Section: Benefits, Text: "1. Four-day week <b>"})
	MustApply(tb, d, Change{Op: OpFinalize, By: "U1"})
	return d
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name string
		d    *Draft
		want string
	}{
		{"full", MustFull(t), `# Chief Technology Officer

- **Company:** Acme \*Robotics\*
- **Location:** Berlin or remote
- **Salary:** €180k–€220k + equity

We build robots.  
\# Not a heading

## Responsibilities

1. Set the technical strategy
2. Build and lead the engineering team
3. Own the architecture

## Requirements

1. Ten years of software engineering
2. Led a team of 20 or more engineers
3. Shipped products at scale

## Benefits

1. Equity
2. 1\. Four-day week \<b\>

_Final (version 7)_
`},
		{"bare", &Draft{Role: "cio", Version: 1, Status: Open}, `# Job description (cio)

_Draft, not final (version 1)_
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Markdown(); got != tt.want {
				t.Errorf("Markdown() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name string
		d    *Draft
		want string
	}{
		{"full", MustFull(t), `Chief Technology Officer
========================

Company: Acme *Robotics*
Location: Berlin or remote
Salary: €180k–€220k + equity

We build robots.
# Not a heading

Responsibilities
----------------
1. Set the technical strategy
2. Build and lead the engineering team
3. Own the architecture

Requirements
------------
1. Ten years of software engineering
2. Led a team of 20 or more engineers
3. Shipped products at scale

Benefits
--------
1. Equity
2. 1. Four-day week <b>

Final (version 7)
`},
		{"bare", &Draft{Role: "cto", Version: 3, Fields: map[Field]string{Title: "CTO"}}, `CTO
===

Draft, not final (version 3)
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Text(); got != tt.want {
				t.Errorf("Text() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"C++ and Node.js", "C++ and Node.js"},
		{"5+ years", "5+ years"},
		{"- a list", `\- a list`},
		{"2) second", `2\) second`},
		{"[link](http://x)", `\[link\](http://x)`},
		{"a_b `c` |d|", "a\\_b \\`c\\` \\|d\\|"},
		{`back\slash`, `back\\slash`},
		{"line\n> quote", "line\n\\> quote"},
	}
	for _, tt := range tests {
		if got := escapeMarkdown(tt.in); got != tt.want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
