//go:build unix

package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// device makes a character device like /dev/null (minor 3) or /dev/full
// (minor 7) named name in dir. Only root may; otherwise the test uses the
// system's own device, which an ordinary user cannot replace (had the test
// a bug, root would replace the system's).
func device(t *testing.T, dir, name string, minor int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|minor); err == nil {
		return path
	}
	if os.Geteuid() == 0 {
		t.Skip("cannot make a device here")
	}
	return map[int]string{3: "/dev/null", 7: "/dev/full"}[minor]
}

func isCharDevice(t *testing.T, path string) bool {
	t.Helper()
	info, err := os.Lstat(path)
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// A device is written to, never replaced.
func TestRenderToDevice(t *testing.T) {
	dir := t.TempDir()
	null := device(t, dir, "null.pdf", 3)
	xlsx := filepath.Join(dir, "a.xlsx")
	r := runCmd(t, "render", shifan, "-o", null, "-o", xlsx)
	if r.code != exitOK || r.stdout != "已写出 "+null+"\n已写出 "+xlsx+"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if !isCharDevice(t, null) {
		t.Errorf("%s was replaced", null)
	}
	checkDocument(t, xlsx)
	noTemporaryFiles(t, dir)
}

// A device that fails the write (a full disk) is reported, stays a device,
// and nothing else is replaced.
func TestRenderToFullDevice(t *testing.T) {
	dir := t.TempDir()
	full := device(t, dir, "full.pdf", 7)
	xlsx := filepath.Join(dir, "a.xlsx")
	writeString(t, xlsx, "old")
	r := runCmd(t, "render", shifan, "-o", full, "-o", xlsx)
	want := "budgetdoc render: 无法写入 " + full + "：磁盘空间不足（no space left on device）；它可能只收到了一部分；没有写出任何文件\n"
	if r.code != exitFailed || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want %q", r.code, r.stderr, want)
	}
	if !isCharDevice(t, full) {
		t.Errorf("%s was replaced", full)
	}
	if readString(t, xlsx) != "old" {
		t.Errorf("%s was replaced although %s failed", xlsx, full)
	}
	noTemporaryFiles(t, dir)
}

// A FIFO (a named pipe) is written to, never replaced.
func TestRenderToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO: %v", err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo) // waits for the writer
		if err != nil {
			got <- nil
			return
		}
		data, _ := io.ReadAll(f)
		f.Close()
		got <- data
	}()
	r := runCmd(t, "render", shifan, "-o", fifo)
	if r.code != exitOK || r.stdout != "已写出 "+fifo+"\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	select {
	case data := <-got:
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Errorf("the FIFO received %d bytes, not a PDF", len(data))
		}
	case <-time.After(time.Minute):
		t.Errorf("nothing was written to the FIFO")
		os.WriteFile(fifo, nil, 0) // ends the reader if the FIFO is still there
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a FIFO", fifo)
	}
	noTemporaryFiles(t, dir)
}

// A symbolic link is written through: its target gets the document, the
// link stays, and the message names both.
func TestRenderThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	target := filepath.Join(real, "target.pdf")
	writeString(t, target, "old")
	link := filepath.Join(dir, "link.pdf")
	if err := os.Symlink(filepath.Join("real", "target.pdf"), link); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "render", shifan, "-o", link)
	if want := "已写出 " + link + "（符号链接，写入了它指向的 " + target + "）\n"; r.code != exitOK || r.stdout != want {
		t.Errorf("exit %d, stdout %q, want %q; stderr %q", r.code, r.stdout, want, r.stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link", link)
	}
	checkDocument(t, target)
	noTemporaryFiles(t, dir)
	noTemporaryFiles(t, real)

	// A link to nothing, or to a folder, is refused with the reason.
	dangling := filepath.Join(dir, "dangling.pdf")
	os.Symlink("missing.pdf", dangling)
	toFolder := filepath.Join(dir, "folder.pdf")
	os.Symlink("real", toFolder)
	for path, want := range map[string]string{
		dangling: "无法写入 " + dangling + "：这是符号链接，它指向的 missing.pdf 不存在",
		toFolder: "无法写入 " + toFolder + "：这是文件夹，不是文件",
	} {
		r := runCmd(t, "render", shifan, "-o", path)
		if r.code != exitFailed || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", path, r.code, r.stderr, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.pdf")); err == nil {
		t.Errorf("a dangling link's target was created")
	}
}

