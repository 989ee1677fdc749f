package docx

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/budgetdoc/budgetdoc/doc"
)

// pPr is a paragraph's properties; write puts them in the order the schema
// demands (Word rejects a document whose pPr children are out of order).
type pPr struct {
	style           string
	keepNext        bool
	pageBreakBefore bool
	tabs            string // <w:tabs>…</w:tabs>
	spacing         string // <w:spacing …/>
	jc              string
	outline         int    // outline level + 1; 0: none
	sectPr          string // set when the paragraph ends a section
}

func (p pPr) write(b *strings.Builder) {
	b.WriteString("<w:pPr>")
	if p.style != "" {
		b.WriteString(`<w:pStyle w:val="`)
		b.WriteString(p.style)
		b.WriteString(`"/>`)
	}
	if p.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if p.pageBreakBefore {
		b.WriteString("<w:pageBreakBefore/>")
	}
	b.WriteString(p.tabs)
	b.WriteString(p.spacing)
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="`)
		b.WriteString(p.jc)
		b.WriteString(`"/>`)
	}
	if p.outline > 0 {
		fmt.Fprintf(b, `<w:outlineLvl w:val="%d"/>`, p.outline-1)
	}
	b.WriteString(p.sectPr)
	b.WriteString("</w:pPr>")
}

// element is a block-level element of the body: a paragraph or a table.
// writeTo appends its XML to x.
type element interface {
	writeTo(x *strings.Builder, b *builder) error
}

type paragraph struct {
	pPr     pPr
	content string // runs, bookmarks, hyperlinks
}

func (p *paragraph) writeTo(x *strings.Builder, _ *builder) error {
	p.write(x)
	return nil
}

func (p *paragraph) write(b *strings.Builder) {
	b.WriteString("<w:p>")
	p.pPr.write(b)
	b.WriteString(p.content)
	b.WriteString("</w:p>")
}

// table is a w:tbl, made when it is written (builder.tables): a large
// department's tables are tens of megabytes of XML, and made in advance
// they were all held at once.
type table struct {
	ts     []*doc.Table
	fit    doc.TableFit
	orient doc.Orientation // of the section the table stands in
	block  int             // the document block it is part of, 1-based
}

func (t table) writeTo(x *strings.Builder, b *builder) error {
	if err := b.tables(x, t.ts, t.fit, t.orient); err != nil {
		return fmt.Errorf("block %d: table %q: %w", t.block, t.ts[0].Name, err)
	}
	return nil
}

// section is what a w:sectPr says about a run of pages.
type section struct {
	orient   doc.Orientation
	numbered bool // pages carry a page number
	restart  bool // numbering starts at 1 on the section's first page
}

// breakKind is a page break waiting for the next element.
type breakKind int

const (
	noBreak       breakKind = iota
	implicitBreak           // after a cover or TOC; an explicit PageBreak replaces it
	explicitBreak           // a doc.PageBreak
)

type builder struct {
	o           config
	blockNumber int // of the document block being built, 1-based
	elems       []element
	sec         section
	pending     breakKind
	bookmark    map[*doc.Heading]string // InTOC heading → bookmark name
	order       []*doc.Heading          // InTOC headings in document order
	marked      map[*doc.Heading]bool   // headings whose bookmark is written
}

// buildBody builds word/document.xml's elements; its writeTo writes them.
func buildBody(d *doc.Document, o config) (*builder, error) {
	b := &builder{o: o, bookmark: map[*doc.Heading]string{}, marked: map[*doc.Heading]bool{}}
	for _, blk := range doc.Flatten(d.Blocks) {
		if h, ok := blk.(*doc.Heading); ok && h.InTOC && b.bookmark[h] == "" {
			b.order = append(b.order, h)
			b.bookmark[h] = fmt.Sprintf("_Toc%04d", len(b.order))
		}
	}
	for i, blk := range d.Blocks {
		b.blockNumber = i + 1
		if err := b.block(blk); err != nil {
			return nil, fmt.Errorf("block %d: %w", i+1, err)
		}
	}
	return b, nil
}

// writeTo writes word/document.xml to w, element by element and each
// table as it comes: a large department's body is tens of megabytes, and
// made whole first (then copied) it was held three times over.
func (b *builder) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(xmlHeader)
	bw.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	var scratch strings.Builder
	for i, e := range b.elems {
		scratch.Reset()
		if err := e.writeTo(&scratch, b); err != nil {
			return err
		}
		bw.WriteString(scratch.String())
		// Word joins adjacent tables into one; a paragraph keeps them apart.
		if _, ok := e.(table); ok && (i+1 == len(b.elems) || isTable(b.elems[i+1])) {
			scratch.Reset()
			spacerParagraph(pPr{}).write(&scratch)
			bw.WriteString(scratch.String())
		}
	}
	bw.WriteString(b.sectPr(b.sec))
	bw.WriteString("</w:body></w:document>")
	return bw.Flush()
}

func isTable(e element) bool { _, ok := e.(table); return ok }

