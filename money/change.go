package money

import "github.com/shopspring/decimal"

// ChangeKind is how an amount moved from the prior year to this one. Each
// kind has its own wording in a disclosure: 增加X万元，增长Y%; 减少X万元，
// 下降Y%; 与上年保持一致; 上年无该项预算 (no percentage); 下降100%.
type ChangeKind int

const (
	ChangeUnchanged ChangeKind = iota // both years equal and not zero
	ChangeIncrease                    // this > prior > 0
	ChangeDecrease                    // prior > this > 0
	ChangeNew                         // prior zero, this not
	ChangeEnded                       // this zero, prior not
	ChangeBothZero                    // both years zero
)

var changeKindNames = [...]string{"Unchanged", "Increase", "Decrease", "New", "Ended", "BothZero"}

func (k ChangeKind) String() string {
	if k < 0 || int(k) >= len(changeKindNames) {
		return "ChangeKind(?)"
	}
	return changeKindNames[k]
}

// Change is a year-on-year comparison.
type Change struct {
	Kind  ChangeKind
	This  decimal.Decimal
	Prior decimal.Decimal
	// Amount is the size of the change, never negative: 199.45 for
	// 341.37 → 540.82, and also for 540.82 → 341.37.
	Amount decimal.Decimal
	// Percent is Amount ÷ Prior × 100 with two decimals, rounded half up:
	// 58.43 for the example above, 100.00 for ChangeEnded, 0 for ChangeUnchanged and
	// ChangeBothZero. It is zero and meaningless for ChangeNew: check HasPercent.
	Percent decimal.Decimal
}

// HasPercent reports whether Percent means something: false only for ChangeNew,
// where the prior year is zero.
func (c Change) HasPercent() bool { return c.Kind != ChangeNew }

// Compare returns the change from prior to this.
func Compare(this, prior decimal.Decimal) Change {
	c := Change{This: this, Prior: prior, Amount: this.Sub(prior).Abs(), Percent: decimal.Zero}
	switch {
	case this.IsZero() && prior.IsZero():
		c.Kind = ChangeBothZero
	case prior.IsZero():
		c.Kind = ChangeNew
	case this.IsZero():
		c.Kind = ChangeEnded
	case this.Equal(prior):
		c.Kind = ChangeUnchanged
	case this.GreaterThan(prior):
		c.Kind = ChangeIncrease
	default:
		c.Kind = ChangeDecrease
	}
	if c.Kind != ChangeNew && !prior.IsZero() {
		c.Percent = c.Amount.Mul(decimal.NewFromInt(100)).DivRound(prior.Abs(), 2)
	}
	return c
}
