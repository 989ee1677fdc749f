package profile

import (
	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/doc"
)

// fiscal: 财政拨款收支总体情况表.
var fiscalTable = &Table{ID: "fiscal", Name: "财政拨款收支总体情况表", build: buildFiscal}

// 四、财政拨款收支总体情况表.
func buildFiscal(c tableContext) annexTable {
	f := c.figures
	in, co := f.Income.ThisYear, f.Income.CarryOver
	left := []labelled{
		{"一、本年收入", in.Fiscal},
		{"（一）一般公共预算拨款", in.General},
		{"其中：财政拨款", in.GeneralAppropriation},
		{"（二）政府性基金预算拨款", in.GovernmentFund},
		{"（三）国有资本经营预算拨款", in.StateCapital},
		{"二、上年结转", co.Fiscal},
		{"（一）一般公共预算拨款", co.General},
		{"（二）政府性基金预算拨款", co.GovernmentFund},
		{"（三）国有资本经营预算拨款", co.StateCapital},
	}
	general := f.General.Total
	right := [][]doc.Cell{row(texts("一、本年支出"), nums(f.Fiscal, general, f.GeneralAppropriation, f.GovernmentFund.Total, f.StateCapital.Total))}
	for _, c := range f.Classes {
		right = append(right, row(texts(classLabel(c.Serial, "（", "）", c.FiscalOverviewName, c.Name)), nums(c.Fiscal, c.General, c.GeneralAppropriation, c.GovernmentFund, c.StateCapital)))
	}
	right = append(right, row(texts("二、年终结转结余"), nums(decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero)))
	t := &doc.Table{
		Name: c.entry,
		Header: [][]doc.Cell{
			{th("收入", 2, 1), th("支出", 6, 1)},
			{th("项目", 1, 2), th("金额", 1, 2), th("项目", 1, 2), th("合计", 1, 2), th("一般公共预算", 2, 1), th("政府性基金", 1, 2), th("国有资本经营预算", 1, 2)},
			{th("小计", 1, 1), th("其中：财政拨款", 1, 1)},
		},
	}
	for i := range max(len(left), len(right)) {
		r := []doc.Cell{text(""), {}}
		if i < len(left) {
			r = []doc.Cell{text(left[i].label), num(left[i].d)}
		}
		if i < len(right) {
			r = append(r, right[i]...)
		} else {
			r = append(r, text(""), doc.Cell{}, doc.Cell{}, doc.Cell{}, doc.Cell{}, doc.Cell{})
		}
		t.Body = append(t.Body, r)
	}
	fiscalTotal := in.Fiscal.Add(co.Fiscal)
	t.Body = append(t.Body, row(texts("收入合计"), nums(fiscalTotal), texts("支出合计"),
		nums(f.Fiscal, general, f.GeneralAppropriation, f.GovernmentFund.Total, f.StateCapital.Total)))
	return annexTable{caption: true, orientation: doc.OrientationLandscape, tables: []*doc.Table{t}}
}
