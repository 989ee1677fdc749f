package xlsx

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/doc"
)

// sheetWriter fills one sheet. Cells are written row by row, left to right,
// so the same table always gives the same XML.
type sheetWriter struct {
	x      *excelize.File
	cells  cellSink // the sheet's cells, row heights and merged ranges
	st     *styles
	f      doc.Format
	name   string
	ncols  int
	size   float64   // type size of the table cells
	tight  bool      // the PDF set the rows closer to save a page
	widths []float64 // Excel column widths
	row    int       // next free row, 1-based
	// heights of the rows written so far, in points; starts[r] is true
	// where a body row starts a group of rows no row span crosses, a place
	// where a page may break.
	heights []float64
	starts  []bool
}

func writeSheet(x *excelize.File, cells cellSink, st *styles, name string, s sheetSpec, f doc.Format, fit doc.TableFit) error {
	ncols := s.table.NumColumns()
	if ncols == 0 {
		return errors.New("the table has no columns")
	}
	type group struct {
		rows   [][]doc.Placed
		header bool
	}
	var groups []group
	for _, t := range s.tables {
		header, err := doc.Place(t.Header, ncols)
		if err != nil {
			return fmt.Errorf("header: %w", err)
		}
		body, err := doc.Place(t.Body, ncols)
		if err != nil {
			return fmt.Errorf("body: %w", err)
		}
		groups = append(groups, group{header, true}, group{body, false})
	}
	var all [][]doc.Placed
	for _, g := range groups {
		all = append(all, g.rows...)
	}
	w := &sheetWriter{x: x, cells: cells, st: st, f: f, name: name, ncols: ncols, size: fit.Size, tight: fit.Tight,
		widths: columnWidths(fit.Widths, all, fit.Size), row: 1}
	if err := cells.widths(w.widths); err != nil {
		return fmt.Errorf("column widths: %w", err)
	}
	if s.title != "" {
		if err := w.title(s.title); err != nil {
			return fmt.Errorf("title: %w", err)
		}
	}
	if s.hasCaption {
		if err := w.caption(s.caption); err != nil {
			return fmt.Errorf("caption: %w", err)
		}
	}
	headerTop, headerBottom := w.row, w.row-1
	for i, g := range groups {
		if err := w.grid(g.rows, g.header); err != nil {
			return fmt.Errorf("%s: %w", map[bool]string{true: "header", false: "body"}[g.header], err)
		}
		if i == 0 {
			// The first table's header repeats on every printed page.
			headerBottom = w.row - 1
		}
	}
	for i, n := range s.notes {
		if err := w.note(n); err != nil {
			return fmt.Errorf("note %d: %w", i+1, err)
		}
	}
	if err := w.printSetup(fit.Orientation == doc.OrientationLandscape, headerTop, headerBottom); err != nil {
		return err
	}
	// The sheet's extent, which excelize leaves at A1.
	return x.SetSheetDimension(name, "A1:"+cellName(w.row-1, ncols))
}

// setHeight sets the height of the current row and remembers it.
func (w *sheetWriter) setHeight(h float64, start bool) error {
	h = min(h, maxRowHeight)
	if err := w.cells.height(w.row, h); err != nil {
		return err
	}
	w.heights = append(w.heights, h)
	w.starts = append(w.starts, start)
	return nil
}

// maxRowHeight is the tallest row Excel accepts, in points. Text that needs
// more is cut off at the row's foot; no budget field holds that much in one
// cell but a very long project description could.
const maxRowHeight = 409

