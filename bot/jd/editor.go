package jd

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/draft"
)

// The Edit modal holds each section as one or more multi-line inputs of at
// most bot.MaxInputText characters (Slack's limit for a
// plain_text_input): a section whose items take more is split between
// items, into inputs named "requirements", "requirements.2", …. With
// MaxItems items of MaxItemRunes each that is at most ten inputs a section,
// well within the 100 blocks of a view.
const (
	// chunkRunes is how full the editor fills one input, leaving room to
	// type more.
	chunkRunes = 2500
	// maxChunks bounds the inputs of one section read back on save.
	maxChunks = 20
)

// sectionInputs returns the inputs that hold the items of sec.
func sectionInputs(sec draft.Section, items []draft.Item) []bot.Input {
	var chunks [][]string
	var cur []string
	size := 0
	for _, it := range items {
		n := utf8.RuneCountInString(it.Text) + 1
		if len(cur) > 0 && size+n > chunkRunes {
			chunks = append(chunks, cur)
			cur, size = nil, 0
		}
		cur, size = append(cur, it.Text), size+n
	}
	chunks = append(chunks, cur)
	if size > chunkRunes-draft.MaxItemRunes && len(items) < draft.MaxItems {
		chunks = append(chunks, nil) // room for new items
	}
	inputs := make([]bot.Input, len(chunks))
	first := 1
	for i, lines := range chunks {
		label := sec.Label()
		if len(chunks) > 1 {
			label = fmt.Sprintf("%s (part %d of %d)", sec.Label(), i+1, len(chunks))
		}
		hint := fmt.Sprintf("One item per line, at most %d in the section.", draft.MaxItems)
		if len(lines) > 0 && len(chunks) > 1 {
			hint = fmt.Sprintf("Items %d–%d. %s", first, first+len(lines)-1, hint)
		}
		inputs[i] = bot.Input{ID: chunkID(sec, i), Label: label, Value: strings.Join(lines, "\n"),
			Multiline: true, Optional: true, Hint: hint, MaxLength: bot.MaxInputText}
		first += len(lines)
	}
	return inputs
}

// chunkID names the ith input of sec.
func chunkID(sec draft.Section, i int) string {
	if i == 0 {
		return string(sec)
	}
	return string(sec) + "." + strconv.Itoa(i+1)
}

// sectionText joins what the inputs of sec hold, in order.
func sectionText(sec draft.Section, values map[string]string) string {
	var parts []string
	for i := range maxChunks {
		if v, ok := values[chunkID(sec, i)]; ok {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "\n")
}

// editorInput reports whether id names an input the editor has: a field,
// or one of the inputs of a section.
func editorInput(id string) bool {
	if f := canonicalField(id); f != "" {
		return !f.Setting() // a setting is set by name, never in the editor
	}
	for _, sec := range draft.Sections {
		for i := range maxChunks {
			if id == chunkID(sec, i) {
				return true
			}
		}
	}
	return false
}

// canonicalField returns the field id names by its canonical name, or "".
func canonicalField(id string) draft.Field {
	for _, f := range draft.Fields {
		if string(f) == id {
			return f
		}
	}
	return ""
}
