package docx

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/doc"
)

// The grid comes from the widths the caller measured (the PDF's), and an
// annex's tables that share their columns are one w:tbl: no spacer
// paragraph, no double rule between them.
func TestGridFromFitsAndOneTablePerAnnex(t *testing.T) {
	f := doc.GBT9704()
	a := &doc.Table{Name: "十一、甲", Body: [][]doc.Cell{{doc.Text("部门名称"), doc.Text("封丘县政务服务和大数据管理局")}}}
	b := &doc.Table{Name: "十一、乙", Header: [][]doc.Cell{{doc.Text("指标"), doc.Text("指标值")}},
		Body: [][]doc.Cell{{doc.Text("成本"), doc.Num(decimal.RequireFromString("123456789.00"), false)}}}
	widths := []float64{100, doc.TextWidth(f, doc.Portrait) - 100}
	fits := doc.TableFits{a: {Size: 9, Widths: widths}, b: {Size: 9, Widths: widths}}
	d := &doc.Document{Blocks: []doc.Block{&doc.Annex{Title: doc.Heading{Style: doc.TableTitle, Text: "整体绩效目标表"},
		Tables: []*doc.Table{a, b}}}}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{Tables: fits}); err != nil {
		t.Fatal(err)
	}
	_, parts := unzip(t, buf.Bytes())
	body := parseXML(t, parts["word/document.xml"])
	tables := body.all("tbl")
	if len(tables) != 1 {
		t.Fatalf("%d w:tbl, want one for the annex's two tables", len(tables))
	}
	if rows := len(tables[0].all("tr")); rows != 3 {
		t.Errorf("%d rows, want both tables' 3", rows)
	}
	cols := tables[0].find("tblGrid").all("gridCol")
	if w, _ := strconv.Atoi(cols[0].attr["w"]); w != twips(100) {
		t.Errorf("first grid column %d twips, want the fit's 100 pt (%d)", w, twips(100))
	}
	// Without fits the writer measures with doc.Estimate: the figure's
	// column still holds all twelve characters.
	buf.Reset()
	if err := Write(&buf, &doc.Document{Blocks: []doc.Block{b}}, Options{}); err != nil {
		t.Fatal(err)
	}
	_, parts = unzip(t, buf.Bytes())
	cols = parseXML(t, parts["word/document.xml"]).find("tblGrid").all("gridCol")
	if w, _ := strconv.Atoi(cols[1].attr["w"]); w < twips(12*doc.Estimate('1', false, 9)) {
		t.Errorf("figure column %d twips, narrower than 123456789.00", w)
	}
}
