package wording

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// words returns n words of plain filler prose.
func words(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("team")
		if (i+1)%10 == 0 {
			b.WriteString(". ")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// ruleIDs returns the rule ids of a report's findings.
func ruleIDs(r Report) []string {
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.RuleID)
	}
	return ids
}

func TestStructureChecks(t *testing.T) {
	base := Document{Location: "Berlin, hybrid", Salary: "€150,000 – €180,000", Summary: words(400)}
	with := func(change func(*Document)) Document {
		d := base
		change(&d)
		return d
	}
	reqs := func(n int) []Section {
		s := Section{Name: "Requirements"}
		for i := range n {
			s.Items = append(s.Items, fmt.Sprintf("Skill %d.", i+1))
		}
		return []Section{s}
	}
	for _, tt := range []struct {
		name  string
		doc   Document
		want  string // a rule id that must be reported ("" for none of the structure rules)
		quote string
		where string
		sev   Severity
		not   string // a rule id that must not be reported
	}{
		{name: "clean", doc: base},
		{name: "too short", doc: with(func(d *Document) { d.Summary = words(120) }), want: "structure.too-short", quote: "124 words", where: "document", sev: Warning},
		{name: "too long", doc: with(func(d *Document) { d.Summary = words(720) }), want: "structure.too-long", quote: "724 words", where: "document", sev: Warning},
		{name: "seven must-haves", doc: with(func(d *Document) { d.Sections = reqs(7) })},
		{name: "eight must-haves", doc: with(func(d *Document) { d.Sections = reqs(8) }), want: "structure.must-haves", quote: "8 requirements", where: "requirements", sev: Warning},
		{name: "salary missing", doc: with(func(d *Document) { d.Salary = "" }), want: "salary.missing", where: "document", sev: Warning},
		{name: "salary range in the body", doc: with(func(d *Document) {
			d.Salary = ""
			d.Sections = []Section{{Name: Benefits, Items: []string{"Base pay of $180k - $210k and a competitive salary review each year."}}}
		})},
		{name: "salary competitive", doc: with(func(d *Document) { d.Salary = "Competitive" }), want: "salary.open-ended", quote: "Competitive", where: "salary", sev: Warning},
		{name: "salary DOE", doc: with(func(d *Document) { d.Salary = "$150k DOE" }), want: "salary.open-ended", quote: "DOE", where: "salary", sev: Warning},
		{name: "salary up to", doc: with(func(d *Document) { d.Salary = "Up to €200,000" }), want: "salary.open-ended", quote: "Up to €200,000", where: "salary", sev: Warning},
		{name: "a bare number is unclear, not open-ended", doc: with(func(d *Document) { d.Salary = "100" }), want: "salary.unclear", quote: "100", where: "salary", sev: Warning, not: "salary.open-ended"},
		{name: "a number and a period is unclear", doc: with(func(d *Document) { d.Salary = "180 per year" }), want: "salary.unclear", quote: "180 per year", where: "salary", sev: Warning, not: "salary.open-ended"},
		{name: "TBD hides the pay", doc: with(func(d *Document) { d.Salary = "TBD" }), want: "salary.open-ended", quote: "TBD", where: "salary", sev: Warning, not: "salary.unclear"},
		{name: "salary fixed figure", doc: with(func(d *Document) { d.Salary = "$180,000" })},
		{name: "salary range with codes", doc: with(func(d *Document) { d.Salary = "180-220k USD" })},
		{name: "salary missing, competitive in body", doc: with(func(d *Document) {
			d.Salary = ""
			d.Sections = []Section{{Name: Benefits, Items: []string{"Competitive pay."}}}
		}), want: "salary.open-ended", quote: "Competitive pay", where: "benefits #1", sev: Warning},
		{name: "Colorado raises pay findings", doc: with(func(d *Document) { d.Salary = ""; d.Location = "Denver, hybrid" }), want: "salary.missing", where: "document", sev: Error},
		// The District's own law (in force since 30 June 2025), not Washington State's.
		{name: "Washington DC is not Washington State", doc: with(func(d *Document) { d.Salary = ""; d.Location = "Washington, DC, hybrid" }), want: "salary.missing", where: "document", sev: Error},
		{name: "location missing", doc: with(func(d *Document) { d.Location = "" }), want: "location.missing", where: "document", sev: Warning},
		{name: "distributed systems is not an arrangement", doc: with(func(d *Document) { d.Location = ""; d.Summary += " You will own our distributed systems." }), want: "location.missing", where: "document", sev: Warning},
		{name: "office IT is not an arrangement", doc: with(func(d *Document) {
			d.Location = ""
			d.Summary += " You will also run office IT and our offices' networks."
		}), want: "location.missing", where: "document", sev: Warning},
		{name: "remote sensing is not an arrangement", doc: with(func(d *Document) {
			d.Location = ""
			d.Summary += " We build remote sensing products on a hybrid cloud."
		}), want: "location.missing", where: "document", sev: Warning},
		{name: "days in the office is an arrangement", doc: with(func(d *Document) { d.Location = ""; d.Summary += " Expect two days a week in the office." })},
		{name: "remote in the body is enough", doc: with(func(d *Document) { d.Location = ""; d.Summary += " The role is fully remote." })},
		{name: "location without arrangement", doc: with(func(d *Document) { d.Location = "Berlin" }), want: "location.policy", quote: "Berlin", where: "location", sev: Info},
		{name: "hard to read", doc: with(func(d *Document) {
			d.Summary = strings.Repeat("Organisational responsibilities necessitate comprehensive institutional accountability considerations ", 40)
		}), want: "readability.difficult", where: "document", sev: Info},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Check(tt.doc, Options{})
			if tt.want == "" {
				for _, f := range r.Findings {
					t.Errorf("unexpected finding %s %v", f.RuleID, f.Quotes)
				}
				return
			}
			i := slices.IndexFunc(r.Findings, func(f Finding) bool { return f.RuleID == tt.want })
			if i < 0 {
				t.Fatalf("no %s finding; got %q", tt.want, ruleIDs(r))
			}
			f := r.Findings[i]
			q := f.Quotes[0]
			if (tt.quote != "" && q.Text != tt.quote) || q.Where != tt.where || f.Severity != tt.sev {
				t.Errorf("finding = %q in %q at %v; want %q in %q at %v", q.Text, q.Where, f.Severity, tt.quote, tt.where, tt.sev)
			}
			if tt.not != "" && slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.RuleID == tt.not }) {
				t.Errorf("unexpected %s finding: %v", tt.not, r.Findings)
			}
		})
	}
}

