package pdf

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/fonts"
)

// The gopdf way of drawing a page: what WriteTo did before it wrote the
// content streams itself (content.go), kept as the reference its streams
// are checked against and as the bare gopdf program's drawing.

// gopdfDrawRules draws a page's rules: the thin borders of its cells, merged
// where they continue each other, then each table's frame over them.
func gopdfDrawRules(gp *gopdf.GoPdf, p *page) {
	gp.SetLineWidth(borderWidth)
	for _, r := range mergeRules(p.allRules(nil)) {
		gp.Line(r.x1, r.y1, r.x2, r.y2)
	}
	fs := frames(p.bands)
	if len(fs) == 0 {
		return
	}
	gp.SetLineWidth(frameWidth)
	for _, f := range fs {
		gp.RectFromUpperLeftWithStyle(f.x, f.y, f.w, f.h, "D")
	}
	gp.SetLineWidth(borderWidth)
}

// gopdfDrawPage draws the page's text: its own runs and its table cells'.
func gopdfDrawPage(gp *gopdf.GoPdf, p *page) error {
	d := newTextDrawer(gp)
	for texts, at := range p.runs {
		if err := d.draw(texts, at.dx, at.dy); err != nil {
			return err
		}
	}
	return nil
}

// newTextDrawer is a drawer that has set no size or spacing yet: NaN equals
// nothing, so the first run sets both whatever they are.
func newTextDrawer(gp *gopdf.GoPdf) textDrawer {
	return textDrawer{gp: gp, size: math.NaN(), tc: math.NaN()}
}

// textDrawer draws runs, setting the font and spacing only when they change.
type textDrawer struct {
	gp               *gopdf.GoPdf
	face             *fonts.Face
	size, tc, stroke float64
}

func (d *textDrawer) draw(texts []textItem, dx, dy float64) error {
	for _, t := range texts {
		if t.stroke != d.stroke {
			if d.stroke > 0 {
				d.gp.SetCustomLineType([]float64{strokeEndMark}, 0)
			}
			if t.stroke > 0 {
				d.gp.SetCustomLineType([]float64{strokeStartMark}, t.stroke)
			}
			d.stroke = t.stroke
		}
		if t.face != d.face || t.size != d.size {
			if err := d.gp.SetFont(t.face.Name(), "", t.size); err != nil {
				return fmt.Errorf("font %s: %w", t.face.Name(), err)
			}
			d.face, d.size = t.face, t.size
		}
		if t.tc != d.tc {
			d.gp.SetCharSpacing(t.tc)
			d.tc = t.tc
		}
		d.gp.SetXY(t.x+dx, t.y+dy)
		if err := d.gp.Text(t.s); err != nil {
			return err
		}
	}
	if d.stroke > 0 {
		d.gp.SetCustomLineType([]float64{strokeEndMark}, 0)
		d.stroke = 0
	}
	return nil
}

// Filled and stroked text. gopdf has no operator for the text render mode,
// so the drawer marks where stroked text starts and ends with dash patterns
// no rule uses, "[0.01] W d" and "[0.02] 0.00 d", and strokeText turns
// them into "q 2 Tr W w" and "Q" in the content streams. Each marker is
// as long as what replaces it, so no offset or length in the file changes.
// The dash arrays are made afresh for each call: gopdf's SetCustomLineType
// converts them to points in place, and documents are drawn concurrently.
const (
	strokeStartMark = 0.01
	strokeEndMark   = 0.02
)

var strokeMarks = regexp.MustCompile(`\[0\.01\] ([0-9]\.[0-9]{2}) d\n|\[0\.02\] 0\.00 d\n`)

// strokeText rewrites the stroke markers of gopdf's uncompressed output
// in place.
func strokeText(pdf []byte) {
	for _, m := range strokeMarks.FindAllSubmatchIndex(pdf, -1) {
		at, end := m[0], m[1]
		var op string
		if m[2] >= 0 {
			op = "q 2 Tr " + string(pdf[m[2]:m[3]]) + " w\n" // "[0.01] 0.25 d\n": the same 14 bytes
		} else {
			op = "Q" + strings.Repeat(" ", end-at-2) + "\n"
		}
		copy(pdf[at:end], op)
	}
}
