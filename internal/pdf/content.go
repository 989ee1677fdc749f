package pdf

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/fonts"
)

// Page content streams.
//
// WriteTo writes each page's content stream (its rules, frames and text)
// itself, in the operators gopdf's drawing calls write, byte for byte
// (TestContentAsGopdf), and deflates it; the pages are written on as many
// goroutines as there are processors (writePages).
// gopdf keeps every drawing call as an object until the whole file is
// written, about 300 bytes a text run, and formats each one with fmt: on a
// 1 000-page department that was 60 MB held to the end and a fifth of the
// time. gopdf still makes the page objects, fonts, bookmarks, anchors and
// links. Each page gets one line-width operator through gopdf, which makes
// its content object; compressStreams puts the page's own stream in that
// object's place.
//
// gopdf learns which characters of each face are drawn through
// MeasureTextWidth, once per character and in the order they are first
// drawn, as its Text would have told it: the subset, the /W widths and the
// ToUnicode map come out as before.

// placeholder is what gopdf's content object of a page holds: the one
// operator WriteTo draws on the page through gopdf, SetLineWidth(borderWidth).
// It is also how every page's own stream begins.
var placeholder = append(fixed(nil, borderWidth), " w\n"...)

// teller tells gopdf the characters the pages draw, page after page in
// drawing order, as its Text would have.
type teller struct {
	gp     *gopdf.GoPdf
	number map[*fonts.Face]int // the face's font resource, /F<number>
	known  map[*fonts.Face]*knownChars
	fresh  []rune
}

// newTeller is for faces registered with gp in the order of used: gopdf
// numbers font resources in the order they are added.
func newTeller(gp *gopdf.GoPdf, used []*fonts.Face) *teller {
	c := &teller{gp: gp, number: map[*fonts.Face]int{}, known: map[*fonts.Face]*knownChars{}}
	for i, f := range used {
		c.number[f] = i + 1
	}
	return c
}

