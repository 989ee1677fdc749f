package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/writer"
)

func write(t *testing.T, d *doc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, d, writer.Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("excelize cannot read the workbook back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// zipPart returns the content of one part of the workbook package.
func zipPart(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(data)
		}
	}
	t.Fatalf("the workbook has no part %s", name)
	return ""
}

func TestSameDocumentSameBytes(t *testing.T) {
	first := write(t, sampleDocument())
	for i := 0; i < 20; i++ {
		if again := write(t, sampleDocument()); !bytes.Equal(first, again) {
			t.Fatalf("run %d wrote different bytes (%d vs %d)", i+2, len(again), len(first))
		}
	}
	core := zipPart(t, first, "docProps/core.xml")
	if !strings.Contains(core, fixedTimestamp) {
		t.Errorf("core properties carry no fixed timestamp: %s", core)
	}
}

func TestDocumentProperties(t *testing.T) {
	f := open(t, write(t, sampleDocument()))
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	d := sampleDocument()
	if p.Title != d.Title || p.Creator != d.Author || p.Created != fixedTimestamp || p.Modified != fixedTimestamp {
		t.Errorf("properties = %+v", p)
	}
}

// checkGrid asserts that every cell of rows, placed from sheet row top,
// reads back as its figure (compared as decimals) or its text.
func checkGrid(t *testing.T, f *excelize.File, sheet string, rows [][]doc.Cell, ncols, top int) {
	t.Helper()
	placed, err := doc.Place(rows, ncols)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range placed {
		for _, p := range row {
			ref := cellName(top+p.Row, p.Col+1)
			raw, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			typ, _ := f.GetCellType(sheet, ref)
			if p.Number.Valid {
				got, err := decimal.NewFromString(raw)
				if err != nil || !got.Equal(p.Number.Decimal) {
					t.Errorf("%s!%s = %q, want the figure %s", sheet, ref, raw, p.Number.Decimal)
				}
				if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
					t.Errorf("%s!%s: figure stored as text", sheet, ref)
				}
				continue
			}
			if raw != p.Text {
				t.Errorf("%s!%s = %q, want %q", sheet, ref, raw, p.Text)
			}
		}
	}
}

