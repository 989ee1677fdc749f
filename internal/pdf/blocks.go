package pdf

import (
	"math"
	"strconv"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/linebreak"
)

// Cover proportions: title lines at 1.2 × the title size (about 一号) from a
// sixth of the text area down, the date at three quarters.
const (
	coverScale     = 1.2
	coverTitleAt   = 1.0 / 6
	coverDateAt    = 3.0 / 4
	titlePitch     = 1.5 // line pitch of titles, in ems
	coverLinePitch = 1.6
)

func (fl *flow) cover(c *doc.Cover) {
	if !fl.pg.empty() {
		fl.addPage(doc.Portrait)
	}
	p := fl.pg
	size := fl.f.TitleSize * coverScale
	st := textStyle{role: fonts.Title, size: size, pitch: size * coverLinePitch, align: alignCenter}
	fl.y = p.top + p.height()*coverTitleAt
	for _, line := range c.Title {
		fl.setLines(st, fl.breakLines(st, line, p.width()), p.left, p.width())
	}
	if c.Date != "" {
		ds := textStyle{role: fonts.Body, size: fl.f.TableTitle, pitch: fl.f.LinePitch, align: alignCenter}
		fl.y = max(fl.y, p.top+p.height()*coverDateAt)
		fl.setLines(ds, fl.breakLines(ds, c.Date, p.width()), p.left, p.width())
	}
	fl.breakPending = true
}

// tocBlock sets the table of contents: every InTOC heading, indented by
// level, with dot leaders to its right-aligned page number, linked to it.
func (fl *flow) tocBlock(t *doc.TOC) {
	if !fl.fresh() {
		fl.addPage(doc.Portrait)
	}
	f := fl.f
	title := textStyle{role: fonts.Title, size: f.TitleSize, pitch: f.TitleSize * titlePitch, align: alignCenter}
	fl.setLines(title, fl.breakLines(title, t.Title, fl.pg.width()), fl.pg.left, fl.pg.width())
	fl.y += f.LinePitch / 2

	st := textStyle{role: fonts.Body, size: f.BodySize, pitch: f.LinePitch}
	measure := fl.ts.measure(st.role, st.size)
	dotW := measure('.')
	for i, b := range fl.d.Blocks {
		h, ok := b.(*doc.Heading)
		if !ok || !h.InTOC {
			continue
		}
		fl.ts.where = "table of contents entry " + quote(h.Entry())
		indent := float64(max(h.Level, 1)-1) * 2 * st.size
		num := ""
		if n := fl.toc[h]; n > 0 {
			num = strconv.Itoa(n)
		}
		numW := fl.ts.width(st.role, st.size, num)
		w := fl.pg.width()
		lines := linebreak.Break(tocText(h), w-indent-numW-2*st.size, 0, measure)
		for k, ln := range lines {
			fl.ensure(st.pitch)
			p, top := fl.pg, fl.y
			y := baseline(top, st.pitch, st.size)
			x := p.left + indent
			p.texts, _ = fl.ts.runs(p.texts, st.role, st.size, 0, x, y, ln.Text)
			if k == len(lines)-1 {
				gap := st.size / 4
				from, to := x+ln.Width+gap, p.right-numW-gap
				if n := int(math.Floor((to - from) / dotW)); n > 0 && dotW > 0 {
					p.texts, _ = fl.ts.runs(p.texts, st.role, st.size, 0, to-float64(n)*dotW, y, strings.Repeat(".", n))
				}
				p.texts, _ = fl.ts.runs(p.texts, st.role, st.size, 0, p.right-numW, y, num)
			}
			p.links = append(p.links, link{x: p.left, y: top, w: w, h: st.pitch, target: i})
			fl.y += st.pitch
		}
	}
	fl.breakPending = true
}

// tocText is a heading's entry on one line.
func tocText(h *doc.Heading) string { return strings.ReplaceAll(h.Entry(), "\n", " ") }

