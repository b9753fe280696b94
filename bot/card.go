package bot

// Card is what a handler shows: a Slack-free description of one message.
// All text in a Card is plain text, never markup: renderers escape it, so
// nothing a user typed can ping anyone or inject formatting.
type Card struct {
	Title   string   // shown as a header
	Intro   string   // a paragraph under the title
	Parts   []Part   // the body
	Buttons []Button // one row of actions at the bottom
	Source  string   // small print under the body: where its content comes from
	Note    string   // small print at the end
	// SharedBy is the Slack user id of the person who shared the card in
	// the channel; renderers attribute the card to them.
	SharedBy string
}

// MaxPartText is how much text one part of a card may hold and still be
// shown whole in one message: renderers split a part's text into blocks
// (Block Kit allows 3000 characters a section), and a handler that builds
// a long part trims it to this.
const MaxPartText = 3 * 3000

// MaxInputText is the most text one modal input may start with or accept
// (Slack's plain_text_input limit); a handler that fills an input with
// longer text splits it over several inputs.
const MaxInputText = 3000

// Part is one block of a card's body.
type Part struct {
	Heading  string
	Text     string
	Items    []string // bullet points (or numbered, see Numbered)
	Numbered bool
	// Channels are Slack channel ids, listed after the items, each shown
	// as a link to its channel (the one kind of link a card holds).
	Channels []string
	Button   *Button // an optional button beside the part
}

// Button is a press-able action. Action routes the press back to a
// handler; Value carries its argument.
type Button struct {
	Label   string
	Action  string
	Value   string
	Style   string   // "", "primary" or "danger"
	Confirm *Confirm // ask before acting
}

// Confirm is a confirmation dialog shown before a button acts.
type Confirm struct {
	Title, Text, Yes, No string
}

// Modal is a form the user fills in (Slack opens it as a modal view).
type Modal struct {
	Callback string // routes the submission back to a handler
	Title    string // ≤ 24 characters
	Submit   string
	Metadata string // round-tripped untouched, ≤ 3000 characters
	Intro    string
	Inputs   []Input
	// Channel, when set, is the channel the form belongs to when it is
	// not the request's: a form opened from a direct message for a
	// channel's candidate. Its submission comes back as that channel's.
	Channel string
}

// Input is one field of a Modal.
type Input struct {
	ID        string
	Label     string
	Value     string
	Hint      string
	Multiline bool
	Optional  bool
	MaxLength int
	// Choices, when set, make the input a pick of one of them (Value is
	// the Value of the one picked at first, "" for none).
	Choices []Choice
}

// Choice is one option of an Input with Choices.
type Choice struct {
	Value string // what the submission carries
	Label string // ≤ 75 characters
}
