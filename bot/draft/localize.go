package draft

import (
	"fmt"
	"slices"

	"github.com/hirebot/hirebot/knowledge/locale"
)

// A draft is written for a locale (us, uk, eu or ca): the benefits that
// differ by country, the equal-opportunity statement and the spelling of
// what hirebot wrote follow it. The locale is the one set (/jd set
// locale), else the one the location makes clear ("Boston, MA" is us),
// else the one the draft started in (Home, from HIREBOT_LOCALE), else us.
// When a change moves the draft to another locale, what hirebot wrote for
// the old one and nobody rewrote is written again for the new one, in the
// same change (see localize).

// LocaleCode returns the locale the draft is written for.
func (d *Draft) LocaleCode() locale.Code {
	code, _ := d.LocaleFrom()
	return code
}

// LocaleSource says where the draft's locale comes from.
type LocaleSource string

// The sources of a draft's locale.
const (
	LocaleSet      LocaleSource = "set"      // /jd set locale
	LocaleLocation LocaleSource = "location" // the location names places in one locale
	LocaleHome     LocaleSource = "default"  // the draft's start (HIREBOT_LOCALE), or us
)

// LocaleFrom returns the draft's locale and where it comes from.
func (d *Draft) LocaleFrom() (locale.Code, LocaleSource) {
	if c, err := locale.ParseCode(d.Fields[Locale]); err == nil {
		return c, LocaleSet
	}
	if l, ok := locale.Infer(d.Fields[Location]); ok {
		return l.Code, LocaleLocation
	}
	if c, err := locale.ParseCode(d.Home); err == nil {
		return c, LocaleHome
	}
	return locale.US, LocaleHome
}

// localize writes what hirebot writes for a locale for the draft's locale
// and engagement: the benefit items that stand for a slot that differs by
// country (a 401(k) in the us, a workplace pension in the uk), the
// equal-opportunity statement (for employees, or for contractors in a
// fractional or interim draft), and the spelling of the checklist items
// and the hiring process. With all (a new draft) every such item and the
// statement are written; otherwise only those still as hirebot wrote them
// for some locale, so that nobody's own words are replaced. It returns
// the changes that revert it and what it touched; none when nothing
// changed.
func (d *Draft) localize(all bool) ([]Change, []string) {
	code := d.LocaleCode()
	l, ok := locale.Get(code)
	if !ok {
		return nil, nil
	}
	data := locale.Default()
	var revert []Change
	var touch []string
	for _, sec := range Sections {
		for i, it := range d.Sections[sec] {
			text := it.Text
			if slot, ok := locale.BenefitSlot(it.Source); ok && sec == Benefits && (all || localeBenefit(slot, text)) {
				if t, ok := l.Benefit(slot); ok {
					text = t
				}
			}
			if it.Source != "" {
				text = data.Spell(text, code)
			}
			if text != it.Text {
				revert = append(revert, Change{Op: OpEdit, Ref: it.Ref, Text: it.Text})
				touch = append(touch, it.Ref)
				d.Sections[sec][i].Text = text
			}
		}
	}
	statement := l.EEO
	if d.Contract() {
		statement = l.ContractEEO
	}
	fields := map[Field]string{Process: data.Spell(d.Fields[Process], code)}
	if old := d.Fields[EEO]; all && old != "" || localeStatement(old) {
		fields[EEO] = statement
	}
	for _, f := range []Field{Process, EEO} {
		if v, ok := fields[f]; ok && v != d.Fields[f] && (v != "" || all) {
			revert = append(revert, Change{Op: OpSet, Field: f, Text: d.Fields[f]})
			touch = append(touch, touchField+string(f))
			if d.Fields == nil {
				d.Fields = map[Field]string{}
			}
			d.Fields[f] = v
		}
	}
	return revert, touch
}

// localeBenefit reports whether text is what some locale writes for slot.
func localeBenefit(slot, text string) bool {
	for _, c := range locale.Codes() {
		if l, ok := locale.Get(c); ok {
			if t, ok := l.Benefit(slot); ok && t == text {
				return true
			}
		}
	}
	return false
}

// localeStatement reports whether text is one of the locales'
// equal-opportunity statements, for employees or contractors.
func localeStatement(text string) bool {
	for _, c := range locale.Codes() {
		if l, ok := locale.Get(c); ok && (text == l.EEO || text == l.ContractEEO) {
			return true
		}
	}
	return false
}

// localized is what apply does after a change: when the change moved the
// draft to another locale or engagement, localize for the new one, and
// say so in the change's summary.
func (d *Draft) localized(before locale.Code, contract bool) (string, []Change, []string) {
	if d.LocaleCode() == before && d.Contract() == contract {
		return "", nil, nil
	}
	revert, touch := d.localize(false)
	if len(revert) == 0 {
		return "", nil, nil
	}
	slices.Reverse(revert) // undone last change first
	return fmt.Sprintf(" and wrote %s for %s", plural(len(revert), "part"), d.LocaleCode()), revert, touch
}
