package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// render --unit makes a unit's 单位预算: the unit's name in the caption,
// 单位 in the table names.
func TestRenderUnit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "环卫所.xlsx")
	r := runCmd(t, "render", shifan, "--unit", "501002", "-o", out)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if sheets[0] != "一、单位收支总体情况表" {
		t.Errorf("sheets %v", sheets)
	}
	rows, err := x.GetRows(sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(rows[1], " "), "单位名称：示范县环境卫生管理所") {
		t.Errorf("caption row %q", rows[1])
	}

	r = runCmd(t, "render", shifan, "--unit", "501009", "-o", filepath.Join(t.TempDir(), "x.pdf"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "没有编码为“501009”的预算单位") || !strings.Contains(r.stderr, "501003 示范县市政设施维护中心") {
		t.Errorf("unknown unit: exit %d, %s", r.code, r.stderr)
	}
	r = runCmd(t, "render", shifan, "--profile", "河南单位预算", "-o", filepath.Join(t.TempDir(), "x.pdf"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "请指定单位（命令的 --unit") {
		t.Errorf("unit profile without --unit: exit %d, %s", r.code, r.stderr)
	}
}

// validate --unit checks the unit's document: a unit without its own facts
// is told which, at its place in the file.
func TestValidateUnit(t *testing.T) {
	data, err := os.ReadFile(shifan)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "    offices: [综合股, 养护股]")
	end := strings.Index(text, "        projects: 城区亮化改造工程完工\n") + len("        projects: 城区亮化改造工程完工\n")
	in := filepath.Join(t.TempDir(), "示范.yaml")
	if err := os.WriteFile(in, []byte(text[:start]+text[end:]), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCmd(t, "validate", in, "--unit", "501002"); r.code != exitOK || !strings.Contains(r.stdout, "通过 — 收入 257.00 万元") {
		t.Errorf("unit 501002: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	r := runCmd(t, "validate", in, "--unit", "501003")
	if r.code != exitFailed || strings.Count(r.stdout, in+":87:5: units[2]: ") != 6 || !strings.Contains(r.stdout, "下填写 prior") {
		t.Errorf("unit 501003: exit %d\n%s", r.code, r.stdout)
	}
	// --each-unit checks what batch --each-unit makes: the department
	// passes alone, not with its units.
	if r := runCmd(t, "validate", in); r.code != exitOK {
		t.Errorf("the department: exit %d\n%s", r.code, r.stdout)
	}
	if r := runCmd(t, "validate", in, "--each-unit"); r.code != exitFailed || strings.Count(r.stdout, in+":87:5: units[2]: ") != 6 {
		t.Errorf("--each-unit: exit %d\n%s", r.code, r.stdout)
	}
	if r := runCmd(t, "validate", shifan, "--each-unit"); r.code != exitOK || !strings.Contains(r.stdout, "；3 个单位的单位预算也都通过") {
		t.Errorf("--each-unit on the example: exit %d\n%s", r.code, r.stdout)
	}
}

// batch --each-unit writes the department's 部门预算 and every unit's 单位预算:
// a department of three units gives four documents of each format, one of
// one unit two.
func TestBatchEachUnit(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFile(t, shifan, in, "示范.yaml")
	copyFile(t, fengqiu, in, "封丘.yaml")
	r := runCmd(t, "batch", in, "-o", out, "--each-unit", "--format", "pdf,xlsx")
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	want := "封丘-019001.pdf 封丘-019001.xlsx 封丘.pdf 封丘.xlsx " +
		"示范-501001.pdf 示范-501001.xlsx 示范-501002.pdf 示范-501002.xlsx 示范-501003.pdf 示范-501003.xlsx 示范.pdf 示范.xlsx"
	if got := strings.Join(fileNames(t, out), " "); got != want {
		t.Errorf("OUTDIR holds\n%s\nwant\n%s", got, want)
	}
	for _, name := range fileNames(t, out) {
		checkDocument(t, filepath.Join(out, name))
	}
	// A unit without its facts fails its file, and none of its documents
	// is written.
	data, _ := os.ReadFile(shifan)
	broken := strings.Replace(string(data), "    offices: [综合股, 养护股]\n", "", 1)
	os.WriteFile(filepath.Join(in, "示范.yaml"), []byte(broken), 0o644)
	out = t.TempDir()
	r = runCmd(t, "batch", in, "-o", out, "--each-unit")
	if r.code != exitFailed || !strings.Contains(r.stdout, "下填写 offices") {
		t.Errorf("exit %d\n%s", r.code, r.stdout)
	}
	if got := strings.Join(fileNames(t, out), " "); got != "封丘-019001.pdf 封丘.pdf" {
		t.Errorf("OUTDIR holds %s", got)
	}
}

// A unit's missing fact, read from a workbook, names the sheet to fill.
func TestValidateUnitWorkbook(t *testing.T) {
	data, err := os.ReadFile(shifan)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "    assets:\n      vehicles: {official: 0, law_enforcement: 0, special: 3, other: 0}\n      general_equipment_over_50: 1\n      special_equipment_over_100: 0\n", "", 1)
	dir := t.TempDir()
	in, book := filepath.Join(dir, "示范.yaml"), filepath.Join(dir, "示范.xlsx")
	os.WriteFile(in, []byte(text), 0o644)
	if r := runCmd(t, "convert", in, "-o", book); r.code != exitOK {
		t.Fatalf("convert: %s", r.stderr)
	}
	r := runCmd(t, "validate", book, "--unit", "501003")
	if r.code != exitFailed || !strings.Contains(r.stdout, book+":预算单位!A4: units[2]: ") || !strings.Contains(r.stdout, "请在工作簿的“单位国有资产”表中为单位 501003 填写") {
		t.Errorf("exit %d\n%s", r.code, r.stdout)
	}
}

// A unit's document that would have another input's name is not made: the
// department's file fails, naming the clash, and the other is made.
func TestBatchEachUnitNameClash(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFile(t, shifan, in, "示范.yaml")
	copyFile(t, fengqiu, in, "示范-501002.yaml")
	r := runCmd(t, "batch", in, "-o", out, "--each-unit")
	if r.code != exitFailed || !strings.Contains(r.stdout, "单位 501002 的单位预算会写成") {
		t.Errorf("exit %d\n%s", r.code, r.stdout)
	}
	if got := strings.Join(fileNames(t, out), " "); got != "示范-501002-019001.pdf 示范-501002.pdf" {
		t.Errorf("OUTDIR holds %s", got)
	}
}
