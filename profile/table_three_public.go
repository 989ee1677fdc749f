package profile

import "github.com/budgetdoc/budgetdoc/doc"

// three_public: 一般公共预算“三公”经费支出情况表.
var threePublicTable = &Table{ID: "three_public", Name: "一般公共预算“三公”经费支出情况表", build: buildThreePublic, Notes: []string{"note.八"}}

// 八、一般公共预算"三公"经费支出情况表. An empty table prints no data row and
// says why, as the reference does.
func buildThreePublic(c tableContext) annexTable {
	tp := c.figures.ThreePublic.This
	t := &doc.Table{
		Name: c.entry,
		Header: [][]doc.Cell{
			{th("“三公”经费合计", 1, 2), th("因公出国（境）费", 1, 2), th("公务用车购置及运行费", 3, 1), th("公务接待费", 1, 2)},
			{th("小计", 1, 1), th("公务用车购置费", 1, 1), th("公务用车运行费", 1, 1)},
		},
	}
	var notes []string
	if tp.Total.IsZero() {
		notes = []string{"empty.八"}
	} else {
		t.Body = [][]doc.Cell{nums(tp.Total, tp.Abroad, tp.Vehicles, tp.VehiclePurchase, tp.VehicleOperation, tp.Reception)}
	}
	return annexTable{caption: true, tables: []*doc.Table{t}, notes: notes}
}