// Two names for one file are one output given twice.
func TestRenderSameFileTwice(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.pdf")
	writeString(t, a, "old")
	link := filepath.Join(dir, "b.pdf")
	os.Symlink("a.pdf", link)
	r := runCmd(t, "render", shifan, "-o", a, "-o", link)
	if r.code != exitFailed || !strings.Contains(r.stderr, a+" 与 "+link+" 是同一个文件") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if readString(t, a) != "old" {
		t.Errorf("%s replaced", a)
	}
}

// An output that is (a link to, or another name of) the input is refused:
// the budget file is never replaced.
func TestRenderNeverReplacesInput(t *testing.T) {
	dir := t.TempDir()
	in := copyFile(t, shifan, dir, "in.yaml")
	before := readString(t, in)
	link := filepath.Join(dir, "link.pdf")
	os.Symlink("in.yaml", link)
	hard := filepath.Join(dir, "hard.pdf")
	if err := os.Link(in, hard); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{link, hard} {
		r := runCmd(t, "render", in, "-o", out)
		if want := "无法写入 " + out + "：这是本次要读取的文件，不能用输出替换它；没有写出任何文件"; r.code != exitFailed || !strings.Contains(r.stderr, want) {
			t.Errorf("exit %d, stderr %q; want %q", r.code, r.stderr, want)
		}
	}
	// The case of the issue: the extension stops it.
	r := runCmd(t, "render", in, "-o", in, "--format", "pdf")
	if r.code != exitUsage {
		t.Errorf("-o %s --format pdf: exit %d, stderr %q", in, r.code, r.stderr)
	}
	if readString(t, in) != before {
		t.Errorf("the input was replaced")
	}
	noTemporaryFiles(t, dir)
}

// Batch: an output that leads to one of the inputs fails that file; the
// others are made.
func TestBatchNeverReplacesInput(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFile(t, shifan, in, "a.yaml")
	b := copyFile(t, shifan, in, "b.yaml")
	before := readString(t, b)
	link := filepath.Join(out, "a.xlsx")
	os.Symlink(b, link)
	r := runCmd(t, "batch", in, "-o", out, "--format", "xlsx")
	want := filepath.Join(in, "a.yaml") + "：无法写入 " + link + "：这是本次要读取的文件，不能用输出替换它；没有写出任何文件"
	if r.code != exitFailed || !strings.Contains(r.stdout, "成功 1 个，失败 1 个") || !strings.Contains(r.stdout, want) {
		t.Errorf("exit %d, stdout:\n%s\nwant %q", r.code, r.stdout, want)
	}
	if readString(t, b) != before {
		t.Errorf("an input was replaced")
	}
	checkDocument(t, filepath.Join(out, "b.xlsx"))
}

// child is the command running in another process (see TestMain).
type child struct {
	cmd    *exec.Cmd
	stdout bytes.Buffer
	stderr chan string // its lines
	lines  []string
}

func startChild(t *testing.T, hook string, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], args...), stderr: make(chan string, 100)}
	c.cmd.Env = append(os.Environ(), childEnv+"="+hook)
	c.cmd.Stdout = &c.stdout
	pipe, err := c.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		s := bufio.NewScanner(pipe)
		for s.Scan() {
			c.stderr <- s.Text()
		}
		close(c.stderr)
	}()
	t.Cleanup(func() { c.cmd.Process.Kill() })
	return c
}

// waitFor reads the child's stderr until a line containing s.
func (c *child) waitFor(t *testing.T, s string) {
	t.Helper()
	timeout := time.After(2 * time.Minute)
	for {
		select {
		case line, ok := <-c.stderr:
			if !ok {
				t.Fatalf("the command ended before saying %q:\n%s", s, strings.Join(c.lines, "\n"))
			}
			c.lines = append(c.lines, line)
			if strings.Contains(line, s) {
				return
			}
		case <-timeout:
			t.Fatalf("the command did not say %q:\n%s", s, strings.Join(c.lines, "\n"))
		}
	}
}

