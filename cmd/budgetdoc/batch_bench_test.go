package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBatch100 makes 100 departments in three formats with -j 2, as a
// county's finance office would at publication time: 50 copies each of the
// 封丘 and 示范 examples (29 and 26 pages), so the figures compare with the
// command run by hand. Each op is one whole batch into a new folder:
//
//	go test ./cmd/budgetdoc -run '^$' -bench Batch100 -benchtime 3x
func BenchmarkBatch100(b *testing.B) {
	in := b.TempDir()
	for i := range 100 {
		from := "../../examples/fengqiu/fengqiu.yaml"
		if i%2 == 1 {
			from = "../../examples/shifan/shifan.yaml"
		}
		data, err := os.ReadFile(from)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("单位%03d.yaml", i+1)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	outs := b.TempDir()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		out := filepath.Join(outs, fmt.Sprint(n))
		var stdout, stderr bytes.Buffer
		args := []string{"batch", in, "-o", out, "--format", "pdf,docx,xlsx", "-j", "2"}
		if status := runContext(context.Background(), args, &stdout, &stderr); status != 0 {
			b.Fatalf("batch: exit %d\n%s%s", status, stdout.String(), stderr.String())
		}
		if files, err := os.ReadDir(out); err != nil || len(files) != 300 {
			b.Fatalf("%d files written (%v), want 300", len(files), err)
		}
	}
}
