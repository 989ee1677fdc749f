package pdf

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/fonts"
)

// parsed holds each face parsed once per process for gopdf: gopdf parses a
// font in AddTTFFontData, which costs more than drawing a page, and gives
// every document its own glyph subset of the shared parse. gopdf reads the
// face hollowed out, and the font file is made from file (fontfile.go).
var parsed sync.Map // *fonts.Face → *parsedFace

type parsedFace struct {
	once sync.Once
	c    gopdf.FontContainer
	file *face
	err  error
}

// parse reads f for gopdf and for its font files, once.
func parse(f *fonts.Face) (*parsedFace, error) {
	v, _ := parsed.LoadOrStore(f, &parsedFace{})
	pf := v.(*parsedFace)
	pf.once.Do(func() {
		if pf.file, pf.err = faceOf(f); pf.err == nil {
			pf.err = pf.c.AddTTFFontData(f.Name(), pf.file.hollow())
		}
	})
	if pf.err != nil {
		return nil, fmt.Errorf("pdf: font %s: %w", f.Name(), pf.err)
	}
	return pf, nil
}

func register(gp *gopdf.GoPdf, f *fonts.Face) error {
	pf, err := parse(f)
	if err != nil {
		return err
	}
	return gp.AddTTFFontFromFontContainer(f.Name(), &pf.c)
}

// outlineLift is how far above a heading's top its bookmark lands, so the
// heading is not flush with the window's edge.
const outlineLift = 6

// WriteTo draws the pages in order, each once, and writes the PDF to w.
// The pages' contents are let go as they are drawn, so a second WriteTo
// of the same Layout lays the document out again (the same bytes come out).
func (l *Layout) WriteTo(w io.Writer) (int64, error) {
	if l.drawn.Swap(true) {
		fresh, err := Lay(l.source, l.opts)
		if err != nil {
			return 0, err
		}
		fresh.drawn.Store(true)
		l = fresh
	}
	astral := l.drawsAstral() // before the pages' texts are let go
	gp := &gopdf.GoPdf{}
	f := l.format
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: f.PageWidth, H: f.PageHeight}})
	// No CreationDate: the same document gives the same bytes.
	gp.SetInfo(gopdf.PdfInfo{Title: l.document.Title, Author: l.document.Author})
	// compressStreams deflates the streams afterwards (streams.go).
	gp.SetNoCompression()
	for _, face := range l.used {
		if err := register(gp, face); err != nil {
			return 0, err
		}
	}
	gp.SetLineWidth(borderWidth)
	gp.SetStrokeColor(0, 0, 0)

	ob := newOutline(l.headings)
	for _, p := range l.pages {
		gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.w, H: p.h}})
		// gopdf reckons anchors, links and bookmarks from the document's
		// page height; dy converts for a page of another height.
		dy := f.PageHeight - p.h
		for _, a := range p.anchors {
			// SetAnchor puts the target at pageHeight - Y + fontSize.
			gp.SetFontSize(0)
			gp.SetY(a.y + dy)
			gp.SetAnchor(anchorName(a.heading))
		}
		for _, h := range ob.on(p.index) {
			// AddOutlineWithPosition aims at pageHeight - Y + 20.
			gp.SetY(h.y - outlineLift + dy + 20)
			h.obj = gp.AddOutlineWithPosition(tocText(h.h))
		}
		drawRules(gp, p)
		if err := drawPage(gp, p); err != nil {
			return 0, fmt.Errorf("pdf: page %d: %w", p.index+1, err)
		}
		for _, k := range p.links {
			gp.AddInternalLink(anchorName(k.target), k.x, k.y+dy, k.w, k.h)
		}
		p.texts, p.rules, p.bands = nil, nil, nil // drawn: gopdf holds them now
	}
	ob.link()
	buf := getBuffer()
	defer putBuffer(buf)
	if _, err := gp.WriteTo(buf); err != nil {
		return 0, err
	}
	strokeText(buf.Bytes())
	out, err := ob.patchRoot(buf.Bytes())
	if err == nil {
		out, err = l.finish(out) // metadata.go: language, page labels, subset tags
	}
	if err != nil {
		return 0, err
	}
	if texts := l.metaTexts(); astral || slices.ContainsFunc(texts, hasAstral) {
		if out, err = repairAstral(out, texts); err != nil {
			return 0, err
		}
	}
	return writeCompressed(w, out)
}

