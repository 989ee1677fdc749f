package doc

import "fmt"

// Placed is a cell with its position in the table grid.
type Placed struct {
	Cell
	Row, Col         int // top-left grid position, 0-based, counted within its row group
	RowSpan, ColSpan int // at least 1
}

// Place resolves the span notation of rows (each row lists only the cells
// that start in it) into grid positions for a table of ncols columns. It
// reports a row whose cells overrun the grid or leave it short, and a row span
// that runs past the last row. Every writer places cells with it, so the
// PDF, Word and Excel tables cannot disagree.
func Place(rows [][]Cell, ncols int) ([][]Placed, error) {
	// One array each for the grid and for the cells: a long table has
	// thousands of rows, and slices made row by row were most of placing it.
	grid := make([]bool, len(rows)*ncols)
	taken := make([][]bool, len(rows))
	for i := range taken {
		taken[i] = grid[i*ncols : (i+1)*ncols]
	}
	n := 0
	for _, row := range rows {
		n += len(row)
	}
	cells := make([]Placed, 0, n)
	out := make([][]Placed, len(rows))
	for r, row := range rows {
		c := 0
		start := len(cells)
		for _, cell := range row {
			for c < ncols && taken[r][c] {
				c++
			}
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			if c+cs > ncols {
				return nil, fmt.Errorf("row %d: cells need more than the %d columns of the table", r+1, ncols)
			}
			if r+rs > len(rows) {
				return nil, fmt.Errorf("row %d, column %d: row span %d runs past the last row", r+1, c+1, rs)
			}
			for i := r; i < r+rs; i++ {
				for j := c; j < c+cs; j++ {
					if taken[i][j] {
						return nil, fmt.Errorf("row %d, column %d: cell overlaps a cell spanning from above", i+1, j+1)
					}
					taken[i][j] = true
				}
			}
			cells = append(cells, Placed{Cell: cell, Row: r, Col: c, RowSpan: rs, ColSpan: cs})
			c += cs
		}
		if len(cells) > start {
			out[r] = cells[start:len(cells):len(cells)] // full: an append copies
		}
	}
	for r := range taken {
		for c, ok := range taken[r] {
			if !ok {
				return nil, fmt.Errorf("row %d: column %d has no cell (a row must fill all %d columns)", r+1, c+1, ncols)
			}
		}
	}
	return out, nil
}

// GroupEnds gives, for each placed row, the row after the group of rows
// that row spans join it to: a writer keeps such a group on one page.
func GroupEnds(rows [][]Placed) []int {
	ends := make([]int, len(rows))
	start, stop := 0, 0
	for r := range rows {
		if r >= stop {
			start, stop = r, r+1
		}
		for _, c := range rows[r] {
			stop = max(stop, r+c.RowSpan)
		}
		for k := start; k <= r; k++ {
			ends[k] = stop
		}
	}
	return ends
}
