package shell

import (
	"fmt"
	"io"
	"strings"

	"github.com/hirebot/hirebot/bot"
)

// buttons returns every button of a card in the order the text shows them:
// the parts' buttons first, then the card's row.
func buttons(c *bot.Card) []bot.Button {
	var out []bot.Button
	for _, p := range c.Parts {
		if p.Button != nil {
			out = append(out, *p.Button)
		}
	}
	return append(out, c.Buttons...)
}

// writeCard prints a card as plain text, numbering its buttons so :click
// can press them.
func writeCard(w io.Writer, c *bot.Card) {
	writeFooter(w, c, writeBody(w, c))
}

// writeBody prints what a card says — its title, intro, parts (their
// buttons numbered from 1) and source — and returns how many buttons the
// parts have.
func writeBody(w io.Writer, c *bot.Card) int {
	if c.Title != "" {
		fmt.Fprintf(w, "== %s ==\n", c.Title)
	}
	if c.Intro != "" {
		fmt.Fprintf(w, "%s\n", c.Intro)
	}
	n := 0
	for _, p := range c.Parts {
		fmt.Fprintln(w)
		if p.Heading != "" {
			fmt.Fprintf(w, "%s\n", p.Heading)
		}
		if p.Text != "" {
			fmt.Fprintf(w, "%s\n", p.Text)
		}
		for i, it := range p.Items {
			if p.Numbered {
				fmt.Fprintf(w, "  %d. %s\n", i+1, it)
			} else {
				fmt.Fprintf(w, "  • %s\n", it)
			}
		}
		for _, ch := range p.Channels {
			fmt.Fprintf(w, "  • #%s\n", ch)
		}
		if p.Button != nil {
			n++
			fmt.Fprintf(w, "  [%d] %s\n", n, p.Button.Label)
		}
	}
	if c.Source != "" {
		fmt.Fprintf(w, "(%s)\n", c.Source)
	}
	return n
}

// writeFooter prints the rest of a card: its row of buttons, numbered
// after the n of its parts, who shared it and its note.
func writeFooter(w io.Writer, c *bot.Card, n int) {
	if len(c.Buttons) > 0 {
		var labels []string
		for _, b := range c.Buttons {
			n++
			labels = append(labels, fmt.Sprintf("[%d] %s", n, b.Label))
		}
		fmt.Fprintf(w, "\n%s\n", strings.Join(labels, "  "))
	}
	if c.SharedBy != "" {
		fmt.Fprintf(w, "(shared by %s)\n", c.SharedBy)
	}
	if c.Note != "" {
		fmt.Fprintf(w, "-- %s\n", c.Note)
	}
}
