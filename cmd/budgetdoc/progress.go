package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// progress reports a batch as it goes: a bar redrawn in place when w is a
// terminal, one line a file otherwise (a log, a pipe).
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	terminal bool
	total    int
	finished int
	failed   int
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, terminal: isTerminal(w), total: total}
	if p.terminal {
		p.drawBar("")
	}
	return p
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// done records a finished file.
func (p *progress) done(r *fileResult) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finished++
	if r.failed() {
		p.failed++
	}
	if p.terminal {
		p.drawBar(filepath.Base(r.input))
		return
	}
	switch {
	case r.failed():
		why := countProblems(r.problems)
		if why == "" && r.err != nil {
			why = r.err.Error()
		}
		fmt.Fprintf(p.w, "[%d/%d] 失败 %s：%s\n", p.finished, p.total, r.input, why)
	default:
		fmt.Fprintf(p.w, "[%d/%d] 完成 %s → %s\n", p.finished, p.total, r.input, strings.Join(r.written, "、"))
	}
}

const barWidth = 30

func (p *progress) drawBar(last string) {
	filled := barWidth * p.finished / p.total
	bar := strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled)
	failed := ""
	if p.failed > 0 {
		failed = fmt.Sprintf("，失败 %d 个", p.failed)
	}
	// \r returns to the start of the line, \033[K clears what was there.
	fmt.Fprintf(p.w, "\r\033[K%s %d/%d%s  %s", bar, p.finished, p.total, failed, last)
}

// finish ends the bar's line.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.terminal {
		fmt.Fprintln(p.w)
	}
}
