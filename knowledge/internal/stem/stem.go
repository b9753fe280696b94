// Package stem is the Porter2 ("English") stemmer of the Snowball project
// (Martin Porter, 2002 onwards), in plain Go: it maps a lower-case English
// word to its stem, so that "requirements", "required" and "requiring"
// meet at "requir". It is shared by the packages under knowledge/ that
// compare words; it keeps no state and is safe for concurrent use.
package stem

import (
	"bytes"
	"strings"
)

// Stem returns the Porter2 stem of word, which should be lower case. Words
// of one or two letters, and words with anything other than ASCII letters
// and apostrophes, are returned as they are.
func Stem(word string) string {
	if len(word) <= 2 || !plain(word) {
		return word
	}
	if s, ok := exceptions1[word]; ok {
		return s
	}
	// The stem is made in a buffer on the stack: most are a prefix of the
	// word, returned without a copy (see result).
	var buf [maxStack]byte
	w := append(buf[:0], strings.TrimPrefix(word, "'")...)
	if len(w) <= 2 {
		return result(word, step0(w))
	}
	// y at the start or after a vowel is a consonant: Y.
	for i := range w {
		if w[i] == 'y' && (i == 0 || isVowel(w[i-1])) {
			w[i] = 'Y'
		}
	}
	r1, r2 := regions(w)
	w = step0(w)
	w = step1a(w)
	if exceptions2[string(w)] {
		return result(word, lowerY(w))
	}
	w = step1b(w, r1)
	w = step1c(w)
	w = step2(w, r1)
	w = step3(w, r1, r2)
	w = step4(w, r2)
	w = step5(w, r1, r2)
	return result(word, lowerY(w))
}

// maxStack is the longest word whose stem Stem makes without allocating
// a buffer.
const maxStack = 64

// result returns the stem w of word as a string: a slice of word when
// word begins with it, as most stems do, or else a copy of w.
func result(word string, w []byte) string {
	if len(w) <= len(word) && word[:len(w)] == string(w) {
		return word[:len(w)]
	}
	return string(w)
}

