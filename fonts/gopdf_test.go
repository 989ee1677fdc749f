package fonts

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/internal/testtool"
)

func newPDF(t *testing.T) *gopdf.GoPdf {
	t.Helper()
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	return pdf
}

// The line breaker measures with Advance and gopdf draws with its own widths: they must agree.
func TestAdvanceAgreesWithGopdf(t *testing.T) {
	const text = "中华人民共和国财政部2023年部门预算，（一）收入预算：12,345.67万元；“三公”经费—…《》ABCxyz 0189%"
	const size = 16.0
	for _, f := range []*Face{SerifFace(), SerifBoldFace(), SansFace(), KaiFace()} {
		pdf := newPDF(t)
		if err := pdf.AddTTFFontData(f.Name(), f.Data()); err != nil {
			t.Fatalf("%s: gopdf AddTTFFontData: %v", f.Name(), err)
		}
		if err := pdf.SetFont(f.Name(), "", size); err != nil {
			t.Fatal(err)
		}
		for _, r := range text {
			if !f.Has(r) {
				continue // gopdf would draw a substitute, Pick would choose another face
			}
			want, err := pdf.MeasureTextWidth(string(r))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Advance(r) * size; math.Abs(got-want) > 1e-9 {
				t.Errorf("%s: Advance(%q)*%v = %v, gopdf measures %v", f.Name(), r, size, got, want)
			}
		}
	}
}

// Kai has unitsPerEm 1024, where gopdf truncates widths to whole 1/1000 em. None of its glyphs
// needs truncating, so give 'A' an advance of 513 units (500.98/1000 em) in a copy and check
// Advance and gopdf both say 0.500 em.
func TestAdvanceTruncatesLikeGopdfForNon1000Em(t *testing.T) {
	data := bytes.Clone(KaiFace().Data())
	records, err := readTableDirectory(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	g := KaiFace().m().cmap.glyph('A')
	if g >= uint32(len(KaiFace().m().advances)) {
		t.Fatalf("'A' (glyph %d) shares the last hmtx advance; pick another character", g)
	}
	hmtx := tables(data, records)["hmtx"]
	binary.BigEndian.PutUint16(hmtx[4*g:], 513)

	f, err := Parse("KaiWide", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Advance('A'); got != 0.5 {
		t.Errorf("Advance('A') = %v, want 0.5 (513*1000/1024 = 500.98, truncated)", got)
	}
	pdf := newPDF(t)
	if err := pdf.AddTTFFontData(f.Name(), f.Data()); err != nil {
		t.Fatal(err)
	}
	if err := pdf.SetFont(f.Name(), "", 10); err != nil {
		t.Fatal(err)
	}
	if w, err := pdf.MeasureTextWidth("A"); err != nil || w != 5 {
		t.Errorf("gopdf MeasureTextWidth(A) at 10 pt = %v, %v; want 5", w, err)
	}
}

// Every embedded face loads in gopdf and draws Chinese that poppler reads back.
func TestEmbeddedFacesRenderInPDF(t *testing.T) {
	pdf := newPDF(t)
	pdf.AddPage()
	set := Default()
	lines := map[Role]string{
		RoleBody:    "正文：2023年部门预算收入合计12,345.67万元。",
		RoleTitle:   "冯丘县财政局2023年部门预算",
		RoleHeading: "一、部门基本情况",
		RoleKai:     "（一）部门职责",
	}
	// Each face draws its own line: the first face of each role a line of its role, the
	// fallback faces a sample of what they hold, BMP and beyond (196 characters of
	// 《通用规范汉字表》 lie above U+FFFF, in the cmap's format 12 subtable).
	var texts []string
	y := 72.0
	for _, f := range set.Faces() {
		text := ""
		for _, role := range []Role{RoleTitle, RoleHeading, RoleKai, RoleBody} {
			if set.Chain(role)[0] == f && text == "" {
				text = lines[role]
			}
		}
		if text == "" {
			text = string(sampleRunes(f, 0x3400, 4))
			if f != set.Chain(RoleHeading)[2] { // the sans Rest face has only 10 characters
				text += string(sampleRunes(f, 0x20000, 2))
			}
		}
		if err := pdf.AddTTFFontData(f.Name(), f.Data()); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		if err := pdf.SetFont(f.Name(), "", 16); err != nil {
			t.Fatal(err)
		}
		pdf.SetXY(72, y)
		if err := pdf.Cell(nil, text); err != nil {
			t.Fatalf("%s: Cell: %v", f.Name(), err)
		}
		texts = append(texts, text)
		y += 30
	}
	dir := t.TempDir()
	if d := os.Getenv("FONTS_TEST_KEEP"); d != "" {
		dir = d
	}
	path := filepath.Join(dir, "fonts.pdf")
	if err := pdf.WritePdf(path); err != nil {
		t.Fatal(err)
	}

	out, err := exec.Command(testtool.Path(t, "pdffonts"), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	for _, f := range set.Faces() {
		ps := f.Name()
		line := ""
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, ps) {
				line = l
			}
		}
		// columns: name type encoding emb sub uni
		if f := strings.Fields(line); len(f) < 7 || !strings.Contains(line, "Identity-H") || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("pdffonts: %s not embedded with Identity-H and ToUnicode:\n%s", ps, out)
		}
	}
	text, err := exec.Command(testtool.Path(t, "pdftotext"), path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, text)
	}
	for _, l := range texts {
		// gopdf writes ToUnicode entries above U+FFFF as 5 hex digits, not UTF-16 surrogates,
		// so poppler cannot read those back; internal/pdf repairs them in its output.
		l = strings.Map(func(r rune) rune {
			if r > 0xFFFF {
				return -1
			}
			return r
		}, l)
		if !bytes.Contains(text, []byte(l)) {
			t.Errorf("pdftotext lacks %q; got:\n%s", l, text)
		}
	}
}

