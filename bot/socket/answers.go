package socket

import (
	"encoding/json"
	"fmt"
	"strconv"
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
	// keys holds buffers for building keys, so that a lookup allocates
	// nothing (only a new entry copies its key).
	keys sync.Pool
}

// payload returns the ack payload that shows card, ephemeral unless public.
func (a *answers) payload(card *bot.Card, public bool) (json.RawMessage, error) {
	buf, _ := a.keys.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer a.keys.Put(buf)
	*buf = appendAnswerKey((*buf)[:0], card, public)
	a.mu.Lock()
	p, ok := a.m[string(*buf)] // no allocation: the compiler looks up with the bytes
	a.mu.Unlock()
	if ok {
		return p, nil
	}
	key := string(*buf)
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
	return string(appendAnswerKey(nil, c, public))
}

// appendAnswerKey appends the answerKey of card to dst.
func appendAnswerKey(dst []byte, c *bot.Card, public bool) []byte {
	k := keyWriter{dst}
	k.bool(public)
	k.str(c.Title)
	k.str(c.Intro)
	k.str(c.Source)
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
	return k.b
}

// keyWriter builds an answerKey.
type keyWriter struct{ b []byte }

func (k *keyWriter) byte(c byte) { k.b = append(k.b, c) }

func (k *keyWriter) int(n int) {
	k.b = strconv.AppendInt(k.b, int64(n), 10)
	k.b = append(k.b, ';')
}

func (k *keyWriter) str(s string) {
	k.int(len(s))
	k.b = append(k.b, s...)
}

func (k *keyWriter) bool(b bool) {
	if b {
		k.byte('t')
	} else {
		k.byte('f')
	}
}

func (k *keyWriter) button(b *bot.Button) {
	if b == nil {
		k.byte('-')
		return
	}
	k.byte('+')
	k.str(b.Label)
	k.str(b.Action)
	k.str(b.Value)
	k.str(b.Style)
	if b.Confirm == nil {
		k.byte('-')
		return
	}
	k.byte('+')
	k.str(b.Confirm.Title)
	k.str(b.Confirm.Text)
	k.str(b.Confirm.Yes)
	k.str(b.Confirm.No)
}
