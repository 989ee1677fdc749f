package budget

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// validYAML is a small budget that loads without problems.
const validYAML = `department:
  name: 封丘县政务服务和大数据管理局
  code: 019
  year: 2023
  published: 2023-04
units:
  - code: 019001
    name: 本级
    kind: 行政
income:
  this_year:
    一般公共预算财政拨款: 100.50
lines:
  - unit: 019001
    function: 2013101
    economic: 30101
    basic: 人员经费
    source: 一般公共预算财政拨款
    amount: 100.50
projects:
  - code: P1
    name: 工作经费
    type: 其他运转类
    unit: 019001
    targets:
      - kind: 产出指标
        indicator: 数量
        value: 219套
three_public:
  abroad: 0
`

const validJSON = `{
  "department": {"name": "封丘\/局\u00e9", "code": "019", "year": 2023},
  "income": {"this_year": {"一般公共预算财政拨款": "100.50"}},
  "lines": [
    {"unit": "019001", "economic": "30101", "source": "一般公共预算财政拨款", "amount": 100.50}
  ]
}`

func problemStrings(t *testing.T, err error) []string {
	t.Helper()
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v (%T) is not Problems", err, err)
	}
	var out []string
	for _, p := range ps {
		if p.Severity != SeverityError {
			t.Errorf("problem %q is not an error", p)
		}
		out = append(out, p.String())
	}
	return out
}

func TestParseValid(t *testing.T) {
	b, err := Parse("b.yaml", []byte(validYAML))
	if err != nil {
		t.Fatal(err)
	}
	if b.Department.Code != "019" || b.Units[0].Code != "019001" || b.Lines[0].Economic != "30101" {
		t.Errorf("codes not kept as written: %q %q %q", b.Department.Code, b.Units[0].Code, b.Lines[0].Economic)
	}
	if b.Department.Published != "2023-04" || b.Department.Year != 2023 {
		t.Errorf("department = %+v", b.Department)
	}
	if got := b.Income.ThisYear[SourceGeneralAppropriation].String(); got != "100.5" {
		t.Errorf("income = %s", got)
	}
	if b.MoneyUnit != "万元" {
		t.Errorf("MoneyUnit = %q, want the default 万元", b.MoneyUnit)
	}
	if b.Projects[0].Targets[0].Value != "219套" {
		t.Errorf("targets = %+v", b.Projects[0].Targets)
	}
	positions := map[string]string{
		"lines[0].economic": "b.yaml:16:15",
		"lines[0]":          "b.yaml:14:5",
		"income.this_year.一般公共预算财政拨款":  "b.yaml:12:17",
		"projects[0].targets[0].value": "b.yaml:28:16",
		"lines[0].project":             "b.yaml:14:5", // absent: the enclosing line
		"lines[7].amount":              "b.yaml:14:3", // no such line: the list
		"procurement.total":            "b.yaml",      // absent altogether: the file
		"department.code":              "b.yaml:3:9",
	}
	for path, want := range positions {
		if got := b.position(path).String(); got != want {
			t.Errorf("position(%q) = %s, want %s", path, got, want)
		}
	}

	j, err := Parse("b.json", []byte(validJSON))
	if err != nil {
		t.Fatal(err)
	}
	if j.Department.Name != "封丘/局é" || j.Department.Code != "019" || j.Lines[0].Amount.String() != "100.5" {
		t.Errorf("JSON budget = %+v", j)
	}
	if got := j.position("lines[0].amount").String(); got != "b.json:5:79" {
		t.Errorf("JSON position of lines[0].amount = %s, want b.json:5:79", got)
	}
	if got := j.position("department.code").String(); got != "b.json:2:49" {
		t.Errorf("JSON position of department.code = %s, want b.json:2:49", got)
	}
}

func TestParseAcceptsBOM(t *testing.T) {
	for _, name := range []string{"b.yaml", "b.json"} {
		src := validYAML
		if name == "b.json" {
			src = validJSON
		}
		b, err := Parse(name, append([]byte("\uFEFF"), src...))
		if err != nil {
			t.Fatalf("%s with BOM: %v", name, err)
		}
		if got := b.position("department.code").String(); !strings.HasSuffix(got, ":3:9") && !strings.HasSuffix(got, ":2:49") {
			t.Errorf("%s with BOM: department.code at %s; the BOM must not shift columns", name, got)
		}
	}
}

