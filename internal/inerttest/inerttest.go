// Package inerttest checks that exported text is inert: that nothing in
// it is markup or a link other than https, read as a Markdown renderer, a
// web page or a linkifier would read it. Tests of every export use it.
package inerttest

import (
	"regexp"
	"strings"
)

// tagOpen matches what starts an HTML tag, comment or declaration.
var tagOpen = regexp.MustCompile(`<[A-Za-z/!?]`)

// dangerousLink finds a link other than https, as a page, a renderer or
// a linkifier would take it.
var dangerousLink = regexp.MustCompile(`(?i)(?:^|[^a-z0-9+.\-])((?:javascript|vbscript|data|file|blob):\S|[a-z][a-z0-9+.\-]*://)`)

// Text says what in plain text could become markup or a link, or "".
func Text(s string) string {
	switch {
	case tagOpen.MatchString(s):
		return "a tag opens"
	}
	for _, m := range dangerousLink.FindAllStringSubmatch(s, -1) {
		if !strings.HasPrefix(strings.ToLower(m[1]), "https://") {
			return "a link survives: " + m[1]
		}
	}
	return ""
}

// Markdown reads s as a Markdown renderer would and says what in it,
// outside code, is markup or a link other than https, or "".
func Markdown(s string) string {
	for _, line := range strings.Split(s, "\n") {
		text, shown, problem := outsideCode(line)
		if problem != "" {
			return problem
		}
		if t := strings.TrimLeft(line, " \t"); t != "" && strings.ContainsRune("#>-+=", rune(t[0])) {
			return "a line starts with a block marker"
		}
		if t := strings.TrimLeft(line, " \t"); leadingDigits(t) > 0 {
			if n := leadingDigits(t); n < len(t) && (t[n] == '.' || t[n] == ')') {
				return "a line starts a numbered list"
			}
		}
		if strings.ContainsAny(text, "<>[]|*_~!`") {
			return "unescaped markup: " + text
		}
		if strings.Contains(strings.ToLower(shown), "www.") {
			return "a www. autolink"
		}
		if p := Text(shown); p != "" && p != "a tag opens" {
			return p
		}
	}
	return ""
}

// outsideCode returns the text of a Markdown line that is not in a code
// span twice: with each backslash-escaped character as a plain letter (to
// look for markup), and as it is shown (to look for links); or a problem
// if a code span is not closed.
func outsideCode(line string) (markup, shown, problem string) {
	var b, s strings.Builder
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line):
			b.WriteByte('a')
			s.WriteByte(line[i+1])
			i += 2
		case c == '`':
			n := 0
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			fence := strings.Repeat("`", n)
			end := strings.Index(line[i+n:], fence)
			if end < 0 {
				return "", "", "a code span is not closed"
			}
			i += n + end + n
			b.WriteByte(' ')
			s.WriteByte(' ')
		default:
			b.WriteByte(c)
			s.WriteByte(c)
			i++
		}
	}
	return b.String(), s.String(), ""
}

// HTML says what in HTML text could become markup or a link, or "".
func HTML(s string) string {
	if strings.ContainsAny(s, `<>"`) {
		return "raw markup characters"
	}
	return Text(s)
}

// leadingDigits returns how many ASCII digits s starts with.
func leadingDigits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