func TestCellsReadBack(t *testing.T) {
	f := open(t, write(t, sampleDocument()))
	if got, want := f.GetSheetList(), []string{"一、部门收支总体情况表", "二、部门支出总体情况表"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		sheet, title string
		table        *doc.Table
		rightCaption string // cell holding "单位：万元"
		notes        []string
	}{
		{"一、部门收支总体情况表", "2023年部门收支总体情况表", overallTable(), "D2",
			[]string{"注：本表反映部门本年度的总收支和年末结转结余情况。"}},
		{"二、部门支出总体情况表", "2023年部门支出总体情况表", expenditureTable(), "L2",
			[]string{"注：本表反映部门本年度一般公共预算财政拨款支出情况，按支出功能分类科目和支出经济分类科目列示，金额单位为万元，保留两位小数。", "第二条注释。"}},
	} {
		get := func(ref string) string {
			v, err := f.GetCellValue(tc.sheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if got := get("A1"); got != tc.title {
			t.Errorf("%s A1 = %q, want the title", tc.sheet, got)
		}
		if got := get("A2"); got != "部门名称：封丘县政务服务和大数据管理局" {
			t.Errorf("%s A2 = %q, want the caption's left part", tc.sheet, got)
		}
		if got := get(tc.rightCaption); got != "单位：万元" {
			t.Errorf("%s %s = %q, want the caption's right part", tc.sheet, tc.rightCaption, got)
		}
		ncols := tc.table.NumColumns()
		checkGrid(t, f, tc.sheet, tc.table.Header, ncols, 3)
		bodyTop := 3 + len(tc.table.Header)
		checkGrid(t, f, tc.sheet, tc.table.Body, ncols, bodyTop)
		for i, n := range tc.notes {
			if got := get(cellName(bodyTop+len(tc.table.Body)+i, 1)); got != n {
				t.Errorf("%s note %d = %q, want %q", tc.sheet, i+1, got, n)
			}
		}
	}
}

func TestNumbersFormattedTwoDecimals(t *testing.T) {
	f := open(t, write(t, sampleDocument()))
	// B6 is 其中：财政拨款 492.82; "15.50" must show its trailing zero.
	for ref, want := range map[string]string{"B6": "492.82", "D5": "502.33"} {
		if got, _ := f.GetCellValue("一、部门收支总体情况表", ref); got != want {
			t.Errorf("%s shows %q, want %q", ref, got, want)
		}
	}
	if got, _ := f.GetCellValue("二、部门支出总体情况表", "J6"); got != "15.50" {
		t.Errorf("J6 shows %q, want 15.50", got)
	}
	id, _ := f.GetCellStyle("二、部门支出总体情况表", "J6")
	st, err := f.GetStyle(id)
	if err != nil || st.NumFmt != numFmtTwoDecimals {
		t.Errorf("J6 style = %+v, %v; want number format 0.00", st, err)
	}
}

func TestMergedRanges(t *testing.T) {
	f := open(t, write(t, sampleDocument()))
	merged := func(sheet string) []string {
		mcs, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, mc := range mcs {
			out = append(out, mc.GetStartAxis()+":"+mc.GetEndAxis())
		}
		slices.Sort(out)
		return out
	}
	want := []string{
		"A1:N1", // title
		"A2:K2", // caption left
		"L2:N2", // caption right: the last 14/4 = 3 columns
		"A3:C3", // 科目编码 colspan 3
		"D3:D5", // 单位代码 rowspan 3
		"E3:E5", // 单位（科目名称）
		"F3:F5", // 合计
		"G3:K3", // 基本支出 colspan 5
		"L3:N3", // 项目支出 colspan 3
		"A4:A5", // 类 rowspan 2
		"B4:B5", "C4:C5", "G4:G5",
		"H4:I4", // 人员经费 colspan 2
		"J4:K4", // 公用经费
		"L4:L5", "M4:M5", "N4:N5",
		"A9:A10",             // body 208 rowspan 2
		"A11:N11", "A12:N12", // notes
	}
	slices.Sort(want)
	if got := merged("二、部门支出总体情况表"); !slices.Equal(got, want) {
		t.Errorf("merged ranges\n got %q\nwant %q", got, want)
	}
	want = []string{"A1:D1", "A2:C2", "A3:B3", "C3:D3", "A9:D9"}
	slices.Sort(want)
	if got := merged("一、部门收支总体情况表"); !slices.Equal(got, want) {
		t.Errorf("merged ranges\n got %q\nwant %q", got, want)
	}
}

func TestFormulaLikeTextStaysText(t *testing.T) {
	texts := []string{"=1+1", "+SUM(A1)", "-1", "@x", "=HYPERLINK(\"http://x\")"}
	var row []doc.Cell
	for _, s := range texts {
		row = append(row, doc.Text(s))
	}
	d := &doc.Document{Blocks: []doc.Block{&doc.Table{Name: "t", Body: [][]doc.Cell{row}}}}
	b := write(t, d)
	f := open(t, b)
	for i, s := range texts {
		ref := cellName(1, i+1)
		typ, err := f.GetCellType("t", ref)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s %q has cell type %v, want a string", ref, s, typ)
		}
		if formula, _ := f.GetCellFormula("t", ref); formula != "" {
			t.Errorf("%s %q reads back as formula %q", ref, s, formula)
		}
		if got, _ := f.GetCellValue("t", ref); got != s {
			t.Errorf("%s = %q, want %q", ref, got, s)
		}
		// Formatted as text ("@"), so that editing the cell keeps it text.
		id, err := f.GetCellStyle("t", ref)
		if err != nil {
			t.Fatal(err)
		}
		if st, err := f.GetStyle(id); err != nil || st.NumFmt != 49 {
			t.Errorf("%s %q: number format %v (%v), want text (49)", ref, s, st.NumFmt, err)
		}
	}
	sheetXML := zipPart(t, b, "xl/worksheets/sheet1.xml")
	if strings.Contains(sheetXML, "<f>") || strings.Contains(sheetXML, "<f ") {
		t.Errorf("sheet XML holds a formula: %s", sheetXML)
	}
}

func TestNoTablesIsAnError(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Text: "只有正文。"}}}
	err := Write(context.Background(), io.Discard, d, writer.Options{})
	if !errors.Is(err, ErrNoTables) {
		t.Errorf("Write of a document without tables = %v, want ErrNoTables", err)
	}
	if err := Write(context.Background(), io.Discard, nil, writer.Options{}); err == nil {
		t.Error("Write(nil) succeeded")
	}
}

