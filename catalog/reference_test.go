package catalog

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The reference is 封丘县政务服务和大数据管理局2023年部门预算. These rows are copied from its
// tables 三/五 (functional 项) and 六 (economic pairs), so the test runs without the file; the test
// after them reads the file itself when it is at hand.

var referenceFunctions = []struct{ code, name string }{
	{"2010301", "行政运行"},
	{"2010399", "其他政府办公厅（室）及相关机构事务支出"},
	{"2080501", "行政单位离退休"},
	{"2080505", "机关事业单位基本养老保险缴费支出"},
	{"2089999", "其他社会保障和就业支出"},
	{"2101101", "行政单位医疗"},
	{"2101102", "事业单位医疗"},
	{"2210201", "住房公积金"},
}

var referenceEconomic = []struct{ dept, deptName, gov, govName string }{
	{"30107", "绩效工资", "50501", "工资福利支出"},
	{"30103", "奖金", "50101", "工资奖金津补贴"},
	{"30102", "津贴补贴", "50101", "工资奖金津补贴"},
	{"30101", "基本工资", "50101", "工资奖金津补贴"},
	{"30229", "福利费", "50201", "办公经费"},
	{"30201", "办公费", "50201", "办公经费"},
	{"30228", "工会经费", "50201", "办公经费"},
	{"30239", "其他交通费用", "50201", "办公经费"},
	{"30302", "退休费", "50905", "离退休费"},
	{"30108", "机关事业单位基本养老保险缴费", "50102", "社会保障缴费"},
	{"30112", "其他社会保障缴费", "50102", "社会保障缴费"},
	{"30110", "职工基本医疗保险缴费", "50102", "社会保障缴费"},
	{"30113", "住房公积金", "50103", "住房公积金"},
}

// referenceClasses is the 支出 column of table 一 (部门收支总体情况表) and of table 四
// (财政拨款收支总体情况表), serial by serial. Table 四's two slips are corrected here as in
// function_classes.tsv: "（九）医疗卫生与计划生育支出" and "（三）国防支出（".
var referenceClasses = []struct {
	serial                  int
	numeral, table1, table4 string
}{
	{1, "一", "一般公共服务", "一般公共服务支出"},
	{2, "二", "外交", "外交支出"},
	{3, "三", "国防", "国防支出"},
	{4, "四", "公共安全", "公共安全支出"},
	{5, "五", "教育", "教育支出"},
	{6, "六", "科学技术", "科学技术支出"},
	{7, "七", "文化旅游体育与传媒", "文化体育旅游与传媒支出"},
	{8, "八", "社会保障和就业", "社会保障和就业支出"},
	{9, "九", "社会保险基金支出", "社会保险基金支出"},
	{10, "十", "卫生健康", "卫生健康支出"},
	{11, "十一", "节能环保", "节能环保支出"},
	{12, "十二", "城乡社区事务", "城乡社区事务支出"},
	{13, "十三", "农林水事务", "农林水事务支出"},
	{14, "十四", "交通运输", "交通运输支出"},
	{15, "十五", "资源勘探信息等", "资源勘探信息等支出"},
	{16, "十六", "商业服务业等", "商业服务业等支出"},
	{17, "十七", "金融支出", "金融支出"},
	{19, "十九", "援助其他地区支出", "援助其他地区支出"},
	{20, "二十", "自然资源海洋气象等支出", "自然资源海洋气象等支出"},
	{21, "二十一", "住房保障支出", "住房保障支出"},
	{22, "二十二", "粮油物资储备支出", "粮油物资储备支出"},
	{23, "二十三", "国有资本经营预算", "国有资本经营预算"},
	{24, "二十四", "灾害防治及应急管理", "灾害防治及应急管理"},
	{27, "二十七", "预备费", "预备费"},
	{29, "二十九", "其他支出", "其他支出"},
	{30, "三十", "转移性支出", "转移性支出"},
	{31, "三十一", "债务还本支出", "债务还本支出"},
	{32, "三十二", "债务付息支出", "债务付息支出"},
	{33, "三十三", "债务发行费用支出", "债务发行费用支出"},
	{34, "三十四", "抗疫特别国债安排的支出", "抗疫特别国债安排的支出"},
}

