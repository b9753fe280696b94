package wording

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A token is one word of a text: letters and digits, with apostrophes inside
// a word ("he'll") and separators inside a number ("180,000") kept.
// Everything else separates words.
type token struct {
	word     string // lower case, curly apostrophes made straight
	start    int    // byte offset of the first byte in the text
	end      int    // byte offset just past the last byte
	brk      bool   // a phrase may not run from the previous token into this one
	comma    bool   // a comma stands between the previous token and this one
	hyphen   bool   // a hyphen joins the previous token to this one ("client-facing")
	sentence int    // index of the sentence the token is in
	eeo      bool   // the token is in an equal-opportunity sentence
	norm     string // the stem, or a number class (see normalise); set by the checker
}

// tokenize splits text into words. Phrases do not cross a break (a sentence
// end, a colon, a semicolon or a line end); sentences end at ".", "!" or "?"
// followed by a space, and at line ends.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	sentence := 0
	brk, end, comma := false, false, false
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '\n', '\r':
				brk, end = true, true
			case '.', '!', '?':
				if r == '.' && abbreviationDot(text, i, toks) {
					// "U.S. citizens", "e.g. a photo", "Dr. Whitfield":
					// the dot ends neither the sentence nor a phrase.
					break
				}
				brk = true
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if i+size >= len(text) || unicode.IsSpace(next) || next == '"' || next == '\'' || next == ')' || next == '\u201d' {
					end = true
				}
			case ';', ':':
				brk = true
			case ',':
				comma = true
			}
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if i > start && i+size < len(text) {
				prev, _ := utf8.DecodeLastRuneInString(text[:i])
				next, nsize := utf8.DecodeRuneInString(text[i+size:])
				// "he'll", "180,000", "2.5"
				if isApostrophe(r) && unicode.IsLetter(next) || (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
					i += size + nsize
					continue
				}
			}
			break
		}
		if end && len(toks) > 0 {
			sentence++
		}
		hyphen := len(toks) > 0 && start > 0 && text[start-1] == '-' && toks[len(toks)-1].end == start-1
		toks = append(toks, token{word: normalize(text[start:i]), start: start, end: i, brk: brk, comma: comma, hyphen: hyphen, sentence: sentence})
		brk, end, comma = false, false, false
	}
	return toks
}

// abbreviationDot reports whether the dot at byte i of text, right
// after the last token of toks, belongs to an abbreviation: a single
// letter in a run of them ("U.S.", "e.g.", "i.e."), or a title before a
// name ("Dr. Whitfield").
func abbreviationDot(text string, i int, toks []token) bool {
	if len(toks) == 0 || toks[len(toks)-1].end != i {
		return false
	}
	last := toks[len(toks)-1]
	next, size := utf8.DecodeRuneInString(text[i+1:])
	if utf8.RuneCountInString(last.word) == 1 && unicode.IsLetter(rune(last.word[0])) {
		// "U.S": a letter and a dot before another letter and a dot, or
		// the closing dot of such a run.
		if unicode.IsLetter(next) && i+1+size < len(text) && text[i+1+size] == '.' {
			return true
		}
		return last.start >= 2 && text[last.start-1] == '.' && isWordRune(rune(text[last.start-2]))
	}
	if titleAbbreviations[last.word] && unicode.IsSpace(next) {
		after, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[i+1:], " "))
		return unicode.IsUpper(after)
	}
	return false
}

// titleAbbreviations come before a name, with a dot.
var titleAbbreviations = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// normalize lower-cases a word and straightens its apostrophes.
func normalize(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsRune(w, '\u2019') {
		w = strings.ReplaceAll(w, "\u2019", "'")
	}
	return w
}

// tokenAt returns the index of the first token ending after byte offset off,
// or len(toks).
func tokenAt(toks []token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if toks[mid].end <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// sentences returns the number of sentences among toks.
func sentences(toks []token) int {
	if len(toks) == 0 {
		return 0
	}
	return toks[len(toks)-1].sentence + 1
}

// anyNorm reports whether a token of toks has its normalised form in set.
func anyNorm(toks []token, set map[string]bool) bool {
	for _, t := range toks {
		if set[t.norm] {
			return true
		}
	}
	return false
}
