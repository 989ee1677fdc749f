package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc"
	"github.com/xuri/excelize/v2"
)

// checkDocument fails unless path holds a document of its kind: a PDF
// starts with %PDF, a Word or Excel file is a ZIP archive (PK).
func checkDocument(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	magic := map[string]string{"pdf": "%PDF-", "docx": "PK\x03\x04", "xlsx": "PK\x03\x04"}[formatOf(path)]
	if magic == "" || !bytes.HasPrefix(data, []byte(magic)) {
		t.Errorf("%s does not start with %q (%d bytes)", path, magic, len(data))
	}
	if info, err := os.Stat(path); err == nil && info.Mode().Perm() != 0o644 {
		t.Errorf("%s has mode %v, want 0644", path, info.Mode().Perm())
	}
}

func TestRenderExamples(t *testing.T) {
	for _, input := range []string{fengqiu, shifan} {
		dir := t.TempDir()
		base := strings.TrimSuffix(filepath.Base(input), ".yaml")
		var outs []string
		args := []string{"render", input}
		for _, kind := range budgetdoc.Formats() {
			out := filepath.Join(dir, base+kind.Ext())
			outs = append(outs, out)
			args = append(args, "-o", out)
		}
		r := runCmd(t, args...)
		if r.code != exitOK {
			t.Fatalf("render %s: exit %d\n%s", input, r.code, r.stderr)
		}
		for _, out := range outs {
			checkDocument(t, out)
			if !strings.Contains(r.stdout, "已写出 "+out+"\n") {
				t.Errorf("stdout does not say %s was written: %q", out, r.stdout)
			}
		}
		noTemporaryFiles(t, dir)
	}
}

func TestRenderFormatFlag(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "tables.bin")
	r := runCmd(t, "render", "--format", "xlsx", shifan, "-o", out)
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(out)
	if !bytes.HasPrefix(data, []byte("PK")) {
		t.Errorf("--format xlsx did not write a workbook")
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"render", shifan, "-o", filepath.Join(dir, "x.txt")}, "无法判断 " + filepath.Join(dir, "x.txt") + " 是哪种文件"},
		{[]string{"render", shifan, "-o", filepath.Join(dir, "x.yaml")}, "无法判断 " + filepath.Join(dir, "x.yaml") + " 是哪种文件"},
		{[]string{"render", shifan, "--format", "odt", "-o", filepath.Join(dir, "x.odt")}, "无法识别的 --format“odt”"},
		{[]string{"render", shifan, "--format", "pdf", "-o", "a.pdf", "-o", "b.pdf"}, "--format 只能配合一个 -o 使用"},
		{[]string{"render", shifan, "-o", "a.pdf", "-o", "./a.pdf"}, "./a.pdf 指定了两次"},
		{[]string{"render", shifan}, "请用 -o 指定"},
		{[]string{"render", "-o", "a.pdf"}, "请指定要制作的预算文件"},
		{[]string{"render", shifan, fengqiu, "-o", "a.pdf"}, "一次只能制作一个预算文件"},
		{[]string{"render", shifan, "-o", "a.pdf", "--font", "body"}, "--font“body”：请写成 用途=字体文件"},
		{[]string{"render", shifan, "-o", "a.pdf", "--font", "footnote=x.ttf"}, "无法识别的用途“footnote”"},
		// An extension and --format that disagree: which was meant?
		{[]string{"render", shifan, "-o", filepath.Join(dir, "out.pdf"), "--format", "xlsx"}, filepath.Join(dir, "out.pdf") + " 的扩展名是 .pdf，与 --format xlsx 不一致"},
		{[]string{"render", shifan, "-o", filepath.Join(dir, "x.yaml"), "--format", "pdf"}, "的扩展名是 .yaml，与 --format pdf 不一致"},
		// Standard output takes one document, of a kind that must be said.
		{[]string{"render", shifan, "-o", "-"}, "-o - 把文件写到标准输出：请用 --format 指定类型"},
		{[]string{"render", shifan, "-o", "-", "-o", "a.pdf"}, "-o - 把文件写到标准输出，只能写一个文件"},
		{[]string{"render", shifan, "-o", "a.pdf", "-o", "-", "--format", "pdf"}, "-o - 把文件写到标准输出，只能写一个文件"},
	} {
		r := runCmd(t, tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("usage errors wrote files: %v", entries)
	}
}

func TestParseFontFlag(t *testing.T) {
	for _, tc := range []struct {
		spec, role, path string
		index            int
	}{
		{"body=simfang.ttf", "body", "simfang.ttf", 0},
		{"kai=/fonts/simkai.ttc#2", "kai", "/fonts/simkai.ttc", 2},
		{"title=C#/font.ttf", "title", "C#/font.ttf", 0},
	} {
		role, path, index, err := parseFontFlag(tc.spec)
		if err != nil || string(role) != tc.role || path != tc.path || index != tc.index {
			t.Errorf("%q: %q %q %d %v", tc.spec, role, path, index, err)
		}
	}
}

