//go:build !linux

package redistest

import "syscall"

// sysProcAttr returns nil: outside Linux, servers are stopped only by
// tb.Cleanup.
func sysProcAttr() *syscall.SysProcAttr { return nil }
