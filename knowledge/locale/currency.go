package locale

import (
	"fmt"
	"strconv"
	"strings"
)

// Currency is how a locale writes pay.
type Currency struct {
	Code   string `yaml:"code"`   // ISO 4217: USD, GBP, EUR, CAD
	Symbol string `yaml:"symbol"` // written before the amount: "$", "£", "€"
	Suffix string `yaml:"suffix"` // written after a figure or range where the symbol is shared: " CAD"
}

// Period is what an amount of pay is for.
type Period string

// The periods pay is quoted for.
const (
	Year  Period = "a year"
	Month Period = "a month"
	Day   Period = "a day"
	Hour  Period = "an hour"
)

// RangeError is returned for a pay range that cannot be written: a
// negative amount, or a minimum above the maximum.
type RangeError struct {
	Low, High int64
}

func (e RangeError) Error() string {
	return fmt.Sprintf("pay range %d to %d: want 0 <= minimum <= maximum", e.Low, e.High)
}

// Amount writes one amount with the symbol and thousands separators:
// "$210,000".
func (c Currency) Amount(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + c.Symbol + b.String()
	}
	return c.Symbol + b.String()
}

// Range writes a pay range as the locale does, with the period: "$210,000
// - $250,000 a year", "$180,000 - $220,000 CAD a year", or one amount when
// low equals high. The form is one the wording check reads as a range.
func (c Currency) Range(low, high int64, per Period) (string, error) {
	if low < 0 || low > high {
		return "", RangeError{Low: low, High: high}
	}
	s := c.Amount(low)
	if high != low {
		s += " - " + c.Amount(high)
	}
	return s + c.Suffix + " " + string(per), nil
}

// currencyWords are the currency codes a text may name, and the marks
// written before a "$".
var currencyWords = map[string]string{"usd": "USD", "gbp": "GBP", "eur": "EUR", "cad": "CAD"}

// ForeignCurrency finds the currencies in text that are not locale c's:
// "£" or "EUR" in a US ad, "US$" in a Canadian one. A bare "$" is USD or
// CAD, so it is foreign only outside the US and Canada. Each hit's ID is
// the currency code ("USD", "GBP", "EUR", "CAD", or "USD/CAD" for "$").
func (d *Data) ForeignCurrency(text string, c Code) []Hit {
	l, ok := d.Get(c)
	if !ok {
		return nil
	}
	own := l.Currency.Code
	var out []Hit
	for i, r := range text {
		var id string
		start, end := i, i+len(string(r))
		switch r {
		case '£':
			id = "GBP"
		case '€':
			id = "EUR"
		case '$':
			id = "USD/CAD"
			before := strings.ToUpper(text[max(0, i-2):i])
			switch {
			case strings.HasSuffix(before, "US"):
				id, start = "USD", i-2
			case strings.HasSuffix(before, "CA"):
				id, start = "CAD", i-2
			case strings.HasSuffix(before, "C"):
				id, start = "CAD", i-1
			}
		default:
			continue
		}
		if !strings.Contains(id, own) {
			out = append(out, Hit{ID: id, Text: text[start:end], Start: start, End: end})
		}
	}
	for _, t := range tokens(text) {
		if code, ok := currencyWords[t.word]; ok && code != own {
			out = append(out, Hit{ID: code, Text: text[t.start:t.end], Start: t.start, End: t.end})
		}
	}
	return out
}
