package docx

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/linebreak"
)

// gridWidths scales the relative column widths to total twips; the widths are
// differences of rounded running sums, so they add up to total exactly.
func gridWidths(cols []float64, total int) ([]int, error) {
	if len(cols) == 0 {
		return nil, fmt.Errorf("no columns")
	}
	sum := 0.0
	for i, c := range cols {
		if !(c > 0) || math.IsInf(c, 0) {
			return nil, fmt.Errorf("column %d: width %v is not a positive number", i+1, c)
		}
		sum += c
	}
	out := make([]int, len(cols))
	run, prev := 0.0, 0
	for i, c := range cols {
		run += c
		edge := int(math.Round(float64(total) * run / sum))
		out[i] = edge - prev
		prev = edge
	}
	return out, nil
}

// slot is what a row holds at a grid column: a cell that starts there, or
// the continuation of a cell spanning down from a row above.
type slot struct {
	cell      doc.Placed
	continued bool
}

// fit is how tables set together are sized: the PDF's measure when the
// caller handed it over for all of them, else fitted here with estimated
// widths on the current section's page.
func (b *builder) fit(ts []*doc.Table) (doc.TableFit, error) {
	if f, ok := b.o.Tables[ts[0]]; ok && f.Widths != nil && len(f.Widths) == ts[0].NumColumns() {
		return f, nil
	}
	return doc.Fit(ts, b.o.Format, b.sec.orient, false, doc.Estimate)
}

