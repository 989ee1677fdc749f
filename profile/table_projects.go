package profile

import (
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

// projects: 项目支出表.
var projectsTable = &Table{ID: "projects", Name: "项目支出表", build: buildProjects}

// 十、项目支出表.
func buildProjects(c tableContext) annexTable {
	b, f := c.budget, c.figures
	cols := func(a figures.ProjectAmounts) []doc.Cell {
		return nums(a.Total, a.Current.General, a.Current.GovernmentFund, a.Current.StateCapital,
			a.CarryOver.General, a.CarryOver.GovernmentFund, a.CarryOver.StateCapital, a.SpecialAccount, a.UnitFunds)
	}
	t := &doc.Table{
		Name: c.entry,
		Header: [][]doc.Cell{
			{th("类型", 1, 2), th("项目名称", 1, 2), th("项目单位", 1, 2), th("合计", 1, 2), th("本年拨款", 3, 1), th("财政拨款结转结余", 3, 1), th("财政专户管理资金", 1, 2), th("单位资金", 1, 2)},
			{th("一般公共预算", 1, 1), th("政府性基金预算", 1, 1), th("国有资本经营预算", 1, 1), th("一般公共预算", 1, 1), th("政府性基金预算", 1, 1), th("国有资本经营预算", 1, 1)},
		},
		Body: [][]doc.Cell{row(texts("", "", ""), cols(f.Projects.Total))},
	}
	a := annexTable{caption: true, orientation: doc.OrientationLandscape, tables: []*doc.Table{t}}
	if len(f.Projects.All) == 0 {
		a.notes = []string{"empty"}
		return a
	}
	for _, u := range f.Projects.Units {
		code, name := u.Code, u.Name
		if len(b.Units) == 1 {
			code, name = b.Department.Code, b.Department.Name
		}
		t.Body = append(t.Body, row(texts("", code, name), cols(u.ProjectAmounts)))
		for _, p := range u.Projects {
			t.Body = append(t.Body, row(texts(string(p.Type), p.Name, p.UnitName), cols(p.ProjectAmounts)))
		}
	}
	return a
}
