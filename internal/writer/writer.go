// Package writer is the contract every output format's writer keeps: a
// writer package has
//
//	func Write(ctx context.Context, w io.Writer, d *doc.Document, o writer.Options) error
//
// so that a caller's choice of page format and fonts reaches every format,
// and adding a format is a writer package and its entry in budgetdoc's
// formats table. A writer makes its output in memory and writes it to w
// whole, or writes nothing and returns an error; it stops with ctx's error
// when ctx is cancelled.
package writer

import (
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
)

// Options are what every writer takes.
type Options struct {
	// Format is the page format: page size, margins, type sizes. The zero
	// Format means doc.GBT9704().
	Format doc.Format
	// Fonts are the fonts by role; nil means fonts.Default(). The PDF
	// embeds them; Word names the ones a caller registered.
	Fonts *fonts.Set
	// Fits are the tables' type sizes, orientations and column widths as
	// the PDF's fonts measure them (pdf.Fit), for writers that cannot
	// measure text. A table missing from it is fitted with doc.Estimate.
	Fits doc.TableFits
	// Pages are the printed page numbers of the headings in the 目录, as
	// the PDF's layout placed them; nil prints none.
	Pages doc.PageNumbers
}
