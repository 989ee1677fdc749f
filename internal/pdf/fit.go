package pdf

import (
	"errors"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
)

// Fit sizes every table of d as Lay would set it, without laying out pages:
// for a writer that cannot measure text (Excel) when no PDF is made.
func Fit(d *doc.Document, o Options) (doc.TableFits, error) {
	if d == nil {
		return nil, errors.New("pdf: no document")
	}
	if o.Format == (doc.Format{}) {
		o.Format = doc.GBT9704()
	}
	if o.Fonts == nil {
		o.Fonts = fonts.Default()
	}
	ts := newTypesetter(o.Fonts)
	_, fits := fitTables(d, o.Format, ts)
	if len(ts.problems) > 0 {
		return nil, errors.Join(ts.problems...)
	}
	return fits, nil
}

// Fits gives the size, orientation and column widths of every table, for
// the Word and Excel writers, which cannot measure text.
func (l *Layout) Fits() doc.TableFits {
	out := make(doc.TableFits, len(l.fits))
	for t, f := range l.fits {
		out[t] = f
	}
	return out
}

// fitTables sizes the tables of d from the table fonts' metrics and returns
// the document with every annex flowed as plain blocks, preceded by a page
// of the orientation its fit needs. A table that cannot fit is recorded as a
// problem of ts.
func fitTables(d *doc.Document, f doc.Format, ts *typesetter) (*doc.Document, doc.TableFits) {
	ts.quiet++ // characters no font has are reported where they are set
	fits, err := doc.FitAll(d, f, func(r rune, bold bool, size float64) float64 {
		return ts.advance(cellRole(bold), size, r)
	})
	ts.quiet--
	if err != nil {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			ts.problems = append(ts.problems, j.Unwrap()...)
		} else {
			ts.problems = append(ts.problems, err)
		}
	}
	out := &doc.Document{Title: d.Title, Author: d.Author}
	for i, b := range d.Blocks {
		a, ok := b.(*doc.Annex)
		if !ok || a == nil {
			out.Blocks = append(out.Blocks, b)
			continue
		}
		turned := len(a.Tables) > 0 && fits[a.Tables[0]].Orientation != a.Orientation &&
			fits[a.Tables[0]].Widths != nil
		if turned {
			out.Blocks = append(out.Blocks, &doc.PageBreak{Orientation: fits[a.Tables[0]].Orientation})
		}
		out.Blocks = append(out.Blocks, a.Blocks()...)
		if turned && i+1 < len(d.Blocks) {
			if _, ok := d.Blocks[i+1].(*doc.PageBreak); !ok {
				out.Blocks = append(out.Blocks, &doc.PageBreak{Orientation: a.Orientation})
			}
		}
	}
	return out, fits
}

// cellRole is the face of a table cell: bold cells (合计 rows) are set in
// the title face, the bold serif of the default set; there is no bold
// table role.
func cellRole(bold bool) fonts.Role {
	if bold {
		return fonts.Title
	}
	return fonts.Table
}
