package pdf_test

import (
	"compress/zlib"
	"context"
	"io"
	"testing"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/pdf"
)

// BenchmarkFengqiuBareGopdf draws the 封丘 report's finished layout with the
// bare gopdf program (WriteBare): the floor of writing that content with
// gopdf. Compare it, in alternate runs, with BenchmarkFengqiuPDF at the
// module root, which does everything from the loaded data:
//
//	go test ./internal/pdf -run '^$' -bench Fengqiu -benchmem -cpu 1
func BenchmarkFengqiuBareGopdf(b *testing.B) {
	l := fengqiuLayout(b)
	if err := pdf.WriteBare(io.Discard, l, zlib.DefaultCompression); err != nil { // parse the fonts outside the loop
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := pdf.WriteBare(io.Discard, l, zlib.DefaultCompression); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(l.Pages()), "pages")
}

// BenchmarkFengqiuLayWrite lays out and writes the 封丘 report's document:
// this package's share of BenchmarkFengqiuPDF.
func BenchmarkFengqiuLayWrite(b *testing.B) {
	d := fengqiuDocument(b)
	b.ReportAllocs()
	for b.Loop() {
		l, err := pdf.Lay(d, pdf.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func fengqiuDocument(b *testing.B) *doc.Document {
	bud, err := budgetdoc.Load("../../examples/fengqiu/fengqiu.yaml")
	if err != nil {
		b.Fatal(err)
	}
	d, err := budgetdoc.Build(context.Background(), bud, nil)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func fengqiuLayout(b *testing.B) *pdf.Layout {
	l, err := pdf.Lay(fengqiuDocument(b), pdf.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return l
}
