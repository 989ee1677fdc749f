package money

import "github.com/shopspring/decimal"

// Fixed2 prints d with exactly two decimals and no thousands separator,
// the way Henan's tables print 万元: "540.82", "10.00", "0.00".
func Fixed2(d decimal.Decimal) string { return d.StringFixed(2) }

// Plain prints d without trailing zeros, the way the reference's narrative
// sometimes words amounts: "37.2", "10", "0".
func Plain(d decimal.Decimal) string { return d.String() }

// Sum adds ds.
func Sum(ds ...decimal.Decimal) decimal.Decimal {
	s := decimal.Zero
	for _, d := range ds {
		s = s.Add(d)
	}
	return s
}
