package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/budget"
)

const batchUsage = `用法：
  budgetdoc batch 文件夹 -o 输出文件夹 [--format pdf,docx,xlsx] [-j N] [选项]

为文件夹中（不含子文件夹）的每个预算文件（*.yaml、*.yml、*.json、*.xlsx）制作公开文件，
同时处理多个。文件夹/名称.yaml 写出为 输出文件夹/名称.pdf（以及 .docx、.xlsx）。
有错误的文件会列出并跳过，其他文件照常制作。最后的汇总列出每个失败的文件及原因。
输出文件名只差大小写或字符写法的（如 A.yaml 和 a.json，在 Windows、macOS 上是
同一个文件），这几个文件都不制作。
有文件失败时退出状态为 1。

按 Ctrl-C（或收到 SIGTERM、SIGHUP）后不再开始新文件；正在制作的文件会做完，不会留下写了一半的文件。

选项：
  -o OUTDIR          输出到哪个文件夹（不存在时自动创建）
  --format KINDS     制作哪些文件，多个用逗号分隔（默认 pdf）
  -j N               同时制作几个文件（默认每个 CPU 一个）
  --each-unit        除部门预算外，再为部门的每个预算单位制作单位预算，写出为
                     输出文件夹/名称-单位编码.pdf（3 个单位的部门写出 4 份）；
                     一个文件的部门预算和单位预算要么全部写出，要么一份也不写
  --font ROLE=FILE   为某一用途指定字体文件，与 render 相同
  --templates DIR    用文件夹中的 *.tmpl 文件替换说明文字的措辞
  --profile NAME|DIR 文档定义，与 render 相同
  --catalogue FILE   本地区的科目表，与 render 相同
  --min-table-size PT 表格最小可缩到的字号，与 render 相同

示例：
  budgetdoc batch 各单位预算 -o 公开文件 --format pdf,xlsx

  成功 2 个，失败 1 个
  失败：
    各单位预算/城管局.yaml：2 个错误
      各单位预算/城管局.yaml:27:3: income: 收入合计 670，支出合计 697.1：收入应与支出相等
      各单位预算/城管局.yaml:28:17: income.this_year.一般公共预算财政拨款: 本年收入中一般公共预算财政拨款为 600，但用这笔资金的支出明细合计 627.1：收入应与支出相等
`

// fileResult is what became of one budget file.
type fileResult struct {
	input    string
	started  bool
	written  []string
	problems budget.Problems // errors and warnings
	err      error           // the file could not be read or a document not made
}

func (r *fileResult) failed() bool {
	return r.err != nil || len(r.problems.Errors()) > 0
}

// testHookFileDone, when set, is called by a worker after each file, before
// it takes the next: tests cancel the batch there.
var testHookFileDone func(input string)

func runBatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("batch")
	var outdir, formatList string
	var rf renderFlags
	jobs := runtime.GOMAXPROCS(0)
	flags.StringVar(&outdir, "o", "", "")
	flags.StringVar(&formatList, "format", "pdf", "")
	flags.IntVar(&jobs, "j", jobs, "")
	eachUnit := flags.Bool("each-unit", false, "")
	rf.define(flags)
	positional, status, ok := parseCommand(flags, batchUsage, args, stdout, stderr)
	if !ok {
		return status
	}
	fail := func(format string, args ...any) int {
		return usageError(stderr, "batch", batchUsage, format, args...)
	}
	switch {
	case len(positional) == 0:
		return fail("请指定存放预算文件的文件夹")
	case len(positional) > 1:
		return fail("一次只能处理一个文件夹（收到 %s）", strings.Join(positional, "、"))
	case outdir == "":
		return fail("请用 -o 指定公开文件写到哪个文件夹，如 -o 公开文件")
	case jobs < 1:
		return fail("-j %d：每次至少要制作一个文件", jobs)
	}
	dir := positional[0]
	kinds, err := batchFormats(formatList)
	if err != nil {
		return fail("%v", err)
	}
	opts, usage, err := rf.options()
	if usage {
		return fail("%v", err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc batch: %v\n", err)
		return exitFailed
	}
	inputs, err := budgetFiles(dir)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc batch: %v\n", err)
		return exitFailed
	}
	if len(inputs) == 0 {
		fmt.Fprintf(stderr, "budgetdoc batch: %s 中没有预算文件（*.yaml、*.yml、*.json、*.xlsx）\n", dir)
		return exitFailed
	}
	if err := os.MkdirAll(outdir, 0o755); err != nil {
		fmt.Fprintf(stderr, "budgetdoc batch: 无法创建文件夹 %s：%s\n", outdir, reason(err))
		return exitFailed
	}
	if err := checkFolder(outdir); err != nil {
		fmt.Fprintf(stderr, "budgetdoc batch: %v\n", err)
		return exitFailed
	}

	if _, set := os.LookupEnv("GOGC"); !set {
		defer debug.SetGCPercent(debug.SetGCPercent(batchGCPercent))
	}

	results := make([]*fileResult, len(inputs))
	for i, in := range inputs {
		results[i] = &fileResult{input: in}
	}
	taken := claimOutputNames(results, outdir, kinds)
	protected := newInputFiles(append(inputs, rf.fontFiles()...)...)

	progress := newProgress(stderr, len(inputs))
	work := make(chan *fileResult)
	var wg sync.WaitGroup
	for range min(jobs, len(inputs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range work {
				if ctx.Err() != nil {
					continue // interrupted: leave it not started
				}
				r.started = true
				renderFile(ctx, r, outdir, kinds, *eachUnit, taken, opts, protected)
				progress.done(r)
				if testHookFileDone != nil {
					testHookFileDone(r.input)
				}
			}
		}()
	}
