package wording

import (
	"reflect"
	"testing"
)

func TestParseMarkdown(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   string
		want Document
	}{
		{
			name: "headings, fields and lists",
			in: "# Chief Technology Officer\n\n**Salary:** $200k - $240k\nLocation: Remote (US)\n\nWe make tools.\nFor farms.\n\n" +
				"## What you'll do\n\n- Lead the team.\n- Set the **strategy**, see [our blog](https://example.com).\n  It is long.\n\n" +
				"## What you bring\n\n1. Ten years.\n2) Good writing.\n\n## Bonus points\n\n* Go.\n\n## Perks\n\n+ Lunch.\n",
			want: Document{
				Title: "Chief Technology Officer", Salary: "$200k - $240k", Location: "Remote (US)",
				Summary: "We make tools. For farms.",
				Sections: []Section{
					{Name: Responsibilities, Items: []string{"Lead the team.", "Set the strategy, see our blog. It is long."}},
					{Name: Requirements, Items: []string{"Ten years.", "Good writing."}},
					{Name: NiceToHave, Items: []string{"Go."}},
					{Name: Benefits, Items: []string{"Lunch."}},
				},
			},
		},
		{
			name: "summary headings and free sections",
			in:   "# CTO\n\n## About us\n\nWe sell bread.\n\n## About the role\n\nYou run tech.\n\n## Must have\n\n- Care.\n\n## Requirements\n\n- Skill.\n",
			want: Document{
				Title: "CTO", Summary: "You run tech.",
				Sections: []Section{{Name: "about us", Items: []string{"We sell bread."}}, {Name: Requirements, Items: []string{"Care.", "Skill."}}},
			},
		},
		{
			name: "plain text",
			in:   "Head of IT - Acme\n\nCompany: Acme\nWe run shops.\n\nResponsibilities:\n• Run IT.\n• Hire.\n\nPreferred qualifications\n• ITIL.\n",
			want: Document{
				Title: "Head of IT - Acme", Company: "Acme", Summary: "We run shops.",
				Sections: []Section{{Name: Responsibilities, Items: []string{"Run IT.", "Hire."}}, {Name: NiceToHave, Items: []string{"ITIL."}}},
			},
		},
		{
			name: "front matter, setext title and code fence",
			in:   "---\ntitle: \"Staff Engineer\"\nlocation: Paris\nlayout: job\n---\nIgnored Title\n=============\n\n```\n- not an item\n```\n\nBody text.\n",
			want: Document{Title: "Staff Engineer", Location: "Paris", Sections: []Section{{Name: "ignored title", Items: []string{"Body text."}}}},
		},
		{
			name: "items before any heading",
			in:   "- One.\n- Two.\n",
			want: Document{Sections: []Section{{Name: "details", Items: []string{"One.", "Two."}}}},
		},
		{
			name: "CRLF and a bold heading",
			in:   "# CTO\r\n\r\n**Benefits**\r\n- Pension.\r\n",
			want: Document{Title: "CTO", Sections: []Section{{Name: Benefits, Items: []string{"Pension."}}}},
		},
		{name: "empty", in: "", want: Document{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := ParseMarkdown(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseMarkdown:\n got %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestSectionName(t *testing.T) {
	for _, tt := range []struct {
		heading string
		name    string
		summary bool
	}{
		{"What you’ll do", Responsibilities, false},
		{"Key Responsibilities:", Responsibilities, false},
		{"Requirements", Requirements, false},
		{"What you bring", Requirements, false},
		{"Must-haves", Requirements, false},
		{"Nice to have", NiceToHave, false},
		{"Bonus", NiceToHave, false},
		{"Preferred qualifications", NiceToHave, false},
		{"Benefits", Benefits, false},
		{"Perks", Benefits, false},
		{"About the role", "", true},
		{"Overview", "", true},
		{"How to Apply", "how to apply", false},
		{"**", "section", false},
	} {
		name, summary := sectionName(tt.heading)
		if name != tt.name || summary != tt.summary {
			t.Errorf("sectionName(%q) = %q, %v; want %q, %v", tt.heading, name, summary, tt.name, tt.summary)
		}
	}
}

// TestPlainTextRequirementLine: a requirement alone on a short line of
// plain text, with a section word and no full stop, is an item to check,
// not a heading (issue 24); real headings still start sections.
func TestPlainTextRequirementLine(t *testing.T) {
	in := "Head of Data\n\nRequirements\n\nNative English speaker preferred\nExperience with Go preferred\n\nPreferred Qualifications\n\nMust be under 40\n\nNice to have\n\nGerman.\n"
	doc := ParseMarkdown(in)
	want := []Section{
		{Name: Requirements, Items: []string{"Native English speaker preferred Experience with Go preferred"}},
		{Name: NiceToHave, Items: []string{"Must be under 40", "German."}},
	}
	if !reflect.DeepEqual(doc.Sections, want) {
		t.Fatalf("sections:\n got %#v\nwant %#v", doc.Sections, want)
	}
	r := Check(doc, Options{})
	for _, id := range []string{"origin.native-speaker", "age.explicit"} {
		if len(quotes(r, id)) == 0 {
			t.Errorf("no %s finding: a requirement on a short line went unchecked (%v)", id, r.Findings)
		}
	}
}
