package budgetdoc

import (
	"context"
	"io"
	"testing"
)

// BenchmarkFengqiuPDF renders the 封丘 report from loaded data: validation,
// figures, the narrative, the twelve tables, layout and the PDF bytes.
func BenchmarkFengqiuPDF(b *testing.B) {
	bud, err := Load("examples/fengqiu/fengqiu.yaml")
	if err != nil {
		b.Fatal(err)
	}
	// The fonts are parsed once per process, here, outside what is timed,
	// as BenchmarkFengqiuBareGopdf does.
	if err := writeTo(io.Discard, bud, nil, FormatPDF); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := writeTo(io.Discard, bud, nil, FormatPDF); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadValidate reads and checks the 封丘 input.
func BenchmarkLoadValidate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		bud, err := Load("examples/fengqiu/fengqiu.yaml")
		if err != nil {
			b.Fatal(err)
		}
		if err := Validate(bud, nil).Err(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFengqiuWrite writes the 封丘 report's Word and Excel files from
// one Rendered whose pages are laid out already, as the batch command does
// after the PDF: what each of the two writers costs a department.
func BenchmarkFengqiuWrite(b *testing.B) {
	bud, err := Load("examples/fengqiu/fengqiu.yaml")
	if err != nil {
		b.Fatal(err)
	}
	r, err := Render(context.Background(), bud, nil)
	if err != nil {
		b.Fatal(err)
	}
	if err := r.Write(context.Background(), io.Discard, FormatPDF); err != nil {
		b.Fatal(err)
	}
	for _, f := range []Format{FormatDOCX, FormatXLSX} {
		b.Run(f.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := r.Write(context.Background(), io.Discard, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
