package doc

import (
	"fmt"
	"strings"
)

// Dump writes the document as plain text, a line per paragraph, heading and
// table row, so that a change of output shows as a readable diff. Table
// cells are separated by " | "; a cell spanning columns or rows carries
// its span as "<2×3>" (columns × rows) after its text.
func Dump(d *Document) string {
	var b strings.Builder
	for _, blk := range Flatten(d.Blocks) {
		switch x := blk.(type) {
		case *Cover:
			fmt.Fprintf(&b, "[封面] %s / %s\n", strings.Join(x.Title, " / "), x.Date)
		case *TOC:
			fmt.Fprintf(&b, "[目录] %s\n", x.Title)
		case *PageBreak:
			b.WriteString("[分页")
			if x.Orientation == OrientationLandscape {
				b.WriteString(" 横向")
			}
			if x.StartNumbering {
				b.WriteString(" 起始页码1")
			}
			b.WriteString("]\n")
		case *Heading:
			fmt.Fprintf(&b, "%s %s", strings.Repeat("#", x.Level), strings.ReplaceAll(x.Text, "\n", " / "))
			if x.InTOC {
				fmt.Fprintf(&b, "  [目录：%s]", x.Entry())
			}
			b.WriteString("\n")
		case *Paragraph:
			b.WriteString(strings.ReplaceAll(x.Text, "\t", " → "))
			b.WriteString("\n")
		case *Table:
			fmt.Fprintf(&b, "[表 %s]\n", x.Name)
			for _, r := range x.Header {
				dumpRow(&b, "  表头", r)
			}
			for _, r := range x.Body {
				dumpRow(&b, "  ", r)
			}
		}
	}
	return b.String()
}

func dumpRow(b *strings.Builder, prefix string, cells []Cell) {
	b.WriteString(prefix)
	for i, c := range cells {
		if i > 0 {
			b.WriteString(" |")
		}
		b.WriteString(" ")
		b.WriteString(c.Text)
		if c.ColSpan > 1 || c.RowSpan > 1 {
			fmt.Fprintf(b, "<%d×%d>", max(c.ColSpan, 1), max(c.RowSpan, 1))
		}
	}
	b.WriteString("\n")
}
