package profile

import (
	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/zh"
)

// overall: 部门收支总体情况表.
var overallTable = &Table{ID: "overall", Name: "部门收支总体情况表", build: buildOverall}

// 一、部门收支总体情况表: income by source against spending by 功能分类 类.
func buildOverall(c tableContext) annexTable {
	f := c.figures
	in := f.Income.ThisYear
	left := []labelled{
		{"一、一般公共预算", in.General},
		{"其中：财政拨款", in.GeneralAppropriation},
		{"二、政府性基金预算拨款收入", in.GovernmentFund},
		{"三、国有资本经营预算拨款收入", in.StateCapital},
		{"四、财政专户管理资金收入", in.SpecialAccount},
		{"五、事业收入", in.Business},
		{"六、事业单位经营收入", in.Operating},
		{"七、上级补助收入", in.Superior},
		{"八、附属单位上缴收入", in.Affiliated},
		{"九、其他收入", in.Other},
	}
	t := &doc.Table{
		Name:   c.entry,
		Header: [][]doc.Cell{{th("收入", 2, 1), th("支出", 2, 1)}, {th("项目", 1, 1), th("金额", 1, 1), th("项目", 1, 1), th("金额", 1, 1)}},
	}
	for i := 0; i < max(len(left), len(f.Classes)); i++ {
		r := []doc.Cell{text(""), {}}
		if i < len(left) {
			r = []doc.Cell{text(left[i].label), num(left[i].d)}
		}
		if i < len(f.Classes) {
			c := f.Classes[i]
			r = append(r, text(classLabel(c.Serial, "", "、", c.OverviewName, c.Name)), num(c.Total))
		} else {
			r = append(r, text(""), doc.Cell{})
		}
		t.Body = append(t.Body, r)
	}
	t.Body = append(t.Body,
		row(texts("本年收入合计"), nums(in.Total), texts("本年支出合计"), nums(f.All.Total)),
		row(texts("上年结转结余"), nums(f.Income.CarryOver.Total), texts("年终结转结余"), nums(decimal.Zero)),
		row(texts("收入总计"), nums(f.Income.Total), texts("支出总计"), nums(f.All.Total)),
	)
	return annexTable{caption: true, tables: []*doc.Table{t}}
}

// classLabel words a 功能分类 类 row of tables 一 and 四: its serial in
// Chinese between open and close, then its name as those tables print it
// ("八、社会保障和就业", "（八）社会保障和就业支出"); the official name alone
// for a class the catalogue gives no serial.
func classLabel(serial int, open, close, printed, official string) string {
	if serial == 0 || printed == "" {
		return official
	}
	return open + zh.Numeral(serial) + close + printed
}
