package pdf

import (
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
)

// page is one laid-out page: its size, its text area and everything drawn on
// it, in page coordinates (points from the top-left corner, y downwards).
type page struct {
	orient                   doc.Orientation
	w, h                     float64
	top, bottom, left, right float64 // text area edges
	number                   int     // printed page number; 0 prints none
	index                    int     // position in the document, 0-based

	texts   []textItem
	rules   []rule
	bands   []placedBand // table rows
	links   []link
	anchors []anchor
}

// offset is where a slice of runs is drawn from: a table cell's runs are
// placed relative to their band.
type offset struct{ dx, dy float64 }

// runs yields the page's text in drawing order, a slice of runs at a time
// with the offset it is drawn at: the page's own runs, then each line of
// each table cell.
func (p *page) runs(yield func([]textItem, offset) bool) {
	if !yield(p.texts, offset{}) {
		return
	}
	for _, b := range p.bands {
		for _, c := range b.cells {
			for _, ln := range c.lines {
				if !yield(ln.texts, offset{b.x, b.y}) {
					return
				}
			}
		}
	}
}

// allRules appends the page's rules to dst: its own, then its table
// bands' cell borders.
func (p *page) allRules(dst []rule) []rule {
	dst = append(dst, p.rules...)
	for _, b := range p.bands {
		dst = b.rules(dst)
	}
	return dst
}

// textItem is a run of text in one face, drawn with its baseline at y.
// tc is the extra space after every character (PDF Tc), for justification.
type textItem struct {
	face     *fonts.Face
	size, tc float64
	x, y     float64
	s        string
	// stroke is the width of the outline drawn around the glyphs as well
	// as filling them (text render mode 2), to make a light face as dark
	// as the body; 0 fills only.
	stroke float64
}

// rule is a thin line (a table border).
type rule struct{ x1, y1, x2, y2 float64 }

// link is a clickable area that jumps to heading block index target.
type link struct {
	x, y, w, h float64
	target     int
}

// anchor marks where heading block index heading stands, y its top.
type anchor struct {
	heading int
	y       float64
}

// newPage makes an empty page of orientation o in format f.
func newPage(f doc.Format, o doc.Orientation) *page {
	p := &page{orient: o}
	if o == doc.OrientationLandscape {
		p.w, p.h = f.PageHeight, f.PageWidth
		p.top, p.bottom = f.LandscapeTop, p.h-f.LandscapeBottom
		p.left, p.right = f.LandscapeLeft, p.w-f.LandscapeRight
	} else {
		p.w, p.h = f.PageWidth, f.PageHeight
		p.top, p.bottom = f.Top, p.h-f.Bottom
		p.left, p.right = f.Left, p.w-f.Right
	}
	return p
}

func (p *page) width() float64  { return p.right - p.left }
func (p *page) height() float64 { return p.bottom - p.top }

// empty reports whether nothing has been placed on the page yet.
func (p *page) empty() bool {
	return len(p.texts) == 0 && len(p.rules) == 0 && len(p.bands) == 0 && len(p.anchors) == 0
}
