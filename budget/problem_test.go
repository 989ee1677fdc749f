package budget

import "testing"

// A problem reads FILE:LINE:COLUMN: path: message, a warning marked 警告：
// before its path; the parts that are unknown are left out.
func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Pos: Position{File: "a.yaml", Line: 3, Column: 5}, Path: "lines[0].amount", Message: "金额为零：没有金额的支出明细请删去"},
			"a.yaml:3:5: lines[0].amount: 金额为零：没有金额的支出明细请删去"},
		{Problem{Pos: Position{File: "a.yaml", Line: 9, Column: 5}, Path: "projects[1]", Severity: SeverityWarning, Message: "项目 P1“工作经费”已列出，但没有支出明细使用它"},
			"a.yaml:9:5: 警告：projects[1]: 项目 P1“工作经费”已列出，但没有支出明细使用它"},
		{Problem{Pos: Position{File: "a.yaml", Line: 2}, Message: "YAML 语法错误：这里缺少值"},
			"a.yaml:2: YAML 语法错误：这里缺少值"},
		{Problem{Pos: Position{File: "a.yaml"}, Message: "文件是空的"}, "a.yaml: 文件是空的"},
		{Problem{Path: "units", Severity: SeverityWarning, Message: "未填写"}, "警告：units: 未填写"},
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
