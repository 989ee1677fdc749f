package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyFile copies an example into dir under name.
func copyFile(t *testing.T, from, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(dir, name)
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// fileNames lists the names in dir.
func fileNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestBatchMixedInputs(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "公开文件")
	copyFile(t, fengqiu, in, "封丘.yaml")
	copyFile(t, shifan, in, "示范.yml")
	broken := writeBroken(t, in) // three broken .yaml files
	os.WriteFile(filepath.Join(in, "说明.txt"), []byte("not a budget"), 0o644)
	os.WriteFile(filepath.Join(in, ".封丘.yaml.swp.yaml"), []byte("editor junk"), 0o644)
	os.Mkdir(filepath.Join(in, "sub.yaml"), 0o755)

	r := runCmd(t, "batch", in, "-o", out, "--format", "pdf,xlsx", "-j", "2")
	if r.code != exitFailed {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	want := []string{"封丘.pdf", "封丘.xlsx", "示范.pdf", "示范.xlsx"}
	if got := fileNames(t, out); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("OUTDIR holds %q, want %q", got, want)
	}
	for _, name := range want {
		checkDocument(t, filepath.Join(out, name))
	}

	if !strings.HasPrefix(r.stdout, "成功 2 个，失败 3 个\n失败：\n") {
		t.Errorf("summary starts %q", r.stdout)
	}
	for name, path := range broken {
		if !strings.Contains(r.stdout, "  "+path+"：") {
			t.Errorf("summary does not name %s (%s):\n%s", name, path, r.stdout)
		}
	}
	// Each failed file's problems are listed, FILE:LINE:COLUMN.
	if !regexp.MustCompile(`(?m)^    ` + regexp.QuoteMeta(broken["unbalanced-income"]) + `:\d+:\d+: .*收入应与支出相等`).MatchString(r.stdout) {
		t.Errorf("the unbalanced income is not explained:\n%s", r.stdout)
	}
	// stderr is not a terminal here: one line a file.
	if n := len(lines(r.stderr)); n != 5 {
		t.Errorf("want 5 progress lines, got %d:\n%s", n, r.stderr)
	}
	if !strings.Contains(r.stderr, "完成 "+filepath.Join(in, "封丘.yaml")+" → ") || !strings.Contains(r.stderr, "失败 "+broken["unknown-key"]+"：1 个错误") {
		t.Errorf("progress lines:\n%s", r.stderr)
	}
	noTemporaryFiles(t, out)
}

// Two inputs whose documents would have the same name on Windows or macOS,
// which ignore case and Unicode normalisation: neither is made (which was
// meant?), and each is reported naming the other.
func TestBatchOutputNameClash(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFile(t, shifan, in, "a.yaml")
	copyFile(t, shifan, in, "A.yml")
	copyFile(t, shifan, in, "Caf\u00e9.yaml")  // é composed (NFC)
	copyFile(t, shifan, in, "cafe\u0301.json") // é decomposed (NFD), lower case
	copyFile(t, shifan, in, "b.yaml")
	r := runCmd(t, "batch", in, "-o", out, "--format", "xlsx")
	if r.code != exitFailed || !strings.Contains(r.stdout, "成功 1 个，失败 4 个") {
		t.Errorf("exit %d, stdout:\n%s", r.code, r.stdout)
	}
	for _, pair := range [][2]string{{"a.yaml", "A.yml"}, {"A.yml", "a.yaml"}, {"Caf\u00e9.yaml", "cafe\u0301.json"}, {"cafe\u0301.json", "Caf\u00e9.yaml"}} {
		name := strings.TrimSuffix(pair[0], filepath.Ext(pair[0]))
		want := filepath.Join(in, pair[0]) + "：会写出 " + filepath.Join(out, name+".xlsx") + "，与 " + filepath.Join(in, pair[1]) + " 写出的文件同名"
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the clash of %s and %s is not reported as %q:\n%s", pair[0], pair[1], want, r.stdout)
		}
	}
	if got := fileNames(t, out); strings.Join(got, " ") != "b.xlsx" {
		t.Errorf("OUTDIR holds %q, want only b.xlsx", got)
	}
}

