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
`},
		{"bare", &Draft{Role: "cio", Version: 1, Status: Open}, `# CIO

_Draft, not final (version 1)_
`},
		{"closing parts", MustClosing(t), `# Chief Technology Officer

- **Team size:** 12 \*engineers\*

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

## How we hire

Two calls, then a \_working\_ session.  
\- no list here

## Equal opportunity

Tell us what \<adjustment\> you need.

_Draft, not final (version 4)_
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

Company: Acme *Robotics*
Location: Berlin or remote
Salary: €180k–€220k + equity

We build robots.
# Not a heading

Responsibilities

- Set the technical strategy
- Build and lead the engineering team
- Own the architecture

Requirements

- Ten years of software engineering
- Led a team of 20 or more engineers
- Shipped products at scale

Benefits

- Equity
- 1. Four-day week <b>
`},
		{"bare", &Draft{Role: "cto", Version: 3, Fields: map[Field]string{Title: "CTO"}}, `CTO

Draft, not final (version 3)
`},
		{"closing parts", MustClosing(t), `Chief Technology Officer

Team size: 12 *engineers*

Responsibilities

- Set the technical strategy
- Build and lead the engineering team
- Own the architecture

Requirements

- Ten years of software engineering
- Led a team of 20 or more engineers
- Shipped products at scale

Benefits

- Equity

How we hire

Two calls, then a _working_ session.
- no list here

Equal opportunity

Tell us what <adjustment> you need.

Draft, not final (version 4)
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

// MustClosing returns the test draft with a team size, a hiring process
// and an equal-opportunity statement, still open.
func MustClosing(tb testing.TB) *Draft {
	tb.Helper()
	d := MustNew(tb)
	MustApply(tb, d, Change{Op: OpSet, Field: Team, Text: "12 *engineers*"})
	MustApply(tb, d, Change{Op: OpSet, Field: Process, Text: "Two calls, then a _working_ session.\n- no list here"})
	MustApply(tb, d, Change{Op: OpSet, Field: EEO, Text: "Tell us what <adjustment> you need."})
	return d
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name string
		d    *Draft
		want string
	}{
		{"full", MustFull(t), `<h1>Chief Technology Officer</h1>
<ul><li><strong>Company:</strong> Acme *Robotics*</li>
<li><strong>Location:</strong> Berlin or remote</li>
<li><strong>Salary:</strong> €180k–€220k + equity</li>
</ul>
<p>We build robots.<br>
# Not a heading</p>
<h2>Responsibilities</h2>
<ul>
<li>Set the technical strategy</li>
<li>Build and lead the engineering team</li>
<li>Own the architecture</li>
</ul>
<h2>Requirements</h2>
<ul>
<li>Ten years of software engineering</li>
<li>Led a team of 20 or more engineers</li>
<li>Shipped products at scale</li>
</ul>
<h2>Benefits</h2>
<ul>
<li>Equity</li>
<li>1. Four-day week &lt;b&gt;</li>
</ul>
`},
		{"closing parts", MustClosing(t), `<h1>Chief Technology Officer</h1>
<ul><li><strong>Team size:</strong> 12 *engineers*</li>
</ul>
<h2>Responsibilities</h2>
<ul>
<li>Set the technical strategy</li>
<li>Build and lead the engineering team</li>
<li>Own the architecture</li>
</ul>
<h2>Requirements</h2>
<ul>
<li>Ten years of software engineering</li>
<li>Led a team of 20 or more engineers</li>
<li>Shipped products at scale</li>
</ul>
<h2>Benefits</h2>
<ul>
<li>Equity</li>
</ul>
<h2>How we hire</h2>
<p>Two calls, then a _working_ session.<br>
- no list here</p>
<h2>Equal opportunity</h2>
<p>Tell us what &lt;adjustment&gt; you need.</p>
<p><em>Draft, not final (version 4)</em></p>
`},
		{"script in the title", &Draft{Role: "cto", Version: 2, Fields: map[Field]string{Title: `<script>alert("x")</script> & Co`}},
			`<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co</h1>
<p><em>Draft, not final (version 2)</em></p>
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.HTML(); got != tt.want {
				t.Errorf("HTML() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestHeading(t *testing.T) {
	for _, tt := range []struct {
		d     *Draft
		want  string
		title bool
	}{
		{&Draft{Role: "cto", Fields: map[Field]string{Title: "VP Engineering"}}, "VP Engineering", true},
		{&Draft{Role: "cio"}, "CIO", false},
		{&Draft{Role: "ciso"}, "CISO", false},
		{&Draft{Role: "vp-engineering"}, "VP Engineering", false},
		{&Draft{Role: "head-of-data"}, "Head of Data", false},
		{&Draft{}, "Job description", false},
	} {
		if got := tt.d.Heading(); got != tt.want || tt.d.HasTitle() != tt.title {
			t.Errorf("Heading() = %q, HasTitle() = %v; want %q, %v", got, tt.d.HasTitle(), tt.want, tt.title)
		}
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
