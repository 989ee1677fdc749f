package workbook_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/internal/decode"
	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

// edited returns the 封丘 workbook (its codes begin with 0) after edit.
func edited(t *testing.T, edit func(x *excelize.File)) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(workbookOf(t, examples[0])))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	edit(x)
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// load parses a workbook as 预算.xlsx and returns every problem, the
// loader's or (when it loads) the checker's, one a string.
func load(t *testing.T, data []byte) (*budget.Budget, []string) {
	t.Helper()
	b, err := budgetdoc.Parse("预算.xlsx", data)
	var ps budget.Problems
	switch {
	case err == nil:
		ps = budgetdoc.Validate(b, nil)
	case !errors.As(err, &ps):
		t.Fatalf("Parse: %v", err)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return b, out
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// TestBrokenCells edits one thing a clerk (or Excel) does to a cell and
// checks the exact problem and its SHEET!CELL.
func TestBrokenCells(t *testing.T) {
	const lines = "支出明细"
	tests := []struct {
		name string
		edit func(x *excelize.File)
		want []string // each must be among the problems
		none bool     // and there must be no other problem
	}{
		{"amount stored as text, with separators and spaces", func(x *excelize.File) {
			must(x.SetCellStr(lines, "H2", " 75.66 "))
			must(x.SetCellStr(lines, "H3", "22.85"))
		}, []string{"预算.xlsx:支出明细!H2: 警告：这一列有 2 个金额（从这里起）存成了文字而不是数字，已按数字读取；但 Excel 求和时不会计入文字：请选中这些单元格，转换为数字"}, true},
		{"full-width digits", func(x *excelize.File) {
			must(x.SetCellStr(lines, "H2", "７５．６６"))
		}, []string{
			"预算.xlsx:支出明细!H2: 警告：lines[0].amount: “７５．６６”是全角数字，已按 75.66 读取：请把输入法切换到半角后重新输入",
			"预算.xlsx:支出明细!H2: 警告：这个金额存成了文字而不是数字，已按数字读取；但 Excel 求和时不会计入文字：请选中这些单元格，转换为数字",
		}, true},
		{"trailing spaces in a code and a choice", func(x *excelize.File) {
			must(x.SetCellStr(lines, "A2", "019001  "))
			must(x.SetCellStr(lines, "D2", "人员经费\u3000"))
		}, nil, true},
		{"code stripped of its leading zero", func(x *excelize.File) {
			must(x.SetCellInt(lines, "A5", 19001))
			must(x.SetCellInt("部门信息", "B3", 19))
		}, []string{
			"预算.xlsx:部门信息!B3: department.code: 编码 19 前面的 0 被 Excel 去掉了，应为 019：请把这一列设为“文本”格式，再重新输入 019",
			"预算.xlsx:支出明细!A5: lines[3].unit: 编码 19001 前面的 0 被 Excel 去掉了，应为 019001：请把这一列设为“文本”格式，再重新输入 019001",
		}, true},
		{"long code stored as a number", func(x *excelize.File) {
			must(x.SetCellFloat("项目", "A2", 410727230000000009617, -1, 64))
		}, []string{"预算.xlsx:项目!A2: projects[0].code: 编码被 Excel 存成了数字 410727230000000000000，超过 15 位的部分已经丢失：请把这一列设为“文本”格式，再重新输入完整的编码"}, false},
		{"unknown row in a form", func(x *excelize.File) {
			must(x.SetCellStr("部门信息", "A10", "部门地址"))
			must(x.SetCellStr("部门信息", "B10", "某路1号"))
		}, []string{"预算.xlsx:部门信息!A10: 警告：第 10 行“部门地址”不是这张表的一项，这一行没有读取（这张表的各项：部门名称、部门编码、预算年度、政府级次、公开月份、金额单位、政府采购合计）"}, true},
		{"unknown source in 收入: the checker's message, as for YAML", func(x *excelize.File) {
			must(x.SetCellStr("收入", "A12", "其它收入"))
			must(x.SetCellInt("收入", "B12", 5))
		}, []string{"预算.xlsx:收入!B12: income.this_year.其它收入: 资金来源“其它收入”无法识别"}, false},
		{"empty rows between data", func(x *excelize.File) {
			must(x.InsertRows(lines, 5, 2))
			must(x.InsertRows("项目", 3, 1))
		}, nil, true},
		{"unknown extra column", func(x *excelize.File) {
			must(x.SetCellStr(lines, "J1", "备注"))
			must(x.SetCellStr(lines, "J2", "核对过"))
		}, []string{"预算.xlsx:支出明细!J1: 警告：“备注”不是这张表的列，其中的内容没有读取（这张表的列：单位、功能分类、经济分类、基本支出类别、项目编码、资金来源、上年结转、金额、项目名称）"}, true},
		{"merged cells in the data", func(x *excelize.File) {
			must(x.MergeCell(lines, "A5", "A6"))
		}, []string{"预算.xlsx:支出明细!A5: A5:A6 是合并单元格：这张表每个单元格只填一个值，不能合并；请取消合并，并在每个单元格里填上值"}, false},
		{"sheet renamed", func(x *excelize.File) {
			must(x.SetSheetName(lines, "明细"))
		}, []string{"预算.xlsx: 缺少工作表“支出明细”：工作表“明细”的表头与它相同，多半是改了名：请把“明细”改回“支出明细”"}, false},
		{"sheet missing", func(x *excelize.File) {
			must(x.DeleteSheet("国有资产"))
		}, []string{"预算.xlsx: 缺少工作表“国有资产”：工作簿应有 “部门信息”、“内设科室”、“主要职责”、“预算单位”、“收入”、“支出明细”、“项目”、“项目绩效目标”、“政府采购”、“\"三公\"经费”、“单位\"三公\"经费”、“国有资产”、“单位国有资产”、“专项转移支付”、“履职目标”、“主要任务”、“整体绩效”、“上年数”、“单位上年数”、“上年项目”、“功能分类名称” 这些工作表"}, true},
		{"header renamed", func(x *excelize.File) {
			must(x.SetCellStr(lines, "H1", "金额（万元）"))
		}, []string{
			"预算.xlsx:支出明细!A1: 缺少“金额”列：第 1 行应是表头 单位、功能分类、经济分类、基本支出类别、项目编码、资金来源、上年结转、金额、项目名称；如果改了表头，请改回来",
			"预算.xlsx:支出明细!H1: 警告：“金额（万元）”不是这张表的列，其中的内容没有读取（这张表的列：单位、功能分类、经济分类、基本支出类别、项目编码、资金来源、上年结转、金额、项目名称）",
		}, false},
		{"yes or no", func(x *excelize.File) {
			must(x.SetCellStr(lines, "G2", "对"))
		}, []string{"预算.xlsx:支出明细!G2: lines[0].carry_over: 应填“是”或“否”（不是可以不填），实际是“对”"}, true},
		{"amount with its unit: the decoder's message, as for YAML", func(x *excelize.File) {
			must(x.SetCellStr(lines, "H2", "75.66万元"))
		}, []string{"预算.xlsx:支出明细!H2: lines[0].amount: 应为数字（以万元为单位的金额），实际是文字“75.66万元”"}, true},
		{"grouped amount as text", func(x *excelize.File) {
			must(x.SetCellStr(lines, "H15", "150.00"))
			must(x.SetCellStr("上年数", "B2", "1,234.50"))
		}, []string{"预算.xlsx:上年数!B2: 警告：这个金额存成了文字而不是数字，已按数字读取；但 Excel 求和时不会计入文字：请选中这些单元格，转换为数字"}, false},
		{"empty required cell: the checker names it", func(x *excelize.File) {
			must(x.SetCellStr("部门信息", "B2", ""))
		}, []string{"预算.xlsx:部门信息!B2: department.name: 未填写：请填写部门名称"}, true},
		{"publication month made a date", func(x *excelize.File) {
			must(x.SetCellInt("部门信息", "B6", 45017)) // 2023-04-01
		}, []string{"预算.xlsx:部门信息!B6: 警告：department.published: 公开月份被 Excel 当成了日期，已按 2023-04 读取：请把这个单元格设为“文本”格式，再输入 2023-04"}, true},
		{"target of an unknown project", func(x *excelize.File) {
			must(x.SetCellStr("项目绩效目标", "A2", "999"))
		}, []string{"预算.xlsx:项目绩效目标!A2: 项目编码“999”不在“项目”表中：请先在“项目”表中列出这个项目，或改正编码"}, false},
		{"unit code that does not exist: the checker's message", func(x *excelize.File) {
			must(x.SetCellStr(lines, "A27", "019009"))
		}, []string{"预算.xlsx:支出明细!A27"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, edited(t, tt.edit))
			for _, w := range tt.want {
				if !containsPrefix(got, w) {
					t.Errorf("missing problem:\n  %s\ngot:\n  %s", w, strings.Join(got, "\n  "))
				}
			}
			if tt.none && len(got) != len(tt.want) {
				t.Errorf("want only %d problems, got:\n  %s", len(tt.want), strings.Join(got, "\n  "))
			}
		})
	}
}

func containsPrefix(list []string, s string) bool {
	for _, l := range list {
		if strings.HasPrefix(l, s) {
			return true
		}
	}
	return false
}

// small is the README's small example with a long project code.
const small = `money_unit: 万元
department: {name: 某县某局, code: "101", year: 2023, published: "2023-03", offices: [办公室], duties: [负责某项工作。]}
units: [{code: "101001", name: 某县某局, kind: 行政}]
income: {this_year: {一般公共预算财政拨款: 130.00}}
lines:
  - {unit: "101001", function: "2010301", economic: "30101", basic: 人员经费, source: 一般公共预算财政拨款, amount: 80.00}
  - {unit: "101001", function: "2010301", economic: "30201", basic: 公用经费, source: 一般公共预算财政拨款, amount: 10.00}
  - {unit: "101001", function: "2010399", economic: "31002", project: "410101230000000001234", source: 一般公共预算财政拨款, amount: 40.00}
projects:
  - {code: "410101230000000001234", name: 办公设备更新, type: 其他运转类, unit: "101001"}
`

// TestLongCodeFix: a code Excel cut to 15 digits is given back when only
// one code typed as text elsewhere begins with those digits.
func TestLongCodeFix(t *testing.T) {
	root, err := decode.YAML([]byte(small))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, root); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	must(x.SetCellFloat("项目", "A2", 410101230000000001234, -1, 64))
	var out bytes.Buffer
	must(x.Write(&out))
	tree, err := workbook.Read(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	want := "项目!A2: projects[0].code: 编码被 Excel 存成了数字 410101230000000000000，超过 15 位的部分已经丢失，看来应为 410101230000000001234：请把这一列设为“文本”格式，再重新输入 410101230000000001234"
	if got := tree.Problems.Error(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// The tables render writes are a workbook too, but not a budget: one
// problem says so, not one per missing sheet.
func TestNotABudgetWorkbook(t *testing.T) {
	b, err := budgetdoc.Load(examples[1])
	if err != nil {
		t.Fatal(err)
	}
	r, err := budgetdoc.Render(context.Background(), b, nil)
	if err != nil {
		t.Fatal(err)
	}
	var tables bytes.Buffer
	if err := r.Write(context.Background(), &tables, budgetdoc.FormatXLSX); err != nil {
		t.Fatal(err)
	}
	_, got := load(t, tables.Bytes())
	if len(got) != 1 || !strings.HasPrefix(got[0], "预算.xlsx: 这不是预算工作簿：它的工作表是 “") {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	_, got = load(t, []byte("not a zip"))
	if len(got) != 1 || !strings.HasPrefix(got[0], "预算.xlsx: 不是 Excel 工作簿（.xlsx）") {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
}

// TestUnheadedColumn: data in a column with no header, however far out, is
// a warning, not silently dropped.
func TestUnheadedColumn(t *testing.T) {
	data := edited(t, func(x *excelize.File) {
		must(x.SetCellStr("支出明细", "M40", "多出来的"))
	})
	tree, err := workbook.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tree.Problems.Error(), "支出明细!M1: 警告：M 列没有表头，其中的内容没有读取"; got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
