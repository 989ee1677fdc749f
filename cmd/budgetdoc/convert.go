package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/internal/decode"
	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

const convertUsage = `用法：
  budgetdoc convert 输入文件 -o 输出文件 [--force]

在 YAML（.yaml、.yml）、JSON（.json）和预算工作簿（.xlsx，即 budgetdoc init --xlsx
写出的那种）之间转换，哪个方向都可以，内容不增不减：预算的每一项都转过去，转不过去
的（如写错的键名）会一一列出，这时不写出文件。类型由文件名决定。
YAML 中的注释不会转过去。已有的文件不会被替换，除非加上 --force。

转换不检查预算本身；转换后请用 budgetdoc validate 检查。

选项：
  -o FILE    要写的文件（.yaml、.yml、.json 或 .xlsx）
  --force    FILE 已存在时替换它

示例：
  budgetdoc convert 2023预算.yaml -o 2023预算.xlsx
  budgetdoc convert 2023预算.xlsx -o 2023预算.yaml
`

// maxConvertInput bounds the input as the loader does.
const maxConvertInput = budget.MaxInputSize

func runConvert(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("convert")
	var out string
	var force bool
	flags.StringVar(&out, "o", "", "")
	flags.BoolVar(&force, "force", false, "")
	positional, status, ok := parseCommand(flags, convertUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	fail := func(format string, args ...any) int {
		return usageError(stderr, "convert", convertUsage, format, args...)
	}
	switch {
	case len(positional) == 0:
		return fail("请指定要转换的文件")
	case len(positional) > 1:
		return fail("一次只能转换一个文件；多余的参数：%s", strings.Join(positional[1:], " "))
	case out == "":
		return fail("请用 -o 指定转换后的文件，如 -o 2023预算.xlsx")
	}
	in := positional[0]
	for _, name := range []string{in, out} {
		if inputKind(name) == "" {
			return fail("%s：文件名请以 .yaml、.yml、.json 或 .xlsx 结尾", name)
		}
	}
	targets, err := resolveTargets([]output{{path: out}}, newInputFiles(in))
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc convert: %v；没有写出任何文件\n", err)
		return exitFailed
	}
	if !force {
		if _, err := os.Lstat(out); err == nil {
			fmt.Fprintf(stderr, "budgetdoc convert: %s 已存在，未作改动（如要替换，请加 --force）\n", out)
			return exitFailed
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "budgetdoc convert: %v\n", writeError(out, err))
			return exitFailed
		}
	}
	data, err := convertFile(in, out, stderr)
	if err != nil {
		fmt.Fprintln(stderr, err)
		fmt.Fprintf(stderr, "%s：没有写出 %s\n", in, out)
		return exitFailed
	}
	written, err := writeTargets(context.Background(), targets, [][]byte{data}, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc convert: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "已写出 %s\n", written[0])
	return exitOK
}

// inputKind is yaml, json or xlsx by a file name's extension, "" for none.
func inputKind(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return "yaml"
	case ".json":
		return "json"
	case ".xlsx":
		return "xlsx"
	}
	return ""
}

// convertFile reads in and returns it converted to out's kind. Warnings
// about the input go to w; problems that stop the conversion are the error,
// one a line, each naming its place.
func convertFile(in, out string, w io.Writer) ([]byte, error) {
	data, err := readInput(in)
	if err != nil {
		return nil, err
	}
	root, err := readTree(in, data, w)
	if err != nil {
		return nil, err
	}
	var book bytes.Buffer
	if err := workbook.Write(&book, root); err != nil {
		var u workbook.UnplacedError
		if errors.As(err, &u) {
			return nil, placed(in, u)
		}
		return nil, err
	}
	if inputKind(out) == "xlsx" {
		return book.Bytes(), nil
	}
	// Through the workbook and back: the tree then says what each value
	// is (a code text, an amount a number), as YAML and JSON need it.
	t, err := workbook.Read(book.Bytes())
	if err != nil {
		return nil, err
	}
	if inputKind(out) == "json" {
		return workbook.EncodeJSON(t.Root)
	}
	return workbook.EncodeYAML(t.Root, "由 budgetdoc convert 从 "+filepath.Base(in)+" 转换而来")
}

func readInput(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, readError(name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConvertInput+1))
	if err != nil {
		return nil, readError(name, err)
	}
	if len(data) > maxConvertInput {
		return nil, fmt.Errorf("%s：文件超过 %d MiB，预算文件远没有这么大：请确认是不是选错了文件", name, maxConvertInput>>20)
	}
	return data, nil
}

// readTree reads the input tree of a YAML, JSON or workbook file.
func readTree(name string, data []byte, w io.Writer) (*yaml.Node, error) {
	if inputKind(name) == "xlsx" {
		t, err := workbook.Read(data)
		if err != nil {
			return nil, fmt.Errorf("%s：%v", name, err)
		}
		var errs []string
		for _, p := range t.Problems {
			if p.Warning {
				fmt.Fprintln(w, p.In(name))
			} else {
				errs = append(errs, p.In(name))
			}
		}
		if len(errs) > 0 {
			return nil, errors.New(strings.Join(errs, "\n"))
		}
		return t.Root, nil
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s：文件不是 UTF-8 编码：请另存为 UTF-8 编码", name)
	}
	root, syn := decode.Tree(data, inputKind(name) == "json")
	if syn != nil {
		return nil, fmt.Errorf("%s:%d:%d: %s", name, syn.Line, syn.Column, syn.Message)
	}
	if root == nil || root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s：文件中没有预算数据（应由 department:、units:、lines: 等各项组成）", name)
	}
	return root, nil
}

// placed words the values a workbook has no place for, each with its place
// in the input.
func placed(name string, u workbook.UnplacedError) error {
	lines := make([]string, len(u))
	for i, p := range u {
		lines[i] = fmt.Sprintf("%s:%d:%d: %s: %s", name, p.Pos.Line, p.Pos.Column, p.Path, p.Message)
	}
	return errors.New(strings.Join(lines, "\n"))
}
