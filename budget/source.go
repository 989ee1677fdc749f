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
	pos  map[string]Position
	// warnings are what loading accepted but Check should mention.
	warnings Problems
}

func newSourceMap(file string, positions map[string]decode.Position) *sourceMap {
	m := &sourceMap{file: file, pos: make(map[string]Position, len(positions))}
	for path, p := range positions {
		m.pos[path] = Position{File: file, Line: p.Line, Column: p.Column}
	}
	return m
}

// position returns where path stands in the input, or the nearest enclosing
// path that has a position; the zero Position for a budget built in Go.
func (b *Budget) position(path string) Position {
	if b.source == nil {
		return Position{}
	}
	for {
		if p, ok := b.source.pos[path]; ok {
			return p
		}
		i := max(strings.LastIndexAny(path, ".["), 0)
		if i == 0 {
			return Position{File: b.source.file}
		}
		path = path[:i]
	}
}
