package slacktest

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Slack's limits the fake enforces.
const (
	// MaxMessageText is how many characters of text (the text field plus
	// every text in the blocks) a message may carry before msg_too_long.
	MaxMessageText = 13000

	maxMessageBlocks  = 50
	maxModalBlocks    = 100
	maxSectionText    = 3000
	maxSectionFields  = 10
	maxFieldText      = 2000
	maxHeaderText     = 150
	maxActionElements = 25
	maxContextItems   = 10
	maxButtonText     = 75
	maxButtonValue    = 2000
	maxBlockID        = 255
	maxViewTitle      = 24
	maxPrivateMeta    = 3000
	maxCallbackID     = 255
	maxInputLabel     = 2000
	maxOptionText     = 75
	maxOptionValue    = 150
	maxRadioOptions   = 10
	maxSelectOptions  = 100
	maxInputLength    = 3000
)

// textObject is a Block Kit text object.
type textObject struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// block holds the parts of a block the fake checks.
type block struct {
	Type     string       `json:"type"`
	BlockID  string       `json:"block_id"`
	Text     *textObject  `json:"text"`
	Fields   []textObject `json:"fields"`
	Elements []element    `json:"elements"`
	Label    *textObject  `json:"label"`
	Hint     *textObject  `json:"hint"`
	Element  *element     `json:"element"` // an input block's element
}

// element holds the parts of an interactive or context element the fake checks.
type element struct {
	Type     string          `json:"type"`
	ActionID string          `json:"action_id"`
	Text     json.RawMessage `json:"text"` // a text object, or a string in a context's text element
	Value    string          `json:"value"`
	// Options, InitialOption, MaxLength and InitialValue are the parts of
	// an input's element the fake checks.
	Options       []option `json:"options"`
	InitialOption *option  `json:"initial_option"`
	MaxLength     int      `json:"max_length"`
	InitialValue  string   `json:"initial_value"`
}

// option is a Block Kit option object.
type option struct {
	Text        *textObject `json:"text"`
	Description *textObject `json:"description"`
	Value       string      `json:"value"`
}

// checkBlocks validates a blocks array as Slack would and returns how many
// characters of text it holds.
func checkBlocks(raw []byte, maxBlocks int) (int, error) {
	var blocks []block
	if err := json.Unmarshal(raw, &blocks); err != nil {
		return 0, fmt.Errorf("blocks are not a JSON array of blocks: %w", err)
	}
	if len(blocks) > maxBlocks {
		return 0, fmt.Errorf("%d blocks (at most %d)", len(blocks), maxBlocks)
	}
	ids := map[string]bool{}
	total := 0
	for i, b := range blocks {
		if b.Type == "" {
			return 0, fmt.Errorf("block %d has no type", i)
		}
		if b.BlockID != "" {
			if ids[b.BlockID] {
				return 0, fmt.Errorf("block %d: duplicate block_id %q", i, b.BlockID)
			}
			ids[b.BlockID] = true
			if runes(b.BlockID) > maxBlockID {
				return 0, fmt.Errorf("block %d: block_id longer than %d", i, maxBlockID)
			}
		}
		n, err := checkBlock(b)
		if err != nil {
			return 0, fmt.Errorf("block %d (%s): %w", i, b.Type, err)
		}
		total += n
	}
	return total, nil
}

