package pdf

import (
	"errors"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
)

// Fit sizes every table of d as Lay would set it, without laying out pages:
// for a writer that cannot measure text (Excel) when no PDF is made. A
// table too wide for any page is left out (zero), not an error.
func Fit(d *doc.Document, o Options) (doc.TableFits, error) {
	fits, _, err := fit(d, o)
	return fits, err
}

// Unfit lists the tables of d too wide for any page at the smallest size
// the format allows: what would make Lay fail, found without laying out
// pages.
func Unfit(d *doc.Document, o Options) ([]*doc.FitError, error) {
	_, unfit, err := fit(d, o)
	return unfit, err
}

func fit(d *doc.Document, o Options) (doc.TableFits, []*doc.FitError, error) {
	if d == nil {
		return nil, nil, errors.New("pdf: no document")
	}
	if o.Format == (doc.Format{}) {
		o.Format = doc.GBT9704()
	}
	if o.Fonts == nil {
		o.Fonts = fonts.Default()
	}
	ts := newTypesetter(o.Fonts)
	ts.quiet++ // characters no font has are the PDF's problem, not the workbook's
	// No pages are made: the tables' heights are enough (no tables map).
	_, fits := fitTables(d, o.Format, ts, nil)
	ts.quiet--
	// A table too wide for a page still goes into a workbook: the writer
	// fits it itself, as wide as it must be (its fit here is zero).
	var errs []error
	var unfit []*doc.FitError
	for _, err := range ts.problems {
		var fe *doc.FitError
		if errors.As(err, &fe) {
			unfit = append(unfit, fe)
		} else {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	return fits, unfit, nil
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
// problem of ts (even when ts is quiet). Each table is laid out once, into
// tables (by block index of the returned document), for the flow to use;
// with tables nil only to decide its fit, without placing its text.
func fitTables(d *doc.Document, f doc.Format, ts *typesetter, tables map[int]*tableLayout) (*doc.Document, doc.TableFits) {
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
	// An annex set landscape that would take more than one page there but
	// fits one portrait page (a long table of few columns) is turned
	// portrait: one page is worth more than the definition's orientation.
	for _, b := range d.Blocks {
		if a, ok := b.(*doc.Annex); ok && a != nil && len(a.Tables) > 0 {
			if fi := fits[a.Tables[0]]; fi.Widths != nil && fi.Orientation == doc.OrientationLandscape {
				turnToOnePage(a, fits, f, ts)
			}
		}
	}
	out := flatten(d, fits)
	decideTight(out, fits, f, ts, tables)
	return out, fits
}

// decideTight marks in fits the tables whose rows are set closer to save a
// page, laying each out on an empty page of its orientation, with the
// blocks around it that share its page, into tables. The layout is the one
// the flow uses: characters no font has are reported here, in their cells.
func decideTight(d *doc.Document, fits doc.TableFits, f doc.Format, ts *typesetter, tables map[int]*tableLayout) {
	fl := &flow{d: d, f: f, ts: ts, tables: tables, fits: fits, heightsOnly: tables == nil}
	for i, b := range d.Blocks {
		t, ok := b.(*doc.Table)
		if !ok || t == nil || fits[t].Widths == nil {
			continue
		}
		fl.addPage(fits[t].Orientation)
		tl := fl.layTable(i, t, fl.pg.width(), true)
		// The flow reuses the laid table. Its placed grid, a copy of every
		// cell, is let go: kept for every table it was a quarter of what a
		// long document held while being laid out. A table the flow sets at
		// another width is placed again.
		delete(ts.placed, t)
		if tables != nil {
			tables[i] = tl
		}
	}
}

// flatten is d with every annex flowed as its blocks, preceded by a page of
// the orientation its fit chose when that is not the annex's own (the
// break before it then leaves no empty page: an empty page is reused).
func flatten(d *doc.Document, fits doc.TableFits) *doc.Document {
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
	return out
}

// turnToOnePage sets annex a portrait in fits when it takes more than a
// landscape page and fits, whole, on a portrait one.
func turnToOnePage(a *doc.Annex, fits doc.TableFits, f doc.Format, ts *typesetter) {
	// Rows of one tight line each are the least it can take: when even
	// they overfill a portrait page, do not try.
	rows := 0
	for _, t := range a.Tables {
		rows += len(t.Header) + len(t.Body)
	}
	if float64(rows)*fits[a.Tables[0]].Size*(tightPitch+2*tightPadY) > f.PageHeight-f.Top-f.Bottom {
		return
	}
	ts.quiet++
	defer func() { ts.quiet-- }()
	measure := func(r rune, bold bool, size float64) float64 { return ts.advance(cellRole(bold), size, r) }
	portrait, err := doc.Fit(a.Tables, f, doc.OrientationPortrait, false, measure)
	if err != nil {
		return
	}
	height := func(o doc.Orientation, fit doc.TableFit) (total, page float64) {
		// The annex alone, laid out on a page of o.
		one := &doc.Document{Blocks: a.Blocks()}
		trial := doc.TableFits{}
		for _, t := range a.Tables {
			trial[t] = fit
		}
		fl := &flow{d: one, f: f, ts: ts, tables: map[int]*tableLayout{}, fits: trial, heightsOnly: true}
		fl.addPage(o)
		for i, b := range one.Blocks {
			t, ok := b.(*doc.Table)
			if !ok {
				continue
			}
			tl := fl.layTable(i, t, fl.pg.width(), true)
			if tl == nil {
				return 0, 0
			}
			if total == 0 {
				total = fl.before(i)
			}
			total += tl.height()
		}
		return total + fl.after(len(one.Blocks)-len(a.Notes)-1), fl.pg.height()
	}
	if h, page := height(doc.OrientationLandscape, fits[a.Tables[0]]); h <= page {
		return // it fits its own page
	}
	if h, page := height(doc.OrientationPortrait, portrait); h > 0 && h <= page {
		for _, t := range a.Tables {
			fits[t] = portrait
		}
	}
}

// cellRole is the face of a table cell: bold cells (合计 rows) are set in
// the title face, the bold serif of the default set; there is no bold
// table role.
func cellRole(bold bool) fonts.Role {
	if bold {
		return fonts.RoleTitle
	}
	return fonts.RoleTable
}
