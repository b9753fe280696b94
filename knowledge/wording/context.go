package wording

import (
	"github.com/hirebot/hirebot/knowledge/locale"
)

// The checks that read the ad in the light of what the hiring team has said
// about the job beyond its text (Document.Engagement): a contract
// engagement promising what only employees get.

// contextFindings runs the checks that need the job's context.
func (c *Checker) contextFindings(doc Document, ps []place) []placedFinding {
	var out []placedFinding
	if contract(doc.Engagement) {
		out = append(out, c.employeeBenefits(ps)...)
	}
	return out
}

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
