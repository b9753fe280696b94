package wording

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// MustCheckSummary checks a document whose summary is text, with a salary
// range and a location so that only the wording rules speak.
func MustCheckSummary(tb testing.TB, text string) Report {
	tb.Helper()
	doc := Document{Title: "Chief Technology Officer", Location: "Remote", Salary: "$200,000 - $240,000", Summary: text}
	return Check(doc, Options{})
}

// quotes returns the quoted words of the finding of rule id.
func quotes(r Report, id string) []string {
	return quoted(r, id, func(q Quote) string { return q.Text })
}

// wheres returns where the finding of rule id quotes, in order.
func wheres(r Report, id string) []string {
	return quoted(r, id, func(q Quote) string { return q.Where })
}

// quoted returns part of each quote of the finding of rule id.
func quoted(r Report, id string, part func(Quote) string) []string {
	var out []string
	for _, f := range r.Findings {
		if f.RuleID == id {
			for _, q := range f.Quotes {
				out = append(out, part(q))
			}
		}
	}
	return out
}

// TestWordingRules checks each rule category: the text must draw a finding
// of rule with the quote, and none of notRule.
func TestWordingRules(t *testing.T) {
	for _, tt := range []struct {
		name    string
		text    string
		rule    string // want a finding of this rule quoting quote
		quote   string
		notRule string // want no finding of this rule
	}{
		// gender
		{name: "masculine stem", text: "You will compete hard.", rule: "gender.competitive", quote: "compete"},
		{name: "domin stem", text: "We dominate our niche.", rule: "gender.dominant", quote: "dominate"},
		{name: "aggressive", text: "An aggressive roadmap.", rule: "gender.aggressive", quote: "aggressive"},
		{name: "self-reliant hyphen", text: "You are self-reliant.", rule: "gender.self-reliant", quote: "self-reliant"},
		{name: "lead allowed", text: "You will lead the engineering organisation.", notRule: "gender.analytical"},
		{name: "leadership allowed", text: "Leadership, decisions, strategy and analysis.", notRule: "gender.analytical"},
		{name: "analyze allowed", text: "Analyze costs and decide.", notRule: "gender.analytical"},
		{name: "responsibilities allowed", text: "Your responsibilities are broad.", notRule: "gender.analytical"},
		{name: "competitive salary is about pay", text: "We pay a competitive salary.", notRule: "gender.competitive"},
		{name: "competence allowed", text: "Core competencies and competence.", notRule: "gender.competitive"},
		{name: "determine allowed", text: "Determine the architecture.", notRule: "gender.competitive"},
		{name: "determined flagged", text: "You are determined.", rule: "gender.competitive", quote: "determined"},
		{name: "logic exact word only", text: "Logical and logistics.", notRule: "gender.analytical"},
		// pronouns
		{name: "he will", text: "He will own the platform.", rule: "pronouns.gendered", quote: "He"},
		{name: "his team", text: "Grow his team.", rule: "pronouns.gendered", quote: "his"},
		{name: "curly apostrophe", text: "She’ll run it.", rule: "pronouns.gendered", quote: "She’ll"},
		{name: "he or she is binary", text: "He or she will own it.", rule: "pronouns.binary", quote: "He or she", notRule: "pronouns.gendered"},
		{name: "he/she", text: "He/she reports to the CEO.", rule: "pronouns.binary", quote: "He/she", notRule: "pronouns.gendered"},
		{name: "no pronoun in other words", text: "The theme, hershey and shell.", notRule: "pronouns.gendered"},
		{name: "phrase does not cross a sentence", text: "Ask him. Or her.", rule: "pronouns.gendered", quote: "him", notRule: "pronouns.binary"},
		// jargon
		{name: "rockstar", text: "A rockstar engineer.", rule: "jargon.rockstar", quote: "rockstar"},
		{name: "rock-star", text: "A rock-star engineer.", rule: "jargon.rockstar", quote: "rock-star"},
		{name: "ninjas", text: "Code ninjas wanted.", rule: "jargon.rockstar", quote: "ninjas"},
		{name: "work hard play hard", text: "We work hard, play hard.", rule: "jargon.work-hard-play-hard", quote: "work hard, play hard"},
		{name: "culture fit", text: "Strong culture fit.", rule: "jargon.culture-fit", quote: "culture fit"},
		{name: "native speaker", text: "Native English speaker.", rule: "origin.native-speaker", quote: "Native English"},
		{name: "cloud-native is fine", text: "Cloud-native systems.", notRule: "origin.native-speaker"},
		// age
		{name: "digital native", text: "A digital native.", rule: "age.digital-native", quote: "digital native"},
		{name: "young", text: "Join a young team.", rule: "age.young", quote: "young"},
		{name: "young company allowed", text: "We are a young company.", notRule: "age.young"},
		{name: "recent graduate", text: "Recent graduates welcome.", rule: "age.recent-graduate", quote: "Recent graduates"},
		{name: "class of", text: "Class of 2024 only.", rule: "age.recent-graduate", quote: "Class of 2024"},
		{name: "years cap", text: "No more than 6 years of experience.", rule: "age.years-cap", quote: "No more than 6 years of experience", notRule: "structure.years"},
		{name: "fewer than years, not experience", text: "We grew in less than two years.", notRule: "age.years-cap"},
		// ableist
		{name: "crazy", text: "Crazy growth.", rule: "ableist.slur", quote: "Crazy"},
		{name: "psychology is fine", text: "Psychological safety matters.", notRule: "ableist.slur"},
		{name: "sanity check", text: "A quick sanity check.", rule: "ableist.idiom", quote: "sanity check"},
		{name: "able to stand", text: "Must be able to stand all day.", rule: "disability.physical", quote: "able to stand"},
		{name: "standing up a team", text: "You will be standing up a team in Lisbon.", notRule: "disability.physical"},
		{name: "two pronouns name two people", text: "If you have questions, let her and him know.", notRule: "pronouns.gendered"},
		// superlatives
		{name: "world-class", text: "A world-class team.", rule: "superlatives.empty", quote: "world-class"},
		{name: "cutting edge", text: "On the cutting edge.", rule: "superlatives.empty", quote: "cutting edge"},
		// years
		{name: "years plus", text: "10+ years in software.", rule: "structure.years", quote: "10+ years"},
		{name: "years of experience", text: "Five years of leadership experience.", rule: "structure.years", quote: "Five years of leadership experience"},
		{name: "at least", text: "At least 8 years leading teams.", rule: "structure.years", quote: "At least 8 years"},
		{name: "roadmap years are fine", text: "Build a 3-year plan, then grow for two years.", notRule: "structure.years"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := MustCheckSummary(t, tt.text)
			if tt.rule != "" && !slices.Contains(quotes(r, tt.rule), tt.quote) {
				t.Errorf("%q: findings of %s = %q; want %q\n%v", tt.text, tt.rule, quotes(r, tt.rule), tt.quote, r.Findings)
			}
			if tt.notRule != "" && len(quotes(r, tt.notRule)) > 0 {
				t.Errorf("%q: unexpected %s findings %q", tt.text, tt.notRule, quotes(r, tt.notRule))
			}
		})
	}
}

