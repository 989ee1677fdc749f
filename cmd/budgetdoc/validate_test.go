package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestValidateGood(t *testing.T) {
	r := runCmd(t, "validate", fengqiu)
	want := fengqiu + "：通过 — 收入 540.82 万元，支出 540.82 万元（基本 165.12，项目 375.70），6 个项目\n"
	if r.code != exitOK || r.stdout != want {
		t.Errorf("validate fengqiu: exit %d\nstdout %q\nwant   %q\nstderr %q", r.code, r.stdout, want, r.stderr)
	}
	r = runCmd(t, "validate", fengqiu, shifan)
	if r.code != exitOK || len(lines(r.stdout)) != 2 || !strings.Contains(r.stdout, shifan+"：通过 — 收入 697.10 万元") {
		t.Errorf("validate both: exit %d, stdout %q", r.code, r.stdout)
	}
}

// brokenVariants are the shifan example with one mistake each: the change
// to make, and what the report must say on which line.
var brokenVariants = []struct {
	name     string
	old, new string
	line     string // the line the problem is on, as it reads after the change
	message  string // part of the message
}{
	{"unknown-key", "  code: \"501\"\n", "  code: \"501\"\n  cod: \"502\"\n", "  cod: \"502\"", "无法识别的键“cod”，是不是“code”？"},
	{"wrong-amount", "amount: 85.20}", "amount: 85.2O}", "economic: \"30101\", basic: 人员经费, source: 一般公共预算财政拨款, amount: 85.2O}", "应为数字（以万元为单位的金额），实际是文字“85.2O”"},
	{"unbalanced-income", "一般公共预算财政拨款: 627.10", "一般公共预算财政拨款: 672.10", "一般公共预算财政拨款: 672.10", "收入应与支出相等"},
}

