package main

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"
)

// A mistake on the command line is told in Chinese, naming the option.
func TestFlagErrorsInChinese(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"render", fengqiu, "-o", "x.pdf", "--colour"}, "budgetdoc render: 无法识别的选项 -colour\n"},
		{[]string{"render", fengqiu, "-o"}, "budgetdoc render: 选项 -o 后面缺少值\n"},
		{[]string{"batch", ".", "-o", "out", "-j", "many"}, "budgetdoc batch: 选项 -j 的值“many”不对\n"},
		{[]string{"init", "--force=maybe", "-o", "x.yaml"}, "budgetdoc init: 选项 -force 的值“maybe”不对\n"},
		{[]string{"validate", "---x", fengqiu}, "budgetdoc validate: 选项的写法不对：---x\n"},
		{[]string{"publish", "x.yaml"}, "budgetdoc: 无法识别的命令“publish”：命令有 init、validate、render、batch、convert、profiles\n"},
		{[]string{"--verbose"}, "budgetdoc: 无法识别的选项 --verbose：请先写命令名（init、validate、render、batch、convert 或 profiles）\n"},
	} {
		r := runCmd(t, tc.args...)
		if r.code != exitUsage || !strings.HasPrefix(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr starts %q; want 2 and %q", tc.args, r.code, firstLine(r.stderr), tc.want)
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestReason(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/x/.a.pdf.1.tmp", Err: syscall.EACCES}, "没有权限（permission denied）"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.ENOSPC}, "磁盘空间不足（no space left on device）"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.ENOTDIR}, "路径中有一部分是文件，不是文件夹（not a directory）"},
		{fmt.Errorf("something else"), "something else"},
	} {
		if got := reason(tc.err); got != tc.want {
			t.Errorf("reason(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