// TestIssueDraft is the issue's acceptance check: a draft with "rockstar
// ninja", "digital native", "he will" and "competitive salary" gets a
// finding for each, with an id, a fix and a source.
func TestIssueDraft(t *testing.T) {
	doc := Document{
		Title:    "CTO",
		Location: "Remote",
		Summary:  "We want a rockstar ninja who is a digital native. He will run engineering.",
		Sections: []Section{{Name: Benefits, Items: []string{"Competitive salary and equity"}}},
	}
	r := Check(doc, Options{})
	for _, want := range []struct{ rule, quote, where string }{
		{"jargon.rockstar", "rockstar", "summary"},
		{"jargon.rockstar", "ninja", "summary"},
		{"age.digital-native", "digital native", "summary"},
		{"pronouns.gendered", "He", "summary"},
		{"salary.open-ended", "Competitive salary", "benefits #1"},
	} {
		i := slices.IndexFunc(r.Findings, func(f Finding) bool {
			return f.RuleID == want.rule && slices.Contains(f.Quotes, Quote{Text: want.quote, Where: want.where})
		})
		if i < 0 {
			t.Errorf("no %s finding quoting %q in %s; findings: %v", want.rule, want.quote, want.where, r.Findings)
			continue
		}
		if f := r.Findings[i]; f.Fix == "" || len(f.Sources) == 0 || f.Citation == "" || f.Why == "" || f.Category == "" {
			t.Errorf("finding %+v lacks why, fix, sources, citation or category", f)
		}
	}
	// Rockstar and ninja are one finding of one rule, not two.
	n := 0
	for _, f := range r.Findings {
		if f.RuleID == "jargon.rockstar" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d jargon.rockstar findings; want one with both quotes", n)
	}
	if r.Count(Warning) == 0 || !strings.Contains(r.Summary, "findings") {
		t.Errorf("summary %q, %d warnings or worse; want findings", r.Summary, r.Count(Warning))
	}
}

