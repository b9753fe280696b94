// Package golden compares test output with golden files: text as it is,
// values (such as rendered Block Kit) as indented JSON. Tests that use it
// accept -update to rewrite the files with what they got.
package golden

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Match fails tb unless got equals the file at path (relative to the test's
// package). With -update it writes got to path first, creating folders.
func Match(tb testing.TB, path, got string) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if got != string(want) {
		tb.Errorf("output differs from %s (run go test -update to accept):\n%s", path, got)
	}
}

// MatchJSON is Match for v written as indented JSON with a final newline.
func MatchJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		tb.Fatalf("marshal %s: %v", path, err)
	}
	Match(tb, path, string(got)+"\n")
}
