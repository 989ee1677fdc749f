// Package xlsx writes the tables of a document as an Excel workbook: one
// sheet per table, in document order, each with the table's title, caption,
// header and body rows (merged cells as in the PDF) and notes, figures stored
// as numbers, and a print setup that prints the sheet like the PDF's page.
//
// Only tables go into the workbook: the prose of the document has no place in
// a spreadsheet. A document without tables is an error (ErrNoTables) rather
// than an empty or placeholder workbook, because it means the caller handed
// over the wrong document.
package xlsx

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/writer"
)

// ErrNoTables is returned for a document that holds no table.
var ErrNoTables = errors.New("xlsx: the document has no tables to put in a workbook")

// fixedTimestamp is written as the workbook's created and modified time so
// that the same document always gives the same bytes. The document carries no
// date of its own (the cover date is free text), so no real time is claimed.
const fixedTimestamp = "2000-01-01T00:00:00Z"

// Write writes the tables of d as an .xlsx workbook to w: its type sizes
// and print setup from o.Format, its columns from o.Fits (the PDF's), so
// the sheet has the PDF's columns. It stops with ctx's error between sheets
// when ctx is cancelled.
func Write(ctx context.Context, w io.Writer, d *doc.Document, o writer.Options) error {
	return writeWorkbook(ctx, w, d, o, nil)
}

// writeWorkbook is Write; with viaExcelize set, the cells go to the sink it makes
// rather than to this package's own (cells.go), so that a test can hold the
// two workbooks side by side.
func writeWorkbook(ctx context.Context, w io.Writer, d *doc.Document, o writer.Options, viaExcelize func(x *excelize.File, sheet string) cellSink) error {
	if d == nil {
		return errors.New("xlsx: no document")
	}
	f := o.Format
	if f.PageWidth == 0 {
		f = doc.GBT9704()
	}
	sheets := collectSheets(d)
	if len(sheets) == 0 {
		return ErrNoTables
	}
	names := sheetNames(sheets)

	x := excelize.NewFile()
	defer x.Close()
	st := newStyles(x, f)
	// The parts whose content this package writes, by their names in the
	// package: excelize names the sheets' parts by their place.
	parts := map[string]func([]byte) ([]byte, error){}
	var current string // the sheet being written
	sst := newSharedStrings(func(s string) error {
		// The first string makes excelize register its string table, at the
		// moment it would have with every string its own, so the package's
		// relationships are in the same order. Its table is replaced at Write.
		return x.SetCellStr(current, "A1", s)
	})
	for i, s := range sheets {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if i == 0 {
			// A new workbook comes with one sheet; it becomes the first table's.
			err = x.SetSheetName(x.GetSheetName(0), names[i])
		} else {
			_, err = x.NewSheet(names[i])
		}
		if err != nil {
			return fmt.Errorf("xlsx: table %d %q: sheet name %q: %w", i+1, s.table.Name, names[i], err)
		}
		if s.table.NumColumns() == 0 {
			return fmt.Errorf("xlsx: table %d %q: the table has no columns", i+1, s.table.Name)
		}
		fit, ok := o.Fits[s.table]
		if !ok || len(fit.Widths) != s.table.NumColumns() {
			// A table too wide for the page still makes a sheet, as wide as
			// its content needs: the print setup scales it to the page.
			var err error
			var tooWide *doc.FitError
			if fit, err = doc.Fit(s.tables, f, s.orientation, true, doc.Estimate); err != nil && !errors.As(err, &tooWide) {
				return fmt.Errorf("xlsx: table %d %q: %w", i+1, s.table.Name, err)
			}
		}
		var cells cellSink
		if viaExcelize != nil {
			cells = viaExcelize(x, names[i])
		} else {
			c := newSheetCells(sst)
			cells, current = c, names[i]
			parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = func(part []byte) ([]byte, error) { return withCells(part, c) }
		}
		if err := writeSheet(x, cells, st, names[i], s, f, fit); err != nil {
			return fmt.Errorf("xlsx: table %d %q: %w", i+1, s.table.Name, err)
		}
		if sst.err != nil {
			return fmt.Errorf("xlsx: table %d %q: %w", i+1, s.table.Name, sst.err)
		}
	}
	if viaExcelize == nil {
		if len(sst.texts) > 0 {
			parts["xl/sharedStrings.xml"] = func([]byte) ([]byte, error) { return sst.xml(), nil }
		}
		x.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
			return &cellsZip{zw: zip.NewWriter(w), parts: parts, done: map[string]bool{}}
		})
	}
	x.SetActiveSheet(0)
	if err := setProperties(x, d); err != nil {
		return fmt.Errorf("xlsx: document properties: %w", err)
	}
	if err := x.Write(w); err != nil {
		return fmt.Errorf("xlsx: writing the workbook: %w", err)
	}
	return nil
}

// setProperties fills the core and app properties with fixed or
// document-derived values only, never the current time.
func setProperties(x *excelize.File, d *doc.Document) error {
	if err := x.SetDocProps(&excelize.DocProperties{
		Title:          d.Title,
		Creator:        d.Author,
		LastModifiedBy: d.Author,
		Language:       "zh-CN",
		Created:        fixedTimestamp,
		Modified:       fixedTimestamp,
	}); err != nil {
		return err
	}
	return x.SetAppProps(&excelize.AppProperties{Application: "budgetdoc"})
}