// spacerParagraph is an empty paragraph one point high, used where the body
// needs a paragraph that should take no room (a page break before a table,
// the end of a section that ends in a table, between two tables).
func spacerParagraph(p pPr) *paragraph {
	p.style = styleTableText
	p.spacing = `<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>`
	return &paragraph{pPr: p}
}

func (b *builder) block(blk doc.Block) error {
	switch blk := blk.(type) {
	case *doc.PageBreak:
		b.pageBreak(blk)
	case *doc.Cover:
		b.cover(blk)
		b.pending = implicitBreak
	case *doc.TOC:
		b.toc(blk)
		b.pending = implicitBreak
	case *doc.Heading:
		b.heading(blk)
	case *doc.Paragraph:
		b.paragraph(blk)
	case *doc.Table:
		if blk == nil {
			return fmt.Errorf("nil table")
		}
		return b.tableBlock([]*doc.Table{blk})
	case *doc.Annex:
		return b.annex(blk)
	}
	return nil
}

// tableBlock writes tables that share their columns as one w:tbl.
func (b *builder) tableBlock(ts []*doc.Table) error {
	fit, err := b.fit(ts)
	if err != nil {
		return err
	}
	if b.pending != noBreak {
		b.add(spacerParagraph(pPr{}))
	}
	b.elems = append(b.elems, table{ts: ts, fit: fit, orient: b.sec.orient, block: b.blockNumber})
	return nil
}

// annex writes an annex table: on a landscape section when its fit turned
// it, its title, caption, its tables (one w:tbl when they share their
// columns) and notes.
func (b *builder) annex(a *doc.Annex) error {
	if len(a.Tables) > 0 {
		if f, ok := b.o.Tables[a.Tables[0]]; ok && f.Widths != nil && f.Orientation != b.sec.orient {
			// The break before the annex has not been written yet: turn
			// it, rather than leave an empty page.
			if b.pending == explicitBreak {
				b.pending = noBreak
			}
			b.pageBreak(&doc.PageBreak{Orientation: f.Orientation})
		}
	}
	b.heading(&a.Title)
	if a.Caption != "" {
		b.paragraph(&doc.Paragraph{Style: doc.ParagraphCaption, Text: a.Caption})
	}
	var run []*doc.Table
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		err := b.tableBlock(run)
		run = nil
		return err
	}
	for _, t := range a.Tables {
		if t == nil {
			return fmt.Errorf("annex %q: nil table", a.Title.Text)
		}
		if len(run) > 0 && t.NumColumns() != run[0].NumColumns() {
			if err := flush(); err != nil {
				return err
			}
		}
		run = append(run, t)
	}
	if err := flush(); err != nil {
		return err
	}
	for _, n := range a.Notes {
		b.paragraph(&doc.Paragraph{Style: doc.ParagraphNote, Text: n})
	}
	return nil
}

// add appends a paragraph, giving it the page break that waits for it.
func (b *builder) add(p *paragraph) {
	if b.pending != noBreak {
		p.pPr.pageBreakBefore = true
		b.pending = noBreak
	}
	b.elems = append(b.elems, p)
}

// pageBreak starts a new page. A change of orientation or a restart of page
// numbers needs a new section (w:sectPr); any other break is a
// pageBreakBefore on the next paragraph, which leaves no empty line behind as
// a w:br would. A break before any content only sets up the first section.
func (b *builder) pageBreak(pb *doc.PageBreak) {
	next := section{orient: pb.Orientation, numbered: b.sec.numbered || pb.StartNumbering, restart: pb.StartNumbering}
	if len(b.elems) == 0 {
		b.sec = next
		return
	}
	if b.pending == explicitBreak {
		// Two breaks in a row: the first leaves an empty page.
		b.add(spacerParagraph(pPr{}))
	}
	if next.orient == b.sec.orient && !next.restart {
		b.pending = explicitBreak
		return
	}
	b.pending = noBreak // the section break starts the new page
	b.endSection()
	b.sec = next
}

// endSection puts the current section's w:sectPr into the pPr of its last
// paragraph, where Word looks for a section that is not the last.
func (b *builder) endSection() {
	last, ok := b.elems[len(b.elems)-1].(*paragraph)
	if !ok || last.pPr.sectPr != "" {
		last = spacerParagraph(pPr{})
		b.elems = append(b.elems, last)
	}
	last.pPr.sectPr = b.sectPr(b.sec)
}

