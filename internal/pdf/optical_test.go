package pdf

import (
	"math"
	"testing"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
)

// TestKaiSubheadingMatchesBody: a 楷体 subheading is set so that its
// characters' ink is as large as the body's (within the cap), and it stays
// on the body's grid: indented two body cells, each character one body cell.
func TestKaiSubheadingMatchesBody(t *testing.T) {
	d := &doc.Document{Blocks: []doc.Block{
		&doc.Heading{Level: 3, Style: doc.HeadingSubsection, Text: "（一）机构设置情况"},
		&doc.Paragraph{Style: doc.ParagraphBody, Text: sampleText},
	}}
	l := layOrFail(t, d)
	set := fonts.Default()
	body, _ := set.Pick(fonts.RoleBody, '中')
	kai, _ := set.Pick(fonts.RoleKai, '中')
	var head, text *textItem
	for i := range l.pages[0].texts {
		it := &l.pages[0].texts[i]
		switch {
		case it.face == kai && head == nil:
			head = it
		case it.face == body && text == nil:
			text = it
		}
	}
	if head == nil || text == nil {
		t.Fatal("no 楷体 subheading or body text laid out")
	}
	seenKai := inkArea(kai) * head.size * head.size
	seenBody := inkArea(body) * text.size * text.size
	if head.size <= text.size {
		t.Errorf("楷体 at %.2f pt, body at %.2f: the subheading looks smaller (ink %.0f against %.0f pt²)", head.size, text.size, seenKai, seenBody)
	}
	if head.size < text.size*maxOpticalScale-0.01 && math.Abs(seenKai-seenBody) > 0.02*seenBody {
		t.Errorf("楷体 ink %.1f pt², body ink %.1f pt²: not matched", seenKai, seenBody)
	}
	cell := text.size + gridTrack(l.pages[0].width(), text.size)
	if !near(head.size+head.tc, cell) {
		t.Errorf("楷体 cell %.3f, body cell %.3f: the subheading is off the grid", head.size+head.tc, cell)
	}
	if !near(head.x, l.pages[0].left+2*cell) {
		t.Errorf("subheading starts at %.2f, want two cells in (%.2f)", head.x, l.pages[0].left+2*cell)
	}
}
