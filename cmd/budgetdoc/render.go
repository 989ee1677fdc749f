package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/catalog"
	"github.com/budgetdoc/budgetdoc/fonts"
)

const renderUsage = `用法：
  budgetdoc render 预算文件 -o 输出文件 [-o 输出文件 ...] [选项]

根据预算文件（.yaml、.yml、.json，或 Excel 预算工作簿 .xlsx）制作公开文件。
每个输出文件的类型由文件名决定：.pdf、.docx（Word）或 .xlsx（Excel，即各张附
表）。多次使用 -o 可一次制作多个文件。制作前先检查预算，有错误时不写出任何文件。所有文件要么全部写出，
要么一个也不改动，出错或中途按 Ctrl-C 也是如此。输出文件不能是要读取的文件。
输出是符号链接时，写入它指向的文件（链接保留，并会提示）；是设备或管道（如
/dev/null）时，直接写入。

选项：
  -o FILE            输出文件写到哪里（可多次使用）；-o - 写到标准输出（须同时
                     用 --format 指定类型）
  --format KIND      pdf、docx 或 xlsx：只有一个输出文件、且文件名不以 .pdf、
                     .docx、.xlsx 结尾时用它指定类型
  --font ROLE=FILE   为某一用途指定字体文件（.ttf、.otf，或用 .ttc#序号 指定字体
                     集中的一款）；用途有 body（正文）、title（标题）、heading
                     （小标题）、kai（楷体）、table（表格），其余用途仍用内置字体；
                     fallback（补字）：各用途的字体都没有的字由它补上；可多次使用
  --templates DIR    用文件夹中的 *.tmpl 文件替换说明文字的措辞（未替换的模板
                     仍用默认措辞）
  --unit CODE        制作部门所属一个预算单位的单位预算（单位编码见 units）；
                     默认的文档定义随之变为河南单位预算
  --profile NAME|DIR 文档定义：内置定义的名称（budgetdoc profiles 列出），或
                     自己的定义文件夹；默认为河南部门预算
  --catalogue FILE   本地区的科目表（预算系统导出的编码、名称两列，CSV、TSV 或
                     Excel），加在内置分类目录之上；可多次使用
  --min-table-size PT 表格排不下时最小可缩到的字号（7 到 9 磅，默认 8）

示例：
  budgetdoc render 2023预算.yaml -o 2023预算.pdf
  budgetdoc render 2023预算.yaml -o 2023预算.pdf -o 2023预算.docx -o 2023预算.xlsx
  budgetdoc render 2023预算.yaml -o 2023预算.pdf --font body=C:\Windows\Fonts\simfang.ttf
  budgetdoc render 2023预算.yaml -o - --format pdf > 2023预算.pdf
  budgetdoc render 2023预算.yaml --unit 501002 -o 环卫所2023单位预算.pdf
`

// errInterrupted is what a render stopped by Ctrl-C reports.
var errInterrupted = errors.New("已中断")

// formatOf returns the kind of document a file name's extension asks for
// ("pdf"), "" if none: the library's formats table decides.
func formatOf(name string) string {
	ext := filepath.Ext(name)
	if f, ok := budgetdoc.ParseFormat(ext); ok && ext != "" {
		return f.String()
	}
	return ""
}

// budgetExt reports whether name ends like a budget file (.yaml, .yml,
// .json).
func budgetExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// renderFlags are the flags render and batch share.
type renderFlags struct {
	fonts      stringList
	templates  string
	profile    string
	catalogues stringList
	// minTableSize is the smallest type size a table may step down to,
	// in points; 0 keeps GB/T 9704's 8.
	minTableSize float64
}

// define adds the shared flags to flags.
func (rf *renderFlags) define(flags *flag.FlagSet) {
	flags.Var(&rf.fonts, "font", "")
	flags.StringVar(&rf.templates, "templates", "", "")
	flags.StringVar(&rf.profile, "profile", "", "")
	flags.Var(&rf.catalogues, "catalogue", "")
	flags.Float64Var(&rf.minTableSize, "min-table-size", 0, "")
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
			if role == fallbackRole {
				set.RegisterFallback(face)
			} else {
				set.Register(role, face)
			}
		}
		o.Fonts = set
	}
	if len(rf.catalogues) > 0 {
		cat, err := catalog.LoadFiles(rf.catalogues...)
		if err != nil {
			return nil, false, fmt.Errorf("--catalogue：\n%v", err)
		}
		o.Catalogue = cat
	}
	if rf.profile != "" {
		p, err := loadProfile(rf.profile)
		if err != nil {
			return nil, false, err
		}
		o.Profile = p
	}
	if rf.templates != "" {
		if err := checkFolder(rf.templates); err != nil {
			return nil, false, fmt.Errorf("--templates: %v", err)
		}
		o.Templates = os.DirFS(rf.templates)
	}
	if rf.minTableSize != 0 {
		f := budgetdoc.GBT9704()
		if rf.minTableSize < minTableSize || rf.minTableSize > f.TableSize {
			return nil, true, fmt.Errorf("--min-table-size %g：表格的最小字号应在 %g 到 %g 磅之间", rf.minTableSize, minTableSize, f.TableSize)
		}
		f.TableMinSize = rf.minTableSize
		o.PageFormat = &f
	}
	return o, false, nil
}

