// Command fengqiu writes the 2023 部门预算 of 封丘县政务服务和大数据管理局 —
// the reference document the library is checked against — as PDF, Word and
// Excel, and prints where.
//
//	go run ./examples/fengqiu            # into ./budgetdoc-output
//	go run ./examples/fengqiu -o DIR
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/budgetdoc/budgetdoc/budgetdoc"
)

//go:embed fengqiu.yaml
var input []byte

func main() {
	out := flag.String("o", "budgetdoc-output", "directory to write the files into")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dir string) error {
	b, err := budgetdoc.Parse("examples/fengqiu/fengqiu.yaml", input)
	if err != nil {
		return err
	}
	r, err := b.Render(nil) // validate, build and lay out once for all three files
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"fengqiu-2023.pdf", r.WritePDF},
		{"fengqiu-2023.docx", r.WriteDOCX},
		{"fengqiu-2023.xlsx", r.WriteXLSX},
	} {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			return err
		}
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
		abs, _ := filepath.Abs(path)
		fmt.Println(abs)
	}
	return nil
}
