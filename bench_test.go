package budgetdoc

import (
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
