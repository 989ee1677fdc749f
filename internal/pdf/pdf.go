// Package pdf typesets a doc.Document as PDF on gopdf.
//
// It works in two passes. Lay places every line, cell and rule of the
// document on pages; it runs the layout again until the table of contents
// carries the page numbers its own length produces. WriteTo then draws each
// page once, in order: gopdf misplaces text and links when a program goes
// back to an earlier page after a change of orientation, so this package
// never does.
//
// Page format (doc.Format, GB/T 9704-2012 by default): page numbers "— N —"
// in the footer size, FooterGap below the text area, placed as 9704 says:
// odd numbers at the right, even numbers at the left, each one character in
// from the edge of the text area. Landscape pages keep the same place
// relative to their own text area, so a reader who turns the page finds the
// number where it is on every other page. Pages before the first PageBreak
// with StartNumbering carry no number.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/writer"
)

// Options of the layout. The zero value sets GB/T 9704 with the default fonts.
type Options struct {
	Format doc.Format // zero: doc.GBT9704()
	Fonts  *fonts.Set // nil: fonts.Default()
}

// Layout is a document laid out on pages, ready to be drawn.
type Layout struct {
	document *doc.Document
	format   doc.Format
	fonts    *fonts.Set
	pages    []*page
	headings []placedHeading // InTOC headings in document order
	numbers  doc.PageNumbers
	used     []*fonts.Face // faces drawn with, in fonts.Set.Faces order
	fits     doc.TableFits // how each table is set

	// WriteTo lets each page's contents go once the page is drawn: on a
	// large department they are most of what is held while gopdf writes.
	// drawn says that has begun; a later WriteTo lays source out again
	// with opts.
	drawn  atomic.Bool
	source *doc.Document
	opts   Options
}

// placedHeading is an InTOC heading and where it landed.
type placedHeading struct {
	h     *doc.Heading
	block int     // index in Document.Blocks: names its anchor
	page  int     // index into Layout.pages
	y     float64 // top of the heading on its page
}

// maxTOCPasses bounds the layout passes spent making the table of contents
// agree with itself; page numbers settle after two in practice (one when the
// TOC's length does not change).
const maxTOCPasses = 5

// Lay lays the document out on pages. It reports every problem it finds
// (characters no font has, with the place; malformed tables) together.
func Lay(d *doc.Document, o Options) (*Layout, error) {
	if d == nil {
		return nil, errors.New("pdf: no document")
	}
	if o.Format == (doc.Format{}) {
		o.Format = doc.GBT9704()
	}
	if err := checkFormat(o.Format); err != nil {
		return nil, err
	}
	if o.Fonts == nil {
		o.Fonts = fonts.Default()
	}
	hasTOC := false
	for _, b := range d.Blocks {
		if _, ok := b.(*doc.TOC); ok {
			hasTOC = true
		}
	}
	var numbers doc.PageNumbers
	var l *Layout
	source := d
	ps := &passes{ts: newTypesetter(o.Fonts), tables: map[int]*tableLayout{}}
	d, ps.fits = fitTables(d, o.Format, ps.ts, ps.tables)
	for pass := 0; pass < maxTOCPasses; pass++ {
		var err error
		l, err = lay(d, o, numbers, ps)
		if err != nil {
			return nil, err
		}
		if !hasTOC || sameNumbers(numbers, l.numbers) {
			l.source, l.opts = source, o
			return l, nil
		}
		numbers = l.numbers
	}
	return nil, errors.New("pdf: the table of contents' page numbers do not settle (its length keeps changing)")
}

// Write lays d out and writes it as PDF to w: the internal/writer contract.
// A caller writing several formats lays the pages out once with Lay.
func Write(ctx context.Context, w io.Writer, d *doc.Document, o writer.Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l, err := Lay(d, Options{Format: o.Format, Fonts: o.Fonts})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err = l.WriteTo(w)
	return err
}

func checkFormat(f doc.Format) error {
	if f.PageWidth <= 0 || f.PageHeight <= 0 || f.BodySize <= 0 || f.LinePitch <= 0 ||
		f.TitleSize <= 0 || f.TableTitle <= 0 || f.TableSize <= 0 || f.FooterSize <= 0 {
		return fmt.Errorf("pdf: page format has a zero or negative size: %+v", f)
	}
	if f.Left+f.Right >= f.PageWidth || f.Top+f.Bottom >= f.PageHeight ||
		f.LandscapeLeft+f.LandscapeRight >= f.PageHeight || f.LandscapeTop+f.LandscapeBottom >= f.PageWidth {
		return fmt.Errorf("pdf: page format margins leave no text area: %+v", f)
	}
	return nil
}

func sameNumbers(a, b doc.PageNumbers) bool {
	if len(a) != len(b) {
		return false
	}
	for h, n := range a {
		if m, ok := b[h]; !ok || m != n {
			return false
		}
	}
	return true
}

// Pages is the number of pages.
func (l *Layout) Pages() int { return len(l.pages) }

// PageNumbers gives the printed page number of every table-of-contents
// heading (0 for a heading on a page that carries no number).
func (l *Layout) PageNumbers() doc.PageNumbers {
	out := make(doc.PageNumbers, len(l.numbers))
	for h, n := range l.numbers {
		out[h] = n
	}
	return out
}
