package xlsx

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/internal/writer"
)

// excelizeCells writes the cells through excelize's own functions, as the
// writer did before it wrote them itself: the yardstick of cells.go.
type excelizeCells struct {
	x     *excelize.File
	sheet string
}

func (e excelizeCells) merge(c0, r0, c1, r1 int) error {
	return e.x.MergeCell(e.sheet, cellName(r0, c0), cellName(r1, c1))
}
func (e excelizeCells) str(col, row int, s string) error {
	return e.x.SetCellStr(e.sheet, cellName(row, col), s)
}
func (e excelizeCells) float(col, row int, v float64) error {
	return e.x.SetCellFloat(e.sheet, cellName(row, col), v, -1, 64)
}
func (e excelizeCells) style(c0, r0, c1, r1, id int) error {
	return e.x.SetCellStyle(e.sheet, cellName(r0, c0), cellName(r1, c1), id)
}
func (e excelizeCells) height(row int, h float64) error {
	return e.x.SetRowHeight(e.sheet, row, h)
}
func (e excelizeCells) widths(w []float64) error {
	for i, cw := range w {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := e.x.SetColWidth(e.sheet, col, col, cw); err != nil {
			return err
		}
	}
	return nil
}

// oddTextDocument has the texts whose storing has rules of its own: spaces
// and newlines at the ends (xml:space), characters XML escapes, text that
// reads like an escaped character (_x0041_, repeated: excelize keeps it
// again each time), text longer than a cell holds, the same text twice, and
// figures beyond 15 digits, negative and tiny.
func oddTextDocument() *doc.Document {
	long := strings.Repeat("项目说明很长，", 5000)
	big := doc.Num(decimal.RequireFromString("12345678901234567.89"), true)
	tiny := doc.Num(decimal.RequireFromString("0.000000001234567890123"), true)
	tbl := &doc.Table{Name: "杂",
		Header: [][]doc.Cell{{span("  两端有空格 ", 2, 1), doc.Text("a<b>&\"'")}, {doc.Text("甲\n乙"), doc.Text("\t制表"), doc.Text("=1+1")}},
		Body: [][]doc.Cell{
			{doc.Text("_x0041_"), doc.Text("_x0041_"), doc.Text("_x005F_x0041_")},
			{big, num("-3.50"), tiny},
			{span("跨两行", 1, 2), doc.Text(long), doc.Text("")},
			{doc.Text("  两端有空格 "), {Text: "右", Align: doc.AlignRight, Bold: true}},
		},
	}
	numbersOnly := &doc.Table{Name: "数", Body: [][]doc.Cell{{num("1"), num("2")}}}
	return &doc.Document{Blocks: []doc.Block{
		&doc.Annex{Title: doc.Heading{Text: "杂表"}, Caption: "左\t右", Tables: []*doc.Table{tbl}, Notes: []string{"注：_x0041_ 与 a&b"}},
		numbersOnly,
	}}
}

// The workbook is byte for byte the one excelize makes when it is handed
// every cell through its own functions.
func TestCellsAsExcelizeWritesThem(t *testing.T) {
	numbersOnly := &doc.Document{Blocks: []doc.Block{&doc.Table{Name: "数", Body: [][]doc.Cell{{num("1"), num("2.5")}}}}}
	for name, d := range map[string]*doc.Document{
		"sample": sampleDocument(), "long": longDocument(120), "big": bigTable(),
		"odd texts": oddTextDocument(), "no strings": numbersOnly,
	} {
		t.Run(name, func(t *testing.T) {
			var fast, slow bytes.Buffer
			if err := Write(context.Background(), &fast, d, writer.Options{}); err != nil {
				t.Fatal(err)
			}
			via := func(x *excelize.File, sheet string) cellSink { return excelizeCells{x, sheet} }
			if err := writeWorkbook(context.Background(), &slow, d, writer.Options{}, via); err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(fast.Bytes(), slow.Bytes()) {
				return
			}
			for _, part := range []string{"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
				"[Content_Types].xml", "xl/_rels/workbook.xml.rels"} {
				if a, b := zipPart(t, fast.Bytes(), part), zipPart(t, slow.Bytes(), part); a != b {
					t.Errorf("%s differs:\n ours     %.600s\n excelize %.600s", part, a[firstDiff(a, b):], b[firstDiff(a, b):])
				}
			}
			t.Fatalf("the workbooks differ (%d and %d bytes)", fast.Len(), slow.Len())
		})
	}
}

func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return max(0, i-80)
}

func TestFormatCellFloat(t *testing.T) {
	for v, want := range map[float64]string{
		540.82: "540.82", -3.5: "-3.5", 0: "0", 1e20: "100000000000000000000",
		12345678901234567.89: "12345678901234500", 0.1 + 0.2: "0.3",
	} {
		if got := formatCellFloat(v); got != want {
			t.Errorf("formatCellFloat(%v) = %s, want %s", v, got, want)
		}
	}
}
