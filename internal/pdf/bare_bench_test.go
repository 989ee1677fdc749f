package pdf

import (
	"compress/zlib"
	"io"
	"testing"

	"github.com/signintech/gopdf"
)

// writeBare is the bare gopdf program this package is measured against: it
// draws a layout's text and rules with gopdf as gopdf is meant to be used,
// at the given compression level, and writes the file. It gets every
// position ready-made (the layout is not part of what it does) and writes no
// bookmarks, anchors or links: it is the floor of a PDF written with gopdf.
func writeBare(w io.Writer, l *Layout, level int) error {
	gp := &gopdf.GoPdf{}
	f := l.format
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: f.PageWidth, H: f.PageHeight}})
	gp.SetCompressLevel(level)
	for _, face := range l.used {
		if err := registerWhole(gp, face); err != nil {
			return err
		}
	}
	gp.SetLineWidth(borderWidth)
	for _, p := range l.pages {
		gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.w, H: p.h}})
		for _, r := range mergeRules(p.allRules(nil)) { // the same lines as WriteTo draws
			gp.Line(r.x1, r.y1, r.x2, r.y2)
		}
		if err := gopdfDrawPage(gp, p); err != nil {
			return err
		}
	}
	_, err := gp.WriteTo(w)
	return err
}

// BenchmarkBareGopdf writes BenchmarkRender30Pages' document with the bare
// gopdf program above, from a layout made once outside the loop. Compare
// the two in alternate runs:
//
//	go test ./internal/pdf -run '^$' -bench 'BareGopdf|Render30Pages' -benchmem -cpu 1 -count 6
func BenchmarkBareGopdf(b *testing.B) {
	l, err := Lay(sampleDoc(10, 40), Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := writeBare(io.Discard, l, zlib.DefaultCompression); err != nil { // parse the fonts outside the loop
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := writeBare(io.Discard, l, zlib.DefaultCompression); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(l.Pages()), "pages")
}

// WriteBare is writeBare for the benchmarks of package pdf_test, which can
// build a real report.
var WriteBare = writeBare