feed:
	for _, r := range results {
		if r.err != nil {
			progress.done(r) // failed before it started: its output name is taken
			continue
		}
		select {
		case work <- r:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	progress.finish()

	return batchSummary(stdout, results, ctx.Err() != nil)
}

// batchGCPercent is how much the heap may grow between collections while
// a batch runs, unless GOGC says otherwise: 300 rather than Go's 100. A
// batch makes and drops some 30 MB for every department it renders, and at
// 100 the collector ran so often that it cost about an eighth of the
// batch's CPU time (BenchmarkBatch100, the whole test process: 11.5 s of
// CPU at 100, 9.8 s at 300, medians of 6 alternating runs, ratio 0.86);
// the heap of two workers then peaks at about 120 MB instead of 73.
const batchGCPercent = 300

// batchFormats reads "pdf,docx,xlsx".
func batchFormats(list string) ([]string, error) {
	var kinds []string
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if formatOf("x."+f) == "" {
			return nil, fmt.Errorf("无法识别的 --format“%s”：请用 pdf、docx 或 xlsx，多个用逗号分隔", f)
		}
		if !contains(kinds, f) {
			kinds = append(kinds, f)
		}
	}
	if len(kinds) == 0 {
		return nil, fmt.Errorf("--format 没有指定任何文件类型：请用 pdf、docx 或 xlsx")
	}
	return kinds, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// budgetFiles lists the budget files in dir, by name. Hidden files (an
// editor's backup, say) are left out.
func budgetFiles(dir string) ([]string, error) {
	if err := checkFolder(dir); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("无法读取文件夹 %s：%s", dir, reason(err))
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		isInput := budgetExt(name) || strings.EqualFold(filepath.Ext(name), ".xlsx")
		if !isInput || strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		files = append(files, filepath.Join(dir, name))
	}
	sort.Strings(files)
	return files, nil
}

// outputPath is OUTDIR/<input base name>.<kind>.
func outputPath(outdir, input, kind string) string {
	return filepath.Join(outdir, stem(input)+"."+kind)
}

// stem is a file's base name without its extension.
func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// nameKey is how a file system that ignores case and Unicode
// normalisation (Windows, macOS) sees a file name: A.pdf and a.pdf are one
// file there, and so are 预算 written composed and decomposed.
func nameKey(name string) string {
	return norm.NFC.String(cases.Fold().String(norm.NFD.String(name)))
}

// claimOutputNames fails every file whose documents would have the same
// name as another file's (a.yaml and A.json both make a.pdf on Windows):
// which of them was meant cannot be told, so none is made, and each
// message names the other inputs. It returns the names claimed, as nameKey
// sees them.
func claimOutputNames(results []*fileResult, outdir string, kinds []string) map[string]bool {
	claims := map[string][]*fileResult{}
	var keys []string
	for _, r := range results {
		key := nameKey(filepath.Base(outputPath(outdir, r.input, kinds[0])))
		if claims[key] == nil {
			keys = append(keys, key)
		}
		claims[key] = append(claims[key], r)
	}
	for _, key := range keys {
		rs := claims[key]
		if len(rs) < 2 {
			continue
		}
		for _, r := range rs {
			var others []string
			for _, o := range rs {
				if o != r {
					others = append(others, o.input)
				}
			}
			r.err = fmt.Errorf("%s：会写出 %s，与 %s 写出的文件同名（不区分大小写和字符的写法）：请给其中一个文件改名",
				r.input, outputPath(outdir, r.input, kinds[0]), strings.Join(others, "、"))
		}
	}
	taken := make(map[string]bool, len(claims))
	for key := range claims {
		taken[key] = true
	}
	return taken
}

