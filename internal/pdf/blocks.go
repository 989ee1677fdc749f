package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

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
		fl.addPage(doc.OrientationPortrait)
	}
	p := fl.pg
	size := fl.f.TitleSize * coverScale
	st := textStyle{role: fonts.RoleTitle, size: size, pitch: size * coverLinePitch, align: alignCenter}
	fl.y = p.top + p.height()*coverTitleAt
	for _, line := range c.Title {
		fl.setLines(st, fl.breakLines(st, line, p.width()), p.left, p.width())
	}
	if c.Date != "" {
		ds := textStyle{role: fonts.RoleBody, size: fl.f.TableTitle, pitch: fl.f.LinePitch, align: alignCenter}
		fl.y = max(fl.y, p.top+p.height()*coverDateAt)
		fl.setLines(ds, fl.breakLines(ds, c.Date, p.width()), p.left, p.width())
	}
	fl.breakPending = true
}

// tocBlock sets the table of contents: every InTOC heading, indented by
// level, with dot leaders to its right-aligned page number, linked to it.
// An entry too long for one line breaks at a natural point (see tocLines),
// its later lines hang under the text after its label ("第二部分 ", "一、").
func (fl *flow) tocBlock(t *doc.TOC) {
	if !fl.fresh() {
		fl.addPage(doc.OrientationPortrait)
	}
	f := fl.f
	title := textStyle{role: fonts.RoleTitle, size: f.TitleSize, pitch: f.TitleSize * titlePitch, align: alignCenter}
	fl.setLines(title, fl.breakLines(title, t.Title, fl.pg.width()), fl.pg.left, fl.pg.width())
	fl.y += f.LinePitch / 2

	st := fl.bodyText(fonts.RoleBody, false)
	measure := fl.styleMeasure(st)
	cell := st.size + st.track
	dotW := fl.ts.advance(st.role, st.size, '.')
	// The number column is as wide as the widest number, so that every
	// entry breaks against the same edge and the leaders of every entry
	// keep at least tocLeaderMin characters.
	numCol := 0.0
	for _, n := range fl.toc {
		numCol = max(numCol, fl.ts.width(st.role, st.size, strconv.Itoa(n)))
	}
	gap := cell / 2 // between text and leaders, and leaders and number
	for i, b := range fl.d.Blocks {
		h, ok := b.(*doc.Heading)
		if !ok || !h.InTOC {
			continue
		}
		fl.ts.where = "目录条目" + quote(h.Entry())
		indent := float64(max(h.Level, 1)-1) * 2 * cell
		num := ""
		if n := fl.toc[h]; n > 0 {
			num = strconv.Itoa(n)
		}
		numW := fl.ts.width(st.role, st.size, num)
		w := fl.pg.width()
		text := tocText(h)
		hang := tocHang(text, measure, cell)
		room := w - indent - numCol - 2*gap - tocLeaderMin*cell
		lines := tocLines(text, room, hang, measure)
		for k, ln := range lines {
			fl.ensure(st.pitch)
			p, top := fl.pg, fl.y
			y := baseline(top, st.pitch, st.size)
			x := p.left + indent
			if k > 0 {
				x += hang
			}
			lw := 0.0
			p.texts, lw = fl.ts.spacedRuns(p.texts, st.role, st.size, spacing{track: st.track}, x, y, ln)
			if k == len(lines)-1 {
				from, to := lw+gap, p.right-numW-gap
				if n := int(math.Floor((to - from) / dotW)); n > 0 && dotW > 0 {
					// The leaders start at a steady gap after the text and
					// end at one before the number: their pitch absorbs the
					// remainder.
					pitch := (to - from) / float64(n)
					p.texts, _ = fl.ts.runs(p.texts, st.role, st.size, pitch-dotW, from+(pitch-dotW)/2, y, strings.Repeat(".", n))
				}
				p.texts, _ = fl.ts.runs(p.texts, st.role, st.size, 0, p.right-numW, y, num)
			}
			p.links = append(p.links, link{x: p.left, y: top, w: w, h: st.pitch, target: i})
			fl.y += st.pitch
		}
	}
	fl.breakPending = true
}

