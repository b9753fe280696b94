package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version and commit are set at build time:
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=abc1234" ./cmd/hirebot
//
// Without them the version is "dev" and the commit is read from the
// build's VCS stamp when Go recorded one.
var (
	version = "dev"
	commit  = ""
)

// buildInfo returns the version, the commit ("" when unknown) and the Go
// version of this binary.
func buildInfo() (ver, rev, goVersion string) {
	rev = commit
	if bi, ok := debug.ReadBuildInfo(); ok && rev == "" {
		modified := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" && modified {
			rev += "-dirty"
		}
	}
	return version, rev, runtime.Version()
}

// printVersion prints "hirebot VERSION (commit COMMIT, GOVERSION)".
func printVersion(w io.Writer) int {
	ver, rev, gov := buildInfo()
	if rev == "" {
		rev = "unknown"
	}
	fmt.Fprintf(w, "hirebot %s (commit %s, %s)\n", ver, rev, gov)
	return 0
}
