package knowledge

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// BM25F parameters and the weight of each field of a topic.
const (
	bm25K1 = 1.2
	bm25B  = 0.75

	weightTitle    = 5
	weightName     = 3
	weightKeywords = 2
	weightSummary  = 2
	weightBody     = 1
	weightPoints   = 1

	// How much a word counts when it only matches approximately.
	weightOneEdit  = 0.6
	weightTwoEdits = 0.35
	weightPrefix   = 0.4
	maxPrefixHits  = 16
	minPrefixLen   = 4
)

// Result is one topic found by Search.
type Result struct {
	Topic   Topic
	Score   float64  // higher is better; comparable within one search only
	Matched []string // the query's words that matched the topic, as normalized
}

// index is the search index of a pack's topics, built once by Load.
type index struct {
	terms   map[string]term     // stem → postings
	stems   map[string]string   // every word seen → its stem
	words   []string            // the words seen, sorted, for prefix matches
	deletes map[string][]uint32 // deletion → indexes into words
}

type term struct {
	idf      float64
	postings []posting
}

type posting struct {
	doc int
	tf  float64 // BM25F: weighted by field and normalised by field length
}

// field is one part of a topic, with its weight in the ranking.
type field struct {
	weight float64
	texts  func(Topic) []string
}

// fields returns the parts of a topic search looks at.
func fields() []field {
	return []field{
		{weightTitle, func(t Topic) []string { return []string{t.Title} }},
		{weightName, func(t Topic) []string { return []string{strings.ReplaceAll(t.Name, "-", " ")} }},
		{weightKeywords, func(t Topic) []string { return t.Keywords }},
		{weightSummary, func(t Topic) []string { return []string{t.Summary} }},
		{weightBody, func(t Topic) []string { return t.Body }},
		{weightPoints, func(t Topic) []string { return t.Points }},
	}
}

// newIndex builds the search index of p's topics. Ranking is BM25F: each
// field's term counts are normalised by that field's length against its
// average, so a long body does not bury a match in a title.
func newIndex(p *Pack) *index {
	ix := &index{
		terms: make(map[string]term),
		stems: make(map[string]string),
	}
	fs := fields()
	// counts[f][doc] maps stem → occurrences; lengths[f][doc] is the
	// field's length in words.
	counts := make([][]map[string]int, len(fs))
	lengths := make([][]float64, len(fs))
	avg := make([]float64, len(fs))
	for f, fd := range fs {
		counts[f] = make([]map[string]int, len(p.Topics))
		lengths[f] = make([]float64, len(p.Topics))
		for doc, t := range p.Topics {
			counts[f][doc] = make(map[string]int)
			for _, s := range fd.texts(t) {
				for _, tok := range tokens(prose(s)) {
					counts[f][doc][tok.stem]++
					lengths[f][doc]++
					ix.stems[tok.word] = tok.stem
				}
			}
			avg[f] += lengths[f][doc]
		}
		avg[f] = max(avg[f]/float64(max(len(p.Topics), 1)), 1)
	}
	for doc := range p.Topics {
		tf := make(map[string]float64)
		for f, fd := range fs {
			norm := 1 - bm25B + bm25B*lengths[f][doc]/avg[f]
			for stem, c := range counts[f][doc] {
				tf[stem] += fd.weight * float64(c) / norm
			}
		}
		for stem, v := range tf {
			tm := ix.terms[stem]
			tm.postings = append(tm.postings, posting{doc: doc, tf: v})
			ix.terms[stem] = tm
		}
	}
	n := float64(len(p.Topics))
	for stem, tm := range ix.terms {
		df := float64(len(tm.postings))
		tm.idf = math.Log(1 + (n-df+0.5)/(df+0.5))
		ix.terms[stem] = tm
	}

	for w := range ix.stems {
		ix.words = append(ix.words, w)
	}
	slices.Sort(ix.words)
	ix.deletes = make(map[string][]uint32)
	for i, w := range ix.words {
		if utf8.RuneCountInString(w) > maxFuzzyLen {
			continue
		}
		deletions(w, maxEdits, func(d string) { ix.deletes[d] = append(ix.deletes[d], uint32(i)) })
	}
	return ix
}

