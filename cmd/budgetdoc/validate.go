package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/budgetdoc/budgetdoc/budgetdoc"
)

const validateUsage = `用法：
  budgetdoc validate 预算文件 [预算文件 ...]

检查预算文件（.yaml、.yml、.json，或 Excel 预算工作簿 .xlsx），一次列出全部问题，
每行一个，格式为“文件:行:列: 字段: 问题说明”，工作簿为“文件:工作表!单元格: 字段:
问题说明”。警告以“警告：”标出，不妨碍制作公开文件。
没有错误的文件显示一行收支合计。

有文件存在错误时退出状态为 1，否则为 0。

示例：
  budgetdoc validate 2023预算.yaml

  2023预算.yaml：通过 — 收入 540.82 万元，支出 540.82 万元（基本 165.12，项目 375.70），6 个项目
`

func runValidate(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("validate")
	positional, status, ok := parseCommand(flags, validateUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	if len(positional) == 0 {
		return usageError(stderr, "validate", validateUsage, "请指定要检查的预算文件")
	}
	status = exitOK
	for _, input := range positional {
		if !validateFile(stdout, input) {
			status = exitFailed
		}
	}
	return status
}

// validateFile prints input's problems and, when it has no error, its
// summary; it reports whether the file is free of errors.
func validateFile(w io.Writer, input string) bool {
	b, problems, err := loadAndCheck(input)
	printProblems(w, problems)
	if err != nil {
		fmt.Fprintln(w, err)
		return false
	}
	if len(problems.Errors()) > 0 {
		fmt.Fprintf(w, "%s：%s\n", input, countProblems(problems))
		return false
	}
	f, err := b.Figures()
	if err != nil { // Check found no error, so Figures cannot fail; say so if it does
		fmt.Fprintf(w, "%s：%v\n", input, err)
		return false
	}
	ok := "通过"
	if n := len(problems); n > 0 {
		ok = "通过（" + countProblems(problems) + "）"
	}
	fmt.Fprintf(w, "%s：%s — %s\n", input, ok, summary(f))
	return true
}

// loadAndCheck loads a budget and checks it. The problems are the loader's
// or the checker's, errors and warnings; err is for a file that cannot be
// read at all, worded for the reader. b is nil when the file did not load.
func loadAndCheck(input string) (b *budgetdoc.Budget, problems budgetdoc.Problems, err error) {
	b, err = budgetdoc.Load(input)
	if err != nil {
		if errors.As(err, &problems) {
			return nil, problems, nil
		}
		return nil, nil, readError(input, err)
	}
	return b, b.Check(), nil
}

// readError words an error reading a file.
func readError(input string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s：文件不存在", input)
	}
	return fmt.Errorf("%s：无法读取文件：%s", input, reason(err))
}

// printProblems prints one problem a line: FILE:LINE:COLUMN: path: message.
func printProblems(w io.Writer, problems budgetdoc.Problems) {
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
}

// countProblems says "2 个错误，1 个警告".
func countProblems(ps budgetdoc.Problems) string {
	var parts []string
	if n := len(ps.Errors()); n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个错误", n))
	}
	if n := len(ps.Warnings()); n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个警告", n))
	}
	return strings.Join(parts, "，")
}

// summary states a budget's totals as the disclosure prints them.
func summary(f *budgetdoc.Figures) string {
	return fmt.Sprintf("收入 %s %s，支出 %s %s（基本 %s，项目 %s），%d 个项目",
		f.Income.Total.StringFixed(2), f.MoneyUnit,
		f.All.Total.StringFixed(2), f.MoneyUnit,
		f.All.Basic.StringFixed(2), f.All.Projects.StringFixed(2),
		len(f.Projects.All))
}
