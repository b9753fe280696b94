package wording

import (
	"bufio"
	"fmt"
	"io"
	"slices"
)

// SentenceFindings checks one sentence as the summary of an otherwise
// complete ad and returns the findings about its words (those about the
// ad as a whole, such as its length, are left out).
func (c *Checker) SentenceFindings(text string) []Finding {
	doc := Document{Title: "Chief Technology Officer", Location: "Remote", Salary: "$200,000 - $240,000", Summary: text}
	var out []Finding
	for _, f := range c.Check(doc, Options{}).Findings {
		if f.Quotes[0].Where != "document" {
			out = append(out, f)
		}
	}
	return out
}

// Scorecard is how the check did on a set of labelled sentences.
type Scorecard struct {
	Risky, Clean   int
	Caught         int // risky sentences with a protected-category finding at warning or above
	RightCategory  int // of those, with a finding of the labelled category
	ByReviewOnly   int // caught only by a classifier (review) finding
	FalsePositives int // clean sentences with any finding at warning or above
	Categories     map[string]*CategoryScore
	Misses         []Scored // risky sentences not caught
	Wrong          []Scored // caught, but not in the labelled category
	FalseAlarms    []Scored // clean sentences flagged
}

// CategoryScore is the recall on the risky sentences of one category.
type CategoryScore struct {
	Risky, Caught, RightCategory int
}

// Scored is one labelled sentence and what the check found on it.
type Scored struct {
	Labelled
	Found []string // the rule ids of the findings at warning or above
}

// Score checks each labelled sentence on its own (see SentenceFindings).
// A risky sentence is caught when it draws a finding of any protected
// category at warning, review or error, and caught in the right category
// when one of them is of its label; a clean sentence is a false positive
// when it draws any finding at warning or above.
func (c *Checker) Score(items []Labelled) Scorecard {
	s := newScorecard()
	for _, it := range items {
		var v verdict
		for _, f := range c.SentenceFindings(it.Text) {
			v.add(f, it.Category)
		}
		s.add(it, v)
	}
	return s
}

// A verdict is what the check found on one labelled sentence.
type verdict struct {
	ids                  []string // rule ids of the findings at warning or above
	caught, right, ruled bool     // a protected finding; of the label; by a rule
}

func (v *verdict) add(f Finding, label string) {
	if f.Severity < Warning {
		return
	}
	v.ids = append(v.ids, f.RuleID)
	if IsProtected(f.Category) {
		v.caught = true
		v.right = v.right || protectedCategory(f.Category) == label
		v.ruled = v.ruled || f.Severity != Review
	}
}

func newScorecard() Scorecard {
	s := Scorecard{Categories: map[string]*CategoryScore{}}
	for _, cat := range protected {
		s.Categories[cat] = &CategoryScore{}
	}
	return s
}

// add counts one sentence's verdict.
func (s *Scorecard) add(it Labelled, v verdict) {
	sc := Scored{Labelled: it, Found: v.ids}
	if it.Category == "" {
		s.Clean++
		if len(v.ids) > 0 {
			s.FalsePositives++
			s.FalseAlarms = append(s.FalseAlarms, sc)
		}
		return
	}
	s.Risky++
	cs := s.Categories[it.Category]
	cs.Risky++
	switch {
	case !v.caught:
		s.Misses = append(s.Misses, sc)
		return
	case !v.right:
		s.Wrong = append(s.Wrong, sc)
	}
	s.Caught++
	cs.Caught++
	if !v.ruled {
		s.ByReviewOnly++
	}
	if v.right {
		s.RightCategory++
		cs.RightCategory++
	}
}

// mergeScores adds scorecards up.
func mergeScores(cards []Scorecard) Scorecard {
	out := newScorecard()
	for _, c := range cards {
		out.Risky += c.Risky
		out.Clean += c.Clean
		out.Caught += c.Caught
		out.RightCategory += c.RightCategory
		out.ByReviewOnly += c.ByReviewOnly
		out.FalsePositives += c.FalsePositives
		for k, v := range c.Categories {
			o := out.Categories[k]
			o.Risky += v.Risky
			o.Caught += v.Caught
			o.RightCategory += v.RightCategory
		}
		out.Misses = append(out.Misses, c.Misses...)
		out.Wrong = append(out.Wrong, c.Wrong...)
		out.FalseAlarms = append(out.FalseAlarms, c.FalseAlarms...)
	}
	return out
}

// Recall is the share of risky sentences caught.
func (s Scorecard) Recall() float64 { return ratio(s.Caught, s.Risky) }

// FalsePositiveRate is the share of clean sentences flagged.
func (s Scorecard) FalsePositiveRate() float64 { return ratio(s.FalsePositives, s.Clean) }

func ratio(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// WriteText writes the scorecard: recall overall and per category, recall
// in the right category, false positives, then every miss, every catch in
// another category and every false alarm with its line.
func (s Scorecard) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "risky %d, clean %d\n", s.Risky, s.Clean)
	fmt.Fprintf(bw, "recall (warning, review or error, any protected category): %.1f%% (%d of %d; %d by review alone)\n",
		100*s.Recall(), s.Caught, s.Risky, s.ByReviewOnly)
	fmt.Fprintf(bw, "recall in the labelled category: %.1f%% (%d of %d)\n", 100*ratio(s.RightCategory, s.Risky), s.RightCategory, s.Risky)
	fmt.Fprintf(bw, "false positives (any finding at warning or above on a clean sentence): %.1f%% (%d of %d)\n",
		100*s.FalsePositiveRate(), s.FalsePositives, s.Clean)
	fmt.Fprintf(bw, "\n%-16s %6s %8s %8s\n", "category", "risky", "recall", "right")
	for _, cat := range protected {
		cs := s.Categories[cat]
		if cs.Risky == 0 {
			continue
		}
		fmt.Fprintf(bw, "%-16s %6d %7.1f%% %7.1f%%\n", cat, cs.Risky, 100*ratio(cs.Caught, cs.Risky), 100*ratio(cs.RightCategory, cs.Risky))
	}
	list := func(title string, xs []Scored) {
		if len(xs) == 0 {
			return
		}
		fmt.Fprintf(bw, "\n%s (%d):\n", title, len(xs))
		for _, x := range xs {
			label := x.Category
			if label == "" {
				label = "clean"
			}
			where := fmt.Sprintf("line %d", x.Line)
			if x.File != "" {
				where = fmt.Sprintf("%s:%d", x.File, x.Line)
			}
			fmt.Fprintf(bw, "  %s [%s] %s", where, label, x.Text)
			if len(x.Found) > 0 {
				fmt.Fprintf(bw, "  -> %v", slices.Compact(slices.Sorted(slices.Values(x.Found))))
			}
			fmt.Fprintln(bw)
		}
	}
	list("misses", s.Misses)
	list("caught in another category", s.Wrong)
	list("false positives", s.FalseAlarms)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write scorecard: %w", err)
	}
	return nil
}
