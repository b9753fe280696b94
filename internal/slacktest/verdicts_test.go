package slacktest

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestSplitAck(t *testing.T) {
	tests := []struct {
		name, data, id, payload string
		fast, bad               bool
	}{
		{name: "no payload", data: `{"envelope_id":"e1"}`, id: "e1", fast: true},
		{name: "payload", data: `{"envelope_id":"e1","payload":{"text":"ok"}}`, id: "e1", payload: `{"text":"ok"}`, fast: true},
		{name: "null payload", data: `{"envelope_id":"e1","payload":null}`, id: "e1", payload: `null`, fast: true},
		{name: "trailing newline", data: "{\"envelope_id\":\"e1\",\"payload\":{}}\n", id: "e1", payload: `{}`, fast: true},
		{name: "keys swapped", data: `{"payload":{"a":1},"envelope_id":"e2"}`, id: "e2", payload: `{"a":1}`},
		{name: "spaces", data: `{ "envelope_id": "e3" }`, id: "e3"},
		{name: "escaped id", data: `{"envelope_id":"e\u0031"}`, id: "e1"},
		{name: "another key after the payload", data: `{"envelope_id":"e1","payload":{"a":1},"x":2}`, id: "e1", payload: `{"a":1}`},
		{name: "payload that is not one value", data: `{"envelope_id":"e1","payload":{"a":1},"payload":{"b":2}}`, id: "e1", payload: `{"b":2}`},
		{name: "not JSON", data: `{"envelope_id":"e1","payload":{`, bad: true},
		{name: "not an object", data: `[1]`, bad: true},
		{name: "vertical tab after the payload", data: "{\"envelope_id\":\"e1\",\"payload\":{}\v}", bad: true},
		{name: "no-break space after the payload", data: "{\"envelope_id\":\"e1\",\"payload\":{}\u00a0}", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v verdicts
			_, _, fast := splitAckFast([]byte(tt.data), v.decoded)
			if fast != tt.fast {
				t.Errorf("fast path taken = %v, want %v", fast, tt.fast)
			}
			id, payload, err := v.splitAck([]byte(tt.data))
			if (err != nil) != tt.bad {
				t.Fatalf("splitAck(%s) error = %v, want an error: %v", tt.data, err, tt.bad)
			}
			if id != tt.id || string(payload) != tt.payload {
				t.Errorf("splitAck(%s) = %q, %s; want %q, %s", tt.data, id, payload, tt.id, tt.payload)
			}
		})
	}
}

// FuzzSplitAck checks that the fast path reads every ack it accepts as a
// full decode does.
func FuzzSplitAck(f *testing.F) {
	for _, s := range []string{`{"envelope_id":"e1"}`, `{"envelope_id":"e1","payload":{"text":"ok"}}`,
		`{"envelope_id":"e1","payload":{"a":1},"x":2}`, `{"envelope_id":"é","payload": "}" }`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		known := func([]byte) bool { return false }
		id, payload, ok := splitAckFast(data, known)
		if !ok {
			return
		}
		var msg struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if err := json.Unmarshal(data, &msg); err != nil {
			t.Fatalf("fast path accepted %q, which is not a valid ack: %v", data, err)
		}
		if id != msg.EnvelopeID || !bytes.Equal(payload, msg.Payload) {
			t.Fatalf("fast path read %q as %q, %q; a full decode reads %q, %q", data, id, payload, msg.EnvelopeID, msg.Payload)
		}
	})
}

func TestVerdictsRemember(t *testing.T) {
	var v verdicts
	good := []byte(`{"text":"hi","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"hi"}}]}`)
	bad := []byte(`{"text":"hi","blocks":[{"type":"section"}]}`)
	for range 2 { // the second round is answered from memory
		if vd := v.check(good); vd.decodeErr != nil || vd.code != "" || vd.rep.Text != "hi" || len(vd.blocks) == 0 {
			t.Errorf("check(good) = %+v, want a valid reply with its blocks", vd)
		}
		if vd := v.check(bad); vd.code != "invalid_blocks" {
			t.Errorf("check(bad) code = %q, want invalid_blocks", vd.code)
		}
		if vd := v.check([]byte(`[`)); vd.decodeErr == nil {
			t.Error("check([) decoded")
		}
	}
	for i := range maxVerdicts + 1 {
		v.check([]byte(`{"text":"` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `"}`))
	}
	if len(v.m) > maxVerdicts {
		t.Errorf("%d verdicts remembered, want at most %d", len(v.m), maxVerdicts)
	}
}
