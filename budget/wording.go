package budget

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/internal/decode"
)

// The messages a person reads are in Chinese, for the finance staff who fill
// in the budget. These helpers keep their punctuation the same everywhere.

// quote puts s in Chinese quotation marks, “s”, escaping characters that
// cannot be seen, as the loader's messages do.
func quote(s string) string { return decode.Quote(s) }

// listOf joins the items with the Chinese enumeration comma: 甲、乙、丙.
func listOf(items ...string) string { return strings.Join(items, "、") }

// eitherOf words a choice: "甲 或 乙", "甲、乙 或 丙".
func eitherOf(items ...string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return listOf(items[:len(items)-1]...) + " 或 " + items[len(items)-1]
}

// sourceList names every known source of funds, for a message.
func sourceList() string {
	names := make([]string, len(Sources))
	for i, s := range Sources {
		names[i] = string(s)
	}
	return listOf(names...)
}

// amountText prints an amount the way the document does, "697.10"; one with
// more than two decimals (itself an error) prints in full, "90.005".
func amountText(d decimal.Decimal) string {
	if d.Round(2).Equal(d) {
		return d.StringFixed(2)
	}
	return d.String()
}