func TestRenderFontAndTemplatesNotFound(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a.pdf")
	r := runCmd(t, "render", shifan, "-o", out, "--font", "body="+filepath.Join(dir, "missing.ttf"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "missing.ttf") {
		t.Errorf("missing font: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCmd(t, "render", shifan, "-o", out, "--templates", filepath.Join(dir, "nowhere"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "nowhere 不存在") {
		t.Errorf("missing templates: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written despite the error", out)
	}
}

func TestRenderMissingInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "none.yaml")
	r := runCmd(t, "render", in, "-o", filepath.Join(dir, "a.pdf"))
	if r.code != exitFailed || !strings.Contains(r.stderr, in+"：文件不存在") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// A budget with errors is reported in full and nothing is written.
func TestRenderInvalidWritesNothing(t *testing.T) {
	dir := t.TempDir()
	paths := writeBroken(t, dir)
	out := filepath.Join(dir, "out.pdf")
	r := runCmd(t, "render", paths["unbalanced-income"], "-o", out)
	if r.code != exitFailed {
		t.Fatalf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "收入应与支出相等") || !strings.Contains(r.stderr, "2 个错误，没有写出任何文件") {
		t.Errorf("stderr %q", r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written for an invalid budget", out)
	}
	noTemporaryFiles(t, dir)
}

func TestRenderUnwritableDestination(t *testing.T) {
	dir := t.TempDir()
	// A path under a regular file: no one can write there, root included.
	file := filepath.Join(dir, "notes.txt")
	under := filepath.Join(file, "sub", "out.pdf")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.xlsx")
	r := runCmd(t, "render", shifan, "-o", good, "-o", filepath.Join(file, "out.pdf"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "notes.txt 是文件，不是文件夹") {
		t.Errorf("under a file: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCmd(t, "render", shifan, "-o", good, "-o", under)
	if r.code != exitFailed || !strings.Contains(r.stderr, "路径中有一部分是文件，不是文件夹") {
		t.Errorf("deeper under a file: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(good); err == nil {
		t.Errorf("%s written although another output failed", good)
	}
	noTemporaryFiles(t, dir)

	if os.Geteuid() == 0 {
		t.Log("running as root: a read-only folder is writable, skipping that case")
		return
	}
	ro := filepath.Join(dir, "readonly")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(ro, 0o700)
	r = runCmd(t, "render", shifan, "-o", good, "-o", filepath.Join(ro, "out.xlsx"))
	if r.code != exitFailed || !strings.Contains(r.stderr, "没有权限（permission denied）") {
		t.Errorf("read-only folder: exit %d, stderr %q", r.code, r.stderr)
	}
	noTemporaryFiles(t, dir)
	noTemporaryFiles(t, ro)
}

func TestRenderInterruptedWritesNothing(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := filepath.Join(dir, "a.xlsx")
	r := runCmdContext(t, ctx, "render", shifan, "-o", out)
	if r.code != exitInterrupted || !strings.Contains(r.stderr, "已中断；没有写出任何文件") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written after the interrupt", out)
	}
	noTemporaryFiles(t, dir)
}

// --profile takes a built-in definition's name or a definition folder, and
// the document follows it; profiles lists the built-in ones.
func TestProfileFlag(t *testing.T) {
	r := runCmd(t, "profiles")
	if r.code != exitOK || !strings.Contains(r.stdout, "河南部门预算（默认）") {
		t.Fatalf("profiles: exit %d, %q", r.code, r.stdout)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "a.xlsx")
	if r := runCmd(t, "render", shifan, "-o", out, "--profile", "../../testdata/profiles/test-province"); r.code != exitOK {
		t.Fatalf("render: exit %d, %s", r.code, r.stderr)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sheets := strings.Join(x.GetSheetList(), " ")
	if !strings.Contains(sheets, "五、一般公共预算支出表") || strings.Contains(sheets, "基本支出表") {
		t.Errorf("sheets %s: want the definition's tables", sheets)
	}
	r = runCmd(t, "render", shifan, "-o", filepath.Join(dir, "b.pdf"), "--profile", "湖南部门预算")
	if r.code != exitFailed || !strings.Contains(r.stderr, "没有名为“湖南部门预算”的内置文档定义") {
		t.Errorf("unknown profile: exit %d, %q", r.code, r.stderr)
	}
}

// A table too wide for a page is found by validate, at its field, with what
// to do; --min-table-size lets it step down further, and then it renders.
func TestMinTableSize(t *testing.T) {
	yuan := filepath.Join("..", "..", "examples", "suzhou", "suzhou-yuan.yaml")
	r := runCmd(t, "validate", yuan)
	if r.code != exitFailed || !strings.Contains(r.stdout, "十二、部门预算项目绩效目标汇总表") || !strings.Contains(r.stdout, "--min-table-size 7") {
		t.Fatalf("validate: exit %d, %s", r.code, r.stdout)
	}
	if r := runCmd(t, "validate", yuan, "--min-table-size", "7"); r.code != exitOK {
		t.Errorf("validate at 7 pt: exit %d, %s", r.code, r.stdout)
	}
	out := filepath.Join(t.TempDir(), "yuan.pdf")
	if r := runCmd(t, "render", yuan, "-o", out, "--min-table-size", "7"); r.code != exitOK {
		t.Errorf("render at 7 pt: exit %d, %s", r.code, r.stderr)
	}
	if r := runCmd(t, "render", yuan, "-o", out, "--min-table-size", "5"); r.code != exitUsage || !strings.Contains(r.stderr, "7 到 9 磅") {
		t.Errorf("5 pt: exit %d, %s", r.code, r.stderr)
	}
}
