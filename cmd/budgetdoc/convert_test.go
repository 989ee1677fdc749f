package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

// init --xlsx writes the template; it loads, and validate names the blank
// cells by sheet and cell.
func TestInitXLSX(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "预算.xlsx")
	r := runCmd(t, "init", "--xlsx", "-o", path)
	if r.code != exitOK {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := workbook.Template(&want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want.Bytes()) {
		t.Error("init --xlsx did not write the template")
	}
	r = runCmd(t, "validate", path)
	if r.code != exitFailed || !strings.Contains(r.stdout, path+":部门信息!B2: department.name: 未填写：请填写部门名称") ||
		!strings.Contains(r.stdout, path+":支出明细!A2: lines: 未填写：预算至少要有一条支出明细") {
		t.Errorf("validate the template: exit %d, stdout:\n%s", r.code, r.stdout)
	}
	if r := runCmd(t, "init", "--xlsx", "-o", filepath.Join(dir, "x.yaml")); r.code != exitUsage || !strings.Contains(r.stderr, "文件名请以 .xlsx 结尾") {
		t.Errorf("--xlsx with a .yaml name: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runCmd(t, "init", "--xlsx", "-o", path); r.code != exitFailed {
		t.Errorf("overwrite without --force: exit %d", r.code)
	}
	noTemporaryFiles(t, dir)
}

// convert goes YAML → workbook → YAML → JSON → workbook; the example's
// PDF is the same from each, and the two workbooks are the same bytes.
func TestConvert(t *testing.T) {
	dir := t.TempDir()
	in := "../../examples/shifan/shifan.yaml"
	x1, y, j, x2 := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.yaml"), filepath.Join(dir, "c.json"), filepath.Join(dir, "d.xlsx")
	for _, step := range [][2]string{{in, x1}, {x1, y}, {y, j}, {j, x2}} {
		if r := runCmd(t, "convert", step[0], "-o", step[1]); r.code != exitOK || r.stdout != "已写出 "+step[1]+"\n" {
			t.Fatalf("convert %s -o %s: exit %d, stdout %q, stderr %q", step[0], step[1], r.code, r.stdout, r.stderr)
		}
	}
	a, _ := os.ReadFile(x1)
	b, _ := os.ReadFile(x2)
	if !bytes.Equal(a, b) {
		t.Error("the workbook converted back from JSON differs from the first one")
	}
	var pdfs [][]byte
	for _, f := range []string{in, x1, y, j} {
		out := filepath.Join(dir, filepath.Base(f)+".pdf")
		if r := runCmd(t, "render", f, "-o", out); r.code != exitOK {
			t.Fatalf("render %s: exit %d, stderr %q", f, r.code, r.stderr)
		}
		data, _ := os.ReadFile(out)
		pdfs = append(pdfs, data)
	}
	for i, p := range pdfs[1:] {
		if !bytes.Equal(p, pdfs[0]) {
			t.Errorf("the PDF from step %d differs from the PDF from the YAML", i+1)
		}
	}
	noTemporaryFiles(t, dir)
}

func TestConvertRefuses(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("department:\n  name: 某局\n  nmae: x\n"), 0o644)
	out := filepath.Join(dir, "bad.xlsx")
	r := runCmd(t, "convert", bad, "-o", out)
	if r.code != exitFailed || !strings.Contains(r.stderr, bad+":3:3: department.nmae: 工作簿中没有放“nmae”的地方") {
		t.Errorf("unknown key: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written for input that does not convert")
	}
	for _, args := range [][]string{
		{"convert", bad}, {"convert", "-o", out},
		{"convert", bad, "-o", filepath.Join(dir, "x.pdf")}, {"convert", bad, bad, "-o", out},
	} {
		if r := runCmd(t, args...); r.code != exitUsage {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, r.code, r.stderr)
		}
	}
	if r := runCmd(t, "convert", bad, "-o", bad); r.code != exitFailed || !strings.Contains(r.stderr, "不能用输出替换它") {
		t.Errorf("convert over its input: exit %d (stderr %q)", r.code, r.stderr)
	}
}

// A workbook's tables never replace the workbook: render and batch refuse
// to write over their input.
func TestNoOutputOverInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.xlsx")
	if r := runCmd(t, "convert", "../../examples/shifan/shifan.yaml", "-o", in); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	before, _ := os.ReadFile(in)
	if r := runCmd(t, "render", in, "-o", in); r.code != exitFailed || !strings.Contains(r.stderr, "不能用输出替换它") {
		t.Errorf("render over its input: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runCmd(t, "batch", dir, "-o", dir, "--format", "xlsx"); r.code != exitFailed || !strings.Contains(r.stdout+r.stderr, "不能用输出替换它") {
		t.Errorf("batch over its input: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
		t.Error("the workbook was overwritten")
	}
}

// A workbook with a missing sheet does not convert: what was read would
// lose the sheet's part. The problem names the file and what is missing.
func TestConvertBrokenWorkbook(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.xlsx")
	if r := runCmd(t, "convert", "../../examples/shifan/shifan.yaml", "-o", in); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	x, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.DeleteSheet("国有资产"); err != nil {
		t.Fatal(err)
	}
	if err := x.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "a.yaml")
	r := runCmd(t, "convert", in, "-o", out)
	if r.code != exitFailed || !strings.HasPrefix(r.stderr, in+": 缺少工作表“国有资产”：") || !strings.Contains(r.stderr, "没有写出 "+out) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
}

// batch takes workbooks among the budgets of a folder.
func TestBatchReadsWorkbooks(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	if r := runCmd(t, "convert", "../../examples/shifan/shifan.yaml", "-o", filepath.Join(dir, "示范.xlsx")); r.code != exitOK {
		t.Fatal(r.stderr)
	}
	if r := runCmd(t, "batch", dir, "-o", out); r.code != exitOK {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "示范.pdf")); err != nil {
		t.Error(err)
	}
}
