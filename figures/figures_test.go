package figures

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/money"
)

const fengqiuPath = "../examples/fengqiu/fengqiu.yaml"

// loadFengqiu loads the example; every figure test starts from it.
func loadFengqiu(t testing.TB) *budget.Budget {
	t.Helper()
	b, err := budget.Load(fengqiuPath)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

func fengqiuFigures(t testing.TB) *Figures {
	t.Helper()
	b := loadFengqiu(t)
	if ps := b.Check(nil); len(ps) != 0 {
		t.Fatalf("the example has problems:\n%v", ps)
	}
	return Compute(b, nil)
}

// pin compares printed figures: name → (got, want as printed).
func pin(t *testing.T, name string, got decimal.Decimal, want string) {
	t.Helper()
	if g := money.Fixed2(got); g != want {
		t.Errorf("%s = %s, want %s", name, g, want)
	}
}

func TestFengqiuTotalsAndShares(t *testing.T) {
	f := fengqiuFigures(t)
	for _, s := range []struct {
		name string
		sp   Spending
	}{{"All", f.All}, {"General", f.General}} {
		pin(t, s.name+".Total", s.sp.Total, "540.82")
		pin(t, s.name+".Basic", s.sp.Basic, "165.12")
		pin(t, s.name+".Personnel", s.sp.Personnel, "149.62")
		pin(t, s.name+".Wages", s.sp.Wages, "147.77")
		pin(t, s.name+".FamilySubsidy", s.sp.FamilySubsidy, "1.85")
		pin(t, s.name+".Public", s.sp.Public, "15.50")
		pin(t, s.name+".GoodsServices", s.sp.GoodsServices, "15.50")
		pin(t, s.name+".Capital", s.sp.Capital, "0.00")
		pin(t, s.name+".Projects", s.sp.Projects, "375.70")
		pin(t, s.name+".OtherOperation", s.sp.OtherOperation, "375.70")
		pin(t, s.name+".SpecificTarget", s.sp.SpecificTarget, "0.00")
		pin(t, s.name+".CarryOver", s.sp.CarryOver, "0.00")
		pin(t, s.name+".BasicShare", s.sp.BasicShare, "30.53")
		pin(t, s.name+".ProjectsShare", s.sp.ProjectsShare, "69.47")
		pin(t, s.name+".PersonnelShare", s.sp.PersonnelShare, "90.61")
		pin(t, s.name+".PublicShare", s.sp.PublicShare, "9.39")
	}
	pin(t, "GeneralAppropriation", f.GeneralAppropriation, "492.82")
	pin(t, "Fiscal", f.Fiscal, "540.82")
	pin(t, "GovernmentFund.Total", f.GovernmentFund.Total, "0.00")
	pin(t, "StateCapital.Total", f.StateCapital.Total, "0.00")
	pin(t, "Income.ThisYear.General", f.Income.ThisYear.General, "540.82")
	pin(t, "Income.ThisYear.GeneralAppropriation", f.Income.ThisYear.GeneralAppropriation, "492.82")
	pin(t, "Income.ThisYear.GeneralOther", f.Income.ThisYear.GeneralOther, "48.00")
	pin(t, "Income.ThisYear.Fiscal", f.Income.ThisYear.Fiscal, "540.82")
	pin(t, "Income.ThisYear.UnitFunds", f.Income.ThisYear.UnitFunds, "0.00")
	pin(t, "Income.CarryOver.Total", f.Income.CarryOver.Total, "0.00")
	pin(t, "Income.Total", f.Income.Total, "540.82")
	pin(t, "OperatingFunds", f.OperatingFunds, "15.50")
	if f.Year != 2023 || f.PriorYear != 2022 || f.MoneyUnit != "万元" {
		t.Errorf("year %d prior %d unit %s", f.Year, f.PriorYear, f.MoneyUnit)
	}
}

func TestFengqiuClasses(t *testing.T) {
	f := fengqiuFigures(t)
	want := []struct{ code, amount, share string }{
		{"201", "502.33", "92.88"}, {"208", "19.98", "3.70"}, {"210", "7.27", "1.34"}, {"221", "11.24", "2.08"},
	}
	if len(f.ClassShares) != len(want) {
		t.Fatalf("ClassShares = %+v", f.ClassShares)
	}
	sum := decimal.Zero
	for i, w := range want {
		c := f.ClassShares[i]
		if c.Code != w.code {
			t.Errorf("ClassShares[%d].Code = %s, want %s", i, c.Code, w.code)
		}
		pin(t, "share "+w.code, c.Share, w.share)
		pin(t, "amount "+w.code, c.Amount, w.amount)
		sum = sum.Add(c.Share)
	}
	pin(t, "sum of shares", sum, "100.00")
	if f.ClassShares[0].Name != "一般公共服务支出" {
		t.Errorf("class 201 named %q", f.ClassShares[0].Name)
	}
	if len(f.GovernmentFundClassShares) != 0 {
		t.Errorf("GovernmentFundClassShares = %+v", f.GovernmentFundClassShares)
	}

	// 表一 and 表四: every class in official order; 201 first with its 财政拨款 part.
	if len(f.Classes) < 25 || f.Classes[0].Code != "201" || f.Classes[0].Serial != 1 {
		t.Fatalf("Classes start %+v (%d rows)", f.Classes[:1], len(f.Classes))
	}
	byCode := map[string]ClassRow{}
	for i, c := range f.Classes {
		byCode[c.Code] = c
		if i > 0 && c.Serial <= f.Classes[i-1].Serial {
			t.Errorf("class %s serial %d not after %d", c.Code, c.Serial, f.Classes[i-1].Serial)
		}
	}
	for _, w := range []struct{ code, total, approp string }{
		{"201", "502.33", "454.33"}, {"208", "19.98", "19.98"}, {"210", "7.27", "7.27"}, {"221", "11.24", "11.24"}, {"205", "0.00", "0.00"},
	} {
		c := byCode[w.code]
		pin(t, w.code+" Total", c.Total, w.total)
		pin(t, w.code+" Fiscal", c.Fiscal, w.total)
		pin(t, w.code+" General", c.General, w.total)
		pin(t, w.code+" GeneralAppropriation", c.GeneralAppropriation, w.approp)
	}
	if c := byCode["208"]; c.OverviewName != "社会保障和就业" || c.Serial != 8 {
		t.Errorf("208 = %+v", c)
	}
}

// itemRow is one 项 row of 表三/五 as printed: code, 合计, 基本 小计, 工资福利,
// 对个人和家庭补助, 商品和服务, 资本性, 项目 小计, 其他运转类.
type itemRow struct {
	class, section, item, name                                       string
	total, basic, wages, family, goods, capital, projects, operation string
}

var fengqiuItems = []itemRow{
	{"201", "03", "01", "行政运行", "126.63", "126.63", "111.13", "0.00", "15.50", "0.00", "0.00", "0.00"},
	{"201", "03", "99", "其他政府办公厅（室）及相关机构事务支出", "375.70", "0.00", "0.00", "0.00", "0.00", "0.00", "375.70", "375.70"},
	{"208", "05", "01", "行政单位离退休", "1.85", "1.85", "0.00", "1.85", "0.00", "0.00", "0.00", "0.00"},
	{"208", "05", "05", "机关事业单位基本养老保险缴费支出", "17.35", "17.35", "17.35", "0.00", "0.00", "0.00", "0.00", "0.00"},
	{"208", "99", "99", "其他社会保障和就业支出", "0.78", "0.78", "0.78", "0.00", "0.00", "0.00", "0.00", "0.00"},
	{"210", "11", "01", "行政单位医疗", "3.62", "3.62", "3.62", "0.00", "0.00", "0.00", "0.00", "0.00"},
	{"210", "11", "02", "事业单位医疗", "3.65", "3.65", "3.65", "0.00", "0.00", "0.00", "0.00", "0.00"},
	{"221", "02", "01", "住房公积金", "11.24", "11.24", "11.24", "0.00", "0.00", "0.00", "0.00", "0.00"},
}

func checkSpendingTable(t *testing.T, table string, bf ByFunction[SpendingColumns]) {
	t.Helper()
	pin(t, table+" total", bf.Total.Total, "540.82")
	pin(t, table+" total basic", bf.Total.Basic, "165.12")
	pin(t, table+" total wages", bf.Total.Wages, "147.77")
	pin(t, table+" total family", bf.Total.FamilySubsidy, "1.85")
	pin(t, table+" total goods", bf.Total.GoodsServices, "15.50")
	pin(t, table+" total projects", bf.Total.Projects, "375.70")
	if len(bf.Units) != 1 || bf.Units[0].Code != "019001" || bf.Units[0].Name != "封丘县政务服务和大数据管理局" {
		t.Fatalf("%s units = %+v", table, bf.Units)
	}
	pin(t, table+" unit total", bf.Units[0].Total.Total, "540.82")
	var items []FunctionRow[SpendingColumns]
	for _, r := range bf.Rows {
		if r.Level == FunctionItem {
			items = append(items, r)
		}
	}
	if len(items) != len(fengqiuItems) {
		t.Fatalf("%s has %d 项 rows, want %d", table, len(items), len(fengqiuItems))
	}
	for i, w := range fengqiuItems {
		r := items[i]
		if r.Class != w.class || r.Section != w.section || r.Item != w.item || r.Name != w.name {
			t.Errorf("%s row %d = %s %s %s %s, want %s %s %s %s", table, i, r.Class, r.Section, r.Item, r.Name, w.class, w.section, w.item, w.name)
		}
		c := r.Columns
		for _, x := range []struct {
			col  string
			got  decimal.Decimal
			want string
		}{
			{"合计", c.Total, w.total}, {"基本", c.Basic, w.basic}, {"工资福利", c.Wages, w.wages},
			{"对个人和家庭", c.FamilySubsidy, w.family}, {"商品和服务", c.GoodsServices, w.goods},
			{"资本性", c.Capital, w.capital}, {"项目", c.Projects, w.projects}, {"其他运转类", c.OtherOperation, w.operation},
		} {
			pin(t, table+" "+r.Code+" "+x.col, x.got, x.want)
		}
	}
	// The 类 and 款 rows add up their 项 rows.
	for _, r := range bf.Rows {
		if r.Code == "208" {
			pin(t, table+" 208 class", r.Columns.Total, "19.98")
		}
		if r.Code == "21011" {
			pin(t, table+" 21011 section", r.Columns.Total, "7.27")
			if r.Level != FunctionSection || r.Section != "11" || r.Item != "" {
				t.Errorf("21011 row = %+v", r)
			}
		}
	}
}

func TestFengqiuTablesByFunction(t *testing.T) {
	f := fengqiuFigures(t)
	checkSpendingTable(t, "表三", f.SpendingByFunction)
	checkSpendingTable(t, "表五", f.GeneralByFunction)
	if !f.GovernmentFundByFunction.Total.Total.IsZero() || len(f.GovernmentFundByFunction.Rows) != 0 {
		t.Errorf("表九 should be empty: %+v", f.GovernmentFundByFunction)
	}
	// 表二: income by 功能分类.
	in := f.IncomeByFunction
	pin(t, "表二 total", in.Total.Total, "540.82")
	pin(t, "表二 general", in.Total.General, "540.82")
	pin(t, "表二 of which appropriation", in.Total.GeneralAppropriation, "492.82")
	pin(t, "表二 carry-over", in.Total.CarryOver, "0.00")
	for _, r := range in.Rows {
		if r.Code == "2010399" {
			pin(t, "表二 2010399 general", r.Columns.General, "375.70")
			pin(t, "表二 2010399 appropriation", r.Columns.GeneralAppropriation, "327.70")
		}
	}
}

func TestFengqiuBasicByEconomic(t *testing.T) {
	f := fengqiuFigures(t)
	want := []struct{ code, name, gov, govName, total, personnel, public string }{
		{"30101", "基本工资", "50101", "工资奖金津补贴", "75.66", "75.66", "0.00"},
		{"30102", "津贴补贴", "50101", "工资奖金津补贴", "22.85", "22.85", "0.00"},
		{"30103", "奖金", "50101", "工资奖金津补贴", "3.09", "3.09", "0.00"},
		{"30107", "绩效工资", "50501", "工资福利支出", "9.53", "9.53", "0.00"},
		{"30108", "机关事业单位基本养老保险缴费", "50102", "社会保障缴费", "17.35", "17.35", "0.00"},
		{"30110", "职工基本医疗保险缴费", "50102", "社会保障缴费", "7.27", "7.27", "0.00"},
		{"30112", "其他社会保障缴费", "50102", "社会保障缴费", "0.78", "0.78", "0.00"},
		{"30113", "住房公积金", "50103", "住房公积金", "11.24", "11.24", "0.00"},
		{"30201", "办公费", "50201", "办公经费", "3.80", "0.00", "3.80"},
		{"30228", "工会经费", "50201", "办公经费", "2.25", "0.00", "2.25"},
		{"30229", "福利费", "50201", "办公经费", "2.80", "0.00", "2.80"},
		{"30239", "其他交通费用", "50201", "办公经费", "6.65", "0.00", "6.65"},
		{"30302", "退休费", "50905", "离退休费", "1.85", "1.85", "0.00"},
	}
	rows := f.GeneralBasicByEconomic
	if len(rows) != len(want) {
		t.Fatalf("表六 has %d rows, want %d: %+v", len(rows), len(want), rows)
	}
	total, personnel, public := decimal.Zero, decimal.Zero, decimal.Zero
	for i, w := range want {
		r := rows[i]
		if r.Code != w.code || r.Name != w.name || r.GovCode != w.gov || r.GovName != w.govName {
			t.Errorf("表六 row %d = %s %s %s %s, want %s %s %s %s", i, r.Code, r.Name, r.GovCode, r.GovName, w.code, w.name, w.gov, w.govName)
		}
		pin(t, "表六 "+w.code+" total", r.Total, w.total)
		pin(t, "表六 "+w.code+" personnel", r.Personnel, w.personnel)
		pin(t, "表六 "+w.code+" public", r.Public, w.public)
		total, personnel, public = total.Add(r.Total), personnel.Add(r.Personnel), public.Add(r.Public)
	}
	pin(t, "表六 合计", total, "165.12")
	pin(t, "表六 人员", personnel, "149.62")
	pin(t, "表六 公用", public, "15.50")

	// 表七: by 部门经济分类 类 and 款.
	classes := map[string]EconomicRow{}
	sum := decimal.Zero
	for _, r := range f.ByEconomic {
		if r.Level == EconomicClass {
			classes[r.Code] = r
			sum = sum.Add(r.Total)
		}
	}
	pin(t, "表七 classes sum", sum, "540.82")
	pin(t, "表七 301 personnel", classes["301"].Personnel, "147.77")
	pin(t, "表七 302 public", classes["302"].Public, "15.50")
	pin(t, "表七 302 projects", classes["302"].Projects, "321.43")
	pin(t, "表七 303", classes["303"].Basic, "1.85")
	pin(t, "表七 310 projects", classes["310"].Projects, "54.27")
	if classes["301"].Name != "工资福利支出" {
		t.Errorf("表七 301 named %q", classes["301"].Name)
	}
}

func TestFengqiuProjects(t *testing.T) {
	f := fengqiuFigures(t)
	p := f.Projects
	pin(t, "表十 total", p.Total.Total, "375.70")
	pin(t, "表十 current general", p.Total.Current.General, "375.70")
	pin(t, "表十 carry-over", p.Total.CarryOver.Total, "0.00")
	pin(t, "表十二 government", p.Total.Government, "375.70")
	pin(t, "表十二 unit funds", p.Total.UnitFunds, "0.00")
	if len(p.Units) != 1 || p.Units[0].Code != "019001" || len(p.Units[0].Projects) != 6 {
		t.Fatalf("表十 units = %+v", p.Units)
	}
	pin(t, "表十 unit total", p.Units[0].Total, "375.70")
	want := []struct {
		code, name, short, total, prior string
		isNew                           bool
		targets                         int
	}{
		{"410727230000000009617", "工作经费（含22年16.75万）", "工作经费", "246.75", "208.76", false, 10},
		{"410727230000000009620", "驻村工作队经费（含22年2.48万）", "驻村工作队经费", "7.48", "5.00", false, 7},
		{"410727230000000009621", "电子政务外网年费（2023年）", "电子政务外网年费", "20.00", "20.00", false, 7},
		{"410727230000000010434", "工装（2023年）", "工装", "37.20", "0.00", true, 6},
		{"410727230000000010436", "线下服务能力提升（硬件、软件）项目（2023年）", "线下服务能力提升（硬件、软件）项目", "54.27", "0.00", true, 8},
		{"410727230000000018704", "疫情防控工作经费（2023年）", "疫情防控工作经费", "10.00", "0.00", true, 6},
	}
	if len(p.All) != len(want) {
		t.Fatalf("%d projects", len(p.All))
	}
	for i, w := range want {
		g := p.All[i]
		if g.Code != w.code || g.Name != w.name || g.ShortName != w.short || g.New != w.isNew || len(g.Targets) != w.targets ||
			g.Type != budget.ProjectOtherOperation || g.UnitName != "封丘县政务服务和大数据管理局" {
			t.Errorf("project %d = %s %s %s new=%v targets=%d %s", i, g.Code, g.Name, g.ShortName, g.New, len(g.Targets), g.UnitName)
		}
		pin(t, w.short+" total", g.Total, w.total)
		pin(t, w.short+" 一般公共预算", g.Current.General, w.total)
		pin(t, w.short+" 政府预算资金", g.Government, w.total)
		pin(t, w.short+" prior", g.Prior, w.prior)
	}
	if c := p.All[2].Change; c.Kind != money.ChangeUnchanged {
		t.Errorf("电子政务外网年费 change %v", c.Kind)
	}
	if c := p.All[3].Change; c.Kind != money.ChangeNew || c.HasPercent() {
		t.Errorf("工装 change %+v", c)
	}
	pin(t, "工装 procurement", p.All[3].Procurement, "37.20")
	if len(f.EndedProjects) != 0 {
		t.Errorf("ended %+v", f.EndedProjects)
	}
}

func TestFengqiuYearOnYear(t *testing.T) {
	f := fengqiuFigures(t)
	y := f.Changes
	for _, c := range []struct {
		name            string
		got             money.Change
		kind            money.ChangeKind
		amount, percent string
	}{
		{"Total", y.Total, money.ChangeIncrease, "199.45", "58.43"},
		{"General", y.General, money.ChangeIncrease, "199.45", "58.43"},
		{"Basic", y.Basic, money.ChangeIncrease, "57.51", "53.44"},
		{"Projects", y.Projects, money.ChangeIncrease, "141.94", "60.72"},
		{"Continuing", y.Continuing, money.ChangeIncrease, "40.47", "17.31"},
		{"GovernmentFund", y.GovernmentFund, money.ChangeBothZero, "0.00", "0.00"},
		{"StateCapital", y.StateCapital, money.ChangeBothZero, "0.00", "0.00"},
	} {
		if c.got.Kind != c.kind {
			t.Errorf("%s kind %v, want %v", c.name, c.got.Kind, c.kind)
		}
		pin(t, c.name+" amount", c.got.Amount, c.amount)
		pin(t, c.name+" percent", c.got.Percent, c.percent)
	}
	pin(t, "prior total", y.Total.Prior, "341.37")
	if y.LargestContinuing != "工作经费" {
		t.Errorf("LargestContinuing = %q", y.LargestContinuing)
	}
	wantNew := []struct{ short, amount string }{
		{"线下服务能力提升（硬件、软件）项目", "54.27"}, {"工装", "37.20"}, {"疫情防控工作经费", "10.00"},
	}
	if len(y.NewProjects) != len(wantNew) {
		t.Fatalf("NewProjects = %+v", y.NewProjects)
	}
	for i, w := range wantNew {
		if y.NewProjects[i].ShortName != w.short {
			t.Errorf("new project %d = %s, want %s", i, y.NewProjects[i].ShortName, w.short)
		}
		pin(t, "new "+w.short, y.NewProjects[i].Amount, w.amount)
	}
	if len(y.EndedProjects) != 0 {
		t.Errorf("EndedProjects = %+v", y.EndedProjects)
	}
	// 199.45 = 57.51 + 40.47 + 54.27 + 37.20 + 10.00, as the narrative says.
	sum := y.Basic.Amount.Add(y.Continuing.Amount)
	for _, n := range y.NewProjects {
		sum = sum.Add(n.Amount)
	}
	pin(t, "narrative reasons add up", sum, "199.45")
	if y.Reasons.Basic != "正常增人增资、晋级晋档等" || y.Reasons.Projects != "根据实际工作需求" {
		t.Errorf("reasons %+v", y.Reasons)
	}
}

func TestFengqiuOtherMatters(t *testing.T) {
	f := fengqiuFigures(t)
	tp := f.ThreePublic
	for name, c := range map[string]money.Change{
		"Total": tp.Total, "Abroad": tp.Abroad, "Vehicles": tp.Vehicles, "VehiclePurchase": tp.VehiclePurchase,
		"VehicleOperation": tp.VehicleOperation, "Reception": tp.Reception,
	} {
		if c.Kind != money.ChangeBothZero {
			t.Errorf("三公 %s kind %v", name, c.Kind)
		}
	}
	pin(t, "三公 total", tp.This.Total, "0.00")
	pin(t, "procurement total", f.Procurement.Total, "91.47")
	pin(t, "procurement goods", f.Procurement.Goods, "91.47")
	pin(t, "procurement works", f.Procurement.Works, "0.00")
	pin(t, "procurement services", f.Procurement.Services, "0.00")
	pin(t, "special transfers", f.SpecialTransfersTotal, "0.00")
	if f.Assets.Vehicles.Official != 0 || len(f.SpecialTransfers) != 0 {
		t.Errorf("assets %+v transfers %+v", f.Assets, f.SpecialTransfers)
	}
}

func TestFengqiuPerformanceTranscribed(t *testing.T) {
	b := loadFengqiu(t)
	perf := b.Performance
	if len(perf.Goals) != 7 || len(perf.Tasks) != 1 || len(perf.Indicators) != 37 {
		t.Fatalf("goals %d tasks %d indicators %d", len(perf.Goals), len(perf.Tasks), len(perf.Indicators))
	}
	if in := perf.Indicators[7]; in.Level3 != "结转结余率" || in.Value != "≤1%" || in.Level2 != "预算和财务管理" {
		t.Errorf("indicator 7 = %+v", in)
	}
	// The consistent version: 工装's satisfaction is a lower bound.
	gz := b.Projects[3]
	if last := gz.Targets[len(gz.Targets)-1]; last.Kind != budget.TargetSatisfaction || last.Value != "≥95%" {
		t.Errorf("工装 satisfaction %+v", last)
	}
}

// A budget built in Go, exercising what 封丘 lacks: two units of both kinds,
// carry-over, a government fund, a 特定目标类 project, an ended project, "三公"
// lines, basic procurement and capital 公用经费.
func richBudget() *budget.Budget {
	d := decimal.RequireFromString
	total := d("3")
	return &budget.Budget{
		MoneyUnit: "万元",
		Department: budget.Department{Name: "测试局", Code: "900", Year: 2023, Level: "县级", Published: "2023-03",
			Offices: []string{"办公室"}, Duties: []string{"负责测试工作。"}},
		Performance: budget.Performance{Goals: []string{"完成测试。"}, Tasks: []budget.Task{{Name: "测试", Content: "完成测试。"}},
			Indicators: []budget.Indicator{{Level1: "产出指标", Level2: "重点工作任务完成", Level3: "任务完成率", Value: "100%"}}},
		Units: []budget.Unit{
			{Code: "900001", Name: "测试局本级", Kind: budget.UnitAdministrative},
			{Code: "900002", Name: "测试中心", Kind: budget.UnitInstitution},
		},
		Income: budget.Income{
			ThisYear: map[budget.Source]decimal.Decimal{
				budget.SourceGeneralAppropriation: d("113"), budget.SourceGovernmentFund: d("40"), budget.SourceBusinessIncome: d("5"),
			},
			CarryOver: map[budget.Source]decimal.Decimal{budget.SourceGovernmentFund: d("10")},
		},
		Lines: []budget.Line{
			{Unit: "900001", Function: "2010301", Economic: "30101", Basic: budget.BasicPersonnel, Source: budget.SourceGeneralAppropriation, Amount: d("60")},
			{Unit: "900001", Function: "2010301", Economic: "30217", Basic: budget.BasicPublic, Source: budget.SourceGeneralAppropriation, Amount: d("3")},
			{Unit: "900002", Function: "2010301", Economic: "30101", Basic: budget.BasicPersonnel, Source: budget.SourceGeneralAppropriation, Amount: d("20")},
			{Unit: "900002", Function: "2010301", Economic: "31002", Basic: budget.BasicPublic, Source: budget.SourceGeneralAppropriation, Amount: d("10")},
			{Unit: "900002", Function: "2010399", Economic: "30227", Project: "P1", Source: budget.SourceGeneralAppropriation, Amount: d("20")},
			{Unit: "900002", Function: "2010399", Economic: "30227", Project: "P1", Source: budget.SourceGovernmentFund, Amount: d("40")},
			{Unit: "900002", Function: "2010399", Economic: "30227", Project: "P1", Source: budget.SourceGovernmentFund, CarryOver: true, Amount: d("10")},
			{Unit: "900002", Function: "2010399", Economic: "30227", Project: "P1", Source: budget.SourceBusinessIncome, Amount: d("5")},
		},
		Projects: []budget.Project{{Code: "P1", Name: "专项", Type: budget.ProjectSpecificTarget, Unit: "900002",
			Procurement: []budget.Procurement{{Category: budget.ProcurementServices, Amount: d("30")}}}},
		ThreePublic: budget.ThreePublic{Reception: d("3"), Total: &total},
		Procurement: budget.ProcurementTotals{Basic: []budget.Procurement{{Category: budget.ProcurementGoods, Amount: d("10")}}},
		Prior: budget.PriorYear{
			Basic:    d("100"),
			Projects: []budget.PriorProject{{Code: "P0", Name: "旧项目", Amount: d("8")}},
			// The prior government fund is part of the prior projects here.
			GovernmentFund: d("8"),
			GeneralBudget:  new(d("100")),
			ThreePublic:    budget.ThreePublic{Reception: d("4")},
		},
	}
}

func TestFiguresRichBudget(t *testing.T) {
	b := richBudget()
	if ps := b.Check(nil); len(ps) != 0 {
		t.Fatalf("problems:\n%v", ps)
	}
	f := Compute(b, nil)
	pin(t, "total", f.All.Total, "168.00")
	pin(t, "capital", f.All.Capital, "10.00")
	pin(t, "goods", f.All.GoodsServices, "3.00")
	pin(t, "specific target", f.All.SpecificTarget, "75.00")
	pin(t, "carry-over", f.All.CarryOver, "10.00")
	pin(t, "general", f.General.Total, "113.00")
	pin(t, "gov fund", f.GovernmentFund.Total, "50.00")
	pin(t, "gov fund projects share", f.GovernmentFund.ProjectsShare, "100.00")
	pin(t, "income carry-over", f.Income.CarryOver.GovernmentFund, "10.00")
	pin(t, "income unit funds", f.Income.ThisYear.UnitFunds, "5.00")
	pin(t, "表二 carry-over", f.IncomeByFunction.Total.CarryOver, "10.00")
	pin(t, "表二 business", f.IncomeByFunction.Total.Business, "5.00")
	if len(f.SpendingByFunction.Units) != 2 {
		t.Fatalf("units %+v", f.SpendingByFunction.Units)
	}
	pin(t, "unit 2 total", f.SpendingByFunction.Units[1].Total.Total, "105.00")
	pin(t, "表九 total", f.GovernmentFundByFunction.Total.Total, "50.00")

	p := f.Projects.All[0]
	pin(t, "P1 current general", p.Current.General, "20.00")
	pin(t, "P1 current gov fund", p.Current.GovernmentFund, "40.00")
	pin(t, "P1 carry-over gov fund", p.CarryOver.GovernmentFund, "10.00")
	pin(t, "P1 unit funds", p.UnitFunds, "5.00")
	pin(t, "P1 government", p.Government, "70.00")
	if !p.New || len(f.Projects.Units) != 1 || f.Projects.Units[0].Code != "900002" {
		t.Errorf("P1 %+v units %+v", p, f.Projects.Units)
	}

	// 表六: the same 30101 maps differently for a 行政 and a 事业 unit.
	var govs []string
	for _, r := range f.GeneralBasicByEconomic {
		if r.Code == "30101" {
			govs = append(govs, r.GovCode)
		}
	}
	if len(govs) != 2 || govs[0] != "50101" || govs[1] != "50501" {
		t.Errorf("30101 maps to %v", govs)
	}

	y := f.Changes
	if len(y.EndedProjects) != 1 || y.EndedProjects[0].Code != "P0" || len(f.EndedProjects) != 1 {
		t.Errorf("ended %+v", y.EndedProjects)
	}
	pin(t, "prior total", y.Total.Prior, "108.00")
	pin(t, "prior general", y.General.Prior, "100.00")
	if y.Continuing.Kind != money.ChangeBothZero || y.LargestContinuing != "" {
		t.Errorf("continuing %+v %q", y.Continuing, y.LargestContinuing)
	}
	if tp := f.ThreePublic.Reception; tp.Kind != money.ChangeDecrease {
		t.Errorf("reception %+v", tp)
	}
	pin(t, "reception percent", f.ThreePublic.Reception.Percent, "25.00")
	pin(t, "procurement", f.Procurement.Total, "40.00")
	pin(t, "procurement services", f.Procurement.Services, "30.00")
	pin(t, "operating funds", f.OperatingFunds, "13.00")
}

func TestFiguresDeterministic(t *testing.T) {
	a, b := fengqiuFigures(t), fengqiuFigures(t)
	if len(a.GeneralBasicByEconomic) != len(b.GeneralBasicByEconomic) {
		t.Fatal("lengths differ")
	}
	for i := range a.ByEconomic {
		if a.ByEconomic[i].Code != b.ByEconomic[i].Code {
			t.Fatalf("表七 order differs at %d", i)
		}
	}
}

// A budget built in Go has no positions but the same paths.
func TestGoBudgetProblems(t *testing.T) {
	b := richBudget()
	b.Lines[1].Amount = decimal.RequireFromString("2")
	ps := b.Check(nil)
	found := false
	for _, p := range ps {
		if p.Pos != (budget.Position{}) {
			t.Errorf("position for a Go budget: %v", p)
		}
		found = found || p.Path.String() == "three_public.reception" && strings.Contains(p.Message, "30217")
	}
	if !found {
		t.Fatalf("no problem at three_public.reception: %v", ps)
	}
}

// function_names names a 项 the catalogue lacks, and the figures use it.
func TestFunctionNames(t *testing.T) {
	b := richBudget()
	b.FunctionNames = map[string]string{"2010398": "某某支出"}
	b.Lines[0].Function = "2010398"
	if err := b.Validate(nil); err != nil {
		t.Fatal(err)
	}
	f := Compute(b, nil)
	found := false
	for _, r := range f.SpendingByFunction.Rows {
		if r.Code == "2010398" {
			found = r.Name == "某某支出"
		}
	}
	if !found {
		t.Errorf("2010398 not named 某某支出 in %+v", f.SpendingByFunction.Rows)
	}
}

// Income left out is derived from the lines: the same figures, and nothing
// to check; declared income that disagrees is still an error.
func TestIncomeDerived(t *testing.T) {
	b := richBudget()
	want := Compute(b, nil).Income
	b.Income = budget.Income{}
	if err := b.Validate(nil); err != nil {
		t.Fatalf("a budget without declared income: %v", err)
	}
	if got := Compute(b, nil).Income; !got.Total.Equal(want.Total) || !got.ThisYear.General.Equal(want.ThisYear.General) {
		t.Errorf("derived income %+v, want %+v", got, want)
	}
	b.Income.ThisYear = map[budget.Source]decimal.Decimal{budget.SourceGeneralAppropriation: decimal.NewFromInt(1)}
	if err := b.Validate(nil); err == nil {
		t.Error("declared income that disagrees with the lines passed")
	}
}