// candidate is a stem a query word stands for, and how much it counts.
type candidate struct {
	stem   string
	weight float64
}

// candidates returns the stems tok matches: its own stem when the pack has
// it; otherwise words within a small edit distance, or else words it is a
// prefix of, at a reduced weight.
func (ix *index) candidates(tok token) []candidate {
	if _, ok := ix.terms[tok.stem]; ok {
		return []candidate{{tok.stem, 1}}
	}
	n := utf8.RuneCountInString(tok.word)
	var out []candidate
	add := func(stem string, weight float64) {
		for i := range out {
			if out[i].stem == stem {
				out[i].weight = max(out[i].weight, weight)
				return
			}
		}
		out = append(out, candidate{stem, weight})
	}
	if edits := editsAllowed(n); edits > 0 && n <= maxFuzzyLen {
		var checked []uint32
		try := func(list []uint32) {
			for _, i := range list {
				if slices.Contains(checked, i) {
					continue
				}
				checked = append(checked, i)
				w := ix.words[i]
				switch distance(tok.word, w, edits) {
				case 1:
					add(ix.stems[w], weightOneEdit)
				case 2:
					add(ix.stems[w], weightTwoEdits)
				}
			}
		}
		if isASCII(tok.word) {
			eachDeletion(tok.word, edits, func(d []byte) { try(ix.deletes[string(d)]) })
		} else {
			deletions(tok.word, edits, func(d string) { try(ix.deletes[d]) })
		}
	}
	if len(out) == 0 && n >= minPrefixLen {
		at, _ := slices.BinarySearch(ix.words, tok.word)
		for i := at; i < len(ix.words) && i-at < maxPrefixHits && strings.HasPrefix(ix.words[i], tok.word); i++ {
			add(ix.stems[ix.words[i]], weightPrefix)
		}
	}
	return out
}

// Search ranks the pack's topics against a free-text query with BM25 over
// their title, name, keywords, summary, body and points (code spans left
// out). Words are lowercased, accent-folded and lightly stemmed, and stop
// words dropped; a word the pack does not have counts, at a reduced weight,
// for pack words within one edit (two for words of 6+ letters), or else for
// words it begins. It returns at most limit results (all when limit ≤ 0),
// best first, or nil when no word of the query matches.
func (p *Pack) Search(query string, limit int) []Result {
	ix := p.index
	if ix == nil || len(p.Topics) == 0 {
		return nil
	}
	if len(query) > 4*MaxArgs {
		query = cut(query, 4*MaxArgs)
	}
	scores := make([]float64, len(p.Topics))
	best := make([]float64, len(p.Topics))
	matched := make([][]string, len(p.Topics))
	done := make(map[string]bool)
	for _, tok := range tokens(query) {
		if done[tok.stem] { // "plans" after "planning" adds nothing
			continue
		}
		done[tok.stem] = true
		clear(best)
		for _, c := range ix.candidates(tok) {
			tm := ix.terms[c.stem]
			for _, ps := range tm.postings {
				s := c.weight * tm.idf * ps.tf * (bm25K1 + 1) / (ps.tf + bm25K1)
				best[ps.doc] = max(best[ps.doc], s)
			}
		}
		for doc, s := range best {
			if s > 0 {
				scores[doc] += s
				matched[doc] = append(matched[doc], tok.word)
			}
		}
	}
	var out []Result
	for doc, s := range scores {
		if s > 0 {
			out = append(out, Result{Topic: p.Topics[doc], Score: s, Matched: matched[doc]})
		}
	}
	// Stable, so equal scores keep pack order.
	slices.SortStableFunc(out, func(a, b Result) int { return cmp.Compare(b.Score, a.Score) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// prose returns s without its `code spans`: they show commands to type,
// and indexing them would make every topic that mentions a command match
// that command's words.
func prose(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	var b strings.Builder
	for i, part := range strings.Split(s, "`") {
		if i%2 == 0 {
			b.WriteString(part)
		}
		b.WriteByte(' ')
	}
	return b.String()
}