// writeBroken writes each broken variant into dir and returns their paths.
func writeBroken(t *testing.T, dir string) map[string]string {
	t.Helper()
	good, err := os.ReadFile(shifan)
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	for _, v := range brokenVariants {
		if strings.Count(string(good), v.old) != 1 {
			t.Fatalf("%s: %q is not in the example exactly once", v.name, v.old)
		}
		path := filepath.Join(dir, v.name+".yaml")
		if err := os.WriteFile(path, []byte(strings.Replace(string(good), v.old, v.new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths[v.name] = path
	}
	return paths
}

// lineOf returns the 1-based number of the line of file that contains s.
func lineOf(t *testing.T, file, s string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%s: no line contains %q", file, s)
	return 0
}

func TestValidateBroken(t *testing.T) {
	paths := writeBroken(t, t.TempDir())
	for _, v := range brokenVariants {
		t.Run(v.name, func(t *testing.T) {
			path := paths[v.name]
			r := runCmd(t, "validate", path)
			if r.code != exitFailed {
				t.Fatalf("exit %d, want 1; stdout:\n%s", r.code, r.stdout)
			}
			out := lines(r.stdout)
			if len(out) < 2 {
				t.Fatalf("want problems and a count, got:\n%s", r.stdout)
			}
			problem := regexp.MustCompile(`^` + regexp.QuoteMeta(path) + `:(\d+):(\d+): `)
			found := false
			for _, l := range out[:len(out)-1] {
				m := problem.FindStringSubmatch(l)
				if m == nil {
					t.Errorf("not FILE:LINE:COLUMN: message: %q", l)
					continue
				}
				if strings.Contains(l, v.message) && m[1] == strconv.Itoa(lineOf(t, path, v.line)) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem on line %d mentions %q:\n%s", lineOf(t, path, v.line), v.message, r.stdout)
			}
			if last := out[len(out)-1]; !regexp.MustCompile(`^` + regexp.QuoteMeta(path) + `：\d+ 个错误`).MatchString(last) {
				t.Errorf("last line %q does not count the errors", last)
			}
		})
	}
}

func TestValidateWarningsStillOK(t *testing.T) {
	data, err := os.ReadFile(shifan)
	if err != nil {
		t.Fatal(err)
	}
	// A project that no line uses is a warning, not an error.
	// The top-level projects: the units' prior years have projects too.
	extra := strings.Replace(string(data), "\nprojects:\n", "\nprojects:\n  - {code: \"X1\", name: 未用项目, type: 其他运转类, unit: \"501001\"}\n", 1)
	path := filepath.Join(t.TempDir(), "warn.yaml")
	if err := os.WriteFile(path, []byte(extra), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "validate", path)
	out := lines(r.stdout)
	if r.code != exitOK || len(out) != 2 {
		t.Fatalf("exit %d, want 0 with a warning and the summary:\n%s", r.code, r.stdout)
	}
	if !regexp.MustCompile(`^` + regexp.QuoteMeta(path) + `:\d+:\d+: 警告：projects\[\d+\]: 项目 X1“未用项目”已列出，但没有支出明细使用它$`).MatchString(out[0]) {
		t.Errorf("warning line %q", out[0])
	}
	if !strings.HasPrefix(out[1], path+"：通过（1 个警告） — 收入 697.10 万元") {
		t.Errorf("summary %q", out[1])
	}
}

func TestValidateMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.yaml")
	r := runCmd(t, "validate", path)
	if r.code != exitFailed || r.stdout != path+"：文件不存在\n" {
		t.Errorf("exit %d, stdout %q", r.code, r.stdout)
	}
	r = runCmd(t, "validate", "budget.txt")
	if r.code != exitFailed || !strings.Contains(r.stdout, "budget.txt: 无法识别的文件类型“.txt”") {
		t.Errorf("wrong extension: exit %d, stdout %q", r.code, r.stdout)
	}
	r = runCmd(t, "validate")
	if r.code != exitUsage {
		t.Errorf("no input: exit %d, want 2", r.code)
	}
}

// validate --json prints one object a line with the fields a program needs.
func TestValidateJSON(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(shifan)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	broken := strings.Replace(string(data), `economic: "30101"`, `economic: "39999"`, 1)
	if err := os.WriteFile(bad, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "validate", "--json", bad)
	if r.code != exitFailed {
		t.Fatalf("exit %d", r.code)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	var p struct {
		Code, Severity, File, Message string
		Line, Column                  int
		Path                          []any
	}
	if err := json.Unmarshal([]byte(lines[0]), &p); err != nil {
		t.Fatalf("%v: %s", err, lines[0])
	}
	if p.Severity != "error" || p.File != bad || p.Line == 0 || p.Column == 0 || p.Code == "" ||
		len(p.Path) != 3 || p.Path[0] != "lines" || p.Path[2] != "economic" || !strings.Contains(p.Message, "39999") {
		t.Errorf("problem %+v from %s", p, lines[0])
	}
	if r := runCmd(t, "validate", "--json", filepath.Join(dir, "none.yaml")); r.code != exitFailed || !strings.Contains(r.stdout, `"code":"file"`) {
		t.Errorf("missing file: %d %q", r.code, r.stdout)
	}
}

// --catalogue lays a region's 科目 list over the built-in one: a code the
// built-in list lacks is an error without it and valid with it.
func TestCatalogueFlag(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(shifan)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in.yaml")
	if err := os.WriteFile(in, []byte(strings.Replace(string(data), `function: "2120101", economic: "30101"`, `function: "2120188", economic: "30101"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCmd(t, "validate", in); r.code != exitFailed || !strings.Contains(r.stdout, "2120188") {
		t.Fatalf("without the list: exit %d, %s", r.code, r.stdout)
	}
	list := filepath.Join(dir, "科目.csv")
	if err := os.WriteFile(list, []byte("功能分类科目编码,科目名称\n2120188,城管数字化支出\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCmd(t, "validate", in, "--catalogue", list); r.code != exitOK {
		t.Errorf("with the list: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCmd(t, "render", in, "--catalogue", list, "-o", filepath.Join(dir, "out.xlsx")); r.code != exitOK {
		t.Errorf("render with the list: exit %d, %s", r.code, r.stderr)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("科目编码,科目名称\n21x,坏\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCmd(t, "validate", in, "--catalogue", bad); r.code != exitFailed || !strings.Contains(r.stderr, "bad.csv") {
		t.Errorf("a broken list: exit %d, %q", r.code, r.stderr)
	}
}
