//go:build !loadprobe

package main

// startMemProbe does nothing in a release build; see memprobe_on.go.
func startMemProbe() {}
