package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/signintech/gopdf"

	"github.com/budgetdoc/budgetdoc/fonts"
)

// wholeFaces holds each face parsed once for gopdf as it is, outlines and
// all, for the programs that embed fonts gopdf's way: the bare gopdf
// benchmark and tests that draw with gopdf alone.
var wholeFaces sync.Map // *fonts.Face → *gopdf.FontContainer

func registerWhole(gp *gopdf.GoPdf, f *fonts.Face) error {
	v, ok := wholeFaces.Load(f)
	if !ok {
		c := &gopdf.FontContainer{}
		if err := c.AddTTFFontData(f.Name(), f.Data()); err != nil {
			return err
		}
		v, _ = wholeFaces.LoadOrStore(f, c)
	}
	return gp.AddTTFFontFromFontContainer(f.Name(), v.(*gopdf.FontContainer))
}

// embedded is an embedded font file of a PDF: the glyphs its CIDFont's /W
// array lists and the file, inflated.
type embedded struct {
	glyphs  []int
	file    []byte
	length1 int
}

var fontFileStream = regexp.MustCompile(`^\d+ 0 obj\n<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`)

// embeddedFonts reads every font file of a PDF written by gopdf (and, if
// so, finished), in the order of the CIDFonts.
func embeddedFonts(t *testing.T, pdf []byte) []embedded {
	t.Helper()
	objs, err := readObjects(pdf)
	if err != nil {
		t.Fatal(err)
	}
	byNum := map[int]*object{}
	for _, o := range objs {
		byNum[o.num] = o
	}
	num := func(re *regexp.Regexp, b []byte) int {
		m := re.FindSubmatch(b)
		if m == nil {
			t.Fatalf("no %v in %q", re, b)
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	var out []embedded
	for _, o := range objs {
		if isStream(o) || !cidFont.Match(o.body) {
			continue
		}
		var e embedded
		for _, w := range glyphWidth.FindAllSubmatch(widths.Find(o.body), -1) {
			g, _ := strconv.Atoi(string(w[1]))
			e.glyphs = append(e.glyphs, g)
		}
		file := byNum[num(fontFile2, byNum[num(descriptor, o.body)].body)].body
		m := fontFileStream.FindSubmatch(file)
		if m == nil {
			t.Fatalf("font file object %.60q", file)
		}
		n, _ := strconv.Atoi(string(m[1]))
		e.length1, _ = strconv.Atoi(string(m[2]))
		zr, err := zlib.NewReader(bytes.NewReader(file[len(m[0]) : len(m[0])+n]))
		if err != nil {
			t.Fatal(err)
		}
		if e.file, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// sampleOf is every step-th character the face has, up to U+FFFF.
func sampleOf(f *fonts.Face, step int) string {
	var s []rune
	for r := rune(0x21); r <= 0xFFFF; r++ {
		if f.Has(r) {
			s = append(s, r)
		}
	}
	var b []rune
	for i := 0; i < len(s); i += step {
		b = append(b, s[i])
	}
	return string(b)
}

// The font file finish embeds is byte for byte the one gopdf makes from the
// whole face for the same glyphs, in faces with long and short loca tables.
func TestFontFileAsGopdf(t *testing.T) {
	tiny, err := fonts.LoadFile("../../fonts/testdata/tiny.ttf", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		f    *fonts.Face
		step int // every step-th character of the face
	}{{fonts.SerifFace(), 7}, {fonts.SerifBoldFace(), 7}, {fonts.SansFace(), 7}, {fonts.KaiFace(), 7}, {tiny, 1}} {
		f := c.f
		t.Run(f.Name(), func(t *testing.T) {
			gp := &gopdf.GoPdf{}
			gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: *gopdf.PageSizeA4})
			if err := registerWhole(gp, f); err != nil {
				t.Fatal(err)
			}
			gp.AddPage()
			if err := gp.SetFont(f.Name(), "", 10); err != nil {
				t.Fatal(err)
			}
			if err := gp.Text(sampleOf(f, c.step)); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if _, err := gp.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			fonts := embeddedFonts(t, buf.Bytes())
			if len(fonts) != 1 || len(fonts[0].glyphs) < 2 {
				t.Fatalf("gopdf embedded %d fonts", len(fonts))
			}
			pf, err := parse(f)
			if err != nil {
				t.Fatal(err)
			}
			got := pf.file.fontFile(nil, fonts[0].glyphs)
			if want := fonts[0].file; !bytes.Equal(got, want) {
				t.Errorf("font file of %d glyphs: %d bytes, gopdf's %d; first difference at byte %d",
					len(fonts[0].glyphs), len(got), len(want), firstDifference(got, want))
			}
		})
	}
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// A document's font files hold the outlines of the glyphs it draws, though
// gopdf was given the faces hollowed out.
func TestDocumentEmbedsOutlines(t *testing.T) {
	l, err := Lay(sampleDoc(1, 5), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := l.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	embeds := embeddedFonts(t, buf.Bytes())
	if len(embeds) != len(l.used) {
		t.Fatalf("%d font files for %d faces", len(embeds), len(l.used))
	}
	for i, e := range embeds {
		if len(e.file) != e.length1 {
			t.Errorf("font file %d: /Length1 %d for %d bytes", i, e.length1, len(e.file))
		}
		tables, err := sfntTables(e.file)
		if err != nil {
			t.Fatal(err)
		}
		pf, err := parse(l.used[i])
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, g := range pf.file.closure(e.glyphs) {
			want += len(pf.file.outline(g))
		}
		if got := int(tables["glyf"].length); got != int(pad4(uint32(want))) || want == 0 {
			t.Errorf("%s: glyf table of %d bytes; the glyphs drawn have %d", l.used[i].Name(), got, want)
		}
	}
}

// closure takes the parts of composite glyphs, and their parts in turn,
// stepping over each part's arguments and scale whatever their size.
func TestClosureTakesNestedParts(t *testing.T) {
	simple := make([]byte, compositeHead) // numberOfContours 0 and a box
	composite := func(parts ...[2]int) []byte {
		g := binary.BigEndian.AppendUint16(nil, 0xFFFF) // numberOfContours -1
		g = append(g, make([]byte, 8)...)
		for i, p := range parts {
			flags := uint16(p[1])
			if i < len(parts)-1 {
				flags |= moreParts
			}
			g = binary.BigEndian.AppendUint16(g, flags)
			g = binary.BigEndian.AppendUint16(g, uint16(p[0]))
			args := 2
			if flags&argsAreWords != 0 {
				args = 4
			}
			switch {
			case flags&haveScale != 0:
				args += 2
			case flags&haveXYScale != 0:
				args += 4
			case flags&haveTwoByTwo != 0:
				args += 8
			}
			g = append(g, make([]byte, args)...)
		}
		return g
	}
	outlines := [][]byte{
		simple, // 0 .notdef
		composite([2]int{2, argsAreWords | haveScale}, [2]int{5, haveTwoByTwo}, [2]int{6, haveXYScale}),
		composite([2]int{3, 0}),
		simple,
		simple, // 4: not used
		simple,
		simple,
	}
	f := &face{tables: map[string]sfntTable{}}
	for _, o := range outlines {
		f.loca = append(f.loca, uint32(len(f.data)))
		f.data = append(f.data, o...)
	}
	f.loca = append(f.loca, uint32(len(f.data)))
	f.tables["glyf"] = sfntTable{length: uint32(len(f.data))}
	if got, want := f.closure([]int{1}), []int{0, 1, 2, 3, 5, 6}; !slices.Equal(got, want) {
		t.Errorf("closure of glyph 1: %v, want %v", got, want)
	}
}

// Whatever face fonts.Parse accepts, its font files and its punctuation's
// ink boxes are made without a panic, and the files read back as fonts.
func FuzzFontFile(f *testing.F) {
	tiny, err := fonts.LoadFile("../../fonts/testdata/tiny.ttf", 0)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(tiny.Data(), 1, 2)
	f.Fuzz(func(t *testing.T, data []byte, g1, g2 int) {
		fc, err := fonts.Parse("fuzz", data)
		if err != nil {
			return
		}
		face, err := readFace(data)
		if err != nil {
			return
		}
		_ = face.hollow()
		for _, r := range "，。、（）“”" { // the marks whose ink layout measures
			face.box(fc, r)
		}
		file := face.fontFile(nil, []int{g1 % 70000, g2 % 70000})
		if _, err := sfntTables(file); err != nil {
			t.Fatalf("the font file does not read back: %v", err)
		}
	})
}

// gopdf writes the same document from a hollowed face as from the whole
// one, font file apart: glyph numbers, widths, descriptor and ToUnicode map.
// Most faces keep their outlines before the cmap and drop them from the
// hollow copy; WenKai-Tongyong keeps them after it, and keeps them.
func TestHollowReadsAsWhole(t *testing.T) {
	for _, f := range fonts.Default().Faces() {
		t.Run(f.Name(), func(t *testing.T) {
			write := func(register func(*gopdf.GoPdf, *fonts.Face) error) []byte {
				gp := &gopdf.GoPdf{}
				gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: *gopdf.PageSizeA4})
				gp.SetNoCompression()
				if err := register(gp, f); err != nil {
					t.Fatal(err)
				}
				gp.AddPage()
				if err := gp.SetFont(f.Name(), "", 10); err != nil {
					t.Fatal(err)
				}
				if err := gp.Text(sampleOf(f, 5)); err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if _, err := gp.WriteTo(&buf); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			// Every object but the font file, which finish replaces.
			objects := func(pdf []byte) map[int]string {
				objs, err := readObjects(pdf)
				if err != nil {
					t.Fatal(err)
				}
				m := map[int]string{}
				for _, o := range objs {
					m[o.num] = string(o.body)
				}
				for _, o := range objs {
					if ff := fontFile2.FindSubmatch(o.body); ff != nil {
						n, _ := strconv.Atoi(string(ff[1]))
						delete(m, n)
					}
				}
				return m
			}
			whole, hollowed := objects(write(registerWhole)), objects(write(register))
			if len(whole) < 5 || !maps.Equal(whole, hollowed) {
				t.Error("gopdf writes another document from the hollowed face")
			}
			pf, err := parse(f)
			if err != nil {
				t.Fatal(err)
			}
			glyf, cmap := pf.file.tables["glyf"], pf.file.tables["cmap"]
			if size := len(pf.file.hollow()); glyf.offset < cmap.offset && size > len(f.Data())-int(glyf.length) {
				t.Errorf("hollowed face of %d bytes keeps its %d bytes of outlines", size, glyf.length)
			}
		})
	}
}
