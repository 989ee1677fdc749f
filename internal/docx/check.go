package docx

import (
	"fmt"

	"github.com/budgetdoc/budgetdoc/doc"
)

// checkDocument rejects, before anything is written, every string XML 1.0
// cannot hold, naming where it stands. Rejecting rather than replacing keeps a
// data error from turning silently into a wrong character in a published
// document.
func checkDocument(d *doc.Document, o config) error {
	if err := checkFormat(o.Format); err != nil {
		return err
	}
	check := func(where, s string) error {
		if bad := badChar(s); bad != "" {
			return fmt.Errorf("%s: %s", where, bad)
		}
		return nil
	}
	fonts := []struct{ role, name string }{
		{"Body", o.Fonts.Body}, {"Title", o.Fonts.Title}, {"Heading", o.Fonts.Heading},
		{"Kai", o.Fonts.Kai}, {"Table", o.Fonts.Table},
	}
	for _, f := range fonts {
		if err := check("font "+f.role, f.name); err != nil {
			return err
		}
	}
	if err := check("document title", d.Title); err != nil {
		return err
	}
	if err := check("document author", d.Author); err != nil {
		return err
	}
	for i, b := range doc.Flatten(d.Blocks) {
		at := fmt.Sprintf("block %d", i+1)
		var err error
		switch b := b.(type) {
		case *doc.Cover:
			for j, line := range b.Title {
				if err = check(fmt.Sprintf("%s (cover): title line %d", at, j+1), line); err != nil {
					break
				}
			}
			if err == nil {
				err = check(at+" (cover): date", b.Date)
			}
		case *doc.TOC:
			err = check(at+" (table of contents): title", b.Title)
		case *doc.Heading:
			if err = check(at+" (heading): text", b.Text); err == nil {
				err = check(at+" (heading): TOC text", b.TOCText)
			}
		case *doc.Paragraph:
			err = check(at+" (paragraph)", b.Text)
		case *doc.Table:
			err = checkTable(at, b, check)
		case *doc.PageBreak:
		case nil:
			err = fmt.Errorf("%s: nil block", at)
		default:
			err = fmt.Errorf("%s: unknown block type %T", at, b)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func checkTable(at string, t *doc.Table, check func(where, s string) error) error {
	at = fmt.Sprintf("%s (table %q)", at, t.Name)
	for _, g := range []struct {
		name string
		rows [][]doc.Cell
	}{{"header", t.Header}, {"body", t.Body}} {
		for r, row := range g.rows {
			for c, cell := range row {
				// The place is worded only for a cell that has a bad
				// character: a table has thousands of good ones.
				if badChar(cell.Text) == "" {
					continue
				}
				if err := check(fmt.Sprintf("%s: %s row %d, cell %d", at, g.name, r+1, c+1), cell.Text); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkFormat rejects a page format that would give invisible text or no
// text area (a Format with some fields left zero, say).
func checkFormat(f doc.Format) error {
	for _, v := range []struct {
		name string
		pt   float64
	}{
		{"BodySize", f.BodySize}, {"LinePitch", f.LinePitch}, {"TitleSize", f.TitleSize},
		{"TableTitle", f.TableTitle}, {"TableSize", f.TableSize}, {"FooterSize", f.FooterSize},
	} {
		if !(v.pt > 0) {
			return fmt.Errorf("format: %s is %v, must be positive", v.name, v.pt)
		}
	}
	if f.PageWidth-f.Left-f.Right <= 0 || f.PageHeight-f.Top-f.Bottom <= 0 {
		return fmt.Errorf("format: the portrait margins leave no text area")
	}
	if f.PageHeight-f.LandscapeLeft-f.LandscapeRight <= 0 || f.PageWidth-f.LandscapeTop-f.LandscapeBottom <= 0 {
		return fmt.Errorf("format: the landscape margins leave no text area")
	}
	return nil
}