// TestCleanCTOHasNoGenderFinding: an executive ad that leads, decides and
// analyzes draws no gender finding.
func TestCleanCTOHasNoGenderFinding(t *testing.T) {
	doc := Document{
		Title:    "Chief Technology Officer",
		Location: "London, hybrid",
		Salary:   "£180,000 - £210,000",
		Summary:  "You will lead the engineering organisation and join the leadership team.",
		Sections: []Section{
			{Name: Responsibilities, Items: []string{
				"Lead six teams and their leaders.",
				"Own the technical strategy and make the key decisions on architecture.",
				"Analyze delivery data and decide what to fix first.",
				"Take responsibility for security and uptime.",
			}},
			{Name: Requirements, Items: []string{"You have led an engineering organisation through growth.", "Strong analytical skills and sound decision-making."}},
		},
	}
	for _, r := range []Report{Check(doc, Options{}), MustCheckFile(t, "testdata/corpus/clean-cto.md")} {
		for _, f := range r.Findings {
			if f.Category == "gender" {
				t.Errorf("clean CTO ad drew a gender finding: %+v", f)
			}
		}
	}
	if r := MustCheckFile(t, "testdata/corpus/clean-cto.md"); len(r.Findings) != 0 {
		t.Errorf("clean-cto.md drew findings: %v", r.Findings)
	}
}

// TestEEOStatementsAreNotFlagged: words that are flagged elsewhere are left
// alone inside an equal-opportunity sentence, and only there.
func TestEEOStatementsAreNotFlagged(t *testing.T) {
	for _, eeo := range []string{
		"We are an equal opportunity employer and welcome applicants whether young or old, and whether he or she has a disability.",
		"All qualified applicants will receive consideration regardless of race, gender, age, disability or whether they are a recent graduate.",
		"We do not discriminate against young or old applicants on the basis of age.",
		"Acme is an EEO employer; his or her background does not matter.",
		"Affirmative action: we want young and old people on the team.",
	} {
		r := MustCheckSummary(t, eeo)
		for _, f := range r.Findings {
			if f.Category != "structure" && f.Category != "readability" {
				t.Errorf("EEO sentence %q drew %s on %q", eeo, f.RuleID, f.Quotes)
			}
		}
	}
	// The same words in the next sentence are flagged.
	r := MustCheckSummary(t, "We are an equal opportunity employer. We want someone young.")
	if got := quotes(r, "age.young"); !slices.Equal(got, []string{"young"}) {
		t.Errorf("age.young findings = %q; want the one outside the EEO sentence", got)
	}
	// "Regardless of" alone does not make a sentence an EEO statement.
	r = MustCheckSummary(t, "Regardless of the weather, he will be in the office.")
	if len(quotes(r, "pronouns.gendered")) == 0 {
		t.Error("a sentence with a weak EEO marker but no protected characteristic was skipped")
	}
}

func TestOncePerLocation(t *testing.T) {
	doc := Document{
		Location: "Remote", Salary: "$1 - $2",
		Summary:  "A rockstar. Another rockstar. And a Rockstar.",
		Sections: []Section{{Name: Requirements, Items: []string{"rockstar"}}},
	}
	r := Check(doc, Options{})
	where := wheres(r, "jargon.rockstar")
	if want := []string{"summary", "requirements #1"}; !slices.Equal(where, want) {
		t.Errorf("rockstar findings at %q; want %q", where, want)
	}
}

