package catalog

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// good is a small, consistent catalogue directory; tests break one file at a time.
func good() fstest.MapFS {
	return fstest.MapFS{
		"my/functions.tsv":        {Data: []byte("# source: test list\n# year: 2023\n201\t一般公共服务支出\n20103\t政府办公厅（室）及相关机构事务\n2010301\t行政运行\n208\t社会保障和就业支出\n")},
		"my/function_classes.tsv": {Data: []byte("1\t201\t一般公共服务\t一般公共服务支出\n8\t208\t社会保障和就业\t社会保障和就业支出\n")},
		"my/economic_dept.tsv":    {Data: []byte("301\t工资福利支出\n30101\t基本工资\n")},
		"my/economic_gov.tsv":     {Data: []byte("501\t机关工资福利支出\n50101\t工资奖金津补贴\n505\t对事业单位经常性补助\n50501\t工资福利支出\n")},
		"my/mapping.tsv":          {Data: []byte("30101\t50101\t50501\n")},
	}
}

func TestLoadGood(t *testing.T) {
	c, err := Load(good(), "my")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Check(); err != nil {
		t.Fatal(err)
	}
	if c.Year() != 2023 || c.Source() != "test list" {
		t.Errorf("year %d source %q", c.Year(), c.Source())
	}
	if g, _ := c.GovFor("30101", false); g != "50501" {
		t.Errorf("GovFor(30101, 事业) = %q", g)
	}
}

func TestLoadAcceptsCRLFAndBOM(t *testing.T) {
	fsys := good()
	fsys["my/economic_dept.tsv"] = &fstest.MapFile{Data: []byte("\uFEFF301\t工资福利支出\r\n\r\n30101\t基本工资\r\n")}
	c, err := Load(fsys, "my")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := c.DeptEconomic("30101"); n != "基本工资" {
		t.Errorf("DeptEconomic(30101) = %q", n)
	}
}

// TestLoadReportsFileAndLine breaks one line of one file and expects the error at that line.
func TestLoadReportsFileAndLine(t *testing.T) {
	for _, tc := range []struct {
		name, file, data string
		line             int
		want             string
	}{
		{"one field", "functions.tsv", "201\t一般公共服务支出\n20103 政府办公厅\n", 2, "want 2 TAB-separated fields"},
		{"three fields", "economic_dept.tsv", "301\t工资福利支出\n30101\t基本工资\textra\n", 2, "found 3"},
		{"letters in code", "functions.tsv", "# c\n201\t一般公共服务支出\n2O103\t政府办公厅\n", 3, "not all digits"},
		{"code too long", "economic_gov.tsv", "501\t机关工资福利支出\n5010101\tx\n", 2, "has 7 digits, want 3 or 5"},
		{"four-digit function", "functions.tsv", "201\t一般公共服务支出\n2010\tx\n", 2, "want 3, 5 or 7"},
		{"empty name", "functions.tsv", "201\t\n", 1, "name is empty"},
		{"padded name", "functions.tsv", "201\t一般公共服务支出 \n", 1, "starts or ends with a space"},
		{"duplicate", "economic_dept.tsv", "301\t工资福利支出\n30101\t基本工资\n30101\t基本工资\n", 3, "already defined at line 2"},
		{"orphan 项", "functions.tsv", "201\t一般公共服务支出\n2010301\t行政运行\n208\tx\n", 2, "上级编码 20103 不在目录中"},
		{"orphan 款", "economic_gov.tsv", "50101\t工资奖金津补贴\n505\tx\n50501\ty\n", 1, "上级编码 501 不在目录中"},
		{"class serial", "function_classes.tsv", "1\t201\ta\tb\nX\t208\tc\td\n", 2, "serial \"X\""},
		{"class serial twice", "function_classes.tsv", "1\t201\ta\tb\n1\t208\tc\td\n", 2, "serial 1 is already given"},
		{"class not a function", "function_classes.tsv", "1\t201\ta\tb\n8\t208\tc\td\n9\t209\te\tf\n", 3, "类 209 不在功能分类中"},
		{"class fields", "function_classes.tsv", "1\t201\ta\n", 1, "want 4 TAB-separated fields"},
		{"mapping unknown gov", "mapping.tsv", "30101\t50199\t50501\n", 1, "行政单位对应款 50199"},
		{"mapping unknown dept", "mapping.tsv", "30101\t50101\t50501\n30102\t50101\t50501\n", 2, "部门预算经济分类款 30102 不在"},
		{"mapping twice", "mapping.tsv", "30101\t50101\t50501\n30101\t50101\t50501\n", 2, "already mapped at line 1"},
		{"bad year", "mapping.tsv", "# year: twenty\n30101\t50101\t50501\n", 1, "not a four-digit year"},
		{"other year", "mapping.tsv", "# year: 2024\n30101\t50101\t50501\n", 1, "differs from year 2023 set at my/functions.tsv:2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := good()
			fsys["my/"+tc.file] = &fstest.MapFile{Data: []byte(tc.data)}
			_, err := Load(fsys, "my")
			if err == nil {
				t.Fatal("no error")
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *catalog.Error", err)
			}
			wantPos := Pos{File: "my/" + tc.file, Line: tc.line}
			if e.Pos != wantPos || !strings.Contains(e.Msg, tc.want) {
				t.Errorf("got %v; want %v: …%s…", err, wantPos, tc.want)
			}
			if !strings.HasPrefix(err.Error(), wantPos.String()+": ") {
				t.Errorf("message %q does not start with %s", err, wantPos)
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	fsys := good()
	fsys["my/economic_dept.tsv"] = &fstest.MapFile{Data: []byte("301\n30101\t\n3010\tx\n")}
	_, err := Load(fsys, "my")
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"economic_dept.tsv:1:", "economic_dept.tsv:2:", "economic_dept.tsv:3:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %s:\n%v", want, err)
		}
	}
}

