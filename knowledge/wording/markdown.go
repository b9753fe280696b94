package wording

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hirebot/hirebot/knowledge/jobad"
)

var (
	mdHeading   = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdListItem  = regexp.MustCompile(`^\s*(?:[-*+•·▪◦–]|\d{1,3}[.)])\s+(.*)$`)
	mdField     = regexp.MustCompile(`(?i)^(job title|title|position|company|employer|location|based in|where|salary range|base salary|salary|pay range|pay|compensation)\s*:\s*(.*)$`)
	mdLink      = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdTag       = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	mdSetextH1  = regexp.MustCompile(`^=+$`)
	mdSetextH2  = regexp.MustCompile(`^-{2,}$`)
	mdFence     = regexp.MustCompile("^(```|~~~)")
	mdBoldLine  = regexp.MustCompile(`^(?:\*\*|__)(.+?)(?:\*\*|__):?$`)
	headingTail = regexp.MustCompile(`[\s:.!?]+$`)
	// draftStatus is the line hirebot ends the export of an unfinished
	// draft with (bot/draft's statusLine).
	draftStatus = regexp.MustCompile(`^Draft, not final \(version \d+\)$`)
)

// ParseMarkdown reads a job description written in Markdown or plain text.
// The first level-one heading (or, in plain text, a short first line) is the
// title; other headings start sections, with common wordings mapped to the
// draft's section names ("What you'll do" → responsibilities, "What you
// bring" → requirements, "Bonus" → nice-to-have, "Perks" → benefits) and
// headings such as "About the role" feeding the summary. List items become
// items; a paragraph under a section heading becomes one item; lines such as
// "Salary: …" and "Location: …" fill those fields. The line "Draft, not final
// (version N)" that ends hirebot's export of an unfinished draft marks the
// document as a draft (Document.Draft) and is not read as text of the ad. It
// never fails: anything it does not recognise is kept as text to check.
func ParseMarkdown(text string) Document {
	p := &mdParser{section: -1, summary: true}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	lines = p.frontMatter(lines)
	for _, line := range lines {
		p.line(line)
	}
	p.flush()
	p.doc.Summary = strings.Join(p.summaryParas, "\n\n")
	return p.doc
}

// mdParser is the state of one ParseMarkdown call.
type mdParser struct {
	doc          Document
	section      int  // index into doc.Sections; -1 before the first section
	summary      bool // paragraphs go to the summary
	item         bool // the last line was a list item that may continue
	fence        bool // inside a code fence
	seenContent  bool // something other than the title has been read
	para         []string
	summaryParas []string
}

// frontMatter reads a leading "---" block of "key: value" lines, keeping the
// fields it knows, and returns the lines after it.
func (p *mdParser) frontMatter(lines []string) []string {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			for _, l := range lines[1:i] {
				if key, value, ok := strings.Cut(l, ":"); ok {
					p.field(strings.TrimSpace(key) + ": " + strings.Trim(strings.TrimSpace(value), `"'`))
				}
			}
			return lines[i+1:]
		}
	}
	return lines
}

func (p *mdParser) line(raw string) {
	trimmed := strings.TrimSpace(raw)
	if mdFence.MatchString(trimmed) {
		p.flush()
		p.fence = !p.fence
		return
	}
	if p.fence {
		return
	}
	switch {
	case trimmed == "":
		p.flush()
		return
	case mdSetextH1.MatchString(trimmed) && len(p.para) == 1:
		h := p.para[0]
		p.para = nil
		p.heading(1, h)
		return
	case mdSetextH2.MatchString(trimmed) && len(p.para) == 1:
		h := p.para[0]
		p.para = nil
		p.heading(2, h)
		return
	case mdSetextH2.MatchString(trimmed) || strings.Trim(trimmed, "*_ ") == "":
		p.flush() // a rule
		return
	}
	if m := mdHeading.FindStringSubmatch(trimmed); m != nil {
		p.flush()
		p.heading(len(m[1]), m[2])
		return
	}
	if m := mdListItem.FindStringSubmatch(raw); m != nil {
		p.flush()
		text := inline(m[1])
		if !p.field(text) && text != "" {
			p.addItem(text)
			p.item = true
		}
		return
	}
	text := inline(trimmed)
	if draftStatus.MatchString(strings.Trim(text, "_ ")) {
		p.flush()
		p.doc.Draft = true
		p.item = false
		return
	}
	if p.item && (strings.HasPrefix(raw, " ") || strings.HasPrefix(raw, "\t")) {
		s := &p.doc.Sections[p.section]
		s.Items[len(s.Items)-1] += " " + text
		return
	}
	if len(p.para) == 0 && p.field(text) {
		return
	}
	if len(p.para) == 0 && p.plainHeading(trimmed, text) {
		return
	}
	p.item = false
	p.para = append(p.para, text)
}

