package pdf

import (
	"io"
	"testing"
)

// BenchmarkRender30Pages lays out and draws a budget-like document: cover,
// TOC, text, and 10 landscape tables of 40 rows × 12 columns under a
// two-level merged header.
func BenchmarkRender30Pages(b *testing.B) {
	d := sampleDoc(10, 40)
	l, err := Lay(d, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := l.WriteTo(io.Discard); err != nil { // parse the fonts once, outside the loop
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l, err := Lay(d, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(l.Pages()), "pages")
}
