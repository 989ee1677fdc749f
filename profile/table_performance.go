package profile

import (
	"fmt"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
)

// performance: 部门（单位）整体绩效目标表.
var performanceTable = &Table{ID: "performance", Name: "部门（单位）整体绩效目标表", build: buildPerformance}

// 十一、部门（单位）整体绩效目标表: the department's particulars, then the
// indicators under a header row that repeats on every page.
func buildPerformance(c tableContext) annexTable {
	b, f := c.budget, c.figures
	p := b.Performance
	var goals []string
	for i, g := range p.Goals {
		goals = append(goals, fmt.Sprintf("%d: %s", i+1, g))
	}
	in := f.Income.ThisYear
	co := f.Income.CarryOver
	info := &doc.Table{
		Name: c.entry,
		Body: [][]doc.Cell{
			{th("部门（单位）名称", 2, 1), {Text: b.Department.Name, ColSpan: 3}},
			{th("年度履职目标", 2, 1), {Text: strings.Join(goals, " "), ColSpan: 3}},
			{th("年度主要任务", 1, len(p.Tasks)+1), th("任务名称", 1, 1), th("主要内容", 3, 1)},
		},
	}
	for _, task := range p.Tasks {
		info.Body = append(info.Body, []doc.Cell{text(task.Name), {Text: task.Content, ColSpan: 3}})
	}
	funds := []labelled{
		{c.kind + "预算总额（" + f.MoneyUnit + "）", f.All.Total},
		{"1、资金来源：（1）政府预算资金", in.Fiscal.Add(co.Fiscal)},
		{"（2）财政专户管理资金", in.SpecialAccount.Add(co.SpecialAccount)},
		{"（3）单位资金", in.UnitFunds.Add(co.UnitFunds)},
		{"2、资金结构：（1）基本支出", f.All.Basic},
		{"（2）项目支出", f.All.Projects},
	}
	for i, r := range funds {
		amount := num(r.d)
		amount.ColSpan = 2
		cells := []doc.Cell{{Text: r.label, ColSpan: 2}, amount}
		if i == 0 {
			cells = append([]doc.Cell{th("预算情况", 1, len(funds))}, cells...)
		}
		info.Body = append(info.Body, cells)
	}
	indicators := &doc.Table{
		Name:   c.entry + "（指标）",
		Header: [][]doc.Cell{{th("一级指标", 1, 1), th("二级指标", 1, 1), th("三级指标", 1, 1), th("指标值", 1, 1), th("指标值说明", 1, 1)}},
	}
	ind := p.Indicators
	for i := 0; i < len(ind); {
		// Consecutive rows with the same 一级指标 share its cell, and
		// within them those with the same 二级指标.
		j := i
		for j < len(ind) && ind[j].Level1 == ind[i].Level1 {
			j++
		}
		for k := i; k < j; {
			l := k
			for l < j && ind[l].Level2 == ind[k].Level2 {
				l++
			}
			for m := k; m < l; m++ {
				var r []doc.Cell
				if m == i {
					r = append(r, doc.Cell{Text: ind[i].Level1, RowSpan: j - i, Align: doc.AlignCenter})
				}
				if m == k {
					r = append(r, doc.Cell{Text: ind[k].Level2, RowSpan: l - k, Align: doc.AlignCenter})
				}
				r = append(r, text(ind[m].Level3), doc.Cell{Text: ind[m].Value, Align: doc.AlignCenter}, text(ind[m].Note))
				indicators.Body = append(indicators.Body, r)
			}
			k = l
		}
		i = j
	}
	return annexTable{title: c.name + "\n（" + fmt.Sprint(f.Year) + "年度）", tables: []*doc.Table{info, indicators}}
}
