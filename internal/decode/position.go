package decode

import "unicode/utf8"

// cursor turns byte offsets, visited in increasing order, into line and
// column (in characters), in time linear in the input.
type cursor struct {
	data []byte
	off  int
	pos  Position
}

func newCursor(data []byte) *cursor {
	return &cursor{data: data, pos: Position{1, 1}}
}

// at returns the position of byte offset off, which must not be before the
// offset asked for last.
func (c *cursor) at(off int) Position {
	off = min(off, len(c.data))
	for c.off < off {
		r, size := utf8.DecodeRune(c.data[c.off:])
		c.off += size
		if r == '\n' {
			c.pos.Line++
			c.pos.Column = 1
		} else {
			c.pos.Column++
		}
	}
	return c.pos
}

// PositionOf returns the line and column of byte offset off in data.
func PositionOf(data []byte, off int) Position {
	return newCursor(data).at(off)
}
