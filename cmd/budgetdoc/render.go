package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/fonts"
)

const renderUsage = `用法：
  budgetdoc render 预算文件 -o 输出文件 [-o 输出文件 ...] [选项]

根据预算文件（.yaml、.yml、.json，或 Excel 预算工作簿 .xlsx）制作公开文件。每个输出文件的类型由文件名
决定：.pdf、.docx（Word）或 .xlsx（Excel，即十二张附表）。多次使用 -o 可一次
制作多个文件。制作前先检查预算，有错误时不写出任何文件。每个文件要么完整写出，
要么不写，中途按 Ctrl-C 也是如此。

选项：
  -o FILE            输出文件写到哪里（可多次使用）
  --format KIND      pdf、docx 或 xlsx：只有一个输出文件、且文件名不以此结尾时
                     用它指定类型
  --font ROLE=FILE   为某一用途指定字体文件（.ttf、.otf，或用 .ttc#序号 指定字体
                     集中的一款）；用途有 body（正文）、title（标题）、heading
                     （小标题）、kai（楷体）、table（表格）；可多次使用
  --templates DIR    用文件夹中的 *.tmpl 文件替换说明文字的措辞

示例：
  budgetdoc render 2023预算.yaml -o 2023预算.pdf
  budgetdoc render 2023预算.yaml -o 2023预算.pdf -o 2023预算.docx -o 2023预算.xlsx
  budgetdoc render 2023预算.yaml -o 2023预算.pdf --font body=C:\Windows\Fonts\simfang.ttf
`

// errInterrupted is what a render stopped by Ctrl-C reports.
var errInterrupted = errors.New("已中断")

// formats are the kinds of document, by name and file extension.
var formats = []string{"pdf", "docx", "xlsx"}

// formatOf returns the kind of document a file name asks for, "" if none.
func formatOf(name string) string {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	for _, f := range formats {
		if ext == f {
			return f
		}
	}
	return ""
}

// renderFlags are the flags render and batch share.
type renderFlags struct {
	fonts     stringList
	templates string
}

// define adds the shared flags to flags.
func (rf *renderFlags) define(flags *flag.FlagSet) {
	flags.Var(&rf.fonts, "font", "")
	flags.StringVar(&rf.templates, "templates", "", "")
}

// options builds the library's options from the flags. A mistake in a
// flag's wording is a usage error (usage true); a font or folder that
// cannot be read is not.
func (rf *renderFlags) options() (o *budgetdoc.Options, usage bool, err error) {
	o = &budgetdoc.Options{}
	if len(rf.fonts) > 0 {
		set := fonts.Default()
		for _, spec := range rf.fonts {
			role, path, index, err := parseFontFlag(spec)
			if err != nil {
				return nil, true, err
			}
			face, err := fonts.LoadFile(path, index)
			if err != nil {
				return nil, false, fmt.Errorf("--font %s: %v", spec, err)
			}
			set.Register(role, face)
		}
		o.Fonts = set
	}
	if rf.templates != "" {
		if err := checkFolder(rf.templates); err != nil {
			return nil, false, fmt.Errorf("--templates: %v", err)
		}
		o.Templates = os.DirFS(rf.templates)
	}
	return o, false, nil
}

var fontRoles = []fonts.Role{fonts.Body, fonts.Title, fonts.Heading, fonts.Kai, fonts.Table}

// parseFontFlag reads ROLE=PATH or ROLE=PATH#INDEX.
func parseFontFlag(spec string) (role fonts.Role, path string, index int, err error) {
	name, path, ok := strings.Cut(spec, "=")
	if !ok || path == "" {
		return "", "", 0, fmt.Errorf("--font“%s”：请写成 用途=字体文件（ROLE=FILE），如 body=simfang.ttf", spec)
	}
	role = fonts.Role(strings.TrimSpace(name))
	known := false
	names := make([]string, len(fontRoles))
	for i, r := range fontRoles {
		names[i] = string(r)
		known = known || r == role
	}
	if !known {
		return "", "", 0, fmt.Errorf("--font“%s”：无法识别的用途“%s”；可用的用途有 %s", spec, name, strings.Join(names, "、"))
	}
	// A '#' followed by digits at the end picks a face of a collection; a
	// '#' elsewhere is part of the file name.
	if i := strings.LastIndex(path, "#"); i >= 0 {
		if n, err := strconv.Atoi(path[i+1:]); err == nil && n >= 0 {
			return role, path[:i], n, nil
		}
	}
	return role, path, 0, nil
}

// output is one document to write.
type output struct {
	path, format string
}

