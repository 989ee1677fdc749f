package main

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

// initContent is what init writes to out: the commented YAML skeleton, or
// the fill-in workbook when asked for with --xlsx or a name ending in .xlsx.
// A name that does not fit is a usage problem, worded in problem.
func initContent(out string, xlsx bool) (data []byte, problem string) {
	ext := strings.ToLower(filepath.Ext(out))
	switch {
	case ext == ".xlsx":
		var b bytes.Buffer
		if err := workbook.Template(&b); err != nil {
			return nil, err.Error() // the template is fixed: this does not happen
		}
		return b.Bytes(), ""
	case xlsx:
		return nil, out + "：--xlsx 写出的是 Excel 工作簿，文件名请以 .xlsx 结尾"
	case ext != ".yaml" && ext != ".yml":
		return nil, out + "：文件名请以 .yaml 结尾（带注释的 YAML），或以 .xlsx 结尾（Excel 工作簿）"
	}
	return skeleton, ""
}
