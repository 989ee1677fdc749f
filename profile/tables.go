package profile

import (
	"fmt"
	"github.com/budgetdoc/budgetdoc/budget"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/shopspring/decimal"
)

// annexTable is one of the twelve annex tables with what is printed around
// it. Tables are built from Figures only: no amount is added up here.
type annexTable struct {
	serial      string // 一 … 十二: the TOC entry is serial + "、" + name
	name        string // 部门收支总体情况表
	title       string // printed over the table; "\n" breaks lines
	caption     bool   // print "部门名称：…\t单位：万元" over it
	orientation doc.Orientation
	tables      []*doc.Table
	notes       []string // template names of the notes under it
}

// header cell: centred, spanning cs columns and rs rows.
func th(text string, cs, rs int) doc.Cell {
	return doc.Cell{Text: text, ColSpan: cs, RowSpan: rs, Align: doc.AlignCenter}
}

// num is an amount cell; the reference leaves zero amounts empty.
func num(d decimal.Decimal) doc.Cell { return doc.Num(d, true) }

func text(s string) doc.Cell { return doc.Text(s) }

func texts(ss ...string) []doc.Cell {
	out := make([]doc.Cell, len(ss))
	for i, s := range ss {
		out[i] = doc.Text(s)
	}
	return out
}

func nums(ds ...decimal.Decimal) []doc.Cell {
	out := make([]doc.Cell, len(ds))
	for i, d := range ds {
		out[i] = num(d)
	}
	return out
}

// labelled is an amount with the words a table prints beside it.
type labelled struct {
	label string
	d     decimal.Decimal
}

