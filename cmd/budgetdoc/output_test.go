package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// readString reads a file, "" if it cannot.
func readString(t *testing.T, path string) string {
	t.Helper()
	data, _ := os.ReadFile(path)
	return string(data)
}

func writeString(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestInputFilesHolds(t *testing.T) {
	dir := t.TempDir()
	in := newInputFiles(filepath.Join(dir, "missing.yaml"))
	for _, path := range []string{
		filepath.Join(dir, "missing.yaml"),
		filepath.Join(dir, ".", "sub", "..", "missing.yaml"),
	} {
		if !in.holds(path, nil) {
			t.Errorf("%s is not recognised as the input", path)
		}
	}
	if in.holds(filepath.Join(dir, "other.yaml"), nil) {
		t.Errorf("another file is taken for the input")
	}
}

// A font file named as an output (with --format, so the extension is not
// what stops it) is left alone: it is an input of the run.
func TestRenderNeverReplacesFont(t *testing.T) {
	font := filepath.Join("..", "..", "fonts", "ARPLKaitiMGB.ttf")
	if _, err := os.Stat(font); err != nil {
		t.Skipf("no font file to load: %v", err)
	}
	dir := t.TempDir()
	copied := copyFile(t, font, dir, "kai.ttf")
	before := readString(t, copied)
	r := runCmd(t, "render", shifan, "--font", "kai="+copied, "-o", copied, "--format", "pdf")
	if r.code != exitFailed || !strings.Contains(r.stderr, "无法写入 "+copied+"：这是本次要读取的文件，不能用输出替换它；没有写出任何文件") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if readString(t, copied) != before {
		t.Errorf("the font file was replaced")
	}
	noTemporaryFiles(t, dir)
}

// An output that is a folder stops the render before anything is written:
// the file before it in the list keeps its old content. (It used to be
// replaced, and then the folder could not be.)
func TestRenderOutputIsFolder(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.xlsx")
	writeString(t, a, "old a")
	os.Mkdir(b, 0o755)
	r := runCmd(t, "render", shifan, "-o", a, "-o", b)
	if r.code != exitFailed || !strings.Contains(r.stderr, "无法写入 "+b+"：这是文件夹，不是文件") || !strings.Contains(r.stderr, "没有写出任何文件") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if got := readString(t, a); got != "old a" {
		t.Errorf("%s replaced although %s could not be written", a, b)
	}
	noTemporaryFiles(t, dir)
}

// failRename makes renames whose destination ends in one of the suffixes
// fail, for the length of the test.
func failRename(t *testing.T, suffixes ...string) {
	renameFile = func(from, to string) error {
		for _, s := range suffixes {
			if strings.HasSuffix(to, s) {
				return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("simulated failure")}
			}
		}
		return os.Rename(from, to)
	}
	t.Cleanup(func() { renameFile = os.Rename })
}

// A commit that fails puts back every file already replaced, and removes
// every file it created: all the outputs are as they were.
func TestRenderCommitFailureRestores(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.docx"), filepath.Join(dir, "c.xlsx")
	writeString(t, a, "old a")
	writeString(t, b, "old b")
	failRename(t, "c.xlsx")
	r := runCmd(t, "render", shifan, "-o", a, "-o", b, "-o", c)
	want := "budgetdoc render: 无法写入 " + c + "：simulated failure；没有写出任何文件\n"
	if r.code != exitFailed || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want %q", r.code, r.stderr, want)
	}
	if readString(t, a) != "old a" || readString(t, b) != "old b" {
		t.Errorf("a replaced file was not put back: a %.10q, b %.10q", readString(t, a), readString(t, b))
	}
	if _, err := os.Stat(c); err == nil {
		t.Errorf("%s was created although the commit failed", c)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q", r.stdout)
	}
	noTemporaryFiles(t, dir)
}

// When a replaced file cannot be put back either, the message says
// exactly which file now holds the new document and where the old content
// is.
func TestRenderUndoFailureIsReported(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.docx"), filepath.Join(dir, "c.xlsx")
	writeString(t, a, "old a")
	writeString(t, b, "old b")
	failRename(t, "c.xlsx")
	renamed := renameFile
	renameFile = func(from, to string) error {
		if strings.HasSuffix(from, ".old") && to == a {
			return errors.New("simulated undo failure")
		}
		return renamed(from, to)
	}
	r := runCmd(t, "render", shifan, "-o", a, "-o", b, "-o", c)
	if r.code != exitFailed || !strings.Contains(r.stderr, "无法写入 "+c+"：simulated failure；无法恢复 "+a+" 原来的内容：simulated undo failure；原来的内容暂存在 ") ||
		!strings.HasSuffix(r.stderr, "；只写出了 "+a+"，其余文件没有改动\n") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	checkDocument(t, a)
	if readString(t, b) != "old b" {
		t.Errorf("%s was not put back", b)
	}
	// The old content is where the message says.
	i := strings.Index(r.stderr, "原来的内容暂存在 ") + len("原来的内容暂存在 ")
	kept := r.stderr[i : i+strings.Index(r.stderr[i:], "，")]
	if readString(t, kept) != "old a" {
		t.Errorf("%s does not hold a's old content", kept)
	}
	os.Remove(kept)
	noTemporaryFiles(t, dir)
}

