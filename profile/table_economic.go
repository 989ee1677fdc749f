package profile

import (
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

// economic: 支出经济分类汇总表.
var economicTable = &Table{ID: "economic", Name: "支出经济分类汇总表", build: buildEconomic}

// 七、支出经济分类汇总表.
func buildEconomic(c tableContext) annexTable {
	f := c.figures
	t := &doc.Table{
		Name: c.entry,
		Header: [][]doc.Cell{
			{th("经济分类科目编码", 2, 1), th("科目名称", 1, 2), th("合计", 1, 2), th("基本支出", 3, 1), th("项目支出", 1, 2)},
			{th("类", 1, 1), th("款", 1, 1), th("小计", 1, 1), th("人员经费", 1, 1), th("公用经费", 1, 1)},
		},
		Body: [][]doc.Cell{row(texts("", "", "合计"), nums(f.All.Total, f.All.Basic, f.All.Personnel, f.All.Public, f.All.Projects))},
	}
	for _, r := range f.ByEconomic {
		class, section := r.Code, ""
		if r.Level == figures.EconomicSection {
			class, section = r.Code[:3], r.Code[3:]
		}
		t.Body = append(t.Body, row(texts(class, section, r.Name), nums(r.Total, r.Basic, r.Personnel, r.Public, r.Projects)))
	}
	return annexTable{caption: true, tables: []*doc.Table{t}}
}
