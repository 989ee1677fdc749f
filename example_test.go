package budgetdoc_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/budgetdoc/budgetdoc"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

// Load a department's budget, check it, and write its disclosure as PDF.
func Example() {
	b, err := budgetdoc.Load("examples/fengqiu/fengqiu.yaml")
	if err != nil {
		log.Fatal(err) // every problem of the file, one per line
	}
	r, err := budgetdoc.Render(context.Background(), b, nil)
	if err != nil {
		log.Fatal(err) // the budget's problems, or a template or font problem
	}
	var pdf bytes.Buffer
	if err := r.Write(context.Background(), &pdf, budgetdoc.FormatPDF); err != nil {
		log.Fatal(err)
	}
	fmt.Println(pdf.String()[:5])
	// Output: %PDF-
}

// Every problem comes at once, each with a stable code, its place in the
// file and its field path as elements.
func ExampleValidate() {
	input := []byte(`
department: {name: 某局, code: "101", year: 2023, published: "2023-03", offices: [办公室], duties: [负责某项工作。]}
units: [{code: "101001", name: 某局, kind: 行政}]
income:
  this_year: {一般公共预算财政拨款: 100.00}
lines:
  - {unit: "101001", function: "2010301", economic: "30201", basic: 人员经费, source: 一般公共预算财政拨款, amount: 90.005}
three_public: {abroad: 0, vehicle_purchase: 0, vehicle_operation: 0, reception: 0}
performance:
  goals: [完成年度工作。]
  tasks: [{name: 年度工作, content: 完成年度工作。}]
  indicators: [{level1: 产出指标, level2: 重点工作任务完成, level3: 任务完成率, value: 100%}]
`)
	b, err := budgetdoc.Parse("budget.yaml", input)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range budgetdoc.Validate(b, nil).Errors() {
		fmt.Println(p)
	}
	// Output:
	// budget.yaml:5:3: income: 收入合计 100.00，支出合计 90.005：收入应与支出相等
	// budget.yaml:5:27: income.this_year.一般公共预算财政拨款: 本年收入中一般公共预算财政拨款为 100.00，但用这笔资金的支出明细合计 90.005：收入应与支出相等
	// budget.yaml:7:53: lines[0].economic: 30201 办公费不属于人员经费：人员经费应使用 301 工资福利支出、303 对个人和家庭的补助
	// budget.yaml:7:103: lines[0].amount: 金额 90.005 超过两位小数：金额以万元为单位，最多保留两位小数
}

// The figures the document prints, computed from the spending lines.
func ExampleBuild_figures() {
	b, err := budgetdoc.Load("examples/fengqiu/fengqiu.yaml")
	if err != nil {
		log.Fatal(err)
	}
	if err := budgetdoc.Validate(b, nil).Err(); err != nil {
		log.Fatal(err)
	}
	f := figures.Compute(b, nil)
	fmt.Println("支出合计", f.All.Total, "基本支出", f.All.Basic, f.All.BasicShare.StringFixed(2)+"%")
	fmt.Println("比上年", f.Changes.Total.Amount, f.Changes.Total.Percent.StringFixed(2)+"%")
	for _, c := range f.ClassShares {
		fmt.Println(c.Name, c.Amount, c.Share.StringFixed(2)+"%")
	}
	// Output:
	// 支出合计 540.82 基本支出 165.12 30.53%
	// 比上年 199.45 58.43%
	// 一般公共服务支出 502.33 92.88%
	// 社会保障和就业支出 19.98 3.70%
	// 卫生健康支出 7.27 1.34%
	// 住房保障支出 11.24 2.08%
}

// Between building the document and writing it, a caller may change it: here
// a thirteenth annex table, which gets its 目录 entry, its page and its
// Excel sheet like the twelve.
func ExampleBuild_thirteenthTable() {
	b, err := budgetdoc.Load("examples/fengqiu/fengqiu.yaml")
	if err != nil {
		log.Fatal(err)
	}
	d, err := budgetdoc.Build(context.Background(), b, nil)
	if err != nil {
		log.Fatal(err)
	}
	d.Blocks = append(d.Blocks, &doc.PageBreak{}, &doc.Annex{
		Title: doc.Heading{Level: 2, Style: doc.HeadingTable, Text: "2023年部门人员情况表", TOCText: "十三、部门人员情况表", InTOC: true},
		Tables: []*doc.Table{{
			Name:   "十三、部门人员情况表",
			Header: [][]doc.Cell{{doc.Text("单位"), doc.Text("编制数")}},
			Body:   [][]doc.Cell{{doc.Text(b.Department.Name), doc.Num(decimal.NewFromInt(26), false)}},
		}},
		Notes: []string{"注：编制数为核定的行政编制和事业编制之和。"},
	})
	r := budgetdoc.Prepare(d, nil)
	var book bytes.Buffer
	if err := r.Write(context.Background(), &book, budgetdoc.FormatXLSX); err != nil {
		log.Fatal(err)
	}
	x, err := excelize.OpenReader(&book)
	if err != nil {
		log.Fatal(err)
	}
	sheets := x.GetSheetList()
	fmt.Println(len(sheets), "sheets, the last", sheets[len(sheets)-1])
	if err := r.Write(context.Background(), io.Discard, budgetdoc.FormatPDF); err != nil {
		log.Fatal(err)
	}
	// Output:
	// 13 sheets, the last 十三、部门人员情况表
}

// Write the same document as Word and its tables as Excel.
func ExampleRendered_Write() {
	b, err := budgetdoc.Load("examples/fengqiu/fengqiu.yaml")
	if err != nil {
		log.Fatal(err)
	}
	r, err := budgetdoc.Render(context.Background(), b, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range []budgetdoc.Format{budgetdoc.FormatDOCX, budgetdoc.FormatXLSX} {
		out, err := os.CreateTemp("", "fengqiu-*"+f.Ext())
		if err != nil {
			log.Fatal(err)
		}
		if err := r.Write(context.Background(), out, f); err != nil {
			log.Fatal(err)
		}
		out.Close()
		os.Remove(out.Name())
	}
}