// minTableSize is the smallest --min-table-size: below 7 pt a printed table
// is no longer readable.
const minTableSize = 7.0

var fontRoles = []fonts.Role{fonts.RoleBody, fonts.RoleTitle, fonts.RoleHeading, fonts.RoleKai, fonts.RoleTable, fallbackRole}

// fallbackRole is not a role of the document: its font goes last in every
// role's chain and draws only what the role's own fonts lack (a rare
// character in a name), so one flag mends every role.
const fallbackRole fonts.Role = "fallback"

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

// fontFiles are the font files the flags name: inputs of the run, like the
// budget file. A flag that cannot be read is reported by options.
func (rf *renderFlags) fontFiles() []string {
	var paths []string
	for _, spec := range rf.fonts {
		if _, path, _, err := parseFontFlag(spec); err == nil {
			paths = append(paths, path)
		}
	}
	return paths
}

func runRender(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("render")
	var outs stringList
	var rf renderFlags
	var format, unit string
	flags.Var(&outs, "o", "")
	flags.StringVar(&unit, "unit", "", "")
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
	opts, usage, err := rf.options()
	if usage {
		return fail("%v", err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc render: %v\n", err)
		return exitFailed
	}
	targets, err := resolveTargets(outputs, newInputFiles(append([]string{input}, rf.fontFiles()...)...))
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc render: %v；没有写出任何文件\n", err)
		return exitFailed
	}
	// When a document goes to standard output, so that it can be piped or
	// redirected, the messages go to stderr.
	messages := stdout
	if writesToStdout(targets, stdout) {
		messages = stderr
	}

	r, problems, err := loadAndRender(ctx, input, unit, opts)
	printProblems(stderr, problems)
	if errors.Is(err, errInterrupted) {
		fmt.Fprintf(stderr, "budgetdoc render: %v；没有写出任何文件\n", err)
		return exitInterrupted
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	if n := len(problems.Errors()); n > 0 {
		fmt.Fprintf(stderr, "%s：%s，没有写出任何文件\n", input, countProblems(problems))
		return exitFailed
	}

	written, err := renderBudget(ctx, r, targets, stdout)
	if ps, ok := budget.AsProblems(err); ok { // a table too wide for a page: at its field
		printProblems(stderr, ps)
		fmt.Fprintf(stderr, "%s：%s，没有写出任何文件\n", input, countProblems(ps))
		return exitFailed
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc render: %v\n", err)
		if errors.Is(err, errInterrupted) {
			return exitInterrupted
		}
		return exitFailed
	}
	for _, w := range written {
		fmt.Fprintf(messages, "已写出 %s\n", w)
	}
	return exitOK
}

// writesToStdout reports whether a target is the command's standard
// output: "-", or a name for the same file (/dev/stdout, /proc/self/fd/1).
func writesToStdout(targets []*target, stdout io.Writer) bool {
	f, isFile := stdout.(*os.File)
	var info os.FileInfo
	if isFile {
		info, _ = f.Stat()
	}
	for _, t := range targets {
		if t.kind == standard {
			return true
		}
		if t.kind == special && info != nil {
			if ti, err := os.Stat(t.path); err == nil && os.SameFile(ti, info) {
				return true
			}
		}
	}
	return false
}

// renderOutputs pairs each -o with its kind of document.
func renderOutputs(outs []string, format string) ([]output, error) {
	if format != "" {
		format = strings.ToLower(strings.TrimPrefix(format, "."))
		if formatOf("x."+format) == "" {
			return nil, fmt.Errorf("无法识别的 --format“%s”：请用 pdf、docx 或 xlsx", format)
		}
	}
	for _, path := range outs {
		if path == "-" && len(outs) > 1 {
			return nil, fmt.Errorf("-o - 把文件写到标准输出，只能写一个文件：请去掉其他 -o，或把 - 换成文件名")
		}
	}
	if format != "" && len(outs) > 1 {
		return nil, fmt.Errorf("--format 只能配合一个 -o 使用；有多个 -o 时，请让每个文件名以 .pdf、.docx 或 .xlsx 结尾")
	}
	seen := map[string]bool{}
	var outputs []output
	for _, path := range outs {
		ext := formatOf(path)
		if budgetExt(path) {
			// A budget file's extension: an input named as an output.
			ext = strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
		}
		f := format
		switch {
		case path == "-" && f == "":
			return nil, fmt.Errorf("-o - 把文件写到标准输出：请用 --format 指定类型（pdf、docx 或 xlsx）")
		case f == "":
			f = formatOf(path)
		case ext != "" && ext != f:
			return nil, fmt.Errorf("%s 的扩展名是 .%s，与 --format %s 不一致：请去掉 --format，或把文件名改为以 .%s 结尾", path, ext, f, f)
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

// renderBudget makes every document in memory, then writes them all, all
// or none (see writeTargets). It stops before the next document when ctx
// is cancelled, writing nothing. It returns the destinations written,
// described for the reader; an error says which were written (a
// *writeFailure).
func renderBudget(ctx context.Context, r *budgetdoc.Rendered, targets []*target, stdout io.Writer) ([]string, error) {
	docs, err := makeDocuments(ctx, r, targets)
	if err != nil {
		return nil, &writeFailure{err: err}
	}
	return writeTargets(ctx, targets, docs, stdout)
}
