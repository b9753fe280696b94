// Package blockkittest holds test helpers for Block Kit output: golden
// files of rendered messages and views.
package blockkittest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// MustMatchGolden compares v, as indented JSON, with testdata/name.json,
// first rewriting the file when update is set (the -update flag of the
// calling package's tests).
func MustMatchGolden(tb testing.TB, name string, v any, update bool) {
	tb.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatalf("marshal %s: %v", name, err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name+".json")
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s: rendered JSON differs from %s (run go test -update to accept):\n%s", name, path, got)
	}
}
