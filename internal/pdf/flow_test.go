package pdf

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/budgetdoc/budgetdoc/doc"
)

// TestHeadingKeptWithNextLine: a heading is never the last line of a page.
func TestHeadingKeptWithNextLine(t *testing.T) {
	// 21 full lines leave one line of 22 for the first heading: it must go
	// to the next page.
	f := doc.GBT9704()
	per := int((f.PageWidth - f.Left - f.Right) / f.BodySize) // characters a line
	d := &doc.Document{Blocks: []doc.Block{&doc.Paragraph{Text: strings.Repeat("字", per-2+20*per)}}}
	for i := 0; i < 40; i++ {
		d.Blocks = append(d.Blocks,
			&doc.Heading{Level: 1, Style: doc.HeadingSection, Text: "一、标题", InTOC: true},
			&doc.Paragraph{Text: strings.Repeat("字", 20+i*9)})
	}
	l := layOrFail(t, d)
	pitch := l.format.LinePitch
	moved := 0
	for _, h := range l.headings {
		p := l.pages[h.page]
		if h.y+2*pitch > p.bottom+0.01 {
			t.Errorf("heading on page %d at %.1f: no room below it for a line (bottom %.1f)", h.page+1, h.y, p.bottom)
		}
		if h.page > 0 && near(h.y, p.top) {
			prev := l.pages[h.page-1]
			last := prev.texts[len(prev.texts)-1]
			size := l.format.BodySize
			free := prev.bottom - (last.y - (pitch-size)/2 - emBaseline*size + pitch)
			if free >= pitch-0.01 {
				moved++ // there was room for the heading but not for its next line
			}
		}
	}
	if moved == 0 {
		t.Error("no heading was moved to keep it with its next line; the test document does not exercise the rule")
	}
}

// TestLinesStayInTextArea: no run of body text sticks out of the text area
// and no line starts with closing punctuation.
func TestLinesStayInTextArea(t *testing.T) {
	l, _ := render(t, sampleDoc(2, 20))
	for _, p := range l.pages {
		var lines [][]textItem
		for _, it := range p.texts {
			if it.y > p.bottom { // the page number
				continue
			}
			// Tc after the last character is not ink. The character grid
			// tracks every cell by a hair less than an em, so the last em
			// box of a full line may pass the edge by that much.
			w := runWidth(it) - it.tc
			slack := 0.01 + max(0, -gridTrack(p.width(), l.format.BodySize))
			if it.x < p.left-0.01 || it.x+w > p.right+slack {
				t.Errorf("page %d: %q runs %.2f–%.2f, outside %.2f–%.2f", p.index+1, it.s, it.x, it.x+w, p.left, p.right)
			}
			if n := len(lines); n > 0 && near(lines[n-1][0].y, it.y) {
				lines[n-1] = append(lines[n-1], it)
			} else {
				lines = append(lines, []textItem{it})
			}
		}
		for _, ln := range lines {
			first := slices.MinFunc(ln, func(a, b textItem) int { return cmp.Compare(a.x, b.x) })
			r, _ := utf8.DecodeRuneInString(first.s)
			if strings.ContainsRune("，。、；：？！）》”’％%", r) {
				t.Errorf("page %d: a line starts with %q: %q", p.index+1, r, first.s)
			}
		}
	}
}
