package pdf

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/linebreak"
)

// Table metrics, in ems of the table type size.
const (
	cellPitch = 1.45 // line pitch inside a cell
	// A table tightened to save a page sets its lines closer.
	tightPitch = 1.2
	tightPadY  = 0.12
	cellPadX   = doc.CellPadX // left and right padding
	cellPadY   = 0.25         // top and bottom padding
)

// borderWidth is the width of table borders, in points.
const borderWidth = 0.5

// tableLayout is a table set for one text width: its header rows as one band
// (repeated on every page) and its body as bands that are never split
// between pages unless one is taller than a page.
type tableLayout struct {
	width       float64
	header      band
	body        []band
	pitch, padY float64
}

// band is a run of rows that no row span crosses, in coordinates relative
// to the table's top-left corner.
type band struct {
	h     float64
	cells []cellBox
}

// cellBox is a cell's rectangle and its lines of text.
type cellBox struct {
	x0, x1, y0, y1 float64
	lines          []cellLine
}

// cellLine is one line of a cell: its slot top and its runs.
type cellLine struct {
	top   float64
	texts []textItem
}

// tableLayout returns the table of block i set for the current page's
// width, laying it out once per width.
func (fl *flow) tableLayout(i int, t *doc.Table) *tableLayout {
	w := fl.pg.width()
	if tl, ok := fl.tables[i]; ok && (tl == nil || tl.width == w) {
		return tl
	}
	// The table is laid out once, maybe while looking ahead: report its
	// problems now, or never.
	quiet, where := fl.ts.quiet, fl.ts.where
	fl.ts.quiet = 0
	_, fitted := fl.fits[t]
	tl := fl.layTable(i, t, w, !fitted)
	fl.ts.quiet, fl.ts.where = quiet, where
	fl.tables[i] = tl
	return tl
}

// layTable sets table block i in width, at the size and column widths its
// fit gives; nil when it is malformed or cannot fit (the problem is
// recorded). With decide it sets the rows tighter when that saves a page
// (fitTables decides so for every table, before the layout, so that the
// Word and Excel writers know it even when no pages are laid out);
// otherwise it sets them as the fit says.
func (fl *flow) layTable(i int, t *doc.Table, width float64, decide bool) *tableLayout {
	fl.ts.where = "表格“" + t.Name + "”"
	ncols := t.NumColumns()
	if ncols == 0 {
		fl.ts.problem(errors.New("the table has no columns"))
		return nil
	}
	fit, ok := fl.fits[t]
	if ok && fit.Widths == nil {
		return nil // it cannot fit; fitTables reported it
	}
	if !ok || math.Abs(sum(fit.Widths)-width) > 0.5 {
		// A table outside an annex, or on a page of another width than its
		// fit's: fit it to this page.
		fl.ts.quiet++
		f, err := doc.Fit([]*doc.Table{t}, fl.f, fl.pg.orient, false, func(r rune, bold bool, size float64) float64 {
			return fl.ts.advance(cellRole(bold), size, r)
		})
		fl.ts.quiet--
		if err != nil {
			fl.ts.problem(err)
			return nil
		}
		fit = f
	}
	xs := make([]float64, ncols+1)
	for k, w := range fit.Widths {
		xs[k+1] = xs[k] + w
	}
	header, body, err := fl.ts.grid(t, ncols)
	if err != nil {
		fl.ts.problem(err)
		return nil
	}
	size := fit.Size
	// The cells' lines do not depend on the row pitch: they are broken once
	// for both spacings. A trial set (text false) finds the band heights
	// only; the text is placed in the set that is kept.
	headCells := fl.layCells(t.Name, header, xs, size, true)
	bodyCells := fl.layCells(t.Name, body, xs, size, false)
	set := func(pitch, padY float64, text bool) *tableLayout {
		tl := &tableLayout{width: width, pitch: size * pitch, padY: size * padY}
		if len(header) > 0 {
			tl.header = fl.bands(t.Name, header, headCells, xs, size, tl.pitch, tl.padY, true, text)[0]
		}
		tl.body = fl.bands(t.Name, body, bodyCells, xs, size, tl.pitch, tl.padY, false, text)
		return tl
	}
	text := !fl.heightsOnly
	if !decide {
		if fit.Tight {
			return set(tightPitch, tightPadY, text)
		}
		return set(cellPitch, cellPadY, text)
	}
	tl := set(cellPitch, cellPadY, false)
	// A table that would take a page more than it must, or of which only
	// a few rows would be left to its last page, is set tighter when that
	// saves the page.
	avail := fl.pg.height() - fl.before(i) - fl.after(i)
	// Rows of one line shrink the most: if even at that rate no page is
	// saved, do not set the table again.
	k := (tightPitch + 2*tightPadY) / (cellPitch + 2*cellPadY)
	if n := pagesFor(tl, avail, fl.pg.height()); n > 1 && pagesFor(tl.scaled(k), avail, fl.pg.height()) < n {
		tight := set(tightPitch, tightPadY, false)
		if pagesFor(tight, avail, fl.pg.height()) < pagesFor(tl, avail, fl.pg.height()) {
			if f, ok := fl.fits[t]; ok && f.Widths != nil {
				f.Tight = true
				fl.fits[t] = f
			}
			if text {
				tight = set(tightPitch, tightPadY, true)
			}
			return tight
		}
	}
	if text {
		tl = set(cellPitch, cellPadY, true)
	}
	return tl
}

