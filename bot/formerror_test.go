package bot

import (
	"errors"
	"strings"
	"testing"

	"github.com/hirebot/hirebot"
)

func TestFormErrors(t *testing.T) {
	form := Request{Source: Submit, Values: map[string]string{"rec": "", "r:communication": "3", "n:communication": ""}}
	refused := hirebot.Errorf(hirebot.Invalid, "The debrief is closed.")
	long := hirebot.Errorf(hirebot.Invalid, "%s", strings.Repeat("é", 700))
	tests := []struct {
		name  string
		req   Request
		err   error
		own   bool // the handler answered with a card of its own
		field string
		msg   string
		ok    bool
	}{
		{name: "no error", req: form},
		{name: "not a form", req: Request{Source: Slash, Values: form.Values}, err: refused},
		{name: "the handler's own card", req: form, err: refused, own: true},
		{name: "internal error: its reference", req: form, err: errors.New("boom"), field: "n:communication", msg: "something went wrong (ref ). It has been logged; please try again.", ok: true},
		{name: "no field named: the first input", req: form, err: refused, field: "n:communication", msg: "The debrief is closed.", ok: true},
		{name: "a field named", req: form, err: &FieldError{Field: "rec", Err: refused}, field: "rec", msg: "The debrief is closed.", ok: true},
		{name: "words for the form", req: form, err: &FieldError{Field: "rec", Form: "Pick one.", Err: refused}, field: "rec", msg: "Pick one.", ok: true},
		{name: "a field not in the form", req: form, err: &FieldError{Field: "gone", Err: refused}, field: "n:communication", msg: "The debrief is closed.", ok: true},
		{name: "storage down", req: form, err: hirebot.Wrap(hirebot.Unavailable, errors.New("dial tcp: refused"), ""), field: "n:communication", msg: "storage unavailable, try again in a moment", ok: true},
		{name: "long", req: form, err: long, field: "n:communication", msg: strings.Repeat("é", maxFormError-1) + "…", ok: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reply := ErrorReply(tt.err, "")
			if tt.own {
				reply = Reply{Card: &Card{Title: "Not saved", Parts: []Part{{Text: "what changed"}}}}
			}
			got, ok := FormErrors(tt.req, reply, tt.err)
			if ok != tt.ok {
				t.Fatalf("FormErrors ok = %v, want %v (%v)", ok, tt.ok, got)
			}
			if !ok {
				return
			}
			if len(got) != 1 || got[tt.field] != tt.msg {
				t.Errorf("FormErrors = %q; want %q under %q", got, tt.msg, tt.field)
			}
		})
	}
}
