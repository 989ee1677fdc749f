package catalog

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func mustTable(t *testing.T, name, text string) *Catalogue {
	t.Helper()
	c, err := ParseTable(name, []byte(text))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c
}

// TestTableKinds loads the shapes a budget system exports: with or without a header, one or all
// classifications, the kind from a column, the header, the file name or the first digit.
func TestTableKinds(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"list.tsv", "2010301\t行政运行\n30227\t委托业务费\n50201\t办公经费\n"},
		{"list.csv", "科目编码,科目名称\n2010301,行政运行\n30227,委托业务费\n50201,办公经费\n"},
		{"list.csv", "\uFEFF编码,名称,分类\r\n2010301,行政运行,功能分类\r\n30227,委托业务费,部门预算经济分类\r\n50201,办公经费,政府预算经济分类\r\n"},
		{"list.tsv", "# 本地区补充科目\n\n[2010301]行政运行\n【30227】委托业务费\n502 01\t办公经费\n"},
	} {
		c := mustTable(t, tc.name, tc.text)
		if n, _ := c.Function("2010301"); n != "行政运行" {
			t.Errorf("%q: Function(2010301) = %q", tc.text, n)
		}
		if n, _ := c.DeptEconomic("30227"); n != "委托业务费" {
			t.Errorf("%q: DeptEconomic(30227) = %q", tc.text, n)
		}
		if n, _ := c.GovEconomic("50201"); n != "办公经费" {
			t.Errorf("%q: GovEconomic(50201) = %q", tc.text, n)
		}
	}
	// The header or the file name decides, and must agree with the code.
	c := mustTable(t, "x.csv", "部门预算支出经济分类科目编码,名称\n302,商品和服务支出\n")
	if _, ok := c.DeptEconomic("302"); !ok {
		t.Error("header 部门预算…经济分类 did not make 302 a 部门 code")
	}
	c = mustTable(t, "政府经济分类.tsv", "501\t机关工资福利支出\n")
	if _, ok := c.GovEconomic("501"); !ok {
		t.Error("file name 政府经济分类 did not make 501 a 政府 code")
	}
}

func TestTableGBKAndNames(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("编码,名称\n2010301,  行政运行　\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseTable("导出.csv", gbk)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := c.Function("2010301"); n != "行政运行" {
		t.Errorf("GBK CSV, padded name: %q", n)
	}
}

func TestTableNewClassAndMappingAndBasic(t *testing.T) {
	c := mustTable(t, "本地.csv", "编码,名称,基本支出类型,行政单位政府经济分类,事业单位政府经济分类\n"+
		"235,测试类支出,,,\n23501,测试款,,,\n30227,委托业务费,人员经费,50205,50502\n30399,其他对个人和家庭的补助,,,\n")
	m := builtin2023(t).Merge(c)
	if err := m.Check(); err != nil {
		t.Fatal(err)
	}
	cl, ok := m.FunctionClass("23501")
	if !ok || cl.Serial != 35 || cl.OverviewName != "测试类支出" {
		t.Errorf("new 类: %+v, %v", cl, ok)
	}
	// A listed 类's printed names are kept, even when the file names it.
	m = builtin2023(t).Merge(mustTable(t, "x.tsv", "208\t社会保障和就业支出\n"))
	if cl, _ := m.FunctionClass("208"); cl.OverviewName != "社会保障和就业" {
		t.Errorf("table 一 name replaced: %q", cl.OverviewName)
	}
	m = builtin2023(t).Merge(c)
	if g, _ := m.GovFor("30227", true); g != "50205" {
		t.Errorf("mapping from the file: %q", g)
	}
	if k, _ := m.BasicKind("30227"); k != Personnel {
		t.Errorf("30227 counts as %q after the file said 人员经费", k)
	}
	if k, _ := m.BasicKind("30226"); k != Public {
		t.Errorf("30226 counts as %q", k)
	}
}

// TestTableErrors: each message is Chinese and names file:line, or sheet!cell for Excel.
func TestTableErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, at, want string }{
		{"a.csv", "编码,名称\n2010301,行政运行\n20103x,x\n", "a.csv:3", "应只含数字"},
		{"a.csv", "编码,名称\n2010301,\n", "a.csv:2", "没有名称"},
		{"a.csv", "编码,名称\n201030,x\n", "a.csv:2", "有 6 位：应为 3、5、7 位"},
		{"a.csv", "编码,名称\n3010101,x\n", "a.csv:2", "有 7 位：应为 3、5 位"},
		{"a.csv", "编码,名称\n101,税收收入\n", "a.csv:2", "无法判断编码 101 属于哪种分类"},
		{"功能分类.csv", "30101,基本工资\n", "功能分类.csv:1", "不是功能分类编码（按文件名或工作表名应为功能分类）"},
		{"a.csv", "经济分类编码,名称\n2010301,行政运行\n", "a.csv:2", "不是部门预算经济分类编码（按编码列的标题"},
		{"a.csv", "编码,名称,类型\n30101,基本工资,收入\n", "a.csv:2", "无法识别分类“收入”"},
		{"a.csv", "编码,名称\n30101,基本工资\n30101,基本工资\n", "a.csv:3", "重复：已在 a.csv:2 列出"},
		{"a.csv", "编码,名称,基本支出\n30101,基本工资,人员\n", "a.csv:2", "基本支出类型“人员”无法识别"},
		{"a.csv", "编码,名称,行政单位政府经济分类,事业单位政府经济分类\n30101,基本工资,501,50501\n", "a.csv:2", "应为 5 位、以 5 开头"},
		{"a.csv", "编码,名称\n\"2010301,行政运行\n", "a.csv:", "无法读取这一行"},
		{"a.doc", "", "a.doc", "请使用 .tsv、.csv 或 .xlsx"},
		{"a.csv", "编码,名称\n", "a.csv", "文件中没有科目"},
	} {
		_, err := ParseTable(tc.name, []byte(tc.text))
		if err == nil || !strings.HasPrefix(err.Error(), tc.at) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: got %v; want %s…%s", tc.name, tc.text, err, tc.at, tc.want)
		}
	}
	// All problems at once.
	_, err := ParseTable("a.tsv", []byte("x\ty\n2010301\t\n1\tz\n"))
	for _, want := range []string{"a.tsv:1:", "a.tsv:2:", "a.tsv:3:"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("lacks %s: %v", want, err)
		}
	}
}