// cellName is the A1 name of the cell at 1-based row and column.
func cellName(row, col int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// spanWidthPt is how wide columns from..to (1-based, inclusive) print.
func (w *sheetWriter) spanWidthPt(from, to int) float64 {
	pt := 0.0
	for c := from; c <= to; c++ {
		pt += widthPt(w.widths[c-1])
	}
	return pt
}

// text writes a text cell spanning columns from..to of the current row. Text
// is always stored as a string: "=1+1" stays text, never a formula.
func (w *sheetWriter) text(from, to int, s string, style int) error {
	if to > from {
		if err := w.cells.merge(from, w.row, to, w.row); err != nil {
			return err
		}
	}
	if s != "" {
		if err := w.cells.str(from, w.row, s); err != nil {
			return err
		}
	}
	return w.cells.style(from, w.row, to, w.row, style)
}

func (w *sheetWriter) title(s string) error {
	style, err := w.st.title()
	if err != nil {
		return err
	}
	if err := w.text(1, w.ncols, s, style); err != nil {
		return err
	}
	h := heightFor(s, w.spanWidthPt(1, w.ncols), w.f.TableTitle) + w.f.TableTitle/2
	if err := w.setHeight(h, false); err != nil {
		return err
	}
	w.row++
	return nil
}

// caption puts the text before the tab at the left of the row and the text
// after it right-aligned over the last columns, as the PDF sets it.
func (w *sheetWriter) caption(s string) error {
	left, right, split := strings.Cut(s, "\t")
	leftStyle, err := w.st.caption("left")
	if err != nil {
		return err
	}
	switch {
	case !split:
		err = w.text(1, w.ncols, s, leftStyle)
	case w.ncols == 1:
		err = w.text(1, 1, left+"    "+right, leftStyle)
	default:
		rightCols := max(1, w.ncols/4)
		var rightStyle int
		if rightStyle, err = w.st.caption("right"); err != nil {
			return err
		}
		if err = w.text(1, w.ncols-rightCols, left, leftStyle); err == nil {
			err = w.text(w.ncols-rightCols+1, w.ncols, right, rightStyle)
		}
	}
	if err != nil {
		return err
	}
	if err := w.setHeight(w.f.TableSize*lineSpacing+cellPadPt, false); err != nil {
		return err
	}
	w.row++
	return nil
}

func (w *sheetWriter) note(s string) error {
	style, err := w.st.note()
	if err != nil {
		return err
	}
	if err := w.text(1, w.ncols, s, style); err != nil {
		return err
	}
	if err := w.setHeight(heightFor(s, w.spanWidthPt(1, w.ncols), w.f.TableSize), false); err != nil {
		return err
	}
	w.row++
	return nil
}

// grid writes placed rows from the current row on: values, merges for
// spans, borders over every grid position, and row heights that show the
// wrapped text of the cells confined to one row.
func (w *sheetWriter) grid(rows [][]doc.Placed, header bool) error {
	top := w.row
	heights := make([]float64, len(rows))
	for r, row := range rows {
		heights[r] = w.size*lineSpacing + cellPadPt
		for _, p := range row {
			r0, c0 := top+p.Row, p.Col+1
			r1, c1 := r0+p.RowSpan-1, c0+p.ColSpan-1
			if r1 > r0 || c1 > c0 {
				if err := w.cells.merge(c0, r0, c1, r1); err != nil {
					return fmt.Errorf("row %d, column %d: %w", p.Row+1, c0, err)
				}
			}
			if err := w.value(c0, r0, p.Cell); err != nil {
				return fmt.Errorf("row %d, column %d: %w", p.Row+1, c0, err)
			}
			style, err := w.st.cell(p.Cell, header, w.size)
			if err != nil {
				return err
			}
			if err := w.cells.style(c0, r0, c1, r1, style); err != nil {
				return err
			}
			if p.RowSpan == 1 {
				heights[r] = math.Max(heights[r], heightFor(p.Text, w.spanWidthPt(c0, c1), w.size))
			}
		}
	}
	// A row-spanning cell taller than its rows shares the extra among them.
	for _, row := range rows {
		for _, p := range row {
			if p.RowSpan < 2 {
				continue
			}
			need := heightFor(p.Text, w.spanWidthPt(p.Col+1, p.Col+p.ColSpan), w.size)
			have := 0.0
			for r := p.Row; r < p.Row+p.RowSpan; r++ {
				have += heights[r]
			}
			for r := p.Row; r < p.Row+p.RowSpan && need > have; r++ {
				heights[r] += (need - have) / float64(p.RowSpan)
			}
		}
	}
	if w.tight {
		// As the PDF: lines at 1.2 em and little room above and below.
		for r, h := range heights {
			lines := math.Round((h - cellPadPt) / (w.size * lineSpacing))
			heights[r] = math.Round((lines*w.size*tightSpacing+tightPadPt)*4) / 4
		}
	}
	ends := doc.GroupEnds(rows)
	for r, h := range heights {
		w.row = top + r
		if err := w.setHeight(h, !header && (r == 0 || ends[r-1] <= r)); err != nil {
			return err
		}
	}
	w.row = top + len(rows)
	return nil
}

// value stores a figure as a number and anything else as a string.
func (w *sheetWriter) value(col, row int, c doc.Cell) error {
	if c.Number.Valid {
		// The decimal's own digits parsed as a float64: the nearest double,
		// which is all a spreadsheet number can hold.
		v, err := strconv.ParseFloat(c.Number.Decimal.String(), 64)
		if err != nil || math.IsInf(v, 0) {
			return fmt.Errorf("figure %s does not fit a spreadsheet number", c.Number.Decimal)
		}
		return w.cells.float(col, row, v)
	}
	if c.Text == "" {
		return nil
	}
	return w.cells.str(col, row, c.Text)
}
