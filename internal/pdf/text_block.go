package pdf

import (
	"math"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/linebreak"
)

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify // left, and every line but the last spread to the full width
)

// textStyle says how a run of lines is set.
type textStyle struct {
	role   fonts.Role
	size   float64
	pitch  float64 // line slot height
	indent float64 // first-line indent
	align  align
	// track is the space after every wide character that puts the text
	// on its character grid (see gridTrack); 0 off the grid.
	track float64
	// stroke is the width of the outline drawn around the glyphs (see
	// kaiStroke); 0 fills only.
	stroke float64
}

// gridTrack is the tracking that makes characters of size fill a line of
// width w in a whole number of cells. GB/T 9704-2012 5.2.3 asks for 28
// characters a line "并撑满版心": 28 characters of 3号 fill the 156 mm 版心
// (442.2 pt) at 15.79 pt each, which is what Word's 文档网格 "每行28字" does,
// a letter-spacing of -0.21 pt. The count is the nearest whole number, so a
// format whose width is not a multiple of its size is filled either way.
func gridTrack(w, size float64) float64 {
	n := math.Round(w / size)
	if n < 1 {
		return 0
	}
	return w/n - size
}

// bodyText is a style of the body size on the character grid of the
// current page's text width: body paragraphs, headings set at body size, the
// TOC entries. The first-line indent of two characters is two grid cells.
//
// A face that draws smaller inside its em than the body face (楷体 beside
// 宋体 or 仿宋) is set larger by opticalScale, so that it looks the size of
// the body; it stays on the body's grid, its cells as wide as the body's.
// The embedded 楷体 beside the embedded 宋体 is stroked as well as filled
// (kaiStroke), so that it is as dark.
func (fl *flow) bodyText(role fonts.Role, indent bool) textStyle {
	f := fl.f
	cell := f.BodySize + gridTrack(fl.pg.width(), f.BodySize)
	size := f.BodySize
	if role != fonts.RoleBody {
		size *= opticalScale(fl.sampleFace(fonts.RoleBody), fl.sampleFace(role))
	}
	st := textStyle{role: role, size: size, pitch: f.LinePitch, track: cell - size}
	if role == fonts.RoleKai {
		st.stroke = opticalStroke(fl.sampleFace(fonts.RoleBody), fl.sampleFace(role)) * size
	}
	if indent {
		st.indent = 2 * cell
	}
	return st
}

// sampleFace is the face role sets Chinese text in, or nil.
func (fl *flow) sampleFace(role fonts.Role) *fonts.Face {
	f, err := fl.ts.fonts.Pick(role, '中')
	if err != nil {
		return nil
	}
	return f
}

// maxJustifyGap caps the space justification adds between two characters,
// in ems: a line much shorter than the measure (it ends before a long number
// that did not fit) is left ragged rather than torn apart.
const maxJustifyGap = 0.5

// breakLines breaks s for style st in width w.
func (fl *flow) breakLines(st textStyle, s string, w float64) []linebreak.Line {
	return linebreak.Break(s, w+fitSlack, st.indent, fl.styleMeasure(st))
}

// fitSlack lets a line of whole grid cells fit its width despite rounding:
// 28 × 15.793 may add up to a hair more than 442.2.
const fitSlack = 1e-6

// styleMeasure is the advance of a rune in style st, tracking included.
func (fl *flow) styleMeasure(st textStyle) linebreak.Measure {
	m := fl.ts.measure(st.role, st.size)
	if st.track == 0 {
		return m
	}
	return func(r rune) float64 {
		w := m(r)
		if w >= wideShare*st.size {
			w += st.track
		}
		return w
	}
}

// slot is where a line was set: its page and the top of its line slot.
type slot struct {
	pg  *page
	top float64
}

// justifiedLines breaks a justified paragraph over its whole length
// (linebreak.Justified): no line is spread far more than the others where
// another choice of breaks, or punctuation set narrower, avoids it.
// A paragraph is broken once for each text, width and style: every layout
// pass sets it again.
func (fl *flow) justifiedLines(st textStyle, s string, w float64) []linebreak.Squeezed {
	k := justifyKey{s, w, st.indent, st.size, st.track, st.role}
	if lines, ok := fl.ts.justified[k]; ok {
		return lines
	}
	lines := linebreak.Justified(s, w+fitSlack, st.indent, fl.styleMeasure(st), linebreak.Justify{
		Wide:   func(r rune) bool { return fl.ts.wide(st.role, st.size, r) },
		Blank:  func(r rune) (float64, float64) { return fl.ts.blank(st.role, st.size, r) },
		MaxGap: maxJustifyGap * st.size,
		Em:     st.size + st.track,
	})
	fl.ts.justified[k] = lines
	return lines
}

