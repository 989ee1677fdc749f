// Command fengqiu writes the 2023 部门预算 of 封丘县政务服务和大数据管理局 —
// the reference document the library is checked against — as PDF, Word and
// Excel, and prints where.
//
//	go run ./examples/fengqiu            # into ./budgetdoc-output
//	go run ./examples/fengqiu -o DIR
package main

import (
	"bytes"
	"context"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/budgetdoc/budgetdoc"
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
	r, err := budgetdoc.Render(context.Background(), b, nil) // validate and build once for all three files
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range budgetdoc.Formats() {
		var buf bytes.Buffer
		if err := r.Write(context.Background(), &buf, f); err != nil {
			return err
		}
		path := filepath.Join(dir, "fengqiu-2023"+f.Ext())
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
		abs, _ := filepath.Abs(path)
		fmt.Println(abs)
	}
	return nil
}
