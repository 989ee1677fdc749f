package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/internal/decode"
)

// rowBits is how many bits of a position's Line hold the row: Excel has at
// most 2^20 rows, and the sheet goes above them.
const rowBits = 21

// cellPosition is the position a cell's value gets in the tree: Line holds
// the sheet (its index in sheets, plus one) above the row, Column the
// column, so that positions order as the workbook reads, sheet by sheet and
// row by row, and decode's messages need nothing new.
func cellPosition(sheet, row, col int) decode.Position {
	return decode.Position{Line: (sheet+1)<<rowBits | row, Column: col}
}

// sheetPosition is the position of a sheet as a whole.
func sheetPosition(sheet int) decode.Position {
	return decode.Position{Line: (sheet + 1) << rowBits}
}

// Place names where a position of a tree from Read stands: "支出明细!H27",
// or the sheet's name for the sheet as a whole; "" for the zero Position
// (the workbook as a whole).
func Place(p decode.Position) string {
	s, row := p.Line>>rowBits-1, p.Line&(1<<rowBits-1)
	if p.Line <= 0 || s < 0 || s >= len(sheets) {
		return ""
	}
	if row == 0 || p.Column <= 0 {
		return sheets[s].name
	}
	cell, err := excelize.CoordinatesToCellName(p.Column, row)
	if err != nil {
		return sheets[s].name
	}
	return sheets[s].name + "!" + cell
}

// Problem is one thing wrong with a workbook's layout or cells, found while
// reading it (see Tree), or a value of a tree that has no place in the
// workbook (see Write).
type Problem struct {
	// Pos is a cell (see Place) for a problem found reading a workbook,
	// the line and column for one found writing a tree.
	Pos decode.Position
	// Path is the field path in the tree, "lines[3].amount"; "" when the
	// problem is not about one value.
	Path    string
	Warning bool
	Message string
}

// Problems is every problem found at once.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.In("")
	}
	return strings.Join(lines, "\n")
}

// In words the problem as in a file called file: "预算.xlsx:支出明细!H27:
// lines[25].amount: …"; without a file name, the place starts it.
func (p Problem) In(file string) string {
	var b strings.Builder
	place := Place(p.Pos)
	switch {
	case file != "" && place != "":
		b.WriteString(file + ":" + place + ": ")
	case file != "":
		b.WriteString(file + ": ")
	case place != "":
		b.WriteString(place + ": ")
	}
	if p.Warning {
		b.WriteString("警告：")
	}
	if p.Path != "" {
		b.WriteString(p.Path + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// HasErrors reports whether any problem is an error, not a warning.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

func quote(s string) string { return decode.Quote(s) }

// columnName is the letter of column col (counting from 1).
func columnName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return fmt.Sprint(col)
	}
	return name
}

func cellName(col, row int) string { return columnName(col) + fmt.Sprint(row) }