// wait waits for the child to end and returns its exit status and stderr.
func (c *child) wait(t *testing.T) (int, string) {
	t.Helper()
	for line := range c.stderr {
		c.lines = append(c.lines, line)
	}
	err := c.cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, strings.Join(c.lines, "\n")
}

// SIGINT, SIGTERM and SIGHUP all stop a render the same way: nothing is
// written, nothing is replaced, no temporary file is left, and the exit
// status is 128 plus the signal's number.
func TestRenderStopSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.xlsx")
			writeString(t, b, "old")
			c := startChild(t, "wait", "render", shifan, "-o", a, "-o", b)
			c.waitFor(t, "prepared")
			c.cmd.Process.Signal(sig)
			code, stderr := c.wait(t)
			if code != 128+int(sig) || !strings.Contains(stderr, "已中断") || !strings.HasSuffix(stderr, "已中断；没有写出任何文件") {
				t.Errorf("exit %d, stderr:\n%s", code, stderr)
			}
			if _, err := os.Stat(a); err == nil {
				t.Errorf("%s written after %v", a, sig)
			}
			if readString(t, b) != "old" {
				t.Errorf("%s replaced after %v", b, sig)
			}
			noTemporaryFiles(t, dir)
		})
	}
}

// A second signal stops at once, and still removes the temporary files.
func TestRenderSecondSignal(t *testing.T) {
	dir := t.TempDir()
	c := startChild(t, "block", "render", shifan, "-o", filepath.Join(dir, "a.pdf"), "-o", filepath.Join(dir, "a.docx"))
	c.waitFor(t, "prepared")
	if n := len(fileNames(t, dir)); n != 2 {
		t.Fatalf("%d temporary files, want 2", n)
	}
	c.cmd.Process.Signal(syscall.SIGTERM)
	c.waitFor(t, "已中断")
	c.cmd.Process.Signal(syscall.SIGTERM)
	code, stderr := c.wait(t)
	if code != 128+int(syscall.SIGTERM) || !strings.Contains(stderr, "已停止：没有留下写了一半的文件") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if names := fileNames(t, dir); len(names) != 0 {
		t.Errorf("left behind: %q", names)
	}
}

// A killed run leaves its temporary files; the next run into the folder
// removes them.
func TestKilledRunCleanedUpByNext(t *testing.T) {
	dir := t.TempDir()
	c := startChild(t, "block", "render", shifan, "-o", filepath.Join(dir, "a.pdf"), "-o", filepath.Join(dir, "a.xlsx"))
	c.waitFor(t, "prepared")
	c.cmd.Process.Kill()
	c.wait(t)
	left := fileNames(t, dir)
	if len(left) != 2 {
		t.Fatalf("the killed run left %q, want two temporary files", left)
	}
	for _, name := range left {
		if !tempName.MatchString(name) {
			t.Errorf("temporary file %s is not named for removeStale", name)
		}
	}
	mine := filepath.Join(dir, "mine.txt")
	writeString(t, mine, "x")
	r := runCmd(t, "render", shifan, "-o", filepath.Join(dir, "b.pdf"))
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if got := strings.Join(fileNames(t, dir), " "); got != "b.pdf mine.txt" {
		t.Errorf("the folder holds %q, want b.pdf mine.txt", got)
	}
}

// A name for the command's standard output (/dev/stdout, here a link to
// /proc/self/fd/1 in a test folder, so that a bug would replace only the
// link) gets the document, and the messages go to stderr.
func TestRenderToStdoutByName(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd/1"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "stdout.pdf")
	os.Symlink("/proc/self/fd/1", link)
	c := startChild(t, "", "render", shifan, "-o", link)
	code, stderr := c.wait(t)
	if code != exitOK || stderr != "已写出 "+link {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !bytes.HasPrefix(c.stdout.Bytes(), []byte("%PDF-")) || bytes.Contains(c.stdout.Bytes(), []byte("已写出")) {
		t.Errorf("stdout is not the PDF alone: %.40q", c.stdout.String())
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
}
