package catalog_test

import (
	"fmt"

	"github.com/budgetdoc/budgetdoc/catalog"
)

// What a validator does with a budget year and the files of `--catalogue` (none here).
func ExampleForYear() {
	ch, err := catalog.ForYear(2028)
	if err != nil {
		fmt.Println("错误：", err) // a year before 2023
		return
	}
	var files []string // the --catalogue FILE arguments, in order
	if len(files) > 0 {
		regional, err := catalog.LoadFiles(files...)
		if err != nil {
			fmt.Println(err) // each line: file:line or file:sheet!cell, in Chinese
			return
		}
		ch = ch.WithRegional(regional)
		if err := ch.Catalogue.Check(); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println(ch.Year, ch.Exact)
	fmt.Println(ch.Warning())
	kind, _ := ch.Catalogue.BasicKind("30227")
	fmt.Println(kind)
	// Output:
	// 2027 false
	// 没有 2028 年的内置分类目录，已按 2027 年的分类目录核对科目编码；2028 年新增或调整的科目可能被报为错误。如有本地区的科目表，请用 --catalogue 文件 载入（预算系统导出的科目清单即可：编码、名称两列，TSV、CSV 或 Excel 文件，格式见 README“分类目录文件”一节）。
	// 公用经费
}