func TestParseMoneyUnit(t *testing.T) {
	b, err := Parse("b.yaml", []byte("money_unit: 元\n"))
	if err != nil || b.MoneyUnit != "元" {
		t.Errorf("money_unit 元: %v %v", b, err)
	}
	_, err = parse("b.yaml", []byte("money_unit: 元\nthree_public:\n  abroad: 十\n"), false)
	want := `b.yaml:3:11: three_public.abroad: 应为数字（以元为单位的金额），实际是文字“十”（请用阿拉伯数字书写，如 9.53）`
	if got := strings.Join(problemStrings(t, err), "\n"); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestParseProblems(t *testing.T) {
	lineKeys := "（这里可用的键：unit、function、economic、basic、project、project_name、source、carry_over、amount）"
	tests := []struct {
		name string // test name
		file string
		src  string
		want []string // every problem, exactly
	}{
		{"unknown key with typo suggestion", "b.yaml", "lines:\n  - unit: 019001\n    amout: 1\n",
			[]string{`b.yaml:3:5: lines[0]: 无法识别的键“amout”，是不是“amount”？` + lineKeys}},
		{"unknown top-level key", "b.yaml", "department: {}\nprojcts: []\n",
			[]string{`b.yaml:2:1: 无法识别的键“projcts”，是不是“projects”？（这里可用的键：money_unit、department、units、income、lines、projects、function_names、three_public、procurement、assets、special_transfers、performance、prior）`}},
		{"wrong type: text for a list", "b.yaml", "department:\n  offices: 办公室\n",
			[]string{`b.yaml:2:12: department.offices: 应为列表，实际是文字“办公室”：列表请每行写一项，以“- ”开头，或写成 [甲, 乙]`}},
		{"wrong type: list for a mapping", "b.yaml", "income:\n  - 1\n",
			[]string{`b.yaml:2:3: income: 应为一组“键: 值”（每行一个），实际是列表`}},
		{"bad amount text", "b.yaml", "lines:\n  - amount: 一百\n",
			[]string{`b.yaml:2:13: lines[0].amount: 应为数字（以万元为单位的金额），实际是文字“一百”（请用阿拉伯数字书写，如 9.53）`}},
		{"exponent amount", "b.yaml", "lines:\n  - amount: 1e3\n",
			[]string{`b.yaml:2:13: lines[0].amount: 应为数字（以万元为单位的金额），实际是数字 1e3（不能用科学记数法，请写成 1000）`}},
		{"amount with thousands separator", "b.yaml", "three_public:\n  reception: 1,234.50\n",
			[]string{`b.yaml:2:14: three_public.reception: 应为数字（以万元为单位的金额），实际是文字“1,234.50”（请写成 1234.50，去掉千位分隔符）`}},
		{"duplicate key", "b.yaml", "department:\n  name: a\n  code: 019\n  name: b\n",
			[]string{`b.yaml:4:3: department.name: 键“name”重复（第 2 行已经写过）：请删去其中一个`}},
		{"nested path: target value", "b.yaml", "projects:\n  - code: P1\n    targets:\n      - value: 1\n      - value: 2\n      - value: {a: 1}\n",
			[]string{`b.yaml:6:16: projects[0].targets[2].value: 应为文字，实际是一组“键: 值”`}},
		{"nested path: income by source", "b.yaml", "income:\n  this_year:\n    一般公共预算财政拨款: abc\n",
			[]string{`b.yaml:3:17: income.this_year.一般公共预算财政拨款: 应为数字（以万元为单位的金额），实际是文字“abc”`}},
		{"every problem at once", "b.yaml", "department:\n  year: 二〇二三\nlines:\n  - amount: x\n  - carry_over: 是\nassets:\n  vehicles:\n    official: 1.5\n",
			[]string{
				`b.yaml:2:9: department.year: 应为整数，实际是文字“二〇二三”`,
				`b.yaml:4:13: lines[0].amount: 应为数字（以万元为单位的金额），实际是文字“x”`,
				`b.yaml:5:17: lines[1].carry_over: 应为 true 或 false，实际是文字“是”`,
				`b.yaml:8:15: assets.vehicles.official: 应为整数，实际是数字 1.5`,
			}},
		{"YAML syntax error", "b.yaml", "department:\n  name: a\n code: 019\n",
			[]string{`b.yaml:3:2: YAML 语法错误：缩进没有对齐：这一行缩进 1 格，与上面任何一层都对不齐（上面各层缩进 0 或 2 格）（原文：did not find expected key）`}},
		{"YAML syntax error on line 1", "b.yaml", "department: name: x\n",
			[]string{`b.yaml:1: YAML 语法错误：这里不能再写“键: 值”：一行只能有一个“键: ”，值里含有“: ”时请给整个值加上引号（原文：mapping values are not allowed in this context）`}},
		{"tab indentation", "b.yaml", "department:\n\tname: a\n",
			[]string{`b.yaml:2:1: YAML 语法错误：这一行用制表符（Tab）缩进：YAML 只能用空格缩进，请把 Tab 换成空格（原文：found character that cannot start any token）`}},
		{"JSON syntax error", "b.json", "{\n  \"department\": {\"name\": \"a\",},\n  \"lines\": []\n}",
			[]string{`b.json:2:30: JSON 语法错误：最后一项后面多了逗号：JSON 中“}”前不能有逗号（原文：invalid character '}' looking for beginning of object key string）`}},
		{"JSON missing comma", "b.json", "{\n  \"department\": {}\n  \"lines\": []\n}",
			[]string{`b.json:3:3: JSON 语法错误：上一项后面缺少逗号“,”，或缺少“}”（原文：invalid character '"' after object key:value pair）`}},
		{"JSON truncated", "b.json", "{\n  \"lines\": [\n",
			[]string{`b.json:2:13: JSON 语法错误：文件意外结束：缺少右括号“}”或“]”，或有引号没有闭合（原文：unexpected end of JSON input）`}},
		{"JSON wrong type", "b.json", "{\n  \"lines\": [{\"amount\": true}]\n}",
			[]string{`b.json:2:24: lines[0].amount: 应为数字（以万元为单位的金额），实际是 true`}},
		{"JSON duplicate key", "b.json", `{"money_unit": "元", "money_unit": "万元"}`,
			[]string{`b.json:1:21: money_unit: 键“money_unit”重复（第 1 行已经写过）：请删去其中一个`}},
		{"empty file", "b.yaml", "", []string{`b.yaml: 文件是空的`}},
		{"blank file", "b.json", " \n\t\n", []string{`b.json: 文件是空的`}},
		{"only comments", "b.yaml", "# 待填写\n", []string{`b.yaml: 文件中没有数据（是空的，或只有注释）`}},
		{"top-level list", "b.yaml", "- department: {}\n",
			[]string{`b.yaml:1:1: 文件应由预算的各项组成（department:、units:、income:、lines: …），现在却是一个列表`}},
		{"top-level scalar", "b.json", `"budget"`,
			[]string{`b.json:1:1: 文件应由预算的各项组成（department:、units:、income:、lines: …），现在却是单个值“budget”`}},
		{"multiple documents", "b.yaml", "department: {}\n---\nlines: []\n",
			[]string{`b.yaml:3:1: YAML 语法错误：这里（--- 之后）开始了第二个 YAML 文档：一个文件只能有一个文档`}},
		{"unknown anchor", "b.yaml", "units: *u\n",
			[]string{`b.yaml:1:8: YAML 语法错误：别名 *u 没有对应的锚点 &u`}},
		{"invalid UTF-8 (GBK)", "b.yaml", "department:\n  name: \xb7\xe2\xc7\xf0\n",
			[]string{`b.yaml:2:9: 文件不是 UTF-8 编码（此处的字节是 0xB7，可能是 GBK 编码）：请另存为 UTF-8 编码`}},
		{"UTF-16", "b.json", "\xff\xfe{\x00}\x00", []string{`b.json: 文件是 UTF-16 编码：请另存为 UTF-8 编码`}},
		{"unknown extension", "budget.txt", "department: {}\n",
			[]string{`budget.txt: 无法识别的文件类型“.txt”：文件名应以 .yaml、.yml、.json 或 .xlsx 结尾`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The loader's own problems; TestParseValidatesTheRest has
			// validation's beside them.
			b, err := parse(tt.file, []byte(tt.src), false)
			if err == nil {
				t.Fatalf("no error; budget %+v", b)
			}
			if b != nil {
				t.Errorf("a budget came back with the error")
			}
			got := problemStrings(t, err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestParseProblemFields(t *testing.T) {
	_, err := parse("in/b.yaml", []byte("lines:\n  - economic: [1]\n"), false)
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("err = %v", err)
	}
	want := Problem{Pos: Position{File: "in/b.yaml", Line: 2, Column: 15}, Path: ParsePath("lines[0].economic"), Severity: SeverityError, Code: CodeField,
		Message: "应为文字，实际是列表"}
	if !reflect.DeepEqual(ps[0], want) {
		t.Errorf("problem = %#v, want %#v", ps[0], want)
	}
}

func TestParseTooLarge(t *testing.T) {
	data := make([]byte, MaxInputSize+1)
	_, err := Parse("big.yaml", data)
	if got := strings.Join(problemStrings(t, err), ""); got != "big.yaml: 文件超过 16 MiB，预算文件远没有这么大：请确认是不是选错了文件" {
		t.Errorf("got %s", got)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{"b.yaml": validYAML, "b.YML": validYAML, "b.json": validJSON} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		b, err := Load(path)
		if err != nil {
			t.Fatalf("Load(%s): %v", name, err)
		}
		if got := b.position("department.code").File; got != path {
			t.Errorf("Load(%s): positions name %q", name, got)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a missing file: %v, want fs.ErrNotExist", err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(strings.Replace(validYAML, "lines:\n", "lines: {}\nx:\n", 1)), 0o600)
	_, err := Load(bad)
	want := []string{
		bad + ":13:8: lines: 应为列表，实际是一组“键: 值”",
		bad + ":14:1: 无法识别的键“x”（这里可用的键：money_unit、department、units、income、lines、projects、function_names、three_public、procurement、assets、special_transfers、performance、prior）",
	}
	// Validation's problems come with the loader's, but none about the
	// lines, which could not be read.
	got := problemStrings(t, err)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %s", w)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "支出") && !slices.Contains(want, g) {
			t.Errorf("a problem from the unread lines: %s", g)
		}
	}
}

// FuzzParse feeds any bytes as YAML and as JSON: Parse must not panic, must
// explain a failure with Problems, and a budget it accepts must come back the
// same when written as JSON and parsed again.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validYAML))
	f.Add([]byte(validJSON))
	f.Add([]byte("a: &a [*a, *a]\nb: &b [*a, *a]\nlines: *b\n"))
	f.Add([]byte("lines:\n  - amount: 1e3\n    amout: x\n"))
	f.Add([]byte("\uFEFFmoney_unit: 元\nprior:\n  basic: -0.5\n"))
	f.Add([]byte(`{"function_names": {"2010101": "行政运行"}, "units": null}`))
	// Layout mistakes, which the loader places itself.
	f.Add([]byte("department:\n\tname: a\n  code: 019\n"))
	f.Add([]byte("department:\n  name: a\n   code: 019\n  - x\n"))
	f.Add([]byte("three_public:\n  reception：1.20\n\u3000\u3000abroad: 0\n"))
	f.Add([]byte("lines:\n  - {amount: 1,000,000.00, source: 事业收入}\n  - |\n    text\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"f.yaml", "f.json"} {
			b, err := Parse(name, data)
			if err != nil {
				var ps Problems
				if !errors.As(err, &ps) || len(ps) == 0 {
					t.Fatalf("%s: error %v is not Problems", name, err)
				}
				continue
			}
			once, err := json.Marshal(b)
			if err != nil {
				t.Fatalf("%s: marshal: %v", name, err)
			}
			again, err := Parse("again.json", once)
			if err != nil {
				t.Fatalf("%s: re-parse of %s: %v", name, once, err)
			}
			twice, err := json.Marshal(again)
			if err != nil {
				t.Fatal(err)
			}
			if string(once) != string(twice) {
				t.Fatalf("%s: re-parse not stable:\n%s\n%s", name, once, twice)
			}
		}
	})
}
