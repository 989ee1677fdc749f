package budget

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/catalog"
)

const fengqiuPath = "../examples/fengqiu/fengqiu.yaml"

// loadFengqiu loads the 封丘 example.
func loadFengqiu(t testing.TB) *Budget {
	t.Helper()
	b, err := Load(fengqiuPath)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return b
}

func fengqiuText(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(fengqiuPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit replaces one snippet of the example, which must occur exactly once.
func edit(t *testing.T, text, old, new string) string {
	t.Helper()
	if n := strings.Count(text, old); n != 1 {
		t.Fatalf("snippet %q occurs %d times in the example", old, n)
	}
	return strings.Replace(text, old, new, 1)
}

// expect is a problem a broken input must produce: its path, severity and
// words of its message.
type expect struct {
	path  string
	sev   Severity
	words []string
}

func find(ps Problems, e expect) bool {
	for _, p := range ps {
		if p.Path.String() != e.path || p.Severity != e.sev {
			continue
		}
		ok := true
		for _, w := range e.words {
			if !strings.Contains(p.Message, w) {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

const (
	wage    = `economic: "30101", basic: 人员经费, source: 一般公共预算财政拨款, amount: 75.66}`
	office  = `economic: "30201", basic: 公用经费, source: 一般公共预算财政拨款, amount: 3.80}`
	work    = `economic: "30226", project: "410727230000000009617"`
	village = `economic: "30299", project: "410727230000000009620", source: 一般公共预算财政拨款, amount: 7.48}`
)

func TestValidateBrokenInputs(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     expect
	}{
		{"income differs from spending", "一般公共预算财政拨款: 492.82", "一般公共预算财政拨款: 490.82",
			expect{"income.this_year.一般公共预算财政拨款", SeverityError, []string{"本年收入中一般公共预算财政拨款为 490.82", "支出明细合计 492.82", "收入应与支出相等"}}},
		{"income total differs", "一般公共预算其他资金: 48.00", "一般公共预算其他资金: 50.00",
			expect{"income", SeverityError, []string{"收入合计 542.82", "支出合计 540.82"}}},
		{"no offices", "offices: [办公室, 业务股, 督查股, 电子政务和数据资源股]", "offices: []",
			expect{"department.offices", SeverityError, []string{"未填写内设科室", "机构设置情况"}}},
		{"a blank duty", "    - 完成县委、县政府交办的其他事项。", `    - ""`,
			expect{"department.duties[11]", SeverityError, []string{"未填写主要职责第 12 项"}}},
		{"a blank 年度履职目标", "    - 加快大数据综合服务监管体系平台应用步伐。\n", "    - \" \"\n",
			expect{"performance.goals[1]", SeverityError, []string{"未填写年度履职目标第 2 项"}}},
		{"spending from an undeclared source", "source: 一般公共预算财政拨款, amount: 20.00}", "source: 事业收入, amount: 20.00}",
			expect{"income.this_year", SeverityError, []string{"本年收入中事业收入为 0", "用这笔资金的支出明细合计 20", "收入应与支出相等"}}},
		{"carry-over not declared", village, strings.Replace(village, "amount: 7.48}", "carry_over: true, amount: 7.48}", 1),
			expect{"income.carry_over", SeverityError, []string{"上年结转收入中一般公共预算财政拨款为 0", "7.48"}}},
		{"negative amount", wage, strings.Replace(wage, "75.66", "-75.66", 1),
			expect{"lines[0].amount", SeverityError, []string{"金额 -75.66 是负数"}}},
		{"three decimals", wage, strings.Replace(wage, "75.66", "75.655", 1),
			expect{"lines[0].amount", SeverityError, []string{"金额 75.655 超过两位小数", "万元", "最多保留两位小数"}}},
		{"zero line", wage, strings.Replace(wage, "75.66", "0", 1),
			expect{"lines[0].amount", SeverityError, []string{"金额为零"}}},
		{"unknown unit on a line", `{unit: "019001", function: "2010301", economic: "30101"`, `{unit: "019002", function: "2010301", economic: "30101"`,
			expect{"lines[0].unit", SeverityError, []string{"没有编码为“019002”的单位", "019001"}}},
		{"function not 7 digits", `function: "2010301", economic: "30101"`, `function: "201031", economic: "30101"`,
			expect{"lines[0].function", SeverityError, []string{"“201031”应为 7 位数字"}}},
		{"unknown function class", `function: "2010301", economic: "30101"`, `function: "9990301", economic: "30101"`,
			expect{"lines[0].function", SeverityError, []string{"功能分类中没有类 999"}}},
		{"unknown function section", `function: "2010301", economic: "30101"`, `function: "2018801", economic: "30101"`,
			expect{"lines[0].function", SeverityError, []string{"功能分类中没有款 20188"}}},
		{"unknown function item", `function: "2010301", economic: "30101"`, `function: "2010398", economic: "30101"`,
			expect{"lines[0].function", SeverityError, []string{"功能分类 项 2010398 不在 2023 年的分类目录中", "function_names"}}},
		{"unknown economic code", wage, strings.Replace(wage, "30101", "30198", 1),
			expect{"lines[0].economic", SeverityError, []string{"部门预算支出经济分类中没有编码 30198"}}},
		{"office costs as personnel", wage, strings.Replace(wage, "30101", "30201", 1),
			expect{"lines[0].economic", SeverityError, []string{"30201", "办公费", "不属于人员经费", "301", "303"}}},
		{"wages as public", office, strings.Replace(office, "30201", "30101", 1),
			expect{"lines[10].economic", SeverityError, []string{"30101", "不属于公用经费", "302", "310"}}},
		{"unknown basic kind", wage, strings.Replace(wage, "basic: 人员经费", "basic: 工资", 1),
			expect{"lines[0].basic", SeverityError, []string{"基本支出类型“工资”无法识别", "人员经费", "公用经费"}}},
		{"basic line with a project", wage, strings.Replace(wage, "basic: 人员经费", `basic: 人员经费, project: "410727230000000009617"`, 1),
			expect{"lines[0].basic", SeverityError, []string{"410727230000000009617", "不能同时是基本支出"}}},
		{"project line without a project", village, strings.Replace(village, `project: "410727230000000009620", `, "", 1),
			expect{"lines[17]", SeverityError, []string{"既不是基本支出，也不属于项目"}}},
		{"project not defined", village, strings.Replace(village, "9620", "9999", 1),
			expect{"lines[17].project", SeverityError, []string{"项目“410727230000000009999”未在 projects 中列出"}}},
		{"project defined but unused", village, strings.Replace(village, "9620", "9617", 1),
			expect{"projects[1]", SeverityWarning, []string{"410727230000000009620", "已列出，但没有支出明细使用它"}}},
		{"project named differently on a line", work, work + ", project_name: 工作经费",
			expect{"lines[14].project_name", SeverityError, []string{"同一项目名称不一致", "“工作经费”", "“工作经费（含22年16.75万）”"}}},
		{"duplicate project code", `code: "410727230000000009620"
    name:`, `code: "410727230000000009617"
    name:`,
			expect{"projects[1].code", SeverityError, []string{"项目编码“410727230000000009617”重复", "projects[0]"}}},
		{"two projects with one name", "name: 驻村工作队经费（含22年2.48万）", "name: 工作经费（含22年16.75万）",
			expect{"projects[1].name", SeverityError, []string{"项目名称“工作经费（含22年16.75万）”重复", "projects[0]"}}},
		{"duplicate unit code", "kind: 行政}\n", "kind: 行政}\n  - {code: \"019001\", name: 另一单位, kind: 事业}\n",
			expect{"units[1].code", SeverityError, []string{"单位编码“019001”重复"}}},
		{"unit kind", "kind: 行政}", "kind: 企业}",
			expect{"units[0].kind", SeverityError, []string{"单位类型“企业”无法识别", "行政", "事业"}}},
		{"three public total", "  reception: 0\n  total: 0", "  reception: 0\n  total: 1.50",
			expect{"three_public.total", SeverityError, []string{"合计 1.50", "不等于各项之和 0.00"}}},
		{"three public against lines", village, strings.Replace(village, "30299", "30217", 1),
			expect{"three_public.reception", SeverityError, []string{"公务接待费为 0", "30217", "7.48"}}},
		{"procurement total", "total: 91.47", "total: 90.00",
			expect{"procurement.total", SeverityError, []string{"政府采购合计 90.00", "91.47"}}},
		{"procurement above the project", "item: 工作人员服装, amount: 37.20", "item: 工作人员服装, amount: 40.00",
			expect{"projects[3].procurement", SeverityError, []string{"政府采购 40.00 超过了项目金额 37.20"}}},
		{"rate above 100%", "value: ≥99%", "value: ≥120%",
			expect{"projects[4].targets[5].value", SeverityError, []string{"≥120%", "比率不能超过 100%"}}},
		{"satisfaction upper bound", "indicator: 工作人员满意度, value: ≥95%", "indicator: 工作人员满意度, value: ≤100%",
			expect{"projects[3].targets[5].value", SeverityError, []string{"≤100%", "是满意度的上限", "≥95%"}}},
		{"cost target off the amount", "value: ≤7.48万元", "value: ≤8.48万元",
			expect{"projects[1].targets", SeverityError, []string{"成本指标为 8.48 万元", "支出明细合计 7.48 万元"}}},
		{"missing department name", "  name: 封丘县政务服务和大数据管理局\n  code:", "  name: \"\"\n  code:",
			expect{"department.name", SeverityError, []string{"未填写", "部门名称"}}},
		{"year out of range", "year: 2023", "year: 1999",
			expect{"department.year", SeverityError, []string{"预算年度 1999 不在 2007–2100 之间"}}},
		{"year without a catalogue: the latest earlier one, with a warning", "year: 2023", "year: 2031",
			expect{"department.year", SeverityWarning, []string{"没有 2031 年的内置分类目录", "已按 2027 年", "--catalogue"}}},
		{"published malformed", `published: "2023-04"`, `published: "2023-4"`,
			expect{"department.published", SeverityError, []string{"公开月份“2023-4”格式不对", "YYYY-MM"}}},
		{"published before the year", `published: "2023-04"`, `published: "2022-12"`,
			expect{"department.published", SeverityError, []string{"2022-12 早于预算年度 2023 年"}}},
		{"unknown source on a line", "source: 一般公共预算其他资金, amount: 48.00}", "source: 自有资金, amount: 48.00}",
			expect{"lines[15].source", SeverityError, []string{"资金来源“自有资金”无法识别", "一般公共预算其他资金"}}},
		{"unknown source in income", "一般公共预算其他资金: 48.00", "一般公共预算其它资金: 48.00",
			expect{"income.this_year.一般公共预算其它资金", SeverityError, []string{"资金来源“一般公共预算其它资金”无法识别"}}},
		{"prior project listed twice", `- {code: "410727230000000009621", name: 电子政务外网年费, amount: 20.00}`,
			`- {code: "410727230000000009621", name: 电子政务外网年费, amount: 20.00}
    - {code: "410727230000000009621", name: 电子政务外网年费, amount: 20.00}`,
			expect{"prior.projects[3].code", SeverityError, []string{"上年项目“410727230000000009621”重复列出", "prior.projects[2]"}}},
		{"money unit", "money_unit: 万元", "money_unit: 千元",
			expect{"money_unit", SeverityError, []string{"金额单位“千元”无法识别", "万元", "元"}}},
		{"no units", "units:\n  - {code: \"019001\", name: 封丘县政务服务和大数据管理局, kind: 行政}", "units: []",
			expect{"units", SeverityError, []string{"未填写", "本级"}}},
	}
	text := fengqiuText(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse("fengqiu.yaml", []byte(edit(t, text, tt.old, tt.new)))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			ps := b.Check(nil)
			if !find(ps, tt.want) {
				t.Fatalf("no problem at %s with %q; got:\n%v", tt.want.path, tt.want.words, ps)
			}
			for _, p := range ps {
				if p.Pos.File != "fengqiu.yaml" {
					t.Errorf("problem without a file position: %v", p)
				}
				if !knownCode(p.Code) {
					t.Errorf("problem without a documented code: %#v", p)
				}
			}
			err = b.Validate(nil)
			if hasErr := len(ps.Errors()) > 0; (err != nil) != hasErr {
				t.Errorf("Validate = %v with %d errors", err, len(ps.Errors()))
			}
			if tt.want.sev == SeverityError {
				var got Problems
				if !errors.As(err, &got) || len(got) != len(ps) {
					t.Errorf("Validate's Problems = %v", err)
				}
			}
		})
	}
}

func TestValidatePositions(t *testing.T) {
	text := edit(t, fengqiuText(t), wage, strings.Replace(wage, "75.66", "-75.66", 1))
	b, err := Parse("fengqiu.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ps := b.Check(nil)
	want := strings.Count(text[:strings.Index(text, "-75.66")], "\n") + 1
	for _, p := range ps {
		if p.Path.String() == "lines[0].amount" {
			if p.Pos.Line != want {
				t.Errorf("lines[0].amount at line %d, want %d", p.Pos.Line, want)
			}
			if !strings.HasPrefix(p.String(), "fengqiu.yaml:") {
				t.Errorf("String() = %q", p.String())
			}
			return
		}
	}
	t.Fatalf("no problem at lines[0].amount: %v", ps)
}

func TestValidateFunctionNamesWarn(t *testing.T) {
	text := fengqiuText(t)
	text = edit(t, text, `function: "2010301", economic: "30101"`, `function: "2010398", economic: "30101"`)
	text = edit(t, text, "# The department's own unit", "function_names:\n  \"2010398\": 某某支出\n\n# The department's own unit")
	b, err := Parse("fengqiu.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ps := b.Check(nil)
	if !find(ps, expect{"lines[0].function", SeverityWarning, []string{"2010398", "某某支出"}}) {
		t.Fatalf("no warning: %v", ps)
	}
	if err := b.Validate(nil); err != nil {
		t.Fatalf("a warning made Validate fail: %v", err)
	}
}

// Each contradiction inside the published reference (NOTES §2), reproduced
// in data, is caught.
func TestValidateReferenceContradictions(t *testing.T) {
	text := fengqiuText(t)
	tests := []struct {
		name     string
		old, new string
		want     expect
	}{
		{"表十二's 工作经历 against 表十's 工作经费", work, work + ", project_name: 工作经历（含22年16.75万）",
			expect{"lines[14].project_name", SeverityError, []string{"同一项目名称不一致", "“工作经历（含22年16.75万）”", "“工作经费（含22年16.75万）”"}}},
		{"表十二's 疫情防控工作经历", `economic: "30227", project: "410727230000000018704"`,
			`economic: "30227", project: "410727230000000018704", project_name: 疫情防控工作经历（2023年）`,
			expect{"lines[22].project_name", SeverityError, []string{"同一项目名称不一致", "疫情防控工作经历（2023年）"}}},
		{"the narrative's 政务服务中心政服务能力提升", `economic: "31002", project: "410727230000000010436"`,
			`economic: "31002", project: "410727230000000010436", project_name: 政务服务中心政服务能力提升（硬件、软件）项目`,
			expect{"lines[21].project_name", SeverityError, []string{"同一项目名称不一致", "政务服务中心政服务能力提升（硬件、软件）项目"}}},
		{"工装's ≤100% satisfaction", "indicator: 工作人员满意度, value: ≥95%", "indicator: 工作人员满意度, value: ≤100%",
			expect{"projects[3].targets[5].value", SeverityError, []string{"≤100% 是满意度的上限"}}},
		{"540.82 declared as 财政拨款 though 48.00 is not", "    一般公共预算财政拨款: 492.82\n    一般公共预算其他资金: 48.00",
			"    一般公共预算财政拨款: 540.82",
			expect{"income.this_year.一般公共预算财政拨款", SeverityError, []string{"一般公共预算财政拨款为 540.82", "支出明细合计 492.82"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse("fengqiu.yaml", []byte(edit(t, text, tt.old, tt.new)))
			if err != nil {
				t.Fatal(err)
			}
			if ps := b.Check(nil); !find(ps, tt.want) {
				t.Fatalf("not caught; got:\n%v", ps)
			}
		})
	}
}

func TestValidateEmptyBudget(t *testing.T) {
	// An empty budget: every missing part at once, no panic.
	empty := &Budget{}
	ps := empty.Check(nil)
	for _, path := range []string{"department.name", "department.code", "department.year", "department.published", "units", "lines"} {
		if !find(ps, expect{path, SeverityError, []string{"未填写"}}) {
			t.Errorf("empty budget: nothing at %s in %v", path, ps)
		}
	}
}

func TestCheckWithCatalogue(t *testing.T) {
	b := loadFengqiu(t)
	// A catalogue without the 2023 项 makes the example's codes unknown.
	extra, err := catalog.Load(os.DirFS("testdata"), "tinycatalogue")
	if err != nil {
		t.Fatalf("test catalogue: %v", err)
	}
	if ps := b.Check(extra); !find(ps, expect{"lines[0].function", SeverityError, []string{"功能分类中没有款"}}) {
		t.Errorf("the catalogue given is not used: %v", ps)
	}
	if ps := b.Check(nil); len(ps) != 0 {
		t.Errorf("nil is the built-in catalogue: %v", ps)
	}
}

// A year before the first built-in catalogue cannot be checked: an error,
// worded for the reader, naming no Go function.
func TestYearBeforeCatalogues(t *testing.T) {
	b, err := Parse("fengqiu.yaml", []byte(edit(t, edit(t, fengqiuText(t), "year: 2023", "year: 2021"), `published: "2023-04"`, `published: "2021-04"`)))
	if err != nil {
		t.Fatal(err)
	}
	ps := b.Check(nil)
	if !find(ps, expect{"department.year", SeverityError, []string{"无法核对分类编码", "2021"}}) {
		t.Fatalf("got %v", ps)
	}
	for _, p := range ps {
		if strings.Contains(p.Message, "catalog.") {
			t.Errorf("message names Go code: %v", p)
		}
	}
}

// placed is a problem as it must be reported: its exact place and field
// path (the start of Problem.String), and words of its message.
type placed struct {
	at    string // "fengqiu.yaml:23:3: department"
	words []string
}

// problemsOf loads text as fengqiu.yaml and returns every problem, the
// loader's and validation's, as the validate command prints them.
func problemsOf(t *testing.T, text string) Problems {
	t.Helper()
	b, err := Parse("fengqiu.yaml", []byte(text))
	if err != nil {
		var ps Problems
		if !errors.As(err, &ps) {
			t.Fatalf("Parse: %v", err)
		}
		return ps
	}
	return b.Check(nil)
}

// checkPlaced asserts that ps are exactly want: as many, in order, each at
// its place with its words.
func checkPlaced(t *testing.T, ps Problems, want []placed) {
	t.Helper()
	ok := len(ps) == len(want)
	for i := 0; ok && i < len(ps); i++ {
		s := ps[i].String()
		ok = strings.HasPrefix(s, want[i].at+": ")
		for _, w := range want[i].words {
			ok = ok && strings.Contains(s, w)
		}
	}
	if !ok {
		t.Errorf("got %d problems:\n%v\nwant %d: %v", len(ps), ps, len(want), want)
	}
}

// One mutation of the example each: every problem the mutation causes, and
// no other, at its exact line and column.
func TestValidateOneMistakeOneProblem(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []placed
	}{
		// A value that cannot be read is reported; the field is then
		// unknown, and nothing follows from it (no 未填写, no 收入应与支出相等).
		{"a key typo", `  code: "019"`, `  cod: "019"`,
			[]placed{{"fengqiu.yaml:23:3: department", []string{"无法识别的键“cod”", "是不是“code”？"}}}},
		{"an amount in Chinese numerals", "source: 一般公共预算财政拨款, amount: 9.53}", "source: 一般公共预算财政拨款, amount: 九点五三}",
			[]placed{{"fengqiu.yaml:60:103: lines[3].amount", []string{"实际是文字“九点五三”", "请用阿拉伯数字书写，写成 9.53"}}}},
		{"an amount with its unit", "source: 一般公共预算财政拨款, amount: 9.53}", `source: 一般公共预算财政拨款, amount: "70.00万元"}`,
			[]placed{{"fengqiu.yaml:60:103: lines[3].amount", []string{"“70.00万元”", "不写单位“万元”", "写成 70.00"}}}},
		{"an income amount that cannot be read", "    一般公共预算财政拨款: 492.82", "    一般公共预算财政拨款: 四百九十二点八二",
			[]placed{{"fengqiu.yaml:48:17: income.this_year.一般公共预算财政拨款", []string{"“四百九十二点八二”", "阿拉伯数字"}}}},
		{"full-width digits", "year: 2023", "year: ２０２３",
			[]placed{{"fengqiu.yaml:24:9: department.year", []string{"用了全角数字", "写成 2023"}}}},
		{"a thousands separator in braces", "amount: 150.00}", "amount: 1,150.00}",
			[]placed{{"fengqiu.yaml:78:124: lines[14].amount", []string{"“amount: 1,150.00”", "花括号", "去掉千位分隔符，写成 1150.00"}}}},
		// An unrecognised value is reported once, with what it was
		// likely meant to be.
		{"a source on a line", "source: 一般公共预算财政拨款, amount: 9.53}", "source: 财政拨款, amount: 9.53}",
			[]placed{{"fengqiu.yaml:60:83: lines[3].source", []string{"资金来源“财政拨款”无法识别", "是不是“一般公共预算财政拨款”？"}}}},
		{"a source in income", "    一般公共预算财政拨款: 492.82", "    财政拨款: 492.82",
			[]placed{{"fengqiu.yaml:48:11: income.this_year.财政拨款", []string{"资金来源“财政拨款”无法识别", "是不是“一般公共预算财政拨款”？"}}}},
		{"a project code on a line", `project: "410727230000000009620"`, `project: "41072723000000009620"`,
			[]placed{{"fengqiu.yaml:82:71: lines[17].project", []string{"项目“41072723000000009620”未在 projects 中列出", "是不是“410727230000000009620”？"}}}},
		{"a unit code on a line", `{unit: "019001", function: "2080505"`, `{unit: "19001", function: "2080505"`,
			[]placed{{"fengqiu.yaml:61:12: lines[4].unit", []string{"没有编码为“19001”的单位", "是不是“019001”？"}}}},
		{"a function code in full-width digits", `function: "2010301", economic: "30101"`, `function: "２０１０３０１", economic: "30101"`,
			[]placed{{"fengqiu.yaml:57:32: lines[0].function", []string{"应为 7 位数字", "全角数字", "写成 2010301"}}}},
		{"a basic kind mistyped", wage, strings.Replace(wage, "basic: 人员经费", "basic: 人员经", 1),
			[]placed{{"fengqiu.yaml:57:69: lines[0].basic", []string{"基本支出类型“人员经”无法识别（是不是“人员经费”？）", "人员经费 或 公用经费"}}}},
		// Accepted before although the document then contradicts itself.
		{"a level mistyped", "  code: \"019\"\n", "  code: \"019\"\n  level: 县极\n",
			[]placed{{"fengqiu.yaml:24:10: 警告：department.level", []string{"级次“县极”不常见（是不是“县级”？）", "“县极财政”"}}}},
		{"a city department without its level", "  name: 封丘县政务服务和大数据管理局\n  code:", "  name: 新乡市政务服务和大数据管理局\n  code:",
			[]placed{{"fengqiu.yaml:22:3: 警告：department.level", []string{"名词解释已按“县级财政”写", "“新乡市政务服务和大数据管理局”", "请填写 level"}}}},
		{"published years after the budget", `published: "2023-04"`, `published: "2032-04"`,
			[]placed{{"fengqiu.yaml:25:14: department.published", []string{"2032-04 晚于预算年度 2023 年", "二〇三二年四月"}}}},
		{"a prior project under another code with a new project's name",
			`- {code: "410727230000000009617", name: 工作经费, amount: 208.76}`, `- {code: "410727220000000009617", name: 工作经费, amount: 208.76}`,
			[]placed{{"fengqiu.yaml:344:14: prior.projects[0].code", []string{"既写成新增又写成结束", "改成 410727230000000009617"}}}},
		{"a prior project code that looks like a slip",
			`- {code: "410727230000000009617", name: 工作经费, amount: 208.76}`, `- {code: "41072723000000009617", name: 政务服务大厅经费, amount: 208.76}`,
			[]placed{{"fengqiu.yaml:344:14: 警告：prior.projects[0].code", []string{"41072723000000009617 不在本年的项目中", "是不是本年的 410727230000000009617"}}}},
		{"a prior project named otherwise under the same code",
			`- {code: "410727230000000009617", name: 工作经费, amount: 208.76}`, `- {code: "410727230000000009617", name: 政务大厅工作经费, amount: 208.76}`,
			[]placed{{"fengqiu.yaml:344:45: 警告：prior.projects[0].name", []string{"“政务大厅工作经费”", "“工作经费（含22年16.75万）”", "简称“工作经费”"}}}},
		{"prior general budget above the prior total", "  state_capital: 0\n", "  state_capital: 0\n  general_budget: 400.00\n",
			[]placed{{"fengqiu.yaml:349:19: prior.general_budget", []string{"400.00 大于上年支出合计 341.37", "基本支出 107.61 + 项目支出 233.76"}}}},
		{"a negative vehicle count", "official: 0,", "official: -1,",
			[]placed{{"fengqiu.yaml:197:24: assets.vehicles.official", []string{"一般公务用车数量 -1 是负数"}}}},
		{"a negative equipment count", "  special_equipment_over_100: 0", "  special_equipment_over_100: -2",
			[]placed{{"fengqiu.yaml:199:31: assets.special_equipment_over_100", []string{"专用设备数量 -2 是负数"}}}},
	}
	text := fengqiuText(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPlaced(t, problemsOf(t, edit(t, text, tt.old, tt.new)), tt.want)
		})
	}
}

// A value that cannot be read does not hide validation's problems: the
// person fixing the file sees both at once.
func TestLoadAndValidateReportTogether(t *testing.T) {
	text := edit(t, fengqiuText(t), `  code: "019"`, `  cod: "019"`)
	text = edit(t, text, "一般公共预算财政拨款: 492.82", "一般公共预算财政拨款: 490.82")
	checkPlaced(t, problemsOf(t, text), []placed{
		{"fengqiu.yaml:23:3: department", []string{"无法识别的键“cod”"}},
		{"fengqiu.yaml:47:3: income", []string{"收入合计 538.82，支出合计 540.82"}},
		{"fengqiu.yaml:48:17: income.this_year.一般公共预算财政拨款", []string{"490.82", "492.82", "收入应与支出相等"}},
	})

	// An amount that cannot be read leaves its source's sum and the total
	// unknown, not the other sources'.
	text = edit(t, fengqiuText(t), "source: 一般公共预算财政拨款, amount: 9.53}", "source: 一般公共预算财政拨款, amount: 九点五三}")
	text = edit(t, text, "一般公共预算其他资金: 48.00", "一般公共预算其他资金: 50.00")
	checkPlaced(t, problemsOf(t, text), []placed{
		{"fengqiu.yaml:49:17: income.this_year.一般公共预算其他资金", []string{"一般公共预算其他资金为 50.00", "支出明细合计 48.00"}},
		{"fengqiu.yaml:60:103: lines[3].amount", []string{"“九点五三”"}},
	})
}

// The loader's guess for a missing prior.general_budget is named where it
// may be wrong: the department has money from outside the government
// budgets, which the guess counts as 一般公共预算.
func TestValidateWarnsOfTheGeneralBudgetGuess(t *testing.T) {
	text := fengqiuText(t)
	if ps := problemsOf(t, text); len(ps) != 0 {
		t.Fatalf("the example, funded from 一般公共预算 only, has problems: %v", ps)
	}
	text = edit(t, text, "    一般公共预算其他资金: 48.00", "    事业收入: 48.00")
	text = edit(t, text, "source: 一般公共预算其他资金, amount: 48.00}", "source: 事业收入, amount: 48.00}")
	checkPlaced(t, problemsOf(t, text), []placed{
		{"fengqiu.yaml:339:3: 警告：prior.general_budget", []string{"未填写上年一般公共预算支出", "算作 341.37 万元", "本年有事业收入", "请按上年预算填写 general_budget"}},
	})
	text = edit(t, text, "  state_capital: 0\n", "  state_capital: 0\n  general_budget: 300.00\n")
	if ps := problemsOf(t, text); len(ps) != 0 {
		t.Errorf("general_budget given: %v", ps)
	}
}

// Mistakes of layout are placed at their own line and column, and named.
func TestSyntaxMistakesPlaced(t *testing.T) {
	typeLine := "    type: 其他运转类\n    unit: \"019001\"\n    targets:\n      - {kind: 成本指标, indicator: 工作总成本"
	tests := []struct {
		name     string
		old, new string
		want     placed
	}{
		{"a tab at the start of a line", `  code: "019"`, "\tcode: \"019\"",
			placed{"fengqiu.yaml:23:1", []string{"YAML 语法错误", "制表符（Tab）"}}},
		{"a line indented one space too far", typeLine, " " + typeLine,
			placed{"fengqiu.yaml:98:6", []string{"多缩进了 1 格", "缩进 4 格"}}},
		{"a line indented one space too little", typeLine, typeLine[1:],
			placed{"fengqiu.yaml:98:4", []string{"缩进没有对齐", "缩进 3 格", "0、2 或 4 格"}}},
		{"full-width spaces", "  year: 2023", "\u3000\u3000year: 2023",
			placed{"fengqiu.yaml:24:1", []string{"全角空格"}}},
		{"a full-width colon", "  reception: 0\n  total: 0", "  reception：1.20\n  total: 0",
			placed{"fengqiu.yaml:188:12", []string{"全角冒号“：”", "“: ”"}}},
		{"a missing colon", "  name: 封丘县政务服务和大数据管理局\n", "  name 封丘县政务服务和大数据管理局\n",
			placed{"fengqiu.yaml:22:3", []string{"这一行缺少冒号", "请写成“name: 封丘县政务服务和大数据管理局”"}}},
		{"a key where the list wants “- ”", "    short_name: 工作经费\n", "    short_name: 工作经费\n  type: 其他运转类\n",
			placed{"fengqiu.yaml:98:3", []string{"与上面的列表项对齐，却没有以“- ”开头", "缩进 4 格"}}},
		{"a quote left open", "    basic: 正常增人增资、晋级晋档等", "    basic: \"正常增人增资、晋级晋档等",
			placed{"fengqiu.yaml:351:12", []string{"引号 \" 直到文件末尾都没有闭合"}}},
		{"a brace left open at the end of a line", "amount: 17.35}", "amount: 17.35",
			placed{"fengqiu.yaml:61:5", []string{"花括号“{”到行末都没有对应的“}”"}}},
		{"a comma left out in braces", `{unit: "019001", function: "2080505"`, `{unit: "019001" function: "2080505"`,
			placed{"fengqiu.yaml:61:21", []string{"前面少了逗号"}}},
		{"a bracket left open", "  offices: [办公室, 业务股, 督查股, 电子政务和数据资源股]", "  offices: [办公室, 业务股, 督查股, 电子政务和数据资源股",
			placed{"fengqiu.yaml:26:12", []string{"方括号“[”", "没有对应的“]”"}}},
	}
	text := fengqiuText(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPlaced(t, problemsOf(t, edit(t, text, tt.old, tt.new)), []placed{tt.want})
		})
	}
}

// knownCode reports whether c is one of the documented codes.
func knownCode(c Code) bool {
	switch c {
	case CodeEncoding, CodeEmpty, CodeSyntax, CodeField, CodeCell,
		CodeRequired, CodeDuplicate, CodeUnknownValue, CodeUnknownUnit, CodeUnknownProject, CodeUnusedProject,
		CodeProjectName, CodeFunctionCode, CodeFunctionName, CodeEconomicCode, CodeBasicEconomic, CodeLineKind,
		CodeAmount, CodeBalance, CodeTotal, CodeThreePublicLines, CodeTarget, CodeYear, CodeCatalogue,
		CodePublished, CodeLevel, CodePrior, CodeAssets, CodeUnitFacts, CodeUnitSum, CodeDocument, CodeCharacter:
		return true
	}
	return false
}

// Problems of one kind share a code, whatever the message: a program can
// branch on it.
func TestProblemCodes(t *testing.T) {
	text := fengqiuText(t)
	for _, tt := range []struct {
		old, new string
		path     string
		code     Code
	}{
		{"75.66", "75.665", "lines[0].amount", CodeAmount},
		{`source: 一般公共预算财政拨款, amount: 75.66`, `source: 财政拨款, amount: 75.66`, "lines[0].source", CodeUnknownValue},
		{`function: "2010301", economic: "30101"`, `function: "2018888", economic: "30101"`, "lines[0].function", CodeFunctionCode},
		{`year: 2023`, `year: 2031`, "department.year", CodeCatalogue},
		{`economic: "30101", basic: 人员经费`, `economic: "30201", basic: 人员经费`, "lines[0].economic", CodeBasicEconomic},
	} {
		b, err := Parse("fengqiu.yaml", []byte(strings.Replace(text, tt.old, tt.new, 1)))
		ps, _ := AsProblems(err)
		if err == nil {
			ps = b.Check(nil)
		}
		found := false
		for _, p := range ps {
			if p.Path.String() == tt.path {
				found = true
				if p.Code != tt.code {
					t.Errorf("%s: code %q, want %q (%v)", tt.path, p.Code, tt.code, p)
				}
			}
		}
		if !found {
			t.Errorf("%s: no problem in %v", tt.path, ps)
		}
	}
}