// placedTable is a table's header and body placed on its grid.
type placedTable struct {
	header, body [][]doc.Placed
	err          error
}

// grid places tb's header and body on a grid of ncols columns, once per
// table: fitting a table lays it out several times.
func (t *typesetter) grid(tb *doc.Table, ncols int) (header, body [][]doc.Placed, err error) {
	if p, ok := t.placed[tb]; ok {
		return p.header, p.body, p.err
	}
	var p placedTable
	if p.header, p.err = doc.Place(tb.Header, ncols); p.err != nil {
		p.err = fmt.Errorf("header %w", p.err)
	} else if p.body, p.err = doc.Place(tb.Body, ncols); p.err != nil {
		p.err = fmt.Errorf("body %w", p.err)
	}
	t.placed[tb] = p
	return p.header, p.body, p.err
}

// scaled is tl with every band k times as tall: an estimate of its
// heights, for pagesFor.
func (tl *tableLayout) scaled(k float64) *tableLayout {
	out := &tableLayout{header: band{h: tl.header.h * k}, body: make([]band, len(tl.body))}
	for i, b := range tl.body {
		out.body[i] = band{h: b.h * k}
	}
	return out
}

// height is the height of the whole table on one page.
func (tl *tableLayout) height() float64 {
	h := tl.header.h
	for _, b := range tl.body {
		h += b.h
	}
	return h
}

// pagesFor estimates how many pages the table takes when its first page
// has first points for it and the others full, the header repeated on each:
// bands are kept whole unless taller than a page.
func pagesFor(tl *tableLayout, first, full float64) int {
	pages, room, page := 1, first-tl.header.h, full-tl.header.h
	for _, b := range tl.body {
		h := b.h
		if h > room+0.01 && h <= page {
			pages, room = pages+1, page
		}
		for h > room+0.01 && page > 0 {
			h -= room
			pages, room = pages+1, page
		}
		room -= h
	}
	return pages
}

// before is the height of what stands over table block i on its page and
// must stay with it: the annex title and caption right before it.
func (fl *flow) before(i int) float64 {
	fl.ts.quiet++
	defer func() { fl.ts.quiet-- }()
	h := 0.0
	for k := i - 1; k >= 0; k-- {
		switch b := fl.d.Blocks[k].(type) {
		case *doc.Paragraph:
			if b.Style != doc.ParagraphCaption {
				return h
			}
			h += fl.paragraphStyle(b.Style).pitch
		case *doc.Heading:
			if b.Style != doc.HeadingTable {
				return h
			}
			st, before, after := fl.headingStyle(b)
			return h + float64(len(fl.headingLines(b, st)))*st.pitch + after + before
		default:
			return h
		}
	}
	return h
}

// after is the height of the notes under table block i (a guess of one
// line each: they may break across pages).
func (fl *flow) after(i int) float64 {
	h := 0.0
	for k := i + 1; k < len(fl.d.Blocks); k++ {
		p, ok := fl.d.Blocks[k].(*doc.Paragraph)
		if !ok || p.Style != doc.ParagraphNote {
			break
		}
		h += fl.paragraphStyle(p.Style).pitch
	}
	return h
}

