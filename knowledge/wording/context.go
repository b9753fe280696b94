package wording

import (
	"github.com/hirebot/hirebot/knowledge/locale"
)

// The checks that read the ad in the light of what the hiring team has said
// about the job beyond its text (Document.Engagement, Document.Locale): a
// contract engagement promising what only employees get, and another
// country's terms, spelling or currency.

// contextFindings runs the checks that need the job's context.
func (c *Checker) contextFindings(doc Document, ps []place) []placedFinding {
	var out []placedFinding
	if contract(doc.Engagement) {
		out = append(out, c.employeeBenefits(ps)...)
	}
	if code, ok := adLocale(doc); ok {
		out = append(out, c.foreignWords(ps, code)...)
	}
	return out
}

// adLocale returns the locale the ad is written for, when the document
// says (a draft always does). An ad read from a file says none, and is not
// held to one: its location may name where the company is, not whom the
// ad is for.
func adLocale(doc Document) (locale.Code, bool) {
	c, err := locale.ParseCode(doc.Locale)
	return c, err == nil
}

// foreignWords finds another country's terms (a 401(k) in a UK ad, bank
// holidays in a US one) and spellings in the text, and another currency in
// the salary field.
func (c *Checker) foreignWords(ps []place, code locale.Code) []placedFinding {
	data := locale.Default()
	var out []placedFinding
	for _, p := range ps {
		switch p.kind {
		case placeText:
			for _, h := range data.Foreign(p.text, code) {
				f := c.finding(c.checks["foreign-term"], h.Text, p.where)
				if h.Instead != "" {
					f.Fix = "Write " + quoteWords(h.Instead) + " instead, as ads for " + localeName(code) + " do; or set the locale the job is in."
				}
				out = append(out, placedFinding{f, p.order})
			}
			for _, h := range data.OtherSpellings(p.text, code) {
				f := c.finding(c.checks["foreign-spelling"], h.Text, p.where)
				f.Fix = "Write " + quoteWords(h.ID) + ", as " + localeName(code) + " spells it."
				out = append(out, placedFinding{f, p.order})
			}
		case placeSalary:
			for _, h := range data.ForeignCurrency(p.text, code) {
				out = append(out, placedFinding{c.finding(c.checks["foreign-currency"], h.Text, p.where), p.order})
			}
		}
	}
	return out
}

// localeName names a locale for a sentence: "the United Kingdom".
func localeName(code locale.Code) string {
	if l, ok := locale.Get(code); ok {
		return l.Name
	}
	return string(code)
}

// quoteWords puts words in curly quotes.
func quoteWords(s string) string { return "“" + s + "”" }

// contract reports whether engagement names a contract for services.
func contract(engagement string) bool {
	k, err := locale.Default().ParseKind(engagement)
	return err == nil && k != locale.FullTime
}

// employeeBenefits finds the benefits only employees get (a pension,
// health insurance, paid leave…) in the items of a contract engagement's
// ad.
func (c *Checker) employeeBenefits(ps []place) []placedFinding {
	var out []placedFinding
	for _, p := range ps {
		if p.kind != placeText || p.section == "" {
			continue
		}
		for _, h := range locale.Default().FindEmployeeOnly(p.text) {
			out = append(out, placedFinding{c.finding(c.checks["employee-benefits"], h.Text, p.where), p.order})
		}
	}
	return out
}
