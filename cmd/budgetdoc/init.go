package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// skeleton is the budget file init writes: every field, with Chinese
// comments saying what goes there, the allowed values and the units.
//
//go:embed skeleton.yaml
var skeleton []byte

const initUsage = `用法：
  budgetdoc init -o 新文件.yaml [--force]
  budgetdoc init --xlsx -o 新文件.xlsx [--force]

新建一个待填写的预算文件：公开文件需要的每一项都在，每项都有注释说明（是什么、
可填的值、单位）。把空白处（"" 和 0）填好后，用 budgetdoc validate 检查。
已有的文件不会被替换，除非加上 --force。
加 --xlsx（或文件名以 .xlsx 结尾）写出的是 Excel 工作簿：每部分一张工作表，表头有
填写说明，固定的值有下拉列表，第一张工作表说明怎样填写。

选项：
  -o FILE    要写的文件（.yaml 或 .yml；用 --xlsx 时为 .xlsx）
  --xlsx     写出 Excel 工作簿，而不是 YAML
  --force    FILE 已存在时替换它

示例：
  budgetdoc init -o 2023预算.yaml
  budgetdoc init --xlsx -o 2023预算.xlsx
`

func runInit(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("init")
	var out string
	var force, xlsx bool
	flags.BoolVar(&xlsx, "xlsx", false, "")
	flags.StringVar(&out, "o", "", "")
	flags.BoolVar(&force, "force", false, "")
	positional, status, ok := parseCommand(flags, initUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	fail := func(format string, args ...any) int {
		return usageError(stderr, "init", initUsage, format, args...)
	}
	switch {
	case len(positional) > 0:
		return fail("多余的参数 %s：要写的文件请用 -o 指定", strings.Join(positional, " "))
	case out == "":
		return fail("请用 -o 指定新文件写到哪里，如 -o 2023预算.yaml")
	}
	content, problem := initContent(out, xlsx)
	if problem != "" {
		return fail("%s", problem)
	}
	targets, err := resolveTargets([]output{{path: out}}, newInputFiles())
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc init: %v\n", err)
		return exitFailed
	}
	if !force {
		if _, err := os.Lstat(out); err == nil {
			fmt.Fprintf(stderr, "budgetdoc init: %s 已存在，未作改动（如要替换，请加 --force）\n", out)
			return exitFailed
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "budgetdoc init: %v\n", writeError(out, err))
			return exitFailed
		}
	}
	written, err := writeTargets(context.Background(), targets, [][]byte{content}, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc init: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "已写出 %s：请填写其中的空白项，然后运行 budgetdoc validate %s\n", written[0], out)
	return exitOK
}
