package wording

import (
	"strings"
	"testing"
)

// TestPendingFacts: in a draft, missing pay and location are still to do
// (info, pending); in a final draft or any other ad they are warnings; a
// location under a pay-transparency law raises missing pay whatever the
// document is.
func TestPendingFacts(t *testing.T) {
	for _, tt := range []struct {
		name  string
		doc   Document
		want  map[string]Severity // rule id → severity; every other rule must be absent
		todo  int                 // findings that are only still to do
		fails bool                // a finding at warning or above
	}{
		{name: "draft, nothing set", doc: Document{Draft: true, Summary: words(400)},
			want: map[string]Severity{"salary.missing": Info, "location.missing": Info}, todo: 2},
		{name: "ad, nothing set", doc: Document{Summary: words(400)},
			want: map[string]Severity{"salary.missing": Warning, "location.missing": Warning}, fails: true},
		{name: "draft, location set", doc: Document{Draft: true, Location: "London, hybrid", Summary: words(400)},
			want: map[string]Severity{"salary.missing": Info}, todo: 1},
		{name: "draft, pay set", doc: Document{Draft: true, Salary: "€150,000 – €180,000", Summary: words(400)},
			want: map[string]Severity{"location.missing": Info}, todo: 1},
		{name: "draft in a pay-transparency place", doc: Document{Draft: true, Location: "Denver, Colorado, hybrid", Summary: words(400)},
			want: map[string]Severity{"salary.missing": Error}, fails: true},
		{name: "draft with open-ended pay", doc: Document{Draft: true, Location: "Remote", Salary: "Competitive", Summary: words(400)},
			want: map[string]Severity{"salary.open-ended": Warning}, fails: true},
		{name: "draft, everything set", doc: Document{Draft: true, Location: "Remote", Salary: "€150,000 – €180,000", Summary: words(400)},
			want: map[string]Severity{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Check(tt.doc, Options{})
			got := map[string]Severity{}
			todo := 0
			for _, f := range r.Findings {
				got[f.RuleID] = f.Severity
				if f.ToDo() {
					todo++
				}
			}
			for id, sev := range tt.want {
				if s, ok := got[id]; !ok || s != sev {
					t.Errorf("%s: got %v (found %v), want %v", id, s, ok, sev)
				}
			}
			for id := range got {
				if _, ok := tt.want[id]; !ok {
					t.Errorf("unexpected finding %s", id)
				}
			}
			if todo != tt.todo {
				t.Errorf("%d findings still to do, want %d", todo, tt.todo)
			}
			if fails := r.Count(Warning) > 0; fails != tt.fails {
				t.Errorf("a finding at warning or above: %v, want %v (%s)", fails, tt.fails, r.Summary)
			}
			if tt.todo > 0 && !strings.Contains(r.Summary, "still to do") {
				t.Errorf("the summary does not say what is still to do: %q", r.Summary)
			}
		})
	}
}

// TestParseDraftStatus: the line hirebot ends an unfinished draft's export
// with marks the document a draft, in Markdown, plain text and HTML, and is
// not read as text of the ad; the same words inside a sentence are.
func TestParseDraftStatus(t *testing.T) {
	body := "# CTO\n\nWe build boats.\n\n## Responsibilities\n\n1. Lead engineering.\n"
	for _, tt := range []struct {
		name, in string
		draft    bool
	}{
		{"markdown", body + "\n_Draft, not final (version 12)_\n", true},
		{"plain text", "CTO\n\nWe build boats.\n\nResponsibilities\n\n- Lead engineering.\n\nDraft, not final (version 3)\n", true},
		{"html", "<h1>CTO</h1>\n<p>We build boats.</p>\n<h2>Responsibilities</h2>\n<ul>\n<li>Lead engineering.</li>\n</ul>\n<p><em>Draft, not final (version 3)</em></p>\n", true},
		{"crlf", strings.ReplaceAll(body+"\n_Draft, not final (version 2)_\n", "\n", "\r\n"), true},
		{"final export", body, false},
		{"inside a sentence", body + "\nThis is a Draft, not final (version 2) of the ad.\n", false},
		{"no version", body + "\n_Draft, not final_\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseMarkdown(tt.in)
			if doc.Draft != tt.draft {
				t.Fatalf("Draft = %v, want %v", doc.Draft, tt.draft)
			}
			if !tt.draft {
				return
			}
			for _, s := range doc.Sections {
				for _, it := range s.Items {
					if strings.Contains(it, "not final") {
						t.Errorf("the status line was read as an item of %s: %q", s.Name, it)
					}
				}
			}
			if strings.Contains(doc.Summary, "not final") {
				t.Errorf("the status line was read into the summary: %q", doc.Summary)
			}
		})
	}
}
