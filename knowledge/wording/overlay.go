package wording

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Where an overlay's entries are: errors about them name the overlay's own
// entry — its number in the overlay and its line — not its place in the
// table merged with the built-in one.

// overlayLines is the part of an overlay that locates its entries.
type overlayLines struct {
	Sources    []yaml.Node `yaml:"sources"`
	Categories []yaml.Node `yaml:"categories"`
	Rules      []yaml.Node `yaml:"rules"`
}

// locate marks each source, category and rule of f, an overlay decoded
// from data, with where it is in data; replaced lists the ids of the
// built-in rules, so that a rule replacing one says so.
func (f *ruleFile) locate(data []byte, builtIn []ruleData) {
	var at overlayLines
	// data has decoded strictly already: this cannot fail on it.
	_ = yaml.NewDecoder(bytes.NewReader(data)).Decode(&at)
	line := func(nodes []yaml.Node, i int) int {
		if i < len(nodes) {
			return nodes[i].Line
		}
		return 0
	}
	for i := range f.Sources {
		f.Sources[i].at = entryAt("source", i, f.Sources[i].ID, line(at.Sources, i), "")
	}
	for i := range f.Categories {
		f.Categories[i].at = entryAt("category", i, f.Categories[i].ID, line(at.Categories, i), "")
	}
	for i, r := range f.Rules {
		note := ""
		for _, b := range builtIn {
			if b.ID == r.ID && r.ID != "" {
				note = "replacing the built-in rule"
				break
			}
		}
		f.Rules[i].at = entryAt("rule", i, r.ID, line(at.Rules, i), note)
	}
}

// entryAt names the i-th (from 0) entry of a kind in an overlay:
// `rule 2 ("acme.tone", line 14)`.
func entryAt(kind string, i int, id string, line int, note string) string {
	var what []string
	if id != "" {
		what = append(what, fmt.Sprintf("%q", id))
	}
	if line > 0 {
		what = append(what, fmt.Sprintf("line %d", line))
	}
	if note != "" {
		what = append(what, note)
	}
	s := fmt.Sprintf("%s %d", kind, i+1)
	for j, w := range what {
		if j == 0 {
			s += " (" + w
		} else {
			s += ", " + w
		}
	}
	if len(what) > 0 {
		s += ")"
	}
	return s
}

// where names the i-th (from 0) rule of the merged table in an error: by
// its place in the overlay when it comes from one.
func (rd ruleData) where(i int) string {
	if rd.at != "" {
		return rd.at
	}
	return fmt.Sprintf("rule %d (%q)", i+1, rd.ID)
}

// where names the i-th (from 0) source of the merged table in an error.
func (sd sourceData) where(i int) string {
	if sd.at != "" {
		return sd.at
	}
	return fmt.Sprintf("source %d (%q)", i+1, sd.ID)
}

// where names the i-th (from 0) category of the merged table in an error.
func (cd categoryData) where(i int) string {
	if cd.at != "" {
		return cd.at
	}
	return fmt.Sprintf("category %d", i+1)
}
