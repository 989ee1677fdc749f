package xlsx

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/budgetdoc/budgetdoc/doc"
)

func specs(names ...string) []sheetSpec {
	var out []sheetSpec
	for _, n := range names {
		out = append(out, sheetSpec{table: &doc.Table{Name: n}})
	}
	return out
}

func TestSheetNames(t *testing.T) {
	long := strings.Repeat("长", 40)
	got := sheetNames(specs(
		"一、部门收支总体情况表",
		"a[b]c:d*e?f/g\\h",
		long,
		long,             // same after truncation
		"Sheet", "sheet", // equal ignoring case
		"",
		"History",
		"'引号'",
		"  一、部门收支总体情况表 ",            // equal to the first once trimmed
		"😀"+strings.Repeat("x", 30), // the emoji counts two UTF-16 units
	))
	want := []string{
		"一、部门收支总体情况表",
		"a_b_c_d_e_f_g_h",
		strings.Repeat("长", 31),
		strings.Repeat("长", 28) + "(2)",
		"Sheet", "sheet(2)",
		"表7",
		"History(2)",
		"引号",
		"一、部门收支总体情况表(2)",
		"😀" + strings.Repeat("x", 29),
	}
	if !slices.Equal(got, want) {
		t.Errorf("sheetNames\n got %q\nwant %q", got, want)
	}
	seen := map[string]bool{}
	for _, n := range got {
		if units := len(utf16.Encode([]rune(n))); units > maxSheetName {
			t.Errorf("%q is %d UTF-16 units long", n, units)
		}
		if strings.ContainsAny(n, `[]:*?/\`) || strings.HasPrefix(n, "'") || strings.HasSuffix(n, "'") || n == "" {
			t.Errorf("%q is not a valid sheet name", n)
		}
		if seen[strings.ToLower(n)] {
			t.Errorf("%q is not unique", n)
		}
		seen[strings.ToLower(n)] = true
	}
}

// Excel itself must accept the names: write a workbook with awkward names
// and read the sheet list back.
func TestSheetNamesInWorkbook(t *testing.T) {
	var blocks []doc.Block
	for _, n := range []string{"一/二", "一/二", "x", "X"} {
		blocks = append(blocks, &doc.Table{Name: n, Body: [][]doc.Cell{{doc.Text(n)}}})
	}
	f := open(t, write(t, &doc.Document{Blocks: blocks}))
	want := []string{"一_二", "一_二(2)", "x", "X(2)"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	// Each sheet holds its own table.
	if v, _ := f.GetCellValue("X(2)", "A1"); v != "X" {
		t.Errorf("X(2)!A1 = %q", v)
	}
}

// A name with an apostrophe inside is quoted with the apostrophe doubled in
// the print titles reference, or Excel would reject the defined name.
func TestPrintTitlesQuoteTheSheetName(t *testing.T) {
	tbl := &doc.Table{Name: "O'Brien",
		Header: [][]doc.Cell{{doc.Text("h")}}, Body: [][]doc.Cell{{doc.Text("b")}}}
	f := open(t, write(t, &doc.Document{Blocks: []doc.Block{tbl}}))
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			if want := "'O''Brien'!$1:$1"; dn.RefersTo != want || dn.Scope != "O'Brien" {
				t.Errorf("print titles %q scope %q, want %q", dn.RefersTo, dn.Scope, want)
			}
			return
		}
	}
	t.Error("no print titles")
}