func TestLoadCapsTheErrorCount(t *testing.T) {
	fsys := good()
	fsys["my/economic_dept.tsv"] = &fstest.MapFile{Data: []byte(strings.Repeat("bad line\n", 500))}
	_, err := Load(fsys, "my")
	if err == nil || !strings.Contains(err.Error(), "and 450 more") || strings.Count(err.Error(), "\n") != maxErrors {
		t.Errorf("want %d errors then a count of the rest; got %d lines", maxErrors, strings.Count(err.Error(), "\n")+1)
	}
}

func TestLoadPartialDirectory(t *testing.T) {
	fsys := fstest.MapFS{"extra/functions.tsv": {Data: []byte("2013899\tx\n")}}
	if _, err := Load(fsys, "extra"); err == nil || !strings.Contains(err.Error(), "extra/functions.tsv:1: 功能分类编码 2013899 的上级编码 20138 不在目录中") {
		t.Errorf("a 项 without its 款 loaded: %v", err)
	}
	fsys = fstest.MapFS{"extra/economic_dept.tsv": {Data: []byte("303\t对个人和家庭的补助\n30311\t代缴社会保险费\n")}}
	c, err := Load(fsys, "extra")
	if err != nil {
		t.Fatalf("a directory with one file should load: %v", err)
	}
	if err := c.Check(); err == nil || !strings.Contains(err.Error(), "30311 没有对应的政府预算经济分类款") {
		t.Errorf("Check of a partial catalogue: %v", err)
	}
	if _, err := Load(fstest.MapFS{"x/readme": {}}, "x"); err == nil || !strings.Contains(err.Error(), "none of functions.tsv") {
		t.Errorf("empty directory: %v", err)
	}
}

func TestMerge(t *testing.T) {
	base := builtin2023(t)
	extra, err := Load(fstest.MapFS{
		"x/economic_dept.tsv": {Data: []byte("# source: 本省补充科目\n303\t对个人和家庭的补助\n30311\t代缴社会保险费\n")},
		"x/mapping.tsv":       {Data: []byte("30311\t50901\t50901\n")},
		"x/functions.tsv":     {Data: []byte("201\t一般公共服务\n")},
	}, "x")
	if err != nil {
		t.Fatal(err)
	}
	before := base.Counts()
	m := base.Merge(extra)
	if err := m.Check(); err != nil {
		t.Fatal(err)
	}
	if n, _ := m.DeptEconomic("30311"); n != "代缴社会保险费" {
		t.Errorf("added code: %q", n)
	}
	if g, _ := m.GovFor("30311", false); g != "50901" {
		t.Errorf("added mapping: %q", g)
	}
	if n, _ := m.Function("201"); n != "一般公共服务" {
		t.Errorf("overridden name: %q", n)
	}
	if cl, _ := m.FunctionClass("201"); cl.Name != "一般公共服务" {
		t.Errorf("class name follows the override: %q", cl.Name)
	}
	if n, _ := m.Function("2010301"); n != "行政运行" {
		t.Errorf("kept code: %q", n)
	}
	if m.Year() != 2023 || !strings.HasSuffix(m.Source(), "; 本省补充科目") {
		t.Errorf("year %d source %q", m.Year(), m.Source())
	}
	if base.Counts() != before {
		t.Error("Merge changed its receiver")
	}
	if c := base.Merge(nil); c.Counts() != before || c == base {
		t.Error("Merge(nil) is not a copy")
	}
	if n, _ := base.Function("201"); n != "一般公共服务支出" {
		t.Errorf("Merge changed the built-in: %q", n)
	}
}

func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
