package money

import (
	"sort"

	"github.com/shopspring/decimal"
)

// basisPoints is 100% expressed in hundredths of a percent: shares are
// printed with two decimals of a percent.
var basisPoints = decimal.NewFromInt(10000)

// hundredth converts a count of basis points back to a percent.
var hundredth = decimal.New(1, -2)

// Shares returns each part's share of total in percent, with two decimals,
// by the largest-remainder (Hamilton) method: every share is first rounded
// down to 0.01%, then the hundredths still missing are handed one each to
// the parts with the largest remainders, ties going to the lower index.
// When the parts add up to total the shares add up to exactly 100.00, which
// plain rounding does not guarantee (502.33, 19.98, 7.27, 11.24 of 540.82
// give 92.88, 3.70, 1.34, 2.08; plain rounding gives 3.69 and a sum of
// 99.99). When the parts add up to less or more than total, the shares add
// up to their rounded sum.
//
// A zero total gives zero shares. A negative part or total has no
// meaningful share; each share is then rounded half away from zero on its
// own.
func Shares(parts []decimal.Decimal, total decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(parts))
	if total.IsZero() {
		for i := range out {
			out[i] = decimal.Zero
		}
		return out
	}
	if total.IsNegative() || anyNegative(parts) {
		for i, p := range parts {
			out[i] = p.Mul(decimal.NewFromInt(100)).DivRound(total, 2)
		}
		return out
	}

	// quota_i = part_i × 10000 / total = floor_i + rem_i / total, exactly.
	floors := make([]decimal.Decimal, len(parts))
	rems := make([]decimal.Decimal, len(parts))
	sumParts, sumFloors := decimal.Zero, decimal.Zero
	for i, p := range parts {
		floors[i], rems[i] = p.Mul(basisPoints).QuoRem(total, 0)
		sumParts = sumParts.Add(p)
		sumFloors = sumFloors.Add(floors[i])
	}
	target := sumParts.Mul(basisPoints).DivRound(total, 0)
	missing := int(target.Sub(sumFloors).IntPart())

	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	// Stable sort keeps lower indexes first among equal remainders.
	sort.SliceStable(order, func(a, b int) bool {
		return rems[order[a]].GreaterThan(rems[order[b]])
	})
	for k := 0; k < missing && k < len(order); k++ {
		floors[order[k]] = floors[order[k]].Add(decimal.NewFromInt(1))
	}
	for i := range out {
		out[i] = floors[i].Mul(hundredth)
	}
	return out
}

// Share returns part's share of total in percent with two decimals, for a
// pair that is printed alone ("基本支出 165.12万元，占30.53%"). Prefer
// Shares for a set of parts printed together. Zero total gives zero.
func Share(part, total decimal.Decimal) decimal.Decimal {
	if total.IsZero() {
		return decimal.Zero
	}
	return part.Mul(decimal.NewFromInt(100)).DivRound(total, 2)
}

func anyNegative(ds []decimal.Decimal) bool {
	for _, d := range ds {
		if d.IsNegative() {
			return true
		}
	}
	return false
}
