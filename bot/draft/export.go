package draft

import (
	"fmt"
	"html"
	"strings"

	"github.com/hirebot/hirebot/bot/inert"
	"github.com/hirebot/hirebot/knowledge/locale"
)

// Heading returns the draft's title or, when the title is empty, the role
// written as a job heading (see roleHeading). HasTitle tells the two apart.
func (d *Draft) Heading() string {
	if t := d.Fields[Title]; t != "" {
		return t
	}
	if d.Role == "" {
		return "Job description"
	}
	return roleHeading(d.Role)
}

// roleHeading writes a role id as a job heading: an id of one word is an
// abbreviation, in capitals ("cto" → "CTO"); the words of a longer id are
// capitalised, a word of two letters is an abbreviation and "of" and "and"
// stay small ("vp-engineering" → "VP Engineering", "head-of-data" → "Head
// of Data").
func roleHeading(role string) string {
	words := strings.Split(role, "-")
	if len(words) == 1 {
		return strings.ToUpper(role)
	}
	for i, w := range words {
		switch {
		case w == "of" || w == "and":
		case len(w) <= 2:
			words[i] = strings.ToUpper(w)
		default:
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// HasTitle reports whether the draft's title is set.
func (d *Draft) HasTitle() bool { return d.Fields[Title] != "" }

// Markdown returns the draft as a Markdown document: the title as a heading,
// the company, location, salary and engagement as a list, the summary, the
// scope (whom the role reports to, its team and budget: see Scope), each
// non-empty section as a numbered list, how the hiring process works, the
// equal-opportunity statement and, for a draft that is not final, a closing
// line with its version. User text is inert (see package inert): no
// markup, and no link but https ones, shown as text.
func (d *Draft) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", inert.Markdown(d.Heading()))
	d.writeFacts(&b, "- **%s:** %s\n", inert.Markdown)
	if s := d.Fields[Summary]; s != "" {
		fmt.Fprintf(&b, "\n%s\n", markdownParagraphs(s))
	}
	if s := d.Scope(); s != "" {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n", ScopeHeading, inert.Markdown(s))
	}
	for _, sec := range Sections {
		items := d.Sections[sec]
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", sec.Label())
		for i, item := range items {
			fmt.Fprintf(&b, "%d. %s\n", i+1, inert.Markdown(item.Text))
		}
	}
	if terms := d.Terms(); len(terms) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", TermsHeading)
		for _, t := range terms {
			fmt.Fprintf(&b, "- **%s:** %s\n", t.Label, inert.Markdown(t.Text))
		}
	}
	for _, f := range closingFields {
		if s := d.Fields[f]; s != "" {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n", f.Label(), markdownParagraphs(s))
		}
	}
	if line := d.statusLine(); line != "" {
		fmt.Fprintf(&b, "\n_%s_\n", line)
	}
	return b.String()
}

// Text returns the draft as plain text that pastes cleanly into an
// applicant tracking system or a careers-page form: headings on lines of
// their own, "- " bullets, blank lines between parts and no markup; user
// text is inert (see package inert), so that a page it is pasted into
// makes no tag or link other than https of it.
func (d *Draft) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", inert.Text(d.Heading()))
	d.writeFacts(&b, "%s: %s\n", inert.Text)
	if s := d.Fields[Summary]; s != "" {
		fmt.Fprintf(&b, "\n%s\n", inert.Text(s))
	}
	if s := d.Scope(); s != "" {
		fmt.Fprintf(&b, "\n%s\n\n%s\n", ScopeHeading, inert.Text(s))
	}
	for _, sec := range Sections {
		items := d.Sections[sec]
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n\n", sec.Label())
		for _, item := range items {
			fmt.Fprintf(&b, "- %s\n", inert.Text(item.Text))
		}
	}
	if terms := d.Terms(); len(terms) > 0 {
		fmt.Fprintf(&b, "\n%s\n\n", TermsHeading)
		for _, t := range terms {
			fmt.Fprintf(&b, "- %s: %s\n", t.Label, inert.Text(t.Text))
		}
	}
	for _, f := range closingFields {
		if s := d.Fields[f]; s != "" {
			fmt.Fprintf(&b, "\n%s\n\n%s\n", f.Label(), inert.Text(s))
		}
	}
	if line := d.statusLine(); line != "" {
		fmt.Fprintf(&b, "\n%s\n", line)
	}
	return b.String()
}