func TestNameKey(t *testing.T) {
	for _, tc := range [][2]string{
		{"A.PDF", "a.pdf"},
		{"Caf\u00e9", "CAFE\u0301"},
		{"预算", "预算"},
		{"Straße", "STRASSE"},
	} {
		if nameKey(tc[0]) != nameKey(tc[1]) {
			t.Errorf("%q and %q are different names", tc[0], tc[1])
		}
	}
	if nameKey("a.pdf") == nameKey("b.pdf") {
		t.Errorf("a.pdf and b.pdf are one name")
	}
}

// Cancelling (Ctrl-C) after the first file: it is finished and written,
// the rest are not started, and nothing partial is left.
func TestBatchInterrupted(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	for _, name := range []string{"a.yaml", "b.yaml", "c.yaml"} {
		copyFile(t, shifan, in, name)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var done []string
	testHookFileDone = func(input string) {
		done = append(done, input)
		cancel()
	}
	defer func() { testHookFileDone = nil }()

	r := runCmdContext(t, ctx, "batch", in, "-o", out, "--format", "xlsx,docx", "-j", "1")
	if r.code != exitInterrupted {
		t.Errorf("exit %d, want %d", r.code, exitInterrupted)
	}
	if len(done) != 1 {
		t.Errorf("files done: %q, want only the first", done)
	}
	if got := fileNames(t, out); strings.Join(got, " ") != "a.docx a.xlsx" {
		t.Errorf("OUTDIR holds %q, want a.docx a.xlsx", got)
	}
	checkDocument(t, filepath.Join(out, "a.xlsx"))
	want := "成功 1 个，失败 0 个，2 个未开始（已中断）\n未开始：\n  " +
		filepath.Join(in, "b.yaml") + "\n  " + filepath.Join(in, "c.yaml") + "\n"
	if r.stdout != want {
		t.Errorf("summary:\n%s\nwant:\n%s", r.stdout, want)
	}
	noTemporaryFiles(t, out)
}

func TestBatchArguments(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	file := filepath.Join(out, "file")
	os.WriteFile(file, nil, 0o644)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"batch", "-o", out}, exitUsage, "请指定存放预算文件的文件夹"},
		{[]string{"batch", in}, exitUsage, "请用 -o 指定"},
		{[]string{"batch", in, "-o", out, "-j", "0"}, exitUsage, "-j 0：每次至少要制作一个文件"},
		{[]string{"batch", in, "-o", out, "--format", "pdf,odt"}, exitUsage, "无法识别的 --format“odt”"},
		{[]string{"batch", in, "-o", out}, exitFailed, "中没有预算文件"},
		{[]string{"batch", filepath.Join(in, "none"), "-o", out}, exitFailed, "文件夹 " + filepath.Join(in, "none") + " 不存在"},
		{[]string{"batch", in, "-o", filepath.Join(file, "x")}, exitFailed, "无法创建文件夹 " + filepath.Join(file, "x") + "：路径中有一部分是文件，不是文件夹（not a directory）"},
	} {
		if tc.code == exitFailed && strings.Contains(tc.want, "无法创建") {
			copyFile(t, shifan, in, "a.yaml")
		}
		r := runCmd(t, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}

func TestBatchFormats(t *testing.T) {
	got, err := batchFormats(" PDF, xlsx,pdf,")
	if err != nil || strings.Join(got, ",") != "pdf,xlsx" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := batchFormats(","); err == nil {
		t.Errorf("an empty list is accepted")
	}
}

// Workers share one font set; the documents of identical inputs must be
// identical bytes (run with -race to check the sharing).
func TestBatchSharedFonts(t *testing.T) {
	font := filepath.Join("..", "..", "fonts", "ARPLKaitiMGB.ttf")
	if _, err := os.Stat(font); err != nil {
		t.Skipf("no font file to load: %v", err)
	}
	in, out := t.TempDir(), t.TempDir()
	copyFile(t, shifan, in, "a.yaml")
	copyFile(t, shifan, in, "b.yaml")
	r := runCmd(t, "batch", in, "-o", out, "-j", "2", "--font", "kai="+font)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	a, _ := os.ReadFile(filepath.Join(out, "a.pdf"))
	b, _ := os.ReadFile(filepath.Join(out, "b.pdf"))
	if len(a) == 0 || string(a) != string(b) {
		t.Errorf("the same budget rendered in parallel gave different PDFs (%d and %d bytes)", len(a), len(b))
	}
	checkDocument(t, filepath.Join(out, "a.pdf"))
}
