package ctorole

import (
	"sync"

	"github.com/hirebot/hirebot/bot"
)

// maxNamed bounds how many args a topicMemo remembers.
const maxNamed = 1024

// topicMemo remembers the card of the topic the args of a /cto-role
// command named ("skills", "cio responsibilities"). Teams ask for the
// same few topics again and again, and working out that a word names a
// topic (parsing, the role, typos) and laying out its card cost more
// than the rest of the answer, whose JSON the socket remembers anyway.
// The pack never changes while the bot runs, so what the args named once
// they always name. Only named topics are kept: questions, choices and
// pointers are resolved every time.
type topicMemo struct {
	mu sync.Mutex
	m  map[string]*bot.Card // by memoKey
}

// memoKey is the key of args' card, private (with a Share button) or not.
func memoKey(args string, private bool) string {
	if private {
		return "p" + args
	}
	return "c" + args
}

// get returns a copy of the card remembered for args, if any: the
// caller may set its fields (SharedBy) without touching the memo's.
func (m *topicMemo) get(args string, private bool) (*bot.Card, bool) {
	m.mu.Lock()
	c, ok := m.m[memoKey(args, private)]
	m.mu.Unlock()
	if !ok {
		return nil, false
	}
	cp := *c
	return &cp, true
}

// put remembers card for args, forgetting everything once full; it keeps
// a copy, so the caller's card stays its own.
func (m *topicMemo) put(args string, private bool, card *bot.Card) {
	cp := *card
	m.mu.Lock()
	if m.m == nil || len(m.m) >= maxNamed {
		m.m = make(map[string]*bot.Card)
	}
	m.m[memoKey(args, private)] = &cp
	m.mu.Unlock()
}
