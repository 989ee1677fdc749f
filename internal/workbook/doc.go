// Package workbook is the fill-in workbook: the budget's input as an Excel
// workbook that finance staff fill in, as another syntax for the same
// input tree YAML and JSON give.
//
// Read reads a workbook into the yaml.Node tree that internal/decode reads
// YAML and JSON into, each node at the position of its cell (Place names
// it, "支出明细!H27"), so that the loader decodes it with the same decoder
// and every check and message is the one YAML gets. What Excel and clerks
// do to cells (numbers stored as text, full-width digits, codes stripped of
// their leading zeros, dates made of months) is undone or reported here;
// nothing else is checked here.
//
// Write writes such a tree as the workbook, every value in its cell, so a
// conversion between YAML, JSON and the workbook needs no model types and
// loses nothing; EncodeYAML and EncodeJSON write a tree Read gave as text.
// The layout, sheet by sheet, is in schema.go; it names the input by its
// keys only.
//
// A unit's own facts (units[k].offices, .prior, …) stand beside the
// department's: the list sheets of facts begin with a 单位编码 column,
// empty for the department's rows, and the forms ("三公"经费, 国有资产, 上年数)
// have a sheet each of one row per unit. A department of one unit leaves
// them empty; a workbook made before them, without the column or the
// sheets, reads as it did.
package workbook
