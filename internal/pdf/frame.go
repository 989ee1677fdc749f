package pdf

// frameWidth is the width of a table's outer frame, in points: printed
// budgets frame a table with a heavier rule than the thin (borderWidth)
// rules inside it.
const frameWidth = 1.0

// frame is the outline of a table's part on one page.
type frame struct{ x, y, w, h float64 }

// frames are the outlines of the tables on a page: each run of bands that
// follow one another without a gap, at the same left edge and width (a
// table's header and body rows, or tables that share one grid).
func frames(bands []placedBand) []frame {
	const eps = 0.01
	var out []frame
	for _, b := range bands {
		w := 0.0
		for _, c := range b.cells {
			w = max(w, c.x1)
		}
		if n := len(out); n > 0 {
			f := &out[n-1]
			if abs(f.x-b.x) < eps && abs(f.w-w) < eps && abs(f.y+f.h-b.y) < eps {
				f.h += b.h
				continue
			}
		}
		out = append(out, frame{x: b.x, y: b.y, w: w, h: b.h})
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
