// Package inert makes what people typed safe to put in an exported file —
// Markdown, plain text or HTML — so that nothing in it becomes active
// where the file is opened: no raw HTML, no images, no links but https
// ones, which stay text. It is plain Go, and every export of hirebot's
// (the job description in each format, the interview guide, the debrief)
// writes user text through it.
package inert

import (
	"html"
	"regexp"
	"strings"
)

// Markdown returns s for a Markdown document, shown as typed: every
// character that would make markup is backslash-escaped (emphasis, code,
// links and images, raw HTML and autolinks, tables, strikethrough, and a
// heading, list, quote or rule marker at the start of a line), and a word
// that a renderer would make a link other than https — javascript:,
// data:, http://, www. — is shown as code, which no renderer links.
// Line breaks are kept.
func Markdown(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = markdownLine(line, false)
	}
	return strings.Join(lines, "\n")
}

// MarkdownCell returns s for one cell of a Markdown table: Markdown on one
// line, its pipes escaped (even inside code, as tables require).
func MarkdownCell(s string) string {
	return markdownLine(strings.Join(strings.Fields(s), " "), true)
}

// Text returns s for a plain-text file that may be pasted into a form or
// a page: what would open an HTML tag ("<script", "</", "<!") gets a space
// after its "<", and a link other than https has its colon written "[:]"
// (javascript[:]alert(1), http[:]//example.com), so that neither a page
// nor a linkifier makes anything of them.
func Text(s string) string {
	return defang(tagOpen.ReplaceAllString(s, "< $1"))
}

// HTML returns s escaped for HTML text, with links other than https
// defanged as Text does.
func HTML(s string) string {
	return html.EscapeString(defang(s))
}

// tagOpen matches what starts an HTML tag, comment or declaration.
var tagOpen = regexp.MustCompile(`<([A-Za-z/!?])`)

// scheme matches a URL scheme and its colon.
var scheme = regexp.MustCompile(`(?i)[a-z][a-z0-9+.\-]*:`)

// dangerous are schemes that run or embed something wherever they are
// followed.
var dangerous = map[string]bool{"javascript": true, "vbscript": true, "data": true, "file": true, "blob": true, "filesystem": true}

// defang writes the colon of every link other than https as "[:]".
func defang(s string) string {
	var b strings.Builder
	last := 0
	for _, colon := range linkColons(s) {
		b.WriteString(s[last:colon])
		b.WriteString("[:]")
		last = colon + 1
	}
	b.WriteString(s[last:])
	return b.String()
}

// linkColons returns where in s the colons of links other than https are:
// a scheme that runs something (javascript:, data:, …) followed by
// anything but space, or any other scheme but https followed by "//".
func linkColons(s string) []int {
	var out []int
	for _, m := range scheme.FindAllStringIndex(s, -1) {
		name, rest := strings.ToLower(s[m[0]:m[1]-1]), s[m[1]:]
		// Only the spaces every reader agrees on end a word here: a
		// vertical tab is a space to some (Go's unicode.IsSpace) and not
		// to others (RE2's \s, CommonMark), so "data:\v…" is defanged.
		next := rest != "" && !strings.ContainsRune(" \t\n\r\f", rune(rest[0]))
		if name != "https" && ((dangerous[name] && next) || strings.HasPrefix(rest, "//")) {
			out = append(out, m[1]-1)
		}
	}
	return out
}

// linkWord reports whether a word, as a Markdown renderer reads it, holds
// a link other than https: a dangerous or //-scheme, or a www. address.
func linkWord(w string) bool {
	return strings.Contains(strings.ToLower(w), "www.") || len(linkColons(w)) > 0
}

// markdownLine escapes one line for Markdown; cell says it is a table
// cell's.
func markdownLine(s string, cell bool) string {
	var b strings.Builder
	start := true
	for len(s) > 0 {
		sp := len(s) - len(strings.TrimLeft(s, " \t"))
		b.WriteString(s[:sp])
		s = s[sp:]
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			end = len(s)
		}
		w := s[:end]
		s = s[end:]
		if w == "" {
			continue
		}
		switch {
		case linkWord(w) && cell:
			b.WriteString(strings.ReplaceAll(codeSpan(w), "|", `\|`))
		case linkWord(w):
			b.WriteString(codeSpan(w))
		default:
			b.WriteString(escapeWord(w, start))
		}
		start = false
	}
	return b.String()
}

// escapeWord backslash-escapes the markup characters of a word; first says
// it starts the line, where list, heading, quote and rule markers count.
func escapeWord(w string, first bool) string {
	var b strings.Builder
	if first {
		if n := leadingDigits(w); n > 0 && n < len(w) && (w[n] == '.' || w[n] == ')') {
			b.WriteString(w[:n])
			b.WriteByte('\\')
			b.WriteByte(w[n])
			w = w[n+1:]
		} else if w != "" && strings.ContainsRune("#+-=", rune(w[0])) {
			b.WriteByte('\\')
		}
	}
	for _, r := range w {
		if strings.ContainsRune("\\`*_[]<>|~!", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeSpan returns w as Markdown code: fenced by one backtick more than
// its longest run of them, with a space inside the fences when it starts
// or ends with one.
func codeSpan(w string) string {
	longest, run := 0, 0
	for _, r := range w {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(w, "`") || strings.HasSuffix(w, "`") {
		w = " " + w + " "
	}
	return fence + w + fence
}

// leadingDigits returns how many ASCII digits s starts with.
func leadingDigits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