// sampleRunes returns the first n characters from `from` on that f has, by walking up the
// code points.
func sampleRunes(f *Face, from rune, n int) []rune {
	var rs []rune
	for r := from; r <= unicode.MaxRune && len(rs) < n; r++ {
		if f.Has(r) {
			rs = append(rs, r)
		}
	}
	return rs
}

// gopdfGlyph asks gopdf's own cmap lookup which glyph it draws for r (0 and false if none).
func gopdfGlyph(t testing.TB, data []byte) func(r rune) (uint, bool) {
	var s gopdf.SubsetFontObj
	if err := s.SetTTFData(data); err != nil {
		t.Fatal(err)
	}
	return func(r rune) (uint, bool) {
		g, err := s.CharCodeToGlyphIndex(r)
		return g, err == nil && g != 0
	}
}

// Has must say yes exactly for the characters gopdf draws with a real glyph. gopdf's lookup scans
// the segments linearly, so the hanzi blocks are sampled (every 7th code point); the rest of the
// BMP, where the punctuation is, is checked whole.
//
// Above U+FFFF (format 12, where the 196 characters of 《通用规范汉字表》 there and the rarer hanzi
// are) every character Has claims is checked, and every 97th of the others.
func TestHasAgreesWithGopdf(t *testing.T) {
	for _, f := range Default().Faces() {
		glyph := gopdfGlyph(t, f.Data())
		bad := 0
		for r := rune(0); r < 0x32400; r++ {
			if r >= 0x3400 && r < 0xA000 && r%7 != 0 || r > 0xFFFF && !f.Has(r) && r%97 != 0 {
				continue
			}
			g, ok := glyph(r)
			if f.Has(r) != ok || ok && uint32(g) != f.m().cmap.glyph(r) {
				if bad++; bad <= 5 {
					t.Errorf("%s: U+%04X: Has = %v (glyph %d), gopdf finds %v (glyph %d)", f.Name(), r, f.Has(r), f.m().cmap.glyph(r), ok, g)
				}
			}
		}
	}
}
