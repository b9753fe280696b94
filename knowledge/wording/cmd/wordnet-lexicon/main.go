// Command wordnet-lexicon writes the wording check's identity lexicon: the
// words that WordNet files under the roots of the identity category
// (religions, their adherents and clergy, worship, places of worship and
// holy days, ethnic groups and races, sexual and political orientations,
// and the hairstyles and facial hair that grooming rules name). A word is kept only when every noun sense
// WordNet gives it lies under those roots, it is not a verb, and it is an
// adjective or adverb only as a proper name ("Catholic"), so that a word
// with an everyday sense ("order", "friend", "reaction", "prior") is left
// out. Of a name of several words ("Yom Kippur") it keeps the words that
// WordNet has in no other entry and in no place's name ("kippur"; not
// "Christi", a city's too). A word that stems to the stem of an everyday
// word ("missioner", "mission") is left out too.
//
//	go run ./knowledge/wording/cmd/wordnet-lexicon > knowledge/wording/lexicon.txt
//
// It reads WordNet 3.0's database (Debian's wordnet-base package puts it
// in /usr/share/wordnet; -dict changes the folder). The output is sorted,
// so the same database always gives the same file.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hirebot/hirebot/knowledge/internal/stem"
)

// roots are the identity category's subjects as WordNet synsets: a noun
// lemma and its sense number. They follow the label brief's definition of
// the category: religion or belief (and its practice: worship, clergy,
// holy days), race and ethnicity, sexual and political orientation, and
// hair and grooming.
var roots = []struct {
	lemma string
	sense int
}{
	{"religion", 1}, {"religion", 2}, {"religious_person", 1}, {"ethnic_group", 1}, {"race", 3},
	{"political_orientation", 1}, {"homosexual", 1}, {"heterosexual", 1}, {"hairdo", 1}, {"facial_hair", 1}, {"religious_holiday", 1}, {"place_of_worship", 1}, {"religious_ceremony", 1}, {"clergyman", 1}, {"scripture", 1}, {"worship", 1}, {"bisexual", 1}, {"homosexuality", 1}, {"heterosexuality", 1},
}

func main() {
	dict := flag.String("dict", "/usr/share/wordnet", "the folder of WordNet's database files")
	flag.Parse()
	if err := run(*dict); err != nil {
		fmt.Fprintf(os.Stderr, "wordnet-lexicon: %v\n", err)
		os.Exit(1)
	}
}

func run(dict string) error {
	nouns, err := readIndex(filepath.Join(dict, "index.noun"))
	if err != nil {
		return err
	}
	// A word that is also a verb, or an adjective or adverb while its
	// noun is written in lower case ("prior", "oblate"), has an everyday
	// sense; a proper name's adjective ("Catholic") keeps to its subject.
	other := map[string]bool{}
	for _, pos := range []string{"verb", "adj", "adv"} {
		idx, err := readIndex(filepath.Join(dict, "index."+pos))
		if err != nil {
			return err
		}
		for w := range idx {
			if pos == "verb" {
				other[w] = true
			} else if !other[w] {
				other[w] = false // an adjective or adverb: keep if proper
			}
		}
	}
	syn, err := readData(filepath.Join(dict, "data.noun"))
	if err != nil {
		return err
	}
	// The closure of the roots under hyponymy (not instances: a pope is
	// a person, not a kind of believer).
	under := map[string]bool{}
	var stack []string
	for _, r := range roots {
		offs := nouns[r.lemma]
		if len(offs) < r.sense {
			return fmt.Errorf("root %s#%d: not in index.noun", r.lemma, r.sense)
		}
		stack = append(stack, offs[r.sense-1])
	}
	for len(stack) > 0 {
		o := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if under[o] {
			continue
		}
		under[o] = true
		stack = append(stack, syn[o].hyponyms...)
	}
	// The words of the names of places: "Christi" is also a city's.
	place := map[string]bool{}
	for _, s := range syn {
		if s.lexFile != nounLocation {
			continue
		}
		for _, word := range s.words {
			for _, part := range strings.FieldsFunc(strings.ToLower(word), func(r rune) bool { return r == '_' || r == '-' }) {
				place[part] = true
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for o := range under {
		for _, word := range syn[o].words {
			w := strings.ToLower(word)
			verb, modifier := other[w]
			proper := word != w
			if strings.ContainsAny(w, "_-") {
				// A name of several words ("Yom Kippur") gives the words
				// that are nothing else in WordNet ("kippur").
				for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '_' || r == '-' }) {
					if len(part) < 4 || seen[part] || !letters(part) || !strings.Contains(word, strings.ToUpper(part[:1])+part[1:]) {
						continue // a short or lower-case word: "of", "the", "for"
					}
					known := false
					for _, base := range []string{part, strings.TrimSuffix(part, "s"), strings.TrimSuffix(part, "es"), strings.TrimSuffix(part, "ies") + "y"} {
						_, other := other[base]
						known = known || other || nouns[base] != nil
					}
					if !known && !place[part] {
						seen[part] = true
						out = append(out, part)
					}
				}
				continue
			}
			if strings.ContainsAny(w, "'.()") || seen[w] || verb || modifier && !proper {
				continue
			}
			seen[w] = true
			all := true
			for _, s := range nouns[w] {
				all = all && under[s]
			}
			// The checker stems words, so a plural whose singular has an
			// everyday sense ("stations", "station") is that sense too.
			for _, base := range []string{strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
				for _, s := range nouns[base] {
					all = all && (base == w || under[s])
				}
			}
			if all && len(nouns[w]) > 0 {
				out = append(out, w)
			}
		}
	}
	out = distinctStems(out, nouns, other, under)
	slices.Sort(out)
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "# identity: words WordNet 3.0 files only under the roots of go run ./knowledge/wording/cmd/wordnet-lexicon,")
	fmt.Fprintln(w, "# which wrote this file: religions, believers, clergy, worship, holy days, ethnic groups, races, orientations, hairstyles")
	for _, s := range out {
		fmt.Fprintf(w, "identity %s\n", s)
	}
	return w.Flush()
}