func builtin2023(t testing.TB) *Catalogue {
	t.Helper()
	c, err := Builtin(2023)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestReferenceFunctionalNames(t *testing.T) {
	c := builtin2023(t)
	for _, r := range referenceFunctions {
		if got, ok := c.Function(r.code); !ok || got != r.name {
			t.Errorf("Function(%s) = %q, %v; the reference prints %q", r.code, got, ok, r.name)
		}
	}
}

func TestReferenceEconomicNamesAndPairs(t *testing.T) {
	c := builtin2023(t)
	for _, r := range referenceEconomic {
		if got, ok := c.DeptEconomic(r.dept); !ok || got != r.deptName {
			t.Errorf("DeptEconomic(%s) = %q, %v; the reference prints %q", r.dept, got, ok, r.deptName)
		}
		if got, ok := c.GovEconomic(r.gov); !ok || got != r.govName {
			t.Errorf("GovEconomic(%s) = %q, %v; the reference prints %q", r.gov, got, ok, r.govName)
		}
		// The reference's unit is a 行政 unit.
		if got, ok := c.GovFor(r.dept, true); !ok || got != r.gov {
			t.Errorf("GovFor(%s, 行政) = %q, %v; the reference prints %s", r.dept, got, ok, r.gov)
		}
	}
}

func TestReferenceClassOrderAndNames(t *testing.T) {
	c := builtin2023(t)
	classes := c.FunctionClasses()
	if len(classes) != len(referenceClasses) {
		t.Fatalf("FunctionClasses has %d rows, the reference's tables %d", len(classes), len(referenceClasses))
	}
	for i, want := range referenceClasses {
		got := classes[i]
		if got.Serial != want.serial || got.Numeral() != want.numeral ||
			got.OverviewName != want.table1 || got.FiscalOverviewName != want.table4 {
			t.Errorf("row %d = %d %s %q %q; want %d %s %q %q", i, got.Serial, got.Numeral(),
				got.OverviewName, got.FiscalOverviewName, want.serial, want.numeral, want.table1, want.table4)
		}
		if got.Code[0] != '2' || got.Serial+200 != atoi(got.Code) {
			t.Errorf("row %d: 类 %s has serial %d, want the code less 200", i, got.Code, got.Serial)
		}
		if name, _ := c.Function(got.Code); got.Name != name || name == "" {
			t.Errorf("row %d: Name %q, functions.tsv says %q", i, got.Name, name)
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// referenceFile finds fengqiu-2023.txt in the shared reference folder: beside the work tree on a
// developer's machine, beside the clone in CI.
func referenceFile(t *testing.T) string {
	for _, p := range []string{
		"../../../shared/reference/fengqiu-2023.txt",
		"../../../../shared/reference/fengqiu-2023.txt",
		"/work/shared/reference/fengqiu-2023.txt",
	} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skip("reference document fengqiu-2023.txt not found")
	return ""
}

var (
	functionRow = regexp.MustCompile(`^(\d{3})\t(\d{2})\t(\d{2})\t[^\t]*\t([^\t]+)\t`)
	economicRow = regexp.MustCompile(`^(\d{5})\t([^\t]+)\t(\d{5})\t([^\t]+)\t`)
)

// TestReferenceDocument reads every 类/款/项 row and every economic pair the reference prints and
// looks each up.
func TestReferenceDocument(t *testing.T) {
	path := referenceFile(t)
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := builtin2023(t)
	var functions, pairs int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := functionRow.FindStringSubmatch(line); m != nil {
			functions++
			code, want := m[1]+m[2]+m[3], strings.TrimSpace(m[4])
			if got, ok := c.Function(code); !ok || got != want {
				t.Errorf("reference prints %s %q; Function gives %q, %v", code, want, got, ok)
			}
		}
		if m := economicRow.FindStringSubmatch(line); m != nil {
			pairs++
			if got, ok := c.DeptEconomic(m[1]); !ok || got != m[2] {
				t.Errorf("reference prints %s %q; DeptEconomic gives %q, %v", m[1], m[2], got, ok)
			}
			if got, ok := c.GovEconomic(m[3]); !ok || got != m[4] {
				t.Errorf("reference prints %s %q; GovEconomic gives %q, %v", m[3], m[4], got, ok)
			}
			if got, _ := c.GovFor(m[1], true); got != m[3] {
				t.Errorf("reference maps %s to %s; GovFor gives %q", m[1], m[3], got)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	// Tables 三 and 五 print the same 8 项; table 六 prints 13 pairs.
	if functions != 16 || pairs != 13 {
		t.Errorf("read %d functional rows and %d economic pairs from the reference, want 16 and 13", functions, pairs)
	}
}
