package draft

import (
	"fmt"
	"strconv"

	"github.com/hirebot/hirebot"
)

// A draft's identity. Every draft gets one when it is started (Start.ID,
// chosen by the caller at random), kept for as long as it lives and never
// given to another draft of the channel: a version number names a moment
// of one draft, and a discarded draft's successor counts its versions from
// 1 again, so buttons, confirmations and forms name the draft they were
// shown for by its identity as well.

// EnsureID gives a draft stored before drafts had an identity one derived
// from when it was started, which no later draft of the channel shares.
func (d *Draft) EnsureID() {
	if d.ID == "" {
		d.ID = "t" + strconv.FormatUint(uint64(d.Created.UnixNano()), 36)
	}
}

// OtherDraftError says a button, confirmation or form was shown for draft
// Want, and the channel's draft is now another one, Now (started after
// Want was discarded or expired): nothing was done. Its kind is Conflict.
type OtherDraftError struct {
	Want, Now string
}

// Error describes e for logs.
func (e *OtherDraftError) Error() string {
	return fmt.Sprintf("draft: shown for draft %s, the channel's draft is now %s", e.Want, e.Now)
}

// ErrorKind returns Conflict.
func (e *OtherDraftError) ErrorKind() hirebot.Kind { return hirebot.Conflict }

// Is checks that d is the draft want names: it returns an
// *OtherDraftError when it is another.
func (d *Draft) Is(want string) error {
	d.EnsureID()
	if want != d.ID {
		return &OtherDraftError{Want: want, Now: d.ID}
	}
	return nil
}
