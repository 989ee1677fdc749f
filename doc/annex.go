package doc

// Annex is one annex table as a unit: its title (which is also its entry in
// the table of contents), the caption line over it, its tables, the notes
// under it and the orientation of the page it is set on. An annex holds
// more than one table when its parts have different headers (表十一: the
// department's particulars, then its indicators); they share one grid when
// they have the same number of columns.
//
// An Annex does not start a page by itself: the PageBreak before it does.
// The PDF writer may still move it to the next page, so that a table that
// fits a page is not split, or turn the page when the table fits only on a
// landscape page.
type Annex struct {
	// Title is the heading over the table (Style HeadingTable). Its address is
	// the key of the annex in PageNumbers.
	Title Heading
	// Caption is the line over the table ("部门名称：…\t单位：万元"), empty
	// for none.
	Caption     string
	Tables      []*Table
	Notes       []string
	Orientation Orientation
}

func (*Annex) isBlock() {}

// Blocks is the annex as a run of plain blocks: its title, caption, tables
// and notes. Writers that set an annex as running text flow these; the
// title is the annex's own Heading, so page numbers keyed by it still
// apply.
func (a *Annex) Blocks() []Block {
	out := []Block{&a.Title}
	if a.Caption != "" {
		out = append(out, &Paragraph{Style: ParagraphCaption, Text: a.Caption})
	}
	for _, t := range a.Tables {
		out = append(out, t)
	}
	for _, n := range a.Notes {
		out = append(out, &Paragraph{Style: ParagraphNote, Text: n})
	}
	return out
}

// Flatten returns blocks with every Annex replaced by its Blocks.
func Flatten(blocks []Block) []Block {
	out := make([]Block, 0, len(blocks))
	for _, b := range blocks {
		if a, ok := b.(*Annex); ok && a != nil {
			out = append(out, a.Blocks()...)
			continue
		}
		out = append(out, b)
	}
	return out
}
