package profile

import (
	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

// functionCodeHeader is the header of tables by 功能分类: 科目编码 (类 款 项),
// 单位代码, 单位（科目名称）, then the amount columns given as the first
// header row's cells after those (each spanning down to the last header row)
// and the cells of the rows below.
func functionCodeHeader(depth int, first []doc.Cell, below ...[]doc.Cell) [][]doc.Cell {
	h := [][]doc.Cell{row([]doc.Cell{th("科目编码", 3, 1), th("单位代码", 1, depth), th("单位（科目名称）", 1, depth)}, first)}
	codes := []doc.Cell{th("类", 1, depth-1), th("款", 1, depth-1), th("项", 1, depth-1)}
	if len(below) == 0 {
		return append(h, codes)
	}
	h = append(h, row(codes, below[0]))
	return append(h, below[1:]...)
}

// functionBody is the body of a table by 功能分类: the 合计 row, the
// department's row, then the 项 rows — under each unit's own row when the
// department has more than one unit.
func functionBody[C any](b *budget.Budget, t figures.ByFunction[C], cols func(C) []doc.Cell) [][]doc.Cell {
	body := [][]doc.Cell{
		row(texts("", "", "", "", "合计"), cols(t.Total)),
		row(texts("", "", "", b.Department.Code, b.Department.Name), cols(t.Total)),
	}
	items := func(rows []figures.FunctionRow[C]) {
		for _, r := range rows {
			if r.Level == figures.FunctionItem {
				body = append(body, row(texts(r.Class, r.Section, r.Item, "", r.Name), cols(r.Columns)))
			}
		}
	}
	if len(b.Units) > 1 {
		for _, u := range t.Units {
			body = append(body, row(texts("", "", "", u.Code, u.Name), cols(u.Total)))
			items(u.Rows)
		}
	} else {
		items(t.Rows)
	}
	return body
}
