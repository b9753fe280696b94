package socket

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/slack-go/slack"

	"github.com/hirebot/hirebot/bot"
	"github.com/hirebot/hirebot/bot/blockkit"
)

// maxAnswers bounds how many rendered answers a Listener remembers.
const maxAnswers = 256

// answers remembers the ack payloads of quick answers by the card they
// show. A quick command answers the same few topics again and again, and
// rendering a card to Block Kit JSON costs more than finding it; since
// rendering is a pure function of the card, an equal card gets the same
// bytes back.
type answers struct {
	mu sync.Mutex
	m  map[string]json.RawMessage
}

// payload returns the ack payload that shows card, ephemeral unless public.
func (a *answers) payload(card *bot.Card, public bool) (json.RawMessage, error) {
	key := answerKey(card, public)
	a.mu.Lock()
	p, ok := a.m[key]
	a.mu.Unlock()
	if ok {
		return p, nil
	}
	m := blockkit.Card(card)
	r := ackReply{ResponseType: slack.ResponseTypeEphemeral, Text: m.Text, Blocks: slack.Blocks{BlockSet: m.Blocks}}
	if public {
		r.ResponseType = slack.ResponseTypeInChannel
	}
	p, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("render the answer as JSON: %w", err)
	}
	a.mu.Lock()
	if a.m == nil || len(a.m) >= maxAnswers {
		a.m = make(map[string]json.RawMessage)
	}
	a.m[key] = p
	a.mu.Unlock()
	return p, nil
}

// answerKey spells out every field of card, each length-prefixed, so two
// cards have the same key exactly when they are equal.
func answerKey(c *bot.Card, public bool) string {
	var k keyWriter
	k.bool(public)
	k.str(c.Title)
	k.str(c.Intro)
	k.str(c.Note)
	k.str(c.SharedBy)
	k.int(len(c.Parts))
	for _, p := range c.Parts {
		k.str(p.Heading)
		k.str(p.Text)
		k.bool(p.Numbered)
		k.int(len(p.Items))
		for _, it := range p.Items {
			k.str(it)
		}
		k.int(len(p.Channels))
		for _, ch := range p.Channels {
			k.str(ch)
		}
		k.button(p.Button)
	}
	k.int(len(c.Buttons))
	for i := range c.Buttons {
		k.button(&c.Buttons[i])
	}
	return k.String()
}

// keyWriter builds an answerKey.
type keyWriter struct{ strings.Builder }

func (k *keyWriter) int(n int) {
	k.WriteString(strconv.Itoa(n))
	k.WriteByte(';')
}

func (k *keyWriter) str(s string) {
	k.int(len(s))
	k.WriteString(s)
}

func (k *keyWriter) bool(b bool) {
	if b {
		k.WriteByte('t')
	} else {
		k.WriteByte('f')
	}
}

func (k *keyWriter) button(b *bot.Button) {
	if b == nil {
		k.WriteByte('-')
		return
	}
	k.WriteByte('+')
	k.str(b.Label)
	k.str(b.Action)
	k.str(b.Value)
	k.str(b.Style)
	if b.Confirm == nil {
		k.WriteByte('-')
		return
	}
	k.WriteByte('+')
	k.str(b.Confirm.Title)
	k.str(b.Confirm.Text)
	k.str(b.Confirm.Yes)
	k.str(b.Confirm.No)
}
