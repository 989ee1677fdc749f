package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/budgetdoc/budgetdoc/budgetdoc"
)

const validateUsage = `Usage:
  budgetdoc validate INPUT [INPUT ...]

Checks budget files (.yaml, .yml or .json) and lists every problem at once,
one a line, as FILE:LINE:COLUMN: what is wrong. Warnings are marked
"warning:" and do not stop a document from being made. A file without
errors gets a one-line summary of its totals.

The exit status is 1 when any file has an error, 0 otherwise.

Example:
  budgetdoc validate 2023预算.yaml

  2023预算.yaml: OK — 收入 540.82 万元, 支出 540.82 万元 (基本 165.12, 项目 375.70), 6 个项目
`

func runValidate(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("validate")
	positional, status, ok := parseCommand(flags, validateUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	if len(positional) == 0 {
		return usageError(stderr, "validate", validateUsage, "name the budget file to check")
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
		fmt.Fprintf(w, "%s: %s\n", input, countProblems(problems))
		return false
	}
	f, err := b.Figures()
	if err != nil { // Check found no error, so Figures cannot fail; say so if it does
		fmt.Fprintf(w, "%s: %v\n", input, err)
		return false
	}
	ok := "OK"
	if n := len(problems); n > 0 {
		ok = "OK with " + countProblems(problems)
	}
	fmt.Fprintf(w, "%s: %s — %s\n", input, ok, summary(f))
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
		return fmt.Errorf("%s: no such file", input)
	}
	return fmt.Errorf("%s: cannot read the file: %v", input, bare(err))
}

// printProblems prints one problem a line: FILE:LINE:COLUMN: path: message.
func printProblems(w io.Writer, problems budgetdoc.Problems) {
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
}

// countProblems says "2 errors, 1 warning".
func countProblems(ps budgetdoc.Problems) string {
	var parts []string
	if n := len(ps.Errors()); n > 0 {
		parts = append(parts, plural(n, "error"))
	}
	if n := len(ps.Warnings()); n > 0 {
		parts = append(parts, plural(n, "warning"))
	}
	return strings.Join(parts, ", ")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// summary states a budget's totals as the disclosure prints them.
func summary(f *budgetdoc.Figures) string {
	return fmt.Sprintf("收入 %s %s, 支出 %s %s (基本 %s, 项目 %s), %d 个项目",
		f.Income.Total.StringFixed(2), f.MoneyUnit,
		f.All.Total.StringFixed(2), f.MoneyUnit,
		f.All.Basic.StringFixed(2), f.All.Projects.StringFixed(2),
		len(f.Projects.All))
}