// renderFile loads, checks and renders one budget file into r: the
// department's documents and, with eachUnit, every unit's 单位预算 beside
// them (名称-单位编码.pdf). They are written all or none. No output may
// replace one of the inputs, nor be named as another input's documents
// (taken holds those names, as nameKey sees them).
func renderFile(ctx context.Context, r *fileResult, outdir string, kinds []string, eachUnit bool, taken map[string]bool, opts *budgetdoc.Options, inputs *inputFiles) {
	// A file that has started is finished even when the batch is
	// interrupted: its documents are made in memory and written whole.
	ctx = context.WithoutCancel(ctx)
	b, problems, err := loadBudget(r.input, "")
	if b == nil {
		r.problems, r.err = problems, err
		return
	}
	type document struct {
		budget *budget.Budget
		name   string // the outputs' base name, without extension
	}
	base := stem(r.input)
	docs := []document{{b, base}}
	if eachUnit {
		ubs, err := b.UnitBudgets()
		if ps, ok := budget.AsProblems(err); ok {
			r.problems = appendNew(r.problems, ps...)
		}
		for i, u := range b.Units {
			name := base + "-" + u.Code
			if taken[nameKey(name+"."+kinds[0])] {
				r.err = fmt.Errorf("%s：单位 %s 的单位预算会写成 %s，与另一个预算文件写出的文件同名：请给其中一个文件改名；没有写出任何文件", r.input, u.Code, filepath.Join(outdir, name+"."+kinds[0]))
				return
			}
			if ubs[i] != nil {
				docs = append(docs, document{ubs[i], name})
			}
		}
	}
	var outputs []output
	var rendered []*budgetdoc.Rendered
	for _, d := range docs {
		rd, ps, err := render(ctx, r.input, d.budget, opts)
		r.problems = appendNew(r.problems, ps...)
		if err != nil {
			r.err = err
			return
		}
		if rd == nil {
			continue
		}
		for _, k := range kinds {
			outputs = append(outputs, output{path: filepath.Join(outdir, d.name+"."+k), format: k})
			rendered = append(rendered, rd)
		}
	}
	if len(r.problems.Errors()) > 0 {
		return
	}
	targets, err := resolveTargets(outputs, inputs)
	if err != nil {
		r.err = fmt.Errorf("%s：%w；没有写出任何文件", r.input, err)
		return
	}
	contents := make([][]byte, len(targets))
	for i, t := range targets {
		one, err := makeDocuments(ctx, rendered[i], []*target{t})
		if ps, ok := budget.AsProblems(err); ok {
			r.problems = appendNew(r.problems, ps...)
			return
		}
		if err != nil {
			r.err = fmt.Errorf("%s：%w", r.input, err)
			return
		}
		contents[i] = one[0]
	}
	r.written, r.err = writeTargets(ctx, targets, contents, io.Discard)
	if r.err != nil {
		r.err = fmt.Errorf("%s：%w", r.input, r.err)
	}
}

// appendNew appends the problems ps lacks: a department's warnings (an
// earlier year's catalogue, say) come again with each unit's document.
func appendNew(ps budget.Problems, more ...budget.Problem) budget.Problems {
	seen := make(map[string]bool, len(ps))
	for _, p := range ps {
		seen[p.String()] = true
	}
	for _, p := range more {
		if !seen[p.String()] {
			seen[p.String()] = true
			ps = append(ps, p)
		}
	}
	return ps
}

// batchSummary prints the outcome and returns the exit status.
func batchSummary(w io.Writer, results []*fileResult, interrupted bool) int {
	var succeeded, failed, notStarted []*fileResult
	for _, r := range results {
		switch {
		case r.failed():
			failed = append(failed, r)
		case !r.started:
			notStarted = append(notStarted, r)
		default:
			succeeded = append(succeeded, r)
		}
	}
	fmt.Fprintf(w, "成功 %d 个，失败 %d 个", len(succeeded), len(failed))
	if len(notStarted) > 0 {
		fmt.Fprintf(w, "，%d 个未开始（已中断）", len(notStarted))
	}
	fmt.Fprintln(w)
	if len(failed) > 0 {
		fmt.Fprintln(w, "失败：")
		for _, r := range failed {
			if r.err != nil && len(r.problems) == 0 {
				fmt.Fprintf(w, "  %v\n", r.err)
				continue
			}
			fmt.Fprintf(w, "  %s：%s\n", r.input, countProblems(r.problems))
			for _, p := range r.problems {
				fmt.Fprintf(w, "    %s\n", p)
			}
			if r.err != nil {
				fmt.Fprintf(w, "    %v\n", r.err)
			}
		}
	}
	var warned []*fileResult
	for _, r := range succeeded {
		if len(r.problems) > 0 {
			warned = append(warned, r)
		}
	}
	if len(warned) > 0 {
		fmt.Fprintln(w, "已制作，但有警告：")
		for _, r := range warned {
			fmt.Fprintf(w, "  %s：%s\n", r.input, countProblems(r.problems))
			for _, p := range r.problems {
				fmt.Fprintf(w, "    %s\n", p)
			}
		}
	}
	if len(notStarted) > 0 {
		fmt.Fprintln(w, "未开始：")
		for _, r := range notStarted {
			fmt.Fprintf(w, "  %s\n", r.input)
		}
	}
	switch {
	case interrupted:
		return exitInterrupted
	case len(failed) > 0:
		return exitFailed
	}
	return exitOK
}