// setLines sets lines in the text column [left, left+w) from fl.y on,
// breaking pages between lines, and returns where each line went.
func (fl *flow) setLines(st textStyle, lines []linebreak.Line, left, w float64) []slot {
	sq := make([]linebreak.Squeezed, len(lines))
	for i, ln := range lines {
		sq[i].Line = ln
	}
	return fl.setSqueezed(st, sq, left, w)
}

// setSqueezed is setLines for lines that may set punctuation narrower.
func (fl *flow) setSqueezed(st textStyle, lines []linebreak.Squeezed, left, w float64) []slot {
	slots := make([]slot, 0, len(lines))
	for i, ln := range lines {
		fl.ensure(st.pitch)
		slots = append(slots, slot{fl.pg, fl.y})
		fl.setLine(st, ln, i == 0, left, w, baseline(fl.y, st.pitch, st.size))
		fl.y += st.pitch
	}
	return slots
}

// setLine draws one line on baseline y.
func (fl *flow) setLine(st textStyle, ln linebreak.Squeezed, first bool, left, w, y float64) {
	x, room := left, w
	if first {
		x += st.indent
		room -= st.indent
	}
	sp := spacing{track: st.track}
	switch st.align {
	case alignCenter:
		x += (room - ln.Width) / 2
	case alignRight:
		x += room - ln.Width
	case alignJustify:
		if n := fl.stretches(st, ln.Text); !ln.Last && n > 0 && ln.Width < room {
			if gap := (room - ln.Width) / float64(n); gap <= maxJustifyGap*st.size {
				sp.gap = gap
			}
		}
	}
	sp.squeeze = ln.Squeeze
	from := len(fl.pg.texts)
	fl.pg.texts, _ = fl.ts.spacedRuns(fl.pg.texts, st.role, st.size, sp, x, y, ln.Text)
	for i := from; i < len(fl.pg.texts); i++ {
		fl.pg.texts[i].stroke = st.stroke
	}
}

// stretches counts the places justification may widen in s: between two
// wide characters (Chinese characters and punctuation). Inside a number, a
// Latin word or a percentage, and between one and the Chinese around it,
// the spacing stays as the font has it.
func (fl *flow) stretches(st textStyle, s string) int {
	n, prev := 0, false
	for _, r := range s {
		w := fl.ts.wide(st.role, st.size, r)
		if w && prev {
			n++
		}
		prev = w
	}
	return n
}

// paragraphStyle is how a paragraph of style is set.
func (fl *flow) paragraphStyle(style doc.ParagraphStyle) textStyle {
	f := fl.f
	body := fl.bodyText(fonts.RoleBody, false)
	small := textStyle{role: fonts.RoleTable, size: f.TableSize, pitch: f.TableSize * smallPitch}
	switch style {
	case doc.ParagraphBody:
		body = fl.bodyText(fonts.RoleBody, true)
		body.align = alignJustify
		return body
	case doc.ParagraphPlain:
		return body
	case doc.ParagraphCentered:
		body.align = alignCenter
		return body
	case doc.ParagraphNote:
		small.align = alignJustify
		return small
	default: // caption
		return small
	}
}

// smallPitch is the line pitch of captions and notes, in ems.
const smallPitch = 1.7

// caption sets "left\tright": the left text broken in what the right text
// leaves, the right text right-aligned on the first line.
func (fl *flow) caption(st textStyle, s string) {
	left, right, _ := strings.Cut(s, "\t")
	w := fl.pg.width()
	rw := fl.ts.width(st.role, st.size, right)
	lw := w
	if right != "" {
		lw = w - rw - st.size
	}
	lines := fl.breakLines(st, left, lw)
	first := fl.setLines(st, lines, fl.pg.left, lw)[0]
	if right != "" {
		p := first.pg
		p.texts, _ = fl.ts.runs(p.texts, st.role, st.size, 0, p.right-rw, baseline(first.top, st.pitch, st.size), right)
	}
}
