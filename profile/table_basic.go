package profile

import "github.com/budgetdoc/budgetdoc/doc"

// basic: 一般公共预算基本支出表.
var basicTable = &Table{ID: "basic", Name: "一般公共预算基本支出表", build: buildBasic}

// 六、一般公共预算基本支出表.
func buildBasic(c tableContext) annexTable {
	f := c.figures
	t := &doc.Table{
		Name: c.entry,
		Header: [][]doc.Cell{
			{th("部门预算支出经济分类科目", 2, 1), th("政府预算支出经济分类科目编码", 2, 1), th("本年一般公共预算基本支出", 3, 1)},
			{th("科目编码", 1, 1), th("科目名称", 1, 1), th("科目编码", 1, 1), th("科目名称", 1, 1), th("合计", 1, 1), th("人员经费", 1, 1), th("公用经费", 1, 1)},
		},
		Body: [][]doc.Cell{row(texts("合计", "", "", ""), nums(f.General.Basic, f.General.Personnel, f.General.Public))},
	}
	for _, r := range f.GeneralBasicByEconomic {
		t.Body = append(t.Body, row(texts(r.Code, r.Name, r.GovCode, r.GovName), nums(r.Total, r.Personnel, r.Public)))
	}
	return annexTable{caption: true, tables: []*doc.Table{t}}
}