// distinctStems drops the words that, as the checker stems words, fall
// together with an everyday word: "missioner" stems to "mission" and
// "domine" to "dominate"'s "domin", and a sentence about a company's
// mission is not about faith. Everyday words are WordNet's verbs and the
// nouns with no sense under the roots; a noun with one ("Christianity",
// also Christendom) or an adjective ("Catholic") shares its stem with the
// words of its own subject.
func distinctStems(words []string, nouns map[string][]string, other map[string]bool, under map[string]bool) []string {
	everyday := map[string]bool{}
	for w, offs := range nouns {
		if !slices.ContainsFunc(offs, func(o string) bool { return under[o] }) {
			everyday[stem.Stem(w)] = true
		}
	}
	for w, verb := range other {
		if verb {
			everyday[stem.Stem(w)] = true
		}
	}
	var out []string
	for _, w := range words {
		if !everyday[stem.Stem(w)] {
			out = append(out, w)
		}
	}
	return out
}

func letters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// readIndex reads an index file: each lemma's synset offsets, by sense.
func readIndex(path string) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue // the licence
		}
		fs := strings.Fields(line)
		if len(fs) < 6 {
			continue
		}
		n, _ := strconv.Atoi(fs[2]) // synset_cnt
		out[fs[0]] = fs[len(fs)-n:]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	return out, nil
}

type synset struct {
	lexFile  string // the lexicographer file: "15" is noun.location
	words    []string
	hyponyms []string
}

const nounLocation = "15"

// readData reads a data file: each synset's words and hyponyms.
func readData(path string) (map[string]synset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read data: %w", err)
	}
	defer f.Close()
	out := map[string]synset{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, " ") {
			continue
		}
		fs := strings.Fields(strings.SplitN(line, "|", 2)[0])
		if len(fs) < 4 {
			continue
		}
		n, err := strconv.ParseInt(fs[3], 16, 32)
		if err != nil {
			return nil, fmt.Errorf("read data: %s: %w", fs[0], err)
		}
		s := synset{lexFile: fs[1]}
		i := 4
		for range n {
			s.words = append(s.words, fs[i])
			i += 2
		}
		p, _ := strconv.Atoi(fs[i])
		i++
		for range p {
			if fs[i] == "~" {
				s.hyponyms = append(s.hyponyms, fs[i+1])
			}
			i += 4
		}
		out[fs[0]] = s
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read data: %w", err)
	}
	return out, nil
}
