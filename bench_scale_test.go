package budgetdoc_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/figures"
	"github.com/budgetdoc/budgetdoc/internal/synth"
)

// scaleSizes is the scaling family: lines × units × projects. A county
// 教育局 has about one school (unit) per 20 lines, so units grow with
// lines; the 3-unit rows are the same lines in few units, to show what the
// unit count alone costs. Projects are one per 20 lines.
var scaleSizes = []synth.Size{
	{Lines: 2000, Units: 3, Projects: 100},
	{Lines: 2000, Units: 100, Projects: 100},
	{Lines: 20000, Units: 3, Projects: 1000},
	{Lines: 20000, Units: 1000, Projects: 1000},
}

// BenchmarkScale parses, renders (validation, figures, the document) and
// typesets synthetic departments: per op what `budgetdoc render` does for
// a PDF, Parse + Render + Write, with the time of each step reported beside
// the total. Validate and figures.Compute, which Render does inside, are
// also timed on their own, outside the op, to show their share of render:
//
//	go test . -run '^$' -bench Scale -benchmem -benchtime 1x -cpu 1
func BenchmarkScale(b *testing.B) {
	for _, s := range scaleSizes {
		name := fmt.Sprintf("lines=%d/units=%d/projects=%d", s.Lines, s.Units, s.Projects)
		b.Run(name, func(b *testing.B) {
			data, err := synth.YAML(s)
			if err != nil {
				b.Fatal(err)
			}
			var parse, render, write, validate, figs time.Duration
			pages := 0
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				t0 := time.Now()
				bud, err := budgetdoc.Parse("synth.yaml", data)
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				r, err := budgetdoc.Render(context.Background(), bud, nil)
				if err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				if err := r.Write(context.Background(), io.Discard, budgetdoc.FormatPDF); err != nil {
					b.Fatal(err)
				}
				t3 := time.Now()
				parse += t1.Sub(t0)
				render += t2.Sub(t1)
				write += t3.Sub(t2)

				b.StopTimer()
				t4 := time.Now()
				if err := bud.Validate(nil); err != nil {
					b.Fatal(err)
				}
				t5 := time.Now()
				figures.Compute(bud, nil)
				validate += t5.Sub(t4)
				figs += time.Since(t5)
				if pages == 0 {
					pages = pdfPages(b, r)
				}
				b.StartTimer()
			}
			n := float64(b.N) * 1e6
			b.ReportMetric(float64(parse)/n, "parse-ms/op")
			b.ReportMetric(float64(render)/n, "render-ms/op")
			b.ReportMetric(float64(write)/n, "pdf-ms/op")
			b.ReportMetric(float64(validate)/n, "validate-ms")
			b.ReportMetric(float64(figs)/n, "figures-ms")
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// pdfPages counts the pages of r's PDF.
func pdfPages(b *testing.B, r *budgetdoc.Rendered) int {
	var buf bytes.Buffer
	if err := r.Write(context.Background(), &buf, budgetdoc.FormatPDF); err != nil {
		b.Fatal(err)
	}
	return bytes.Count(buf.Bytes(), []byte("/Type /Page\n"))
}
