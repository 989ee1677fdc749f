// Command budgetdoc makes a department's 部门预算 disclosure (PDF, Word,
// Excel) from one budget file, checks budget files, writes a commented
// skeleton to fill in, and renders a folder of budgets at once.
//
// Install it with
//
//	go install github.com/budgetdoc/budgetdoc/cmd/budgetdoc@latest
//
// and run "budgetdoc --help".
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
