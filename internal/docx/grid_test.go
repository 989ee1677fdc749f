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
	widths := []float64{100, doc.TextWidth(f, doc.OrientationPortrait) - 100}
	fits := doc.TableFits{a: {Size: 9, Widths: widths}, b: {Size: 9, Widths: widths}}
	d := &doc.Document{Blocks: []doc.Block{&doc.Annex{Title: doc.Heading{Style: doc.HeadingTable, Text: "整体绩效目标表"},
		Tables: []*doc.Table{a, b}}}}
	var buf bytes.Buffer
	if err := write(&buf, d, config{Tables: fits}); err != nil {
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
	if err := write(&buf, &doc.Document{Blocks: []doc.Block{b}}, config{}); err != nil {
		t.Fatal(err)
	}
	_, parts = unzip(t, buf.Bytes())
	cols = parseXML(t, parts["word/document.xml"]).find("tblGrid").all("gridCol")
	if w, _ := strconv.Atoi(cols[1].attr["w"]); w < twips(12*doc.Estimate('1', false, 9)) {
		t.Errorf("figure column %d twips, narrower than 123456789.00", w)
	}
}

// A project's rows (its code and name spanning all of them, a target a
// row) are one row that cannot split, the targets a table of their own in
// it: Word and LibreOffice keep the project on one page and never print
// its last targets under blank labels.
func TestProjectGroupIsOneRow(t *testing.T) {
	tbl := &doc.Table{Name: "十二、绩效", Header: [][]doc.Cell{{doc.Text("项目编码"), doc.Text("项目名称"), doc.Text("三级指标"), doc.Text("指标值")}},
		Body: [][]doc.Cell{
			{doc.Text("019"), doc.Text("本级"), doc.Text(""), doc.Text("")},
			{{Text: "410727230000000009617", RowSpan: 3}, {Text: "工作经费", RowSpan: 3}, doc.Text("服务人数"), doc.Text("≥20人")},
			{doc.Text("满意度"), doc.Text("≥95%")},
			{doc.Text("完成时间"), doc.Text("每月30日前")},
		}}
	var buf bytes.Buffer
	if err := write(&buf, &doc.Document{Blocks: []doc.Block{tbl}}, config{}); err != nil {
		t.Fatal(err)
	}
	_, parts := unzip(t, buf.Bytes())
	outer := parseXML(t, parts["word/document.xml"]).find("tbl")
	var rows []*node
	for _, c := range outer.children {
		if c.name == "tr" {
			rows = append(rows, c)
		}
	}
	if len(rows) != 3 {
		t.Fatalf("%d outer rows, want header, 019 and the project's one", len(rows))
	}
	project := rows[2]
	if project.find("cantSplit") == nil || project.find("vMerge") != nil {
		t.Error("the project's row may split or merges cells down")
	}
	nested := project.find("tbl")
	if nested == nil || len(nested.all("tr")) != 3 {
		t.Fatalf("the project's targets are not a table of three rows in its row")
	}
	if got := nested.all("tr")[2].plainText(); got != "完成时间每月30日前" {
		t.Errorf("last target row %q", got)
	}
}