// plainHeading treats a short line that names a section ("Requirements",
// "What you'll do:") or a bold line as a heading, and a short first line of
// a file with no title as the title. It reports whether it did.
func (p *mdParser) plainHeading(raw, text string) bool {
	words := len(strings.Fields(text))
	if words == 0 || words > 8 {
		return false
	}
	if m := mdBoldLine.FindStringSubmatch(raw); m != nil {
		p.heading(2, m[1])
		return true
	}
	if name, summary := sectionName(text); summary || isDraftSection(name) || otherHeadings[name] {
		if strings.HasSuffix(text, ":") || !strings.HasSuffix(text, ".") && headingLike(text) {
			p.heading(2, text)
			return true
		}
	}
	if strings.HasSuffix(text, ":") && words <= 6 {
		p.heading(2, text)
		return true
	}
	if p.doc.Title == "" && !p.seenContent && !strings.HasSuffix(text, ".") && words <= 12 {
		p.doc.Title = text
		return true
	}
	return false
}

// headingLike reports whether a short line that names a section, with no
// colon, reads as a heading rather than as a sentence that happens to
// contain a section word: it is written in title case ("Preferred
// Qualifications", "REQUIREMENTS"), or it is a heading's wording and
// nothing else ("Nice to have", "What you'll do", "Preferred
// qualifications"). "Experience with Go preferred" is a requirement on a
// line of its own, and is checked like one.
func headingLike(text string) bool {
	words := strings.Fields(strings.TrimRight(text, " :.!?"))
	if len(words) == 0 {
		return false
	}
	titled := true
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && len(w) > 3 {
			titled = false
		}
	}
	if titled {
		return true
	}
	h := strings.ToLower(strings.ReplaceAll(strings.Join(words, " "), "\u2019", "'"))
	return headingPhrases[h] || otherHeadings[h]
}

// headingPhrases are the wordings of section headings that are not in
// title case ("Nice to have") and are never a sentence of their own.
var headingPhrases = wordSet(
	"about the role", "about this role", "about the job", "about the position", "summary", "overview", "the role",
	"role summary", "job summary", "position summary", "the opportunity", "introduction", "description", "job description",
	"nice to have", "nice-to-have", "nice to haves", "nice-to-haves", "bonus", "bonus points", "preferred", "preferred qualifications",
	"preferred skills", "preferred experience", "good to have", "extra credit", "plus", "pluses",
	"must have", "must-have", "must haves", "must-haves", "requirements", "key requirements", "minimum requirements",
	"qualifications", "minimum qualifications", "basic qualifications", "required qualifications", "what you bring",
	"what you'll bring", "what you will bring", "about you", "who you are", "what we're looking for", "what we are looking for",
	"who we're looking for", "skills", "required skills", "key skills", "skills and experience", "experience", "your experience",
	"required experience", "benefits", "perks", "perks and benefits", "benefits and perks", "what we offer", "what you get",
	"what you'll get", "why join us", "why join", "responsibilities", "key responsibilities", "your responsibilities",
	"what you'll do", "what you will do", "what you'll be doing", "duties", "your role", "in this role", "day to day",
	"day-to-day", "your impact", "what you'll own", "your mission", "accountabilities", "key accountabilities",
	strings.ToLower(jobad.Outcomes.Label()), "in your first year", "your first year", "what success looks like",
)

