package docx

import (
	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/doc"
)

// sampleFormat is GB/T 9704 spelled out, so that the golden file does not
// move when the shared default in package doc is retuned.
func sampleFormat() doc.Format {
	mm := doc.MM
	return doc.Format{
		PageWidth: 210 * mm, PageHeight: 297 * mm,
		Top: 37 * mm, Bottom: 35 * mm, Left: 28 * mm, Right: 26 * mm,
		LandscapeTop: 28 * mm, LandscapeBottom: 26 * mm, LandscapeLeft: 37 * mm, LandscapeRight: 35 * mm,
		BodySize: 16, LinePitch: 28.9, TitleSize: 22, TableTitle: 18, TableSize: 10.5,
		FooterSize: 14, FooterGap: 7 * mm,
	}
}

func num(s string) doc.Cell { return doc.Num(decimal.RequireFromString(s), false) }

// sampleDocument is a small document with every kind of block: cover, TOC,
// headings of each style, paragraphs of each style, a portrait table with
// row and column spans, a landscape table and a return to portrait.
func sampleDocument() (*doc.Document, doc.PageNumbers) {
	part1 := &doc.Heading{Level: 1, Style: doc.HeadingPart, Text: "第一部分\n示范单位概况", TOCText: "第一部分 示范单位概况", InTOC: true}
	sec1 := &doc.Heading{Level: 2, Style: doc.HeadingSection, Text: "一、示范单位主要职责", TOCText: "一、主要职责", InTOC: true}
	sub1 := &doc.Heading{Level: 3, Style: doc.HeadingSubsection, Text: "（一）机构设置情况"}
	part2 := &doc.Heading{Level: 1, Style: doc.HeadingPart, Text: "附件：示范单位2023年部门预算表", InTOC: true}
	tab1 := &doc.Heading{Level: 2, Style: doc.HeadingTable, Text: "一、部门收支总体情况表", InTOC: true}
	tab2 := &doc.Heading{Level: 2, Style: doc.HeadingTable, Text: "二、部门收入总体情况表", InTOC: true}
	// The pages LibreOffice sets them on.
	pages := doc.PageNumbers{part1: 1, sec1: 1, part2: 2, tab1: 2, tab2: 3}

	summary := &doc.Table{
		Name: "一、部门收支总体情况表",

		Header: [][]doc.Cell{
			{{Text: "收入", ColSpan: 2}, {Text: "支出", ColSpan: 2}},
			{doc.Text("项目"), doc.Text("预算数"), doc.Text("项目"), doc.Text("预算数")},
		},
		Body: [][]doc.Cell{
			{doc.Text("一、一般公共预算"), num("540.82"), {Text: "一般公共服务支出", RowSpan: 2}, num("502.33")},
			{doc.Text("二、政府性基金预算"), {}, num("0.00")},
			{{Text: "收入总计", Align: doc.AlignCenter, Bold: true}, num("540.82"), {Text: "支出总计", Align: doc.AlignCenter, Bold: true}, num("540.82")},
		},
	}
	income := &doc.Table{
		Name: "二、部门收入总体情况表",

		Header: [][]doc.Cell{
			{{Text: "科目编码", ColSpan: 3}, {Text: "单位代码", RowSpan: 2}, {Text: "单位名称（科目名称）", RowSpan: 2},
				{Text: "合计", RowSpan: 2}, {Text: "上年结转", RowSpan: 2}, {Text: "一般公共预算", RowSpan: 2},
				{Text: "政府性基金预算", RowSpan: 2}, {Text: "其他收入", RowSpan: 2}},
			{doc.Text("类"), doc.Text("款"), doc.Text("项")},
		},
		Body: [][]doc.Cell{
			{{ColSpan: 3}, doc.Text("101001"), doc.Text("合计"), num("540.82"), {}, num("540.82"), {}, {}},
			{doc.Text("201"), doc.Text("03"), doc.Text("01"), doc.Text("101001"), doc.Text("行政运行"), num("126.63"), {}, num("126.63"), {}, {}},
			{doc.Text("208"), doc.Text("05"), doc.Text("05"), doc.Text("101001"), doc.Text("机关事业单位基本养老保险缴费支出"), num("20.01"), {}, num("20.01"), {}, {}},
		},
	}
	d := &doc.Document{
		Title:  "示范单位2023年度部门预算",
		Author: "示范单位",
		Blocks: []doc.Block{
			&doc.Cover{Title: []string{"示范单位", "2023年度部门预算"}, Date: "二〇二三年四月"},
			&doc.TOC{Title: "目  录"},
			&doc.PageBreak{StartNumbering: true},
			part1,
			sec1,
			sub1,
			&doc.Paragraph{Style: doc.ParagraphBody, Text: "示范单位内设办公室、业务股 2 个科室。预算收入540.82万元，比上年增加199.45万元，增长58.43%。"},
			&doc.Paragraph{Style: doc.ParagraphPlain, Text: "特殊字符照原样印出：a<b & c>d \"引号\" 'apos' ]]> 结束。"},
			&doc.Paragraph{Style: doc.ParagraphCentered, Text: "居中的一行"},
			&doc.PageBreak{},
			part2,
			tab1,
			&doc.Paragraph{Style: doc.ParagraphCaption, Text: "部门名称：示范单位\t单位：万元"},
			summary,
			&doc.Paragraph{Style: doc.ParagraphNote, Text: "注：本表反映部门年度总体收支预算情况。"},
			&doc.PageBreak{Orientation: doc.OrientationLandscape},
			tab2,
			&doc.Paragraph{Style: doc.ParagraphCaption, Text: "部门名称：示范单位\t单位：万元"},
			income,
			&doc.PageBreak{},
			&doc.Paragraph{Style: doc.ParagraphNote, Text: "注：本表为横排表后的说明。"},
		},
	}
	return d, pages
}
