package budget

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// A problem reads FILE:LINE:COLUMN: path: message, a warning marked 警告：
// before its path; the parts that are unknown are left out.
func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Pos: Position{File: "a.yaml", Line: 3, Column: 5}, Path: ParsePath("lines[0].amount"), Message: "金额为零：没有金额的支出明细请删去"},
			"a.yaml:3:5: lines[0].amount: 金额为零：没有金额的支出明细请删去"},
		{Problem{Pos: Position{File: "a.yaml", Line: 9, Column: 5}, Path: ParsePath("projects[1]"), Severity: SeverityWarning, Message: "项目 P1“工作经费”已列出，但没有支出明细使用它"},
			"a.yaml:9:5: 警告：projects[1]: 项目 P1“工作经费”已列出，但没有支出明细使用它"},
		{Problem{Pos: Position{File: "a.yaml", Line: 2}, Message: "YAML 语法错误：这里缺少值"},
			"a.yaml:2: YAML 语法错误：这里缺少值"},
		{Problem{Pos: Position{File: "a.yaml"}, Message: "文件是空的"}, "a.yaml: 文件是空的"},
		{Problem{Path: ParsePath("units"), Severity: SeverityWarning, Message: "未填写"}, "警告：units: 未填写"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"千元":     "“千元”",
		"":       "“”",
		"a\x01b": `“a\x01b”`,
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
	if got := eitherOf("货物", "工程", "服务"); got != "货物、工程 或 服务" {
		t.Errorf("eitherOf = %s", got)
	}
}

// A path is elements a program can read, and prints as the messages write it.
func TestPath(t *testing.T) {
	p := ParsePath("projects[2].targets[10].value")
	want := Path{{Key: "projects"}, {Index: 2}, {Key: "targets"}, {Index: 10}, {Key: "value"}}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("ParsePath = %#v", p)
	}
	if p.String() != "projects[2].targets[10].value" || p[1].Index != 2 {
		t.Errorf("String = %s", p)
	}
	m := ParsePath("income.this_year.一般公共预算财政拨款")
	if len(m) != 3 || m[2].Key != "一般公共预算财政拨款" {
		t.Errorf("map key path = %#v", m)
	}
}

// Problems is an error whose problems errors.As reaches one by one; Err is
// nil for warnings alone.
func TestProblemsAsErrors(t *testing.T) {
	w := Problem{Code: CodeAmount, Severity: SeverityWarning, Message: "警告"}
	e := Problem{Code: CodeField, Path: ParsePath("lines[0].amount"), Message: "错误"}
	if (Problems{w}).Err() != nil {
		t.Error("warnings alone are an error")
	}
	err := fmt.Errorf("wrapped: %w", Problems{w, e}.Err())
	var p Problem
	if !errors.As(err, &p) || p.Code != CodeAmount {
		t.Errorf("errors.As found %v", p)
	}
	ps, ok := AsProblems(err)
	if !ok || len(ps) != 2 || ps[1].Path[1].Index != 0 {
		t.Errorf("AsProblems = %v, %v", ps, ok)
	}
}