func plain(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

var exceptions1 = map[string]string{
	"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
	"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl",
	"sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
}

var exceptions2 = map[string]bool{
	"inning": true, "outing": true, "canning": true, "herring": true, "earring": true,
	"proceed": true, "exceed": true, "succeed": true,
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// lowerY turns the consonant Ys back into ys, in place.
func lowerY(w []byte) []byte {
	for i := range w {
		if w[i] == 'Y' {
			w[i] = 'y'
		}
	}
	return w
}

// regions returns the starts of R1 and R2.
func regions(w []byte) (int, int) {
	var r1 int
	switch {
	case bytes.HasPrefix(w, []byte("gener")), bytes.HasPrefix(w, []byte("arsen")):
		r1 = 5
	case bytes.HasPrefix(w, []byte("commun")):
		r1 = 6
	default:
		r1 = after(w, 0)
	}
	return r1, after(w, r1)
}

// after returns the position after the first non-vowel that follows a
// vowel at or after start, or len(w).
func after(w []byte, start int) int {
	for i := start + 1; i < len(w); i++ {
		if !isVowel(w[i]) && isVowel(w[i-1]) {
			return i + 1
		}
	}
	return len(w)
}

// hasSuffix reports whether w ends in s, which is not empty. The last
// letters are compared first: most suffixes tried differ there.
func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && w[len(w)-1] == s[len(s)-1] && string(w[len(w)-len(s):]) == s
}

// shortSyllableEnd reports whether w ends in a short syllable.
func shortSyllableEnd(w []byte) bool {
	n := len(w)
	if n == 2 {
		return isVowel(w[0]) && !isVowel(w[1])
	}
	if n < 3 {
		return false
	}
	a, b, c := w[n-3], w[n-2], w[n-1]
	return !isVowel(a) && isVowel(b) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y'
}

func isShort(w []byte, r1 int) bool { return r1 >= len(w) && shortSyllableEnd(w) }

func containsVowel(w []byte) bool {
	for _, c := range w {
		if isVowel(c) {
			return true
		}
	}
	return false
}

func step0(w []byte) []byte {
	for _, s := range []string{"'s'", "'s", "'"} {
		if hasSuffix(w, s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

func step1a(w []byte) []byte {
	switch {
	case hasSuffix(w, "sses"):
		return w[:len(w)-2]
	case hasSuffix(w, "ied"), hasSuffix(w, "ies"):
		if len(w) > 4 {
			return w[:len(w)-2]
		}
		return w[:len(w)-1]
	case hasSuffix(w, "us"), hasSuffix(w, "ss"):
		return w
	case hasSuffix(w, "s"):
		if len(w) >= 3 && containsVowel(w[:len(w)-2]) {
			return w[:len(w)-1]
		}
	}
	return w
}

func step1b(w []byte, r1 int) []byte {
	for _, s := range []string{"eedly", "eed"} {
		if hasSuffix(w, s) {
			if len(w)-len(s) >= r1 {
				return append(w[:len(w)-len(s)], 'e', 'e')
			}
			return w
		}
	}
	for _, s := range []string{"ingly", "edly", "ing", "ed"} {
		if !hasSuffix(w, s) {
			continue
		}
		stem := w[:len(w)-len(s)]
		if !containsVowel(stem) {
			return w
		}
		switch {
		case hasSuffix(stem, "at"), hasSuffix(stem, "bl"), hasSuffix(stem, "iz"):
			return append(stem, 'e')
		case doubled(stem):
			return stem[:len(stem)-1]
		case isShort(stem, r1):
			return append(stem, 'e')
		}
		return stem
	}
	return w
}

func doubled(w []byte) bool {
	n := len(w)
	if n < 2 || w[n-1] != w[n-2] {
		return false
	}
	switch w[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

func step1c(w []byte) []byte {
	n := len(w)
	if n > 2 && (w[n-1] == 'y' || w[n-1] == 'Y') && !isVowel(w[n-2]) {
		w[n-1] = 'i'
	}
	return w
}

// replace applies the first (longest) suffix rule that matches, if its
// stem starts at or after min; it reports whether a suffix matched.
func replace(w []byte, min int, rules [][2]string) ([]byte, bool) {
	for _, r := range rules {
		if hasSuffix(w, r[0]) {
			if len(w)-len(r[0]) >= min {
				return append(w[:len(w)-len(r[0])], r[1]...), true
			}
			return w, true
		}
	}
	return w, false
}

var step2Rules = [][2]string{
	{"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"}, {"iveness", "ive"},
	{"tional", "tion"}, {"biliti", "ble"}, {"lessli", "less"},
	{"entli", "ent"}, {"ation", "ate"}, {"alism", "al"}, {"aliti", "al"}, {"ousli", "ous"}, {"iviti", "ive"}, {"fulli", "ful"},
	{"enci", "ence"}, {"anci", "ance"}, {"abli", "able"}, {"izer", "ize"}, {"ator", "ate"}, {"alli", "al"},
	{"bli", "ble"},
}

func step2(w []byte, r1 int) []byte {
	if out, ok := replace(w, r1, step2Rules); ok {
		return out
	}
	n := len(w)
	if hasSuffix(w, "ogi") {
		if n-3 >= r1 && n >= 4 && w[n-4] == 'l' {
			return w[:n-1]
		}
		return w
	}
	if hasSuffix(w, "li") {
		if n-2 >= r1 && n >= 3 && strings.IndexByte("cdeghkmnrt", w[n-3]) >= 0 {
			return w[:n-2]
		}
	}
	return w
}

var step3Rules = [][2]string{
	{"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"}, {"ical", "ic"}, {"ness", ""}, {"ful", ""},
}

func step3(w []byte, r1, r2 int) []byte {
	if hasSuffix(w, "ative") {
		if len(w)-5 >= r2 && len(w)-5 >= r1 {
			return w[:len(w)-5]
		}
		return w
	}
	out, _ := replace(w, r1, step3Rules)
	return out
}

var step4Suffixes = []string{
	"ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic",
}

func step4(w []byte, r2 int) []byte {
	for _, s := range step4Suffixes {
		if !hasSuffix(w, s) {
			continue
		}
		at := len(w) - len(s)
		if at < r2 {
			return w
		}
		if s == "ion" {
			if at >= 1 && (w[at-1] == 's' || w[at-1] == 't') {
				return w[:at]
			}
			return w
		}
		return w[:at]
	}
	return w
}

func step5(w []byte, r1, r2 int) []byte {
	n := len(w)
	switch {
	case n > 0 && w[n-1] == 'e':
		if n-1 >= r2 || (n-1 >= r1 && !shortSyllableEnd(w[:n-1])) {
			return w[:n-1]
		}
	case n > 1 && w[n-1] == 'l' && w[n-2] == 'l' && n-1 >= r2:
		return w[:n-1]
	}
	return w
}