// tocLeaderMin is the least room left for the dot leaders of an entry's
// last line, in characters.
const tocLeaderMin = 2

// tocText is a heading's entry on one line.
func tocText(h *doc.Heading) string { return strings.ReplaceAll(h.Entry(), "\n", " ") }

// tocHang is how far an entry's later lines are indented: past its label
// when it opens with one ("第二部分 ", "一、", "（一）", "附件："), else two
// characters.
func tocHang(text string, measure linebreak.Measure, cell float64) float64 {
	const maxLabel = 6 // runes
	w, n := 0.0, 0
	for _, r := range text {
		if n == maxLabel {
			break
		}
		w += measure(r)
		n++
		switch r {
		case ' ', '\u3000', '、', '：', '）':
			return w
		}
	}
	return 2 * cell
}

// tocLines breaks an entry into lines of room (later lines room - hang).
// It breaks only at natural points when it can: at a space, after "：",
// and where a number follows a Chinese word ("…管理局" / "2023年…"), so no
// word is cut; a stretch longer than a line is broken by the usual rules.
// A last line of shortLast runes or fewer is filled from the line before it.
func tocLines(text string, room, hang float64, measure linebreak.Measure) []string {
	width := func(s string) float64 {
		w := 0.0
		for _, r := range s {
			w += measure(r)
		}
		return w
	}
	if width(text) <= room+fitSlack {
		return []string{text}
	}
	var lines []string
	line := ""
	avail := func() float64 {
		if len(lines) == 0 {
			return room
		}
		return room - hang
	}
	for _, seg := range tocSegments(text) {
		try := line + seg
		if width(strings.TrimRight(try, " ")) <= avail()+fitSlack {
			line = try
			continue
		}
		if len(lines) == 0 && line != "" && width(line) <= hang+fitSlack {
			// Only the label is on the line ("第二部分 "): rather than
			// leave it alone, put on it the part of the name that fits
			// up to the end of an administrative unit ("…保障厅").
			if cut := unitEnd(seg, avail()-width(line), width); cut > 0 {
				lines = append(lines, line+seg[:cut])
				line, seg = "", seg[cut:]
				if width(seg) <= avail()+fitSlack {
					line = seg
					continue
				}
			}
		}
		if line != "" {
			lines = append(lines, strings.TrimRight(line, " "))
			line = ""
		}
		seg = strings.TrimLeft(seg, " ")
		if width(strings.TrimRight(seg, " ")) <= avail()+fitSlack {
			line = seg
			continue
		}
		// A stretch with no natural point that is longer than a line.
		parts := linebreak.Break(seg, avail()+fitSlack, 0, measure)
		for _, pl := range parts[:len(parts)-1] {
			lines = append(lines, pl.Text)
		}
		line = parts[len(parts)-1].Text
	}
	if line = strings.TrimRight(line, " "); line != "" {
		lines = append(lines, line)
	}
	return balanceLast(lines, room-hang, measure)
}

// unitSuffixes end the names of administrative units and bodies: a name
// of several units ("河南省人力资源和社会保障厅机关后勤服务保障中心") may
// break after one of them.
var unitSuffixes = []string{"厅", "局", "委员会", "办公室", "中心", "院", "所", "站", "队", "馆", "处", "省", "市", "县", "区"}

// unitEnd is the byte offset after the latest unit suffix in s whose prefix
// fits in room, 0 if none.
func unitEnd(s string, room float64, width func(string) float64) int {
	best := 0
	for i := range s {
		for _, suf := range unitSuffixes {
			if strings.HasPrefix(s[i:], suf) {
				end := i + len(suf)
				if end < len(s) && width(s[:end]) <= room+fitSlack {
					best = max(best, end)
				}
			}
		}
	}
	return best
}