// checkBlock validates one block and returns its characters of text.
func checkBlock(b block) (int, error) {
	total := 0
	if b.Text != nil {
		total += runes(b.Text.Text)
	}
	switch b.Type {
	case "section":
		if b.Text == nil && len(b.Fields) == 0 {
			return 0, errors.New("a section needs text or fields")
		}
		if b.Text != nil && runes(b.Text.Text) > maxSectionText {
			return 0, fmt.Errorf("text is %d characters (at most %d)", runes(b.Text.Text), maxSectionText)
		}
		if len(b.Fields) > maxSectionFields {
			return 0, fmt.Errorf("%d fields (at most %d)", len(b.Fields), maxSectionFields)
		}
		for _, f := range b.Fields {
			if runes(f.Text) > maxFieldText {
				return 0, fmt.Errorf("a field is %d characters (at most %d)", runes(f.Text), maxFieldText)
			}
			total += runes(f.Text)
		}
	case "header":
		if b.Text == nil || b.Text.Type != "plain_text" {
			return 0, errors.New("a header needs plain_text text")
		}
		if runes(b.Text.Text) > maxHeaderText {
			return 0, fmt.Errorf("text is %d characters (at most %d)", runes(b.Text.Text), maxHeaderText)
		}
	case "actions":
		if len(b.Elements) == 0 || len(b.Elements) > maxActionElements {
			return 0, fmt.Errorf("%d elements (1 to %d)", len(b.Elements), maxActionElements)
		}
		actionIDs := map[string]bool{}
		for _, e := range b.Elements {
			if e.ActionID != "" {
				if actionIDs[e.ActionID] {
					return 0, fmt.Errorf("duplicate action_id %q", e.ActionID)
				}
				actionIDs[e.ActionID] = true
			}
			if e.Type == "button" {
				if t, isObj := e.textOf(); !isObj || runes(t) > maxButtonText {
					return 0, fmt.Errorf("a button needs text of at most %d characters", maxButtonText)
				}
				if runes(e.Value) > maxButtonValue {
					return 0, fmt.Errorf("a button value is %d characters (at most %d)", runes(e.Value), maxButtonValue)
				}
			}
		}
	case "input":
		return checkInput(b)
	case "context":
		if len(b.Elements) == 0 || len(b.Elements) > maxContextItems {
			return 0, fmt.Errorf("%d elements (1 to %d)", len(b.Elements), maxContextItems)
		}
		for _, e := range b.Elements {
			t, _ := e.textOf()
			total += runes(t)
		}
	}
	return total, nil
}

// checkInput validates an input block: its label, hint and element, with
// the limits Slack keeps on options and input lengths.
func checkInput(b block) (int, error) {
	if b.Label == nil || b.Label.Type != "plain_text" || b.Label.Text == "" {
		return 0, errors.New("an input needs a plain_text label")
	}
	if runes(b.Label.Text) > maxInputLabel {
		return 0, fmt.Errorf("label is %d characters (at most %d)", runes(b.Label.Text), maxInputLabel)
	}
	if b.Hint != nil && runes(b.Hint.Text) > maxInputLabel {
		return 0, fmt.Errorf("hint is %d characters (at most %d)", runes(b.Hint.Text), maxInputLabel)
	}
	e := b.Element
	if e == nil {
		return 0, errors.New("an input needs an element")
	}
	total := runes(b.Label.Text)
	switch e.Type {
	case "plain_text_input":
		if n := runes(e.InitialValue); n > maxInputLength {
			return 0, fmt.Errorf("plain_text_input initial_value is %d characters (at most %d)", n, maxInputLength)
		}
		if e.MaxLength > maxInputLength {
			return 0, fmt.Errorf("max_length %d (at most %d)", e.MaxLength, maxInputLength)
		}
		if e.MaxLength > 0 && runes(e.InitialValue) > e.MaxLength {
			return 0, fmt.Errorf("initial_value is %d characters, over its max_length %d", runes(e.InitialValue), e.MaxLength)
		}
	case "radio_buttons", "static_select":
		limit := maxSelectOptions
		if e.Type == "radio_buttons" {
			limit = maxRadioOptions
		}
		if len(e.Options) == 0 || len(e.Options) > limit {
			return 0, fmt.Errorf("%s has %d options (1 to %d)", e.Type, len(e.Options), limit)
		}
		values := map[string]bool{}
		for _, o := range e.Options {
			if o.Text == nil || o.Text.Text == "" || runes(o.Text.Text) > maxOptionText {
				return 0, fmt.Errorf("an option needs text of 1 to %d characters", maxOptionText)
			}
			if o.Value == "" || runes(o.Value) > maxOptionValue || values[o.Value] {
				return 0, fmt.Errorf("an option needs a unique value of 1 to %d characters", maxOptionValue)
			}
			if o.Description != nil && runes(o.Description.Text) > maxOptionText {
				return 0, fmt.Errorf("an option's description is %d characters (at most %d)", runes(o.Description.Text), maxOptionText)
			}
			values[o.Value] = true
			total += runes(o.Text.Text)
		}
		if e.InitialOption != nil && !values[e.InitialOption.Value] {
			return 0, fmt.Errorf("initial_option %q is not one of the options", e.InitialOption.Value)
		}
	default:
		return 0, fmt.Errorf("the fake does not know input element %q", e.Type)
	}
	return total, nil
}

// textOf returns an element's text and whether it was a text object.
func (e element) textOf() (string, bool) {
	var str string
	if json.Unmarshal(e.Text, &str) == nil {
		return str, false
	}
	var obj textObject
	if json.Unmarshal(e.Text, &obj) == nil && obj.Type != "" {
		return obj.Text, true
	}
	return "", false
}

// runes counts characters as Slack does.
func runes(s string) int { return utf8.RuneCountInString(s) }