func TestJurisdictionNamesTheLaw(t *testing.T) {
	for _, tt := range []struct{ location, law string }{
		{"New York City, hybrid", "Local Law 32"},
		{"Albany, NY, hybrid", "Labor Law § 194-b"},
		{"San Francisco, on-site", "SB 1162"},
		{"Seattle, remote", "RCW 49.58.110"},
		{"Denver, hybrid", "C.R.S. § 8-5-201"},
		{"Berlin, hybrid", "2023/970"},
	} {
		r := Check(Document{Location: tt.location, Summary: words(350)}, Options{})
		i := slices.IndexFunc(r.Findings, func(f Finding) bool { return f.RuleID == "salary.missing" })
		if i < 0 || !strings.Contains(r.Findings[i].Why, tt.law) {
			t.Errorf("location %q: salary finding %v does not name %q", tt.location, r.Findings, tt.law)
		}
	}
	// A city of New York State is under the state's law, not the city's.
	r := Check(Document{Location: "Albany, NY, hybrid", Summary: words(350)}, Options{})
	for _, f := range r.Findings {
		if strings.Contains(f.Why, "Local Law 32") {
			t.Errorf("Albany, NY: %s cites New York City's law: %s", f.RuleID, f.Why)
		}
	}
}

func TestReadability(t *testing.T) {
	for _, tt := range []struct {
		word string
		want int
	}{
		{"the", 1}, {"team", 1}, {"engineer", 3}, {"organisation", 5}, {"make", 1}, {"managed", 2},
		{"table", 2}, {"delivery", 4}, {"strategy", 3}, {"42", 1},
	} {
		if got := syllables(tt.word); got != tt.want {
			t.Errorf("syllables(%q) = %d; want %d", tt.word, got, tt.want)
		}
	}
	for _, tt := range []struct {
		score float64
		band  string
	}{
		{95, "very easy"}, {85, "easy"}, {75, "fairly easy"}, {65, "standard"},
		{55, "fairly difficult"}, {35, "difficult"}, {10, "very difficult"}, {-20, "very difficult"},
	} {
		if got := readingBand(tt.score); got != tt.band {
			t.Errorf("readingBand(%v) = %q; want %q", tt.score, got, tt.band)
		}
	}
	// 100 words, 5 sentences, 150 syllables.
	if got := flesch(100, 5, 150); got != 59.6 {
		t.Errorf("flesch(100, 5, 150) = %v; want 59.6", got)
	}
	if got := flesch(0, 0, 0); got != 0 {
		t.Errorf("flesch of nothing = %v; want 0", got)
	}
}
