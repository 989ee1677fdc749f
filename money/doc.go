// Package money holds the arithmetic a budget disclosure prints: shares that
// add up to exactly 100.00%, year-on-year changes, and fixed two-decimal
// formatting. Amounts are decimal.Decimal throughout; nothing here knows
// about budgets.
package money
