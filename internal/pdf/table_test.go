package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/doc"
)

// cellText is the text of a cell's lines, joined.
func cellText(c cellBox) string {
	var b strings.Builder
	for _, ln := range c.lines {
		for _, it := range ln.texts {
			b.WriteString(it.s)
		}
	}
	return b.String()
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func layOrFail(t *testing.T, d *doc.Document) *Layout {
	t.Helper()
	l, err := Lay(d, Options{})
	if err != nil {
		t.Fatalf("Lay: %v", err)
	}
	return l
}

func TestTableSpansAndWidths(t *testing.T) {
	f := doc.GBT9704()
	tbl := sampleTable("表", 3)
	l := layOrFail(t, &doc.Document{Blocks: []doc.Block{tbl, &doc.PageBreak{Orientation: doc.OrientationLandscape}, sampleTable("横表", 3)}})
	for _, tc := range []struct {
		page  int
		width float64
	}{{0, f.PageWidth - f.Left - f.Right}, {1, f.PageHeight - f.LandscapeLeft - f.LandscapeRight}} {
		p := l.pages[tc.page]
		if len(p.bands) < 2 {
			t.Fatalf("page %d: %d bands, want header and body", tc.page+1, len(p.bands))
		}
		header := p.bands[0]
		byText := map[string]cellBox{}
		right := 0.0
		for _, c := range header.cells {
			byText[cellText(c)] = c
			right = max(right, c.x1)
		}
		if !near(right, tc.width) {
			t.Errorf("page %d: table width %.2f, want the text width %.2f", tc.page+1, right, tc.width)
		}
		// Widths come from the content: the three code columns share
		// 科目编码, the name column is the widest, and every figure fits
		// its column with its padding.
		code := byText["科目编码"]
		if !near(code.x0, 0) || !near(code.x1, byText["项"].x1) || !near(byText["类"].x0, 0) {
			t.Errorf("page %d: 科目编码 spans x %.2f–%.2f, want the three columns 类 款 项 (0–%.2f)", tc.page+1, code.x0, code.x1, byText["项"].x1)
		}
		name := byText["科目名称"]
		if !near(name.y0, 0) || !near(name.y1, header.h) {
			t.Errorf("page %d: 科目名称 box %+v, want both header rows", tc.page+1, name)
		}
		for _, c := range header.cells {
			if s := cellText(c); s != "科目名称" && s != "科目编码" && s != "基本支出" && s != "项目支出" && c.x1-c.x0 >= name.x1-name.x0 {
				t.Errorf("page %d: column %q (%.2f pt) is as wide as the name column (%.2f pt)", tc.page+1, s, c.x1-c.x0, name.x1-name.x0)
			}
		}
		lei := byText["类"]
		if !(lei.y0 > 0) || !near(lei.y1, header.h) {
			t.Errorf("page %d: 类 box %+v, want the second header row", tc.page+1, lei)
		}
		// The body's first band holds the two rows joined by the 201 cell.
		body := p.bands[1]
		var c201 *cellBox
		for i, c := range body.cells {
			if cellText(c) == "201" {
				c201 = &body.cells[i]
			}
		}
		if c201 == nil || !near(c201.y0, 0) || !near(c201.y1, body.h) {
			t.Fatalf("page %d: row-spanning cell 201 = %+v, want it to fill its band (h %.2f)", tc.page+1, c201, body.h)
		}
		if n := len(body.cells); n != 12+11 {
			t.Errorf("page %d: first band has %d cells, want 23 (two rows, one merged cell)", tc.page+1, n)
		}
	}
}

func TestNumbersRightAlignedHeadersCentred(t *testing.T) {
	l := layOrFail(t, &doc.Document{Blocks: []doc.Block{sampleTable("表", 2)}})
	p := l.pages[0]
	padX := doc.GBT9704().TableSize * cellPadX
	for _, c := range p.bands[0].cells {
		it := c.lines[0].texts[0]
		w := runWidth(it)
		if mid := it.x + w/2; !near(mid, (c.x0+c.x1)/2) {
			t.Errorf("header %q centred at %.2f, want %.2f", it.s, mid, (c.x0+c.x1)/2)
		}
	}
	for _, c := range p.bands[1].cells {
		s := cellText(c)
		if len(c.lines) == 0 || len(c.lines[0].texts) == 0 || !strings.Contains(s, ".") {
			continue
		}
		last := c.lines[0].texts[len(c.lines[0].texts)-1]
		if end := last.x + runWidth(last); !near(end, c.x1-padX) {
			t.Errorf("number %q ends at %.2f, want %.2f (right-aligned)", s, end, c.x1-padX)
		}
	}
}

// runWidth is the advance of a run as drawn.
func runWidth(it textItem) float64 {
	w := 0.0
	for _, r := range it.s {
		w += it.face.Advance(r)*it.size + it.tc
	}
	return w
}

func TestTableContinuesWithHeaderRepeated(t *testing.T) {
	tbl := sampleTable("长表", 100)
	l := layOrFail(t, &doc.Document{Blocks: []doc.Block{
		&doc.Heading{Style: doc.HeadingTable, Text: "长表", InTOC: true, Level: 1}, tbl}})
	if l.Pages() < 3 {
		t.Fatalf("a 100-row table took %d pages, want at least 3", l.Pages())
	}
	kuan := -1.0
	for _, c := range l.pages[0].bands[0].cells {
		if cellText(c) == "款" {
			kuan = c.x0
		}
	}
	rows := 0
	for i, p := range l.pages {
		if len(p.bands) == 0 || cellText(p.bands[0].cells[0]) != "科目编码" {
			t.Fatalf("page %d does not start with the header rows", i+1)
		}
		for _, b := range p.bands {
			if b.y+b.h > p.bottom+0.01 {
				t.Errorf("page %d: a band runs to %.2f, past the text area's bottom %.2f", i+1, b.y+b.h, p.bottom)
			}
		}
		for _, b := range p.bands[1:] {
			// Count rows by their 款 cells (column 2), which every row has.
			for _, c := range b.cells {
				if near(c.x0, kuan) && cellText(c) != "01" {
					rows++
				}
			}
		}
	}
	// Rows 0..99 have 款 = r%20+1, printed "02".."20" except "01" rows;
	// every row appears once: 100 rows, 5 of which have 款 "01".
	if rows != 95 {
		t.Errorf("counted %d body rows with 款 ≠ 01 across pages, want 95 (each row once)", rows)
	}
}

func TestRowTallerThanPageIsSplitNotClipped(t *testing.T) {
	long := strings.Repeat("政务服务中心线下服务能力提升项目，", 150)
	tbl := &doc.Table{Name: "长格",
		Header: [][]doc.Cell{{doc.Text("项目"), doc.Text("说明")}},
		Body:   [][]doc.Cell{{doc.Text("甲"), doc.Text("短")}, {doc.Text("乙"), doc.Text(long)}, {doc.Text("丙"), doc.Text("尾")}}}
	l := layOrFail(t, &doc.Document{Blocks: []doc.Block{tbl}})
	if l.Pages() < 2 {
		t.Fatalf("the long row fits %d page; make it longer", l.Pages())
	}
	var got strings.Builder
	for i, p := range l.pages {
		for _, b := range p.bands {
			if b.y < p.top-0.01 || b.y+b.h > p.bottom+0.01 {
				t.Errorf("page %d: band %.2f–%.2f outside the text area %.2f–%.2f", i+1, b.y, b.y+b.h, p.top, p.bottom)
			}
			for _, c := range b.cells {
				for _, ln := range c.lines {
					if ln.top < c.y0-0.01 || ln.top+l.format.TableSize*cellPitch > c.y1+0.01 {
						t.Errorf("page %d: a line at %.2f sticks out of its cell %.2f–%.2f", i+1, ln.top, c.y0, c.y1)
					}
				}
				if s := cellText(c); strings.HasPrefix(s, "政务") || strings.HasPrefix(s, "项目，") ||
					strings.HasPrefix(s, "，") || (len(s) > 6 && !strings.ContainsAny(s, "甲乙丙短尾") && s != "说明") {
					got.WriteString(s)
				}
			}
		}
	}
	if got.String() != long {
		t.Errorf("the split cell's text across pages has %d bytes, want all %d of the original", got.Len(), len(long))
	}
}

// A group of rows joined by a spanning cell and taller than a page is cut
// between rows, never inside one, and the spanning cell's label stands on
// every page the group reaches.
func TestSpanningGroupSplitBetweenRowsWithLabelRepeated(t *testing.T) {
	body := [][]doc.Cell{{{Text: "投入管理指标", RowSpan: 40}, doc.Text("第1行"), doc.Text(strings.Repeat("说明文字", 12))}}
	for i := 2; i <= 40; i++ {
		body = append(body, []doc.Cell{doc.Text("第" + strconv.Itoa(i) + "行"), doc.Text(strings.Repeat("说明文字", 12))})
	}
	tbl := &doc.Table{Name: "指标",
		Header: [][]doc.Cell{{doc.Text("一级指标"), doc.Text("三级指标"), doc.Text("指标值说明")}}, Body: body}
	l := layOrFail(t, &doc.Document{Blocks: []doc.Block{tbl}})
	if l.Pages() < 2 {
		t.Fatalf("the group fits on %d page; make it longer", l.Pages())
	}
	for i, p := range l.pages {
		labels, rows := 0, map[string]int{}
		for _, b := range p.bands[1:] { // after the repeated header
			for _, c := range b.cells {
				switch s := cellText(c); {
				case s == "投入管理指标":
					labels++
				case strings.HasPrefix(s, "第"):
					rows[s]++
				case strings.HasPrefix(s, "说明"):
					if s != strings.Repeat("说明文字", 12) {
						t.Errorf("page %d: a row's text is cut: %q", i+1, s)
					}
				}
			}
		}
		if labels != 1 {
			t.Errorf("page %d shows the spanning label %d times, want once", i+1, labels)
		}
		if len(rows) == 0 {
			t.Errorf("page %d has no row of the group", i+1)
		}
	}
}

// Figures of nine digits and 21-digit codes are set whole on one line, at
// least 3 pt inside their cell, and headers leave no character alone.
func TestBigFiguresStayInTheirCells(t *testing.T) {
	tbl := &doc.Table{Name: "十、项目支出表",
		Header: [][]doc.Cell{{doc.Text("单位代码"), doc.Text("项目编码"), doc.Text("项目名称"), doc.Text("合计"),
			doc.Text("一般公共预算拨款"), doc.Text("财政专户管理资金"), doc.Text("单位资金")}}}
	for i := range 8 {
		tbl.Body = append(tbl.Body, []doc.Cell{doc.Text("501001"), doc.Text(fmt.Sprintf("4107272300000000096%02d", i)),
			doc.Text("政务服务中心线下服务能力提升（硬件、软件）项目"),
			doc.Num(decimal.RequireFromString("123456789.00"), false), doc.Num(decimal.RequireFromString("3717632.50"), false),
			{}, doc.Num(decimal.RequireFromString("-98765432.10"), false)})
	}
	l := layOrFail(t, &doc.Document{Blocks: []doc.Block{tbl}})
	if fit := l.Fits()[tbl]; fit.Size != doc.GBT9704().TableSize {
		t.Errorf("set at %.1f pt, want the table size", fit.Size)
	}
	for _, p := range l.pages {
		for _, b := range p.bands {
			for _, c := range b.cells {
				s := cellText(c)
				if len(c.lines) > 1 && utf8.RuneCountInString(cellLineText(c.lines[len(c.lines)-1])) == 1 {
					t.Errorf("cell %q leaves one character alone on its last line", s)
				}
				if !strings.ContainsAny(s, "0123456789") || strings.ContainsFunc(s, func(r rune) bool { return r > 0x2E80 }) {
					continue
				}
				if len(c.lines) != 1 {
					t.Errorf("%q is broken over %d lines", s, len(c.lines))
					continue
				}
				its := c.lines[0].texts
				left, right := its[0].x, its[len(its)-1].x+runWidth(its[len(its)-1])
				if left < c.x0+3 || right > c.x1-3 {
					t.Errorf("%q runs %.2f–%.2f in a cell %.2f–%.2f: closer than 3 pt to a rule", s, left, right, c.x0, c.x1)
				}
			}
		}
	}
}

func cellLineText(ln cellLine) string {
	var b strings.Builder
	for _, it := range ln.texts {
		b.WriteString(it.s)
	}
	return b.String()
}