// tableKeep is how much of table block i must stand on the page it starts
// on: all of it when, with its title and caption, it fits on a page, so a
// table of one page is never split; else its header and first rows.
func (fl *flow) tableKeep(i int, tl *tableLayout) float64 {
	if h := tl.height(); fl.before(i)+h <= fl.pg.height()+0.01 {
		return h
	}
	return tl.header.h + min(tl.body[0].h, fl.pg.height()/2)
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// laidCell is a placed cell with its text broken into lines. It points at
// the cell placed once for the table (typesetter.grid): a copy in every
// laid cell doubled what laying out a long table allocated.
type laidCell struct {
	*doc.Placed
	role  fonts.Role
	size  float64
	align align
	lines []linebreak.Line
}

// minNumberScale is how far a figure too wide for its column may shrink.
const minNumberScale = 0.7

// layCells breaks the text of every cell of rows for the columns xs at
// size: a figure too wide for its column is set smaller instead.
func (fl *flow) layCells(name string, rows [][]doc.Placed, xs []float64, size float64, header bool) []laidCell {
	padX := size * cellPadX
	n := 0
	for _, row := range rows {
		n += len(row)
	}
	cells := make([]laidCell, 0, n) // grown by append, it was a third of the time
	// The one line of each figure, from one array.
	figureLines := make([]linebreak.Line, 0, n)
	at := &cellWhere{table: name}
	if header {
		at.part = "表头"
	}
	fl.ts.cell = at
	defer func() { fl.ts.cell = nil }()
	for r, row := range rows {
		for k := range row {
			c := &row[k]
			at.row, at.col = r+1, c.Col+1
			role := cellRole(c.Bold)
			inner := xs[c.Col+c.ColSpan] - xs[c.Col] - 2*padX
			lc := laidCell{Placed: c, role: role, size: size, align: cellAlign(c.Cell, header)}
			if c.Number.Valid {
				// A figure is never broken: one too wide for its column is
				// set smaller, down to minNumberScale, and beyond that
				// overruns the padding rather than wrap.
				w := fl.ts.width(role, size, c.Text)
				if w > inner {
					lc.size = size * max(inner/w, minNumberScale)
				}
				figureLines = append(figureLines, linebreak.Line{Text: c.Text, Width: w * lc.size / size, Last: true})
				lc.lines = figureLines[len(figureLines)-1 : len(figureLines) : len(figureLines)]
			} else {
				lc.lines = fl.ts.balancedLines(c.Text, inner, role, size)
			}
			cells = append(cells, lc)
		}
	}
	return cells
}

// bands sets rows, their cells laid by layCells, at the row pitch: the
// header as one band, the body as one band per group of rows joined by
// row spans. Without text it finds the bands' heights only.
func (fl *flow) bands(name string, rows [][]doc.Placed, cells []laidCell, xs []float64, size, pitch, padY float64, header, text bool) []band {
	padX := size * cellPadX
	heights := make([]float64, len(rows))
	for r := range heights {
		heights[r] = pitch + 2*padY
	}
	for _, c := range cells {
		if c.RowSpan == 1 {
			heights[c.Row] = max(heights[c.Row], float64(len(c.lines))*pitch+2*padY)
		}
	}
	// A row-spanning cell taller than its rows shares the extra among them;
	// shorter spans first, so that a long span sees the rows they grew.
	var spans []laidCell
	for _, c := range cells {
		if c.RowSpan > 1 {
			spans = append(spans, c)
		}
	}
	slices.SortStableFunc(spans, func(a, b laidCell) int { return a.RowSpan - b.RowSpan })
	for _, c := range spans {
		need := float64(len(c.lines))*pitch + 2*padY
		have := 0.0
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			have += heights[r]
		}
		if need > have {
			for r := c.Row; r < c.Row+c.RowSpan; r++ {
				heights[r] += (need - have) / float64(c.RowSpan)
			}
		}
	}
	ys := make([]float64, len(rows)+1)
	for r, h := range heights {
		ys[r+1] = ys[r] + h
	}

	// Group rows: a band ends where no row span crosses.
	end := make([]int, len(rows)) // end[r]: the row after the band that row r starts
	var bands []band
	start, stop := 0, 0
	groupOf := make([]int, len(rows))
	for r := range rows {
		if r == stop {
			start = r
			stop = r + 1
			if header {
				stop = len(rows)
			}
		}
		for _, c := range rows[r] {
			stop = max(stop, r+c.RowSpan)
		}
		groupOf[r] = start
		end[start] = stop
	}
	index := make([]int, len(rows)) // first row of a group → its band
	for r := range rows {
		if groupOf[r] == r {
			index[r] = len(bands)
			bands = append(bands, band{h: ys[end[r]] - ys[r]})
		}
	}
	if !text {
		return bands
	}
	at := &cellWhere{table: name}
	if header {
		at.part = "表头"
	}
	fl.ts.cell = at
	defer func() { fl.ts.cell = nil }()
	perBand := make([]int, len(bands))
	for _, c := range cells {
		perBand[index[groupOf[c.Row]]]++
	}
	for k := range bands {
		bands[k].cells = make([]cellBox, 0, perBand[k])
	}
	for _, c := range cells {
		g := groupOf[c.Row]
		b := &bands[index[g]]
		box := cellBox{x0: xs[c.Col], x1: xs[c.Col+c.ColSpan], y0: ys[c.Row] - ys[g], y1: ys[c.Row+c.RowSpan] - ys[g]}
		at.row, at.col = c.Row+1, c.Col+1
		top := box.y0 + max(padY, (box.y1-box.y0-float64(len(c.lines))*pitch)/2)
		box.lines = make([]cellLine, 0, len(c.lines))
		for k, ln := range c.lines {
			slotTop := top + float64(k)*pitch
			x := box.x0 + padX
			switch c.align {
			case alignCenter:
				x = (box.x0+box.x1)/2 - ln.Width/2
			case alignRight:
				x = box.x1 - padX - ln.Width
			}
			texts, _ := fl.ts.runs(nil, c.role, c.size, 0, x, baseline(slotTop, pitch, c.size), ln.Text)
			box.lines = append(box.lines, cellLine{top: slotTop, texts: texts})
		}
		b.cells = append(b.cells, box)
	}
	return bands
}

