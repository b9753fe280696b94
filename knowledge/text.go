package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxToken is the longest word, in bytes, search keeps; longer runs of
// letters are cut so odd input cannot make matching slow.
const maxToken = 40

// token is one word of a text: as written (folded) and its stem.
type token struct {
	word string // lowercased, accents folded: "responsibilities"
	stem string // "responsibility"
}

// normalize lowercases s and folds what a user may type in odd ways:
// accents and ligatures to plain letters, full-width forms to ASCII, curly
// quotes and dashes to plain ones; invisible characters are dropped and any
// other space or control character becomes a plain space.
func normalize(s string) string { return fold(s, true) }

// fold is normalize, lowercasing only when lower is set.
func fold(s string, lower bool) string {
	if printableASCII(s) { // most messages: nothing to fold but capitals
		if lower {
			return strings.ToLower(s)
		}
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z' && lower:
				r += 'a' - 'A'
			case r < ' ' || r == 0x7f:
				r = ' '
			}
			b.WriteByte(byte(r))
			continue
		}
		switch {
		case r == utf8.RuneError, unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
			continue // broken bytes, combining accents, zero-width characters
		case 0xFF01 <= r && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
			if lower {
				r = unicode.ToLower(r)
			}
		case unicode.IsSpace(r), unicode.IsControl(r):
			r = ' '
		case r == '‘' || r == '’' || r == 'ʼ' || r == '′':
			r = '\''
		case r >= 0x2010 && r <= 0x2015 || r == '−':
			r = '-'
		default:
			up := unicode.IsUpper(r)
			r = unicode.ToLower(r)
			if f := foldLatin(r); f != "" {
				if up && !lower {
					f = strings.ToUpper(f)
				}
				b.WriteString(f)
				continue
			}
			if up && !lower {
				r = unicode.ToUpper(r)
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// printableASCII reports whether s is printable ASCII only.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// foldLatin returns the plain letters for an accented Latin letter, or "".
func foldLatin(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a"
	case 'ç', 'ć', 'ĉ', 'ċ', 'č':
		return "c"
	case 'ď', 'đ', 'ð':
		return "d"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ĕ', 'ė', 'ę', 'ě':
		return "e"
	case 'ĝ', 'ğ', 'ġ', 'ģ':
		return "g"
	case 'ĥ', 'ħ':
		return "h"
	case 'ì', 'í', 'î', 'ï', 'ĩ', 'ī', 'ĭ', 'į', 'ı':
		return "i"
	case 'ĵ':
		return "j"
	case 'ķ':
		return "k"
	case 'ĺ', 'ļ', 'ľ', 'ŀ', 'ł':
		return "l"
	case 'ñ', 'ń', 'ņ', 'ň':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ŏ', 'ő':
		return "o"
	case 'ŕ', 'ŗ', 'ř':
		return "r"
	case 'ś', 'ŝ', 'ş', 'š', 'ș':
		return "s"
	case 'ţ', 'ť', 'ŧ', 'ț':
		return "t"
	case 'ù', 'ú', 'û', 'ü', 'ũ', 'ū', 'ŭ', 'ů', 'ű', 'ų':
		return "u"
	case 'ŵ':
		return "w"
	case 'ý', 'ÿ', 'ŷ':
		return "y"
	case 'ź', 'ż', 'ž':
		return "z"
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'þ':
		return "th"
	case 'ĳ':
		return "ij"
	}
	return ""
}

// tokens splits s into words for search (see wordsOf), stop words and
// one-letter words left out, chat shorthand written out, each with its
// stem.
func tokens(s string) []token { return tokensOf(wordsOf(s)) }

// tokensOf is tokens for words as wordsOf gives them.
func tokensOf(words []string) []token {
	if len(words) == 0 {
		return nil
	}
	out := make([]token, 0, len(words))
	for _, w := range words {
		if utf8.RuneCountInString(w) < 2 || isStop(w) {
			continue
		}
		if s, ok := shortened(w); ok {
			w = s
		}
		out = append(out, token{word: w, stem: stem(w)})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// wordsOf splits s into words: normalized and lowercased, split on
// anything that is not a letter or digit except an apostrophe or an
// ampersand inside a word ("don't" → "dont", "r&d"), possessive "'s"
// dropped. A word typed in capitals that would otherwise be a stop word
// ("IT", "US") keeps its capitals, unless the whole text is in capitals:
// "IT budget" is not "it".
func wordsOf(s string) []string {
	s = fold(s, false)
	shouting := !hasLower(s)
	// A word and what ends it take two bytes at least, and most are
	// longer: room for a word in four bytes seldom needs to grow.
	out := make([]string, 0, len(s)/4+4)
	for len(s) > 0 {
		start := wordStart(s)
		if start < 0 {
			break
		}
		s = s[start:]
		end := wordEnd(s)
		raw := trimQuotes(s[:end])
		s = s[end:]
		raw = strings.TrimSuffix(strings.TrimSuffix(raw, "'s"), "'S")
		if strings.IndexByte(raw, '\'') >= 0 {
			raw = strings.ReplaceAll(raw, "'", "")
		}
		if len(raw) > maxToken {
			raw = cut(raw, maxToken)
		}
		w := raw
		if hasUpper(raw) {
			w = strings.ToLower(raw)
			if !shouting && !hasLower(raw) && isStop(w) && utf8.RuneCountInString(w) > 1 {
				w = raw // "IT", "US"
			}
		}
		if w != "" {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// wordStart returns where the first letter or digit of s is, or -1:
// strings.IndexFunc(s, isWordRune), a byte at a time while s is ASCII.
func wordStart(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			if j := strings.IndexFunc(s[i:], isWordRune); j >= 0 {
				return i + j
			}
			return -1
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return i
		}
	}
	return -1
}

// hasUpper is strings.ContainsFunc(s, unicode.IsUpper), a byte at a time
// while s is ASCII.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ContainsFunc(s[i:], unicode.IsUpper)
		}
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// hasLower is strings.ContainsFunc(s, unicode.IsLower), a byte at a time
// while s is ASCII.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ContainsFunc(s[i:], unicode.IsLower)
		}
		if 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// trimQuotes drops the apostrophes and ampersands that end s.
func trimQuotes(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '\'' || s[len(s)-1] == '&') {
		s = s[:len(s)-1]
	}
	return s
}

// wordEnd returns where the word at the start of s ends: at the first rune
// that is neither a letter, a digit, an apostrophe nor an ampersand
// between two letters or digits.
func wordEnd(s string) int {
	for i := 0; i < len(s); i++ { // ASCII letters and digits, the common case, quickly
		c := s[i]
		if c >= utf8.RuneSelf {
			return wordEndRunes(s, i)
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\'' {
			continue
		}
		if c == '&' && i > 0 && i+1 < len(s) && isWordRune(rune(s[i+1])) {
			continue
		}
		return i
	}
	return len(s)
}

// wordEndRunes is wordEnd from byte from on, a rune at a time.
func wordEndRunes(s string, from int) int {
	for j, r := range s[from:] {
		i := from + j
		switch {
		case isWordRune(r), r == '\'':
		case r == '&' && i > 0 && i+1 < len(s) && isWordRune(rune(s[i+1])):
		default:
			return i
		}
	}
	return len(s)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// cut shortens s to at most n bytes without splitting a rune.
func cut(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// stem strips common English endings so that "planning", "planned" and
// "plans" meet at "plan". It is deliberately light: it only has to make the
// same word forms meet, not produce real words.
func stem(w string) string {
	if len(w) <= 3 || !isASCII(w) {
		return w
	}
	if strings.Contains(w, "iz") { // "organize" meets "organise"
		w = strings.ReplaceAll(w, "iz", "is")
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	for _, e := range [...]struct {
		suffix string
		min    int // letters that must remain
	}{{"ing", 3}, {"ed", 3}, {"ment", 4}, {"ly", 4}} {
		if rest, ok := strings.CutSuffix(w, e.suffix); ok && len(rest) >= e.min && hasVowel(rest) {
			if e.suffix == "ly" && strings.HasSuffix(rest, "p") { // "supply", "apply"
				break
			}
			w = rest
			break
		}
	}
	// "plann" → "plan", but keep "ll", "ss" and "zz".
	if n := len(w); n >= 4 && w[n-1] == w[n-2] && !isVowel(w[n-1]) && !strings.ContainsRune("lsz", rune(w[n-1])) {
		w = w[:n-1]
	}
	if n := len(w); n >= 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// shorthand maps words people abbreviate in chat to the words the pack
// writes out.
var shorthand = map[string]string{
	"versus": "vs", "tech": "technology", "eng": "engineering", "engg": "engineering",
	"org": "organisation", "orgs": "organisations", "mgmt": "management", "dev": "development",
	"devs": "developers", "infosec": "security", "comp": "compensation",
}

// shorthandFilter stops most words that are not shorthand.
var shorthandFilter = newWordFilter(shorthand)

// shortened returns what w is shorthand for, if it is.
func shortened(w string) (string, bool) {
	if !shorthandFilter.mayHave(w) {
		return "", false
	}
	s, ok := shorthand[w]
	return s, ok
}

// isStop reports whether w is too common to tell topics apart.
func isStop(w string) bool {
	switch w {
	case "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at",
		"be", "been", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "done",
		"each", "even", "for", "from", "get", "gets", "had", "has", "have", "having", "he", "her",
		"here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "let",
		"me", "more", "most", "much", "my", "no", "not", "of", "on", "one", "only", "or", "other",
		"our", "out", "please", "really", "she", "should", "so", "some", "such", "tell", "than",
		"that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to",
		"too", "up", "us", "very", "was", "we", "were", "what", "whats", "when", "where", "which",
		"while", "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
		// The rest of a common English stop-word list, and contractions
		// as tokens spells them ("can't" → "cant").
		"against", "because", "before", "below", "between", "down", "during", "few", "further",
		"hers", "herself", "himself", "itself", "myself", "nor", "off", "once", "ours",
		"ourselves", "over", "own", "same", "theirs", "themselves", "through", "until", "yours",
		"yourself", "yourselves", "above", "again", "whether", "cant", "dont", "doesnt", "isnt",
		"arent", "wont", "didnt", "im", "ive", "youre", "hows", "whos", "thats", "theres", "lets",
		"now", "may", "might", "must", "shall",
		// Conversational filler: says how someone asks, not what about.
		"actually", "anyway", "basically", "exactly", "explain", "describe", "thing", "things",
		"stuff", "hey", "hi", "hello", "thanks", "okay", "ok", "yeah", "kindly":
		return true
	}
	return false
}
