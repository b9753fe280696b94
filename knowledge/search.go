package knowledge

import (
	"cmp"
	porter2 "github.com/hirebot/hirebot/knowledge/internal/stem"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// BM25F parameters and the weight of each field of a topic.
const (
	bm25K1 = 1.2
	bm25B  = 0.75

	weightTitle    = 5
	weightName     = 3
	weightAliases  = 2
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
	Topic Topic
	// Score ranks the results: BM25F times Confidence, so that a topic
	// that accounts for more of the query ranks above one that matches a
	// part of it strongly. Higher is better; comparable within one search
	// only.
	Score   float64
	Matched []string // the query's words that matched the topic, as normalized
	// Confidence is the share of the query the topic accounts for, from 0
	// to 1: each query word counts by how rare it is in the pack (a word
	// the pack lacks counts as the rarest), and by how surely it matched
	// (exactly, or as a plausible typo). Unlike Score it is comparable
	// across queries; Resolve answers only above MinConfidence.
	Confidence float64

	doc int // the topic's index in the pack
}

// index is the search index of a pack's topics, built once by Load.
type index struct {
	terms  map[string]term   // stem → postings
	stems  map[string]string // every word seen → its stem
	words  []string          // the words seen, sorted, for prefix matches
	typos  typoIndex         // words' deletions, for typos; built on first use
	rarest float64           // the idf of a stem in one topic: what a word the pack lacks counts for
	titles []roleTitle       // the roles' titles, longest first
	// titleStarts holds the first word of each of titles.
	titleStarts      map[string]bool
	titleStartFilter *wordFilter // stops most words titleStarts lacks
	// jobTitles tells covered roles' titles from others, for the topic
	// model.
	jobTitles titleWords
	// topicArgs holds each role's topics as /cto-role args (Lookup.Topics).
	topicArgs map[string][]string
	// domain holds the stems the rest of the pack uses (definitions,
	// kinds, checklists, competencies, interview questions) but no topic
	// does: words of the subject, which no topic happens to answer.
	// Built on first use, like typos: only some questions need it.
	domain func() map[string]bool
	// competencies are the competencies' words for MatchCompetencies,
	// built on first use (only /interview needs them).
	competencies func() *competencyWords
	// byName finds a topic by role and name or alias (TopicByName), and
	// roles a role by id (Role), without scanning the pack: indexes into
	// p.Topics and p.Roles.
	byName      map[roleName]int
	longestName int // the longest name or alias in byName, in bytes
	// longestKey is the longest string TopicByName or Topic can find a
	// topic by: twice longestName (see TopicByName), or a topic's id.
	longestKey int
	roles      map[string]int
	roleFilter *wordFilter // stops most words that are no role's id
	// porter holds the Porter2 stem of every word the pack has, so that
	// the topic model need not stem a common word again for each question.
	porter map[string]string
	passages
}

// roleName is a role id and a topic name or alias.
type roleName struct{ role, name string }

type term struct {
	idf      float64
	postings []posting
}

// has reports whether the topic at doc has the term.
func (tm term) has(doc int) bool {
	for _, ps := range tm.postings {
		if ps.doc == doc {
			return true
		}
	}
	return false
}

type posting struct {
	doc int
	tf  float64 // BM25F: weighted by field and normalised by field length
	// telling is how much a match here says the topic is what the query
	// is about: the strongest of the fields the stem is in (see field).
	telling float64
}

// field is one part of a topic, with its weight in the ranking and how
// telling a match in it is for Confidence: a word of a topic's title or
// aliases names what the topic is about, one in its keywords or summary
// describes it, and one only in its body may be mentioned in passing.
type field struct {
	weight  float64
	telling float64
	texts   func(Topic) []string
}

// How telling a match is, by field (see field): a word that names or
// describes the topic counts in full, one the topic mentions only in
// passing counts half. These, tellsDomain and the weight of a word the
// pack lacks were chosen by accuracy on the training part of the labelled
// set (see MinConfidence); weighing names above descriptions, or unknown
// words more or less, did no better there.
const (
	tellsNames     = 1
	tellsSummary   = 1
	tellsInPassing = 0.5
)

// tellsDomain is how much of the rarest a word counts for in Confidence
// when no topic has it but the rest of the pack does: a word of the
// subject ("present", "laptop") that the topics happen not to use says
// less that the question is off the subject than a word the pack has
// never seen ("bread", "tokyo").
const tellsDomain = 0.25

// fields returns the parts of a topic search looks at.
func fields() []field {
	return []field{
		{weightTitle, tellsNames, func(t Topic) []string { return []string{t.Title} }},
		{weightName, tellsNames, func(t Topic) []string { return []string{strings.ReplaceAll(t.Name, "-", " ")} }},
		{weightAliases, tellsNames, func(t Topic) []string { return []string{strings.ReplaceAll(strings.Join(t.Aliases, " "), "-", " ")} }},
		{weightKeywords, tellsSummary, func(t Topic) []string { return t.Keywords }},
		{weightSummary, tellsSummary, func(t Topic) []string { return []string{t.Summary} }},
		{weightBody, tellsInPassing, func(t Topic) []string { return t.Body }},
		{weightPoints, tellsInPassing, func(t Topic) []string { return t.Points }},
	}
}

// newIndex builds the search index of p's topics. Ranking is BM25F: each
// field's term counts are normalised by that field's length against its
// average, so a long body does not bury a match in a title.
func newIndex(p *Pack) *index {
	ix := &index{
		terms:        make(map[string]term),
		stems:        make(map[string]string),
		competencies: sync.OnceValue(func() *competencyWords { return newCompetencyWords(p) }),
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
		telling := make(map[string]float64)
		for f, fd := range fs {
			norm := 1 - bm25B + bm25B*lengths[f][doc]/avg[f]
			for stem, c := range counts[f][doc] {
				tf[stem] += fd.weight * float64(c) / norm
				telling[stem] = max(telling[stem], fd.telling)
			}
		}
		for stem, v := range tf {
			tm := ix.terms[stem]
			tm.postings = append(tm.postings, posting{doc: doc, tf: v, telling: telling[stem]})
			ix.terms[stem] = tm
		}
	}
	n := float64(len(p.Topics))
	ix.rarest = math.Log(1 + (n-1+0.5)/(1+0.5))
	for stem, tm := range ix.terms {
		df := float64(len(tm.postings))
		tm.idf = math.Log(1 + (n-df+0.5)/(df+0.5))
		ix.terms[stem] = tm
	}

	for w := range ix.stems {
		ix.words = append(ix.words, w)
	}
	slices.Sort(ix.words)
	ix.byName = make(map[roleName]int)
	for i, t := range p.Topics { // names first: a name beats another topic's alias
		if k := (roleName{t.Role, t.Name}); !hasKey(ix.byName, k) {
			ix.byName[k] = i
		}
	}
	for i, t := range p.Topics {
		for _, a := range t.Aliases {
			if k := (roleName{t.Role, a}); !hasKey(ix.byName, k) {
				ix.byName[k] = i
			}
		}
	}
	for k := range ix.byName {
		ix.longestName = max(ix.longestName, len(k.name))
	}
	ix.longestKey = 2 * ix.longestName
	for _, t := range p.Topics {
		ix.longestKey = max(ix.longestKey, len(t.ID))
	}
	ix.roles = make(map[string]int, len(p.Roles))
	for i, r := range p.Roles {
		if !hasKey(ix.roles, r.ID) {
			ix.roles[r.ID] = i
		}
	}
	ix.roleFilter = newWordFilter(ix.roles)
	ix.porter = make(map[string]string, len(ix.words))
	for _, w := range ix.words {
		if isPlainWord(w) {
			ix.porter[w] = porter2.Stem(w)
		}
	}
	ix.passages = newPassages(p)
	ix.titles = newRoleTitles(p)
	ix.titleStarts = make(map[string]bool)
	for _, t := range ix.titles {
		ix.titleStarts[t.words[0]] = true
	}
	ix.titleStartFilter = newWordFilter(ix.titleStarts)
	ix.jobTitles = newTitleWords(p)
	ix.topicArgs = make(map[string][]string, len(p.Roles))
	for _, r := range p.Roles {
		for _, name := range p.TopicNames(r.ID) {
			ix.topicArgs[r.ID] = append(ix.topicArgs[r.ID], asArgs(r.ID, name))
		}
	}
	ix.domain = sync.OnceValue(func() map[string]bool { return domainStems(p, ix.terms) })
	return ix
}

// candidate is a stem a query word stands for, how much it counts in the
// ranking, and how surely it is what the user meant (for Confidence).
type candidate struct {
	stem   string
	weight float64
	sure   float64
}

// candidates returns the stems tok matches: its own stem when the pack has
// it; otherwise words within a small edit distance, or else words it is a
// prefix of, at a reduced weight.
func (ix *index) candidates(tok token) []candidate {
	if _, ok := ix.terms[tok.stem]; ok {
		return []candidate{{tok.stem, 1, 1}}
	}
	n := utf8.RuneCountInString(tok.word)
	var out []candidate
	add := func(stem string, weight, sure float64) {
		for i := range out {
			if out[i].stem == stem {
				out[i].weight = max(out[i].weight, weight)
				out[i].sure = max(out[i].sure, sure)
				return
			}
		}
		out = append(out, candidate{stem, weight, sure})
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
				d := distance(tok.word, w, edits)
				if d > edits || !plausibleTypo(tok.word, w) {
					continue
				}
				weight := weightOneEdit
				if d == 2 {
					weight = weightTwoEdits
				}
				add(ix.stems[w], weight, typoSureness(n, d))
			}
		}
		typos := ix.typos.of(ix.words)
		if isASCII(tok.word) {
			eachDeletionHash(tok.word, edits, func(h uint64) { try(typos.lookup(h)) })
		} else {
			deletions(tok.word, edits, func(d string) { try(typos.lookup(hashOf(d))) })
		}
	}
	if len(out) == 0 && n >= minPrefixLen {
		at, _ := slices.BinarySearch(ix.words, tok.word)
		for i := at; i < len(ix.words) && i-at < maxPrefixHits && strings.HasPrefix(ix.words[i], tok.word); i++ {
			add(ix.stems[ix.words[i]], weightPrefix, weightPrefix*float64(n)/float64(utf8.RuneCountInString(ix.words[i])))
		}
	}
	return out
}

