package pdf

import (
	"strings"
	"unicode/utf8"

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
}

// maxJustifyGap caps the space justification adds between two characters,
// in ems: a line much shorter than the measure (it ends before a long number
// that did not fit) is left ragged rather than torn apart.
const maxJustifyGap = 0.5

// breakLines breaks s for style st in width w.
func (fl *flow) breakLines(st textStyle, s string, w float64) []linebreak.Line {
	return linebreak.Break(s, w, st.indent, fl.ts.measure(st.role, st.size))
}

// slot is where a line was set: its page and the top of its line slot.
type slot struct {
	pg  *page
	top float64
}

// setLines sets lines in the text column [left, left+w) from fl.y on,
// breaking pages between lines, and returns where each line went.
func (fl *flow) setLines(st textStyle, lines []linebreak.Line, left, w float64) []slot {
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
func (fl *flow) setLine(st textStyle, ln linebreak.Line, first bool, left, w, y float64) {
	x, room := left, w
	if first {
		x += st.indent
		room -= st.indent
	}
	tc := 0.0
	switch st.align {
	case alignCenter:
		x += (room - ln.Width) / 2
	case alignRight:
		x += room - ln.Width
	case alignJustify:
		if n := utf8.RuneCountInString(ln.Text); !ln.Last && n > 1 && ln.Width < room {
			if gap := (room - ln.Width) / float64(n-1); gap <= maxJustifyGap*st.size {
				tc = gap
			}
		}
	}
	fl.pg.texts, _ = fl.ts.runs(fl.pg.texts, st.role, st.size, tc, x, y, ln.Text)
}

// paragraphStyle is how a paragraph of style is set.
func (fl *flow) paragraphStyle(style doc.ParagraphStyle) textStyle {
	f := fl.f
	body := textStyle{role: fonts.Body, size: f.BodySize, pitch: f.LinePitch}
	small := textStyle{role: fonts.Table, size: f.TableSize, pitch: f.TableSize * smallPitch}
	switch style {
	case doc.Body:
		body.indent, body.align = 2*f.BodySize, alignJustify
		return body
	case doc.Plain:
		return body
	case doc.Centered:
		body.align = alignCenter
		return body
	case doc.Note:
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
