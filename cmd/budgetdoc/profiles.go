package main

import (
	"fmt"
	"io"
	"os"

	"github.com/budgetdoc/budgetdoc/profile"
)

const profilesUsage = `用法：
  budgetdoc profiles

列出内置的文档定义。render 和 batch 用 --profile 名称 选用其中一个，或用
--profile 文件夹 选用自己的定义：文件夹中有 profile.yaml（列出附表及其顺序、
名称、注释和数字格式）和要替换措辞的 *.tmpl 模板。
`

func runProfiles(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
			fmt.Fprint(stdout, profilesUsage)
			return exitOK
		}
		fmt.Fprintf(stderr, "budgetdoc profiles: 不需要参数（多了“%s”）\n\n%s", args[0], profilesUsage)
		return exitUsage
	}
	for i, p := range profile.Builtin() {
		mark := ""
		if i == 0 {
			mark = "（默认）"
		}
		fmt.Fprintf(stdout, "%s%s\t%s，%d 张附表\n", p.Name, mark, p.Description, len(p.Tables))
	}
	return exitOK
}

// loadProfile finds --profile's value: a built-in profile's name, else a
// definition folder.
func loadProfile(spec string) (*profile.Profile, error) {
	if p, ok := profile.Lookup(spec); ok {
		return p, nil
	}
	if info, err := os.Stat(spec); err != nil || !info.IsDir() {
		names := ""
		for i, p := range profile.Builtin() {
			if i > 0 {
				names += "、"
			}
			names += p.Name
		}
		return nil, fmt.Errorf("--profile：没有名为“%s”的内置文档定义，也没有这个文件夹；内置的有 %s（budgetdoc profiles 列出它们）", spec, names)
	}
	return profile.LoadDir(spec)
}
