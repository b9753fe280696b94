// Package scorecard is the domain of interview scorecards: candidates (a
// name, nothing more), the scorecards interviewers submit for them, and
// the debrief that puts the scorecards side by side. It is plain Go: no
// Slack, no Redis.
package scorecard

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtibben/confusables"
	"golang.org/x/text/unicode/norm"
)

// Limits of a candidate's name.
const (
	MinNameLen   = 2
	MaxNameLen   = 60
	MaxNameWords = 6
)

// NameProblem is why a candidate's name was refused.
type NameProblem int

// The name problems. Each is a reason a handler words for the user.
const (
	NameEmpty        NameProblem = iota + 1 // nothing but spaces
	NameTooShort                            // under MinNameLen letters
	NameTooLong                             // over MaxNameLen characters (Size)
	NameTooManyWords                        // over MaxNameWords words (Size)
	NameEmail                               // holds an @: looks like an e-mail address
	NameURL                                 // looks like a web address
	NamePhone                               // holds a run of digits: looks like a phone number
	NameDigits                              // holds a digit: names have none
	NameSymbol                              // holds a character names don't (Char)
	NameMarks                               // accents with no letter under them, or stacked more than MaxMarks deep
	NameStyled                              // written in mathematical or other styled letters (Char): 𝐀, ℬ, Ｃ
)

// MaxMarks is how many combining marks (accents, vowel signs, points) one
// letter of a name may carry after NFC: enough for every script people
// write names in, too few for text made to look like noise.
const MaxMarks = 3

// NameError is a refused candidate name, as data: the handler words it.
// It never holds the name itself, so logging it leaks nothing.
type NameError struct {
	Problem NameProblem
	Size    int  // for NameTooLong and NameTooManyWords
	Char    rune // for NameSymbol
}

// Error describes e for logs.
func (e *NameError) Error() string {
	return fmt.Sprintf("scorecard: candidate name refused: problem %d (size %d)", e.Problem, e.Size)
}

// CleanName checks that s is a person's name and returns it tidied:
// spaces trimmed, runs of white space made one space, and in Unicode's
// composed form (NFC: "Zoë" typed as e and a combining diaeresis is the
// same as "Zoë"). A name is letters (any script, with the accents and
// vowel signs that go on them) with spaces, hyphens, apostrophes and dots
// between them; it holds no e-mail address, web address, phone number or
// other digits, so that hirebot stores a name and no other personal data,
// no accents without a letter or stacked up, and no mathematical or other
// styled letters.
func CleanName(s string) (string, error) {
	name := norm.NFC.String(strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " "))
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		return "", &NameError{Problem: NameEmpty}
	case n > MaxNameLen:
		return "", &NameError{Problem: NameTooLong, Size: n}
	case strings.ContainsRune(name, '@'):
		return "", &NameError{Problem: NameEmail}
	case looksLikeURL(name):
		return "", &NameError{Problem: NameURL}
	}
	if d := longestDigitRun(name); d >= 4 {
		return "", &NameError{Problem: NamePhone}
	} else if d > 0 {
		return "", &NameError{Problem: NameDigits}
	}
	letters, marks := 0, 0
	for _, r := range name {
		switch {
		case styled(r):
			return "", &NameError{Problem: NameStyled, Char: r}
		case unicode.IsLetter(r):
			letters, marks = letters+1, 0
		case unicode.In(r, unicode.Mn, unicode.Mc):
			marks++
			if letters == 0 || marks > MaxMarks {
				return "", &NameError{Problem: NameMarks}
			}
		case r == ' ', r == '-', r == '\'', r == '’', r == '.':
			marks = MaxMarks // a mark after these has no letter under it
		default:
			return "", &NameError{Problem: NameSymbol, Char: r}
		}
	}
	if letters < MinNameLen {
		return "", &NameError{Problem: NameTooShort}
	}
	if w := len(strings.Fields(name)); w > MaxNameWords {
		return "", &NameError{Problem: NameTooManyWords, Size: w}
	}
	return name, nil
}

// looksLikeURL reports a web address: a scheme, "www." or a word.tld.
func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	if strings.Contains(l, "://") || strings.Contains(l, "www.") {
		return true
	}
	for _, w := range strings.Fields(l) {
		i := strings.LastIndexByte(w, '.')
		if i <= 0 || i == len(w)-1 {
			continue
		}
		tld := w[i+1:]
		if len(tld) >= 2 && len(tld) <= 6 && isASCIILetters(tld) && isASCIILetters(strings.ReplaceAll(w[:i], ".", "")) {
			return true // "ada.dev", "lovelace.com"
		}
	}
	return false
}

func isASCIILetters(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && r != '-' {
			return false
		}
	}
	return true
}

// longestDigitRun returns the most digits found in s with only spaces,
// dashes, dots, brackets or a plus between them: a phone number's shape.
func longestDigitRun(s string) int {
	best, run := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			run++
			best = max(best, run)
		case strings.ContainsRune(" -.()+", r):
		default:
			run = 0
		}
	}
	return best
}

// styled reports whether r is a letter written in a style — mathematical
// bold or script, double-struck, fullwidth, superscript, a ligature —
// that stands for a plain Latin or Greek letter (its compatibility form,
// NFKC, is one): such names are made to look like someone else's.
func styled(r rune) bool {
	if !unicode.IsLetter(r) {
		return false
	}
	plain := norm.NFKC.String(string(r))
	if plain == string(r) {
		return false
	}
	for _, p := range plain {
		if unicode.In(p, unicode.Latin, unicode.Greek) {
			return true
		}
	}
	return false
}

// Fold returns the form of a name used to compare names: lower case, one
// space between words, composed. "ada  LOVELACE" and "Ada Lovelace" fold
// alike.
func Fold(name string) string {
	return strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(name), " ")))
}

// Key returns what two names that look the same share: the confusables
// skeleton (Unicode TS 39, from Unicode's confusables.txt) of the folded
// name. "Zoë" with a Latin o and with a Cyrillic о, or composed and
// decomposed, have one key, and so are one candidate.
func Key(name string) string {
	return confusables.Skeleton(Fold(name))
}

// ID returns a candidate's id: a hash of the name's key, so that names
// that look the same are one candidate, and storage keys and button
// values never spell the name out.
func ID(name string) string {
	sum := sha256.Sum256([]byte(Key(name)))
	return hex.EncodeToString(sum[:10])
}
