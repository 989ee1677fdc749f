package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/budgetdoc/budgetdoc/budgetdoc"
)

const batchUsage = `Usage:
  budgetdoc batch DIR -o OUTDIR [--format pdf,docx,xlsx] [-j N] [options]

Makes the documents for every budget file (*.yaml, *.yml, *.json) in the
folder DIR (not its subfolders), several at a time. OUTDIR/NAME.pdf (and
.docx, .xlsx) is written for DIR/NAME.yaml. A file with errors is reported
and skipped; the others are still made. At the end a summary names every
file that failed and why. The exit status is 1 if any file failed.

Ctrl-C stops starting new files; the files being made are finished, and no
document is ever left half-written.

Options:
  -o OUTDIR          the folder to write to (made if it does not exist)
  --format KINDS     which documents, separated by commas (default pdf)
  -j N               how many files to make at a time (default: one per CPU)
  --font ROLE=FILE   use a font file for a role, as for render
  --templates DIR    a folder of *.tmpl files replacing the narrative wording

Example:
  budgetdoc batch 各单位预算 -o 公开文件 --format pdf,xlsx

  2 succeeded, 1 failed
  failed:
    各单位预算/城管局.yaml: 2 errors
      各单位预算/城管局.yaml:27:3: income: income totals 670 but spending totals 697.1
      各单位预算/城管局.yaml:28:17: income.this_year.一般公共预算财政拨款: this year's income from 一般公共预算财政拨款 is 600 but the lines spend 627.1: income must equal spending
`

// fileResult is what became of one budget file.
type fileResult struct {
	input    string
	started  bool
	written  []string
	problems budgetdoc.Problems // errors and warnings
	err      error              // the file could not be read or a document not made
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
		return fail("name the folder of budget files")
	case len(positional) > 1:
		return fail("one folder at a time (got %s)", strings.Join(positional, ", "))
	case outdir == "":
		return fail("say where to write the documents with -o, for example -o 公开文件")
	case jobs < 1:
		return fail("-j %d: make at least one file at a time", jobs)
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
		fmt.Fprintf(stderr, "budgetdoc batch: no budget files (*.yaml, *.yml, *.json) in %s\n", dir)
		return exitFailed
	}
	if err := os.MkdirAll(outdir, 0o755); err != nil {
		fmt.Fprintf(stderr, "budgetdoc batch: cannot make the folder %s: %v\n", outdir, bare(err))
		return exitFailed
	}
	if err := checkFolder(outdir); err != nil {
		fmt.Fprintf(stderr, "budgetdoc batch: %v\n", err)
		return exitFailed
	}

	results := make([]*fileResult, len(inputs))
	for i, in := range inputs {
		results[i] = &fileResult{input: in}
	}
	claimOutputNames(results, outdir, kinds)

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
				renderFile(ctx, r, outdir, kinds, opts)
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

// batchFormats reads "pdf,docx,xlsx".
func batchFormats(list string) ([]string, error) {
	var kinds []string
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if formatOf("x."+f) == "" {
			return nil, fmt.Errorf("unknown --format %q: use pdf, docx or xlsx, separated by commas", f)
		}
		if !contains(kinds, f) {
			kinds = append(kinds, f)
		}
	}
	if len(kinds) == 0 {
		return nil, fmt.Errorf("--format names no kind of document: use pdf, docx or xlsx")
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
		return nil, fmt.Errorf("cannot read the folder %s: %v", dir, err)
	}
	var files []string
	for _, e := range entries {
		name := e.Name()
		switch strings.ToLower(filepath.Ext(name)) {
		case ".yaml", ".yml", ".json":
		default:
			continue
		}
		if strings.HasPrefix(name, ".") || e.IsDir() {
			continue
		}
		files = append(files, filepath.Join(dir, name))
	}
	sort.Strings(files)
	return files, nil
}

// outputPath is OUTDIR/<input base name>.<kind>.
func outputPath(outdir, input, kind string) string {
	base := filepath.Base(input)
	return filepath.Join(outdir, strings.TrimSuffix(base, filepath.Ext(base))+"."+kind)
}

// claimOutputNames fails every file whose documents would have the same
// name as an earlier file's (a.yaml and a.json both make a.pdf).
func claimOutputNames(results []*fileResult, outdir string, kinds []string) {
	owner := map[string]string{}
	for _, r := range results {
		path := outputPath(outdir, r.input, kinds[0])
		if first, taken := owner[path]; taken {
			r.err = fmt.Errorf("%s: would write %s, as %s does; rename one of them", r.input, path, first)
			continue
		}
		owner[path] = r.input
	}
}

// renderFile loads, checks and renders one budget file into r.
func renderFile(ctx context.Context, r *fileResult, outdir string, kinds []string, opts *budgetdoc.Options) {
	b, problems, err := loadAndCheck(r.input)
	r.problems = problems
	if err != nil || len(problems.Errors()) > 0 {
		r.err = err
		return
	}
	outputs := make([]output, len(kinds))
	for i, k := range kinds {
		outputs[i] = output{path: outputPath(outdir, r.input, k), format: k}
	}
	// A file that has started is finished even when the batch is
	// interrupted: its documents are made in memory and written whole.
	r.written, r.err = renderBudget(context.WithoutCancel(ctx), b, outputs, opts)
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
	fmt.Fprintf(w, "%d succeeded, %d failed", len(succeeded), len(failed))
	if len(notStarted) > 0 {
		fmt.Fprintf(w, ", %d not started (interrupted)", len(notStarted))
	}
	fmt.Fprintln(w)
	if len(failed) > 0 {
		fmt.Fprintln(w, "failed:")
		for _, r := range failed {
			if r.err != nil && len(r.problems) == 0 {
				fmt.Fprintf(w, "  %v\n", r.err)
				continue
			}
			fmt.Fprintf(w, "  %s: %s\n", r.input, countProblems(r.problems))
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
		fmt.Fprintln(w, "made, with warnings:")
		for _, r := range warned {
			fmt.Fprintf(w, "  %s: %s\n", r.input, countProblems(r.problems))
			for _, p := range r.problems {
				fmt.Fprintf(w, "    %s\n", p)
			}
		}
	}
	if len(notStarted) > 0 {
		fmt.Fprintln(w, "not started:")
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
