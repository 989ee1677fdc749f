package profile

import (
	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

// spending: 部门支出总体情况表, all spending by 功能分类.
var spendingTableDef = &Table{ID: "spending", Name: "部门支出总体情况表",
	build: func(c tableContext) annexTable { return spendingAnnex(c, c.figures.SpendingByFunction) }}

// general: 一般公共预算支出情况表, 一般公共预算 spending by 功能分类.
var generalTable = &Table{ID: "general", Name: "一般公共预算支出情况表", Notes: []string{"note.五"},
	build: func(c tableContext) annexTable { return spendingAnnex(c, c.figures.GeneralByFunction) }}

// spendingTable is the layout of 表三, 五 and 九.
func spendingTable(b *budget.Budget, name string, t figures.ByFunction[figures.SpendingColumns]) *doc.Table {
	first := []doc.Cell{th("合计", 1, 3), th("基本支出", 5, 1), th("项目支出", 3, 1)}
	second := []doc.Cell{th("小计", 1, 2), th("人员经费", 2, 1), th("公用经费", 2, 1), th("小计", 1, 2), th("其他运转类", 1, 2), th("特定目标类", 1, 2)}
	third := []doc.Cell{th("工资福利支出", 1, 1), th("对个人和家庭的补助", 1, 1), th("商品和服务支出", 1, 1), th("资本性支出", 1, 1)}
	return &doc.Table{
		Name:   name,
		Header: functionCodeHeader(3, first, second, third),
		Body: functionBody(b, t, func(c figures.SpendingColumns) []doc.Cell {
			return nums(c.Total, c.Basic, c.Wages, c.FamilySubsidy, c.GoodsServices, c.Capital,
				c.Projects, c.OtherOperation, c.SpecificTarget)
		}),
	}
}

func spendingAnnex(c tableContext, t figures.ByFunction[figures.SpendingColumns]) annexTable {
	return annexTable{caption: true, orientation: doc.OrientationLandscape, tables: []*doc.Table{spendingTable(c.budget, c.entry, t)}}
}
