// Package doc is the format-neutral document model that the PDF, Word and
// Excel writers share. It knows nothing about budgets: a Document is a list of
// blocks (cover, table of contents, headings, paragraphs, tables, page breaks)
// and the page format they are set in.
//
// Building a Document is the job of package profile; turning one into bytes
// is the job of the writers in internal/pdf, internal/docx and internal/xlsx.
package doc

import "github.com/shopspring/decimal"

// Document is an ordered list of blocks. The first page is portrait; a
// PageBreak starts a new page and may change the orientation.
type Document struct {
	Title  string // document metadata (PDF Info, docx core properties)
	Author string
	Blocks []Block
}

// Block is one of *Cover, *TOC, *Heading, *Paragraph, *Table, *Annex,
// *PageBreak.
type Block interface{ isBlock() }

// Orientation of a page.
type Orientation int

const (
	OrientationPortrait Orientation = iota
	OrientationLandscape
)

// Cover is a title page: the lines of the title set large and centred in the
// upper part of the page, and the date near the bottom. A cover is alone on its
// page: the writer breaks the page after it.
type Cover struct {
	Title []string // e.g. {"封丘县政务服务和大数据管理局", "2023年度部门预算"}
	Date  string   // e.g. "二〇二三年四月"
}

// TOC is the table of contents: every Heading with InTOC, with its page number,
// dot leaders and a link to it. A TOC is followed by a page break.
type TOC struct {
	Title string // "目  录"
}

// HeadingStyle says how a heading looks.
type HeadingStyle int

const (
	// PartTitle is "第一部分" and the like: title size, centred, title font.
	HeadingPart HeadingStyle = iota
	// SectionTitle is "一、…": body size, heading (黑体) font, indented two characters.
	HeadingSection
	// SubsectionTitle is "（一）…": body size, 楷体, indented two characters.
	HeadingSubsection
	// TableTitle is the title over an annex table: centred, larger, title font.
	HeadingTable
	// AnnexLabel is the "附件" of GB/T 9704-2012 10.2: body size, heading
	// (黑体) font, flush left on the first line of the page; the annex title
	// follows on the next line.
	HeadingAnnexLabel
)

// Heading is a title that can appear in the table of contents and in the PDF
// bookmarks.
type Heading struct {
	// Level nests TOC entries and bookmarks: 1 is the outermost.
	Level int
	Style HeadingStyle
	// Text as printed; "\n" breaks it into centred lines
	// ("第一部分\n封丘县政务服务和大数据管理局概况").
	Text string
	// TOCText is the entry in the table of contents and bookmark title when it
	// differs from Text ("一、主要职责" for "一、封丘县…主要职责").
	TOCText string
	// InTOC puts the heading into the table of contents and the bookmarks.
	InTOC bool
}

// Entry is the text this heading has in the table of contents.
func (h *Heading) Entry() string {
	if h.TOCText != "" {
		return h.TOCText
	}
	return h.Text
}

// ParagraphStyle says how a paragraph is set.
type ParagraphStyle int

const (
	// Body: body font and size, first line indented two characters, justified.
	ParagraphBody ParagraphStyle = iota
	// Plain: body font and size, no indent, left-aligned.
	ParagraphPlain
	// Centered: body font and size, centred.
	ParagraphCentered
	// Note: table font and size, no indent, justified: notes under a table.
	ParagraphNote
	// Caption: table font and size, a line above a table with text on the left
	// and, after a tab ("\t"), text on the right ("部门名称：…\t单位：万元").
	ParagraphCaption
)

// Paragraph is running text. It holds no line breaks: the writers break lines.
type Paragraph struct {
	Style ParagraphStyle
	Text  string
}

// PageBreak starts a new page.
type PageBreak struct {
	Orientation Orientation
	// StartNumbering makes the new page number 1; pages before the first
	// break with StartNumbering carry no page number.
	StartNumbering bool
}

// Align is the horizontal alignment of a table cell.
type Align int

const (
	AlignDefault Align = iota // left for text, right for numbers
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a table with header rows repeated on every page it spans.
type Table struct {
	// Name is a short name for the table used as the Excel sheet name and in
	// error messages ("一、部门收支总体情况表").
	Name string
	// Header and Body rows. A row lists the cells that start in it, left to
	// right; a cell spanning rows from above occupies its grid positions, so
	// the row below simply omits them (as in HTML).
	Header [][]Cell
	Body   [][]Cell
}

// NumColumns is the number of grid columns: the columns the first header
// row spans (the first body row's when there is no header). The first row
// of a group has no cell spanning into it from above, so it covers them all.
func (t *Table) NumColumns() int {
	rows := t.Header
	if len(rows) == 0 {
		rows = t.Body
	}
	if len(rows) == 0 {
		return 0
	}
	n := 0
	for _, c := range rows[0] {
		n += max(c.ColSpan, 1)
	}
	return n
}

// Cell is one table cell.
type Cell struct {
	Text    string
	ColSpan int // 0 or 1: one column
	RowSpan int // 0 or 1: one row
	Align   Align
	Bold    bool
	// Number, when valid, is the figure this cell shows: Text is its printed
	// form. Excel stores it as a number; PDF and Word right-align it.
	Number decimal.NullDecimal
}

// Text makes a text cell.
func Text(s string) Cell { return Cell{Text: s} }

// Num makes a number cell printed with two decimals; a zero prints as an
// empty cell when blankZero is true (the reference leaves zero cells empty).
func Num(d decimal.Decimal, blankZero bool) Cell {
	if blankZero && d.IsZero() {
		return Cell{}
	}
	return Cell{Text: d.StringFixed(2), Number: decimal.NewNullDecimal(d)}
}

func (*Cover) isBlock()     {}
func (*TOC) isBlock()       {}
func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*Table) isBlock()     {}
func (*PageBreak) isBlock() {}

// PageNumbers gives, for each heading in the table of contents, the page
// number printed on the page where it stands. The PDF layout computes it; the
// Word writer fills its table of contents with it.
type PageNumbers map[*Heading]int
