package wording

import (
	"math"
	"strings"
	"unicode"
)

// flesch returns the Flesch reading ease of a text with the given counts,
// rounded to one decimal: 206.835 − 1.015 × words per sentence − 84.6 ×
// syllables per word (Flesch 1948).
func flesch(words, sentences, syllables int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	score := 206.835 - 1.015*float64(words)/float64(sentences) - 84.6*float64(syllables)/float64(words)
	return math.Round(score*10) / 10
}

// readingBand names the band of Flesch's table a score falls in.
func readingBand(score float64) string {
	switch {
	case score >= 90:
		return "very easy"
	case score >= 80:
		return "easy"
	case score >= 70:
		return "fairly easy"
	case score >= 60:
		return "standard"
	case score >= 50:
		return "fairly difficult"
	case score >= 30:
		return "difficult"
	}
	return "very difficult"
}

// syllables estimates the syllables of an English word: groups of vowels,
// less a silent final "e" or "es"/"ed" ending, never fewer than one.
func syllables(word string) int {
	w := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, strings.ToLower(word))
	if len(w) <= 3 {
		return 1
	}
	switch {
	case strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ted") && !strings.HasSuffix(w, "ded"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses") && !strings.HasSuffix(w, "ces") && !strings.HasSuffix(w, "ges"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le"):
		w = w[:len(w)-1]
	}
	n, vowel := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !vowel {
			n++
		}
		vowel = v
	}
	return max(n, 1)
}

// isWord reports whether a token counts as a word for readability: it has
// at least one letter.
func isWord(t token) bool {
	for _, r := range t.word {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
