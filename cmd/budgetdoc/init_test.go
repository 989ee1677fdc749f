package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
)

func TestInitWritesAndRefusesOverwrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.yaml")
	r := runCmd(t, "init", "-o", path)
	if r.code != exitOK || !strings.Contains(r.stdout, "已写出 "+path+"：请填写其中的空白项，然后运行 budgetdoc validate "+path) {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != string(skeleton) {
		t.Fatalf("the file is not the skeleton (%v)", err)
	}

	os.WriteFile(path, []byte("mine"), 0o644)
	r = runCmd(t, "init", "-o", path)
	if r.code != exitFailed || !strings.Contains(r.stderr, path+" 已存在，未作改动（如要替换，请加 --force）") {
		t.Errorf("overwrite: exit %d, stderr %q", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != "mine" {
		t.Errorf("the existing file was changed")
	}
	r = runCmd(t, "init", path, "--force", "-o", path)
	if r.code != exitUsage {
		t.Errorf("positional argument: exit %d, want 2", r.code)
	}
	r = runCmd(t, "init", "--force", "-o", path)
	if data, _ := os.ReadFile(path); r.code != exitOK || string(data) != string(skeleton) {
		t.Errorf("--force: exit %d, file replaced: %v", r.code, string(data) == string(skeleton))
	}
	for _, args := range [][]string{{"init"}, {"init", "-o", filepath.Join(dir, "new.json")}} {
		if r := runCmd(t, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want 2", args, r.code)
		}
	}
	noTemporaryFiles(t, dir)
}

// The skeleton loads as it is; it fails validation only for the blanks.
func TestSkeletonLoads(t *testing.T) {
	b, err := budgetdoc.Parse("new.yaml", skeleton)
	if err != nil {
		t.Fatalf("the skeleton does not load:\n%v", err)
	}
	var ps budget.Problems
	if err := b.Validate(nil); !errors.As(err, &ps) {
		t.Fatalf("the blank skeleton validates (%v); its blanks should be reported", err)
	}
	for _, p := range ps.Errors() {
		if !strings.Contains(p.Message, "未填写") && !strings.Contains(p.Message, "金额为零") &&
			!strings.Contains(p.Message, "既不是基本支出，也不属于项目") {
			t.Errorf("not a blank: %v", p)
		}
	}
}

// skeletonFill fills the skeleton's blanks, in the order they appear; each
// old string must be there.
var skeletonFill = []struct{ old, new string }{
	{`name: ""`, `name: 示范县政务服务中心`},
	{`code: ""`, `code: "901"`},
	{`year: 0`, `year: 2023`},
	{`published: ""`, `published: "2023-04"`},
	{`- ""`, `- 负责全县政务服务工作。`},
	{`code: ""`, `code: "901001"`},
	{`name: ""`, `name: 示范县政务服务中心`},
	{`一般公共预算财政拨款: 0`, `一般公共预算财政拨款: 115.50`},
	{`unit: "", function: "2010301", economic: "30101", basic: 人员经费, source: 一般公共预算财政拨款, amount: 0`, `unit: "901001", function: "2010301", economic: "30101", basic: 人员经费, source: 一般公共预算财政拨款, amount: 80.00`},
	{`unit: "", function: "2010301", economic: "30201", basic: 公用经费, source: 一般公共预算财政拨款, amount: 0`, `unit: "901001", function: "2010301", economic: "30201", basic: 公用经费, source: 一般公共预算财政拨款, amount: 5.50`},
	{`unit: "", function: "2010399", economic: "30227", project: "", source: 一般公共预算财政拨款, amount: 0`, `unit: "901001", function: "2010399", economic: "30227", project: "P1", source: 一般公共预算财政拨款, amount: 30.00`},
	{`code: ""`, `code: "P1"`},
	{`name: ""`, `name: 政务服务大厅运行经费（2023年）`},
	{`short_name: ""`, `short_name: 政务服务大厅运行经费`},
	{`unit: ""`, `unit: "901001"`},
	{`indicator: 项目总成本, value: ""`, `indicator: 项目总成本, value: ≤30万元`},
	{`indicator: "", value: ""`, `indicator: 窗口数量, value: ≥20个`},
	{`indicator: "", value: ""`, `indicator: 办事效率, value: 有效提高`},
	{`- ""`, `- 提升政务服务水平。`},
	{`name: ""`, `name: 政务服务`},
	{`content: ""`, `content: 保障政务服务大厅正常运行。`},
	{`level3: "", value: ""`, `level3: 重点工作完成率, value: 100%`},
	{`basic: 0 `, `basic: 80.00 `},
	{`{code: "", name: "", amount: 0}`, `{code: "P1", name: 政务服务大厅运行经费, amount: 25.00}`},
	{`basic: ""`, `basic: 正常增资`},
	{`projects: ""`, `projects: 大厅窗口增加`},
	{`three_public: ""`, `three_public: 无变化`},
}

func TestSkeletonValidatesWhenFilled(t *testing.T) {
	text := string(skeleton)
	for i, f := range skeletonFill {
		if !strings.Contains(text, f.old) {
			t.Fatalf("fill %d: %q is not in the skeleton (any more)", i, f.old)
		}
		text = strings.Replace(text, f.old, f.new, 1)
	}
	for _, blank := range []string{`: ""`, `- ""`} {
		if i := strings.Index(text, blank); i >= 0 {
			t.Errorf("a blank is left after filling: %q", text[max(0, i-40):i+len(blank)])
		}
	}
	path := filepath.Join(t.TempDir(), "filled.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "validate", path)
	want := path + "：通过 — 收入 115.50 万元，支出 115.50 万元（基本 85.50，项目 30.00），1 个项目\n"
	if r.code != exitOK || r.stdout != want {
		t.Errorf("filled skeleton: exit %d\n%s\nwant %s", r.code, r.stdout, want)
	}
}
