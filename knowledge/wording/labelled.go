package wording

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Protected lists the categories of the legal-risk layer that a labelled
// sentence may name: each is a protected characteristic or a practice
// that law restricts in hiring. The classifier labels a sentence with one
// of them or as clean.
var protected = []string{
	"age", "sex", "disability", "origin", "identity", "application",
	"genetic", "military", "caste", "salary-history", "criminal-record", "unpaid-work",
}

// ProtectedCategories returns the categories a labelled sentence may name.
func ProtectedCategories() []string { return slices.Clone(protected) }

// IsProtected reports whether category is one of ProtectedCategories, or
// counts as one: gendered pronouns for the hire are a matter of sex.
func IsProtected(category string) bool {
	return slices.Contains(protected, category) || protectedAs[category] != ""
}

// protectedAs maps the categories that count as a protected one to it.
var protectedAs = map[string]string{"pronouns": "sex"}

// protectedCategory is the protected category a finding's category counts
// as: itself, or the one it counts as.
func protectedCategory(category string) string {
	if p := protectedAs[category]; p != "" {
		return p
	}
	return category
}

// Labelled is one labelled sentence: risky with the category it should
// draw, or clean (Category "").
type Labelled struct {
	File     string // the file it comes from, when known
	Line     int    // line number in its file, from 1
	Category string // a protected category; "" for a clean sentence
	Text     string
}

// ParseLabelled reads labelled sentences, one a line: "risky <category>:
// <sentence>" or "clean: <sentence>". Blank lines and lines starting with
// "#" are skipped. A line in another form, or naming a category that is
// not protected, is an error naming the line.
func ParseLabelled(data []byte) ([]Labelled, error) {
	var out []Labelled
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, ":")
		text = strings.TrimSpace(text)
		kind, category, _ := strings.Cut(strings.TrimSpace(label), " ")
		category = strings.TrimSpace(category)
		switch {
		case !ok || text == "":
			return nil, fmt.Errorf("line %d: want \"risky <category>: sentence\" or \"clean: sentence\"", n)
		case kind == "risky" && slices.Contains(protected, category):
		case kind == "clean" && category == "":
		default:
			return nil, fmt.Errorf("line %d: bad label %q (categories: %s)", n, label, strings.Join(protected, ", "))
		}
		out = append(out, Labelled{Line: n, Category: category, Text: text})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read labelled sentences: %w", err)
	}
	return out, nil
}

// ReadWriterSets reads every "*.txt" file at the top of fsys as the
// labelled sentences of one writer, named by the file without ".txt", in
// name order.
func ReadWriterSets(fsys fs.FS) ([]WriterSet, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("read writer sets: %w", err)
	}
	slices.Sort(names)
	var out []WriterSet
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read writer sets: %w", err)
		}
		items, err := ParseLabelled(data)
		if err != nil {
			return nil, fmt.Errorf("read writer sets: %s: %w", name, err)
		}
		for i := range items {
			items[i].File = name
		}
		out = append(out, WriterSet{Name: strings.TrimSuffix(name, ".txt"), Items: items})
	}
	return out, nil
}

// TrainingSets are the labelled sentences the classifier is trained on:
// one set per writer from the "*.txt" files of writers (see
// ReadWriterSets), and the repository's own labelled sentences (repo, in
// the same format) as one more set, trained on but not used to choose the
// threshold (WriterSet.TrainOnly).
func TrainingSets(writers fs.FS, repo []byte) ([]WriterSet, error) {
	sets, err := ReadWriterSets(writers)
	if err != nil {
		return nil, err
	}
	items, err := ParseLabelled(repo)
	if err != nil {
		return nil, fmt.Errorf("repository sentences: %w", err)
	}
	return append(sets, WriterSet{Name: "repo", Items: items, TrainOnly: true}), nil
}
