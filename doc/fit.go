package doc

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/internal/linebreak"
)

// Measure is the advance of r set at size points, in the bold face or not.
// The PDF writer measures with its fonts' metrics; Word and Excel cannot
// measure, so they are handed the PDF's result (TableFit).
type Measure func(r rune, bold bool, size float64) float64

// CellPadX is the room left and right of a cell's text, in ems of the cell
// size: 0.4 em is 3.6 pt at 9 pt, so no figure comes closer than 3 pt to
// the ink of a rule, the table's heavier frame included.
const CellPadX = 0.4

// TableFit is how a table is set: computed once, from what its columns
// hold, and used by every writer.
type TableFit struct {
	// Size is the type size of the cells.
	Size float64
	// Widths are the column widths in points; they add up to the text
	// width of the page the table is set on.
	Widths []float64
	// Orientation of the page the table is set on: Landscape when the annex
	// asked for it, or when the table fits only on a landscape page (or
	// Portrait when a long landscape table fits one portrait page).
	Orientation Orientation
	// Tight is set by the PDF layout when it sets the rows closer to save
	// a page; the other writers then set their rows closer too.
	Tight bool
}

// TableFits gives the fit of each table of a document.
type TableFits map[*Table]TableFit

// FitError says which column of which table cannot fit the page at the
// smallest size the format allows.
type FitError struct {
	Table  string  // the table's Name
	Column int     // 1-based
	Header string  // the text heading the column, if any
	Token  string  // the widest text the column must show unbroken
	Need   float64 // points the column needs at the smallest size
	Width  float64 // the widest text width the table could have
}

func (e *FitError) Error() string {
	col := fmt.Sprintf("第%d列", e.Column)
	if e.Header != "" {
		col += "（" + e.Header + "）"
	}
	return fmt.Sprintf("表“%s”排不下：缩到最小字号并横排后，各列最窄仍要 %.0f 磅，版心只有 %.0f 磅；最宽的是%s，其内容“%s”不能折行。请缩短表中不能折行的内容（如带单位的长数值）",
		e.Table, e.Need, e.Width, col, e.Token)
}

// Fit finds the size, orientation and column widths of tables that are set
// one under another on one grid (an annex's tables; they must have the
// same number of columns). It tries the format's TableSize, then steps
// down by half a point to its TableMinSize, in orientation o; then, when
// canTurn and o is Portrait, the same on a landscape page. A table that fits
// nowhere gives a *FitError naming its widest column, together with the
// narrowest fit at the smallest size, wider than the page: a workbook,
// which has no page width, can still use it.
//
// Each column gets at least its widest unbreakable token (an amount, a code,
// a value with its unit such as "≤28.00万元") and, for text, room for a few
// characters a line; header text wraps to at most four balanced lines. The
// rest of the width is shared out by the natural width of the body text, so
// a column with no body text stays narrow.
func Fit(tables []*Table, f Format, o Orientation, canTurn bool, m Measure) (TableFit, error) {
	return fitTables(tables, f, o, canTurn, m, textNeeds{})
}

// textNeeds remembers cellNeed of text cells, by what it depends on: a long
// table repeats its 科目 names and codes in every unit's rows, and breaking
// them to find their widest part was a third of fitting the table. One
// textNeeds is only for one Measure.
type textNeeds map[textKey]textNeed

type textKey struct {
	text         string
	bold, header bool
	size         float64
}

type textNeed struct {
	min, nat float64
	token    string
}