// metaTexts are the texts gopdf writes as "<FEFF…>" strings: the
// document information and the bookmarks.
func (l *Layout) metaTexts() []string {
	texts := []string{l.document.Title, l.document.Author}
	for _, h := range l.headings {
		texts = append(texts, tocText(h.h))
	}
	return texts
}

// drawsAstral reports whether any text drawn lies above U+FFFF, where
// gopdf's ToUnicode CMaps need repair.
func (l *Layout) drawsAstral() bool {
	astral := func(texts []textItem) bool {
		for _, t := range texts {
			for _, r := range t.s {
				if r > 0xFFFF {
					return true
				}
			}
		}
		return false
	}
	for _, p := range l.pages {
		if astral(p.texts) {
			return true
		}
		for _, b := range p.bands {
			for _, c := range b.cells {
				for _, ln := range c.lines {
					if astral(ln.texts) {
						return true
					}
				}
			}
		}
	}
	return false
}

func anchorName(block int) string { return "h" + strconv.Itoa(block) }

// drawPage draws the page's text: its own runs and its table cells'.
func drawPage(gp *gopdf.GoPdf, p *page) error {
	d := textDrawer{gp: gp, size: -1, tc: -1}
	if err := d.draw(p.texts, 0, 0); err != nil {
		return err
	}
	for _, b := range p.bands {
		for _, c := range b.cells {
			for _, ln := range c.lines {
				if err := d.draw(ln.texts, b.x, b.y); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// textDrawer draws runs, setting the font and spacing only when they change.
type textDrawer struct {
	gp               *gopdf.GoPdf
	face             *fonts.Face
	size, tc, stroke float64
}

func (d *textDrawer) draw(texts []textItem, dx, dy float64) error {
	for _, t := range texts {
		if t.stroke != d.stroke {
			if d.stroke > 0 {
				d.gp.SetCustomLineType([]float64{strokeEnd}, 0)
			}
			if t.stroke > 0 {
				d.gp.SetCustomLineType([]float64{strokeStart}, t.stroke)
			}
			d.stroke = t.stroke
		}
		if t.face != d.face || t.size != d.size {
			if err := d.gp.SetFont(t.face.Name(), "", t.size); err != nil {
				return fmt.Errorf("font %s: %w", t.face.Name(), err)
			}
			d.face, d.size = t.face, t.size
		}
		if t.tc != d.tc {
			d.gp.SetCharSpacing(t.tc)
			d.tc = t.tc
		}
		d.gp.SetXY(t.x+dx, t.y+dy)
		if err := d.gp.Text(t.s); err != nil {
			return err
		}
	}
	if d.stroke > 0 {
		d.gp.SetCustomLineType([]float64{strokeEnd}, 0)
		d.stroke = 0
	}
	return nil
}

// Filled and stroked text. gopdf has no operator for the text render mode,
// so the drawer marks where stroked text starts and ends with dash patterns
// no rule uses, "[0.01] W d" and "[0.02] 0.00 d", and strokeText turns
// them into "q 2 Tr W w" and "Q" in the content streams. Each marker is
// as long as what replaces it, so no offset or length in the file changes.
// The dash arrays are made afresh for each call: gopdf's SetCustomLineType
// converts them to points in place, and documents are drawn concurrently.
const (
	strokeStart = 0.01
	strokeEnd   = 0.02
)

var strokeMarks = regexp.MustCompile(`\[0\.01\] ([0-9]\.[0-9]{2}) d\n|\[0\.02\] 0\.00 d\n`)

// strokeText rewrites the stroke markers of gopdf's uncompressed output
// in place.
func strokeText(pdf []byte) {
	for _, m := range strokeMarks.FindAllSubmatchIndex(pdf, -1) {
		at, end := m[0], m[1]
		var op string
		if m[2] >= 0 {
			op = "q 2 Tr " + string(pdf[m[2]:m[3]]) + " w\n" // "[0.01] 0.25 d\n": the same 14 bytes
		} else {
			op = "Q" + strings.Repeat(" ", end-at-2) + "\n"
		}
		copy(pdf[at:end], op)
	}
}