// cellAlign is where a cell's text goes: as the cell says, else centred in
// the header, right for numbers, left for text.
func cellAlign(c doc.Cell, header bool) align {
	switch c.Align {
	case doc.AlignLeft:
		return alignLeft
	case doc.AlignCenter:
		return alignCenter
	case doc.AlignRight:
		return alignRight
	}
	switch {
	case header:
		return alignCenter
	case c.Number.Valid:
		return alignRight
	}
	return alignLeft
}

// table places a table: header rows on every page it spans, bands kept
// whole, a band taller than a page split between lines.
func (fl *flow) table(i int, t *doc.Table) {
	tl := fl.tableLayout(i, t)
	if tl == nil {
		return
	}
	minBody := tl.pitch + 2*tl.padY
	if len(tl.body) == 0 {
		fl.ensure(tl.header.h)
		fl.emit(tl.header)
		return
	}
	bands := slices.Clone(tl.body)
	onPage := false // the header is on the current page
	for k := 0; k < len(bands); {
		b := bands[k]
		whole := fl.pg.height() - tl.header.h // body room on an empty page
		if !onPage {
			need := tl.header.h + b.h
			if b.h > whole {
				need = tl.header.h + minBody
			}
			fl.ensure(need)
			fl.emit(tl.header)
			onPage = true
		}
		if b.h <= fl.room()+0.01 {
			fl.emit(b)
			k++
			continue
		}
		if b.h > whole {
			// Taller than a page: split it here, between lines.
			if top, rest, ok := splitBand(b, fl.room(), tl.pitch, tl.padY); ok {
				fl.emit(top)
				bands[k] = rest
			} else if fl.y-tl.header.h <= fl.pg.top+0.01 {
				// Not even a line fits on an empty page: set it anyway.
				fl.emit(b)
				k++
				continue
			}
		}
		fl.addPage(fl.pg.orient)
		onPage = false
	}
}

// emit places band b at fl.y. The page keeps the band itself rather than
// copies of its runs and borders: a table's bands are drawn from the layout
// that measured them.
func (fl *flow) emit(b band) {
	fl.pg.bands = append(fl.pg.bands, placedBand{band: b, x: fl.pg.left, y: fl.y})
	fl.y += b.h
}

// placedBand is a band on a page, its top-left corner at x, y.
type placedBand struct {
	band
	x, y float64
}

// rules appends the band's borders: each cell's top and left border, and
// the right and bottom borders where the cell meets the band's edge, so
// merged cells show merged.
func (pb placedBand) rules(dst []rule) []rule {
	right := 0.0
	for _, c := range pb.cells {
		right = max(right, c.x1)
	}
	const eps = 0.01
	for _, c := range pb.cells {
		l, r, t, b := pb.x+c.x0, pb.x+c.x1, pb.y+c.y0, pb.y+c.y1
		dst = append(dst, rule{l, t, r, t}, rule{l, t, l, b})
		if c.x1 >= right-eps {
			dst = append(dst, rule{r, t, r, b})
		}
		if c.y1 >= pb.h-eps {
			dst = append(dst, rule{l, b, r, b})
		}
	}
	return dst
}

