package profile

import (
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

// income: 部门收入总体情况表.
var incomeTable = &Table{ID: "income", Name: "部门收入总体情况表", build: buildIncome}

// 二、部门收入总体情况表.
func buildIncome(c tableContext) annexTable {
	b, f := c.budget, c.figures
	heads := []string{"合计", "上年结转", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金",
		"事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"}
	var first []doc.Cell
	for _, h := range heads {
		first = append(first, th(h, 1, 2))
	}
	t := &doc.Table{
		Name:   c.entry,
		Header: functionCodeHeader(2, first),
		Body: functionBody(b, f.IncomeByFunction, func(c figures.IncomeColumns) []doc.Cell {
			return nums(c.Total, c.CarryOver, c.General, c.GovernmentFund, c.StateCapital, c.SpecialAccount,
				c.Business, c.Operating, c.Superior, c.Affiliated, c.Other)
		}),
	}
	return annexTable{caption: true, orientation: doc.OrientationLandscape, tables: []*doc.Table{t}}
}
