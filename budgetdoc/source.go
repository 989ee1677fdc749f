package budgetdoc

import "strings"

// sourceMap maps field paths ("lines[3].economic") to where they stand in the
// input file, so problems found after loading can name file:line:column.
type sourceMap struct {
	file string
	pos  map[string]Position
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