func runRender(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("render")
	var outs stringList
	var rf renderFlags
	var format string
	flags.Var(&outs, "o", "")
	flags.StringVar(&format, "format", "", "")
	rf.define(flags)
	positional, status, ok := parseCommand(flags, renderUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	fail := func(format string, args ...any) int {
		return usageError(stderr, "render", renderUsage, format, args...)
	}
	switch {
	case len(positional) == 0:
		return fail("请指定要制作的预算文件")
	case len(positional) > 1:
		return fail("一次只能制作一个预算文件（收到 %s）；整个文件夹请用 batch", strings.Join(positional, "、"))
	case len(outs) == 0:
		return fail("请用 -o 指定文件写到哪里，如 -o 2023预算.pdf")
	}
	input := positional[0]

	outputs, err := renderOutputs(outs, format)
	if err != nil {
		return fail("%v", err)
	}
	if sameFile(input, outs) { // a workbook's tables must not replace the workbook it was made from
		return fail("输出文件 %s 就是预算文件本身：请另起一个文件名", input)
	}
	opts, usage, err := rf.options()
	if usage {
		return fail("%v", err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc render: %v\n", err)
		return exitFailed
	}
	for _, o := range outputs {
		if err := checkFolder(filepath.Dir(o.path)); err != nil {
			fmt.Fprintf(stderr, "budgetdoc render: 无法写入 %s：%v\n", o.path, err)
			return exitFailed
		}
	}

	b, problems, err := loadAndCheck(input)
	printProblems(stderr, problems)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	if n := len(problems.Errors()); n > 0 {
		fmt.Fprintf(stderr, "%s：%s，没有写出任何文件\n", input, countProblems(problems))
		return exitFailed
	}

	written, err := renderBudget(ctx, b, outputs, opts)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc render: %v；没有写出任何文件\n", err)
		if ctx.Err() != nil {
			return exitInterrupted
		}
		return exitFailed
	}
	for _, o := range written {
		fmt.Fprintf(stdout, "已写出 %s\n", o)
	}
	return exitOK
}

// renderOutputs pairs each -o with its kind of document.
func renderOutputs(outs []string, format string) ([]output, error) {
	if format != "" {
		format = strings.ToLower(strings.TrimPrefix(format, "."))
		if formatOf("x."+format) == "" {
			return nil, fmt.Errorf("无法识别的 --format“%s”：请用 pdf、docx 或 xlsx", format)
		}
		if len(outs) > 1 {
			return nil, fmt.Errorf("--format 只能配合一个 -o 使用；有多个 -o 时，请让每个文件名以 .pdf、.docx 或 .xlsx 结尾")
		}
	}
	seen := map[string]bool{}
	var outputs []output
	for _, path := range outs {
		f := format
		if f == "" {
			f = formatOf(path)
		}
		if f == "" {
			return nil, fmt.Errorf("无法判断 %s 是哪种文件：文件名请以 .pdf、.docx 或 .xlsx 结尾，或用 --format 指定", path)
		}
		clean := filepath.Clean(path)
		if seen[clean] {
			return nil, fmt.Errorf("%s 指定了两次", path)
		}
		seen[clean] = true
		outputs = append(outputs, output{path: path, format: f})
	}
	return outputs, nil
}

// renderBudget makes every document in memory, then writes them all (see
// writeAll). It stops before the next document when ctx is cancelled,
// writing nothing. It returns the files written.
func renderBudget(ctx context.Context, b *budgetdoc.Budget, outputs []output, opts *budgetdoc.Options) ([]string, error) {
	docs := map[string][]byte{}
	var order []string
	// The document is built and laid out once for all the outputs.
	r, err := b.Render(opts)
	if err != nil {
		paths := make([]string, len(outputs))
		for i, o := range outputs {
			paths[i] = o.path
		}
		return nil, fmt.Errorf("无法制作 %s：%w", strings.Join(paths, "、"), err)
	}
	for _, o := range outputs {
		if err := ctx.Err(); err != nil {
			return nil, errInterrupted
		}
		var buf bytes.Buffer
		var err error
		switch o.format {
		case "pdf":
			err = r.WritePDF(&buf)
		case "docx":
			err = r.WriteDOCX(&buf)
		case "xlsx":
			err = r.WriteXLSX(&buf)
		}
		if err != nil {
			return nil, fmt.Errorf("无法制作 %s：%w", o.path, err)
		}
		docs[o.path] = buf.Bytes()
		order = append(order, o.path)
	}
	if err := ctx.Err(); err != nil {
		return nil, errInterrupted
	}
	if err := writeAll(docs, order); err != nil {
		return nil, err
	}
	return order, nil
}
