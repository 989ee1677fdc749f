package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/writer"
)

// bigTable is a landscape annex of a department in 元: amounts of seven to
// nine digits, 21-digit project codes and an empty column.
func bigTable() *doc.Document {
	t := &doc.Table{Name: "十、项目支出表",
		Header: [][]doc.Cell{{doc.Text("项目编码"), doc.Text("项目名称"), doc.Text("合计"), doc.Text("财政拨款"), doc.Text("财政专户管理资金"), doc.Text("单位资金")}},
	}
	for i := range 12 {
		t.Body = append(t.Body, []doc.Cell{
			doc.Text(fmt.Sprintf("4107272300000000096%02d", i)), doc.Text("政务服务中心线下服务能力提升（硬件、软件）项目"),
			num("123456789.00"), num("3717632.50"), {}, num(fmt.Sprintf("%d.25", 98765432-i)),
		})
	}
	return &doc.Document{Blocks: []doc.Block{&doc.Annex{Title: doc.Heading{Style: doc.HeadingTable, Text: "2025年项目支出表"},
		Caption: caption, Tables: []*doc.Table{t}, Orientation: doc.OrientationLandscape}}}
}

// TestBigFiguresFitTheirColumns: LibreOffice prints every figure of nine
// digits whole, none as "###", and the codes whole.
func TestBigFiguresFitTheirColumns(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion takes seconds")
	}
	pdf := printWithLibreOffice(t, bigTable(), "big")
	text := pageText(t, pdf, 1)
	if strings.Contains(text, "###") {
		t.Errorf("a figure shows as ###:\n%s", text)
	}
	for _, want := range []string{"123456789.00", "3717632.50", "98765432.25", "410727230000000009600"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed sheet lacks %q whole:\n%s", want, text)
		}
	}
}

// A cell or note that needs more than the tallest row Excel takes is
// written all the same, its row as tall as Excel allows.
func TestTooLongTextIsNoError(t *testing.T) {
	long := strings.Repeat("政务服务中心线下服务能力提升项目，", 200)
	tbl := &doc.Table{Name: "长", Header: [][]doc.Cell{{doc.Text("项目"), doc.Text("说明")}},
		Body: [][]doc.Cell{{doc.Text("甲"), doc.Text(long)}}}
	d := &doc.Document{Blocks: []doc.Block{&doc.Annex{Title: doc.Heading{Text: "长表"}, Tables: []*doc.Table{tbl}, Notes: []string{long}}}}
	f := open(t, write(t, d))
	for _, row := range []int{3, 4} { // the body row and the note
		if h, err := f.GetRowHeight("长", row); err != nil || h > maxRowHeight || h < maxRowHeight-1 {
			t.Errorf("row %d height %v (%v), want Excel's most, %d", row, h, err, maxRowHeight)
		}
	}
}

// The sheet declares its extent, and a long table of row groups breaks its
// pages between groups, never inside one.
func TestDimensionAndPageBreaks(t *testing.T) {
	tbl := &doc.Table{Name: "十二、绩效", Header: [][]doc.Cell{{doc.Text("项目"), doc.Text("指标"), doc.Text("指标值")}}}
	for p := range 30 {
		for r := range 4 {
			var row []doc.Cell
			if r == 0 {
				row = append(row, doc.Cell{Text: fmt.Sprintf("项目%d", p), RowSpan: 4})
			}
			row = append(row, doc.Text("服务对象满意度"), doc.Text("≥95%"))
			tbl.Body = append(tbl.Body, row)
		}
	}
	d := &doc.Document{Blocks: []doc.Block{&doc.Annex{Title: doc.Heading{Text: "绩效表"}, Caption: caption, Tables: []*doc.Table{tbl}}}}
	data := write(t, d)
	f := open(t, data)
	dim, err := f.GetSheetDimension("十二、绩效")
	if err != nil || dim != "A1:C123" {
		t.Errorf("dimension %q (%v), want A1:C123", dim, err)
	}
	pl, _ := f.GetPageLayout("十二、绩效")
	if *pl.FitToHeight != 0 {
		t.Errorf("a table of 120 rows is fitted to %d pages high, want any", *pl.FitToHeight)
	}
	// The breaks fall where a group starts: body rows start at row 4, a
	// group every 4 rows.
	breaks := rowBreaks(t, data)
	if len(breaks) == 0 {
		t.Fatal("no page breaks in a table of several pages")
	}
	for _, b := range breaks {
		// A break after row b: row b+1 starts a group.
		if (b+1-4)%4 != 0 {
			t.Errorf("a page break after row %d falls inside a project's rows", b)
		}
	}
}

func TestNoTablesStill(t *testing.T) {
	if err := Write(context.Background(), io.Discard, &doc.Document{}, writer.Options{}); err != ErrNoTables {
		t.Errorf("error %v, want ErrNoTables", err)
	}
}

// rowBreaks are the rows of the first sheet after which a page breaks.
func rowBreaks(t *testing.T, data []byte) []int {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := z.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	xml, _ := io.ReadAll(rc)
	rows := regexp.MustCompile(`(?s)<rowBreaks.*?</rowBreaks>`).Find(xml)
	var out []int
	for _, m := range regexp.MustCompile(`<brk id="(\d+)"`).FindAllSubmatch(rows, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		out = append(out, n)
	}
	return out
}

// A table too wide for any page is no error in a workbook: the sheet is as
// wide as its figures need and prints scaled to the page.
func TestTooWideForAPageStillMakesASheet(t *testing.T) {
	var row []doc.Cell
	for range 30 {
		row = append(row, num("123456789.00"))
	}
	d := &doc.Document{Blocks: []doc.Block{&doc.Annex{Title: doc.Heading{Text: "宽表"},
		Tables: []*doc.Table{{Name: "宽", Body: [][]doc.Cell{row}}}, Orientation: doc.OrientationLandscape}}}
	f := open(t, write(t, d))
	w, err := f.GetColWidth("宽", "AD")
	if err != nil || widthPt(w) < advance("123456789.00", doc.GBT9704().TableMinSize) {
		t.Errorf("column AD is %v wide (%v), too narrow for its figure", w, err)
	}
}