func TestBadTableNamesTheTable(t *testing.T) {
	for _, tc := range []struct {
		table *doc.Table
		want  string
	}{
		{&doc.Table{Name: "三、坏表", Body: [][]doc.Cell{{doc.Text("a"), doc.Text("b")}, {doc.Text("a"), doc.Text("b"), doc.Text("c")}}},
			`"三、坏表": body row 2`},
		{&doc.Table{Name: "四、无列"}, `table 1 "四、无列": the table has no columns`},
	} {
		err := Write(context.Background(), io.Discard, &doc.Document{Blocks: []doc.Block{tc.table}}, writer.Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error = %v, want it to contain %q", err, tc.want)
		}
	}
}

func TestTableWithoutTitleStartsAtRowOne(t *testing.T) {
	tbl := overallTable()
	d := &doc.Document{Blocks: []doc.Block{
		&doc.Paragraph{Style: doc.ParagraphNote, Text: "前面的注释不属于任何表。"},
		tbl,
		&doc.Paragraph{Style: doc.ParagraphNote, Text: "注：表后注释。"},
		&doc.Paragraph{Style: doc.ParagraphBody, Text: "正文打断注释。"},
		&doc.Paragraph{Style: doc.ParagraphNote, Text: "不属于表的注释。"},
	}}
	f := open(t, write(t, d))
	checkGrid(t, f, tbl.Name, tbl.Header, 4, 1)
	checkGrid(t, f, tbl.Name, tbl.Body, 4, 3)
	rows, err := f.GetRows(tbl.Name)
	if err != nil {
		t.Fatal(err)
	}
	// Notes belong to an annex: the paragraphs around a bare table are
	// not the sheet's.
	if len(rows) != 6 {
		t.Errorf("rows = %q, want the header and body only", rows)
	}
}

func TestPrintSetup(t *testing.T) {
	f := open(t, write(t, sampleDocument()))
	for _, tc := range []struct {
		sheet, orientation, titles string
		frozen                     int
	}{
		{"一、部门收支总体情况表", "portrait", "'一、部门收支总体情况表'!$3:$4", 4},
		{"二、部门支出总体情况表", "landscape", "'二、部门支出总体情况表'!$3:$5", 5},
	} {
		pl, err := f.GetPageLayout(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		// Each table fits a page: it prints on one.
		if *pl.Orientation != tc.orientation || *pl.Size != paperA4 || *pl.FitToWidth != 1 || *pl.FitToHeight != 1 {
			t.Errorf("%s page layout: orientation %s size %d fit %d×%d", tc.sheet, *pl.Orientation, *pl.Size, *pl.FitToWidth, *pl.FitToHeight)
		}
		panes, err := f.GetPanes(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != tc.frozen || panes.XSplit != 0 {
			t.Errorf("%s panes = %+v, want frozen below row %d", tc.sheet, panes, tc.frozen)
		}
		found := false
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" && dn.Scope == tc.sheet {
				found = true
				if dn.RefersTo != tc.titles {
					t.Errorf("%s print titles = %q, want %q", tc.sheet, dn.RefersTo, tc.titles)
				}
			}
		}
		if !found {
			t.Errorf("%s has no print titles", tc.sheet)
		}
	}
}

func TestColumnWidthsFollowTheTable(t *testing.T) {
	f := open(t, write(t, sampleDocument()))
	a, _ := f.GetColWidth("一、部门收支总体情况表", "A")
	b, _ := f.GetColWidth("一、部门收支总体情况表", "B")
	// The names take the width the amounts leave.
	if a <= b {
		t.Errorf("columns A and B are %.2f and %.2f wide; want the text column wider", a, b)
	}
	// The empty 单位代码 column stays narrow; the name column is the widest.
	d, _ := f.GetColWidth("二、部门支出总体情况表", "D")
	e, _ := f.GetColWidth("二、部门支出总体情况表", "E")
	if d >= e || d > 6 {
		t.Errorf("columns D (empty) and E (names) are %.2f and %.2f wide", d, e)
	}
}

func TestFigureTooLargeForASpreadsheet(t *testing.T) {
	huge := doc.Cell{Text: "huge", Number: decimal.NewNullDecimal(decimal.New(1, 400))}
	d := &doc.Document{Blocks: []doc.Block{&doc.Table{Name: "大数", Body: [][]doc.Cell{{huge}}}}}
	err := Write(context.Background(), io.Discard, d, writer.Options{})
	if err == nil || !strings.Contains(err.Error(), `table 1 "大数": body: row 1, column 1: figure`) {
		t.Errorf("error = %v, want one naming the table, row and column of the figure", err)
	}
}

func BenchmarkWrite(b *testing.B) {
	d := longDocument(300)
	for b.Loop() {
		if err := Write(context.Background(), io.Discard, d, writer.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
