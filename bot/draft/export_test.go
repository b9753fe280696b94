package draft

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/internal/inerttest"
)

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

## Scope

You will lead a team of 12 \*engineers\*.

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
- 1. Four-day week < b>
`},
		{"bare", &Draft{Role: "cto", Version: 3, Fields: map[Field]string{Title: "CTO"}}, `CTO

Draft, not final (version 3)
`},
		{"closing parts", MustClosing(t), `Chief Technology Officer

Scope

You will lead a team of 12 *engineers*.

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

Tell us what < adjustment> you need.

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
<h2>Scope</h2>
<p>You will lead a team of 12 *engineers*.</p>
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

// TestExportsAreInert: a draft whose every field and item someone filled
// with markup, images and javascript: or data: links exports in every
// format with none of it active; https links stay, as text.
func TestExportsAreInert(t *testing.T) {
	hostile := []string{`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `![pixel](https://evil.example/p.png)`,
		`[click](javascript:alert(1))`, `see javascript:alert(1)`, `data:text/html;base64,PHNjcmlwdD4=`, `http://plain.example www.example.com`,
		"# heading", "> quote", "1. numbered", "| a | b |", "Apply at https://acme.example/jobs"}
	d := &Draft{Role: "cto", Version: 3, Status: Open, Fields: map[Field]string{}, Sections: map[Section][]Item{}}
	for i, f := range Fields {
		d.Fields[f] = hostile[i%len(hostile)] + " " + hostile[(i+1)%len(hostile)]
	}
	for _, sec := range Sections {
		for _, h := range hostile {
			d.Sections[sec] = append(d.Sections[sec], Item{Text: h})
		}
	}
	for _, tt := range []struct {
		format string
		out    string
		active func(string) string
	}{
		{"markdown", userLines(d.Markdown()), inerttest.Markdown},
		{"text", d.Text(), inerttest.Text},
		{"html", strings.NewReplacer("<h1>", "", "</h1>", "", "<h2>", "", "</h2>", "", "<ul>", "", "</ul>", "", "<li>", "", "</li>", "",
			"<p>", "", "</p>", "", "<br>", "", "<strong>", "", "</strong>", "", "<em>", "", "</em>", "").Replace(d.HTML()), inerttest.HTML},
	} {
		if p := tt.active(tt.out); p != "" {
			t.Errorf("the %s export is not inert (%s):\n%s", tt.format, p, tt.out)
		}
		if !strings.Contains(tt.out, "https://acme.example/jobs") {
			t.Errorf("the %s export lost an https link", tt.format)
		}
	}
}

// structure is the markup the Markdown export writes itself at the start
// of a line: headings, fact labels, item numbers, the status line.
var structure = regexp.MustCompile(`^(#{1,2} |- \*\*[A-Za-z -]+:\*\* |\d+\. |_Draft, not final \(version \d+\)_$)`)

// userLines returns a Markdown export without the structure it writes
// itself, leaving what people typed.
func userLines(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		lines[i] = structure.ReplaceAllString(l, "")
	}
	return strings.Join(lines, "\n")
}
