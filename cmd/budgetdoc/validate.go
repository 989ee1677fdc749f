package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
)

const validateUsage = `用法：
  budgetdoc validate 预算文件 [预算文件 ...]

检查预算文件（.yaml、.yml、.json，或 Excel 预算工作簿 .xlsx），一次列出全部问题，
每行一个，格式为“文件:行:列: 字段: 问题说明”，工作簿为“文件:工作表!单元格: 字段:
问题说明”。警告以“警告：”标出，不妨碍制作公开文件。
没有错误的文件显示一行收支合计。

有文件存在错误时退出状态为 1，否则为 0。

选项：
  --json             每个问题输出一行 JSON（供其他程序读取），字段为 code（问题
                     种类，稳定不变）、severity（error 或 warning）、file、line、
                     column、path（字段路径，如 ["lines",3,"economic"]）和
                     message（中文说明）；不输出收支合计
  --unit CODE        检查一个预算单位的单位预算（render --unit 要制作的）
  --each-unit        再检查每个预算单位的单位预算（batch --each-unit 要制作的）

render 的 --profile、--catalogue、--font、--templates 在这里同样可用：
用制作时的选项检查，检查通过的文件就能制作。各单位填写了本单位情况（units 下的
offices、prior 等）时，检查部门预算也会检查它们，并核对各单位之和等于部门的数。

示例：
  budgetdoc validate 2023预算.yaml

  2023预算.yaml：通过 — 收入 540.82 万元，支出 540.82 万元（基本 165.12，项目 375.70），6 个项目
`

func runValidate(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("validate")
	asJSON := flags.Bool("json", false, "")
	var units unitChoice
	flags.StringVar(&units.code, "unit", "", "")
	flags.BoolVar(&units.each, "each-unit", false, "")
	var rf renderFlags
	rf.define(flags)
	positional, status, ok := parseCommand(flags, validateUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	if len(positional) == 0 {
		return usageError(stderr, "validate", validateUsage, "请指定要检查的预算文件")
	}
	opts, usage, err := rf.options()
	if usage {
		return usageError(stderr, "validate", validateUsage, "%v", err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc validate: %v\n", err)
		return exitFailed
	}
	status = exitOK
	for _, input := range positional {
		check := validateFile
		if *asJSON {
			check = validateFileJSON
		}
		if !check(stdout, input, units, opts) {
			status = exitFailed
		}
	}
	return status
}

// validateFile prints input's problems and, when it has no error, its
// summary; it reports whether the file is free of errors.
func validateFile(w io.Writer, input string, units unitChoice, opts *budgetdoc.Options) bool {
	b, problems, err := loadAndCheck(input, units, opts)
	printProblems(w, problems)
	if err != nil {
		fmt.Fprintln(w, err)
		return false
	}
	if len(problems.Errors()) > 0 {
		fmt.Fprintf(w, "%s：%s\n", input, countProblems(problems))
		return false
	}
	ok := "通过"
	if n := len(problems); n > 0 {
		ok = "通过（" + countProblems(problems) + "）"
	}
	each := ""
	if units.each {
		each = fmt.Sprintf("；%d 个单位的单位预算也都通过", len(b.Units))
	}
	fmt.Fprintf(w, "%s：%s — %s%s\n", input, ok, summary(b), each)
	return true
}

// unitChoice is which 单位预算 validate checks: one unit's (--unit CODE),
// every unit's beside the department's (--each-unit), or none.
type unitChoice struct {
	code string
	each bool
}

// loadAndCheck loads a budget and checks it as render (or batch
// --each-unit) would. The problems are the loader's or the checker's,
// errors and warnings, each once; err is for a file that cannot be read at
// all, worded for the reader. b is nil when the file did not load.
func loadAndCheck(input string, units unitChoice, opts *budgetdoc.Options) (b *budget.Budget, problems budget.Problems, err error) {
	b, problems, err = loadBudget(input, units.code)
	if b == nil {
		return nil, problems, err
	}
	problems = budgetdoc.Validate(b, opts)
	if units.each {
		ubs, err := b.UnitBudgets()
		if ps, ok := budget.AsProblems(err); ok {
			problems = appendNew(problems, ps...)
		}
		for _, ub := range ubs {
			if ub != nil {
				problems = appendNew(problems, budgetdoc.Validate(ub, opts)...)
			}
		}
	}
	return b, problems, nil
}

// readError words an error reading a file.
func readError(input string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s：文件不存在", input)
	}
	return fmt.Errorf("%s：无法读取文件：%s", input, reason(err))
}

// printProblems prints one problem a line: FILE:LINE:COLUMN: path: message.
func printProblems(w io.Writer, problems budget.Problems) {
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
}

// countProblems says "2 个错误，1 个警告".
func countProblems(ps budget.Problems) string {
	var parts []string
	if n := len(ps.Errors()); n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个错误", n))
	}
	if n := len(ps.Warnings()); n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个警告", n))
	}
	return strings.Join(parts, "，")
}

// summary states a budget's totals as the disclosure prints them. A valid
// budget's income is its spending (declared income was checked against
// the lines), so one pass over the lines gives them: the figures, which
// Validate has computed already, would cost their whole time again.
func summary(b *budget.Budget) string {
	basic, projects := decimal.Zero, decimal.Zero
	used := map[string]bool{}
	for _, l := range b.Lines {
		if l.Project != "" {
			projects = projects.Add(l.Amount)
			used[l.Project] = true
		} else {
			basic = basic.Add(l.Amount)
		}
	}
	total, unit := basic.Add(projects).StringFixed(2), b.AmountUnit()
	return fmt.Sprintf("收入 %s %s，支出 %s %s（基本 %s，项目 %s），%d 个项目",
		total, unit, total, unit, basic.StringFixed(2), projects.StringFixed(2), len(used))
}
