package pdf

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/testtool"
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

// TestKaiInkMatchesBody renders the sample in the body's 宋体 and in the
// 楷体 as a subheading sets it (opticalScale, stroked by kaiStroke) at 600
// dpi and compares the ink a character carries: within 3% of the body's,
// where the 楷体 only filled carries 10% less.
func TestKaiInkMatchesBody(t *testing.T) {
	pdftoppm := testtool.Path(t, "pdftoppm")
	serif, kai := fonts.SerifFace(), fonts.KaiFace()
	body := 16.0
	size := body * opticalScale(serif, kai)
	items := []textItem{
		{face: serif, size: body, x: 10, y: 30, s: opticalSample},
		{face: kai, size: size, x: 10, y: 70, s: opticalSample},
		{face: kai, size: size, x: 10, y: 110, s: opticalSample, stroke: kaiStroke * size},
	}
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: 800, H: 130}})
	gp.SetNoCompression()
	gp.AddPage()
	for _, f := range []*fonts.Face{serif, kai} {
		if err := registerWhole(gp, f); err != nil {
			t.Fatal(err)
		}
	}
	gp.SetStrokeColor(0, 0, 0)
	d := newTextDrawer(gp)
	if err := d.draw(items, 0, 0); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := gp.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	strokeText(buf.Bytes())
	if !bytes.Contains(buf.Bytes(), []byte("q 2 Tr ")) || strokeMarks.Match(buf.Bytes()) {
		t.Fatal("the stroke markers were not turned into a text render mode")
	}
	const dpi = 600
	root := filepath.Join(t.TempDir(), "ink")
	if msg, err := exec.Command(pdftoppm, "-r", strconv.Itoa(dpi), "-gray", "-singlefile", writeTemp(t, buf.Bytes()), root).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, msg)
	}
	out, err := os.ReadFile(root + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	// "P5\nW H\n255\n" and the pixels.
	head := bytes.SplitN(out, []byte("\n"), 4)
	var w, h int
	if len(head) != 4 || string(head[0]) != "P5" || string(head[2]) != "255" {
		t.Fatalf("pdftoppm wrote no 8-bit PGM")
	}
	if _, err := fmt.Sscanf(string(head[1]), "%d %d", &w, &h); err != nil || len(head[3]) != w*h {
		t.Fatalf("pdftoppm's PGM: %q, %d bytes of pixels", head[1], len(head[3]))
	}
	px := head[3]
	k := float64(dpi) / 72
	chars := float64(utf8.RuneCountInString(opticalSample))
	ink := make([]float64, len(items)) // pt² a character
	for i, it := range items {
		for y := int((it.y - it.size) * k); y < int((it.y+it.size*0.25)*k); y++ {
			for x := range w {
				ink[i] += float64(255-px[y*w+x]) / 255
			}
		}
		ink[i] /= chars * k * k
	}
	t.Logf("ink a character: 宋体 %.1f pt², 楷体 %.1f pt² filled, %.1f pt² stroked %.3f pt", ink[0], ink[1], ink[2], kaiStroke*size)
	if ink[1] > 0.95*ink[0] {
		t.Fatalf("the filled 楷体 carries %.1f pt² against the body's %.1f: the test does not exercise the stroke", ink[1], ink[0])
	}
	if math.Abs(ink[2]-ink[0]) > 0.03*ink[0] {
		t.Errorf("the stroked 楷体 carries %.1f pt² a character, the body %.1f pt²", ink[2], ink[0])
	}
}

// Only the pair of fonts the stroke was measured on is stroked.
func TestOpticalStrokeOnlyForTheMeasuredPair(t *testing.T) {
	if got := opticalStroke(fonts.SerifFace(), fonts.KaiFace()); got != kaiStroke {
		t.Errorf("embedded 楷体 beside 宋体: stroke %v, want %v", got, kaiStroke)
	}
	if got := opticalStroke(fonts.SansFace(), fonts.KaiFace()); got != 0 {
		t.Errorf("beside another body font: stroke %v, want none", got)
	}
	if got := opticalStroke(fonts.SerifFace(), fonts.SansFace()); got != 0 {
		t.Errorf("another face in the 楷体 role: stroke %v, want none", got)
	}
}