// On a drive without hard links the old content cannot be kept: a failed
// commit cannot put it back, and the message names the file replaced.
func TestRenderCommitFailureWithoutHardLinks(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.docx")
	writeString(t, a, "old a")
	failRename(t, "b.docx")
	linkFile = func(string, string) error { return errors.New("not supported") }
	defer func() { linkFile = os.Link }()
	r := runCmd(t, "render", shifan, "-o", a, "-o", b)
	want := "budgetdoc render: 无法写入 " + b + "：simulated failure；无法恢复 " + a + " 原来的内容：这个磁盘不支持硬链接，原来的内容没有保留；只写出了 " + a + "，其余文件没有改动\n"
	if r.code != exitFailed || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want %q", r.code, r.stderr, want)
	}
	checkDocument(t, a)
	if _, err := os.Stat(b); err == nil {
		t.Errorf("%s created", b)
	}
	noTemporaryFiles(t, dir)
}

// -o - writes the document to standard output, the same bytes as a file
// gets, and the messages go to stderr.
func TestRenderToStdout(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.pdf")
	if r := runCmd(t, "render", shifan, "-o", file); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r := runCmd(t, "render", shifan, "-o", "-", "--format", "pdf")
	if r.code != exitOK || r.stderr != "已写出 标准输出\n" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if want := readString(t, file); r.stdout != want {
		t.Errorf("stdout holds %d bytes (%.8q), want the %d bytes of the PDF", len(r.stdout), r.stdout, len(want))
	}
}

// removeStale removes the temporary files of processes of this machine
// that no longer run, and nothing else.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	// A process that has ended.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := cmd.Process.Pid
	host := strings.Split(tempPrefix(), "-")[1]
	other := "00000000"
	if host == other {
		other = "00000001"
	}
	gone := []string{
		fmt.Sprintf(".budgetdoc-%s-%d-123.tmp", host, dead),
		fmt.Sprintf(".budgetdoc-%s-%d-456.old", host, dead),
	}
	kept := []string{
		fmt.Sprintf(".budgetdoc-%s-%d-1.tmp", host, os.Getpid()),  // this process
		fmt.Sprintf(".budgetdoc-%s-%d-2.tmp", host, os.Getppid()), // a running one
		fmt.Sprintf(".budgetdoc-%s-%d-3.tmp", other, dead),        // another machine
		fmt.Sprintf(".budgetdoc-%s-%d-4.txt", host, dead),         // not a temporary file
		fmt.Sprintf(".budgetdoc-%s-%d-.tmp", host, dead),
		fmt.Sprintf("budgetdoc-%s-%d-5.tmp", host, dead),
		".a.pdf.123.tmp",
		"a.pdf",
	}
	for _, name := range append(append([]string{}, gone...), kept...) {
		writeString(t, filepath.Join(dir, name), "x")
	}
	folder := fmt.Sprintf(".budgetdoc-%s-%d-7.tmp", host, dead) // a folder, not a file
	os.Mkdir(filepath.Join(dir, folder), 0o755)
	kept = append(kept, folder)

	removeStale(dir)
	for _, name := range gone {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("stale %s not removed", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s removed", name)
		}
	}
}

// Temporary files have the name removeStale looks for.
func TestTemporaryName(t *testing.T) {
	dir := t.TempDir()
	p, err := prepare(&target{path: "a.pdf", file: filepath.Join(dir, "a.pdf")}, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.discard()
	m := tempName.FindStringSubmatch(filepath.Base(p.tmp))
	if m == nil || m[2] != fmt.Sprint(os.Getpid()) || m[3] != "tmp" {
		t.Errorf("temporary file %s is not named .budgetdoc-HOST-PID-N.tmp", p.tmp)
	}
	if !bytes.Equal([]byte(readString(t, p.tmp)), []byte("x")) {
		t.Errorf("temporary file does not hold the document")
	}
}