func fitTables(tables []*Table, f Format, o Orientation, canTurn bool, m Measure, memo textNeeds) (TableFit, error) {
	if len(tables) == 0 {
		return TableFit{}, fmt.Errorf("no tables to fit")
	}
	ncols := tables[0].NumColumns()
	if ncols == 0 {
		return TableFit{}, fmt.Errorf("table %q has no columns", tables[0].Name)
	}
	var groups [][][]Placed
	var headerOf []bool
	for _, t := range tables {
		if n := t.NumColumns(); n != ncols {
			return TableFit{}, fmt.Errorf("table %q has %d columns, table %q %d: tables fitted together share their columns",
				t.Name, n, tables[0].Name, ncols)
		}
		h, err := Place(t.Header, ncols)
		if err != nil {
			return TableFit{}, fmt.Errorf("table %q: header %w", t.Name, err)
		}
		b, err := Place(t.Body, ncols)
		if err != nil {
			return TableFit{}, fmt.Errorf("table %q: body %w", t.Name, err)
		}
		groups = append(groups, h, b)
		headerOf = append(headerOf, true, false)
	}
	orients := []Orientation{o}
	if canTurn && o == OrientationPortrait {
		orients = append(orients, OrientationLandscape)
	}
	floor := f.TableMinSize
	if floor <= 0 || floor > f.TableSize {
		floor = f.TableSize
	}
	var worst *FitError
	var narrowest TableFit
	for _, or := range orients {
		width := TextWidth(f, or)
		for size := f.TableSize; size >= floor-1e-9; size -= 0.5 {
			cols := measureColumns(groups, headerOf, ncols, size, m, memo)
			if w, ok := cols.share(width); ok {
				return TableFit{Size: size, Widths: w, Orientation: or}, nil
			}
			if size-0.5 < floor-1e-9 {
				worst = cols.fitError(tables[0].Name, width)
				narrowest = TableFit{Size: size, Widths: slices.Clone(cols.min), Orientation: or}
			}
		}
	}
	return narrowest, worst
}

// TextWidth is the width of the text area of a page of orientation o.
func TextWidth(f Format, o Orientation) float64 {
	if o == OrientationLandscape {
		return f.PageHeight - f.LandscapeLeft - f.LandscapeRight
	}
	return f.PageWidth - f.Left - f.Right
}

// columns holds what each column needs, in points including padding.
type columns struct {
	min, nat []float64
	body     []bool   // the column has body text
	token    []string // the text that sets min
	header   []string
}

// fitSlack is added to every width a text needs, in points.
const fitSlack = 0.1

// Header text wraps to at most this many lines; a text cell gets room for at
// least textChars characters a line (fewer if it holds fewer).
const (
	maxHeaderLines = 4
	textChars      = 3
)

func measureColumns(groups [][][]Placed, headerOf []bool, ncols int, size float64, m Measure, memo textNeeds) *columns {
	c := &columns{min: make([]float64, ncols), nat: make([]float64, ncols), body: make([]bool, ncols),
		token: make([]string, ncols), header: make([]string, ncols)}
	pad := 2 * CellPadX * size
	type need struct {
		p        Placed
		min, nat float64
		token    string
	}
	var spans []need
	for g, rows := range groups {
		header := headerOf[g]
		for _, row := range rows {
			for _, p := range row {
				if p.Text == "" {
					continue
				}
				mn, nat, tok := memo.cellNeed(p.Cell, header, size, m)
				// A hair over the text, so that rounding never makes the
				// line one rune too long for its cell.
				mn, nat = mn+pad+fitSlack, nat+pad+fitSlack
				if header && p.ColSpan == 1 && c.header[p.Col] == "" {
					c.header[p.Col] = p.Text
				}
				if p.ColSpan > 1 {
					spans = append(spans, need{p, mn, nat, tok})
					continue
				}
				if mn > c.min[p.Col] {
					c.min[p.Col], c.token[p.Col] = mn, tok
				}
				c.nat[p.Col] = max(c.nat[p.Col], nat)
				if !header {
					c.body[p.Col] = true
				}
			}
		}
	}
	// An empty column still has room for its padding and a character, and
	// asks for no more than its header's narrowest: it stays narrow.
	for j := range c.min {
		c.min[j] = max(c.min[j], pad+size)
		if !c.body[j] {
			c.nat[j] = c.min[j]
		}
		c.nat[j] = max(c.nat[j], c.min[j])
	}
	// A cell spanning columns widens them together when they are too narrow
	// for it, narrower spans first.
	slices.SortStableFunc(spans, func(a, b need) int { return a.p.ColSpan - b.p.ColSpan })
	for _, s := range spans {
		from, to := s.p.Col, s.p.Col+s.p.ColSpan
		widen(c.min[from:to], s.min)
		widen(c.nat[from:to], s.nat)
		for j := from; j < to; j++ {
			c.nat[j] = max(c.nat[j], c.min[j])
			if c.token[j] == "" {
				c.token[j] = s.token
			}
		}
	}
	return c
}

