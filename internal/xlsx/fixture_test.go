package xlsx

import (
	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/doc"
)

func num(s string) doc.Cell { return doc.Num(decimal.RequireFromString(s), true) }

func span(text string, cols, rows int) doc.Cell {
	return doc.Cell{Text: text, ColSpan: cols, RowSpan: rows}
}

const caption = "部门名称：封丘县政务服务和大数据管理局\t单位：万元"

// overallTable is the first annex table of the reference: four columns,
// a header row of two colspans over a row of four.
func overallTable() *doc.Table {
	return &doc.Table{
		Name: "一、部门收支总体情况表",

		Header: [][]doc.Cell{
			{span("收入", 2, 1), span("支出", 2, 1)},
			{doc.Text("项目"), doc.Text("金额"), doc.Text("项目"), doc.Text("金额")},
		},
		Body: [][]doc.Cell{
			{doc.Text("一、一般公共预算"), num("540.82"), doc.Text("一、一般公共服务"), num("502.33")},
			{doc.Text("其中：财政拨款"), num("492.82"), doc.Text("二、外交"), num("0")},
			{doc.Text("九、其他收入"), num("0"), doc.Text("八、社会保障和就业"), num("19.98")},
			{doc.Text("本年收入合计"), num("540.82"), doc.Text("本年支出合计"), num("540.82")},
		},
	}
}

// expenditureTable is the second annex table: fourteen columns, a
// three-row header with row and column spans, and body rows.
func expenditureTable() *doc.Table {
	return &doc.Table{
		Name: "二、部门支出总体情况表",

		Header: [][]doc.Cell{
			{span("科目编码", 3, 1), span("单位代码", 1, 3), span("单位（科目名称）", 1, 3), span("合计", 1, 3),
				span("基本支出", 5, 1), span("项目支出", 3, 1)},
			{span("类", 1, 2), span("款", 1, 2), span("项", 1, 2), span("小计", 1, 2), span("人员经费", 2, 1),
				span("公用经费", 2, 1), span("小计", 1, 2), span("其他运转类", 1, 2), span("特定目标类", 1, 2)},
			{doc.Text("工资福利支出"), doc.Text("对个人和家庭补助"), doc.Text("商品和服务支出"), doc.Text("资本性支出")},
		},
		Body: [][]doc.Cell{
			{doc.Text(""), doc.Text(""), doc.Text(""), doc.Text(""), {Text: "合计", Align: doc.AlignCenter, Bold: true},
				num("540.82"), num("165.12"), num("147.77"), num("1.85"), num("15.50"), num("0"), num("375.70"), num("375.70"), num("0")},
			{doc.Text("201"), doc.Text("03"), doc.Text("01"), doc.Text(""), doc.Text("行政运行"),
				num("126.63"), num("126.63"), num("111.13"), num("0"), num("15.50"), num("0"), num("0"), num("0"), num("0")},
			{doc.Text("201"), doc.Text("03"), doc.Text("99"), doc.Text(""), doc.Text("其他政府办公厅（室）及相关机构事务支出"),
				num("375.70"), num("0"), num("0"), num("0"), num("0"), num("0"), num("375.70"), num("375.70"), num("0")},
			{span("208", 1, 2), doc.Text("05"), doc.Text("01"), doc.Text(""), doc.Text("行政单位离退休"),
				num("1.85"), num("1.85"), num("0"), num("1.85"), num("0"), num("0"), num("0"), num("0"), num("0")},
			{doc.Text("05"), doc.Text("05"), doc.Text(""), doc.Text("机关事业单位基本养老保险缴费支出"),
				num("17.35"), num("17.35"), num("17.35"), num("0"), num("0"), num("0"), num("0"), num("0"), num("0")},
		},
	}
}

// sampleDocument is prose, then the two tables as the budget sets them:
// title, caption, table, notes, each after a page break.
func sampleDocument() *doc.Document {
	return &doc.Document{
		Title:  "封丘县政务服务和大数据管理局2023年度部门预算",
		Author: "封丘县政务服务和大数据管理局",
		Blocks: []doc.Block{
			&doc.Cover{Title: []string{"封丘县政务服务和大数据管理局", "2023年度部门预算"}, Date: "二〇二三年四月"},
			&doc.TOC{Title: "目  录"},
			&doc.Heading{Level: 1, Style: doc.HeadingPart, Text: "第一部分\n概况", InTOC: true},
			&doc.Paragraph{Style: doc.ParagraphBody, Text: "正文。"},
			&doc.PageBreak{Orientation: doc.OrientationPortrait},
			&doc.Annex{Title: doc.Heading{Level: 2, Style: doc.HeadingTable, Text: "2023年部门收支总体情况表", InTOC: true},
				Caption: caption, Tables: []*doc.Table{overallTable()},
				Notes: []string{"注：本表反映部门本年度的总收支和年末结转结余情况。"}},
			&doc.PageBreak{Orientation: doc.OrientationLandscape},
			&doc.Annex{Title: doc.Heading{Level: 2, Style: doc.HeadingTable, Text: "2023年部门支出总体情况表", InTOC: true},
				Caption: caption, Tables: []*doc.Table{expenditureTable()}, Orientation: doc.OrientationLandscape,
				Notes: []string{"注：本表反映部门本年度一般公共预算财政拨款支出情况，按支出功能分类科目和支出经济分类科目列示，金额单位为万元，保留两位小数。",
					"第二条注释。"}},
		},
	}
}

// longDocument is one titled table of n body rows: long enough to print on
// several pages.
func longDocument(n int) *doc.Document {
	t := overallTable()
	t.Body = nil
	for i := range n {
		v := decimal.New(int64(i)*137+5, -2)
		t.Body = append(t.Body, []doc.Cell{doc.Text("收入项目"), doc.Num(v, false), doc.Text("支出项目"), doc.Num(v, false)})
	}
	return &doc.Document{Blocks: []doc.Block{
		&doc.Annex{Title: doc.Heading{Style: doc.HeadingTable, Text: "长表"}, Caption: caption, Tables: []*doc.Table{t}},
	}}
}
