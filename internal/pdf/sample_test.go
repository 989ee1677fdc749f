package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/doc"
)

var outDir = flag.String("out", "", "TestSample writes sample.pdf into this directory")

const sampleText = "封丘县政务服务和大数据管理局2023年度收入预算540.82万元，其中：一般公共预算540.82万元，" +
	"比2022年预算增加199.45万元，增长58.43%，主要原因是人员调资、新增政务服务中心线下服务能力提升（硬件、软件）项目。" +
	"支出预算540.82万元，其中：基本支出165.12万元，占30.53%；项目支出375.70万元，占69.47%。"

// sampleTable is a budget-like table: 12 columns under a two-level header
// with column and row spans, rows grouped by a row-spanning 类 cell.
func sampleTable(name string, rows int) *doc.Table {
	t := &doc.Table{
		Name: name,

		Header: [][]doc.Cell{
			{{Text: "科目编码", ColSpan: 3}, {Text: "科目名称", RowSpan: 2}, {Text: "合计", RowSpan: 2},
				{Text: "基本支出", ColSpan: 3}, {Text: "项目支出", ColSpan: 4}},
			{doc.Text("类"), doc.Text("款"), doc.Text("项"), doc.Text("小计"), doc.Text("人员经费"),
				doc.Text("公用经费"), doc.Text("小计"), doc.Text("一般项目"), doc.Text("专项项目"), doc.Text("其他")},
		},
	}
	names := []string{"一般公共服务支出", "政府办公厅（室）及相关机构事务", "行政运行", "机关事业单位基本养老保险缴费支出",
		"住房公积金", "政务服务中心线下服务能力提升项目"}
	for r := 0; r < rows; r++ {
		d := decimal.New(int64(12345+r*79193%400000), -2)
		row := []doc.Cell{}
		if r%8 == 0 && r+1 < rows {
			row = append(row, doc.Cell{Text: "201", RowSpan: 2})
		} else if r%8 != 1 {
			row = append(row, doc.Text("208"))
		}
		row = append(row, doc.Text(fmt.Sprintf("%02d", r%20+1)), doc.Text("01"), doc.Text(names[r%len(names)]))
		for c := 0; c < 8; c++ {
			row = append(row, doc.Num(d.Mul(decimal.NewFromInt(int64(c+1))), true))
		}
		t.Body = append(t.Body, row)
	}
	t.Body = append(t.Body, []doc.Cell{{Text: "合计", ColSpan: 4, Align: doc.AlignCenter, Bold: true},
		doc.Num(decimal.RequireFromString("540.82"), true), doc.Num(decimal.RequireFromString("165.12"), true),
		doc.Num(decimal.RequireFromString("149.62"), true), doc.Num(decimal.RequireFromString("15.50"), true),
		doc.Num(decimal.RequireFromString("375.70"), true), doc.Num(decimal.Zero, true), doc.Num(decimal.Zero, true),
		doc.Num(decimal.Zero, true)})
	return t
}

// sampleDoc is a budget-like document: cover, TOC, three parts of text and
// ntables landscape tables of rows rows.
func sampleDoc(ntables, rows int) *doc.Document {
	d := &doc.Document{Title: "封丘县政务服务和大数据管理局2023年度部门预算", Author: "封丘县政务服务和大数据管理局"}
	add := func(b ...doc.Block) { d.Blocks = append(d.Blocks, b...) }
	add(&doc.Cover{Title: []string{"封丘县政务服务和大数据管理局", "2023年度部门预算"}, Date: "二〇二三年四月"},
		&doc.TOC{Title: "目  录"},
		&doc.PageBreak{StartNumbering: true},
		&doc.Heading{Level: 1, Style: doc.HeadingPart, Text: "第一部分\n封丘县政务服务和大数据管理局概况",
			TOCText: "第一部分 封丘县政务服务和大数据管理局概况", InTOC: true},
		&doc.Heading{Level: 2, Style: doc.HeadingSection, Text: "一、主要职责", InTOC: true},
		&doc.Heading{Level: 3, Style: doc.HeadingSubsection, Text: "（一）机构设置", InTOC: true},
		&doc.Paragraph{Style: doc.ParagraphBody, Text: strings.Repeat(sampleText, 2)},
		&doc.Heading{Level: 3, Style: doc.HeadingSubsection, Text: "（二）主要职责", InTOC: true},
	)
	for i := 0; i < 4; i++ {
		add(&doc.Paragraph{Style: doc.ParagraphBody, Text: fmt.Sprintf("%d. ", i+1) + sampleText})
	}
	add(&doc.Heading{Level: 1, Style: doc.HeadingPart, Text: "第二部分\n2023年度部门预算情况说明", TOCText: "第二部分 2023年度部门预算情况说明", InTOC: true})
	sections := []string{"一、收入支出预算总体情况", "二、收入预算总体情况", "三、支出预算总体情况", "四、财政拨款收入支出预算总体情况",
		"五、一般公共预算支出情况", "六、一般公共预算基本支出情况"}
	for _, s := range sections {
		add(&doc.Heading{Level: 2, Style: doc.HeadingSection, Text: s, InTOC: true},
			&doc.Paragraph{Style: doc.ParagraphBody, Text: strings.Repeat(sampleText, 3)})
	}
	add(&doc.Paragraph{Style: doc.ParagraphNote, Text: "注：本表数据为预算数，" + sampleText})
	add(&doc.Heading{Level: 1, Style: doc.HeadingPart, Text: "第三部分\n附件", TOCText: "第三部分 附件", InTOC: true})
	nums := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}
	for i := 0; i < ntables; i++ {
		name := nums[i%len(nums)] + "、一般公共预算支出情况表"
		add(&doc.PageBreak{Orientation: doc.OrientationLandscape},
			&doc.Heading{Level: 2, Style: doc.HeadingTable, Text: name, InTOC: true},
			&doc.Paragraph{Style: doc.ParagraphCaption, Text: "部门名称：封丘县政务服务和大数据管理局\t单位：万元"},
			sampleTable(name, rows))
	}
	add(&doc.PageBreak{}, &doc.Paragraph{Style: doc.ParagraphCentered, Text: "（完）"})
	return d
}

func render(t testing.TB, d *doc.Document) (*Layout, []byte) {
	t.Helper()
	l, err := Lay(d, Options{})
	if err != nil {
		t.Fatalf("Lay: %v", err)
	}
	// WriteTo lets the pages' contents go as it draws them: it draws a
	// layout of its own, and l keeps them for the test to look at.
	drawn, err := Lay(d, Options{})
	if err != nil {
		t.Fatalf("Lay: %v", err)
	}
	var buf bytes.Buffer
	if _, err := drawn.WriteTo(&buf); err != nil {
		t.Fatalf("WriteTo: %v", err)
	}
	return l, buf.Bytes()
}

// TestSample renders the sample document; with -out DIR it writes
// DIR/sample.pdf for a person to look at:
//
//	go test ./internal/pdf/ -run TestSample -args -out /tmp/sample
func TestSample(t *testing.T) {
	l, pdf := render(t, sampleDoc(3, 40))
	if l.Pages() < 8 {
		t.Errorf("sample has %d pages, want at least 8", l.Pages())
	}
	if *outDir != "" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(*outDir, "sample.pdf")
		if err := os.WriteFile(p, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d pages, %d bytes)", p, l.Pages(), len(pdf))
	}
}