// widen grows ws in proportion so that they add up to at least total.
func widen(ws []float64, total float64) {
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	if sum >= total {
		return
	}
	for j := range ws {
		ws[j] *= total / sum
	}
}

// cellNeed is the package's cellNeed, remembered for text cells (a
// figure's width is quicker to measure than to look up).
func (memo textNeeds) cellNeed(c Cell, header bool, size float64, m Measure) (minW, nat float64, token string) {
	if c.Number.Valid {
		return cellNeed(c, header, size, m)
	}
	k := textKey{c.Text, c.Bold, header, size}
	if n, ok := memo[k]; ok {
		return n.min, n.nat, n.token
	}
	minW, nat, token = cellNeed(c, header, size, m)
	memo[k] = textNeed{minW, nat, token}
	return minW, nat, token
}

// cellNeed is the narrowest and the natural width of a cell's text, without
// padding, and the token that makes the narrowest.
func cellNeed(c Cell, header bool, size float64, m Measure) (minW, nat float64, token string) {
	measure := func(r rune) float64 { return m(r, c.Bold, size) }
	width := func(s string) float64 {
		w := 0.0
		for _, r := range s {
			w += measure(r)
		}
		return w
	}
	if c.Number.Valid {
		w := width(c.Text)
		return w, w, c.Text
	}
	for _, line := range strings.Split(c.Text, "\n") {
		nat = max(nat, width(line))
	}
	minW = linebreak.Widest(c.Text, measure)
	token = widestWord(c.Text, measure)
	// A value with its unit ("≥95%", "219套", "每月30日前") is read as one
	// word: it keeps a line of its own.
	for _, v := range values(c.Text) {
		if w := width(v); w > minW {
			minW, token = w, v
		}
	}
	n := utf8.RuneCountInString(c.Text)
	em := size
	if header {
		// At most maxHeaderLines lines, and no line of one character.
		k := max(2, (n+maxHeaderLines-1)/maxHeaderLines)
		for k < n && n%k == 1 {
			k++
		}
		minW = max(minW, min(float64(k)*em, nat))
		// Brackets and punctuation that keep with their neighbours can
		// still leave a character alone ("因公出/国/（境）/费"): widen until
		// they do not, in half ems.
		for minW < nat && loneOrLong(c.Text, minW, measure) {
			minW = min(nat, minW+em/2)
		}
		// A header asks for two lines at most, balanced.
		nat = min(nat, max(minW, float64((n+1)/2)*em))
	} else {
		minW = max(minW, min(textChars*em, nat))
	}
	if token == "" {
		token = c.Text
	}
	return minW, nat, token
}

// loneOrLong reports whether text broken at width leaves a single
// character on its last line or takes more than maxHeaderLines lines.
func loneOrLong(text string, width float64, measure linebreak.Measure) bool {
	lines := linebreak.Break(text, width, 0, measure)
	n := len(lines)
	return n > maxHeaderLines || n > 1 && utf8.RuneCountInString(lines[n-1].Text) == 1
}

// widestWord is the longest run between spaces, for a message.
func widestWord(s string, measure linebreak.Measure) string {
	best, bw := "", -1.0
	for _, w := range strings.Fields(s) {
		x := 0.0
		for _, r := range w {
			x += measure(r)
		}
		if x > bw {
			best, bw = w, x
		}
	}
	return best
}

// A value is one number with a short prefix and unit: "≤28.00万元" has a
// prefix of one rune and a unit of two, "每月30日前" two and two,
// "≤225台/个/套" one and five.
const (
	maxValuePrefix = 2
	maxValueUnit   = 5
)

// values are the runs of s, between spaces and punctuation, that are one
// number with its unit or its prefix, kept whole.
func values(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, isValueSeparator) {
		rs := []rune(f)
		first, last := -1, -1
		runs := 0
		for i, r := range rs {
			if unicode.IsDigit(r) {
				// A new number, unless it goes on after a decimal point.
				if last < 0 || last != i-1 && !(last == i-2 && (rs[i-1] == '.' || rs[i-1] == ',')) {
					runs++
				}
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if runs == 1 && first <= maxValuePrefix && len(rs)-1-last <= maxValueUnit {
			out = append(out, f)
		}
	}
	return out
}

func isValueSeparator(r rune) bool {
	if unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '，', '。', '；', '：', '、', ',', ';', ':', '（', '）', '(', ')', '“', '”', '《', '》':
		return true
	}
	return false
}