// tables writes ts, which share their columns, as one w:tbl as wide as the
// current section's text area: Word would join two adjacent tables anyway,
// and a paragraph between them shows as a gap and a double rule. The first
// table's header rows repeat on every page; a later table's header rows
// are ordinary rows, as in the PDF where they follow on. Cells are placed
// by doc.Place, the same as in PDF and Excel; a row span becomes
// vMerge="restart" in its first row and a w:tc holding a bare <w:vMerge/>
// and an empty paragraph in each row it continues into (Word needs those
// cells; leaving them out shifts the row). Rows joined by a row span are
// kept on one page (keepNext on every row but the group's last), so a
// project's labels are never left on the page before its last rows.
func (b *builder) tables(x *strings.Builder, ts []*doc.Table, fit doc.TableFit, orient doc.Orientation) error {
	widths, err := gridWidths(fit.Widths, textWidth(b.o.Format, orient))
	if err != nil {
		return err
	}
	ncols := len(widths)
	total := 0
	for _, w := range widths {
		total += w
	}
	x.WriteString("<w:tbl><w:tblPr>")
	fmt.Fprintf(x, `<w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, total)
	// Thin inner rules and a heavier frame, as printed budgets have
	// (w:sz in eighths of a point: 1 pt outside, 0.5 pt inside).
	x.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right"} {
		x.WriteString(`<w:` + side + ` w:val="single" w:sz="8" w:space="0" w:color="000000"/>`)
	}
	for _, side := range []string{"insideH", "insideV"} {
		x.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	x.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/>`)
	// Cell margins as in the PDF: doc.CellPadX beside the text (at least
	// 3 pt from the rule), 0.5 mm above and below it (none in a table the
	// PDF set tight).
	pad := twips(doc.CellPadX * fit.Size)
	padY, rowHeight := 28, 2.0
	if fit.Tight {
		padY, rowHeight = 0, 0
	}
	fmt.Fprintf(x, `<w:tblCellMar><w:top w:w="%d" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`, padY, pad, padY, pad)
	x.WriteString(`<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(x, `<w:gridCol w:w="%d"/>`, w)
	}
	x.WriteString(`</w:tblGrid>`)
	size := sizeRun(fit.Size, b.o.Format)
	for i, t := range ts {
		for _, g := range []struct {
			name   string
			rows   [][]doc.Cell
			header bool
		}{{"header", t.Header, true}, {"body", t.Body, false}} {
			placed, err := doc.Place(g.rows, ncols)
			if err != nil {
				return fmt.Errorf("table %q: %s %w", t.Name, g.name, err)
			}
			ends := doc.GroupEnds(placed)
			rows := slots(placed, ncols)
			trPr := func() {
				// A row at least twice the type size high, as published tables
				// are set (as high as its text when the PDF set the table
				// tight); taller when its text wraps.
				fmt.Fprintf(x, `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="atLeast"/>`, twips(rowHeight*fit.Size))
				if g.header && i == 0 {
					x.WriteString(`<w:tblHeader/>`)
				}
				x.WriteString(`</w:trPr>`)
			}
			for r := 0; r < len(rows); r++ {
				if k := labelColumns(placed, r, ends[r]); !g.header && k > 0 {
					// A group whose labels span all its rows is one row
					// that cannot split, its other columns a table of their
					// own: Word and LibreOffice keep it on one page.
					trPr()
					for _, s := range rows[r][:k] {
						s.cell.RowSpan = 1
						writeTableCell(x, s, widths, false, size, false)
					}
					writeNestedRows(x, placed[r:ends[r]], k, widths, size, twips(rowHeight*fit.Size), pad)
					x.WriteString(`</w:tr>`)
					r = ends[r] - 1
					continue
				}
				trPr()
				keep := g.header || r+1 < ends[r]
				for _, s := range rows[r] {
					if g.header && !s.continued {
						s.cell.Text = balancedHeader(s.cell, widths, fit.Size, pad)
					}
					writeTableCell(x, s, widths, g.header, size, keep)
				}
				x.WriteString(`</w:tr>`)
			}
		}
	}
	x.WriteString(`</w:tbl>`)
	return nil
}

// labelColumns is k when rows r..end-1 are a group of two rows or more
// whose first row starts with at least two label cells spanning the whole
// group (a project's code, name and amounts), and whose other cells, in
// columns k and after, span neither rows nor columns (its targets); else 0.
func labelColumns(placed [][]doc.Placed, r, end int) int {
	if end-r < 2 {
		return 0
	}
	k := 0
	for _, p := range placed[r] {
		if p.Col != k || p.RowSpan != end-r || p.ColSpan != 1 {
			break
		}
		k++
	}
	if k < 2 {
		return 0
	}
	for q := r; q < end; q++ {
		for _, p := range placed[q] {
			if q == r && p.Col < k {
				continue
			}
			if p.Col < k || p.RowSpan != 1 || p.ColSpan != 1 {
				return 0
			}
		}
	}
	return k
}

// writeNestedRows writes the cell holding columns k.. of a group's rows as
// a table of their own, on the outer grid: no margins around it, its inner
// rules the outer table's, the outer cell's borders its frame.
func writeNestedRows(x *strings.Builder, rows [][]doc.Placed, k int, widths []int, size string, height, pad int) {
	sub := widths[k:]
	total := 0
	for _, w := range sub {
		total += w
	}
	fmt.Fprintf(x, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:gridSpan w:val="%d"/>`, total, len(sub))
	x.WriteString(`<w:tcMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar></w:tcPr>`)
	fmt.Fprintf(x, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>`, total)
	for _, side := range []string{"top", "left", "bottom", "right"} {
		x.WriteString(`<w:` + side + ` w:val="nil"/>`)
	}
	for _, side := range []string{"insideH", "insideV"} {
		x.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	fmt.Fprintf(x, `</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="%d" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`, pad, pad)
	for _, w := range sub {
		fmt.Fprintf(x, `<w:gridCol w:w="%d"/>`, w)
	}
	x.WriteString(`</w:tblGrid>`)
	for q, row := range rows {
		fmt.Fprintf(x, `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="atLeast"/></w:trPr>`, height)
		for _, p := range row {
			if q == 0 && p.Col < k {
				continue
			}
			p.Col -= k
			writeTableCell(x, slot{cell: p}, sub, false, size, false)
		}
		x.WriteString(`</w:tr>`)
	}
	// A cell must end with a paragraph, even after a table: the smallest.
	x.WriteString(`</w:tbl>`)
	spacerParagraph(pPr{}).write(x)
	x.WriteString(`</w:tc>`)
}

// balancedHeader is a header cell's text with its lines broken as the PDF
// breaks them, balanced ("单位/代码", not "单位代/码"): Word fills lines
// greedily. Hanzi are an em in every face, so the lines, measured a little
// wide (doc.Estimate) in the cell's room, fit Word's
// cell as they fit the PDF's.
func balancedHeader(p doc.Placed, widths []int, size float64, pad int) string {
	if p.Text == "" || strings.ContainsAny(p.Text, "\n\t") {
		return p.Text
	}
	w := 0
	for _, g := range widths[p.Col : p.Col+p.ColSpan] {
		w += g
	}
	room := float64(w-2*pad) / 20
	measure := func(r rune) float64 { return doc.Estimate(r, p.Bold, size) }
	lines := linebreak.Balanced(p.Text, room, measure)
	out := make([]string, len(lines))
	for i, ln := range lines {
		out[i] = ln.Text
	}
	return strings.Join(out, "\n")
}

// slots lays placed cells out row by row, left to right, with a
// continuation slot wherever a cell spans down into a row.
func slots(placed [][]doc.Placed, ncols int) [][]slot {
	// at[r*ncols+c] names the cell that starts at or spans down into row
	// r, column c: its row in placed and 1 + its index there (0: none).
	// One array for the grid, one for the slots.
	type ref struct{ row, i int }
	at := make([]ref, len(placed)*ncols)
	n := 0
	for pr, row := range placed {
		for i, p := range row {
			for r := p.Row; r < p.Row+p.RowSpan && r < len(placed); r++ {
				if p.Col >= 0 && p.Col < ncols {
					at[r*ncols+p.Col] = ref{pr, i + 1}
					n++
				}
			}
		}
	}
	out := make([][]slot, len(placed))
	all := make([]slot, 0, n)
	for r := range placed {
		start := len(all)
		for _, x := range at[r*ncols : (r+1)*ncols] {
			if x.i > 0 {
				p := placed[x.row][x.i-1]
				all = append(all, slot{cell: p, continued: r > p.Row})
			}
		}
		out[r] = all[start:len(all):len(all)]
	}
	return out
}

// sizeRun is the run property that sets a table's own type size, empty
// when it uses the TableText style's.
func sizeRun(size float64, f doc.Format) string {
	if size <= 0 || size == f.TableSize {
		return ""
	}
	hp := int(math.Round(size * 2))
	return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp)
}

// writeTableCell writes the w:tc of a slot: a cell, or the continuation of
// one spanning down.
func writeTableCell(x *strings.Builder, s slot, widths []int, header bool, size string, keepNext bool) {
	p := s.cell
	w := 0
	for _, g := range widths[p.Col : p.Col+p.ColSpan] {
		w += g
	}
	var num [20]byte
	x.WriteString(`<w:tc><w:tcPr><w:tcW w:w="`)
	x.Write(strconv.AppendInt(num[:0], int64(w), 10))
	x.WriteString(`" w:type="dxa"/>`)
	if p.ColSpan > 1 {
		x.WriteString(`<w:gridSpan w:val="`)
		x.Write(strconv.AppendInt(num[:0], int64(p.ColSpan), 10))
		x.WriteString(`"/>`)
	}
	switch {
	case s.continued:
		x.WriteString(`<w:vMerge/>`)
	case p.RowSpan > 1:
		x.WriteString(`<w:vMerge w:val="restart"/>`)
	}
	x.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	if s.continued {
		x.WriteString(`<w:p/></w:tc>`)
		return
	}
	rPr := ""
	switch {
	case p.Bold:
		rPr = `<w:rPr><w:b/><w:bCs/>` + size + `</w:rPr>`
	case size != "":
		rPr = `<w:rPr>` + size + `</w:rPr>`
	}
	x.WriteString(`<w:p>`)
	pPr{style: styleTableText, jc: cellAlign(p.Cell, header), keepNext: keepNext}.write(x)
	writeRuns(x, p.Text, rPr)
	x.WriteString(`</w:p></w:tc>`)
}

// cellAlign: the cell's own alignment, else header cells centred, numbers
// right and text left.
func cellAlign(c doc.Cell, header bool) string {
	switch c.Align {
	case doc.AlignLeft:
		return "left"
	case doc.AlignCenter:
		return "center"
	case doc.AlignRight:
		return "right"
	}
	switch {
	case header:
		return "center"
	case c.Number.Valid:
		return "right"
	}
	return "left"
}