// TestMergedTableCheck: a 项 whose 款 is in neither the file nor the built-in list is reported at
// the file's line after Merge.
func TestMergedTableCheck(t *testing.T) {
	m := builtin2023(t).Merge(mustTable(t, "本地.tsv", "编码\t名称\n2019899\t其他\n"))
	err := m.Check()
	if err == nil || !strings.Contains(err.Error(), "本地.tsv:2: 功能分类编码 2019899 的上级编码 20198 不在目录中") {
		t.Errorf("Check: %v", err)
	}
	m = builtin2023(t).Merge(mustTable(t, "本地.tsv", "30311\t代缴社会保险费\n"))
	if err := m.Check(); err == nil || !strings.Contains(err.Error(), "本地.tsv:1: 部门预算经济分类款 30311 没有对应的政府预算经济分类款") {
		t.Errorf("Check: %v", err)
	}
}

func TestTableXLSX(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "功能分类")
	f.SetSheetRow("功能分类", "A1", &[]any{"科目编码", "科目名称"})
	f.SetSheetRow("功能分类", "A2", &[]any{2010301, "行政运行"})
	f.SetSheetRow("功能分类", "A3", &[]any{"2010350", "事业运行"})
	f.NewSheet("经济分类")
	f.SetSheetRow("经济分类", "A1", &[]any{"编码", "名称", "基本支出类型"})
	f.SetSheetRow("经济分类", "A2", &[]any{"30227", "委托业务费", "人员经费"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "科目.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := c.Function("2010301"); n != "行政运行" {
		t.Errorf("numeric cell: %q", n)
	}
	if k, _ := c.BasicKind("30227"); k != Personnel {
		t.Errorf("basic kind from Excel: %q", k)
	}

	f.SetSheetRow("经济分类", "A3", &[]any{"2010301", "行政运行"})
	buf.Reset()
	f.Write(&buf)
	_, err = ParseTable(path, buf.Bytes())
	var e *Error
	if !errors.As(err, &e) || e.Pos.String() != path+":经济分类!A3" || !strings.Contains(e.Msg, "不是部门预算经济分类编码") {
		t.Errorf("Excel error at sheet!cell: %v", err)
	}
}

func TestLoadFileDirectoryAndMissing(t *testing.T) {
	c, err := LoadFile("data/2023")
	if err != nil {
		t.Fatal(err)
	}
	if c.Counts() != builtin2023(t).Counts() {
		t.Errorf("directory load %+v", c.Counts())
	}
	if _, err := LoadFile("data/2025"); err == nil || !strings.Contains(err.Error(), "只用于内置目录") {
		t.Errorf("a changes directory: %v", err)
	}
	if _, err := LoadFile("没有这个文件.csv"); err == nil || !strings.Contains(err.Error(), "没有这个文件.csv：文件不存在") {
		t.Errorf("missing file: %v", err)
	}
}

func TestLoadFilesInOrder(t *testing.T) {
	dir := t.TempDir()
	a, b, bad := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.tsv"), filepath.Join(dir, "bad.csv")
	os.WriteFile(a, []byte("科目编码,上级编码,科目名称\n2010301,20103,行政运行（甲）\n2010302,20103,一般行政管理事务\n"), 0o644)
	os.WriteFile(b, []byte("2010301\t行政运行（乙）\n"), 0o644)
	os.WriteFile(bad, []byte("编码,名称\nx,y\n"), 0o644)
	c, err := LoadFiles(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := c.Function("2010301"); n != "行政运行（乙）" {
		t.Errorf("the later file wins: %q", n)
	}
	if n, _ := c.Function("2010302"); n != "一般行政管理事务" {
		t.Errorf("上级编码 column taken for the code: %q", n)
	}
	_, err = LoadFiles(bad, filepath.Join(dir, "none.csv"))
	if err == nil || !strings.Contains(err.Error(), "bad.csv:2") || !strings.Contains(err.Error(), "none.csv：文件不存在") {
		t.Errorf("both files' problems: %v", err)
	}
}

// TestTableTitleRows: an export's title and unit lines above the header are skipped, and the title
// names the classification.
func TestTableTitleRows(t *testing.T) {
	c := mustTable(t, "export.csv", "2025年部门预算支出经济分类科目,,\n单位：元,,\n,,\n编码,名称,备注\n302,商品和服务支出,\n30227,委托业务费,\n")
	if _, ok := c.DeptEconomic("30227"); !ok {
		t.Errorf("after title rows: %+v", c.Counts())
	}
	_, err := ParseTable("export.csv", []byte("2025年支出功能分类科目\n编码,名称\n30227,委托业务费\n"))
	if err == nil || !strings.Contains(err.Error(), "export.csv:3: 编码 30227 不是功能分类编码") {
		t.Errorf("the title's kind: %v", err)
	}
	// A title row without a header is an error at the title, not a silent skip.
	_, err = ParseTable("x.csv", []byte("科目表\n2010301,行政运行\n"))
	if err == nil || !strings.Contains(err.Error(), "x.csv:1: 编码“科目表”应只含数字") {
		t.Errorf("title without header: %v", err)
	}
}
