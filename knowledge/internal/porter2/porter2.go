// Package porter2 is the Porter2 ("Snowball English") stemmer: it reduces an
// English word to its stem, so that "planning", "planned" and "plans" meet
// at "plan" and "difference" meets "different" at "differ". It follows the
// published algorithm (snowballstem.org/algorithms/english/stemmer.html)
// and is tested against its published vocabulary and output.
package porter2

import "strings"

// Stem returns the stem of word, which must be lower case. Words of one or
// two letters, and words holding anything other than ASCII letters and
// apostrophes, are returned as they are.
func Stem(word string) string {
	if len(word) <= 2 || !plain(word) {
		return word
	}
	if s, ok := exceptions1[word]; ok {
		return s
	}
	w := []byte(strings.TrimPrefix(word, "'"))
	markY(w)
	r1, r2 := regions(w)

	w = step0(w)
	var done bool
	if w, done = step1a(w); done {
		return unmarkY(w)
	}
	if exceptions2[string(w)] {
		return unmarkY(w)
	}
	w = step1b(w, r1)
	w = step1c(w)
	w = step2(w, r1)
	w = step3(w, r1, r2)
	w = step4(w, r2)
	w = step5(w, r1, r2)
	return unmarkY(w)
}

// plain reports whether s holds only ASCII lower-case letters and
// apostrophes.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return true
}

// exceptions1 are whole words with a stem of their own.
var exceptions1 = map[string]string{
	"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
	"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
	"singly": "singl",
	// Words that stay as they are.
	"sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos",
	"bias": "bias", "andes": "andes",
}

// exceptions2 are words left alone once step 1a has run.
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

// markY writes a y that acts as a consonant (at the start, or after a
// vowel) as Y.
func markY(w []byte) {
	for i, c := range w {
		if c == 'y' && (i == 0 || isVowel(w[i-1])) {
			w[i] = 'Y'
		}
	}
}

func unmarkY(w []byte) string {
	for i, c := range w {
		if c == 'Y' {
			w[i] = 'y'
		}
	}
	return string(w)
}

// regions returns where R1 and R2 start: R1 after the first non-vowel that
// follows a vowel (or after one of a few prefixes), R2 likewise within R1.
func regions(w []byte) (r1, r2 int) {
	r1 = len(w)
	for _, p := range []string{"gener", "commun", "arsen"} {
		if len(w) >= len(p) && string(w[:len(p)]) == p {
			r1 = len(p)
			break
		}
	}
	if r1 == len(w) {
		r1 = regionAfter(w, 0)
	}
	return r1, regionAfter(w, r1)
}

// regionAfter returns the index after the first non-vowel following a
// vowel at or after from, or len(w).
func regionAfter(w []byte, from int) int {
	for i := from + 1; i < len(w); i++ {
		if !isVowel(w[i]) && isVowel(w[i-1]) {
			return i + 1
		}
	}
	return len(w)
}

// hasSuffix reports whether w ends with s, without allocating.
func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// longest returns the longest of suffixes that w ends with, or "".
func longest(w []byte, suffixes []string) string {
	if len(w) == 0 {
		return ""
	}
	last := w[len(w)-1]
	best := ""
	for _, s := range suffixes {
		if s[len(s)-1] == last && len(s) > len(best) && hasSuffix(w, s) {
			best = s
		}
	}
	return best
}

func step0(w []byte) []byte {
	switch s := longest(w, []string{"'", "'s", "'s'"}); s {
	case "":
		return w
	default:
		return w[:len(w)-len(s)]
	}
}

// step1a handles plural endings; done reports that the word is finished
// (it became one of the exceptions' stems).
func step1a(w []byte) (_ []byte, done bool) {
	switch longest(w, []string{"sses", "ied", "ies", "s", "us", "ss"}) {
	case "sses":
		return w[:len(w)-2], false
	case "ied", "ies":
		if len(w) > 4 {
			return w[:len(w)-2], false
		}
		return w[:len(w)-1], false
	case "s":
		// Delete if a vowel comes before the letter before the s.
		for i := 0; i < len(w)-2; i++ {
			if isVowel(w[i]) {
				return w[:len(w)-1], false
			}
		}
	}
	return w, false
}