// splitBand cuts b so that its top fits in avail. It cuts between rows
// where it can: only cells spanning rows cross such a cut, and their text
// (a short label such as an indicator's 一级指标) is set again, centred, in
// each part, so that every page shows it. Otherwise it cuts at the lowest
// point no line of text crosses, and the rest starts with the top padding
// again. ok is false when not even one line fits.
func splitBand(b band, avail, pitch, padY float64) (top, rest band, ok bool) {
	if cut, ok := rowCut(b, avail, pitch); ok {
		top, rest = cutBand(b, cut, 0, pitch)
		return top, rest, true
	}
	const eps = 0.01
	cut := avail
	for moved := true; moved; {
		moved = false
		for _, c := range b.cells {
			if c.y0 >= cut || c.y1 <= cut {
				continue
			}
			for _, ln := range c.lines {
				if ln.top < cut-eps && ln.top+pitch > cut+eps {
					cut, moved = ln.top, true
				}
			}
		}
	}
	if cut < pitch {
		return band{}, band{}, false
	}
	top, rest = cutBand(b, cut, padY, pitch)
	return top, rest, true
}

// rowCut finds the lowest boundary between rows within avail at which every
// cell crossing it (a cell spanning rows) can show its whole text in both
// parts.
func rowCut(b band, avail, pitch float64) (float64, bool) {
	const eps = 0.01
	best, found := 0.0, false
	for _, c := range b.cells {
		for _, y := range []float64{c.y0, c.y1} {
			if y < pitch || y > avail+eps || y > b.h-pitch || found && y <= best+eps {
				continue
			}
			fits := true
			for _, d := range b.cells {
				need := float64(len(d.lines)) * pitch
				if d.y0 < y-eps && d.y1 > y+eps && (y-d.y0 < need-eps || d.y1-y < need-eps) {
					fits = false
					break
				}
			}
			if fits {
				best, found = y, true
			}
		}
	}
	return best, found
}

// cutBand cuts b at cut; the rest starts pad lower. At a cut between rows
// (pad 0) a cell crossing it has its text set again, centred, in both parts;
// at a cut between lines each line stays in the part it falls in.
func cutBand(b band, cut, pad, pitch float64) (top, rest band) {
	const eps = 0.01
	betweenRows := pad == 0
	top.h = cut
	rest.h = b.h - cut + pad
	shift := pad - cut
	for _, c := range b.cells {
		repeat := betweenRows && c.y0 < cut-eps && c.y1 > cut+eps
		if c.y0 < cut-eps {
			t := cellBox{x0: c.x0, x1: c.x1, y0: c.y0, y1: min(c.y1, cut)}
			for _, ln := range c.lines {
				if repeat || ln.top < cut-eps {
					t.lines = append(t.lines, ln)
				}
			}
			if repeat {
				t.lines = centre(t.lines, t.y0, t.y1, pitch)
			}
			top.cells = append(top.cells, t)
		}
		if c.y1 > cut+eps {
			r := cellBox{x0: c.x0, x1: c.x1, y0: 0, y1: c.y1 + shift}
			if c.y0 > cut+eps {
				r.y0 = c.y0 + shift
			}
			for _, ln := range c.lines {
				if repeat || ln.top >= cut-eps {
					r.lines = append(r.lines, moveLine(ln, shift))
				}
			}
			if repeat {
				r.lines = centre(r.lines, r.y0, r.y1, pitch)
			}
			rest.cells = append(rest.cells, r)
		}
	}
	return top, rest
}

// centre moves lines (consecutive, pitch apart) to stand centred between y0
// and y1.
func centre(lines []cellLine, y0, y1, pitch float64) []cellLine {
	if len(lines) == 0 {
		return lines
	}
	want := y0 + (y1-y0-float64(len(lines))*pitch)/2
	out := make([]cellLine, len(lines))
	for i, ln := range lines {
		out[i] = moveLine(ln, want-lines[0].top)
	}
	return out
}

// moveLine is ln moved dy down, a copy.
func moveLine(ln cellLine, dy float64) cellLine {
	moved := cellLine{top: ln.top + dy, texts: make([]textItem, len(ln.texts))}
	for k, it := range ln.texts {
		it.y += dy
		moved.texts[k] = it
	}
	return moved
}
