package knowledge

// ContentStems returns the distinct stems of the content words of s, as
// search reads them: stop words left out, word forms brought together
// ("planning", "plans" → "plan"), in the order they first appear.
func ContentStems(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range tokens(s) {
		if !seen[tok.stem] {
			seen[tok.stem] = true
			out = append(out, tok.stem)
		}
	}
	return out
}
