package xlsx

import "github.com/budgetdoc/budgetdoc/doc"

// sheetSpec is what goes on one sheet: an annex's title, caption, tables and
// notes, or a table that stands outside an annex.
type sheetSpec struct {
	title      string
	caption    string
	hasCaption bool
	table      *doc.Table   // the first table: names the sheet
	tables     []*doc.Table // all of them, sharing their columns
	notes      []string
	// orientation of the PDF page the table is set on (its fit's, which
	// may have turned a portrait annex).
	orientation doc.Orientation
}

// collectSheets gives a sheet to each annex whose tables share their
// columns, to each table of an annex whose tables do not (the title and
// caption go on the first, the notes on the last), and to each table outside
// an annex.
func collectSheets(d *doc.Document) []sheetSpec {
	var sheets []sheetSpec
	orient := doc.OrientationPortrait
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.PageBreak:
			orient = b.Orientation
		case *doc.Cover, *doc.TOC:
			orient = doc.OrientationPortrait
		case *doc.Table:
			if b != nil {
				sheets = append(sheets, sheetSpec{table: b, tables: []*doc.Table{b}, orientation: orient})
			}
		case *doc.Annex:
			if b == nil {
				continue
			}
			var ts []*doc.Table
			for _, t := range b.Tables {
				if t != nil {
					ts = append(ts, t)
				}
			}
			if len(ts) == 0 {
				continue
			}
			first := len(sheets)
			same := true
			for _, t := range ts {
				same = same && t.NumColumns() == ts[0].NumColumns()
			}
			if same {
				sheets = append(sheets, sheetSpec{table: ts[0], tables: ts, orientation: b.Orientation})
			} else {
				for _, t := range ts {
					sheets = append(sheets, sheetSpec{table: t, tables: []*doc.Table{t}, orientation: b.Orientation})
				}
			}
			sheets[first].title = b.Title.Text
			sheets[first].caption, sheets[first].hasCaption = b.Caption, b.Caption != ""
			sheets[len(sheets)-1].notes = b.Notes
		}
	}
	return sheets
}