func row(parts ...[]doc.Cell) []doc.Cell {
	var out []doc.Cell
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// annexTables builds the twelve tables in the order the document prints them.
func annexTables(b *budget.Budget, f *Figures) []annexTable {
	return []annexTable{
		tableOverall(b, f),
		tableIncome(b, f),
		tableSpending(b, "三", "部门支出总体情况表", f.SpendingByFunction, nil),
		tableFiscal(b, f),
		tableSpending(b, "五", "一般公共预算支出情况表", f.GeneralByFunction, []string{"note.五"}),
		tableBasic(b, f),
		tableEconomic(b, f),
		tableThreePublic(b, f),
		tableGovernmentFund(b, f),
		tableProjects(b, f),
		tablePerformance(b, f),
		tableProjectTargets(b, f),
	}
}

// 一、部门收支总体情况表: income by source against spending by 功能分类 类.
func tableOverall(b *budget.Budget, f *Figures) annexTable {
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
		Name:    "一、部门收支总体情况表",
		Columns: []float64{3, 1.4, 3, 1.4},
		Header:  [][]doc.Cell{{th("收入", 2, 1), th("支出", 2, 1)}, {th("项目", 1, 1), th("金额", 1, 1), th("项目", 1, 1), th("金额", 1, 1)}},
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
	return annexTable{serial: "一", name: "部门收支总体情况表", caption: true, tables: []*doc.Table{t}}
}

// classLabel words a 功能分类 类 row of tables 一 and 四: its serial in
// Chinese between open and close, then its name as those tables print it
// ("八、社会保障和就业", "（八）社会保障和就业支出"); the official name alone
// for a class the catalogue gives no serial.
func classLabel(serial int, open, close, printed, official string) string {
	if serial == 0 || printed == "" {
		return official
	}
	return open + chineseNumber(serial) + close + printed
}

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
func functionBody[C any](b *budget.Budget, t ByFunction[C], cols func(C) []doc.Cell) [][]doc.Cell {
	body := [][]doc.Cell{
		row(texts("", "", "", "", "合计"), cols(t.Total)),
		row(texts("", "", "", b.Department.Code, b.Department.Name), cols(t.Total)),
	}
	items := func(rows []FunctionRow[C]) {
		for _, r := range rows {
			if r.Level == FunctionItem {
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

// functionColumns are the widths of 类, 款, 项, 单位代码 and the name in tables
// by 功能分类, in points of a landscape page; amount columns follow.
var functionColumns = []float64{22, 22, 22, 36, 170}

// 二、部门收入总体情况表.
func tableIncome(b *budget.Budget, f *Figures) annexTable {
	heads := []string{"合计", "上年结转", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金",
		"事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"}
	var first []doc.Cell
	cols := append([]float64{}, functionColumns...)
	for _, h := range heads {
		first = append(first, th(h, 1, 2))
		cols = append(cols, 38)
	}
	t := &doc.Table{
		Name:    "二、部门收入总体情况表",
		Columns: cols,
		Header:  functionCodeHeader(2, first),
		Body: functionBody(b, f.IncomeByFunction, func(c IncomeColumns) []doc.Cell {
			return nums(c.Total, c.CarryOver, c.General, c.GovernmentFund, c.StateCapital, c.SpecialAccount,
				c.Business, c.Operating, c.Superior, c.Affiliated, c.Other)
		}),
	}
	return annexTable{serial: "二", name: "部门收入总体情况表", caption: true, orientation: doc.Landscape, tables: []*doc.Table{t}}
}

// spendingTable is the layout of 表三, 五 and 九.
func spendingTable(b *budget.Budget, name string, t ByFunction[SpendingColumns]) *doc.Table {
	first := []doc.Cell{th("合计", 1, 3), th("基本支出", 5, 1), th("项目支出", 3, 1)}
	second := []doc.Cell{th("小计", 1, 2), th("人员经费", 2, 1), th("公用经费", 2, 1), th("小计", 1, 2), th("其他运转类", 1, 2), th("特定目标类", 1, 2)}
	third := []doc.Cell{th("工资福利支出", 1, 1), th("对个人和家庭的补助", 1, 1), th("商品和服务支出", 1, 1), th("资本性支出", 1, 1)}
	cols := append([]float64{}, functionColumns...)
	for range 9 {
		cols = append(cols, 42)
	}
	return &doc.Table{
		Name:    name,
		Columns: cols,
		Header:  functionCodeHeader(3, first, second, third),
		Body: functionBody(b, t, func(c SpendingColumns) []doc.Cell {
			return nums(c.Total, c.Basic, c.Wages, c.FamilySubsidy, c.GoodsServices, c.Capital,
				c.Projects, c.OtherOperation, c.SpecificTarget)
		}),
	}
}

func tableSpending(b *budget.Budget, serial, name string, t ByFunction[SpendingColumns], notes []string) annexTable {
	return annexTable{serial: serial, name: name, caption: true, orientation: doc.Landscape,
		tables: []*doc.Table{spendingTable(b, serial+"、"+name, t)}, notes: notes}
}

// 四、财政拨款收支总体情况表.
func tableFiscal(b *budget.Budget, f *Figures) annexTable {
	in, co := f.Income.ThisYear, f.Income.CarryOver
	left := []labelled{
		{"一、本年收入", in.Fiscal},
		{"（一）一般公共预算拨款", in.General},
		{"其中：财政拨款", in.GeneralAppropriation},
		{"（二）政府性基金预算拨款", in.GovernmentFund},
		{"（三）国有资本经营预算拨款", in.StateCapital},
		{"二、上年结转", co.Fiscal},
		{"（一）一般公共预算拨款", co.General},
		{"（二）政府性基金预算拨款", co.GovernmentFund},
		{"（三）国有资本经营预算拨款", co.StateCapital},
	}
	general := f.General.Total
	right := [][]doc.Cell{row(texts("一、本年支出"), nums(f.Fiscal, general, f.GeneralAppropriation, f.GovernmentFund.Total, f.StateCapital.Total))}
	for _, c := range f.Classes {
		right = append(right, row(texts(classLabel(c.Serial, "（", "）", c.FiscalOverviewName, c.Name)), nums(c.Fiscal, c.General, c.GeneralAppropriation, c.GovernmentFund, c.StateCapital)))
	}
	right = append(right, row(texts("二、年终结转结余"), nums(decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero, decimal.Zero)))
	t := &doc.Table{
		Name:    "四、财政拨款收支总体情况表",
		Columns: []float64{2.6, 1.1, 3, 1.1, 1.1, 1.1, 1.1, 1.1},
		Header: [][]doc.Cell{
			{th("收入", 2, 1), th("支出", 6, 1)},
			{th("项目", 1, 2), th("金额", 1, 2), th("项目", 1, 2), th("合计", 1, 2), th("一般公共预算", 2, 1), th("政府性基金", 1, 2), th("国有资本经营预算", 1, 2)},
			{th("小计", 1, 1), th("其中：财政拨款", 1, 1)},
		},
	}
	for i := range max(len(left), len(right)) {
		r := []doc.Cell{text(""), {}}
		if i < len(left) {
			r = []doc.Cell{text(left[i].label), num(left[i].d)}
		}
		if i < len(right) {
			r = append(r, right[i]...)
		} else {
			r = append(r, text(""), doc.Cell{}, doc.Cell{}, doc.Cell{}, doc.Cell{}, doc.Cell{})
		}
		t.Body = append(t.Body, r)
	}
	fiscalTotal := in.Fiscal.Add(co.Fiscal)
	t.Body = append(t.Body, row(texts("收入合计"), nums(fiscalTotal), texts("支出合计"),
		nums(f.Fiscal, general, f.GeneralAppropriation, f.GovernmentFund.Total, f.StateCapital.Total)))
	return annexTable{serial: "四", name: "财政拨款收支总体情况表", caption: true, orientation: doc.Landscape, tables: []*doc.Table{t}}
}

// 六、一般公共预算基本支出表.
func tableBasic(b *budget.Budget, f *Figures) annexTable {
	t := &doc.Table{
		Name:    "六、一般公共预算基本支出表",
		Columns: []float64{1.1, 2.6, 1.1, 2.2, 1.2, 1.2, 1.2},
		Header: [][]doc.Cell{
			{th("部门预算支出经济分类科目", 2, 1), th("政府预算支出经济分类科目编码", 2, 1), th("本年一般公共预算基本支出", 3, 1)},
			{th("科目编码", 1, 1), th("科目名称", 1, 1), th("科目编码", 1, 1), th("科目名称", 1, 1), th("合计", 1, 1), th("人员经费", 1, 1), th("公用经费", 1, 1)},
		},
		Body: [][]doc.Cell{row(texts("合计", "", "", ""), nums(f.General.Basic, f.General.Personnel, f.General.Public))},
	}
	for _, r := range f.GeneralBasicByEconomic {
		t.Body = append(t.Body, row(texts(r.Code, r.Name, r.GovCode, r.GovName), nums(r.Total, r.Personnel, r.Public)))
	}
	return annexTable{serial: "六", name: "一般公共预算基本支出表", caption: true, tables: []*doc.Table{t}}
}

// 七、支出经济分类汇总表.
func tableEconomic(b *budget.Budget, f *Figures) annexTable {
	t := &doc.Table{
		Name:    "七、支出经济分类汇总表",
		Columns: []float64{0.7, 0.6, 2.8, 1.2, 1.2, 1.2, 1.2, 1.2},
		Header: [][]doc.Cell{
			{th("经济分类科目编码", 2, 1), th("科目名称", 1, 2), th("合计", 1, 2), th("基本支出", 3, 1), th("项目支出", 1, 2)},
			{th("类", 1, 1), th("款", 1, 1), th("小计", 1, 1), th("人员经费", 1, 1), th("公用经费", 1, 1)},
		},
		Body: [][]doc.Cell{row(texts("", "", "合计"), nums(f.All.Total, f.All.Basic, f.All.Personnel, f.All.Public, f.All.Projects))},
	}
	for _, r := range f.ByEconomic {
		class, section := r.Code, ""
		if r.Level == EconomicSection {
			class, section = r.Code[:3], r.Code[3:]
		}
		t.Body = append(t.Body, row(texts(class, section, r.Name), nums(r.Total, r.Basic, r.Personnel, r.Public, r.Projects)))
	}
	return annexTable{serial: "七", name: "支出经济分类汇总表", caption: true, tables: []*doc.Table{t}}
}

// 八、一般公共预算"三公"经费支出情况表. An empty table prints no data row and
// says why, as the reference does.
func tableThreePublic(b *budget.Budget, f *Figures) annexTable {
	tp := f.ThreePublic.This
	t := &doc.Table{
		Name:    "八、一般公共预算“三公”经费支出情况表",
		Columns: []float64{1, 1, 1, 1, 1, 1},
		Header: [][]doc.Cell{
			{th("“三公”经费合计", 1, 2), th("因公出国（境）费", 1, 2), th("公务用车购置及运行费", 3, 1), th("公务接待费", 1, 2)},
			{th("小计", 1, 1), th("公务用车购置费", 1, 1), th("公务用车运行费", 1, 1)},
		},
	}
	notes := []string{"note.八"}
	if tp.Total.IsZero() {
		notes = append(notes, "empty.八")
	} else {
		t.Body = [][]doc.Cell{nums(tp.Total, tp.Abroad, tp.Vehicles, tp.VehiclePurchase, tp.VehicleOperation, tp.Reception)}
	}
	return annexTable{serial: "八", name: "一般公共预算“三公”经费支出情况表", caption: true, tables: []*doc.Table{t}, notes: notes}
}

// 九、政府性基金预算支出情况表.
func tableGovernmentFund(b *budget.Budget, f *Figures) annexTable {
	a := tableSpending(b, "九", "政府性基金预算支出情况表", f.GovernmentFundByFunction, nil)
	if f.GovernmentFund.Total.IsZero() {
		// The reference prints the 合计 row alone, empty, and says why.
		t := a.tables[0]
		t.Body = [][]doc.Cell{row(texts("", "", "", "", "合计"), nums(make([]decimal.Decimal, 9)...))}
		a.notes = []string{"empty.九"}
	}
	return a
}

// 十、项目支出表.
func tableProjects(b *budget.Budget, f *Figures) annexTable {
	cols := func(a ProjectAmounts) []doc.Cell {
		return nums(a.Total, a.Current.General, a.Current.GovernmentFund, a.Current.StateCapital,
			a.CarryOver.General, a.CarryOver.GovernmentFund, a.CarryOver.StateCapital, a.SpecialAccount, a.UnitFunds)
	}
	t := &doc.Table{
		Name:    "十、项目支出表",
		Columns: []float64{56, 144, 100, 38, 38, 38, 38, 38, 38, 38, 38, 38},
		Header: [][]doc.Cell{
			{th("类型", 1, 2), th("项目名称", 1, 2), th("项目单位", 1, 2), th("合计", 1, 2), th("本年拨款", 3, 1), th("财政拨款结转结余", 3, 1), th("财政专户管理资金", 1, 2), th("单位资金", 1, 2)},
			{th("一般公共预算", 1, 1), th("政府性基金预算", 1, 1), th("国有资本经营预算", 1, 1), th("一般公共预算", 1, 1), th("政府性基金预算", 1, 1), th("国有资本经营预算", 1, 1)},
		},
		Body: [][]doc.Cell{row(texts("", "", ""), cols(f.Projects.Total))},
	}
	a := annexTable{serial: "十", name: "项目支出表", caption: true, orientation: doc.Landscape, tables: []*doc.Table{t}}
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

// 十一、部门（单位）整体绩效目标表: the department's particulars, then the
// indicators under a header row that repeats on every page.
func tablePerformance(b *budget.Budget, f *Figures) annexTable {
	p := b.Performance
	cols := []float64{1.3, 1.6, 2.2, 1.1, 4.6}
	var goals []string
	for i, g := range p.Goals {
		goals = append(goals, fmt.Sprintf("%d: %s", i+1, g))
	}
	in := f.Income.ThisYear
	co := f.Income.CarryOver
	info := &doc.Table{
		Name:    "十一、部门（单位）整体绩效目标表",
		Columns: cols,
		Body: [][]doc.Cell{
			{th("部门（单位）名称", 2, 1), {Text: b.Department.Name, ColSpan: 3}},
			{th("年度履职目标", 2, 1), {Text: strings.Join(goals, " "), ColSpan: 3}},
			{th("年度主要任务", 1, len(p.Tasks)+1), th("任务名称", 1, 1), th("主要内容", 3, 1)},
		},
	}
	for _, task := range p.Tasks {
		info.Body = append(info.Body, []doc.Cell{text(task.Name), {Text: task.Content, ColSpan: 3}})
	}
	budget := []labelled{
		{"部门预算总额（" + f.MoneyUnit + "）", f.All.Total},
		{"1、资金来源：（1）政府预算资金", in.Fiscal.Add(co.Fiscal)},
		{"（2）财政专户管理资金", in.SpecialAccount.Add(co.SpecialAccount)},
		{"（3）单位资金", in.UnitFunds.Add(co.UnitFunds)},
		{"2、资金结构：（1）基本支出", f.All.Basic},
		{"（2）项目支出", f.All.Projects},
	}
	for i, r := range budget {
		amount := num(r.d)
		amount.ColSpan = 2
		cells := []doc.Cell{{Text: r.label, ColSpan: 2}, amount}
		if i == 0 {
			cells = append([]doc.Cell{th("预算情况", 1, len(budget))}, cells...)
		}
		info.Body = append(info.Body, cells)
	}
	indicators := &doc.Table{
		Name:    "十一、部门（单位）整体绩效目标表（指标）",
		Columns: cols,
		Header:  [][]doc.Cell{{th("一级指标", 1, 1), th("二级指标", 1, 1), th("三级指标", 1, 1), th("指标值", 1, 1), th("指标值说明", 1, 1)}},
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
	return annexTable{serial: "十一", name: "部门（单位）整体绩效目标表",
		title: "部门（单位）整体绩效目标表\n（" + fmt.Sprint(f.Year) + "年度）", tables: []*doc.Table{info, indicators}}
}

// 十二、部门预算项目绩效目标汇总表: a project's code, name and amounts span as
// many rows as its longest list of targets of one kind.
func tableProjectTargets(b *budget.Budget, f *Figures) annexTable {
	kinds := []budget.TargetKind{budget.TargetCost, budget.TargetOutput, budget.TargetBenefit, budget.TargetSatisfaction}
	cols := []float64{62, 92, 34, 34, 34, 34}
	for range kinds {
		cols = append(cols, 45, 42)
	}
	var kindHeads, levelHeads []doc.Cell
	for _, k := range kinds {
		kindHeads = append(kindHeads, th(string(k), 2, 1))
		levelHeads = append(levelHeads, th("三级指标", 1, 1), th("指标值", 1, 1))
	}
	amounts := func(a ProjectAmounts) []doc.Cell {
		return nums(a.Total, a.Government, a.SpecialAccount, a.UnitFunds)
	}
	blank := make([]doc.Cell, 2*len(kinds))
	t := &doc.Table{
		Name:    "十二、部门预算项目绩效目标汇总表",
		Columns: cols,
		// Fourteen columns of indicator text: set smaller than the other
		// tables so that a project's targets fit a page.
		FontSize: 7.5,
		Header: [][]doc.Cell{
			{th("单位编码（项目编码）", 1, 3), th("项目单位（项目名称）", 1, 3), th("项目金额（"+f.MoneyUnit+"）", 4, 1), th("绩效目标", 2*len(kinds), 1)},
			row([]doc.Cell{th("资金总额", 1, 2), th("政府预算资金", 1, 2), th("财政专户管理资金", 1, 2), th("单位资金", 1, 2)}, kindHeads),
			levelHeads,
		},
		Body: [][]doc.Cell{row(texts(b.Department.Code, ""), amounts(f.Projects.Total), blank)},
	}
	a := annexTable{serial: "十二", name: "部门预算项目绩效目标汇总表", caption: true, orientation: doc.Landscape, tables: []*doc.Table{t}}
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