// tocSegments cuts text before each natural break point; each segment keeps
// the space or "：" that ends it.
func tocSegments(text string) []string {
	var segs []string
	start := 0
	var prev rune = -1
	for i, r := range text {
		natural := i > start && (prev == ' ' || prev == '：' ||
			isHan(prev) && (r >= '0' && r <= '9'))
		if natural {
			segs = append(segs, text[start:i])
			start = i
		}
		prev = r
	}
	return append(segs, text[start:])
}

func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF }

// balanceLast refills the last two lines when the last holds shortLast
// runes or fewer, breaking their text at the narrowest width that gives two
// lines and a longer last one.
func balanceLast(lines []string, room float64, measure linebreak.Measure) []string {
	n := len(lines)
	if n < 2 || utf8.RuneCountInString(lines[n-1]) > shortLast {
		return lines
	}
	joined := lines[n-2] + lines[n-1]
	total := 0.0
	for _, r := range joined {
		total += measure(r)
	}
	for w := total / 2; w <= room; w += measure('中') / 2 {
		parts := linebreak.Break(joined, w+fitSlack, 0, measure)
		if len(parts) == 2 && utf8.RuneCountInString(parts[1].Text) > shortLast {
			return append(lines[:n-2], parts[0].Text, parts[1].Text)
		}
	}
	return lines
}

// headingStyle is how a heading is set, with the space before and after it.
func (fl *flow) headingStyle(h *doc.Heading) (st textStyle, before, after float64) {
	f := fl.f
	switch h.Style {
	case doc.HeadingPart:
		return textStyle{role: fonts.RoleTitle, size: f.TitleSize, pitch: f.TitleSize * titlePitch, align: alignCenter},
			f.LinePitch, f.LinePitch / 2
	case doc.HeadingTable:
		return textStyle{role: fonts.RoleTitle, size: f.TableTitle, pitch: f.TableTitle * titlePitch, align: alignCenter},
			f.LinePitch / 2, 0
	case doc.HeadingSubsection:
		return fl.bodyText(fonts.RoleKai, true), 0, 0
	case doc.HeadingAnnexLabel:
		return fl.bodyText(fonts.RoleHeading, false), 0, 0
	default: // SectionTitle
		return fl.bodyText(fonts.RoleHeading, true), 0, 0
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
	if fl.fresh() || fl.afterLabel(i) {
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
	if p.Style == doc.ParagraphCaption {
		fl.ensure(fl.keepNeed(i))
		fl.caption(st, p.Text)
		return
	}
	if st.align == alignJustify {
		fl.setSqueezed(st, fl.justifiedLines(st, p.Text, fl.pg.width()), fl.pg.left, fl.pg.width())
		return
	}
	fl.setLines(st, fl.breakLines(st, p.Text, fl.pg.width()), fl.pg.left, fl.pg.width())
}

// shortLast is the most runes a paragraph's last line may hold and still
// look left behind: a character or two and the punctuation ("见。", "意见。").
const shortLast = 3

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
		if next, ok := fl.blockAfter(i).(*doc.Heading); ok && !fl.afterLabel(i+1) {
			_, nb, _ := fl.headingStyle(next)
			h += nb
		}
		return h + fl.keepNeed(i+1)
	case *doc.Paragraph:
		st := fl.paragraphStyle(b.Style)
		if b.Style != doc.ParagraphCaption {
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

// afterLabel reports whether block i follows an annex label: the annex
// title goes on the line after "附件", with no space between (GB/T 9704 10.2).
func (fl *flow) afterLabel(i int) bool {
	if i == 0 || i > len(fl.d.Blocks) {
		return false
	}
	h, ok := fl.d.Blocks[i-1].(*doc.Heading)
	return ok && h.Style == doc.HeadingAnnexLabel
}

// blockAfter is the block after i, or nil.
func (fl *flow) blockAfter(i int) doc.Block {
	if i+1 < len(fl.d.Blocks) {
		return fl.d.Blocks[i+1]
	}
	return nil
}
