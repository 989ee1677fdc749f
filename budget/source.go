package budget

import (
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/decode"
)

// sourceMap maps field paths ("lines[3].economic") to where they stand in the
// input file, so problems found after loading can name file:line:column.
//
// Paths join struct fields and map keys with "." and index lists with
// "[i]": "income.this_year.一般公共预算财政拨款",
// "projects[0].targets[2].value". A path's position is that of its value.
type sourceMap struct {
	file string
	// pos is the decoder's own map, kept as it is: a budget of 20 000 lines
	// has some 200 000 paths, and a copy with the file name in every entry
	// was a tenth of the memory a render of it held.
	pos map[string]decode.Position
	// cells is set for a workbook's positions: each names its cell.
	cells bool
	// warnings are what loading accepted but Check should mention.
	warnings Problems
}

func newSourceMap(file string, positions map[string]decode.Position) *sourceMap {
	return &sourceMap{file: file, pos: positions}
}

// at is where p stands in the file.
func (m *sourceMap) at(p decode.Position) Position {
	if m.cells {
		return cellPosition(m.file, p)
	}
	return Position{File: m.file, Line: p.Line, Column: p.Column}
}

// position returns where path stands in the input, or the nearest enclosing
// path that has a position; the zero Position for a budget built in Go.
func (b *Budget) position(path string) Position {
	if b.source == nil {
		return Position{}
	}
	for {
		if p, ok := b.source.pos[path]; ok {
			return b.source.at(p)
		}
		i := max(strings.LastIndexAny(path, ".["), 0)
		if i == 0 {
			return Position{File: b.source.file}
		}
		path = path[:i]
	}
}
