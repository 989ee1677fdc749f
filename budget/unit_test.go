package budget

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const shifanPath = "../examples/shifan/shifan.yaml"

func shifanText(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(shifanPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func parseText(t *testing.T, text string) *Budget {
	t.Helper()
	b, err := Parse("shifan.yaml", []byte(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return b
}

// A unit's budget holds the unit's lines, projects and facts alone, names
// the unit and its department, and checks clean when the department does.
func TestUnitBudget(t *testing.T) {
	b := parseText(t, shifanText(t))
	u, err := b.Unit("501002")
	if err != nil {
		t.Fatal(err)
	}
	if u.Department.Name != "示范县环境卫生管理所" || u.Department.Code != "501002" || u.Department.Parent != "示范县城市管理局" {
		t.Errorf("department %+v", u.Department)
	}
	total := decimal.Zero
	for _, l := range u.Lines {
		if l.Unit != "501002" {
			t.Errorf("a line of unit %s", l.Unit)
		}
		total = total.Add(l.Amount)
	}
	if !total.Equal(decimal.RequireFromString("257")) || len(u.Lines) != 9 {
		t.Errorf("%d lines, %s in all; want 9 lines, 257", len(u.Lines), total)
	}
	var codes []string
	for _, p := range u.Projects {
		codes = append(codes, p.Code)
	}
	if strings.Join(codes, " ") != "411500230000000000201 411500230000000000202" {
		t.Errorf("projects %v", codes)
	}
	if !u.Prior.Basic.Equal(decimal.RequireFromString("78")) || u.Department.Offices[0] != "综合股" || u.Income.Declared() {
		t.Errorf("facts: prior basic %s, offices %v, income declared %v", u.Prior.Basic, u.Department.Offices, u.Income.Declared())
	}
	if ps := u.Check(nil); ps.Err() != nil {
		t.Errorf("the unit's budget: %v", ps)
	}
	// The unit's budget is its own: changing it leaves the department's.
	u.Lines[0].Amount = decimal.Zero
	if b.Lines[15].Amount.IsZero() {
		t.Error("the unit's lines alias the department's")
	}
}

// A department of one unit lends the unit its own facts.
func TestUnitOfOneUnitDepartment(t *testing.T) {
	b := loadFengqiu(t)
	u, err := b.Unit(b.Units[0].Code)
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Lines) != len(b.Lines) || !u.Prior.Basic.Equal(b.Prior.Basic) || len(u.Department.Duties) != len(b.Department.Duties) {
		t.Errorf("the unit of a one-unit department differs from it")
	}
	if ps := u.Check(nil); ps.Err() != nil {
		t.Errorf("%v", ps)
	}
}

// An unknown unit code is named with the codes there are.
func TestUnitUnknown(t *testing.T) {
	b := parseText(t, shifanText(t))
	_, err := b.Unit("501009")
	ps, ok := AsProblems(err)
	if !ok || len(ps) != 1 || ps[0].Code != CodeUnknownUnit || !strings.Contains(ps[0].Message, "501002 示范县环境卫生管理所") {
		t.Errorf("error %v", err)
	}
}

// In a department of several units, a unit without its own facts cannot
// have a document: each missing fact is a problem at the unit, in the file.
func TestUnitFactsMissing(t *testing.T) {
	text := shifanText(t)
	start := strings.Index(text, "    offices: [综合股, 养护股]")
	end := strings.Index(text, "        projects: 城区亮化改造工程完工\n") + len("        projects: 城区亮化改造工程完工\n")
	text = text[:start] + text[end:] // unit 501003 keeps its code, name and kind only
	b := parseText(t, text)
	_, err := b.Unit("501003")
	ps, _ := AsProblems(err)
	var fields []string
	for _, p := range ps {
		if p.Code != CodeUnitFacts || p.Path.String() != "units[2]" || p.Pos.Line != 87 {
			t.Errorf("problem %v", p)
		}
		field, _, _ := strings.Cut(p.Message[strings.Index(p.Message, "下填写 ")+len("下填写 "):], "，")
		fields = append(fields, field)
	}
	if got := strings.Join(fields, " "); got != "offices duties three_public assets performance prior" {
		t.Errorf("missing %q", got)
	}
	// The units no longer all state 三公, so their sum is not checked; the
	// other units' budgets are still made.
	if ps := b.Check(nil); ps.Err() != nil {
		t.Errorf("department: %v", ps)
	}
	if _, err := b.Unit("501001"); err != nil {
		t.Error(err)
	}
}

// A problem in a unit's own facts or lines is placed in the department's
// file: the unit's fields under units[i], its lines at the department's
// index.
func TestUnitProblemsNameTheDepartmentsFields(t *testing.T) {
	text := shifanText(t)
	// Unit 501001 declares a 公务接待费 other than its lines', and unit
	// 501002 a negative prior basic.
	text = edit(t, text, "vehicle_operation: 4.50, reception: 1.20}", "vehicle_operation: 4.50, reception: 1.00}")
	text = edit(t, text, "      basic: 78.00", "      basic: -78.00")
	b := parseText(t, text)
	ps := b.Check(nil)
	for _, e := range []expect{
		{"units[0].three_public.reception", SeverityError, []string{"公务接待费为 1", "30217"}},
		{"units[1].prior.basic", SeverityError, []string{"负数"}},
		{"three_public.reception", SeverityError, []string{"各单位的公务接待费之和 1.00", "1.20"}},
		{"prior.basic", SeverityError, []string{"各单位的上年基本支出之和 184", "340"}},
	} {
		if !find(ps, e) {
			t.Errorf("no problem %+v in\n%v", e, ps)
		}
	}
	for _, p := range ps {
		if p.Path.String() == "units[1].prior.basic" && p.Pos.Line != 75 {
			t.Errorf("units[1].prior.basic at line %d, want 75", p.Pos.Line)
		}
	}

	// A line's problem found in the unit's budget names the line as the
	// department numbers it.
	u, err := parseText(t, shifanText(t)).Unit("501003")
	if err != nil {
		t.Fatal(err)
	}
	u.Lines[1].Function = "2120199x"
	var found bool
	for _, p := range u.Check(nil) {
		if p.Code == CodeFunctionCode {
			found = p.Path.String() == "lines[25].function"
		}
	}
	if !found {
		t.Errorf("the unit's line 1 is not named lines[25]: %v", u.Check(nil))
	}
}

// A unit that leaves out what it may well not have (basic procurement,
// special transfers) is taken to have none, with a warning naming the guess.
func TestUnitGuessIsAWarning(t *testing.T) {
	text := edit(t, shifanText(t), "special_transfers: []", "special_transfers:\n  - {name: 城乡环境整治补助, amount: 10.00}")
	b := parseText(t, text)
	u, err := b.Unit("501002")
	if err != nil {
		t.Fatal(err)
	}
	if len(u.SpecialTransfers) != 0 {
		t.Errorf("the unit has the department's transfers")
	}
	if !find(u.Check(nil), expect{"units[1]", SeverityWarning, []string{"专项转移支付", "按“无”说明"}}) {
		t.Errorf("no warning: %v", u.Check(nil))
	}
}

// 万元 converts to 元 exactly, in a copy; 元 to 万元 only without rounding.
func TestInUnit(t *testing.T) {
	b := parseText(t, shifanText(t))
	y, err := b.InUnit("元")
	if err != nil {
		t.Fatal(err)
	}
	if y.AmountUnit() != "元" || !y.Lines[0].Amount.Equal(decimal.RequireFromString("852000")) ||
		!y.Income.ThisYear[SourceGeneralAppropriation].Equal(decimal.RequireFromString("6271000")) ||
		!y.Units[1].Prior.Basic.Equal(decimal.RequireFromString("780000")) || !y.Prior.ThreePublic.VehicleOperation.Equal(decimal.RequireFromString("60000")) {
		t.Errorf("not converted: %s %s %s", y.Lines[0].Amount, y.Income.ThisYear[SourceGeneralAppropriation], y.Units[1].Prior.Basic)
	}
	if !b.Lines[0].Amount.Equal(decimal.RequireFromString("85.2")) || b.AmountUnit() != "万元" {
		t.Error("the budget itself changed")
	}
	if ps := y.Check(nil); ps.Err() != nil {
		t.Errorf("the converted budget: %v", ps)
	}
	back, err := y.InUnit("万元")
	if err != nil || !back.Lines[0].Amount.Equal(b.Lines[0].Amount) {
		t.Errorf("back to 万元: %v", err)
	}
	y.Lines[3].Amount = decimal.RequireFromString("184000.5")
	_, err = y.InUnit("万元")
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Path.String() != "lines[3].amount" || ps[0].Pos.Line == 0 || !strings.Contains(ps[0].Message, "四舍五入") {
		t.Errorf("元 to 万元 with rounding: %v", err)
	}
}

// UnitBudgets gives what Unit gives for each unit, at one pass over the
// lines, and lists every unit's missing facts at once.
func TestUnitBudgets(t *testing.T) {
	b := parseText(t, shifanText(t))
	all, err := b.UnitBudgets()
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range b.Units {
		one, err := b.Unit(u.Code)
		if err != nil {
			t.Fatal(err)
		}
		if all[i].Department.Name != one.Department.Name || !all[i].Prior.Basic.Equal(one.Prior.Basic) || len(all[i].Lines) != len(one.Lines) || len(all[i].Projects) != len(one.Projects) {
			t.Errorf("unit %s: UnitBudgets and Unit differ", u.Code)
		}
	}
	text := strings.Replace(shifanText(t), "    offices: [综合股, 清扫保洁股]\n", "", 1)
	text = strings.Replace(text, "    offices: [综合股, 养护股]\n", "", 1)
	all, err = parseText(t, text).UnitBudgets()
	ps, _ := AsProblems(err)
	if len(ps) != 2 || ps[0].Path.String() != "units[1]" || ps[1].Path.String() != "units[2]" || all[0] == nil || all[1] != nil || all[2] != nil {
		t.Errorf("problems %v; budgets %v", ps, all)
	}
}
