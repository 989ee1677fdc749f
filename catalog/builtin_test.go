package catalog

import (
	"os"
	"strings"
	"testing"
)

func TestBuiltinParsedOnce(t *testing.T) {
	a, b := builtin2023(t), builtin2023(t)
	if a != b {
		t.Error("Builtin(2023) parsed the files twice")
	}
	if a.Year() != 2023 {
		t.Errorf("Year = %d", a.Year())
	}
	if s := a.Source(); !strings.Contains(s, "财预〔2022〕107号") || !strings.Contains(s, "transcri") {
		t.Errorf("Source = %q, want the 财政部 document and that it is a transcription", s)
	}
}

func TestBuiltinOtherYear(t *testing.T) {
	_, err := Builtin(2022)
	if err == nil {
		t.Fatal("Builtin(2022) gave no error")
	}
	for _, want := range []string{"没有 2022 年的内置分类目录", "2023", "2027", "--catalogue", "README"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	// The reader is a finance clerk: no Go in the message.
	if strings.Contains(err.Error(), "catalog.") {
		t.Errorf("error %q names a Go function", err)
	}
}

func TestBuiltinHoldsTogether(t *testing.T) {
	if err := builtin2023(t).Check(); err != nil {
		t.Fatal(err)
	}
}

// The checks below say the same as Check, walked directly, so a bug in Check cannot hide a hole.

func TestEveryCodeHasItsParent(t *testing.T) {
	c := builtin2023(t)
	lists := map[string]func(string) (string, bool){
		"functional": c.Function, "部门": c.DeptEconomic, "政府": c.GovEconomic,
	}
	codes := map[string][]string{
		"functional": c.FunctionCodes(), "部门": c.DeptEconomicCodes(), "政府": c.GovEconomicCodes(),
	}
	for kind, lookup := range lists {
		for _, code := range codes[kind] {
			if len(code) == 3 {
				continue
			}
			if _, ok := lookup(code[:3]); !ok {
				t.Errorf("%s 款/项 %s has no 类 %s", kind, code, code[:3])
			}
			if _, ok := lookup(code[:len(code)-2]); !ok {
				t.Errorf("%s code %s has no parent %s", kind, code, code[:len(code)-2])
			}
		}
	}
}

func TestEveryDeptCodeMapsToGovCodes(t *testing.T) {
	c := builtin2023(t)
	for _, code := range c.DeptEconomicCodes() {
		if len(code) != 5 {
			if _, ok := c.GovFor(code, true); ok {
				t.Errorf("类 %s has a mapping; only 款 should", code)
			}
			continue
		}
		for _, admin := range []bool{true, false} {
			gov, ok := c.GovFor(code, admin)
			if !ok {
				t.Errorf("部门 款 %s (行政=%v) has no mapping", code, admin)
				continue
			}
			if _, ok := c.GovEconomic(gov); !ok || len(gov) != 5 {
				t.Errorf("部门 款 %s (行政=%v) maps to %s, not a 政府 款 in the list", code, admin, gov)
			}
		}
	}
	if got, want := c.Counts().Mapping, countLen(c.DeptEconomicCodes(), 5); got != want {
		t.Errorf("%d mapping rows for %d 部门 款", got, want)
	}
}

func countLen(codes []string, n int) int {
	k := 0
	for _, c := range codes {
		if len(c) == n {
			k++
		}
	}
	return k
}

// TestMappingFollowsTheRule checks the 对应关系 by 类: 行政 units take 301→501, 302→502,
// 309→504, 310→503; 事业 units take 301→50501, 302→50502, 309→50602, 310→50601; 303→509 for
// both. 30107 绩效工资 goes to 50501 for both kinds.
func TestMappingFollowsTheRule(t *testing.T) {
	c := builtin2023(t)
	admin := map[string]string{"301": "501", "302": "502", "303": "509", "307": "511", "309": "504", "310": "503", "313": "510", "399": "599"}
	inst := map[string]string{"301": "50501", "302": "50502", "303": "509", "307": "511", "309": "50602", "310": "50601", "313": "510", "399": "599"}
	for _, code := range c.DeptEconomicCodes() {
		if len(code) != 5 {
			continue
		}
		a, _ := c.GovFor(code, true)
		i, _ := c.GovFor(code, false)
		if code == "30107" {
			if a != "50501" || i != "50501" {
				t.Errorf("30107 maps to %s/%s, want 50501 for both", a, i)
			}
			continue
		}
		if want, ok := admin[code[:3]]; ok && !strings.HasPrefix(a, want) {
			t.Errorf("行政 %s → %s, want under %s", code, a, want)
		}
		if want, ok := inst[code[:3]]; ok && !strings.HasPrefix(i, want) {
			t.Errorf("事业 %s → %s, want under %s", code, i, want)
		}
	}
}

func TestEveryClassIsListedOnce(t *testing.T) {
	c := builtin2023(t)
	var classes int
	for _, code := range c.FunctionCodes() {
		if len(code) == 3 {
			classes++
			if _, ok := c.FunctionClass(code); !ok {
				t.Errorf("类 %s has no serial", code)
			}
		}
	}
	if classes != 30 || len(c.FunctionClasses()) != 30 {
		t.Errorf("%d 类, %d class rows; 2023 has 30 (201–224, 227, 229–234 less 218)", classes, len(c.FunctionClasses()))
	}
}

func TestLookups(t *testing.T) {
	c := builtin2023(t)
	for _, tc := range []struct {
		lookup     func(string) (string, bool)
		code, want string
	}{
		{c.Function, "201", "一般公共服务支出"},
		{c.Function, "20103", "政府办公厅（室）及相关机构事务"},
		{c.Function, "20805", "行政事业单位养老支出"},
		{c.Function, "2080506", "机关事业单位职业年金缴费支出"},
		{c.Function, "2120803", "城市建设支出"},
		{c.Function, "2210203", "购房补贴"},
		{c.Function, "227", "预备费"},
		{c.Function, "234", "抗疫特别国债安排的支出"},
		{c.DeptEconomic, "30901", "房屋建筑物购建"},
		{c.DeptEconomic, "31001", "房屋建筑物购建"},
		{c.DeptEconomic, "309", "资本性支出（基本建设）"},
		{c.GovEconomic, "50103", "住房公积金"},
		{c.GovEconomic, "503", "机关资本性支出（一）"},
	} {
		if got, ok := tc.lookup(tc.code); !ok || got != tc.want {
			t.Errorf("%s = %q, %v; want %q", tc.code, got, ok, tc.want)
		}
	}
	for _, code := range []string{"", "218", "2010", "20139", "201 03 01", "2010301 ", "９９９"} {
		if name, ok := c.Function(code); ok {
			t.Errorf("Function(%q) = %q; want not found", code, name)
		}
	}
	if _, ok := c.GovFor("30101x", true); ok {
		t.Error("GovFor found a malformed code")
	}
}

func TestFunctionClassOfSubcodes(t *testing.T) {
	c := builtin2023(t)
	for _, code := range []string{"208", "20805", "2080505"} {
		cl, ok := c.FunctionClass(code)
		if !ok || cl.Code != "208" || cl.Serial != 8 || cl.Name != "社会保障和就业支出" ||
			cl.OverviewName != "社会保障和就业" || cl.FiscalOverviewName != "社会保障和就业支出" {
			t.Errorf("FunctionClass(%s) = %+v, %v", code, cl, ok)
		}
	}
	for _, code := range []string{"2", "2080", "218", "20805050", "abc"} {
		if cl, ok := c.FunctionClass(code); ok {
			t.Errorf("FunctionClass(%q) = %+v; want not found", code, cl)
		}
	}
}

// TestCallerLoadsTheShippedFiles is the path a caller takes: the same files from a directory.
func TestCallerLoadsTheShippedFiles(t *testing.T) {
	c, err := Load(os.DirFS("data"), "2023")
	if err != nil {
		t.Fatal(err)
	}
	if c.Counts() != builtin2023(t).Counts() {
		t.Errorf("Load counts %+v, Builtin %+v", c.Counts(), builtin2023(t).Counts())
	}
}

func BenchmarkFunctionLookup(b *testing.B) {
	c := builtin2023(b)
	for b.Loop() {
		c.Function("2080505")
	}
}

func BenchmarkLoadBuiltinFiles(b *testing.B) {
	for b.Loop() {
		if _, err := Load(builtinFS(), "data/2023"); err != nil {
			b.Fatal(err)
		}
	}
}