// wordSet returns the set of words.
func wordSet(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// heading starts a section, or sets the title for the first level-one
// heading.
func (p *mdParser) heading(level int, text string) {
	text = inline(text)
	if level == 1 && p.doc.Title == "" && !p.seenContent {
		p.doc.Title = text
		return
	}
	p.seenContent = true
	p.item = false
	name, summary := sectionName(text)
	if summary {
		p.summary, p.section = true, -1
		return
	}
	p.summary = false
	for i, s := range p.doc.Sections {
		if s.Name == name {
			p.section = i
			return
		}
	}
	p.doc.Sections = append(p.doc.Sections, Section{Name: name})
	p.section = len(p.doc.Sections) - 1
}

// field fills a field from a "Key: value" line and reports whether the line
// was one.
func (p *mdParser) field(text string) bool {
	m := mdField.FindStringSubmatch(strings.ReplaceAll(strings.ReplaceAll(text, "**", ""), "__", ""))
	if m == nil {
		return false
	}
	value := strings.TrimSpace(m[2])
	var dst *string
	switch strings.ToLower(m[1]) {
	case "job title", "title", "position":
		dst = &p.doc.Title
	case "company", "employer":
		dst = &p.doc.Company
	case "location", "based in", "where":
		dst = &p.doc.Location
	default:
		dst = &p.doc.Salary
	}
	switch {
	case *dst == "":
		*dst = value
	case value != "":
		*dst += "; " + value
	}
	return true
}

// addItem appends an item to the current section, opening a "details"
// section for list items that come before any heading.
func (p *mdParser) addItem(text string) {
	p.seenContent = true
	if p.section < 0 {
		p.heading(2, "details")
	}
	s := &p.doc.Sections[p.section]
	s.Items = append(s.Items, text)
}

// flush ends the paragraph being read: it joins the summary, or becomes
// one item of the current section.
func (p *mdParser) flush() {
	p.item = false
	if len(p.para) == 0 {
		return
	}
	text := strings.Join(p.para, " ")
	p.para = nil
	p.seenContent = true
	if p.summary || p.section < 0 {
		p.summaryParas = append(p.summaryParas, text)
		return
	}
	s := &p.doc.Sections[p.section]
	s.Items = append(s.Items, text)
}

// inline strips Markdown emphasis, code marks, links and HTML tags.
func inline(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdTag.ReplaceAllString(s, " ")
	s = strings.NewReplacer("**", "", "__", "", "`", "", "*", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// sectionName maps a heading to a draft section name, or to the summary. A
// heading it does not recognise names a section of its own.
func sectionName(heading string) (name string, summary bool) {
	h := strings.ToLower(strings.ReplaceAll(heading, "\u2019", "'"))
	h = strings.Join(strings.Fields(headingTail.ReplaceAllString(inline(h), "")), " ")
	h = strings.Trim(h, "#*_ ")
	switch h {
	case "about the role", "about this role", "about the job", "about the position", "summary",
		"overview", "the role", "role", "role summary", "job summary", "position summary",
		"the opportunity", "introduction", "description", "job description":
		return "", true
	}
	for _, m := range []struct {
		name  string
		words []string
	}{
		{Outcomes, []string{strings.ToLower(jobad.Outcomes.Label()), "first year", "first 12 months", "success looks like", "what success"}},
		{NiceToHave, []string{"nice to have", "nice-to-have", "bonus", "preferred", "plus", "good to have", "extra credit"}},
		{Requirements, []string{"must have", "must-have", "requirement", "qualification", "what you bring", "what you'll bring",
			"what you will bring", "about you", "who you are", "looking for", "you have", "you bring", "skills", "experience"}},
		{Benefits, []string{"benefit", "perk", "we offer", "what you get", "what you'll get", "why join"}},
		{Responsibilities, []string{"responsibilit", "what you'll do", "what you will do", "you'll be doing", "duties",
			"your role", "in this role", "day to day", "day-to-day", "your impact", "what you'll own", "your mission", "accountabilit"}},
	} {
		for _, w := range m.words {
			if strings.Contains(h, w) {
				return m.name, false
			}
		}
	}
	if h == "" {
		return "section", false
	}
	return h, false
}

// otherHeadings are headings of the other parts of an ad, which plain text
// gives on a line of their own: the draft's closing parts (as its export
// heads them) and their common wordings.
var otherHeadings = map[string]bool{
	strings.ToLower(jobad.Process.Label()): true, strings.ToLower(jobad.EEO.Label()): true,
	"hiring process": true, "our hiring process": true, "interview process": true, "our process": true,
	"how to apply": true, "equal opportunity employer": true, "diversity and inclusion": true,
	"about us": true, "about the company": true,
	// The scope and a contract engagement's terms, as hirebot's export heads them.
	"scope": true, "the scope": true, "scope of the role": true, "terms of the engagement": true, "terms": true,
}

// isDraftSection reports whether name is one of the draft's sections.
func isDraftSection(name string) bool { return slices.Contains(jobad.Sections, jobad.Section(name)) }
