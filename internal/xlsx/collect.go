package xlsx

import "github.com/budgetdoc/budgetdoc/doc"

// sheetSpec is one table with the blocks around it that belong on its sheet.
type sheetSpec struct {
	title      string // the TableTitle heading right before the table, if any
	caption    string // the Caption paragraph between title and table, if any
	hasCaption bool
	table      *doc.Table
	notes      []string // Note paragraphs right after the table
	// landscape is true when the PDF sets the table on a landscape page.
	landscape bool
}

// collectSheets walks the blocks in order and groups each table with its
// title, caption and notes. A title or caption is kept only until the next
// block that is neither; notes attach to the table they directly follow.
func collectSheets(d *doc.Document) []sheetSpec {
	var (
		sheets     []sheetSpec
		orient     = doc.Portrait
		title      string
		caption    string
		hasCaption bool
		// notesFor is the index in sheets of the table that Note paragraphs
		// now follow, or -1.
		notesFor = -1
	)
	forget := func() { title, caption, hasCaption, notesFor = "", "", false, -1 }
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.PageBreak:
			orient = b.Orientation
			notesFor = -1
		case *doc.Heading:
			forget()
			if b.Style == doc.TableTitle {
				title = b.Text
			}
		case *doc.Paragraph:
			switch b.Style {
			case doc.Caption:
				caption, hasCaption, notesFor = b.Text, true, -1
			case doc.Note:
				if notesFor >= 0 {
					sheets[notesFor].notes = append(sheets[notesFor].notes, b.Text)
				}
			default:
				forget()
			}
		case *doc.Table:
			if b == nil {
				forget()
				continue
			}
			sheets = append(sheets, sheetSpec{
				title: title, caption: caption, hasCaption: hasCaption,
				table:     b,
				landscape: orient == doc.Landscape || len(b.Columns) > landscapeColumns,
			})
			forget()
			notesFor = len(sheets) - 1
		default:
			forget()
		}
	}
	return sheets
}

// landscapeColumns is the widest table printed portrait unless the document
// already put it on a landscape page.
const landscapeColumns = 8
