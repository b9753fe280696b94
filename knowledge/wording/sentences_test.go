package wording

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// labelled is one sentence of testdata/sentences.txt.
type labelled struct {
	line     int
	category string // the category a risky sentence must draw; "" for clean
	text     string
}

// mustLabelled reads the labelled sentences.
func mustLabelled(tb testing.TB) []labelled {
	tb.Helper()
	var out []labelled
	sc := bufio.NewScanner(bytes.NewReader(mustRead(tb, "testdata/sentences.txt")))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		label, text, ok := strings.Cut(line, ": ")
		kind, category, _ := strings.Cut(label, " ")
		switch {
		case !ok || strings.TrimSpace(text) == "":
			tb.Fatalf("sentences.txt:%d: want \"risky <category>: text\" or \"clean: text\"", n)
		case kind == "risky" && KnownRule(category) && !strings.Contains(category, "."):
		case kind == "clean" && category == "":
		default:
			tb.Fatalf("sentences.txt:%d: bad label %q", n, label)
		}
		out = append(out, labelled{line: n, category: category, text: text})
	}
	return out
}

// wordingFindings returns the findings about the words of text, leaving out
// those about the document as a whole (length, readability).
func wordingFindings(text string) []Finding {
	doc := Document{Title: "Chief Technology Officer", Location: "Remote", Salary: "$200,000 - $240,000", Summary: text}
	var out []Finding
	for _, f := range Check(doc, Options{}).Findings {
		if f.Quotes[0].Where != "document" {
			out = append(out, f)
		}
	}
	return out
}

// TestLabelledSentences measures the check on the labelled sentences:
// recall on the risky ones (a finding of the labelled category) must be at
// least 95 %, and at most 1 % of the clean ones may draw any finding. The
// classifier is trained on these sentences too (see train-classifier), so
// for its part this is a training figure; its held-out figure is the
// "repo" fold of the tuning report.
func TestLabelledSentences(t *testing.T) {
	sentences := mustLabelled(t)
	risky, caught, clean, flagged := 0, 0, 0, 0
	perCategory := map[string]int{}
	for _, s := range sentences {
		fs := wordingFindings(s.text)
		if s.category == "" {
			clean++
			if len(fs) > 0 {
				flagged++
				t.Logf("false positive (line %d): %q drew %s %v", s.line, s.text, fs[0].RuleID, fs[0].Quotes)
			}
			continue
		}
		risky++
		perCategory[s.category]++
		hit := false
		for _, f := range fs {
			hit = hit || f.Category == s.category
		}
		if hit {
			caught++
		} else {
			t.Logf("missed (line %d, %s): %q", s.line, s.category, s.text)
		}
	}
	if risky+clean < 150 || risky < 75 || clean < 50 {
		t.Fatalf("%d risky and %d clean sentences; want at least 150, with 75 risky and 50 clean", risky, clean)
	}
	for _, c := range []string{"age", "sex", "disability", "origin", "identity", "application"} {
		if perCategory[c] < 5 {
			t.Errorf("only %d risky sentences of category %s; want at least 5", perCategory[c], c)
		}
	}
	recall := float64(caught) / float64(risky)
	fpRate := float64(flagged) / float64(clean)
	t.Logf("recall %.1f%% (%d of %d risky sentences), false positives %.1f%% (%d of %d clean sentences)",
		100*recall, caught, risky, 100*fpRate, flagged, clean)
	if recall < 0.95 {
		t.Errorf("recall %.1f%% is below 95%%", 100*recall)
	}
	if fpRate > 0.01 {
		t.Errorf("false-positive rate %.1f%% is above 1%%", 100*fpRate)
	}
}
