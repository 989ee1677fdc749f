package pdf

import (
	"encoding/binary"
	"math"
	"sync"

	"github.com/budgetdoc/budgetdoc/fonts"
)

// A 楷体 draws its characters smaller inside the em than a 宋体 or 仿宋 does
// (its strokes are written, not built out to the edges of the body), so at
// the same size a 楷体 subheading looks a size smaller than the text under
// it. opticalScale measures that from the two fonts: the average area of the
// ink boxes of common characters, compared as a length.

// opticalSample are common characters of budget headings and text.
const opticalSample = "的一是国中大和政务服管理机构设置情况主要职责收入支出预算部门单位经费"

// maxOpticalScale bounds the correction: more than this would make the
// subheading a different size rather than the same size seen.
const maxOpticalScale = 1.12

// opticalScale is the factor that makes text in face f look as large as
// text in face ref at the same size: 1 when f's ink is as large as ref's or
// larger, or when either font cannot be measured.
func opticalScale(ref, f *fonts.Face) float64 {
	if ref == nil || f == nil || ref == f {
		return 1
	}
	a, b := inkArea(ref), inkArea(f)
	if a <= 0 || b <= 0 || b >= a {
		return 1
	}
	return min(math.Sqrt(a/b), maxOpticalScale)
}

var inkAreas sync.Map // *fonts.Face → float64

// inkArea is the average ink box area of the sample characters in ems²,
// 0 if the font's tables cannot be read.
func inkArea(f *fonts.Face) float64 {
	if v, ok := inkAreas.Load(f); ok {
		return v.(float64)
	}
	a := measureInk(f)
	inkAreas.Store(f, a)
	return a
}

// measureInk reads the glyph boxes from a TrueType font's glyf table (the
// only outlines this package's fonts can have).
func measureInk(f *fonts.Face) float64 {
	ff, err := faceOf(f)
	if err != nil {
		return 0
	}
	sum, n := 0.0, 0
	for _, r := range opticalSample {
		if b, ok := ff.box(f, r); ok {
			sum += (b.xMax - b.xMin) * (b.yMax - b.yMin)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// inkBox is a glyph's ink box, in ems.
type inkBox struct{ xMin, yMin, xMax, yMax float64 }

// box is the ink box of the glyph fc draws r with (fc is the face f was
// read from); false if r has no glyph or no ink, or the font cannot be
// read.
func (f *face) box(fc *fonts.Face, r rune) (inkBox, bool) {
	if f.upem == 0 {
		return inkBox{}, false
	}
	gid, ok := fc.Glyph(r)
	if !ok {
		return inkBox{}, false
	}
	o := f.outline(int(gid))
	if len(o) < 10 {
		return inkBox{}, false
	}
	v := func(at int) float64 { return float64(int16(binary.BigEndian.Uint16(o[at:]))) / f.upem }
	return inkBox{v(2), v(4), v(6), v(8)}, true
}

// blanks caches each face's punctuation blanks (see blank).
var blanks sync.Map // blankKey → [2]float64

type blankKey struct {
	f *fonts.Face
	r rune
}

// blankSides is the empty part of r's em box in f left and right of its
// ink, in ems: "，" is drawn in the left half of its box, "（" in the right
// half. 0, 0 when the glyph cannot be read.
func blankSides(f *fonts.Face, r rune) (left, right float64) {
	k := blankKey{f, r}
	if v, ok := blanks.Load(k); ok {
		s := v.([2]float64)
		return s[0], s[1]
	}
	var s [2]float64
	if ff, err := faceOf(f); err == nil {
		if b, ok := ff.box(f, r); ok {
			s = [2]float64{max(0, b.xMin), max(0, f.Advance(r)-b.xMax)}
		}
	}
	blanks.Store(k, s)
	return s[0], s[1]
}

// A 楷体 set at opticalScale is as large as the body but still lighter.
// Measured on the sample below with pdftoppm at 600 dpi (see
// TestKaiInkMatchesBody): at 3号 the body's 宋体 (Noto Serif SC) carries
// 53.2 pt² of ink a character, AR PL KaitiM GB set at opticalScale (17.8 pt)
// 47.9 pt², 10% less; its strokes are as thick (2 × ink ÷ outline: 0.55
// against 0.53 pt), but there are fewer of them. Stroking the outline as
// well as filling it (text render mode 2) adds 65 pt² a character per
// point of stroke width, so 0.08 pt gives the body's ink: 53.1 pt². At
// 0.2–0.35 pt the 楷体 turns visibly bolder than the body (60–68 pt²).
// kaiStroke is that width in ems of the size the 楷体 is set at.
const kaiStroke = 0.0045

// opticalStroke is the outline stroke, in ems, for text in face f beside
// body text in ref: kaiStroke for the pair it was measured on, the
// embedded 楷体 beside the embedded 宋体, and 0 for any other pair, whose
// weights were not measured (a caller's 楷体_GB2312 may be as dark as its
// body).
func opticalStroke(ref, f *fonts.Face) float64 {
	if ref == fonts.SerifFace() && f == fonts.KaiFace() {
		return kaiStroke
	}
	return 0
}
