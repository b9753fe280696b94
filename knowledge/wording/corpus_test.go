package wording

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebot/hirebot/internal/golden"
)

// corpusFiles returns the job descriptions of the test corpus.
func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	var files []string
	for _, pattern := range []string{"*.md", "*.txt"} {
		m, err := filepath.Glob(filepath.Join("testdata", "corpus", pattern))
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 10 {
		tb.Fatalf("the corpus has %d job descriptions; want at least 10", len(files))
	}
	return files
}

// MustCheckFile parses and checks one corpus file.
func MustCheckFile(tb testing.TB, path string) Report {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return Check(ParseMarkdown(string(data)), Options{})
}

// TestCorpus compares the text report of each corpus file with its golden
// file. Run with -update to rewrite them after a deliberate change.
func TestCorpus(t *testing.T) {
	for _, path := range corpusFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var buf bytes.Buffer
			if err := MustCheckFile(t, path).WriteText(&buf); err != nil {
				t.Fatal(err)
			}
			golden.Match(t, strings.TrimSuffix(path, filepath.Ext(path))+".golden", buf.String())
		})
	}
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