// share gives the columns width: each its minimum, the rest by the natural
// width of its text. ok is false when the minimums do not fit.
func (c *columns) share(width float64) ([]float64, bool) {
	sumMin, sumNat := 0.0, 0.0
	for j := range c.min {
		sumMin += c.min[j]
		sumNat += c.nat[j]
	}
	if sumMin > width+1e-6 {
		return nil, false
	}
	out := make([]float64, len(c.min))
	if sumNat <= width {
		// Everything fits on one line: the spare width goes to the columns
		// with body text, by their natural width, so empty ones stay narrow.
		weight := 0.0
		for j := range c.nat {
			if c.body[j] {
				weight += c.nat[j]
			}
		}
		for j := range out {
			out[j] = c.nat[j]
			switch {
			case weight > 0 && c.body[j]:
				out[j] += (width - sumNat) * c.nat[j] / weight
			case weight == 0:
				out[j] += (width - sumNat) * c.nat[j] / sumNat
			}
		}
	} else {
		for j := range out {
			out[j] = c.min[j] + (width-sumMin)*(c.nat[j]-c.min[j])/(sumNat-sumMin)
		}
	}
	// Round to 1/100 pt, and put the rounding on the widest column, so the
	// widths add up to the text width and every writer sees the same.
	total, widest := 0.0, 0
	for j := range out {
		out[j] = math.Round(out[j]*100) / 100
		total += out[j]
		if out[j] > out[widest] {
			widest = j
		}
	}
	out[widest] = math.Round((out[widest]+width-total)*100) / 100
	return out, true
}

// fitError names the column that needs the most.
func (c *columns) fitError(table string, width float64) *FitError {
	e := &FitError{Table: table, Width: width}
	j := 0
	for k := range c.min {
		e.Need += c.min[k]
		if c.min[k] > c.min[j] {
			j = k
		}
	}
	e.Column, e.Header, e.Token = j+1, c.header[j], c.token[j]
	return e
}

// FitAll fits every table of d: an annex's tables together when they have
// the same number of columns (so they share one grid), each on its own
// otherwise; an annex may turn landscape, a table outside an annex is set on
// the orientation of its page. It reports every table that cannot fit, and
// gives it a zero TableFit.
func FitAll(d *Document, f Format, m Measure) (TableFits, error) {
	fits := TableFits{}
	var errs []error
	memo := textNeeds{}
	fit := func(ts []*Table, o Orientation, canTurn bool) {
		fi, err := fitTables(ts, f, o, canTurn, m, memo)
		if err != nil {
			errs = append(errs, err)
			fi = TableFit{} // reported: the writers skip it
		}
		for _, t := range ts {
			fits[t] = fi
		}
	}
	orient := OrientationPortrait
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *PageBreak:
			orient = b.Orientation
		case *Cover, *TOC:
			orient = OrientationPortrait // each is followed by a portrait page
		case *Table:
			if b != nil {
				fit([]*Table{b}, orient, false)
			}
		case *Annex:
			if b == nil || len(b.Tables) == 0 {
				continue
			}
			same := true
			for _, t := range b.Tables {
				same = same && t != nil && t.NumColumns() == b.Tables[0].NumColumns()
			}
			if same {
				fit(b.Tables, b.Orientation, true)
				continue
			}
			// Tables of different grids: each on its own, all on the
			// orientation the widest needs.
			o := b.Orientation
			for _, t := range b.Tables {
				if t == nil {
					continue
				}
				if fi, err := fitTables([]*Table{t}, f, o, true, m, memo); err == nil && fi.Orientation == OrientationLandscape {
					o = OrientationLandscape
				}
			}
			for _, t := range b.Tables {
				if t != nil {
					fit([]*Table{t}, o, false)
				}
			}
		}
	}
	if len(errs) > 0 {
		return fits, errors.Join(errs...)
	}
	return fits, nil
}

// Estimate is a Measure for a writer given no fonts: a full em for hanzi,
// CJK punctuation and full-width forms, 0.55 em for anything else (the
// digits of the common serif faces are 0.5 em; a little more errs wide).
func Estimate(r rune, _ bool, size float64) float64 {
	if r >= 0x2E80 {
		return size
	}
	return 0.55 * size
}
