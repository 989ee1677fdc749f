package profile

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/budgetdoc/budgetdoc/budget"
	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/figures"
)

// Table is an annex table the library knows how to build from the figures.
// A profile picks tables by ID, orders them and may rename them; the
// document numbers them 一, 二, … in the order the profile gives.
type Table struct {
	// ID is the stable name a definition file uses: "overall".
	ID string
	// Name is the table's name as printed: 部门收支总体情况表.
	Name string
	// Notes are the templates printed under the table, whatever its data
	// (a table with no data adds the note that says why).
	Notes []string

	build func(c tableContext) annexTable
}

// knownTables are the tables the library builds, in the order of the 河南
// 部门预算. Adding a table is a file holding its Table and its build
// function, and its entry here.
var knownTables = []*Table{
	overallTable,
	incomeTable,
	spendingTableDef,
	fiscalTable,
	generalTable,
	basicTable,
	economicTable,
	threePublicTable,
	governmentFundTable,
	projectsTable,
	performanceTable,
	projectTargetsTable,
}

// Tables lists the tables the library can build, in the order of the 河南
// 部门预算.
func Tables() []*Table { return slices.Clone(knownTables) }

// LookupTable finds a known table by ID.
func LookupTable(id string) (*Table, bool) {
	for _, t := range knownTables {
		if t.ID == id {
			return t, true
		}
	}
	return nil, false
}

// tableContext is what a table is built from.
type tableContext struct {
	budget  *budget.Budget
	figures *figures.Figures
	// entry is the table's number and name as this document prints them:
	// "一、部门收支总体情况表". The first of its grid tables is named so.
	entry string
	name  string // the name alone: 部门收支总体情况表
	kind  string // whose budget: "部门" or "单位" (部门预算总额, 单位预算总额)
}

// annexTable is one built annex table with what is printed around it.
// Tables are built from the figures only: no amount is added up here.
type annexTable struct {
	title       string // printed over the table when not "YEAR年NAME"; "\n" breaks lines
	caption     bool   // print "部门名称：…\t单位：万元" over it
	orientation doc.Orientation
	tables      []*doc.Table
	notes       []string // templates of the notes this table's data calls for (an empty table says why)
}

// header cell: centred, spanning cs columns and rs rows.
func th(text string, cs, rs int) doc.Cell {
	return doc.Cell{Text: text, ColSpan: cs, RowSpan: rs, Align: doc.AlignCenter}
}

// num is an amount cell; the reference leaves zero amounts empty.
func num(d decimal.Decimal) doc.Cell { return doc.Num(d, true) }

func text(s string) doc.Cell { return doc.Text(s) }

func texts(ss ...string) []doc.Cell {
	out := make([]doc.Cell, len(ss))
	for i, s := range ss {
		out[i] = doc.Text(s)
	}
	return out
}

func nums(ds ...decimal.Decimal) []doc.Cell {
	out := make([]doc.Cell, len(ds))
	for i, d := range ds {
		out[i] = num(d)
	}
	return out
}

// labelled is an amount with the words a table prints beside it.
type labelled struct {
	label string
	d     decimal.Decimal
}

func row(parts ...[]doc.Cell) []doc.Cell {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]doc.Cell, 0, n) // exactly: a large department's tables hold a million cells
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
