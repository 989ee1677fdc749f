package pdf

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
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
	buf := getBuffer()
	defer putBuffer(buf)
	file, pages, err := l.draw(buf)
	if err != nil {
		return 0, err
	}
	return writeCompressed(w, file, pages)
}

// draw has gopdf write the file into buf, uncompressed and with placeholder
// page contents, and finishes it (outline, metadata, font files). It
// returns the file and the pages' own content streams, deflated, which
// writeCompressed puts in it.
func (l *Layout) draw(buf *bytes.Buffer) (file []byte, pages [][]byte, err error) {
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
			return nil, nil, err
		}
	}

	ob := newOutline(l.headings)
	tell := newTeller(gp, l.used)
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
		gp.SetLineWidth(borderWidth) // the placeholder (content.go)
		if err := tell.page(p); err != nil {
			return nil, nil, fmt.Errorf("pdf: page %d: %w", p.index+1, err)
		}
		for _, k := range p.links {
			gp.AddInternalLink(anchorName(k.target), k.x, k.y+dy, k.w, k.h)
		}
	}
	ob.link()
	// The pages' own streams, each page's contents let go once written.
	if pages, err = writePages(l.pages, tell.number); err != nil {
		return nil, nil, err
	}
	if _, err := gp.WriteTo(buf); err != nil {
		return nil, nil, err
	}
	out, err := ob.patchRoot(buf.Bytes())
	if err == nil {
		out, err = l.finish(out) // metadata.go: language, page labels, subset tags
	}
	if err != nil {
		return nil, nil, err
	}
	if texts := l.metaTexts(); astral || slices.ContainsFunc(texts, hasAstral) {
		if out, err = repairAstral(out, texts); err != nil {
			return nil, nil, err
		}
	}
	return out, pages, nil
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
	for _, p := range l.pages {
		for texts := range p.runs {
			for _, t := range texts {
				for _, r := range t.s {
					if r > 0xFFFF {
						return true
					}
				}
			}
		}
	}
	return false
}

func anchorName(block int) string { return "h" + strconv.Itoa(block) }