// HTML returns the draft as a fragment of plain HTML for a careers page:
// h1, h2, p and ul only, no styles, scripts or links. Every piece of user
// text is HTML-escaped, and links other than https are defanged (see
// package inert).
func (d *Draft) HTML() string {
	var b strings.Builder
	fmt.Fprintf(&b, "<h1>%s</h1>\n", inert.HTML(d.Heading()))
	var facts strings.Builder
	d.writeFacts(&facts, "<li><strong>%s:</strong> %s</li>\n", inert.HTML)
	if facts.Len() > 0 {
		fmt.Fprintf(&b, "<ul>%s</ul>\n", facts.String())
	}
	if s := d.Fields[Summary]; s != "" {
		b.WriteString(htmlParagraphs(s))
	}
	if s := d.Scope(); s != "" {
		fmt.Fprintf(&b, "<h2>%s</h2>\n%s", ScopeHeading, htmlParagraphs(s))
	}
	for _, sec := range Sections {
		items := d.Sections[sec]
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "<h2>%s</h2>\n<ul>\n", html.EscapeString(sec.Label()))
		for _, item := range items {
			fmt.Fprintf(&b, "<li>%s</li>\n", inert.HTML(item.Text))
		}
		b.WriteString("</ul>\n")
	}
	if terms := d.Terms(); len(terms) > 0 {
		fmt.Fprintf(&b, "<h2>%s</h2>\n<ul>\n", TermsHeading)
		for _, t := range terms {
			fmt.Fprintf(&b, "<li><strong>%s:</strong> %s</li>\n", html.EscapeString(t.Label), inert.HTML(t.Text))
		}
		b.WriteString("</ul>\n")
	}
	for _, f := range closingFields {
		if s := d.Fields[f]; s != "" {
			fmt.Fprintf(&b, "<h2>%s</h2>\n%s", html.EscapeString(f.Label()), htmlParagraphs(s))
		}
	}
	if line := d.statusLine(); line != "" {
		fmt.Fprintf(&b, "<p><em>%s</em></p>\n", html.EscapeString(line))
	}
	return b.String()
}

// closingFields are the paragraph fields that follow the sections.
var closingFields = []Field{Process, EEO}

// factFields are the one-line facts listed under the heading.
var factFields = []Field{Company, Location, Salary, Engagement}

// TermsHeading heads the terms of a fractional or interim draft.
const TermsHeading = "Terms of the engagement"

// Facts returns the one-line facts of the draft that are set, in order,
// each with its label as the draft shows it: a contract engagement's pay
// is its rate, and the engagement is named as people read it.
func (d *Draft) Facts() [][2]string {
	var out [][2]string
	for _, f := range factFields {
		v := d.Fields[f]
		if v == "" {
			continue
		}
		label := f.Label()
		switch {
		case f == Salary && d.Contract():
			label = "Rate"
		case f == Engagement:
			if e, ok := locale.Default().Engagement(d.Engagement()); ok {
				v = e.Name
			}
		}
		out = append(out, [2]string{label, v})
	}
	return out
}

// writeFacts writes the fact lines that are set, after a blank line (in
// Markdown and text; HTML passes its own builder and ignores the newline).
func (d *Draft) writeFacts(b *strings.Builder, format string, escape func(string) string) {
	for i, fact := range d.Facts() {
		if i == 0 && !strings.HasPrefix(format, "<") {
			b.WriteByte('\n')
		}
		fmt.Fprintf(b, format, fact[0], escape(fact[1]))
	}
}

// statusLine says that the draft is not final yet, with its version; a
// final draft has none, so that its export can be posted as it is.
func (d *Draft) statusLine() string {
	if d.Status == Final {
		return ""
	}
	return fmt.Sprintf("Draft, not final (version %d)", d.Version)
}

// markdownParagraphs escapes s and keeps its line breaks: a blank line
// stays a paragraph break, a single newline becomes a hard break.
func markdownParagraphs(s string) string {
	paras := strings.Split(s, "\n\n")
	for i, p := range paras {
		paras[i] = strings.ReplaceAll(inert.Markdown(p), "\n", "  \n")
	}
	return strings.Join(paras, "\n\n")
}

// htmlParagraphs turns s into escaped <p> elements, one per paragraph, with
// <br> for single line breaks.
func htmlParagraphs(s string) string {
	var b strings.Builder
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		lines := strings.Split(p, "\n")
		for i, l := range lines {
			lines[i] = inert.HTML(l)
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", strings.Join(lines, "<br>\n"))
	}
	return b.String()
}