// headingStyle is how a heading is set, with the space before and after it.
func (fl *flow) headingStyle(h *doc.Heading) (st textStyle, before, after float64) {
	f := fl.f
	switch h.Style {
	case doc.PartTitle:
		return textStyle{role: fonts.Title, size: f.TitleSize, pitch: f.TitleSize * titlePitch, align: alignCenter},
			f.LinePitch, f.LinePitch / 2
	case doc.TableTitle:
		return textStyle{role: fonts.Title, size: f.TableTitle, pitch: f.TableTitle * titlePitch, align: alignCenter},
			f.LinePitch / 2, 0
	case doc.SubsectionTitle:
		return textStyle{role: fonts.Kai, size: f.BodySize, pitch: f.LinePitch, indent: 2 * f.BodySize}, 0, 0
	default: // SectionTitle
		return textStyle{role: fonts.Heading, size: f.BodySize, pitch: f.LinePitch, indent: 2 * f.BodySize}, 0, 0
	}
}

// headingLines breaks a heading: "\n" starts a new line.
func (fl *flow) headingLines(h *doc.Heading, st textStyle) []linebreak.Line {
	var lines []linebreak.Line
	for _, part := range strings.Split(h.Text, "\n") {
		lines = append(lines, fl.breakLines(st, part, fl.pg.width())...)
	}
	return lines
}

func (fl *flow) heading(i int, h *doc.Heading) {
	st, before, after := fl.headingStyle(h)
	if fl.fresh() {
		before = 0
	}
	// Keep the heading with what follows it (its first line, or a table's
	// caption, header and first rows).
	if before+fl.keepNeed(i) > fl.room()+0.01 && !fl.fresh() {
		fl.addPage(fl.pg.orient)
		before = 0
	}
	fl.y += before
	lines := fl.headingLines(h, st)
	first := fl.setLines(st, lines, fl.pg.left, fl.pg.width())[0]
	first.pg.anchors = append(first.pg.anchors, anchor{heading: i, y: first.top})
	if h.InTOC {
		fl.headings = append(fl.headings, placedHeading{h: h, block: i, page: first.pg.index, y: first.top})
	}
	fl.y += after
}

func (fl *flow) paragraph(i int, p *doc.Paragraph) {
	st := fl.paragraphStyle(p.Style)
	if p.Style == doc.Caption {
		fl.ensure(fl.keepNeed(i))
		fl.caption(st, p.Text)
		return
	}
	fl.setLines(st, fl.breakLines(st, p.Text, fl.pg.width()), fl.pg.left, fl.pg.width())
}

// keepNeed is the height block i needs at the bottom of the page together
// with what must stay with it: a heading with the first line after it, a
// caption with its table, a table's header with its first row.
func (fl *flow) keepNeed(i int) float64 {
	if i >= len(fl.d.Blocks) {
		return 0
	}
	// Looking ahead measures text whose place is not fl.ts.where: its
	// problems are reported when the block itself is set.
	fl.ts.quiet++
	defer func() { fl.ts.quiet-- }()
	switch b := fl.d.Blocks[i].(type) {
	case *doc.Heading:
		st, _, after := fl.headingStyle(b)
		h := float64(len(fl.headingLines(b, st)))*st.pitch + after
		if next, ok := fl.blockAfter(i).(*doc.Heading); ok {
			_, nb, _ := fl.headingStyle(next)
			h += nb
		}
		return h + fl.keepNeed(i+1)
	case *doc.Paragraph:
		st := fl.paragraphStyle(b.Style)
		if b.Style != doc.Caption {
			return st.pitch
		}
		h := st.pitch
		if _, ok := fl.blockAfter(i).(*doc.Table); ok {
			h += fl.keepNeed(i + 1)
		}
		return h
	case *doc.Table:
		tl := fl.tableLayout(i, b)
		if tl == nil || len(tl.body) == 0 {
			return 0
		}
		return fl.tableKeep(i, tl)
	}
	return 0
}

// blockAfter is the block after i, or nil.
func (fl *flow) blockAfter(i int) doc.Block {
	if i+1 < len(fl.d.Blocks) {
		return fl.d.Blocks[i+1]
	}
	return nil
}