// Search ranks the pack's topics against a free-text query with BM25 over
// their title, name, aliases, keywords, summary, body and points (code spans left
// out). Words are lowercased, accent-folded and lightly stemmed, and stop
// words dropped; a word the pack does not have counts, at a reduced weight,
// for pack words within one edit (two for words of 6+ letters), or else for
// words it begins. It returns at most limit results (all when limit ≤ 0),
// best first, or nil when no word of the query matches.
func (p *Pack) Search(query string, limit int) []Result {
	if len(query) > 4*MaxArgs {
		query = cut(query, 4*MaxArgs)
	}
	out, _ := p.rank(tokens(query))
	// Stable, so equal scores keep pack order.
	slices.SortStableFunc(out, func(a, b Result) int { return cmp.Compare(b.Score, a.Score) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// rank scores every topic against a query's tokens, in pack order (the
// caller sorts), and returns the query's words with the stems each stands for (for finding
// passages).
func (p *Pack) rank(toks []token) ([]Result, [][]candidate) { return p.rankBest(toks, 0) }

// rankBest is rank, returning only the best results when limit > 0: at
// most limit of them, best first (ties in pack order), so that a caller
// that looks at the first few does not pay for a Result of every topic.
func (p *Pack) rankBest(toks []token, limit int) ([]Result, [][]candidate) {
	ix := p.index
	if ix == nil || len(p.Topics) == 0 {
		return nil, nil
	}
	n := len(p.Topics)
	buf := make([]float64, 4*n)
	scores, cover, best, sure := buf[:n], buf[n:2*n], buf[2*n:3*n], buf[3*n:]
	// matched[doc] lists the indexes into toks of the words that matched
	// the topic, as a bit set: one word per bit, up to 64 words, which
	// is as many as a lookup of MaxArgs characters usually has; the
	// words past them are kept in more.
	matched := make([]uint64, n)
	var more map[int][]string
	nMatched := 0
	terms := make([][]candidate, 0, len(toks))
	// exact holds the candidates of the words the pack has, one each,
	// so that they need no slice each.
	exact := make([]candidate, 0, len(toks))
	total := 0.0
	var seen stemSet
	// touched lists the topics a word's postings reach, so that only
	// they are added up and set back to 0 in best and sure, which are 0
	// for every topic between words.
	touched := make([]int, 0, n)
	for i, tok := range toks {
		if seen.maybeHas(tok.stem) && slices.ContainsFunc(toks[:i], func(t token) bool { return t.stem == tok.stem }) {
			continue // "plans" after "planning" adds nothing
		}
		var cands []candidate
		own, ok := ix.terms[tok.stem]
		if ok { // as candidates would find
			exact = append(exact, candidate{tok.stem, 1, 1})
			cands = exact[len(exact)-1 : len(exact) : len(exact)]
		} else {
			cands = ix.candidates(tok)
		}
		terms = append(terms, cands)
		// What the word counts for in Confidence: its own rarity when the
		// pack has it, else the rarest a word can be.
		weight := ix.rarest
		switch {
		case ok:
			weight = own.idf
		case len(cands) == 1 && cands[0].sure == 1:
			weight = ix.terms[cands[0].stem].idf
		case len(cands) == 0 && ix.domain()[tok.stem]:
			weight *= tellsDomain
		}
		total += weight
		touched = touched[:0]
		for _, c := range cands {
			tm := own
			if !ok {
				tm = ix.terms[c.stem]
			}
			for _, ps := range tm.postings {
				s := c.weight * tm.idf * ps.tf * (bm25K1 + 1) / (ps.tf + bm25K1)
				if best[ps.doc] == 0 {
					touched = append(touched, ps.doc)
				}
				best[ps.doc] = max(best[ps.doc], s)
				sure[ps.doc] = max(sure[ps.doc], c.sure*ps.telling)
			}
		}
		for _, doc := range touched { // a topic twice only while its best is 0
			s, sd := best[doc], sure[doc]
			best[doc], sure[doc] = 0, 0
			if s > 0 {
				scores[doc] += s
				cover[doc] += sd * weight
				nMatched++
				if i < 64 {
					matched[doc] |= 1 << i
				} else {
					if more == nil {
						more = make(map[int][]string)
					}
					more[doc] = append(more[doc], tok.word)
				}
			}
		}
	}
	found := 0
	for _, s := range scores {
		if s > 0 {
			found++
		}
	}
	if found == 0 {
		return nil, terms
	}
	keep := func(int) bool { return true }
	if limit > 0 && found > limit {
		found = limit
		top := bestDocs(scores, cover, limit)
		keep = func(doc int) bool { return slices.Contains(top, doc) }
	}
	out := make([]Result, 0, found)
	if limit > 0 { // room for the Matched of the topics kept only
		nMatched = 0
		for doc, s := range scores {
			if s > 0 && keep(doc) {
				nMatched += bits.OnesCount64(matched[doc]) + len(more[doc])
			}
		}
	}
	words := make([]string, 0, nMatched) // every topic's Matched, one after another
	for doc, s := range scores {
		if s > 0 && keep(doc) {
			c := cover[doc] / total
			at := len(words)
			for m := matched[doc]; m != 0; m &= m - 1 {
				words = append(words, toks[bits.TrailingZeros64(m)].word)
			}
			words = append(words, more[doc]...)
			out = append(out, Result{Topic: p.Topics[doc], Score: s * c, Matched: words[at:len(words):len(words)],
				Confidence: c, doc: doc})
		}
	}
	if limit > 0 {
		slices.SortStableFunc(out, func(a, b Result) int { return cmp.Compare(b.Score, a.Score) })
	}
	return out, terms
}

// stemSet tells a stem not seen before from one that may have been,
// without comparing it with every stem seen: a Bloom filter of one hash
// in 512 bits, on the stack.
type stemSet [8]uint64

// maybeHas adds s and reports whether it may have been added before:
// false means it surely was not.
func (set *stemSet) maybeHas(s string) bool {
	h := hashOf(s) % 512
	word, bit := h/64, uint64(1)<<(h%64)
	had := set[word]&bit != 0
	set[word] |= bit
	return had
}

// bestDocs returns the n topics with the highest scores (score × cover,
// as Result.Score), ties to the earlier.
func bestDocs(scores, cover []float64, n int) []int {
	top := make([]int, 0, n+1)
	score := func(doc int) float64 { return scores[doc] * cover[doc] }
	for doc, s := range scores {
		if s <= 0 {
			continue
		}
		at := len(top)
		for at > 0 && score(doc) > score(top[at-1]) {
			at--
		}
		if at < n {
			top = slices.Insert(top, at, doc)
			top = top[:min(len(top), n)]
		}
	}
	return top
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

// domainStems returns the stems of the pack's text outside its topics
// that no topic uses (see index.domain).
func domainStems(p *Pack, inTopics map[string]term) map[string]bool {
	out := make(map[string]bool)
	add := func(texts ...string) {
		for _, t := range texts {
			for _, tok := range tokens(prose(t)) {
				if _, ok := inTopics[tok.stem]; !ok {
					out[tok.stem] = true
				}
			}
		}
	}
	for _, r := range p.Roles {
		add(r.Title, r.Definition)
		add(r.AltTitles...)
	}
	for _, k := range p.Kinds {
		add(k.Name, k.Summary, k.FitsWhere)
		add(k.Does...)
	}
	for _, c := range p.Checklists {
		add(c.Title)
		for _, it := range c.Items {
			add(it.Text)
		}
	}
	for _, c := range p.Competencies {
		add(c.Name, c.Description)
	}
	for _, q := range p.Questions {
		add(q.Text)
		add(q.Strong...)
		add(q.FollowUps...)
	}
	return out
}

// hasKey reports whether m has k.
func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}