// page tells gopdf the characters of p, in the order drawTexts draws them.
func (c *teller) page(p *page) error {
	for texts := range p.runs {
		for _, t := range texts {
			if err := c.tell(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// contentWriter writes pages' content streams. Several may write the pages
// of one document at once: each has its own buffers, and the font numbers
// are only read.
type contentWriter struct {
	number map[*fonts.Face]int
	b      []byte
	h      float64 // page height: content streams measure y up from the bottom
	rules  ruleScratch
	z      bytes.Buffer
}

// page returns p's content stream, deflated, and lets go of what p draws.
func (c *contentWriter) page(p *page) ([]byte, error) {
	c.b, c.h = c.b[:0], p.h
	c.drawRules(p)
	if err := c.drawTexts(p); err != nil {
		return nil, err
	}
	p.texts, p.rules, p.bands = nil, nil, nil
	c.z.Reset()
	if err := deflate(&c.z, c.b); err != nil {
		return nil, err
	}
	return bytes.Clone(c.z.Bytes()), nil
}

// writePages writes every page's content stream, deflated, on as many
// goroutines as there are processors: the pages do not depend on each
// other, and a page's bytes do not depend on which goroutine wrote it.
func writePages(pages []*page, number map[*fonts.Face]int) ([][]byte, error) {
	out := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Go(func() {
			c := &contentWriter{number: number}
			for i := int(next.Add(1)) - 1; i < len(pages); i = int(next.Add(1)) - 1 {
				out[i], errs[i] = c.page(pages[i])
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("pdf: page %d: %w", pages[i].index+1, err)
		}
	}
	return out, nil
}

// drawRules draws a page's rules: the thin borders of its cells, merged
// where they continue each other, then each table's frame over them.
func (c *contentWriter) drawRules(p *page) {
	s := &c.rules
	s.rules = p.allRules(s.rules[:0])
	c.lineWidth(borderWidth)
	for _, r := range s.merge(s.rules) {
		b := append(c.b, "q\n"...)
		b = c.point(b, r.x1, r.y1)
		b = append(b, " m "...)
		b = c.point(b, r.x2, r.y2)
		c.b = append(b, " l S\nQ\n"...)
	}
	fs := frames(p.bands)
	if len(fs) == 0 {
		return
	}
	c.lineWidth(frameWidth)
	for _, f := range fs {
		b := append(c.b, "q\n"...)
		b = c.point(b, f.x, f.y+f.h)
		b = append(b, ' ')
		b = fixed(b, f.w)
		b = append(b, ' ')
		b = fixed(b, f.h)
		c.b = append(b, " re S\nQ\n"...)
	}
	c.lineWidth(borderWidth)
}

func (c *contentWriter) lineWidth(w float64) {
	c.b = fixed(c.b, w)
	c.b = append(c.b, " w\n"...)
}

// point appends the page point (x, y), y measured down from the top.
func (c *contentWriter) point(b []byte, x, y float64) []byte {
	b = fixed(b, x)
	b = append(b, ' ')
	return fixed(b, c.h-y)
}

// drawTexts draws the page's text: its own runs and its table cells'.
// Stroked text ends with each slice of runs, as gopdf's way drew it.
func (c *contentWriter) drawTexts(p *page) error {
	for texts, at := range p.runs {
		stroke := 0.0
		for _, t := range texts {
			if t.stroke != stroke {
				if stroke > 0 {
					c.b = append(c.b, strokeEnd...)
				}
				if t.stroke > 0 {
					c.b = append(c.b, "q 2 Tr "...)
					c.b = fixed(c.b, t.stroke)
					c.b = append(c.b, " w\n"...)
				}
				stroke = t.stroke
			}
			if err := c.text(t, at.dx, at.dy); err != nil {
				return err
			}
		}
		if stroke > 0 {
			c.b = append(c.b, strokeEnd...)
		}
	}
	return nil
}

// strokeEnd ends stroked text. Its padding keeps the bytes gopdf's
// dash-pattern marker for it took, so files stay as they were.
const strokeEnd = "Q            \n"

// text draws one run with its baseline at (t.x+dx, t.y+dy), as gopdf's
// Text does, each run in its own text object. A character the face lacks
// is left out (gopdf would draw a space): layout reports those before
// anything is drawn.
func (c *contentWriter) text(t textItem, dx, dy float64) error {
	n, ok := c.number[t.face]
	if !ok {
		return fmt.Errorf("pdf: font %s is drawn but was not registered", t.face.Name())
	}
	b := append(c.b, "BT\n"...)
	b = c.point(b, t.x+dx, t.y+dy)
	b = append(b, " TD\n/F"...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	b = trimmed(b, t.size)
	b = append(b, " Tf "...)
	b = trimmed(b, t.tc)
	b = append(b, " Tc\n[<"...)
	for _, r := range t.s {
		if g, ok := t.face.Glyph(r); ok {
			b = append(b, hexDigits[g>>12], hexDigits[g>>8&15], hexDigits[g>>4&15], hexDigits[g&15])
		}
	}
	c.b = append(b, ">] TJ\nET\n"...)
	return nil
}

const hexDigits = "0123456789ABCDEF"

// tell tells gopdf the characters of t it has not been told of yet.
func (c *teller) tell(t textItem) error {
	k := c.known[t.face]
	if k == nil {
		k = &knownChars{astral: map[rune]bool{}}
		c.known[t.face] = k
	}
	c.fresh = c.fresh[:0]
	for _, r := range t.s {
		if t.face.Has(r) && k.add(r) {
			c.fresh = append(c.fresh, r)
		}
	}
	if len(c.fresh) == 0 {
		return nil
	}
	if err := c.gp.SetFont(t.face.Name(), "", t.size); err != nil {
		return fmt.Errorf("pdf: font %s: %w", t.face.Name(), err)
	}
	_, err := c.gp.MeasureTextWidth(string(c.fresh))
	return err
}

// knownChars is a set of characters: a bit each in the BMP, where nearly
// all of them are.
type knownChars struct {
	bmp    [0x10000 / 64]uint64
	astral map[rune]bool
}

// add adds r and reports whether it was new.
func (k *knownChars) add(r rune) bool {
	if r > 0xFFFF {
		if k.astral[r] {
			return false
		}
		k.astral[r] = true
		return true
	}
	w, bit := &k.bmp[r/64], uint64(1)<<(r%64)
	if *w&bit != 0 {
		return false
	}
	*w |= bit
	return true
}

// fixed appends v as gopdf's "%0.2f" writes it.
func fixed(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', 2, 64) }

// trimmed appends v as gopdf's FormatFloatTrim writes it: rounded to
// thousandths, without trailing zeros.
func trimmed(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, math.Round(1000*v)/1000, 'f', -1, 64)
}
