package wording

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// seeds returns the corpus and some awkward inputs as fuzz seeds.
func seeds(f *testing.F) {
	f.Helper()
	for _, path := range corpusFiles(f) {
		f.Add(string(mustRead(f, path)))
	}
	for _, s := range []string{
		"", "#", "# \n##\n-", "---\n", "---\ntitle: x", "```", "- \n  \n\t-", "he'", "'he", "s/he or",
		"Salary:", "up to $", "10+", "class of 19", "\xff\xfe", "é\u2019s", "===\n---", "1. 2) 3.",
		strings.Repeat("rockstar ", 50), strings.Repeat("-", 300),
	} {
		f.Add(s)
	}
}

func FuzzParseMarkdown(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := ParseMarkdown(text)
		for _, s := range doc.Sections {
			if s.Name == "" {
				t.Errorf("section without a name in %#v", doc)
			}
		}
		if utf8.ValidString(text) && !utf8.ValidString(doc.Summary) {
			t.Errorf("summary %q is not valid UTF-8", doc.Summary)
		}
	})
}

func FuzzCheck(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc := ParseMarkdown(text)
		doc.Salary, doc.Location = text, text
		r := Check(doc, Options{Ignore: []string{text}})
		for _, fd := range r.Findings {
			if fd.RuleID == "" || fd.Fix == "" || fd.Citation == "" || len(fd.Quotes) == 0 || fd.Quotes[0].Where == "" {
				t.Errorf("incomplete finding %+v", fd)
			}
		}
		if r.Summary == "" {
			t.Error("empty summary")
		}
		var buf bytes.Buffer
		if err := r.WriteText(&buf); err != nil {
			t.Fatal(err)
		}
	})
}
