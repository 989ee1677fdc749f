package main

import (
	"errors"
	"io/fs"
	"regexp"
	"syscall"
)

// The command speaks Chinese to the finance staff who use it. The errors of
// the operating system and of the flag package come in English; these turn
// the common ones into the reader's words.

// reason words why a file operation failed, without the operation and file
// name (the message names the file in its own words). A common cause is
// said in Chinese, the system's words following in brackets; anything else
// is the system's words.
func reason(err error) string {
	err = bare(err)
	var why string
	switch {
	case errors.Is(err, fs.ErrPermission):
		why = "没有权限"
	case errors.Is(err, fs.ErrNotExist):
		why = "不存在"
	case errors.Is(err, fs.ErrExist):
		why = "已存在"
	case errors.Is(err, syscall.ENOTDIR):
		why = "路径中有一部分是文件，不是文件夹"
	case errors.Is(err, syscall.EISDIR):
		why = "这是文件夹，不是文件"
	case errors.Is(err, syscall.ENOSPC):
		why = "磁盘空间不足"
	case errors.Is(err, syscall.EROFS):
		why = "磁盘是只读的"
	default:
		return err.Error()
	}
	return why + "（" + err.Error() + "）"
}

// The flag package's messages, as of Go 1.26.
var (
	flagUndefined = regexp.MustCompile(`^flag provided but not defined: (-\S+)$`)
	flagNoValue   = regexp.MustCompile(`^flag needs an argument: (-\S+)$`)
	flagBadValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?(-\S+): `)
	flagBadSyntax = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError words a mistake the flag package found on the command line.
func flagError(err error) string {
	text := err.Error()
	switch {
	case flagUndefined.MatchString(text):
		return "无法识别的选项 " + flagUndefined.FindStringSubmatch(text)[1]
	case flagNoValue.MatchString(text):
		return "选项 " + flagNoValue.FindStringSubmatch(text)[1] + " 后面缺少值"
	case flagBadValue.MatchString(text):
		m := flagBadValue.FindStringSubmatch(text)
		return "选项 " + m[2] + " 的值“" + m[1] + "”不对"
	case flagBadSyntax.MatchString(text):
		return "选项的写法不对：" + flagBadSyntax.FindStringSubmatch(text)[1]
	}
	return text
}