// sectPr describes a section: footer, page size and orientation, margins,
// page numbering.
func (b *builder) sectPr(s section) string {
	f := b.o.Format
	w, h := f.PageWidth, f.PageHeight
	top, bottom, left, right := f.Top, f.Bottom, f.Left, f.Right
	orient := ""
	if s.orient == doc.OrientationLandscape {
		w, h = h, w
		top, bottom, left, right = f.LandscapeTop, f.LandscapeBottom, f.LandscapeLeft, f.LandscapeRight
		orient = ` w:orient="landscape"`
	}
	rid, even := ridFooterNone, ridFooterNone
	if s.numbered {
		rid, even = ridFooterPage, ridFooterEven
	}
	// Word measures the footer distance from the page edge to the bottom of
	// the footer line; the page number's baseline belongs FooterGap below the
	// text area, so take off the descent (about a quarter of the size).
	footerDist := max(bottom-f.FooterGap-0.25*f.FooterSize, 0)
	var x strings.Builder
	x.WriteString(`<w:sectPr>`)
	// With evenAndOddHeaders on, "default" is the odd pages' footer.
	x.WriteString(`<w:footerReference w:type="default" r:id="` + rid + `"/>`)
	x.WriteString(`<w:footerReference w:type="even" r:id="` + even + `"/>`)
	fmt.Fprintf(&x, `<w:pgSz w:w="%d" w:h="%d"%s/>`, twips(w), twips(h), orient)
	fmt.Fprintf(&x, `<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		twips(top), twips(right), twips(bottom), twips(left), twips(top/2), twips(footerDist))
	if s.restart {
		x.WriteString(`<w:pgNumType w:fmt="decimal" w:start="1"/>`)
	}
	fmt.Fprintf(&x, `<w:cols w:space="425"/><w:docGrid w:linePitch="%d"/>`, twips(f.LinePitch))
	x.WriteString(`</w:sectPr>`)
	return x.String()
}

// cover sets the title lines large and centred about a quarter down the text
// area and the date near its foot.
func (b *builder) cover(c *doc.Cover) {
	f := b.o.Format
	area := f.PageHeight - f.Top - f.Bottom
	titleLine := f.TitleSize * 1.5
	above := area * 0.22
	for i, line := range c.Title {
		p := &paragraph{pPr: pPr{style: styleTitle}, content: runs(line, "")}
		if i == 0 {
			p.pPr.spacing = exactLines(above, 0, titleLine)
		}
		b.add(p)
	}
	if c.Date != "" {
		gap := max(area*0.75-above-float64(len(c.Title))*titleLine, f.LinePitch)
		b.add(&paragraph{pPr: pPr{style: styleCoverDate, spacing: exactLines(gap, 0, f.LinePitch)}, content: runs(c.Date, "")})
	}
}

// headingStyle picks the paragraph style of a heading: the built-in Heading
// 1..3 when the heading is in the TOC at the level its look stands for, so
// Word sees a real heading; otherwise the look's own style, with the outline
// level set on the paragraph when the heading is in the TOC.
func headingStyle(h *doc.Heading) (style string, outline int) {
	var look string
	natural := 0
	switch h.Style {
	case doc.HeadingPart:
		look, natural = stylePart, 1
	case doc.HeadingSection:
		look, natural = styleSection, 2
	case doc.HeadingSubsection:
		look, natural = styleSubsection, 3
	case doc.HeadingAnnexLabel:
		look = styleAnnexLabel
	default:
		look = styleTableTitle
	}
	if !h.InTOC {
		return look, 0
	}
	level := tocLevel(h)
	if level == natural {
		return fmt.Sprintf("%s%d", styleHeadingLevel, level), 0
	}
	return look, level
}

// tocLevel is the heading's level limited to the 1–3 the TOC field takes.
func tocLevel(h *doc.Heading) int { return min(max(h.Level, 1), 3) }

func (b *builder) heading(h *doc.Heading) {
	style, outline := headingStyle(h)
	content := runs(h.Text, "")
	if h.InTOC {
		content = tcField(h) + content
	}
	// A heading listed twice in the blocks gets its bookmark once: names
	// must be unique.
	if name := b.bookmark[h]; name != "" && !b.marked[h] {
		b.marked[h] = true
		id := b.bookmarkID(h)
		content = fmt.Sprintf(`<w:bookmarkStart w:id="%d" w:name="%s"/>%s<w:bookmarkEnd w:id="%d"/>`, id, name, content, id)
	}
	pp := pPr{style: style, outline: outline}
	if n := len(b.elems); n > 0 && h.Style == doc.HeadingPart {
		// The annex title goes on the line after "附件" (GB/T 9704 10.2).
		if prev, ok := b.elems[n-1].(*paragraph); ok && prev.pPr.style == styleAnnexLabel {
			f := b.o.Format
			pp.spacing = exactLines(0, f.LinePitch, f.TitleSize*1.5)
		}
	}
	b.add(&paragraph{pPr: pp, content: content})
}

// bookmarkID is the w:id of a heading's bookmark: its place among the TOC
// headings, which makes ids unique and stable.
func (b *builder) bookmarkID(h *doc.Heading) int {
	for i, x := range b.order {
		if x == h {
			return i + 1
		}
	}
	return 0
}

func (b *builder) paragraph(p *doc.Paragraph) {
	var pp pPr
	switch p.Style {
	case doc.ParagraphBody:
		pp.style = styleBody
	case doc.ParagraphPlain:
		pp.style = styleNormal
	case doc.ParagraphCentered:
		pp.style = styleCentered
	case doc.ParagraphNote:
		pp.style = styleNote
	case doc.ParagraphCaption:
		// The right tab stop sits at the edge of this section's text area.
		pp.style = styleCaption
		pp.tabs = rightTab(textWidth(b.o.Format, b.sec.orient), "")
	default:
		pp.style = styleBody
	}
	b.add(&paragraph{pPr: pp, content: runs(p.Text, "")})
}
