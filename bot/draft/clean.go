package draft

import (
	"strings"
	"unicode"
)

// Clean makes user text safe and tidy to keep in a draft: invalid UTF-8 is
// replaced with U+FFFD, control characters and invisible formatting
// characters (zero-width spaces, bidirectional overrides and isolates, the
// byte-order mark) are removed — except a zero-width joiner between two
// visible characters, which joins emoji such as 👩‍💻 and some scripts' letters — runs of white space become one
// space, and the ends are trimmed. When multiline is true a run of white space
// that holds a line break becomes a single newline instead, so paragraphs
// keep their lines; otherwise the result is one line. Clean is idempotent.
func Clean(s string, multiline bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space, newline := false, false
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == zwj:
			if !space && b.Len() > 0 && i+1 < len(rs) && visible(rs[i+1]) {
				b.WriteRune(r)
			}
			continue
		case isBreak(r):
			space, newline = true, true
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), isInvisible(r):
			continue
		}
		if space && b.Len() > 0 {
			if newline && multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		space, newline = false, false
		b.WriteRune(r)
	}
	return b.String()
}

// zwj is the zero-width joiner.
const zwj = '\u200D'

// visible reports whether r is shown: not space, control or invisible.
func visible(r rune) bool {
	return !unicode.IsSpace(r) && !unicode.IsControl(r) && !isInvisible(r)
}

// isBreak reports whether r ends a line.
func isBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// isInvisible reports whether r is a formatting character that changes how
// text looks or reads without being visible itself: zero-width characters,
// bidirectional embeddings, overrides and isolates, word joiners, the
// byte-order mark and interlinear annotation marks.
func isInvisible(r rune) bool {
	switch {
	case r == '\u00AD', r == '\u180E', r == '\uFEFF':
		return true
	case r >= '\u200B' && r <= '\u200F':
		return true
	case r >= '\u202A' && r <= '\u202E':
		return true
	case r >= '\u2060' && r <= '\u2069':
		return true
	case r >= '\uFFF9' && r <= '\uFFFB':
		return true
	}
	return false
}
