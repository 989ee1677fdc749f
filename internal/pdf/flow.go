package pdf

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
)

// flow places blocks one after another on pages.
type flow struct {
	d   *doc.Document
	f   doc.Format
	ts  *typesetter
	toc doc.PageNumbers // page numbers the TOC prints (from the previous pass)

	pages []*page
	pg    *page   // current page
	y     float64 // top of the free space on pg

	numbering    bool // pages carry numbers
	next         int  // number of the next numbered page
	breakPending bool // a cover or TOC ended: the next block starts a page

	headings []placedHeading
	tables   map[int]*tableLayout // laid-out tables by block index
	fits     doc.TableFits        // sizes and column widths of the tables
	// heightsOnly: a trial layout, which needs the tables' heights, not
	// their text placed.
	heightsOnly bool
}

// maxProblems caps the problems one error lists: a font set missing a whole
// role would otherwise report every character of the document.
const maxProblems = 50

// passes is what the layout passes of one document share: tables do not
// depend on the TOC's page numbers, so each is laid out once. (A pass that
// finds a problem ends the layout, so no problem is lost to the cache.)
type passes struct {
	ts     *typesetter
	tables map[int]*tableLayout
	fits   doc.TableFits
}

// lay is one layout pass; toc gives the page numbers the table of contents
// prints (nil on the first pass).
func lay(d *doc.Document, o Options, toc doc.PageNumbers, ps *passes) (*Layout, error) {
	fl := &flow{d: d, f: o.Format, ts: ps.ts, toc: toc, tables: ps.tables, fits: ps.fits}
	fl.addPage(doc.OrientationPortrait)
	paragraphs := 0
	for i, b := range d.Blocks {
		if brk, ok := b.(*doc.PageBreak); ok {
			fl.breakPending = false
			fl.pageBreak(brk.Orientation, brk.StartNumbering)
			continue
		}
		if fl.breakPending {
			fl.breakPending = false
			fl.pageBreak(doc.OrientationPortrait, false)
		}
		switch b := b.(type) {
		case *doc.Cover:
			fl.ts.where = "封面"
			fl.cover(b)
		case *doc.TOC:
			fl.ts.where = "目录"
			fl.tocBlock(b)
		case *doc.Heading:
			fl.ts.where = "标题" + quote(b.Text)
			fl.heading(i, b)
		case *doc.Paragraph:
			paragraphs++
			fl.ts.where = fmt.Sprintf("正文第 %d 段%s", paragraphs, quote(b.Text))
			fl.paragraph(i, b)
		case *doc.Table:
			fl.table(i, b)
		case nil:
			fl.ts.problem(fmt.Errorf("block %d is nil", i+1))
		default:
			fl.ts.problem(fmt.Errorf("block %d: unknown block type %T", i+1, b))
		}
	}
	fl.footers()
	if problems := fl.ts.problems; len(problems) > 0 {
		if len(problems) > maxProblems {
			problems = append(problems[:maxProblems:maxProblems],
				fmt.Errorf("……另有 %d 处问题", len(problems)-maxProblems))
		}
		return nil, errors.Join(problems...)
	}
	l := &Layout{document: d, format: fl.f, fonts: o.Fonts, pages: fl.pages, headings: fl.headings,
		numbers: doc.PageNumbers{}, fits: fl.fits}
	for _, h := range fl.headings {
		l.numbers[h.h] = fl.pages[h.page].number
	}
	for _, f := range o.Fonts.Faces() {
		if fl.ts.used[f] {
			l.used = append(l.used, f)
		}
	}
	return l, nil
}

// quote shortens text for an error message: “封丘县政务服务和大…”.
func quote(s string) string {
	const max = 12
	if utf8.RuneCountInString(s) <= max {
		return "“" + s + "”"
	}
	n := 0
	for i := range s {
		if n == max {
			return "“" + s[:i] + "…”"
		}
		n++
	}
	return "“" + s + "”"
}

// addPage starts a new page of orientation o.
func (fl *flow) addPage(o doc.Orientation) {
	p := newPage(fl.f, o)
	if fl.numbering {
		p.number = fl.next
		fl.next++
	}
	p.index = len(fl.pages)
	fl.pages = append(fl.pages, p)
	fl.pg, fl.y = p, p.top
}

// pageBreak starts a new page; an empty current page is reused (turned and
// renumbered) rather than left blank.
func (fl *flow) pageBreak(o doc.Orientation, startNumbering bool) {
	if fl.pg.empty() {
		fl.pages = fl.pages[:len(fl.pages)-1]
		if fl.pg.number > 0 {
			fl.next = fl.pg.number
		}
	}
	if startNumbering {
		fl.numbering, fl.next = true, 1
	}
	fl.addPage(o)
}

// fresh reports whether nothing has been set on the current page yet.
func (fl *flow) fresh() bool { return fl.y <= fl.pg.top }

// room is the height left on the current page.
func (fl *flow) room() float64 { return fl.pg.bottom - fl.y }

// ensure starts a new page of the same orientation unless h fits on this one
// (or this page is still empty: what does not fit on an empty page fits
// nowhere).
func (fl *flow) ensure(h float64) {
	if h > fl.room()+0.01 && !fl.fresh() {
		fl.addPage(fl.pg.orient)
	}
}

// footers sets the page number of every numbered page.
func (fl *flow) footers() {
	fl.ts.where = "页码"
	size := fl.f.FooterSize
	for _, p := range fl.pages {
		if p.number == 0 {
			continue
		}
		s := "— " + strconv.Itoa(p.number) + " —"
		w := fl.ts.width(fonts.RoleBody, size, s)
		y := p.bottom + fl.f.FooterGap
		x := p.right - size - w // odd pages: right, one character in
		if p.number%2 == 0 {
			x = p.left + size // even pages: left, one character in
		}
		p.texts, _ = fl.ts.runs(p.texts, fonts.RoleBody, size, 0, x, y, s)
	}
}
