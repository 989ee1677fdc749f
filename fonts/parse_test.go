package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/signintech/gopdf"
)

func readTiny(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/tiny.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseTinyFont(t *testing.T) {
	f, err := Parse("", readTiny(t))
	if err != nil {
		t.Fatal(err)
	}
	if f.Name() != "NotoSansSC-Regular" {
		t.Errorf("Name() = %q, want the PostScript name when none is given", f.Name())
	}
	if !f.Has('A') || !f.Has('中') || f.Has('B') || f.Has('国') {
		t.Errorf("Has(A, 中, B, 国) = %v %v %v %v; want true true false false", f.Has('A'), f.Has('中'), f.Has('B'), f.Has('国'))
	}
	if f.Advance('A') != 0.608 || f.Advance('中') != 1 {
		t.Errorf("Advance(A, 中) = %v, %v; want 0.608, 1", f.Advance('A'), f.Advance('中'))
	}
}

func TestParseNamesArePDFNames(t *testing.T) {
	data := readTiny(t)
	for name, want := range map[string]string{
		"Fang Song(GB2312)/#1": "Fang_Song_GB2312___1",
		"仿宋":                   "NotoSansSC-Regular",
		"仿宋_GB2312":            "___GB2312",
	} {
		f, err := Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name() != want {
			t.Errorf("Parse(%q).Name() = %q, want %q", name, f.Name(), want)
		}
	}
}

func TestParseRefusesCFF(t *testing.T) {
	// An 'OTTO' offset table with no tables: refused for its outlines before anything else.
	otto := []byte{'O', 'T', 'T', 'O', 0, 0, 0, 0, 0, 0, 0, 0}
	// A TrueType-versioned font that carries a 'CFF ' table instead of glyf.
	withCFF := make([]byte, 12+16+4)
	binary.BigEndian.PutUint32(withCFF, sfntVersionTrueType)
	binary.BigEndian.PutUint16(withCFF[4:], 1)
	copy(withCFF[12:], "CFF ")
	binary.BigEndian.PutUint32(withCFF[12+8:], 28)
	binary.BigEndian.PutUint32(withCFF[12+12:], 4)

	for name, data := range map[string][]byte{"otto": otto, "cff-table": withCFF} {
		_, err := Parse(name, data)
		if !errors.Is(err, ErrCFF) {
			t.Fatalf("%s: Parse error = %v, want ErrCFF", name, err)
		}
		for _, why := range []string{name, "CFF", "gopdf", "TrueType glyf", "TrueType version"} {
			if !strings.Contains(err.Error(), why) {
				t.Errorf("%s: error %q does not mention %q", name, err, why)
			}
		}
	}
}

// buildTTC packs whole fonts into a collection: each font's offset table and tables are copied
// after the header, with the table offsets moved by where the font lands.
func buildTTC(fonts ...[]byte) []byte {
	ttc := []byte("ttcf\x00\x01\x00\x00")
	ttc = binary.BigEndian.AppendUint32(ttc, uint32(len(fonts)))
	base := len(ttc) + 4*len(fonts)
	var body []byte
	for _, f := range fonts {
		at := base + len(body)
		ttc = binary.BigEndian.AppendUint32(ttc, uint32(at))
		f = bytes.Clone(f)
		for i := 0; i < int(u16(f, 4)); i++ {
			p := 12 + 16*i + 8
			binary.BigEndian.PutUint32(f[p:], u32(f, p)+uint32(at))
		}
		body = append(body, f...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	return append(ttc, body...)
}

func TestParseCollection(t *testing.T) {
	ttc := buildTTC(SansFace().Data(), KaiFace().Data())

	f, err := ParseCollection("kai-from-ttc", ttc, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f.PostScriptName() != "GBZenKai-Medium" {
		t.Errorf("face 1 is %q, want the Kai font", f.PostScriptName())
	}
	for _, r := range "中A，•" {
		if f.Has(r) != KaiFace().Has(r) || f.Advance(r) != KaiFace().Advance(r) {
			t.Errorf("%q: extracted face says %v %v, original %v %v", r, f.Has(r), f.Advance(r), KaiFace().Has(r), KaiFace().Advance(r))
		}
	}
	if sum := checksum(f.Data()); sum != 0xB1B0AFBA {
		t.Errorf("extracted font sums to %#x; head.checkSumAdjustment should make it 0xB1B0AFBA", sum)
	}
	pdf := newPDF(t)
	if err := pdf.AddTTFFontData(f.Name(), f.Data()); err != nil {
		t.Fatalf("gopdf refuses the extracted face: %v", err)
	}

	if _, err := Parse("both", ttc); err == nil || !strings.Contains(err.Error(), "ParseCollection") || !strings.Contains(err.Error(), "2 faces") {
		t.Errorf("Parse(.ttc) error = %v; want one that names the 2 faces and ParseCollection", err)
	}
	for _, index := range []int{2, -1, 1 << 40} {
		_, err := ParseCollection("both", ttc, index)
		if err == nil || !strings.Contains(err.Error(), "has 2 faces") {
			t.Errorf("ParseCollection(index %d) error = %v; want one saying the collection has 2 faces", index, err)
		}
	}
	if _, err := ParseCollection("plain", SansFace().Data(), 0); err == nil || !strings.Contains(err.Error(), "not a font collection") {
		t.Errorf("ParseCollection(plain font) error = %v", err)
	}
}

func TestLoadFileAndFS(t *testing.T) {
	dir := t.TempDir()
	ttcPath := filepath.Join(dir, "pair.ttc")
	ttfPath := filepath.Join(dir, "tiny.ttf")
	ttc := buildTTC(readTiny(t), KaiFace().Data())
	if err := os.WriteFile(ttcPath, ttc, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ttfPath, readTiny(t), 0o644); err != nil {
		t.Fatal(err)
	}

	if f, err := LoadFile(ttcPath, 1); err != nil || f.Name() != "GBZenKai-Medium" {
		t.Errorf("LoadFile(ttc, 1) = %v, %v; want the Kai face", f, err)
	}
	if f, err := LoadFile(ttfPath, 7); err != nil || !f.Has('中') {
		t.Errorf("LoadFile(ttf, 7) = %v, %v; want the font, index ignored", f, err)
	}
	if _, err := LoadFile(ttcPath, 3); err == nil || !strings.Contains(err.Error(), ttcPath) {
		t.Errorf("LoadFile(ttc, 3) error = %v; want one naming the file", err)
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.ttf"), 0); err == nil {
		t.Error("LoadFile(missing) gave no error")
	}

	fsys := fstest.MapFS{"fonts/pair.ttc": {Data: ttc}}
	if f, err := LoadFS(fsys, "fonts/pair.ttc", 0); err != nil || f.Name() != "NotoSansSC-Regular" {
		t.Errorf("LoadFS(ttc, 0) = %v, %v", f, err)
	}
}

func TestParseBadInputGivesErrors(t *testing.T) {
	tiny := readTiny(t)
	renamed := func(from, to string) []byte {
		d := bytes.Clone(tiny)
		i := bytes.Index(d[:12+16*int(u16(d, 4))], []byte(from))
		copy(d[i:], to)
		return d
	}
	cases := map[string]struct {
		data []byte
		want string
	}{
		"nil":        {nil, "too short"},
		"text":       {[]byte("%PDF-1.7 not a font"), "not a TrueType font"},
		"woff":       {[]byte("wOFF\x00\x01\x00\x00"), "WOFF"},
		"apple":      {[]byte("true\x00\x00\x00\x00\x00\x00\x00\x00"), "Apple"},
		"header":     {tiny[:12], "past the end"},
		"no post":    {renamed("post", "xost"), `"post"`},
		"no glyf":    {renamed("glyf", "xlyf"), "no TrueType outlines"},
		"no cmap":    {renamed("cmap", "xmap"), `"cmap"`},
		"half font":  {tiny[:len(tiny)/2], "past the end"},
		"ttc header": {[]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x09"), "collection"},
	}
	for name, c := range cases {
		_, err := Parse(name, c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error = %v; want one naming the font and containing %q", name, err, c.want)
		}
	}
	// Every truncation of a real font fails cleanly.
	for n := 0; n < len(tiny); n++ {
		if _, err := Parse("cut", tiny[:n]); err == nil {
			t.Errorf("Parse(first %d of %d bytes) succeeded", n, len(tiny))
		}
	}
}

func FuzzParse(f *testing.F) {
	tiny := readTiny(f)
	f.Add(tiny)
	f.Add(buildTTC(tiny, tiny))
	f.Add(tinyWithGlyphIDAt(f, len(tiny)-2)) // a segment read through idRangeOffset, at the file's very end
	f.Add([]byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Add([]byte("ttcf\x00\x01\x00\x00\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, face := range []func() (*Face, error){
			func() (*Face, error) { return Parse("fuzz", data) },
			func() (*Face, error) { return ParseCollection("fuzz", data, 1) },
		} {
			fc, err := face()
			if err != nil {
				continue
			}
			for _, r := range []rune{0, 'A', '中', 0xFFFF, 0x10000, 0x2A6D6, -5} {
				if a := fc.Advance(r); a < 0 || !fc.Has(r) && a != 0 {
					t.Fatalf("Has(%U) = %v but Advance = %v", r, fc.Has(r), a)
				}
			}
			// What Parse accepts, gopdf must load: that is Parse's promise.
			pdf := &gopdf.GoPdf{}
			pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
			if err := pdf.AddTTFFontData(fc.Name(), fc.Data()); err != nil {
				t.Fatalf("Parse accepted a font gopdf refuses: %v", err)
			}
		}
	})
}

// tinyWithGlyphIDAt is tiny.ttf with its 'A' cmap segment switched to an idRangeOffset that
// puts the segment's one glyph id at byte at of the file (which need not lie inside the file).
func tinyWithGlyphIDAt(tb testing.TB, at int) []byte {
	tb.Helper()
	tiny := readTiny(tb)
	records, err := readTableDirectory(tiny, 0)
	if err != nil {
		tb.Fatal(err)
	}
	cmapAt := int(tableOffset(records, "cmap"))
	cmap := tables(tiny, records)["cmap"]
	sub := -1
	for i := 0; i < int(u16(cmap, 2)); i++ {
		if u16(cmap, 4+8*i) == 3 && u16(cmap, 4+8*i+2) == 1 {
			sub = int(u32(cmap, 4+8*i+4))
		}
	}
	if sub < 0 {
		tb.Fatal("tiny.ttf has no (3,1) cmap subtable")
	}
	segCount := int(u16(cmap, sub+6)) / 2
	if u16(cmap, sub+14+2*segCount+2) != 'A' || u16(cmap, sub+14) != 'A' {
		tb.Fatal("tiny.ttf's first (3,1) segment is not U+0041 alone; tinyWithGlyphIDAt needs rewriting")
	}
	rangeOffAt := cmapAt + sub + 14 + 6*segCount + 2 // idRangeOffset[0] in the file
	binary.BigEndian.PutUint16(tiny[rangeOffAt:], uint16(at-rangeOffAt))
	return tiny
}

// gopdf reads the glyph ids a format-4 segment's idRangeOffset points to straight from the file,
// past the cmap table if need be, and fails with a bare "EOF" when they run past the end of the
// file. Put tiny.ttf's 'A' glyph id (one code point, one id) in the file's last two bytes, then
// two bytes further: Parse must accept the first (and gopdf load it) and refuse the second.
func TestParseRefusesGlyphIdsPastEndOfFile(t *testing.T) {
	size := len(readTiny(t))
	fits, err := Parse("fits", tinyWithGlyphIDAt(t, size-2))
	if err != nil {
		t.Fatalf("glyph id in the file's last 2 bytes: %v", err)
	}
	if err := newPDF(t).AddTTFFontData(fits.Name(), fits.Data()); err != nil {
		t.Fatalf("gopdf refuses the font Parse accepted: %v", err)
	}

	past := tinyWithGlyphIDAt(t, size)
	if err := newPDF(t).AddTTFFontData("past", past); err == nil {
		t.Fatal("gopdf loads a font whose glyph id lies past the end of the file; the check is not needed")
	}
	_, err = Parse("past", past)
	for _, want := range []string{`font "past"`, "segment 0 (U+0041..U+0041)", "2 bytes past the end of the file"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("glyph id past the end of the file: error = %v; want one containing %q", err, want)
		}
	}
}
