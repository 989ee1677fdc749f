package budgetdoc

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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
		if p.Severity != Error {
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
	if got := b.Income.ThisYear[GeneralAppropriation].String(); got != "100.5" {
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
	_, err = Parse("b.yaml", []byte("money_unit: 元\nthree_public:\n  abroad: 十\n"))
	want := `b.yaml:3:11: three_public.abroad: expected a number (amount in 元), got the string "十"`
	if got := strings.Join(problemStrings(t, err), "\n"); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestParseProblems(t *testing.T) {
	lineKeys := "(allowed: unit, function, economic, basic, project, project_name, source, carry_over, amount)"
	tests := []struct {
		name string // test name
		file string
		src  string
		want []string // every problem, exactly
	}{
		{"unknown key with typo suggestion", "b.yaml", "lines:\n  - unit: 019001\n    amout: 1\n",
			[]string{`b.yaml:3:5: lines[0]: unknown key "amout"; did you mean "amount"? ` + lineKeys}},
		{"unknown top-level key", "b.yaml", "department: {}\nprojcts: []\n",
			[]string{`b.yaml:2:1: unknown key "projcts"; did you mean "projects"? (allowed: money_unit, department, units, income, lines, projects, function_names, three_public, procurement, assets, special_transfers, performance, prior)`}},
		{"wrong type: text for a list", "b.yaml", "department:\n  offices: 办公室\n",
			[]string{`b.yaml:2:12: department.offices: expected a list, got the string "办公室"; write a list with one "- " item per line, or [a, b]`}},
		{"wrong type: list for a mapping", "b.yaml", "income:\n  - 1\n",
			[]string{`b.yaml:2:3: income: expected a mapping (key: value lines), got a list`}},
		{"bad amount text", "b.yaml", "lines:\n  - amount: 一百\n",
			[]string{`b.yaml:2:13: lines[0].amount: expected a number (amount in 万元), got the string "一百"`}},
		{"exponent amount", "b.yaml", "lines:\n  - amount: 1e3\n",
			[]string{`b.yaml:2:13: lines[0].amount: expected a number (amount in 万元), got the number 1e3 (exponent notation is not allowed; write 1000)`}},
		{"amount with thousands separator", "b.yaml", "three_public:\n  reception: 1,234.50\n",
			[]string{`b.yaml:2:14: three_public.reception: expected a number (amount in 万元), got the string "1,234.50" (write 1234.50 without digit separators)`}},
		{"duplicate key", "b.yaml", "department:\n  name: a\n  code: 019\n  name: b\n",
			[]string{`b.yaml:4:3: department.name: duplicate key "name" (first at line 2)`}},
		{"nested path: target value", "b.yaml", "projects:\n  - code: P1\n    targets:\n      - value: 1\n      - value: 2\n      - value: {a: 1}\n",
			[]string{`b.yaml:6:16: projects[0].targets[2].value: expected text, got a mapping`}},
		{"nested path: income by source", "b.yaml", "income:\n  this_year:\n    一般公共预算财政拨款: abc\n",
			[]string{`b.yaml:3:17: income.this_year.一般公共预算财政拨款: expected a number (amount in 万元), got the string "abc"`}},
		{"every problem at once", "b.yaml", "department:\n  year: 二〇二三\nlines:\n  - amount: x\n  - carry_over: 是\nassets:\n  vehicles:\n    official: 1.5\n",
			[]string{
				`b.yaml:2:9: department.year: expected a whole number, got the string "二〇二三"`,
				`b.yaml:4:13: lines[0].amount: expected a number (amount in 万元), got the string "x"`,
				`b.yaml:5:17: lines[1].carry_over: expected true or false, got the string "是"`,
				`b.yaml:8:15: assets.vehicles.official: expected a whole number, got the number 1.5`,
			}},
		{"YAML syntax error", "b.yaml", "department:\n  name: a\n code: 019\n",
			[]string{`b.yaml:3: YAML syntax error: did not find expected key`}},
		{"YAML syntax error on line 1", "b.yaml", "department: name: x\n",
			[]string{`b.yaml:1: YAML syntax error: mapping values are not allowed in this context`}},
		{"tab indentation", "b.yaml", "department:\n\tname: a\n",
			[]string{`b.yaml:2:1: YAML syntax error: found character that cannot start any token (a tab: indent YAML with spaces, not tabs)`}},
		{"JSON syntax error", "b.json", "{\n  \"department\": {\"name\": \"a\",},\n  \"lines\": []\n}",
			[]string{`b.json:2:30: JSON syntax error: invalid character '}' looking for beginning of object key string`}},
		{"JSON missing comma", "b.json", "{\n  \"department\": {}\n  \"lines\": []\n}",
			[]string{`b.json:3:3: JSON syntax error: invalid character '"' after object key:value pair`}},
		{"JSON truncated", "b.json", "{\n  \"lines\": [\n",
			[]string{`b.json:2:13: JSON syntax error: unexpected end of JSON input`}},
		{"JSON wrong type", "b.json", "{\n  \"lines\": [{\"amount\": true}]\n}",
			[]string{`b.json:2:24: lines[0].amount: expected a number (amount in 万元), got the value true`}},
		{"JSON duplicate key", "b.json", `{"money_unit": "元", "money_unit": "万元"}`,
			[]string{`b.json:1:21: money_unit: duplicate key "money_unit" (first at line 1)`}},
		{"empty file", "b.yaml", "", []string{`b.yaml: the file is empty`}},
		{"blank file", "b.json", " \n\t\n", []string{`b.json: the file is empty`}},
		{"only comments", "b.yaml", "# 待填写\n", []string{`b.yaml: the file holds no data (it is empty or only comments)`}},
		{"top-level list", "b.yaml", "- department: {}\n",
			[]string{`b.yaml:1:1: the file must be a mapping of budget fields (department:, units:, income:, lines: …), but it is a list`}},
		{"top-level scalar", "b.json", `"budget"`,
			[]string{`b.json:1:1: the file must be a mapping of budget fields (department:, units:, income:, lines: …), but it is the single value "budget"`}},
		{"multiple documents", "b.yaml", "department: {}\n---\nlines: []\n",
			[]string{`b.yaml:3:1: YAML syntax error: a second YAML document starts here (after ---); the file must hold one document`}},
		{"unknown anchor", "b.yaml", "units: *u\n",
			[]string{`b.yaml:1:8: YAML syntax error: alias *u refers to no anchor &u`}},
		{"invalid UTF-8 (GBK)", "b.yaml", "department:\n  name: \xb7\xe2\xc7\xf0\n",
			[]string{`b.yaml:2:9: the file is not UTF-8 (byte 0xB7 here; GBK perhaps?); save it as UTF-8`}},
		{"UTF-16", "b.json", "\xff\xfe{\x00}\x00", []string{`b.json: the file is UTF-16; save it as UTF-8`}},
		{"unknown extension", "budget.txt", "department: {}\n",
			[]string{`budget.txt: unknown file type ".txt": name the file .yaml, .yml or .json`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse(tt.file, []byte(tt.src))
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
	_, err := Parse("in/b.yaml", []byte("lines:\n  - economic: [1]\n"))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("err = %v", err)
	}
	want := Problem{Pos: Position{File: "in/b.yaml", Line: 2, Column: 15}, Path: "lines[0].economic", Severity: Error,
		Message: "expected text, got a list"}
	if ps[0] != want {
		t.Errorf("problem = %#v, want %#v", ps[0], want)
	}
}

func TestParseTooLarge(t *testing.T) {
	data := make([]byte, MaxInputSize+1)
	_, err := Parse("big.yaml", data)
	if got := strings.Join(problemStrings(t, err), ""); got != "big.yaml: the file is larger than 32 MiB; a budget is far smaller, is it the right file?" {
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
	os.WriteFile(bad, []byte("lines: {}\n"), 0o600)
	_, err := Load(bad)
	if got := strings.Join(problemStrings(t, err), ""); got != bad+":1:8: lines: expected a list, got a mapping" {
		t.Errorf("got %s", got)
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
