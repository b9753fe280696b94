package bot

import (
	"errors"
	"slices"
	"unicode/utf8"
)

// FieldError is an error about one input of a submitted form. Adapters
// that can (Slack modals) show it beside that input and keep the form open,
// so that nothing typed is lost.
type FieldError struct {
	Field string // the input's id, as in Request.Values
	Form  string // what the form shows; the error's own message when ""
	Err   error
}

// Error returns the message of the error it wraps.
func (e *FieldError) Error() string { return e.Err.Error() }

// Unwrap returns the error it wraps.
func (e *FieldError) Unwrap() error { return e.Err }

// maxFormError caps the text shown under an input.
const maxFormError = 500

// FormErrors returns what a refused form submission shows in the form: its
// message under the input the error names (see FieldError), or else under
// the first input of the form, in the words of the reply (ErrorReply's,
// with its reference for an internal error). It reports false when the
// request is not a form submission or the handler answered the error with
// a card of its own (reply.ErrorOnly unset), which is delivered instead.
func FormErrors(req Request, reply Reply, err error) (map[string]string, bool) {
	if req.Source != Submit || err == nil || len(req.Values) == 0 || !reply.ErrorOnly || reply.Card == nil {
		return nil, false
	}
	msg := reply.Card.Intro
	field := ""
	var fe *FieldError
	if errors.As(err, &fe) {
		if _, ok := req.Values[fe.Field]; ok {
			field = fe.Field
		}
		if fe.Form != "" {
			msg = fe.Form
		}
	}
	if field == "" {
		ids := make([]string, 0, len(req.Values))
		for id := range req.Values {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		field = ids[0]
	}
	if utf8.RuneCountInString(msg) > maxFormError {
		msg = string([]rune(msg)[:maxFormError-1]) + "…"
	}
	return map[string]string{field: msg}, true
}
