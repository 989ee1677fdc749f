package budgetdoc_test

import (
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

// BenchmarkScale reads, checks, computes and typesets synthetic departments:
// Parse + Validate + Figures + Render and PDF per op, with the time of each step
// reported beside the total. The large sizes take seconds an op:
//
//	go test . -run '^$' -bench Scale -benchmem -benchtime 3x -cpu 1
func BenchmarkScale(b *testing.B) {
	for _, s := range scaleSizes {
		name := fmt.Sprintf("lines=%d/units=%d/projects=%d", s.Lines, s.Units, s.Projects)
		b.Run(name, func(b *testing.B) {
			data, err := synth.YAML(s)
			if err != nil {
				b.Fatal(err)
			}
			var parse, validate, figs, write time.Duration
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				t0 := time.Now()
				bud, err := budgetdoc.Parse("synth.yaml", data)
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if err := bud.Validate(nil); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				figures.Compute(bud, nil)
				t3 := time.Now()
				r, err := budgetdoc.Render(context.Background(), bud, nil)
				if err != nil {
					b.Fatal(err)
				}
				if err := r.Write(context.Background(), io.Discard, budgetdoc.FormatPDF); err != nil {
					b.Fatal(err)
				}
				t4 := time.Now()
				parse += t1.Sub(t0)
				validate += t2.Sub(t1)
				figs += t3.Sub(t2)
				write += t4.Sub(t3)
			}
			n := float64(b.N) * 1e6
			b.ReportMetric(float64(parse)/n, "parse-ms/op")
			b.ReportMetric(float64(validate)/n, "validate-ms/op")
			b.ReportMetric(float64(figs)/n, "figures-ms/op")
			b.ReportMetric(float64(write)/n, "render-pdf-ms/op")
		})
	}
}
