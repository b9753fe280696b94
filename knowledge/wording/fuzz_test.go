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

// FuzzNewChecker: no overlay, however broken, makes NewChecker panic, and
// a checker it accepts checks a document.
func FuzzNewChecker(f *testing.F) {
	for _, s := range []string{
		"", "rules: []", "rules:\n  - id: jargon.x\n    category: jargon\n    severity: error\n    patterns: [xyz, '{language} x', 're:(?i)\\bx{{number}}']\n    message: m\n    fix: f\n    sources: [joblint]\n",
		"classes:\n  language: [klingon]\nrules:\n  - id: jargon.y\n    category: jargon\n    severity: info\n    patterns: ['{digits} x']\n    message: m\n    fix: f\n    sources: [joblint]\n",
		"categories:\n  - id: acme\n    title: Acme\n    allow: ['{nope}']\n", "limits: {min_words: 1}", "rules:\n  - {}", "- - -", "classes: {x: ['a b']}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, overlay string) {
		c, err := NewChecker([]byte(overlay))
		if err != nil {
			return
		}
		r := c.Check(ParseMarkdown(overlay), Options{})
		if r.Summary == "" {
			t.Error("empty summary")
		}
	})
}

// FuzzParseLabelled: no input makes ParseLabelled panic, and every item it
// accepts has text and a protected category or none.
func FuzzParseLabelled(f *testing.F) {
	for _, s := range []string{"", "clean: ok", "risky age: Under 40.", "risky pronouns: he", "risky: x", "clean:", "\ufeffclean: a\n# c\n\nrisky caste: b", "clean x: y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		items, err := ParseLabelled([]byte(data))
		if err != nil {
			return
		}
		for _, it := range items {
			if it.Text == "" || (it.Category != "" && !IsProtected(it.Category)) {
				t.Errorf("item %+v", it)
			}
		}
	})
}

// FuzzDecodeClassifier: no model file, however broken, makes the decoder
// panic; a model it accepts predicts a probability for every class.
func FuzzDecodeClassifier(f *testing.F) {
	f.Add(classifierModel[:min(len(classifierModel), 4096)])
	f.Add([]byte(modelMagic))
	f.Add([]byte(modelMagic + "\x00\x02\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeClassifier(data)
		if err != nil {
			return
		}
		probs := m.predict(Default().itemFeatures("Must be under 40."), nil)
		if len(probs) != len(m.classes) {
			t.Errorf("%d probabilities for %d classes", len(probs), len(m.classes))
		}
	})
}
