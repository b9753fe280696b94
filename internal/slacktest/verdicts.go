package slacktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"unicode/utf8"
)

// maxVerdicts bounds how many checked payloads a Server remembers.
const maxVerdicts = 256

// verdict is what checking one reply payload found: the decoded reply and
// its blocks, or why Slack would refuse it.
type verdict struct {
	rep       reply
	blocks    json.RawMessage
	decodeErr error  // the payload is not a message
	code      string // a Slack error code; "" when the reply is valid
	problem   string // what is wrong, with code
}

// verdicts remembers the verdicts on reply payloads by their exact bytes.
// Checking is a pure function of the bytes, so a payload seen before gets
// the same verdict without being decoded again; a load run that sends the
// same card thousands of times then measures the bot, not the fake's JSON
// decoding. Every distinct payload is still checked in full.
type verdicts struct {
	mu sync.Mutex
	m  map[string]verdict
}

// check returns the verdict on payload, checking it unless it was seen.
func (v *verdicts) check(payload []byte) verdict {
	v.mu.Lock()
	got, ok := v.m[string(payload)]
	v.mu.Unlock()
	if ok {
		return got
	}
	var vd verdict
	if vd.decodeErr = json.Unmarshal(payload, &vd.rep); vd.decodeErr == nil {
		vd.blocks, vd.code, vd.problem = checkReply(vd.rep)
	}
	v.mu.Lock()
	if v.m == nil || len(v.m) >= maxVerdicts {
		v.m = make(map[string]verdict)
	}
	v.m[string(payload)] = vd
	v.mu.Unlock()
	return vd
}

// decoded reports whether payload was checked before and decoded as a
// message, which proves it valid JSON.
func (v *verdicts) decoded(payload []byte) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	vd, ok := v.m[string(payload)]
	return ok && vd.decodeErr == nil
}

// splitAck reads an ack, {"envelope_id": …, "payload": …}. slack-go writes
// exactly that, in that order, and splitAck reads such an ack in one pass
// (one validity scan of the payload); anything else is decoded in full.
func (v *verdicts) splitAck(data []byte) (id string, payload json.RawMessage, err error) {
	if id, payload, ok := splitAckFast(data, v.decoded); ok {
		return id, payload, nil
	}
	var msg struct {
		EnvelopeID string          `json:"envelope_id"`
		Payload    json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(data, &msg); err != nil {
		return "", nil, fmt.Errorf("decode ack: %w", err)
	}
	return msg.EnvelopeID, msg.Payload, nil
}

// splitAckFast splits an ack written as slack-go writes it. It reports
// false for any other shape. known reports payloads known to be valid JSON,
// which need no second look.
func splitAckFast(data []byte, known func([]byte) bool) (id string, payload json.RawMessage, ok bool) {
	const head, mid = `{"envelope_id":"`, `,"payload":`
	rest, found := bytes.CutPrefix(bytes.TrimRight(data, jsonSpace), []byte(head))
	if !found {
		return "", nil, false
	}
	end := bytes.IndexByte(rest, '"')
	if end < 0 || !plainString(rest[:end]) {
		return "", nil, false
	}
	id, rest = string(rest[:end]), rest[end+1:]
	if string(rest) == "}" {
		return id, nil, true
	}
	body, found := bytes.CutPrefix(rest, []byte(mid))
	if !found || len(body) < 2 || body[len(body)-1] != '}' {
		return "", nil, false
	}
	// A valid JSON value cannot swallow a further key, so this also
	// proves the split.
	body = bytes.Trim(body[:len(body)-1], jsonSpace)
	if !known(body) && !json.Valid(body) {
		return "", nil, false
	}
	return id, json.RawMessage(body), true
}

// jsonSpace is the white space JSON allows between tokens. bytes.TrimSpace
// is wrong here: it also trims \v, \f, U+0085 and U+00A0, which make an
// ack invalid JSON.
const jsonSpace = " \t\r\n"

// plainString reports whether b is the inside of a JSON string that needs
// no unescaping: valid UTF-8 with no backslash and no control character.
func plainString(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c == '\\' {
			return false
		}
	}
	return utf8.Valid(b)
}