func containsVowel(w []byte) bool {
	for _, c := range w {
		if isVowel(c) {
			return true
		}
	}
	return false
}

// isDouble reports whether w ends with one of the doubled consonants.
func isDouble(w []byte) bool {
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

// endsShortSyllable reports whether w ends with a short syllable: a vowel
// followed by a non-vowel other than w, x or Y and preceded by a non-vowel,
// or a vowel at the start followed by a non-vowel.
func endsShortSyllable(w []byte) bool {
	n := len(w)
	switch {
	case n == 2:
		return isVowel(w[0]) && !isVowel(w[1])
	case n >= 3:
		c := w[n-1]
		return !isVowel(w[n-3]) && isVowel(w[n-2]) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y'
	}
	return false
}

func step1b(w []byte, r1 int) []byte {
	s := longest(w, []string{"eed", "eedly", "ed", "edly", "ing", "ingly"})
	switch s {
	case "":
		return w
	case "eed", "eedly":
		if len(w)-len(s) >= r1 {
			return append(w[:len(w)-len(s)], 'e', 'e')
		}
		return w
	}
	stem := w[:len(w)-len(s)]
	if !containsVowel(stem) {
		return w
	}
	switch {
	case hasSuffix(stem, "at"), hasSuffix(stem, "bl"), hasSuffix(stem, "iz"):
		return append(stem, 'e')
	case isDouble(stem):
		return stem[:len(stem)-1]
	case endsShortSyllable(stem) && r1 >= len(stem):
		return append(stem, 'e')
	}
	return stem
}

func step1c(w []byte) []byte {
	n := len(w)
	if n > 2 && (w[n-1] == 'y' || w[n-1] == 'Y') && !isVowel(w[n-2]) {
		w[n-1] = 'i'
	}
	return w
}

// step2Suffixes maps the suffixes of step 2 to their replacements; "li" and
// "ogi" have conditions of their own.
var step2Suffixes = map[string]string{
	"tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
	"izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
	"alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous",
	"ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
	"ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
}

var step2List = keys(step2Suffixes)

func step2(w []byte, r1 int) []byte {
	s := longest(w, step2List)
	if s == "" || len(w)-len(s) < r1 {
		return w
	}
	stem := w[:len(w)-len(s)]
	switch s {
	case "ogi":
		if !hasSuffix(stem, "l") {
			return w
		}
	case "li":
		if len(stem) == 0 || !strings.ContainsRune("cdeghkmnrt", rune(stem[len(stem)-1])) {
			return w
		}
	}
	return append(stem, step2Suffixes[s]...)
}

var step3Suffixes = map[string]string{
	"tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic",
	"ical": "ic", "ful": "", "ness": "", "ative": "",
}

var step3List = keys(step3Suffixes)

func step3(w []byte, r1, r2 int) []byte {
	s := longest(w, step3List)
	if s == "" || len(w)-len(s) < r1 || s == "ative" && len(w)-len(s) < r2 {
		return w
	}
	return append(w[:len(w)-len(s)], step3Suffixes[s]...)
}

var step4List = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
	"ism", "ate", "iti", "ous", "ive", "ize", "ion",
}

func step4(w []byte, r2 int) []byte {
	s := longest(w, step4List)
	if s == "" || len(w)-len(s) < r2 {
		return w
	}
	stem := w[:len(w)-len(s)]
	if s == "ion" && !hasSuffix(stem, "s") && !hasSuffix(stem, "t") {
		return w
	}
	return stem
}

func step5(w []byte, r1, r2 int) []byte {
	n := len(w)
	switch {
	case n > 0 && w[n-1] == 'e':
		if n-1 >= r2 || n-1 >= r1 && !endsShortSyllable(w[:n-1]) {
			return w[:n-1]
		}
	case n > 1 && w[n-1] == 'l' && w[n-2] == 'l' && n-1 >= r2:
		return w[:n-1]
	}
	return w
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
