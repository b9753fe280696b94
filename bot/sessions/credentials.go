package sessions

import (
	"strings"

	"github.com/hirebot/hirebot"
	"github.com/redis/go-redis/v9"
)

// CredentialsError is Redis refusing the credentials the store connects
// with: none where Redis requires them (Missing: NOAUTH), or a user name
// or password it does not accept (WRONGPASS, "invalid username-password
// pair", "invalid password"). It is a setting to fix, not an outage to
// wait out; its kind is Unavailable, so that session commands say storage
// is unavailable meanwhile. Its message never holds the password: Redis
// does not repeat it.
type CredentialsError struct {
	Missing bool  // Redis wants credentials and none were given
	Err     error // Redis's reply, wrapped with the operation
}

// Error returns Redis's reply with the operation.
func (e *CredentialsError) Error() string { return e.Err.Error() }

// Unwrap returns the cause.
func (e *CredentialsError) Unwrap() error { return e.Err }

// ErrorKind returns Unavailable.
func (e *CredentialsError) ErrorKind() hirebot.Kind { return hirebot.Unavailable }

// credentialsRefused returns err as a *CredentialsError when it is Redis
// refusing the credentials, and nil otherwise.
func credentialsRefused(err error) *CredentialsError {
	if err == nil {
		return nil
	}
	msg := err.Error()
	missing := strings.Contains(msg, "NOAUTH")
	for _, refusal := range []string{"WRONGPASS", "invalid username-password pair", "invalid password",
		"called without any password configured"} {
		if strings.Contains(msg, refusal) {
			return &CredentialsError{Err: err}
		}
	}
	if missing || redis.IsAuthError(err) {
		return &CredentialsError{Missing: missing, Err: err}
	}
	return nil
}