func TestIgnore(t *testing.T) {
	doc := Document{Location: "Remote", Salary: "$1 - $2", Summary: "A rockstar who is young and aggressive."}
	for _, tt := range []struct {
		ignore      []string
		wantIgnored []string
		gone        []string
		kept        []string
	}{
		{nil, nil, nil, []string{"jargon.rockstar", "age.young", "gender.aggressive"}},
		{[]string{"jargon.rockstar"}, []string{"jargon.rockstar"}, []string{"jargon.rockstar"}, []string{"age.young", "gender.aggressive"}},
		{[]string{" GENDER ", "age.young", "no.such-rule"}, []string{"age.young", "gender"}, []string{"gender.aggressive", "age.young"}, []string{"jargon.rockstar"}},
	} {
		r := Check(doc, Options{Ignore: tt.ignore})
		if !slices.Equal(r.Ignored, tt.wantIgnored) {
			t.Errorf("Ignore %q: Ignored = %q; want %q", tt.ignore, r.Ignored, tt.wantIgnored)
		}
		for _, id := range tt.gone {
			if len(quotes(r, id)) > 0 {
				t.Errorf("Ignore %q: %s still reported", tt.ignore, id)
			}
		}
		for _, id := range tt.kept {
			if len(quotes(r, id)) == 0 {
				t.Errorf("Ignore %q: %s not reported", tt.ignore, id)
			}
		}
		if len(tt.wantIgnored) > 0 && !strings.Contains(r.Summary, "Ignored: ") {
			t.Errorf("summary %q does not list the ignored rules", r.Summary)
		}
	}
}

// TestOrder: findings come errors first, then by category in table order,
// then by position, and the same input always gives the same report.
func TestOrder(t *testing.T) {
	doc := ParseMarkdown("# Ninja lead\n\nHe will be aggressive.\n\n## Requirements\n\n- A guru, young and energetic.\n- 10+ years.\n")
	r := Check(doc, Options{})
	cats := Categories()
	rank := func(id string) int { return slices.IndexFunc(cats, func(c Category) bool { return c.ID == id }) }
	for i := 1; i < len(r.Findings); i++ {
		prev, f := r.Findings[i-1], r.Findings[i]
		if prev.Severity < f.Severity || prev.Severity == f.Severity && rank(prev.Category) > rank(f.Category) {
			t.Errorf("finding %d (%s %s) comes after %s %s", i, f.Severity, f.Category, prev.Severity, prev.Category)
		}
	}
	if got := quotes(r, "jargon.rockstar"); !slices.Equal(got, []string{"Ninja", "guru"}) {
		t.Errorf("jargon findings %q; want title before requirements", got)
	}
	for range 20 {
		if again := Check(doc, Options{}); !reflect.DeepEqual(again, r) {
			t.Fatal("two checks of one document differ")
		}
	}
}

func TestEmptyDocument(t *testing.T) {
	r := Check(Document{}, Options{})
	for _, id := range []string{"structure.too-short", "salary.missing", "location.missing"} {
		if len(quotes(r, id)) != 1 {
			t.Errorf("empty document: want one %s finding, got %v", id, r.Findings)
		}
	}
	if r.Words != 0 || r.ReadingBand != "" {
		t.Errorf("empty document: words %d, band %q", r.Words, r.ReadingBand)
	}
}

// BenchmarkCheck checks a long (over 700 words) job description.
func BenchmarkCheck(b *testing.B) {
	doc := ParseMarkdown(string(mustRead(b, "testdata/corpus/too-long.md")))
	if Check(doc, Options{}).Words < 700 {
		b.Fatal("benchmark document is shorter than 700 words")
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(doc, Options{})
	}
}

// BenchmarkCheck600 checks a typical job ad of about 600 words.
func BenchmarkCheck600(b *testing.B) {
	doc := ParseMarkdown(string(mustRead(b, "testdata/bench-600.md")))
	if w := Check(doc, Options{}).Words; w < 550 || w > 650 {
		b.Fatalf("benchmark document has %d words; want about 600", w)
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(doc, Options{})
	}
}
