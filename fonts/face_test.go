package fonts

import (
	"math"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestEmbeddedFacesKnownCharacters(t *testing.T) {
	// Advances from fontTools (hmtx advance / unitsPerEm) on the embedded files.
	cases := []struct {
		face                     *Face
		psName                   string
		upem                     int
		zhong, a, comma, one, sp float64
	}{
		{SerifFace(), "NotoSerifSC-Regular", 1000, 1, 0.718, 1, 0.471, 0.256},
		{SerifBoldFace(), "NotoSerifSC-Bold", 1000, 1, 0.746, 1, 0.466, 0.250},
		{SansFace(), "NotoSansSC-Regular", 1000, 1, 0.608, 1, 0.555, 0.224},
		{KaiFace(), "GBZenKai-Medium", 1024, 1, 0.5, 1, 0.5, 0.5},
	}
	for _, c := range cases {
		f := c.face
		t.Run(f.Name(), func(t *testing.T) {
			if f.PostScriptName() != c.psName || f.UnitsPerEm() != c.upem {
				t.Errorf("PostScriptName, UnitsPerEm = %q, %d; want %q, %d", f.PostScriptName(), f.UnitsPerEm(), c.psName, c.upem)
			}
			for _, r := range "中A，1 、。《》“”（）—：；％" {
				if !f.Has(r) {
					t.Errorf("Has(%q) = false", r)
				}
			}
			for r, want := range map[rune]float64{'中': c.zhong, 'A': c.a, '，': c.comma, '1': c.one, ' ': c.sp} {
				if got := f.Advance(r); math.Abs(got-want) > 1e-12 {
					t.Errorf("Advance(%q) = %v, want %v", r, got, want)
				}
			}
			for _, r := range []rune{'😀', 'ㄱ', '한', '\uE000', 0x10FFFF + 1, -1, 0x20000} {
				if f.Has(r) || f.Advance(r) != 0 {
					t.Errorf("Has(%U) = %v, Advance = %v; want false, 0", r, f.Has(r), f.Advance(r))
				}
			}
			if a, d := f.Ascent(), f.Descent(); a < 0.85 || a > 0.9 || d < 0.11 || d > 0.13 {
				t.Errorf("Ascent, Descent = %v, %v; want the OS/2 typo metrics, about 0.88 and 0.12", a, d)
			}
		})
	}
}

func TestKaiLacksWhatItLacks(t *testing.T) {
	// AR PL KaitiM GB covers GB2312 only; the Kai chain relies on the serif for these.
	for _, r := range "•〇" {
		if KaiFace().Has(r) {
			t.Errorf("KaiFace().Has(%q) = true; the Default Kai chain comment is out of date", r)
		}
		if !SerifFace().Has(r) {
			t.Errorf("SerifFace().Has(%q) = false", r)
		}
	}
}

func TestEveryGB2312HanziInEveryEmbeddedFace(t *testing.T) {
	// GB2312 hanzi are EUC-CN rows 0xB0–0xF7, cells 0xA1–0xFE, except D7FA–D7FE. GBK keeps
	// those positions and adds nothing there, so decoding them as GBK yields exactly the 6763
	// GB2312 hanzi.
	dec := simplifiedchinese.GBK.NewDecoder()
	hanzi := 0
	for hi := 0xB0; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			if hi == 0xD7 && lo > 0xF9 {
				continue
			}
			b, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				t.Fatal(err)
			}
			r, _ := utf8.DecodeRune(b)
			hanzi++
			for _, f := range []*Face{SerifFace(), SerifBoldFace(), SansFace(), KaiFace()} {
				if !f.Has(r) {
					t.Errorf("%s lacks GB2312 hanzi %X%X %q", f.Name(), hi, lo, r)
				}
			}
		}
	}
	if hanzi != 6763 {
		t.Errorf("counted %d GB2312 hanzi, want 6763: the loop bounds are wrong", hanzi)
	}
}

func TestReportPunctuationInNotoFaces(t *testing.T) {
	const report = "　、。〃〇《》「」『』【】〔〕！＂＃％＆＇（）＊＋，－．／０９：；＜＝＞？＠ＡＺ［］～" +
		"—–…‘’“”•‰※№℃≤≥±×÷·¥￥①⑩⑴⒇⒈Ⅰ㈠ ~"
	for _, f := range []*Face{SerifFace(), SerifBoldFace(), SansFace()} {
		for _, r := range report {
			if !f.Has(r) {
				t.Errorf("%s lacks %q (U+%04X)", f.Name(), r, r)
			}
		}
	}
}
