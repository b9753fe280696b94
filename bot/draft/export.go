package draft

import (
	"fmt"
	"strings"
)

// Heading returns the draft's title, or a stand-in naming the role when the
// title is empty.
func (d *Draft) Heading() string {
	if t := d.Fields[Title]; t != "" {
		return t
	}
	return fmt.Sprintf("Job description (%s)", d.Role)
}

// Markdown returns the draft as a Markdown document: the title as a heading,
// the company, location and salary as a list, the summary, each non-empty section as a
// numbered list, and a closing line with the status and version. Markdown
// syntax in user text is escaped.
func (d *Draft) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", escapeMarkdown(d.Heading()))
	d.writeFacts(&b, "- **%s:** %s\n", escapeMarkdown)
	if s := d.Fields[Summary]; s != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.ReplaceAll(escapeMarkdown(s), "\n", "  \n"))
	}
	for _, sec := range Sections {
		items := d.Sections[sec]
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", sec.Label())
		for i, item := range items {
			fmt.Fprintf(&b, "%d. %s\n", i+1, escapeMarkdown(item.Text))
		}
	}
	fmt.Fprintf(&b, "\n_%s_\n", d.statusLine())
	return b.String()
}

// Text returns the draft as plain text, laid out like Markdown but with
// underlined headings and no markup.
func (d *Draft) Text() string {
	var b strings.Builder
	h := d.Heading()
	fmt.Fprintf(&b, "%s\n%s\n", h, underline(h, '='))
	d.writeFacts(&b, "%s: %s\n", func(s string) string { return s })
	if s := d.Fields[Summary]; s != "" {
		fmt.Fprintf(&b, "\n%s\n", s)
	}
	for _, sec := range Sections {
		items := d.Sections[sec]
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n%s\n", sec.Label(), underline(sec.Label(), '-'))
		for i, item := range items {
			fmt.Fprintf(&b, "%d. %s\n", i+1, item.Text)
		}
	}
	fmt.Fprintf(&b, "\n%s\n", d.statusLine())
	return b.String()
}

// writeFacts writes the company, location and salary lines that are set,
// after a blank line.
func (d *Draft) writeFacts(b *strings.Builder, format string, escape func(string) string) {
	first := true
	for _, f := range []Field{Company, Location, Salary} {
		v := d.Fields[f]
		if v == "" {
			continue
		}
		if first {
			b.WriteByte('\n')
			first = false
		}
		fmt.Fprintf(b, format, f.Label(), escape(v))
	}
}

// statusLine says whether the draft is final, and its version.
func (d *Draft) statusLine() string {
	if d.Status == Final {
		return fmt.Sprintf("Final (version %d)", d.Version)
	}
	return fmt.Sprintf("Draft, not final (version %d)", d.Version)
}

// underline returns a line of c as wide as s.
func underline(s string, c rune) string {
	return strings.Repeat(string(c), max(3, len([]rune(s))))
}

// escapeMarkdown backslash-escapes the characters that would turn s into
// Markdown markup: emphasis, code, links, HTML, tables, and a heading, list
// or rule marker at the start of a line.
func escapeMarkdown(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = escapeLine(line)
	}
	return strings.Join(lines, "\n")
}

// escapeLine escapes one line for escapeMarkdown.
func escapeLine(s string) string {
	var b strings.Builder
	if n := leadingDigits(s); n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')') {
		b.WriteString(s[:n])
		b.WriteByte('\\')
		b.WriteByte(s[n])
		s = s[n+1:]
	} else if s != "" && strings.ContainsRune("#+-=", rune(s[0])) {
		b.WriteByte('\\')
	}
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// leadingDigits returns how many ASCII digits s starts with.
func leadingDigits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
