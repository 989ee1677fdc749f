package profile

import (
	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/doc"
)

// government_fund: 政府性基金预算支出情况表.
var governmentFundTable = &Table{ID: "government_fund", Name: "政府性基金预算支出情况表", build: buildGovernmentFund}

// 九、政府性基金预算支出情况表.
func buildGovernmentFund(c tableContext) annexTable {
	f := c.figures
	a := spendingAnnex(c, f.GovernmentFundByFunction)
	if f.GovernmentFund.Total.IsZero() {
		// The reference prints the 合计 row alone, empty, and says why.
		t := a.tables[0]
		t.Body = [][]doc.Cell{row(texts("", "", "", "", "合计"), nums(make([]decimal.Decimal, 9)...))}
		a.notes = []string{"empty.九"}
	}
	return a
}
