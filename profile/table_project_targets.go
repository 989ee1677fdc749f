package profile

import (
	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

// project_targets: 部门预算项目绩效目标汇总表.
var projectTargetsTable = &Table{ID: "project_targets", Name: "部门预算项目绩效目标汇总表", build: buildProjectTargets}

// 十二、部门预算项目绩效目标汇总表: a project's code, name and amounts span as
// many rows as its longest list of targets of one kind.
func buildProjectTargets(c tableContext) annexTable {
	b, f := c.budget, c.figures
	kinds := []budget.TargetKind{budget.TargetCost, budget.TargetOutput, budget.TargetBenefit, budget.TargetSatisfaction}
	var kindHeads, levelHeads []doc.Cell
	for _, k := range kinds {
		kindHeads = append(kindHeads, th(string(k), 2, 1))
		levelHeads = append(levelHeads, th("三级指标", 1, 1), th("指标值", 1, 1))
	}
	amounts := func(a figures.ProjectAmounts) []doc.Cell {
		return nums(a.Total, a.Government, a.SpecialAccount, a.UnitFunds)
	}
	blank := make([]doc.Cell, 2*len(kinds))
	t := &doc.Table{
		Name: c.entry,
		Header: [][]doc.Cell{
			{th("单位编码（项目编码）", 1, 3), th("项目单位（项目名称）", 1, 3), th("项目金额（"+f.MoneyUnit+"）", 4, 1), th("绩效目标", 2*len(kinds), 1)},
			row([]doc.Cell{th("资金总额", 1, 2), th("政府预算资金", 1, 2), th("财政专户管理资金", 1, 2), th("单位资金", 1, 2)}, kindHeads),
			levelHeads,
		},
		Body: [][]doc.Cell{row(texts(b.Department.Code, ""), amounts(f.Projects.Total), blank)},
	}
	a := annexTable{caption: true, orientation: doc.OrientationLandscape, tables: []*doc.Table{t}}
	if len(f.Projects.All) == 0 {
		a.notes = []string{"empty"}
		return a
	}
	for _, u := range f.Projects.Units {
		t.Body = append(t.Body, row(texts(u.Code, u.Name), amounts(u.ProjectAmounts), blank))
		for _, p := range u.Projects {
			byKind := make([][]budget.Target, len(kinds))
			n := 1
			for _, tg := range p.Targets {
				for i, k := range kinds {
					if tg.Kind == k {
						byKind[i] = append(byKind[i], tg)
						n = max(n, len(byKind[i]))
					}
				}
			}
			for r := range n {
				var cells []doc.Cell
				if r == 0 {
					cells = append(cells, doc.Cell{Text: p.Code, RowSpan: n}, doc.Cell{Text: p.Name, RowSpan: n})
					for _, c := range amounts(p.ProjectAmounts) {
						c.RowSpan = n
						cells = append(cells, c)
					}
				}
				for i := range kinds {
					if r < len(byKind[i]) {
						cells = append(cells, text(byKind[i][r].Indicator), text(byKind[i][r].Value))
					} else {
						cells = append(cells, text(""), text(""))
					}
				}
				t.Body = append(t.Body, cells)
			}
		}
	}
	return a
}
