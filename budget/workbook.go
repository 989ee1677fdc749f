package budget

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/budgetdoc/budgetdoc/internal/decode"
	"github.com/budgetdoc/budgetdoc/internal/workbook"
)

// isWorkbook tells a workbook (.xlsx) by the file name's extension.
func isWorkbook(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".xlsx")
}

// parseWorkbook reads a budget from the workbook budgetdoc init --xlsx
// writes. The workbook is read into the same tree YAML gives and decoded by
// the same decoder, so the checks and messages are the same; positions name
// FILE:SHEET!CELL. What the reader accepted with a warning (an amount
// stored as text, full-width digits) comes back from Check.
func parseWorkbook(name string, data []byte) (*Budget, error) {
	if len(data) > MaxInputSize {
		return nil, Problems{{Code: CodeEncoding, Pos: Position{File: name}, Message: fmt.Sprintf("文件超过 %d MiB，预算工作簿远没有这么大：请确认是不是选错了文件", MaxInputSize>>20)}}
	}
	t, err := workbook.Read(data)
	if err != nil {
		return nil, Problems{{Code: CodeSyntax, Pos: Position{File: name}, Message: err.Error()}}
	}
	ps := make(Problems, 0, len(t.Problems))
	for _, p := range t.Problems {
		sev := SeverityError
		if p.Warning {
			sev = SeverityWarning
		}
		ps = append(ps, Problem{Code: CodeCell, Pos: cellPosition(name, p.Pos), Path: ParsePath(p.Path), Severity: sev, Message: p.Message})
	}
	b := &Budget{}
	res := decode.Node(t.Root, b, decode.Options{DecimalName: "数字（以" + moneyUnit(t.Root) + "为单位的金额）"})
	for _, e := range res.Errors {
		ps = append(ps, Problem{Code: CodeField, Pos: cellPosition(name, e.Position), Path: ParsePath(e.Path), Message: e.Message})
	}
	if len(ps.Errors()) > 0 {
		return nil, ps
	}
	if b.MoneyUnit == "" {
		b.MoneyUnit = "万元"
	}
	// Every cell read has a position, so that a value left empty is named
	// by its cell; where decoding recorded one too, it is the same cell.
	b.source = &sourceMap{file: name, pos: t.Positions, cells: true, warnings: ps}
	if b.source.pos == nil {
		b.source.pos = map[string]decode.Position{}
	}
	for path, p := range res.Positions {
		b.source.pos[path] = p
	}
	return b, nil
}

// cellPosition is where a position of a workbook's tree stands: Cell names
// it, Line and Column order it with the others.
func cellPosition(file string, p decode.Position) Position {
	return Position{File: file, Line: p.Line, Column: p.Column, Cell: workbook.Place(p)}
}
